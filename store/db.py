"""Opening the database, sites, crawl runs and raw pages."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import zlib
from collections.abc import Generator, Iterable, Mapping
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any, Literal

from sqlite_utils import Database

from store.comparison import sync_table as sync_comparison_table
from store.migrations import migrations
from store.urls import canonical_url
from store.views import sync_views

SaveResult = Literal["new", "updated", "unchanged"]
SITE_FIELDS = ("id", "name", "level", "district", "province", "base_url", "platform")
BUSY_TIMEOUT_MS = 30_000  # how long a writer waits for another's transaction to end


def utc_now() -> str:
    """The current time as ISO 8601 UTC (the store's only clock)."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class StoreDatabase(Database):
    """A sqlite-utils Database whose write transactions take SQLite's write lock up front.

    A deferred BEGIN that reads before it writes fails at once with "database is locked"
    when another connection commits in between (in WAL mode a stale snapshot cannot be
    upgraded, and busy_timeout does not apply). `BEGIN IMMEDIATE` instead waits, up to
    busy_timeout, for the other writer to finish: concurrent writers (crawls, `extract`,
    review decisions) queue instead of failing. Implicit transactions (a lone INSERT or
    UPDATE) are immediate too; nested `atomic()` blocks are savepoints, as in sqlite-utils.
    """

    @contextlib.contextmanager
    def atomic(self) -> Generator[Database, None, None]:
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise


def transaction(db: Database) -> contextlib.AbstractContextManager[Database]:
    """One write transaction: what must be stored together (a page and its attachments, an
    article and its widget snapshots) commits together or not at all. Nested: a savepoint."""
    return db.atomic()


def open_db(path: str | Path) -> Database:
    """Open (creating if needed) the database at `path`, in WAL mode, with migrations applied.

    Safe to call from many processes at once: one applies the pending migrations while
    the others wait for it, then find nothing left to do.
    """
    memory = str(path) == ":memory:"
    if not memory:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    db = StoreDatabase(memory=True) if memory else StoreDatabase(path)
    db.conn.isolation_level = "IMMEDIATE"
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if not memory:
        db.enable_wal()
    db.execute("PRAGMA foreign_keys = ON")
    if migrations.pending(db):
        with db.atomic():  # re-checked under the write lock: another process may have won
            migrations.apply(db)
    sync_views(db)
    sync_comparison_table(db)
    return db


def _as_mapping(obj: Any) -> Mapping[str, Any]:
    if is_dataclass(obj) and not isinstance(obj, type):
        return asdict(obj)
    return obj  # type: ignore[no-any-return]


def upsert_sites(db: Database, sites: Iterable[Any]) -> int:
    """Insert or update sites (dicts or dataclasses with the sites-file fields)."""
    rows = [{k: _as_mapping(s).get(k) for k in SITE_FIELDS} for s in sites]
    db["sites"].upsert_all(rows, pk="id")
    return len(rows)


def start_crawl_run(db: Database, spider: str, site_ids: Iterable[str],
                    owner: str | None = None) -> int:
    """Record the start of a crawl (by `owner`, "host:pid") and return its id."""
    table = db["crawl_runs"].insert(
        {"started_at": utc_now(), "spider": spider, "sites": ",".join(site_ids),
         "status": "running", "owner": owner}
    )
    return int(table.last_pk)


def finish_crawl_run(db: Database, run_id: int, status: str, stats: Mapping[str, Any]) -> None:
    """Record the end of a crawl with its stats (new, updated, unchanged, errors …)."""
    db["crawl_runs"].update(
        run_id,
        {"finished_at": utc_now(), "status": status, "stats": json.dumps(stats, default=str)},
    )


def save_page(
    db: Database,
    *,
    url: str,
    site_id: str,
    kind: str,
    status: int,
    body: bytes,
    fetched_at: str,
    content_type: str | None = None,
    encoding: str | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    crawl_run_id: int | None = None,
) -> SaveResult:
    """Store a raw page (zlib-compressed), keyed by canonical URL.

    Returns "new", "updated" (the body changed) or "unchanged" (only fetched_at moves).
    """
    key = canonical_url(url)
    digest = hashlib.sha256(body).hexdigest()
    row = {
        "url": key, "site_id": site_id, "kind": kind, "status": status,
        "fetched_at": fetched_at, "sha256": digest, "size": len(body),
        "content_type": content_type, "encoding": encoding, "etag": etag,
        "last_modified": last_modified, "html_zlib": zlib.compress(body, 6),
        "crawl_run_id": crawl_run_id,
    }
    with db.atomic():
        old = next(db["pages"].rows_where("url = ?", [key], select="id, sha256"), None)
        if old is not None and old["sha256"] == digest:
            db["pages"].update(old["id"], {"fetched_at": fetched_at, "status": status})
            result: SaveResult = "unchanged"
        elif old is None:
            db["pages"].insert({**row, "first_fetched_at": fetched_at})
            result = "new"
        else:
            db["pages"].update(old["id"], row)
            result = "updated"
    return result


def page_body(row: Mapping[str, Any]) -> bytes:
    """The raw bytes of a stored page row."""
    return zlib.decompress(row["html_zlib"])


def known_urls(db: Database, site_id: str, kind: str = "article") -> set[str]:
    """Canonical URLs of the pages of `kind` already stored for a site."""
    return {
        r["url"] for r in db["pages"].rows_where("site_id = ? AND kind = ?", [site_id, kind],
                                                 select="url")
    }


def known_pages(db: Database, site_id: str, kind: str = "article") -> dict[str, tuple[str | None, str | None]]:
    """Canonical URL -> (ETag, Last-Modified) of the pages of `kind` stored for a site
    (the validators a conditional GET sends)."""
    return {
        r["url"]: (r["etag"], r["last_modified"])
        for r in db["pages"].rows_where("site_id = ? AND kind = ?", [site_id, kind],
                                        select="url, etag, last_modified")
    }


def last_run_finished(db: Database, site_id: str) -> bool | None:
    """Whether the latest crawl run that covered the site finished (None: never crawled).

    A run killed mid-way stays "running"; the next crawl then walks every listing page."""
    rows = db.query(
        "SELECT status FROM crawl_runs WHERE ',' || sites || ',' LIKE ? ORDER BY id DESC LIMIT 1",
        [f"%,{site_id},%"],
    )
    row = next(iter(rows), None)
    return None if row is None else row["status"] == "finished"


def save_attachment(db: Database, *, url: str, site_id: str, page_url: str,
                    label: str | None = None) -> bool:
    """Record a file linked from a page (by canonical URL); True when it is new."""
    key = canonical_url(url)
    with db.atomic():
        if db["attachments"].count_where("url = ?", [key]):
            return False
        db["attachments"].insert({"url": key, "site_id": site_id,
                                  "page_url": canonical_url(page_url), "label": label,
                                  "first_seen_at": utc_now()})
    return True


def table_counts(db: Database) -> dict[str, int]:
    """Row count of every table (for idempotence checks and `cchc status`)."""
    return {name: db[name].count for name in db.table_names() if not name.startswith("_")}
