"""The data dictionary (dictionary.toml): a title, a description and one line per column of
every table and view a person browses."""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path
from typing import Any

PATH = Path(__file__).resolve().parent / "dictionary.toml"


@functools.cache
def dictionary() -> dict[str, dict[str, Any]]:
    """Table or view name -> {"title", "description", "columns": {column: meaning}}."""
    return tomllib.loads(PATH.read_text(encoding="utf-8"))


def browsable(names: list[str]) -> list[str]:
    """The tables and views a person browses: not SQLite's or FTS5's own (`_…`,
    `articles_fts_…` shadow tables)."""
    return [n for n in names if not n.startswith("_") and not n.startswith("articles_fts_")
            and not n.startswith("sqlite_")]
