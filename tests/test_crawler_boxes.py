"""The home page's statistics box is stored and snapshotted on every crawl, even when no
article is new, so the box's series grows over time (a real crawl over the replica proxy)."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

import store
from cchc.extraction import extract_stored_pages
from replica import Replica
from test_crawler_crawl import crawl

SITE = "hd-binhgiang-thaihoc"


def snapshots(db_path: Path) -> list[dict]:
    return list(sqlite_utils.Database(db_path).query(
        "select id, last_seen_at, text from widget_snapshots where site_id = ?", [SITE]))


def test_home_box_is_read_on_every_crawl(replica: Replica, proxy: str, tmp_path: Path) -> None:
    db_path = tmp_path / "boxes.db"
    crawl("trang", proxy, db_path, "-a", f"site={SITE}", "-a", "incremental=1")
    db = store.open_db(db_path)
    first = extract_stored_pages(db)
    assert first.box_pages >= 1
    [snap] = snapshots(db_path)
    truth = {(f["metric"], f["value"]) for f in replica.site(SITE).widget_truth()}
    got = {(r["metric"], r["value"]) for r in db.query(
        "select metric, value from figures where snapshot_id = ?", [snap["id"]])}
    assert got == truth
    home = next(db.query("select fetched_at from pages where kind = 'home' and site_id = ?", [SITE]))
    db.close()

    crawl("trang", proxy, db_path, "-a", f"site={SITE}", "-a", "incremental=1")  # nothing new
    db = store.open_db(db_path)
    again = extract_stored_pages(db)
    assert again.articles == 0 and again.box_pages >= 1  # the box was read again all the same
    row = next(db.query("select fetched_at, boxes_read_at from pages where kind = 'home' and site_id = ?",
                        [SITE]))
    assert row["boxes_read_at"] == row["fetched_at"] >= home["fetched_at"]
    [seen] = snapshots(db_path)
    assert seen["id"] == snap["id"] and seen["last_seen_at"] >= snap["last_seen_at"]
    db.close()


def test_a_changed_box_adds_to_the_series(fresh_db: sqlite_utils.Database) -> None:
    """Two crawls of a home page whose box changed: two snapshots, each with its figures."""
    store.upsert_sites(fresh_db, [{"id": "x", "name": "xã X", "level": "commune", "district": "",
                                   "province": "tỉnh Y", "base_url": "http://x.gov.vn",
                                   "platform": "generic"}])
    for fetched, resolved in (("2025-06-27T01:00:00+00:00", 498), ("2025-07-28T01:00:00+00:00", 612)):
        html = (f"<html><body><div><h3>Thống kê hồ sơ</h3><ul><li>Số hồ sơ xử lý <b>{resolved}</b></li>"
                f"<li>Trễ hạn <b>1</b></li></ul><p>Cập nhật: {fetched[8:10]}/{fetched[5:7]}/2025</p>"
                "</div></body></html>")
        store.save_page(fresh_db, url="http://x.gov.vn/", site_id="x", kind="home", status=200,
                        body=html.encode(), fetched_at=fetched)
        extract_stored_pages(fresh_db)
    rows = list(fresh_db.query(
        "select s.updated_at, f.value from widget_snapshots s join figures f on f.snapshot_id = s.id "
        "where f.metric = 'resolved' order by s.updated_at"))
    assert [(r["updated_at"][:10], r["value"]) for r in rows] == [("2025-06-27", 498), ("2025-07-28", 612)]
