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
    home, *out = sp.parse_home(response(site.url("/")), site=site)
    assert isinstance(home, PageItem) and home.kind == "home"  # stored: its statistics box
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


def test_generic_spider_without_category_links_falls_back_to_sitemaps_and_feeds() -> None:
    """A home page that names no reform category: robots.txt's sitemaps and the RSS feeds
    are read instead, and only URLs / items naming a reform keyword are followed."""
    from scrapy.http import TextResponse, XmlResponse

    from crawler.spiders.generic import GenericSpider

    sp = spider(GenericSpider, sites="bt-phanthiet-thiennghiep")
    site = sp.sites[0]
    home = HtmlResponse(site.url("/"), encoding="utf-8", body=(
        '<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head>'
        '<body><a href="/gioi-thieu.html">Giới thiệu</a><a href="/lien-he.html">Liên hệ</a></body></html>'
    ).encode())
    out = [r for r in sp.parse_home(home, site=site) if isinstance(r, Request)]
    assert [r.url for r in out] == [site.url("/robots.txt"), site.url("/rss.xml")]
    robots = TextResponse(site.url("/robots.txt"), encoding="utf-8",
                          body=b"User-agent: *\nSitemap: http://thiennghiep.phanthiet.binhthuan.gov.vn/sm.xml\n")
    assert [r.url for r in sp.parse_robots(robots, site=site)] == [site.url("/sm.xml")]
    sitemap = XmlResponse(site.url("/sm.xml"), body=(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f'<url><loc>{site.url("/tin/hoi-nghi-cai-cach-hanh-chinh-12.html")}</loc></url>'
        f'<url><loc>{site.url("/tin/le-hoi-mua-xuan-13.html")}</loc></url></urlset>').encode())
    urls = [r.url for r in sp.parse_sitemap(sitemap, site=site) if isinstance(r, Request)]
    assert urls == [site.url("/tin/hoi-nghi-cai-cach-hanh-chinh-12.html")]
    feed = XmlResponse(site.url("/rss.xml"), body=(
        '<?xml version="1.0"?><rss><channel>'
        f'<item><title>Kết quả giải quyết thủ tục hành chính</title><link>{site.url("/tin/a-1.html")}</link></item>'
        f'<item><title>Lễ hội mùa xuân</title><link>{site.url("/tin/b-2.html")}</link></item>'
        '</channel></rss>').encode())
    urls = [r.url for r in sp.parse_feed(feed, site=site) if isinstance(r, Request)]
    assert urls == [site.url("/tin/a-1.html")]


def test_a_legacy_font_portal_reaches_the_spider_in_unicode_and_is_stored_as_sent() -> None:
    """A home page written in TCVN3 (.VnTime): its category names are found by their text,
    and the page stored is the portal's own bytes (re-decoded offline by `cchc extract`)."""
    from crawler.discovery import category_links
    from crawler.middlewares import SoftPageMiddleware
    from tests.test_store_decoding import legacy_bytes

    sp = spider(TrangSpider, site="hd-binhgiang-thaihoc")
    site = sp.sites[0]
    home = site.url("/Trang/Default.aspx")
    unicode_home = response(home)
    raw = legacy_bytes(unicode_home.text, "tcvn3")
    request = Request(home)
    legacy = HtmlResponse(home, body=raw, request=request,
                          headers={"Content-Type": "text/html; charset=iso-8859-1"})
    seen = SoftPageMiddleware.from_crawler(sp.crawler).process_response(request, legacy)

    def names(resp: HtmlResponse) -> list[str]:
        import lxml.html
        return [c.url for c in category_links(lxml.html.fromstring(resp.text), resp.url)]

    assert names(legacy) == [] and names(seen) == names(unicode_home) != []
    assert "Cải cách hành chính".lower() in seen.text.lower()
    assert sp.page_item(seen, site, "home").body == raw
