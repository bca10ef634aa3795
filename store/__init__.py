"""The SQLite layer (sqlite-utils): schema, raw pages, articles, figures, comparison views.

The only place in the project that writes SQL.
"""

from __future__ import annotations

from store.articles import (
    mark_boxes_read,
    pages_for_boxes,
    pages_to_extract,
    save_article,
    save_widget_snapshot,
)
from store.comparison import mark_stale as mark_comparison_stale
from store.comparison import periods_of_page
from store.comparison import refresh as refresh_comparison
from store.comparison import refresh_stale as refresh_stale_comparison
from store.db import (
    finish_crawl_run,
    known_pages,
    known_urls,
    last_run_finished,
    open_db,
    page_body,
    save_attachment,
    save_page,
    start_crawl_run,
    table_counts,
    transaction,
    upsert_sites,
)
from store.reviews import (
    DECISIONS,
    ReviewError,
    audit_trail,
    get_review,
    resolve_fingerprint,
    review_figure,
    review_queue,
)
from store.runs import mark_interrupted_runs, save_invalid_item, this_process
from store.search import fold, rebuild_search_index, search
from store.units import map_unit, refresh_units
from store.urls import canonical_url

__all__ = [
    "canonical_url", "finish_crawl_run", "known_pages", "known_urls", "last_run_finished",
    "mark_boxes_read", "open_db", "page_body", "pages_for_boxes", "pages_to_extract", "save_article", "save_attachment", "save_page", "save_widget_snapshot",
    "start_crawl_run", "table_counts", "transaction", "upsert_sites",
    # reviews, search and 2025 units
    "DECISIONS", "ReviewError", "audit_trail", "fold", "get_review", "map_unit",
    "rebuild_search_index", "refresh_units", "review_figure", "review_queue", "search",
    # crawl runs
    "mark_interrupted_runs", "save_invalid_item", "this_process",
    # the comparison table, fingerprint prefixes
    "mark_comparison_stale", "periods_of_page", "refresh_comparison",
    "refresh_stale_comparison", "resolve_fingerprint",
]
