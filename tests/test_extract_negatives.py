"""Negatives examples (tests/corpus/negatives.toml), one test per case."""

from __future__ import annotations

import pytest

from tests.extract_cases import check_case, load_cases

CASES = load_cases("negatives.toml")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_negatives_case(case: dict) -> None:
    check_case(case)
