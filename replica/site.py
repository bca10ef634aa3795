"""A generated site's content: its spec (a sites.csv row), profile, categories, articles,
statistics box values and visitor counter.

`ReplicaSite` holds the content; `replica.variant_site.VariantSite` adds a family's URL shapes
and renders its pages from data.
"""

from __future__ import annotations

import datetime as dt
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
    """Content of one site; `VariantSite` adds URLs and markup."""

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

    def url(self, path: str) -> str:
        return self.spec.base_url.rstrip("/") + path

    # -- shared boilerplate ---------------------------------------------------------------
    def _counter(self) -> dict[str, int]:
        """Visitor counter values (fixed per site so pages stay byte-identical)."""
        total = int(self.profile.get("counter_total", 0))
        if total == 0:
            return {"online": 0, "today": 0, "month": 0, "total": 0}
        return {"online": self.rng.randint(1, 30), "today": self.rng.randint(5, 400),
                "month": self.rng.randint(400, 9000), "total": total}


def _with_id(a: Article, aid: int) -> Article:
    return replace(a, id=aid)


def _dot_rate(value: float) -> str:
    """Widget percentages: dot decimal, one digit, no trailing zero ("99.8", "100")."""
    return f"{value:.1f}".rstrip("0").rstrip(".")
