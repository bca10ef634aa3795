"""cchc report --html / --xlsx / --metric: self-contained page with SVG charts, workbook."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from test_store_reviews import make_db

from cchc.cli import cli
from cchc.report import comparison_rows
from cchc.report_html import flag_marks, period_key, render_html


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "cchc.db"
    make_db(path).close()
    return path


def page(db_path: Path, *args: str, tmp: Path) -> BeautifulSoup:
    out = tmp / "report.html"
    result = CliRunner().invoke(cli, ["report", "--db", str(db_path), "--html", str(out), *args])
    assert result.exit_code == 0, result.output
    assert f"to {out}" in result.output
    return BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")


def test_html_report_is_self_contained_with_three_charts(db_path: Path, tmp_path: Path) -> None:
    soup = page(db_path, tmp=tmp_path)
    assert [f["id"] for f in soup.select("figure.chart")] == [
        "chart-rate", "chart-volume", "chart-ranking"]
    assert len(soup.select("#chart-rate polyline")) == 2
    assert soup.select("script") == []
    assert not soup.select("[src]") and not soup.select("link")
    labels = [t.text for t in soup.select("#chart-rate g.axis text")]
    assert labels[-3:] == ["2022-Q1", "2022-01..2022-06", "2022-Q2"]


def test_ranking_and_flags_beside_numbers(db_path: Path, tmp_path: Path) -> None:
    soup = page(db_path, tmp=tmp_path)
    assert soup.select_one("#chart-ranking figcaption").text == "Units ranked by late_pct, 2022-Q1"
    bars = [t.text for t in soup.select("#chart-ranking g.bar > text:first-child")]
    assert bars == ["1. xã Tân Hồng", "2. xã Đoàn Kết"]
    assert soup.select("#chart-ranking g.bar.flagged")
    flagged = soup.select("#report-table span.flag")
    assert {f["title"] for f in flagged} == {"sum:early_or_on_time+late!=resolved"}
    assert soup.select("#chart-rate circle.flagged")


def test_metric_filter_keeps_rows_stating_it(db_path: Path, tmp_path: Path) -> None:
    soup = page(db_path, "--metric", "received", tmp=tmp_path)
    assert len(soup.select("#report-table tbody tr")) == 3
    assert soup.select_one("#chart-volume figcaption").text.startswith("received")
    result = CliRunner().invoke(cli, ["report", "--db", str(db_path), "--metric", "nope"])
    assert result.exit_code == 2


def test_xlsx_report(db_path: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "report.xlsx"
    result = CliRunner().invoke(cli, ["report", "--db", str(db_path), "--xlsx", str(out)])
    assert result.exit_code == 0, result.output
    wb = load_workbook(out)
    assert wb.sheetnames == ["Comparison", "Ranking", "Notes"]
    sheet = wb["Comparison"]
    header = [c.value for c in sheet[1]]
    late = header.index("Late %") + 1
    commented = [sheet.cell(row=r, column=late).comment for r in range(2, sheet.max_row + 1)]
    assert sum(c is not None for c in commented) == 1
    assert wb["Ranking"]["B2"].value == "xã Tân Hồng"


def test_unit_names_are_escaped() -> None:
    rows = [{"unit": "<script>alert(1)</script>", "period": "2022", "late_pct": 3.0,
             "resolved": 10.0, "flagged": 0, "flag_list": None}]
    html = render_html(rows)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)" in html


def test_period_key_and_flag_marks() -> None:
    assert sorted(["2022-Q2", "2022", "2022-01..2022-06", "2021-12"], key=period_key) == [
        "2021-12", "2022-01..2022-06", "2022", "2022-Q2"]
    db = make_db()
    row = next(r for r in comparison_rows(db) if r["flagged"])
    assert set(flag_marks(row)) == {"late", "late_pct", "late_pct_recomputed"}
