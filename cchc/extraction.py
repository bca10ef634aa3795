"""Run the extractor over stored pages and write articles, snapshots and figures."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

import extract
import store
from store.crashpoints import CrashPoint
from store.decoding import decode_page

log = logging.getLogger(__name__)


@dataclass
class ExtractStats:
    """What one extraction pass did."""

    pages: int = 0
    box_pages: int = 0  # home and listing pages whose statistics boxes were read
    articles: int = 0
    figures: int = 0
    snapshots_new: int = 0
    errors: int = 0
    redecoded: int = 0  # pages whose bytes contradicted their declared charset


def _widget_of(figure: extract.Figure, widgets: tuple[extract.Widget, ...]) -> int | None:
    """The index of the widget whose text holds the figure's evidence at its span."""
    for i, widget in enumerate(widgets):
        if widget.text[figure.start:figure.end] == figure.evidence:
            return i
    return None


def extract_page_row(db: Database, page: dict[str, Any], stats: ExtractStats) -> None:
    """Extract one stored page and save its article, widget snapshots and figures (in one
    transaction: a crash keeps all of them or none, and the page is extracted again).

    The bytes are decoded here (store.decoding: UTF-8 under a wrong label, TCVN3/VNI font
    encodings, windows-1258), so the extractor reads Unicode NFC text.
    """
    decoded = decode_page(store.page_body(page), page.get("content_type"))
    if decoded.note:
        stats.redecoded += 1
        log.info("%s: %s", page["url"], decoded.note)
    parsed = extract.extract_page(decoded.text, url=page["url"])
    with store.transaction(db):
        _save_parsed(db, page, parsed, stats)


def extract_boxes_row(db: Database, page: dict[str, Any], stats: ExtractStats) -> None:
    """Snapshot the statistics boxes of a stored home or listing page (one transaction)."""
    parsed = extract.extract_boxes(store.page_body(page), url=page["url"])
    with store.transaction(db):
        store.mark_comparison_stale(db, {f.period for f in parsed.figures if f.period})
        save_snapshots(db, page, parsed, stats)
        store.mark_boxes_read(db, page["id"], page["fetched_at"])
    stats.box_pages += 1


def _save_parsed(db: Database, page: dict[str, Any], parsed: extract.Page,
                 stats: ExtractStats) -> None:
    # the comparison rows of the page's periods, before and after, are recomputed after the
    # pass; marked in the same transaction, so a killed pass leaves them marked
    store.mark_comparison_stale(db, store.periods_of_page(db, page["id"])
                                | {f.period for f in parsed.figures if f.period})
    body_figures = [f for f in parsed.figures if f.source == "article"]
    store.save_article(
        db, page=page, title=parsed.title,
        published=parsed.published.isoformat() if parsed.published else None,
        body=parsed.body, figures=body_figures, extractor_version=extract.EXTRACTOR_VERSION,
        body_source=parsed.body_source,
    )
    stats.articles += 1
    stats.figures += len(body_figures)
    save_snapshots(db, page, parsed, stats)


def save_snapshots(db: Database, page: dict[str, Any], parsed: extract.Page,
                   stats: ExtractStats) -> None:
    """Save the statistics boxes of a parsed page as the site's widget snapshots."""
    by_widget: dict[int, list[extract.Figure]] = {}
    for f in parsed.figures:
        if f.source == "widget" and (i := _widget_of(f, parsed.widgets)) is not None:
            by_widget.setdefault(i, []).append(f)
    for i, widget in enumerate(parsed.widgets):
        figures = by_widget.get(i, [])
        _, new = store.save_widget_snapshot(
            db, site_id=page["site_id"], page_id=page["id"], kind=widget.kind,
            text=widget.text, updated_at=widget.updated.isoformat() if widget.updated else None,
            figures=figures, extractor_version=extract.EXTRACTOR_VERSION,
        )
        stats.snapshots_new += new


def extract_stored_pages(db: Database, *, everything: bool = False,
                         progress: Callable[[int, int], None] | None = None) -> ExtractStats:
    """Extract every stored article page that is new, changed, or read by an older extractor,
    and snapshot the statistics boxes of the home and listing pages fetched since last time.

    A page that fails is logged and counted, never fatal: the raw page stays stored.
    `progress(done, total)` is called after each page. The 2025 units of new subjects are
    mapped after the pages, and any unit a killed run left unmapped is mapped now.
    """
    stats = ExtractStats()
    crash_point = CrashPoint("extract")
    for page in list(store.pages_for_boxes(db, everything=everything)):
        try:  # home and listing pages: their boxes, snapshotted on every crawl
            extract_boxes_row(db, page, stats)
        except Exception:  # a bad page must not stop the pass; it is retried next time
            stats.errors += 1
            log.exception("box extraction failed, page kept for a later pass: %s", page["url"])
    pages = list(store.pages_to_extract(
        db, extractor_version=extract.EXTRACTOR_VERSION, everything=everything))
    for page in pages:
        if progress is not None:
            progress(stats.pages, len(pages))
        stats.pages += 1
        try:
            extract_page_row(db, page, stats)
        except Exception:  # a bad page must not stop the pass; it is retried next time
            stats.errors += 1
            log.exception("extraction failed, page kept for a later pass: %s", page["url"])
        crash_point.passed()
    if progress is not None:
        progress(stats.pages, len(pages))
    store.refresh_units(db, missing_only=not stats.articles)
    crash_point.passed()
    store.refresh_stale_comparison(db)  # also what a killed pass left marked
    return stats
