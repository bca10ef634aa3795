"""A real crawl over HTTP: `scrapy crawl <platform>` through the replica proxy into SQLite."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils

import store
from replica import Replica, ReplicaServer, build_replica

ROOT = Path(__file__).resolve().parents[1]
FAST = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8", "-s", "LOG_LEVEL=WARNING")




def crawl(platform: str, proxy: str, db: Path, *args: str) -> None:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    cmd = [sys.executable, "-m", "scrapy", "crawl", platform, "-s", f"CCHC_PROXY={proxy}",
           "-s", "CCHC_SITES_FILE=replica/sites.csv", "-s", f"CCHC_DB_PATH={db}", *FAST, *args]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr, done.stderr[-3000:]


def article_rows(db: Path) -> dict[str, list[str]]:
    rows: dict[str, list[str]] = {}
    for r in sqlite_utils.Database(db).query("select site_id, url from pages where kind = 'article'"):
        rows.setdefault(r["site_id"], []).append(r["url"])
    return rows


def last_run_stats(db: Path) -> dict:
    row = next(sqlite_utils.Database(db).query("select stats from crawl_runs order by id desc limit 1"))
    return json.loads(row["stats"])


@pytest.mark.parametrize("platform", ["trang", "nukeviet", "liferay", "wordpress", "portal_pages",
                                      "sharepoint_lists", "generic"])
def test_crawl_stores_every_article_once(
    platform: str, replica: Replica, proxy: str, tmp_path: Path
) -> None:
    db = tmp_path / "crawl.db"
    crawl(platform, proxy, db)
    stored = article_rows(db)
    sites = [s for s in replica.sites if s.platform == platform]
    assert sorted(stored) == sorted(s.id for s in sites)
    for site in sites:
        expected = {store.canonical_url(u) for u in replica.article_urls(site.id)}
        assert len(stored[site.id]) == len(set(stored[site.id]))
        assert set(stored[site.id]) == expected, site.id
    counts = store.table_counts(sqlite_utils.Database(db))
    assert not list(sqlite_utils.Database(db).query("select url from pages where etag is null"))
    assert last_run_stats(db)["cchc/page/new"] == counts["pages"]

    crawl(platform, proxy, db)  # same replica again: nothing new, nothing changed
    again = store.table_counts(sqlite_utils.Database(db))
    assert again["pages"] == counts["pages"] and again["sites"] == counts["sites"]
    stats = last_run_stats(db)
    assert stats["cchc/page/unchanged"] == counts["pages"]
    assert "cchc/page/new" not in stats and "cchc/page/updated" not in stats


def test_incremental_crawl_skips_stored_articles(replica: Replica, proxy: str, tmp_path: Path) -> None:
    db = tmp_path / "crawl.db"
    crawl("trang", proxy, db, "-a", "site=hd-binhgiang-thaihoc")
    crawl("trang", proxy, db, "-a", "site=hd-binhgiang-thaihoc", "-a", "incremental=1")
    stats = last_run_stats(db)
    # the last run finished, so paging stops at the first listing page whose items are all stored
    assert stats["cchc/article/known"] == replica.site("hd-binhgiang-thaihoc").PAGE_SIZE
    assert stats["cchc/listing/stopped_known"] == 1
    assert stats["cchc/page/unchanged"] == stats["item_scraped_count"]  # listings only


def test_since_and_max_pages_limit_the_crawl(replica: Replica, proxy: str, tmp_path: Path) -> None:
    db = tmp_path / "crawl.db"
    crawl("nukeviet", proxy, db, "-a", "site=tn-godau", "-s", "CCHC_MAX_PAGES=1")
    assert len(article_rows(db)["tn-godau"]) == 10
    db2 = tmp_path / "since.db"
    crawl("nukeviet", proxy, db2, "-a", "site=tn-godau", "-s", "CCHC_SINCE=2024-01-01")
    site = replica.site("tn-godau")
    recent = [a for a in site.in_category("reform") if a.published.date() >= dt.date(2024, 1, 1)]
    assert len(article_rows(db2)["tn-godau"]) == len(recent)


def test_crawl_synthetic_sites_from_written_sites_file(tmp_path: Path) -> None:
    """The benchmark path: `python -m replica sites` writes the file the crawl reads."""
    sites_csv = tmp_path / "sites.csv"
    subprocess.run([sys.executable, "-m", "replica", "sites", "--sites", "20", "-o", str(sites_csv)],
                   cwd=ROOT, check=True, timeout=60)
    replica = build_replica(seed=0, n_sites=20, n_articles=12)
    db = tmp_path / "syn.db"
    with ReplicaServer(replica) as url:
        crawl("nukeviet", url, db, "-a", f"sites_file={sites_csv}")
    stored = article_rows(db)
    for site in (s for s in replica.sites if s.platform == "nukeviet"):
        assert set(stored[site.id]) == {store.canonical_url(u) for u in replica.article_urls(site.id)}
    synthetic = [s.id for s in replica.sites if s.id.startswith("syn-") and s.platform == "nukeviet"]
    assert synthetic and all(len(stored[sid]) == 12 for sid in synthetic)


@pytest.mark.parametrize(("platform", "site_id"), [("nukeviet", "tn-godau"), ("wordpress", "ht-camxuyen-camthinh")])
def test_sitemap_discovery_reaches_every_article(
    platform: str, site_id: str, replica: Replica, proxy: str, tmp_path: Path
) -> None:
    db = tmp_path / "sitemap.db"
    crawl(platform, proxy, db, "-a", f"site={site_id}", "-a", "sitemap=1")
    site = replica.site(site_id)
    every = {store.canonical_url(site.url(site.article_path(a))) for a in site.articles}
    assert set(article_rows(db)[site_id]) == every  # all categories, not only the listings'
    kinds = {r["kind"] for r in sqlite_utils.Database(db).query("select distinct kind from pages")}
    assert kinds == {"article", "home", "listing", "sitemap"}


def test_rss_feeds_of_listings_are_read(replica: Replica, proxy: str, tmp_path: Path) -> None:
    """`-a feeds=1`: the category feed a listing links in its head; nothing off-category."""
    db = tmp_path / "feeds.db"
    crawl("nukeviet", proxy, db, "-a", "feeds=1")
    stored = article_rows(db)
    for site in (s for s in replica.sites if s.platform == "nukeviet"):  # the site-wide feed too
        assert set(stored[site.id]) == {store.canonical_url(u) for u in replica.article_urls(site.id)}
    feeds = [r["url"] for r in sqlite_utils.Database(db).query("select url from pages where kind = 'feed'")]
    assert "http://godau.tayninh.gov.vn/news/rss/cai-cach-hanh-chinh/" in feeds
    # a re-crawl learns of the newest articles from the feed; stored ones are skipped
    crawl("nukeviet", proxy, db, "-a", "site=tn-godau", "-a", "feeds=1", "-a", "incremental=1")
    assert last_run_stats(db)["cchc/article/known"] >= 10
