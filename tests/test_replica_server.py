"""The replica served over real HTTP, as a proxy."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from replica import Replica

THAIHOC = "http://thaihoc.binhgiang.haiduong.gov.vn"
GODAU = "http://godau.tayninh.gov.vn"




@pytest.fixture
def client(proxy: str) -> Iterator[httpx.Client]:
    with httpx.Client(proxy=proxy, timeout=10) as c:
        yield c


def test_article_through_proxy(replica: Replica, client: httpx.Client) -> None:
    url = replica.article_urls("hd-binhgiang-thaihoc")[0]
    resp = client.get(url)
    assert resp.status_code == 200
    assert resp.headers["content-type"] == "text/html; charset=utf-8"
    assert resp.content == replica.pages[url][2]
    assert resp.headers["etag"].startswith('"')
    assert "Kết quả giải quyết TTHC" in resp.text


def test_robots_txt(client: httpx.Client) -> None:
    trang = client.get(f"{THAIHOC}/robots.txt")
    assert trang.status_code == 200 and "Disallow: /admin/" in trang.text
    nuke = client.get(f"{GODAU}/robots.txt")
    assert f"Sitemap: {GODAU}/sitemap.xml" in nuke.text


def test_unknown_host_is_bad_gateway(client: httpx.Client) -> None:
    assert client.get("http://nowhere.example.gov.vn/").status_code == 502


def test_unknown_path_is_404(client: httpx.Client) -> None:
    assert client.get(f"{THAIHOC}/Trang/ChiTietTinTuc.aspx?nid=1").status_code == 404
    assert client.get(f"{GODAU}/news/cai-cach-hanh-chinh/page-99/").status_code == 404


def test_plain_request_routed_by_host_header(proxy: str) -> None:
    resp = httpx.get(f"{proxy}/robots.txt", headers={"Host": "godau.tayninh.gov.vn"})
    assert resp.status_code == 200 and "Sitemap:" in resp.text


def test_home_redirects_and_links_reform_category(client: httpx.Client) -> None:
    resp = client.get(f"{THAIHOC}/", follow_redirects=True)
    assert str(resp.url) == f"{THAIHOC}/Trang/Default.aspx"
    assert 'href="/Trang/cai-cach-hanh-chinh.aspx">Cải cách hành chính</a>' in resp.text


def test_sitemap_and_rss(replica: Replica, client: httpx.Client) -> None:
    index = client.get(f"{GODAU}/sitemap.xml").text
    assert "<sitemapindex" in index and f"{GODAU}/sitemap-vi.news.xml" in index
    urls = client.get(f"{GODAU}/sitemap-vi.news.xml").text
    assert all(u in urls for u in replica.article_urls("tn-godau"))
    rss = client.get(f"{GODAU}/news/rss/cai-cach-hanh-chinh/")
    assert rss.headers["content-type"].startswith("application/rss+xml")
    assert "<generator>NukeViet v4.0</generator>" in rss.text


def test_head_and_connect(proxy: str, client: httpx.Client) -> None:
    head = client.head(f"{THAIHOC}/robots.txt")
    assert head.status_code == 200 and head.content == b""
    assert int(head.headers["content-length"]) > 0
