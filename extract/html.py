"""Split a portal page's HTML into title, date, body text, widgets and attachments.

Pure and forgiving: any bytes or string in, a `PageParts` out; broken HTML never raises.
Platform markup is tried first (portals.md: NukeViet, Tân Dân "Trang"/"portal/Pages",
Liferay, WordPress, Joomla), then meta tags, then generic fallbacks.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from extract.boxes import take_boxes
from extract.model import Widget


# -- selectors (XPath: lxml's cssselect is an optional extra) -----------------------------
def _cls(name: str) -> str:
    """XPath test for one class name among an element's classes."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


TITLE_XPATHS = (
    "//h1[@itemprop='headline']",
    f"//h1[{_cls('title')}]",
    f"//*[{_cls('tandan-title-view')}]",
    f"//*[{_cls('tandan-p-article-news-title')}]",
    f"//h1[{_cls('entry-title')}]",
    f"//*[{_cls('asset-title')}]",
    f"//div[{_cls('page-header')}]/*[self::h1 or self::h2]",
)
#: After the platforms' title markup and the element the page's <title> names (`named_title`).
LAST_TITLE_XPATHS = ("//article//h1", "//h1")
LEAD_XPATHS = (
    "//*[@id='divArticleDescription']",
    f"//div[{_cls('hometext')}]",
    f"//p[{_cls('tandan-p-article-news-summary')}]",
)
BODY_XPATHS = (
    "//div[@id='news-bodyhtml']",
    f"//*[{_cls('tandan-p-article-main')}]",
    f"//*[{_cls('ms-rtestate-field')}]",
    f"//*[{_cls('article-contents')}]",
    f"//div[{_cls('entry-content')}]",
    f"//div[{_cls('asset-content')}]",
    f"//div[{_cls('journal-content-article')}]",
    "//*[@id='contentnews']",
    f"//div[{_cls('com-content-article__body')}]",
    "//*[@itemprop='articleBody']",
    f"//div[{_cls('bodytext')}]",
)
#: Page furniture that never belongs to the body.
BOILERPLATE_XPATHS = (
    "//script", "//style", "//noscript", "//template", "//iframe", "//nav", "//footer",
    "//select", "//button", "//input", "//textarea",
    f"//*[{_cls('counter')}]", "//*[@id='stringrating']", "//*[@id='hover-test']",
    f"//*[{_cls('detail-related')}]", f"//*[{_cls('other-news')}]",
    f"//*[{_cls('tandan-div-article-other')}]", f"//*[{_cls('tandan-share')}]",
    f"//*[{_cls('tandan-zoom')}]", f"//*[{_cls('send-to-friend')}]",
    f"//*[{_cls('breadcrumbs')}]", f"//*[{_cls('tandan-menu-top')}]",
    f"//*[{_cls('tandan-footer')}]", f"//*[{_cls('tandan-thongke-truycap')}]",
    f"//*[{_cls('asset-tags')}]", f"//*[{_cls('asset-categories')}]",
    f"//*[{_cls('sharedaddy')}]", f"//*[{_cls('td-tags')}]",
)
BLOCK_TAGS = frozenset(
    "p div li ul ol h1 h2 h3 h4 h5 h6 blockquote table tr td th section article header "
    "figure figcaption dl dt dd pre address center form main aside br hr".split()
)
ATTACHMENT_RE = re.compile(r"\.(pdf|docx?|xlsx?|zip|rar)(?:$|[?#])", re.I)
#: Short lines in a body that are page furniture (zoom, share, rating, view counts).
NOISE_RE = re.compile(
    r"^(?:A-\s*A\s*A\+|\d{2,3}\s*%|In bài viết|Chia sẻ.*facebook.*|Copy link|Nguồn:\.?\s*Copy link"
    r"|Tổng số điểm của bài viết là:.*|Click để đánh giá bài viết|Lượt xem:\s*[\d.,]+"
    r"|Tăng tương phản.*|Giảm tương phản|Xem trước|Tải về)$",
    re.I,
)
# Dates: Liferay "Đăng lúc: HH:mm:ss dd/MM/yyyy", portal/Pages "Đăng ngày dd - mm - yyyy",
# NukeViet "Thứ năm - dd/mm/yyyy HH:mm", Trang "dd/MM/yyyy HH:mm:ss".
TIME_FIRST_RE = re.compile(
    r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(\d{1,2})/(\d{1,2})/(\d{4})"
)
DMY_RE = re.compile(
    r"(?<!\d)(\d{1,2})\s*[/-]\s*(\d{1,2})\s*[/-]\s*(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?"
    r"(?:\s*([AaPp][Mm]))?)?"
)
ISO_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?")
# A date in words, as a dateline: "Ngày 03 tháng 12 năm 2026", "03 tháng 12, 2026"
WORDED_DATE_RE = re.compile(
    r"(?<!\d)(\d{1,2})\s+(?i:tháng)\s+(\d{1,2})(?:\s*,?\s*(?i:năm)\s+|\s*,\s*)(\d{4})(?!\d)")
