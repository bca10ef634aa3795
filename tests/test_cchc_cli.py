"""The `cchc` command as an analyst runs it: in a subprocess, against the replica, into SQLite."""

from __future__ import annotations

import csv
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

CCHC = [sys.executable, "-m", "cchc"]


def run_cchc(*args: str, cwd: Path, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([*CCHC, *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout, check=False)


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' "
            "ESCAPE '\\' AND name NOT LIKE '%fts%'")]
        return {n: conn.execute(f"SELECT count(*) FROM [{n}]").fetchone()[0] for n in names}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """One real crawl of the whole replica over HTTP, through the CLI."""
    work = tmp_path_factory.mktemp("crawl")
    db = work / "cchc.db"
    result = run_cchc("crawl", "--replica", "--db", str(db), cwd=work)
    assert result.returncode == 0, result.stderr[-3000:]
    return db, result


def test_crawl_stores_articles_figures_and_widget_snapshots(
        crawled: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    db, result = crawled
    from replica import build_replica

    from crawler.sites import load_sites
    from replica.generate import SITES_CSV

    replica = build_replica()
    article_urls = {url for site in load_sites(SITES_CSV) for url in replica.article_urls(site.id)}
    with sqlite3.connect(db) as conn:
        stored = {r[0] for r in conn.execute("SELECT url FROM articles")}
        snapshots = conn.execute(
            "SELECT s.platform, w.text FROM widget_snapshots w JOIN sites s ON s.id = w.site_id"
        ).fetchall()
        widget_figures = conn.execute(
            "SELECT metric, value FROM figures WHERE snapshot_id IS NOT NULL").fetchall()
        article_figures = conn.execute(
            "SELECT count(*) FROM figures WHERE article_id IS NOT NULL").fetchone()[0]
    assert article_urls <= stored, sorted(article_urls - stored)[:5]
    assert snapshots and all(platform == "trang" for platform, _ in snapshots)
    assert any("Trễ hạn" in text for _, text in snapshots)
    assert {"resolved", "early_or_on_time", "late"} <= {m for m, _ in widget_figures}
    assert article_figures > 0
    assert "crawl trang:" in result.stdout and "extract:" in result.stdout


def test_second_crawl_changes_no_row_count(
        crawled: tuple[Path, subprocess.CompletedProcess[str]], tmp_path: Path) -> None:
    db, _ = crawled
    before = counts(db)
    result = run_cchc("crawl", "--replica", "--db", str(db), cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    after = counts(db)
    # crawl_runs is the log of runs: it grows by one row per spider, every other table stays.
    assert {k: v for k, v in after.items() if k != "crawl_runs"} == \
        {k: v for k, v in before.items() if k != "crawl_runs"}


def test_report_prints_table_and_writes_csv(
        crawled: tuple[Path, subprocess.CompletedProcess[str]], tmp_path: Path) -> None:
    db, _ = crawled
    out = tmp_path / "report.csv"
    result = run_cchc("report", "--db", str(db), "--csv", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Late %" in result.stdout
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert rows and {"unit", "period", "received", "resolved", "early_or_on_time_pct",
                     "late_pct"} <= set(rows[0])
    assert any(r["unit"].lower().startswith("xã") and r["late_pct"] for r in rows)


def test_report_shows_a_screenful_and_says_how_many_more(
        crawled: tuple[Path, subprocess.CompletedProcess[str]], tmp_path: Path) -> None:
    """The terminal gets the first --limit rows and the count of all; a file gets them all."""
    db, _ = crawled
    out = tmp_path / "all.csv"
    everything = run_cchc("report", "--db", str(db), "--csv", str(out), "--limit", "2",
                          cwd=tmp_path)
    total = len(list(csv.DictReader(out.open(encoding="utf-8-sig"))))
    assert total > 2 and f"CCHC comparison ({total} unit-periods)" in everything.stdout
    screen = run_cchc("report", "--db", str(db), "--limit", "2", cwd=tmp_path)
    assert screen.returncode == 0, screen.stderr
    assert f"showing the first 2 of {total} unit-periods" in screen.stdout
    assert f"CCHC comparison ({total} unit-periods)" in screen.stdout
    whole = run_cchc("report", "--db", str(db), "--limit", "0", cwd=tmp_path)
    assert "showing the first" not in whole.stdout


def test_extract_all_reextracts_offline_without_new_rows(
        crawled: tuple[Path, subprocess.CompletedProcess[str]], tmp_path: Path) -> None:
    db, _ = crawled
    before = counts(db)
    result = run_cchc("extract", "--all", "--db", str(db), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert counts(db) == before


def test_sites_check_rejects_a_bad_row_naming_file_line_field(tmp_path: Path) -> None:
    bad = tmp_path / "sites.csv"
    bad.write_text(
        "id,name,level,district,province,base_url,platform,start_paths\n"
        "thaihoc,xã Thái Học,commune,Bình Giang,Hải Dương,http://thaihoc.binhgiang.haiduong.gov.vn,trang,\n"
        "x2,xã Hai,commune,Bình Giang,Hải Dương,http://x2.haiduong.gov.vn,joomla99,\n",
        encoding="utf-8")
    result = run_cchc("sites", "check", str(bad), cwd=tmp_path)
    assert result.returncode == 1
    assert "sites.csv" in result.stderr and "line 3" in result.stderr
    assert "platform" in result.stderr and "joomla99" in result.stderr


def test_report_without_database_says_what_to_do(tmp_path: Path) -> None:
    result = run_cchc("report", "--db", str(tmp_path / "none.db"), cwd=tmp_path)
    assert result.returncode == 1
    assert "run `cchc crawl` first" in result.stderr


def test_bad_date_option_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cchc("report", "--since", "1/2/2024", "--db", str(tmp_path / "x.db"),
                      cwd=tmp_path)
    assert result.returncode == 2
    assert "must look like 2024-06-30" in result.stderr


def test_extract_text_prints_json_figures(tmp_path: Path) -> None:
    page = tmp_path / "note.txt"
    page.write_text("Trong quý II năm 2024, xã đã tiếp nhận 1.250 hồ sơ, trễ hạn 3 hồ sơ.",
                    encoding="utf-8")
    result = run_cchc("extract-text", str(page), "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert '"metric": "received"' in result.stdout and '"value": 1250' in result.stdout
    assert '"period": "2024-Q2"' in result.stdout
