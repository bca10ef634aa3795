"""Statistics tables flattened to text: a header row, then rows of a label and numbers.

    Đơn vị | Tiếp nhận | Đã giải quyết | Quá hạn          (cells split by "|", a tab --
    Phường 1 | 168 | 163 | 0                              which the working text turns
    Xã Hải Lệ | 61 | 61 | 0                               into "|" -- or 2+ spaces)

Stages: lines -> rows (cells) -> a header row followed by data rows with as many cells ->
each number cell reads its column header and its row label. Either may name the metric
("Tiếp nhận", "Tỷ lệ đúng hạn"), the channel ("Trực tuyến") or the unit ("Phường 1",
"Cấp xã"); a percentage, or a column whose header names a rate ("Tỷ lệ ...", "%"), is a
rate. A column headed "Tổng", "Tổng số" counts the total; "%" alone is the rate of the
column before it; a numbering column ("STT", "TT") holds no figures. A cell that neither
its column nor its row gives a metric is not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.channels import GENERAL
from extract.drafts import RATE_OF
from extract.lexicon import Matcher, channel_cues, metric_cues
from extract.numbers import Num

_SPLIT = re.compile(r"[ ]*\|[ ]*| {2,}")
_NUMERIC = re.compile(r"[~≈<>]?\s*\d[\d.,]*\s*%?|-|–|")
_RATE_HEAD = re.compile(r"(?i:t[ỷỉ]\s+lệ|%)")
_TOTAL_HEAD = re.compile(r"(?i:tổng(?:\s+số)?(?:\s+hồ\s+sơ)?|cộng)")
_NUMBERING = re.compile(r"(?i:s[ốo]\s*tt|stt|tt|số\s+thứ\s+tự)")
_LEVEL = re.compile(r"(?i:cấp\s+(?:tỉnh|huyện|xã))")


@dataclass(frozen=True, slots=True)
class Cell:
    """One number cell of a table, as its header and row label read it."""

    num: Num
    metric: str  # a count metric, or a rate metric when `rate`
    rate: bool
    channel: str | None
    subject: str | None  # a unit named by the column header ("Cấp xã")
    row_start: int  # the row's line start (evidence starts there)
    label_start: int  # the row label (the row's unit, read by the placer)
    label_end: int
    lead_start: int  # start of the line above the table (its caption)
    header_start: int


@dataclass(frozen=True, slots=True)
class _Head:
    metric: str | None
    rate: bool
    channel: str | None
    unit: str | None
    numbering: bool


def _cells(line: str, start: int) -> list[tuple[int, int]]:
    """Spans of a line's cells (a leading "|" opens an empty first cell)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _SPLIT.finditer(line):
        out.append((start + pos, start + m.start()))
        pos = m.end()
    out.append((start + pos, start + len(line.rstrip())))
    return out


def _read_head(text: str, metrics: Matcher, channels: Matcher, previous: _Head | None, column: bool = True) -> _Head:
    text = text.strip()
    found = [c for c in metrics.finditer(text)]
    best = max(found, key=lambda c: c[2].priority, default=None)
    metric = best[2].label if best else None
    if metric is not None and metric.startswith("combo:"):
        metric = None
    if metric is None and column and _TOTAL_HEAD.fullmatch(text):
        metric = "total"
    rate = bool(_RATE_HEAD.search(text))
    if text in ("%", "(%)", "Tỷ lệ %", "Tỷ lệ (%)") and previous is not None:
        metric = metric or previous.metric
    ch = next((c[2].label for c in channels.finditer(text)), None)
    unit = text if _LEVEL.fullmatch(text) else None
    return _Head(metric, rate, None if ch == GENERAL else ch, unit, bool(_NUMBERING.fullmatch(text)))


def find(work: str, nums: list[Num]) -> list[Cell]:
    """The number cells of every table in the working text."""
    if "|" not in work and "  " not in work:
        return []
    by_start = {n.start: n for n in nums}
    metrics, channels = metric_cues(), channel_cues()
    rows: list[tuple[int, list[tuple[int, int]]]] = []  # consecutive lines with 2+ cells
    out: list[Cell] = []
    pos = 0
    for line in work.split("\n"):
        cells = _cells(line, pos) if ("|" in line or "  " in line.strip()) else []
        if len(cells) >= 2:
            rows.append((pos, cells))
        else:
            out += _table(work, rows, by_start, metrics, channels)
            rows = []
        pos += len(line) + 1
    out += _table(work, rows, by_start, metrics, channels)
    return out


def _numeric(work: str, span: tuple[int, int]) -> bool:
    return _NUMERIC.fullmatch(work[span[0]:span[1]].strip()) is not None


def _table(work: str, rows: list[tuple[int, list[tuple[int, int]]]], by_start: dict[int, Num],
           metrics: Matcher, channels: Matcher) -> list[Cell]:
    if len(rows) < 2:
        return []
    header_start, header = rows[0]
    if any(_numeric(work, c) and work[c[0]:c[1]].strip() for c in header[1:]):
        return []  # a header row names its columns
    lead_end = header_start - 1
    lead_start = work.rfind("\n", 0, max(0, lead_end)) + 1 if lead_end > 0 else header_start
    heads: list[_Head] = []
    for c in header:
        heads.append(_read_head(work[c[0]:c[1]], metrics, channels, heads[-1] if heads else None))
    lab = 1 if heads[0].numbering and len(heads) > 2 else 0  # "STT | Đơn vị | ...": the label column is the second
    out: list[Cell] = []
    for row_start, cells in rows[1:]:
        if len(cells) != len(header) or not all(_numeric(work, c) for c in cells[lab + 1:]):
            break  # the table ends where the rows stop matching its header
        label = work[cells[lab][0]:cells[lab][1]]
        row = _read_head(label, metrics, channels, None, column=False)
        for (s, e), col in zip(cells[lab + 1:], heads[lab + 1:], strict=True):
            num = _first_num(by_start, s, e)
            if num is None or col.numbering:
                continue
            metric = col.metric or row.metric
            rate = num.percent or col.rate or row.rate
            if metric is None:
                continue
            if rate:
                metric = RATE_OF.get(metric, "")
                if not metric:
                    continue
            out.append(Cell(num, metric, rate, col.channel or row.channel, col.unit, row_start, cells[lab][0], cells[lab][1],
                            lead_start, header_start))
    return out


def _first_num(by_start: dict[int, Num], s: int, e: int) -> Num | None:
    for p in range(s, e):
        n = by_start.get(p)
        if n is not None:
            return n
    return None
