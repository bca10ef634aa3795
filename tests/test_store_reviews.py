"""store/reviews.py: decisions keyed by fingerprint survive re-extraction and feed the views.

`make_db` (also used by the review-app, Datasette, report and browser tests) builds a small
store from fixtures: two sites, two articles, one widget snapshot.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

import store
from store.migrations import migrations

SITES = [
    {"id": "tanhong", "name": "xã Tân Hồng", "level": "commune", "district": "huyện Bình Giang",
     "province": "tỉnh Hải Dương", "base_url": "http://tanhong.gov.vn", "platform": "trang"},
    {"id": "doanket", "name": "xã Đoàn Kết", "level": "commune",
     "district": "huyện Thanh Miện", "province": "tỉnh Hải Dương",
     "base_url": "http://doanket.gov.vn", "platform": "trang"},
]
BODY_1 = ("Quý I năm 2022, xã Tân Hồng đã tiếp nhận 400 hồ sơ, đã giải quyết 380 hồ sơ, "
          "trong đó trễ hạn 19 hồ sơ. Thủ tục hành chính được công khai đầy đủ.")
BODY_2 = ("Quý II năm 2022, xã Tân Hồng tiếp nhận 420 hồ sơ, giải quyết 400 hồ sơ, "
          "trễ hạn 8 hồ sơ. <script>window.__pwned = 1; alert('x')</script> "
          "<img src=x onerror=\"window.__pwned = 2\"> Đường giao thông được nâng cấp.")
BODY_3 = "Quý I năm 2022, xã Đoàn Kết giải quyết 250 hồ sơ, trễ hạn 5 hồ sơ."
WIDGET = "Tiếp nhận: 1200 Đã giải quyết: 1100 Trễ hạn: 11"


@dataclass(frozen=True)
class Fig:
    metric: str
    value: float
    evidence: str
    start: int
    end: int
    channel: str | None = None
    period: str | None = "2022-Q1"
    subject: str | None = None
    level: str | None = None
    source: str = "article"
    flags: tuple[str, ...] = ()


def figs_in(body: str, period: str, *specs: tuple[str, float, str],
            flags: dict[str, tuple[str, ...]] | None = None, source: str = "article") -> list[Fig]:
    """Figures with spans found in `body` (metric, value, evidence)."""
    out = []
    for metric, value, evidence in specs:
        start = body.index(evidence)
        out.append(Fig(metric, value, evidence, start, start + len(evidence), period=period,
                       source=source, flags=(flags or {}).get(metric, ())))
    return out


FIGS_1 = figs_in(BODY_1, "2022-Q1", ("received", 400, "tiếp nhận 400"),
                 ("resolved", 380, "giải quyết 380"), ("late", 19, "trễ hạn 19"),
                 flags={"late": ("sum:early_or_on_time+late!=resolved",)})
FIGS_2 = figs_in(BODY_2, "2022-Q2", ("received", 420, "tiếp nhận 420"),
                 ("resolved", 400, "giải quyết 400"), ("late", 8, "trễ hạn 8"))
FIGS_3 = figs_in(BODY_3, "2022-Q1", ("resolved", 250, "giải quyết 250"),
                 ("late", 5, "trễ hạn 5"))
FIGS_W = figs_in(WIDGET, "2022-01..2022-06", ("received", 1200, "Tiếp nhận: 1200"),
                 ("resolved", 1100, "Đã giải quyết: 1100"), ("late", 11, "Trễ hạn: 11"),
                 source="widget")
ARTICLES = [  # (site, url, title, published, body, figures)
    ("tanhong", "http://tanhong.gov.vn/a1", "Kết quả CCHC quý I", "2022-04-05", BODY_1, FIGS_1),
    ("tanhong", "http://tanhong.gov.vn/a2", "Kết quả quý II <b>", "2022-07-05", BODY_2, FIGS_2),
    ("doanket", "http://doanket.gov.vn/a1", "Đoàn Kết quý I", "2022-04-06", BODY_3, FIGS_3),
]


def save_articles(db: Database, figures: dict[str, list[Any]] | None = None) -> None:
    """Save (or re-save, as `cchc extract --all` does) the fixture articles and their figures."""
    for site, url, title, published, body, figs in ARTICLES:
        store.save_page(db, url=url, site_id=site, kind="article", status=200,
                        body=body.encode(), fetched_at="2026-01-01T00:00:00+00:00")
        page = next(r for r in db.query("SELECT * FROM pages WHERE url = ?", [url]))
        store.save_article(db, page=page, title=title, published=published, body=body,
                           figures=(figures or {}).get(url, figs), extractor_version="1")
    store.refresh_comparison(db)  # as an extraction pass does


def make_db(path: str | Path = ":memory:") -> Database:
    """A store with the fixture sites, articles, widget snapshot and 2025 units."""
    db = store.open_db(path)
    store.upsert_sites(db, SITES)
    save_articles(db)
    store.save_widget_snapshot(db, site_id="doanket", page_id=3, kind="tthc", text=WIDGET,
                               updated_at="2022-06-27T04:09:32", figures=FIGS_W,
                               extractor_version="1")
    store.refresh_units(db)
    store.refresh_comparison(db)
    return db


def fp(db: Database, url: str, metric: str) -> str:
    return str(db.execute(
        "SELECT f.fingerprint FROM figures f JOIN articles a ON a.id = f.article_id "
        "WHERE a.url = ? AND f.metric = ?", [url, metric]).fetchone()[0])


def comparison(db: Database, unit: str, period: str) -> dict[str, Any]:
    return next(db.query("SELECT * FROM comparison WHERE unit = ? AND period = ? "
                         "AND channel IS NULL", [unit, period]))


@pytest.fixture
def db() -> Database:
    return make_db()


def test_migrations_apply_twice_and_create_review_tables(db: Database) -> None:
    migrations.apply(db)
    assert {"reviews", "review_audit", "units", "articles_fts", "comparison"} <= set(
        db.table_names())
    assert {"figures_to_review", "latest_statistics_boxes", "comparison_conflicts"} <= set(
        db.view_names())


def test_correction_survives_reextraction_and_is_used(db: Database) -> None:
    url = "http://tanhong.gov.vn/a1"
    late = fp(db, url, "late")
    store.review_figure(db, late, "corrected", reviewer="Lan", new_value=20, note="OCR")
    assert comparison(db, "xã Tân Hồng", "2022-Q1")["late"] == 20
    old_ids = {r["id"] for r in db["figures"].rows}
    save_articles(db)  # re-extraction: figures deleted and inserted again, new ids
    assert not old_ids & {r["id"] for r in db["figures"].rows if r["article_id"] == 1}
    review = store.get_review(db, late)
    assert review is not None
    assert (review["decision"], review["new_value"], review["old_value"]) == ("corrected", 20, 19)
    row = comparison(db, "xã Tân Hồng", "2022-Q1")
    assert (row["late"], row["late_pct_recomputed"], row["reviewed"]) == (20, 5.26, 1)


def test_rejected_figure_left_out_of_comparison(db: Database) -> None:
    store.review_figure(db, fp(db, "http://doanket.gov.vn/a1", "late"), "rejected",
                        reviewer="Lan", note="a different year")
    row = comparison(db, "xã Đoàn Kết", "2022-Q1")
    assert (row["resolved"], row["late"], row["late_pct"]) == (250, None, None)


def test_audit_trail_appends_every_decision(db: Database) -> None:
    received = fp(db, "http://tanhong.gov.vn/a1", "received")
    store.review_figure(db, received, "confirmed", reviewer="Lan")
    store.review_figure(db, received, "corrected", reviewer="Minh", new_value=401)
    trail = store.audit_trail(db, received)
    assert [(t["decision"], t["previous_decision"], t["reviewer"]) for t in trail] == [
        ("corrected", "confirmed", "Minh"), ("confirmed", None, "Lan")]
    assert db["reviews"].count == 1


def test_review_queue_lists_unreviewed_flagged_first(db: Database) -> None:
    queue = store.review_queue(db)
    assert len(queue) == 11
    assert (queue[0]["metric"], queue[0]["flagged"]) == ("late", 1)
    store.review_figure(db, queue[0]["fingerprint"], "confirmed", reviewer="Lan")
    assert len(store.review_queue(db)) == 10
    assert {r["metric"] for r in store.review_queue(db, site_id="doanket", metric="late")} == {
        "late"}
    assert store.review_queue(db, flag="sum") == []


@pytest.mark.parametrize(("decision", "value", "message"), [
    ("maybe", None, "decision must be one of"),
    ("corrected", None, "needs the corrected value"),
])
def test_review_errors_say_what_to_do(db: Database, decision: str, value: float | None,
                                      message: str) -> None:
    with pytest.raises(store.ReviewError, match=message):
        store.review_figure(db, fp(db, "http://tanhong.gov.vn/a1", "late"), decision,
                            reviewer="Lan", new_value=value)
    with pytest.raises(store.ReviewError, match="no figure with fingerprint"):
        store.review_figure(db, "nope", "confirmed", reviewer="Lan")


def test_comparison_has_stated_and_recomputed_rates_and_latest_widget(db: Database) -> None:
    row = comparison(db, "xã Tân Hồng", "2022-Q1")
    assert (row["late_pct"], row["late_pct_recomputed"], row["flagged"]) == (5.0, 5.0, 1)
    assert "sum:early_or_on_time+late!=resolved" in row["flag_list"]
    widget = next(db.query("SELECT site_id, figures FROM latest_statistics_boxes"))
    assert widget == {"site_id": "doanket", "figures": 3}


def _decide_many(path: str, fingerprint: str, reviewer: str, rounds: int) -> None:
    db = store.open_db(path)
    for i in range(rounds):
        store.review_figure(db, fingerprint, ("confirmed", "rejected")[i % 2], reviewer=reviewer)


def test_reviewers_deciding_at_once_each_see_the_decision_before_theirs(tmp_path: Path) -> None:
    """Every audit row names, as its previous decision, the decision recorded just before it:
    the read of the previous decision and the write of the new one share one write lock."""
    import multiprocessing

    path = str(tmp_path / "cchc.db")
    received = fp(make_db(path), "http://tanhong.gov.vn/a1", "received")
    ctx = multiprocessing.get_context("fork")
    workers = [ctx.Process(target=_decide_many, args=(path, received, name, 12))
               for name in ("Lan", "Minh", "Hoa")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    audit = list(store.open_db(path).query(
        "SELECT decision, previous_decision FROM review_audit WHERE fingerprint = ? ORDER BY id",
        [received]))
    assert len(audit) == 36
    assert audit[0]["previous_decision"] is None
    assert [row["previous_decision"] for row in audit[1:]] == [row["decision"] for row in audit[:-1]]
