"""Dates printed beside listing items, for navigation only (`CCHC_SINCE`, backfill windows).

The article's own date is read later by `extract/` from the article page; a listing date
only decides what to fetch, so an unreadable one is None, never a guess.
"""

from __future__ import annotations

import datetime as dt
import re

# "12/05/2023", "12-05-2023", "12.05.2023", "17 - 05 - 2024", "(21/09/2022)"
DMY_RE = re.compile(r"(?<!\d)(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?!\d)")
# "2023-05-12" (ISO, datetime attributes), "2023/05/12"
YMD_RE = re.compile(r"(?<!\d)(\d{4})([/-])(\d{1,2})\2(\d{1,2})(?!\d)")
# "ngày 12 tháng 5 năm 2023", "12 tháng 05, 2023"
WORDS_RE = re.compile(r"(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,|năm)\s*(\d{4})", re.I)


def _date(y: str, m: str, d: str) -> dt.date | None:
    try:
        day = dt.date(int(y), int(m), int(d))
    except ValueError:
        return None
    return day if 1990 <= day.year <= 2100 else None


def find_date(text: str) -> dt.date | None:
    """The earliest-placed date in `text` in any of the formats above, or None."""
    found: list[tuple[int, dt.date]] = []
    for m in DMY_RE.finditer(text):
        if (day := _date(m.group(4), m.group(3), m.group(1))) is not None:
            found.append((m.start(), day))
            break
    for m in YMD_RE.finditer(text):
        if (day := _date(m.group(1), m.group(3), m.group(4))) is not None:
            found.append((m.start(), day))
            break
    for m in WORDS_RE.finditer(text):
        if (day := _date(m.group(3), m.group(2), m.group(1))) is not None:
            found.append((m.start(), day))
            break
    return min(found)[1] if found else None
