"""Subjects examples (tests/corpus/subjects.toml), one test per case."""

from __future__ import annotations

import pytest

from tests.extract_cases import check_case, load_cases

CASES = load_cases("subjects.toml")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_subjects_case(case: dict) -> None:
    check_case(case)
