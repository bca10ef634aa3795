"""A publication date is one the page writes: never a date a library guessed from an
impossible one ("31/02/2024 25:61" is no date, not 2024-02-01)."""

from __future__ import annotations

import datetime as dt

import pytest

from extract.generic import shown_on_page
from extract.html import split_page

BODY = ("<p>Trong quý I năm 2024, xã đã tiếp nhận 336 hồ sơ, trả kết quả 330 hồ sơ đúng "
        "hạn, không có hồ sơ trễ hạn. Bộ phận một cửa tiếp tục cải cách thủ tục.</p>"
        "<p>Người dân hài lòng với cán bộ một cửa của xã trong quý vừa qua.</p>")


def generic_page(date_line: str) -> bytes:
    return (f"<html><head><title>Kết quả CCHC quý I | Xã A</title></head><body>"
            f"<div class='content'><h1>Kết quả CCHC quý I</h1><div class='date'>{date_line}"
            f"</div>{BODY}</div></body></html>").encode()


@pytest.mark.parametrize(("line", "published"), [
    ("Ngày đăng: 31/02/2024 25:61", None),
    ("Ngày đăng: 30/13/2024", None),
    ("Ngày đăng: 15/02/2024 08:30", dt.date(2024, 2, 15)),
    ("Ngày đăng: 05-03-2024", dt.date(2024, 3, 5)),
    ("Quý I năm 2024", None),  # htmldate guesses 2024-01-01 from the year: not written
    ("Ngày 03 tháng 12 năm 2026", dt.date(2026, 12, 3)),  # a date in words
    ("03 tháng 12, 2026", dt.date(2026, 12, 3)),
    ("Cập nhật: 03.12.2026 08:15", dt.date(2026, 12, 3)),  # dotted, as a whole date only
])
def test_generic_page_date_is_written_or_none(line: str, published: dt.date | None) -> None:
    parts = split_page(generic_page(line), "http://a.gov.vn/tin/ket-qua-cchc.html")
    assert (parts.published.date() if parts.published else None) == published


@pytest.mark.parametrize(("text", "shown"), [
    ("Ngày 31/02/2024", False), ("ngày 01/02/2024", True), ("2024-02-01T08:00", True),
    ("ngày 1 tháng 2 năm 2024", True), ("Thu, 01 Feb 2024 08:00:00 GMT", True),
    ("tháng 02/2024", False),
])
def test_shown_on_page(text: str, shown: bool) -> None:
    assert shown_on_page(dt.datetime(2024, 2, 1), text) is shown


def test_a_date_printed_on_the_titles_line() -> None:
    """"<headline> (03-12-2026)" in one element: the date after the title is the page's."""
    title = "Kết quả giải quyết thủ tục hành chính quý III năm 2026 tại huyện Chợ Gạo"
    html = (f"<html><head><title>{title}</title></head><body><div class='x'><div class='t'>{title} <span>(03-12-2026)</span></div>"
            f"<div class='n'>{BODY}</div></div></body></html>").encode()
    parts = split_page(html, "http://a.gov.vn/?m=newsdetail&q=72&id=3311")
    assert parts.published is not None and parts.published.date() == dt.date(2026, 12, 3)


def test_a_view_counter_in_a_layout_cell_is_not_read_as_a_figure() -> None:
    """A table layout's cell read as one line: title, "Ngày đăng … | Lượt xem: 211", lead."""
    from extract import extract_page

    title = "Phường A: tình hình tiếp nhận, giải quyết hồ sơ tháng 9/2026"
    html = (f"<html><body><table><tr><td><h2>{title}</h2><div>Ngày đăng: 10/10/2026 14:26 | "
            "Lượt xem: 211</div><p>Trong tháng 9/2026, công tác giải quyết thủ tục hành chính "
            "được thực hiện đúng quy trình.</p><div><div>Tháng 9/2026, phường tiếp nhận mới 125 hồ "
            "sơ. Đã trả kết quả 125 hồ sơ đúng hạn.</div></div></td></tr></table></body></html>")
    values = {f.value for f in extract_page(html).figures}
    assert 211 not in values and 125 in values
