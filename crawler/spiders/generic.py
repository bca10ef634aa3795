"""The fallback for a portal of an unknown platform (`cchc sites detect` says "generic")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response

from crawler.sites import Site
from crawler.spiders.base import ATTACHMENT_RE, PortalSpider, fold, list_date

NEXT_TEXTS = ("tiếp", "sau", "trang sau", "»", "›", ">", ">>", "next", "xem tiếp")
ASSET_RE = re.compile(r"\.(?:jpe?g|png|gif|svg|css|js|ico|mp[34]|xml|rss)(?:$|\?)", re.I)
#: Links that are never listings or articles.
SKIP_RE = re.compile(r"(?:^mailto:|^tel:|^javascript:|/(?:dang-nhap|login|lien-he|tim-kiem|search)\b)", re.I)


class GenericSpider(PortalSpider):
    """Any site: listings and articles are found from links, not from known markup.

    - Listings: home-page links whose short text (≤ 6 words) or URL names a reform category
      (`CATEGORY_KEYWORDS`, or the slug forms in `CCHC_KEYWORDS`), plus news categories
      (`FILTERED_CATEGORY_KEYWORDS`) crawled for keyword-matching items only.
    - Listing items: the same-host links with a title-like text (≥ 5 words) inside the one
      container that holds most of them (sidebars and menus lose); the item's text gives the
      list date and the keyword filter's teaser.
    - Pager: `rel=next`, or a link whose text is "Tiếp", "Trang sau", "»" …; link traps end at
      the first page with nothing new (or `CCHC_MAX_PAGES`).
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
    CATEGORY_KEYWORDS = ("cải cách hành chính", "thủ tục hành chính", "cai-cach-hanh-chinh",
                         "thu-tuc-hanh-chinh", "cchc", "tthc")
    FILTERED_CATEGORY_KEYWORDS = ("tin tức - sự kiện", "tin tức sự kiện", "tin-tuc-su-kien")
    MIN_TITLE_WORDS = 5
    MAX_CATEGORY_WORDS = 6

    def sitemap_requests(self, site: Site) -> Iterator[scrapy.Request]:
        """The sitemaps robots.txt names (and, from the home page, its feeds)."""
        return self.feed_requests(site, None)

    def feed_requests(self, site: Site, home: Response | None) -> Iterator[scrapy.Request]:
        yield scrapy.Request(site.url("/robots.txt"), callback=self.parse_robots,
                             errback=self.failed, cb_kwargs={"site": site})
        if home is not None:
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

    def same_site(self, url: str, site: Site) -> bool:
        return (urlsplit(url).hostname or "").lower() == site.host

    def is_listing_link(self, url: str, text: str) -> bool:
        return (len(text.split()) <= self.MAX_CATEGORY_WORDS and not ASSET_RE.search(url)
                and not SKIP_RE.search(url))

    def parse_home(self, response: Response, site: Site) -> Iterator[Any]:
        requests = [r for r in super().parse_home(response, site)
                    if self.same_site(r.url, site)]
        yield from requests
        if not requests or not self.use_sitemap and not any(
                not r.cb_kwargs.get("filtered") for r in requests):
            self.stat("discovery/feeds_fallback")
            yield from self.feed_requests(site, response)
        elif self.use_sitemap:
            for href in response.xpath('//link[@type="application/rss+xml"]/@href').getall():
                yield scrapy.Request(response.urljoin(href), callback=self.parse_feed,
                                     errback=self.failed, cb_kwargs={"site": site})

    def listing_entries(self, response: Response) -> Iterator[tuple[str, Any, str]]:
        site_host = (urlsplit(response.url).hostname or "").lower()
        groups: dict[int, list[tuple[str, Any, str]]] = {}
        for link in response.xpath("//body//a[@href]"):
            href = (link.attrib.get("href") or "").strip()
            if not href or SKIP_RE.search(href) or ASSET_RE.search(href) or ATTACHMENT_RE.search(href):
                continue
            url = response.urljoin(href)
            if (urlsplit(url).hostname or "").lower() != site_host or url.split("#")[0] == response.url:
                continue
            text = " ".join(" ".join(link.xpath(".//text()").getall()).split())
            if len(text.split()) < self.MIN_TITLE_WORDS:
                continue
            item = link.root.getparent()
            container = item.getparent() if item is not None else None
            if container is None:
                continue
            item_text = " ".join(" ".join(item.itertext()).split())
            groups.setdefault(id(container), []).append((url, list_date(item_text), item_text))
        if groups:  # the main list: most dated items, then most items (sidebars lose)
            yield from max(groups.values(),
                           key=lambda g: (sum(1 for e in g if e[1] is not None), len(g)))

    def next_page(self, response: Response, page: int) -> str | None:
        nxt = response.xpath('//a[@rel="next"]/@href | //link[@rel="next"]/@href').get()
        if not nxt:  # the numbered link to the next page, else a "next" text
            links = [(fold(" ".join(a.xpath(".//text()").getall())), a.attrib["href"])
                     for a in response.xpath("//a[@href]")]
            nxt = next((h for t, h in links if t == str(page + 1)), None) or next(
                (h for t, h in links if t in NEXT_TEXTS or t.startswith(("trang sau", "tiếp"))),
                None) or next((h for t, h in links if t.endswith(("»", "›"))), None)
        if nxt and not nxt.startswith("javascript"):
            return response.urljoin(nxt)
        return None

    def sitemap_wanted(self, url: str) -> bool:
        return self.keyword_match(urlsplit(url).path.replace("_", "-"))
