"""Shared fixtures: an in-memory store, the project root, and the CLI runner."""

from __future__ import annotations

from collections.abc import Callable, Iterator
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


def free_port() -> int:
    """A TCP port free on loopback now (for a server a test starts)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(ready: Callable[[], bool], what: str, timeout: float = 30.0,
             alive: Callable[[], bool] = lambda: True) -> None:
    """Poll `ready()` until it is true; fail naming `what` after `timeout` s or once `alive()`
    is false (a server process that died). Exceptions from `ready` count as not ready."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        try:
            if ready():
                return
        except Exception:  # noqa: BLE001 - a server not up yet refuses or errs
            pass
        assert alive() and time.monotonic() < deadline, f"{what} did not start"
        time.sleep(0.05)
