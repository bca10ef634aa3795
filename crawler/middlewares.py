"""Downloader middlewares: the proxy of `CCHC_PROXY`, and waiting out `Retry-After`."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

from scrapy.exceptions import NotConfigured

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

log = logging.getLogger(__name__)


class ProxyMiddleware:
    """Set `request.meta["proxy"]` from the `CCHC_PROXY` setting; disabled when it is empty."""

    def __init__(self, proxy: str) -> None:
        self.proxy = proxy

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProxyMiddleware:
        proxy = crawler.settings.get("CCHC_PROXY") or ""
        if not proxy:
            raise NotConfigured("CCHC_PROXY is empty")
        return cls(proxy)

    def process_request(self, request: Request) -> None:
        request.meta.setdefault("proxy", self.proxy)


class RetryAfterMiddleware:
    """Honour `Retry-After` on 429/503 before RetryMiddleware retries: wait the time the
    server asks (seconds or an HTTP date), up to `CCHC_RETRY_AFTER_MAX` seconds; a longer
    wait is not waited (the retry goes ahead as usual). Sits just outside RetryMiddleware
    (560 > 550) so it sees the response first; only this request waits, not the crawl."""

    def __init__(self, crawler: Crawler, max_wait: float) -> None:
        self.stats = crawler.stats
        self.max_wait = max_wait

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        return cls(crawler, crawler.settings.getfloat("CCHC_RETRY_AFTER_MAX", 60.0))

    async def process_response(self, request: Request, response: Response) -> Response:
        if response.status not in (429, 503):
            return response
        wait = retry_after_seconds(response.headers.get("Retry-After"))
        if wait is None or wait > self.max_wait:
            return response
        self.stats.inc_value("cchc/retry_after/waits")
        log.info("%s said Retry-After %.0f s: waiting", request.url, wait)
        await asyncio.sleep(wait)
        return response


def retry_after_seconds(value: bytes | str | None) -> float | None:
    """Seconds asked by a Retry-After header (delta-seconds or HTTP date), or None."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return max(0.0, (when - dt.datetime.now(dt.timezone.utc)).total_seconds())
