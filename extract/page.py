"""Page HTML -> `Page` (title, date, body, widgets) with the figures of body and widgets."""

from __future__ import annotations

import dataclasses
import datetime as dt

from extract.figures import extract_figures
from extract.html import parse, split_page, take_widgets
from extract.model import Figure, Page, Widget


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
    figures += _widget_figures(parts.widgets, date, url)
    return Page(
        title=parts.title, published=date, body=parts.body, widgets=parts.widgets,
        figures=tuple(figures), attachments=parts.attachments, body_source=parts.body_source,
    )


def extract_boxes(
    html: str | bytes, *, url: str | None = None, published: dt.date | None = None
) -> Page:
    """Only the statistics boxes of a page (a home or listing page) and their figures."""
    try:
        tree = parse(html)
    except Exception:  # noqa: BLE001 - never raise on page input
        tree = None
    widgets = tuple(take_widgets(tree)) if tree is not None else ()
    return Page(title=None, published=None, body="", widgets=widgets,
                figures=tuple(_widget_figures(widgets, published, url)))


def _widget_figures(widgets: tuple[Widget, ...], date: dt.date | None,
                    url: str | None) -> list[Figure]:
    """Widget figures, read with the widget's update date (else the page's)."""
    figures: list[Figure] = []
    for widget in widgets:
        wdate = widget.updated.date() if widget.updated else date
        figures += [
            dataclasses.replace(f, source="widget")
            for f in extract_figures(widget.text, published=wdate, url=url)
        ]
    return figures
