"""Crawl the independent portal set with the CLI, as a user would, and score the database.

    python -m tests.portals_independent.score [--work DIR]

Two crawls through the proxy (politeness delays off), each `cchc crawl --sites FILE` (crawl,
then extraction): every site with the spider its row names (`generic` for the families with
none), then every row set to `generic`. Per site and in total: reform articles found/present
(stored article pages whose URL reaches a reform article, aliases included), extra article
pages (anything else stored as an article), published dates right, TTHC box figures
found/present (widget figures of the site matching the box's metric, channel and value), and
figure precision/recall/F1 end to end (figures of the reform articles plus the box's).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from .build import PortalSet, build_set
from .serve import StaticPortals

ROOT = Path(__file__).resolve().parents[2]
SPEED = ("DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=False", "CONCURRENT_REQUESTS=32",
         "CONCURRENT_REQUESTS_PER_DOMAIN=4", "LOG_LEVEL=ERROR", "TELNETCONSOLE_ENABLED=False")
COUNTS = ("found", "present", "extra", "dates", "stored", "box", "box_present", "tp", "fp", "fn")
Key = tuple[str, str | None, float]


def crawl(sites: Path, db: Path, proxy: str) -> subprocess.CompletedProcess[str]:
    """`cchc crawl --sites FILE` through the proxy into `db`."""
    cmd = [sys.executable, "-m", "cchc", "crawl", "--sites", str(sites), "--db", str(db),
           "-s", f"CCHC_PROXY={proxy}", *[x for s in SPEED for x in ("-s", s)]]
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


def key(f: dict) -> Key:
    return f["metric"], f["channel"], round(float(f["value"]), 3)


def matched(pred: list[Key], gold: list[Key]) -> int:
    """Predictions matching gold one to one (metric, channel, value within 0.005)."""
    left, hit = list(gold), 0
    for m, c, v in pred:
        for i, (gm, gc, gv) in enumerate(left):
            if m == gm and c == gc and abs(v - gv) < 0.005:
                hit += 1
                del left[i]
                break
    return hit


def measure(portals: StaticPortals, db: Path) -> dict[str, dict[str, int]]:
    """Per site: the counts of COUNTS (see the module docstring)."""
    conn = sqlite3.connect(db)
    pages = defaultdict(list)
    for site_id, url in conn.execute("select site_id, url from pages where kind = 'article'"):
        pages[site_id].append(url)
    stored = defaultdict(list)
    for row in conn.execute("select id, site_id, url, published from articles order by id"):
        stored[row[1]].append(row)
    figures = defaultdict(list)
    for aid, metric, channel, value in conn.execute(
            "select article_id, metric, channel, value from figures "
            "where source = 'article' and article_id is not null"):
        figures[aid].append((metric, channel, round(float(value), 3)))
    widget = defaultdict(set)
    for site_id, metric, channel, value in conn.execute(
            "select s.site_id, f.metric, f.channel, f.value from figures f "
            "join widget_snapshots s on s.id = f.snapshot_id"):
        widget[site_id].add((metric, channel, round(float(value), 3)))
    conn.close()
    out = {}
    for sid, truth in portals.set.truth.items():
        reform = {a["id"]: a for a in truth["articles"]}
        hits = [portals.article_of(url) for url in pages[sid]]
        per_article: dict[int, tuple[str | None, list[Key]]] = {}
        for aid, _, url, published in stored[sid]:
            art = portals.article_of(url)
            if art in reform and art not in per_article:
                per_article[art] = (published, figures[aid])
        d = dict.fromkeys(COUNTS, 0)
        d.update(found=len({h for h in hits if h in reform}), present=len(reform),
                 extra=sum(1 for h in hits if h not in reform), stored=len(per_article),
                 dates=sum(1 for a, (pub, _) in per_article.items()
                           if (pub or "")[:10] == reform[a]["published"]))
        for a_id, article in reform.items():
            gold = [key(f) for f in article["figures"]]
            pred = per_article.get(a_id, (None, []))[1]
            hit = matched(pred, gold)
            d["tp"] += hit
            d["fp"] += len(pred) - hit
            d["fn"] += len(gold) - hit
        box = {key(f) for f in truth["box"]["figures"]} if truth["box"] else set()
        d["box"], d["box_present"] = len(box & widget[sid]), len(box)
        d["tp"] += d["box"]
        d["fn"] += len(box) - d["box"]
        d["fp"] += len(widget[sid] - box)
        out[sid] = d
    return out


def totals(scores: dict[str, dict[str, int]]) -> dict[str, float]:
    """Summed counts and the rates: articles, box figures, dates, precision, recall, F1."""
    t = {k: sum(d[k] for d in scores.values()) for k in COUNTS}
    p, r = _share(t["tp"], t["tp"] + t["fp"]), _share(t["tp"], t["tp"] + t["fn"])
    return {**t, "articles": _share(t["found"], t["present"]),
            "boxes": _share(t["box"], t["box_present"]), "dates_right": _share(t["dates"], t["stored"]),
            "precision": p, "recall": r, "f1": _share(2 * p * r, p + r)}


def _share(part: float, whole: float) -> float:
    """part / whole; 1.0 when there is nothing to find (a site without a box found all of it)."""
    return part / whole if whole else 1.0


def f1_of(d: dict[str, int]) -> float:
    return totals({"x": d})["f1"]


def report(portal_set: PortalSet, runs: dict[str, dict[str, dict[str, int]]]) -> str:
    head = (f"{'site':<24} {'family':<18} {'spider':<16}| {'articles':>8} {'box':>5} {'extra':>5}"
            f" {'dates':>5} {'F1':>5} | {'generic':>8} {'box':>5} {'extra':>5} {'F1':>5}")
    lines = [head, "-" * len(head)]
    for sid, truth in portal_set.truth.items():
        p, g = runs["platform"][sid], runs["generic"][sid]
        lines.append(f"{sid:<24} {truth['family']:<18} {truth['platform']:<16}|"
                     f" {p['found']:>3}/{p['present']:<4} {p['box']:>2}/{p['box_present']:<2}"
                     f" {p['extra']:>5} {p['dates']:>2}/{p['stored']:<2} {f1_of(p):.2f} |"
                     f" {g['found']:>3}/{g['present']:<4} {g['box']:>2}/{g['box_present']:<2}"
                     f" {g['extra']:>5} {f1_of(g):.2f}")
    lines.append("-" * len(head))
    for name, scores in runs.items():
        t = totals(scores)
        lines.append(f"{name:<9} articles {t['found']}/{t['present']} = {100 * t['articles']:.1f} %,"
                     f" box figures {t['box']}/{t['box_present']}, extra {t['extra']},"
                     f" dates {t['dates']}/{t['stored']}, figures P {t['precision']:.3f}"
                     f" R {t['recall']:.3f} F1 {t['f1']:.3f}")
    return "\n".join(lines)


def run(work: Path) -> dict[str, dict[str, dict[str, int]]]:
    """Both crawls of the set into `work`, measured."""
    from replica import ReplicaServer

    portal_set = build_set()
    portals = StaticPortals(portal_set)
    files = {"platform": portal_set.write_sites(work / "platform.csv"),
             "generic": portal_set.write_sites(work / "generic.csv", platform="generic")}
    runs = {}
    with ReplicaServer(portals) as proxy:  # type: ignore[arg-type]
        for name, sites in files.items():
            db = work / f"{name}.db"
            db.unlink(missing_ok=True)
            done = crawl(sites, db, proxy)
            if done.returncode != 0:
                raise RuntimeError(f"cchc crawl ({name}) failed:\n{done.stderr[-3000:]}")
            runs[name] = measure(portals, db)
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, default=None, help="keep the databases here")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="portals-independent-"))
    work.mkdir(parents=True, exist_ok=True)
    runs = run(work)
    print(report(build_set(), runs))
    (work / "scores.json").write_text(json.dumps(runs, indent=1))
    print(f"databases and scores.json in {work}")


if __name__ == "__main__":
    main()
