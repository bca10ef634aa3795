"""Tân Dân SharePoint "portal/Pages" portals (Hà Tĩnh, Ninh Thuận, Điện Biên …; portals.md §2a)."""

from __future__ import annotations

import re

from crawler.spiders.base import PortalSpider


class PortalPagesSpider(PortalSpider):
    """Tân Dân "portal/Pages" sites: `/portal/Pages/<Category-Name>.aspx?PageIndex=N`
    listings and `/portal/Pages/<YYYY-M-D>/<Title-Slug><suffix>.aspx` articles (the path is
    matched case-insensitively: some sites write "pages").

    To use this platform, a site row needs `platform=portal_pages` and a base_url;
    start_paths (e.g. `/portal/Pages/Chuyen-muc-Cai-cach-hanh-chinh.aspx`) are optional:
    without them the reform category is found among the links of `/portal/Pages/default.aspx`.
    """

    name = "portal_pages"
    HOME_PATH = "/portal/Pages/default.aspx"
    DEFAULT_START_PATHS = ("/portal/Pages/Chuyen-muc-Cai-cach-hanh-chinh.aspx",)
    ARTICLE_URL_RE = re.compile(r"/portal/Pages/\d{4}-\d{1,2}-\d{1,2}/[^/?#]+\.aspx$", re.I)
    ITEM_CSS = "div.tandan-div-channel-item, .channel-news-item"
    ITEM_LINK_CSS = ".channel-news-title a::attr(href), .tandan-p-article-news-title a::attr(href)"
    ITEM_DATE_CSS = ".tandan-span-date-publish::text"
    NEXT_PAGE_XPATH = '//span[contains(@class, "CurrentPage")]/following-sibling::a[1]/@href'
    POSTBACK_PAGE_PARAM = "PageIndex"
