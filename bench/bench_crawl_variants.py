"""How the spiders do on portal markup they were not written for.

    python bench/bench_crawl_variants.py [--seed 0] [--articles N]

Serves the variant replica (`build_replica(variants=True)`: one site per platform family x
markup variant, replica/families/) on loopback and crawls it through the real CLI
(`cchc crawl --sites FILE -s CCHC_PROXY=…`, which also extracts), into a fresh SQLite file,
politeness delays off, twice:

1. **platform**: each site with its family's spider (the generic one where the family has none);
2. **generic**: the generic spider alone on the sites whose family has a spider of its own
   (the others are already generic in run 1).

For each family x variant it prints articles found / present (reform articles the site's
reform listings link, stored as article pages; `extra` = other stored article pages) and TTHC
box figures found / present (widget figures stored for the site that match the box's metric
and value), for both runs, and `read`: the box figures `extract_page` reads from the page
showing the box when handed it (the ceiling for the crawl). Totals and rates follow, against
the targets of issue 8 (platform spiders >= 98 % of articles and 100 % of box figures;
generic alone >= 85 % of articles). Exit status 0 whatever the numbers: it is a measure.
"""

from __future__ import annotations

import argparse
import csv
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract import extract_page  # noqa: E402
from replica import Replica, ReplicaServer, build_replica  # noqa: E402
from replica.__main__ import write_sites  # noqa: E402

SPEED = ("DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=False", "CONCURRENT_REQUESTS=32",
         "CONCURRENT_REQUESTS_PER_DOMAIN=4", "LOG_LEVEL=ERROR", "TELNETCONSOLE_ENABLED=False")


def crawl(sites_file: Path, db: Path, proxy: str) -> float:
    """`cchc crawl` over the replica proxy into `db`; seconds taken."""
    cchc = Path(sys.executable).with_name("cchc")
    cmd = [str(cchc), "crawl", "--sites", str(sites_file), "--db", str(db),
           "-s", f"CCHC_PROXY={proxy}", *[x for s in SPEED for x in ("-s", s)]]
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    t0 = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):  # 1: some site failed; the measure says which
        sys.exit(f"cchc crawl failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return time.perf_counter() - t0


def key(f: dict) -> tuple:
    return f["metric"], f["channel"], round(float(f["value"]), 3)


def measure(replica: Replica, db: Path) -> dict[str, dict[str, int]]:
    """Per site: articles found/present/extra, box figures found/present."""
    conn = sqlite3.connect(db)
    out: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    found_articles: dict[str, set[int]] = defaultdict(set)
    for site_id, url in conn.execute("select site_id, url from pages where kind = 'article'"):
        hit = replica.article_for_url(url)
        site = replica.site(site_id)
        if hit and site.by_id[hit[1]].category in _reform_keys(replica, site_id):
            found_articles[site_id].add(hit[1])
        else:
            out[site_id]["extra"] += 1
    stored = defaultdict(set)
    rows = conn.execute("select s.site_id, f.metric, f.channel, f.value from figures f "
                        "join widget_snapshots s on s.id = f.snapshot_id where f.source = 'widget'")
    for site_id, metric, channel, value in rows:
        stored[site_id].add((metric, channel, round(float(value), 3)))
    conn.close()
    for spec in replica.sites:
        truth = {key(f) for f in replica.box_figures(spec.id)}
        out[spec.id]["articles"] = len(found_articles[spec.id])
        out[spec.id]["present"] = len(replica.article_urls(spec.id))
        out[spec.id]["box"] = len(truth & stored[spec.id])
        out[spec.id]["box_present"] = len(truth)
    return out


def _reform_keys(replica: Replica, site_id: str) -> set[str]:
    site = replica.site(site_id)
    paths = site.spec.start_paths
    return {"reform"} if not paths else {k for p in paths if (k := site.category_for_path(p))}


def box_readable(replica: Replica, site_id: str) -> int:
    """Box figures `extract_page` reads from a page that shows the box (no crawl involved)."""
    truth = {key(f) for f in replica.box_figures(site_id)}
    if not truth:
        return 0
    site = replica.site(site_id)
    where = getattr(site, "v", {}).get("box_on", ["home", "listing", "article"])
    path = (site.home_path() if "home" in where else site.listing_path("reform")
            if "listing" in where else site.article_path(site.articles[0]))
    page = extract_page(replica.fetch(site.url(path))[2], url=site.url(path))
    read = {(f.metric, f.channel, round(float(f.value), 3)) for f in page.figures
            if f.source == "widget"}
    return len(truth & read)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--articles", type=int, default=None,
                        help="reform articles per site (default: 15-40, seeded)")
    args = parser.parse_args()
    replica = build_replica(args.seed, n_articles=args.articles, variants=True)
    for spec in replica.sites:
        replica.site(spec.id)
    work = Path(tempfile.mkdtemp(prefix="bench-variants-"))
    platform_file, generic_file = work / "platform.csv", work / "generic.csv"
    write_sites(replica.sites, str(platform_file))
    with platform_file.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["platform"] != "generic"]
    with generic_file.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows({**r, "platform": "generic"} for r in rows)
    print(f"variant replica: {len(replica.sites)} sites, seed {args.seed}; work dir {work}")

    with ReplicaServer(replica) as proxy:
        t_platform = crawl(platform_file, work / "platform.db", proxy)
        t_generic = crawl(generic_file, work / "generic.db", proxy)
    plat = measure(replica, work / "platform.db")
    gen = measure(replica, work / "generic.db")
    print(f"crawls: platform spiders {t_platform:.0f} s, generic alone {t_generic:.0f} s")
    report(replica, plat, gen)


