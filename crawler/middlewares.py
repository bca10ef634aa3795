"""Downloader middleware: send every request through the proxy of `CCHC_PROXY`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.exceptions import NotConfigured

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler


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
