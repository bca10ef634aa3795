"""The comparison on the demo database (a real crawl of the replica through the CLI): the two
questions of the README answered against the replica's own truth, and the defects an analyst
met (each test names its defect)."""

from __future__ import annotations

import csv
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT


def run_cchc(*args: str, cwd: Path, columns: int = 200) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": str(columns)}
    return subprocess.run([sys.executable, "-m", "cchc", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, built as `make demo` builds it."""
    work = tmp_path_factory.mktemp("demo")
    result = run_cchc("demo", "--db", str(work / "cchc.db"), cwd=work)
    assert result.returncode == 0, result.stderr[-3000:]
    return work / "cchc.db"


def truth_by_unit_period() -> dict[tuple[str, str], list[dict[str, Any]]]:
    """What the replica's articles state, per (unit, period): one dict of metric -> value per
    article (all dossiers, no channel), with the article's date."""
    from crawler.sites import load_sites
    from replica import build_replica
    from replica.generate import SITES_CSV

    replica = build_replica(seed=0)
    out: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for spec in load_sites(SITES_CSV):
        if spec.level != "commune":
            continue
        for article in replica.site(spec.id).articles:
            stated: dict[tuple[str, str], dict[str, Any]] = {}
            for f in article.truth:
                if f["channel"] is None and f["period"]:
                    stated.setdefault((f["subject"], f["period"]), {
                        "published": article.published})[f["metric"]] = f["value"]
            for key, values in stated.items():
                out.setdefault(key, []).append(values)
    return out


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.open(encoding="utf-8-sig")))


