"""cchc/serve.py: Datasette metadata, facets and canned queries; /review mounted beside it."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
import pytest
from bs4 import BeautifulSoup
from test_store_reviews import fp, make_db

import store
from cchc.serve import build_app, make_datasette


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ds") / "cchc.db"
    db = make_db(path)
    store.review_figure(db, fp(db, "http://doanket.gov.vn/a1", "late"), "corrected",
                        reviewer="Lan", new_value=25)
    db.close()
    return path


def get_json(db_path: Path, path: str) -> Any:
    async def fetch() -> Any:
        response = await make_datasette(db_path).client.get(path)
        assert response.status_code == 200, response.text
        return response.json()

    return asyncio.run(fetch())


def test_late_rate_ranking_uses_reviewed_values(db_path: Path) -> None:
    rows = get_json(db_path, "/cchc/late_rate_ranking.json?period=2022-Q1&_shape=array")
    assert [(r["rank"], r["unit"], r["late_pct"]) for r in rows] == [
        (1, "xã Đoàn Kết", 10.0), (2, "xã Tân Hồng", 5.0)]
    assert rows[0]["unit_2025"] == "Xã Hải Hưng"


def test_period_change(db_path: Path) -> None:
    rows = get_json(db_path, "/cchc/period_change.json?_shape=array")
    assert [(r["unit"], r["period"], r["previous_period"], r["resolved_change"],
             r["late_pct_change"]) for r in rows] == [
        ("xã Tân Hồng", "2022-Q2", "2022-Q1", 20, -3.0)]


def test_figures_needing_review_filters(db_path: Path) -> None:
    rows = get_json(db_path, "/cchc/figures_needing_review.json?site=&metric=late&_shape=array")
    assert [(r["site_id"], r["flagged"]) for r in rows] == [
        ("tanhong", 1), ("doanket", 0), ("tanhong", 0)]
    assert rows[0]["review_page"].startswith("/review/figure/")


def test_metadata_titles_descriptions_and_facets(db_path: Path) -> None:
    data = get_json(db_path, "/cchc/comparison.json?_shape=objects")
    assert {f for f in data["facet_results"]} >= {"period", "level", "unit_2025_status"}
    meta = get_json(db_path, "/-/metadata.json")
    columns = meta["databases"]["cchc"]["tables"]["comparison"]["columns"]
    assert "percent" in columns["late_pct"]


def test_article_search_box_ignores_accents(db_path: Path) -> None:
    rows = get_json(db_path, "/cchc/articles.json?_search=thu+tuc+hanh+chinh&_shape=array")
    assert [r["url"] for r in rows] == ["http://tanhong.gov.vn/a1"]


def test_combined_app_routes_review_and_datasette(db_path: Path) -> None:
    app = build_app(db_path, token=None)

    async def fetch() -> tuple[httpx.Response, httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as c:
            return await c.get("/review/"), await c.get("/cchc/units.json?_shape=array")

    review, units = asyncio.run(fetch())
    page = BeautifulSoup(review.text, "html.parser")
    assert len(page.select("tr[data-fingerprint]")) == 10
    assert "content-security-policy" in review.headers
    assert {r["status"] for r in units.json()} == {"divided", "merged"}
