"""The schema, as ordered sqlite-utils migrations. Never edit an applied migration: add one."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database, Migrations

from store.views import sync_views

migrations = Migrations("cchc")


@migrations()
def create_sites(db: Database) -> None:
    db["sites"].create(
        {
            "id": str, "name": str, "level": str, "district": str, "province": str,
            "base_url": str, "platform": str,
        },
        pk="id",
        not_null={"name", "level", "base_url", "platform"},
    )


@migrations()
def create_crawl_runs(db: Database) -> None:
    db["crawl_runs"].create(
        {
            "id": int, "started_at": str, "finished_at": str, "spider": str,
            "sites": str, "status": str, "stats": str,
        },
        pk="id",
        not_null={"started_at", "spider"},
    )


@migrations()
def create_pages(db: Database) -> None:
    db["pages"].create(
        {
            "id": int, "url": str, "site_id": str, "kind": str, "status": int,
            "first_fetched_at": str, "fetched_at": str, "sha256": str, "size": int,
            "content_type": str, "encoding": str, "etag": str, "last_modified": str,
            "html_zlib": bytes, "crawl_run_id": int,
        },
        pk="id",
        not_null={"url", "site_id", "kind", "fetched_at", "sha256"},
        foreign_keys=[("site_id", "sites", "id"), ("crawl_run_id", "crawl_runs", "id")],
    )
    db["pages"].create_index(["url"], unique=True)
    db["pages"].create_index(["site_id", "kind"])


@migrations()
def create_articles(db: Database) -> None:
    db["articles"].create(
        {
            "id": int, "page_id": int, "url": str, "site_id": str, "title": str,
            "published": str, "body": str, "page_sha256": str,
            "extractor_version": str, "extracted_at": str,
        },
        pk="id",
        not_null={"page_id", "url", "site_id", "body"},
        foreign_keys=[("page_id", "pages", "id"), ("site_id", "sites", "id")],
    )
    db["articles"].create_index(["url"], unique=True)
    db["articles"].create_index(["site_id", "published"])


@migrations()
def create_widget_snapshots(db: Database) -> None:
    db["widget_snapshots"].create(
        {
            "id": int, "site_id": str, "kind": str, "updated_at": str, "text": str,
            "sha256": str, "page_id": int, "first_seen_at": str, "last_seen_at": str,
        },
        pk="id",
        not_null={"site_id", "kind", "text", "sha256"},
        foreign_keys=[("site_id", "sites", "id"), ("page_id", "pages", "id")],
    )
    db["widget_snapshots"].create_index(["site_id", "kind", "sha256"], unique=True)


@migrations()
def create_figures(db: Database) -> None:
    db["figures"].create(
        {
            "id": int, "article_id": int, "snapshot_id": int, "metric": str, "value": float,
            "channel": str, "period": str, "subject": str, "level": str, "source": str,
            "evidence": str, "start": int, "end": int, "flags": str, "fingerprint": str,
            "extractor_version": str,
        },
        pk="id",
        not_null={"metric", "value", "source", "evidence", "fingerprint", "extractor_version"},
        foreign_keys=[("article_id", "articles", "id"), ("snapshot_id", "widget_snapshots", "id")],
    )
    db["figures"].create_index(["article_id"])
    db["figures"].create_index(["snapshot_id"])
    db["figures"].create_index(["metric", "period"])
    db["figures"].create_index(["fingerprint"], unique=True)


@migrations()
def create_views(db: Database) -> None:
    """The comparison views (they follow the code: see store.views.sync_views)."""
    sync_views(db)


@migrations()
def create_reviews(db: Database) -> None:
    """Reviewer decisions keyed by figure fingerprint (they survive re-extraction), and their
    append-only audit trail."""
    db["reviews"].create(
        {
            "fingerprint": str, "decision": str, "old_value": float, "new_value": float,
            "reviewer": str, "at": str, "note": str, "metric": str, "evidence": str,
        },
        pk="fingerprint",
        not_null={"decision", "reviewer", "at"},
    )
    db["review_audit"].create(
        {
            "id": int, "fingerprint": str, "decision": str, "previous_decision": str,
            "old_value": float, "new_value": float, "reviewer": str, "at": str, "note": str,
        },
        pk="id",
        not_null={"fingerprint", "decision", "reviewer", "at"},
    )
    db["review_audit"].create_index(["fingerprint", "id"])
    db["reviews"].create_index(["decision"])


@migrations()
def create_units(db: Database) -> None:
    """Sites and figure subjects linked to their administrative unit after 1 July 2025."""
    db["units"].create(
        {
            "site_id": str, "name": str, "level": str, "old_address": str, "new_name": str,
            "new_province": str, "status": str, "note": str, "mapped_at": str,
        },
        pk=("site_id", "name"),
        not_null={"site_id", "name", "status"},
        foreign_keys=[("site_id", "sites", "id")],
    )
    db["units"].create_index(["status"])


@migrations()
def create_search_index(db: Database) -> None:
    """Full-text search over articles, typed with or without accents (see store/search.py)."""
    from store.search import FTS_SQL

    for statement in FTS_SQL:
        db.execute(statement)
    from store.search import rebuild_search_index

    rebuild_search_index(db)


@migrations()
def add_review_indexes(db: Database) -> None:
    """Indexes for the review queue and the comparison views."""
    db["figures"].create_index(["flags"], if_not_exists=True)
    db["figures"].create_index(["subject"], if_not_exists=True)
    db["widget_snapshots"].create_index(["site_id", "kind", "updated_at"], if_not_exists=True)


@migrations()
def recreate_views_v2(db: Database) -> None:
    """Views that use reviewed values, 2025 units, both rates, latest widgets, review queue."""
    sync_views(db)


@migrations()
def create_attachments(db: Database) -> None:
    """Files (PDF/DOC …) linked from stored pages: recorded as links, never downloaded."""
    db["attachments"].create(
        {"url": str, "site_id": str, "page_url": str, "label": str, "first_seen_at": str},
        pk="url",
        not_null={"site_id", "page_url", "first_seen_at"},
        foreign_keys=[("site_id", "sites", "id")],
    )
    db["attachments"].create_index(["site_id"])


@migrations()
def add_crawl_run_owner(db: Database) -> None:
    """Which process runs a crawl ("host:pid"), so the next start can tell a killed run
    (marked "interrupted") from one still going."""
    db["crawl_runs"].add_column("owner", str)
    db["crawl_runs"].create_index(["status"], if_not_exists=True)


@migrations()
def create_invalid_items(db: Database) -> None:
    """Items a spider yielded that failed validation: kept aside with the reason, not stored
    as pages and not lost."""
    db["invalid_items"].create(
        {"id": int, "at": str, "crawl_run_id": int, "site_id": str, "item_type": str,
         "url": str, "reason": str, "fields": str, "body_zlib": bytes},
        pk="id",
        not_null={"at", "item_type", "reason"},
    )
    db["invalid_items"].create_index(["site_id"])


@migrations()
def typed_values_periods_units_confidence(db: Database) -> None:
    """Figures: counts stored INTEGER and rates REAL (a value column without affinity), the
    period as data (start, end, kind, length, number), the unit named and folded for
    filters, and the extractor's confidence. Review values typed the same way; the audit
    records which unit, metric, period and evidence a decision was about. The comparison
    views become a table (store/comparison.py), so the old views are dropped."""
    from store.periods import period_columns
    from store.search import fold_key
    from store.units import clean_unit_name
    from store.values import typed_value

    for name in db.view_names():  # recreated by sync_views; a view would block the rename
        db.execute(f"DROP VIEW [{name}]")
    db.execute("""CREATE TABLE figures_typed (
        id INTEGER PRIMARY KEY,
        article_id INTEGER REFERENCES articles(id),
        snapshot_id INTEGER REFERENCES widget_snapshots(id),
        metric TEXT NOT NULL, value NOT NULL, channel TEXT,
        period TEXT, period_start TEXT, period_end TEXT, period_kind TEXT, period_length TEXT,
        period_number INTEGER,
        subject TEXT, unit TEXT, unit_key TEXT, level TEXT, source TEXT NOT NULL,
        evidence TEXT NOT NULL, start INTEGER, [end] INTEGER, flags TEXT, confidence REAL,
        fingerprint TEXT NOT NULL, extractor_version TEXT NOT NULL)""")
    site_names = {r["id"]: r["name"] for r in db.query("SELECT id, name FROM sites")}
    rows = db.query("""SELECT f.*, coalesce(a.site_id, w.site_id) AS site_id FROM figures f
        LEFT JOIN articles a ON a.id = f.article_id
        LEFT JOIN widget_snapshots w ON w.id = f.snapshot_id""")

    def typed(row: dict[str, Any]) -> dict[str, Any]:
        site_id = row.pop("site_id")
        unit = clean_unit_name(row["subject"] or site_names.get(site_id) or "")
        return {**row, "value": typed_value(row["metric"], row["value"]),
                **period_columns(row["period"]), "unit": unit, "unit_key": fold_key(unit)}

    db["figures_typed"].insert_all((typed(r) for r in rows), batch_size=2000)
    db.execute("DROP TABLE figures")
    db.execute("ALTER TABLE figures_typed RENAME TO figures")
    for columns, unique in ((["article_id"], False), (["snapshot_id"], False),
                            (["metric", "period"], False), (["fingerprint"], True),
                            (["flags"], False), (["subject"], False), (["period"], False),
                            (["period_kind", "period_start"], False)):
        db["figures"].create_index(columns, unique=unique, if_not_exists=True)

    db.execute("""CREATE TABLE reviews_typed (
        fingerprint TEXT PRIMARY KEY, decision TEXT NOT NULL, old_value, new_value,
        reviewer TEXT NOT NULL, at TEXT NOT NULL, note TEXT, metric TEXT, evidence TEXT)""")
    for row in db.query("SELECT * FROM reviews"):
        db["reviews_typed"].insert({**row, **{k: typed_value(row["metric"] or "", row[k])
                                              for k in ("old_value", "new_value")}})
    db.execute("""CREATE TABLE review_audit_typed (
        id INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL, decision TEXT NOT NULL,
        previous_decision TEXT, unit TEXT, metric TEXT, channel TEXT, period TEXT,
        old_value, new_value, evidence TEXT, source_url TEXT,
        reviewer TEXT NOT NULL, at TEXT NOT NULL, note TEXT)""")
    for row in db.query("""SELECT t.*, r.metric, r.evidence, f.unit, f.channel, f.period
            FROM review_audit t LEFT JOIN reviews r ON r.fingerprint = t.fingerprint
            LEFT JOIN figures f ON f.fingerprint = t.fingerprint ORDER BY t.id"""):
        db["review_audit_typed"].insert({**row, **{k: typed_value(row["metric"] or "", row[k])
                                                   for k in ("old_value", "new_value")}})
    for table in ("reviews", "review_audit"):
        db.execute(f"DROP TABLE {table}")
        db.execute(f"ALTER TABLE {table}_typed RENAME TO {table}")
    db["review_audit"].create_index(["fingerprint", "id"])
    db["reviews"].create_index(["decision"])


@migrations()
def add_body_source_and_box_reads(db: Database) -> None:
    """Which reading gave an article's body (platform markup, trafilatura, fallback), and when
    the statistics boxes of a home or listing page were last read (they are snapshotted on
    every crawl, so a box's series grows even when no article is new)."""
    db["articles"].add_column("body_source", str)
    db["pages"].add_column("boxes_read_at", str)
