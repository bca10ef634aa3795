"""Page HTML -> `Page` (title, date, body, widgets) with the figures of body and widgets."""

from __future__ import annotations

import dataclasses
import datetime as dt

from extract.figures import extract_figures
from extract.html import split_page
from extract.model import Figure, Page


def extract_page(
    html: str | bytes, *, url: str | None = None, published: dt.date | None = None
) -> Page:
    """Split a portal page and extract the figures of its body and widgets.

    The page's own date wins over `published`; widget figures are read with the widget's
    update date and carry `source="widget"`.
    """
    parts = split_page(html, url)
    date = parts.published.date() if parts.published else published
    figures: list[Figure] = [
        dataclasses.replace(f, source="article")
        for f in extract_figures(parts.body, published=date, url=url)
    ] if parts.body else []
    for widget in parts.widgets:
        wdate = widget.updated.date() if widget.updated else date
        figures += [
            dataclasses.replace(f, source="widget")
            for f in extract_figures(widget.text, published=wdate, url=url)
        ]
    return Page(
        title=parts.title, published=date, body=parts.body, widgets=parts.widgets,
        figures=tuple(figures), attachments=parts.attachments,
    )
