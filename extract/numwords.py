"""Numbers written in words: "bảy", "mười hai", "hai mươi mốt", "một trăm linh năm",
"ba nghìn rưỡi", "hai vạn", North and South variants (linh/lẻ, bốn/tư, nghìn/ngàn).

A phrase is found by its words (lexicon/units.toml [number.*]), read by the
`vn_numberwords` package, and kept only when writing the value back in words gives the
same phrase (so "hai ba" or "năm năm" are not numbers). Which phrases are figures is not
decided here: `find` returns every phrase; extract/numbers.py keeps those a dossier noun
follows, marked ``word=True``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from vn_numberwords import number_to_words, words_to_number

from extract.lexicon import number_words

# one canonical spelling per word, for the round trip
_SAME = {"lẻ": "linh", "tư": "bốn", "ngàn": "nghìn", "nhăm": "lăm", "bẩy": "bảy", "tỉ": "tỷ"}
_HALF = {"trăm": 50, "nghìn": 500, "ngàn": 500, "vạn": 5000, "triệu": 500_000, "tỷ": 500_000_000, "tỉ": 500_000_000}
# words that make the next number not a count: "thứ năm" (an ordinal, a weekday), "hàng
# trăm", "vài chục", "mấy nghìn" (vague amounts); "cả năm", "những năm" (years)
_NOT_AFTER = re.compile(r"(?i:(?<![^\W_])(?:thứ|hàng|vài|mấy|dăm|mươi)\s+)$")
_YEAR_WORD = re.compile(r"(?i:(?<![^\W_])(?:trong|cả|mỗi|hằng|hàng|những|các|nhiều|một|từng|năm)\s+)$")


_WORD = re.compile(r"\s*[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class WordNumber:
    """A number written in words: its span in the text and its value."""

    start: int
    end: int
    value: int


@functools.cache
def _phrase_rx() -> re.Pattern[str]:
    table = number_words()
    digits = sorted(table["words"], key=len, reverse=True)
    joiners = sorted(set(table["joiners"]) | set(table["scales"]), key=len, reverse=True)
    word = "|".join(map(re.escape, digits + joiners))
    first = "|".join(map(re.escape, digits))
    return re.compile(rf"(?<![^\W_])(?:{first})(?:\s+(?:{word}))*(?![^\W_])", re.IGNORECASE)


def _canon(words: list[str]) -> str:
    out = []
    for i, w in enumerate(words):
        w = _SAME.get(w, w)
        if w == "chục":
            w = "mươi"
        if w == "vạn":  # "hai vạn" = "hai mươi nghìn"
            out += ["mươi", "nghìn"]
            continue
        if w == "mốt" and (i == 0 or words[i - 1] not in ("mươi", "chục")):
            return ""
        out.append(w)
    return " ".join(out)


@functools.lru_cache(maxsize=4096)
def value(phrase: str) -> int | None:
    """The value of a phrase in words, or None when it is not one well-formed number."""
    words = phrase.lower().split()
    half = 0
    if words and words[-1] == "rưỡi":
        if len(words) < 2 or words[-2] not in _HALF:
            return None
        half = _HALF[words[-2]]
        words = words[:-1]
    canon = _canon(words)
    if not canon:
        return None
    if canon == "không":
        return 0
    n = words_to_number(canon)
    if not isinstance(n, int) or n <= 0:
        return None
    back = number_to_words(n)
    if back != canon and not _short_form(back, canon):
        return None
    return n + half


def _short_form(full: str, written: str) -> bool:
    """"một nghìn linh năm" for "một nghìn không trăm linh năm"; "trăm" for "một trăm"."""
    return full.replace(" không trăm", "") == written


def find(work: str, followed_by: re.Pattern[str] | None = None) -> list[WordNumber]:
    """Every number written in words in `work`, left to right (with `followed_by`, only
    those right before a match of it, e.g. a dossier noun)."""
    out = []
    for m in _phrase_rx().finditer(work):
        if followed_by is not None and not followed_by.match(work, m.end()):
            continue
        words = m.group(0).split()
        # the longest well-formed prefix: "hai mươi mốt hồ sơ" / "năm năm" -> "năm"
        for k in range(len(words), 0, -1):
            v = value(" ".join(words[:k]))
            if v is not None:
                break
        else:
            continue
        if _NOT_AFTER.search(work, max(0, m.start() - 8), m.start()):
            continue
        if k == 1 and words[0].lower() == "năm" and _YEAR_WORD.search(work, max(0, m.start() - 8), m.start()):
            continue  # "trong năm", "cả năm": the year, not five
        out.append(WordNumber(m.start(), _end_of(work, m.start(), k), v))
    return out


def _end_of(work: str, start: int, k: int) -> int:
    """End of the first k words from `start` (words separated by any whitespace)."""
    pos = start
    for _ in range(k):
        m = _WORD.match(work, pos)
        if m is None:
            break
        pos = m.end()
    return pos
