"""store/search.py: Vietnamese full-text search with or without accents, kept in sync."""

from __future__ import annotations

import unicodedata

import pytest
from sqlite_utils import Database
from test_store_reviews import ARTICLES, SITES, make_db

import store
from store.migrations import migrations


@pytest.fixture
def db() -> Database:
    return make_db()


@pytest.mark.parametrize("query", [
    "thủ tục hành chính", "thu tuc hanh chinh", "THU TUC", '"hành chính"',
    unicodedata.normalize("NFD", "thủ tục"),
])
def test_search_with_or_without_accents(db: Database, query: str) -> None:
    assert [r["url"] for r in store.search(db, query)] == ["http://tanhong.gov.vn/a1"]


@pytest.mark.parametrize("query", ["đường", "duong", "Đường giao thông", "DUONG"])
def test_search_folds_d_with_stroke(db: Database, query: str) -> None:
    assert [r["url"] for r in store.search(db, query)] == ["http://tanhong.gov.vn/a2"]


def test_search_snippet_is_original_text_and_filters_site(db: Database) -> None:
    rows = store.search(db, "doan ket")
    assert [r["site_id"] for r in rows] == ["doanket"]
    assert "xã Đoàn Kết" in rows[0]["snippet"]
    assert store.search(db, "doan ket", site_id="tanhong") == []


@pytest.mark.parametrize("query", ["", "   ", '"', "AND OR NOT", "a*b:(c"])
def test_search_never_raises_on_odd_queries(db: Database, query: str) -> None:
    assert isinstance(store.search(db, query), list)


def test_index_follows_insert_update_delete(db: Database) -> None:
    db["articles"].update(1, {"body": "Một cửa liên thông điện tử"})
    assert [r["article_id"] for r in store.search(db, "lien thong dien tu")] == [1]
    assert store.search(db, "thu tuc hanh chinh") == []
    db.execute("DELETE FROM figures WHERE article_id = 1")
    db.execute("DELETE FROM articles WHERE id = 1")
    assert store.search(db, "lien thong") == []
    assert store.rebuild_search_index(db) == db["articles"].count


def test_decomposed_body_is_found(db: Database) -> None:
    db["articles"].update(2, {"body": unicodedata.normalize("NFD", "Đồng Nai giải quyết")})
    assert [r["article_id"] for r in store.search(db, "dong nai giai quyet")] == [2]
    assert [r["article_id"] for r in store.search(db, "Đồng Nai")] == [2]


def test_upgrade_indexes_articles_saved_before_the_search_migration() -> None:
    db = Database(memory=True)
    migrations.apply(db, stop_before="create_reviews")
    store.upsert_sites(db, SITES)
    for site, url, _, published, body, _ in ARTICLES:  # as the code of that time saved them
        db["articles"].insert({"page_id": 0, "url": url, "site_id": site, "body": body,
                               "published": published})
    migrations.apply(db)
    assert [r["url"] for r in store.search(db, "duong")] == ["http://tanhong.gov.vn/a2"]


def test_fold_is_nfc_with_d() -> None:
    assert store.fold(unicodedata.normalize("NFD", "Đồng đội")) == "Dồng dội"