def test_highest_late_rate_of_communes_in_2024_quarterly(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "rank.csv"
    result = run_cchc("rank", "--db", str(demo), "--metric", "late_pct", "--level", "commune",
                      "--year", "2024", "--kind", "quarter", "--csv", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "quarters (3 months) inside 2024-01-01..2024-12-31" in " ".join(result.stdout.split())
    got = [(r["Unit"], r["Period"], float(r["late_pct"])) for r in read_csv(out)]
    # the truth: every commune-quarter of 2024 whose article states a late rate, or late and
    # resolved dossiers (the rate is then late / resolved)
    expected = []
    for (unit, period), statements in truth_by_unit_period().items():
        if not (period.startswith("2024-Q")):
            continue
        rates = [s["late_rate"] if "late_rate" in s else round(100 * s["late"] / s["resolved"], 2)
                 for s in statements if "late_rate" in s or {"late", "resolved"} <= set(s)]
        if rates:
            assert len(rates) == 1, (unit, period)  # one source states it: no choice to make
            expected.append((unit, period, rates[0]))
    expected.sort(key=lambda e: -e[2])
    assert len(expected) >= 8
    assert sorted(got, key=lambda e: (-e[2], e[1], e[0])) == sorted(
        expected, key=lambda e: (-e[2], e[1], e[0]))
    assert got[0] == expected[0]  # the answer: the top commune-quarter
    assert [r["Rank"] for r in read_csv(out)][:2] == ["1", "2"]


def test_tan_hong_resolved_across_quarters(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "series.csv"
    result = run_cchc("series", "--db", str(demo), "--unit", "TAN HONG", "--metric", "resolved",
                      "--kind", "quarter", "--csv", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = read_csv(out)
    truth = sorted((period, s["resolved"])
                   for (unit, period), statements in truth_by_unit_period().items()
                   if unit == "xã Tân Hồng" and "-Q" in period
                   for s in statements if "resolved" in s)
    stated = [(r["Period"], float(r["resolved"])) for r in rows if r["resolved"] != "—"]
    assert stated == [(p, float(v)) for p, v in truth]
    # every quarter between the first and the last is listed; the missing ones are gaps
    from store.periods import parse_period

    numbers = [parse_period(r["Period"]).number for r in rows]  # type: ignore[union-attr]
    assert numbers == list(range(numbers[0], numbers[0] + len(rows)))
    assert {r["Compared with"] for r in rows if r["resolved"] == "—"} == {"gap: no figure"}
    # each change names the quarter it is measured from
    for previous, current in zip(stated, stated[1:], strict=False):
        row = next(r for r in rows if r["Period"] == current[0])
        assert row["Compared with"].startswith(previous[0])
        assert float(row["Change"]) == current[1] - previous[1]


def test_since_until_keeps_every_period_inside_the_dates(demo: Path, tmp_path: Path) -> None:
    """The defect: periods compared as text; 2024-Q1…Q4, 2024 and 2024-01 dropped out."""
    out = tmp_path / "r.csv"
    result = run_cchc("report", "--db", str(demo), "--since", "2024-01-01", "--until",
                      "2024-12-31", "--csv", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    got = {(r["unit"], r["period"]) for r in read_csv(out)}
    with sqlite3.connect(demo) as conn:
        inside = {(u, p) for u, p in conn.execute(
            "SELECT unit, period FROM comparison WHERE channel IS NULL AND "
            "(received IS NOT NULL OR resolved IS NOT NULL OR late_pct IS NOT NULL OR "
            "early_or_on_time_pct IS NOT NULL)")
            if p == "2024" or p.startswith("2024-") and (".." not in p or p.count("2024") == 2)}
    assert got == inside
    assert {"quarter", "year", "month"} <= {r["period_kind"] for r in read_csv(out)}
    overlapping = tmp_path / "o.csv"
    run_cchc("report", "--db", str(demo), "--since", "2024-06-01", "--until", "2024-06-30",
             "--overlapping", "--csv", str(overlapping), cwd=tmp_path)
    kinds = {r["period_kind"] for r in read_csv(overlapping)}
    assert {"quarter", "year"} <= kinds  # Q2 and the year share June's days


def test_one_source_per_row_and_conflicts_one_query_away(demo: Path) -> None:
    """The defect: huyện Gò Dầu 2022-Q4 took received/resolved from one article and
    early/on-time from another, showing 39.56 % early/on time beside 0 % late."""
    with sqlite3.connect(demo) as conn:
        conn.row_factory = sqlite3.Row
        row = conn.execute("SELECT * FROM comparison WHERE unit = 'huyện Gò Dầu' AND period = "
                           "'2022-Q4' AND channel IS NULL").fetchone()
        figures = conn.execute(
            "SELECT DISTINCT coalesce(article_id, -snapshot_id) FROM figures_by_unit "
            "WHERE unit = 'huyện Gò Dầu' AND period = '2022-Q4' AND channel IS NULL "
            "AND metric IN ('received', 'resolved', 'early', 'on_time', 'late')").fetchall()
        conflicts = conn.execute(
            "SELECT metric, value, url, in_comparison FROM comparison_conflicts "
            "WHERE unit = 'huyện Gò Dầu' AND period = '2022-Q4' ORDER BY metric, value"
        ).fetchall()
        # no row anywhere mixes rates that cannot both be true without a flag
        unflagged = conn.execute(
            "SELECT count(*) FROM comparison WHERE flagged = 0 AND "
            "abs(early_or_on_time_pct + late_pct - 100) > 1").fetchone()[0]
    assert len(figures) == 2  # two articles state figures for this unit and quarter
    assert row["sources"] == 2 and row["conflict"] == 1
    assert row["early_or_on_time_pct"] != 39.56
    counts = {m: row[m] for m in ("received", "resolved", "early", "on_time", "late")}
    article_values = {(c["metric"], c["value"]) for c in conflicts if c["in_comparison"]}
    assert {(m, v) for m, v in counts.items() if v is not None} <= article_values | {
        (m, v) for m, v in counts.items() if m not in row["conflict_metrics"].split(",")}
    assert {c["metric"] for c in conflicts} == set(row["conflict_metrics"].split(","))
    assert len({c["url"] for c in conflicts}) == 2
    assert unflagged == 0


def test_counts_are_integer_and_rates_real(demo: Path) -> None:
    """The defect: counts stored as REAL (476.0 in Datasette and SQL)."""
    with sqlite3.connect(demo) as conn:
        figure_types = dict(conn.execute(
            "SELECT CASE WHEN metric LIKE '%\\_rate' ESCAPE '\\' THEN 'rate' ELSE 'count' END, "
            "group_concat(DISTINCT typeof(value)) FROM figures WHERE metric != 'par_index' "
            "GROUP BY 1").fetchall())
        comparison_types = conn.execute(
            "SELECT group_concat(DISTINCT typeof(resolved)), group_concat(DISTINCT "
            "typeof(late_pct)) FROM comparison WHERE resolved IS NOT NULL AND late_pct IS NOT "
            "NULL").fetchone()
    assert figure_types == {"count": "integer", "rate": "real"}
    assert comparison_types == ("integer", "real")


def test_name_filters_ignore_accents_and_case(demo: Path, tmp_path: Path) -> None:
    """The defects: --province "Hai Duong" found nothing; there was no --unit."""
    for args in (["--province", "Hai Duong"], ["--province", "HẢI DƯƠNG"],
                 ["--district", "binh giang"], ["--unit", "TAN HONG"]):
        out = tmp_path / "f.csv"
        result = run_cchc("report", "--db", str(demo), *args, "--csv", str(out), cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        rows = read_csv(out)
        assert rows, args
        assert all("Hải Dương" in r["province"] for r in rows), args
    assert {r["unit"] for r in rows} == {"xã Tân Hồng"}


def test_channel_and_metric_take_only_known_values(demo: Path, tmp_path: Path) -> None:
    """The defect: --channel truc_tuyen was not checked."""
    result = run_cchc("report", "--db", str(demo), "--channel", "truc_tuyen", cwd=tmp_path)
    assert result.returncode == 2
    assert "inter_agency" in result.stderr and "online" in result.stderr
    result = run_cchc("rank", "--db", str(demo), "--metric", "late", "--kind", "weekly",
                      cwd=tmp_path)
    assert result.returncode == 2 and "quarter" in result.stderr


def test_terminal_table_fits_the_terminal(demo: Path, tmp_path: Path) -> None:
    for width in (80, 120):
        result = run_cchc("report", "--db", str(demo), cwd=tmp_path, columns=width)
        assert result.returncode == 0, result.stderr
        assert max(len(line) for line in result.stdout.splitlines()) <= width


def test_export_figures_csv_one_row_per_figure(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "figures.csv"
    result = run_cchc("export", "figures", "--db", str(demo), "--csv", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = read_csv(out)
    with sqlite3.connect(demo) as conn:
        assert len(rows) == conn.execute("SELECT count(*) FROM figures").fetchone()[0]
    assert {"unit", "level", "province", "period_start", "period_end", "period_kind", "metric",
            "channel", "value", "source", "evidence", "url", "review",
            "confidence"} <= set(rows[0])
    assert {r["review"] for r in rows} == {"unreviewed"}
    assert all(r["url"].startswith("http") for r in rows)


def test_export_figures_parquet(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "figures.parquet"
    result = run_cchc("export", "figures", "--db", str(demo), "--parquet", str(out),
                      cwd=tmp_path)
    import pyarrow.parquet as pq  # the dev extra includes the parquet extra

    assert result.returncode == 0, result.stderr
    table = pq.read_table(out)
    assert table.num_rows > 100 and "period_kind" in table.column_names
    assert table.schema.field("value").type == "double"


def test_parquet_without_pyarrow_says_how_to_get_it(demo: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from cchc.cli import cli

    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now fails
    result = CliRunner().invoke(cli, ["export", "figures", "--db", str(demo), "--parquet",
                                      str(tmp_path / "f.parquet")])
    assert result.exit_code == 1
    assert "pip install 'cchc[parquet]'" in result.output


def datasette_rows(db: Path, path: str) -> list[dict[str, Any]]:
    import asyncio

    from cchc.serve import make_datasette

    async def fetch() -> list[dict[str, Any]]:
        response = await make_datasette(db).client.get(path)
        assert response.status_code == 200, response.text
        return list(response.json())

    return asyncio.run(fetch())


def test_datasette_canned_queries_give_the_same_two_answers(demo: Path, tmp_path: Path) -> None:
    ranked, series = tmp_path / "rank.csv", tmp_path / "series.csv"
    run_cchc("rank", "--db", str(demo), "--metric", "late_pct", "--level", "commune", "--year",
             "2024", "--kind", "quarter", "--csv", str(ranked), cwd=tmp_path)
    run_cchc("series", "--db", str(demo), "--unit", "tan hong", "--metric", "resolved",
             "--kind", "quarter", "--csv", str(series), cwd=tmp_path)
    rows = datasette_rows(demo, f"/{demo.stem}/highest_late_rate.json?level=commune&year=2024"
                                "&kind=quarter&unit=&_shape=array")
    assert [(r["rank"], r["unit"], r["period"], r["late_pct"]) for r in rows] == [
        (int(r["Rank"]), r["Unit"], r["Period"], float(r["late_pct"])) for r in read_csv(ranked)]
    rows = datasette_rows(demo, f"/{demo.stem}/unit_series.json?unit=Tân+Hồng&metric=resolved"
                                "&kind=quarter&year=&_shape=array")
    assert [(r["period"], r["value"]) for r in rows] == [
        (r["Period"], None if r["resolved"] == "—" else int(r["resolved"]))
        for r in read_csv(series)]
    assert [r["previous_period"] for r in rows if r["value"] is not None][1:] == [
        r["Compared with"].split(" ")[0] for r in read_csv(series)
        if r["resolved"] != "—"][1:]
