"""`make bench`: every benchmark in one run, each printing its figures beside a baseline
measured in the same run. Not part of `make test`; about 10 minutes on the 2-CPU dev box.

    python bench/run_all.py [--only NAME ...]

Each bench runs in its own process, one after the other (never two at once: they measure
time); one that fails or hangs (killed after --timeout) is reported and the others still
run; the exit status is 1 if any did.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent

#: (name, what it measures, script and arguments)
BENCHES = (
    ("extract", "extraction: documents/s against a bare regex pass; 1 MB pages",
     ["bench_extract.py"]),
    ("crawl", "crawl: pages/s against plain Scrapy on the same replica; re-crawl requests per site",
     ["bench_crawl.py"]),
    ("variants", "crawl of markup the spiders were not written for (articles and box figures found)",
     ["bench_crawl_variants.py"]),
    ("distributed", "distributed crawl: pages/s with 1, 2, 3 workers against one process",
     ["bench_distributed.py"]),
    ("report", "`cchc report` and the comparison at 1,000,000 figures (target < 200 ms)",
     ["bench_report.py"]),
    ("daily", "daily incremental re-crawl of 4,000 portals, projected to real politeness "
              "(target <= 30 min)", ["bench_daily.py"]),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", choices=[b[0] for b in BENCHES],
                        help="run only these benches")
    parser.add_argument("--timeout", type=float, default=900,
                        help="seconds one bench may take before it is killed (default 900)")
    args = parser.parse_args()
    failed = []
    start = time.perf_counter()
    for name, what, command in BENCHES:
        if args.only and name not in args.only:
            continue
        print(f"\n== {name}: {what}", flush=True)
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, str(ROOT / command[0]), *command[1:]],
                                cwd=ROOT.parent, start_new_session=True)
        try:
            code: int | str = proc.wait(timeout=args.timeout)
        except subprocess.TimeoutExpired:  # a hung crawl must not hang `make bench`
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            code = f"killed after {args.timeout:.0f} s"
        took = time.perf_counter() - t0
        print(f"-- {name}: {took:.0f} s" + (f", exit status {code}" if code else ""), flush=True)
        if code:
            failed.append(name)
    print(f"\nmake bench: {len(BENCHES) if not args.only else len(args.only)} benches in "
          f"{(time.perf_counter() - start) / 60:.1f} min"
          + (f"; non-zero exit: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
