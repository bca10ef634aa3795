"""Distributed crawl: pages/s with 1, 2 and 3 workers against one process.

    python bench/bench_distributed.py [--sites 60] [--articles 20]

Serves a generated replica on loopback (sites built up front), starts a real `redis-server`
on a free loopback port, and crawls the replica, each time into a fresh SQLite file with the
same settings (no politeness delay: the replica is ours; robots.txt read; 4 requests per host):

- **baseline**: `cchc crawl` in one process (the StorePipeline writes SQLite itself);
- **k workers** (k = 1, 2, 3): `cchc crawl --distributed URL --workers k`, with one
  `cchc ingest URL --until-done` writing SQLite; timed from the launch to the last page
  written.

Prints pages/s for each and the ratio to the baseline. On the 2-CPU dev box more workers
than cores cannot help: the figure to read is how much one shared frontier costs (1 worker
against the baseline) and how the curve bends.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SPEED = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
         "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=4", "-s", "CCHC_PROGRESS=off",
         "-s", "LOG_LEVEL=ERROR", "-s", "CCHC_WORKER_TTL=2", "-s", "TELNETCONSOLE_ENABLED=False")


def env() -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    return {**clean, "PYTHONPATH": str(ROOT)}


def cchc(*args: str, **kw) -> subprocess.Popen:  # type: ignore[no-untyped-def, type-arg]
    return subprocess.Popen([sys.executable, "-m", "cchc", *args], cwd=ROOT, env=env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, **kw)


def pages(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM pages").fetchone()[0])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_ok(proc: subprocess.Popen, what: str) -> None:  # type: ignore[type-arg]
    _, err = proc.communicate(timeout=900)
    if proc.returncode:
        sys.exit(f"{what} failed ({proc.returncode}):\n{err[-3000:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", type=int, default=60)
    parser.add_argument("--articles", type=int, default=20, help="reform articles per site")
    args = parser.parse_args()
    binary = shutil.which("redis-server")
    if binary is None:
        sys.exit("redis-server is not installed (apt-get install redis-server)")

    import redis

    from replica import ReplicaServer, build_replica
    from replica.__main__ import write_sites

    work = Path(tempfile.mkdtemp(prefix="bench-distributed-"))
    replica = build_replica(0, n_sites=args.sites, n_articles=args.articles)
    for spec in replica.sites:
        replica.site(spec.id)
    sites_file = work / "sites.csv"
    write_sites(replica.sites, str(sites_file))
    port = free_port()
    server = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                               "--appendonly", "no", "--dir", str(work)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    rates: dict[str, float] = {}
    try:
        for _ in range(100):
            try:
                redis.Redis.from_url(url).ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        with ReplicaServer(replica) as proxy:
            common = ("--sites", str(sites_file), "--proxy", proxy, *SPEED)
            db = work / "baseline.db"
            t0 = time.perf_counter()
            wait_ok(cchc("crawl", "--db", str(db), "--no-extract", *common), "baseline crawl")
            rates["one process (baseline)"] = pages(db) / (time.perf_counter() - t0)
            print(f"one process (baseline): {pages(db):,} pages in "
                  f"{time.perf_counter() - t0:5.1f} s = {rates['one process (baseline)']:6.1f} pages/s",
                  flush=True)
            for k in (1, 2, 3):
                db = work / f"workers{k}.db"
                t0 = time.perf_counter()
                ingest = cchc("ingest", url, "--db", str(db), "--until-done", "--no-extract")
                crawl = cchc("crawl", "--distributed", url, "--workers", str(k), *common)
                wait_ok(crawl, f"{k} workers")
                wait_ok(ingest, "ingest")
                elapsed = time.perf_counter() - t0
                rate = pages(db) / elapsed
                print(f"{k} worker{'s' if k > 1 else ' '} + ingest: {pages(db):,} pages in "
                      f"{elapsed:5.1f} s = {rate:6.1f} pages/s "
                      f"({rate / rates['one process (baseline)']:.2f} x the baseline)", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
