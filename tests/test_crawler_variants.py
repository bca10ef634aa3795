"""The spiders on portal markup they were not written for: a real crawl (`cchc crawl`, Scrapy
over the replica proxy, then extraction) of the variant replica, one site per platform family
x markup variant, whose class names appear nowhere in crawler/ (tests/test_replica_variants.py
asserts that). Targets of issue 8: the platform spiders find >= 98 % of the articles and every
TTHC box figure; the generic spider alone, on the same sites, >= 85 % of the articles.
`bench/bench_crawl_variants.py` prints the same measure per family x variant."""

from __future__ import annotations

import csv
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import store
from replica import Replica, ReplicaServer, build_replica
from replica.__main__ import write_sites

ROOT = Path(__file__).resolve().parents[1]
SPEED = ("DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=False", "CONCURRENT_REQUESTS=32",
         "CONCURRENT_REQUESTS_PER_DOMAIN=4", "LOG_LEVEL=ERROR", "TELNETCONSOLE_ENABLED=False")
ARTICLES = 8  # reform articles per site: a next listing page where a page holds 5 to 7


@pytest.fixture(scope="module")
def variants() -> Replica:
    return build_replica(seed=0, n_articles=ARTICLES, variants=True)


def crawl(sites: Path, db: Path, proxy: str, spider: str | None = None) -> None:
    """`cchc crawl` (every site's spider, then extraction), or `scrapy crawl <spider>` alone."""
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    cmd = [sys.executable, "-m", "cchc", "crawl", "--sites", str(sites), "--db", str(db)] \
        if spider is None else [sys.executable, "-m", "scrapy", "crawl", spider,
                                "-s", f"CCHC_SITES_FILE={sites}", "-s", f"CCHC_DB_PATH={db}"]
    cmd += ["-s", f"CCHC_PROXY={proxy}", *[x for s in SPEED for x in ("-s", s)]]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]


def found(replica: Replica, db: Path) -> tuple[dict[str, set[str]], dict[str, set[tuple]]]:
    """Per site: the stored article URLs, and the stored box figures (metric, channel, value)."""
    conn = sqlite3.connect(db)
    articles: dict[str, set[str]] = {}
    for site_id, url in conn.execute("select site_id, url from pages where kind = 'article'"):
        articles.setdefault(site_id, set()).add(url)
    boxes: dict[str, set[tuple]] = {}
    for site_id, metric, channel, value in conn.execute(
            "select s.site_id, f.metric, f.channel, f.value from figures f "
            "join widget_snapshots s on s.id = f.snapshot_id"):
        boxes.setdefault(site_id, set()).add((metric, channel, round(float(value), 3)))
    conn.close()
    return articles, boxes


def score(replica: Replica, db: Path, site_ids: list[str]) -> tuple[int, int, int, int]:
    """Articles found, present; box figures found, present."""
    articles, boxes = found(replica, db)
    a_found = a_present = b_found = b_present = 0
    for sid in site_ids:
        want = {store.canonical_url(u) for u in replica.article_urls(sid)}
        a_found += len(want & articles.get(sid, set()))
        a_present += len(want)
        truth = {(f["metric"], f["channel"], round(float(f["value"]), 3)) for f in replica.box_figures(sid)}
        b_found += len(truth & boxes.get(sid, set()))
        b_present += len(truth)
    return a_found, a_present, b_found, b_present


def test_spiders_on_unseen_markup_reach_the_targets(variants: Replica, tmp_path: Path) -> None:
    platform_file, generic_file = tmp_path / "platform.csv", tmp_path / "generic.csv"
    write_sites(variants.sites, str(platform_file))
    with platform_file.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    own = [r["id"] for r in rows if r["platform"] != "generic"]  # families with a spider
    with generic_file.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows({**r, "platform": "generic"} for r in rows if r["id"] in own)
    with ReplicaServer(variants) as proxy:
        crawl(platform_file, tmp_path / "platform.db", proxy)
        crawl(generic_file, tmp_path / "generic.db", proxy, spider="generic")  # articles only

    every = [r["id"] for r in rows]
    a, a_all, b, b_all = score(variants, tmp_path / "platform.db", own)
    assert a / a_all >= 0.98 and b == b_all, (a, a_all, b, b_all)
    a, a_all, b, b_all = score(variants, tmp_path / "platform.db", every)  # generic families too
    assert a / a_all >= 0.98 and b == b_all, (a, a_all, b, b_all)
    a, a_all, _, _ = score(variants, tmp_path / "generic.db", own)
    assert a / a_all >= 0.85, (a, a_all)
