"""The one item spiders yield: a fetched page, raw (extraction runs later, over the store),
with the links to the files it carries (stored in the same transaction as the page)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class PageItem:
    """A fetched page of a portal."""

    url: str
    site_id: str
    platform: str
    kind: str  # "article" | "home" | "listing" | "sitemap" | "feed"
    status: int
    fetched_at: str  # ISO 8601, UTC
    body: bytes = field(repr=False)  # never in a log line
    encoding: str | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    attachments: tuple[AttachmentItem, ...] = ()


@dataclass(slots=True)
class AttachmentItem:
    """A file (PDF/DOC …) linked from a fetched page: recorded as a link, not downloaded.

    Usually carried in its page's `PageItem.attachments`; yielded alone it is stored alone.
    """

    url: str
    site_id: str
    page_url: str
    label: str | None = None
