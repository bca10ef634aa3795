"""Shared pieces of the second independent portal set: a site base, boxes, pagers, the web.

`build()` returns a `Web`: `fetch(url)` answers like replica.Replica.fetch (status, headers,
body) or None for an unknown host, so replica.ReplicaServer can serve it as a proxy.
"""

from __future__ import annotations

import html
import random
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from tests.portals_independent2.content import Article, cap, pct, vn, weekday, write_articles

esc = html.escape


def slug(text: str, n: int = 80, sep: str = "-", keep_case: bool = False) -> str:
    t = text.replace("đ", "d").replace("Đ", "D")
    t = unicodedata.normalize("NFKD", t)
    t = "".join(c for c in t if not unicodedata.combining(c))
    if not keep_case:
        t = t.lower()
    t = re.sub(r"[^A-Za-z0-9]+", sep, t).strip(sep)
    return t[:n].rstrip(sep)


@dataclass
class Category:
    key: str
    title: str
    reform: bool
    articles: list[Article] = field(default_factory=list)


@dataclass
class Box:
    heading: str
    rows: list[tuple[str, str]]                 # label, value as printed
    figures: list[tuple[str, float]]            # metric, value (truth)
    form: str = "table"                          # table | dl | ul | divs
    note: str = ""                               # a caption line under the values


def make_box(rng: random.Random, heading: str, form: str, year: int = 2026,
             style: int = 0) -> Box:
    received = rng.randint(1200, 9800)
    resolved = received - rng.randint(30, 150)
    late = rng.randint(1, 25)
    eot = resolved - late
    pending = received - resolved
    rate = round(eot * 100 / resolved, 1)
    if style == 0:
        rows = [("Tiếp nhận", vn(received)), ("Đã giải quyết", vn(resolved)),
                ("Trước và đúng hạn", vn(eot)), ("Trễ hạn", str(late)),
                ("Đang giải quyết", vn(pending))]
        figs = [("received", received), ("resolved", resolved), ("early_or_on_time", eot),
                ("late", late), ("pending", pending)]
    elif style == 1:
        rows = [("Số hồ sơ tiếp nhận", vn(received)), ("Số hồ sơ đã xử lý", vn(resolved)),
                ("Đúng hạn & trước hạn", vn(eot)), ("Quá hạn", str(late)),
                ("Tỷ lệ trước và đúng hạn", f"{rate}%")]
        figs = [("received", received), ("resolved", resolved), ("early_or_on_time", eot),
                ("late", late), ("early_or_on_time_rate", rate)]
    else:
        rows = [("Hồ sơ đã tiếp nhận", vn(received)), ("Đã trả kết quả", vn(resolved)),
                ("Trễ hạn", str(late)), ("Đang xử lý", vn(pending))]
        figs = [("received", received), ("resolved", resolved), ("late", late),
                ("pending", pending)]
    return Box(heading, rows, figs, form, note=f"(Cập nhật: 01/12/{year})")


def render_box(box: Box, cls: tuple[str, str, str]) -> str:
    """cls: wrapper, heading and row class names (the site's own words)."""
    w, h, r = cls
    if box.form == "table":
        body = "".join(f'<tr class="{r}"><td>{esc(l)}:</td><td align="right"><b>{v}</b></td></tr>'
                       for l, v in box.rows)
        return (f'<table class="{w}" width="100%" cellpadding="3"><tr><th colspan="2" class="{h}">'
                f'{esc(box.heading)}</th></tr>{body}<tr><td colspan="2"><i>{box.note}</i></td></tr></table>')
    if box.form == "dl":
        body = "".join(f"<dt>{esc(l)}</dt><dd>{v}</dd>" for l, v in box.rows)
        return (f'<section class="{w}"><h4 class="{h}">{esc(box.heading)}</h4><dl class="{r}">{body}</dl>'
                f"<small>{box.note}</small></section>")
    if box.form == "ul":
        body = "".join(f'<li class="{r}">{esc(l)}: <span>{v}</span></li>' for l, v in box.rows)
        return (f'<div class="{w}"><div class="{h}"><span>{esc(box.heading)}</span></div><ul>{body}</ul>'
                f'<p>{box.note}</p></div>')
    body = "".join(f'<div class="{r}"><span>{esc(l)}</span><strong>{v}</strong></div>'
                   for l, v in box.rows)
    return (f'<div class="{w}"><div class="{h}">{esc(box.heading)}</div>{body}'
            f'<div class="{r}"><em>{box.note}</em></div></div>')


