"""Review decisions record what they decided; the CLI refuses contradictory or implausible
input (each test names the defect it guards against)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_store_reviews import fp, make_db

import store
from cchc.cli import cli
from store.values import check_value

A1 = "http://tanhong.gov.vn/a1"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "cchc.db"
    make_db(path).close()
    return path


def decide(db_path: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["review", "decide", "--db", str(db_path),
                                      "--reviewer", "Lan", *args])
    return result.exit_code, result.output


# metric, typed value -> stored value, or the start of the refusal
VALUES = [
    ("late", 20.0, 20), ("late", 0.0, 0), ("late_rate", 2.5, 2.5), ("late_rate", 100.0, 100.0),
    ("par_index", 85.42, 85.42),
    ("late", float("nan"), "nan is not a number"), ("late", float("inf"), "inf is not a number"),
    ("late", -5.0, "-5 is negative"), ("late", 1e308, "1e+308 is implausibly large"),
    ("late", 12.5, "12.5 is not a whole number"), ("late_rate", 101.0, "101 is above 100"),
]


@pytest.mark.parametrize(("metric", "typed", "expected"), VALUES)
def test_corrected_values(metric: str, typed: float, expected: float | str) -> None:
    if isinstance(expected, str):
        with pytest.raises(ValueError, match=expected.replace("+", r"\+")):
            check_value(metric, typed)
    else:
        value = check_value(metric, typed)
        assert value == expected and type(value) is type(expected)


def test_confirm_and_reject_together_is_a_usage_error(db_path: Path) -> None:
    """The defect: `--confirm --reject` recorded the last one."""
    code, output = decide(db_path, fp(make_db(db_path), A1, "late"), "--confirm", "--reject")
    assert code == 2
    assert "exactly one of --confirm, --correct VALUE or --reject" in output
    assert store.open_db(db_path)["review_audit"].count == 0


@pytest.mark.parametrize("typed", ["nan", "inf", "-5", "1e308"])
def test_cli_refuses_implausible_corrections(db_path: Path, typed: str) -> None:
    """The defect: --correct accepted nan, inf, -5 and 1e308 (nan stored as NULL)."""
    code, output = decide(db_path, fp(make_db(db_path), A1, "late"), "--correct", typed)
    assert code == 2, output
    assert "--correct" in output
    assert store.open_db(db_path)["reviews"].count == 0


def test_a_unique_fingerprint_prefix_works(db_path: Path) -> None:
    """The defect: a short prefix was refused though the help shows one."""
    full = fp(make_db(db_path), A1, "late")
    code, output = decide(db_path, full[:8], "--correct", "20")
    assert code == 0, output
    assert json.loads(output.splitlines()[0])["fingerprint"] == full
    code, output = decide(db_path, "0", "--confirm")
    assert code == 1 and "at least its first 6 hex digits" in output


def test_audit_says_unit_metric_period_values_and_evidence(db_path: Path) -> None:
    """The defect: the audit did not say which unit, metric, period or value it was about."""
    full = fp(make_db(db_path), A1, "late")
    decide(db_path, full[:10], "--correct", "20")
    result = CliRunner().invoke(cli, ["review", "audit", "--db", str(db_path)])
    row = json.loads(result.output.splitlines()[0])
    assert {k: row[k] for k in ("unit", "metric", "period", "old_value", "new_value",
                                "evidence", "source_url")} == {
        "unit": "xã Tân Hồng", "metric": "late", "period": "2022-Q1", "old_value": 19,
        "new_value": 20, "evidence": "trễ hạn 19", "source_url": A1}


def test_a_decision_refreshes_the_comparison_row(db_path: Path) -> None:
    db = make_db(db_path)
    decide(db_path, fp(db, A1, "late"), "--correct", "38")
    row = next(store.open_db(db_path).query(
        "SELECT late, late_pct FROM comparison WHERE unit = 'xã Tân Hồng' AND period = "
        "'2022-Q1'"))
    assert row == {"late": 38, "late_pct": 10.0}
