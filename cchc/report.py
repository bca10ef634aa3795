"""The comparison report: rows of the `comparison` table (one per unit × period × channel).

Filters: unit, district and province match a part of the name with or without accents and
in any case; a period is kept when it lies inside [since, until] (containment), or, with
`overlapping`, when it shares at least one day with it. Rows come ordered by unit, then
period start, then period length.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from store.search import fold_key

COLUMNS = (
    ("unit", "Unit"), ("level", "Level"), ("period", "Period"), ("channel", "Channel"),
    ("received", "Received"), ("resolved", "Resolved"),
    ("early_or_on_time_pct", "Early/on time %"), ("late_pct", "Late %"),
    ("source", "Source"), ("flagged", "Flags"),
)
#: The numbers of the default report; rows with none of them are left out.
HEADLINE_COLUMNS = ("received", "resolved", "early_or_on_time_pct", "late_pct")
#: CSV only: what a row is made of and how far it can be trusted.
CSV_EXTRA = ("period_kind", "period_start", "period_end", "province", "district",
             "flag_list", "conflict", "conflict_metrics", "source_url", "stated_at")
#: Terminal columns dropped, in this order, until the table fits the terminal (the ⚠ and ≠
#: marks beside numbers stay; the CSV keeps every column).
NARROW_DROPS = ("channel", "level", "source", "flagged")
#: The Flags column folds its text beyond this width.
FLAGS_WIDTH = 30


@dataclass(frozen=True)
class ReportFilter:
    """Which rows of the comparison to show (None: no condition)."""

    province: str | None = None
    district: str | None = None
    since: str | None = None
    until: str | None = None
    channel: str | None = None  # None: all channels together ("hồ sơ" in general)
    unit: str | None = None
    level: str | None = None
    kind: str | None = None
    overlapping: bool = False  # periods sharing a day with [since, until], not inside it
    period: str | None = None

    def describe(self) -> str:
        """The filters set, as `name=value` pairs (for report headers)."""
        shown = []
        for f in fields(self):
            value = getattr(self, f.name)
            if value and f.name != "overlapping":
                shown.append(f"{f.name}={value}")
        if self.overlapping and (self.since or self.until):
            shown.append("periods overlapping the dates")
        elif self.since or self.until:
            shown.append("periods inside the dates")
        return ", ".join(shown)


def _where(flt: ReportFilter, stating: Sequence[str]) -> tuple[str, list[Any]]:
    """The WHERE clause (and its parameters) of the rows matching `flt` that state at least
    one of the columns `stating` (any row when empty)."""
    where: list[str] = []
    params: list[Any] = []
    if flt.channel:
        where.append("channel = ?")
        params.append(flt.channel)
    else:
        where.append("channel IS NULL")
    for column, value in (("unit_key", flt.unit), ("district_key", flt.district),
                          ("province_key", flt.province)):
        if value:
            where.append(f"instr({column}, ?) > 0")
            params.append(fold_key(value))
    for column, value in (("level", flt.level), ("period_kind", flt.kind),
                          ("period", flt.period)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    if flt.since:
        where.append("period_end >= ?" if flt.overlapping else "period_start >= ?")
        params.append(flt.since)
    if flt.until:
        where.append("period_start <= ?" if flt.overlapping else "period_end <= ?")
        params.append(flt.until)
    if stating:
        where.append("(" + " OR ".join(f"{column} IS NOT NULL" for column in stating) + ")")
    return " AND ".join(where), params


def comparison_rows(db: Database, flt: ReportFilter = ReportFilter(), *,
                    stating: Sequence[str] = (), limit: int | None = None) -> list[dict[str, Any]]:
    """Rows of the comparison table matching `flt` (and stating one of the columns
    `stating`, when given), by unit, period start, period length; the first `limit` only
    when given (an index serves that order, so a screenful is quick at any size)."""
    where, params = _where(flt, stating)
    sql = (f"SELECT * FROM comparison WHERE {where} "
           "ORDER BY unit_key, unit_id, period_start, period_end")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [dict(r) for r in db.query(sql, params)]


def count_rows(db: Database, flt: ReportFilter = ReportFilter(), *,
               stating: Sequence[str] = ()) -> int:
    """How many rows `comparison_rows` would return without a limit."""
    where, params = _where(flt, stating)
    return int(db.execute(f"SELECT count(*) FROM comparison WHERE {where}", params).fetchone()[0])


def format_cell(value: Any) -> str:
    """A number as an analyst reads it: whole counts without decimals, rates with two."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.2f}"
    return str(value)


