"""`cchc ingest`: the single writer of a distributed crawl. It takes the workers' messages
from the Redis list `cchc:items` (crawler/redis_items.py) and writes them through `store`,
as the StorePipeline does in a one-process crawl: a crawl run per worker and spider, pages,
attachment links, invalid items kept aside.

A message is moved to `cchc:items:ingesting` while it is written and removed after, so an
ingest killed mid-write takes it up again on restart (writes are idempotent: pages are keyed
by canonical URL). A worker whose heartbeat expired before its run's end is recorded
"interrupted".
"""

from __future__ import annotations

import json
import logging
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

import store
from crawler.frontier import worker_key
from crawler.outcome import failure_reason, site_stats
from crawler.redis_items import ITEMS, decode_page

log = logging.getLogger(__name__)
INGESTING = f"{ITEMS}:ingesting"


@dataclass
class Run:
    """A worker's spider run as the ingest sees it."""

    run_id: int
    sites: list[str]
    stats: Counter[str] = field(default_factory=Counter)
    ended: bool = False


@dataclass
class IngestState:
    """What this ingest has written (runs by (worker, spider), counts)."""

    runs: dict[tuple[str, str], Run] = field(default_factory=dict)
    messages: int = 0
    pages: int = 0
    stats_by_run: dict[int, dict[str, Any]] = field(default_factory=dict)

    def open_runs(self) -> list[tuple[str, str]]:
        return [key for key, run in self.runs.items() if not run.ended]


class Ingest:
    """Write the messages of a distributed crawl into the database."""

    def __init__(self, server: Any, db: Database) -> None:
        self.server = server
        self.db = db
        self.state = IngestState()

    def step(self, timeout: float = 1.0) -> bool:
        """Write one message (waiting up to `timeout` s for it); False when none came."""
        raw = self.server.lindex(INGESTING, -1)  # left over by a killed ingest
        if raw is None:
            raw = self.server.blmove(ITEMS, INGESTING, timeout, "RIGHT", "LEFT")
        if raw is None:
            return False
        self.write(json.loads(raw))
        self.server.lrem(INGESTING, -1, raw)
        self.state.messages += 1
        return True

    def write(self, msg: dict[str, Any]) -> None:
        key = (msg["worker"], msg["spider"])
        kind = msg["type"]
        if kind == "run_start":
            store.upsert_sites(self.db, msg["sites"])
            sites = [s["id"] for s in msg["sites"]]
            run_id = store.start_crawl_run(self.db, msg["spider"], sites,
                                           owner=f"redis:{msg['worker']}")
            self.state.runs[key] = Run(run_id, sites)
            return
        run = self.state.runs.get(key) or self._adopt(key)
        if kind == "page":
            item = decode_page(msg["item"])
            with store.transaction(self.db):  # a page and its attachments, or neither
                result = store.save_page(
                    self.db, url=item.url, site_id=item.site_id, kind=item.kind,
                    status=item.status, body=item.body, fetched_at=item.fetched_at,
                    content_type=item.content_type, encoding=item.encoding, etag=item.etag,
                    last_modified=item.last_modified, crawl_run_id=run.run_id)
                run.stats["cchc/attachment/new"] += sum(
                    store.save_attachment(self.db, url=a.url, site_id=a.site_id,
                                          page_url=a.page_url, label=a.label)
                    for a in item.attachments)
            run.stats[f"cchc/page/{result}"] += 1
            run.stats[f"cchc/site/{item.site_id}/{result}"] += 1
            if item.kind == "article" and result != "unchanged":
                run.stats[f"cchc/site/{item.site_id}/article_{result}"] += 1
            self.state.pages += 1
        elif kind == "attachment":
            it = msg["item"]
            if store.save_attachment(self.db, url=it["url"], site_id=it["site_id"],
                                     page_url=it["page_url"], label=it.get("label")):
                run.stats["cchc/attachment/new"] += 1
        elif kind == "invalid":
            it = msg["item"]
            store.save_invalid_item(self.db, item_type=msg["item_type"], reason=msg["reason"],
                                    fields={k: v for k, v in it.items() if k != "body"},
                                    crawl_run_id=run.run_id)
            if isinstance(it.get("site_id"), str):
                run.stats[f"cchc/site/{it['site_id']}/invalid"] += 1
        elif kind == "run_end":
            self._end(run, msg["stats"], "finished" if msg["reason"] == "finished" else msg["reason"])

    def _adopt(self, key: tuple[str, str]) -> Run:
        """A message of a run whose start this ingest did not see (it restarted)."""
        run_id = store.start_crawl_run(self.db, key[1], [], owner=f"redis:{key[0]}")
        self.state.runs[key] = Run(run_id, [])
        return self.state.runs[key]

    def _end(self, run: Run, worker_stats: dict[str, Any], status: str) -> None:
        stats = dict(worker_stats)  # the worker's counts (304s are "unchanged" there) + ours
        for key, n in run.stats.items():
            stats[key] = int(stats.get(key, 0) or 0) + n
        failed = [failure_reason(site_stats(stats, s)) for s in run.sites]
        if status == "finished" and failed and all(failed):
            status = "failed"
        store.finish_crawl_run(self.db, run.run_id, status, stats)
        self.state.stats_by_run[run.run_id] = stats
        run.ended = True

    def reap(self) -> list[tuple[str, str]]:
        """Runs of workers whose heartbeat expired, once their messages are all written:
        recorded "interrupted" with what arrived."""
        if self.server.llen(ITEMS) or self.server.llen(INGESTING):
            return []
        dead = [key for key in self.state.open_runs() if not self.server.exists(worker_key(*key))]
        for key in dead:
            log.warning("worker %s died before its %s run ended: run recorded interrupted", *key)
            self._end(self.state.runs[key], {}, "interrupted")
        return dead

    def crawl_done(self) -> bool:
        """A run was seen, every run ended (or its worker died), nothing left to write, and no
        worker is alive."""
        if not self.state.runs or self.state.open_runs():
            return False
        if self.server.llen(ITEMS) or self.server.llen(INGESTING):
            return False
        return next(self.server.scan_iter(worker_key("*", "*")), None) is None

    def run(self, until_done: bool, idle_timeout: float | None = None) -> IngestState:
        """Write messages until the crawl is done (`until_done`) or forever; `idle_timeout`
        stops after that many seconds without a message."""
        last = time.monotonic()
        while True:
            if self.step(timeout=1.0):
                last = time.monotonic()
                continue
            self.reap()
            if until_done and self.crawl_done():
                return self.state
            if idle_timeout is not None and time.monotonic() - last > idle_timeout:
                return self.state


def merged_stats(state: IngestState, runs: dict[tuple[str, str], Run]) -> tuple[
        dict[str, dict[str, Any]], dict[str, list[str]]]:
    """Each spider's stats summed over its workers' runs, and its sites (for crawl_outcome)."""
    stats: dict[str, Counter[str]] = {}
    sites: dict[str, list[str]] = {}
    for (_, spider), run in runs.items():
        total = stats.setdefault(spider, Counter())
        for key, value in state.stats_by_run.get(run.run_id, {}).items():
            if isinstance(value, (int, float)):
                total[key] += value
        sites.setdefault(spider, [])
        sites[spider] += [s for s in run.sites if s not in sites[spider]]
    return {k: dict(v) for k, v in stats.items()}, sites
