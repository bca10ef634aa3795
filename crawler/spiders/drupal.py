"""Drupal portals (An Giang district and commune sites, Bắc Giang departments; portals.md §7b)."""

from __future__ import annotations

import re

from scrapy.http import TextResponse

from crawler.listing import Hint, Listing, read_listing
from crawler.spiders.base import PortalSpider


class DrupalSpider(PortalSpider):
    """Drupal sites: articles at `/[index.php/]node/<n>` or at a path alias (any slug, often
    with a "-0" suffix: learned from the listing's dated headlines); listings paged by
    `?page=N`, counted from 0 (page 2 is `?page=1`).

    To use this platform, a site row needs `platform=drupal` and a base_url; start_paths
    (e.g. `/cai-cach-hanh-chinh`) are optional: without them the reform category is found
    among the home page's links.
    """

    name = "drupal"
    DEFAULT_START_PATHS = ("/cai-cach-hanh-chinh",)
    ARTICLE_URL_RE = re.compile(r"/(?:index\.php/)?node/\d+/?$")
    ITEM_CSS = ".post-block, .views-row, article.node"
    ITEM_LINK_CSS = ".post-title a::attr(href), h2 a::attr(href), h3 a::attr(href)"
    ITEM_DATE_CSS = ".post-created::text, time::attr(datetime), .date::text"

    def listing_entries(self, response: TextResponse, hint: Hint | None = None,
                        category: str = "") -> Listing:
        """`/node/<n>` links, or the aliases of the dated headline list, whichever list looks
        more like the page's main listing (a side list of node links loses to the aliases)."""
        by_node = super().listing_entries(response, hint, category)
        learned = read_listing(response.selector.root, response.url, hint=hint, category=category)
        return learned if learned.score > by_node.score else by_node
