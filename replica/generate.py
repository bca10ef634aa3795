"""`build_replica(seed, n_sites, n_articles) -> Replica`: the local web of portal sites.

Sites come from `replica/sites.csv` (+ `texts/profiles.toml`); with `n_sites` larger than the
file, synthetic sites are added from `texts/names.toml`. Site content is written lazily, on
the first request to a site, from a random generator seeded by (seed, site id): the same
seed gives the same bytes, whatever the request order.
"""

from __future__ import annotations

import random
import threading
import tomllib
from collections.abc import Iterator, Mapping
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

from crawler.sites import load_sites
from replica.faults import FaultGenericSite, FaultTrangSite
from replica.render import slugify
from replica.site import Response, SiteSpec
from replica.variant_site import VariantSite
from replica.variants import Family, families, variant_of, variant_specs

HERE = Path(__file__).parent
SITES_CSV = HERE / "sites.csv"
FAULT_SITES_CSV = HERE / "sites_faults.csv"
SYNTHETIC_CYCLE = ("trang", "nukeviet", "trang", "nukeviet", "liferay", "wordpress")
#: Site classes by id, for the fault sites (replica.faults).
SPECIAL: dict[str, type[VariantSite]] = {"fault-trang": FaultTrangSite, "fault-generic": FaultGenericSite}


def read_specs(path: Path = SITES_CSV) -> list[SiteSpec]:
    """The replica's own sites file, read and validated like any analyst's sites file."""
    return load_sites(path)


def synthetic_specs(seed: int, count: int, start: int) -> list[SiteSpec]:
    """`count` made-up commune sites (real names, numbered hosts), platforms in turn
    (trang, nukeviet, trang, nukeviet, liferay, wordpress, …: the first two are the commonest)."""
    names = tomllib.loads((HERE / "texts" / "names.toml").read_text(encoding="utf-8"))
    rng = random.Random(f"{seed}:synthetic")
    specs = []
    for i in range(count):
        platform = SYNTHETIC_CYCLE[i % len(SYNTHETIC_CYCLE)]
        data = names[platform]
        district, dhost = rng.choice(data["districts"])
        commune = rng.choice(data["communes"])
        n = start + i
        host = f"{slugify(commune).replace('-', '')}{n}.{dhost}.{data['province_host']}.gov.vn"
        specs.append(SiteSpec(
            id=f"syn-{n:05d}", name=f"{data.get('unit', 'xã')} {commune}", level="commune", district=district,
            province=data["province"], base_url=f"http://{host}", platform=platform,
        ))
    return specs


def synthetic_profile(spec: SiteSpec, seed: int) -> dict:
    rng = random.Random(f"{seed}:{spec.id}:profile")
    return {
        "editor": f"Chủ tịch UBND {spec.name}",
        "address": f"{spec.name}, {spec.district}, {spec.province}",
        "phone": f"0{rng.randint(200, 299)}.3{rng.randint(100, 999)}.{rng.randint(100, 999)}",
        "email": f"{spec.host.split('.')[0]}@{'.'.join(spec.host.split('.')[-3:])}",
        "widget": spec.platform == "trang" and rng.random() < 0.6,
        "theme": rng.choice(("default", "egov")),
        "counter_total": rng.choice((0, rng.randint(1000, 90000))),
    }


