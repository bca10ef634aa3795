"""The sites file: one CSV row per portal, validated on load.

Columns: `id,name,level,district,province,base_url,platform,start_paths` (start_paths is
optional, `;`-separated listing paths). A bad row raises `SitesFileError` naming the file,
line and field.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

COLUMNS = ("id", "name", "level", "district", "province", "base_url", "platform", "start_paths")
REQUIRED = ("id", "name", "level", "province", "base_url", "platform")
LEVELS = ("commune", "district", "province")
PLATFORMS = ("generic", "liferay", "nukeviet", "portal_pages", "sharepoint_lists", "trang", "wordpress")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class SitesFileError(ValueError):
    """A sites file that cannot be used: the message names file, line and field."""


@dataclass(frozen=True, slots=True)
class Site:
    """One portal to crawl."""

    id: str
    name: str
    level: str
    district: str
    province: str
    base_url: str
    platform: str
    start_paths: tuple[str, ...] = ()

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).hostname or ""

    def url(self, path: str) -> str:
        return self.base_url.rstrip("/") + "/" + path.lstrip("/")


def load_sites(path: str | Path) -> list[Site]:
    """Read and validate a sites file."""
    path = Path(path)
    name = path.name
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        header = tuple(reader.fieldnames or ())
        missing = [c for c in COLUMNS[:-1] if c not in header]
        if missing:
            raise SitesFileError(
                f"{name} line 1: missing column(s) {', '.join(missing)} "
                f"(expected header: {','.join(COLUMNS)})"
            )
        sites: list[Site] = []
        seen: dict[str, int] = {}
        for row in reader:
            line = reader.line_num
            site = _parse_row(row, name, line)
            if site.id in seen:
                raise SitesFileError(
                    f"{name} line {line}, field 'id': duplicate id {site.id!r} "
                    f"(first used on line {seen[site.id]})"
                )
            seen[site.id] = line
            sites.append(site)
    return sites


def _parse_row(row: dict[str, str | None], name: str, line: int) -> Site:
    def fail(field: str, msg: str) -> SitesFileError:
        return SitesFileError(f"{name} line {line}, field {field!r}: {msg}")

    vals = {k: (row.get(k) or "").strip() for k in COLUMNS}
    for field in REQUIRED:
        if not vals[field]:
            raise fail(field, "is empty (required)")
    if not ID_RE.match(vals["id"]):
        raise fail("id", f"{vals['id']!r} is not a slug (expected lower-case a-z, 0-9 and '-')")
    if vals["level"] not in LEVELS:
        raise fail("level", f"unknown level {vals['level']!r} (expected one of: {', '.join(LEVELS)})")
    if vals["platform"] not in PLATFORMS:
        raise fail(
            "platform",
            f"unknown platform {vals['platform']!r} (expected one of: {', '.join(PLATFORMS)})",
        )
    parts = urlsplit(vals["base_url"])
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise fail("base_url", f"{vals['base_url']!r} is not an http(s) URL with a host")
    paths = tuple(p.strip() for p in vals["start_paths"].split(";") if p.strip())
    for p in paths:
        if not p.startswith("/"):
            raise fail("start_paths", f"{p!r} must be a path starting with '/'")
    return Site(
        id=vals["id"], name=vals["name"], level=vals["level"], district=vals["district"],
        province=vals["province"], base_url=vals["base_url"].rstrip("/"),
        platform=vals["platform"], start_paths=paths,
    )
