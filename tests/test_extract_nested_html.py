"""Deeply nested legacy HTML: libxml2 stops building the tree at depth 255, so a page
with ~130 unclosed <font> tags (FrontPage-era portals) used to lose everything after
that point without a word. Nothing after the nesting may be lost."""

from __future__ import annotations

import pytest

from extract import extract_page
from extract.html import split_page

LEAD = "Trong quý I năm 2024, bộ phận một cửa xã đã tiếp nhận 412 hồ sơ."
TAIL = "Kết quả: giải quyết đúng hạn 405 hồ sơ, trễ hạn 7 hồ sơ."


def nested_page(unclosed: int, tag: str = '<font face="Times New Roman" size="3">') -> str:
    body = "".join(f"{tag}<span>Dòng {i}. " for i in range(unclosed))
    return (f"<html><head><title>Kết quả CCHC quý I</title></head><body>"
            f'<div class="entry-content"><p>{LEAD}</p>{body}<p>{TAIL}</p></div>'
            f"<div class='footer'>UBND xã</div></body></html>")


@pytest.mark.parametrize("unclosed", [130, 600, 3000])
def test_text_after_deep_unclosed_tags_is_kept(unclosed: int) -> None:
    parts = split_page(nested_page(unclosed), "http://a.gov.vn/tin/1.html")
    assert LEAD in parts.body and TAIL in parts.body
    assert f"Dòng {unclosed - 1}." in parts.body


def test_figures_after_deep_nesting_are_read() -> None:
    figures = {(f.metric, f.value) for f in extract_page(nested_page(130)).figures}
    assert {("received", 412), ("late", 7)} <= figures


def test_deep_block_nesting_is_kept_too() -> None:
    html = nested_page(400, tag='<div class="x">')
    assert TAIL in split_page(html, "http://a.gov.vn/tin/2.html").body
