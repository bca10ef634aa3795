"""Concurrent writers on one database: a crawl, `extract --all`, 100 review decisions over
HTTP and 100 through `cchc review decide`, all at once, end with 0 failures and 0 lost
decisions; two crawls of the same sites at once end with no "database is locked", no
UNIQUE error and nothing left unextracted (store.db: BEGIN IMMEDIATE)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest
from bs4 import BeautifulSoup

import extract
import store
from cchc.serve import review_server

ROOT = Path(__file__).resolve().parents[1]
FAST = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=4")
FIRST = ("hd-binhgiang-thaihoc", "tn-godau", "hd-thanhmien-doanket")  # crawled before: their figures get reviewed
LATER = ("hd-binhgiang-tanhong", "ht-camxuyen-camthinh")  # crawled during the decisions
TOKEN = "concurrency-test-token-0123456789"
DECISIONS = 100
CLI_DECISIONS = """
import json, sys
from click.testing import CliRunner
from cchc.cli import cli
db, reviewer, fingerprints = sys.argv[1], sys.argv[2], sys.argv[3:]
failures = []
for fp in fingerprints:
    result = CliRunner().invoke(cli, ["review", "decide", fp, "--confirm", "--reviewer",
                                      reviewer, "--db", db])
    if result.exit_code != 0:
        failures.append([fp, result.output[-300:], repr(result.exception)])
print(json.dumps(failures))
"""


def env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}


def crawl_cmd(db: Path, proxy: str, sites: tuple[str, ...]) -> list[str]:
    return [sys.executable, "-m", "cchc", "crawl", "--db", str(db), "--sites",
            "replica/sites.csv", *[a for s in sites for a in ("--site", s)],
            "-s", f"CCHC_PROXY={proxy}", *FAST]


def start(cmd: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(cmd, cwd=ROOT, env=env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def finish(proc: subprocess.Popen[str]) -> tuple[str, str]:
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err[-3000:]
    for bad in ("database is locked", "UNIQUE constraint", "Traceback"):
        assert bad not in err and bad not in out, err[-3000:]
    return out, err


def web_decisions(base: str, fingerprints: list[str], failures: list[Any]) -> None:
    with httpx.Client(base_url=base, timeout=60) as client:
        page = BeautifulSoup(client.get("/review/login").text, "html.parser")
        csrf = page.select_one("input[name=csrf]")["value"]
        r = client.post("/review/login", data={"csrf": csrf, "reviewer": "web", "token": TOKEN})
        if r.status_code != 303:
            failures.append(("login", r.status_code))
            return
        for fp in fingerprints:
            got = client.get(f"/review/figure/{fp}")
            field = BeautifulSoup(got.text, "html.parser").select_one("#decide input[name=csrf]")
            if field is None:
                failures.append((fp, "no form", got.status_code, got.text[-300:]))
                continue
            r = client.post(f"/review/figure/{fp}",
                            data={"csrf": field["value"], "decision": "rejected"})
            if r.status_code != 303:
                failures.append((fp, r.status_code, r.text[-300:]))


def test_crawl_extract_and_200_decisions_at_once(proxy: str, tmp_path: Path) -> None:
    db = tmp_path / "busy.db"
    finish(start(crawl_cmd(db, proxy, FIRST)))
    with sqlite3.connect(db) as conn:
        fingerprints = [r[0] for r in conn.execute(
            "SELECT fingerprint FROM figures ORDER BY id LIMIT ?", [2 * DECISIONS])]
    assert len(fingerprints) == 2 * DECISIONS  # precondition: enough figures to decide on
    web_fps, cli_fps = fingerprints[:DECISIONS], fingerprints[DECISIONS:]
    httpd = review_server(db, port=0, token=TOKEN)
    server = threading.Thread(target=httpd.serve_forever, daemon=True)
    server.start()
    base = f"http://127.0.0.1:{httpd.server_port}"
    failures: list[Any] = []
    try:
        procs = [start(crawl_cmd(db, proxy, LATER)),
                 start([sys.executable, "-m", "cchc", "extract", "--all", "--db", str(db)]),
                 start([sys.executable, "-c", CLI_DECISIONS, str(db), "cli", *cli_fps])]
        halves = (web_fps[::2], web_fps[1::2])
        threads = [threading.Thread(target=web_decisions, args=(base, half, failures))
                   for half in halves]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=300)
        outputs = [finish(p) for p in procs]
    finally:
        httpd.shutdown()
    assert failures == []
    assert json.loads(outputs[2][0]) == []  # no CLI decision failed
    assert "0 errors" in outputs[1][0]  # extract --all
    with sqlite3.connect(db) as conn:
        audit = dict(conn.execute(
            "SELECT reviewer, count(*) FROM review_audit GROUP BY reviewer").fetchall())
        decided = dict(conn.execute(
            "SELECT reviewer, count(*) FROM reviews GROUP BY reviewer").fetchall())
        later = conn.execute("SELECT count(*) FROM articles WHERE site_id IN (?, ?)",
                             LATER).fetchone()[0]
    assert audit == {"web": DECISIONS, "cli": DECISIONS}  # no decision lost
    assert decided == {"web": DECISIONS, "cli": DECISIONS}
    assert later > 0  # the concurrent crawl stored and extracted its sites


def test_two_crawls_of_the_same_sites_at_once(proxy: str, tmp_path: Path) -> None:
    db = tmp_path / "twice.db"
    procs = [start(crawl_cmd(db, proxy, FIRST)) for _ in range(2)]
    for proc in procs:
        finish(proc)
    conn = store.open_db(db)
    try:
        left = list(store.pages_to_extract(conn, extractor_version=extract.EXTRACTOR_VERSION))
        urls = [r["url"] for r in conn.query("SELECT url FROM pages")]
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        pages = conn.execute(
            "SELECT count(*) FROM pages WHERE kind = 'article'").fetchone()[0]
    finally:
        conn.close()
    assert left == []  # nothing left unextracted
    assert len(urls) == len(set(urls)) and articles == pages > 0
