"""`cchc export figures`: every figure as one row of a CSV or Parquet file."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlite_utils import Database

from store.exports import FIGURE_EXPORT_COLUMNS, figure_export_rows


def write_figures_csv(db: Database, path: Path) -> int:
    """Write the figures to `path` (UTF-8 with BOM for spreadsheet apps); returns the count."""
    n = 0
    with path.open("w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIGURE_EXPORT_COLUMNS)
        writer.writeheader()
        for row in figure_export_rows(db):
            writer.writerow(row)
            n += 1
    return n


def write_figures_parquet(db: Database, path: Path) -> int:
    """Write the figures to a Parquet file (pyarrow, the `parquet` extra); returns the count.

    `value` is a float column (counts and rates together); ImportError without pyarrow.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"value": pa.float64(), "machine_value": pa.float64(), "confidence": pa.float64()}
    schema = pa.schema([(c, types.get(c, pa.string())) for c in FIGURE_EXPORT_COLUMNS])
    rows = list(figure_export_rows(db))
    columns = {c: [r[c] for r in rows] for c in FIGURE_EXPORT_COLUMNS}
    for c in ("value", "machine_value"):
        columns[c] = [None if v is None else float(v) for v in columns[c]]
    pq.write_table(pa.table(columns, schema=schema), path)
    return len(rows)
