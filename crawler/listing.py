"""A listing page's article links, found by URL shape and page structure, not class names.

1. Candidate links: same host, outside page furniture (`nav`, `aside`, page-level `header` /
   `footer`, ARIA navigation/complementary roles), and either of the platform's article URL
   shape, or (no shape known) headline-like: an anchor text of several words.
2. Each link's item is the largest element around it that holds no other candidate URL; items
   sharing a parent form a group (sibling containers of one kind merge: grid rows).
3. The main group wins on item count weighed by headline length, a date nearby and a teaser;
   a group under a side-list heading ("Tin mới nhất", "Tin liên quan" …: crawler/lexicon.toml)
   loses, one under the category's own name or at the place page 1's list was wins.
4. The main region is the largest element around the main group that holds no other list;
   single items in it (a featured first item) join the main group's entries.

Without a shape, the main group's links teach one (`urlshape.learn_template`) and the page is
read again with it, so image links, featured items and the next pages find the same shape.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from lxml import etree

from crawler.lexicon import fold, lexicon
from crawler.listdates import find_date
from crawler.pager import page_url
from crawler.urlshape import UrlTemplate, host_key, learn_template, shape_key

#: Links that are never listings or articles.
SKIP_HREF_RE = re.compile(r"^(?:mailto:|tel:|javascript:|#|data:)", re.I)
ASSET_RE = re.compile(
    r"\.(?:jpe?g|png|gif|svg|webp|css|js|ico|mp[34]|avi|xml|rss|pdf|docx?|xlsx?|pptx?|zip|rar)(?:$|[?#])",
    re.I)
FURNITURE_TAGS = frozenset({"nav", "aside", "select", "option", "script", "style", "noscript"})
FURNITURE_ROLES = frozenset({"navigation", "complementary", "banner", "contentinfo", "menu",
                             "menubar", "search"})
#: `header` / `footer` are furniture unless inside one of these (an item's own header).
LIST_ITEM_TAGS = frozenset({"li", "tr", "dd"})
HEADER_OWNERS = frozenset({"article", "main", "li", "dd", "dt"})
MENU_MIN_ENTRIES = 4
MENU_LABEL_WORDS = 4
MENU_SHORT_SHARE = 0.75
MIN_HEADLINE_WORDS = 5
TEASER_WORDS = 8


@dataclass(frozen=True, slots=True)
class Entry:
    """One listing item: the article URL, its headline, list date and text (with teaser)."""

    url: str
    title: str
    date: dt.date | None
    text: str


@dataclass(frozen=True, slots=True)
class Hint:
    """What a listing's first page taught: where its main list sits and its URL shapes."""

    container: tuple[str, ...]
    templates: tuple[UrlTemplate, ...] = ()

    def matches(self, url: str) -> bool:
        return any(t.matches(url) for t in self.templates)


@dataclass
class Listing:
    entries: list[Entry]
    hint: Hint | None = None
    #: how listing-like the main group is (items weighed by headline, date, teaser; a side
    #: list's is cut): two readings of one page compare by it
    score: float = 0.0


@dataclass
class _Link:
    el: etree._Element
    url: str
    text: str


@dataclass
class _Group:
    container: etree._Element
    items: dict[str, list[etree._Element]] = field(default_factory=dict)  # url -> item elements
    titles: dict[str, str] = field(default_factory=dict)
    score: float = 0.0
    side: bool = False
    heading: str = ""


def _tag(el: etree._Element) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _text(el: etree._Element) -> str:
    return " ".join(" ".join(el.itertext()).split()) if isinstance(el.tag, str) else ""


def is_furniture(el: etree._Element, menus: dict[etree._Element, etree._Element] | None = None) -> bool:
    """Whether a link sits in page furniture: menus (`nav`, or any run of menu entries:
    `menu_entries`), side columns, page header/footer."""
    ancestors = list(el.iterancestors())
    for i, node in enumerate(ancestors):
        tag = _tag(node)
        if tag in FURNITURE_TAGS or (node.get("role") or "").lower() in FURNITURE_ROLES:
            return True
        if menus and node in menus and menus[node] is not el:
            return True
        if tag in ("header", "footer") and not any(_tag(a) == "article" for a in ancestors[:i]) \
                and not any(_tag(a) in HEADER_OWNERS for a in ancestors[i + 1:]):
            return True
    return False


