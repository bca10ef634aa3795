"""SQL views made for comparison. Each is (re)created by a migration."""

from __future__ import annotations

COUNT_COLUMNS = (
    "received", "carried_over", "total", "resolved", "early", "on_time",
    "early_or_on_time", "late", "pending",
)


def _pivot(metric: str, column: str | None = None) -> str:
    return f"max(CASE metric WHEN '{metric}' THEN value END) AS {column or metric}"


FIGURE_FACTS = """
SELECT f.id AS figure_id, f.metric, f.value, f.channel, f.period, f.source, f.flags,
       f.evidence, coalesce(f.subject, s.name) AS unit, coalesce(f.level, s.level) AS level,
       s.id AS site_id, s.name AS site_name, s.district, s.province,
       a.id AS article_id, a.url AS url, a.title AS title,
       coalesce(a.published, w.updated_at) AS stated_at
FROM figures f
LEFT JOIN articles a ON a.id = f.article_id
LEFT JOIN widget_snapshots w ON w.id = f.snapshot_id
JOIN sites s ON s.id = coalesce(a.site_id, w.site_id)
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

COMPARISON_COUNTS = f"""
SELECT min(unit) AS unit, min(level) AS level, min(province) AS province,
       min(district) AS district, period, channel,
       {", ".join(_pivot(m) for m in COUNT_COLUMNS)},
       {_pivot("early_or_on_time_rate", "early_or_on_time_rate_stated")},
       {_pivot("late_rate", "late_rate_stated")},
       group_concat(DISTINCT source) AS sources,
       max(CASE WHEN flags IS NOT NULL AND flags != '[]' THEN 1 ELSE 0 END) AS flagged,
       count(*) AS figures
FROM figure_latest
GROUP BY lower(unit), period, coalesce(channel, '')
"""

# Rates: the stated one when the text gives it, else recomputed from the counts.
COMPARISON = """
SELECT c.*,
  coalesce(early_or_on_time_rate_stated,
           round(100.0 * coalesce(early_or_on_time, early + on_time, resolved - late)
                 / nullif(resolved, 0), 2)) AS early_or_on_time_pct,
  coalesce(late_rate_stated, round(100.0 * late / nullif(resolved, 0), 2)) AS late_pct
FROM comparison_counts c
"""

VIEWS = {
    "figure_facts": FIGURE_FACTS,
    "figure_latest": FIGURE_LATEST,
    "comparison_counts": COMPARISON_COUNTS,
    "comparison": COMPARISON,
}
