"""The comparison report as an Excel workbook (openpyxl): table, ranking, notes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cchc.compare import describe_kind, like_key, rank, ranking_period
from cchc.report import COLUMNS
from cchc.report_html import flag_marks

FLAG_FILL = "FFF4E0"
SHEET_COLUMNS = (*COLUMNS[:4], ("unit_2025", "Unit (2025)"),
                 ("unit_2025_status", "2025 status"), *COLUMNS[4:8],
                 ("late_pct_recomputed", "Late % (recomputed)"), ("late", "Late"),
                 ("period_kind", "Period kind"), ("period_start", "Period start"),
                 ("period_end", "Period end"), *COLUMNS[8:], ("flag_list", "Failed checks"),
                 ("conflict_metrics", "Other sources differ on"), ("source_url", "Source URL"))


def write_xlsx(rows: Sequence[dict[str, Any]], path: Path, *, metric: str = "late_pct",
               filters: str = "", kind: str | None = None) -> None:
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
    ranking.append(["Rank", "Unit", "Period", metric, "Flagged", "Conflict"])
    period = ranking_period(rows, metric, kind)
    compared = "nothing to rank"
    if period is not None:
        like = next(like_key(r) for r in rows if r["period"] == period)
        compared = f"{period}, {describe_kind(*like)}"
        for entry in rank(rows, metric, like, period):
            r = entry.row
            ranking.append([entry.rank, r["unit"], r["period"], r[metric],
                            "⚠" if r.get("flagged") else "", r.get("conflict_metrics") or ""])
    _style_header(ranking, Font(bold=True))

    notes = wb.create_sheet("Notes")
    for line in (
        ("Generated", dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")),
        ("Filters", filters or "none"), ("Ranked by", metric), ("Ranking compares", compared),
        ("Sources", "Each row's numbers come from one article or one statistics box."),
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
