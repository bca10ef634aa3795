"""Page HTML -> `Page` (title, date, body, widgets) with figures. (Placeholder.)"""

from __future__ import annotations

import datetime as dt

from extract.model import Page


def extract_page(
    html: str | bytes, *, url: str | None = None, published: dt.date | None = None
) -> Page:
    """Split a portal page and extract the figures of its body and widgets."""
    return Page(title=None, published=published, body="")
