"""The sites file: one CSV row per portal, validated on load.

Columns: `id,name,level,district,province,base_url,platform,start_paths` (start_paths is
optional, `;`-separated listing paths). A bad row raises `SitesFileError` naming the file,
line and field.
"""

from __future__ import annotations

import csv
import io
import logging
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

COLUMNS = ("id", "name", "level", "district", "province", "base_url", "platform", "start_paths")
REQUIRED = ("id", "name", "level", "province", "base_url", "platform")
LEVELS = ("commune", "district", "province")
PLATFORMS = ("drupal", "generic", "liferay", "nukeviet", "portal_pages", "sharepoint_lists", "trang", "wordpress")
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


def read_sites_text(path: Path) -> str:
    """The sites file as NFC text: UTF-8, else windows-1258 (what Excel's "CSV" and other
    ANSI exports give on Vietnamese Windows, logged); else an error saying what to do."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1258")
        except UnicodeDecodeError:
            raise SitesFileError(
                f"{path.name}: not UTF-8 (nor windows-1258, an Excel/ANSI export): save it "
                f"as 'CSV UTF-8' in Excel, or convert it with "
                f"`iconv -f WINDOWS-1258 -t UTF-8 {path.name} > sites-utf8.csv`") from None
        logging.getLogger(__name__).warning(
            "%s is not UTF-8: read as windows-1258 (save it as 'CSV UTF-8' to be sure)",
            path.name)
    return unicodedata.normalize("NFC", text)


def load_sites(path: str | Path) -> list[Site]:
    """Read and validate a sites file."""
    path = Path(path)
    name = path.name
    with io.StringIO(read_sites_text(path), newline="") as fh:
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
            site = _parse_row(row, f"{name} line {line}")
            if site.id in seen:
                raise SitesFileError(
                    f"{name} line {line}, field 'id': duplicate id {site.id!r} "
                    f"(first used on line {seen[site.id]})"
                )
            seen[site.id] = line
            sites.append(site)
    return sites


def _parse_row(row: dict[str, str | None], where: str) -> Site:
    def fail(field: str, msg: str) -> SitesFileError:
        return SitesFileError(f"{where}, field {field!r}: {msg}")

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
    try:
        parts = urlsplit(vals["base_url"])
        host = parts.hostname
    except ValueError as exc:  # "http://[::1": an unclosed IPv6 bracket
        raise fail("base_url", f"{vals['base_url']!r} is not a URL ({exc})") from None
    if parts.scheme not in ("http", "https") or not host:
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


#: Unit-name prefixes (folded) and the level they mean; "thành phố" is a district unless it
#: is one of the centrally-run cities.
LEVEL_PREFIXES = (("thị trấn ", "commune"), ("xã ", "commune"), ("phường ", "commune"),
                  ("thị xã ", "district"), ("huyện ", "district"), ("quận ", "district"),
                  ("tỉnh ", "province"), ("thành phố ", "district"))
CENTRAL_CITIES = ("hà nội", "hồ chí minh", "hải phòng", "đà nẵng", "cần thơ", "huế")
#: Folded path words that make a URL's path a reform category listing worth starting from.
REFORM_PATH_WORDS = ("cai-cach-hanh-chinh", "cchc", "thu-tuc-hanh-chinh", "mot-cua")


def level_from_name(name: str) -> str | None:
    """The level a unit's name states ("xã …" commune, "huyện …" district …), or None."""
    folded = " ".join(name.lower().split()) + " "
    for prefix, level in LEVEL_PREFIXES:
        if folded.startswith(prefix):
            rest = folded[len(prefix):].strip()
            return "province" if prefix == "thành phố " and rest in CENTRAL_CITIES else level
    return None


def id_from_host(host: str) -> str:
    """A site id from a host: its labels before ".gov.vn", outermost first
    (thaihoc.binhgiang.haiduong.gov.vn -> haiduong-binhgiang-thaihoc)."""
    labels = [x for x in host.lower().split(".") if x and x != "www"]
    if labels[-2:] == ["gov", "vn"]:
        labels = labels[:-2]
    return "-".join(re.sub(r"[^a-z0-9]+", "", x) for x in reversed(labels) if x) or "site"


def site_from_url(url: str, *, name: str, level: str | None, province: str | None,
                  district: str = "", platform: str, site_id: str | None = None) -> Site:
    """A validated sites-file row for the portal of `url` (any URL of it: home, listing or
    article). A listing path that names a reform category becomes its start path."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SitesFileError(f"{url!r} is not an http(s) URL with a host")
    level = level or level_from_name(name)
    if level is None:
        raise SitesFileError(f"cannot tell the level of {name!r}: pass --level "
                             f"({', '.join(LEVELS)})")
    if not province and level == "province":
        province = name
    if not province:
        raise SitesFileError(f"{name!r} needs its province: pass --province (e.g. 'tỉnh Hà Tĩnh')")
    path = parts.path.rstrip("/")
    start = path if path and any(w in path.lower() for w in REFORM_PATH_WORDS) else ""
    row = {"id": site_id or id_from_host(parts.hostname), "name": name, "level": level,
           "district": district, "province": province,
           "base_url": f"{parts.scheme}://{parts.netloc}", "platform": platform,
           "start_paths": start}
    return _parse_row(row, "the new site")


def append_site(path: str | Path, site: Site) -> None:
    """Append `site` to the sites file at `path` (created with its header when missing),
    after checking the file still loads and holds neither its id nor its host."""
    path = Path(path)
    existing = load_sites(path) if path.exists() and path.stat().st_size else []
    for other in existing:
        if other.host == site.host:
            raise SitesFileError(f"{path.name}: {site.host} is already listed as {other.id!r}")
        if other.id == site.id:
            raise SitesFileError(f"{path.name}: id {site.id!r} is taken ({other.base_url}): "
                                 f"pass another --id")
    text = path.read_text(encoding="utf-8-sig") if path.exists() else ""
    new_file = not text.strip()
    with path.open("w" if new_file else "a", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        if new_file:
            writer.writerow(COLUMNS)
        elif not text.endswith("\n"):
            fh.write("\n")
        writer.writerow([getattr(site, c) if c != "start_paths" else ";".join(site.start_paths)
                         for c in COLUMNS])
