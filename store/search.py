"""Full-text search over articles that works for Vietnamese typed with or without accents.

`articles_fts` (FTS5, ``unicode61 remove_diacritics 2``) holds title and body with đ/Đ
folded to d/D, because unicode61 removes tone and vowel marks but does not fold đ.
Triggers on `articles` keep it in sync on insert, update and delete; queries are folded
the same way (NFC, đ→d) by `fold`.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from sqlite_utils import Database

# đ/Đ folded in SQL so the triggers need no Python function (any SQLite client can write).
_FOLD_SQL = "replace(replace(coalesce({0}, ''), 'đ', 'd'), 'Đ', 'D')"

FTS_SQL = (
    """CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
         title, body, tokenize = 'unicode61 remove_diacritics 2')""",
    f"""CREATE TRIGGER IF NOT EXISTS articles_fts_ai AFTER INSERT ON articles BEGIN
         INSERT INTO articles_fts(rowid, title, body)
         VALUES (new.id, {_FOLD_SQL.format('new.title')}, {_FOLD_SQL.format('new.body')});
       END""",
    """CREATE TRIGGER IF NOT EXISTS articles_fts_ad AFTER DELETE ON articles BEGIN
         DELETE FROM articles_fts WHERE rowid = old.id;
       END""",
    f"""CREATE TRIGGER IF NOT EXISTS articles_fts_au AFTER UPDATE OF title, body ON articles
       BEGIN
         DELETE FROM articles_fts WHERE rowid = old.id;
         INSERT INTO articles_fts(rowid, title, body)
         VALUES (new.id, {_FOLD_SQL.format('new.title')}, {_FOLD_SQL.format('new.body')});
       END""",
)

_TERM = re.compile(r'"([^"]+)"|(\w+)')


def fold(text: str) -> str:
    """Text in NFC with đ/Đ as d/D: how the index stores it and how queries are matched."""
    return unicodedata.normalize("NFC", text).replace("đ", "d").replace("Đ", "D")


def fold_chars(text: str) -> str:
    """Per character, lower case without any diacritic; same length as `text` (for spans)."""
    out = []
    for ch in text:
        base = unicodedata.normalize("NFD", ch)[0] if ch not in "đĐ" else "d"
        out.append(base.lower() if len(base.lower()) == 1 else base)
    return "".join(out)


def fts_query(query: str) -> str:
    """A safe FTS5 expression: every word or "quoted phrase" must appear (implicit AND)."""
    terms = []
    for phrase, word in _TERM.findall(fold(query)):
        words = re.findall(r"\w+", phrase or word)
        if words:
            terms.append('"' + " ".join(words) + '"')
    return " ".join(terms)


def rebuild_search_index(db: Database) -> int:
    """Refill `articles_fts` from `articles` (after a bulk load without triggers)."""
    with db.atomic():
        db.execute("DELETE FROM articles_fts")
        db.execute(
            "INSERT INTO articles_fts(rowid, title, body) SELECT id, "
            f"{_FOLD_SQL.format('title')}, {_FOLD_SQL.format('body')} FROM articles")
    return int(db.execute("SELECT count(*) FROM articles_fts").fetchone()[0])


def snippet(body: str, query: str, width: int = 80) -> str:
    """A window of the original `body` around the first query word (accents ignored)."""
    folded = fold_chars(body)
    for word in re.findall(r"\w+", fold_chars(query)):
        at = folded.find(word)
        if at >= 0:
            start = max(0, at - width // 2)
            end = min(len(body), at + len(word) + width // 2)
            return ("…" if start else "") + body[start:end] + ("…" if end < len(body) else "")
    return body[:width] + ("…" if len(body) > width else "")


def search(db: Database, query: str, *, site_id: str | None = None,
           limit: int = 20) -> list[dict[str, Any]]:
    """Articles matching every word of `query` (with or without accents), best first.

    Each row: article_id, url, site_id, title, published, rank and a `snippet` of the body.
    """
    expression = fts_query(query)
    if not expression:
        return []
    sql = """
        SELECT a.id AS article_id, a.url, a.site_id, a.title, a.published, a.body,
               bm25(articles_fts) AS rank
        FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
        WHERE articles_fts MATCH ?"""
    params: list[Any] = [expression]
    if site_id:
        sql += " AND a.site_id = ?"
        params.append(site_id)
    sql += " ORDER BY rank LIMIT ?"
    params.append(limit)
    rows = []
    for row in db.query(sql, params):
        body = row.pop("body")
        rows.append({**row, "snippet": snippet(body, query)})
    return rows


def fold_key(text: str | None) -> str:
    """Lower case without accents (đ as d), spaces collapsed: how unit, district and province
    filters match ("Hai Duong" finds "tỉnh Hải Dương"), folded like search queries."""
    return " ".join(fold_chars(unicodedata.normalize("NFC", text or "")).split())