# A dotted date, only as a whole: "03.12.2026 08:15" (never "1.234.567")
DOTTED_DATE_RE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d|\.\d)(?:\s+(\d{1,2}):(\d{2}))?")
#: a dateline is a short line, or the title's line with a short rest ("<title> (03-12-2026)")
DATELINE_MAX = 80
META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)
XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>")


@dataclass(frozen=True, slots=True)
class PageParts:
    """The parts of a page; `body` paragraphs are joined with a blank line."""

    title: str | None
    published: dt.datetime | None
    body: str
    widgets: tuple[Widget, ...] = ()
    attachments: tuple[str, ...] = ()
    platform: str | None = None
    #: Which reading gave the body: "platform" (the platform's body markup), "trafilatura"
    #: (no platform body, or one much shorter than trafilatura's), "fallback" (the block with
    #: most paragraph text); None without a body.
    body_source: str | None = None


# -- decoding -------------------------------------------------------------------------------
def decode_html(data: str | bytes) -> str:
    """Bytes -> NFC str: the meta charset, else UTF-8, else cp1258 (never raises)."""
    if isinstance(data, str):
        return unicodedata.normalize("NFC", data)
    m = META_CHARSET_RE.search(data[:4096])
    candidates = [m.group(1).decode("ascii", "ignore")] if m else []
    for enc in [*candidates, "utf-8"]:
        try:
            return unicodedata.normalize("NFC", data.decode(enc))
        except (LookupError, UnicodeDecodeError):
            continue
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


#: libxml2 builds no element deeper than 255 levels (2048 with huge_tree) and drops the
#: rest of the page without an error; legacy pages nest hundreds of unclosed <font>s.
HUGE_PARSER = lxml.html.HTMLParser(huge_tree=True)
#: Unclosed inline tags beyond this many are flattened (their text kept, the tags dropped).
MAX_INLINE_NESTING = 200
INLINE_OPEN_RE = re.compile(r"<(font|span|b|i|u|strong|em|small|big)\b[^>]*>", re.I)
INLINE_CLOSE_RE = re.compile(r"</(font|span|b|i|u|strong|em|small|big)\s*>", re.I)
#: Presentational tags with nothing a selector needs: <font …> always, the others bare.
FLATTEN_RE = re.compile(r"</?font\b[^>]*>|</?(?:span|b|i|u|strong|em|small|big)\s*>", re.I)


def flatten_deep_inline(text: str) -> str:
    """Drop presentational inline tags when so many are left unclosed that the tree would
    pass libxml2's depth limit (their text stays; classed or id'd elements stay)."""
    if len(INLINE_OPEN_RE.findall(text)) - len(INLINE_CLOSE_RE.findall(text)) <= MAX_INLINE_NESTING:
        return text
    return FLATTEN_RE.sub("", text)


def parse(data: str | bytes) -> etree._Element | None:
    text = XML_DECL_RE.sub("", decode_html(data))
    text = text.replace("\x00", "")
    if not text.strip():
        return None
    try:
        return lxml.html.document_fromstring(flatten_deep_inline(text), parser=HUGE_PARSER)
    except (etree.ParserError, ValueError, TypeError):
        return None


