"""The variant replica (build_replica(variants=True)): one site per platform family x markup
variant. Its pages are served and well formed, its truth is what the reform listings link,
its pagers end, and no class name of a non-default variant appears in crawler/ (so a spider
cannot pass by matching the replica's own templates)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from crawler.sites import load_sites
from replica import Replica, build_replica
from replica.__main__ import main as replica_main
from replica.variant_site import VariantSite
from replica.variants import MARKUP_DIR, class_names, families

ROOT = Path(__file__).resolve().parents[1]
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
POSTBACK_PAGE = re.compile(r"__doPostBack\('[^']+','Page\$(\d+)'\)")


@pytest.fixture(scope="module")
def variants() -> Replica:
    return build_replica(seed=0, variants=True)


class TagBalance(HTMLParser):
    """Every non-void start tag is closed, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        """<br />, <img … />: nothing to close."""

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else ''}>")
        else:
            self.stack.pop()


def sample_pages(replica: Replica, site_id: str) -> list[str]:
    """Home, every reform listing page and three articles of a site."""
    site = replica.site(site_id)
    pages = [site.home_path()]
    pages += [site.listing_path("reform", p) for p in range(1, site.pages_of("reform") + 1)]
    pages += [site.article_path(a) for a in site.articles[:3]]
    return [site.url(p) for p in pages]


def links(url: str, body: bytes) -> list[str]:
    soup = BeautifulSoup(body, "lxml")
    return [urljoin(url, a["href"]) for a in soup.find_all("a", href=True)
            if not a["href"].startswith(("javascript:", "mailto:", "#"))]


def test_one_site_per_family_and_variant_with_its_own_host(variants: Replica) -> None:
    expected = {(f.name, n) for f in families().values() for n in f.variants}
    got = {variants.family(s.id) for s in variants.sites}
    assert got == expected
    assert all(len(f.variants) >= 3 for f in families().values())
    assert len({s.host for s in variants.sites}) == len(variants.sites)
    assert {"drupal", "thaibinh", "sonla", "webcenter", "newsdetail", "trangchu",
            "pagesdetail"} <= set(families())


def test_pages_are_served_well_formed_and_link_nothing_missing(variants: Replica) -> None:
    for spec in variants.sites:
        for url in sample_pages(variants, spec.id):
            status, headers, body = variants.fetch(url)
            assert status == 200, url
            if spec.id.endswith("-v0"):
                continue  # today's markup, tested where it is made
            checker = TagBalance()
            checker.feed(body.decode("utf-8"))
            assert not checker.errors and not checker.stack, (url, checker.errors[:3], checker.stack)
            for link in links(url, body):
                if urlsplit(link).hostname == spec.host:
                    assert variants.fetch(link)[0] in (200, 302), (url, link)


def test_truth_is_what_the_reform_listings_link_and_pagers_end(variants: Replica) -> None:
    for spec in variants.sites:
        site = variants.site(spec.id)
        start = site.url(spec.start_paths[0] if spec.start_paths else site.listing_path("reform"))
        seen_pages: set[int] = set()
        linked: set[str] = set()
        todo = [start]
        while todo:  # follow every link to a reform listing page, as a crawler would
            url = todo.pop()
            page = _page_of(site, url)
            if page in seen_pages:
                continue
            seen_pages.add(page)
            status, _, body = variants.fetch(url)
            assert status == 200, url
            text = body.decode("utf-8")
            found = links(url, body)
            found += [site.url(site.listing_path("reform", int(n))) for n in POSTBACK_PAGE.findall(text)]
            for link in found:
                a = variants.article_for_url(link)
                if a and site.by_id[a[1]].category == "reform":
                    linked.add(link)
                elif urlsplit(link).hostname == spec.host and _is_reform_listing(site, link):
                    todo.append(link)
        assert seen_pages == set(range(1, site.pages_of("reform") + 1)), spec.id
        truth = variants.article_urls(spec.id)
        assert linked == set(truth), spec.id
        assert len(truth) == len(site.in_category("reform"))


def _is_reform_listing(site, url: str) -> bool:
    return any(site.url(site.listing_path("reform", p)) == url
               for p in range(1, site.pages_of("reform") + 1))


def _page_of(site, url: str) -> int:
    return next(p for p in range(1, site.pages_of("reform") + 1)
                if site.url(site.listing_path("reform", p)) == url)


