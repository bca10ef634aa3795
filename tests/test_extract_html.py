"""split_page / extract_page on saved replica pages of each platform, and on broken input."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from pathlib import Path

import pytest

from extract.html import decode_html, split_page
from extract.model import Page
from extract.page import extract_page
from replica import build_replica

PAGES = Path(__file__).parent / "pages"
URLS = json.loads((PAGES / "urls.json").read_text(encoding="utf-8"))
BOILERPLATE = (
    "Trang chủ", "Liên hệ", "Đang truy cập", "Hôm nay", "Tất cả:", "Tổng lượt truy cập",
    "TRANG THÔNG TIN ĐIỆN TỬ", "Trưởng Ban Biên tập", "Các tin khác", "Những tin cũ hơn",
    "Tổng số điểm của bài viết", "Click để đánh giá", "A-", "Chia sẻ bài viết", "Kết quả giải quyết TTHC",
    "Liên kết website", "Tin mới", "Bản quyền",
)


def load(name: str) -> tuple[bytes, str]:
    return (PAGES / name).read_bytes(), URLS[name]


def source_of(url: str):
    """The article as the replica wrote it (same seed as the saved pages)."""
    r = build_replica(seed=0)
    site = r.site_for_host(url.split("/")[2])
    return next(a for a in site.articles if site.url(site.article_path(a)) == url)


@pytest.mark.parametrize("name", sorted(URLS))
def test_split_saved_page(name: str) -> None:
    html, url = load(name)
    article = source_of(url)
    parts = split_page(html, url)
    assert parts.title == article.title
    assert parts.published == article.published
    assert parts.platform == name.split("/")[0]
    paras = parts.body.split("\n\n")
    assert paras[0] == article.lead
    assert article.paragraphs[-1] in paras
    for text in BOILERPLATE:
        assert text not in parts.body, text
    if article.attachment:
        assert parts.attachments and parts.attachments[0].endswith(article.attachment)
        assert parts.attachments[0].startswith("http://")


def test_trang_widget_text_and_update_time() -> None:
    html, url = load("trang/thaihoc-figures.html")
    [widget] = split_page(html, url).widgets
    lines = widget.text.split("\n")
    assert lines[0] == "Kết quả giải quyết TTHC"
    assert lines[1].startswith("Đến tháng 06 đã giải quyết: ") and lines[1].endswith("%")
    assert lines[2].startswith("Số hồ sơ xử lý: ")
    assert "Trước & đúng hạn: " in widget.text and "Tỉ lệ trễ hạn: " in widget.text
    assert lines[-1] == "(Cập nhật lúc: 27/06/2025 04:09:32)"
    assert widget.updated == dt.datetime(2025, 6, 27, 4, 9, 32)
    assert widget.kind == "tthc_results"


def test_no_widget_on_site_without_box() -> None:
    html, url = load("trang/doanket-attachment.html")
    assert split_page(html, url).widgets == ()


def test_nukeviet_uses_machine_date_and_hometext() -> None:
    html, url = load("nukeviet/godau-figures.html")
    parts = split_page(html, url)
    assert parts.published is not None and parts.published.tzinfo is None
    assert "Tác giả" not in parts.body and "Thứ" not in parts.body.split("\n\n")[0][:4]


def test_every_replica_figure_number_lands_in_the_body() -> None:
    r = build_replica(seed=0)
    for url, figures in r.truth.items():
        parts = split_page(r.pages[url][2], url)
        widget_text = "\n".join(w.text for w in parts.widgets)
        for f in figures:
            where = parts.body if f["source"] == "article" else widget_text
            assert f["evidence"] in where, (url, f)


def test_extract_page_returns_page() -> None:
    html, url = load("trang/thaihoc-figures.html")
    page = extract_page(html, url=url)
    assert isinstance(page, Page)
    assert page.published == source_of(url).published.date()
    assert len(page.widgets) == 1
    assert all(f.source in ("article", "widget") for f in page.figures)
    assert extract_page(b"", published=dt.date(2024, 1, 2)).published == dt.date(2024, 1, 2)


@pytest.mark.parametrize(
    "html",
    [b"", b"   ", b"\x00\xff\xfe", "<p>chỉ một đoạn", b"<?xml version='1.0' encoding='utf-8'?><html><body><p>x</p></body></html>",
     (PAGES / "broken.html").read_bytes(), b"<html><body><div><div><div>" * 300],
)
def test_broken_input_never_raises(html: bytes | str) -> None:
    parts = split_page(html)
    assert isinstance(parts.body, str)
    extract_page(html)


def test_broken_page_keeps_its_text() -> None:
    parts = split_page((PAGES / "broken.html").read_bytes())
    assert "Đoạn một chưa đóng thẻ" in parts.body and "Trang chủ" not in parts.body
    assert "Đoạn hai đậm nghiêng lẫn lộn" in parts.body.replace("\n\n", " ")


def test_decoding_fallbacks() -> None:
    text = "Xã Thái Học tiếp nhận 397 hồ sơ"
    assert decode_html(text.encode("utf-8")) == text
    cp = unicodedata.normalize("NFD", "<meta charset='windows-1258'><p>Thái Học</p>").encode("cp1258")
    assert "Thái Học" in decode_html(cp)
    assert "Thái Học" in decode_html(cp.replace(b"windows-1258", b"x"))  # no usable charset
    assert decode_html(b"\x81\xff caf\xe9")  # undecodable bytes still give text


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<div class="asset-full-content"><h1>T</h1><p>Đăng lúc: 17:00:00 02/01/2024 (GMT+7)</p>'
         '<div class="asset-content"><p>Nội dung bài.</p></div></div>', dt.datetime(2024, 1, 2, 17, 0)),
        ('<article><h1 class="entry-title">T</h1><time class="entry-date published" '
         'datetime="2023-05-04T08:30:00+07:00">4 Tháng 5</time><div class="entry-content"><p>Bài.</p></div></article>',
         dt.datetime(2023, 5, 4, 8, 30)),
        ('<div><h1 class="tandan-p-article-news-title">T</h1><span class="tandan-span-date-publish">'
         'Đăng ngày 17 - 05 - 2024</span><div class="tandan-p-article-main"><p>Bài.</p></div></div>',
         dt.datetime(2024, 5, 17)),
        ('<html><head><meta property="article:published_time" content="2022-03-01T10:00:00+07:00"></head>'
         '<body><h1>T</h1><p>Bài viết.</p></body></html>', dt.datetime(2022, 3, 1, 10, 0)),
    ],
)
def test_dates_of_other_platforms(html: str, expected: dt.datetime) -> None:
    parts = split_page(html)
    assert parts.published == expected
    assert parts.title == "T"


#: Saved pages of the platforms without a platform branch in split_page (unknown CMS:
#: trafilatura + htmldate) or with vendor markup only (portal/Pages, SharePoint Lists).
OTHER_URLS = json.loads((PAGES / "urls_other.json").read_text(encoding="utf-8"))
OTHER_BOILERPLATE = ("Tin mới nhất", "Lượt truy cập", "Chia sẻ bài viết", "Lượt xem",
                     "Skip Ribbon", "Trang chủ", "Liên hệ", "Ngày đăng", "Đăng ngày")


@pytest.mark.parametrize("name", sorted(OTHER_URLS))
def test_split_saved_page_of_other_platforms(name: str) -> None:
    url = OTHER_URLS[name]
    article = source_of(url)
    parts = split_page((PAGES / name).read_bytes(), url)
    assert parts.title == article.title  # no " | Site name" tail
    assert parts.published is not None and parts.published.date() == article.published.date()
    if "meta-date" in name or "text-date" in name:  # the time too, from markup or text
        assert parts.published == article.published.replace(second=parts.published.second)
    paras = parts.body.split("\n\n")
    assert paras[0] == article.lead
    assert article.paragraphs[-1] in paras
    for text in OTHER_BOILERPLATE:
        assert text not in parts.body, text
    if article.attachment:
        assert parts.attachments and parts.attachments[0].endswith(article.attachment)
