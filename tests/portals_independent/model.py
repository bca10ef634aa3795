"""The data of the independent portal set: sites, categories, articles, boxes; helpers shared
by the family renderers (family markup lives in families.py)."""

from __future__ import annotations

import html
import random
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .content import (DISTRICT_ONLY, REFORM_PLAIN, REFORM_WITH_FIGURES, Text, Unit,
                     news_texts)

WEEKDAYS = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]
WEEKDAYS_CAP = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
MONTH_WORDS = ["Một", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười",
               "Mười Một", "Mười Hai"]


def e(s: str) -> str:
    return html.escape(s, quote=True)


def fold(s: str) -> str:
    s = s.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def slugify(s: str, keep_case: bool = False) -> str:
    s = fold(s)
    if not keep_case:
        s = s.lower()
    s = re.sub(r"[^A-Za-z0-9]+", "-", s).strip("-")
    return s


@dataclass
class Category:
    key: str
    title: str
    reform: bool
    count: int
    slug: str = ""
    num: int = 0          # numeric category id where the platform has one


@dataclass
class Article:
    id: int
    cat: Category
    text: Text
    date: datetime
    views: int
    slug: str = ""
    alt: int = 0          # a second numeric id (Drupal node id etc.)

    @property
    def title(self) -> str:
        return self.text.title


@dataclass
class Box:
    """A TTHC statistics box: a heading, label/value rows, and the figures they state."""
    heading: str
    rows: list[tuple[str, str]]
    figures: list[dict]
    style: str                      # ul, table, spans, dl, divs, lines, table2, oldtable
    before: list[str] = field(default_factory=list)   # lines between heading and rows
    after: list[str] = field(default_factory=list)
    on: tuple[str, ...] = ("home",)
    columns: list[str] = field(default_factory=list)   # table2: column headers


@dataclass
class Site:
    id: str
    host: str
    unit: Unit
    level: str
    platform: str
    family: str
    categories: list[Category]
    page_size: int
    box: Box | None = None
    start_paths: str = ""
    ci: bool = False                 # IIS: paths are case-insensitive
    charset: str = "utf-8"           # page bytes; 'none' = utf-8 with no charset declared
    articles: list[Article] = field(default_factory=list)

    @property
    def reform_cats(self) -> list[Category]:
        return [c for c in self.categories if c.reform]

    def in_cat(self, cat: Category) -> list[Article]:
        return sorted((a for a in self.articles if a.cat is cat), key=lambda a: a.date, reverse=True)

    def newest(self, n: int) -> list[Article]:
        return sorted(self.articles, key=lambda a: a.date, reverse=True)[:n]

    def pages_of(self, cat: Category) -> list[list[Article]]:
        items = self.in_cat(cat)
        return [items[i:i + self.page_size] for i in range(0, len(items), self.page_size)] or [[]]

    @property
    def site_title(self) -> str:
        kind = "CỔNG" if self.level == "district" else "TRANG"
        return f"{kind} THÔNG TIN ĐIỆN TỬ {self.unit.name.upper()}"


def make_articles(site: Site, seed: int, id_base: int) -> None:
    """Fill `site.articles`: reform texts (most with figures) and other news, dated newest first
    from late 2024 backwards."""
    r = random.Random(f"{seed}:{site.id}")
    start = datetime(2024, 11, 20, 8, 30)
    when = start
    next_id = id_base
    figure_makers = list(REFORM_WITH_FIGURES) + (DISTRICT_ONLY if site.level == "district" else [])
    r.shuffle(figure_makers)
    plain = list(REFORM_PLAIN)
    r.shuffle(plain)
    news = news_texts(site.unit)
    r.shuffle(news)
    slots: list[Category] = []
    for c in site.categories:
        slots += [c] * c.count
    r.shuffle(slots)
    for cat in slots:
        when = when - timedelta(days=r.randint(6, 40), hours=r.randint(0, 5), minutes=r.randint(0, 50),
                                seconds=r.randint(0, 59))
        if cat.reform:
            maker = figure_makers.pop() if figure_makers and (r.random() < 0.75 or not plain) else plain.pop()
            text = maker(site.unit, r, when)
        else:
            title, summary, paras = news.pop()
            text = Text(title, summary, paras, [])
        next_id += r.randint(3, 97)
        site.articles.append(Article(next_id, cat, text, when, r.randint(40, 900),
                                     slug=slugify(text.title)))
