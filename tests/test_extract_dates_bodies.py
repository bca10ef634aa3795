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
