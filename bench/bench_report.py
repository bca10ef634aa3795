"""`cchc report` and the comparison at 1,000,000 figures.

    python bench/bench_report.py [--figures 1000000]

Crawls the bundled replica into a fresh database (the demo) and clones its sites, articles
and article figures (each clone a distinct unit) until the database holds `--figures`
figures. The `comparison` table of that database is the demo's rows cloned the same way
(what a refresh gives for those figures), and the bench measures, in the same run:

- **count**: `SELECT count(*) FROM comparison`;
- **report query**: the rows `cchc report` reads (all units and periods, no channel), and
  those of one province;
- **`cchc report --province …`** as a command (a fresh process: a screenful of rows and the
  count of all), against `cchc --version` in a fresh process (the start-up every command
  pays), and with `--limit 0` (every row printed);
- **refresh** (the baseline: what every query paid when the comparison was a view, and what
  extraction and review pay now): the full recomputation of the table, timed at growing
  sizes while one step stays under a minute, with its growth exponent and the time it would
  take at `--figures`.

Target (issue 12): report and comparison under 200 ms at 1,000,000 figures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    return {**env, "PYTHONPATH": str(ROOT)}


def cchc(*args: str) -> float:
    """Run `cchc ARGS` in a fresh process; its wall time in ms."""
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "cchc", *args], cwd=ROOT, env=clean_env(),
                   check=True, capture_output=True)
    return (time.perf_counter() - t0) * 1000


def best_ms(fn, rounds: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return min(times)


def columns(db, table: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [r[1] for r in db.execute(f"PRAGMA table_info([{table}])").fetchall()]


def clone(db, copies: int) -> None:  # type: ignore[no-untyped-def]
    """Add `copies` clones of every site, its articles and their figures (distinct units)."""
    db.execute("CREATE TEMP TABLE k (n INTEGER PRIMARY KEY)")
    db.conn.executemany("INSERT INTO k VALUES (?)", [(n,) for n in range(1, copies + 1)])
    site_cols = columns(db, "sites")
    pick = {"id": "s.id || '-c' || k.n", "name": "s.name || ' ' || k.n"}
    db.execute(f"INSERT INTO sites ({', '.join(site_cols)}) SELECT "
               + ", ".join(pick.get(c, f"s.{c}") for c in site_cols) + " FROM sites s, k")
    art_cols = [c for c in columns(db, "articles") if c != "id"]
    pick = {"url": "a.url || '#c' || k.n", "site_id": "a.site_id || '-c' || k.n", "body": "''"}
    db.execute("DROP TRIGGER IF EXISTS articles_fts_ai")  # full-text search is not measured
    db.execute(f"INSERT INTO articles ({', '.join(art_cols)}) SELECT "
               + ", ".join(pick.get(c, f"a.{c}") for c in art_cols) + " FROM articles a, k")
    fig_cols = [c for c in columns(db, "figures") if c != "id"]
    renamed = "CASE WHEN f.{0} IS NULL THEN NULL ELSE f.{0} || ' ' || k.n END"
    pick = {"article_id": "na.id", "fingerprint": "f.fingerprint || '-c' || k.n",
            **{c: renamed.format(c) for c in ("subject", "unit", "unit_key")}}
    db.execute(f"INSERT INTO figures ({', '.join(fig_cols)}) SELECT "
               + ", ".join(pick.get(c, f"f.{c}") for c in fig_cols)
               + " FROM figures f JOIN articles oa ON oa.id = f.article_id, k "
                 "JOIN articles na ON na.url = oa.url || '#c' || k.n")
    db.conn.commit()


def clone_comparison(db, copies: int) -> None:  # type: ignore[no-untyped-def]
    """The comparison rows of the cloned units: the demo's rows, renamed as the clones are."""
    cols = columns(db, "comparison")
    pick = {"unit": "c.unit || ' ' || k.n", "unit_key": "c.unit_key || ' ' || k.n",
            "unit_id": "c.unit_id || ' #' || k.n", "site_id": "c.site_id || '-c' || k.n"}
    db.execute(f"INSERT INTO comparison ({', '.join(cols)}) SELECT "
               + ", ".join(pick.get(c, f"c.{c}") for c in cols) + " FROM comparison c, k")
    db.conn.commit()


