"""Raw page bytes -> Unicode NFC text, whatever the page declared (pure, no I/O).

Used by the crawler (to read a page right and to spot soft failures) and by `cchc extract`
(to re-decode stored pages offline), so it lives in `store/`, below both; `extract/`
receives text it never has to guess about.

The order of evidence:

1. a byte-order mark;
2. bytes that are valid UTF-8 with non-ASCII in them are UTF-8, whatever the header or
   `<meta>` says (a page declaring iso-8859-1 but sending UTF-8 would read as mojibake);
3. a legacy Vietnamese font encoding, TCVN3 (ABC, `.VnTime` fonts) or VNI (`VNI-Times`),
   found per page by its glyph statistics (and its font names) and converted to Unicode
   with viparse's tables; in a Unicode page, the text set in a legacy font (old text pasted
   into a new portal) is converted on its own;
4. the declared charset (HTTP header, then `<meta>`), windows-1258 or windows-1252: of
   those that decode, the one whose text reads most like Vietnamese;

and the result is always NFC, so windows-1258's combining tone marks become the
precomposed letters Unicode text uses.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

import lxml.html
from lxml import etree
from viparse.normalize.detector import detect_encoding, detect_encoding_by_content
from viparse.normalize.encodings import AUTO_DETECT_CHARMAPS, CHARMAPS
from viparse.normalize.frequency import vietnamese_score
from viparse.normalize.tables import convert

HEADER_CHARSET_RE = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
FONT_RE = re.compile(r"""(?:face\s*=\s*["']?|font-family\s*:\s*["']?)([^"';,>]+)""", re.I)
LEGACY_FONT_RE = re.compile(r"""(?:face\s*=\s*["']?|font-family\s*:\s*["']?)\s*(?:\.vn|vni)""",
                            re.I)
TAG_RE = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.I | re.S)
#: Letters only Unicode Vietnamese text has (no single-byte code page holds them): a page
#: containing them is already Unicode, never legacy.
UNICODE_ONLY = frozenset(
    "ăđơưĂĐƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
    "ẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸĩũĨŨ")
assert all(ord(ch) > 0xFF for ch in UNICODE_ONLY)
#: How UTF-8 Vietnamese reads when decoded as latin-1/cp1252 ("Ä‘", "áº¿", "Æ°" …).
MOJIBAKE_RE = re.compile("[ÃÄÆáâ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
                         "\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]")
SINGLE_BYTE_FALLBACKS = ("cp1258", "cp1252")


@dataclass(frozen=True, slots=True)
class Decoded:
    """A decoded page: its text (NFC), the encoding read, and what contradicted the page's
    own declaration (empty when nothing did)."""

    text: str
    encoding: str
    declared: str | None
    note: str = ""
    #: True when (some of) the text was in a legacy font encoding and was converted: the
    #: bytes then read differently from the text, whatever charset one decodes them with.
    legacy: bool = False


def declared_charset(content_type: str | None, body: bytes) -> str | None:
    """The charset the page declares: the HTTP header's, else its `<meta>`'s (normalised)."""
    m = HEADER_CHARSET_RE.search(content_type or "")
    raw = m.group(1) if m else None
    if raw is None:
        meta = META_CHARSET_RE.search(body[:4096])
        raw = meta.group(1).decode("ascii", "ignore") if meta else None
    return _codec(raw)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def visible_text(html: str) -> str:
    """The text of a page without tags, scripts and styles (for statistics only)."""
    return " ".join(TAG_RE.sub(" ", html).split())


def legacy_encoding(surface: str) -> str | None:
    """"tcvn3" or "vni" when `surface` (a page read byte for byte as cp1252) is written in
    that legacy font encoding, else None. Text holding a Unicode-only Vietnamese letter is
    never legacy; the page's font names decide first, then its glyph statistics."""
    text = visible_text(surface)
    if not text or any(ch in UNICODE_ONLY for ch in text) or text.isascii():
        return None
    fonts = detect_encoding(FONT_RE.findall(surface))
    if fonts.encoding in CHARMAPS:
        return fonts.encoding
    by_glyphs = detect_encoding_by_content(text, AUTO_DETECT_CHARMAPS)
    return by_glyphs.encoding if by_glyphs.encoding in ("tcvn3", "vni") else None


#: cp1252 byte -> character, with latin-1 for the five bytes cp1252 leaves undefined.
SURFACE_MAP = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b)
                      for b in range(256))


