"""Numbers in Vietnamese text: separators, scale words, words, broken digits, and masks.

Separators are ambiguous: Vietnamese writes 61.953 (thousands dot) and 83,94 (decimal
comma); some portals and widgets write 99.8% and 5,971 (English style). A token keeps
both readings when it cannot be decided alone (one separator followed by exactly three
digits); the metric decides: a rate or a PAR score lies in 0..100 and a dossier count
is whole (see `Num.as_count` and `Num.as_measure`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from extract import numwords
from extract.lexicon import _trie_regex, lowered, negative_cues, number_words, unit_cues

UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"

# "9 9 ,2%": digits broken apart by the page; looked for only before a % sign.
_BROKEN = re.compile(r"(?<![\w.,/-])(?P<broken>\d(?: ?\d){0,2}(?: ?[.,] ?\d{1,2})?) ?%")
# "50-60 hồ sơ": a range; its token carries both ends and reads as no single count
_RANGE_END = re.compile(r"[ \t]?[-–][ \t]?(?P<up>\d[\d.,]*\d|\d)(?![\d/]|[.,]\d)")
_NUM = re.compile(
    r"(?<![\w.,/-])(?:"
    r"(?P<vn>\d{1,3}(?:\.\d{3})+(?:,\d+)?)(?![.,]?\d)"  # 61.953 / 1.234,5
    r"|(?P<en>\d{1,3}(?:,\d{3})+(?:\.\d+)?)(?![.,]?\d)"  # 5,971 / 1,234.5
    r"|(?P<sp>\d{1,3}(?: \d{3})+)(?![\d.,])"  # 37 284
    r"|(?P<plain>\d+(?:[.,]\d+)?)"
    r")(?![^\W_])"
)
_AFTER = re.compile(r"\s?(?P<scale>ngàn|nghìn|vạn|triệu)?(?![^\W_])\s?(?P<pct>%)?(?:\s?/\s?(?P<den>\d[\d.,]*\d|\d))?",
                    re.IGNORECASE)

_MAYBE_AFTER = re.compile(r"[%/nNtTvV]")
_DATE_WORDS = ("ngày", "sáng", "chiều", "trưa", "tối", "đêm", "hôm", "từ", "đến", "tới", "hạn")
_DOC_WORDS = ("quyết định", "nghị định", "nghị quyết", "chỉ thị", "kế hoạch", "công văn", "thông tư", "báo cáo",
              "thông báo", "luật", "công điện", "tờ trình", "văn bản", "điều", "khoản", "phụ lục", "mẫu số", "biểu số")
_STAGE_WORDS = ("giai đoạn", "mức độ", "cấp độ", "tốp", "top", "nhóm", "tuần", "quý", "lần thứ", "khóa", "lớp",
                "phường", "khu phố", "tổ", "thôn", "ấp")


def _words(words: tuple[str, ...]) -> str:
    return "(?:" + _trie_regex(sorted(words)) + ")"


# Masks led by a digit: dates 20/8/2021, times 04:09:32, document numbers 06/KH-UBND,
# 61/2018/NĐ-CP, 36a/NQ-CP, phones and hotlines, list numbering ("1. Tiêu đề"), "5 tại chỗ".
_DIGIT_MASKS = [
    r"\d{1,2}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{4}",
    r"\d{1,2}:\d{2}(?::\d{2})?",
    r"\d+[a-zA-Z]?(?:/\d{2,4})?/[A-ZĐ][\w-]*",
    r"(?<![\d.,])(?:\+84|0)\d{2,3}(?:[ .]?\d){6,8}(?!\d)",  # not the "020" of "6.020"
    r"(?<!\d)1[89]00(?:[ .]?\d{2,4}){1,3}",
    # list numbering opens a line or follows a sentence end ("trễ hạn 0. Quý IV" is a count)
    r"(?:(?<![\s\S])|(?<=\n)|(?<=\n[ \t])|(?<=[.!?\"'”] )|(?<=[\"'“”]))\d{1,2}[.)](?=\s+[" + UPPER + r"])",
    r"\d+\s+(?i:tại chỗ|cấp(?![^\W_]))",
]
# Masks led by a word: "ngày 21/7", "ngày 18 tháng 01 năm 2023", "năm 2023", "Quyết định số 343",
# "giai đoạn 2", "mức độ 3,4", "quý 1".
_WORD_MASKS = [
    rf"{_words(_DATE_WORDS)}\s+\d{{1,2}}\s?[/-]\s?\d{{1,2}}(?!\d)",
    r"ngày\s*\d{1,2}(?:\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)?",
    r"năm\s+\d{4}(?:\s?[-–]\s?\d{4})?",
    rf"{_words(_DOC_WORDS)}\s+(?:số\s+)?\d+",
    rf"{_words(_STAGE_WORDS)}\s+\d+(?:\s?[,-]\s?\d+)*",
]
# (a first-character lookahead lets the regex engine skip fast to candidate positions;
# word masks run case-sensitive over the lowercased text, also much faster)
# Every digit mask starts where a run of digits starts: tried inside a long run, a leading
# \d+ would rescan the rest of the run from each position (quadratic on digit-dense text).
_MASK_RE = re.compile(r"(?<!\d)(?=[\d+])(?:" + "|".join(f"(?:{m})" for m in _DIGIT_MASKS) + ")")
_WORD_MASK_RE = re.compile("(?<![^\\W_])(?:" + "|".join(f"(?:{m})" for m in _WORD_MASKS) + ")")
_WORD_MASK_I = re.compile("(?<![^\\W_])(?i:" + "|".join(f"(?:{m})" for m in _WORD_MASKS) + ")")
_COLON_NUM = re.compile(r":[ \t]*(?P<val>\d[\d.,  ]*)")
_LABEL_YEAR = re.compile(r"\s+\d{4}$")

# A run of many numbers with no word between them ("9 9 9 ...", "1.234 5.678 ...") is not
# prose: nothing says what they count. It is skipped whole, which bounds the work on
# digit-dense input.
_SOUP = re.compile(r"(?<![\d.,])(?:\d[\d.,]*+%?[ \t\r\n.,;:|/()+-]*+){12,}")


@dataclass(slots=True)
class Num:
    """A number token in the working text, with its readings."""

    start: int
    end: int  # end of the number, scale word and % sign included
    whole: float | None  # separators read as thousands (a count)
    decimal: float | None  # separator read as a decimal mark (a rate, a score)
    percent: bool = False
    denominator: float | None = None  # "1.456/1.625": the total the value is a part of
    word: bool = False  # written in words ("bảy hồ sơ"); found only before a dossier noun
    denominator_span: tuple[int, int] | None = None  # where the denominator is written
    upper: float | None = None  # "50-60": the range's upper end (the range is no single value)

    def as_count(self) -> float | None:
        """The value as a dossier count: a whole number, else None (a range has none)."""
        if self.upper is not None:
            return None
        for v in (self.whole, self.decimal):
            if v is not None and float(v).is_integer():
                return v
        return None

    def as_measure(self) -> float | None:
        """The value as a rate or score: a reading within 0..100 when there is one."""
        if self.upper is not None:
            return None
        for v in (self.decimal, self.whole):
            if v is not None and 0 <= v <= 100:
                return v
        return self.whole if self.whole is not None else self.decimal


def _readings(kind: str, raw: str) -> tuple[float | None, float | None]:
    if kind == "broken":
        s = raw.replace(" ", "").replace(",", ".")
        return None, float(s)
    if kind == "sp":
        v = float(raw.replace(" ", ""))
        return v, None
    if kind in ("vn", "en"):
        thou, dec = (".", ",") if kind == "vn" else (",", ".")
        head, _, frac = raw.partition(dec)
        whole = float(head.replace(thou, "") + ("." + frac if frac else ""))
        groups = head.split(thou)
        # one separator followed by exactly three digits ("61.953", "5,971", "91.651"):
        # also readable as a decimal; keep both and let the metric choose.
        decimal = float(groups[0] + "." + groups[1]) if len(groups) == 2 and not frac else None
        return whole, decimal
    if "." in raw or "," in raw:
        return None, float(raw.replace(",", "."))
    v = float(raw)
    return v, v


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def masked_spans(work: str) -> list[tuple[int, int]]:
    """Spans of the working text whose digits are not figures (dates, documents, phones...)."""
    low = lowered(work)
    words = _WORD_MASK_RE.finditer(low) if low is not None else _WORD_MASK_I.finditer(work)
    spans = _merge([(m.start(), m.end()) for m in _MASK_RE.finditer(work)] + [(m.start(), m.end()) for m in words])
    labels = negative_cues("counter")
    seen: dict[str, bool] = {}
    for m in _COLON_NUM.finditer(work):
        line_start = max(work.rfind("\n", 0, m.start()) + 1, m.start() - 40)
        raw = work[line_start:m.start()]
        hit = seen.get(raw)
        if hit is None:
            label = _LABEL_YEAR.sub("", raw.strip(" \t•-*+"))
            hit = bool(label) and any(s == 0 and e == len(label) for s, e, _ in labels.finditer(label))
            seen[raw] = hit
        if hit:
            spans.append((m.start("val"), m.end("val")))
    return spans


@functools.cache
def _dossier_after() -> re.Pattern[str]:
    """A dossier noun right after a number in words ("bảy hồ sơ", "mười hai trường hợp")."""
    nouns = [c.phrase for c in unit_cues().cues if c.label == "dossier"]
    alt = "|".join(r"\s+".join(map(re.escape, n.split())) for n in sorted(nouns, key=len, reverse=True))
    return re.compile(rf"\s+(?:lượt\s+)?(?:{alt})(?![^\W_])", re.IGNORECASE)


def _numbers(work: str):  # type: ignore[no-untyped-def]
    """_NUM matches outside runs of numbers without words."""
    pos = 0
    for soup in _SOUP.finditer(work):
        yield from _NUM.finditer(work, pos, soup.start())
        pos = soup.end()
    yield from _NUM.finditer(work, pos)


def token(work: str, start: int, end: int) -> Num | None:
    """The number written exactly in work[start:end] ("140", "98,6", "12%"), or None: for a
    table cell that the scan joined with the next one ("140 139" read as thousands)."""
    m = _NUM.match(work, start, end)
    if m is None:
        return None
    kind = m.lastgroup or "plain"
    if kind == "sp":
        return None
    whole, decimal = _readings(kind, m.group(kind))
    pct = work[m.end():end].strip() == "%"
    if m.end() != end and not pct:
        return None
    return Num(start, end, whole, decimal, pct)


def scan(work: str) -> tuple[list[Num], list[tuple[int, int]]]:
    """Number tokens of the working text (masked ones left out) and the masked spans."""
    masks = masked_spans(work)
    out: list[Num] = []
    broken: list[tuple[int, int]] = []
    pct = work.find("%")
    while pct != -1:
        b = _BROKEN.search(work, max(0, pct - 16), pct + 1)
        if b and b.end() == pct + 1 and " " in b.group("broken"):
            v = float(b.group("broken").replace(" ", "").replace(",", "."))
            if v <= 100:
                broken.append((b.start(), b.end()))
                out.append(Num(b.start(), b.end(), None, v, True, None))
        pct = work.find("%", pct + 1)
    starts = sorted(masks + broken)
    mi = 0
    for m in _numbers(work):
        s, e = m.start(), m.end()
        while mi < len(starts) and starts[mi][1] <= s:
            mi += 1
        if mi < len(starts) and starts[mi][0] <= s < starts[mi][1]:
            continue
        if mi + 1 < len(starts) and starts[mi + 1][0] <= s < starts[mi + 1][1]:
            continue
        kind = m.lastgroup or "plain"
        try:
            whole, decimal = _readings(kind, m.group(kind))
        except ValueError:
            continue
        nxt = work[e:e + 3]
        upper = None
        if "-" in nxt or "–" in nxt:
            r = _RANGE_END.match(work, e)
            if r is not None:
                upper = _readings("plain", r.group("up").replace(".", "").replace(",", ""))[0]
                e = r.end()
                nxt = work[e:e + 3]
        a = _AFTER.match(work, e) if _MAYBE_AFTER.search(nxt) else None
        pct = den = den_span = None
        if a:
            if a.group("scale"):
                mult = number_words()["scales"].get(a.group("scale").lower(), 1)
                base = decimal if decimal is not None else whole
                whole, decimal = (round(base * mult, 3) if base is not None else None), None
                e = a.end("scale")
            if a.group("pct"):
                pct = True
                e = a.end("pct")
            if a.group("den"):
                try:
                    den = float(a.group("den").replace(".", "").replace(",", ""))
                    den_span = (a.start("den"), a.end("den"))
                except ValueError:
                    den = None
                if not pct:
                    e = a.end("den")
        out.append(Num(s, e, whole, decimal, bool(pct), den, denominator_span=den_span, upper=upper))
    for w in numwords.find(work, _dossier_after()):
        out.append(Num(w.start, w.end, float(w.value), float(w.value), word=True))
    out.sort(key=lambda n: n.start)
    return out, masks
