"""Tân Dân SharePoint "Trang" portals (Hải Dương commune family, Quảng Ninh; portals.md §2b)."""

from __future__ import annotations

import re

from crawler.spiders.base import PortalSpider


class TrangSpider(PortalSpider):
    """Tân Dân "Trang" sites: `/Trang/<ChuyenMuc>.aspx[?Cat=N][&PageIndex=N]` listings and
    `[/So/<unit>]/Trang/ChiTietTinTuc.aspx?nid=<id>[&title=<slug>.html]` articles.

    To use this platform, a site row needs `platform=trang` and a base_url; start_paths
    (e.g. `/Trang/cai-cach-hanh-chinh.aspx`) are optional: without them the reform category
    is found among the links of `/Trang/Default.aspx` (else `/`).
    """

    name = "trang"
    HOME_PATH = "/Trang/Default.aspx"
    DEFAULT_START_PATHS = ("/Trang/cai-cach-hanh-chinh.aspx",)
    ARTICLE_URL_RE = re.compile(r"/Trang/ChiTietTinTuc\.aspx\?(?:.*&)?nid=\d+", re.I)
    ITEM_CSS = "div.tandan-div-tin-item, div.channel-news-item"
    ITEM_LINK_CSS = ".channel-news-title a::attr(href)"
    ITEM_DATE_CSS = ".tandan-span-date-publish::text"
    NEXT_PAGE_XPATH = '//span[contains(@class, "CurrentPage")]/following-sibling::a[1]/@href'
    POSTBACK_PAGE_PARAM = "PageIndex"