class Replica:
    """The sites, their pages (url -> response) and the truth manifest (url -> figures)."""

    def __init__(self, seed: int, specs: list[SiteSpec], n_articles: int | None = None,
                 variants: bool = False) -> None:
        self.seed = seed
        #: family and variant of each variant site (build_replica(variants=True))
        self.variant_of: dict[str, tuple[Family, int]] = {}
        if variants:
            self.variant_of = {s.id: v for s in specs if (v := variant_of(s.id))}
        self.sites = specs
        self.n_articles = n_articles
        self._by_host = {s.host: s for s in specs}
        self._by_id = {s.id: s for s in specs}
        self._built: dict[str, VariantSite] = {}
        self._lock = threading.Lock()  # the server builds sites from several threads
        self._profiles = tomllib.loads((HERE / "texts" / "profiles.toml").read_text(encoding="utf-8"))

    def site(self, site_id: str) -> VariantSite:
        """The generated site (written on first use)."""
        built = self._built.get(site_id)
        if built is None:
            with self._lock:
                built = self._built.get(site_id)
                if built is None:
                    built = self._make(self._by_id[site_id])
                    self._built[site_id] = built
                    if built.spec != self._by_id[site_id]:  # a variant site names its start path
                        self._respec(built.spec)
        return built

    def _make(self, spec: SiteSpec) -> VariantSite:
        """A variant site, or a default one: variant 0 of the family its platform names."""
        if spec.id in self.variant_of:
            family, n = self.variant_of[spec.id]
            # a variant 0 whose box comes from the profile shows it (a drawn box always shows)
            profile = {**synthetic_profile(spec, self.seed), "widget": True}
            return VariantSite(spec, profile, self.seed, self.n_articles, family, n)
        profile = self._profiles.get(spec.id) or synthetic_profile(spec, self.seed)
        cls = SPECIAL.get(spec.id, VariantSite)
        return cls(spec, profile, self.seed, self.n_articles, families()[spec.platform], 0)

    def _respec(self, spec: SiteSpec) -> None:
        self.sites = [spec if s.id == spec.id else s for s in self.sites]
        self._by_id[spec.id] = spec
        self._by_host[spec.host] = spec

    def family(self, site_id: str) -> tuple[str, int]:
        """(family, variant) of a site: a variant site's, else (its platform, 0)."""
        if site_id in self.variant_of:
            fam, n = self.variant_of[site_id]
            return fam.name, n
        return self._by_id[site_id].platform, 0

    def box_figures(self, site_id: str) -> list[dict]:
        """The figures of the site's TTHC statistics box (figures.md, source "widget"),
        empty when the site shows none."""
        return self.site(site_id).widget_truth()

    def article_for_url(self, url: str) -> tuple[str, int] | None:
        """(site id, article id) of the article an absolute URL shows, under any URL form
        the site answers (query order, extra parameters, aliases), else None."""
        parts = urlsplit(url)
        site = self.site_for_host(parts.hostname or "")
        if site is None:
            return None
        a = site.article_at(parts.path or "/", parts.query)
        return (site.spec.id, a.id) if a else None

    def site_for_host(self, host: str) -> VariantSite | None:
        spec = self._by_host.get(host.lower().split(":")[0])
        return self.site(spec.id) if spec else None

    def fetch(self, url: str) -> Response | None:
        """The response for an absolute URL, or None when no site has that host."""
        parts = urlsplit(url)
        site = self.site_for_host(parts.hostname or "")
        if site is None:
            return None
        return site.route(parts.path or "/", parts.query)

    def article_urls(self, site_id: str, paths: tuple[str, ...] | None = None) -> list[str]:
        """Article URLs listed under the given listing paths (default: the site's
        `start_paths`, else its reform category), newest first."""
        site = self.site(site_id)
        paths = paths if paths is not None else (site.spec.start_paths or None)
        keys = ["reform"] if not paths else [k for p in paths if (k := site.category_for_path(p))]
        return [site.url(site.article_path(a)) for a in site.articles if a.category in keys]

    @cached_property
    def pages(self) -> Mapping[str, Response]:
        return PagesView(self)

    @cached_property
    def truth(self) -> Mapping[str, list[dict]]:
        return TruthView(self)


class PagesView(Mapping[str, Response]):
    """All served URLs -> (status, headers, body), rendered on access."""

    def __init__(self, replica: Replica) -> None:
        self.r = replica

    def __getitem__(self, url: str) -> Response:
        resp = self.r.fetch(url)
        if resp is None or resp[0] == 404:
            raise KeyError(url)
        return resp

    def __iter__(self) -> Iterator[str]:
        for spec in self.r.sites:
            site = self.r.site(spec.id)
            for path in site.all_paths():
                yield site.url(path)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class TruthView(Mapping[str, list[dict]]):
    """Article URL -> the figures the page states (article body, then widget)."""

    def __init__(self, replica: Replica) -> None:
        self.r = replica

    def _index(self) -> Iterator[tuple[str, list[dict]]]:
        for spec in self.r.sites:
            site = self.r.site(spec.id)
            for a in site.articles:
                yield site.url(site.article_path(a)), site.article_truth(a)

    def __getitem__(self, url: str) -> list[dict]:
        parts = urlsplit(url)
        site = self.r.site_for_host(parts.hostname or "")
        if site is not None:
            for a in site.articles:
                if site.url(site.article_path(a)) == url:
                    return site.article_truth(a)
        raise KeyError(url)

    def __iter__(self) -> Iterator[str]:
        return (url for url, _ in self._index())

    def __len__(self) -> int:
        return sum(len(self.r.site(s.id).articles) for s in self.r.sites)


def build_replica(
    seed: int = 0, n_sites: int | None = None, n_articles: int | None = None,
    sites_file: Path = SITES_CSV, faults: bool = False, variants: bool = False,
) -> Replica:
    """The replica: the sites of `sites_file`, cut or padded to `n_sites`, each with
    `n_articles` reform articles (default: 15-40 per site, seeded). `faults` adds the fault
    sites of `sites_faults.csv` (replica.faults: 5xx, timeouts, resets, redirect loops,
    bad encodings, link traps, a 50 MB page). `variants` builds instead one site per platform
    family x markup variant (replica.variants: other class names, pagers, listings, boxes,
    dates), for measuring how spiders do on markup they were not written for."""
    if variants:
        r = Replica(seed, variant_specs(seed), n_articles, variants=True)
        for spec in list(r.sites):
            if spec.start_paths:
                r.site(spec.id)  # fills in the start path
        return r
    specs = read_specs(sites_file)
    if n_sites is not None:
        specs = specs[:n_sites] + synthetic_specs(seed, max(0, n_sites - len(specs)), len(specs))
    if faults:
        specs = specs + read_specs(FAULT_SITES_CSV)
    return Replica(seed, specs, n_articles)
