"""Liferay portals (VNPT Thanh Hóa wards, Asset Publisher sites; portals.md §3 and §7b)."""

from __future__ import annotations

import re

from crawler.spiders.base import PortalSpider


class LiferaySpider(PortalSpider):
    """Liferay sites. Articles: friendly `/web/<site>/<cat…>/<slug>.html` (Thanh Hóa), Asset
    Publisher `…/-/asset_publisher/<id>/content/<slug>`, `…/-/details/<n>/<slug>`,
    `…/-/view-article/…`, `…/-/view_content/content/<n>/…`. Listings `/web/<site>/<cat…>` paged
    by the portlet's `…_cur=N`; pagers are Liferay 6.2's `ul.pager` (first, previous, next,
    last: next is the third item unless its href is `javascript:`), a `…PageIterator` list or
    numbered links.

    To use this platform, a site row needs `platform=liferay` and a base_url; start_paths
    (e.g. `/web/trang-chu/tin-tuc-su-kien/cai-cach-hanh-chinh`) are optional: without them
    the reform category is found among the links of `/web/trang-chu` (else `/`).
    """

    name = "liferay"
    HOME_PATH = "/web/trang-chu"
    DEFAULT_START_PATHS = ("/web/trang-chu/tin-tuc-su-kien/cai-cach-hanh-chinh",)
    ARTICLE_URL_RE = re.compile(
        r"/web/[^/?#]+/.+\.html$"
        r"|/-/(?:asset_publisher/[^/?#]+/content/|details/\d+/|view-article/|view_content/content/\d+)")
    ITEM_CSS = ("ul.list-group li.list-group-item, div.asset-abstract, "
                "[id^=p_p_id_dsnews_] div.news-item")
    ITEM_LINK_CSS = ("p.list-group-title a::attr(href), h3.asset-title a::attr(href), "
                     "h2 a::attr(href)")
    ITEM_DATE_CSS = "p.list-group-subtitle::text, .metadata-publish-date::text, .date::text"
    NEXT_PAGE_XPATH = (
        '//ul[contains(concat(" ", normalize-space(@class), " "), " pager ")]'
        '[count(li) = 4]/li[3]/a/@href'
        ' | //ul[contains(@class, "pagination")]/li[contains(@class, "active")]'
        "/following-sibling::li[1]/a/@href"
        ' | //*[contains(@id, "ocerSearchContainerPageIterator")]//li[contains(@class, "active")]'
        "/following-sibling::li[1]/a/@href"
    )
