"""URL templates learned from a listing's links: `/tin-cchc/<slug>-<n>`, `/node/<n>`,
`/chi-tiet?dDocName=<id>`, `/?m=newsdetail&q=<n>&id=<n>` ….

A listing's article links share one template: the path segments and query values that are
the same in every link stay literal, the others become a class (number, id, slug, any).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

_CLASSES = (
    ("n", re.compile(r"\d+")),
    ("id", re.compile(r"(?=[^/]*\d)[A-Za-z0-9_]{4,}")),
    ("slug-n", re.compile(r"[^/?#]*[A-Za-z][^/?#]*[-_.!]\d+(?:\.[A-Za-z]{2,5})?")),
    ("page", re.compile(r"[^/?#]+\.[A-Za-z]{2,5}")),
    ("slug", re.compile(r"[^/?#]*[-_][^/?#]*")),
    ("any", re.compile(r"[^/?#]+")),
)


def host_key(host: str | None) -> str:
    """A host without case and without a leading "www."."""
    host = (host or "").lower()
    return host[4:] if host.startswith("www.") else host


def segment_class(seg: str) -> str:
    """The most specific class a path segment or query value belongs to."""
    for name, pattern in _CLASSES:
        if pattern.fullmatch(seg):
            return name
    return "any"


def _pattern(values: list[str], generalize: bool) -> tuple[str, re.Pattern[str] | None]:
    """(description, regex) of one position: None regex means the literal description."""
    if len(set(values)) == 1 and not generalize:
        return values[0], None
    classes = {segment_class(v) for v in values}
    name = classes.pop() if len(classes) == 1 else "any"
    if name == "slug" and all(v.endswith(".html") for v in values):
        return "<slug>.html", re.compile(r"[^/?#]+\.html")
    return f"<{name}>", dict(_CLASSES)[name]


@dataclass(frozen=True)
class UrlTemplate:
    """Path segments and query values, each literal or a class; `describe()` prints it."""

    host: str
    path: tuple[tuple[str, re.Pattern[str] | None], ...]
    query: tuple[tuple[str, tuple[str, re.Pattern[str] | None]], ...]

    def matches(self, url: str) -> bool:
        parts = urlsplit(url)
        if host_key(parts.hostname) != self.host:
            return False
        segs = _segments(parts.path)
        if len(segs) != len(self.path):
            return False
        for seg, (literal, rx) in zip(segs, self.path):
            if (rx is None and seg.lower() != literal.lower()) or (rx is not None and not rx.fullmatch(seg)):
                return False
        params = dict(parse_qsl(parts.query, keep_blank_values=True))
        for name, (literal, rx) in self.query:
            value = params.get(name)
            if value is None or (rx is None and value != literal) or (rx is not None and not rx.fullmatch(value)):
                return False
        return True

    def describe(self) -> str:
        path = "/" + "/".join(d for d, _ in self.path)
        query = "&".join(f"{n}={d}" for n, (d, _) in self.query)
        return path + (f"?{query}" if query else "")

    @property
    def variable(self) -> bool:
        """Whether some position varies (a template of one fixed URL is not a shape)."""
        return any(rx is not None for _, rx in self.path) or any(
            rx is not None for _, (_, rx) in self.query)


def _segments(path: str) -> list[str]:
    return [s for s in path.split("/") if s]


def shape_key(url: str) -> tuple[str, int, tuple[str, ...]]:
    parts = urlsplit(url)
    names = tuple(sorted({n for n, _ in parse_qsl(parts.query, keep_blank_values=True)}))
    return host_key(parts.hostname), len(_segments(parts.path)), names


def _varies(value: str) -> bool:
    """Whether one URL's query value is an item's own (an id, a slug: `title=<slug>.html`),
    not the listing's (`Cat=news`)."""
    cls = segment_class(value)
    return cls in ("n", "id", "slug-n", "slug") or (cls == "page" and "-" in value)


def learn_template(urls: Iterable[str]) -> UrlTemplate | None:
    """The template most of `urls` share (same host, depth and query names), or None."""
    urls = list(dict.fromkeys(urls))
    if not urls:
        return None
    key, _ = Counter(shape_key(u) for u in urls).most_common(1)[0]
    members = [urlsplit(u) for u in urls if shape_key(u) == key]
    single = len(members) == 1
    host, depth, names = key
    path = []
    for i in range(depth):
        values = [_segments(p.path)[i] for p in members]
        last = i == depth - 1
        path.append(_pattern(values, single and (last or segment_class(values[0]) in ("n", "id"))))
    query = []
    for name in names:
        values = [dict(parse_qsl(p.query, keep_blank_values=True))[name] for p in members]
        query.append((name, _pattern(values, single and _varies(values[0]))))
    return UrlTemplate(host, tuple(path), tuple(query))
