"""Incremental re-crawls: conditional GETs answered 304, and a crawl killed with SIGKILL
that, started again, ends with every article stored exactly once."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import sqlite_utils

import store
from replica import Replica

ROOT = Path(__file__).resolve().parents[1]
FAST = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8", "-s", "LOG_LEVEL=WARNING")
TRANG = ("hd-binhgiang-thaihoc", "hd-binhgiang-tanhong", "hd-thanhmien-doanket")




def command(platform: str, proxy: str, db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "scrapy", "crawl", platform, "-s", f"CCHC_PROXY={proxy}",
            "-s", "CCHC_SITES_FILE=replica/sites.csv", "-s", f"CCHC_DB_PATH={db}", *args]


def env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}


def crawl(platform: str, proxy: str, db: Path, *args: str) -> dict:
    done = subprocess.run(command(platform, proxy, db, *FAST, *args), cwd=ROOT, env=env(),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-3000:]
    row = next(sqlite_utils.Database(db).query("select stats from crawl_runs order by id desc limit 1"))
    return json.loads(row["stats"])


def test_replica_answers_304_to_a_matching_validator(replica: Replica, proxy: str) -> None:
    url = replica.article_urls("tn-godau")[0]
    with httpx.Client(proxy=proxy, timeout=10) as client:
        first = client.get(url)
        etag = first.headers["ETag"]
        again = client.get(url, headers={"If-None-Match": etag})
        stale = client.get(url, headers={"If-None-Match": '"0000"'})
    assert (first.status_code, again.status_code, stale.status_code) == (200, 304, 200)
    assert again.content == b"" and again.headers["ETag"] == etag
    assert stale.content == first.content


def test_backfill_recrawl_sends_validators_and_counts_304_as_unchanged(
        replica: Replica, proxy: str, tmp_path: Path) -> None:
    db = tmp_path / "cond.db"
    site = "hd-binhgiang-thaihoc"
    crawl("trang", proxy, db, "-a", f"site={site}")
    before = store.table_counts(sqlite_utils.Database(db))["pages"]
    stats = crawl("trang", proxy, db, "-a", f"site={site}", "-a", "incremental=1",
                  "-s", "CCHC_BACKFILL_DAYS=36500")  # every stored article is "recent"
    n = len(replica.article_urls(site))
    assert stats["cchc/page/not_modified"] == n
    assert stats["downloader/response_status_count/304"] == n
    assert stats[f"cchc/site/{site}/skipped"] == n
    assert "cchc/page/new" not in stats and "cchc/page/updated" not in stats
    assert store.table_counts(sqlite_utils.Database(db))["pages"] == before


def article_urls(db: Path) -> list[str]:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return [r[0] for r in conn.execute("select url from pages where kind = 'article'")]
    except sqlite3.OperationalError:  # not created yet
        return []


def test_crawl_killed_with_sigkill_resumes_without_loss_or_duplicates(
        replica: Replica, proxy: str, tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    expected = {store.canonical_url(u) for s in TRANG for u in replica.article_urls(s)}
    slow = ("-s", "DOWNLOAD_DELAY=0.08", "-s", "RANDOMIZE_DOWNLOAD_DELAY=False",
            "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1",
            "-s", "LOG_LEVEL=WARNING")
    proc = subprocess.Popen(command("trang", proxy, db, *slow), cwd=ROOT, env=env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    try:
        while len(article_urls(db)) < len(expected) // 3 and time.monotonic() < deadline:
            assert proc.poll() is None, "the crawl ended before it could be killed"
            time.sleep(0.05)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    at_kill = set(article_urls(db))
    assert 0 < len(at_kill) < len(expected)  # killed mid-crawl
    runs = list(sqlite_utils.Database(db).query("select status from crawl_runs"))
    assert [r["status"] for r in runs] == ["running"]  # the killed run never finished

    stats = crawl("trang", proxy, db, "-a", "incremental=1")
    stored = article_urls(db)
    assert len(stored) == len(set(stored))  # none stored twice
    assert set(stored) == expected  # none lost
    assert stats["cchc/article/known"] == len(at_kill)  # stored ones were not fetched again
    assert stats.get("cchc/page/new", 0) >= len(expected) - len(at_kill)
    statuses = [r["status"] for r in sqlite_utils.Database(db).query(
        "select status from crawl_runs order by id")]
    assert statuses == ["interrupted", "finished"]  # the next start marked the killed run

    # a scheduled re-crawl after a finished run: only the first listing page of each category
    stats = crawl("trang", proxy, db, "-a", "incremental=1")
    assert "cchc/page/new" not in stats
    assert stats["cchc/listing/stopped_known"] >= len(TRANG)


def test_crawl_stopped_early_is_not_marked_finished(proxy: str, tmp_path: Path) -> None:
    """A crawl closed before its end (here CLOSESPIDER_ITEMCOUNT; Ctrl-C gives "shutdown")
    keeps its reason as the run status, so the next incremental crawl walks every listing."""
    db = tmp_path / "early.db"
    crawl("trang", proxy, db, "-a", "site=hd-binhgiang-thaihoc", "-s", "CLOSESPIDER_ITEMCOUNT=3",
          "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1")
    [run] = sqlite_utils.Database(db).query("select status from crawl_runs")
    assert run["status"] == "closespider_itemcount"
    stats = crawl("trang", proxy, db, "-a", "site=hd-binhgiang-thaihoc", "-a", "incremental=1")
    assert "cchc/listing/stopped_known" not in stats
