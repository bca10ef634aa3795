"""The replica's content: determinism, pagination, truth manifest, scale."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from replica import build_replica
from replica.content import fmt_count, fmt_rate


def test_same_seed_same_bytes_in_any_order() -> None:
    a, b = build_replica(seed=3), build_replica(seed=3)
    urls = list(a.pages)
    assert urls == list(b.pages)
    for url in urls[::7]:
        assert a.pages[url] == b.pages[url]
    for url in reversed(urls[::5]):  # request order does not change bytes
        assert a.pages[url][2] == b.pages[url][2]


def test_other_seed_other_content() -> None:
    assert build_replica(seed=1).article_urls("tn-godau") != build_replica(seed=2).article_urls("tn-godau")


def _listed(replica, first: str, next_link) -> tuple[list[str], int]:
    """Follow a listing's pager; return the article links seen and the number of pages."""
    found, url, pages = [], first, 0
    while url:
        status, _, body = replica.fetch(url)
        assert status == 200, url
        pages += 1
        soup = BeautifulSoup(body, "lxml")
        found += [replica.site_for_host(url.split("/")[2]).url(a["href"])
                  for a in soup.select(".channel-news-title a, div.news_column h2 a, div.news_column h3 a")]
        nxt = next_link(soup)
        url = replica.site_for_host(url.split("/")[2]).url(nxt) if nxt else None
    return found, pages


def test_trang_pagination_lists_every_reform_article() -> None:
    r = build_replica(seed=0)
    site = r.site("hd-binhgiang-thaihoc")

    def nxt(soup):
        cur = soup.select_one("span.CurrentPage")
        link = cur.find_next_sibling("a") if cur else None
        return link["href"] if link else None

    found, pages = _listed(r, site.url("/Trang/cai-cach-hanh-chinh.aspx"), nxt)
    assert found == r.article_urls("hd-binhgiang-thaihoc", ("/Trang/cai-cach-hanh-chinh.aspx",))
    assert pages == site.pages_of("reform") > 1
    page2 = r.fetch(site.url("/Trang/cai-cach-hanh-chinh.aspx?PageIndex=2"))[2].decode()
    assert '<span class="CurrentPage">2</span>' in page2


def test_nukeviet_pagination_lists_every_reform_article() -> None:
    r = build_replica(seed=0)

    def nxt(soup):
        active = soup.select_one("ul.pagination li.active")
        li = active.find_next_sibling("li") if active else None
        return li.a["href"] if li else None

    found, pages = _listed(r, "http://thanhphuoc.godau.tayninh.gov.vn/news/cai-cach-hanh-chinh/", nxt)
    assert found == r.article_urls("tn-godau-thanhphuoc")
    assert pages > 1
    body = r.fetch("http://thanhphuoc.godau.tayninh.gov.vn/news/cai-cach-hanh-chinh/page-2/")[2].decode()
    assert re.search(r'<li class="page-item active"><a class="page-link" href="javascript:void\(0\)">2</a>', body)


def test_truth_evidence_is_on_the_page() -> None:
    r = build_replica(seed=0)
    n_figures = 0
    for url, figures in r.truth.items():
        text = " ".join(BeautifulSoup(r.pages[url][2], "lxml").get_text(" ").split())
        for f in figures:
            assert f["evidence"] in text, (url, f)
            n_figures += f["source"] == "article"
    assert n_figures > 100
    metrics = {f["metric"] for figs in r.truth.values() for f in figs}
    assert {"received", "resolved", "early", "late", "received_rate", "carried_over"} <= metrics


def test_widget_rate_is_early_or_on_time_over_resolved() -> None:
    site = build_replica(seed=0).site("hd-binhgiang-thaihoc")
    w = site.widget
    assert float(w["rate"]) == round(100 * w["early_or_on_time"] / w["resolved"], 1)
    assert build_replica(seed=0).site("hd-thanhmien-doanket").widget is None


def test_number_formats() -> None:
    import random

    assert fmt_rate(98.5) == "98,5" and fmt_rate(100.0) == "100" and fmt_rate(7.25) == "7,25"
    assert fmt_count(random.Random(0), 12) == "12"
    assert {fmt_count(random.Random(i), 1234) for i in range(20)} == {"1.234", "1234"}


def test_scales_lazily() -> None:
    r = build_replica(seed=0, n_sites=1000, n_articles=50)
    assert len(r.sites) == 1000 and len({s.host for s in r.sites}) == 1000
    assert r._built == {}
    last = r.sites[-1]
    assert len(r.article_urls(last.id)) == 50
    assert len(r._built) == 1
