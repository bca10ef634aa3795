"""NukeViet 4.x portals, news module, default and eGov themes (portals.md §1)."""

from __future__ import annotations

import re

from crawler.spiders.base import PortalSpider


class NukeVietSpider(PortalSpider):
    """NukeViet sites: `/[vi/][news/]<cat>/page-N/` listings and
    `/[vi/][news/]<cat>/<alias>-<id>.html` articles (the module segment is absent when news
    is the site's default module; `savefile`/`print` ops are not articles).

    To use this platform, a site row needs `platform=nukeviet` and a base_url; start_paths
    (e.g. `/news/cai-cach-hanh-chinh/` or `/vi/news/thong-tin-cai-cach-hanh-chinh/`) are
    optional: without them the reform category is found among the home page's links.
    """

    name = "nukeviet"
    DEFAULT_START_PATHS = ("/news/cai-cach-hanh-chinh/",)
    ARTICLE_URL_RE = re.compile(
        r"^https?://[^/]+(?:/[a-z]{2})?(?:/[\w-]+)?/(?!savefile/|print/|sendmail/|rating/|tag/)"
        r"[\w-]+/[^/?#]+-\d+\.html$")
    ITEM_CSS = "div.news_column div.panel-body, div.list-group a.show"
    ITEM_LINK_CSS = "h2 a::attr(href), h3 a::attr(href), a.show::attr(href)"
    ITEM_DATE_CSS = "ul.list-inline li::text"
    SITEMAP_PATHS = ("/sitemap.xml",)
    NEXT_PAGE_XPATH = (
        '//ul[contains(@class, "pagination")]/li[contains(@class, "active")]'
        "/following-sibling::li[1]/a/@href"
    )
