"""Statistics boxes found by their heading text in any markup (tests/pages/boxes/, our own
markup): a table with a caption, dl/dt/dd, spans in list items with the rate above its
label, a heading loose in a column of other blocks; and pages whose titles only look like
a box heading."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extract import extract_boxes, extract_page
from extract.boxes import is_heading, value_lines

PAGES = Path(__file__).parent / "pages" / "boxes"
URL = "http://anlac.kienxuong.thaibinh.gov.vn/"

# (page, expected widget figures (metric, value, period), the box's update time)
BOXES = [
    ("table-box.html",
     [("received", 1204, "2025-01..2025-06"), ("resolved", 1180, "2025-01..2025-06"),
      ("early_or_on_time", 1172, "2025-01..2025-06"), ("late", 8, "2025-01..2025-06")],
     dt.datetime(2025, 6, 30)),
    ("dl-box.html",
     [("resolved", 812, "2025-01..2025-06"), ("early_or_on_time", 809, "2025-01..2025-06"),
      ("late", 3, "2025-01..2025-06"), ("late_rate", 0.4, "2025-01..2025-06")],
     dt.datetime(2025, 6, 28, 7, 15)),
    ("spans-box.html",
     [("early_or_on_time_rate", 99.6, "2025-01..2025-05"), ("resolved", 520, "2025-01..2025-05"),
      ("early_or_on_time", 518, "2025-01..2025-05"), ("late", 2, "2025-01..2025-05")],
     dt.datetime(2025, 5, 31)),
    ("loose-heading-box.html",
     [("early_or_on_time_rate", 100, "2025-01..2025-06"), ("resolved", 97, "2025-01..2025-06"),
      ("early_or_on_time", 97, "2025-01..2025-06"), ("late", 0, "2025-01..2025-06")],
     dt.datetime(2025, 6, 26, 16, 40)),
]


@pytest.mark.parametrize(("name", "figures", "updated"), BOXES)
def test_box_found_by_its_heading_in_any_markup(name: str, figures: list, updated: dt.datetime) -> None:
    html = (PAGES / name).read_bytes()
    page = extract_page(html, url=URL)
    [box] = page.widgets
    assert box.updated == updated
    got = [(f.metric, f.value, f.period) for f in page.figures if f.source == "widget"]
    assert got == figures
    assert not [f for f in page.figures if f.source == "article"]  # the box left the body
    assert "truy cập" not in box.text and "Liên kết" not in box.text  # counters, other blocks
    boxes = extract_boxes(html, url=URL)  # a home or listing page: only its boxes
    assert [(f.metric, f.value) for f in boxes.figures] == [(m, v) for m, v, _ in figures]


def test_titles_that_look_like_box_headings_are_not_boxes() -> None:
    """An article titled "Kết quả giải quyết thủ tục hành chính quý I" and a "Tin khác" list
    of such titles: no box, and the article's figures stay article figures."""
    page = extract_page((PAGES / "not-a-box.html").read_bytes(), url=URL + "tin/1")
    assert page.widgets == ()
    assert {(f.metric, f.value) for f in page.figures} == {
        ("received", 336), ("resolved", 330), ("early_or_on_time", 328), ("late", 2)}


@pytest.mark.parametrize(("text", "heading"), [
    ("Kết quả giải quyết TTHC", True),
    ("KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", True),
    ("Tình hình giải quyết hồ sơ", True),
    ("Thống kê hồ sơ", True),
    ("Tình hình tiếp nhận và giải quyết hồ sơ TTHC", True),
    ("Ket qua xu ly ho so", True),
    ("Thống kê truy cập", False),
    ("Kết quả giải quyết thủ tục hành chính năm 2024 của xã Thái Học, huyện Bình Giang", False),
    ("Tin tức - Sự kiện", False),
])
def test_box_headings(text: str, heading: bool) -> None:
    assert is_heading(text) is heading


@pytest.mark.parametrize(("lines", "expected"), [
    (["Đến tháng 06 đã giải quyết:", "99.8%"], ["Đến tháng 06 đã giải quyết: 99.8%"]),
    (["Số hồ sơ xử lý", "498"], ["Số hồ sơ xử lý: 498"]),
    (["Trễ hạn | 1"], ["Trễ hạn: 1"]),
    (["Trễ hạn 1"], ["Trễ hạn: 1"]),
    (["99,6 %", "Đến tháng 5 đã giải quyết", "Số hồ sơ xử lý", "520"],
     ["Đến tháng 5 đã giải quyết: 99,6 %", "Số hồ sơ xử lý: 520"]),
    (["498 hồ sơ đã xử lý"], ["hồ sơ đã xử lý: 498"]),
    (["( Cập nhật lúc:27/06/2025 04:09:32)"], ["( Cập nhật lúc:27/06/2025 04:09:32)"]),
    (["Kết quả giải quyết TTHC năm 2024", "Hồ sơ tiếp nhận", "3.215"],  # a year is no value
     ["Kết quả giải quyết TTHC năm 2024", "Hồ sơ tiếp nhận: 3.215"]),
    (["Số liệu tháng 10/2024", "Đã giải quyết: 85"], ["Số liệu tháng 10/2024", "Đã giải quyết: 85"]),
    (["Tiếp nhận | Đã giải quyết | Trễ hạn", "1.234 | 1.200 | 3"],  # labels over their values
     ["Tiếp nhận: 1.234", "Đã giải quyết: 1.200", "Trễ hạn: 3"]),
])
def test_box_lines_become_label_value_lines(lines: list[str], expected: list[str]) -> None:
    assert value_lines(lines) == expected


def test_a_table_box_whose_label_cells_end_in_a_colon() -> None:
    """"Tiếp nhận:" | "1.234": the cell's colon is the separator, not part of the label."""
    html = ("<html><body><table width='100%'><tr><th colspan='2'>Tình hình xử lý hồ sơ năm 2026</th></tr>"
            "<tr><td>Hồ sơ đã tiếp nhận:</td><td><b>7.483</b></td></tr>"
            "<tr><td>Đã trả kết quả:</td><td><b>7.442</b></td></tr>"
            "<tr><td>Đúng hạn & trước hạn:</td><td><b>7.435</b></td></tr>"
            "<tr><td>Trễ hạn:</td><td><b>7</b></td></tr></table></body></html>")
    got = {(f.metric, f.value) for f in extract_page(html).figures if f.source == "widget"}
    assert got >= {("received", 7483), ("resolved", 7442), ("early_or_on_time", 7435), ("late", 7)}


def test_a_caption_after_the_values_dates_the_whole_box() -> None:
    """"Tháng 10 năm 2024" under the list is the box's period, not the last value's label."""
    html = ("<html><body><div class='cot-phai'><h4>Kết quả giải quyết thủ tục hành chính</h4><ul>"
            "<li>Tổng số hồ sơ tiếp nhận: 87</li><li>Số hồ sơ đã giải quyết: 85</li>"
            "<li>Trễ hạn: 1</li><li>Đang giải quyết: 2</li></ul>"
            "<p class='ghi-chu'>Tháng 10 năm 2024</p></div></body></html>")
    boxes = extract_boxes(html, url=URL)
    assert [(f.metric, f.value, f.period) for f in boxes.figures] == [
        ("received", 87, "2024-10"), ("resolved", 85, "2024-10"), ("late", 1, "2024-10"),
        ("pending", 2, "2024-10")]
