"""Validate items before they are stored: a bad item is kept aside with its reason."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from urllib.parse import urlsplit

from crawler.items import AttachmentItem, PageItem

PAGE_KINDS = ("article", "home", "listing", "sitemap", "feed")


def _url_problem(url: object, field: str) -> str | None:
    if not isinstance(url, str) or not url:
        return f"{field} is empty"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"{field} {url[:200]!r} is not an http(s) URL"
    return None


def item_problem(item: PageItem | AttachmentItem, site_ids: Collection[str]) -> str | None:
    """Why the item cannot be stored, or None when it can. `site_ids`: the spider's sites."""
    problem = _url_problem(item.url, "url")
    if problem:
        return problem
    if item.site_id not in site_ids:
        return f"site_id {item.site_id!r} is not one of this crawl's sites"
    if isinstance(item, AttachmentItem):
        return _url_problem(item.page_url, "page_url")
    if item.kind not in PAGE_KINDS:
        return f"kind {item.kind!r} is not one of {', '.join(PAGE_KINDS)}"
    if not isinstance(item.status, int) or not 100 <= item.status <= 599:
        return f"status {item.status!r} is not an HTTP status"
    if not isinstance(item.body, bytes):
        return f"body is {type(item.body).__name__}, not bytes"
    try:
        dt.datetime.fromisoformat(item.fetched_at)
    except (TypeError, ValueError):
        return f"fetched_at {item.fetched_at!r} is not an ISO 8601 time"
    return None


def sort_links(item: PageItem | AttachmentItem, site_ids: Collection[str]) -> tuple[
        list[AttachmentItem], list[tuple[AttachmentItem, str]]]:
    """The attachment links to store with a valid item (itself, when it is one), and the
    invalid ones with their problem."""
    links = [item] if isinstance(item, AttachmentItem) else []
    bad = []
    for link in getattr(item, "attachments", ()):
        problem = item_problem(link, site_ids)
        if problem:
            bad.append((link, problem))
        else:
            links.append(link)
    return links, bad


def screen(item: PageItem | AttachmentItem, site_ids: Collection[str],
           set_aside: Callable[[PageItem | AttachmentItem, str], None]) -> list[AttachmentItem] | None:
    """What a pipeline may store of `item`: None when the item itself is invalid, else the
    attachment links to store with it. Each invalid piece goes to `set_aside(piece, problem)`."""
    problem = item_problem(item, site_ids)
    if problem:
        set_aside(item, problem)
        return None
    links, bad = sort_links(item, site_ids)
    for link, why in bad:
        set_aside(link, why)
    return links
