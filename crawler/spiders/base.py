"""`PortalSpider`: the behaviour every platform spider shares.

A platform subclass sets `name` and the selector / URL-pattern class constants; the sites
come from the sites file (`CCHC_SITES_FILE`, or `-a sites_file=`), filtered to the spider's
platform and optionally to `-a site=<id>` / `-a sites=<id,id>`.

Flow: each site's listing paths (`start_paths`, else category links found on the home page
whose text names a reform category, else `DEFAULT_START_PATHS`) -> listing pages, followed
through the pager up to `CCHC_MAX_PAGES` and stopping at `CCHC_SINCE` -> article pages.
Every fetched listing and article page is yielded as a raw `PageItem`; nothing is
extracted here. `-a incremental=1` skips articles whose canonical URL is already stored.
`-a sitemap=1` also reads the platform's sitemap (`SITEMAP_PATHS`; index -> url sets) and
fetches the article URLs it lists (lastmod at or after `CCHC_SINCE`), storing the sitemaps
as kind "sitemap". Robots rules apply to every request (ROBOTSTXT_OBEY).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import unicodedata
from collections.abc import AsyncIterator, Iterator
from typing import Any, ClassVar

import scrapy
from scrapy.http import Response, TextResponse
from scrapy.utils.sitemap import Sitemap

from crawler.items import PageItem
from crawler.sites import Site, load_sites

log = logging.getLogger(__name__)
LIST_DATE_RE = re.compile(r"\b(\d{1,2})\s*[/-]\s*(\d{1,2})\s*[/-]\s*(\d{4})\b")


def fold(text: str) -> str:
    """Lower-case, NFC, single spaces (for matching link texts)."""
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


class PortalSpider(scrapy.Spider):
    """Base of the platform spiders (see the module docstring)."""

    #: Listing paths used when a site has no start_paths and discovery finds none.
    DEFAULT_START_PATHS: ClassVar[tuple[str, ...]] = ()
    #: Page where category links are discovered.
    HOME_PATH: ClassVar[str] = "/"
    #: Link texts (folded) that name a category worth crawling.
    CATEGORY_KEYWORDS: ClassVar[tuple[str, ...]] = ("cải cách hành chính",)
    #: URL of a category listing (page 1) — for discovery.
    LISTING_URL_RE: ClassVar[re.Pattern[str]] = re.compile(r"$^")
    #: URL of an article page.
    ARTICLE_URL_RE: ClassVar[re.Pattern[str]] = re.compile(r"$^")
    #: One listing item; link and date selectors are relative to it.
    ITEM_CSS: ClassVar[str] = ""
    ITEM_LINK_CSS: ClassVar[str] = "a::attr(href)"
    ITEM_DATE_CSS: ClassVar[str] = "*::text"
    #: The pager's link to the next listing page.
    NEXT_PAGE_XPATH: ClassVar[str] = ""
    #: Sitemap (or sitemap index) paths, read with `-a sitemap=1`.
    SITEMAP_PATHS: ClassVar[tuple[str, ...]] = ()

    def __init__(
        self, *args: Any, site: str | None = None, sites: str | None = None,
        sites_file: str | None = None, incremental: str | None = None,
        sitemap: str | None = None, **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.only = {s.strip() for s in (sites or "").split(",") if s.strip()}
        if site:
            self.only.add(site.strip())
        self.sites_file_arg = sites_file
        self.incremental = str(incremental or "").lower() in ("1", "true", "yes")
        self.use_sitemap = str(sitemap or "").lower() in ("1", "true", "yes")
        self.sites: list[Site] = []
        self.known: dict[str, set[str]] = {}

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> PortalSpider:
        spider: PortalSpider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.max_pages = settings.getint("CCHC_MAX_PAGES", 50)
        since = settings.get("CCHC_SINCE") or ""
        spider.since = dt.date.fromisoformat(since) if since else None
        spider.sites = spider.select_sites(spider.sites_file_arg or settings.get("CCHC_SITES_FILE"))
        spider.allowed_domains = sorted({s.host for s in spider.sites})
        if spider.incremental:
            spider.known = spider.load_known(settings.get("CCHC_DB_PATH"))
        return spider

    # -- set-up -------------------------------------------------------------------------
    def select_sites(self, path: str) -> list[Site]:
        mine = [s for s in load_sites(path) if s.platform == self.name]
        if self.only:
            unknown = self.only - {s.id for s in mine}
            if unknown:
                raise ValueError(
                    f"no {self.name} site with id {', '.join(sorted(unknown))} in {path}"
                )
            mine = [s for s in mine if s.id in self.only]
        return mine

    def load_known(self, db_path: str) -> dict[str, set[str]]:
        import store

        db = store.open_db(db_path)
        try:
            return {s.id: store.known_urls(db, s.id) for s in self.sites}
        finally:
            db.close()

    # -- crawl ----------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[Any]:
        for site in self.sites:
            if self.use_sitemap:
                for path in self.SITEMAP_PATHS:
                    yield scrapy.Request(site.url(path), callback=self.parse_sitemap,
                                         cb_kwargs={"site": site})
            if site.start_paths:
                for path in site.start_paths:
                    yield self.listing_request(site.url(path), site)
            else:
                yield scrapy.Request(site.url(self.HOME_PATH), callback=self.parse_home,
                                     cb_kwargs={"site": site})

    def listing_request(self, url: str, site: Site, page: int = 1) -> scrapy.Request:
        return scrapy.Request(url, callback=self.parse_listing,
                              cb_kwargs={"site": site, "page": page})

    def parse_home(self, response: Response, site: Site) -> Iterator[Any]:
        """Find the reform category listings linked from the home page."""
        found: list[str] = []
        for link in response.css("a"):
            href = link.attrib.get("href")
            text = fold(" ".join(link.css("::text").getall()) + " " + link.attrib.get("title", ""))
            if not href or not any(k in text for k in self.CATEGORY_KEYWORDS):
                continue
            url = response.urljoin(href)
            if self.LISTING_URL_RE.search(url) and url not in found:
                found.append(url)
        if not found:
            found = [site.url(p) for p in self.DEFAULT_START_PATHS]
            log.info("%(site)s: no category link found, using defaults %(paths)s",
                     {"site": site.id, "paths": found})
        self.crawler.stats.inc_value("cchc/discovery/listings", len(found))
        for url in found:
            yield self.listing_request(url, site)

    def parse_listing(self, response: Response, site: Site, page: int) -> Iterator[Any]:
        """Yield the listing page, its article requests and the next listing page."""
        yield self.page_item(response, site, "listing")
        dates: list[dt.date | None] = []
        for item in response.css(self.ITEM_CSS):
            href = item.css(self.ITEM_LINK_CSS).get()
            if not href:
                continue
            url = response.urljoin(href.strip())
            if not self.ARTICLE_URL_RE.search(url):
                continue
            date = list_date(" ".join(item.css(self.ITEM_DATE_CSS).getall()))
            dates.append(date)
            if self.since and date and date < self.since:
                self.crawler.stats.inc_value("cchc/article/too_old")
                continue
            if self.incremental and self.is_known(site, url):
                self.crawler.stats.inc_value("cchc/article/known")
                continue
            yield scrapy.Request(url, callback=self.parse_article, cb_kwargs={"site": site})
        if not dates:
            self.crawler.stats.inc_value("cchc/listing/no_items")
            log.warning("%(site)s: no article in listing %(url)s", {"site": site.id, "url": response.url})
        if page >= self.max_pages:
            return
        if self.since and dates and all(d is not None and d < self.since for d in dates):
            return
        nxt = response.xpath(self.NEXT_PAGE_XPATH).get() if self.NEXT_PAGE_XPATH else None
        if nxt and not nxt.startswith("javascript"):
            yield self.listing_request(response.urljoin(nxt), site, page + 1)

    def parse_sitemap(self, response: Response, site: Site) -> Iterator[Any]:
        """Store a sitemap; follow an index to its sitemaps, a url set to its articles."""
        yield self.page_item(response, site, "sitemap")
        try:
            sitemap = Sitemap(response.body)
        except Exception:  # noqa: BLE001 - a broken sitemap is a stat, not a crash
            self.crawler.stats.inc_value("cchc/sitemap/unreadable")
            return
        for entry in sitemap:
            loc = entry.get("loc", "").strip()
            if not loc:
                continue
            if sitemap.type == "sitemapindex":
                yield scrapy.Request(loc, callback=self.parse_sitemap, cb_kwargs={"site": site})
                continue
            if not self.ARTICLE_URL_RE.search(loc):
                continue
            date = _iso_date(entry.get("lastmod", ""))
            if self.since and date and date < self.since:
                self.crawler.stats.inc_value("cchc/article/too_old")
                continue
            if self.incremental and self.is_known(site, loc):
                self.crawler.stats.inc_value("cchc/article/known")
                continue
            yield scrapy.Request(loc, callback=self.parse_article, cb_kwargs={"site": site})

    def parse_article(self, response: Response, site: Site) -> Iterator[PageItem]:
        yield self.page_item(response, site, "article")

    def is_known(self, site: Site, url: str) -> bool:
        from store import canonical_url

        return canonical_url(url) in self.known.get(site.id, set())

    def page_item(self, response: Response, site: Site, kind: str) -> PageItem:
        headers = response.headers

        def header(name: str) -> str | None:
            value = headers.get(name)
            return value.decode("latin-1") if value else None

        return PageItem(
            url=response.url, site_id=site.id, platform=self.name, kind=kind,
            status=response.status,
            fetched_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            body=response.body,
            encoding=response.encoding if isinstance(response, TextResponse) else None,
            content_type=header("Content-Type"), etag=header("ETag"),
            last_modified=header("Last-Modified"),
        )


def _iso_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def list_date(text: str) -> dt.date | None:
    """The first dd/mm/yyyy date of a listing item's date text (only for navigation)."""
    m = LIST_DATE_RE.search(text)
    if not m:
        return None
    try:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None