def menu_entries(root: etree._Element) -> dict[etree._Element, etree._Element]:
    """The entries of a site menu that hold more than their label (drop-downs, some listing
    headlines), each with its label link, whatever the markup (`ul > li`, a table row of `td`,
    `div`s).

    A menu is a run of at least `MENU_MIN_ENTRIES` sibling elements of one tag whose first
    links are short, distinct labels ("Trang chủ", "Giới thiệu", "Tin tức" …): the links
    under a label (a drop-down's latest headlines) are the menu's, not the page's content.
    A pager's numbers, a list of headlines and a list repeating one category label are not."""
    out: dict[etree._Element, etree._Element] = {}
    for parent in root.iter():
        if not isinstance(parent.tag, str):
            continue
        runs: dict[str, list[etree._Element]] = {}
        for child in parent:
            if isinstance(child.tag, str):
                runs.setdefault(child.tag, []).append(child)
        for run in runs.values():
            if len(run) < MENU_MIN_ENTRIES:
                continue
            labels = [(entry, next(entry.iter("a"), None)) for entry in run]
            short = {entry: a for entry, a in labels if a is not None and _menu_label(anchor_text(a))}
            texts = {fold(anchor_text(a)) for a in short.values()}
            if len(short) < MENU_SHORT_SHARE * len(run) or len(texts) < MENU_SHORT_SHARE * len(short):
                continue
            for entry, a in short.items():
                if any(other is not a for other in entry.iter("a")):
                    out[entry] = a
    return out


