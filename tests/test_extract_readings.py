"""Reading examples (tests/corpus/readings.toml): which metric a number measures, and
whether it is a figure at all (shares of a larger total, restatements, open stocks)."""

from __future__ import annotations

import pytest

from tests.extract_cases import check_case, load_cases

CASES = load_cases("readings.toml")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_reading_case(case: dict) -> None:
    check_case(case)
