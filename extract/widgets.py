"""Portal statistics boxes inside page text ("Kết quả giải quyết TTHC / Đến tháng 06 đã
giải quyết: 99.8% / Số hồ sơ xử lý: 498 / ... / (Cập nhật lúc: 27/06/2022 04:09:32)").

The headline percentage is the early-or-on-time rate; the period runs from January to
the named month of the year of the update stamp (or of `published`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from extract.tables import stacked

_HEAD = re.compile(r"(?i:đến\s+tháng)\s*(?P<m>\d{1,2})(?:\s*/\s*(?P<y>\d{4}))?\s*(?i:đã\s+giải\s+quyết)\s*:?\s*"
                   r"(?P<v>\d{1,3}(?:[.,]\d{1,2})?)\s*%")
_TITLE = re.compile(r"(?i:kết\s+quả\s+(?:giải\s+quyết|xử\s+lý)\s+(?:TTHC|thủ\s+tục\s+hành\s+chính|hồ\s+sơ))")
_UPDATED = re.compile(r"(?i:cập\s+nhật(?:\s+(?:lúc|ngày|đến\s+ngày))?)\s*:?\s*(?P<d>\d{1,2})/(?P<mo>\d{1,2})/(?P<y>\d{4})")
# "label: value" or a table row "label | value" (a tab cell separator is "|" in the working text)
_LINE = re.compile(r"^[^\W\d_][^:|\n]{1,40}[:|]\s*\d[\d.,]*\s*%?\s*$", re.MULTILINE)
_SEP = re.compile(r"[:|]")


@dataclass(frozen=True, slots=True)
class Block:
    """A statistics box: its span in the working text, headline and period."""

    start: int
    end: int
    period: str | None
    head_value: float | None = None
    head_start: int = 0
    head_end: int = 0


def _label_blocks(work: str, published: dt.date | None, taken: list[Block]) -> list[Block]:
    """Runs of three or more "label: number" lines, at least two labelled with a metric cue
    ("Tổng số hồ sơ: 1.234 / Đúng hạn: 1.200 / Quá hạn: 34"): a system-generated box."""
    from extract.lexicon import metric_cues

    cues = metric_cues()
    out: list[Block] = []
    run: list[re.Match[str]] = []

    def close() -> None:
        if len(run) >= 3 and sum(1 for m in run if cues.all(_SEP.split(m.group(0))[0])) >= 2:
            _add_block(work, run[0].start(), run[-1].end(), taken + out, out)
        run.clear()

    for m in _LINE.finditer(work):
        if run and work[run[-1].end():m.start()].strip():
            close()
        run.append(m)
    close()
    for pairs in stacked(work):  # "Hồ sơ đã giải quyết\n11.015\n...": a box one cell per line
        _add_block(work, pairs[0][0], pairs[-1][3], taken + out, out)
    return out


def _add_block(work: str, start: int, end: int, taken: list[Block], out: list[Block]) -> None:
    """A box from `start` to `end` (and its update stamp right after), unless already taken;
    its period runs from January to the month of the stamp."""
    if any(b.start <= start < b.end for b in taken):
        return
    upd = _UPDATED.search(work, end, min(len(work), end + 200))
    period = None
    if upd:
        y, mo = int(upd.group("y")), int(upd.group("mo"))
        period = f"{y}-01..{y}-{mo:02d}" if 1 <= mo <= 12 else None
    out.append(Block(start, upd.end() if upd else end, period))


def find_blocks(work: str, published: dt.date | None = None) -> list[Block]:
    """Statistics boxes of the working text."""
    out: list[Block] = []
    for m in _HEAD.finditer(work):
        title = None
        for t in _TITLE.finditer(work, max(0, m.start() - 80), m.start()):
            title = t
        start = title.start() if title else m.start()
        upd = _UPDATED.search(work, m.end(), min(len(work), m.end() + 400))
        end = upd.end() if upd else m.end()
        if not upd:
            for line in _LINE.finditer(work, m.end(), min(len(work), m.end() + 400)):
                if work[end:line.start()].strip():
                    break
                end = line.end()
        if upd:
            end = work.find("\n", end) if work.find("\n", end) != -1 else len(work)
        year = int(m.group("y")) if m.group("y") else int(upd.group("y")) if upd else (
            published.year if published else None)
        month = int(m.group("m"))
        period = f"{year}-01..{year}-{month:02d}" if year and 1 <= month <= 12 else None
        value = float(m.group("v").replace(",", "."))
        out.append(Block(start, end, period, value, m.start("v"), m.end()))
    return out + _label_blocks(work, published, out)
