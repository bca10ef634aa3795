"""Benchmark the crawler against the generated replica.

    python bench/bench_crawl.py [--sites 100] [--articles 50] [--concurrency 4]
    python bench/bench_crawl.py --sites 1000 --articles 50     # the full size (slow)

In one run, over the same replica (served on loopback by this process, sites built up
front), it measures:

1. **ours**: every platform spider (`cchc.crawl.run_crawl`), storing into a fresh SQLite file;
2. **plain**: a bare Scrapy spider that fetches the same URLs (every page ours stored) through
   the same proxy with the same concurrency and does nothing with them;
3. **re-crawl**: ours again, incremental, over the unchanged replica.

It prints pages/s for ours and plain and their ratio (target ≥ 0.8), the requests per site of
the re-crawl against the listing pages per site of the full crawl (target ≤ 1.2 ×), and each
crawl's peak RSS (`resource.getrusage`, each crawl in its own process). Not part of pytest.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SPEED = {  # both crawlers: no politeness delay (our own loopback replica), same concurrency
    "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "ROBOTSTXT_OBEY": True,
    "LOG_LEVEL": "ERROR", "CONCURRENT_REQUESTS": 64, "TELNETCONSOLE_ENABLED": False,
}


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- child processes (one reactor each) ---------------------------------------------------
def child_ours(args: argparse.Namespace) -> None:
    from cchc.crawl import run_crawl
    from crawler.sites import load_sites

    by_platform: dict[str, list[str]] = {}
    for site in load_sites(args.sites_file):
        by_platform.setdefault(site.platform, []).append(site.id)
    # one process runs a spider per platform: split the global concurrency between them, so
    # ours keeps as many requests in flight as the plain spider (not 7 x as many)
    per_spider = max(args.concurrency, SPEED["CONCURRENT_REQUESTS"] // len(by_platform))
    overrides = {**SPEED, "CONCURRENT_REQUESTS": per_spider,
                 "CONCURRENT_REQUESTS_PER_DOMAIN": args.concurrency, "CCHC_PROXY": args.proxy}
    t0 = time.perf_counter()
    stats = run_crawl(db_path=Path(args.db), sites_file=Path(args.sites_file),
                      sites_by_platform=by_platform, overrides=overrides,
                      spider_args={"incremental": "1"} if args.incremental else None)
    elapsed = time.perf_counter() - t0
    total = lambda key: sum(int(s.get(key, 0)) for s in stats.values())  # noqa: E731
    print(json.dumps({
        "elapsed": elapsed, "requests": total("downloader/request_count"),
        "responses": total("response_received_count"), "items": total("item_scraped_count"),
        "errors": sum(v for s in stats.values() for k, v in s.items() if k.startswith("cchc/error/")),
        "rss_mb": peak_rss_mb(),
    }))


def child_plain(args: argparse.Namespace) -> None:
    import scrapy
    from scrapy.crawler import CrawlerProcess

    urls = Path(args.urls).read_text(encoding="utf-8").split()

    class PlainSpider(scrapy.Spider):
        name = "plain"

        async def start(self):  # type: ignore[no-untyped-def]
            for url in urls:
                yield scrapy.Request(url, meta={"proxy": args.proxy}, callback=self.parse)

        def parse(self, response):  # type: ignore[no-untyped-def]
            return None

    process = CrawlerProcess({
        **SPEED, "CONCURRENT_REQUESTS_PER_DOMAIN": args.concurrency,
        "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
        "USER_AGENT": "cchc-bench-plain",
    })
    crawler = process.create_crawler(PlainSpider)
    process.crawl(crawler)
    t0 = time.perf_counter()
    process.start()
    elapsed = time.perf_counter() - t0
    st = crawler.stats.get_stats()
    print(json.dumps({"elapsed": elapsed, "requests": st.get("downloader/request_count", 0),
                      "responses": st.get("response_received_count", 0), "rss_mb": peak_rss_mb()}))


def run_child(*argv: str) -> dict:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    done = subprocess.run([sys.executable, __file__, *argv], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"child {argv[0]} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- main -------------------------------------------------------------------------------
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", type=int, default=100)
    parser.add_argument("--articles", type=int, default=50, help="reform articles per site")
    parser.add_argument("--concurrency", type=int, default=4, help="requests per host")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    from replica import ReplicaServer, build_replica
    from replica.__main__ import write_sites

    work = Path(tempfile.mkdtemp(prefix="bench-crawl-"))
    replica = build_replica(args.seed, n_sites=args.sites, n_articles=args.articles)
    t0 = time.perf_counter()
    for spec in replica.sites:  # write every site now, so no crawl pays for it
        replica.site(spec.id)
    print(f"replica: {args.sites} sites x {args.articles} reform articles, "
          f"built in {time.perf_counter() - t0:.1f} s; work dir {work}")
    sites_file, db, urls = work / "sites.csv", work / "bench.db", work / "urls.txt"
    write_sites(replica.sites, str(sites_file))
    common = ["--sites-file", str(sites_file), "--concurrency", str(args.concurrency)]

    with ReplicaServer(replica) as proxy:
        ours = run_child("_ours", *common, "--proxy", proxy, "--db", str(db))
        with sqlite3.connect(db) as conn:
            stored = [r[0] for r in conn.execute("select url from pages")]
            listings = conn.execute("select count(*) from pages where kind = 'listing'").fetchone()[0]
        urls.write_text("\n".join(stored), encoding="utf-8")
        plain = run_child("_plain", *common, "--proxy", proxy, "--urls", str(urls))
        again = run_child("_ours", *common, "--proxy", proxy, "--db", str(db), "--incremental")

    ours_rate = ours["responses"] / ours["elapsed"]
    plain_rate = plain["responses"] / plain["elapsed"]
    n = len(replica.sites)
    print(f"ours : {ours['responses']:6d} responses ({ours['items']} items stored, "
          f"{ours['errors']} errors) in {ours['elapsed']:6.1f} s = {ours_rate:7.1f} pages/s, "
          f"peak RSS {ours['rss_mb']:.0f} MB")
    print(f"plain: {plain['responses']:6d} responses in {plain['elapsed']:6.1f} s = "
          f"{plain_rate:7.1f} pages/s, peak RSS {plain['rss_mb']:.0f} MB")
    print(f"ratio ours/plain: {ours_rate / plain_rate:.2f} (target >= 0.8)")
    per_site, listing_per_site = again["requests"] / n, listings / n
    print(f"re-crawl (unchanged): {again['requests']} requests = {per_site:.2f} per site vs "
          f"{listing_per_site:.2f} listing pages per site -> {per_site / listing_per_site:.2f} x "
          f"(target <= 1.2); {again['elapsed']:.1f} s, peak RSS {again['rss_mb']:.0f} MB")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] in ("_ours", "_plain"):
        cmd = sys.argv[1]
        p = argparse.ArgumentParser()
        p.add_argument("--sites-file")
        p.add_argument("--concurrency", type=int)
        p.add_argument("--proxy")
        p.add_argument("--db")
        p.add_argument("--urls")
        p.add_argument("--incremental", action="store_true")
        a = p.parse_args(sys.argv[2:])
        child_ours(a) if cmd == "_ours" else child_plain(a)
    else:
        main()
