"""Crawler parts offline: proxy middleware, store pipeline, spider callbacks on replica pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy import Request
from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from crawler.items import PageItem
from crawler.middlewares import ProxyMiddleware
from crawler.pipelines import StorePipeline
from crawler.spiders.nukeviet import NukeVietSpider
from crawler.spiders.trang import TrangSpider
from replica import build_replica

ROOT = Path(__file__).resolve().parents[1]
SITES = str(ROOT / "replica" / "sites.csv")


def test_proxy_middleware() -> None:
    with pytest.raises(NotConfigured):
        ProxyMiddleware.from_crawler(get_crawler(settings_dict={"CCHC_PROXY": ""}))
    mw = ProxyMiddleware.from_crawler(get_crawler(settings_dict={"CCHC_PROXY": "http://127.0.0.1:9"}))
    req = Request("http://thaihoc.binhgiang.haiduong.gov.vn/robots.txt")
    mw.process_request(req)
    assert req.meta["proxy"] == "http://127.0.0.1:9"


def test_store_pipeline_counts(tmp_path: Path) -> None:
    crawler = get_crawler(TrangSpider, {"CCHC_DB_PATH": str(tmp_path / "p.db"), "CCHC_SITES_FILE": SITES})
    crawler.spider = TrangSpider.from_crawler(crawler, site="hd-binhgiang-thaihoc")
    crawler.stats.open_spider()
    pipe = StorePipeline.from_crawler(crawler)
    pipe.open_spider()
    item = PageItem(url="http://thaihoc.binhgiang.haiduong.gov.vn/Trang/ChiTietTinTuc.aspx?nid=1",
                    site_id="hd-binhgiang-thaihoc", platform="trang", kind="article", status=200,
                    fetched_at="2026-11-22T03:00:00+00:00", body=b"<html>1</html>")
    pipe.process_item(item)
    pipe.process_item(item)
    item.body = b"<html>2</html>"
    pipe.process_item(item)
    pipe.close_spider()
    stats = crawler.stats.get_stats()
    assert (stats["cchc/page/new"], stats["cchc/page/unchanged"], stats["cchc/page/updated"]) == (1, 1, 1)


def response(url: str) -> HtmlResponse:
    status, headers, body = build_replica(seed=0).fetch(url)
    assert status == 200
    return HtmlResponse(url, body=body, headers=headers, encoding="utf-8")


def spider(cls: type, **kwargs: str):
    crawler = get_crawler(cls, {"CCHC_SITES_FILE": SITES, "CCHC_MAX_PAGES": 50})
    return cls.from_crawler(crawler, **kwargs)


def test_trang_listing_yields_page_articles_and_next() -> None:
    sp = spider(TrangSpider, site="hd-binhgiang-thaihoc")
    site = sp.sites[0]
    url = site.url("/Trang/cai-cach-hanh-chinh.aspx")
    out = list(sp.parse_listing(response(url), site=site, page=1))
    assert isinstance(out[0], PageItem) and out[0].kind == "listing"
    requests = [o for o in out[1:] if isinstance(o, Request)]
    articles = [r.url for r in requests if "ChiTietTinTuc" in r.url]
    assert articles == build_replica(seed=0).article_urls(site.id)[:10]
    assert requests[-1].url == url + "?PageIndex=2"


def test_nukeviet_home_discovers_reform_category() -> None:
    sp = spider(NukeVietSpider, sites="tn-godau")
    site = sp.sites[0]
    out = list(sp.parse_home(response(site.url("/")), site=site))
    # the reform category whole; "Tin tức - Sự kiện" for keyword-matching items only
    assert [(r.url, r.cb_kwargs["filtered"]) for r in out] == [
        (site.url("/news/cai-cach-hanh-chinh/"), False), (site.url("/news/tin-tuc-su-kien/"), True)]


def test_unknown_site_id_is_an_error() -> None:
    with pytest.raises(ValueError, match="no trang site with id tn-godau"):
        spider(TrangSpider, site="tn-godau")


def test_retry_after_header_values() -> None:
    import datetime as dt
    from email.utils import format_datetime

    from crawler.middlewares import retry_after_seconds

    soon = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=30)
    assert retry_after_seconds(b"120") == 120
    assert 25 <= (retry_after_seconds(format_datetime(soon, usegmt=True)) or 0) <= 30
    assert retry_after_seconds(b"soon") is None and retry_after_seconds(None) is None
