"""Liferay portals with friendly `/web/<site>/…` URLs (VNPT Thanh Hóa family; portals.md §3)."""

from __future__ import annotations

import re

from crawler.spiders.base import PortalSpider


class LiferaySpider(PortalSpider):
    """Liferay sites: `/web/trang-chu/<cat…>` listings paged by the Asset Publisher
    (`?p_p_id=…&_<portlet>_cur=N`) or by the VNPT ePortal news portlet (`dsnews_WAR_…`,
    `div > h2 > a` items, a `…ocerSearchContainerPageIterator` pager), articles
    `/web/trang-chu/<cat…>/<slug>.html`.

    To use this platform, a site row needs `platform=liferay` and a base_url; start_paths
    (e.g. `/web/trang-chu/tin-tuc-su-kien/cai-cach-hanh-chinh`) are optional: without them
    the reform category is found among the links of `/web/trang-chu`.
    """

    name = "liferay"
    HOME_PATH = "/web/trang-chu"
    DEFAULT_START_PATHS = ("/web/trang-chu/tin-tuc-su-kien/cai-cach-hanh-chinh",)
    LISTING_URL_RE = re.compile(r"/web/[^/?#]+/[^?#]+(?<!\.html)$")
    ARTICLE_URL_RE = re.compile(r"/web/[^/?#]+/.+\.html$")
    ITEM_CSS = ("ul.list-group li.list-group-item, div.asset-abstract, "
                "[id^=p_p_id_dsnews_] div.news-item")
    ITEM_LINK_CSS = ("p.list-group-title a::attr(href), h3.asset-title a::attr(href), "
                     "h2 a::attr(href)")
    ITEM_DATE_CSS = "p.list-group-subtitle::text, .metadata-publish-date::text, .date::text"
    NEXT_PAGE_XPATH = (
        '//ul[contains(@class, "pagination")]/li[contains(@class, "active")]'
        "/following-sibling::li[1]/a/@href"
        ' | //*[contains(@id, "ocerSearchContainerPageIterator")]//li[contains(@class, "active")]'
        "/following-sibling::li[1]/a/@href"
    )