def test_box_figures_are_on_the_pages_that_show_the_box(variants: Replica) -> None:
    with_box = 0
    for spec in variants.sites:
        figures = variants.box_figures(spec.id)
        site = variants.site(spec.id)
        if not figures:
            continue
        with_box += 1
        assert {f["source"] for f in figures} == {"widget"}
        where = site.v["box_on"] if isinstance(site, VariantSite) else ["home", "listing", "article"]
        pages = {"home": site.home_path(), "listing": site.listing_path("reform"),
                 "article": site.article_path(site.articles[0])}
        for kind, path in pages.items():
            text = " ".join(BeautifulSoup(variants.fetch(site.url(path))[2], "lxml").get_text(" ").split())
            shown = all(f["evidence"] in text for f in figures)
            assert shown == (kind in where) or not shown and kind not in where, (spec.id, kind)
            if kind in where:
                assert shown, (spec.id, kind, [f["evidence"] for f in figures])
    assert with_box >= 40


def test_article_urls_resolve_under_their_other_forms(variants: Replica) -> None:
    site = variants.site("drupal-v2")
    a = site.in_category("reform")[0]
    assert variants.article_for_url(site.url(site.article_path(a))) == ("drupal-v2", a.id)
    assert variants.article_for_url(site.url(f"/node/{a.id}")) == ("drupal-v2", a.id)
    trang = variants.site("trang-v3")
    b = trang.in_category("reform")[0]
    assert variants.article_for_url(trang.url(f"/trang/chitiettintuc.aspx?NID={b.id}")) == ("trang-v3", b.id)
    assert variants.article_for_url(trang.url("/Trang/ChiTietTinTuc.aspx?nid=1")) is None
    assert variants.fetch(trang.url(trang.listing_path("reform") + "?PageIndex=99"))[0] == 404


def _crawler_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace")
                     for p in (ROOT / "crawler").rglob("*") if p.is_file() and p.suffix != ".pyc")


def _variant_tokens(replica: Replica) -> set[str]:
    """Every class and id a non-default variant can print: the rendered pages' (seed 0), the
    role names of every prefix a variant may draw, and the templates' prefixed literals."""
    tokens: set[str] = set()
    for spec in replica.sites:
        if spec.id.endswith("-v0"):
            continue
        for url in sample_pages(replica, spec.id)[:3]:
            soup = BeautifulSoup(replica.fetch(url)[2], "lxml")
            for tag in soup.find_all(True):
                tokens.update(tag.get("class", []))
                if tag.get("id"):
                    tokens.add(tag["id"])
    literals = set()
    for path in MARKUP_DIR.rglob("*.j2"):
        literals.update(re.findall(r"\{\{ c\.prefix \}\}([\w-]*)", path.read_text(encoding="utf-8")))
    for fam in families().values():
        for n in fam.variants:
            if n == 0:
                continue
            knobs = fam.variant(n)
            prefixes = knobs["prefix"] if isinstance(knobs["prefix"], list) else [knobs["prefix"]]
            for prefix in prefixes:
                names = class_names(prefix, knobs["words"], knobs["sep"])
                tokens.update(v for k, v in names.items() if k != "prefix")
                tokens.update(prefix + lit for lit in literals)
    return tokens


def test_no_variant_class_name_appears_in_the_crawler(variants: Replica) -> None:
    words = set(re.findall(r"[\w-]+", _crawler_text().lower()))  # whole tokens, any case
    tokens = _variant_tokens(variants)
    assert len(tokens) > 500
    clashes = sorted(t for t in tokens if t.lower() in words)
    assert not clashes, f"class names of the variant replica found in crawler/: {clashes}"


def test_same_seed_same_bytes_other_seed_other_markup() -> None:
    a, b = build_replica(seed=5, variants=True), build_replica(seed=5, variants=True)
    for spec in a.sites[::6]:
        for url in sample_pages(a, spec.id)[:2]:
            assert a.fetch(url) == b.fetch(url)
    other = build_replica(seed=6, variants=True)
    differs = sum(a.site(s.id).c != other.site(s.id).c for s in a.sites if not s.id.endswith("-v0"))
    assert differs > 5
    assert [s.id for s in build_replica(seed=0).sites][:3] == [
        "hd-binhgiang-thaihoc", "hd-binhgiang-tanhong", "hd-thanhmien-doanket"]


def test_sites_file_of_the_variants(tmp_path: Path) -> None:
    out = tmp_path / "variants.csv"
    assert replica_main(["sites", "--variants", "-o", str(out)]) == 0
    sites = load_sites(out)
    assert len(sites) == len(build_replica(seed=0, variants=True).sites)
    with_start = [s for s in sites if s.start_paths]
    assert with_start and all(p.startswith("/") for s in with_start for p in s.start_paths)
    assert {s.platform for s in sites} >= {"trang", "nukeviet", "generic"}
