"""Periods: find the time spans a text names and write each in its canonical form
(figures.md "Period"; forms in extract/dates.py, words in lexicon/periods.toml).

Never reads the clock: relative periods ("từ đầu năm đến nay", "năm nay", "quý trước")
count from the reference date (`published`, else the report's own dateline) and are left
open (None) without one. Kinds that are not periods of results by themselves:
``day`` (a day named: only a figure of that day takes it, see extract/period_scope.py),
``plan`` (a period of plans or targets) and ``document`` (a document's date).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from extract.lexicon import lowered
from extract.dates import DATELINE_REACH, Y, Years, bounds, date_rx, day, month_end, months, parse_day, reference, span

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_MONTH_WORDS = {"ba": 3, "sáu": 6, "chín": 9, "mười": 10}
LEXICON = Path(__file__).with_name("lexicon") / "periods.toml"
NOT_RESULTS = ("day", "plan", "document")
CLOSING_REACH = 600  # how far after a month named a closing day ("Đến ngày 31/5") may follow


class _Rx:
    """A pattern of lowercase words, run case-sensitively over the lowercased text (much
    faster than re.IGNORECASE on Vietnamese), or with re.IGNORECASE when lowercasing would
    move offsets."""

    def __init__(self, pattern: str):
        self.pattern = pattern
        self.cs = re.compile(pattern)
        self.ci: re.Pattern[str] | None = None

    def on(self, work: str) -> tuple[re.Pattern[str], str]:
        low = lowered(work)
        if low is not None:
            return self.cs, low
        if self.ci is None:
            self.ci = re.compile(self.pattern, re.IGNORECASE)
        return self.ci, work

    def finditer(self, work: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        rx, text = self.on(work)
        return rx.finditer(text, pos, endpos)

    def search(self, work: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        rx, text = self.on(work)
        return rx.search(text, pos, endpos)


@dataclass(frozen=True, slots=True)
class Mention:
    """A period named in the working text: its span and its canonical value (or None)."""

    start: int
    end: int
    value: str | None
    kind: str  # range, since, first_months, last_half, until, quarter, month, years, year, week, day, plan, document


@functools.cache
def words() -> dict[str, object]:
    """lexicon/periods.toml, loaded once."""
    with LEXICON.open("rb") as f:
        return tomllib.load(f)


def _alt(phrases: list[str]) -> str:
    return "(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True)) + ")"


_SEP = r"\s*(?:/|-|\.|,?\s*năm)\s*"
_B = r"(?<![^\W_])"  # a word starts here
_E = r"(?![^\W_])"  # a word ends here
_DA, _DB = date_rx("a"), date_rx("b")
_NOW = r"(?:nay|hiện\s+nay|hiện\s+tại|thời\s+điểm\s+(?:này|hiện\s+tại|báo\s+cáo))"


def _mon_y(tag: str) -> str:
    """A month number and, optionally, its year in group `tag`: "5", "5/2021", "5 năm 2021"."""
    return rf"(?:1[0-2]|0?[1-9])(?!\d)(?:{_SEP}(?P<{tag}>{Y}))?"



def _w(word: str) -> str:
    """`word` at the start of a word, literal first (a literal prefix makes the search fast)."""
    return rf"{word}(?<![^\W_]{word})"


_TU = _w("từ")
_RANGE = _Rx(
    rf"{_TU}\s+(?:ngày\s+)?(?P<a>{_DA}|\d{{1,2}}(?=\s*(?:đến|tới|-)\s*(?:ngày\s+)?\d))(?:\s*\([^()\n]{{0,30}}\))?"
    rf"\s*(?:đến|tới|-)\s*(?:hết\s+)?(?:ngày\s+)?(?P<b>{_DB})")
_MONTH_RANGE = _Rx(
    rf"{_TU}\s+tháng\s+(?P<m1>{_mon_y('y1')})\s*(?:đến|tới|-)\s*(?:hết\s+)?tháng\s+(?P<m2>{_mon_y('y2')})")
# ("lũy kế từ đầu năm", "tính từ đầu năm": the lead word needs no reading)
_SINCE_START = _Rx(
    rf"{_TU}\s+đầu\s+năm(?:\s+(?P<y>{Y}))?{_E}"
    rf"(?:\s*(?:đến|tới)\s+(?:(?P<now>{_NOW}){_E}|(?:hết\s+|cuối\s+)?(?:ngày\s+)?(?P<day>{_DA})"
    rf"|(?:hết\s+|cuối\s+)?tháng\s+(?P<mon>{_mon_y('my')})))?")
_SINCE_DAY = _Rx(rf"{_TU}\s+(?:ngày\s+)?(?P<a>{_DA})[.,]?\s*(?:đến|tới)\s+{_NOW}{_E}")
_SINCE_YEAR = _Rx(rf"{_TU}\s+(?:năm\s+)?(?P<y>{Y})\s*(?:đến|tới)\s+{_NOW}{_E}")
# "(tính) đến (hết|cuối) ngày D/M | tháng M"; "Đến nay, ...": up to now from a start the
# sentence does not give (see _now)
_UNTIL = _Rx(
    rf"(?:{_w('đến')}|{_w('tới')})\s+(?:(?P<now>{_NOW}){_E}|(?:hết\s+|cuối\s+)?"
    rf"(?:(?P<ngay>ngày\s+)?(?P<day>{_DA})|tháng\s+(?P<mon>{_mon_y('y')})))")
_UNTIL_LEAD = re.compile(r"(?:tính|lũy\s+kế)\s+$", re.IGNORECASE)
_EVER = re.compile(r"(?:trước|đó|lâu)\s+$", re.IGNORECASE)  # "từ trước đến nay", "từ đó đến nay": ever, not a period
# "9 tháng (đầu) năm", "6 tháng cuối năm": the count is read before "tháng"
_MONTHS_OF_YEAR = _Rx(rf"{_w('tháng')}\s+(?:(?P<which>đầu|cuối)\s+)?năm(?:\s+(?P<y>{Y}|nay))?{_E}")
_COUNT_BEFORE = re.compile(r"(?<![^\W_])(?P<n>\d{1,2}|sáu|chín|ba|mười)\s+$", re.IGNORECASE)
_HALF = _Rx(rf"{_w('nửa')}\s+(?P<which>đầu|cuối)\s+năm(?:\s+(?P<y>{Y}|nay))?{_E}")
_QUARTER = _Rx(rf"{_w('quý')}\s+(?P<q>iv|iii|ii|i|[1-4])(?![\w])(?:{_SEP}(?P<y>{Y}))?")
_MONTH = _Rx(rf"{_w('tháng')}(?<!\d[ ]tháng)(?<!\dtháng)\s+"
             rf"(?:(?P<m>{_mon_y('y')})(?![/.]\d)|(?P<m3>\d{{1,2}})\s*/\s*(?P<y3>{Y}))")
_RELATIVE = _Rx(rf"(?:{_w('tháng')}|{_w('quý')})\s+(?P<w>vừa\s+qua|này|nay|qua|trước){_E}"
                rf"(?!\s*(?:\d|chuyển|năm\s+\d))")
_YEARS = _Rx(rf"(?:{_w('năm')}|{_w('giai')}\s+đoạn)\s+(?P<a>{Y})\s*(?:-|đến|tới)\s*(?:năm\s+)?(?P<b>{Y})")
_YEAR = _Rx(rf"{_w('năm')}\s+(?P<y>{Y})(?!\s*[-/]\s*\d)")
# relative years: "(cũng) trong năm", "năm nay", "(trong) năm (vừa) qua"
_REL_YEAR = re.compile(
    r"(?=[tTnNcC][rRăĂũŨ])(?i:(?:cũng\s+)?trong\s+năm(?:\s+(?P<w>nay|vừa\s+qua|qua))?|năm\s+(?P<w2>nay|vừa\s+qua|qua))"
    r"(?![^\W_])(?!\s*(?:\d+|(?i:tới|sau|học|đầu|cuối|trước|kế\s+tiếp|thứ|[^\W\d_]+\s+(?:19|20)\d\d))(?![^\W_]))")
# "(chỉ) trong (một) tuần", "tuần qua": the week named by a range of the text
_WEEK = _Rx(rf"{_w('tuần')}(?:\s+(?P<w>vừa\s+qua|này|qua))?{_E}(?!\s*(?:\d|tới|sau|trước))")
_DAY_BEFORE = re.compile(r"(?<![\d/.-])\d{1,2}[ ]$")
_IN_WEEK = re.compile(r"(?<![^\W_])(?:chỉ\s+)?trong\s+(?:một\s+)?$", re.IGNORECASE)
_REL_NOT = re.compile(r"(?i:(?<![^\W_])(?:những|các|nhiều|mấy|mỗi|đầu|cuối|giữa|hết|hằng|hàng|\d+|tháng\s+\S+|quý\s+\S+))\s*$")
# "so với cùng kỳ năm 2023", "hơn năm 2023": a comparison; "được chuyển sang quý II": dossiers
# carried over to the next period, not the period of the figures
_NOT_PERIOD_BEFORE = re.compile(r"(?i:(?:so\s+với|cùng\s+kỳ|hơn|kém|từ)\s*(?:cùng\s+kỳ\s+)?(?:năm|tháng|quý)?\s*)$"
                                r"|(?i:so\s+với)[^,.;:]{0,25}$|(?i:chuyển\s+(?:tiếp\s+)?(?:sang|qua)\s*)$")
_NOT_PERIOD_AFTER = re.compile(r"^\s*(?i:chuyển\s+sang|chuyển\s+qua|trở\s+về\s+trước|trở\s+lại\s+đây)")
_CLAUSE_CUT = re.compile(r"[,;:.!?()|\n]")  # a table cell ("Chỉ tiêu | Năm 2023") is a clause of its own


@functools.cache
def _lexicon_rx() -> dict[str, _Rx]:
    w = words()
    day, plan, doc = w["day"], w["plan"], w["document"]  # type: ignore[index]
    return {
        "day": _Rx(rf"(?:{_alt(day['openers'])})\s+(?:ngày\s+)?(?P<a>{_DA})"  # type: ignore[index]
                   rf"|{_w('tháng')}(?<=\d[ ]tháng)\s+\d{{1,2}}(?:\s*,?\s*năm\s+{Y})?(?![\d/])"),
        "day_cue": _Rx(rf"{_B}{_alt(day['cues'])}{_E}"),  # type: ignore[index]
        "fronted": _Rx(rf"{_alt(day['fronted'])}\s"),  # type: ignore[index]
        "plan_cue": _Rx(rf"{_B}{_alt(plan['cues'])}{_E}"),  # type: ignore[index]
        "plan_result": _Rx(rf"{_B}{_alt(plan['results'])}{_E}"),  # type: ignore[index]
        "plan_span": _Rx(rf"(?=[nNcC]){_B}{_alt(plan['spans'])}(?:\s+(?:{Y}|nay))?{_E}"),  # type: ignore[index]
        "flow": _Rx(rf"{_B}{_alt(w['stock']['flow_verbs'])}{_E}"),  # type: ignore[index]
        "document": _Rx(rf"{_B}{_alt(doc['words'])}{_E}[^,;.\n]{{0,45}}$"),  # type: ignore[index]
    }


def day_cue(work: str, start: int, end: int) -> bool:
    """Whether work[start:end] speaks of one day ("trong buổi sáng", "ngày làm việc đầu tiên")."""
    return _lexicon_rx()["day_cue"].search(work, start, end) is not None


def fronted_day(work: str, mention: Mention, sentence_start: int) -> bool:
    """Whether a day mention opens its sentence with a part of the day ("Sáng 02/7, ...")."""
    if work[sentence_start:mention.start].strip(" \t\n-–•*+"):
        return False
    m = _lexicon_rx()["fronted"].search(work, mention.start, mention.end)
    return m is not None and m.start() == mention.start


def flow_verb(work: str, start: int, end: int) -> bool:
    """Whether work[start:end] changes a list of procedures ("công bố", "bãi bỏ")."""
    return _lexicon_rx()["flow"].search(work, start, end) is not None


class _Finder:
    """The mentions of one text, with what relative and partial dates need."""

    def __init__(self, work: str, published: dt.date | None):
        self.work = work
        self.ref = reference(work, published)
        self.years = Years(work, published)
        self.low = lowered(work) or work  # for the small look-behind checks (case-insensitive)
        self.found: list[Mention] = []
        self._named: list[Mention] | None = None  # (for closing days; see _closing)
        self._named_starts: list[int] = []

    def add(self, m: re.Match[str], value: str | None, kind: str) -> None:
        self.found.append(Mention(m.start(), m.end(), value, kind))

    def date(self, raw: str, pos: int, year: int | None = None) -> dt.date | None:
        d, mo, y = parse_day(raw)
        y = y or year or self.years.of(pos, mo, d)
        return day(y, mo, d) if y else None

    def year_of(self, raw: str | None, pos: int) -> int | None:
        """A year written (digits or "nay"), else the reference year, else the nearest named."""
        if raw and raw.isdigit():
            return int(raw)
        if self.ref is not None:
            return self.ref.year
        return None if raw else self.years.near(pos)

    # -- explicit spans --------------------------------------------------------
    def ranges(self) -> None:
        for m in _RANGE.finditer(self.work):
            b = self.date(m.group("b"), m.start("b"))
            val = None
            if b is not None:
                parts = [int(p) for p in re.findall(r"\d+", m.group("a"))]
                d1, m1 = parts[0], parts[1] if len(parts) > 1 else b.month
                y1 = parts[2] if len(parts) > 2 else (b.year - 1 if m1 > b.month else b.year)
                a = day(y1, m1, d1)
                val = span(a, b) if a else None
            self.add(m, val, "range")
        for m in _MONTH_RANGE.finditer(self.work):
            y2 = self.year_of(m.group("y2"), m.start())
            m1, m2 = int(re.match(r"\d+", m.group("m1")).group()), int(re.match(r"\d+", m.group("m2")).group())  # type: ignore[union-attr]
            y1 = int(m.group("y1")) if m.group("y1") else (y2 - 1 if y2 and m1 > m2 else y2)
            self.add(m, months(y1, m1, y2, m2) if y1 and y2 else None, "range")

    def since(self) -> None:
        for m in _SINCE_START.finditer(self.work):
            y = int(m.group("y")) if m.group("y") else None
            val = None
            if m.group("day"):
                b = self.date(m.group("day"), m.start("day"), y)
                val = span(dt.date(b.year, 1, 1), b) if b else None
            elif m.group("mon"):
                mo = int(re.match(r"\d+", m.group("mon")).group())  # type: ignore[union-attr]
                yy = int(m.group("my")) if m.group("my") else (y or self.year_of(None, m.start()))
                val = months(yy, 1, yy, mo) if yy else None
            else:  # "từ đầu năm (đến nay)": to the reference date, or to the end of the report's own period
                end = self._open_end(m.start(), y, bool(m.group("now")))
                val = None if end is None else months(end.year, 1, end.year, end.month) \
                    if end == month_end(end.year, end.month) and end != self.ref else span(dt.date(end.year, 1, 1), end)
            self.add(m, val, "since")
        for m in _SINCE_DAY.finditer(self.work):
            a = self.date(m.group("a"), m.start("a"))
            self.add(m, span(a, self.ref) if a and self.ref else None, "since")
        for m in _SINCE_YEAR.finditer(self.work):
            a = dt.date(int(m.group("y")), 1, 1)
            self.add(m, span(a, self.ref) if self.ref else None, "since")

    def _open_end(self, pos: int, year: int | None, now: bool) -> dt.date | None:
        """End of "từ đầu năm": the reference date; without "đến nay", the end of the
        month or quarter the report named last before (a monthly report's "lũy kế từ đầu năm")."""
        if not now:
            for f in reversed(self.found):
                if f.start < pos and f.kind in ("month", "quarter") and f.value:
                    b = bounds(f.value)
                    if b and (year is None or b[1].year == year):
                        return b[1]
        if self.ref and (year is None or year == self.ref.year):
            return self.ref
        return None

    def first_months(self) -> None:
        """"9 tháng (đầu) năm 2024", "6 tháng cuối năm", "nửa đầu năm"."""
        low = self.low
        for m in _MONTHS_OF_YEAR.finditer(self.work):
            c = _COUNT_BEFORE.search(low, max(0, m.start() - 8), m.start())
            if c is None:
                continue
            n = c.group("n")
            count = int(n) if n.isdigit() else _MONTH_WORDS.get(n.lower(), 0)
            y = self.year_of(m.group("y"), m.start())
            if m.group("which") == "cuối":
                if count == 6:
                    self.found.append(Mention(c.start(), m.end(), months(y, 7, y, 12) if y else None, "last_half"))
                continue
            self.found.append(Mention(c.start(), m.end(), months(y, 1, y, count) if y and 1 <= count <= 12 else None,
                                      "first_months"))
        for m in _HALF.finditer(self.work):
            y = self.year_of(m.group("y"), m.start())
            first = m.group("which") == "đầu"
            val = (months(y, 1, y, 6) if first else months(y, 7, y, 12)) if y else None
            self.add(m, val, "first_months" if first else "last_half")

    def until(self) -> None:
        low = self.low
        for m in _UNTIL.finditer(self.work):
            val = None
            if m.group("now"):
                if not _EVER.search(low, max(0, m.start() - 8), m.start()):
                    self.add(m, None, "now")
                continue
            if m.group("day"):
                if not (_UNTIL_LEAD.search(low, max(0, m.start() - 10), m.start()) or m.group("ngay")):
                    continue  # "đến 20/9" alone may be a deadline; "(tính) đến ngày 20/9" is a period
                b = self.date(m.group("day"), m.start("day"))
                val = self._closing(m.start(), b) or (span(dt.date(b.year, 1, 1), b) if b else None)
            else:
                mo = int(re.match(r"\d+", m.group("mon")).group())  # type: ignore[union-attr]
                y = self.year_of(m.group("y"), m.start())
                val = months(y, 1, y, mo) if y else None
            self.add(m, val, "until")

    def _closing(self, pos: int, day_: dt.date | None) -> str | None:
        """"Trong tháng 5/2024, ... Đến ngày 31/5/2024, đã giải quyết ...": a day closing the
        month or quarter the report named last before it keeps that period (not a span from
        the start of the year)."""
        if day_ is None:
            return None
        if self._named is None:  # the periods named so far (calendar spans, ranges), by start
            self._named = sorted((f for f in self.found if f.value and f.kind not in NOT_RESULTS), key=lambda f: f.start)
            self._named_starts = [f.start for f in self._named]
        k = bisect.bisect_left(self._named_starts, pos) - 1
        while k >= 0 and self._named[k].end > pos:
            k -= 1
        last = self._named[k] if k >= 0 else None
        if last is None or last.kind not in ("month", "quarter") or pos - last.end > CLOSING_REACH:
            return None
        b = bounds(last.value)  # type: ignore[arg-type]
        return last.value if b and b[0] <= day_ <= b[1] else None

    # -- named calendar spans ------------------------------------------------------
    def calendar(self) -> None:
        for m in _QUARTER.finditer(self.work):
            y = self.year_of(m.group("y"), m.start())
            q = ROMAN[m.group("q").lower()]
            self.add(m, f"{y}-Q{q}" if y else None, "quarter")
        for m in _MONTH.finditer(self.work):
            if m.group("m"):
                mo = int(re.match(r"\d+", m.group("m")).group())  # type: ignore[union-attr]
                y = self.year_of(m.group("y"), m.start())
            else:
                mo, y = int(m.group("m3")), int(m.group("y3"))
            self.add(m, months(y, mo, y, mo) if y else None, "month")
        for m in _RELATIVE.finditer(self.work):
            if self.ref is None or _REL_NOT.search(self.work, max(0, m.start() - 20), m.start()):
                continue
            back = words()["relative"].get(re.sub(r"\s+", " ", m.group("w").lower()), 0)  # type: ignore[attr-defined]
            size = 3 if m.group(0).lower().startswith("quý") else 1
            first = (self.ref.month - 1) // size * size + 1 + back * size
            y = self.ref.year + (first - 1) // 12
            first = (first - 1) % 12 + 1
            self.add(m, months(y, first, y, first + size - 1), "quarter" if size == 3 else "month")
        for m in _YEARS.finditer(self.work):
            a, b = int(m.group("a")), int(m.group("b"))
            self.add(m, months(a, 1, b, 12) if a < b else None, "years")
        for m in _YEAR.finditer(self.work):
            self.add(m, m.group("y"), "year")

    def relative_years(self) -> None:
        for m in _REL_YEAR.finditer(self.work):
            if _REL_NOT.search(self.work, max(0, m.start() - 20), m.start()):
                continue
            w = (m.group("w") or m.group("w2") or "").lower()
            if not w:
                y = _context_year(self.found, m.start()) or (self.ref.year if self.ref else None)
            elif not self.ref:
                continue
            elif w == "nay":
                y = self.ref.year
            else:  # "năm qua" early in a year is the year before
                y = self.ref.year - 1 if self.ref.month <= 3 else self.ref.year
            if y:
                self.add(m, str(y), "year")

    def weeks(self) -> None:
        for m in _WEEK.finditer(self.work):
            lead = _IN_WEEK.search(self.low, max(0, m.start() - 16), m.start())
            if (lead or m.group("w")) and not _REL_NOT.search(self.work, max(0, m.start() - 20), m.start()):
                start = lead.start() if lead else m.start()  # the week named by a range of the text (_windows)
                self.found.append(Mention(start, m.end(), None, "week"))

    # -- days, plans, documents ------------------------------------------------------
    def days(self) -> None:
        rx = _lexicon_rx()
        for m in rx["day"].finditer(self.work):
            start = m.start()
            if m.group("a"):
                if start and (self.low[start - 1].isalnum() or self.low[start - 1] == "_"):
                    continue  # inside a word
                raw, pos = m.group("a"), m.start("a")
            else:  # "20 tháng 11": the day is written before "tháng"
                c = _DAY_BEFORE.search(self.low, max(0, start - 4), start)
                if c is None:
                    continue
                start = pos = c.start()
                raw = self.low[start:m.end()]
            if rx["document"].search(self.work, max(0, start - 60), start):
                self.found.append(Mention(start, m.end(), None, "document"))
                continue
            d = self.date(raw, pos)
            self.found.append(Mention(start, m.end(), d.isoformat() if d else None, "day"))
        for m in rx["plan_span"].finditer(self.work):
            self.add(m, None, "plan")

    def run(self) -> list[Mention]:
        for step in (self.calendar, self.ranges, self.since, self.first_months, self.until,
                     self.relative_years, self.weeks, self.days):
            step()
        return _windows(_now(self.work, self._plans(_resolve(self.work, self.found))))

    def _plans(self, mentions: list[Mention]) -> list[Mention]:
        """A period named after a plan word of its clause is a plan's ("phương hướng, nhiệm
        vụ năm 2023"), unless a result word comes first ("kết quả thực hiện chỉ tiêu năm 2023")."""
        rx = _lexicon_rx()
        out = []
        for f in mentions:
            if f.kind not in NOT_RESULTS:
                a = max(0, f.start - 60)
                cut = None
                for cut in _CLAUSE_CUT.finditer(self.work, a, f.start):
                    pass
                a = cut.end() if cut else a
                cue = None
                for cue in rx["plan_cue"].finditer(self.work, a, f.start):
                    pass
                if cue and not rx["plan_result"].search(self.work, a, cue.start()):
                    f = Mention(f.start, f.end, None, "plan")
            out.append(f)
        return out


def _context_year(found: list[Mention], pos: int) -> int | None:
    """The year of the last plain year named shortly before `pos` ("Năm 2020, ... Trong năm, ...")."""
    best = None
    for f in found:
        if f.kind == "year" and pos - 800 <= f.start and f.end <= pos and f.value and f.value.isdigit() and (best is None or f.start > best.start):
            best = f
    return int(best.value) if best and best.value else None


def _resolve(work: str, found: list[Mention]) -> list[Mention]:
    """Longest first at a position, no overlaps, comparisons and carried-over counts left out."""
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
    return out


def find(work: str, published: dt.date | None = None) -> list[Mention]:
    """All period mentions of the working text, in text order, without overlaps."""
    return _Finder(work, published).run()


def _now(work: str, mentions: list[Mention]) -> list[Mention]:
    """"Đến nay" continues the span to now named last before it ("Từ đầu năm đến nay, ...
    Đến nay đã giải quyết ..."); without one, its start is unknown and it fixes no period.
    An open "từ đầu năm 2017 đến nay" without a reference date ends where the text's own
    "tính đến cuối tháng 5 năm 2017" says."""
    out: list[Mention] = []
    last: Mention | None = None
    for i, m in enumerate(mentions):
        if m.kind == "now":
            m = Mention(m.start, m.end, last.value if last else None, "now")
        elif m.kind == "since" and m.value is None:
            year = re.search(Y, work[m.start:m.end])
            until = next((u for u in mentions[i + 1:] if u.kind == "until" and u.value), None)
            if year and until and until.value and until.value.startswith(f"{year.group()}-01"):
                m = Mention(m.start, m.end, until.value, "since")
        if m.kind == "since" and m.value:
            last = m
        out.append(m)
    return out


def _span_days(value: str) -> int | None:
    b = bounds(value)
    return (b[1] - b[0]).days if b and ".." in value and len(value) > 16 else None


def _windows(mentions: list[Mention]) -> list[Mention]:
    """A month or quarter named after an explicit day range that is its reporting window
    ("từ 21/7 đến 20/8/2021 ... tháng 8/2021") takes that range; a week named
    ("trong tuần") takes the week-long range of the text nearest to it."""
    out: list[Mention] = []
    windows = [m for m in mentions if m.kind == "range" and m.value and _span_days(m.value) is not None]
    for m in mentions:
        if m.kind == "week":
            weeks = [w for w in windows if 4 <= (_span_days(w.value) or 0) <= 8]  # type: ignore[arg-type]
            if weeks:
                near = min(weeks, key=lambda w: abs(w.start - m.start))
                m = Mention(m.start, m.end, near.value, "week")
        elif m.kind in ("month", "quarter") and m.value:
            for w in reversed(windows):
                assert w.value is not None
                days = _span_days(w.value) or 0
                first, end = bounds(w.value) or (None, None)
                if end is None:
                    continue
                if m.kind == "month" and end.isoformat()[:7] == m.value and 25 <= days <= 35:
                    m = Mention(m.start, m.end, w.value, "range")
                    break
                if m.kind == "quarter" and 80 <= days <= 100:
                    y, q = m.value.split("-Q")
                    last = int(q) * 3
                    if end.year == int(y) and last - 1 <= end.month <= last:
                        m = Mention(m.start, m.end, w.value, "range")
                        break
        out.append(m)
    return out


def last_day(y: int, m: int) -> int:
    return month_end(y, m).day


__all__ = ["DATELINE_REACH", "Mention", "NOT_RESULTS", "day_cue", "find", "flow_verb", "fronted_day", "last_day", "words"]
