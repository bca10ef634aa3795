"""The comparison report: one row per unit x period (x channel), from the `comparison` view."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

COLUMNS = (
    ("unit", "Unit"), ("level", "Level"), ("period", "Period"), ("channel", "Channel"),
    ("received", "Received"), ("resolved", "Resolved"),
    ("early_or_on_time_pct", "Early/on time %"), ("late_pct", "Late %"),
    ("sources", "Source"), ("flagged", "Flags"),
)
#: CSV only: the failed consistency checks behind `flagged`.
CSV_EXTRA = ("flag_list",)


@dataclass(frozen=True)
class ReportFilter:
    """Which rows of the comparison to show."""

    province: str | None = None
    district: str | None = None
    since: str | None = None
    until: str | None = None
    channel: str | None = None  # None: all channels together ("hồ sơ" in general)


def comparison_rows(db: Database, flt: ReportFilter = ReportFilter()) -> list[dict[str, Any]]:
    """Rows of the comparison view matching `flt`, ordered by unit then period."""
    where, params = ["1 = 1"], []
    if flt.channel:
        where.append("channel = ?")
        params.append(flt.channel)
    else:
        where.append("channel IS NULL")
    for column, value in (("province", flt.province), ("district", flt.district)):
        if value:
            where.append(f"lower({column}) LIKE lower(?)")
            params.append(f"%{value}%")
    if flt.since:
        where.append("substr(period, 1, 10) >= ?")
        params.append(flt.since)
    if flt.until:
        where.append("substr(period, 1, 10) <= ?")
        params.append(flt.until)
    sql = f"SELECT * FROM comparison WHERE {' AND '.join(where)} ORDER BY lower(unit), period"
    return [dict(r) for r in db.query(sql, params)]


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
                            + [row.get(key) or "" for key in CSV_EXTRA])


def print_table(rows: Sequence[dict[str, Any]], title: str) -> None:
    """Print the report rows as a terminal table."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    for key, header in COLUMNS:
        table.add_column(header, justify="right" if key not in {"unit", "level", "period",
                                                                "channel", "sources"} else "left")
    for row in rows:
        table.add_row(*terminal_cells(row))
    Console(width=160).print(table)
    if any(row.get("flagged") for row in rows):
        Console(width=160).print("⚠ a figure behind this number fails a consistency check "
                                 "(sums or rates); `cchc review queue` lists them.")


def terminal_cells(row: dict[str, Any]) -> list[str]:
    """A report row as terminal cells: ⚠ beside numbers whose figures fail a check."""
    from cchc.report_html import flag_marks

    marks = flag_marks(row)
    cells = []
    for key, _ in COLUMNS:
        if key == "flagged":
            cells.append("; ".join(dict.fromkeys(marks.values())))
        else:
            cells.append(format_cell(row.get(key)) + (" ⚠" if key in marks else ""))
    return cells
