"""Statistics tables flattened to text: a header row, then rows of a label and numbers.

    Đơn vị | Tiếp nhận | Đã giải quyết | Quá hạn      cells split by "|", a tab (which the
    Phường 1 | 168 | 163 | 0                          working text turns into "|") or 2+
    Cấp xã 152.330 149.912 12                         spaces; or a label and then as many
    1 | Thành phố Lai Châu | 87,94                    bare numbers as the header has value
                                                      columns ("Cấp xã 152.330 ...")

Stages: lines -> cells -> a header row (no numbers in it) -> the data rows right under it
-> the header's columns read into meanings -> each number cell reads its column and its
row label.

A column's meaning is read from its header cell: the metric and channel cues
(metrics.toml, channels.toml: "Tiếp nhận", "Trễ hạn", "Trực tuyến"), a level ("Cấp xã":
the cell's unit) and the column words of lexicon/tables.toml: row numbers ("STT": no
figures), a rank and a score (par_rank, par_index: only under a PAR index), "Tổng" (total),
"%" alone (the rate of the column before), a part of the column before ("Trong đó trực
tuyến": its metric, online). A percentage, or a column whose header names a rate, is a
rate. A column whose header says nothing and whose cells are numbers takes the metric its
row label names ("Tiếp nhận | 12.345 | 8.900" under "| Cấp tỉnh | Cấp xã"); a column of
words is a label column. A row's label is its first word cell ("Phường 1", "Tháng 7",
"Tổng cộng"): the row's unit or period, read by the placer. A cell that neither its column
nor its row gives a metric is not read.

A portal box flattened one cell per line is the same structure turned on its side: a
label line, then its value alone on the next line ("Hồ sơ đã giải quyết\n11.015"), under
a box heading (boxes.toml: "Tình hình xử lý hồ sơ") or in a run of three or more such
pairs; each value takes its label's metric (`stacked`).
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from extract.channels import GENERAL
from extract.drafts import RATE_OF
from extract.lexicon import Matcher, channel_cues, index_cues, metric_cues
from extract.numbers import Num, token

COLUMNS_FILE = Path(__file__).with_name("lexicon") / "tables.toml"
PAR_REACH = 2000  # how far before a table its PAR index may be named
MAX_LABEL = 80  # a row label longer than this is prose, not a table row

_SPLIT = re.compile(r"[ ]*\|[ ]*| {2,}")
_NUMERIC = re.compile(r"[~≈<>]?\s*\d[\d.,]*\s*%?|-|–|")
_TOKEN = re.compile(r"\S+")
_RATE_HEAD = re.compile(r"(?i:t[ỷỉ]\s+lệ|%)")
_LEVEL = re.compile(r"(?i:cấp\s+(?:tỉnh|huyện|xã))")
_ROW_NUMBER = re.compile(r"\d{1,3}[.)]?\s+")


@dataclass(frozen=True, slots=True)
class Cell:
    """One number cell of a table, as its header and row label read it."""

    num: Num
    metric: str  # a count metric, a rate metric when kind is "rate", par_rank, par_index
    kind: str  # count, rate, rank, index
    channel: str | None
    subject: str | None  # a unit named by the column header ("Cấp xã")
    row_start: int  # the row's line start (evidence starts there)
    label_start: int  # the row label (the row's unit or period, read by the placer)
    label_end: int
    lead_start: int  # start of the line above the table (its caption)
    header_start: int
    head: tuple[int, int] | None = None  # the column's header cell (it may name the cell's period)


@dataclass(frozen=True, slots=True)
class Column:
    """What a header cell says its column holds."""

    metric: str | None
    rate: bool
    channel: str | None
    unit: str | None
    role: str  # value, numbering, rank, score, or unknown (a label column unless its cells are numbers)


@dataclass(frozen=True, slots=True)
class _Row:
    start: int
    cells: tuple[tuple[int, int], ...]  # one span per header column (loose rows: label, then values)


@functools.cache
def column_words() -> dict[str, frozenset[str]]:
    """lexicon/tables.toml: header words by role, and the openers of part columns."""
    data = tomllib.loads(COLUMNS_FILE.read_text(encoding="utf-8"))
    out = {role: frozenset(_key(w) for w in words) for role, words in data["columns"].items()}
    out["parts"] = frozenset(_key(w) for w in data["parts"]["phrases"])
    return out


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _cells(line: str, start: int) -> list[tuple[int, int]]:
    """Spans of a line's cells (a leading "|" opens an empty first cell)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _SPLIT.finditer(line):
        out.append((start + pos, start + m.start()))
        pos = m.end()
    out.append((start + pos, start + len(line.rstrip())))
    return out


