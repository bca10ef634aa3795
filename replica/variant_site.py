"""`VariantSite`: a site of any family x variant, rendered from data.

The family file (`replica/families/<family>.toml`) gives the URL shapes as format strings and
the variant's knobs; the markup is Jinja under `replica/markup/`: page shells (`shell/`), the
home, listing and article content (`pages/<pages>/`, from components: listing styles, pagers,
articles, TTHC boxes, side lists), feeds (`feed/`). Variant 0 is the default replica's markup
(`sites.csv`), variants 1.. vary it. Every URL the site serves is put in a route table when the
site is built, so routing, `all_paths` and the truth helpers agree by construction.

URL template fields: {id} {slug} {suffix} {alias} {Alias} {cat_id} {list} {yyyy} {mm} {dd}
{ymd} {site} {host_slug} {pid} {portlet} {size} {file} {listing} {q} ("?" or "&") {n} (page,
1-based) {n0} (0-based).
"""

from __future__ import annotations

import random
import string
import unicodedata
from dataclasses import dataclass, replace
from functools import cache
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from replica.content import Article
from replica.render import slugify
from replica.site import (
    NOT_FOUND_HTML, PDF_BODY, WIDGET_UPDATED, Category, ReplicaSite, Response, html_response,
    text_response,
)
from replica.variants import MARKUP_DIR, Family, class_names, formats, resolve

TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
RELATED_TITLES = frozenset({"Tin liên quan", "Các tin khác", "Tin cùng chuyên mục", "Những tin cũ hơn"})
#: The feeds a variant's `sitemap` / `rss` knob names (the site's whole article list).
SITEMAP = {"template": "sitemap", "type": "application/xml; charset=utf-8"}
RSS = {"template": "rss", "type": "application/rss+xml; charset=utf-8"}


def date_text(when: Any, name: str) -> str:
    """A date in a named format of markup/formats.toml ({weekday}: Vietnamese day name)."""
    pattern = formats()["dates"][name]
    weekday = formats()["dates"]["weekdays"][when.weekday()]
    return when.strftime(pattern.replace("{weekday}", weekday))


def thousands(value: int, sep: str) -> str:
    """12345 -> "12<sep>345"."""
    return f"{value:,}".replace(",", sep)


@cache
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(MARKUP_DIR), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True, undefined=StrictUndefined, keep_trailing_newline=True,
                      auto_reload=False)
    env.filters.update(date=date_text, thousands=thousands)
    return env


@dataclass(frozen=True, slots=True)
class Route:
    """One served URL: the query parameters it needs and what it shows."""

    params: tuple[tuple[str, str], ...]
    kind: str  # home | listing | article | attachment | redirect | robots | feed
    key: str = ""  # category key (listing, feed)
    number: int = 0  # page (listing), article id (article, attachment), feed index (feed)
    target: str = ""  # redirect location
    listed: bool = True  # in all_paths (False for the other forms of a page)


