"""SQL views made for comparison. Each is (re)created by a migration."""

from __future__ import annotations

from sqlite_utils import Database

COUNT_COLUMNS = (
    "received", "carried_over", "total", "resolved", "early", "on_time",
    "early_or_on_time", "late", "pending",
)


def _pivot(metric: str, column: str | None = None) -> str:
    return f"max(CASE metric WHEN '{metric}' THEN value END) AS {column or metric}"


# Each figure with the article or statistics box it was read from, its site and its review.
FIGURE_SOURCES = """FROM figures f
LEFT JOIN articles a ON a.id = f.article_id
LEFT JOIN widget_snapshots w ON w.id = f.snapshot_id
JOIN sites s ON s.id = coalesce(a.site_id, w.site_id)
LEFT JOIN reviews r ON r.fingerprint = f.fingerprint
"""

# The latest statement of each metric per unit, period and channel.
FIGURE_LATEST = """
SELECT * FROM (
  SELECT ff.*, row_number() OVER (
    PARTITION BY lower(ff.unit), ff.period, coalesce(ff.channel, ''), ff.metric
    ORDER BY ff.stated_at DESC, ff.figure_id DESC) AS rank_in_group
  FROM figure_facts ff WHERE ff.period IS NOT NULL
) WHERE rank_in_group = 1
"""

# A figure as the analysts see it: the reviewed value when a reviewer corrected it;
# rejected figures are left out. `machine_value` keeps what the extractor read.
FIGURE_FACTS = f"""
SELECT f.id AS figure_id, f.fingerprint, f.metric,
       CASE WHEN r.decision = 'corrected' THEN r.new_value ELSE f.value END AS value,
       f.value AS machine_value, r.decision AS review, f.channel, f.period, f.source, f.flags,
       f.evidence, coalesce(f.subject, s.name) AS unit, coalesce(f.level, s.level) AS level,
       s.id AS site_id, s.name AS site_name, s.district, s.province,
       u.new_name AS unit_2025, u.status AS unit_2025_status,
       a.id AS article_id, a.url AS url, a.title AS title,
       coalesce(a.published, w.updated_at) AS stated_at
{FIGURE_SOURCES}LEFT JOIN units u ON u.site_id = s.id AND u.name = coalesce(f.subject, s.name)
WHERE r.decision IS NULL OR r.decision != 'rejected'
"""

COMPARISON_COUNTS = f"""
SELECT min(unit) AS unit, min(level) AS level, min(province) AS province,
       min(district) AS district, min(unit_2025) AS unit_2025,
       min(unit_2025_status) AS unit_2025_status, period, channel,
       {", ".join(_pivot(m) for m in COUNT_COLUMNS)},
       {_pivot("early_or_on_time_rate", "early_or_on_time_rate_stated")},
       {_pivot("late_rate", "late_rate_stated")},
       group_concat(DISTINCT source) AS sources,
       max(CASE WHEN flags IS NOT NULL AND flags != '[]' THEN 1 ELSE 0 END) AS flagged,
       group_concat(DISTINCT CASE WHEN flags IS NOT NULL AND flags != '[]'
                                  THEN metric || ' ' || flags END) AS flag_list,
       sum(CASE WHEN review IS NOT NULL THEN 1 ELSE 0 END) AS reviewed,
       count(*) AS figures
FROM figure_latest
GROUP BY lower(unit), period, coalesce(channel, '')
"""

# Rates: `*_pct` is the stated rate when the text gives one, else the recomputed one;
# `*_recomputed` is always computed from the counts, so the two can be compared.
COMPARISON = """
SELECT c.*,
  coalesce(early_or_on_time_rate_stated, early_or_on_time_pct_recomputed)
    AS early_or_on_time_pct,
  coalesce(late_rate_stated, late_pct_recomputed) AS late_pct
FROM (
  SELECT c.*,
    -- a share outside 0..100 means the counts come from statements that do not fit
    -- together (e.g. resolved from one article, early_or_on_time from another): no rate.
    CASE WHEN eot_raw BETWEEN 0 AND 100 THEN eot_raw END AS early_or_on_time_pct_recomputed,
    CASE WHEN late_raw BETWEEN 0 AND 100 THEN late_raw END AS late_pct_recomputed
  FROM (
    SELECT c.*,
      round(100.0 * coalesce(early_or_on_time, early + on_time, resolved - late)
            / nullif(resolved, 0), 2) AS eot_raw,
      round(100.0 * late / nullif(resolved, 0), 2) AS late_raw
    FROM comparison_counts c
  ) c
) c
"""

# The latest statistics-box snapshot of each site and box kind.
WIDGET_LATEST = """
SELECT * FROM (
  SELECT w.id AS snapshot_id, w.site_id, s.name AS site_name, w.kind, w.updated_at,
         w.first_seen_at, w.last_seen_at, w.text,
         (SELECT count(*) FROM figures f WHERE f.snapshot_id = w.id) AS figures,
         row_number() OVER (PARTITION BY w.site_id, w.kind
                            ORDER BY coalesce(w.updated_at, w.last_seen_at) DESC, w.id DESC)
           AS rank_in_site
  FROM widget_snapshots w JOIN sites s ON s.id = w.site_id
) WHERE rank_in_site = 1
"""

# Figures no reviewer has decided yet; those flagged inconsistent come first.
FIGURES_TO_REVIEW = f"""
SELECT f.id AS figure_id, f.fingerprint, f.metric, f.value, f.channel, f.period, f.subject,
       f.source, f.flags,
       CASE WHEN f.flags IS NOT NULL AND f.flags != '[]' THEN 1 ELSE 0 END AS flagged,
       f.evidence, s.id AS site_id, s.name AS site_name, a.id AS article_id, a.url, a.title,
       coalesce(a.published, w.updated_at) AS stated_at
{FIGURE_SOURCES}WHERE r.fingerprint IS NULL
"""

#: The views as the code defines them now; `sync_views` brings a database up to them.
CURRENT_VIEWS = {
    "figure_facts": FIGURE_FACTS,
    "figure_latest": FIGURE_LATEST,
    "comparison_counts": COMPARISON_COUNTS,
    "comparison": COMPARISON,
    "widget_latest": WIDGET_LATEST,
    "figures_to_review": FIGURES_TO_REVIEW,
}


def sync_views(db: Database) -> bool:
    """Recreate the views whose stored SQL differs from `CURRENT_VIEWS`; True if any did.

    Views hold no data, so they follow the code instead of needing a migration per edit.
    """
    stored = {name: sql for name, sql in db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'view'").fetchall()}
    stale = [name for name, sql in CURRENT_VIEWS.items()
             if name not in stored or sql.strip() not in stored[name]]
    if not stale:
        return False
    with db.atomic():
        for name, sql in CURRENT_VIEWS.items():
            db.create_view(name, sql, replace=True)
    return True
