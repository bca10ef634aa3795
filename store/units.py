"""Administrative units after the reform of 1 July 2025 (34 provinces, no district level).

`map_unit` is a pure function over `underthesea.address`: it names the post-2025 unit of a
commune, district or province as of before, with a status: unchanged, renamed, merged,
divided, abolished (districts: the level itself was removed) or not_found.
`refresh_units` fills the `units` table for every site and every figure subject.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from store.db import utc_now

STATUSES = ("unchanged", "renamed", "merged", "divided", "abolished", "not_found")

# Office words before a unit name in a figure subject ("UBND xã Thái Học").
_OFFICE = re.compile(
    r"^(?:(?:trung tâm|bộ phận) (?:phục vụ hành chính công|một cửa|tiếp nhận và trả kết quả)"
    r"(?: của)?|ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+", re.IGNORECASE)
_LEVEL_WORD = re.compile(
    r"^(xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh)\s", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class UnitMapping:
    """Where an old unit went on 1 July 2025."""

    old_address: str
    new_name: str | None
    new_province: str | None
    status: str
    note: str = ""


@functools.cache
def _province_sizes() -> dict[str, int]:
    """How many old provinces each new province key absorbed (from underthesea's data)."""
    import underthesea.address as address

    path = Path(address.__file__).parent / "data" / "mapping.json"
    mapping: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))["province_mapping"]
    sizes: dict[str, int] = {}
    for new_key in mapping.values():
        sizes[new_key] = sizes.get(new_key, 0) + 1
    return sizes


def clean_unit_name(subject: str) -> str:
    """A figure subject without office words: "UBND xã Thái Học" → "xã Thái Học"."""
    name = " ".join(subject.split())
    while True:
        stripped = _OFFICE.sub("", name)
        if stripped == name:
            return name
        name = stripped


def _address(name: str, level: str | None, district: str | None,
             province: str | None) -> str:
    parts = [name]
    if level == "commune" and district:
        parts.append(district)
    if level in {"commune", "district"} and province:
        parts.append(province)
    seen: list[str] = []
    for part in parts:
        if part and part.lower() not in [s.lower() for s in seen]:
            seen.append(part)
    return ", ".join(seen)


def map_unit(name: str, level: str | None, district: str | None = None,
             province: str | None = None) -> UnitMapping:
    """The post-1-July-2025 unit of an old commune, district or province (pure lookup)."""
    from underthesea.address import ConversionStatus, convert_address
    from underthesea.address.normalizer import normalize_key

    name = clean_unit_name(name)
    if level == "national":
        return UnitMapping(name, name, None, "unchanged", "national level")
    address = _address(name, level, district, province)
    result = convert_address(address)
    new_province = result.new.province or None
    if result.status is ConversionStatus.NOT_FOUND:
        return UnitMapping(address, None, None, "not_found", result.note)
    if level == "commune":
        if result.status is ConversionStatus.SUCCESS and result.mapping_type is not None:
            return UnitMapping(address, result.new.ward, new_province,
                               result.mapping_type.value, result.note)
        return UnitMapping(address, None, new_province, "not_found",
                           f"{result.note}: check the commune name in the sites file")
    if level == "district":
        return UnitMapping(address, new_province, new_province, "abolished",
                           "district level removed on 2025-07-01; its communes report to "
                           "the province")
    new_key = normalize_key(new_province or "")
    if _province_sizes().get(new_key, 1) > 1:
        return UnitMapping(address, new_province, new_province, "merged",
                           result.note)
    old_key = normalize_key(_LEVEL_WORD.sub("", name))
    status = "unchanged" if old_key in new_key else "renamed"
    return UnitMapping(address, new_province, new_province, status, result.note)


def wanted_units(db: Database) -> dict[tuple[str, str], str | None]:
    """(site id, unit name) -> level of every site and distinct figure subject."""
    wanted: dict[tuple[str, str], str | None] = {
        (site["id"], site["name"]): site["level"] for site in db["sites"].rows}
    for row in db.query("""
            SELECT DISTINCT s.id AS site_id, f.subject, coalesce(f.level, s.level) AS level
            FROM figures f
            LEFT JOIN articles a ON a.id = f.article_id
            LEFT JOIN widget_snapshots w ON w.id = f.snapshot_id
            JOIN sites s ON s.id = coalesce(a.site_id, w.site_id)
            WHERE f.subject IS NOT NULL"""):
        wanted.setdefault((row["site_id"], row["subject"]), row["level"])
    return wanted


def refresh_units(db: Database, *, missing_only: bool = False) -> int:
    """Map every site and every distinct figure subject (in its site's context) into `units`.

    Returns the number of rows written. Re-running replaces the rows (idempotent). With
    `missing_only`, only the units not yet in the table are mapped: a cheap repair after a
    run that died before its units were written.
    """
    wanted = wanted_units(db)
    if missing_only:
        have = {(r["site_id"], r["name"]) for r in db["units"].rows_where(select="site_id, name")}
        wanted = {key: level for key, level in wanted.items() if key not in have}
        if not wanted:
            return 0
    sites = {r["id"]: r for r in db["sites"].rows}
    now = utc_now()
    rows: list[dict[str, Any]] = []
    for (site_id, name), level in wanted.items():
        site = sites[site_id]
        mapping = map_unit(name, level, site["district"], site["province"])
        rows.append({"site_id": site_id, "name": name, "level": level, **asdict(mapping),
                     "mapped_at": now})
    with db.atomic():
        db["units"].upsert_all(rows, pk=("site_id", "name"))
    return len(rows)
