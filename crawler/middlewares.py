"""Downloader middlewares: the proxy of `CCHC_PROXY`, waiting out `Retry-After`, and soft
failures (a 200 that is not the page: a truncated gzip body, a CMS error page, unreadable
mojibake), which are counted, logged with their reason, not stored, and so fetched again
by the next crawl."""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import logging
import re
import tomllib
import zlib
from email.utils import parsedate_to_datetime
from importlib import resources
from typing import TYPE_CHECKING, Any

from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.exceptions import IgnoreRequest, NotConfigured

from store.decoding import decode_page, mojibake_share, visible_text

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


RULES_FILE = "soft_failures.toml"  # beside this module (read as package data: eggs are zips)
HEADING_RE = re.compile(r"<(title|h[1-3])\b[^>]*>(.*?)</\1\s*>", re.I | re.S)


@functools.cache
def soft_failure_rules() -> dict[str, Any]:
    """crawler/soft_failures.toml, read once."""
    rules = resources.files("crawler").joinpath(RULES_FILE).read_text(encoding="utf-8")
    return tomllib.loads(rules)


class SoftFailure(IgnoreRequest):
    """A 200 response that is not the page; the request's errback counts it as an error."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"soft failure {reason}: {detail}")
        self.reason = reason


class _Counting:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        return cls(crawler)

    def fail(self, request: Request, reason: str, detail: str) -> SoftFailure:
        """Count and log a soft failure; the exception to raise."""
        self.stats.inc_value(f"cchc/soft/{reason}")
        log.warning("soft failure (%s) on %s: %s; not stored, the next crawl tries again",
                    reason, request.url, detail)
        return SoftFailure(reason, detail)


class TruncatedBodyMiddleware(_Counting):
    """A gzip/deflate body cut short: retried like a network error, then a soft failure.

    Sits outside HttpCompressionMiddleware (595 > 590) so it sees the compressed bytes,
    which Scrapy would otherwise inflate as far as they go and pass on as a short page."""

    def process_response(self, request: Request, response: Response) -> Response | Request:
        coding = (response.headers.get("Content-Encoding") or b"").decode("latin-1").lower()
        if not response.body or coding not in ("gzip", "x-gzip", "deflate"):
            return response
        if compressed_complete(response.body, coding):
            return response
        retry = get_retry_request(request, spider=self.crawler.spider, reason="truncated_body")
        if retry is not None:
            return retry
        raise self.fail(request, "truncated_body",
                        f"{coding} body of {len(response.body)} bytes ends before its end")


def compressed_complete(body: bytes, coding: str) -> bool:
    """Whether a gzip/deflate body holds a whole compressed stream."""
    wbits = 47 if coding in ("gzip", "x-gzip") else 15  # 47: gzip or zlib header
    for bits in (wbits, -15):  # some servers send raw deflate
        inflater = zlib.decompressobj(bits)
        try:
            inflater.decompress(body, 64 * 1024 * 1024)
        except zlib.error:
            continue
        return inflater.eof
    return False


#: Request meta key holding the bytes a portal sent when the spider was given them converted.
RAW_BODY_META = "cchc_raw_body"


class SoftPageMiddleware(_Counting):
    """Checks of an HTML 200 once decompressed: a CMS error page ("Lỗi 404 / Trang không
    tồn tại") is a soft failure; bytes that contradict the declared charset are read as
    what they are (UTF-8 under an iso-8859-1 label), counted; text that stays mojibake
    is a soft failure; a page in a legacy font encoding (TCVN3, VNI) reaches the spider
    converted to Unicode, its original bytes kept for storage. Sits inside HttpCompressionMiddleware (580 < 590)."""

    def process_response(self, request: Request, response: Response) -> Response:
        ctype = (response.headers.get("Content-Type") or b"").decode("latin-1")
        if response.status != 200 or "html" not in ctype.lower() or not response.body:
            return response
        decoded = decode_page(response.body, ctype)
        phrase = soft_404_phrase(decoded.text)
        if phrase:
            raise self.fail(request, "error_page", f"the page says {phrase!r}")
        share = mojibake_share(visible_text(decoded.text))
        if share > soft_failure_rules()["mojibake"]["max_share"]:
            raise self.fail(request, "mojibake", f"{share:.0%} of its letters are mojibake")
        if decoded.legacy:
            # The spider reads the converted text (listing links, category names by text);
            # the page is stored as the bytes the portal sent (RAW_BODY_META).
            self.stats.inc_value("cchc/soft/legacy_converted")
            log.info("%s: %s", request.url, decoded.note)
            request.meta[RAW_BODY_META] = response.body
            return response.replace(body=decoded.text.encode("utf-8"), encoding="utf-8")
        if decoded.note and decoded.encoding == "utf-8":
            self.stats.inc_value("cchc/soft/charset_contradicted")
            log.warning("%s: %s: read as UTF-8", request.url, decoded.note)
            return response.replace(encoding="utf-8")
        return response


def soft_404_phrase(html: str) -> str | None:
    """The error-page phrase in the page's title or a heading, if any."""
    phrases = soft_failure_rules()["not_found"]["phrases"]
    for _, inner in HEADING_RE.findall(html):
        text = " ".join(visible_text(inner).lower().split())
        for phrase in phrases:
            if phrase in text:
                return phrase
    return None