# -- text helpers ---------------------------------------------------------------------------
def clean(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").replace("\u200b", "").split())


def paragraphs(el: etree._Element) -> list[str]:
    """The block-level texts under `el`, whitespace-normalised, in order (iterative: a
    deeply nested page must not hit Python's recursion limit)."""
    out: list[str] = []
    buf: list[str] = [el.text or ""]

    def flush() -> None:
        t = clean("".join(buf))
        buf.clear()
        if t:
            out.append(t)

    # (element, entering): entering emits its start and text and queues its children;
    # leaving closes a block and emits the tail.
    stack: list[tuple[etree._Element, bool]] = [(child, True) for child in reversed(el)]
    while stack:
        e, entering = stack.pop()
        tag = e.tag.lower() if isinstance(e.tag, str) else ""
        if not entering:
            if tag in BLOCK_TAGS:
                flush()
            buf.append(e.tail or "")
            continue
        if tag in BLOCK_TAGS:
            flush()
        stack.append((e, False))
        if tag:
            buf.append(e.text or "")
            stack.extend((child, True) for child in reversed(e))
    flush()
    return out


def first(tree: etree._Element, xpaths: tuple[str, ...]) -> etree._Element | None:
    for xp in xpaths:
        try:
            found = tree.xpath(xp)
        except etree.XPathError:
            continue
        for node in found:
            if isinstance(node.tag, str) and clean(node.text_content()):
                return node
    return None


def drop(node: etree._Element) -> None:
    """Remove `node` from the tree, keeping its tail text."""
    if node.getparent() is None:
        return
    if hasattr(node, "drop_tree"):
        node.drop_tree()
    else:
        node.getparent().remove(node)


#: Separators between an article's title and the site name in <title> / og:title.
TITLE_PARTS_RE = re.compile(r"\s+[-|–—:]{1,2}\s+")
TITLE_TAGS = ("h1", "h2", "h3", "h4", "div", "p", "span", "td", "strong", "b")
MIN_TITLE_WORDS = 4


def named_title(tree: etree._Element) -> etree._Element | None:
    """The element whose text the page's <title> (or og:title) gives, minus the site name:
    an article title in markup nobody listed (`div#divArticleDescription3`), rather than the
    first `h1`, which on many portals is the site's name in the banner."""
    heads = tree.xpath("//title//text()") + tree.xpath("//meta[@property='og:title']/@content")
    wanted = {clean(part) for head in heads for part in [head, *TITLE_PARTS_RE.split(clean(head))]}
    wanted = {w for w in wanted if len(w.split()) >= MIN_TITLE_WORDS}
    if not wanted:
        return None
    for el in tree.iter(*TITLE_TAGS):
        if len(el) > 3:  # a title holds at most a few inline children
            continue
        if clean(el.text_content()) in wanted and \
                not el.xpath("ancestor::head | ancestor::header | ancestor::nav | ancestor::a"):
            return el
    return None


# -- dates ----------------------------------------------------------------------------------
def _dt(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0) -> dt.datetime | None:
    try:
        return dt.datetime(y, mo, d, h, mi, s)
    except ValueError:
        return None


def parse_iso(text: str) -> dt.datetime | None:
    m = ISO_RE.search(text or "")
    if not m:
        return None
    g = [int(x) if x else 0 for x in m.groups()]
    return _dt(*g)


def parse_vn_date(text: str) -> dt.datetime | None:
    """First Vietnamese-style date in `text` ("HH:mm:ss dd/MM/yyyy" or "dd/MM/yyyy HH:mm")."""
    text = text or ""
    m = TIME_FIRST_RE.search(text)
    if m and "đăng lúc" in text.lower():
        h, mi, s, d, mo, y = m.groups()
        return _dt(int(y), int(mo), int(d), int(h), int(mi), int(s or 0))
    m = DMY_RE.search(text)
    if not m:
        if w := WORDED_DATE_RE.search(text):
            return _dt(int(w.group(3)), int(w.group(2)), int(w.group(1)))
        if d := DOTTED_DATE_RE.search(text):
            day, month, year, hour, minute = d.groups()
            return _dt(int(year), int(month), int(day), int(hour or 0), int(minute or 0))
        return None
    d, mo, y, h, mi, s, ampm = m.groups()
    hour = int(h or 0)
    if ampm:
        hour = hour % 12 + (12 if ampm.lower() == "pm" else 0)
    return _dt(int(y), int(mo), int(d), hour, int(mi or 0), int(s or 0))


def machine_date(tree: etree._Element) -> dt.datetime | None:
    """A machine-readable publication date (microdata, `time[datetime]`, meta tags).

    Read before page furniture is dropped: WordPress keeps its date in the entry footer.
    """
    for node in tree.xpath("//*[@itemprop='datePublished']"):
        when = parse_iso(node.get("content") or node.get("datetime") or node.text_content())
        if when:
            return when
    for node in tree.xpath(f"//time[{_cls('published')}][@datetime] | //article//time[@datetime]"):
        when = parse_iso(node.get("datetime", ""))
        if when:
            return when
    for meta in ("article:published_time", "og:published_time", "datePublished", "pubdate",
                 "date", "DC.date.issued"):
        for node in tree.xpath(f"//meta[@property='{meta}' or @name='{meta}']"):
            when = parse_iso(node.get("content", "")) or parse_vn_date(node.get("content", ""))
            if when:
                return when
    return None


def text_date(scope: etree._Element, title: str | None = None) -> dt.datetime | None:
    """A visible date near the title: platform date elements, then short lines (the title's
    own line counts without the title: a date printed right after the headline)."""
    for xp in (
        f".//*[{_cls('tandan-span-date-publish')}]", f".//*[{_cls('tandan-date-view')}]",
        f".//span[{_cls('h5')}]", f".//*[{_cls('date-info')}]", f".//*[{_cls('newsdetailmetatop')}]",
        f".//*[{_cls('posted-on')}]", ".//dd[contains(@class, 'published')]",
    ):
        for node in scope.xpath(xp):
            when = parse_vn_date(clean(node.text_content()))
            if when:
                return when
    for line in paragraphs(scope)[:8]:
        if title and len(title) > 10 and line.startswith(title):
            line = line[len(title):]
        if len(line) <= DATELINE_MAX:
            when = parse_vn_date(line)
            if when:
                return when
    return None


# -- widgets and attachments -----------------------------------------------------------------
def take_widgets(tree: etree._Element) -> list[Widget]:
    """Cut the TTHC statistics boxes out of the tree and return them (extract.boxes)."""
    return take_boxes(tree)


def attachments(scope: etree._Element, url: str | None) -> tuple[str, ...]:
    out: list[str] = []
    for a in scope.xpath(".//a[@href]"):
        href = a.get("href", "").strip()
        if ATTACHMENT_RE.search(href):
            full = urljoin(url, href) if url else href
            if full not in out:
                out.append(full)
    return tuple(out)


# -- main entry -----------------------------------------------------------------------------
def detect_platform(tree: etree._Element, url: str | None) -> str | None:
    gen = " ".join(tree.xpath("//meta[@name='generator' or @name='GENERATOR']/@content")).lower()
    if "nukeviet" in gen or tree.xpath("//div[@id='news-bodyhtml']"):
        return "nukeviet"
    if "wordpress" in gen:
        return "wordpress"
    if "joomla" in gen:
        return "joomla"
    if tree.xpath("//*[contains(@class, 'tandan-')]"):
        return "trang" if url is None or "/Trang/" in url or "/trang/" in url else "tandan"
    if url and "/web/" in url:
        return "liferay"
    return None


def common_ancestor(a: etree._Element, b: etree._Element) -> etree._Element:
    # elements, not id()s: lxml remakes a freed proxy, and a new one may reuse an old id
    ancestors = {a, *a.iterancestors()}
    for node in [b, *b.iterancestors()]:
        if node in ancestors:
            return node
    return b


def best_block(tree: etree._Element) -> etree._Element | None:
    """Fallback body: the element whose direct <p> children hold the most text."""
    best, score = None, 0
    for el in tree.iter("div", "article", "section", "td", "main", "body"):
        s = sum(len(clean(p.text_content())) for p in el if isinstance(p.tag, str) and p.tag == "p")
        if s > score:
            best, score = el, s
    return best


MIN_LEAD_WORDS = 5
MAX_LEAD_WORDS = 80
#: At most this many elements between the title and the body: further apart, the "title"
#: is not the article's (a banner's h1) and what lies between is page furniture.
MAX_LEAD_GAP = 25


def lead_between(tree: etree._Element, title_node: etree._Element,
                 body_node: etree._Element) -> list[str]:
    """The lead (sapo) in markup nobody listed: short text blocks without links that sit
    between the title and the body ("Hơn 99% hồ sơ được giải quyết đúng hạn."), not dates or
    view counts."""
    in_title = set(title_node.iter())
    in_body = set(body_node.iter())
    started, gap, out = False, 0, []
    for el in tree.iter():
        if el is title_node:
            started = True
            continue
        if not started or el in in_title:
            continue
        if el in in_body:
            return out
        gap += 1
        if gap > MAX_LEAD_GAP or not isinstance(el.tag, str):
            return [] if gap > MAX_LEAD_GAP else out
        if el.tag.lower() in BLOCK_TAGS and not any(
                isinstance(c.tag, str) and c.tag.lower() in BLOCK_TAGS for c in el) \
                and not el.xpath(".//a[normalize-space()]"):
            text = clean(el.text_content())
            if MIN_LEAD_WORDS <= len(text.split()) <= MAX_LEAD_WORDS and not NOISE_RE.match(text) \
                    and not GENERIC_DATE_LINE_RE.match(text) and not DMY_RE.search(text):
                out.append(text)
    return []


#: A page's view counter ("Lượt xem: 211"): never part of the article, never a figure.
VIEWS_RE = re.compile(r"(?:\|\s*)?(?:Số\s+)?(?:Lượt xem|Lượt đọc|Lượt truy cập|Đã xem)\s*:?\s*\d[\d.,]*", re.I)
GENERIC_DATE_LINE_RE = re.compile(r"^(?:Ngày đăng|Đăng ngày|Cập nhật|Đăng lúc)\s*:?[^.]{0,30}\d{4}[\d: ]*$", re.I)


#: A platform body shorter than this share of trafilatura's is replaced by trafilatura's.
SHORT_BODY_RATIO = 0.5


def _trafilatura_paras(g_body: str, title: str | None, ours: str,
                       links: frozenset[str] = frozenset()) -> list[str]:
    """trafilatura's paragraphs without the title, date lines, menu crumbs (short lines
    our own reading of the page did not keep) and link lists: a paragraph, or a cell of a
    layout table's row ("| Trang chủ | Giới thiệu | … |", "Các tin khác: - <headline> (date)
    - …"), whose letters are mostly link texts (`links`) is a menu or a list of other
    articles, not the article."""
    known = [q for q in ours.split("\n") if len(q.split()) >= MIN_LEAD_WORDS]
    out = []
    for para in (clean(VIEWS_RE.sub(" ", x)) for x in g_body.split("\n\n")):
        if title and len(title) > 10 and para.startswith(title) and para != title:
            para = clean(para[len(title):])  # a layout cell read as one line: title, date, lead
        for p in _split_at(_without_link_cells(para, links), known):  # a cut piece may be a list
            if p and p != title and not GENERIC_DATE_LINE_RE.match(p) \
                    and (len(p.split()) > 3 or p in ours) and not _link_list(p, links):
                out.append(p)
    return out


def _split_at(text: str, paragraphs: list[str]) -> list[str]:
    """`text` cut at the paragraphs our own reading found in it: a layout table's cell read
    as one line gets its paragraph breaks back."""
    inside = [p for p in paragraphs if p in text]
    if len(inside) < 2:
        return [text]
    for p in inside:
        text = text.replace(p, f"\n\n{p}\n\n")
    return [clean(x) for x in text.split("\n\n") if clean(x)]


#: A text whose letters are at least this share link text is a link list.
LINK_DENSITY = 0.5
TABLE_ROW_RE = re.compile(r"^\|.*\|$")


def _without_link_cells(paragraph: str, links: frozenset[str]) -> str:
    cells = [c.strip() for c in re.split(r"(?<!\\)\|", paragraph)] \
        if TABLE_ROW_RE.match(paragraph) else [paragraph]
    kept = [c for c in cells if c and not _link_list(c, links)]
    return " ".join(kept) if len(cells) > 1 else (kept[0] if kept else "")


def _link_list(text: str, links: frozenset[str]) -> bool:
    letters = _letters(text)
    if not letters:
        return False
    covered = sum(_letters(link) * text.count(link) for link in links if link in text)
    return covered >= LINK_DENSITY * letters


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha())


