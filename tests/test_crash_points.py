"""Crash points: `cchc crawl` and `cchc extract` killed (as by kill -9) right after every
committed unit of work of a small replica crawl, then run again, end with the same
database as a run never killed: pages, attachments, articles, widget snapshots, figures
and 2025 units alike (store.crashpoints: CCHC_CRASH_AT=<stage>:<k>).

A crawl stores raw pages only (extraction reads them afterwards, offline), so a crawl
killed at item k is compared on what a crawl writes; `extract` killed at page k on
everything."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from replica import ReplicaServer, build_replica
from store.crashpoints import ENV, EXIT_CODE

ROOT = Path(__file__).resolve().parents[1]
# One site with a statistics box, one with an attached file; two articles each.
SITES = ("hd-binhgiang-thaihoc", "hd-thanhmien-doanket")
ATTACHING = ("hd-thanhmien-doanket",)  # the crawl stage: attachments are what it could lose
FAST = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=4")
#: What must be equal after a restart (ids, clocks and run bookkeeping left out).
STATE = {
    "pages": "SELECT url, kind, status, sha256 FROM pages",
    "attachments": "SELECT url, page_url, label FROM attachments",
    "unfinished_runs": "SELECT count(*) FROM crawl_runs WHERE status != 'finished' "
                       "AND id = (SELECT max(id) FROM crawl_runs)",
    "articles": "SELECT url, title, published, body, page_sha256, extractor_version "
                "FROM articles",
    "widget_snapshots": "SELECT site_id, kind, updated_at, text, sha256 FROM widget_snapshots",
    "figures": "SELECT fingerprint, metric, value, channel, period, subject, source, evidence, "
               "start, \"end\", flags FROM figures",
    "units": "SELECT site_id, name, new_name, status FROM units",
    "search": "SELECT title, body FROM articles_fts",
}


def cchc(*args: str, crash: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower() and k != ENV}
    if crash:
        env[ENV] = crash
    return subprocess.run([sys.executable, "-m", "cchc", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


CRAWLED = ("pages", "attachments", "unfinished_runs")


def state(db: Path, tables: tuple[str, ...] = tuple(STATE)) -> dict[str, list[tuple[Any, ...]]]:
    with sqlite3.connect(db) as conn:
        return {name: sorted(conn.execute(STATE[name]).fetchall(), key=repr)
                for name in tables}


@pytest.fixture(scope="module")
def proxy() -> Iterator[str]:
    with ReplicaServer(build_replica(seed=0, n_articles=2)) as url:
        yield url


def crawl_args(db: Path, proxy: str, *extra: str, sites_: tuple[str, ...] = SITES) -> list[str]:
    sites = [a for s in sites_ for a in ("--site", s)]
    return ["crawl", "--db", str(db), "--sites", "replica/sites.csv", *sites,
            "-s", f"CCHC_PROXY={proxy}", *FAST, *extra]


@pytest.fixture(scope="module")
def raw(proxy: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean crawl, not extracted yet."""
    db = tmp_path_factory.mktemp("clean") / "raw.db"
    done = cchc(*crawl_args(db, proxy, "--no-extract"))
    assert done.returncode == 0, done.stderr[-2000:]
    return db


@pytest.fixture(scope="module")
def clean(raw: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The state of a clean crawl and extraction."""
    db = copy(raw, tmp_path_factory.mktemp("clean") / "clean.db")
    done = cchc("extract", "--db", str(db))
    assert done.returncode == 0, done.stderr[-2000:]
    expected = state(db)
    # the subset carries what a crash used to lose: attachments and a statistics box
    assert expected["attachments"] and expected["widget_snapshots"] and expected["units"]
    return expected


def copy(src: Path, dst: Path) -> Path:
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    return dst


def test_crawl_killed_after_every_item_then_restarted_equals_a_clean_crawl(
        proxy: str, tmp_path: Path) -> None:
    args = ("--no-extract",)
    done = cchc(*crawl_args(tmp_path / "clean.db", proxy, *args, sites_=ATTACHING))
    assert done.returncode == 0, done.stderr[-2000:]
    expected = state(tmp_path / "clean.db", CRAWLED)
    assert expected["attachments"]
    items = len(expected["pages"])  # one item per page; attachments ride in their page's item
    for k in range(1, items + 1):
        db = tmp_path / f"crawl-{k}.db"
        killed = cchc(*crawl_args(db, proxy, *args, sites_=ATTACHING), crash=f"crawl:{k}")
        assert killed.returncode == EXIT_CODE, (k, killed.stderr[-2000:])
        assert len(state(db, CRAWLED)["pages"]) == k
        again = cchc(*crawl_args(db, proxy, *args, sites_=ATTACHING))
        assert again.returncode == 0, (k, again.stderr[-2000:])
        assert state(db, CRAWLED) == expected, f"killed after item {k}"


def test_extract_killed_after_every_page_then_restarted_equals_a_clean_run(
        raw: Path, clean: dict[str, Any], tmp_path: Path) -> None:
    work = len([p for p in clean["pages"] if p[1] == "article"]) + 1  # pages, then units
    for k in range(1, work + 1):
        db = copy(raw, tmp_path / f"extract-{k}.db")
        killed = cchc("extract", "--db", str(db), crash=f"extract:{k}")
        assert killed.returncode == EXIT_CODE, (k, killed.stderr[-2000:])
        again = cchc("extract", "--db", str(db))
        assert again.returncode == 0, (k, again.stderr[-2000:])
        assert state(db) == clean, f"killed after unit {k}"
