"""Platform families and their markup variants, read from `replica/families/*.toml`.

A family is a portal platform (URL shapes, categories, hosts); a variant is one markup of it
(page shell, listing, pager, article, TTHC box, side lists, date format, class names), all
named in data and rendered by `replica.variant_site.VariantSite` from `replica/markup/`.
Variant 0 (a family file's `[variant0]`) is the default replica's markup of the family, the one
`sites.csv` serves; variants 1.. (`[[variants]]`) vary it. A knob given as a list is drawn by
seed (see `resolve`), so another seed gives other class prefixes, labels, dates.

`variant_specs(seed)` gives one site per family x variant, each with its own host.
"""

from __future__ import annotations

import random
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from crawler.sites import PLATFORMS as SPIDERS
from crawler.sites import Site as SiteSpec
from replica.render import slugify

FAMILY_DIR = Path(__file__).parent / "families"
MARKUP_DIR = Path(__file__).parent / "markup"
#: Knobs whose value is a list by nature; a list of lists there is a choice.
LIST_KNOBS = frozenset({"item_order", "box_on", "side_listing", "side_article", "side_home",
                        "redirects", "article_also", "home_also", "loose_params", "feeds"})
#: Family-level keys a variant may override (the renderer reads them from the variant).
FAMILY_KNOBS = ("robots", "head", "banner", "image", "case_insensitive", "loose_params")
#: What a variant does when it does not say (replica/README.md lists the knobs).
DEFAULTS: dict[str, Any] = {
    "shell": "bootstrap", "listing": "ul", "home_listing": "ul", "article": "stacked",
    "pager": "numbered", "item_order": ["title", "date", "lead"], "date": "dmy_hms",
    "list_date": None, "next_label": "Trang sau", "prev_label": "Trang trước",
    "more_label": "Xem tiếp", "featured": False, "views": False, "upper_titles": False,
    "box_form": "list", "box_labels": "tthc", "box_on": ["home", "listing", "article"],
    "box_decimal": ".", "side_listing": ["Tin mới nhất"], "side_article": ["Tin liên quan"],
    "side_home": [], "side_form": "ul", "side_dates": False, "page_size": 10,
    "start_paths": False, "ticker": False, "menu_article": "", "counter_sep": ".",
    "sitemap": "", "rss": "", "prefix": "cms", "words": "vi", "sep": "-", "reform_title": None,
    "window": 0, "summary": "", "pages": "components", "house": "", "feeds": [],
    "box_values": "drawn", "box_evidence": "{value}", "listing_title": "{title} - Trang {n}",
    "portlet": "{prefix}_WAR_newsportlet_INSTANCE_{pid:.4}", "categories": {},
    "home_items": 4, "home_title": "Trang chủ",
}


@dataclass(frozen=True, slots=True)
class Family:
    """One platform family: its data file as read, plus its name."""

    name: str
    data: dict[str, Any]

    @property
    def spider(self) -> str:
        """The spider that crawls the family: its own when the crawler has one, else generic."""
        own = str(self.data.get("spider", ""))
        return own if own in SPIDERS else "generic"

    @property
    def variants(self) -> list[int]:
        first = 0 if "variant0" in self.data else 1
        return list(range(first, len(self.data.get("variants", [])) + 1))

    def variant(self, n: int) -> dict[str, Any]:
        """Variant n's knobs (unresolved), defaults and family URLs filled in. Variant 0 is the
        default replica's markup: it takes the family's URLs and keys, not its `[defaults]`."""
        raw = dict(self.data["variant0"] if n == 0 else self.data["variants"][n - 1])
        urls = {**self.data.get("urls", {}), **raw.pop("urls", {})}
        family = {k: self.data[k] for k in FAMILY_KNOBS if k in self.data}
        defaults = self.data.get("defaults", {}) if n else {}
        return {**DEFAULTS, **family, **defaults, **raw, "urls": urls}


@cache
def families() -> dict[str, Family]:
    """Every family file, by name (file stem)."""
    out = {}
    for path in sorted(FAMILY_DIR.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        out[path.stem] = Family(path.stem, data)
    return out


@cache
def formats() -> dict[str, Any]:
    """Date formats, box label sets and class-name words (replica/markup/formats.toml)."""
    return tomllib.loads((MARKUP_DIR / "formats.toml").read_text(encoding="utf-8"))


def resolve(knobs: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """Draw every choice among `knobs` (a list where one value is meant) with `rng`."""

    def pick(key: str, value: Any) -> Any:
        if isinstance(value, dict):
            return {k: pick(k, v) for k, v in value.items()}
        if not isinstance(value, list) or not value:
            return value
        if key in LIST_KNOBS and not isinstance(value[0], list):
            return value
        return rng.choice(value)

    return {k: pick(k, v) for k, v in knobs.items()}


def class_names(prefix: str, words: str, sep: str) -> dict[str, str]:
    """Role -> class name: "<prefix>-<word>", "<prefix>_<word>" or camelCase."""
    table = formats()["words"][words]

    def join(word: str) -> str:
        if sep == "camel":
            return prefix + "".join(w.capitalize() for w in word.split("-"))
        return f"{prefix}{sep}{word.replace('-', sep)}"

    return {"prefix": prefix, **{role: join(word) for role, word in table.items()}}


def site_id(family: str, n: int) -> str:
    return f"{family.replace('_', '-')}-v{n}"


def variant_specs(seed: int = 0) -> list[SiteSpec]:
    """One site per family x variant, each on its own real-looking host."""
    specs = []
    for fam in families().values():
        d = fam.data
        for n in fam.variants:
            district, dhost, commune = d["places"][n % len(d["places"])]
            unit = d.get("unit", "xã")
            name = f"{unit} {commune}"
            host = d["host"].format(commune=slugify(commune).replace("-", ""), district=dhost)
            knobs = resolve(fam.variant(n), random.Random(f"{seed}:{fam.name}:{n}:knobs"))
            start: tuple[str, ...] = ()
            if knobs["start_paths"]:
                start = ("{reform}",)  # filled in by the site, which knows its URLs
            specs.append(SiteSpec(
                id=site_id(fam.name, n), name=name, level=d.get("level", "commune"),
                district=district, province=d["province"], base_url=f"http://{host}",
                platform=fam.spider, start_paths=start,
            ))
    return specs


def variant_of(spec_id: str) -> tuple[Family, int] | None:
    """The family and variant number of a variant site id ("trang-v2"), else None."""
    stem, _, num = spec_id.rpartition("-v")
    fam = families().get(stem.replace("-", "_"))
    if fam is None or not num.isdigit() or int(num) not in fam.variants:
        return None
    return fam, int(num)
