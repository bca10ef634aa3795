"""The SQLite layer (sqlite-utils): schema, raw pages, articles, figures, comparison views.

The only place in the project that writes SQL.
"""

from __future__ import annotations

from store.articles import pages_to_extract, save_article, save_widget_snapshot
from store.db import (
    finish_crawl_run,
    known_urls,
    open_db,
    page_body,
    save_page,
    start_crawl_run,
    table_counts,
    upsert_sites,
)
from store.urls import canonical_url

__all__ = [
    "canonical_url", "finish_crawl_run", "known_urls", "open_db", "page_body",
    "pages_to_extract", "save_article", "save_page", "save_widget_snapshot",
    "start_crawl_run", "table_counts", "upsert_sites",
]
