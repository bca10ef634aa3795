"""Thresholds of the extractor, as one typed, frozen object."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """Limits that keep extraction fast and bounded on any input."""

    max_chars: int = 2_000_000  # longer inputs are cut (a page is far shorter)
    sum_window_sentences: int = 2  # how far a "trong đó" breakdown may follow its whole
    max_parts: int = 6  # parts of a level split summed against a total


DEFAULT_OPTIONS = ExtractOptions()
