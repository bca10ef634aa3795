"""store/: concurrent writers queue for SQLite's write lock instead of failing with
"database is locked", and a fresh database opened by several processes at once is migrated
once."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database
from test_store_db import SITE, Fig

import store


def page(db: Database, n: int, body: bytes | None = None) -> dict[str, Any]:
    url = f"http://a.gov.vn/t?nid={n}"
    store.save_page(db, url=url, site_id="thaihoc", kind="article", status=200,
                    body=body or f"<p>{n}</p>".encode(), fetched_at="2026-01-01T00:00:00+00:00")
    return next(db.query("SELECT id, url, site_id, sha256 FROM pages WHERE url = ?", [url]))


def save_article(db: Database, row: dict[str, Any]) -> None:
    store.save_article(db, page=row, title="t", published=None, body="b",
                       figures=[Fig("received", 7, "tiếp nhận 7 hồ sơ")],
                       extractor_version="v")


def save_snapshot(db: Database, row: dict[str, Any]) -> None:
    store.save_widget_snapshot(db, site_id="thaihoc", page_id=row["id"],
                               kind="tthc_results", text="Trễ hạn: 7", updated_at=None,
                               figures=[Fig("late", 7, "Trễ hạn: 7", source="widget")],
                               extractor_version="v")


def save_changed_page(db: Database, row: dict[str, Any]) -> None:
    page(db, 1, body=b"<p>changed</p>")


def refresh_units(db: Database, row: dict[str, Any]) -> None:
    store.refresh_units(db)


def upsert_sites(db: Database, row: dict[str, Any]) -> None:
    store.upsert_sites(db, [{**SITE, "name": "xã Thái Học mới"}])


WRITE_SQL = ("INSERT", "UPDATE", "DELETE", "REPLACE", "BEGIN IMMEDIATE")


@pytest.mark.parametrize("write", [save_article, save_snapshot, save_changed_page,
                                   refresh_units, upsert_sites])
def test_a_write_waits_for_a_concurrent_writer_instead_of_failing(
        tmp_path: Path, write: Callable[[Database, dict[str, Any]], None]) -> None:
    """Another connection holds the write lock while our write runs its reads; it commits
    once our first write statement is waiting. Ours must then wait its turn (busy_timeout)
    and succeed: a deferred transaction cannot, its snapshot is stale ("database is
    locked" at once)."""
    path = tmp_path / "lock.db"
    db = store.open_db(path)
    store.upsert_sites(db, [SITE])
    row = page(db, 1)
    db.close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE pages SET status = 200")
    errors: list[BaseException] = []
    writing = threading.Event()

    def ours() -> None:
        conn = store.open_db(path)
        conn.conn.set_trace_callback(
            lambda sql: writing.set() if sql.lstrip().upper().startswith(WRITE_SQL) else None)
        try:
            write(conn, row)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            conn.close()

    thread = threading.Thread(target=ours)
    thread.start()
    writing.wait(timeout=5)  # ours reached its first write, or BEGIN IMMEDIATE
    time.sleep(0.3)
    other.execute("COMMIT")
    thread.join(timeout=30)
    other.close()
    assert not errors, errors


def test_a_fresh_database_opened_by_many_at_once_is_migrated_once(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    errors: list[BaseException] = []

    def open_it() -> None:
        try:
            store.open_db(path).close()
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors
    db = Database(path)
    names = [r["name"] for r in db["_sqlite_migrations"].rows]
    assert len(names) == len(set(names))
