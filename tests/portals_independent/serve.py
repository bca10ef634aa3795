"""The set behind the project's HTTP proxy: `StaticPortals(portal_set)` answers `fetch(url)`
as a `replica.Replica` does, so `replica.ReplicaServer` serves it under the real hostnames;
`resolve(url)` says which route (and article) a stored URL reaches."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from .build import PortalSet
from .render_base import Route

NOT_FOUND = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Lỗi 404</title></head>"
             "<body><h1>Lỗi 404 - Trang không tồn tại</h1><p>Trang bạn tìm không tồn tại hoặc đã "
             "bị xóa.</p><a href='/'>Về trang chủ</a></body></html>").encode("utf-8")
LAST_MODIFIED = "Wed, 20 Nov 2024 08:00:00 GMT"


def _key(path_query: str, ci: bool) -> tuple[str, tuple[tuple[str, str], ...]]:
    parts = urlsplit(path_query)
    path = parts.path or "/"
    return (path.lower() if ci else path), tuple(sorted(parse_qsl(parts.query, keep_blank_values=True)))


class StaticPortals:
    """Routes by exact path and query, else by path (any case on IIS hosts) and the query's
    parameters in any order; a 404 page otherwise; 502 (None) for hosts not in the set."""

    def __init__(self, portal_set: PortalSet) -> None:
        self.set = portal_set
        self.index = {host: {_key(url, h.ci): route for url, route in h.routes.items()}
                      for host, h in portal_set.hosts.items()}

    def resolve(self, url: str) -> Route | None:
        parts = urlsplit(url)
        host = self.set.hosts.get((parts.hostname or "").lower())
        if host is None:
            return None
        path_query = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        return host.routes.get(path_query) or self.index[(parts.hostname or "").lower()].get(
            _key(path_query, host.ci))

    def article_of(self, url: str) -> int | None:
        route = self.resolve(url)
        return route.article if route else None

    def fetch(self, url: str) -> tuple[int, dict[str, str], bytes] | None:
        host = (urlsplit(url).hostname or "").lower()
        if host not in self.set.hosts:
            return None
        route = self.resolve(url)
        if route is None:
            return 404, {"Content-Type": "text/html; charset=utf-8"}, NOT_FOUND
        if route.status in (301, 302):
            return route.status, {"Location": f"http://{host}{route.location}",
                                  "Content-Type": "text/html"}, b""
        return route.status, {"Content-Type": route.ctype, "Last-Modified": LAST_MODIFIED}, route.body
