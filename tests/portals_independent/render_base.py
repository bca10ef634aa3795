"""What every family renderer shares: the route table, link forms, TTHC box styles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .model import Article, Box, Category, Site, e


@dataclass
class Route:
    body: bytes
    ctype: str
    status: int = 200
    location: str = ""
    article: int | None = None
    kind: str = "page"


class Renderer:
    """One family's site: `build()` fills `routes` (path?query -> Route)."""

    #: whether article pages show the teaser (summary): its figures are the page's then
    SHOWS_SUMMARY = True

    def __init__(self, site: Site) -> None:
        self.site = site
        self.routes: dict[str, Route] = {}

    # --- urls (override)
    def home_url(self) -> str: raise NotImplementedError
    def listing_url(self, cat: Category, page: int = 1) -> str: raise NotImplementedError
    def article_url(self, a: Article) -> str: raise NotImplementedError

    def first_page_alias(self, cat: Category) -> str | None:
        """The first listing page as the pager links it, when that differs (…&Page=1)."""
        return None

    def article_aliases(self, a: Article) -> list[str]:
        """Other URLs that serve the same article (links in side lists, print forms…)."""
        return []

    # --- pages (override)
    def home(self) -> str: raise NotImplementedError
    def listing(self, cat: Category, page: int, items: list[Article], n_pages: int) -> str: raise NotImplementedError
    def article(self, a: Article) -> str: raise NotImplementedError

    def extras(self) -> None:
        """robots.txt, sitemaps, feeds, redirects."""

    # --- building
    @property
    def ctype(self) -> str:
        cs = self.site.charset
        if cs == "none":
            return "text/html"
        if cs == "windows-1258":
            return "text/html"  # the charset is only in the page's meta
        return "text/html; charset=utf-8"

    def encode(self, text: str) -> bytes:
        if self.site.charset == "windows-1258":
            return to_cp1258(text)
        return text.encode("utf-8")

    def add(self, url: str, text: str, article: int | None = None, ctype: str | None = None,
            kind: str = "page") -> None:
        body = self.encode(text) if ctype is None else text.encode("utf-8")
        self.routes[url] = Route(body, ctype or self.ctype, article=article, kind=kind)

    def redirect(self, url: str, to: str, status: int = 302) -> None:
        self.routes[url] = Route(b"", "text/html", status=status, location=to, kind="redirect")

    def build(self) -> dict[str, Route]:
        s = self.site
        self.add(self.home_url(), self.home(), kind="home")
        for cat in s.categories:
            pages = s.pages_of(cat)
            for i, items in enumerate(pages, 1):
                self.add(self.listing_url(cat, i), self.listing(cat, i, items, len(pages)),
                         kind="reform_listing" if cat.reform else "listing")
            alias = self.first_page_alias(cat)
            if alias:
                self.routes[alias] = self.routes[self.listing_url(cat, 1)]
        for a in s.articles:
            text = self.article(a)
            self.add(self.article_url(a), text, article=a.id, kind="article")
            for alias in self.article_aliases(a):
                self.add(alias, text, article=a.id, kind="article")
        self.extras()
        return self.routes

    # --- helpers
    def abs(self, url: str) -> str:
        return f"http://{self.site.host}{url}"

    def proto_rel(self, url: str) -> str:
        return f"//{self.site.host}{url}"

    def related(self, a: Article, n: int = 5) -> list[Article]:
        same = [x for x in self.site.in_cat(a.cat) if x is not a]
        return same[:n]

    def featured(self, n: int = 5) -> list[Article]:
        newest = self.site.newest(12)
        return newest[1:2] + newest[3:3 + n - 1]

    def robots(self, extra: str = "", sitemap: str = "") -> None:
        text = "User-agent: *\nDisallow: /admin/\nDisallow: /login\n" + extra
        if sitemap:
            text += f"Sitemap: http://{self.site.host}{sitemap}\n"
        self.add("/robots.txt", text, ctype="text/plain; charset=utf-8", kind="robots")

    def box_html(self, cls: str = "box-stat") -> str:
        return box_html(self.site.box, cls) if self.site.box else ""

    def box_on(self, where: str) -> bool:
        return bool(self.site.box) and where in self.site.box.on

    def body_html(self, a: Article, tag: str = "p", attrs: str = "") -> str:
        return "\n".join(f"<{tag}{attrs}>{e(p)}</{tag}>" for p in a.text.paragraphs)


