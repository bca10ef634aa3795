"""Dates and spans for periods: parse a written day, infer its year, write a span in its one
canonical form (figures.md "Period"), and find a report's own date when none is given.

Canonical forms: a whole year `2024`; a calendar quarter `2024-Q3`; a whole month `2024-07`;
whole months `2024-01..2024-09`, whether named as months ("9 tháng đầu năm") or as days
("từ 01/01 đến 30/9/2024"); a single day `2024-02-07`; any other span `2024-03-05..2025-01-31`.
One span has one form, however the text writes it.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re

Y = r"(?:19|20)\d{2}"
_DAY = r"(?<!\d)(?:3[01]|[12]\d|0?[1-9])"
_MONTH = r"(?:1[0-2]|0?[1-9])(?!\d)"


def date_rx(tag: str) -> str:
    """A written day: "20/8", "20-8-2021", "3.5.2018", "18 tháng 01 năm 2023" (group names
    prefixed by `tag`). Dots and bare forms are only tried where the words around make a
    date (see extract/periods.py)."""
    return (rf"{_DAY}\s*(?:(?P<{tag}s>[/.-])\s*{_MONTH}(?:\s*(?P={tag}s)\s*{Y})?"
            rf"|\s+(?i:tháng)\s+{_MONTH}(?:\s*,?\s*(?i:năm)\s+{Y})?)(?![\d%]|[.,]\d|\s*%)")


_DIGITS = re.compile(r"\d+")
# a year written with a day or a month, or after "năm": the years a text names
_YEAR_NAMED = re.compile(rf"(?:(?i:năm)\s+|\d{{1,2}}\s*[/.-]\s*\d{{1,2}}\s*[/.-]\s*|(?i:tháng)\s+\d{{1,2}}\s*[/-]\s*)(?P<y>{Y})(?!\d)")
# a report's dateline near its top: "(QBĐT) - Ngày 12-2, ...", "Sáng 7/2, ...", "23/02/2026 16:01"
_DATELINE = re.compile(
    rf"(?:^|\n|[-–)]\s+)(?i:ngày|sáng|chiều|trưa|tối)\s+(?P<a>{date_rx('a')})"
    rf"|(?<![\d/])(?P<b>\d{{1,2}}/\d{{1,2}}/{Y})\s+\d{{1,2}}:\d{{2}}")
DATELINE_REACH = 600


def parse_day(raw: str) -> tuple[int, int, int | None]:
    """Day, month and year (or None) of a written day matched by DATE."""
    parts = [int(p) for p in _DIGITS.findall(raw)]
    return parts[0], parts[1], parts[2] if len(parts) > 2 else None


def day(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def span(a: dt.date, b: dt.date) -> str | None:
    """The canonical form of the days a..b (None when b is before a)."""
    if b < a:
        return None
    if a == b:
        return a.isoformat()
    whole_months = a.day == 1 and b == month_end(b.year, b.month)
    named = months(a.year, a.month, b.year, b.month) if whole_months else None
    return named or f"{a.isoformat()}..{b.isoformat()}"


def months(y1: int, m1: int, y2: int, m2: int) -> str | None:
    """The canonical form of whole months m1/y1..m2/y2."""
    if (y2, m2) < (y1, m1) or not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        return None
    if y1 == y2 and m1 == 1 and m2 == 12:
        return str(y1)
    if y1 == y2 and m1 == m2:
        return f"{y1}-{m1:02d}"
    if y1 == y2 and m1 % 3 == 1 and m2 == m1 + 2:
        return f"{y1}-Q{m2 // 3}"
    return f"{y1}-{m1:02d}..{y2}-{m2:02d}"


def bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of a canonical period value."""
    a, _, b = value.partition("..")
    first, last = _bounds_one(a), _bounds_one(b or a)
    if first is None or last is None:
        return None
    return first[0], last[1]


def _bounds_one(v: str) -> tuple[dt.date, dt.date] | None:
    try:
        if re.fullmatch(r"\d{4}", v):
            y = int(v)
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            y, q = int(m.group(1)), int(m.group(2))
            return dt.date(y, 3 * q - 2, 1), month_end(y, 3 * q)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
            y, mo = int(m.group(1)), int(m.group(2))
            return dt.date(y, mo, 1), month_end(y, mo)
        d = dt.date.fromisoformat(v)
        return d, d
    except ValueError:
        return None


class Years:
    """The years a text names, for days written without one ("từ ngày 2/6 đến ngày 8/6")."""

    def __init__(self, work: str, reference: dt.date | None):
        self.work = work
        self.reference = reference
        self._found: tuple[list[int], list[int]] | None = None  # read on first use (rarely needed)

    def _named(self) -> tuple[list[int], list[int]]:
        if self._found is None:
            found = [(m.start("y"), int(m.group("y"))) for m in _YEAR_NAMED.finditer(self.work)]
            self._found = [p for p, _ in found], [y for _, y in found]
        return self._found

    def near(self, pos: int) -> int | None:
        """The year named last before `pos` (else soon after it)."""
        starts, years = self._named()
        i = bisect.bisect_left(starts, pos) - 1
        if i >= 0 and pos - starts[i] <= 1500:
            return years[i]
        if i + 1 < len(starts) and starts[i + 1] - pos <= 800:
            return years[i + 1]
        return None

    def of(self, pos: int, m: int, d: int) -> int | None:
        """The year of day d/m written at `pos` without one: the reference year, or the
        one before when that day would come after the reference date; without a
        reference, the year the text names nearest."""
        ref = self.reference
        if ref is None:
            return self.near(pos)
        y = ref.year
        date = day(y, m, min(d, 28) if m == 2 else d)
        return y - 1 if date is not None and date > ref + dt.timedelta(days=31) else y


def reference(work: str, published: dt.date | None) -> dt.date | None:
    """The date relative periods count from: the published date, else the report's own
    dateline near its top (year from the dateline or the nearest year the text names)."""
    if published is not None:
        return published
    m = _DATELINE.search(work, 0, DATELINE_REACH)
    if m is None:
        return None
    raw = m.group("a") or m.group("b")
    d, mo, y = parse_day(raw)
    if y is None:
        y = Years(work, None).near(m.start())
    return day(y, mo, d) if y else None
