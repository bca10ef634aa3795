"""A generated site: its spec (a sites.csv row), profile, categories, articles and widget.

`ReplicaSite` holds the content; each platform subclass (`replica.trang`, `replica.nukeviet`)
adds the URL shapes and renders pages from its templates.
"""

from __future__ import annotations

import datetime as dt
import html
import random
from dataclasses import dataclass, replace

from crawler.sites import Site as SiteSpec  # one definition of a sites-file row
from replica.content import Article, Unit, Writer

Response = tuple[int, dict[str, str], bytes]
HTML = "text/html; charset=utf-8"
# The moment the replica's statistics boxes were last "updated" (no clock in the replica).
WIDGET_UPDATED = dt.datetime(2025, 6, 27, 4, 9, 32)
PDF_BODY = b"%PDF-1.4\n% replica attachment\n%%EOF\n"
# Response headers that fault pages use to ask the server for misbehaviour (never sent).
FAULT_DELAY = "X-Replica-Delay"  # seconds to wait before answering
FAULT_ACTION = "X-Replica-Action"  # "reset": drop the connection with a TCP RST
FAULT_SIZE = "X-Replica-Size"  # stream this many bytes of body (a huge page)


@dataclass(frozen=True, slots=True)
class Category:
    key: str  # "reform" | "news" | "ntm"
    alias: str  # URL segment
    title: str


def html_response(text: str, status: int = 200) -> Response:
    return status, {"Content-Type": HTML}, text.encode("utf-8")


def text_response(text: str, ctype: str, status: int = 200) -> Response:
    return status, {"Content-Type": ctype}, text.encode("utf-8")


NOT_FOUND_HTML = "<html><head><title>404 Not Found</title></head><body><h1>Không tìm thấy trang</h1></body></html>"


