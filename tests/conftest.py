"""Shared fixtures: an in-memory store, the project root, and the CLI runner."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

import store
from replica import Replica, ReplicaServer, build_replica

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def fresh_db() -> Iterator[Database]:
    """An empty in-memory database with every migration applied."""
    db = store.open_db(":memory:")
    yield db
    db.close()


@pytest.fixture(scope="session")
def replica() -> Replica:
    """The bundled replica of portal sites (seed 0)."""
    return build_replica(seed=0)


@pytest.fixture(scope="session")
def proxy(replica: Replica) -> Iterator[str]:
    """The replica served on loopback; its URL is the HTTP proxy to point crawlers at."""
    with ReplicaServer(replica) as url:
        yield url
