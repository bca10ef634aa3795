"""SharePoint "Lists" portals (ministries, departments, some districts; portals.md §4)."""

from __future__ import annotations

import re

from crawler.spiders.base import PortalSpider


class SharePointListsSpider(PortalSpider):
    """SharePoint "Lists" sites: `/…/Pages/<category>.aspx?Page=N` listings (a web-part list
    `…_pnListNews` with a pager `…_PhanTrang_D`) and `/…/Lists/<List>/View_Detail.aspx?ItemID=<n>`
    articles.

    To use this platform, a site row needs `platform=sharepoint_lists` and a base_url;
    start_paths (e.g. `/tintuc/Pages/cai-cach-hanh-chinh.aspx`) are optional: without them
    the reform category is found among the links of `/Pages/default.aspx`.
    """

    name = "sharepoint_lists"
    HOME_PATH = "/Pages/default.aspx"
    DEFAULT_START_PATHS = ("/tintuc/Pages/cai-cach-hanh-chinh.aspx",)
    ARTICLE_URL_RE = re.compile(r"/Lists/[^/]+/View_Detail\.aspx\?(?:.*&)?ItemID=\d+", re.I)
    ITEM_CSS = "[id$=_pnListNews] div.news-item, div.news-item"
    ITEM_LINK_CSS = "a.news-title::attr(href), a::attr(href)"
    ITEM_DATE_CSS = ".news-date::text"
    NEXT_PAGE_XPATH = (
        '//*[contains(@id, "_PhanTrang")]//span[contains(@class, "current")]'
        "/following-sibling::a[1]/@href"
    )
