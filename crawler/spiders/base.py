"""`PortalSpider`: the behaviour every platform spider shares.

A platform subclass sets `name` and the selector / URL-pattern class constants; the sites
come from the sites file (`CCHC_SITES_FILE`, or `-a sites_file=`), filtered to the spider's
platform and optionally to `-a site=<id>` / `-a sites=<id,id>`.

Flow: each site's home page (stored on every crawl as kind "home": its statistics box is
snapshotted even when no article is new) -> listing paths (`start_paths`, else category
links whose text names a reform category, crawler/discovery.py, else `DEFAULT_START_PATHS`)
-> listing pages, whose articles are found by URL shape and page structure
(crawler/listing.py; the subclass's item selectors are hints) and whose next page is found
from any pager (crawler/pager.py), up to `CCHC_MAX_PAGES` and stopping at `CCHC_SINCE` ->
article pages. Every fetched page is yielded as a raw `PageItem`; nothing is extracted here;
linked files (PDF/DOC …) ride in their page's item as `AttachmentItem` links.

Scope: reform categories (`CATEGORY_KEYWORDS`) are crawled whole; news categories
(`FILTERED_CATEGORY_KEYWORDS`, e.g. "Tin tức - Sự kiện") only for items whose title or teaser
holds a reform keyword (`CCHC_KEYWORDS`). `-a sitemap=1` also reads the platform's sitemap
(`SITEMAP_PATHS`; index -> url sets) and fetches the article URLs it lists (lastmod at or after
`CCHC_SINCE`), storing the sitemaps as kind "sitemap".

Incremental (`-a incremental=1`): articles already stored are not fetched again, except those
listed within the last `CCHC_BACKFILL_DAYS` days, which are re-fetched with a conditional GET
(If-None-Match / If-Modified-Since from the stored page; a 304 counts as unchanged). Paging a
listing stops at the first page whose items are all stored, unless the site's last crawl run
did not finish (a killed crawl): then every listing page is walked again, so a restart loses
no article and stores none twice (pages are keyed by canonical URL).

Guards: article URLs lose tracking parameters before they are requested; paging never
requests a listing page twice and stops after `CCHC_MAX_PAGES`, at `CCHC_SINCE`, and at a
page that lists no article not already seen in this crawl (calendar-like link traps). Failed requests (5xx after retries, timeouts, resets,
redirect loops, pages over DOWNLOAD_MAXSIZE) are counted as `cchc/error/<reason>` and
`cchc/site/<id>/errors` and logged, never raised. Robots rules apply to every request.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import AsyncIterator, Iterator
from typing import Any, ClassVar

from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.http import Response, TextResponse
from scrapy.utils.sitemap import Sitemap

from crawler.discovery import Category, category_links
from crawler.items import AttachmentItem, PageItem
from crawler.lexicon import fold as fold_words
from crawler.lexicon import has_phrase
from crawler.listdates import find_date
from crawler.listing import Entry, Hint, Listing, read_listing
from crawler.middlewares import RAW_BODY_META
from crawler.pager import next_page, with_page
from crawler.sites import Site, load_sites
from store.urls import canonical_url

log = logging.getLogger(__name__)
ATTACHMENT_RE = re.compile(r"\.(pdf|docx?|xlsx?|zip|rar)(?:$|[?#])", re.I)
#: Reform keywords (accent-folded whole words): news listings, feeds and generic sitemaps keep
#: the items that name one (`CCHC_KEYWORDS` overrides them).
DEFAULT_KEYWORDS = frozenset(fold_words(w) for w in (
    "cải cách hành chính", "thủ tục hành chính", "tthc", "cchc", "một cửa", "dịch vụ công",
    "hồ sơ", "chuyển đổi số",
))


class PortalSpider(scrapy.Spider):
    """Base of the platform spiders (see the module docstring)."""

    #: Listing paths used when a site has no start_paths and discovery finds none.
    DEFAULT_START_PATHS: ClassVar[tuple[str, ...]] = ()
    #: The home page: stored on every crawl (its statistics box), categories found on it.
    HOME_PATH: ClassVar[str] = "/"
    #: URL of an article page: listing links of this shape are the articles.
    ARTICLE_URL_RE: ClassVar[re.Pattern[str]] = re.compile(r"$^")
    #: Hints (optional): one listing item; link and date selectors are relative to it. Used
    #: when they find at least as many articles as the URL shape does.
    ITEM_CSS: ClassVar[str] = ""
    ITEM_LINK_CSS: ClassVar[str] = "a::attr(href)"
    ITEM_DATE_CSS: ClassVar[str] = "*::text"
    #: Hint (optional): the pager's link to the next listing page (crawler/pager.py otherwise).
    NEXT_PAGE_XPATH: ClassVar[str] = ""
    #: A page parameter the listing answers to when its pager only posts back (ASP.NET).
    POSTBACK_PAGE_PARAM: ClassVar[str] = ""
    #: Whether a listing whose links have none of the article shape is read as an unknown
    #: CMS's (links learned from the page's dated headline list).
    LEARN_SHAPE: ClassVar[bool] = True
    #: Sitemap (or sitemap index) paths, read with `-a sitemap=1`.
    SITEMAP_PATHS: ClassVar[tuple[str, ...]] = ()

    def __init__(
        self, *args: Any, site: str | None = None, sites: str | None = None,
        sites_file: str | None = None, incremental: str | None = None,
        sitemap: str | None = None, feeds: str | None = None, **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.only = {s.strip() for s in (sites or "").split(",") if s.strip()}
        if site:
            self.only.add(site.strip())
        self.sites_file_arg = sites_file
        self.incremental = str(incremental or "").lower() in ("1", "true", "yes")
        self.use_sitemap = str(sitemap or "").lower() in ("1", "true", "yes")
        self.use_feeds = str(feeds or "").lower() in ("1", "true", "yes")
        self.sites: list[Site] = []
        self.known: dict[str, dict[str, tuple[str | None, str | None]]] = {}
        self.finished: dict[str, bool | None] = {}
        self.seen_articles: set[str] = set()  # article URLs requested (or skipped) in this crawl
        self.listed: set[str] = set()  # article URLs seen on listing pages in this crawl
        self.listings: set[str] = set()  # listing pages requested in this crawl

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> PortalSpider:
        spider: PortalSpider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.max_pages = settings.getint("CCHC_MAX_PAGES", 50)
        since = settings.get("CCHC_SINCE") or ""
        spider.since = dt.date.fromisoformat(since) if since else None
        backfill = settings.getint("CCHC_BACKFILL_DAYS", 0)
        spider.backfill_from = (dt.date.today() - dt.timedelta(days=backfill)) if backfill else None
        words = settings.get("CCHC_KEYWORDS") or ""
        spider.keywords = frozenset(fold_words(w) for w in words.split(";") if fold_words(w)) \
            if words else DEFAULT_KEYWORDS
        spider.sites = spider.select_sites(spider.sites_file_arg or settings.get("CCHC_SITES_FILE"))
        spider.allowed_domains = sorted({s.host for s in spider.sites})
        if spider.incremental:
            spider.load_known(settings.get("CCHC_DB_PATH"))
        crawler.signals.connect(spider.request_dropped, signal=signals.request_dropped)
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

    def load_known(self, db_path: str) -> None:
        """Stored articles (with their validators) and whether each site's last run finished."""
        import store

        db = store.open_db(db_path)
        try:
            self.known = {s.id: store.known_pages(db, s.id) for s in self.sites}
            self.finished = {s.id: store.last_run_finished(db, s.id) for s in self.sites}
        finally:
            db.close()

    def stat(self, key: str, site: Site | None = None, n: int = 1) -> None:
        self.crawler.stats.inc_value(f"cchc/{key}", n)
        if site is not None:
            self.crawler.stats.inc_value(f"cchc/site/{site.id}/{key.split('/')[-1]}", n)

    # -- crawl ----------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[Any]:
        for site in self.sites:
            if self.use_sitemap:
                for request in self.sitemap_requests(site):
                    yield request
            yield self.home_request(site, site.url(self.HOME_PATH))
            for path in site.start_paths:
                request = self.listing_request(site.url(path), site)
                if request is not None:
                    yield request

    def home_request(self, site: Site, url: str) -> scrapy.Request:
        """The home page: fetched on every crawl, never filtered as a duplicate."""
        return scrapy.Request(url, callback=self.parse_home, errback=self.home_failed,
                              dont_filter=True, cb_kwargs={"site": site})

    def home_failed(self, failure: Any) -> Iterator[Any]:
        """No home page: count it; try "/" when the platform's home path was refused, else
        fall back to the default listings (a site without start_paths)."""
        site: Site = failure.request.cb_kwargs["site"]
        root = site.url("/")
        tried = [failure.request.url, *(failure.request.meta.get("redirect_urls") or [])]
        if canonical_url(root) not in {canonical_url(u) for u in tried} \
                and not failure.request.meta.get("cchc_root_home"):
            self.stat("home/tried_root")
            log.info("%(site)s: no home page at %(url)s, trying /", {
                "site": site.id, "url": failure.request.url})
            request = self.home_request(site, root)
            request.meta["cchc_root_home"] = True
            yield request
            return
        self.failed(failure)
        if not site.start_paths:
            yield from self.default_listings(site)

    def sitemap_requests(self, site: Site) -> Iterator[scrapy.Request]:
        """With `-a sitemap=1`: the requests that discover a site's articles from sitemaps."""
        for path in self.SITEMAP_PATHS:
            yield scrapy.Request(site.url(path), callback=self.parse_sitemap,
                                 errback=self.failed, cb_kwargs={"site": site})

    def listing_request(self, url: str, site: Site, page: int = 1, filtered: bool = False,
                        category: str = "", hint: Hint | None = None) -> scrapy.Request | None:
        """The request for a listing page, or None when this crawl already asked for it."""
        key = canonical_url(url)
        if key in self.listings:
            return None
        self.listings.add(key)
        return scrapy.Request(url, callback=self.parse_listing, errback=self.failed,
                              cb_kwargs={"site": site, "page": page, "filtered": filtered,
                                         "category": category, "hint": hint})

    def article_request(self, url: str, site: Site, date: dt.date | None = None) -> scrapy.Request | None:
        """The request for an article, or None when the crawl should skip it (stored and
        not in the backfill window, or already requested in this crawl)."""
        url = canonical_url(url)
        if url in self.seen_articles:
            return None
        self.seen_articles.add(url)
        headers = {}
        if self.incremental and url in self.known.get(site.id, {}):
            recent = self.backfill_from is not None and (date is None or date >= self.backfill_from)
            if not recent:
                self.stat("article/known")
                self.stat("skipped", site)
                return None
            etag, modified = self.known[site.id][url]
            if etag:
                headers["If-None-Match"] = etag
            if modified:
                headers["If-Modified-Since"] = modified
        return scrapy.Request(url, callback=self.parse_article, errback=self.failed,
                              headers=headers, cb_kwargs={"site": site},
                              meta={"handle_httpstatus_list": [304]})

    def failed(self, failure: Any) -> None:
        """A request that could not be had: count it (per reason and site) and log why."""
        request = failure.request
        site = (request.cb_kwargs or {}).get("site")
        reason = failure.type.__name__ if failure.type else "Error"
        if reason == "IgnoreRequest" and "robots.txt" in str(failure.value):
            self.stat("robots/forbidden", site)  # obeyed, not an error
            log.debug("robots.txt forbids %s", request.url)
            return
        if reason == "HttpError":
            reason = f"http_{failure.value.response.status}"
        self.stat(f"error/{reason}")
        if site is not None:
            self.crawler.stats.inc_value(f"cchc/site/{site.id}/errors")
        log.warning("%(site)s: gave up on %(url)s: %(reason)s (%(msg)s)", {
            "site": getattr(site, "id", "?"), "url": request.url, "reason": reason,
            "msg": str(failure.value)[:200]})

    def request_dropped(self, request: scrapy.Request) -> None:
        """A redirect back to a URL already fetched (A -> B -> A) is dropped by the duplicate
        filter without an errback: count it as the error it is."""
        chain = request.meta.get("redirect_urls") or []
        if not chain:
            return
        if request.url not in chain:  # redirected to a page this crawl already has
            self.stat("redirect/to_seen_page")
            return
        site = (request.cb_kwargs or {}).get("site")
        self.stat("error/redirect_loop")
        if site is not None:
            self.crawler.stats.inc_value(f"cchc/site/{site.id}/errors")
        log.warning("%(site)s: redirect loop back to %(url)s", {
            "site": getattr(site, "id", "?"), "url": request.url})

    def keyword_match(self, text: str) -> bool:
        """Whether a text (or URL: slugs fold to words) names a reform keyword."""
        return has_phrase(fold_words(text), self.keywords)

    def parse_home(self, response: Response, site: Site) -> Iterator[Any]:
        """Store the home page; find the reform category listings linked from it (by text)."""
        yield self.page_item(response, site, "home")
        if site.start_paths:
            return
        found = category_links(response.selector.root, response.url, self.is_article_url) \
            if isinstance(response, TextResponse) else []
        self.crawler.stats.inc_value("cchc/discovery/listings", len(found))
        if not any(not c.filtered for c in found):
            log.info("%(site)s: no reform category link on %(url)s", {
                "site": site.id, "url": response.url})
        yield from self.category_requests(site, found, response)

    def category_requests(self, site: Site, found: list[Category],
                          home: Response) -> Iterator[scrapy.Request]:
        """The listing requests of the categories found on the home page (defaults if none)."""
        if not any(not c.filtered for c in found):
            yield from self.default_listings(site)
        for cat in found:
            request = self.listing_request(cat.url, site, filtered=cat.filtered, category=cat.text)
            if request is not None:
                yield request

    def default_listings(self, site: Site) -> Iterator[scrapy.Request]:
        for path in self.DEFAULT_START_PATHS:
            request = self.listing_request(site.url(path), site)
            if request is not None:
                yield request

    def is_article_url(self, url: str) -> bool:
        return bool(self.ARTICLE_URL_RE.search(url))

    def parse_listing(self, response: Response, site: Site, page: int, filtered: bool = False,
                      category: str = "", hint: Hint | None = None) -> Iterator[Any]:
        """Yield the listing page, its article requests and the next listing page."""
        yield self.page_item(response, site, "listing")
        if not isinstance(response, TextResponse):
            return
        if self.use_feeds and page == 1:
            yield from self.listing_feeds(response, site, filtered)
        listing = self.listing_entries(response, hint, category)
        dates: list[dt.date | None] = []
        fresh = 0  # items not requested before in this crawl
        all_known = True
        for entry in listing.entries:
            url, date, text = entry.url, entry.date, entry.text
            dates.append(date)
            key = canonical_url(url)
            if key not in self.listed:
                self.listed.add(key)
                fresh += 1
            if key not in self.known.get(site.id, {}):
                all_known = False
            elif self.backfill_from is not None and (date is None or date >= self.backfill_from):
                all_known = False
            if self.since and date and date < self.since:
                self.stat("article/too_old")
                continue
            if filtered and not self.keyword_match(text + " " + url):
                self.stat("article/off_topic")
                continue
            request = self.article_request(url, site, date)
            if request is not None:
                yield request
        if not listing.entries:
            self.stat("listing/no_items")
            log.info("%(site)s: no article in listing %(url)s", {"site": site.id, "url": response.url})
        if page >= self.max_pages:
            self.stat("listing/page_limit")
            return
        if not fresh:  # nothing new on this page: the end, or a link trap
            return
        if self.since and dates and all(d is not None and d < self.since for d in dates):
            return
        if self.incremental and all_known and self.finished.get(site.id):
            self.stat("listing/stopped_known")
            return
        nxt = self.next_page(response, page)
        if nxt:
            request = self.listing_request(nxt, site, page + 1, filtered, category, listing.hint)
            if request is not None:
                yield request

    def listing_feeds(self, response: Response, site: Site, filtered: bool) -> Iterator[scrapy.Request]:
        """The RSS feeds a listing page links in its head: its own category's feed is taken
        whole (unless the listing is keyword-filtered), any other feed by keyword."""
        mine = [p for p in urlsplit(response.url).path.lower().split("/") if p]
        category = mine[-1].rsplit(".", 1)[0] if mine else ""
        for href in response.xpath('//link[@type="application/rss+xml"]/@href').getall():
            url = response.urljoin(href)
            segs = [p for p in urlsplit(url).path.lower().split("/") if p and p != "rss"]
            own = bool(segs and category) and segs[-1].rsplit(".", 1)[0] == category
            yield scrapy.Request(url, callback=self.parse_feed, errback=self.failed,
                                 cb_kwargs={"site": site, "filtered": filtered or not own})

    def parse_feed(self, response: Response, site: Site, filtered: bool = True) -> Iterator[Any]:
        """An RSS/Atom feed: its items (only those naming a reform keyword when `filtered`)."""
        yield self.page_item(response, site, "feed")
        response.selector.remove_namespaces()
        for item in response.xpath("//item | //entry"):
            link = (item.xpath("link/text()").get() or item.xpath("link/@href").get() or "").strip()
            if not link:
                continue
            url = response.urljoin(link)
            if (urlsplit(url).hostname or "").lower() != site.host or not self.ARTICLE_URL_RE.search(url):
                continue
            text = " ".join(item.xpath("title//text() | description//text() | summary//text()").getall())
            if filtered and not self.keyword_match(f"{text} {url}"):
                self.stat("article/off_topic")
                continue
            date = _rss_date(" ".join(item.xpath("pubDate/text() | published/text() | updated/text()").getall()))
            if self.since and date and date < self.since:
                self.stat("article/too_old")
                continue
            request = self.article_request(url, site, date)
            if request is not None:
                yield request

    def listing_entries(self, response: TextResponse, hint: Hint | None = None,
                        category: str = "") -> Listing:
        """The listing's articles: by the item selectors when they find at least as many as
        the article URL shape finds in the page's main region, else by shape; a listing with
        no link of the shape is read as an unknown CMS's (`LEARN_SHAPE`)."""
        root = response.selector.root
        shaped = read_listing(root, response.url, shape=self.is_article_url, hint=hint,
                              category=category)
        hinted = list(self.hinted_entries(response))
        if hinted and len(hinted) >= len(shaped.entries):
            return Listing(hinted, shaped.hint)
        if shaped.entries or not self.LEARN_SHAPE:
            return shaped
        self.stat("listing/learned_shape")
        return read_listing(root, response.url, hint=hint, category=category)

    def hinted_entries(self, response: TextResponse) -> Iterator[Entry]:
        """Entries by the subclass's item selectors (`ITEM_CSS` …), of the article shape."""
        if not self.ITEM_CSS:
            return
        seen: set[str] = set()
        for item in response.css(self.ITEM_CSS):
            href = item.css(self.ITEM_LINK_CSS).get()
            if not href:
                continue
            url = response.urljoin(href.strip())
            if not self.is_article_url(url) or url in seen:
                continue
            seen.add(url)
            text = " ".join(" ".join(item.css("::text").getall()).split())
            date = list_date(" ".join(item.css(self.ITEM_DATE_CSS).getall()))
            title = " ".join(" ".join(item.css("a::text").getall()).split())
            yield Entry(url, title, date, text)

    def next_page(self, response: Response, page: int) -> str | None:
        """The next listing page (crawler/pager.py), or None at the end."""
        root = response.selector.root
        nxt = next_page(root, response.url, seen=self.listings, hint_xpath=self.NEXT_PAGE_XPATH)
        if nxt is None and self.POSTBACK_PAGE_PARAM:
            nxt = self.postback_page(response, page)
        return nxt

    def postback_page(self, response: Response, page: int) -> str | None:
        """A pager of `javascript:__doPostBack` links numbered page+1: the same listing with
        `POSTBACK_PAGE_PARAM` (the listing must answer to it; a page with nothing new ends)."""
        for a in response.xpath("//a[starts-with(normalize-space(@href), 'javascript')]"):
            if " ".join(a.xpath(".//text()").getall()).strip() == str(page + 1):
                url = with_page(response.url, self.POSTBACK_PAGE_PARAM, page + 1)
                return None if canonical_url(url) in self.listings else url
        return None

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
                yield scrapy.Request(loc, callback=self.parse_sitemap, errback=self.failed,
                                     cb_kwargs={"site": site})
                continue
            if not self.ARTICLE_URL_RE.search(loc) or not self.sitemap_wanted(loc):
                continue
            date = _iso_date(entry.get("lastmod", ""))
            if self.since and date and date < self.since:
                self.stat("article/too_old")
                continue
            request = self.article_request(loc, site, date)
            if request is not None:
                yield request

    def sitemap_wanted(self, url: str) -> bool:
        """Whether a sitemap URL is in scope (platform spiders: every article URL)."""
        return True

    def parse_article(self, response: Response, site: Site) -> Iterator[Any]:
        if response.status == 304:  # conditional GET: the stored page is current
            self.stat("page/not_modified")
            self.stat("skipped", site)
            self.crawler.stats.inc_value("cchc/page/unchanged")
            self.crawler.stats.inc_value(f"cchc/site/{site.id}/unchanged")
            return
        item = self.page_item(response, site, "article")
        if isinstance(response, TextResponse):  # stored with the page, in one transaction
            links = []
            for link in response.xpath("//a[@href]"):
                href = (link.attrib.get("href") or "").strip()
                if ATTACHMENT_RE.search(href):
                    label = " ".join(" ".join(link.xpath(".//text()").getall()).split())
                    links.append(AttachmentItem(url=response.urljoin(href), site_id=site.id,
                                                page_url=response.url, label=label or None))
            item.attachments = tuple(links)
        yield item

    def is_known(self, site: Site, url: str) -> bool:
        return canonical_url(url) in self.known.get(site.id, {})

    def page_item(self, response: Response, site: Site, kind: str) -> PageItem:
        headers = response.headers

        def header(name: str) -> str | None:
            value = headers.get(name)
            return value.decode("latin-1") if value else None

        return PageItem(
            url=response.url, site_id=site.id, platform=self.name, kind=kind,
            status=response.status,
            fetched_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            body=raw_body(response),
            encoding=response.encoding if isinstance(response, TextResponse) else None,
            content_type=header("Content-Type"), etag=header("ETag"),
            last_modified=header("Last-Modified"),
        )


def raw_body(response: Response) -> bytes:
    """The bytes the portal sent (a legacy-font page reaches the spider converted)."""
    request = response.request
    return request.meta.get(RAW_BODY_META, response.body) if request is not None else response.body


MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
RSS_DATE_RE = re.compile(r"(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})")


def _rss_date(text: str) -> dt.date | None:
    """The date part of an RFC 822 pubDate (NukeViet prints the month as the minutes: only
    the date part is trusted, portals.md §1), or of an ISO date."""
    m = RSS_DATE_RE.search(text)
    if m and m.group(2).lower() in MONTHS:
        try:
            return dt.date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
        except ValueError:
            return None
    return _iso_date(text)


def _iso_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def list_date(text: str) -> dt.date | None:
    """The first date of a listing item's text (only for navigation)."""
    return find_date(text)
