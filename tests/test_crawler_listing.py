"""Listings, pagers and categories found by URL shape, structure and text, on markup of our
own invention (tests/pages/listings/): no class name of these pages appears in crawler/."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

from crawler.discovery import category_links
from crawler.lexicon import fold
from crawler.listing import read_listing
from crawler.pager import next_page, page_url
from crawler.spiders.drupal import DrupalSpider
from crawler.spiders.liferay import LiferaySpider
from crawler.spiders.trang import TrangSpider
from crawler.urlshape import learn_template

PAGES = Path(__file__).parent / "pages" / "listings"
ROOT = Path(__file__).resolve().parents[1]


def page(name: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring((PAGES / name).read_text(encoding="utf-8"))


TRANG = "http://hoabinh.phucthanh.haiduong.gov.vn"
SONLA = "https://muonglam.sonla.gov.vn"
ANGIANG = "https://binhkhanh.longxuyen.angiang.gov.vn"
NGHEAN = "http://songlam.nghean.gov.vn"

# (page, its URL, the platform's article shape or None for an unknown CMS, category text,
#  expected article URL tails in page order, expected list dates)
LISTINGS = [
    pytest.param(
        "table-with-side-list.html", f"{TRANG}/Trang/cchc.aspx?Cat=12", TrangSpider.ARTICLE_URL_RE, "",
        ["nid=5021&title=xa-hoa-binh-ra-soat-quy-trinh-noi-bo.html",
         "nid=5009&title=hoi-nghi-danh-gia-chi-so-hai-long.html",
         "nid=4990&title=so-hoa-ket-qua.html", "nid=4971&title=tap-huan-dich-vu-cong.html"],
        ["2024-05-03", "2024-04-18", "2024-04-02", "2024-03-27"],
        id="items in a table; a longer 'Tin mới nhất' list beside it and a footer link are skipped"),
    pytest.param(
        "grid-featured-generic.html", f"{SONLA}/tin-cai-cach-hanh-chinh", None, "Tin cải cách hành chính",
        ["huyen-muong-lam-cong-bo-ket-qua-chi-so-cai-cach-hanh-chinh-920731",
         "xa-na-lo-day-manh-thanh-toan-truc-tuyen-920702", "kiem-tra-cong-vu-tai-bo-phan-mot-cua-920688",
         "hoi-thi-tuyen-truyen-cai-cach-hanh-chinh-920650", "chuyen-doi-so-trong-giai-quyet-thu-tuc-920611"],
        ["2024-05-13", "2024-05-06", "2024-04-29", "2024-04-22", "2024-04-15"],
        id="unknown CMS: a featured item, then grid rows; 'Tin xem nhiều' of other categories skipped"),
    pytest.param(
        "drupal-dl-page0.html", f"{ANGIANG}/index.php/cai-cach-hanh-chinh", None, "",
        ["/index.php/node/912", "/index.php/ket-qua-giai-quyet-ho-so-thang-5-0", "/index.php/node/897"],
        ["2024-06-10", "2024-06-03", "2024-05-27"],
        id="Drupal dl/dt/dd: a node link and an alias with '-0' in one list; 'Tin liên quan' skipped"),
    pytest.param(
        "liferay62-page1.html", f"{NGHEAN}/web/guest/cai-cach-hanh-chinh", LiferaySpider.ARTICLE_URL_RE, "",
        ["content/song-lam-day-manh-dich-vu-cong-muc-do-4", "content/ra-soat-don-gian-hoa-thu-tuc",
         "content/khao-sat-muc-do-hai-long"],
        ["2024-06-14", "2024-06-07", "2024-05-30"],
        id="Liferay asset publisher rows; a 'Tin nổi bật' portlet beside them of the same URL shape"),
]


@pytest.mark.parametrize(("name", "url", "shape", "category", "tails", "dates"), LISTINGS)
def test_listing_articles_by_shape_and_structure(
    name: str, url: str, shape: re.Pattern[str] | None, category: str, tails: list[str],
    dates: list[str],
) -> None:
    listing = read_listing(page(name), url, shape=shape.search if shape else None, category=category)
    assert len(listing.entries) == len(tails)
    for entry, tail in zip(listing.entries, tails):
        assert entry.url.endswith(tail)
    assert [e.date.isoformat() if e.date else None for e in listing.entries] == dates
    assert all(len(e.title.split()) >= 5 for e in listing.entries)


def test_learned_shape_carries_to_the_next_page() -> None:
    """Page 1 of an unknown CMS teaches the URL shapes; page 2 (node links only) keeps them."""
    first = read_listing(page("drupal-dl-page0.html"), f"{ANGIANG}/index.php/cai-cach-hanh-chinh")
    assert first.hint is not None
    assert [t.describe() for t in first.hint.templates] == ["/index.php/node/<n>", "/index.php/<slug-n>"]
    second = read_listing(page("drupal-dl-page1.html"), f"{ANGIANG}/index.php/cai-cach-hanh-chinh?page=1",
                          hint=first.hint)
    assert len(second.entries) == 3


# (page, its URL, platform pager hint, expected next page URL)
PAGERS = [
    pytest.param("table-with-side-list.html", f"{TRANG}/Trang/cchc.aspx?Cat=12", "",
                 f"{TRANG}/Trang/cchc.aspx?Cat=12&PageIndex=2",
                 id="numbered links, a listing URL with a query string"),
    pytest.param("grid-featured-generic.html", f"{SONLA}/tin-cai-cach-hanh-chinh", "",
                 f"{SONLA}/tin-cai-cach-hanh-chinh?page=2", id="'Trang sau ›'"),
    pytest.param("drupal-dl-page0.html", f"{ANGIANG}/index.php/cai-cach-hanh-chinh", "",
                 f"{ANGIANG}/index.php/cai-cach-hanh-chinh?page=1",
                 id="Drupal counts from 0: page 2 is ?page=1"),
    pytest.param("drupal-dl-page1.html", f"{ANGIANG}/index.php/cai-cach-hanh-chinh?page=1", "",
                 f"{ANGIANG}/index.php/cai-cach-hanh-chinh?page=2", id="Drupal page 2 -> ?page=2"),
    pytest.param("liferay62-page1.html", f"{NGHEAN}/web/guest/cai-cach-hanh-chinh", "", "_cur=2",
                 id="Liferay 6.2 pager without its hint: first/previous are javascript, no 'active'"),
    pytest.param("liferay62-page1.html", f"{NGHEAN}/web/guest/cai-cach-hanh-chinh",
                 LiferaySpider.NEXT_PAGE_XPATH, "_cur=2", id="Liferay 6.2 pager: the third item"),
    pytest.param("liferay62-page2.html",
                 f"{NGHEAN}/web/guest/cai-cach-hanh-chinh?p_p_id=101_INSTANCE_kT3b&_101_INSTANCE_kT3b_cur=2",
                 "", "_cur=3", id="Liferay 6.2 page 2: first and previous now link page 1"),
]


@pytest.mark.parametrize(("name", "url", "hint", "expected"), PAGERS)
def test_next_page_from_any_pager(name: str, url: str, hint: str, expected: str) -> None:
    found = next_page(page(name), url, hint_xpath=hint)
    assert found is not None and found.endswith(expected)
    assert next_page(page(name), url, seen=[found], hint_xpath=hint) != found  # never twice


@pytest.mark.parametrize(("url", "base_path", "number"), [
    ("http://a.gov.vn/news/cai-cach-hanh-chinh/page-3/", "/news/cai-cach-hanh-chinh", 3),
    ("http://a.gov.vn/category/cchc/page/2/", "/category/cchc", 2),
    ("https://a.gov.vn/tin-tuc/trang-288.html", "/tin-tuc", 288),
    ("http://a.gov.vn/Trang/Tin-tuc-su-kien.aspx?Cat=82&PageIndex=4", "/trang/tin-tuc-su-kien", 4),
    ("http://www.a.gov.vn/Trang/Tin-tuc-su-kien.aspx?Cat=82", "/trang/tin-tuc-su-kien", None),
    ("http://a.gov.vn/Trang/DanhSach.aspx?Cat=14&p=3", "/trang/danhsach", 3),  # p beside Cat
    ("http://a.gov.vn/?m=news&q=72&p=2", "", 2),
    ("http://a.gov.vn/?p=123", "", None),  # alone, ?p= is a WordPress post, not a page
])
def test_page_numbers_in_urls(url: str, base_path: str, number: int | None) -> None:
    parsed = page_url(url)
    assert (parsed.base[1], parsed.number) == (base_path, number)
    assert parsed.base[0] == "a.gov.vn"


def test_categories_by_folded_text_with_or_without_query() -> None:
    found = category_links(page("home-categories.html"), "http://yenlac.yenmy.hungyen.gov.vn/",
                           TrangSpider.ARTICLE_URL_RE.search)
    assert [(c.url.split(".vn")[1], c.filtered) for c in found] == [
        ("/Trang/Tin-tuc-su-kien.aspx?Cat=91", False),  # "Cai cach hanh chinh", no accents
        ("/Trang/cchc.aspx", False),                    # "CCHC", a block heading
        ("/Trang/Tin-tuc-su-kien.aspx?Cat=82", True),   # "Tin tức - Sự kiện": keyword-filtered
    ]  # not: the off-site "THỦ TỤC HÀNH CHÍNH", "Tra cứu hồ sơ TTHC", a dated short headline


def test_a_bare_number_in_the_pager_is_the_current_page() -> None:
    """"Trang: 1 <b>2</b> 3" with `&p=N` links: page 3 follows page 2 (no class says current)."""
    url = "http://a.gov.vn/Trang/DanhSach.aspx?Cat=14&p=2"
    html = ("<html><body><div>Trang: <a href='DanhSach.aspx?Cat=14'>1</a> <b>2</b> "
            "<a href='DanhSach.aspx?Cat=14&p=3'>3</a></div></body></html>")
    assert next_page(lxml.html.document_fromstring(html), url) == "http://a.gov.vn/Trang/DanhSach.aspx?Cat=14&p=3"


@pytest.mark.parametrize(("url", "pager", "expected"), [
    ("http://a.gov.vn/cchc", "<a href='?trang=1'>Trang 1</a> <a href='?trang=2'>Trang 2</a>", "/cchc?trang=2"),
    ("http://a.gov.vn/cchc?trang=2", "<a href='?trang=1'>Trang 1</a> <span>Trang 2</span> "
     "<a href='?trang=3'>Trang 3</a>", "/cchc?trang=3"),
    ("http://a.gov.vn/x/trang-2.html", "<a href='/x/trang-1.html'>[1]</a> <b>[2]</b> "
     "<a href='/x/trang-3.html'>[3]</a>", "/x/trang-3.html"),
])
def test_pager_numbers_with_words_or_brackets(url: str, pager: str, expected: str) -> None:
    """"Trang 1" on page 1 links page 1 (a 1-based pager), not the page after it."""
    root = lxml.html.document_fromstring(f"<html><body><div>{pager}</div></body></html>")
    assert next_page(root, url) == "http://a.gov.vn" + expected


def test_one_link_teaches_its_slug_query_value_as_variable() -> None:
    """A listing's first page may show one dated item: `title=<slug>.html` is that item's."""
    learned = learn_template(["http://a.gov.vn/Trang/ChiTiet.aspx?nid=12900&title=ket-qua-cchc-quy-iii.html"])
    assert learned is not None and learned.matches("http://a.gov.vn/Trang/ChiTiet.aspx?nid=12892&title=hoi-nghi.html")


def test_a_featured_first_item_under_the_category_heading_and_the_list_after_it() -> None:
    """The category's heading, one big item, then a table of the others: all are items."""
    base = "http://a.gov.vn/Trang/ChiTiet.aspx?nid="
    rows = "".join(f"<tr><td><a href='{base}{n}'>Kết quả giải quyết hồ sơ tháng {n} của xã</a>"
                   f" <i>(0{n}-10-2026)</i></td></tr>" for n in (2, 3))
    html = (f"<html><body><table><tr><td><div>CẢI CÁCH HÀNH CHÍNH</div><div><h3>"
            f"<a href='{base}1'>Hội nghị tổng kết công tác cải cách hành chính năm 2025</a></h3>"
            f"<i>(09-10-2026)</i><p>Lời dẫn của bài viết nổi bật đầu trang danh sách này.</p></div>"
            f"<table>{rows}</table></td></tr></table></body></html>")
    root = lxml.html.document_fromstring(html)
    for shape in (re.compile(r"ChiTiet\.aspx\?nid=\d+").search, None):
        found = read_listing(root, "http://a.gov.vn/Trang/DanhSach.aspx?Cat=14", shape=shape,
                             category="CẢI CÁCH HÀNH CHÍNH")
        assert [e.url[-1] for e in found.entries] == ["1", "2", "3"]


