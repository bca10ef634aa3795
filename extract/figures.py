"""Orchestration: text -> list[Figure]. (Placeholder until the extractor lands.)"""

from __future__ import annotations

import datetime as dt

from extract.model import Figure

EXTRACTOR_VERSION = "0.0.0"


def extract_figures(
    text: str, *, published: dt.date | None = None, url: str | None = None
) -> list[Figure]:
    """Return the figures stated in `text`."""
    return []
