"""The `comparison` table: one row per unit × period × channel, every number from one source.

A row's counts and rates come from one article, or from the latest snapshot of one
statistics box: the source a reviewer decided a figure of; else the one stating most of
received, resolved, early/on time and late; else the most recently stated. When other sources state one of the row's figures differently, the row
has `conflict` = 1 and names the metrics in `conflict_metrics`; view `comparison_conflicts`
lists every source's value. Rates are recomputed only from counts of the row's own source.

It is a table, not a view, so reports read it with indexes: extraction refreshes it after
each pass and a review decision refreshes the rows of the figure's period (`refresh`).
Like the views, its shape follows the code (`sync_table` rebuilds it when the code changes).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from store.search import fold_key
from store.views import FIGURE_SOURCES

COUNT_COLUMNS = (
    "received", "carried_over", "total", "resolved", "early", "on_time",
    "early_or_on_time", "late", "pending",
)
RATE_COLUMNS = (
    "early_or_on_time_rate_stated", "late_rate_stated", "early_or_on_time_pct_recomputed",
    "late_pct_recomputed", "early_or_on_time_pct", "late_pct",
)
#: The figures a row is made of (other metrics, such as procedures, are not compared here).
FIGURE_METRICS = (*COUNT_COLUMNS, "early_or_on_time_rate", "late_rate")
#: Rates of one source that add up to more or less than 100 by more than this are flagged.
RATE_SUM_TOLERANCE = 1.0

TABLE_SQL = f"""CREATE TABLE comparison (
  unit TEXT NOT NULL, level TEXT, district TEXT, province TEXT,
  unit_2025 TEXT, unit_2025_status TEXT,
  period TEXT NOT NULL, period_kind TEXT NOT NULL, period_length TEXT NOT NULL,
  period_start TEXT NOT NULL, period_end TEXT NOT NULL, period_number INTEGER,
  channel TEXT,
  {", ".join(f"{c} INTEGER" for c in COUNT_COLUMNS)},
  {", ".join(f"{c} REAL" for c in RATE_COLUMNS)},
  source TEXT NOT NULL, source_url TEXT, stated_at TEXT,
  article_id INTEGER, snapshot_id INTEGER, site_id TEXT,
  figures INTEGER NOT NULL, reviewed INTEGER NOT NULL,
  flagged INTEGER NOT NULL, flag_list TEXT,
  conflict INTEGER NOT NULL, conflict_metrics TEXT, sources INTEGER NOT NULL,
  unit_id TEXT NOT NULL, unit_key TEXT NOT NULL, district_key TEXT, province_key TEXT
)"""

#: Indexes serving the CLI filters (channel, kind, dates, level, unit) and the refresh.
INDEXES = (
    ("comparison_by_kind", "channel, period_kind, period_start, period_end"),
    ("comparison_by_level", "level, channel, period_kind, period_start"),
    ("comparison_by_unit", "unit_key, channel, period_kind, period_start"),
    ("comparison_by_series", "unit_id, channel, period_kind, period_length, period_start"),
    ("comparison_by_period", "period"),
    ("comparison_in_report_order", "channel, unit_key, unit_id, period_start, period_end"),
)


#: The columns REFRESH_SQL fills, in its order (district_key, province_key come after).
INSERTED = (
    "unit", "level", "district", "province", "unit_2025", "unit_2025_status", "period",
    "period_kind", "period_length", "period_start", "period_end", "period_number", "channel",
    *COUNT_COLUMNS, *RATE_COLUMNS, "source", "source_url", "stated_at", "article_id",
    "snapshot_id", "site_id", "figures", "reviewed", "flagged", "flag_list", "conflict",
    "conflict_metrics", "sources", "unit_id", "unit_key",
)


def _pivot(metric: str, column: str | None = None) -> str:
    return f"max(CASE metric WHEN '{metric}' THEN value END) AS {column or metric}"


# Steps: every live figure with its group (unit_id × period × channel) and source; only the
# latest snapshot of a statistics box counts; sources ranked (reviewed, fullest, latest); one
# value per source and metric; metrics whose sources disagree; the first source pivoted.
# Each step is a window over the figures, never a join back to them: a join of two
# materialised steps has no index, and it made a full refresh grow as figures^2.5.
REFRESH_SQL = f"""
WITH fig AS (
  SELECT f.id, f.metric, f.start, f.confidence, f.flags, f.period, f.period_kind,
         f.period_length, f.period_start, f.period_end, f.period_number,
         coalesce(f.channel, '') AS ch, f.unit, f.unit_key,
         f.unit_key || ' | ' || coalesce(s.province, '') AS unit_id,
         coalesce(f.level, s.level) AS level, s.district, s.province, s.id AS site_id,
         CASE WHEN r.decision = 'corrected' THEN r.new_value ELSE f.value END AS value,
         r.decision AS review, f.source, f.article_id, f.snapshot_id,
         coalesce(a.url, p.url) AS url, coalesce(a.published, w.updated_at, w.last_seen_at)
           AS stated_at,
         CASE WHEN f.article_id IS NOT NULL THEN 'article ' || f.article_id
              ELSE 'box ' || w.site_id || ' ' || w.kind END AS lineage,
         u.new_name AS unit_2025, u.status AS unit_2025_status
  {FIGURE_SOURCES}  LEFT JOIN units u ON u.site_id = s.id AND u.name = coalesce(f.subject, s.name)
  WHERE f.period_start IS NOT NULL AND (r.decision IS NULL OR r.decision != 'rejected')
    AND f.metric IN ({", ".join(f"'{m}'" for m in FIGURE_METRICS)}) {{where}}
),
sourced AS (
  SELECT fig.*, max(stated_at) OVER src AS src_stated_at,
         max(review IS NOT NULL) OVER src AS src_reviewed, max(id) OVER src AS src_last_id,
         max(metric = 'received') OVER src + max(metric = 'resolved') OVER src
         + max(metric IN ('early_or_on_time', 'early_or_on_time_rate', 'early', 'on_time'))
           OVER src
         + max(metric IN ('late', 'late_rate')) OVER src AS coverage
  FROM fig
  WINDOW src AS (PARTITION BY unit_id, period, ch, lineage, article_id, snapshot_id)
),
live AS (
  SELECT * FROM (
    SELECT *, dense_rank() OVER (PARTITION BY unit_id, period, ch, lineage
                                 ORDER BY src_stated_at DESC, src_last_id DESC) AS newest
    FROM sourced) WHERE newest = 1
),
ranked AS (
  SELECT *, max(source_rank) OVER (PARTITION BY unit_id, period, ch) AS sources FROM (
    SELECT *, dense_rank() OVER (PARTITION BY unit_id, period, ch
                                 ORDER BY src_reviewed DESC, coverage DESC,
                                          src_stated_at DESC, src_last_id DESC)
                AS source_rank
    FROM live)
),
one_value AS (
  SELECT * FROM (
    SELECT *, row_number() OVER (PARTITION BY unit_id, period, ch, lineage, metric
                                 ORDER BY review IS NOT NULL DESC,
                                          coalesce(confidence, 1) DESC, start, id) AS nth
    FROM ranked) WHERE nth = 1
),
disputed AS (
  SELECT unit_id, period, ch, group_concat(metric, ',') AS metrics FROM (
    SELECT unit_id, period, ch, metric FROM one_value
    GROUP BY unit_id, period, ch, metric HAVING max(value) - min(value) > 0.005
    ORDER BY metric)
  GROUP BY unit_id, period, ch
),
chosen AS (
  SELECT min(unit) AS unit, min(level) AS level, min(district) AS district,
         min(province) AS province, min(unit_2025) AS unit_2025,
         min(unit_2025_status) AS unit_2025_status, period, min(period_kind) AS period_kind,
         min(period_length) AS period_length, min(period_start) AS period_start,
         min(period_end) AS period_end, min(period_number) AS period_number,
         nullif(ch, '') AS channel,
         {", ".join(_pivot(m) for m in COUNT_COLUMNS)},
         {_pivot("early_or_on_time_rate", "early_or_on_time_rate_stated")},
         {_pivot("late_rate", "late_rate_stated")},
         min(source) AS source, min(url) AS source_url, max(stated_at) AS stated_at,
         min(article_id) AS article_id, min(snapshot_id) AS snapshot_id,
         min(site_id) AS site_id, count(*) AS figures,
         sum(CASE WHEN review IS NOT NULL THEN 1 ELSE 0 END) AS reviewed,
         group_concat(CASE WHEN flags IS NOT NULL AND flags != '[]'
                           THEN metric || ' ' || flags END, ', ') AS figure_flags,
         min(sources) AS sources, unit_id, min(unit_key) AS unit_key, ch
  FROM one_value WHERE source_rank = 1
  GROUP BY unit_id, period, ch
),
rated AS (
  SELECT c.*,
    CASE WHEN eot_raw BETWEEN 0 AND 100 THEN eot_raw END AS early_or_on_time_pct_recomputed,
    CASE WHEN late_raw BETWEEN 0 AND 100 THEN late_raw END AS late_pct_recomputed
  FROM (
    SELECT c.*,
      round(100.0 * coalesce(early_or_on_time, early + on_time, resolved - late)
            / nullif(resolved, 0), 2) AS eot_raw,
      round(100.0 * late / nullif(resolved, 0), 2) AS late_raw
    FROM chosen c) c
),
final AS (
  SELECT r.*,
    coalesce(early_or_on_time_rate_stated, early_or_on_time_pct_recomputed)
      AS early_or_on_time_pct,
    coalesce(late_rate_stated, late_pct_recomputed) AS late_pct
  FROM rated r
)
SELECT unit, level, district, province, unit_2025, unit_2025_status, final.period,
       period_kind, period_length, period_start, period_end, period_number, channel,
       {", ".join(COUNT_COLUMNS)}, {", ".join(RATE_COLUMNS)},
       source, source_url, stated_at, article_id, snapshot_id, site_id, figures, reviewed,
       CASE WHEN rate_check IS NOT NULL OR figure_flags IS NOT NULL THEN 1 ELSE 0 END,
       CASE WHEN rate_check IS NULL THEN figure_flags WHEN figure_flags IS NULL THEN rate_check
            ELSE figure_flags || ', ' || rate_check END,
       CASE WHEN d.metrics IS NOT NULL THEN 1 ELSE 0 END, d.metrics, sources, final.unit_id,
       unit_key