@pytest.mark.parametrize(("urls", "template"), [
    (["https://q.gov.vn/webcenter/portal/bt/pages_tin-tuc/chi-tiet?dDocName=PORTAL492792",
      "https://q.gov.vn/webcenter/portal/bt/pages_tin-tuc/chi-tiet?dDocName=PORTAL307346"],
     "/webcenter/portal/bt/pages_tin-tuc/chi-tiet?dDocName=<id>"),
    (["http://m.gov.vn/?m=newsdetail&q=68&id=2455", "http://m.gov.vn/?m=newsdetail&q=68&id=2460"],
     "/?id=<n>&m=newsdetail&q=68"),
    (["https://h.gov.vn/TrangChu/NewCatId/392/NewVid/24505", "https://h.gov.vn/TrangChu/NewCatId/392/NewVid/24511"],
     "/TrangChu/NewCatId/392/NewVid/<n>"),
    (["https://k.gov.vn/pages/detail/46988/Hoi-nghi-CCHC", "https://k.gov.vn/pages/detail/46990/Kiem-tra-cong-vu"],
     "/pages/detail/<n>/<slug>"),
])
def test_url_templates_of_real_shapes(urls: list[str], template: str) -> None:
    learned = learn_template(urls)
    assert learned is not None and learned.describe() == template
    assert all(learned.matches(u) for u in urls)


