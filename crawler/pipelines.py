"""`StorePipeline`: a thin adapter from `PageItem` to `store.save_page` (a page and the
attachment links it carries in one transaction: a crash never keeps one without the other)."""

from __future__ import annotations

import dataclasses
import logging
from typing import TYPE_CHECKING, Any

from scrapy import signals

import store
from crawler.item_checks import screen
from crawler.items import AttachmentItem, PageItem
from crawler.outcome import failure_reason, site_stats
from store.crashpoints import CrashPoint

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

log = logging.getLogger(__name__)


class StorePipeline:
    """Save each page; count new / updated / unchanged pages in the crawl stats, in total
    (`cchc/page/<result>`) and per site (`cchc/site/<id>/<result>`).

    On open it records the spider's sites and a crawl run; on close, the run's stats.
    """

    def __init__(self, db_path: str, crawler: Crawler) -> None:
        self.db_path = db_path
        self.crawler = crawler
        self.stats = crawler.stats
        self.db: Any = None
        self.run_id: int | None = None
        self.site_ids: set[str] = set()
        self.crash_point = CrashPoint("crawl")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        pipeline = cls(crawler.settings.get("CCHC_DB_PATH"), crawler)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def spider_closed(self, reason: str) -> None:
        """A crawl stopped early (Ctrl-C "shutdown", a close-spider limit …) is not
        "finished": the next incremental crawl then walks its listings whole."""
        if self.run_id is None or reason == "finished":
            return
        db = store.open_db(self.db_path)
        try:
            db["crawl_runs"].update(self.run_id, {"status": reason})
        finally:
            db.close()

    def open_spider(self) -> None:
        self.db = store.open_db(self.db_path)
        spider = self.crawler.spider
        sites = list(getattr(spider, "sites", []))
        self.site_ids = {s.id for s in sites}
        store.upsert_sites(self.db, sites)
        for run_id in store.mark_interrupted_runs(self.db):
            log.warning("crawl run %s was killed before it ended: marked interrupted", run_id)
        self.run_id = store.start_crawl_run(self.db, spider.name, [s.id for s in sites],
                                            owner=store.this_process())

    def close_spider(self) -> None:
        if self.db is None:
            return
        if self.run_id is not None:
            stats = {k: v for k, v in self.stats.get_stats().items()
                     if k.startswith(("cchc/", "downloader/response_status_count", "item_",
                                      "downloader/request_count", "retry/", "robotstxt/",
                                      "downloader/exception_type_count"))}
            failed = [failure_reason(site_stats(stats, site)) for site in self.site_ids]
            status = "failed" if failed and all(failed) else "finished"
            store.finish_crawl_run(self.db, self.run_id, status, stats)
        self.db.close()

    def process_item(self, item: PageItem | AttachmentItem) -> PageItem | AttachmentItem:
        links = screen(item, self.site_ids, self.keep_aside)
        if links is None:
            return item
        with store.transaction(self.db):  # a page and its attachments, or neither
            result = self.save_page(item) if isinstance(item, PageItem) else None
            new_links = sum(store.save_attachment(self.db, url=a.url, site_id=a.site_id,
                                                  page_url=a.page_url, label=a.label)
                            for a in links)
        if new_links:
            self.stats.inc_value("cchc/attachment/new", new_links)
        if isinstance(item, PageItem) and result is not None:
            self.stats.inc_value(f"cchc/page/{result}")
            self.stats.inc_value(f"cchc/site/{item.site_id}/{result}")
            if item.kind == "article" and result != "unchanged":
                self.stats.inc_value(f"cchc/site/{item.site_id}/article_{result}")
        self.crash_point.passed()
        return item

    def save_page(self, item: PageItem) -> str:
        if not item.body:
            self.stats.inc_value("cchc/page/empty_body")
            log.debug("empty body: %s", item.url)
        return store.save_page(
            self.db, url=item.url, site_id=item.site_id, kind=item.kind, status=item.status,
            body=item.body, fetched_at=item.fetched_at, content_type=item.content_type,
            encoding=item.encoding, etag=item.etag, last_modified=item.last_modified,
            crawl_run_id=self.run_id,
        )

    def keep_aside(self, item: PageItem | AttachmentItem, problem: str) -> None:
        """Count an invalid item and keep it in `invalid_items` (not stored as a page)."""
        fields = {f.name: getattr(item, f.name) for f in dataclasses.fields(item)
                  if f.name not in ("body", "attachments")}
        body = getattr(item, "body", None)
        store.save_invalid_item(self.db, item_type=type(item).__name__, reason=problem,
                                fields=fields, body=body if isinstance(body, bytes) else None,
                                crawl_run_id=self.run_id)
        self.stats.inc_value("cchc/item/invalid")
        site = item.site_id if isinstance(item.site_id, str) else "?"
        self.stats.inc_value(f"cchc/site/{site}/invalid")
        log.warning("invalid %s kept aside in invalid_items: %s (%s)", type(item).__name__,
                    problem, str(item.url)[:200])
