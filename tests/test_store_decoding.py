"""store/decoding.py: page bytes -> Unicode NFC, whatever the page declared.

Examples are our own sentences, written in Unicode and encoded the way old portals did:
TCVN3 (ABC, `.VnTime` fonts), VNI (`VNI-Times`), windows-1258 with combining tone marks,
and UTF-8 sent under an iso-8859-1 label. The legacy encoders here reverse viparse's
tables; the well-known national motto in each legacy form is checked independently.
"""

from __future__ import annotations

import unicodedata

import pytest
from viparse.normalize.encodings import CHARMAPS

import extract
from replica.faults import to_cp1258
from store.decoding import decode_page, mojibake_share

SENTENCES = (
    "Trong quý I năm 2024, bộ phận một cửa xã đã tiếp nhận 412 hồ sơ, giải quyết đúng hạn "
    "405 hồ sơ, trễ hạn 7 hồ sơ.",
    "Ủy ban nhân dân phường Đông Hương đẩy mạnh cải cách thủ tục hành chính, ứng dụng "
    "dịch vụ công trực tuyến mức độ 4 cho người dân.",
    "Kết quả giải quyết hồ sơ năm 2023: tỷ lệ trước và đúng hạn đạt 98,5%; không có hồ sơ "
    "quá hạn; người dân hài lòng với thái độ phục vụ của công chức.",
)


def legacy_bytes(text: str, encoding: str) -> bytes:
    """`text` as an old font-encoded page stored it (reverse of the legacy table)."""
    reverse: dict[str, str] = {}
    for legacy, uni in CHARMAPS[encoding].pairs:
        reverse.setdefault(unicodedata.normalize("NFC", uni), legacy)
    nfc = unicodedata.normalize("NFC", text)
    if encoding == "tcvn3":  # TCVN3 has no toned capitals: .VnTimeH drew lowercase bytes big
        nfc = "".join(ch if ch in reverse else ch.lower() if ch.lower() in reverse else ch
                      for ch in nfc)
    return "".join(reverse.get(ch, ch) for ch in nfc).encode("cp1252")


def page(body: str, font: str | None = None) -> str:
    style = f' style="font-family: {font}"' if font else ""
    return f"<html><head><title>Tin</title></head><body><div{style}><p>{body}</p></div></body></html>"


def legacy_page(encoding: str, font: str | None) -> bytes:
    html = page(" ".join(SENTENCES), font)
    head, _, tail = html.partition("<p>")
    body, _, end = tail.partition("</p>")
    return head.encode() + b"<p>" + legacy_bytes(body, encoding) + b"</p>" + end.encode()


def folded(text: str) -> str:
    """Case-folded: TCVN3 pages lose the case of toned capitals (a font matter)."""
    return unicodedata.normalize("NFC", text).lower()


@pytest.mark.parametrize(("encoding", "font"), [
    ("tcvn3", ".VnTime"), ("tcvn3", None), ("vni", "VNI-Times"), ("vni", None),
])
def test_legacy_font_page_is_detected_and_converted(encoding: str, font: str | None) -> None:
    raw = legacy_page(encoding, font)
    decoded = decode_page(raw, "text/html; charset=iso-8859-1")
    assert decoded.encoding == encoding and "legacy" in decoded.note
    assert unicodedata.is_normalized("NFC", decoded.text)
    for sentence in SENTENCES:
        expected = sentence if encoding == "vni" else folded(sentence)
        assert expected in (decoded.text if encoding == "vni" else folded(decoded.text))


def test_legacy_page_gives_its_figures() -> None:
    decoded = decode_page(legacy_page("tcvn3", ".VnTime"), "text/html")
    figures = {(f.metric, f.value) for f in extract.extract_page(decoded.text).figures}
    assert {("received", 412), ("late", 7)} <= figures


@pytest.mark.parametrize(("surface", "unicode_text"), [
    # the national motto as TCVN3 and VNI documents carry it
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
])
def test_known_legacy_strings(surface: str, unicode_text: str) -> None:
    raw = page(surface + ". " + surface + ".").encode("cp1252")
    assert unicode_text in decode_page(raw, "text/html; charset=windows-1252").text


@pytest.mark.parametrize("content_type", [
    "text/html; charset=windows-1258", "text/html", "text/html; charset=utf-8",
    "text/html; charset=iso-8859-1",
])
def test_windows_1258_with_combining_marks_becomes_nfc(content_type: str) -> None:
    text = " ".join(SENTENCES)
    raw = to_cp1258(page(text))
    assert "\u0301".encode("cp1258") in raw  # tone marks really are combining
    decoded = decode_page(raw, content_type)
    assert decoded.encoding == "cp1258"
    assert text in decoded.text and unicodedata.is_normalized("NFC", decoded.text)


def test_utf8_bytes_under_an_iso_8859_1_label_read_as_utf8() -> None:
    raw = page(SENTENCES[0]).encode()
    wrong = raw.decode("latin-1")
    assert mojibake_share(wrong) > 0.05  # what the label would give
    decoded = decode_page(raw.replace(b"<head>", b'<head><meta charset="iso-8859-1">'),
                          "text/html; charset=ISO-8859-1")
    assert SENTENCES[0] in decoded.text
    assert decoded.note == "declared iso8859-1, bytes are UTF-8"
    assert mojibake_share(decoded.text) == 0


@pytest.mark.parametrize("text", [
    SENTENCES[1],
    # Unicode pages with latin-1 symbols a legacy table would misread
    "© 2024 UBND xã Tân Hồng. Liều 5 µg; nhiệt độ 30 °C; giá ½ suất.",
    # not Vietnamese at all
    "Café con leche, señor: el niño comió piñata en Málaga.",
])
def test_unicode_and_foreign_pages_are_left_alone(text: str) -> None:
    for raw, ctype in ((page(text).encode(), "text/html; charset=utf-8"),
                       (page(text).encode("utf-8"), None)):
        decoded = decode_page(raw, ctype)
        assert text in decoded.text and decoded.encoding == "utf-8" and not decoded.note
    if text.isascii() or all(ord(c) < 256 for c in text):
        decoded = decode_page(page(text).encode("latin-1"), "text/html; charset=iso-8859-1")
        assert text in decoded.text


@pytest.mark.parametrize(("encoding", "font"), [("tcvn3", ".VnTime"), ("vni", "VNI-Times")])
def test_legacy_text_pasted_into_a_unicode_page_is_converted_alone(encoding: str,
                                                                   font: str) -> None:
    legacy = legacy_bytes(SENTENCES[0], encoding).decode("cp1252")  # as pasted: characters
    html = (f"<html><body><h1>{SENTENCES[1]}</h1><p><font face=\"{font}\">{legacy}</font>"
            f"</p><p style=\"font-family: Arial\">{SENTENCES[2]}</p></body></html>")
    decoded = decode_page(html.encode(), "text/html; charset=utf-8")
    assert decoded.encoding == "utf-8" and "legacy fonts" in decoded.note
    text = folded(decoded.text) if encoding == "tcvn3" else decoded.text
    assert (folded(SENTENCES[0]) if encoding == "tcvn3" else SENTENCES[0]) in text
    assert SENTENCES[1] in decoded.text and SENTENCES[2] in decoded.text
