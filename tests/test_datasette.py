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


def test_highest_late_rate_uses_reviewed_values_and_one_kind(db_path: Path) -> None:
    rows = get_json(db_path, "/cchc/highest_late_rate.json?kind=quarter&level=commune&year=2022"
                             "&unit=&_shape=array")
    assert [(r["rank"], r["unit"], r["period"], r["late_pct"]) for r in rows] == [
        (1, "xã Đoàn Kết", "2022-Q1", 10.0), (2, "xã Tân Hồng", "2022-Q1", 5.0),
        (3, "xã Tân Hồng", "2022-Q2", 2.0)]
    assert {r["period_kind"] for r in rows} == {"quarter"}  # the half-year box is not ranked in
    halves = get_json(db_path, "/cchc/highest_late_rate.json?kind=half&level=&year=&unit="
                               "&_shape=array")
    assert [(r["unit"], r["period"]) for r in halves] == [("xã Đoàn Kết", "2022-01..2022-06")]


def test_unit_series_names_the_compared_period(db_path: Path) -> None:
    rows = get_json(db_path, "/cchc/unit_series.json?unit=TAN+HONG&metric=resolved&kind="
                             "&year=&_shape=array")
    assert [(r["period"], r["value"], r["change"], r["previous_period"]) for r in rows] == [
        ("2022-Q1", 380, None, None), ("2022-Q2", 400, 20, "2022-Q1")]


def test_like_ignores_accents_and_case(db_path: Path) -> None:
    """The defect: `LIKE '%TÂN HỒNG%'` found nothing."""
    for pattern in ("%TÂN HỒNG%", "%tan hong%"):
        rows = get_json(db_path, "/cchc.json?sql=select+distinct+unit+from+comparison+where+"
                                 f"unit+like+'{pattern}'&_shape=array")
        assert rows == [{"unit": "xã Tân Hồng"}], pattern


def test_home_page_links_the_comparison_and_canned_queries(db_path: Path) -> None:
    async def fetch() -> str:
        response = await make_datasette(db_path).client.get("/")
        return str(response.text)

    links = {a["href"] for a in BeautifulSoup(asyncio.run(fetch()), "html.parser").select("a")}
    assert {"/cchc/comparison", "/cchc/highest_late_rate", "/cchc/unit_series"} <= links


def test_canned_query_sql_wraps(db_path: Path) -> None:
    async def fetch() -> tuple[str, str]:
        ds = make_datasette(db_path)
        page = await ds.client.get("/cchc/unit_series")
        css = await ds.client.get("/cchc-static/datasette.css")
        return str(page.text), str(css.text)

    page, css = asyncio.run(fetch())
    assert "/cchc-static/datasette.css" in page
    assert "pre#sql-query" in css and "pre-wrap" in css


def test_figures_needing_review_filters(db_path: Path) -> None:
    rows = get_json(db_path, "/cchc/figures_needing_review.json?site=&metric=late&_shape=array")
    assert [(r["site_id"], r["flagged"]) for r in rows] == [
        ("tanhong", 1), ("doanket", 0), ("tanhong", 0)]
    assert rows[0]["review_page"].startswith("/review/figure/")


def test_metadata_titles_descriptions_and_facets(db_path: Path) -> None:
    data = get_json(db_path, "/cchc/comparison.json?_shape=objects")
    assert {f for f in data["facet_results"]} >= {"period_kind", "level", "conflict"}
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