def _menu_label(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= MENU_LABEL_WORDS and any(c.isalpha() for c in text)


def anchor_text(a: etree._Element) -> str:
    text = _text(a)
    if not text:
        text = " ".join((a.get("title") or "").split())
    if not text:
        text = " ".join(" ".join(a.xpath(".//img/@alt | .//img/@title")).split())
    return text


def site_links(root: etree._Element, page_url: str) -> Iterator[tuple[etree._Element, str]]:
    """(anchor, resolved URL) of every followable same-host link (no asset), in page order."""
    base = root.xpath("//base/@href")
    base_url = urljoin(page_url, base[0]) if base else page_url
    host = host_key(urlsplit(page_url).hostname)
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or SKIP_HREF_RE.match(href) or ASSET_RE.search(href):
            continue
        url = urljoin(base_url, href).split("#")[0]
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") and host_key(parts.hostname) == host:
            yield a, url


def page_links(root: etree._Element, page_url: str) -> list[_Link]:
    """Every followable same-host link outside page furniture, resolved, in page order."""
    here = page_url.split("#")[0]
    menus = menu_entries(root)
    return [_Link(a, url, anchor_text(a)) for a, url in site_links(root, page_url)
            if url != here and not is_furniture(a, menus)]


def _signature(el: etree._Element) -> tuple[str, ...]:
    path = []
    for node in [el, *el.iterancestors()]:
        cls = " ".join(sorted((node.get("class") or "").split()))
        path.append(f"{_tag(node)}.{cls}" if cls else _tag(node))
    return tuple(reversed(path))


def _extent(item: etree._Element, under: dict[etree._Element, set[str]]) -> list[etree._Element]:
    """The item and the siblings after it up to the next item (a `dd` teaser, a date span)."""
    out = [item]
    for sib in item.itersiblings():
        if under.get(sib) or len(out) > 3:
            break
        out.append(sib)
    return out


def _extent_text(nodes: list[etree._Element]) -> str:
    parts = []
    for node in nodes:
        parts += [_text(node), " ".join((node.tail or "").split())]
    return " ".join(p for p in parts if p)


def _machine_date(nodes: list[etree._Element]) -> dt.date | None:
    for node in nodes:
        if not isinstance(node.tag, str):
            continue
        for value in node.xpath("descendant-or-self::*/@datetime"):
            if (day := find_date(value)) is not None:
                return day
    return None


def _heading(container: etree._Element, under: dict[etree._Element, set[str]]) -> str:
    """The short text right before a list (its heading), looking up to three levels up."""
    first = next((c for c in container if isinstance(c.tag, str)), None)
    if first is not None and not under.get(first):
        text = _text(first)
        if 0 < len(text.split()) <= 10:
            return text
    node = container
    for _ in range(3):
        for sib in node.itersiblings(preceding=True):
            if not isinstance(sib.tag, str):
                continue
            text = _text(sib)
            if not text:
                continue
            return text if len(text.split()) <= 10 and not under.get(sib) else ""
        node = node.getparent()
        if node is None:
            break
    return ""


def _groups(links: list[_Link], fence: frozenset[etree._Element] = frozenset()
            ) -> tuple[list[_Group], dict[etree._Element, set[str]]]:
    """Links grouped into lists: each link's item is the largest element around it holding
    no other candidate URL and no link to this listing's pages (`fence`: a last page's only
    item must not grow into the whole column, pager and side boxes included), and no larger
    than a list item (`li`, `tr`, `dd`: one matching link of a side list stays in its list)."""
    under: dict[etree._Element, set[str]] = {}
    for link in links:
        for node in [link.el, *link.el.iterancestors()]:
            under.setdefault(node, set()).add(link.url)
    by_container: dict[etree._Element, _Group] = {}
    for link in links:
        item = link.el
        parent = item.getparent()
        while parent is not None and _tag(parent) not in ("body", "html") \
                and under.get(parent) == {link.url} and parent not in fence \
                and _tag(item) not in LIST_ITEM_TAGS:
            item, parent = parent, parent.getparent()
        if parent is None:
            parent = item
        group = by_container.setdefault(parent, _Group(parent))
        group.items.setdefault(link.url, []).append(item)
        if len(link.text) > len(group.titles.get(link.url, "")):
            group.titles[link.url] = link.text
    # sibling containers of one kind (rows of a grid, one list per column) are one list
    merged: dict[tuple[object, tuple[str, ...]], _Group] = {}
    for group in by_container.values():
        parent = group.container.getparent()
        key = (parent, _signature(group.container)[-1:]) if parent is not None else (group, ())
        if key in merged:
            target = merged[key]
            for url, items in group.items.items():
                target.items.setdefault(url, []).extend(items)
                if len(group.titles[url]) > len(target.titles.get(url, "")):
                    target.titles[url] = group.titles[url]
        else:
            merged[key] = group
    return list(merged.values()), under


def _entries(group: _Group, under: dict[etree._Element, set[str]]) -> list[Entry]:
    out = []
    for url, items in group.items.items():
        nodes: list[etree._Element] = []
        for item in items:
            nodes += [n for n in _extent(item, under) if n not in nodes]
        text = _extent_text(nodes)
        date = find_date(text) or _machine_date(nodes)
        out.append(Entry(url, group.titles.get(url, ""), date, text))
    return out


def _score(group: _Group, entries: list[Entry], category: str, hint: Hint | None,
           under: dict[etree._Element, set[str]]) -> float:
    score = 0.0
    for e in entries:
        words = len(e.title.split())
        headline = 1.0 if words >= MIN_HEADLINE_WORDS else 0.3
        teaser = 0.5 if len(e.text.split()) - words >= TEASER_WORDS else 0.0
        score += headline * (1.0 + (e.date is not None) + teaser)
    group.heading = _heading(group.container, under)
    group.side = lexicon().is_side_heading(group.heading)
    if group.side:
        score *= 0.15
    elif category and group.heading and (
            category in fold(group.heading) or fold(group.heading) in category):
        score *= 3
    if hint is not None and _signature(group.container) == hint.container:
        score *= 5
    return score


def _lca_depth(a: etree._Element, b: etree._Element) -> int:
    """How many levels above `b` the lowest common ancestor of `a` and `b` is."""
    ancestors = {a, *a.iterancestors()}  # elements: an lxml proxy's id() is reused once freed
    for depth, node in enumerate([b, *b.iterancestors()]):
        if node in ancestors:
            return depth
    return 10**6


def read_listing(root: etree._Element, page_url: str, *,
                 shape: Callable[[str], bool] | None = None, hint: Hint | None = None,
                 category: str = "") -> Listing:
    """The article entries of a listing page (see the module docstring).

    `shape` tells an article URL (a platform's pattern); without one the shapes are learned
    from the page's dated headline list (and from `hint`, what the listing's first page taught).
    """
    links = [ln for ln in page_links(root, page_url) if not _pager_link(ln, page_url)]
    fence = frozenset(node for a, url in site_links(root, page_url)
                      if _pager(_Link(a, url, anchor_text(a)), page_url)
                      for node in a.iterancestors())
    category = fold(category)
    if shape is not None:
        return _one_per_article(_read(links, shape, hint, category, fence))
    first = _learn([ln for ln in links if _headline(ln.text)], hint, category, fence)
    templates = list(first.hint.templates if first.hint else ())
    templates += [t for t in (hint.templates if hint else ()) if t not in templates]
    if not templates:
        return first
    taught = Hint(first.hint.container if first.hint else hint.container,  # type: ignore[union-attr]
                  tuple(templates))
    again = _read(links, taught.matches, taught, category, fence)
    order = {ln.url: i for i, ln in reversed(list(enumerate(links)))}
    entries = {e.url: e for e in again.entries}
    for e in first.entries:
        entries.setdefault(e.url, e)
    return _one_per_article(Listing(sorted(entries.values(), key=lambda e: order.get(e.url, 0)),
                                    taught, max(again.score, first.score)))


def _one_per_article(listing: Listing) -> Listing:
    """One entry per article: a link that is another entry's URL plus a query string (a
    "Xem tiếp" link carrying `?redirect=…` back to the listing) is that entry's article."""
    bare = {e.url for e in listing.entries if not urlsplit(e.url).query}
    kept = [e for e in listing.entries
            if not (urlsplit(e.url).query and urlsplit(e.url)._replace(query="").geturl() in bare)]
    return Listing(kept, listing.hint, listing.score) if len(kept) < len(listing.entries) else listing


def _pager_link(link: _Link, listing_url: str) -> bool:
    """A link to another page of this listing ("2", "Trang sau", `…/page-3/`, or back to its
    first page: a breadcrumb naming the category on page 2)."""
    return _pager(link, listing_url) or page_url(link.url).base == page_url(listing_url).base


def _pager(link: _Link, listing_url: str) -> bool:
    """A link of the listing's pager: a page number, next/previous, a numbered page URL."""
    folded = fold(link.text)
    lex = lexicon()
    if folded.isdigit() or folded in lex.next_page or folded in lex.other_page:
        return True
    other = page_url(link.url)
    return other.number is not None and other.base == page_url(listing_url).base


def _headline(text: str) -> bool:
    words = text.split()
    if len(words) < MIN_HEADLINE_WORDS:
        return False
    folded = fold(text)
    lex = lexicon()
    return folded not in lex.read_more and folded not in lex.next_page


def _scored(links: list[_Link], hint: Hint | None, category: str,
            fence: frozenset[etree._Element] = frozenset()
            ) -> tuple[list[tuple[_Group, list[Entry]]], dict[etree._Element, set[str]]]:
    groups, under = _groups(links, fence)
    scored = []
    for group in groups:
        entries = _entries(group, under)
        group.score = _score(group, entries, category, hint, under)
        scored.append((group, entries))
    return scored, under


def _learn(links: list[_Link], hint: Hint | None, category: str,
           fence: frozenset[etree._Element] = frozenset()) -> Listing:
    """An unknown CMS: the main headline list must look like news (dated, or several
    headlines); its URL templates are those of its dated items (and of any two alike)."""
    scored, _ = _scored(links, hint, category, fence)
    if not scored:
        return Listing([])
    main, entries = max(scored, key=lambda ge: ge[0].score)
    if len(main.items) == 1 and not main.side:  # a featured first item: the list follows it
        for group, group_entries in scored:
            if group is not main and not group.side and len(group.items) > 1 \
                    and _lca_depth(group.container, main.container) <= 2:
                entries = entries + [e for e in group_entries if e.url not in main.items]
    dated = [e for e in entries if e.date is not None]
    if main.side or not dated and len(entries) < 3:
        return Listing([])
    by_key: dict[tuple[str, int, tuple[str, ...]], list[Entry]] = {}
    for e in entries:
        by_key.setdefault(shape_key(e.url), []).append(e)
    templates = []
    for members in by_key.values():
        if len(members) >= 2 or any(e.date is not None for e in members):
            template = learn_template(e.url for e in members)
            if template is not None and template.variable:
                templates.append(template)
    return Listing(entries, Hint(_signature(main.container), tuple(templates)), main.score)


def _read(links: list[_Link], shape: Callable[[str], bool], hint: Hint | None,
          category: str, fence: frozenset[etree._Element] = frozenset()) -> Listing:
    """Entries of the links of a known shape: the main list and single items around it."""
    scored, _ = _scored([ln for ln in links if shape(ln.url)], hint, category, fence)
    if not scored:
        return Listing([])
    main, entries = max(scored, key=lambda ge: ge[0].score)
    # the main region: up from the main list while no other list is inside
    others = [g for g, _ in scored if g is not main]
    region = main.container
    while region.getparent() is not None:
        parent = region.getparent()
        if any(len(g.items) > 1 and _inside(g.container, parent) for g in others):
            break
        region = parent
    taken = {e.url for e in entries}
    extra: list[Entry] = []
    for group, group_entries in scored:
        if group is main or group.side:
            continue
        inside = _inside(group.container, region) and len(group.items) == 1
        # a list beside the main one: before it (a featured row), or after a main "list"
        # that is one featured item under the category's heading (the rest follow it)
        featured = (len(group.items) > 1 and _lca_depth(group.container, main.container) <= 2
                    and (len(main.items) == 1 or _before(group.container, main.container)))
        if inside or featured:
            extra += [e for e in group_entries if e.url not in taken]
            taken.update(e.url for e in group_entries)
    order = {ln.url: i for i, ln in reversed(list(enumerate(links)))}
    every = sorted(entries + extra, key=lambda e: order.get(e.url, 0))
    return Listing(every, Hint(_signature(main.container), hint.templates if hint else ()), main.score)


def _inside(el: etree._Element, region: etree._Element) -> bool:
    return el is region or any(a is region for a in el.iterancestors())


def _before(a: etree._Element, b: etree._Element) -> bool:
    """Whether `a` starts before `b` in document order."""
    for node in a.getroottree().iter():
        if node is a:
            return True
        if node is b:
            return False
    return False