def read_column(text: str, previous: Column | None, metrics: Matcher, channels: Matcher) -> Column:
    """The meaning of one header cell (`previous`: the column before it)."""
    words = column_words()
    key = _key(text).strip(" :")
    found = [c for c in metrics.finditer(text)]
    best = max(found, key=lambda c: c[2].priority, default=None)
    metric = best[2].label if best else None
    if metric is not None and metric.startswith("combo:"):
        metric = None
    ch = next((c[2].label for c in channels.finditer(text)), None)
    channel = None if ch == GENERAL else ch
    rate = bool(_RATE_HEAD.search(text))
    role = "numbering" if key in words["numbering"] else "rank" if key in words["rank"] else \
        "score" if key in words["score"] else "value"
    if metric is None and key in words["total"]:
        metric = "total"
    before = previous.metric if previous is not None and previous.role == "value" and not previous.rate else None
    if metric is None and (key in words["rate_alone"] or any(key.startswith(p + " ") for p in words["parts"])
                           or channel is not None and not rate):
        metric = before  # "Đã giải quyết | %", "Tiếp nhận | Trong đó trực tuyến"
    unit = text.strip() if _LEVEL.fullmatch(text.strip()) else None
    if role == "value" and metric is None and channel is None and unit is None and not rate:
        role = "unknown"
    return Column(metric, rate, channel, unit, role)


def _numeric(work: str, span: tuple[int, int]) -> bool:
    return _NUMERIC.fullmatch(work[span[0]:span[1]].strip()) is not None


def _filled(work: str, span: tuple[int, int]) -> bool:
    return bool(work[span[0]:span[1]].strip(" -–"))