def refresh_growth(base: Path, work: Path, target: int) -> None:
    """Time full refreshes at growing sizes; print the growth exponent and the projection."""
    import math

    import store

    points = []
    for copies in (4, 9, 19, 39, 79):
        path = work / "grow.db"
        shutil.copy(base, path)
        db = store.open_db(path)
        clone(db, copies)
        n = db.execute("SELECT count(*) FROM figures").fetchone()[0]
        t0 = time.perf_counter()
        rows = store.refresh_comparison(db)
        took = time.perf_counter() - t0
        db.close()
        path.unlink()
        points.append((n, took))
        print(f"  refresh at {n:9,} figures: {took * 1000:9,.0f} ms ({rows:,} rows)", flush=True)
        if took > 10 and len(points) >= 3:
            break
    xs, ys = [math.log(n) for n, _ in points], [math.log(t) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    exponent = (sum((x - mx) * (y - my) for x, y in zip(xs, ys))
                / sum((x - mx) ** 2 for x in xs))  # least squares on log-log
    n2, t2 = points[-1]
    projected = t2 * (target / n2) ** exponent
    print(f"  refresh time grows as figures^{exponent:.1f}: at {target:,} figures about "
          f"{projected:,.0f} s ({projected / 3600:,.1f} h)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--figures", type=int, default=1_000_000)
    args = parser.parse_args()

    import store
    from cchc.report import HEADLINE_COLUMNS, ReportFilter, comparison_rows, count_rows

    work = Path(tempfile.mkdtemp(prefix="bench-report-"))
    base, big = work / "demo.db", work / "big.db"
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "cchc", "crawl", "--replica", "--db", str(base),
                    "-s", "CCHC_PROGRESS=off"], cwd=ROOT, env=clean_env(), check=True,
                   capture_output=True)
    shutil.copy(base, big)
    db = store.open_db(big)
    store.refresh_comparison(db)
    figures = db.execute("SELECT count(*) FROM figures WHERE article_id IS NOT NULL").fetchone()[0]
    copies = max(0, -(-args.figures // figures) - 1)
    clone(db, copies)
    clone_comparison(db, copies)
    db.execute("ANALYZE")
    total = db.execute("SELECT count(*) FROM figures").fetchone()[0]
    articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    sites = db.execute("SELECT count(*) FROM sites").fetchone()[0]
    print(f"database: {total:,} figures over {articles:,} articles and {sites:,} sites "
          f"(the demo x {copies + 1}), built in {time.perf_counter() - t0:.0f} s", flush=True)
    province = db.execute("SELECT province FROM comparison WHERE province IS NOT NULL "
                          "LIMIT 1").fetchone()[0]
    rows = db.execute("SELECT count(*) FROM comparison").fetchone()[0]
    count_ms = best_ms(lambda: db.execute("SELECT count(*) FROM comparison").fetchone())
    report_rows: list = []
    report_ms = best_ms(lambda: report_rows.__setitem__(slice(None), comparison_rows(db)))
    one: list = []
    one_ms = best_ms(lambda: one.__setitem__(slice(None), comparison_rows(
        db, ReportFilter(province=province))))
    screen_ms = best_ms(lambda: (comparison_rows(db, stating=HEADLINE_COLUMNS, limit=100),
                                 count_rows(db, stating=HEADLINE_COLUMNS)))
    db.close()
    start_ms = min(cchc("--version") for _ in range(3))
    cli_ms = min(cchc("report", "--db", str(big), "--province", province) for _ in range(3))
    all_ms = cchc("report", "--db", str(big), "--province", province, "--limit", "0")  # once
    print(f"select count(*) from comparison ({rows:,} rows): {count_ms:7.1f} ms (target < 200 ms)")
    print(f"report query, a screenful (100 rows) and the count of all: {screen_ms:7.1f} ms "
          f"(target < 200 ms)")
    print(f"report query, every unit-period: {report_ms:7.1f} ms for {len(report_rows):,} rows "
          f"(what --csv/--xlsx/--html read)")
    print(f"report query, one province:      {one_ms:7.1f} ms for {len(one):,} rows")
    print(f"`cchc report --province …` as a command (a screenful, the count of all): "
          f"{cli_ms:,.0f} ms, of which start-up (`cchc --version`) {start_ms:,.0f} ms: the "
          f"report itself {cli_ms - start_ms:,.0f} ms (target < 200 ms)")
    print(f"`cchc report --province … --limit 0` (every row printed): {all_ms:,.0f} ms")
    print("baseline, the comparison recomputed from the figures (a full refresh; a view paid "
          "this on every query):", flush=True)
    refresh_growth(base, work, total)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