def test_fixture_class_names_are_not_in_the_crawler() -> None:
    """The fixtures' markup is our own invention: the crawler cannot pass by knowing it."""
    classes = set()
    for path in PAGES.glob("*.html"):
        for value in page(path.name).xpath("//@class"):
            classes.update(value.split())
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "crawler").rglob("*.py"))
    code += "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "crawler").rglob("*.toml"))
    generic = {"pager", "active", "current", "disabled", "first", "last"}  # platform facts
    leaked = sorted(c for c in classes - generic  # as a CSS class or a quoted name
                    if re.search(rf"""(?:\.|['"]){re.escape(c)}(?![\w-])""", code))
    assert not leaked


def test_fold_matches_with_and_without_accents() -> None:
    assert fold("CẢI CÁCH HÀNH CHÍNH") == fold("cai-cach-hanh-chinh") == "cai cach hanh chinh"
    assert fold("Trang sau »") == "trang sau »"


def test_a_read_more_link_with_a_redirect_is_its_headlines_article() -> None:
    """Liferay's "Xem tiếp" carries `?redirect=<listing>`: the same article, listed once."""
    rows = "".join(
        f'<div class="khoi-tin"><h3><a href="/web/guest/cai-cach-hanh-chinh/-/asset_publisher/Ab1/'
        f'content/{slug}">{title}</a></h3><p>Ngày {day}/06/2024</p><p>{title} trong tháng.</p>'
        f'<a href="/web/guest/cai-cach-hanh-chinh/-/asset_publisher/Ab1/content/{slug}'
        f'?redirect=%2Fweb%2Fguest%2Fcai-cach-hanh-chinh&amp;inheritRedirect=true">Xem tiếp »</a></div>'
        for slug, title, day in [("ra-soat-thu-tuc", "Xã rà soát thủ tục hành chính nội bộ", 12),
                                 ("mot-cua-so", "Bộ phận một cửa số hóa hồ sơ đầu kỳ", 5),
                                 ("khao-sat", "Khảo sát mức độ hài lòng của người dân", 1)])
    root = lxml.html.document_fromstring(f"<html><body><main>{rows}</main></body></html>")
    listing = read_listing(root, f"{NGHEAN}/web/guest/cai-cach-hanh-chinh",
                           shape=LiferaySpider.ARTICLE_URL_RE.search)
    assert [e.url.rsplit("/", 1)[1] for e in listing.entries] == ["ra-soat-thu-tuc", "mot-cua-so", "khao-sat"]
