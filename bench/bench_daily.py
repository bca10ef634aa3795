"""A daily incremental re-crawl of 4,000 replica portals, under the default politeness.

    python bench/bench_daily.py [--sites 4000] [--articles 8] [--factor 3]

4,000 is about the number of communes, wards and districts after the 2025 merger. The
replica's sites are built up front and served on loopback by this process; the database is
seeded as after earlier crawls (every article of every site stored, the last runs finished),
so the crawl is the daily one of the README (`cchc crawl --backfill-days 14`): robots.txt, the
home page, the first page of each listing, conditional GETs for recent articles.

Two crawls, each in its own process, with the project's settings (CONCURRENT_REQUESTS 16 per
spider, 2 per host, AutoThrottle, robots.txt):

1. **no delays** (DOWNLOAD_DELAY 0, AutoThrottle start 0): what the machine costs — time in
   the spiders' callbacks (parsing), in the store pipeline (SQLite writes), and the rest
   (Scrapy, Twisted, the loopback replica);
2. **delays / F** (DOWNLOAD_DELAY 1/F s, AutoThrottle start 1/F and max 30/F): the politeness
   the real crawl pays, scaled down by the stated factor F.

Projection at the real delays: the politeness bound — each request after a host's first
waits DOWNLOAD_DELAY in its host's slot while holding one of the spider's 16 slots, so the
busiest spider needs (requests - hosts) x 1 s / 16 — against the machine's cost (run 1): the
wall time lies between the larger of the two (waits overlap the work) and their sum. Run 2
checks the bound: (run 2 - run 1) x F is the measured delay cost when the waits outweigh the
machine's work at that factor. Real portals answer in 0.3-2 s, not in a loopback
millisecond; a line says what each 0.5 s of response time adds. Target (issue 12): <= 30 min.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zlib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

REAL_DELAY = 1.0  # crawler/settings.py DOWNLOAD_DELAY and AUTOTHROTTLE_START_DELAY
REAL_MAX_DELAY = 30.0
CONCURRENCY = 16  # crawler/settings.py CONCURRENT_REQUESTS (per spider)


# -- the crawl process (one reactor each) ---------------------------------------------------
def timed_generators(cls: type, names: list[str], totals: Counter[str], key: str) -> None:
    """Wrap generator methods so the time spent inside them is added to totals[key]."""
    for name in names:
        original = cls.__dict__.get(name)
        if original is None:
            continue

        def wrapper(self, *a, __f=original, **kw):  # type: ignore[no-untyped-def]
            t0 = time.perf_counter()
            result = __f(self, *a, **kw)
            totals[key] += time.perf_counter() - t0
            if result is None or not hasattr(result, "__next__"):
                return result
            return _timed_iter(result, totals, key)

        setattr(cls, name, wrapper)


def _timed_iter(it, totals: Counter[str], key: str):  # type: ignore[no-untyped-def]
    while True:
        t0 = time.perf_counter()
        try:
            value = next(it)
        except StopIteration:
            totals[key] += time.perf_counter() - t0
            return
        totals[key] += time.perf_counter() - t0
        yield value


def child(args: argparse.Namespace) -> None:
    from scrapy.spiderloader import SpiderLoader

    from cchc.crawl import project_settings, run_crawl
    from crawler.pipelines import StorePipeline
    from crawler.sites import load_sites
    from crawler.spiders.base import PortalSpider

    totals: Counter[str] = Counter()
    classes = {PortalSpider, *(SpiderLoader.from_settings(project_settings()).load(n)
                               for n in SpiderLoader.from_settings(project_settings()).list())}
    for cls in classes:
        timed_generators(cls, [n for n in vars(cls) if n.startswith("parse")], totals, "parsing")
    original = StorePipeline.process_item

    def process_item(self, item):  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        try:
            return original(self, item)
        finally:
            totals["sqlite"] += time.perf_counter() - t0

    StorePipeline.process_item = process_item  # type: ignore[method-assign]
    by_platform: dict[str, list[str]] = {}
    for site in load_sites(args.sites_file):
        by_platform.setdefault(site.platform, []).append(site.id)
    d = args.delay
    overrides = {"CCHC_PROXY": args.proxy, "DOWNLOAD_DELAY": d, "AUTOTHROTTLE_START_DELAY": d,
                 "AUTOTHROTTLE_MAX_DELAY": REAL_MAX_DELAY * d / REAL_DELAY if d else 0.5,
                 "CCHC_BACKFILL_DAYS": 14, "LOG_LEVEL": "ERROR", "CCHC_PROGRESS": "off",
                 "TELNETCONSOLE_ENABLED": False}
    t0 = time.perf_counter()
    stats = run_crawl(db_path=Path(args.db), sites_file=Path(args.sites_file),
                      sites_by_platform=by_platform, overrides=overrides,
                      spider_args={"incremental": "1"})
    elapsed = time.perf_counter() - t0
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({
        "elapsed": elapsed, "cpu": usage.ru_utime + usage.ru_stime,
        "parsing": totals["parsing"], "sqlite": totals["sqlite"],
        "requests": {s: int(st.get("downloader/request_count", 0)) for s, st in stats.items()},
        "new": sum(int(st.get("cchc/page/new", 0)) for st in stats.values()),
        "errors": sum(v for st in stats.values() for k, v in st.items() if k.startswith("cchc/error/")),
    }))


def run_child(*argv: str) -> dict:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    done = subprocess.run([sys.executable, __file__, "_child", *argv], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"crawl failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- set-up ------------------------------------------------------------------------------------
def seed(db_path: Path, replica, sites_file: Path) -> int:  # type: ignore[no-untyped-def]
    """The store as after earlier crawls: every article stored, the last runs finished."""
    import store
    from crawler.sites import load_sites

    sites = load_sites(sites_file)
    db = store.open_db(db_path)
    store.upsert_sites(db, sites)
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    empty = zlib.compress(b"")
    rows = []
    for spec in replica.sites:
        site = replica.site(spec.id)
        for article in site.articles:
            url = store.canonical_url(site.url(site.article_path(article)))
            rows.append((url, spec.id, "article", 200, now, now, "seed", 0, empty))
    with db.conn:
        db.conn.executemany(
            "INSERT INTO pages (url, site_id, kind, status, first_fetched_at, fetched_at, sha256,"
            " size, html_zlib) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    by_platform: dict[str, list[str]] = {}
    for s in sites:
        by_platform.setdefault(s.platform, []).append(s.id)
    for platform, ids in by_platform.items():
        run = store.start_crawl_run(db, platform, ids)
        store.finish_crawl_run(db, run, "finished", {})
    db.close()
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", type=int, default=4000)
    parser.add_argument("--articles", type=int, default=8, help="reform articles per site")
    parser.add_argument("--factor", type=float, default=3.0,
                        help="delays are divided by this in the scaled run")
    args = parser.parse_args()

    import shutil

    from replica import ReplicaServer, build_replica
    from replica.__main__ import write_sites

    work = Path(tempfile.mkdtemp(prefix="bench-daily-"))
    t0 = time.perf_counter()
    replica = build_replica(0, n_sites=args.sites, n_articles=args.articles)
    for spec in replica.sites:
        replica.site(spec.id)
    sites_file = work / "sites.csv"
    write_sites(replica.sites, str(sites_file))
    seeded = work / "seeded.db"
    n = seed(seeded, replica, sites_file)
    print(f"replica: {args.sites} portals, {n:,} stored articles; built and seeded in "
          f"{time.perf_counter() - t0:.0f} s")
    results = {}
    with ReplicaServer(replica) as proxy:
        for label, delay in (("no delays", 0.0), (f"delays / {args.factor:g}", REAL_DELAY / args.factor)):
            db = work / f"{'fast' if not delay else 'scaled'}.db"
            shutil.copy(seeded, db)
            results[label] = run_child("--sites-file", str(sites_file), "--proxy", proxy,
                                       "--db", str(db), "--delay", str(delay))
    fast, scaled = results["no delays"], results[f"delays / {args.factor:g}"]
    requests = sum(scaled["requests"].values())
    busiest, most = max(scaled["requests"].items(), key=lambda kv: kv[1])
    for label, r in results.items():
        print(f"{label:>12}: {r['elapsed']:6.1f} s wall, {sum(r['requests'].values()):,} requests "
              f"({sum(r['requests'].values()) / args.sites:.2f} per site), {r['new']} new pages, "
              f"{r['errors']} errors; CPU {r['cpu']:.0f} s: parsing {r['parsing']:.1f} s, "
              f"SQLite writes {r['sqlite']:.1f} s")
    # Politeness: every request to a host after its first waits DOWNLOAD_DELAY (randomised
    # 0.5-1.5 x, 1 x on average) in its host's slot, and a waiting request holds one of the
    # spider's 16 slots, so the busiest spider needs (its requests - its hosts) x delay / 16.
    sites_of = Counter(s.platform for s in replica.sites)
    waits = most - sites_of[busiest]
    bound = waits * REAL_DELAY / CONCURRENCY
    measured = args.factor * max(0.0, scaled["elapsed"] - fast["elapsed"])
    low, high = max(fast["elapsed"], bound), fast["elapsed"] + bound
    other = fast["elapsed"] - fast["parsing"] - fast["sqlite"]
    print(f"projected at the real delays: {low / 60:.1f} to {high / 60:.1f} min on one machine "
          f"(the waits overlap the machine's work, or add to it; target <= 30 min)")
    print(f"  per-host delay under the concurrency cap: {busiest} ({sites_of[busiest]:,} sites, "
          f"{most:,} requests, {waits:,} of them after a host's first) x {REAL_DELAY:g} s / "
          f"{CONCURRENCY} slots = {bound / 60:.1f} min; measured: (delays / {args.factor:g} run "
          f"- no-delay run) x {args.factor:g} = {measured / 60:.1f} min"
          + (" (the machine's work hides the waits at this factor)" if measured < bound / 2 else ""))
    print(f"  the machine (no-delay run): {fast['elapsed'] / 60:.1f} min: parsing "
          f"{fast['parsing'] / 60:.1f} min, SQLite writes {fast['sqlite'] / 60:.1f} min, the rest "
          f"(Scrapy, Twisted, the replica on loopback) {other / 60:.1f} min")
    per_half_second = most * 0.5 / CONCURRENCY
    print(f"  real portals: each 0.5 s of response time adds ~{per_half_second / 60:.1f} min "
          f"({busiest}'s {most:,} requests through {CONCURRENCY} slots); {requests:,} requests in all")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_child":
        p = argparse.ArgumentParser()
        for opt in ("--sites-file", "--proxy", "--db"):
            p.add_argument(opt)
        p.add_argument("--delay", type=float)
        child(p.parse_args(sys.argv[2:]))
    else:
        main()
