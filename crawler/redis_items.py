"""`RedisItemPipeline`: a distributed worker's pipeline. Pages, attachment links and invalid
items go to the Redis list `cchc:items` as JSON messages, with the run's start and end, so
that one `cchc ingest` process writes them to SQLite (SQLite keeps a single writer)."""

from __future__ import annotations

import base64
import dataclasses
import json
import logging
from typing import Any

from scrapy import signals
from scrapy_redis.connection import get_redis_from_settings

from crawler.frontier import WORKER_ID
from crawler.item_checks import screen
from crawler.items import AttachmentItem, PageItem

log = logging.getLogger(__name__)
ITEMS = "cchc:items"
#: Stats a worker reports with its run's end (the same prefixes the StorePipeline records).
STAT_PREFIXES = ("cchc/", "downloader/response_status_count", "item_", "downloader/request_count",
                 "retry/", "robotstxt/", "downloader/exception_type_count")


def encode_item(item: PageItem | AttachmentItem) -> dict[str, Any]:
    fields = dataclasses.asdict(item)  # a page's attachments become dicts
    if isinstance(item, PageItem):
        body = item.body if isinstance(item.body, bytes) else repr(item.body).encode()
        fields["body"] = base64.b64encode(body).decode("ascii")
    return {"type": "page" if isinstance(item, PageItem) else "attachment", "item": fields}


def decode_page(fields: dict[str, Any]) -> PageItem:
    links = tuple(AttachmentItem(**a) for a in fields.get("attachments") or ())
    return PageItem(**{**fields, "body": base64.b64decode(fields["body"]), "attachments": links})


class RedisItemPipeline:
    """Push items and run boundaries to Redis for `cchc ingest`."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.server = get_redis_from_settings(crawler.settings)
        self.site_ids: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Any) -> RedisItemPipeline:
        pipeline = cls(crawler)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def push(self, message: dict[str, Any]) -> None:
        message.update(worker=WORKER_ID, spider=self.crawler.spider.name)
        self.server.lpush(ITEMS, json.dumps(message, ensure_ascii=False))

    def open_spider(self) -> None:
        sites = list(getattr(self.crawler.spider, "sites", []))
        self.site_ids = {s.id for s in sites}
        self.push({"type": "run_start", "sites": [dataclasses.asdict(s) for s in sites]})

    def spider_closed(self, reason: str) -> None:
        stats = {k: v for k, v in self.crawler.stats.get_stats().items()
                 if k.startswith(STAT_PREFIXES)}
        self.push({"type": "run_end", "reason": reason, "stats": json.loads(
            json.dumps(stats, default=str))})

    def process_item(self, item: PageItem | AttachmentItem) -> PageItem | AttachmentItem:
        links = screen(item, self.site_ids, self.send_aside)
        if links is None:
            return item
        if isinstance(item, PageItem) and len(links) != len(item.attachments):
            item = dataclasses.replace(item, attachments=tuple(links))
        self.push(encode_item(item))
        self.crawler.stats.inc_value("cchc/item/pushed")
        return item

    def send_aside(self, item: PageItem | AttachmentItem, problem: str) -> None:
        """An invalid item goes to `cchc ingest` too, to be kept in `invalid_items`."""
        fields = json.loads(json.dumps(encode_item(item)["item"], default=repr))
        self.push({"type": "invalid", "reason": problem, "item_type": type(item).__name__,
                   "item": fields})
        self.crawler.stats.inc_value("cchc/item/invalid")
        log.warning("invalid %s sent aside: %s", type(item).__name__, problem)
