"""Progress while it runs: per-site lines during a crawl (plain when not on a terminal),
a bar with rate and ETA for `extract --all`."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import store
from cchc.progress import plain_line, progress_bar
from replica import Replica
from crawler.progress import progress_line
from tests.conftest import ROOT

LINE = re.compile(r"^progress (\S+): (\d+) pages fetched, (\d+) new articles, (\d+) known, (\d+) errors$")


def test_crawl_prints_per_site_progress_while_it_runs(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    cmd = [sys.executable, "-m", "cchc", "crawl", "--replica", "--platform", "nukeviet",
           "--platform", "trang", "--db", str(tmp_path / "p.db"), "--no-extract",
           "-s", "CCHC_PROGRESS_INTERVAL=0.25", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"]
    proc = subprocess.Popen(cmd, cwd=tmp_path, env={**env, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen: dict[str, list[int]] = {}
    running_when_seen = False
    assert proc.stderr is not None
    for line in proc.stderr:
        m = LINE.match(line.strip())
        if m:
            running_when_seen = running_when_seen or proc.poll() is None
            seen.setdefault(m.group(1), []).append(int(m.group(2)))
        if line.startswith("crawled "):
            assert line.rstrip().endswith(" done"), line
    out = proc.stdout.read() if proc.stdout else ""
    assert proc.wait(timeout=120) == 0, out
    assert running_when_seen  # lines came while the crawl was still going
    assert len(seen) >= 4  # several sites reported
    assert any(len(counts) > 1 and counts == sorted(counts) and counts[-1] > counts[0]
               for counts in seen.values())  # a site's count grew from line to line


def test_final_line_says_whether_a_site_failed() -> None:
    ok = {"new": 3, "updated": 0, "unchanged": 1, "skipped": 2, "errors": 0, "forbidden": 0,
          "invalid": 0, "article_new": 2, "article_updated": 0}
    down = {**ok, "new": 0, "unchanged": 0, "errors": 2}
    assert progress_line("s", ok) == "progress s: 4 pages fetched, 2 new articles, 2 known, 0 errors"
    assert progress_line("s", ok, final=True).endswith(" done")
    assert progress_line("s", down, final=True).endswith("FAILED: no page fetched, 2 errors")


def test_extract_progress_line_has_rate_and_eta() -> None:
    assert plain_line("extract", 250, 1000, 5.0) == "extract: 250/1000 pages (25%), 50.0 pages/s, ETA 15 s"


def test_plain_progress_prints_at_most_every_interval(capsys: pytest.CaptureFixture[str]) -> None:
    with progress_bar("extract", every=0.05, rich=False) as tick:
        for i in range(5):
            tick(i, 4)
            time.sleep(0.06)
    lines = capsys.readouterr().err.splitlines()
    assert 3 <= len(lines) <= 5 and all("pages/s, ETA" in x for x in lines)


@pytest.mark.skipif(shutil.which("script") is None, reason="needs script(1) for a terminal")
def test_extract_all_on_a_terminal_shows_a_bar_with_rate_and_eta(replica: Replica,
                                                                tmp_path: Path) -> None:
    db_path = tmp_path / "t.db"
    db = store.open_db(db_path)
    site = replica.site("tn-godau")
    store.upsert_sites(db, [site.spec])
    for url in replica.article_urls("tn-godau"):
        status, headers, body = replica.fetch(url)
        store.save_page(db, url=url, site_id="tn-godau", kind="article", status=status, body=body,
                        fetched_at="2025-01-01T00:00:00+00:00")
    db.close()
    command = f"{sys.executable} -m cchc extract --all --db {db_path}"
    done = subprocess.run(["script", "-qec", command, "/dev/null"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env={**os.environ, "COLUMNS": "120"})
    assert done.returncode == 0, done.stdout[-2000:]
    frames = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", done.stdout).replace("\r", "\n")
    n = len(replica.article_urls("tn-godau"))
    assert re.search(rf"extract ━+ {n}/{n} 100% \d+\.\d pages/s ETA 0:00:00", frames), frames[-1500:]
    assert f"extract: {n} pages, {n} articles" in frames
