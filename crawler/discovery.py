"""Category listings found on a home page by link text, whatever the platform or URL.

A link is a category when its text is short (a menu entry, not a headline) and names a reform
category ("Cải cách hành chính", "CCHC", "Thủ tục hành chính" …), or a news category ("Tin tức
- Sự kiện" …) whose items are then kept only when they name a reform keyword. Texts are matched
accent-folded (crawler/lexicon.toml); the URL may have any shape, with or without a query
string (`/Trang/Tin-tuc-su-kien.aspx?Cat=82`, `/tin-cai-cach-hanh-chinh`, `/news/cchc/`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from lxml import etree

from crawler.lexicon import fold, has_phrase, lexicon
from crawler.listdates import find_date
from crawler.listing import anchor_text, site_links

MAX_CATEGORY_WORDS = 7
MAX_LISTINGS = 12  # category listings taken from one home page


@dataclass(frozen=True, slots=True)
class Category:
    url: str
    text: str
    filtered: bool  # a news category: only items naming a reform keyword


def category_links(root: etree._Element, page_url: str,
                   is_article: Callable[[str], bool] = lambda url: False) -> list[Category]:
    """Reform categories first, then news categories, each once, in page order."""
    lex = lexicon()
    reform: dict[str, Category] = {}
    news: dict[str, Category] = {}
    headlines = _headline_urls(root, page_url)
    for a, url in site_links(root, page_url):
        parts = urlsplit(url)
        if parts.path.rstrip("/") in ("", "/index.php") and not parts.query or is_article(url) \
                or url in headlines:
            continue
        text = anchor_text(a)
        folded = fold(text)
        if len(folded.split()) > MAX_CATEGORY_WORDS or has_phrase(folded, lex.not_category) \
                or folded in lex.read_more:
            continue
        if _dated_item(a):  # a short headline in a news list, not a menu entry
            continue
        path = fold(parts.path + " " + parts.query)
        if has_phrase(folded, lex.reform) or (len(folded.split()) <= 4 and has_phrase(path, lex.reform)):
            reform.setdefault(url, Category(url, text, False))
        elif folded and any(folded == n or folded.startswith(n + " ") for n in lex.news):
            news.setdefault(url, Category(url, text, True))
    found = list(reform.values())
    found += [c for u, c in news.items() if u not in reform]
    return found[:MAX_LISTINGS]


def _dated_item(a: etree._Element) -> bool:
    parent = a.getparent()
    if parent is None:
        return False
    return find_date(" ".join(" ".join(parent.itertext()).split())) is not None


def _headline_urls(root: etree._Element, page_url: str) -> set[str]:
    """URLs that some link on the page titles with a headline (an article, not a category)."""
    out = set()
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if href and len(anchor_text(a).split()) > MAX_CATEGORY_WORDS:
            out.add(urljoin(page_url, href).split("#")[0])
    return out
