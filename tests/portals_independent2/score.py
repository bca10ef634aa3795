"""Crawl the second independent set through the replica proxy and score it against its truth.

`python -m tests.portals_independent2.score [--work DIR]` from the project root prints, per
site and in total, for the platform spiders and for `generic` alone: reform articles found /
present, extra article pages (stored as articles, but no article of the site), dates right,
TTHC box figures found / present, and article figure precision / recall / F1 (metric, channel,
value within 0.005, per article, against ../shared/figures.md's reading of the text).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.portals_independent2.sites import build
from tests.portals_independent2.web import Web

ROOT = Path(__file__).resolve().parents[2]
SPEED = ("DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=False", "CCHC_PROGRESS=off")
Row = dict[str, object]


def digest(web: Web) -> str:
    """The set's bytes (every page and the truth): first-seen scores hold for this digest only."""
    h = hashlib.sha256()
    for site in web.sites:
        for path in sorted(site.pages):
            h.update(f"{site.host}{path}\n".encode() + site.pages[path].encode() + b"\n")
        h.update(json.dumps(site.truth(), ensure_ascii=False, sort_keys=True).encode())
    return h.hexdigest()


def norm(url: str) -> str:
    p = urlsplit(unquote(url).replace("&amp;", "&"))
    return f"{p.netloc.lower()}{p.path}" + (f"?{p.query}" if p.query else "")


def matched(pred: list[tuple], gold: list[tuple]) -> int:
    left, hit = list(gold), 0
    for m, ch, v in pred:
        for i, (gm, gch, gv) in enumerate(left):
            if gm == m and gch == ch and abs(float(gv) - float(v)) < 0.005:
                hit += 1
                del left[i]
                break
    return hit


def measure(db: Path, web: Web) -> dict[str, Row]:
    con = sqlite3.connect(db)
    out: dict[str, Row] = {}
    for site in web.sites:
        t = site.truth()
        arts = {norm(u): (aid, pub) for aid, u, pub in con.execute(
            "select id, url, published from articles where site_id=?", (site.id,))}
        gold = {norm(a["url"]): a for a in t["articles"]}
        others = {norm(u) for u in t["other_articles"]}
        found = [u for u in gold if u in arts]
        box_pred = {(m, float(v)) for m, v in con.execute(
            "select f.metric, f.value from figures f join widget_snapshots w on f.snapshot_id = w.id "
            "where w.site_id = ?", (site.id,))}
        tp = npred = 0
        for u, (aid, _) in arts.items():
            pred = list({(m, ch, float(v)) for m, ch, v in con.execute(
                "select metric, channel, value from figures where article_id=? and source='article'", (aid,))})
            tp += matched(pred, [tuple(f) for f in gold[u]["figures"]] if u in gold else [])
            npred += len(pred)
        out[site.id] = dict(
            platform=site.platform, present=len(gold), found=len(found),
            extra=sum(1 for u in arts if u not in gold and u not in others),
            dates=sum(1 for u in found if (arts[u][1] or "")[:10] == gold[u]["date"]),
            box=len({(m, float(v)) for m, v in t["box"]} & box_pred), box_present=len(t["box"]),
            tp=tp, npred=npred, ngold=sum(len(a["figures"]) for a in t["articles"]))
    con.close()
    return out


def f1(row: Row) -> tuple[float, float, float]:
    tp, npred, ngold = int(row["tp"]), int(row["npred"]), int(row["ngold"])
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def totals(rows: dict[str, Row]) -> Row:
    keys = ("present", "found", "extra", "dates", "box", "box_present", "tp", "npred", "ngold")
    return {k: sum(int(r[k]) for r in rows.values()) for k in keys}


def report(runs: dict[str, dict[str, Row]]) -> str:
    lines = []
    for name, rows in runs.items():
        lines += [f"== {name}", f"{'site':14} {'spider':16} {'articles':>9} {'extra':>5} {'dates':>7} "
                                f"{'box':>6} {'P':>5} {'R':>5} {'F1':>5}"]
        for sid, r in [*rows.items(), ("TOTAL", dict(totals(rows), platform=""))]:
            p, rc, f = f1(r)
            lines.append(f"{sid:14} {r['platform']:16} {r['found']:>4}/{r['present']:<4} {r['extra']:>5} "
                         f"{r['dates']:>3}/{r['found']:<3} {r['box']:>3}/{r['box_present']:<3}"
                         f"{p:5.2f} {rc:5.2f} {f:5.3f}")
    return "\n".join(lines)


def crawl(sites: Path, db: Path, proxy: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "cchc", "crawl", "--sites", str(sites), "--db", str(db),
           "-s", f"CCHC_PROXY={proxy}", *[x for s in SPEED for x in ("-s", s)]]
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


def run(work: Path, web: Web | None = None) -> dict[str, dict[str, Row]]:
    """Both crawls (each site's own spider, then every site as `generic`), measured."""
    from replica import ReplicaServer

    web = web or build()
    files = {"platform": work / "platform.csv", "generic": work / "generic.csv"}
    files["platform"].write_text(web.sites_csv(), encoding="utf-8")
    files["generic"].write_text(web.sites_csv(generic=True), encoding="utf-8")
    runs = {}
    with ReplicaServer(web) as proxy:  # type: ignore[arg-type]
        for name, sites in files.items():
            db = work / f"{name}.db"
            db.unlink(missing_ok=True)
            done = crawl(sites, db, proxy)
            if done.returncode != 0:
                raise RuntimeError(f"cchc crawl ({name}) failed:\n{done.stderr[-3000:]}")
            runs[name] = measure(db, web)
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, default=None, help="keep the databases here")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="portals-independent2-"))
    work.mkdir(parents=True, exist_ok=True)
    print(report(run(work)))
    print(f"databases in {work}")


if __name__ == "__main__":
    main()
