"""Shared fixtures: an in-memory store, the project root, and the CLI runner."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

import store

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def fresh_db() -> Iterator[Database]:
    """An empty in-memory database with every migration applied."""
    db = store.open_db(":memory:")
    yield db
    db.close()
