"""Article dates in the visible formats of real portals (portals.md §8) and bodies read by
platform rules or trafilatura, on page markup of our own invention. A page without a date
of its own gets none, even beside a list of dated articles."""

from __future__ import annotations

import datetime as dt

import pytest

from extract.html import split_page

TITLE = "Hội nghị triển khai công tác cải cách hành chính năm 2024"
BODY = (
    "<p>Sáng nay, Ủy ban nhân dân xã tổ chức hội nghị triển khai kế hoạch cải cách hành chính "
    "năm 2024 với sự tham dự của cán bộ, công chức và trưởng các thôn trên địa bàn.</p>"
    "<p>Hội nghị đã quán triệt các nhiệm vụ trọng tâm, trong đó có việc đẩy mạnh tiếp nhận hồ "
    "sơ trực tuyến và số hóa kết quả giải quyết thủ tục hành chính tại bộ phận một cửa.</p>"
)
OTHERS = ('<div class="cung-muc"><div>Tin khác</div><ul>'
          '<li><a href="/a">Giải bóng đá thanh niên xã năm 2024 khai mạc</a> (03/03/2023)</li>'
          '<li><a href="/b">Ra quân tổng vệ sinh môi trường các thôn</a> (01/02/2023)</li></ul></div>')


def article(meta: str = "", line: str = "", body: str = BODY) -> str:
    return (f'<html><head><meta charset="utf-8">{meta}<title>{TITLE} | Xã An Lạc</title></head>'
            f'<body><div class="khung"><div class="tieu-de">{TITLE}</div>{line}'
            f'<div class="noi-dung">{body}</div></div>{OTHERS}</body></html>')


@pytest.mark.parametrize(("meta", "line", "published"), [
    ("", "<div>Đăng ngày 17 - 05 - 2024</div>", dt.datetime(2024, 5, 17)),
    ("", "<div>Đăng lúc: 17:00:00 02/01/2024 (GMT+7)</div>", dt.datetime(2024, 1, 2, 17, 0)),
    ("", "<span>Thứ năm - 12/05/2016 16:00</span>", dt.datetime(2016, 5, 12, 16, 0)),
    ("", "<span>13/04/2022 12:00:00</span>", dt.datetime(2022, 4, 13, 12, 0)),
    ("", "<em>(21/09/2022)</em>", dt.datetime(2022, 9, 21)),
    ("", '<time datetime="2024-05-17T08:00:00+07:00">17 tháng 5</time>', dt.datetime(2024, 5, 17, 8, 0)),
    ('<meta property="article:published_time" content="2023-11-02T09:30:00+07:00">', "",
     dt.datetime(2023, 11, 2, 9, 30)),
    ("", "", None),  # no date of its own: none, not one of the "Tin khác" dates
])
def test_article_dates(meta: str, line: str, published: dt.datetime | None) -> None:
    parts = split_page(article(meta, line), "http://anlac.gov.vn/tin/hoi-nghi-1")
    assert parts.published == published
    assert parts.title == TITLE
    assert "Tin khác" not in parts.body and "bóng đá" not in parts.body


def test_unknown_markup_body_is_trafilaturas() -> None:
    parts = split_page(article(line="<div>Đăng ngày 17 - 05 - 2024</div>"), "http://anlac.gov.vn/tin/1")
    assert parts.body_source == "trafilatura"
    assert parts.body.startswith("Sáng nay, Ủy ban nhân dân xã") and "số hóa kết quả" in parts.body


def test_platform_body_first_unless_much_shorter() -> None:
    """A platform body rule that finds the whole text wins; one that holds only the lead of a
    text whose paragraphs sit beside it loses to trafilatura's reading."""
    whole = article(body=f'<div class="bodytext">{BODY}</div>')
    assert split_page(whole, "http://anlac.gov.vn/tin/1").body_source == "platform"
    lead_only = article(body=f'<div class="bodytext"><p>Sáng nay xã tổ chức hội nghị.</p></div>{BODY}')
    parts = split_page(lead_only, "http://anlac.gov.vn/tin/1")
    assert parts.body_source == "trafilatura"
    assert "số hóa kết quả" in parts.body


def test_no_body_no_source() -> None:
    parts = split_page("")
    assert (parts.body, parts.body_source) == ("", None)


LEAD = "Hơn 99% hồ sơ của xã được giải quyết đúng hạn và trước hạn trong năm."


def banner_page(title_markup: str) -> str:
    """The site's name in an h1 banner; the article's title in markup nobody listed, named by
    the page's <title>; a lead between it and the body."""
    return (f'<html><head><meta charset="utf-8"><title>{TITLE} - Xã An Lạc</title></head><body>'
            f'<div class="dau-trang"><h1>CỔNG THÔNG TIN ĐIỆN TỬ XÃ AN LẠC HUYỆN KIẾN XƯƠNG</h1></div>'
            f'<div class="giua">{title_markup}<div class="ngay">Ngày đăng: 14/11/2024</div>'
            f'<div class="tom-tat">{LEAD}</div><div class="noi-dung">{BODY}</div></div></body></html>')


@pytest.mark.parametrize("title_markup", [
    f'<div id="tieuDe3">{TITLE}</div>',
    f'<table><tr><td class="o-tieu-de"><strong>{TITLE}</strong></td></tr></table>',
])
def test_title_named_by_the_page_title_then_date_and_lead(title_markup: str) -> None:
    parts = split_page(banner_page(title_markup), "http://anlac.gov.vn/tin/hoi-nghi-1")
    assert parts.title == TITLE
    assert parts.published == dt.datetime(2024, 11, 14)
    assert parts.body.startswith(LEAD) and "số hóa kết quả" in parts.body
    assert "CỔNG THÔNG TIN" not in parts.body


def test_a_layout_tables_list_of_other_articles_is_no_body() -> None:
    """A cell "Các tin khác: - <headline> (date) - …" beside the text: mostly link text."""
    others = " ".join(f'- <a href="/tin/{i}">{t}</a> ({d})' for i, (t, d) in enumerate([
        ("Kế hoạch cải cách hành chính năm 2024 của xã", "19/10/2024"),
        ("Kiểm tra công tác một cửa tại xã An Lạc", "09/09/2024"),
        ("Đẩy mạnh dịch vụ công trực tuyến trên địa bàn", "14/05/2024")]))
    html = (f'<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body><table><tr>'
            f'<td><div class="tieu-de">{TITLE}</div><div>Ngày 17/05/2024</div>{BODY}'
            f'<div>Các tin khác: {others}</div></td></tr></table></body></html>')
    parts = split_page(html, "http://anlac.gov.vn/tin/hoi-nghi-1")
    assert "số hóa kết quả" in parts.body
    assert "Kiểm tra công tác một cửa" not in parts.body and "Các tin khác" not in parts.body
