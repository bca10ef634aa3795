"""The next page of a listing, from its pager whatever the pager looks like.

In order:
1. `rel="next"` (a link or `<link>`);
2. a platform's hint (e.g. Liferay 6.2's `ul.pager`: next is the third item, unless its href
   is `javascript:`), when it gives a followable URL;
3. pager links by URL shape: the same listing URL with a page number in a parameter
   (`?page=`, `?PageIndex=`, `?Page=`, `…_cur=`, `?paged=`, `?start=` …) or in the path
   (`/page-N/`, `/page/N/`, `/trang-N`); the next one is the smallest number above the
   current page's. Numbered links calibrate the base: a link "2" to `?page=1` means 0-based
   paging (Drupal), so page 1 is `?page=0` or no parameter;
4. a link whose text says next ("Trang sau", "Tiếp", "»" …: crawler/lexicon.toml), then the
   link numbered one more than the current page.
Never a URL already seen: the caller passes the set of this listing's pages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from lxml import etree

from crawler.lexicon import fold, lexicon
from crawler.urlshape import host_key

PAGE_PARAMS = frozenset({"page", "pageindex", "paged", "pg", "pagenumber", "pageno", "pagenum",
                         "currentpage", "trang", "start", "p_page", "cur", "offset"})
PAGE_PARAM_SUFFIXES = ("_cur", "_page", "pageindex")
#: Page parameters only beside another parameter naming the listing (`?Cat=14&p=2`,
#: `?m=news&q=72&p=3`): alone, `?p=123` is a WordPress post.
PAGE_PARAMS_BESIDE = frozenset({"p"})
#: Liferay's portlet parameters that ride along with a page number (not part of the listing).
VOLATILE_PARAM_RE = re.compile(r"^p_p_|_(?:delta|resetCur|keywords|advancedSearch|andOperator)$")
PATH_PAGE_RE = re.compile(r"(?:/page[-/]|/trang[-/])(\d{1,5})(?=/?$|\.html?$|\.aspx$)", re.I)


@dataclass(frozen=True, slots=True)
class PageUrl:
    """A listing URL split into the listing it belongs to and its page number (None: page 1
    or unnumbered)."""

    base: tuple[str, str, frozenset[tuple[str, str]]]
    number: int | None
    param: str | None


def page_url(url: str) -> PageUrl:
    parts = urlsplit(url)
    path = parts.path
    number: int | None = None
    param: str | None = None
    m = PATH_PAGE_RE.search(path)
    if m:
        number = int(m.group(1))
        path = path[:m.start()] + path[m.end():]
    kept = set()
    query = parse_qsl(parts.query, keep_blank_values=True)
    for name, value in query:
        low = name.lower()
        paging = low in PAGE_PARAMS or low.endswith(PAGE_PARAM_SUFFIXES) \
            or (low in PAGE_PARAMS_BESIDE and len(query) > 1)
        if paging and value.isdigit():
            number, param = int(value), name
        elif value and not VOLATILE_PARAM_RE.search(name):
            kept.add((name, value))
    path = re.sub(r"(?:/|\.html?|\.aspx)$", "", path.rstrip("/"), flags=re.I).lower()
    return PageUrl((host_key(parts.hostname), path, frozenset(kept)), number, param)


def with_page(url: str, param: str, number: int) -> str:
    """`url` with its page parameter set (for pagers that only post back)."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != param]
    query.append((param, str(number)))
    return urlunsplit(parts._replace(query=urlencode(query)))


def _links(root: etree._Element, page: str) -> list[tuple[str, str]]:
    out = []
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.lower().startswith(("javascript:", "#", "mailto:")):
            continue
        text = " ".join(" ".join(a.itertext()).split()) or (a.get("title") or "") or (a.get("aria-label") or "")
        out.append((urljoin(page, href).split("#")[0], fold(text) or text.strip()))
    return out


#: A page number as a pager labels it: "2", "[2]", "(2)", "Trang 2", "Page 2" (text folded or not).
PAGE_LABEL_RE = re.compile(r"^(?:trang|page)?\s*[\[(]?\s*(\d{1,5})\s*[\])]?$", re.I)


def _number(text: str) -> int | None:
    m = PAGE_LABEL_RE.match(text.strip())
    return int(m.group(1)) if m else None


def next_page(root: etree._Element, url: str, *, seen: Iterable[str] = (),
              hint_xpath: str = "") -> str | None:
    """The URL of the listing's next page, or None (see the module docstring)."""
    seen = {u.split("#")[0] for u in seen} | {url.split("#")[0]}

    def fresh(candidate: str | None) -> str | None:
        if not candidate or candidate.lower().startswith("javascript"):
            return None
        full = urljoin(url, candidate.strip()).split("#")[0]
        return None if full in seen else full

    for href in root.xpath('//a[@rel="next"]/@href | //link[@rel="next"]/@href'):
        if found := fresh(href):
            return found
    if hint_xpath:
        for href in root.xpath(hint_xpath):
            if found := fresh(str(href)):
                return found
    links = _links(root, url)
    if found := _by_shape(links, url, seen):
        return found
    lex = lexicon()
    for href, text in links:
        if text in lex.next_page and (found := fresh(href)):
            return found
    current = _current_display(root) or 1
    for href, text in links:
        if _number(text) == current + 1 and (found := fresh(href)):
            return found
    return None


def _by_shape(links: list[tuple[str, str]], url: str, seen: set[str]) -> str | None:
    here = page_url(url)
    lex = lexicon()
    candidates: list[tuple[int, str, str]] = []
    for href, text in links:
        other = page_url(href)
        if other.number is None or other.base != here.base or href in seen:
            continue
        if here.param and other.param and other.param != here.param:
            continue
        candidates.append((other.number, href, text))
    if not candidates:
        return None
    offsets = Counter(n - t for n, _, text in candidates if (t := _number(text)) is not None)
    offset = offsets.most_common(1)[0][0] if offsets else None
    if here.number is not None:
        current = here.number
    elif offset is not None:
        current = 1 + offset  # page 1 in the pager's numbering (0 when it counts from 0)
    elif any(n == 0 for n, _, _ in candidates):
        current = 0
    else:  # unnumbered page 1 and no numbered link: skip links back to "page 1"
        firsts = [n for n, _, text in candidates if text in lex.other_page or text == "1"]
        current = min(firsts) if firsts else 0
    ahead = [(n, href) for n, href, _ in candidates if n > current]
    return min(ahead)[1] if ahead else None


def _current_display(root: etree._Element) -> int | None:
    """The number a pager shows as current: a number that is not a link (or an `active` one)."""
    for node in root.xpath(
            "//*[contains(concat(' ', normalize-space(@class), ' '), ' active ')"
            " or contains(@class, 'current') or contains(@class, 'Current')"
            " or @aria-current='page']"):
        text = " ".join(" ".join(node.itertext()).split())
        if (n := _number(text)) is not None:
            return n
    # a bare number among numbered links ("1 <b>2</b> 3", "<span>2</span>")
    for node in root.iter("b", "strong", "span", "em", "font", "li", "td"):
        if node.xpath("ancestor-or-self::a") or node.xpath(".//a"):
            continue
        n = _number(" ".join(" ".join(node.itertext()).split()))
        parent = node.getparent()
        if n is None or parent is None:
            continue
        numbered = [t for a in parent.xpath("./a | ./*/a")
                    if (t := _number(" ".join(" ".join(a.itertext()).split()))) is not None]
        if n - 1 in numbered or n + 1 in numbered:
            return n
    return None
