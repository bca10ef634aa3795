"""Scale-out on scrapy-redis: 3 worker processes share one frontier in a real redis-server
(started here on loopback), one `cchc ingest` writes to SQLite; a worker killed with SIGKILL
mid-crawl loses nothing: its in-flight requests go back on the queue and every article
arrives exactly once."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
import sqlite_utils

import store
from crawler.sites import load_sites
from replica import Replica
from tests.conftest import ROOT, free_port, wait_for

SITES = ROOT / "replica" / "sites.csv"
PLATFORMS = ("trang", "nukeviet", "liferay")
WORKER_OPTS = ("-s", "DOWNLOAD_DELAY=0.05", "-s", "RANDOMIZE_DOWNLOAD_DELAY=False",
               "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2",
               "-s", "CCHC_PROGRESS=off", "-s", "CCHC_WORKER_TTL=2", "-s", "LOG_LEVEL=ERROR")


def env() -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    return {**clean, "PYTHONPATH": str(ROOT)}


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (.ci/run installs it with apt-get)")
    port = free_port()
    proc = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(tmp_path)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        wait_for(lambda: redis.Redis.from_url(url).ping(), "redis-server", timeout=10,
                 alive=lambda: proc.poll() is None)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def article_count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("select count(*) from pages where kind = 'article'").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def test_three_workers_one_killed_every_article_once(
        redis_url: str, proxy: str, replica: Replica, tmp_path: Path) -> None:
    db = tmp_path / "dist.db"
    expected = {store.canonical_url(u) for s in load_sites(SITES) if s.platform in PLATFORMS
                for u in replica.article_urls(s.id)}
    ingest = subprocess.Popen([sys.executable, "-m", "cchc", "ingest", redis_url, "--db", str(db),
                               "--until-done", "--no-extract"], cwd=tmp_path, env=env(),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    launcher = subprocess.Popen(
        [sys.executable, "-m", "cchc", "crawl", "--distributed", redis_url, "--workers", "3",
         "--sites", str(SITES), *(f"--platform={p}" for p in PLATFORMS), "--proxy", proxy,
         "--db", str(db), *WORKER_OPTS],
        cwd=tmp_path, env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    pids: list[int] = []
    assert launcher.stderr is not None
    while len(pids) < 3:
        line = launcher.stderr.readline()
        assert line, "the launcher ended before starting 3 workers"
        if m := re.match(r"worker \d of 3: pid (\d+)", line):
            pids.append(int(m.group(1)))
    rest: list[str] = []
    drain = threading.Thread(target=lambda: rest.extend(launcher.stderr), daemon=True)  # type: ignore[arg-type]
    drain.start()
    server = redis.Redis.from_url(redis_url)

    def victim_in_flight() -> int:
        return sum(server.hlen(k) for k in server.scan_iter(f"cchc:*:inflight:*-{pids[0]}-*"))

    try:
        deadline = time.monotonic() + 60
        # mid-crawl, with requests in flight: some pages out already, the victim busy
        while server.llen("cchc:items") + article_count(db) < 40 or not victim_in_flight():
            assert launcher.poll() is None, "the crawl ended before a worker could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.005)
        os.kill(pids[0], signal.SIGKILL)
        in_flight_at_kill = victim_in_flight()
        assert launcher.wait(timeout=120) == signal.SIGKILL  # the launcher reports the loss
        out, err = ingest.communicate(timeout=120)
    finally:
        for proc in (launcher, ingest):
            if proc.poll() is None:
                proc.kill()
    drain.join(timeout=5)
    assert ingest.returncode == 0, err[-3000:]
    assert "died before its" in err  # the killed worker's runs were seen as interrupted
    conn = sqlite_utils.Database(db)
    stored = [r["url"] for r in conn.query("select url from pages where kind = 'article'")]
    assert len(stored) == len(set(stored))  # exactly once
    assert expected <= set(stored)  # none lost
    statuses = [r["status"] for r in conn.query("select status from crawl_runs")]
    assert "interrupted" in statuses
    assert statuses.count("finished") >= 2 * len(PLATFORMS)  # the two others, a run per spider
    owners = {r["owner"] for r in conn.query("select owner from crawl_runs")}
    assert len(owners) == 3 and all(o.startswith("redis:") for o in owners)
    reclaimed = sum(json.loads(r["stats"]).get("cchc/frontier/reclaimed", 0)
                    for r in conn.query("select stats from crawl_runs where status = 'finished'"))
    assert reclaimed == in_flight_at_kill > 0  # the killed worker's, put back and done
    assert server.llen("cchc:items") == 0
    assert all(server.hlen(k) == 0 for k in server.scan_iter("cchc:*:inflight:*"))