def report(replica: Replica, plat: dict, gen: dict) -> None:
    head = (f"{'family':<17} {'v':>2} {'spider':<17} {'articles':>9} {'box':>6} {'extra':>5}"
            f" | {'generic':>9} {'box':>6} {'extra':>5} | {'read':>5}")
    print(head)
    print("-" * len(head))
    totals: dict[str, int] = defaultdict(int)
    for spec in sorted(replica.sites, key=lambda s: replica.family(s.id)):
        family, n = replica.family(spec.id)
        p = plat[spec.id]
        g = gen[spec.id] if spec.platform != "generic" else p
        read = box_readable(replica, spec.id)
        print(f"{family:<17} {n:>2} {spec.platform:<17} {p['articles']:>4}/{p['present']:<4}"
              f" {p['box']:>2}/{p['box_present']:<3} {p['extra']:>5} | {g['articles']:>4}/{g['present']:<4}"
              f" {g['box']:>2}/{g['box_present']:<3} {g['extra']:>5} | {read:>2}/{p['box_present']:<2}")
        own = "own" if spec.platform != "generic" else "nospider"
        for name, d in (("p", p), ("g", g)):
            totals[f"{name}_art"] += d["articles"]
            totals[f"{name}_box"] += d["box"]
        totals["own_art"] += p["articles"] if own == "own" else 0
        totals["own_present"] += p["present"] if own == "own" else 0
        totals["own_box"] += p["box"] if own == "own" else 0
        totals["own_box_present"] += p["box_present"] if own == "own" else 0
        totals["present"] += p["present"]
        totals["box_present"] += p["box_present"]
        totals["read"] += read

    def rate(a: int, b: int) -> str:
        return f"{a}/{b} = {100 * a / b:.1f} %" if b else "-"

    print("-" * len(head))
    print(f"platform spiders (families with a spider): articles {rate(totals['own_art'], totals['own_present'])}"
          f" (target >= 98 %), box figures {rate(totals['own_box'], totals['own_box_present'])} (target 100 %)")
    print(f"each site's spider (all families):         articles {rate(totals['p_art'], totals['present'])},"
          f" box figures {rate(totals['p_box'], totals['box_present'])}")
    print(f"generic spider alone (all families):       articles {rate(totals['g_art'], totals['present'])}"
          f" (target >= 85 %), box figures {rate(totals['g_box'], totals['box_present'])}")
    print(f"box figures extract_page reads from the box page itself: {rate(totals['read'], totals['box_present'])}")


if __name__ == "__main__":
    main()
