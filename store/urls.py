"""Canonical URLs: the natural key of pages and articles."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

#: Query parameters that track visitors and never change the page.
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "zarsrc", "utm_id", "_ga", "mc_cid", "mc_eid", "ref", "src"}
)
DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str) -> str:
    """Return `url` with host lower-cased, default port, fragment and tracking params dropped.

    Query parameters keep their order (some portals read them positionally).

    >>> canonical_url("HTTP://Xa.Gov.VN:80/a?utm_source=fb&nid=5#top")
    'http://xa.gov.vn/a?nid=5'
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    netloc = host
    if parts.port and parts.port != DEFAULT_PORTS.get(scheme):
        netloc = f"{host}:{parts.port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in TRACKING_PARAMS and not k.lower().startswith("utm_")
    ]
    path = parts.path or "/"
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))
