"""Figures as flat rows for export (CSV, Parquet): one row per figure, rejected ones included."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlite_utils import Database

from store.views import FIGURE_SOURCES

#: Export columns, in order.
FIGURE_EXPORT_COLUMNS = (
    "unit", "level", "district", "province", "period", "period_start", "period_end",
    "period_kind", "metric", "channel", "value", "machine_value", "source", "evidence",
    "url", "stated_at", "review", "confidence", "flags", "fingerprint",
)

_SQL = f"""
SELECT f.unit, coalesce(f.level, s.level) AS level, s.district, s.province, f.period,
       f.period_start, f.period_end, f.period_kind, f.metric, f.channel,
       CASE WHEN r.decision = 'corrected' THEN r.new_value ELSE f.value END AS value,
       f.value AS machine_value, f.source, f.evidence, coalesce(a.url, p.url) AS url,
       coalesce(a.published, w.updated_at) AS stated_at,
       coalesce(r.decision, 'unreviewed') AS review, f.confidence, f.flags, f.fingerprint
{FIGURE_SOURCES}ORDER BY f.unit_key, f.period_start, f.period_end, f.metric, f.channel, f.id
"""


def figure_export_rows(db: Database) -> Iterator[dict[str, Any]]:
    """Every figure with its unit, period as data, reviewed value and review state
    (confirmed, corrected, rejected or unreviewed)."""
    for row in db.query(_SQL):
        yield {k: row[k] for k in FIGURE_EXPORT_COLUMNS}
