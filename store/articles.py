"""Extraction results: articles, widget snapshots and their figures."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from typing import Any

from sqlite_utils import Database

from store.db import utc_now
from store.periods import period_columns
from store.search import fold_key
from store.units import clean_unit_name
from store.values import typed_value

FIGURE_FIELDS = ("metric", "value", "channel", "period", "subject", "level", "source",
                 "evidence", "start", "end")


def pages_to_extract(
    db: Database, *, extractor_version: str, everything: bool = False
) -> Iterator[dict[str, Any]]:
    """Stored article pages whose extraction is missing or stale (page changed, newer extractor).

    With `everything`, every stored article page.
    """
    sql = """
        SELECT p.id, p.url, p.site_id, p.sha256, p.html_zlib, p.fetched_at, p.content_type
        FROM pages p LEFT JOIN articles a ON a.page_id = p.id
        WHERE p.kind = 'article' AND p.status BETWEEN 200 AND 299
    """
    params: list[Any] = []
    if not everything:
        sql += " AND (a.id IS NULL OR a.page_sha256 != p.sha256 OR a.extractor_version != ?)"
        params.append(extractor_version)
    for row in db.execute(sql + " ORDER BY p.id", params).fetchall():
        yield dict(zip(("id", "url", "site_id", "sha256", "html_zlib", "fetched_at",
                        "content_type"), row))


#: Page kinds whose statistics boxes are snapshotted (articles' boxes come with the article).
BOX_PAGE_KINDS = ("home", "listing")


def pages_for_boxes(db: Database, *, everything: bool = False) -> Iterator[dict[str, Any]]:
    """Stored home and listing pages fetched since their boxes were last read (all with
    `everything`)."""
    kinds = ", ".join("?" for _ in BOX_PAGE_KINDS)
    sql = f"""
        SELECT id, url, site_id, sha256, html_zlib, fetched_at FROM pages
        WHERE kind IN ({kinds}) AND status BETWEEN 200 AND 299
    """
    if not everything:
        sql += " AND (boxes_read_at IS NULL OR boxes_read_at < fetched_at)"
    for row in db.execute(sql + " ORDER BY id", list(BOX_PAGE_KINDS)).fetchall():
        yield dict(zip(("id", "url", "site_id", "sha256", "html_zlib", "fetched_at"), row))


def mark_boxes_read(db: Database, page_id: int, at: str) -> None:
    """Record that a page's boxes were read for its fetch at `at` (its fetched_at)."""
    db["pages"].update(page_id, {"boxes_read_at": at})


def fingerprint(owner: str, figure: Any) -> str:
    """A stable id for a figure: where it was read and what it says (reviews attach to it)."""
    key = "|".join(str(getattr(figure, f)) for f in ("source", "metric", "channel", "start",
                                                       "evidence"))
    return hashlib.sha1(f"{owner}|{key}".encode()).hexdigest()


def _figure_rows(db: Database, site_id: str, owner: str, figures: Iterable[Any], version: str,
                 **link: int) -> list[dict[str, Any]]:
    """Figures as stored: typed value, period as data, the unit (subject, else the portal's)."""
    site = next(db["sites"].rows_where("id = ?", [site_id], select="name"), None)
    rows: dict[str, dict[str, Any]] = {}
    for f in figures:
        fp = fingerprint(owner, f)
        row = {name: getattr(f, name) for name in FIGURE_FIELDS}
        unit = clean_unit_name(f.subject or (site["name"] if site else ""))
        row.update(link, value=typed_value(f.metric, f.value), **period_columns(f.period),
                   unit=unit, unit_key=fold_key(unit),
                   confidence=getattr(f, "confidence", None),
                   flags=json.dumps(list(getattr(f, "flags", ()) or ())),
                   fingerprint=fp, extractor_version=version)
        rows.setdefault(fp, row)
    return list(rows.values())


def save_article(
    db: Database,
    *,
    page: dict[str, Any],
    title: str | None,
    published: str | None,
    body: str,
    figures: Iterable[Any],
    extractor_version: str,
    body_source: str | None = None,
) -> int:
    """Insert or replace the article of a stored page and its machine figures; returns its id.

    `body_source` says which reading gave the body ("platform", "trafilatura", "fallback")."""
    with db.atomic():
        existing = next(db["articles"].rows_where("url = ?", [page["url"]], select="id"), None)
        row = {
            "page_id": page["id"], "url": page["url"], "site_id": page["site_id"],
            "title": title, "published": published, "body": body,
            "page_sha256": page["sha256"], "extractor_version": extractor_version,
            "extracted_at": utc_now(),
        }
        if body_source is not None:
            row["body_source"] = body_source
        if existing is None:
            article_id = int(db["articles"].insert(row).last_pk)
        else:
            article_id = int(existing["id"])
            db["articles"].update(article_id, row)
        db.execute("DELETE FROM figures WHERE article_id = ?", [article_id])
        rows = _figure_rows(db, page["site_id"], f"article:{page['url']}", figures,
                            extractor_version, article_id=article_id)
        db["figures"].insert_all(rows)
    return article_id


def save_widget_snapshot(
    db: Database,
    *,
    site_id: str,
    page_id: int,
    kind: str,
    text: str,
    updated_at: str | None,
    figures: Iterable[Any],
    extractor_version: str,
) -> tuple[int, bool]:
    """Store a dated snapshot of a site's statistics box once per distinct text.

    Returns (snapshot id, whether it is new). A re-seen box only moves `last_seen_at`,
    unless the extractor version changed, in which case its figures are replaced.
    """
    digest = hashlib.sha256(text.encode()).hexdigest()
    now = utc_now()
    with db.atomic():
        old = next(db["widget_snapshots"].rows_where(
            "site_id = ? AND kind = ? AND sha256 = ?", [site_id, kind, digest], select="id"),
            None)
        if old is None:
            snapshot_id = int(db["widget_snapshots"].insert({
                "site_id": site_id, "kind": kind, "updated_at": updated_at, "text": text,
                "sha256": digest, "page_id": page_id, "first_seen_at": now,
                "last_seen_at": now,
            }).last_pk)
        else:
            snapshot_id = int(old["id"])
            db["widget_snapshots"].update(snapshot_id, {"last_seen_at": now})
            stale = db.execute(
                "SELECT count(*) FROM figures WHERE snapshot_id = ? AND extractor_version != ?",
                [snapshot_id, extractor_version]).fetchone()[0]
            present = db.execute("SELECT count(*) FROM figures WHERE snapshot_id = ?",
                                 [snapshot_id]).fetchone()[0]
            if present and not stale:
                return snapshot_id, False
        db.execute("DELETE FROM figures WHERE snapshot_id = ?", [snapshot_id])
        db["figures"].insert_all(_figure_rows(db, site_id, f"snapshot:{site_id}:{digest}",
                                              figures, extractor_version,
                                              snapshot_id=snapshot_id))
    return snapshot_id, old is None
