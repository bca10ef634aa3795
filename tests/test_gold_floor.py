"""Gold floor gate: the shared scorer on shared/corpus/dev must not fall below the floors
of tests/gold_baseline.json (a maintainer raises them explicitly after a real gain:
``python tests/test_gold_floor.py --update``)."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
CORPUS = SHARED / "corpus" / "dev"
SCORER = SHARED / "corpus" / "score.py"
BASELINE = Path(__file__).with_name("gold_baseline.json")
KEYS = ("f1", "precision", "recall", "period_accuracy", "subject_accuracy")


def corpus_sha() -> str:
    """sha256 over the names and bytes of the gold files, in name order."""
    h = hashlib.sha256()
    for path in sorted(CORPUS.glob("*.json")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cchc_shared_score", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score() -> dict[str, Any]:
    scorer = _scorer()
    return scorer.run(scorer.load([str(CORPUS)]), str(ROOT), False)


def test_gold_floor() -> None:
    if not SCORER.exists() or not CORPUS.is_dir():
        pytest.skip(f"shared gold corpus not found at {CORPUS.resolve()}")
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    if baseline["corpus_sha256"] != corpus_sha():
        pytest.skip("shared/corpus/dev changed since tests/gold_baseline.json was written: "
                    "re-run `python tests/test_gold_floor.py --update` and review the floors")
    result = score()
    eps = baseline["epsilon"]
    low = {k: (result[k], baseline["floors"][k]) for k in KEYS if result[k] + eps < baseline["floors"][k]}
    assert not low, f"below the gold floor (got, floor): {low}"


def _update() -> None:
    result = score()
    data = {"corpus": "shared/corpus/dev", "corpus_sha256": corpus_sha(), "epsilon": 0.0005,
            "floors": {k: result[k] for k in KEYS}}
    BASELINE.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(data["floors"]))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    if "--update" in sys.argv:
        _update()
    else:
        print(json.dumps({k: score()[k] for k in KEYS}))
