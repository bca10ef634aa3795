"""Crawl runs: who runs them, which were killed, and items kept aside as invalid."""

from __future__ import annotations

import json
import os
import socket
import zlib
from collections.abc import Callable, Mapping
from typing import Any

from sqlite_utils import Database

from store.db import utc_now


def this_process() -> str:
    """The owner tag of a run started by this process: "host:pid"."""
    return f"{socket.gethostname()}:{os.getpid()}"


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def mark_interrupted_runs(db: Database, alive: Callable[[int], bool] = pid_alive) -> list[int]:
    """Mark "running" runs whose process is gone as "interrupted"; return their ids.

    A run belongs to a "host:pid"; only runs of this host can be checked (a run without an
    owner predates the column and is taken as gone). Call it when a crawl starts.
    """
    host = socket.gethostname()
    gone = []
    for row in db.query("SELECT id, owner FROM crawl_runs WHERE status = 'running'"):
        owner_host, _, pid = (row["owner"] or "").rpartition(":")
        if row["owner"] is None or (owner_host == host and pid.isdigit() and not alive(int(pid))):
            gone.append(row["id"])
    for run_id in gone:
        db["crawl_runs"].update(run_id, {"status": "interrupted", "finished_at": utc_now()})
    return gone


def save_invalid_item(db: Database, *, item_type: str, reason: str, fields: Mapping[str, Any],
                      body: bytes | None = None, crawl_run_id: int | None = None) -> int:
    """Keep an item that failed validation, with the reason; returns its row id."""
    row = {"at": utc_now(), "crawl_run_id": crawl_run_id, "site_id": fields.get("site_id"),
           "item_type": item_type, "url": fields.get("url"), "reason": reason,
           "fields": json.dumps(fields, ensure_ascii=False, default=repr),
           "body_zlib": zlib.compress(body) if body else None}
    return int(db["invalid_items"].insert(row).last_pk)
