"""Main text, title and date of a page from an unknown platform (pure).

The generic fallback of `extract.html.split_page`: trafilatura (a proven boilerplate
remover) takes the main text and title; the date comes from the page's own markup first
(`article:published_time`, `itemprop=datePublished`, `<time datetime>`), then from htmldate
over the markup only: its free-text search would take a date from a side list of other
articles, and a page without a date of its own gets none. Never raises; missing parts are
None / "".
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


def generic_parts(html: str, url: str | None = None, *, with_date: bool = True) -> GenericParts:
    """The main text, title and (unless `with_date` is False) date of `html` (a decoded page)."""
    title, body, date = None, "", None
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            deduplicate=False, as_dict=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # noqa: BLE001 - a library failure on odd input is not ours to raise
        log.debug("trafilatura failed on %s", url, exc_info=True)
        doc = None
    if doc is not None:
        title = (getattr(doc, "title", None) or "").strip() or None
        text = getattr(doc, "text", None) or ""
        body = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
        date = _parse(getattr(doc, "date", None))
    better = page_date(html, url) if with_date else None
    guesses = (better, date) if with_date else ()
    published = next((d for d in guesses if d and shown_on_page(d, html, url)), None)
    if published is None and with_date and (better or date):
        log.warning("%s: no date kept: the date guessed (%s) is not written on the page "
                    "(an impossible date such as 31/02 is read as none, never invented)",
                    url, (better or date).date())  # type: ignore[union-attr]
    return GenericParts(title=title, published=published, body=body)


def page_date(html: str, url: str | None = None) -> dt.datetime | None:
    """The publication date by htmldate (markup first, then the text), or None."""
    try:
        from htmldate import find_date

        found = find_date(html, url=url, original_date=True, extensive_search=False,
                          outputformat="%Y-%m-%dT%H:%M:%S", min_date="1995-01-01")
    except Exception:  # noqa: BLE001
        log.debug("htmldate failed on %s", url, exc_info=True)
        return None
    return _parse(found)


MONTH_ABBR = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def shown_on_page(when: dt.datetime, html: str, url: str | None = None) -> bool:
    """Whether the page (or its URL) writes the date `when`, in any usual form: a guessed
    date that is written nowhere was invented (htmldate reads "31/02/2024" as 2024-02-01)."""
    y, m, d = when.year, when.month, when.day
    mon = MONTH_ABBR[m - 1]
    sep = r"\s*[/.\-]\s*"
    patterns = (
        rf"(?<!\d)0?{d}{sep}0?{m}{sep}{y}(?!\d)",
        rf"(?<!\d){y}{sep}0?{m}{sep}0?{d}(?!\d)",
        rf"ngày\s+0?{d}\s+tháng\s+0?{m}\s+năm\s+{y}",
        rf"(?<!\d)0?{d}\s+{mon}[a-z]*\.?,?\s+{y}",
        rf"{mon}[a-z]*\.?\s+0?{d},?\s+{y}",
    )
    haystacks = (html, url or "")
    return any(re.search(p, text, re.I) for p in patterns for text in haystacks)


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
