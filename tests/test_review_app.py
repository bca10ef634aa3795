"""cchc/review_app.py in-process: queue, figure with highlighted evidence, login, CSRF, writes."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from bs4 import BeautifulSoup
from sqlite_utils import Database
from test_store_reviews import fp, make_db, save_articles

import store
from cchc.review_app import make_app, parse_value

TOKEN = "s3cret-review-token"  # at least MIN_TOKEN_LENGTH
A1, A2 = "http://tanhong.gov.vn/a1", "http://tanhong.gov.vn/a2"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "cchc.db"
    make_db(path).close()
    return path


@pytest.fixture
def client(db_path: Path) -> httpx.Client:
    app = make_app(db_path, token=TOKEN)
    return httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://127.0.0.1")


def soup(response: httpx.Response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def login(client: httpx.Client, name: str = "Lan") -> None:
    page = soup(client.get("/review/login"))
    csrf = page.select_one("input[name=csrf]")["value"]
    r = client.post("/review/login", data={"csrf": csrf, "reviewer": name, "token": TOKEN})
    assert r.status_code == 303, r.text


def fingerprint(db_path: Path, url: str, metric: str) -> str:
    db = Database(db_path)
    try:
        return fp(db, url, metric)
    finally:
        db.close()


def csrf_of(client: httpx.Client, path: str) -> str:
    return str(soup(client.get(path)).select_one("#decide input[name=csrf]")["value"])


def test_queue_lists_flagged_first_and_filters(client: httpx.Client) -> None:
    r = client.get("/review/")
    assert r.status_code == 200
    assert "script-src 'self'" in r.headers["content-security-policy"]
    rows = soup(r).select("table.queue tbody tr[data-fingerprint]")
    assert len(rows) == 11
    assert "flagged" in rows[0]["class"]
    rows = soup(client.get("/review/?site=doanket&metric=late")).select(
        "tr[data-fingerprint]")
    assert [row.select("td")[1].text for row in rows] == ["late", "late"]
    assert len(soup(client.get("/review/?flag=sum")).select("tr[data-fingerprint]")) == 1


def test_figure_page_highlights_evidence_and_lists_siblings(client: httpx.Client,
                                                            db_path: Path) -> None:
    page = soup(client.get(f"/review/figure/{fingerprint(db_path, A1, 'late')}"))
    assert page.select_one("mark#evidence").text == "trễ hạn 19"
    assert "sum:early_or_on_time+late!=resolved" in page.select_one("#flags").text
    assert [tr.td.text for tr in page.select("table.siblings tbody tr")] == [
        "received", "resolved"]
    assert page.select_one("#decide") is None  # not logged in: no write form
    assert page.select_one("#login-to-review") is not None


def test_widget_figure_highlights_in_snapshot_text(client: httpx.Client, db_path: Path) -> None:
    db = Database(db_path)
    widget_fp = db.execute("SELECT fingerprint FROM figures WHERE source = 'widget' "
                           "AND metric = 'late'").fetchone()[0]
    db.close()
    page = soup(client.get(f"/review/figure/{widget_fp}"))
    assert page.select_one("mark#evidence").text == "Trễ hạn: 11"
    assert page.select_one("h2").text == "Statistics box"


def test_crawled_markup_is_escaped(client: httpx.Client, db_path: Path) -> None:
    r = client.get(f"/review/figure/{fingerprint(db_path, A2, 'late')}")
    page = soup(r)
    assert page.select("script:not([src])") == []
    assert page.select("img") == []
    assert "<script>window.__pwned = 1" in page.select_one("#text").text
    assert "&lt;script&gt;window.__pwned" in r.text
    assert page.select("main b") == []
    assert "Kết quả quý II <b>" in page.select_one("dl.facts").text


def test_login_and_correct_then_reextract_keeps_correction(client: httpx.Client,
                                                           db_path: Path) -> None:
    late = fingerprint(db_path, A1, "late")
    login(client)
    path = f"/review/figure/{late}"
    assert soup(client.get(path)).select_one("#reviewer").text == "Lan"
    r = client.post(path, data={"csrf": csrf_of(client, path), "decision": "corrected",
                                "value": "20", "note": "misread"})
    assert r.status_code == 303
    db = Database(db_path)
    save_articles(db)  # re-extraction
    assert store.get_review(db, late)["new_value"] == 20
    db.close()
    page = soup(client.get(path))
    assert "corrected → 20 by Lan: misread" in page.select_one("#current-review").text
    assert page.select_one("#trail td.decision").text == "corrected"


def test_writes_need_login_and_csrf(client: httpx.Client, db_path: Path) -> None:
    path = f"/review/figure/{fingerprint(db_path, A1, 'received')}"
    r = client.post(path, data={"csrf": "x", "decision": "confirmed"})
    assert r.status_code == 403
    login(client)
    assert client.post(path, data={"csrf": "forged", "decision": "confirmed"}).status_code == 403
    r = client.post(path, data={"csrf": csrf_of(client, path), "decision": "confirmed"},
                    headers={"Origin": "http://evil.example"})
    assert r.status_code == 403
    r = client.post(path, data={"csrf": csrf_of(client, path), "decision": "corrected",
                                "value": "abc"})
    assert r.status_code == 400
    assert "as a number" in soup(r).select_one("#error").text
    db = Database(db_path)
    assert db["reviews"].count == 0
    db.close()


def test_wrong_token_and_read_only_mode(client: httpx.Client, db_path: Path) -> None:
    csrf = soup(client.get("/review/login")).select_one("input[name=csrf]")["value"]
    r = client.post("/review/login", data={"csrf": csrf, "reviewer": "X", "token": "nope"})
    assert r.status_code == 403
    assert "CCHC_REVIEW_TOKEN" in soup(r).select_one("#error").text
    readonly = httpx.Client(transport=httpx.WSGITransport(app=make_app(db_path, token=None)),
                            base_url="http://127.0.0.1")
    assert "Read-only" in soup(readonly.get("/review/")).select_one(".readonly").text


def test_reject_moves_to_next_and_audit_page(client: httpx.Client, db_path: Path) -> None:
    login(client)
    first = soup(client.get("/review/")).select("tr[data-fingerprint]")
    path = f"/review/figure/{first[0]['data-fingerprint']}"
    r = client.post(path, data={"csrf": csrf_of(client, path), "decision": "rejected",
                                "note": "duplicate"})
    rejected = first[0]["data-fingerprint"]
    assert r.headers["location"] == (
        f"/review/figure/{first[1]['data-fingerprint']}?saved={rejected}")
    audit = soup(client.get("/review/audit"))
    assert [td.text for td in audit.select("#trail tbody tr td.decision")] == ["rejected"]


def test_the_next_page_confirms_the_save_and_the_audit_says_what_was_decided(
        client: httpx.Client, db_path: Path) -> None:
    """The defects: no "saved" message after a decision; the audit did not say which unit,
    metric, period or value a decision was about."""
    login(client)
    late = fingerprint(db_path, A1, "late")
    path = f"/review/figure/{late}"
    r = client.post(path, data={"csrf": csrf_of(client, path), "decision": "corrected",
                                "value": "20"})
    page = soup(client.get(r.headers["location"]))
    assert page.select_one("#saved").text.startswith(
        "Saved: corrected late of xã Tân Hồng, 2022-Q1: 19 → 20 (by Lan")
    row = soup(client.get("/review/audit")).select_one("#trail tbody tr")
    assert [row.select_one(f"td.{c}").text for c in ("unit", "metric", "period", "evidence")] == [
        "xã Tân Hồng", "late", "2022-Q1", "trễ hạn 19"]
    assert [td.text for td in row.select("td.num")] == ["19", "20"]


@pytest.mark.parametrize("typed", ["nan", "inf", "-5", "1e308", "12.5"])
def test_a_correction_must_be_a_plausible_value(client: httpx.Client, db_path: Path,
                                               typed: str) -> None:
    """The defect: nan, inf and negative corrections were recorded (nan as NULL)."""
    login(client)
    late = fingerprint(db_path, A1, "late")
    path = f"/review/figure/{late}"
    r = client.post(path, data={"csrf": csrf_of(client, path), "decision": "corrected",
                                "value": typed})
    assert r.status_code == 400
    assert "refused" in soup(r).select_one("#error").text
    assert store.get_review(Database(db_path), late) is None


@pytest.mark.parametrize(("text", "value"), [("20", 20), ("83,94", 83.94), ("1.234,5", 1234.5),
                                             (" 99.2 % ", 99.2)])
def test_parse_value(text: str, value: float) -> None:
    assert parse_value(text) == value


def test_unknown_pages_say_where_to_go(client: httpx.Client) -> None:
    r = client.get("/review/figure/" + "0" * 40)
    assert r.status_code == 404
    assert "queue" in soup(r).select_one(".message").text
    assert client.get("/review/static/review.js").headers["content-type"].startswith(
        "text/javascript")
