"""Load and validate the TOML lexicons of extract/lexicon/, and compile cue matchers.

Loaded once (``functools.cache``). Errors name file, key and phrase.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from extract.model import CHANNELS, METRICS_COUNTS
from extract.normalize import fold_text

LEXICON_DIR = Path(__file__).with_name("lexicon")
GAP = r"[^.;\n\d]{0,40}?"


class LexiconError(ValueError):
    """A lexicon file breaks a rule (unknown label, empty group, bad phrase)."""


@dataclass(frozen=True, slots=True)
class Cue:
    """One phrase of a lexicon group."""

    label: str
    phrase: str
    priority: int


@dataclass(frozen=True, slots=True)
class Matcher:
    """Phrases of several labels compiled into one prefix-trie regex (fast: at each
    position only the branches of the next character are tried), plus a small
    alternation for phrases with a gap ("quá hạn ... chưa có kết quả")."""

    regex: re.Pattern[str]
    gapped: re.Pattern[str] | None
    by_text: dict[str, Cue]
    cues: tuple[Cue, ...]
    lower: re.Pattern[str]  # the same trie, case-sensitive, for a lowercased text (much faster)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):  # type: ignore[no-untyped-def]
        """Yield (start, end, cue) for every cue in text[pos:endpos], left to right."""
        return iter(self._find(text, pos, len(text) if endpos is None else endpos))

    def _find(self, text: str, pos: int, end: int) -> list[tuple[int, int, Cue]]:
        found: list[tuple[int, int, Cue]] = []
        low = lowered(text)
        rx, src = (self.lower, low) if low is not None else (self.regex, text)
        for m in rx.finditer(src, pos, end):
            cue = self.by_text.get(_key(m.group(0)))
            if cue is not None:
                found.append((m.start(), m.end(), cue))
        if self.gapped is None:
            return found
        gaps = []
        for m in self.gapped.finditer(text, pos, end):
            name = m.lastgroup
            if name is not None:
                gaps.append((m.start(), m.end(), self.cues[int(name[1:])]))
        if not gaps:
            return found
        merged: list[tuple[int, int, Cue]] = []
        last = -1
        for f in sorted(found + gaps, key=lambda f: (f[0], f[0] - f[1])):
            if f[0] >= last:
                merged.append(f)
                last = f[1]
        return merged

    def all(self, text: str) -> list[tuple[int, int, Cue]]:
        return self._find(text, 0, len(text))


_LOWERED: list[tuple[str, str | None]] = []


def lowered(text: str) -> str | None:
    """`text` lowercased when that keeps every offset (else None); the last one is cached."""
    if _LOWERED and _LOWERED[0][0] is text:
        return _LOWERED[0][1]
    low = text.lower()
    out = low if len(low) == len(text) else None
    _LOWERED[:] = [(text, out)]
    return out


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _trie_regex(phrases: list[str]) -> str:
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return "(?:" + body + ")?"
        return body

    return build(trie)


def _check_phrase(path: str, key: str, phrase: object) -> str:
    if not isinstance(phrase, str):
        raise LexiconError(f"{path}: [{key}] phrase {phrase!r} is not a string")
    if phrase != phrase.strip() or not phrase:
        raise LexiconError(f"{path}: [{key}] phrase {phrase!r} is empty or not stripped")
    if unicodedata.normalize("NFC", phrase) != phrase:
        raise LexiconError(f"{path}: [{key}] phrase {phrase!r} is not NFC")
    return phrase


def _phrase_regex(phrase: str) -> str:
    parts = fold_text(phrase).split("...")
    pieces = []
    for part in parts:
        words = part.strip().split()
        pieces.append(r"\s+".join(re.escape(w) for w in words))
    body = GAP.join(p for p in pieces if p)
    return rf"(?<![^\W_]){body}(?![^\W_])"


def compile_cues(cues: list[Cue]) -> Matcher:
    """Compile cues: plain phrases into one trie regex (longest match first), gapped
    phrases into a named alternation."""
    plain = {}
    for c in cues:
        if "..." not in c.phrase:
            plain.setdefault(_key(fold_text(c.phrase)), c)
    body = _trie_regex(sorted(plain))
    regex = re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])", re.IGNORECASE)
    gapped_idx = [i for i, c in enumerate(cues) if "..." in c.phrase]
    gapped = None
    if gapped_idx:
        heads = "".join(sorted({re.escape(fold_text(cues[i].phrase).strip()[0]) for i in gapped_idx}))
        gapped = re.compile(f"(?=[{heads}])(?:" + "|".join(f"(?P<c{i}>{_phrase_regex(cues[i].phrase)})" for i in gapped_idx)
                            + ")", re.IGNORECASE)  # a first-character check first: fast scan
    first = "".join(sorted({re.escape(k[0]) for k in plain}))  # a first-character check first: fast scan
    lower = re.compile(rf"(?=[{first}])(?<![^\W_])(?:{body})(?![^\W_])" if first else rf"(?<![^\W_])(?:{body})(?![^\W_])")
    return Matcher(regex, gapped, plain, tuple(cues), lower)


def _load(name: str) -> dict[str, object]:
    path = LEXICON_DIR / name
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{path.name}: {exc}") from exc


def _groups(name: str, section: str, known: set[str] | None) -> list[Cue]:
    data = _load(name)
    table = data.get(section)
    if not isinstance(table, dict) or not table:
        raise LexiconError(f"{name}: no [{section}.*] groups")
    cues: list[Cue] = []
    for key, group in table.items():
        if known is not None and key not in known:
            raise LexiconError(f"{name}: [{section}.{key}] is not a known label")
        phrases = group.get("phrases") if isinstance(group, dict) else None
        if not phrases:
            raise LexiconError(f"{name}: [{section}.{key}] has no phrases")
        prio = int(group.get("priority", 0))
        seen: set[str] = set()
        for p in phrases:
            phrase = _check_phrase(name, f"{section}.{key}", p)
            if phrase.lower() in seen:
                raise LexiconError(f"{name}: [{section}.{key}] phrase {phrase!r} is listed twice")
            seen.add(phrase.lower())
            cues.append(Cue(key, phrase, prio))
    return cues


@functools.cache
def metric_cues() -> Matcher:
    """Count-metric cues plus combos (label "combo:<m1>+<m2>")."""
    cues = _groups("metrics.toml", "metric", set(METRICS_COUNTS))
    data = _load("metrics.toml")
    for key, group in dict(data.get("combo", {})).items():  # type: ignore[arg-type]
        metrics = group.get("metrics", [])
        if not metrics or any(m not in METRICS_COUNTS for m in metrics):
            raise LexiconError(f"metrics.toml: [combo.{key}] names unknown metrics {metrics!r}")
        label = "combo:" + "+".join(metrics)
        for p in group.get("phrases", []):
            cues.append(Cue(label, _check_phrase("metrics.toml", f"combo.{key}", p),
                            int(group.get("priority", 0))))
    return compile_cues(cues)


@functools.cache
def channel_cues() -> Matcher:
    return compile_cues(_groups("channels.toml", "channel", set(CHANNELS) | {"general"}))


@functools.cache
def index_cues() -> Matcher:
    return compile_cues(_groups("indices.toml", "index", {"par", "satisfaction", "other"}))


@functools.cache
def negative_cues(section: str) -> Matcher:
    """``veto`` groups (before, clause, after ...), ``counter`` labels, ``mask`` (cue) or
    ``target`` (plan, met, done) phrases."""
    known = {"before", "clause", "sentence", "after", "rate_after", "rate_of"} if section == "veto" else \
        {"cue"} if section == "mask" else {"plan", "reference", "met", "done"} if section == "target" else {"label"}
    return compile_cues(_groups("negatives.toml", section, known))


@functools.cache
def unit_cues() -> Matcher:
    return compile_cues(_groups("units.toml", "unit", {"dossier", "procedure", "service", "points"}))


@functools.cache
def rate_words() -> Matcher:
    """Heads of a rate ("tỷ lệ") and rates pointing back ("tỷ lệ này") (metrics.toml [rate.*])."""
    return compile_cues(_groups("metrics.toml", "rate", {"head", "anaphor"}))


@functools.cache
def score_heads() -> Matcher:
    """Words that make a percentage an index score (indices.toml [score.heads])."""
    return compile_cues(_groups("indices.toml", "score", {"heads"}))


@functools.cache
def procedure_cues() -> Matcher:
    """Words that make a count of TTHC a count of procedure kinds: ``listed`` verbs before
    it, ``kinds`` qualifiers after it (units.toml [procedure.*])."""
    return compile_cues(_groups("units.toml", "procedure", {"listed", "kinds"}))


@functools.cache
def number_words() -> dict[str, dict[str, int]]:
    """Words for numbers: ``words`` (a number's first word), ``joiners`` (words inside a
    number: "mươi", "trăm", "linh"), ``ordinals`` and ``scales``."""
    data = _load("units.toml").get("number", {})
    out: dict[str, dict[str, int]] = {}
    for key in ("words", "joiners", "ordinals", "scales"):
        table = data.get(key) if isinstance(data, dict) else None
        if not isinstance(table, dict) or not table:
            raise LexiconError(f"units.toml: [number.{key}] is empty")
        for word, val in table.items():
            _check_phrase("units.toml", f"number.{key}", word)
            if not isinstance(val, int):
                raise LexiconError(f"units.toml: [number.{key}] {word!r} is not an integer")
        out[key] = {fold_text(w).lower(): int(v) for w, v in table.items()}
    return out


def all_phrases() -> list[tuple[str, str, str]]:
    """Every (file, label, phrase) of the cue lexicons, for coverage tests."""
    out = []
    for fname, matcher in (("metrics.toml", metric_cues()), ("channels.toml", channel_cues()),
                           ("indices.toml", index_cues()), ("units.toml", unit_cues()),
                           ("units.toml", procedure_cues()), ("indices.toml", score_heads()),
                           ("metrics.toml", rate_words()),
                           ("structure.toml", structure().markers), ("structure.toml", structure().pending)):
        out += [(fname, c.label, c.phrase) for c in matcher.cues]
    return out


@dataclass(frozen=True, slots=True)
class Structure:
    """structure.toml: list markers, reading of parts under a whole, item heads."""

    markers: Matcher  # label "parts" (opens a list) or "with_colon" (opens one before ":")
    within: dict[str, dict[str, str]]  # whole metric -> {part metric: metric read}
    unit_heads: Matcher  # lead nouns whose items are units
    field_heads: Matcher  # lead nouns whose items are fields of work
    offices: Matcher  # words opening an office name
    pending: Matcher  # words saying a clause's dossiers are still being processed
    national: Matcher  # names of the whole country
    groups: Matcher  # groups of units or agencies ("khối bộ, ngành")


@functools.cache
def structure() -> Structure:
    data = _load("structure.toml")
    within: dict[str, dict[str, str]] = {}
    for whole, table in dict(data.get("within", {})).items():  # type: ignore[arg-type]
        if whole not in METRICS_COUNTS or not isinstance(table, dict):
            raise LexiconError(f"structure.toml: [within.{whole}] is not a known count metric")
        for part, read in table.items():
            if part not in METRICS_COUNTS or read not in METRICS_COUNTS:
                raise LexiconError(f"structure.toml: [within.{whole}] {part} = {read!r} names an unknown metric")
        within[whole] = {str(k): str(v) for k, v in table.items()}
    heads = data.get("heads")
    if not isinstance(heads, dict):
        raise LexiconError("structure.toml: no [heads] table")

    def group(key: str, table: object = heads, name: str = "heads") -> Matcher:
        phrases = table.get(key) if isinstance(table, dict) else None
        if not phrases:
            raise LexiconError(f"structure.toml: [{name}] {key} is empty")
        return compile_cues([Cue(key, _check_phrase("structure.toml", f"{name}.{key}", p), 0) for p in phrases])

    return Structure(compile_cues(_groups("structure.toml", "marker", {"parts", "with_colon", "respectively"})), within,
                     group("units"), group("fields"), group("offices"),
                     compile_cues(_groups("structure.toml", "context", {"pending"})),
                     group("national", data.get("units"), "units"), group("groups", data.get("units"), "units"))
