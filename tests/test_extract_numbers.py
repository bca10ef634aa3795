"""Numbers examples (tests/corpus/numbers.toml): figures read in context, one test per
case, and the tokens the scanner hands to the metric stage."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from extract import numbers
from tests.extract_cases import CORPUS, check_case, load_cases

CASES = load_cases("numbers.toml")
TOKENS: list[dict[str, Any]] = tomllib.loads((CORPUS / "numbers.toml").read_text(encoding="utf-8")).get("token", [])


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_numbers_case(case: dict) -> None:
    check_case(case)


@pytest.mark.parametrize("case", TOKENS, ids=[c["text"][:30] for c in TOKENS])
def test_number_token(case: dict[str, Any]) -> None:
    toks, _ = numbers.scan(case["text"])
    if case.get("none"):
        assert toks == [], [case["text"][t.start:t.end] for t in toks]
        return
    tok = next(t for t in toks if case["text"][t.start:t.end] == case["evidence"])
    if "value" in case:
        assert tok.as_count() == case["value"]
    if "measure" in case:
        assert tok.as_measure() == pytest.approx(case["measure"])
    assert tok.word == case.get("word", False)
    assert tok.denominator == case.get("denominator")
    assert tok.upper == case.get("upper")
    if tok.denominator is not None:
        assert tok.denominator_span is not None
        s, e = tok.denominator_span
        assert float(case["text"][s:e].replace(".", "")) == tok.denominator
