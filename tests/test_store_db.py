"""store/: pages keyed by canonical URL, articles and figures replaced, snapshots deduplicated."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlite_utils import Database

import store
from store.migrations import migrations

SITE = {"id": "thaihoc", "name": "xã Thái Học", "level": "commune", "district": "Bình Giang",
        "province": "Hải Dương", "base_url": "http://thaihoc.binhgiang.haiduong.gov.vn",
        "platform": "trang"}


@dataclass(frozen=True)
class Fig:
    metric: str
    value: float
    evidence: str
    start: int = 0
    end: int = 0
    channel: str | None = None
    period: str | None = "2022-Q1"
    subject: str | None = "xã Thái Học"
    level: str | None = "commune"
    source: str = "article"
    flags: tuple[str, ...] = ()


def save(db: Database, body: bytes = b"<p>x</p>", url: str = "http://a.gov.vn/t?nid=1") -> str:
    return store.save_page(db, url=url, site_id="thaihoc", kind="article", status=200,
                           body=body, fetched_at="2026-01-01T00:00:00+00:00")


@pytest.mark.parametrize(("url", "canonical"), [
    ("HTTP://Xa.Gov.VN:80/a?utm_source=fb&nid=5#top", "http://xa.gov.vn/a?nid=5"),
    ("https://xa.gov.vn/Trang/ChiTietTinTuc.aspx?nid=7&title=a.html&fbclid=Z",
     "https://xa.gov.vn/Trang/ChiTietTinTuc.aspx?nid=7&title=a.html"),
    ("http://xa.gov.vn", "http://xa.gov.vn/"),
    ("http://xa.gov.vn:8080/p", "http://xa.gov.vn:8080/p"),
])
def test_canonical_url(url: str, canonical: str) -> None:
    assert store.canonical_url(url) == canonical


def test_migrations_apply_twice_without_change(fresh_db: Database) -> None:
    before = fresh_db.table_names()
    migrations.apply(fresh_db)
    assert fresh_db.table_names() == before
    assert {"comparison_conflicts", "figures_by_unit"} <= set(fresh_db.view_names())
    assert "comparison" in fresh_db.table_names()


def test_page_new_unchanged_updated(fresh_db: Database) -> None:
    store.upsert_sites(fresh_db, [SITE])
    assert save(fresh_db) == "new"
    assert save(fresh_db, url="http://A.gov.vn/t?nid=1&utm_campaign=x") == "unchanged"
    assert save(fresh_db, body=b"<p>changed</p>") == "updated"
    row = next(fresh_db["pages"].rows)
    assert store.page_body(row) == b"<p>changed</p>"
    assert fresh_db["pages"].count == 1


def test_reextraction_replaces_figures_and_counts_stay(fresh_db: Database) -> None:
    store.upsert_sites(fresh_db, [SITE])
    save(fresh_db)
    page = next(store.pages_to_extract(fresh_db, extractor_version="1"))
    figs = [Fig("received", 397, "tiếp nhận 397 hồ sơ", 10, 29),
            Fig("received", 397, "tiếp nhận 397 hồ sơ", 10, 29)]  # a duplicate is stored once
    for _ in range(2):
        store.save_article(fresh_db, page=page, title="T", published="2022-04-13", body="b",
                           figures=figs, extractor_version="1")
    assert fresh_db["articles"].count == 1
    assert fresh_db["figures"].count == 1
    assert list(store.pages_to_extract(fresh_db, extractor_version="1")) == []
    assert len(list(store.pages_to_extract(fresh_db, extractor_version="2"))) == 1
    store.refresh_comparison(fresh_db)
    row = next(fresh_db.query("SELECT unit, period, received FROM comparison"))
    assert row == {"unit": "xã Thái Học", "period": "2022-Q1", "received": 397}


def test_widget_snapshot_stored_once_per_text(fresh_db: Database) -> None:
    store.upsert_sites(fresh_db, [SITE])
    save(fresh_db)
    figs = [Fig("resolved", 498, "Số hồ sơ xử lý: 498", 0, 19, source="widget",
                period="2022-01..2022-06")]
    for _ in range(3):
        store.save_widget_snapshot(fresh_db, site_id="thaihoc", page_id=1, kind="tthc",
                                   text="Số hồ sơ xử lý: 498", updated_at="2022-06-27T04:09:32",
                                   figures=figs, extractor_version="1")
    assert fresh_db["widget_snapshots"].count == 1
    assert fresh_db["figures"].count == 1
    store.refresh_comparison(fresh_db)
    row = next(fresh_db.query("SELECT unit, period, resolved, source FROM comparison"))
    assert row == {"unit": "xã Thái Học", "period": "2022-01..2022-06", "resolved": 498,
                   "source": "widget"}


def test_comparison_recomputes_rates_from_counts(fresh_db: Database) -> None:
    store.upsert_sites(fresh_db, [SITE])
    save(fresh_db)
    page = next(store.pages_to_extract(fresh_db, extractor_version="1"))
    figs = [Fig("resolved", 200, "giải quyết 200", 0, 1), Fig("late", 5, "trễ hạn 5", 2, 3),
            Fig("early", 150, "trước hạn 150", 4, 5), Fig("on_time", 45, "đúng hạn 45", 6, 7)]
    store.save_article(fresh_db, page=page, title="T", published="2022-04-13", body="b",
                       figures=figs, extractor_version="1")
    store.refresh_comparison(fresh_db)
    row = next(fresh_db.query("SELECT early_or_on_time_pct, late_pct FROM comparison"))
    assert row == {"early_or_on_time_pct": 97.5, "late_pct": 2.5}


def test_comparison_gives_no_rate_when_counts_do_not_fit(fresh_db: Database) -> None:
    store.upsert_sites(fresh_db, [SITE])
    save(fresh_db)
    page = next(store.pages_to_extract(fresh_db, extractor_version="1"))
    figs = [Fig("resolved", 4, "giải quyết 4", 0, 1),
            Fig("early_or_on_time", 333, "trước và đúng hạn 333", 2, 3)]
    store.save_article(fresh_db, page=page, title="T", published="2022-04-13", body="b",
                       figures=figs, extractor_version="1")
    store.refresh_comparison(fresh_db)
    row = next(fresh_db.query("SELECT early_or_on_time_pct FROM comparison"))
    assert row == {"early_or_on_time_pct": None}


def test_open_db_brings_stale_views_up_to_date(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "old.db"
    db = store.open_db(path)
    db.create_view("figures_by_unit", "SELECT 1 AS stale", replace=True)
    db.execute("DROP TABLE comparison")
    db.execute("CREATE TABLE comparison (stale TEXT)")
    db.close()
    db = store.open_db(path)
    assert "late_pct" in db["comparison"].columns_dict
    assert "metric" in db["figures_by_unit"].columns_dict
