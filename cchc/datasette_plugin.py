"""Datasette plugin (registered by cchc/serve.py): names match with or without accents.

`LIKE` ignores case and Vietnamese accents, so `unit LIKE '%TÂN HỒNG%'` and
`unit LIKE '%tan hong%'` both find "xã Tân Hồng"; `fold(text)` is the folding itself, for
canned queries (`instr(unit_key, fold(:unit)) > 0`).
"""

from __future__ import annotations

import functools
import re
import sqlite3

from datasette import hookimpl

from store.search import fold_key


@functools.lru_cache(maxsize=256)
def _like_regex(pattern: str, escape: str | None) -> re.Pattern[str]:
    parts = []
    chars = iter(fold_key(pattern))
    for ch in chars:
        if escape and ch == escape:
            parts.append(re.escape(next(chars, "")))
        elif ch == "%":
            parts.append(".*")
        elif ch == "_":
            parts.append(".")
        else:
            parts.append(re.escape(ch))
    return re.compile("".join(parts), re.DOTALL)


def folded_like(pattern: str | None, value: object, escape: str | None = None) -> bool | None:
    """SQLite's like(pattern, value[, escape]) with case and accents ignored."""
    if pattern is None or value is None:
        return None
    return _like_regex(pattern, escape).fullmatch(fold_key(str(value))) is not None


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.create_function("like", 2, folded_like, deterministic=True)
    conn.create_function("like", 3, folded_like, deterministic=True)
    conn.create_function("fold", 1, fold_key, deterministic=True)