class VariantSite(ReplicaSite):
    """One family x variant site (module docstring)."""

    def __init__(self, spec: Any, profile: dict, seed: int, n_articles: int | None,
                 family: Family, variant: int) -> None:
        self.family, self.variant_no = family, variant
        rng = random.Random(f"{seed}:{spec.id}:markup")
        self.v = resolve(family.variant(variant), rng)
        self.urls: dict[str, Any] = self.v["urls"]
        self.ci = bool(self.v.get("case_insensitive", False))
        cats = {k: {**c, **self.v["categories"].get(k, {})} for k, c in family.data["categories"].items()}
        self.CATEGORIES = tuple(
            Category(key, c["alias"], c.get("title") or (
                self.v["reform_title"] if key == "reform" and self.v["reform_title"] else None)
                or rng.choice(c["titles"]))
            for key, c in cats.items())
        self.cat_ids = {key: c.get("id", rng.randint(12, 400)) for key, c in cats.items()}
        self.PAGE_SIZE = int(self.v["page_size"])
        self.c = class_names(self.v["prefix"], self.v["words"], self.v["sep"])
        self.site_slug = slugify(spec.name).replace("-", "")
        self.pid = "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(12))
        self.host_slug = spec.host.split(".")[0]
        self.portlet = self.v["portlet"].format(prefix=self.c["prefix"], pid=self.pid,
                                                host_slug=self.host_slug)
        # a box from the site's profile (the default replica's) or drawn for the variant
        from_profile = self.v["box_values"] == "profile" and bool(self.v["box_on"])
        super().__init__(spec, {**profile, "widget": from_profile and profile.get("widget", False)},
                         seed, n_articles)
        self.box = self._box(random.Random(f"{seed}:{spec.id}:box"), from_profile)
        self.slugs = self._slugs(seed)
        self._cats: dict[str, dict[str, Any]] = {}
        self._paths: dict[int, str] = {}
        self._items: dict[int, dict[str, Any]] = {}
        if spec.start_paths == ("{reform}",):
            self.spec = replace(spec, start_paths=(self.listing_path("reform"),))
        self.routes: dict[str, list[Route]] = {}
        self.listed: list[Route] = []  # the pages all_paths names, in the order added
        self._route_all()

    # -- URLs -------------------------------------------------------------------------------
    def _slugs(self, seed: int) -> dict[int, str]:
        """Article id -> slug: titles in the variant's style, made unique (`-2`, `-3` …,
        oldest first) unless `unique_slugs = false`, then the random `suffix` the URL asks
        for ("caps_rand": SharePoint page names end in 6-8 random characters)."""
        style, _, limit = str(self.urls.get("slug", "plain:120")).partition(":")
        n = int(limit or 120)
        unique = bool(self.urls.get("unique_slugs", True))
        seen: dict[str, int] = {}
        out = {}
        for a in reversed(self.articles):
            base = slug_in_style(a.title, style, n)
            seen[base] = seen.get(base, 0) + 1
            out[a.id] = base if seen[base] == 1 or not unique else f"{base}-{seen[base]}"
        suffix = dict(self.urls.get("suffix", {}))
        if style == "caps_rand":
            suffix = {"length": "6-8", "seed": "{seed}:{site}:slugs", "order": "oldest"}
        if suffix:
            rng = random.Random(suffix["seed"].format(seed=seed, site=self.spec.id))
            low, _, high = str(suffix["length"]).partition("-")
            chars = string.ascii_letters + string.digits
            order = reversed(self.articles) if suffix.get("order") == "oldest" else self.articles
            for a in order:
                size = rng.randint(int(low), int(high)) if high else int(low)
                out[a.id] += "".join(rng.choice(chars) for _ in range(size))
        return out

    def _fill(self, template: str, **fields: Any) -> str:
        base = {"site": self.site_slug, "pid": self.pid, "size": self.PAGE_SIZE,
                "host_slug": self.host_slug, "portlet": self.portlet}
        return template.format(**base, **fields)

    def _cat_fields(self, key: str) -> dict[str, Any]:
        if key not in self._cats:
            alias = self.category(key).alias
            self._cats[key] = {
                "alias": alias, "Alias": "-".join(w.capitalize() for w in alias.split("-")),
                "cat_id": self.cat_ids[key], "list": "".join(w.capitalize() for w in alias.split("-"))}
        return self._cats[key]

    def home_path(self) -> str:
        return self._fill(str(self.urls["home"]))  # "/web/{site}" -> "/web/xatruongson"

    def listing_path(self, key: str, page: int = 1) -> str:
        listing = self._fill(self.urls["listing"], **self._cat_fields(key))
        if page == 1:
            return listing
        return self._fill(self.urls["page"], listing=listing, q="&" if "?" in listing else "?",
                          n=page, n0=page - 1, **self._cat_fields(key))

    def article_path(self, a: Article) -> str:
        if a.id not in self._paths:
            self._paths[a.id] = self._article_path(self.urls["article"], a)
        return self._paths[a.id]

    def _article_path(self, template: str, a: Article) -> str:
        d = a.published
        return self._fill(template, id=a.id, slug=self.slugs[a.id], yyyy=f"{d.year}",
                          mm=f"{d.month:02d}", dd=f"{d.day:02d}", ymd=f"{d.year}-{d.month}-{d.day}",
                          **self._cat_fields(a.category))

    def attachment_path(self, a: Article) -> str:
        d = a.published
        return self._fill(self.urls["attachment"], id=a.id, file=a.attachment, yyyy=f"{d.year}",
                          mm=f"{d.month:02d}", dd=f"{d.day:02d}", **self._cat_fields(a.category))

    def feeds(self) -> list[dict[str, Any]]:
        """The variant's feeds and sitemaps: `feeds` entries (path, template, type; a path
        with {alias} is one feed per category), then the `sitemap` and `rss` knobs."""
        out = [dict(f) for f in self.v["feeds"]]
        if self.v["sitemap"]:
            out.append({**SITEMAP, "path": self.v["sitemap"]})
        if self.v["rss"]:
            out.append({**RSS, "path": self.v["rss"]})
        return out

    def category_for_path(self, path: str) -> str | None:
        want = self._lookup(*_split(path))
        return want.key if want and want.kind == "listing" and want.number == 1 else None

    def robots_txt(self) -> str:
        text = str(self.v.get("robots", "User-agent: *\nDisallow: /admin/\n"))
        sitemap = self.v["sitemap"] or next(
            (f["path"] for f in self.v["feeds"] if f.get("robots")), "")
        if sitemap:
            text += f"Sitemap: {self.url(sitemap)}\n"
        return text

    # -- routing ----------------------------------------------------------------------------
    def _norm(self, path: str) -> str:
        return path.lower() if self.ci else path

    def _add(self, url: str, route: Route, loose: tuple[str, ...] = ()) -> None:
        path, params = _split(url)
        keep = tuple(sorted((self._pkey(k), v) for k, v in params.items() if k not in loose))
        self.routes.setdefault(self._norm(path), []).append(replace(route, params=keep))
        if route.listed and route.kind not in ("redirect", "attachment"):
            self.listed.append(route)

    def _pkey(self, key: str) -> str:
        return key.lower() if self.ci else key

    def _route_all(self) -> None:
        loose = tuple(self._fill(p) for p in self.v.get("loose_params", ()))
        self._add("/robots.txt", Route((), "robots"))
        self._add(self.home_path(), Route((), "home"))
        for path in (self._fill(p) for p in self.urls.get("home_also", [])):
            self._add(path, Route((), "home", listed=False))
        for path in (self._fill(p) for p in self.urls.get("redirects", [])):
            if self._norm(path) != self._norm(self.home_path()):
                self._add(path, Route((), "redirect", target=self.home_path()))
        for path, key in self.urls.get("to_listing", {}).items():
            self._add(path, Route((), "redirect", target=self.listing_path(key)))
        for c in self.CATEGORIES:
            for p in range(1, self.pages_of(c.key) + 1):
                self._add(self.listing_path(c.key, p), Route((), "listing", c.key, p), loose)
        for a in self.articles:
            self._add(self.article_path(a), Route((), "article", number=a.id), loose)
            for also in self.urls.get("article_also", []):
                self._add(self._article_path(also, a), Route((), "article", number=a.id, listed=False),
                          loose)
            if a.attachment:
                self._add(self.attachment_path(a), Route((), "attachment", number=a.id))
        for i, feed in enumerate(self.feeds()):
            for c in self.CATEGORIES if "{alias}" in feed["path"] else [None]:
                key = c.key if c else ""
                self._add(self._feed_path(feed, key), Route((), "feed", key, i))

    def _feed_path(self, feed: dict[str, Any], key: str) -> str:
        return self._fill(feed["path"], **self._cat_fields(key)) if key else feed["path"]

    def _page_param(self) -> str:
        return self._pkey(self._fill(str(self.urls.get("page_param", ""))))

    def _lookup(self, path: str, params: dict[str, str]) -> Route | None:
        """The route a request shows: the most specific one whose parameters it carries.
        A page parameter that no route of that path takes (page 99, page=abc) is a 404."""
        got = {self._pkey(k): v for k, v in params.items()}
        best = None
        for r in self.routes.get(self._norm(path), []):
            if all(got.get(k) == v for k, v in r.params) and (best is None or len(r.params) > len(best.params)):
                best = r
        pp = self._page_param()
        if best and pp and pp in got and all(k != pp for k, _ in best.params):
            first = "0" if "{n0}" in self.urls.get("page", "") else "1"
            if not (best.kind == "listing" and got[pp] == first):
                return None
        return best

    def article_at(self, path: str, query: str) -> Article | None:
        r = self._lookup(path, dict(parse_qsl(query, keep_blank_values=True)))
        return self.by_id[r.number] if r and r.kind == "article" else None

    def all_paths(self) -> list[str]:
        return [self._url_of(r) for r in self.listed]

    def _url_of(self, r: Route) -> str:
        if r.kind == "home":
            return self.home_path()
        if r.kind == "listing":
            return self.listing_path(r.key, r.number)
        if r.kind == "article":
            return self.article_path(self.by_id[r.number])
        if r.kind == "robots":
            return "/robots.txt"
        return self._feed_path(self.feeds()[r.number], r.key)

    def route(self, path: str, query: str) -> Response:
        r = self._lookup(path or "/", dict(parse_qsl(query, keep_blank_values=True)))
        if r is None:
            return html_response(NOT_FOUND_HTML, 404)
        if r.kind == "robots":
            return text_response(self.robots_txt(), "text/plain; charset=utf-8")
        if r.kind == "redirect":
            return 302, {"Location": self.url(r.target)}, b""
        if r.kind == "attachment":
            return 200, {"Content-Type": "application/pdf"}, PDF_BODY
        if r.kind == "feed":
            return self.feed(self.feeds()[r.number], r.key)
        if r.kind == "home":
            return html_response(self.home())
        if r.kind == "listing":
            return html_response(self.listing(r.key, r.number))
        return html_response(self.article(self.by_id[r.number]))

    # -- the TTHC box -------------------------------------------------------------------------
    def _box(self, rng: random.Random, from_profile: bool) -> dict[str, Any] | None:
        """The box's values: the profile's widget (the default replica's), or drawn."""
        if from_profile:
            w = self.widget
            return w and {"resolved": w["resolved"], "early_or_on_time": w["early_or_on_time"],
                          "late": w["late"], "early_or_on_time_rate": float(w["rate"]),
                          "late_rate": float(w["late_rate"])}
        resolved = rng.randint(300, 1500)
        late = rng.choice((0, 1, rng.randint(1, 9)))
        eot = resolved - late
        early = rng.randint(eot // 2, eot)
        if not self.v["box_on"]:
            return None
        return {
            "received": resolved + rng.randint(0, 60), "resolved": resolved, "late": late,
            "early_or_on_time": eot, "early": early, "on_time": eot - early,
            "early_or_on_time_rate": round(100 * eot / resolved, 1),
            "late_rate": round(100 * late / resolved, 1),
        }

    def _value_text(self, metric: str) -> str:
        value = self.box[metric]
        if metric.endswith("_rate"):
            text = f"{value:.1f}".rstrip("0").rstrip(".")
            return text.replace(".", self.v["box_decimal"]) + "%"
        return str(value)

    def _box_labels(self) -> dict[str, Any]:
        return formats()["boxes"][self.v["box_labels"]]

    def widget_truth(self) -> list[dict]:
        """The figures the TTHC box states (figures.md; evidence is the value as printed,
        with its label where `box_evidence` says so). Empty when the site shows no box."""
        if not self.box:
            return []
        labels = self._box_labels()
        rows = [(m, self.v["box_evidence"].format(label=lab, value=self._value_text(m)))
                for lab, m in labels["rows"]]
        if labels.get("headline"):
            rows.insert(0, (labels["headline"], self._value_text(labels["headline"])))
        period = f"{WIDGET_UPDATED.year}-01..{WIDGET_UPDATED.year}-{WIDGET_UPDATED.month:02d}"
        return [{"metric": m, "value": float(self.box[m]) if m.endswith("_rate") else self.box[m],
                 "channel": None, "period": period, "subject": self.unit.name,
                 "level": self.unit.level, "source": "widget", "evidence": evidence}
                for m, evidence in rows]

    def article_truth(self, a: Article) -> list[dict]:
        box = self.widget_truth() if "article" in self.v["box_on"] else []
        return [dict(f) for f in a.truth] + box

    def box_html(self) -> str:
        labels = self._box_labels()
        month, year = f"{WIDGET_UPDATED.month:02d}", WIDGET_UPDATED.year
        box = {
            "title": labels["title"], "period": labels["period"].format(month=month, year=year),
            "headline": self._value_text(labels["headline"]) if labels.get("headline") else "",
            "rows": [{"label": lab, "value": self._value_text(m)} for lab, m in labels["rows"]],
            "updated": WIDGET_UPDATED.strftime("%d/%m/%Y %H:%M:%S"),
            "more_url": f"https://dichvucong.gov.vn/p/home/dvc-tthc-thong-ke.html?donvi={self.site_slug}",
        }
        return self._render(f"box/{self.v['box_form']}.j2", box=box, host_slug=self.host_slug)

    # -- pages ------------------------------------------------------------------------------
    def _item(self, a: Article) -> dict[str, Any]:
        """What a page shows of an article: its link, title, lead, dates, picture, category
        (made once per article; callers copy it to change it)."""
        if a.id not in self._items:
            self._items[a.id] = self._new_item(a)
        return self._items[a.id]

    def _new_item(self, a: Article) -> dict[str, Any]:
        url = self.article_path(a)
        c = self.category(a.category)
        return {"url": url, "abs": self.url(url), "title": a.title, "lead": a.lead, "id": a.id,
                "published": a.published,
                "date": date_text(a.published, self.v["list_date"] or self.v["date"]),
                "short_date": f"{a.published:%d/%m/%Y}", "image": self._fill(
                    str(self.v.get("image", "/images/news/{id}.jpg")), id=a.id),
                "views": 37 + (a.id * 53) % 2900,
                "cat": {"key": c.key, "title": c.title, "alias": c.alias}}

    def _render(self, name: str, **ctx: Any) -> str:
        return environment().get_template(name).render(c=self.c, v=self.v, **ctx)

    def _sides(self, titles: list[str], current: Article | None = None) -> list[dict[str, Any]]:
        out = []
        for title in titles:
            if title in RELATED_TITLES:
                if current is None:
                    continue
                picks = self.older(current, 5)
            elif title == "Tin xem nhiều":
                picks = sorted(self.articles, key=lambda x: -((x.id * 53) % 2900))[:6]
            elif title == "Tin nổi bật":
                picks = self.articles[1:12:2]
            else:  # "Tin mới nhất" and the like: newest of every category
                picks = self.articles[:6]
            out.append({"title": title, "entries": [self._item(x) for x in picks]})
        return out

    def older(self, a: Article, n: int) -> list[Article]:
        """The `n` articles of a's category published before it, newest first."""
        idx = self.articles.index(a)
        return [x for x in self.articles[idx + 1:] if x.category == a.category][:n]

    def _sidebar(self, where: str, titles: list[str], current: Article | None = None) -> str:
        parts = [self.box_html()] if self.box and where in self.v["box_on"] else []
        for side in self._sides(titles, current):
            if side["title"] not in RELATED_TITLES:
                parts.append(self._render(f"side/{self.v['side_form']}.j2", side=side))
        return "\n".join(parts)

    def _menu(self) -> list[dict[str, str]]:
        menu = [{"title": c.title.upper() if self.v["upper_titles"] else c.title,
                 "url": self.listing_path(c.key), "abs": self.url(self.listing_path(c.key)),
                 "plain_title": c.title} for c in self.CATEGORIES]
        if self.v["menu_article"]:
            intro = next(a for a in reversed(self.articles) if a.category != "reform")
            menu.insert(0, {"title": self.v["menu_article"], "url": self.article_path(intro)})
        return menu

    def _cat(self, key: str) -> dict[str, Any]:
        c = self.category(key)
        url = self.listing_path(key)
        return {"key": key, "title": c.title, "alias": c.alias, "url": url, "abs": self.url(url)}

    def page(self, title: str, content: str, sidebar: str, path: str, **ctx: Any) -> str:
        """The page shell around `content`; `ctx` says what the page is (kind, cat, a, page_no)."""
        spec, prof, counts = self.spec, self.profile, self.counts
        sep = self.v["counter_sep"]
        site = {
            "name": spec.name, "Name": spec.name[:1].upper() + spec.name[1:],
            "title": f"Trang thông tin điện tử {spec.name[:1].upper() + spec.name[1:]}",
            "district": spec.district, "province": spec.province, "base_url": spec.base_url,
            "host_slug": self.host_slug, "profile": prof, "editor": prof.get("editor", ""),
            "address": prof.get("address", ""), "phone": prof.get("phone", ""),
            "email": prof.get("email", ""), "counter": counts,
            "counter_total": thousands(counts["total"], sep),
        }
        ticker = [self._item(a) for a in self.articles[:3]] if self.v["ticker"] else []
        head = Markup(self._fill(str(self.v.get("head", "")), feed=self.v["rss"]))
        context = {"kind": "", "cat": None, "a": None, "page_no": 0, **ctx}
        return self._render(
            f"shell/{self.v['shell']}.j2", page_title=title, site=site, menu=self._menu(),
            home_url=self.home_path(), banner=self.v.get("banner", "/images/banner.jpg"),
            head=head, ticker=ticker, crumbs=[], content=Markup(content), sidebar=Markup(sidebar),
            form_action=path, path=path, url=self.url(path), portlet=self.portlet,
            newest=[self._item(a) for a in self.articles[:5]], **context)

    def _pages(self, name: str, **ctx: Any) -> str:
        return self._render(f"pages/{self.v['pages']}/{name}.j2", home_url=self.home_path(),
                            spec=self.spec, profile=self.profile, **ctx)

    def entries(self, articles: list[Article]) -> list[dict[str, Any]]:
        """The items of a listing or a home block."""
        return [self._item(a) for a in articles]

    def home(self) -> str:
        n = int(self.v["home_items"])
        blocks = [{**self._cat(c.key), "entries": self.entries(self.page_items(c.key, 1)[:n])}
                  for c in self.CATEGORIES]
        content = self._pages("home", blocks=blocks,
                              latest=[self._item(a) for a in self.articles[:10]])
        return self.page(self.v["home_title"], content, self._sidebar("home", self.v["side_home"]),
                         self.home_path(), kind="home")

    def pager(self, key: str, page: int) -> dict[str, Any]:
        total = self.pages_of(key)
        lo, hi = 1, total
        if self.v["window"]:
            lo, hi = max(1, page - self.v["window"]), min(total, page + self.v["window"])
        n_items = len(self.in_category(key))
        return {
            "current": page, "total": total,
            "pages": [{"n": p, "url": self.listing_path(key, p), "current": p == page,
                       "abs": self.url(self.listing_path(key, p))} for p in range(lo, hi + 1)],
            "gap_before": lo > 1, "gap_after": hi < total,
            "first": self.listing_path(key, 1) if page > 1 else None,
            "prev": self.listing_path(key, page - 1) if page > 1 else None,
            "next": self.listing_path(key, page + 1) if page < total else None,
            "last": self.listing_path(key, total) if page < total else None,
            "start": (page - 1) * self.PAGE_SIZE + 1, "end": min(n_items, page * self.PAGE_SIZE),
            "count": n_items, "postback": f"ctl00$ctl{30 + self.cat_ids[key] % 60}$g_{self.pid[:8]}$pager",
        }

    def listing_items(self, key: str, page: int) -> list[dict[str, Any]]:
        return self.entries(self.page_items(key, page))

    def listing(self, key: str, page: int, **extra: Any) -> str:
        """A category's listing page; `extra` goes to the template (e.g. a calendar)."""
        c = self.category(key)
        content = self._pages(
            "listing", cat=self._cat(key), items=self.listing_items(key, page),
            offset=(page - 1) * self.PAGE_SIZE, pager=self.pager(key, page), page_no=page, **extra)
        title = c.title if page == 1 else self.v["listing_title"].format(title=c.title, n=page)
        return self.page(title, content, self._sidebar("listing", self.v["side_listing"]),
                         self.listing_path(key, page), kind="listing", cat=self._cat(key),
                         page_no=page)

    def _art(self, a: Article) -> dict[str, Any]:
        """An article as its page shows it: the item, plus body, files and neighbours."""
        files = ([{"url": self.attachment_path(a), "abs": self.url(self.attachment_path(a)),
                   "name": a.attachment}] if a.attachment else [])
        idx = self.articles.index(a)
        previous = self.articles[idx + 1] if idx + 1 < len(self.articles) else None
        return {**self._item(a), "date": date_text(a.published, self.v["date"]),
                "paragraphs": list(a.paragraphs), "author": a.author, "files": files,
                "cat": self._cat(a.category), "slug": self.slugs[a.id],
                "older": [self._item(x) for x in self.older(a, 6)],
                "previous": previous and self._item(previous)}

    def article(self, a: Article) -> str:
        art = self._art(a)
        related = [s for s in self._sides(self.v["side_article"], a) if s["title"] in RELATED_TITLES]
        content = self._pages("article", a=art, sides_in_content=related)
        return self.page(a.title, content, self._sidebar("article", self.v["side_article"], a),
                         self.article_path(a), kind="article", cat=art["cat"], a=art)

    def feed(self, feed: dict[str, Any], key: str) -> Response:
        """A feed or sitemap (feed/<template>.j2) of the site's articles, or a category's."""
        articles = self.in_category(key) if key else self.articles
        body = self._render(f"feed/{feed['template']}.j2", items=[self._item(a) for a in articles],
                            cat=self._cat(key) if key else None, site=self.spec, base=self.url(""))
        return text_response(body, feed["type"])


def _split(url: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(url)
    return parts.path or "/", dict(parse_qsl(parts.query, keep_blank_values=True))


def slug_in_style(title: str, style: str, limit: int) -> str:
    """A title as a URL slug: "plain" (thai-hoc-day-manh), "caps" (Thai-Hoc-Day-Manh, for
    SharePoint page names), "tones" (a toned vowel followed by a hyphen, as Thái Bình's
    portal writes them: "Đảng bộ" -> "da-ng-bo")."""
    if style in ("caps", "caps_rand"):
        return "-".join(w.capitalize() for w in slugify(title, limit).split("-"))
    if style == "tones":
        out = []
        for ch in unicodedata.normalize("NFD", title.replace("Đ", "D").replace("đ", "d")):
            if ch in TONE_MARKS:
                out.append("-")
            elif not unicodedata.combining(ch):
                out.append(ch)
        return slugify("".join(out).replace("- ", " "), limit)
    return slugify(title, limit)