def box_html(box: Box, cls: str) -> str:
    """The box in its site's style; the heading text is what finds it, never the class."""
    before = "".join(f"<p>{e(x)}</p>" for x in box.before)
    after = "".join(f"<p class=\"note\">{e(x)}</p>" for x in box.after)
    st = box.style
    if st == "ul":
        rows = "".join(f'<li><span class="lb">{e(k)}:</span> <span class="vl">{e(v)}</span></li>'
                       for k, v in box.rows)
        return (f'<div class="{cls}"><div class="{cls}-hd">{e(box.heading)}</div>{before}'
                f'<ul>{rows}</ul>{after}</div>')
    if st == "table":
        rows = "".join(f'<tr><td>{e(k)}</td><td class="text-right"><strong>{e(v)}</strong></td></tr>'
                       for k, v in box.rows)
        return (f'<div class="panel panel-primary {cls}"><div class="panel-heading">'
                f'<h3 class="panel-title">{e(box.heading)}</h3></div><div class="panel-body">{before}'
                f'<table class="table table-striped table-condensed"><tbody>{rows}</tbody></table>'
                f'{after}</div></div>')
    if st == "spans":
        rows = "".join(f'<div><span class="{cls}-l">{e(k)}</span><span class="{cls}-n">{e(v)}</span></div>'
                       for k, v in box.rows)
        return f'<div class="{cls}"><h3><span>{e(box.heading)}</span></h3>{before}{rows}{after}</div>'
    if st == "dl":
        rows = "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in box.rows)
        return f'<section class="{cls}"><h4>{e(box.heading)}</h4>{before}<dl>{rows}</dl>{after}</section>'
    if st == "divs":
        rows = "".join(f'<div class="row"><div class="col-xs-8">{e(k)}</div>'
                       f'<div class="col-xs-4 num">{e(v)}</div></div>' for k, v in box.rows)
        return (f'<div class="block {cls}"><h2 class="block-title">{e(box.heading)}</h2>'
                f'<div class="content">{before}{rows}{after}</div></div>')
    if st == "lines":
        rows = "<br/>".join(f"{e(k)}: <b>{e(v)}</b>" for k, v in box.rows)
        return (f'<div class="portlet-boundary {cls}"><div class="portlet-title">{e(box.heading)}</div>'
                f'<div class="portlet-body">{before}{rows}{after}</div></div>')
    if st == "table2":
        head = "".join(f"<th>{e(c)}</th>" for c in box.columns)
        rows = "".join("<tr><td>" + e(k) + "</td>" + "".join(f"<td>{e(x)}</td>" for x in v.split("|"))
                       + "</tr>" for k, v in box.rows)
        return (f'<div class="{cls}"><div class="title-box">{e(box.heading)}</div>{before}'
                f'<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>{after}</div>')
    if st == "oldtable":
        rows = "".join(f'<tr><td><font size="2">{e(k)}</font></td><td align="right">'
                       f'<font size="2" color="#cc0000"><b>{e(v)}</b></font></td></tr>'
                       for k, v in box.rows)
        return (f'<table width="100%" border="0" cellpadding="2" cellspacing="0">'
                f'<tr><td colspan="2" bgcolor="#1f5fa6"><font color="#ffffff"><b>{e(box.heading)}</b>'
                f'</font></td></tr>{rows}<tr><td colspan="2">{after}</td></tr></table>')
    raise ValueError(st)


# --- dates

def dmy(d: datetime) -> str:
    return d.strftime("%d/%m/%Y")


def dmy_hms(d: datetime) -> str:
    return d.strftime("%d/%m/%Y %H:%M:%S")


def iso(d: datetime) -> str:
    return d.strftime("%Y-%m-%dT%H:%M:%S+07:00")


# --- windows-1258

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Vietnamese text as windows-1258 bytes: base letters precomposed, tone marks combining
    (what a real cp1258 page carries)."""
    import unicodedata
    out = []
    for ch in text:
        d = unicodedata.normalize("NFD", ch)
        tones = [c for c in d if c in TONES]
        rest = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))
        out.append(rest + "".join(tones))
    return "".join(out).encode("cp1258", errors="xmlcharrefreplace")
