"""The comparison report as an Excel workbook (openpyxl): table, ranking, notes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cchc.report import COLUMNS
from cchc.report_html import flag_marks

FLAG_FILL = "FFF4E0"
SHEET_COLUMNS = (*COLUMNS[:4], ("unit_2025", "Unit (2025)"),
                 ("unit_2025_status", "2025 status"), *COLUMNS[4:8],
                 ("late_pct_recomputed", "Late % (recomputed)"), ("late", "Late"),
                 *COLUMNS[8:], ("flag_list", "Failed checks"))


def write_xlsx(rows: Sequence[dict[str, Any]], path: Path, *, metric: str = "late_pct",
               filters: str = "") -> None:
    """Write `rows` (comparison view) to `path`; flagged numbers are shaded with a comment."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "Comparison"
    ws.append([header for _, header in SHEET_COLUMNS])
    fill = PatternFill("solid", fgColor=FLAG_FILL)
    for r in rows:
        ws.append([r.get(key) for key, _ in SHEET_COLUMNS])
        marks = flag_marks(r)
        for col, (key, _) in enumerate(SHEET_COLUMNS, start=1):
            if key in marks:
                cell = ws.cell(row=ws.max_row, column=col)
                cell.fill = fill
                cell.comment = Comment(f"Failed checks: {marks[key]}", "cchc")
    _style_header(ws, Font(bold=True))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions

    ranking = wb.create_sheet("Ranking")
    ranking.append(["Rank", "Unit", "Period", metric, "Flagged"])
    latest: dict[str, dict[str, Any]] = {}
    for r in rows:
        if r.get(metric) is not None and (r["unit"] not in latest
                                          or r["period"] > latest[r["unit"]]["period"]):
            latest[r["unit"]] = r
    ordered = sorted(latest.values(), key=lambda r: (-float(r[metric]), r["unit"].lower()))
    for i, r in enumerate(ordered, start=1):
        ranking.append([i, r["unit"], r["period"], r[metric], "⚠" if r.get("flagged") else ""])
    _style_header(ranking, Font(bold=True))

    notes = wb.create_sheet("Notes")
    for line in (
        ("Generated", dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")),
        ("Filters", filters or "none"), ("Ranked by", metric),
        ("Values", "Reviewed values: corrections applied, rejected figures left out."),
        ("Rates", "Late % is the stated rate when the text gives one, else late/resolved."),
        ("Shading", "A shaded cell comes from a figure that failed a consistency check."),
    ):
        notes.append(list(line))
    wb.save(path)


def _style_header(ws: Any, font: Any) -> None:
    for cell in ws[1]:
        cell.font = font
    for column in ws.columns:
        width = max(len(str(c.value or "")) for c in column)
        ws.column_dimensions[column[0].column_letter].width = min(max(width + 2, 8), 40)
