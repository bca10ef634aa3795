"""store/periods.py: a canonical period string as first day, last day, kind, length, number."""

from __future__ import annotations

import pytest

from store.periods import parse_period, period_label, sort_key

# period string -> (first day, last day, kind, length)
EXAMPLES = [
    ("2023-Q1", "2023-01-01", "2023-03-31", "quarter", "3 months"),
    ("2024-Q4", "2024-10-01", "2024-12-31", "quarter", "3 months"),
    ("2021-09", "2021-09-01", "2021-09-30", "month", "1 month"),
    ("2024-02", "2024-02-01", "2024-02-29", "month", "1 month"),
    ("2020", "2020-01-01", "2020-12-31", "year", "12 months"),
    ("2024-01..2024-06", "2024-01-01", "2024-06-30", "half", "6 months"),
    ("2024-07..2024-12", "2024-07-01", "2024-12-31", "half", "6 months"),
    ("2024-01..2024-09", "2024-01-01", "2024-09-30", "nine_months", "9 months"),
    ("2020-01..2020-11", "2020-01-01", "2020-11-30", "ytd", "11 months"),
    ("2021-01-01..2021-08-03", "2021-01-01", "2021-08-03", "ytd", "215 days"),
    ("2021-07-21..2021-08-20", "2021-07-21", "2021-08-20", "range", "31 days"),
    ("2022-02-07", "2022-02-07", "2022-02-07", "day", "1 day"),
    ("2024-01..2024-03", "2024-01-01", "2024-03-31", "quarter", "3 months"),
    ("2023-01..2023-12", "2023-01-01", "2023-12-31", "year", "12 months"),
    ("2023-01-01..2023-03-31", "2023-01-01", "2023-03-31", "quarter", "3 months"),
    ("2023-02..2023-05", "2023-02-01", "2023-05-31", "range", "4 months"),
]


@pytest.mark.parametrize(("text", "start", "end", "kind", "length"), EXAMPLES)
def test_period_examples(text: str, start: str, end: str, kind: str, length: str) -> None:
    parsed = parse_period(text)
    assert parsed is not None
    assert (parsed.start.isoformat(), parsed.end.isoformat(), parsed.kind, parsed.length) == (
        start, end, kind, length)


@pytest.mark.parametrize("text", [None, "", "2023-13", "2023-02-30", "Q1", "2024-06..2024-01",
                                  "quý I", "2023-Q5"])
def test_not_a_canonical_period(text: str | None) -> None:
    assert parse_period(text) is None


def test_consecutive_periods_have_consecutive_numbers() -> None:
    def number(text: str) -> int | None:
        parsed = parse_period(text)
        assert parsed is not None
        return parsed.number

    assert number("2024-Q1") - number("2023-Q4") == 1  # type: ignore[operator]
    assert number("2024-01") - number("2023-12") == 1  # type: ignore[operator]
    assert number("2024-07..2024-12") - number("2024-01..2024-06") == 1  # type: ignore[operator]
    assert [period_label(k, number(p)) for k, p in  # type: ignore[arg-type]
            [("quarter", "2023-Q4"), ("month", "2023-12"), ("half", "2024-07..2024-12"),
             ("year", "2020"), ("day", "2022-02-07")]] == [
        "2023-Q4", "2023-12", "2024-07..2024-12", "2020", "2022-02-07"]


def test_sorting_is_by_first_day_then_length() -> None:
    # the defect: compared as text, 2020-07 sorted before 2020-Q2
    periods = ["2020-07", "2020-Q2", "2020", "2020-01..2020-06", "2020-Q3", "2020-04"]
    assert sorted(periods, key=sort_key) == [
        "2020-01..2020-06", "2020", "2020-04", "2020-Q2", "2020-07", "2020-Q3"]
