"""Text hygiene on a working copy, with an offset map back to the original text.

The working copy is NFC, folds old-style tone placement (hoà -> hòa), maps the
Icelandic eth to Đ, spaces (NBSP, thin...) to " ", smart quotes to ASCII and drops
zero-width characters. `Normalized.span(s, e)` gives the original span of a
working-copy span, so evidence is always ``text[start:end]`` of the input.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_TRANSLATE = {
    0x00A0: " ", 0x2007: " ", 0x2009: " ", 0x200A: " ", 0x202F: " ", 0x2002: " ", 0x2003: " ",
    0x3000: " ", 0x00D0: "Đ", 0x0189: "Đ", 0x2018: "'", 0x2019: "'", 0x201C: '"', 0x201D: '"',
    0x00AB: '"', 0x00BB: '"', 0x2013: "-", 0x2014: "-", 0x2212: "-", 0x00A0 + 0x1000: " ",
    0x0009: " ", 0x000B: " ", 0x000C: " ", 0xFF05: "%", 0xFF0C: ",", 0xFF0E: ".",
}
_DROP = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_SPECIAL = re.compile("[" + re.escape(_DROP) + "]")
# a tab between two cells of a line ("Hồ sơ tiếp nhận\t3.456", "Tiếp nhận\t4.512\t9.860",
# "\tCấp huyện\tCấp xã") is a cell separator: it becomes "|" (same length) instead of a
# space, so that a row's numbers never run together ("1\t168" is not "1 168")
_TAB_ROW = re.compile(r"\S[ ]*\t|\t.*\S.*\t[ \t]*\S")  # a cell before a tab, or two tabs between cells
_TAB_RUN = re.compile(r"[ ]*\t[ \t]*(?=[^\s])")


def _cells(text: str) -> str:
    if "\t" not in text:
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if "\t" in line and _TAB_ROW.search(line):
            lines[i] = _TAB_RUN.sub(lambda m: m.group(0).replace("\t", "|", 1), line)
    return "\n".join(lines)

# Old-style tone placement in an open syllable: "oà" -> "òa", "oé" -> "óe", "uỳ" -> "ùy".
_TONES = {"à": "ò", "á": "ó", "ả": "ỏ", "ã": "õ", "ạ": "ọ"}
_TONES_E = {"è": "ò", "é": "ó", "ẻ": "ỏ", "ẽ": "õ", "ẹ": "ọ"}
_TONES_Y = {"ỳ": "ù", "ý": "ú", "ỷ": "ủ", "ỹ": "ũ", "ỵ": "ụ"}
_OLD_TONE = re.compile(r"(?i)(o[àáảãạ]|o[èéẻẽẹ]|u[ỳýỷỹỵ])(?<=[^\W\d_]..)(?![^\W\d_])")
_PLAIN = {"à": "a", "á": "a", "ả": "a", "ã": "a", "ạ": "a", "è": "e", "é": "e", "ẻ": "e", "ẽ": "e",
          "ẹ": "e", "ỳ": "y", "ý": "y", "ỷ": "y", "ỹ": "y", "ỵ": "y"}


_QU = re.compile(r"(?i)(q)([úùủũụ])(y)(?<![^\W\d_]...)(?![^\W\d_])")
_QU_TONE = {"ú": "ý", "ù": "ỳ", "ủ": "ỷ", "ũ": "ỹ", "ụ": "ỵ"}


def _fold_qu(m: re.Match[str]) -> str:
    """"qúy" -> "quý": the tone belongs on the vowel after "qu"."""
    u = m.group(2)
    y = _QU_TONE[u.lower()]
    return m.group(1) + ("U" if u.isupper() else "u") + (y.upper() if m.group(3).isupper() else y)


def _fold_tone(m: re.Match[str]) -> str:
    pair = m.group(1)
    first, second = pair[0], pair[1]
    low = second.lower()
    table = _TONES if low in _TONES else _TONES_E if low in _TONES_E else _TONES_Y
    new_first = table[low]
    if first.isupper():
        new_first = new_first.upper()
    plain = _PLAIN[low]
    return new_first + (plain.upper() if second.isupper() else plain)


@dataclass(frozen=True, slots=True)
class Normalized:
    """A working copy of a text and the way back to the original offsets."""

    text: str
    original: str
    starts: tuple[int, ...] | None = None  # original start of each working char; None = identity
    ends: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the working-copy span [start, end)."""
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


def fold_text(text: str) -> str:
    """Normalise a lexicon phrase or a short string the way documents are normalised."""
    return normalize(text).text


def normalize(text: str) -> Normalized:
    """Return the working copy of `text` (same length whenever that is possible)."""
    if not isinstance(text, str):
        text = str(text)
    if unicodedata.is_normalized("NFC", text) and not _SPECIAL.search(text):
        work = _cells(text).translate(_TRANSLATE)
        work = _QU.sub(_fold_qu, _OLD_TONE.sub(_fold_tone, work))
        return Normalized(work, text)
    starts: list[int] = []
    ends: list[int] = []
    out: list[str] = []
    src = _cells(text)  # same length as text
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(src[j]):
            j += 1
        chunk = src[i:j]
        if chunk in _DROP:
            i = j
            continue
        if j - i > 1 or not chunk.isascii():
            chunk = unicodedata.normalize("NFC", chunk)
        chunk = chunk.translate(_TRANSLATE)
        for ch in chunk:
            if ch in _DROP:
                continue
            out.append(ch)
            starts.append(i)
            ends.append(j)
        i = j
    work = "".join(out)
    work = _QU.sub(_fold_qu, _OLD_TONE.sub(_fold_tone, work))
    return Normalized(work, text, tuple(starts), tuple(ends))