def _lines(work: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for line in work.split("\n"):
        yield pos, line
        pos += len(line) + 1


def find(work: str, nums: list[Num]) -> list[Cell]:
    """The number cells of every table in the working text."""
    by_start = {n.start: n for n in nums}
    out = _stacked_cells(work, by_start)
    if "|" not in work and "  " not in work:
        return out
    lines = list(_lines(work))
    k = 0
    while k < len(lines):
        start, line = lines[k]
        header = _cells(line, start) if ("|" in line or "  " in line.strip()) else []
        if len(header) < 2 or any(_numeric(work, c) and _filled(work, c) for c in header):
            k += 1
            continue
        columns = _columns(work, header)
        rows: list[_Row] = []
        j = k + 1
        while j < len(lines):
            row = _row(work, lines[j], header, columns, by_start)
            if row is None:
                break
            rows.append(row)
            j += 1
        if rows:
            out += _read(work, lines[k - 1][0] if k else start, header, columns, rows, by_start)
            k = j
        else:
            k += 1
    return out


@functools.lru_cache(maxsize=2)
def stacked(work: str) -> list[list[tuple[int, int, int, int]]]:
    """Runs of label lines each followed by its value alone on the next line, as (label
    start, label end, value start, value end) per pair: two or more pairs under a box heading,
    else three or more with at least two labels naming a metric."""
    from extract.boxes import is_heading, is_label

    pairs: list[tuple[int, int, int, int]] = []
    for m in _value_line().finditer(work):
        if m.start() == 0:
            continue
        ls = work.rfind("\n", 0, m.start() - 1) + 1
        label = work[ls:m.start() - 1]
        if label.strip() and not re.search(r"\d", label) and is_label(label.strip()):
            a = ls + len(label) - len(label.lstrip())
            pairs.append((a, a + len(label.strip()), m.start("v"), m.end("v")))
    runs: list[list[tuple[int, int, int, int]]] = []
    run: list[tuple[int, int, int, int]] = []
    for pair in pairs + [(-1, -1, -1, -1)]:
        if run and work.find("\n", run[-1][3]) + 1 == work.rfind("\n", 0, pair[0]) + 1 and pair[0] >= 0:
            run.append(pair)
            continue
        if run:
            before = work[:run[0][0]].rstrip("\n").rsplit("\n", 2)[-2:]
            headed = any(is_heading(line.strip()) for line in before)
            named = sum(1 for ls, le, _, _ in run if any(True for _ in metric_cues().finditer(work, ls, le)))
            if len(run) >= (2 if headed else 3) and named >= 2:
                runs.append(run)
        run = [pair]
    return runs


@functools.cache
def _value_line() -> re.Pattern[str]:
    """A line holding only a number (and its unit): a box value under its label line."""
    from extract.boxes import NUMBER, UNIT

    return re.compile(rf"^[ \t]*\(?(?P<v>{NUMBER}{UNIT})\)?[ \t]*$", re.MULTILINE | re.IGNORECASE)


def _stacked_cells(work: str, by_start: dict[int, Num]) -> list[Cell]:
    metrics, channels = metric_cues(), channel_cues()
    out: list[Cell] = []
    for run in stacked(work):
        lead = work.rfind("\n", 0, max(0, run[0][0] - 1)) + 1
        for ls, le, vs, ve in run:
            head = read_column(work[ls:le], None, metrics, channels)
            cell = _cell(work, (vs, ve), head, None, False, by_start)
            if cell is not None:
                num, metric, kind, channel = cell
                out.append(Cell(num, metric, kind, channel, None, ls, ls, le, lead, run[0][0]))
    return out


def _columns(work: str, header: list[tuple[int, int]]) -> list[Column]:
    metrics, channels = metric_cues(), channel_cues()
    out: list[Column] = []
    for s, e in header:
        out.append(read_column(work[s:e], out[-1] if out else None, metrics, channels))
    return out


def _row(work: str, line: tuple[int, str], header: list[tuple[int, int]], columns: list[Column],
         by_start: dict[int, Num]) -> _Row | None:
    """A data row under `header`: as many cells as the header, numbers in its value
    columns; or a label followed by one bare number per value column."""
    start, text = line
    if not text.strip():
        return None
    cells = _cells(text, start) if ("|" in text or "  " in text.strip()) else []
    if len(cells) == len(header):
        numeric = [_numeric(work, c) for c in cells]
        if any(n and _filled(work, c) for n, c in zip(numeric, cells, strict=True)) and all(
                n for n, col in zip(numeric, columns, strict=True) if col.role in ("value", "rank", "score")):
            return _Row(start, tuple(cells))
        return None
    return _loose(work, start, text, columns, by_start)


def _loose(work: str, start: int, text: str, columns: list[Column], by_start: dict[int, Num]) -> _Row | None:
    """"Cấp tỉnh 46.215 38.904 44.870 98,6" under a header whose first column is the label's
    (after a row-number column, if any) and all others are value columns: the last tokens,
    one per value column, are the values; a row number opens the label ("2 Xã Tân An 98 95")."""
    lead = 1 if columns[0].role == "numbering" else 0
    if len(columns) < lead + 2 or columns[lead].role != "unknown" or any(c.role == "unknown" for c in columns[lead + 1:]):
        return None
    tokens = [(start + m.start(), start + m.end()) for m in _TOKEN.finditer(text)]
    need = len(columns) - lead - 1
    if len(tokens) <= need:
        return None
    values = tokens[-need:]
    for s, e in values:
        if not _numeric(work, (s, e)):
            return None
        n = by_start.get(s)
        if n is not None and n.end > e and not (n.whole is not None and " " in work[n.start:n.end]):
            return None  # a number running past the cell that is not "140 139" read as thousands
    numbered = lead and len(tokens) > need + 1 and _numeric(work, tokens[0])
    number = [tokens[0] if numbered else (start, start)] if lead else []
    label = (tokens[1 if numbered else 0][0], tokens[-need - 1][1])
    if label[1] - label[0] > MAX_LABEL or _numeric(work, label):
        return None
    return _Row(start, (*number, label, *values))


def _par_table(work: str, header_start: int) -> bool:
    """Whether the index named last before the table (or in its header) is the PAR index."""
    end = work.find("\n", header_start)
    found = list(index_cues().finditer(work, max(0, header_start - PAR_REACH), len(work) if end == -1 else end))
    return bool(found) and found[-1][2].label == "par"


def _read(work: str, lead_start: int, header: list[tuple[int, int]], columns: list[Column], rows: list[_Row],
          by_start: dict[int, Num]) -> list[Cell]:
    header_start = header[0][0]
    metrics, channels = metric_cues(), channel_cues()
    # a column its header does not name is a label column, unless all its cells are numbers
    words = [c.role == "unknown" and any(not _numeric(work, r.cells[i]) for r in rows) for i, c in enumerate(columns)]
    par = any(c.role in ("rank", "score") for c in columns) and _par_table(work, header_start)
    out: list[Cell] = []
    for row in rows:
        label = next((c for c, w, col in zip(row.cells, words, columns, strict=True)
                      if (w or col.role == "numbering") and _filled(work, c) and not _numeric(work, c)), None)
        if label is not None:
            label = _unnumbered(work, label)
        row_head = read_column(work[label[0]:label[1]], None, metrics, channels) if label else None
        for span, col, w, head in zip(row.cells, columns, words, header, strict=True):
            if w or col.role == "numbering":
                continue
            cell = _cell(work, span, col, row_head, par, by_start)
            if cell is None:
                continue
            num, metric, kind, channel = cell
            ls, le = label if label is not None else (row.start, row.start)
            out.append(Cell(num, metric, kind, channel, col.unit, row.start, ls, le, lead_start, header_start, head))
    return out


def _unnumbered(work: str, label: tuple[int, int]) -> tuple[int, int]:
    """A loose row's label without its row number ("1 Phường An Mỹ")."""
    m = _ROW_NUMBER.match(work, label[0], label[1])
    return (m.end(), label[1]) if m and m.end() < label[1] else label


def _cell(work: str, span: tuple[int, int], col: Column, row: Column | None, par: bool,
          by_start: dict[int, Num]) -> tuple[Num, str, str, str | None] | None:
    """A number cell as (number, metric, kind, channel), or None when nothing names its metric."""
    num = _first_num(work, by_start, *span)
    if num is None:
        return None
    if col.role in ("rank", "score"):
        if not par:
            return None
        return (num, "par_rank", "rank", None) if col.role == "rank" else (num, "par_index", "index", None)
    metric = col.metric or (row.metric if row else None)
    if metric is None:
        return None
    rate = num.percent or col.rate or (row is not None and row.rate)
    if rate:
        metric = RATE_OF.get(metric, "")
        if not metric:
            return None
    channel = col.channel or (row.channel if row else None)
    return num, metric, "rate" if rate else "count", channel


def _first_num(work: str, by_start: dict[int, Num], s: int, e: int) -> Num | None:
    """The number of a cell; one the scan ran across cells ("140 139" in a row split by
    single spaces, read as thousands) is read again from the cell alone."""
    for p in range(max(0, s - 12), e):
        n = by_start.get(p)
        if n is None or n.end <= s:
            continue
        if p >= s and n.end <= e:
            return n
        if n.whole is not None and " " in work[n.start:n.end]:
            a = s + len(work[s:e]) - len(work[s:e].lstrip())
            return token(work, a, e)
        return None
    return None
