"""`CrawlProgress`: per-site progress while a crawl runs (pages fetched, articles new and
known, errors), as a live table on a terminal and as plain lines otherwise.

Settings: `CCHC_PROGRESS` ("auto": live table when stderr is a terminal, else lines; "rich";
"plain"; "off") and `CCHC_PROGRESS_INTERVAL` (seconds between reports, default 10). A plain
line is printed for a site only when its counts moved; a final line per site at the end.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task

from crawler.outcome import failure_reason, pages_fetched, site_stats

#: Rows of the live table (the most recently active sites); the rest are in the totals row.
LIVE_ROWS = 15


def progress_line(site_id: str, counts: dict[str, int], final: bool = False) -> str:
    """One plain progress line for a site."""
    verdict = ""
    if final:
        reason = failure_reason(counts)
        verdict = f" FAILED: {reason}" if reason else " done"
    return (f"{'crawled' if final else 'progress'} {site_id}: {pages_fetched(counts)} pages fetched, "
            f"{counts['article_new']} new articles, {counts['skipped']} known, "
            f"{counts['errors']} errors{verdict}")


class ProgressBoard:
    """The process's progress display, shared by the crawlers of one process (one spider per
    platform runs in the same process)."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.rows: dict[str, tuple[float, dict[str, int], str]] = {}
        self.users = 0
        self.live: Any = None

    def open(self) -> None:
        self.users += 1
        if self.mode == "rich" and self.live is None:
            from rich.console import Console
            from rich.live import Live

            self.live = Live(self.render(), console=Console(stderr=True), refresh_per_second=2,
                             transient=False)
            self.live.start()

    def close(self) -> None:
        self.users -= 1
        if self.users <= 0 and self.live is not None:
            self.live.update(self.render())
            self.live.stop()
            self.live = None

    def update(self, site_id: str, counts: dict[str, int], final: bool = False) -> None:
        state = "done" if final else "crawling"
        if final and failure_reason(counts):
            state = "FAILED"
        self.rows[site_id] = (time.monotonic(), counts, state)
        if self.mode == "plain":
            print(progress_line(site_id, counts, final), file=sys.stderr, flush=True)
        elif self.live is not None:
            self.live.update(self.render())

    def render(self) -> Any:
        from rich.table import Table

        table = Table(title="crawl progress", expand=False)
        for header in ("site", "pages", "new articles", "known", "errors", "state"):
            table.add_column(header, justify="left" if header in ("site", "state") else "right")
        recent = sorted(self.rows.items(), key=lambda kv: -kv[1][0])
        for site_id, (_, c, state) in recent[:LIVE_ROWS]:
            table.add_row(site_id, str(pages_fetched(c)), str(c["article_new"]), str(c["skipped"]),
                          str(c["errors"]), state)
        if self.rows:
            total = {k: sum(c[k] for _, c, _ in self.rows.values()) for k in next(iter(self.rows.values()))[1]}
            done = sum(1 for *_, state in self.rows.values() if state != "crawling")
            table.add_row(f"all {len(self.rows)} sites", str(pages_fetched(total)),
                          str(total["article_new"]), str(total["skipped"]), str(total["errors"]),
                          f"{done} ended")
        return table


_BOARD: ProgressBoard | None = None


def board(mode: str) -> ProgressBoard:
    """The process's board (created on first use with `mode`)."""
    global _BOARD
    if _BOARD is None or (_BOARD.users <= 0 and _BOARD.mode != mode):
        _BOARD = ProgressBoard(mode)
    return _BOARD


class CrawlProgress:
    """Scrapy extension: report each site's counts every `CCHC_PROGRESS_INTERVAL` seconds."""

    def __init__(self, crawler: Any, mode: str, interval: float) -> None:
        self.crawler = crawler
        self.board = board(mode)
        self.interval = interval
        self.last: dict[str, dict[str, int]] = {}
        self.loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> CrawlProgress:
        mode = (crawler.settings.get("CCHC_PROGRESS") or "auto").lower()
        if mode == "off":
            raise NotConfigured("CCHC_PROGRESS is off")
        if mode == "auto":
            mode = "rich" if sys.stderr.isatty() else "plain"
        ext = cls(crawler, mode, crawler.settings.getfloat("CCHC_PROGRESS_INTERVAL", 10.0))
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def site_ids(self) -> list[str]:
        return [s.id for s in getattr(self.crawler.spider, "sites", [])]

    def spider_opened(self) -> None:
        self.board.open()
        self.loop = task.LoopingCall(self.report)
        self.loop.start(self.interval, now=False)

    def report(self, final: bool = False) -> None:
        stats = self.crawler.stats.get_stats()
        for site_id in self.site_ids():
            counts = site_stats(stats, site_id)
            if final or counts != self.last.get(site_id):
                self.last[site_id] = counts
                self.board.update(site_id, counts, final)

    def spider_closed(self) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        self.report(final=True)
        self.board.close()
