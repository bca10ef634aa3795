"""Load the example tables of tests/corpus/*.toml and check one case."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

from extract import extract_figures

CORPUS = Path(__file__).parent / "corpus"
KEYS = ("metric", "value", "channel", "period", "subject", "level", "source")


def load_cases(name: str) -> list[dict[str, Any]]:
    """Cases of one table, each with an ``id`` (file:index)."""
    data = tomllib.loads((CORPUS / name).read_text(encoding="utf-8"))
    cases = data.get("case", [])
    for i, case in enumerate(cases):
        case["id"] = f"{name.removesuffix('.toml')}-{i:03d}"
    return cases


def run_case(case: dict[str, Any]) -> list[Any]:
    published = case.get("published")
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    return extract_figures(case["text"], published=published, url=case.get("url"))


def _matches(fig: Any, want: dict[str, Any]) -> bool:
    for key, val in want.items():
        got = getattr(fig, key)
        if key == "value":
            if abs(float(got) - float(val)) > 0.005:
                return False
        elif key in ("subject",):
            if (got or "").lower() != (val or "").lower():
                return False
        elif got != (None if val == "" else val):
            return False
    return True


def check_case(case: dict[str, Any]) -> None:
    """Every expected figure is found (one each); with ``only``, nothing else is."""
    figs = run_case(case)
    text = case["text"]
    for f in figs:
        assert text[f.start:f.end] == f.evidence, f
    left = list(figs)
    for want in case.get("expect", []):
        hit = next((f for f in left if _matches(f, want)), None)
        assert hit is not None, f"{case['id']}: missing {want} in {[(f.metric, f.value, f.channel, f.period, f.subject) for f in figs]}"
        left.remove(hit)
    if case.get("only") or not case.get("expect"):
        assert not left, f"{case['id']}: unexpected {[(f.metric, f.value, f.channel, f.evidence) for f in left]}"