class Site:
    """One portal: categories of articles, a box, and its own markup (subclasses)."""

    id = ""
    host = ""
    name = ""
    level = "commune"
    district = ""
    province = ""
    platform = "generic"
    unit = ""
    page_size = 4
    box_on: tuple[str, ...] = ("home",)

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed * 7919)
        self.seed = seed
        self.cats: list[Category] = []
        self.box: Box | None = None
        self.pages: dict[str, str] = {}     # path?query -> html
        self.extra_headers: dict[str, str] = {}
        self.used: set[str] = set()

    # --- content -------------------------------------------------------------------
    def add_category(self, key: str, title: str, n: int, reform: bool = True,
                     kinds: list[str] | None = None, start: datetime | None = None) -> Category:
        first = 9000 + self.seed * 977 - len(self.cats) * 300
        arts = write_articles(self.seed * 31 + len(self.cats), self.unit, n, first,
                              start or datetime(2026, 11, 28, 9), kinds if reform else ["news"], self.used)
        cat = Category(key, title, reform, arts)
        for a in arts:
            a.category, a.reform = key, reform
        self.cats.append(cat)
        return cat

    def all_articles(self) -> list[Article]:
        return sorted((a for c in self.cats for a in c.articles), key=lambda a: a.when, reverse=True)

    def pages_of(self, cat: Category) -> list[list[Article]]:
        arts = cat.articles
        return [arts[i:i + self.page_size] for i in range(0, len(arts), self.page_size)]

    # --- to implement --------------------------------------------------------------
    def article_path(self, a: Article) -> str:
        raise NotImplementedError

    def listing_path(self, cat: Category, page: int) -> str:
        raise NotImplementedError

    def home_path(self) -> str:
        return "/"

    def home(self) -> str:
        raise NotImplementedError

    def listing(self, cat: Category, page: int, items: list[Article], n_pages: int) -> str:
        raise NotImplementedError

    def article(self, a: Article) -> str:
        raise NotImplementedError

    def extra(self) -> dict[str, str]:
        """Other pages (about, contact ...)."""
        return {}

    # --- build ---------------------------------------------------------------------
    def build(self) -> None:
        for c in self.cats:
            for a in c.articles:
                a.url = f"http://{self.host}{self.article_path(a)}"
        self.pages[self.home_path()] = self.home()
        for c in self.cats:
            pages = self.pages_of(c)
            for i, items in enumerate(pages, 1):
                self.pages[self.listing_path(c, i)] = self.listing(c, i, items, len(pages))
            for a in c.articles:
                self.pages[urlsplit(a.url)._replace(scheme="", netloc="").geturl()] = self.article(a)
        self.pages.update(self.extra())

    def body_html(self, a: Article, p_open: str = "<p>", p_close: str = "</p>") -> str:
        return "".join(f"{p_open}{esc(p)}{p_close}" for p in a.paragraphs)

    def truth(self) -> dict:
        return {
            "site": self.id, "host": self.host, "platform": self.platform,
            "articles": [{"url": a.url, "date": a.day.isoformat(), "title": a.title,
                          "category": a.category,
                          "figures": [[m, ch, v] for m, ch, v in a.figures]}
                         for c in self.cats if c.reform for a in c.articles],
            "other_articles": [a.url for c in self.cats if not c.reform for a in c.articles],
            "box": [[m, v] for m, v in (self.box.figures if self.box else [])],
            "box_on": list(self.box_on),
        }

    def fetch(self, url: str) -> tuple[int, dict[str, str], bytes]:
        parts = urlsplit(url)
        key = parts.path + (f"?{parts.query}" if parts.query else "")
        body = self.pages.get(key)
        if body is None and parts.path == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /admin/\n"
        if body is None:
            return 404, {"Content-Type": "text/html; charset=utf-8"}, \
                b"<html><body><h1>404 - Kh\xc3\xb4ng t\xc3\xacm th\xe1\xba\xa5y trang</h1></body></html>"
        return 200, {"Content-Type": "text/html; charset=utf-8", **self.extra_headers}, body.encode()


def counter(rng: random.Random, labels=("Đang truy cập", "Hôm nay", "Tổng lượt truy cập"),
            sep: str = ".") -> str:
    vals = [rng.randint(3, 60), rng.randint(200, 900), rng.randint(120000, 2900000)]
    return " | ".join(f"{l}: {f'{v:,}'.replace(',', sep)}" for l, v in zip(labels, vals))


def dmy(d: datetime, sep: str = "/") -> str:
    return d.strftime(f"%d{sep}%m{sep}%Y")


def hm(d: datetime) -> str:
    return d.strftime("%H:%M")


class Web:
    def __init__(self, sites: list[Site]) -> None:
        self.sites = sites
        self.by_host = {s.host: s for s in sites}

    def fetch(self, url: str):
        host = urlsplit(url).hostname or ""
        site = self.by_host.get(host)
        return None if site is None else site.fetch(url)

    def sites_csv(self, generic: bool = False) -> str:
        rows = ["id,name,level,district,province,base_url,platform,start_paths"]
        for s in self.sites:
            rows.append(",".join([s.id, s.name, s.level, s.district, s.province,
                                  f"http://{s.host}", "generic" if generic else s.platform, ""]))
        return "\n".join(rows) + "\n"
