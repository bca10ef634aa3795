"""Lexicons load, validate, and every phrase has an example in tests/corpus."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from extract import lexicon
from extract.normalize import fold_text

CORPUS = Path(__file__).parent / "corpus"
POSITIVE = ("metrics.toml", "channels.toml", "numbers.toml", "periods.toml", "subjects.toml", "structure.toml", "readings.toml")


def _texts(names: tuple[str, ...]) -> list[str]:
    out = []
    for name in names:
        data = tomllib.loads((CORPUS / name).read_text(encoding="utf-8"))
        out += [fold_text(c["text"]) for c in data.get("case", []) if names == ("negatives.toml",) or c.get("expect")]
    return out


def _covered(phrase: str, texts: list[str]) -> bool:
    rx = re.compile(lexicon._phrase_regex(phrase), re.IGNORECASE)
    return any(rx.search(t) for t in texts)


def test_lexicons_load() -> None:
    assert len(lexicon.metric_cues().cues) > 50
    assert {c.label for c in lexicon.channel_cues().cues} >= {"online", "inter_agency", "postal", "direct", "five_on_spot"}
    assert lexicon.number_words()["scales"]["ngàn"] == 1000


@pytest.mark.parametrize("entry", lexicon.all_phrases(), ids=lambda e: f"{e[0]}:{e[1]}:{e[2]}")
def test_phrase_has_an_example(entry: tuple[str, str, str]) -> None:
    fname, label, phrase = entry
    if fname == "indices.toml" and label == "other":
        texts = _texts(("negatives.toml",))
    else:
        texts = _texts(POSITIVE)
    assert _covered(phrase, texts), f"{fname} [{label}] {phrase!r} has no example in tests/corpus"


def test_negative_phrases_have_examples() -> None:
    texts = _texts(("negatives.toml",))
    for section in ("veto", "counter", "mask", "target"):
        for cue in lexicon.negative_cues(section).cues:
            assert _covered(cue.phrase, texts + _texts(POSITIVE)), cue


def test_bad_lexicon_names_file_key_and_phrase(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "metrics.toml").write_text('[metric.recieved]\nphrases = ["tiếp nhận"]\n', encoding="utf-8")
    monkeypatch.setattr(lexicon, "LEXICON_DIR", tmp_path)
    with pytest.raises(lexicon.LexiconError, match=r"metrics.toml: \[metric.recieved\] is not a known label"):
        lexicon._groups("metrics.toml", "metric", {"received"})
    (tmp_path / "metrics.toml").write_text('[metric.received]\nphrases = [" tiếp nhận"]\n', encoding="utf-8")
    with pytest.raises(lexicon.LexiconError, match="' tiếp nhận'"):
        lexicon._groups("metrics.toml", "metric", {"received"})
    (tmp_path / "metrics.toml").write_text('[metric.received]\nphrases = []\n', encoding="utf-8")
    with pytest.raises(lexicon.LexiconError, match="has no phrases"):
        lexicon._groups("metrics.toml", "metric", {"received"})
    (tmp_path / "metrics.toml").write_text('[metric.received]\nphrases = ["ho\u0300a"]\n', encoding="utf-8")
    with pytest.raises(lexicon.LexiconError, match="not NFC"):
        lexicon._groups("metrics.toml", "metric", {"received"})
