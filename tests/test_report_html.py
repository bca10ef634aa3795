"""cchc report --html / --xlsx / --metric: self-contained page with SVG charts, workbook."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from test_store_reviews import make_db

from cchc.cli import cli
from cchc.compare import ranking_period
from cchc.report import comparison_rows
from cchc.report_html import flag_marks, render_html
from store.periods import period_columns


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


def test_html_report_is_self_contained_with_small_multiples(db_path: Path,
                                                           tmp_path: Path) -> None:
    soup = page(db_path, tmp=tmp_path)
    assert [f["id"] for f in soup.select("figure.chart")] == [
        "chart-rate", "chart-volume", "chart-ranking"]
    assert soup.select("script") == []
    assert not soup.select("[src]") and not soup.select("link")
    # one panel per unit, one kind of period: quarters only (the half-year box is left out)
    panels = soup.select("#chart-rate svg.panel")
    assert [p.select_one("text.panel-title").text for p in panels] == [
        "xã Đoàn Kết", "xã Tân Hồng"]
    caption = soup.select_one("#chart-rate figcaption").text
    assert caption == "late_pct by unit: quarters (3 months), 2022-Q1 to 2022-Q2"
    x_labels = [t.text for t in panels[1].select("g.axis text") if "Q" in t.text]
    assert x_labels == ["2022-Q1", "2022-Q2"]
    # rates on a 0–100 axis
    y_labels = [t.text for t in panels[0].select("g.axis text") if "Q" not in t.text]
    assert y_labels == ["0", "25", "50", "75", "100"]


def test_a_gap_breaks_the_line() -> None:
    rows = [_row("xã A", p, v) for p, v in (("2022-Q1", 1.0), ("2022-Q2", 2.0), ("2022-Q4", 4.0))]
    soup = BeautifulSoup(render_html(rows), "html.parser")
    panel = soup.select_one("#chart-rate svg.panel")
    assert len(panel.select("polyline")) == 2  # Q1–Q2, then Q4 alone after the gap (Q3)
    assert len(panel.select("circle")) == 3
    assert soup.select_one("#chart-rate figcaption").text.endswith("2022-Q1 to 2022-Q4")


def _row(unit: str, period: str, late: float) -> dict[str, object]:
    """A comparison row as the table holds it."""
    return {"unit": unit, "unit_id": unit, "period": period, **period_columns(period),
            "late_pct": late, "resolved": 100, "flagged": 0, "flag_list": None,
            "level": "commune", "source": "article"}


def test_ranking_and_flags_beside_numbers(db_path: Path, tmp_path: Path) -> None:
    soup = page(db_path, tmp=tmp_path)
    assert soup.select_one("#chart-ranking figcaption").text == (
        "Units ranked by late_pct, 2022-Q1 (quarters (3 months))")
    bars = [t.text for t in soup.select("#chart-ranking g.bar > text:first-child")]
    assert bars == ["1. xã Tân Hồng", "2. xã Đoàn Kết"]
    assert soup.select("#chart-ranking g.bar.flagged")
    flagged = soup.select("#report-table span.flag")
    assert {f["title"] for f in flagged} == {"sum:early_or_on_time+late!=resolved"}
    assert soup.select("#chart-rate circle.flagged")


def test_html_and_xlsx_rank_the_same_period(db_path: Path, tmp_path: Path) -> None:
    """The defect: the HTML ranking and the XLSX ranking picked different periods."""
    from openpyxl import load_workbook

    out = tmp_path / "report.xlsx"
    soup = page(db_path, "--xlsx", str(out), tmp=tmp_path)
    sheet = load_workbook(out)["Ranking"]
    xlsx_periods = {sheet.cell(row=r, column=3).value for r in range(2, sheet.max_row + 1)}
    assert xlsx_periods == {"2022-Q1"}
    assert "2022-Q1" in soup.select_one("#chart-ranking figcaption").text


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
    rows = [_row("<script>alert(1)</script>", "2022", 3.0)]
    html = render_html(rows)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)" in html


def test_ranking_period_and_flag_marks() -> None:
    db = make_db()
    rows = comparison_rows(db)
    assert ranking_period(rows, "late_pct") == "2022-Q1"
    row = next(r for r in rows if r["flagged"])
    assert set(flag_marks(row)) == {"late", "late_pct", "late_pct_recomputed"}
