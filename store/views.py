"""SQL views a person browses (Datasette, SQL clients). They follow the code: `sync_views`.

The comparison itself is a table (store/comparison.py), refreshed by extraction and reviews.
"""

from __future__ import annotations

from sqlite_utils import Database

# Each figure with the article or statistics box it was read from, its site and its review.
FIGURE_SOURCES = """FROM figures f
LEFT JOIN articles a ON a.id = f.article_id
LEFT JOIN widget_snapshots w ON w.id = f.snapshot_id
LEFT JOIN pages p ON p.id = w.page_id
JOIN sites s ON s.id = coalesce(a.site_id, w.site_id)
LEFT JOIN reviews r ON r.fingerprint = f.fingerprint
"""

# A figure as the analysts see it: the reviewed value when a reviewer corrected it;
# rejected figures are left out. `machine_value` keeps what the extractor read.
FIGURES_BY_UNIT = f"""
SELECT f.id AS figure_id, f.fingerprint, f.unit, coalesce(f.level, s.level) AS level,
       s.district, s.province, f.metric, f.channel,
       CASE WHEN r.decision = 'corrected' THEN r.new_value ELSE f.value END AS value,
       f.value AS machine_value, r.decision AS review, f.confidence,
       f.period, f.period_start, f.period_end, f.period_kind, f.period_length,
       f.source, f.flags, f.evidence, coalesce(a.url, p.url) AS url, a.title,
       coalesce(a.published, w.updated_at) AS stated_at,
       f.article_id, f.snapshot_id, s.id AS site_id, s.name AS site_name,
       u.new_name AS unit_2025, u.status AS unit_2025_status, f.unit_key
{FIGURE_SOURCES}LEFT JOIN units u ON u.site_id = s.id AND u.name = coalesce(f.subject, s.name)
WHERE r.decision IS NULL OR r.decision != 'rejected'
"""

# The latest statistics-box snapshot of each site and box kind.
LATEST_STATISTICS_BOXES = """
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

# Figures no reviewer has decided yet; the least certain (and flagged) come first.
FIGURES_TO_REVIEW = f"""
SELECT f.id AS figure_id, f.fingerprint, f.unit, f.metric, f.value, f.channel, f.period,
       f.period_kind, f.confidence, f.subject, f.source, f.flags,
       CASE WHEN f.flags IS NOT NULL AND f.flags != '[]' THEN 1 ELSE 0 END AS flagged,
       f.evidence, s.id AS site_id, s.name AS site_name, f.article_id,
       coalesce(a.url, p.url) AS url, a.title,
       coalesce(a.published, w.updated_at) AS stated_at
{FIGURE_SOURCES}WHERE r.fingerprint IS NULL
"""

# Every source's value of a figure that two sources state differently: the comparison row
# shows one (in_comparison = 1); the others are here, one query away.
COMPARISON_CONFLICTS = """
SELECT c.unit, c.level, c.period, c.period_kind, c.channel, fu.metric, fu.value, fu.source,
       fu.url, fu.stated_at, fu.evidence,
       CASE WHEN fu.article_id IS c.article_id AND fu.snapshot_id IS c.snapshot_id
            THEN 1 ELSE 0 END AS in_comparison,
       fu.review, fu.fingerprint, c.unit_id
FROM comparison c
JOIN figures_by_unit fu
  ON fu.unit_key = c.unit_key AND fu.period = c.period
 AND coalesce(fu.channel, '') = coalesce(c.channel, '')
 AND fu.province IS c.province
 AND (',' || c.conflict_metrics || ',') LIKE ('%,' || fu.metric || ',%')
WHERE c.conflict = 1
"""

#: The views as the code defines them now; `sync_views` brings a database up to them.
CURRENT_VIEWS = {
    "figures_by_unit": FIGURES_BY_UNIT,
    "latest_statistics_boxes": LATEST_STATISTICS_BOXES,
    "figures_to_review": FIGURES_TO_REVIEW,
    "comparison_conflicts": COMPARISON_CONFLICTS,
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