FROM (
  SELECT *, CASE WHEN abs(early_or_on_time_pct + late_pct - 100) > {RATE_SUM_TOLERANCE}
                 THEN 'rates ["early_or_on_time_pct+late_pct!=100"]' END AS rate_check
  FROM final) final
LEFT JOIN disputed d ON d.unit_id = final.unit_id AND d.period = final.period
                    AND d.ch = final.ch
"""


STALE_SQL = "CREATE TABLE comparison_stale (period TEXT PRIMARY KEY)"


def sync_table(db: Database) -> bool:
    """(Re)create `comparison` when its stored schema differs from `TABLE_SQL`; True if so.

    Like the views, the table holds only what figures and reviews say: rebuilt, not migrated.
    """
    if "comparison_stale" not in db.table_names():
        with db.atomic():  # looked at again under the write lock: another process may be first
            if "comparison_stale" not in db.table_names():
                db.execute(STALE_SQL)
    row = db.execute("SELECT type, sql FROM sqlite_master WHERE name = 'comparison'").fetchone()
    if row is not None and row[0] == "table" and row[1] == TABLE_SQL:
        _add_missing_indexes(db)
        return False
    with db.atomic():
        row = db.execute("SELECT type, sql FROM sqlite_master WHERE name = 'comparison'").fetchone()
        if row is not None and row[0] == "table" and row[1] == TABLE_SQL:
            return False  # another process rebuilt it while we waited for the lock
        if row is not None:
            db.execute(f"DROP {'VIEW' if row[0] == 'view' else 'TABLE'} comparison")
        db.execute(TABLE_SQL)
        for name, columns in INDEXES:
            db.execute(f"CREATE INDEX {name} ON comparison ({columns})")
    refresh(db)
    return True


def _add_missing_indexes(db: Database) -> None:
    """Indexes added to INDEXES since the table was built (an index is no schema change)."""
    have = {r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'comparison'")}
    missing = [(name, columns) for name, columns in INDEXES if name not in have]
    if missing:
        with db.atomic():
            for name, columns in missing:
                db.execute(f"CREATE INDEX IF NOT EXISTS {name} ON comparison ({columns})")


def refresh(db: Database, periods: Iterable[str | None] | None = None) -> int:
    """Recompute the rows of `periods` (every row when None); returns the rows written."""
    where, params = "", []
    if periods is not None:
        wanted = sorted({p for p in periods if p})
        if not wanted:
            return 0
        where = f"AND f.period IN ({', '.join('?' for _ in wanted)})"
        params = wanted
    with db.atomic():
        if periods is None:
            db.execute("DELETE FROM comparison")
        else:
            db.execute(f"DELETE FROM comparison WHERE period IN "
                       f"({', '.join('?' for _ in params)})", params)
        cursor = db.execute(f"INSERT INTO comparison ({', '.join(INSERTED)}) "
                            + REFRESH_SQL.format(where=where), params)
        written = cursor.rowcount
        _fill_folded_names(db)
        if periods is None:
            db.execute("DELETE FROM comparison_stale")
        else:
            db.execute(f"DELETE FROM comparison_stale WHERE period IN "
                       f"({', '.join('?' for _ in params)})", params)
    return int(written)


def mark_stale(db: Database, periods: Iterable[str | None]) -> None:
    """Note periods whose rows must be recomputed (in the caller's transaction)."""
    db.conn.executemany("INSERT OR IGNORE INTO comparison_stale (period) VALUES (?)",
                        [(p,) for p in periods if p])


def refresh_stale(db: Database) -> int:
    """Recompute the rows of every period marked stale; returns the rows written."""
    periods = [r[0] for r in db.execute("SELECT period FROM comparison_stale").fetchall()]
    return refresh(db, periods) if periods else 0


def _fill_folded_names(db: Database) -> None:
    """district_key and province_key: the names folded like unit_key (few distinct values)."""
    for column in ("district", "province"):
        names = [r[0] for r in db.execute(
            f"SELECT DISTINCT {column} FROM comparison WHERE {column}_key IS NULL "
            f"AND {column} IS NOT NULL").fetchall()]
        db.conn.executemany(f"UPDATE comparison SET {column}_key = ? WHERE {column} = ?",
                       [(fold_key(name), name) for name in names])


def periods_of_page(db: Database, page_id: int) -> set[str]:
    """The periods of the figures stored for a page's article (re-extraction may drop them)."""
    return {r[0] for r in db.execute(
        "SELECT DISTINCT f.period FROM figures f JOIN articles a ON a.id = f.article_id "
        "WHERE a.page_id = ? AND f.period IS NOT NULL", [page_id]).fetchall()}
