"""The one item spiders yield: a fetched page, raw (extraction runs later, over the store)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class PageItem:
    """A fetched page of a portal."""

    url: str
    site_id: str
    platform: str
    kind: str  # "article" | "listing" | "sitemap" | "feed"
    status: int
    fetched_at: str  # ISO 8601, UTC
    body: bytes
    encoding: str | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None


@dataclass(slots=True)
class AttachmentItem:
    """A file (PDF/DOC …) linked from a fetched page: recorded as a link, not downloaded."""

    url: str
    site_id: str
    page_url: str
    label: str | None = None
