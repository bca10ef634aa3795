"""Structure examples (tests/corpus/structure.toml): leads, their lists, what items inherit."""

from __future__ import annotations

import pytest

from tests.extract_cases import check_case, load_cases

CASES = load_cases("structure.toml")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_structure_case(case: dict) -> None:
    check_case(case)
