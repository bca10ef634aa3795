"""The crawl survives the faults real portals show (replica.faults) and loses nothing it
could have had: one real crawl of each fault site over HTTP, then one test per fault."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlite_utils

import store
from cchc.extraction import extract_stored_pages
from replica import Replica, ReplicaServer, build_replica
from replica.faults import FAULTS, LOST, RECOVERED, FaultTrangSite

ROOT = Path(__file__).resolve().parents[1]
FAULT_SITES = ROOT / "replica" / "sites_faults.csv"
FAST = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8", "-s", "DOWNLOAD_TIMEOUT=3",
        "-s", "LOG_LEVEL=INFO")


@dataclass
class Crawl:
    db: Path
    stats: dict
    log: str
    replica: Replica

    @property
    def site(self) -> FaultTrangSite:
        site = self.replica.site("fault-trang")
        assert isinstance(site, FaultTrangSite)
        return site

    def urls(self, site_id: str, kind: str = "article") -> list[str]:
        return [r["url"] for r in sqlite_utils.Database(self.db).query(
            "select url from pages where site_id = ? and kind = ?", [site_id, kind])]

    def url_of(self, fault: str) -> str:
        site = self.site
        return store.canonical_url(site.url(site.article_path(site.fault_article(fault))))


def run(platform: str, proxy: str, db: Path, *args: str) -> tuple[dict, str]:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    cmd = [sys.executable, "-m", "scrapy", "crawl", platform, "-s", f"CCHC_PROXY={proxy}",
           "-s", f"CCHC_SITES_FILE={FAULT_SITES}", "-s", f"CCHC_DB_PATH={db}", *FAST, *args]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    row = next(sqlite_utils.Database(db).query("select stats from crawl_runs order by id desc limit 1"))
    return json.loads(row["stats"]), done.stderr


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawl]:
    replica = build_replica(seed=0, faults=True)
    db = tmp_path_factory.mktemp("faults") / "faults.db"
    with ReplicaServer(replica) as proxy:
        stats, log = run("trang", proxy, db)
        gstats, glog = run("generic", proxy, db)
    conn = store.open_db(db)
    extract_stored_pages(conn)
    conn.close()
    yield Crawl(db, {**stats, "generic": gstats}, log + glog, replica)


def test_every_article_that_could_be_had_is_stored_once(crawled: Crawl) -> None:
    stored = crawled.urls("fault-trang")
    assert len(stored) == len(set(stored))
    expected = {store.canonical_url(crawled.site.url(crawled.site.article_path(a)))
                for a in crawled.site.expected_articles()}
    assert set(stored) == expected


@pytest.mark.parametrize("fault", [f for f in FAULTS if f not in LOST])
def test_faulty_article_is_stored_at_its_real_url(crawled: Crawl, fault: str) -> None:
    assert crawled.urls("fault-trang").count(crawled.url_of(fault)) == 1


def test_lost_articles_are_counted_errors_not_crashes(crawled: Crawl) -> None:
    stored = set(crawled.urls("fault-trang"))
    assert not any(crawled.url_of(f) in stored for f in LOST)
    st = crawled.stats
    assert st["cchc/error/http_500"] == 1  # "gone", after its retries
    assert st["cchc/error/IgnoreRequest"] == 1  # the endless redirect chain (max redirections)
    assert st["cchc/error/redirect_loop"] == 1  # A -> B -> A, dropped by the duplicate filter
    assert st["cchc/error/DownloadCancelledError"] == 1  # the 50 MB page
    assert st["cchc/site/fault-trang/errors"] == len(LOST)
    assert "larger than download max size" in crawled.log  # the skip reason is logged
    assert "max redirections reached" in crawled.log


def test_transient_faults_were_retried(crawled: Crawl) -> None:
    st = crawled.stats
    assert st["downloader/response_status_count/503"] == 1
    assert st["retry/reason_count/503 Service Unavailable"] == 1
    assert st["cchc/retry_after/waits"] == 1  # its Retry-After: 1 was waited out first
    assert any("TimeoutError" in k for k in st if k.startswith("retry/reason_count/"))
    assert crawled.site.hits[(crawled.site.fault_article("reset").id, "reset")] >= 2


def test_tracking_parameters_never_reach_the_store(crawled: Crawl) -> None:
    rows = list(sqlite_utils.Database(crawled.db).query("select url from pages"))
    assert not [r["url"] for r in rows if "utm_" in r["url"] or "fbclid" in r["url"]]


def article_body(crawl: Crawl, fault: str) -> str:
    row = next(sqlite_utils.Database(crawl.db).query(
        "select body from articles where url = ?", [crawl.url_of(fault)]))
    return row["body"]


@pytest.mark.parametrize("fault", ["cp1258", "nocharset", "malformed"])
def test_badly_encoded_or_broken_page_decodes_to_correct_vietnamese(crawled: Crawl, fault: str) -> None:
    article = crawled.site.fault_article(fault)
    body = article_body(crawled, fault)
    assert unicodedata.normalize("NFC", article.paragraphs[0]) in body
    assert "\ufffd" not in body and "Ã" not in body


def test_link_trap_ends_at_the_first_page_with_nothing_new(crawled: Crawl) -> None:
    listings = crawled.urls("fault-trang", "listing")
    real = crawled.site.pages_of("reform")
    assert len(listings) == real + 1  # the real pages and one trap page
    assert crawled.stats["cchc/listing/no_items"] == 1
    # the generic site's endless month calendar: every reform article, a bounded crawl
    generic = crawled.replica.site("fault-generic")
    stored = set(crawled.urls("fault-generic"))
    assert {store.canonical_url(u) for u in crawled.replica.article_urls("fault-generic")} <= stored
    assert crawled.stats["generic"]["downloader/request_count"] < 2 * len(generic.articles)
    assert "cchc/listing/page_limit" not in crawled.stats["generic"]


def test_attachments_are_recorded_as_links(crawled: Crawl) -> None:
    rows = list(sqlite_utils.Database(crawled.db).query(
        "select url, page_url from attachments where site_id = 'fault-trang'"))
    site = crawled.site
    stored = set(crawled.urls("fault-trang"))
    expected = {store.canonical_url(site.url(site.attachment_path(a))) for a in site.articles
                if a.attachment and store.canonical_url(site.url(site.article_path(a))) in stored}
    assert expected and {r["url"] for r in rows} == expected
    assert all(r["url"].endswith(".pdf") for r in rows)


def test_robots_txt_disallowed_url_is_not_fetched(crawled: Crawl) -> None:
    site = crawled.site
    hidden = site.internal_article()
    assert crawled.stats["cchc/robots/forbidden"] == 1  # counted, but not as an error
    assert site.hits[(hidden.id, "news")] == 0
    stored = crawled.urls("fault-trang")
    assert not [u for u in stored if f"nid={hidden.id}" in u]


# -- soft failures: a 200 that is not the page ------------------------------------------------
def test_soft_failures_are_counted_logged_and_not_stored(crawled: Crawl) -> None:
    st = crawled.stats
    assert st["cchc/soft/truncated_body"] == 1  # after its retries
    assert st["retry/reason_count/truncated_body"] == 2
    assert st["cchc/soft/error_page"] == 1
    assert st["cchc/error/SoftFailure"] == 2
    assert "soft failure (truncated_body)" in crawled.log
    assert "soft failure (error_page)" in crawled.log and "'lỗi 404'" in crawled.log
    stored = set(crawled.urls("fault-trang"))
    assert not {crawled.url_of(f) for f in RECOVERED} & stored
    titles = [r["title"] for r in sqlite_utils.Database(crawled.db).query(
        "select title from articles")]
    assert not [t for t in titles if t and "không tồn tại" in t]


def test_soft_failures_are_fetched_again_by_the_next_crawl(crawled: Crawl) -> None:
    with ReplicaServer(crawled.replica) as proxy:
        stats, _ = run("trang", proxy, crawled.db, "-a", "incremental=1")
    stored = set(crawled.urls("fault-trang"))
    assert {crawled.url_of(f) for f in RECOVERED} <= stored
    assert stats["cchc/page/new"] >= len(RECOVERED)


def test_utf8_under_an_iso_8859_1_label_is_read_as_utf8(crawled: Crawl) -> None:
    assert crawled.stats["cchc/soft/charset_contradicted"] >= 1
    article = crawled.site.fault_article("latin1")
    body = article_body(crawled, "latin1")
    assert unicodedata.normalize("NFC", article.paragraphs[0]) in body
    assert "Ã" not in body and "áº" not in body


def test_impossible_date_is_stored_as_none(crawled: Crawl) -> None:
    row = next(sqlite_utils.Database(crawled.db).query(
        "select published, body from articles where url = ?", [crawled.url_of("baddate")]))
    assert row["published"] is None and row["body"]


def test_tcvn3_page_is_converted_to_unicode(crawled: Crawl) -> None:
    article = crawled.site.fault_article("tcvn3")
    body = article_body(crawled, "tcvn3")
    # TCVN3 has no toned capitals (a `.VnTimeH` font drew them): compare case-folded
    assert unicodedata.normalize("NFC", article.paragraphs[0]).lower() in body.lower()
    assert unicodedata.is_normalized("NFC", body)
