"""A canonical period string (figures.md) as data: first day, last day, kind, length, number.

    2023-Q1                 quarter      2023-01-01 .. 2023-03-31
    2021-09                 month        2021-09-01 .. 2021-09-30
    2020                    year         2020-01-01 .. 2020-12-31
    2024-01..2024-06        half         2024-01-01 .. 2024-06-30
    2024-01..2024-09        nine_months  2024-01-01 .. 2024-09-30
    2020-01..2020-11        ytd          2020-01-01 .. 2020-11-30   (January to a month)
    2021-01-01..2021-08-03  ytd          2021-01-01 .. 2021-08-03   (January to a day)
    2021-07-21..2021-08-20  range        2021-07-21 .. 2021-08-20
    2022-02-07              day          2022-02-07 .. 2022-02-07

Two periods are *like* (comparable side by side) when kind and length are equal: every
quarter is "3 months"; a year-to-date span to November is "11 months"; a range of
31 days is "31 days". `number` counts periods of one kind, so consecutive quarters, months,
halves or years have consecutive numbers (the gap between two is their difference - 1).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

KINDS = ("day", "month", "quarter", "half", "nine_months", "year", "ytd", "range")

_MONTH = re.compile(r"(\d{4})-(\d{2})")
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_YEAR = re.compile(r"\d{4}")


@dataclass(frozen=True, slots=True)
class PeriodSpan:
    """Where a period lies in time and what kind of period it is."""

    start: dt.date
    end: dt.date
    kind: str
    length: str  # "3 months", "31 days": like periods have equal kind and length
    number: int | None  # consecutive periods of one kind differ by 1 (None for ranges)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def _month_end(year: int, month: int) -> dt.date:
    first_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def _bound(text: str, last: bool) -> tuple[dt.date, bool] | None:
    """A range end as a date, and whether it was written as a whole month."""
    if m := _DAY.fullmatch(text):
        return dt.date(int(m[1]), int(m[2]), int(m[3])), False
    if m := _MONTH.fullmatch(text):
        year, month = int(m[1]), int(m[2])
        return (_month_end(year, month) if last else dt.date(year, month, 1)), True
    return None


def _whole_months(start: dt.date, end: dt.date) -> int | None:
    """How many calendar months [start, end] covers, when it covers whole months only."""
    if start.day != 1 or end != _month_end(end.year, end.month):
        return None
    return (end.year - start.year) * 12 + end.month - start.month + 1


def span(start: dt.date, end: dt.date) -> PeriodSpan:
    """The kind, length and number of the period from `start` to `end` (inclusive)."""
    months = _whole_months(start, end)
    y = start.year
    if start == end:
        return PeriodSpan(start, end, "day", "1 day", start.toordinal())
    if months == 1:
        return PeriodSpan(start, end, "month", "1 month", y * 12 + start.month - 1)
    if months == 3 and start.month in (1, 4, 7, 10):
        return PeriodSpan(start, end, "quarter", "3 months", y * 4 + (start.month - 1) // 3)
    if months == 6 and start.month in (1, 7):
        return PeriodSpan(start, end, "half", "6 months", y * 2 + (start.month - 1) // 6)
    if months == 12 and start.month == 1:
        return PeriodSpan(start, end, "year", "12 months", y)
    if months == 9 and start.month == 1:
        return PeriodSpan(start, end, "nine_months", "9 months", y)
    same_year = end.year == y
    if start.month == 1 and start.day == 1 and same_year:
        length = f"{months} months" if months else f"{(end - start).days + 1} days"
        return PeriodSpan(start, end, "ytd", length, y)
    length = f"{months} months" if months else f"{(end - start).days + 1} days"
    return PeriodSpan(start, end, "range", length, None)


def parse_period(text: str | None) -> PeriodSpan | None:
    """The span of a canonical period string; None when it is empty or not canonical."""
    if not text:
        return None
    text = text.strip()
    try:
        if m := _QUARTER.fullmatch(text):
            year, quarter = int(m[1]), int(m[2])
            start = dt.date(year, 3 * quarter - 2, 1)
            return span(start, _month_end(year, 3 * quarter))
        if _YEAR.fullmatch(text):
            return span(dt.date(int(text), 1, 1), dt.date(int(text), 12, 31))
        if ".." in text:
            first, _, last = text.partition("..")
            lo, hi = _bound(first, last=False), _bound(last, last=True)
            if lo is None or hi is None or hi[0] < lo[0]:
                return None
            return span(lo[0], hi[0])
        bound = _bound(text, last=False)
        if bound is None:
            return None
        start, whole_month = bound
        return span(start, _month_end(start.year, start.month) if whole_month else start)
    except ValueError:  # 2023-13, 2023-02-30 …
        return None


def period_columns(text: str | None) -> dict[str, object]:
    """The stored period columns of a figure (all None when the period is unknown)."""
    parsed = parse_period(text)
    if parsed is None:
        return {"period_start": None, "period_end": None, "period_kind": None,
                "period_length": None, "period_number": None}
    return {"period_start": parsed.start.isoformat(), "period_end": parsed.end.isoformat(),
            "period_kind": parsed.kind, "period_length": parsed.length,
            "period_number": parsed.number}


def sort_key(text: str | None) -> tuple[str, str, str]:
    """Order of periods: by first day, then by last day (shorter first); unknown last."""
    parsed = parse_period(text)
    if parsed is None:
        return ("9999-99-99", "9999-99-99", text or "")
    return (parsed.start.isoformat(), parsed.end.isoformat(), text or "")


UNIT_NAMES = {"day": ("day", "days"), "month": ("month", "months"),
              "quarter": ("quarter", "quarters"), "half": ("half-year", "half-years"),
              "year": ("year", "years"), "nine_months": ("nine-month span", "nine-month spans"),
              "ytd": ("year-to-date span", "year-to-date spans"), "range": ("range", "ranges")}


def period_label(kind: str, number: int) -> str:
    """The canonical string of the period of `kind` numbered `number` (names a gap)."""
    if kind == "quarter":
        return f"{number // 4}-Q{number % 4 + 1}"
    if kind == "month":
        return f"{number // 12}-{number % 12 + 1:02d}"
    if kind == "half":
        year, half = divmod(number, 2)
        return f"{year}-01..{year}-06" if half == 0 else f"{year}-07..{year}-12"
    if kind == "year":
        return str(number)
    if kind == "day":
        return dt.date.fromordinal(number).isoformat()
    raise ValueError(f"periods of kind {kind!r} have no successor")
