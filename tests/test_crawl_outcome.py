"""Crawls that fail loudly: the exit code, the summary naming the sites, the run's status;
runs killed mid-way marked "interrupted" at the next start; invalid items kept aside."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils
from scrapy.utils.test import get_crawler

import store
from crawler.items import AttachmentItem, PageItem
from crawler.outcome import crawl_outcome
from crawler.pipelines import StorePipeline
from crawler.sites import Site
from crawler.spiders.trang import TrangSpider
from tests.conftest import ROOT

FAULT_SITES = ROOT / "replica" / "sites_faults.csv"
QUICK = ("-s", "DOWNLOAD_TIMEOUT=3", "-s", "RETRY_TIMES=0", "-s", "CCHC_PROGRESS=off")


def cchc(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    return subprocess.run([sys.executable, "-m", "cchc", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=180, env={**env, "PYTHONPATH": str(ROOT)})


def stats_of(**sites: dict[str, int]) -> dict[str, int]:
    return {f"cchc/site/{site}/{k}": v for site, counts in sites.items() for k, v in counts.items()}


@pytest.mark.parametrize(("sites", "problems"), [
    ({"a": {"new": 30}, "b": {"unchanged": 10, "errors": 1}}, []),
    ({"a": {"new": 30}, "b": {"errors": 3}},
     ["site b failed entirely: no page fetched, 3 errors"]),
    ({"a": {"new": 30}, "b": {"forbidden": 1}},
     ["site b failed entirely: robots.txt forbids every page we asked for"]),
    ({"a": {"new": 6, "errors": 4}, "b": {"new": 10}},
     ["error rate 20.0% (4 errors in 20 requests) is above --max-error-rate 15%; worst sites: a 40%"]),
], ids=["healthy", "one site down", "robots.txt", "error rate"])
def test_outcome_names_what_went_wrong(sites: dict[str, dict[str, int]], problems: list[str]) -> None:
    outcome = crawl_outcome({"trang": stats_of(**sites)}, {"trang": list(sites)})
    assert outcome.problems(max_error_rate=0.15) == problems


def test_crawl_where_every_site_fails_exits_1_naming_them(tmp_path: Path) -> None:
    """The fault sites' hosts are not served (--replica without faults): every request 502s."""
    db = tmp_path / "down.db"
    done = cchc("crawl", "--replica", "--sites", str(FAULT_SITES), "--db", str(db), *QUICK,
                cwd=tmp_path)
    assert done.returncode == 1, done.stderr[-2000:]
    assert "site fault-trang failed entirely: no page fetched" in done.stderr
    assert "site fault-generic failed entirely" in done.stderr
    assert "error rate 100.0%" in done.stderr
    statuses = {r["spider"]: r["status"] for r in sqlite_utils.Database(db).query(
        "select spider, status from crawl_runs")}
    assert statuses == {"trang": "failed", "generic": "failed"}


def test_healthy_crawl_exits_0(tmp_path: Path) -> None:
    done = cchc("crawl", "--replica", "--site", "tn-godau", "--db", str(tmp_path / "ok.db"),
                *QUICK, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "crawl failed" not in done.stderr


def test_a_killed_run_is_marked_interrupted_at_the_next_start(tmp_path: Path) -> None:
    db_path = tmp_path / "runs.db"
    db = store.open_db(db_path)
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    host = socket.gethostname()
    killed = store.start_crawl_run(db, "trang", ["a"], owner=f"{host}:{gone.pid}")
    alive = store.start_crawl_run(db, "nukeviet", ["b"], owner=f"{host}:{os.getpid()}")
    elsewhere = store.start_crawl_run(db, "liferay", ["c"], owner=f"other-host:{gone.pid}")
    db.close()
    done = cchc("crawl", "--replica", "--site", "tn-godau", "--db", str(db_path), *QUICK,
                cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"crawl run {killed} was killed before it ended: marked interrupted" in done.stderr
    status = {r["id"]: r["status"] for r in sqlite_utils.Database(db_path).query(
        "select id, status from crawl_runs order by id")}
    assert status[killed] == "interrupted"
    assert status[alive] == "running" and status[elsewhere] == "running"  # cannot tell: kept
    assert list(status.values())[-1] == "finished"


def test_invalid_items_are_counted_and_kept_aside(tmp_path: Path) -> None:
    crawler = get_crawler(TrangSpider, {"CCHC_DB_PATH": str(tmp_path / "items.db")})
    site = Site("s1", "xã A", "commune", "", "tỉnh B", "http://a.gov.vn", "trang")
    crawler.spider = TrangSpider.__new__(TrangSpider)
    crawler.spider.name, crawler.spider.sites = "trang", [site]
    pipeline = StorePipeline.from_crawler(crawler)
    pipeline.open_spider()
    page = dict(url="http://a.gov.vn/x", site_id="s1", platform="trang", kind="article",
                status=200, fetched_at="2025-01-02T03:04:05+00:00", body=b"<html>ok</html>")
    bad = [
        (PageItem(**{**page, "status": 999}), "status 999 is not an HTTP status"),
        (PageItem(**{**page, "kind": "weird"}), "kind 'weird' is not one of"),
        (PageItem(**{**page, "url": "javascript:void(0)"}), "url 'javascript:void(0)' is not an http(s) URL"),
        (PageItem(**{**page, "site_id": "s9"}), "site_id 's9' is not one of this crawl's sites"),
        (PageItem(**{**page, "fetched_at": "yesterday"}), "fetched_at 'yesterday' is not an ISO 8601 time"),
        (AttachmentItem(url="http://a.gov.vn/f.pdf", site_id="s1", page_url=""), "page_url is empty"),
    ]
    for item, _ in bad:
        pipeline.process_item(item)
    pipeline.process_item(PageItem(**page))
    pipeline.close_spider()
    db = sqlite_utils.Database(tmp_path / "items.db")
    kept = list(db.query("select reason, body_zlib, url from invalid_items order by id"))
    assert len(kept) == len(bad)
    for row, (_, reason) in zip(kept, bad):
        assert reason in row["reason"]
    assert kept[0]["body_zlib"] is not None  # the body is kept, not dropped
    assert db["pages"].count == 1  # only the valid page is stored
    assert crawler.stats.get_value("cchc/item/invalid") == len(bad)
    assert crawler.stats.get_value("cchc/site/s1/invalid") == len(bad) - 1