def write_csv(rows: Sequence[dict[str, Any]], path: Path) -> None:
    """Write the report rows to a CSV file (UTF-8 with BOM so spreadsheet apps read accents)."""
    with path.open("w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.writer(fh)
        writer.writerow([key for key, _ in COLUMNS] + list(CSV_EXTRA))
        for row in rows:
            writer.writerow([format_cell(row.get(key)) for key, _ in COLUMNS]
                            + [format_cell(row.get(key)) for key in CSV_EXTRA])


def console() -> Any:
    """A rich Console as wide as the terminal (COLUMNS when output is not a terminal)."""
    from rich.console import Console

    return Console()


def print_table(rows: Sequence[dict[str, Any]], title: str) -> None:
    """Print the report rows as a terminal table no wider than the terminal."""
    from rich.table import Table

    out = console()
    columns = list(COLUMNS)
    for drop in (None, *NARROW_DROPS):
        columns = [c for c in columns if c[0] != drop]
        if _natural_width(rows, columns) <= out.width:
            break
    table = Table(title=title, expand=False)
    for key, header in columns:
        table.add_column(header, justify="left" if key in {"unit", "level", "period", "channel",
                                                           "source", "flagged"} else "right",
                         overflow="fold", min_width=_MIN_WIDTHS.get(key, len(header)))
    for row in rows:
        table.add_row(*terminal_cells(row, columns))
    out.print(table)
    if any(row.get("flagged") for row in rows):
        out.print("⚠ a figure behind this number fails a consistency check (sums or rates); "
                  "`cchc review queue` lists them.")
    if any(row.get("conflict") for row in rows):
        out.print("≠ another source states this number differently: SELECT * FROM "
                  "comparison_conflicts lists every source's value.")


# Columns that may wrap (the rest keep at least their header's width).
_MIN_WIDTHS = {"unit": 12, "period": 7, "early_or_on_time_pct": 8, "flagged": 6}


def _natural_width(rows: Sequence[dict[str, Any]], columns: list[tuple[str, str]]) -> int:
    """The width of the table without wrapping (3 characters of border per column)."""
    widths = [len(header) for _, header in columns]
    for row in rows:
        for i, cell in enumerate(terminal_cells(row, columns)):
            widths[i] = max(widths[i], min(len(cell), FLAGS_WIDTH))
    return sum(widths) + 3 * len(columns) + 1


def terminal_cells(row: dict[str, Any],
                   columns: Sequence[tuple[str, str]] = COLUMNS) -> list[str]:
    """A report row as terminal cells: ⚠ beside numbers whose figures fail a check, ≠ beside
    numbers another source states differently."""
    from cchc.report_html import flag_marks

    marks = flag_marks(row)
    disputed = set((row.get("conflict_metrics") or "").split(","))
    cells = []
    for key, _ in columns:
        if key == "flagged":
            notes = list(dict.fromkeys(marks.values()))
            if row.get("conflict"):
                notes.append(f"conflict: {row['conflict_metrics']}")
            cells.append("; ".join(notes))
        else:
            mark = (" ⚠" if key in marks else "") + (" ≠" if key in disputed else "")
            cells.append(format_cell(row.get(key)) + mark)
    return cells
