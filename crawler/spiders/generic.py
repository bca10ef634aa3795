"""The fallback for a portal of an unknown platform (`cchc sites detect` says "generic")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response, TextResponse

from crawler.discovery import Category
from crawler.listing import Hint, Listing, read_listing
from crawler.sites import Site
from crawler.spiders.base import PortalSpider


class GenericSpider(PortalSpider):
    """Any site: categories, articles and pages are found from text, links and structure.

    - Listings: home-page links whose short text names a reform category ("Cải cách hành
      chính", "CCHC", "Thủ tục hành chính" …, accent-folded), plus news categories ("Tin tức -
      Sự kiện" …) crawled for keyword-matching items only (crawler/discovery.py).
    - Articles: the repeated, headline-like links of the listing's main list (anchor texts of
      several words, one URL template, a date nearby); their template then finds the featured
      item and the next pages' items (crawler/listing.py). Side lists ("Tin mới nhất" …),
      menus, header and footer are skipped by position and structure.
    - Pager: any (crawler/pager.py): `rel=next`, page parameters, `/page-N/`, "Trang sau",
      "Tiếp", "»", numbered links; a postback-only pager is tried as `?PageIndex=N`; a page
      with nothing new ends the listing.
    - With `-a sitemap=1`, or when the home page names no category: the sitemaps listed in
      robots.txt (else `/sitemap.xml`) and the RSS feeds the home page links, filtered by the
      reform keywords (sitemap: URL slug; RSS: title and description).

    To use this platform, a site row needs `platform=generic` and a base_url; start_paths
    (listing paths) are optional. Articles are stored raw; `extract/` reads unknown markup
    with trafilatura and htmldate (extract.generic).
    """

    name = "generic"
    HOME_PATH = "/"
    ARTICLE_URL_RE = re.compile(r"^https?://")
    SITEMAP_PATHS = ("/sitemap.xml",)
    #: ASP.NET pagers that only post back: try the GET parameter Tân Dân listings answer to
    #: (portals.md §2a); a listing that ignores it gives nothing new, which ends the paging.
    POSTBACK_PAGE_PARAM = "PageIndex"

    def is_article_url(self, url: str) -> bool:
        return False  # no shape known before a listing teaches one

    def sitemap_requests(self, site: Site) -> Iterator[scrapy.Request]:
        """The sitemaps robots.txt names (and, from the home page, its feeds)."""
        return self.feed_requests(site, None)

    def feed_requests(self, site: Site, home: Response | None) -> Iterator[scrapy.Request]:
        yield scrapy.Request(site.url("/robots.txt"), callback=self.parse_robots,
                             errback=self.failed, cb_kwargs={"site": site})
        if home is not None:
            yield from self.home_feeds(site, home)

    def home_feeds(self, site: Site, home: Response) -> Iterator[scrapy.Request]:
        for href in home.xpath('//link[@type="application/rss+xml"]/@href').getall():
            yield scrapy.Request(home.urljoin(href), callback=self.parse_feed,
                                 errback=self.failed, cb_kwargs={"site": site})

    def parse_robots(self, response: Response, site: Site) -> Iterator[scrapy.Request]:
        """The sitemaps robots.txt lists (`Sitemap:` lines), else `SITEMAP_PATHS`."""
        text = response.body.decode("utf-8", "replace") if response.status == 200 else ""
        urls = [line.split(":", 1)[1].strip() for line in text.splitlines()
                if line.lower().startswith("sitemap:") and ":" in line]
        for url in [u for u in urls if u] or [site.url(p) for p in self.SITEMAP_PATHS]:
            yield scrapy.Request(response.urljoin(url), callback=self.parse_sitemap,
                                 errback=self.failed, cb_kwargs={"site": site})

    def category_requests(self, site: Site, found: list[Category],
                          home: Response) -> Iterator[scrapy.Request]:
        """The categories' listings; with none crawled whole (or with `-a sitemap=1`), the
        site's sitemaps and feeds too."""
        yield from super().category_requests(site, found, home)
        if not any(not c.filtered for c in found):
            self.stat("discovery/feeds_fallback")
            if not self.use_sitemap:
                yield from self.feed_requests(site, home)
        if self.use_sitemap:
            yield from self.home_feeds(site, home)

    def listing_entries(self, response: TextResponse, hint: Hint | None = None,
                        category: str = "") -> Listing:
        return read_listing(response.selector.root, response.url, hint=hint, category=category)

    def sitemap_wanted(self, url: str) -> bool:
        return self.keyword_match(urlsplit(url).path)
