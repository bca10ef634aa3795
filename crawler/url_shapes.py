"""Tell a portal's platform from a URL alone (no fetch), by the URL shapes in url_shapes.toml."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

SHAPES_FILE = Path(__file__).with_name("url_shapes.toml")
GENERIC = "generic"


@dataclass(frozen=True)
class UrlShape:
    """One family's URL pattern and the spider that crawls the family."""

    family: str
    spider: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class ShapeMatch:
    """The spider a URL points to; `family`/`matched` are empty when no shape matched."""

    spider: str
    family: str = ""
    matched: str = ""


@lru_cache(maxsize=1)
def load_shapes(path: Path = SHAPES_FILE) -> tuple[UrlShape, ...]:
    """Read and validate the shape table; errors name the file, the family and the pattern."""
    from crawler.sites import PLATFORMS

    data = tomllib.loads(path.read_text(encoding="utf-8"))
    shapes = []
    for entry in data.get("family", []):
        name, spider = entry.get("name", "?"), entry.get("spider", "")
        if spider not in PLATFORMS:
            raise ValueError(f"{path.name} family {name!r}: unknown spider {spider!r} "
                             f"(expected one of: {', '.join(PLATFORMS)})")
        for pattern in entry.get("patterns", []):
            try:
                shapes.append(UrlShape(name, spider, re.compile(pattern, re.IGNORECASE)))
            except re.error as exc:
                raise ValueError(f"{path.name} family {name!r}: bad pattern {pattern!r}: "
                                 f"{exc}") from None
    return tuple(shapes)


def platform_from_url(url: str) -> ShapeMatch:
    """The spider for the family whose URL shape `url` has; generic when none matches."""
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    for shape in load_shapes():
        match = shape.pattern.search(target)
        if match:
            return ShapeMatch(shape.spider, shape.family, match.group(0))
    return ShapeMatch(GENERIC)
