"""Main text, title and date of a page from an unknown platform (pure).

The generic fallback of `extract.html.split_page`: trafilatura (a proven boilerplate
remover) takes the main text and title; the date comes from the page's own markup first
(`article:published_time`, `itemprop=datePublished`, `<time datetime>`), then from htmldate,
which reads the markup and the visible text ("Ngày đăng: 12/05/2023") for the original
publication date. Never raises; missing parts are None / "".
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

log = logging.getLogger(__name__)
# trafilatura and htmldate log every odd page at WARNING/ERROR; a page is not an incident.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

TITLE_TAIL_RE = re.compile(r"\s+[|\-–]\s+[^|\-–]{2,80}$")


@dataclass(frozen=True, slots=True)
class GenericParts:
    title: str | None
    published: dt.datetime | None
    body: str  # paragraphs joined with a blank line


def generic_parts(html: str, url: str | None = None) -> GenericParts:
    """The main text, title and date of `html` (a decoded page)."""
    title, body, date = None, "", None
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            deduplicate=False, as_dict=False,
        )
    except Exception:  # noqa: BLE001 - a library failure on odd input is not ours to raise
        log.debug("trafilatura failed on %s", url, exc_info=True)
        doc = None
    if doc is not None:
        title = (getattr(doc, "title", None) or "").strip() or None
        text = getattr(doc, "text", None) or ""
        body = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
        date = _parse(getattr(doc, "date", None))
    better = page_date(html, url)
    return GenericParts(title=title, published=better or date, body=body)


def page_date(html: str, url: str | None = None) -> dt.datetime | None:
    """The publication date by htmldate (markup first, then the text), or None."""
    try:
        from htmldate import find_date

        found = find_date(html, url=url, original_date=True, extensive_search=True,
                          outputformat="%Y-%m-%dT%H:%M:%S", min_date="1995-01-01")
    except Exception:  # noqa: BLE001
        log.debug("htmldate failed on %s", url, exc_info=True)
        return None
    return _parse(found)


def _parse(value: object) -> dt.datetime | None:
    if not value or not isinstance(value, str):
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.strip()[:19])
    except ValueError:
        return None
    return parsed.replace(tzinfo=None)


def strip_site_name(title: str) -> str:
    """`"Title | Site name"` -> `"Title"` (the <title> tail portals append)."""
    return TITLE_TAIL_RE.sub("", title).strip()