class ReplicaSite:
    """Content of one site; subclasses add URLs and markup (`route`)."""

    platform = ""
    CATEGORIES: tuple[Category, ...] = ()
    PAGE_SIZE = 10

    def __init__(self, spec: SiteSpec, profile: dict, seed: int, n_articles: int | None) -> None:
        self.spec = spec
        self.profile = profile
        self.rng = random.Random(f"{seed}:{spec.id}")
        self.unit = Unit(spec.name, spec.level)
        self.articles = self._write(n_articles)
        self.by_id = {a.id: a for a in self.articles}
        self.widget = self._widget() if profile.get("widget") else None
        self.counts = self._counter()

    # -- content ---------------------------------------------------------------------
    def _write(self, n_articles: int | None) -> list[Article]:
        rng = self.rng
        writer = Writer(rng, self.unit)
        n_reform = n_articles if n_articles is not None else rng.randint(15, 40)
        drafts: list[tuple[str, str]] = [
            ("reform", "figure" if rng.random() < 0.6 else "plain") for _ in range(n_reform)
        ]
        for cat in self.CATEGORIES:
            if cat.key != "reform":
                n = max(2, n_reform // 6) if n_articles is not None else rng.randint(5, 8)
                drafts += [(cat.key, "news")] * n
        written = []
        for key, kind in drafts:
            if kind == "figure":
                written.append(writer.figure_article(0, key))
            else:
                written.append(writer.plain_article(0, key, "news" if kind == "news" else "plain"))
        written.sort(key=lambda a: (a.published, a.title))
        next_id = rng.randint(800, 9000)
        articles = []
        for a in written:
            articles.append(_with_id(a, next_id))
            next_id += rng.randint(1, 7)
        articles.reverse()  # newest first, as listings show them
        return articles

    def _widget(self) -> dict:
        rng = self.rng
        resolved = rng.randint(300, 1500)
        late = rng.choice((0, 0, 1, rng.randint(1, 9)))
        eot = resolved - late
        return {
            "month": WIDGET_UPDATED.month, "resolved": resolved, "early_or_on_time": eot,
            "late": late, "rate": _dot_rate(100 * eot / resolved),
            "late_rate": _dot_rate(100 * late / resolved), "updated": WIDGET_UPDATED,
        }

    def widget_truth(self) -> list[dict]:
        """The figures the statistics box states (empty when the site has none)."""
        w = self.widget
        if not w:
            return []
        period = f"{WIDGET_UPDATED.year}-01..{WIDGET_UPDATED.year}-{w['month']:02d}"
        rows = [
            ("early_or_on_time_rate", float(w["rate"]), f"{w['rate']}%"),
            ("resolved", w["resolved"], f"Số hồ sơ xử lý: {w['resolved']}"),
            ("early_or_on_time", w["early_or_on_time"], f"Trước & đúng hạn: {w['early_or_on_time']}"),
            ("late", w["late"], f"Trễ hạn: {w['late']}"),
            ("late_rate", float(w["late_rate"]), f"Tỉ lệ trễ hạn: {w['late_rate']}%"),
        ]
        return [
            {"metric": m, "value": v, "channel": None, "period": period,
             "subject": self.unit.name, "level": self.unit.level, "source": "widget",
             "evidence": ev}
            for m, v, ev in rows
        ]

    def article_truth(self, a: Article) -> list[dict]:
        """The figures an article's page states: its body's, then the box's when it shows one."""
        return [dict(f) for f in a.truth] + self.widget_truth()

    def article_at(self, path: str, query: str) -> Article | None:
        """The article a request for path?query shows, if any."""
        want = path + (f"?{query}" if query else "")
        return next((a for a in self.articles if self.article_path(a) == want), None)

    def unique_slugs(self, limit: int = 120) -> dict[int, str]:
        """Article id -> title slug, made unique per site (`-2`, `-3` … for repeats), oldest first."""
        from replica.render import slugify

        seen: dict[str, int] = {}
        out: dict[int, str] = {}
        for a in reversed(self.articles):
            base = slugify(a.title, limit)
            n = seen.get(base, 0) + 1
            seen[base] = n
            out[a.id] = base if n == 1 else f"{base}-{n}"
        return out

    def in_category(self, key: str) -> list[Article]:
        return [a for a in self.articles if a.category == key]

    def category(self, key: str) -> Category:
        return next(c for c in self.CATEGORIES if c.key == key)

    def pages_of(self, key: str) -> int:
        n = len(self.in_category(key))
        return max(1, -(-n // self.PAGE_SIZE))

    def page_items(self, key: str, page: int) -> list[Article]:
        items = self.in_category(key)
        return items[(page - 1) * self.PAGE_SIZE : page * self.PAGE_SIZE]

    # -- URLs (subclasses) ------------------------------------------------------------------
    def url(self, path: str) -> str:
        return self.spec.base_url.rstrip("/") + path

    def article_path(self, a: Article) -> str:
        raise NotImplementedError

    def listing_path(self, key: str, page: int = 1) -> str:
        raise NotImplementedError

    def category_for_path(self, path: str) -> str | None:
        """The category key a listing path (as in `start_paths`) shows, if any."""
        path = path.split("?", 1)[0].rstrip("/").lower()
        for c in self.CATEGORIES:
            if self.listing_path(c.key).rstrip("/").lower() == path:
                return c.key
        return None

    def route(self, path: str, query: str) -> Response:
        raise NotImplementedError

    def all_paths(self) -> list[str]:
        """Every page path the site serves (for crawling it whole or listing it)."""
        paths = ["/robots.txt", self.home_path()]
        for c in self.CATEGORIES:
            paths += [self.listing_path(c.key, p) for p in range(1, self.pages_of(c.key) + 1)]
        paths += [self.article_path(a) for a in self.articles]
        return paths

    def home_path(self) -> str:
        return "/"

    # -- shared boilerplate ---------------------------------------------------------------
    def _counter(self) -> dict[str, int]:
        """Visitor counter values (fixed per site so pages stay byte-identical)."""
        total = int(self.profile.get("counter_total", 0))
        if total == 0:
            return {"online": 0, "today": 0, "month": 0, "total": 0}
        return {"online": self.rng.randint(1, 30), "today": self.rng.randint(5, 400),
                "month": self.rng.randint(400, 9000), "total": total}

    def numbered_pager(self, key: str, page: int, current: str, link: str, sep: str = " ",
                       prev: str = "", next_: str = "", absolute: bool = False) -> str:
        """A listing's numbered pager: `current` / `link` format each page number ({n}, {url}),
        `prev` / `next_` ({url}) stand before / after them when there is such a page.
        URLs are paths, HTML-escaped (or absolute and as they are)."""
        def url(p: int) -> str:
            path = self.listing_path(key, p)
            return self.url(path) if absolute else html.escape(path, quote=True)

        pages = self.pages_of(key)
        parts = [prev.format(url=url(page - 1))] if prev and page > 1 else []
        parts += [(current if p == page else link).format(n=p, url=url(p)) for p in range(1, pages + 1)]
        if next_ and page < pages:
            parts.append(next_.format(url=url(page + 1)))
        return sep.join(parts)

    def sitemap_xml(self) -> str:
        """Every article with its date, as a sitemaps.org urlset."""
        urls = "".join(f"<url><loc>{html.escape(self.url(self.article_path(a)))}</loc>"
                       f"<lastmod>{a.published:%Y-%m-%d}</lastmod></url>\n" for a in self.articles)
        return ('<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n')

    def rss_xml(self, n: int = 20) -> str:
        """The newest `n` articles as RSS 2.0."""
        esc = html.escape
        items = "".join(
            f"<item><title>{esc(a.title)}</title><link>{esc(self.url(self.article_path(a)))}</link>"
            f"<description>{esc(a.lead)}</description>"
            f"<pubDate>{a.published:%a, %d %b %Y %H:%M:%S} +0700</pubDate></item>\n"
            for a in self.articles[:n])
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
                f"<title>{esc(self.spec.name)}</title><link>{self.url('/')}</link>\n{items}</channel></rss>\n")

    def robots(self) -> Response:
        return text_response(self.robots_txt(), "text/plain; charset=utf-8")

    def robots_txt(self) -> str:
        return "User-agent: *\nDisallow: /admin/\n"


def _with_id(a: Article, aid: int) -> Article:
    return replace(a, id=aid)


def _dot_rate(value: float) -> str:
    """Widget percentages: dot decimal, one digit, no trailing zero ("99.8", "100")."""
    return f"{value:.1f}".rstrip("0").rstrip(".")