def _surface(body: bytes) -> str:
    """Each byte as the character a legacy font page shows for it."""
    return codecs.charmap_decode(body, "strict", SURFACE_MAP)[0]


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def decode_page(body: bytes, content_type: str | None = None) -> Decoded:
    """`body` as NFC text (see the module docstring for the order of evidence)."""
    declared = declared_charset(content_type, body)
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if body.startswith(bom):
            return Decoded(_nfc(body.decode(codec, errors="replace").lstrip("\ufeff")),
                           codec, declared)
    utf8 = _utf8(body)
    if utf8 is not None and not body.isascii():
        legacy = legacy_encoding(utf8)
        if legacy:
            return Decoded(convert(utf8, CHARMAPS[legacy]), legacy, declared,
                           f"legacy {legacy} font encoding converted to Unicode", legacy=True)
        runs = convert_legacy_runs(utf8)
        if runs is not None:
            return Decoded(runs, "utf-8", declared, "text in legacy fonts converted to Unicode",
                           legacy=True)
        note = "" if declared in (None, "utf-8") else f"declared {declared}, bytes are UTF-8"
        return Decoded(_nfc(utf8), "utf-8", declared, note)
    if utf8 is not None:
        return Decoded(utf8, "ascii", declared)
    surface = _surface(body)
    legacy = legacy_encoding(surface)
    if legacy:
        return Decoded(convert(surface, CHARMAPS[legacy]), legacy, declared,
                       f"legacy {legacy} font encoding converted to Unicode", legacy=True)
    return _single_byte(body, declared)


FAMILY_RE = re.compile(r"font-family\s*:\s*([^;]+)", re.I)


def _font_encoding(el: etree._Element) -> str | None | bool:
    """The legacy encoding an element's own fonts name, None for other fonts, False when it
    names no font (it inherits its parent's)."""
    names = el.get("face", "").split(",")
    family = FAMILY_RE.search(el.get("style", ""))
    if family:
        names += family.group(1).split(",")
    names = [n.strip().strip("'\"") for n in names if n.strip().strip("'\"")]
    if not names:
        return False
    encoding = detect_encoding(names).encoding
    return encoding if encoding in CHARMAPS else None


def convert_legacy_runs(html: str) -> str | None:
    """`html` with the text set in a legacy font (`<font face=".VnTime">`, `style="font-
    family: VNI-Times"`) converted to Unicode; None when it has no such text. Text that
    already holds a Unicode-only Vietnamese letter is never touched."""
    if not LEGACY_FONT_RE.search(html):
        return None
    try:
        tree = lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError):
        return None
    changed = False

    def font_of(el: etree._Element | None) -> str | None:
        while el is not None:
            found = _font_encoding(el) if isinstance(el.tag, str) else False
            if found is not False:
                return found  # type: ignore[return-value]
            el = el.getparent()
        return None

    def fixed(text: str | None, encoding: str | None) -> str | None:
        nonlocal changed
        if not text or not encoding or text.isascii() or any(c in UNICODE_ONLY for c in text):
            return text
        changed = True
        return convert(text, CHARMAPS[encoding])

    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        el.text = fixed(el.text, font_of(el))
        el.tail = fixed(el.tail, font_of(el.getparent()))
    if not changed:
        return None
    return _nfc(lxml.html.tostring(tree, encoding="unicode"))


def _utf8(body: bytes) -> str | None:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _single_byte(body: bytes, declared: str | None) -> Decoded:
    """Of the declared charset and the Vietnamese code pages, the reading that looks most
    like Vietnamese (the declared one wins ties)."""
    best: tuple[float, str, str] | None = None
    for codec in dict.fromkeys([c for c in (declared,) if c and c != "utf-8"]
                               + list(SINGLE_BYTE_FALLBACKS)):
        try:
            text = _nfc(body.decode(codec))
        except (UnicodeDecodeError, LookupError):
            continue
        score = vietnamese_score(visible_text(text))
        if best is None or score > best[0] + 1e-9:
            best = (score, codec, text)
    if best is None:
        text = _nfc(body.decode("cp1258", errors="replace"))
        return Decoded(text, "cp1258", declared, "undecodable bytes replaced")
    _, codec, text = best
    note = "" if declared in (None, codec) else f"declared {declared}, bytes read as {codec}"
    return Decoded(text, codec, declared, note)


def mojibake_share(text: str) -> float:
    """Share of the letters of `text` that are UTF-8 read as a single-byte code page."""
    letters = sum(1 for ch in text if ch.isalpha())
    return 2 * len(MOJIBAKE_RE.findall(text)) / letters if letters else 0.0
