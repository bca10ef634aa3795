"""Deployed to a real Scrapyd: the project is packed and deployed with `scrapyd-deploy`
(scrapy.cfg's [deploy] target, pointed at a Scrapyd started here on loopback), a crawl of
the replica is scheduled through Scrapyd's HTTP API, and its pages and then figures arrive
in SQLite."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import sqlite_utils

import store
from cchc.extraction import extract_stored_pages
from replica import Replica
from tests.conftest import ROOT, free_port, wait_for

BIN = Path(sys.executable).parent
PROJECT_FILES = ("scrapy.cfg", "setup.py", "pyproject.toml", "README.md")
PACKAGES = ("cchc", "crawler", "extract", "store", "replica")
SITE = "hd-binhgiang-thaihoc"


def clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}


@pytest.fixture(scope="module")
def scrapyd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Scrapyd server on a free loopback port; yields its URL."""
    work = tmp_path_factory.mktemp("scrapyd")
    port = free_port()
    (work / "scrapyd.conf").write_text(
        f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\neggs_dir = {work}/eggs\n"
        f"logs_dir = {work}/logs\ndbs_dir = {work}/dbs\nitems_dir =\nmax_proc = 2\n")
    proc = subprocess.Popen([str(BIN / "scrapyd")], cwd=work, env=clean_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: httpx.get(url + "daemonstatus.json", timeout=2).json()["status"] == "ok",
                 "scrapyd", alive=lambda: proc.poll() is None)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_scrapy_cfg_has_a_deploy_target() -> None:
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "scrapy.cfg")
    assert cfg["deploy"]["project"] == "cchc" and cfg["deploy"]["url"].startswith("http")


def test_deploy_schedule_and_see_pages_and_figures_arrive(
        scrapyd: str, proxy: str, replica: Replica, tmp_path: Path) -> None:
    project = tmp_path / "project"  # a copy, as a user's checkout: the build writes into it
    for name in PROJECT_FILES:
        shutil.copy(ROOT / name, project / name if project.exists() else _mkdir(project) / name)
    for package in PACKAGES:
        shutil.copytree(ROOT / package, project / package,
                        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    with (project / "scrapy.cfg").open("a", encoding="utf-8") as cfg:
        cfg.write(f"\n[deploy:here]\nurl = {scrapyd}\n")  # project "cchc" from [deploy]
    deployed = subprocess.run([str(BIN / "scrapyd-deploy"), "here"], cwd=project, env=clean_env(),
                              capture_output=True, text=True, timeout=120)
    assert deployed.returncode == 0, deployed.stderr
    from crawler.sites import PLATFORMS  # one spider per platform

    assert '"status": "ok"' in deployed.stdout and f'"spiders": {len(PLATFORMS)}' in deployed.stdout

    db = tmp_path / "scrapyd.db"
    settings = {"CCHC_DB_PATH": str(db), "CCHC_SITES_FILE": str(ROOT / "replica" / "sites.csv"),
                "CCHC_PROXY": proxy, "DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "False"}
    form = {"project": "cchc", "spider": "trang", "site": SITE,
            "setting": [f"{k}={v}" for k, v in settings.items()]}
    job = httpx.post(scrapyd + "schedule.json", data=form, timeout=10).json()
    assert job["status"] == "ok", job
    deadline = time.monotonic() + 90
    while True:
        jobs = httpx.get(scrapyd + "listjobs.json", params={"project": "cchc"}, timeout=10).json()
        done = [j for j in jobs["finished"] if j["id"] == job["jobid"]]
        if done:
            break
        assert time.monotonic() < deadline, jobs
        time.sleep(0.3)
    log = httpx.get(scrapyd.rstrip("/") + done[0]["log_url"], timeout=10).text
    assert "Spider closed (finished)" in log and "Traceback" not in log, log[-3000:]

    conn = sqlite_utils.Database(db)
    articles = {r["url"] for r in conn.query("select url from pages where kind = 'article'")}
    assert articles == {store.canonical_url(u) for u in replica.article_urls(SITE)}
    assert [r["status"] for r in conn.query("select status from crawl_runs")] == ["finished"]
    stats = extract_stored_pages(store.open_db(db))
    assert stats.articles == len(articles) and stats.figures > 0
    assert conn["figures"].count > 0


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True)
    return path
