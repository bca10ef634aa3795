"""The words the crawler reads pages by (`lexicon.toml`), matched accent-folded on whole words."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

LEXICON_FILE = "lexicon.toml"  # in this package (read as a resource: eggs are zip files)
_NON_WORD = re.compile(r"[^0-9a-z»›<>«‹→←]+")
_ARROWS = re.compile(r"([»›<>«‹→←]+)")


def fold(text: str) -> str:
    """Lower-case, accents and punctuation dropped, single spaces: "Cải cách - Hành chính"
    and "cai-cach-hanh-chinh" both fold to "cai cach hanh chinh" (arrows are kept as words)."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D")).lower()
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    text = _ARROWS.sub(r" \1 ", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


def has_phrase(folded: str, phrases: frozenset[str]) -> bool:
    """Whether a folded text holds one of the folded phrases as whole words."""
    padded = f" {folded} "
    return any(f" {p} " in padded for p in phrases)


@dataclass(frozen=True)
class Lexicon:
    reform: frozenset[str]
    news: frozenset[str]
    not_category: frozenset[str]
    side_headings: frozenset[str]
    next_page: frozenset[str]
    other_page: frozenset[str]
    read_more: frozenset[str]

    def is_side_heading(self, text: str) -> bool:
        """A heading of a list beside the main listing ("Tin mới nhất", "TIN LIÊN QUAN:")."""
        folded = fold(text)
        return bool(folded) and len(folded.split()) <= 8 and any(
            folded == h or folded.startswith(h + " ") for h in self.side_headings)


@lru_cache(maxsize=1)
def lexicon(name: str = LEXICON_FILE) -> Lexicon:
    """Load and validate the lexicon; an error names the file and the key."""
    data = tomllib.loads(files("crawler").joinpath(name).read_text(encoding="utf-8"))

    def words(section: str, key: str) -> frozenset[str]:
        try:
            values = data[section][key]
        except KeyError:
            raise ValueError(f"{name}: missing [{section}] {key}") from None
        folded = frozenset(fold(v) for v in values)
        if not values or "" in folded:
            raise ValueError(f"{name}: [{section}] {key} must list non-empty phrases")
        return folded

    return Lexicon(
        reform=words("categories", "reform"), news=words("categories", "news"),
        not_category=words("categories", "not_category"),
        side_headings=words("side_lists", "headings"), next_page=words("pager", "next"),
        other_page=words("pager", "other"), read_more=words("pager", "read_more"),
    )
