"""WordPress commune sites (portals.md §5)."""

from __future__ import annotations

import re

from crawler.spiders.base import PortalSpider


class WordPressSpider(PortalSpider):
    """WordPress sites: `/category/<slug>/page/N/` archives; posts at `/<post-slug>/`,
    `/<yyyy>/<mm>/[<dd>/]<post-slug>/` or `/?p=<id>`.

    To use this platform, a site row needs `platform=wordpress` and a base_url; start_paths
    (e.g. `/category/cai-cach-hanh-chinh/`) are optional: without them the reform category
    is found among the home page's menu links.
    """

    name = "wordpress"
    DEFAULT_START_PATHS = ("/category/cai-cach-hanh-chinh/",)
    ARTICLE_URL_RE = re.compile(
        r"^https?://[^/]+/(?:\d{4}/\d{2}/(?:\d{2}/)?)?"
        r"(?!category/|tag/|author/|page/|feed/|wp-)[^/?#]+/$"
        r"|^https?://[^/]+/\?p=\d+$")
    ITEM_CSS = "article.post, article.type-post"
    ITEM_LINK_CSS = ".entry-title a::attr(href)"
    ITEM_DATE_CSS = "time.entry-date::text"
    SITEMAP_PATHS = ("/wp-sitemap.xml",)
    NEXT_PAGE_XPATH = '//a[contains(@class, "next") and contains(@class, "page-numbers")]/@href'