def link_texts(tree: etree._Element) -> frozenset[str]:
    """The texts of the page's links (menu entries, headlines of other articles)."""
    out = set()
    for a in tree.iter("a"):
        text = clean(a.text_content())
        if any(c.isalpha() for c in text):
            out.add(text)
    return frozenset(out)


def split_page(html: str | bytes, url: str | None = None) -> PageParts:
    """Split a page; an unreadable page gives empty parts."""
    try:
        tree = parse(html)
    except Exception:  # noqa: BLE001 - never raise on page input
        tree = None
    if tree is None:
        return PageParts(title=None, published=None, body="")
    platform = detect_platform(tree, url)
    widgets = take_widgets(tree)
    machine = machine_date(tree)
    title_node = first(tree, TITLE_XPATHS)
    named = title_node is None and (title_node := named_title(tree)) is not None
    if title_node is None:
        title_node = first(tree, LAST_TITLE_XPATHS)
    title = clean(title_node.text_content()) if title_node is not None else None
    if not title:
        og = tree.xpath("//meta[@property='og:title']/@content")
        raw = og[0] if og else " ".join(tree.xpath("//title//text()"))
        title = clean(raw.split(" - ")[0]) or None
    for xp in BOILERPLATE_XPATHS:
        for node in tree.xpath(xp):
            drop(node)
    rule_node = first(tree, BODY_XPATHS)
    body_node = rule_node if rule_node is not None else best_block(tree)
    lead_node = first(tree, LEAD_XPATHS)
    scope = tree
    if title_node is not None and body_node is not None:
        scope = common_ancestor(title_node, body_node)
    elif body_node is not None and body_node.getparent() is not None:
        scope = body_node.getparent()
    published = machine or text_date(scope, title)
    paras: list[str] = []
    if lead_node is not None and (body_node is None or lead_node not in body_node.iter()):
        paras += paragraphs(lead_node)
    if body_node is not None:
        body_paras = paragraphs(body_node)
        in_body = title_node is not None and title_node in body_node.iter()
        if in_body and title in body_paras:  # a fallback body that swallowed the title
            body_paras.remove(title)
        paras += body_paras
    source = "platform" if rule_node is not None else "fallback"
    ours = "\n".join(paras)
    unknown_markup = rule_node is None and platform is None
    densest = best_block(tree) if rule_node is not None else None
    if rule_node is None or densest is not None and \
            len(ours) < SHORT_BODY_RATIO * len(clean(densest.text_content())):
        # trafilatura reads the page without its boxes and furniture (extract.generic)
        from extract.generic import generic_parts, strip_site_name

        g = generic_parts(etree.tostring(tree, encoding="unicode"), url, with_date=published is None)
        if unknown_markup and g.title and not named:  # the <title> named an element: it
            title = strip_site_name(g.title)  # beats trafilatura's pick (a banner's h1)
        theirs = _trafilatura_paras(g.body, title, ours, link_texts(tree)) if g.body else []
        if theirs and (rule_node is None or len(ours) < SHORT_BODY_RATIO * len("\n".join(theirs))):
            paras, source = theirs, "trafilatura"
        published = published or g.published
    if lead_node is None and title_node is not None and body_node is not None:
        lead = [p for p in lead_between(tree, title_node, body_node) if p not in paras and p != title]
        paras = lead + paras
    paras = [p for p in paras if not NOISE_RE.match(p)]
    return PageParts(
        title=title, published=published, body="\n\n".join(paras), widgets=tuple(widgets),
        attachments=attachments(scope, url), platform=platform,
        body_source=source if paras else None,
    )
