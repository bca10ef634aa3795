"""`cchc crawl` options for scope and re-crawls: --since, --max-pages, --backfill-days, --full,
and the per-site stats it prints (and records in crawl_runs.stats)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

from replica import build_replica
from tests.test_cchc_cli import run_cchc

SITE = "tn-godau"


def article_count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "select count(*) from pages where kind = 'article' and site_id = ?", [SITE]).fetchone()[0]


def test_crawl_scope_options_and_per_site_stats(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    site = build_replica(seed=0).site(SITE)
    since = dt.date(2024, 1, 1)
    recent = [a for a in site.in_category("reform") if a.published.date() >= since]

    first = run_cchc("crawl", "--replica", "--site", SITE, "--db", str(db), "--no-extract",
                     "--since", since.isoformat(), cwd=tmp_path)
    assert first.returncode == 0, first.stderr[-3000:]
    assert article_count(db) == len(recent)
    assert f"  {SITE}: " in first.stdout and " skipped, 0 errors" in first.stdout

    again = run_cchc("crawl", "--replica", "--site", SITE, "--db", str(db), "--no-extract",
                     "--max-pages", "1", cwd=tmp_path)
    assert again.returncode == 0, again.stderr[-3000:]
    with sqlite3.connect(db) as conn:
        stats = json.loads(conn.execute(
            "select stats from crawl_runs order by id desc limit 1").fetchone()[0])
    new_first_page = [a for a in site.page_items("reform", 1) if a.published.date() < since]
    assert stats.get(f"cchc/site/{SITE}/new", 0) >= len(new_first_page)
    assert stats["cchc/listing/page_limit"] >= 1
    assert f"{SITE}: " in again.stdout

    feeds = run_cchc("crawl", "--replica", "--site", SITE, "--db", str(db), "--no-extract",
                     "--feeds", "--sitemaps", cwd=tmp_path)
    assert feeds.returncode == 0, feeds.stderr[-3000:]
    with sqlite3.connect(db) as conn:
        kinds = {r[0] for r in conn.execute("select distinct kind from pages where site_id = ?", [SITE])}
    assert {"feed", "sitemap"} <= kinds

    bad = run_cchc("crawl", "--replica", "--db", str(db), "--since", "2024/01/01", cwd=tmp_path)
    assert bad.returncode == 2 and "2024-06-30" in bad.stderr
