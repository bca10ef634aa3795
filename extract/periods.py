"""Periods: find the time spans a text names and normalise them (figures.md "Period").

Never reads the clock: relative periods ("từ đầu năm đến nay", "năm nay") use
`published`, and are left open (None) without it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
WORD_MONTHS = {"sáu": 6, "chín": 9, "ba": 3, "sáu tháng": 6}

_Y = r"(?:19|20)\d{2}"
_SEP = r"\s*(?:/|-|–|\.|,?\s*năm)\s*"
_D = r"(?P<{0}d>\d{{1,2}})\s*[/-]\s*(?P<{0}m>\d{{1,2}})(?:\s*[/-]\s*(?P<{0}y>{1}))?"
_RANGE = re.compile(
    r"(?i:từ\s+(?:ngày\s+)?)" + _D.format("a", _Y).replace("(?P<ad>\\d{1,2})\\s*[/-]\\s*(?P<am>\\d{1,2})",
                                                          "(?P<ad>\\d{1,2})(?:\\s*[/-]\\s*(?P<am>\\d{1,2}))?")
    + r"\s*(?i:đến|tới|-|–)\s*(?i:ngày\s+)?" + _D.format("b", _Y))
_SINCE_START = re.compile(rf"(?=[tT])(?i:từ\s+đầu\s+năm)(?:\s+(?P<y>{_Y}))?\s+(?i:đến\s+nay|tới\s+nay|đến\s+thời\s+điểm\s+này)")
_SINCE_DAY = re.compile(r"(?i:từ\s+(?:ngày\s+)?)(?P<d>\d{1,2})\s*[/-]\s*(?P<m>\d{1,2})(?:\s*[/-]\s*(?P<y>" + _Y
                        + r"))?\s+(?i:đến\s+nay|tới\s+nay)")
_FIRST_MONTHS = re.compile(rf"(?=[\dsScCbB])(?P<n>\d{{1,2}}|sáu|chín|ba)\s+(?i:tháng\s+(?:đầu\s+)?năm)(?:\s+(?P<y>{_Y}|nay))?")
_LAST_HALF = re.compile(rf"(?=[6sS])(?i:6|sáu)\s+(?i:tháng\s+cuối\s+năm)(?:\s+(?P<y>{_Y}|nay))?")
_UNTIL = re.compile(rf"(?=[tTđĐ])(?i:(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?)(?:(?i:ngày)\s+(?P<d>\d{{1,2}})\s*[/-]\s*(?P<m1>\d{{1,2}})"
                    rf"|(?i:tháng)\s+(?P<m2>\d{{1,2}}))(?:{_SEP}(?P<y>{_Y}))?")
_QUARTER = re.compile(rf"(?i:quý)\s+(?P<q>IV|III|II|I|[1-4])(?![\w])(?:{_SEP}(?P<y>{_Y}))?")
_MONTH = re.compile(rf"(?=[tT])(?i:tháng)\s+(?P<m>\d{{1,2}})(?![\d/])(?:{_SEP}(?P<y>{_Y}))?|(?i:tháng)\s+(?P<m3>\d{{1,2}})\s*/\s*(?P<y3>{_Y})")
_YEARS = re.compile(rf"(?=[tTnNgG])(?i:(?:từ\s+)?(?:năm|giai\s+đoạn))\s+(?P<a>{_Y})\s*(?:-|–|đến|tới)\s*(?:năm\s+)?(?P<b>{_Y})")
_YEAR = re.compile(rf"(?i:năm)\s+(?P<y>{_Y})(?!\s*[-–/]\s*\d)")
# relative years: "(cũng) trong năm", "năm nay", "(trong) năm (vừa) qua"
_REL_YEAR = re.compile(r"(?=[tTnNcC][rRăĂũŨ])(?i:(?:cũng\s+)?trong\s+năm(?:\s+(?P<w>nay|vừa\s+qua|qua))?|năm\s+(?P<w2>nay|vừa\s+qua|qua))"
                       r"(?![^\W_])(?!\s*(?:\d|(?i:tới|sau|học|đầu|cuối|trước|kế\s+tiếp|thứ|[^\W\d_]+\s+(?:19|20)\d\d))(?![^\W_]))")
_REL_NOT = re.compile(r"(?i:(?<![^\W_])(?:những|các|nhiều|mấy|mỗi|đầu|cuối|giữa|hết|hằng|hàng|\d+|tháng\s+\S+|quý\s+\S+))\s*$")
_NOT_PERIOD_BEFORE = re.compile(r"(?i:(?:so\s+với|cùng\s+kỳ|hơn|kém|từ)\s*(?:cùng\s+kỳ\s+)?(?:năm|tháng|quý)?\s*)$"
                                r"|(?i:so\s+với)[^,.;:]{0,25}$")
_NOT_PERIOD_AFTER = re.compile(r"^\s*(?i:chuyển\s+sang|chuyển\s+qua|trở\s+về\s+trước|trở\s+lại\s+đây)")


@dataclass(frozen=True, slots=True)
class Mention:
    """A period named in the working text: its span and its normalised value (or None)."""

    start: int
    end: int
    value: str | None
    kind: str  # range, since, first_months, last_half, until, quarter, month, years, year


def _ymd(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _year(raw: str | None, published: dt.date | None) -> int | None:
    if raw and raw.isdigit():
        return int(raw)
    return published.year if published else None


def _context_year(found: list[Mention], pos: int) -> int | None:
    """The year of the last plain year named shortly before `pos` ("Năm 2020, ... Trong năm, ...")."""
    best = None
    for f in found:
        if f.kind == "year" and pos - 800 <= f.start and f.end <= pos and f.value and f.value.isdigit() and (best is None or f.start > best.start):
            best = f
    return int(best.value) if best and best.value else None


def _months(n: str) -> int:
    return int(n) if n.isdigit() else {"sáu": 6, "chín": 9, "ba": 3}.get(n.lower(), 0)


def find(work: str, published: dt.date | None = None) -> list[Mention]:
    """All period mentions, longest first at a position, without overlaps."""
    found: list[Mention] = []
    for m in _RANGE.finditer(work):
        y2 = _year(m.group("by"), published)
        val = None
        if y2:
            m2, d2 = int(m.group("bm")), int(m.group("bd"))
            m1 = int(m.group("am") or m2)
            y1 = int(m.group("ay")) if m.group("ay") else (y2 - 1 if m1 > m2 else y2)
            a, b = _ymd(y1, m1, int(m.group("ad"))), _ymd(y2, m2, d2)
            val = f"{a}..{b}" if a and b else None
        found.append(Mention(m.start(), m.end(), val, "range"))
    for m in _SINCE_START.finditer(work):
        y = int(m.group("y")) if m.group("y") else None
        val = None
        if published and (y is None or y == published.year):
            val = f"{published.year}-01-01..{published.isoformat()}"
        found.append(Mention(m.start(), m.end(), val, "since"))
    for m in _SINCE_DAY.finditer(work):
        val = None
        if published:
            y = int(m.group("y")) if m.group("y") else published.year
            a = _ymd(y, int(m.group("m")), int(m.group("d")))
            val = f"{a}..{published.isoformat()}" if a else None
        found.append(Mention(m.start(), m.end(), val, "since"))
    for m in _FIRST_MONTHS.finditer(work):
        n = _months(m.group("n"))
        yraw = m.group("y")
        y = _year(yraw if yraw and yraw.isdigit() else None, published) if (yraw or published) else None
        if yraw is None or yraw.lower() == "nay":
            y = published.year if published else None
        val = f"{y}-01..{y}-{n:02d}" if y and 1 <= n <= 12 else None
        found.append(Mention(m.start(), m.end(), val, "first_months"))
    for m in _LAST_HALF.finditer(work):
        yraw = m.group("y")
        y = int(yraw) if yraw and yraw.isdigit() else (published.year if published else None)
        found.append(Mention(m.start(), m.end(), f"{y}-07..{y}-12" if y else None, "last_half"))
    for m in _UNTIL.finditer(work):
        y = _year(m.group("y"), published)
        val = None
        if y and m.group("m2"):
            mm = int(m.group("m2"))
            val = f"{y}-01..{y}-{mm:02d}" if 1 <= mm <= 12 else None
        elif y and m.group("m1"):
            b = _ymd(y, int(m.group("m1")), int(m.group("d")))
            val = f"{y}-01-01..{b}" if b else None
        found.append(Mention(m.start(), m.end(), val, "until"))
    for m in _QUARTER.finditer(work):
        y = _year(m.group("y"), published)
        q = ROMAN[m.group("q").lower()]
        found.append(Mention(m.start(), m.end(), f"{y}-Q{q}" if y else None, "quarter"))
    for m in _MONTH.finditer(work):
        mm = int(m.group("m") or m.group("m3"))
        y = _year(m.group("y") or m.group("y3"), published)
        val = f"{y}-{mm:02d}" if y and 1 <= mm <= 12 else None
        found.append(Mention(m.start(), m.end(), val, "month"))
    for m in _YEARS.finditer(work):
        a, b = int(m.group("a")), int(m.group("b"))
        val = f"{a}-01..{b}-12" if a < b else None
        found.append(Mention(m.start(), m.end(), val, "years"))
    for m in _YEAR.finditer(work):
        found.append(Mention(m.start(), m.end(), m.group("y"), "year"))
    for m in _REL_YEAR.finditer(work):
        if _REL_NOT.search(work, max(0, m.start() - 20), m.start()):
            continue
        w = (m.group("w") or m.group("w2") or "").lower()
        if not w:
            y = _context_year(found, m.start()) or (published.year if published else None)
        elif not published:
            continue
        elif w == "nay":
            y = published.year
        else:  # "năm qua" early in a year is the year before
            y = published.year - 1 if published.month <= 3 else published.year
        if y:
            found.append(Mention(m.start(), m.end(), str(y), "year"))
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    out: list[Mention] = []
    last_end = -1
    for f in found:
        if f.start < last_end:
            continue
        before = work[max(0, f.start - 40):f.start]
        if _NOT_PERIOD_BEFORE.search(before) and f.kind in ("year", "month", "quarter"):
            continue
        if _NOT_PERIOD_AFTER.match(work, f.end) or _NOT_PERIOD_AFTER.match(work[f.end:f.end + 30]):
            continue
        out.append(f)
        last_end = f.end
    return _reporting_windows(out)


def _span_days(value: str) -> int | None:
    a, _, b = value.partition("..")
    try:
        return (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days
    except ValueError:
        return None


def _reporting_windows(mentions: list[Mention]) -> list[Mention]:
    """A month or quarter named after an explicit day range that is its reporting window
    ("từ 21/7 đến 20/8/2021 ... tháng 8/2021") takes that range."""
    out: list[Mention] = []
    windows = [m.value for m in mentions if m.kind == "range" and m.value]
    for m in mentions:
        if m.kind in ("month", "quarter") and m.value and windows:
            for w in reversed(windows):
                end = w.partition("..")[2]
                days = _span_days(w) or 0
                if m.kind == "month" and end[:7] == m.value and 25 <= days <= 35:
                    m = Mention(m.start, m.end, w, "range")
                    break
                if m.kind == "quarter" and 80 <= days <= 100:
                    y, q = m.value.split("-Q")
                    last = int(q) * 3
                    e = dt.date.fromisoformat(end)
                    if e.year == int(y) and last - 1 <= e.month <= last:
                        m = Mention(m.start, m.end, w, "range")
                        break
        out.append(m)
    return out


def last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]
