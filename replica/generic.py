"""Sites of an unknown CMS (no generator meta, no known URL shape): the generic spider's
ground, portals.md §7 (the "other families" seen only as URL shapes).

URLs: home `/`; category `/chuyen-muc/<alias>?trang=N` ("Trang sau »" pager); article
`/tin/<slug>-<id>.html`; `/sitemap.xml` (every article, with lastmod) and `/rss.xml` (latest
20); attachments `/uploads/files/<file>`. The article block has house class names only
(`detail-title`, `detail-time` "Ngày đăng: dd/mm/yyyy HH:mm", `detail-content`); sites whose
profile sets `meta_dates` also print `article:published_time`. A profile with `trap` adds a
"Lịch công tác" month calendar to the listing whose « / » links never end (a link trap).
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs

from replica.content import Article
from replica.render import esc, paragraphs_html
from replica.site import (
    NOT_FOUND_HTML, PDF_BODY, Category, ReplicaSite, Response, html_response, text_response,
)

P = "generic"


class GenericSite(ReplicaSite):
    platform = P
    CATEGORIES = (
        Category("reform", "cai-cach-hanh-chinh", "Cải cách hành chính"),
        Category("news", "tin-tuc-su-kien", "Tin tức - Sự kiện"),
        Category("ntm", "nong-thon-moi", "Nông thôn mới"),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.slugs = self.unique_slugs(80)
        self.by_path = {self.article_path(a): a for a in self.articles}

    def article_path(self, a: Article) -> str:
        return f"/tin/{self.slugs[a.id]}-{a.id}.html"

    def listing_path(self, key: str, page: int = 1) -> str:
        path = f"/chuyen-muc/{self.category(key).alias}"
        return path if page == 1 else f"{path}?trang={page}"

    def attachment_path(self, a: Article) -> str:
        return f"/uploads/files/{a.attachment}"

    def robots_txt(self) -> str:
        return f"User-agent: *\nDisallow: /quan-tri/\nSitemap: {self.url('/sitemap.xml')}\n"

    def route(self, path: str, query: str) -> Response:
        q = parse_qs(query)
        if path == "/robots.txt":
            return self.robots()
        if path in ("/", "/index.html"):
            return html_response(self.home())
        if path == "/sitemap.xml":
            return text_response(self.sitemap_xml(), "application/xml; charset=utf-8")
        if path == "/rss.xml":
            return text_response(self.rss_xml(), "application/rss+xml; charset=utf-8")
        if path in self.by_path:
            return html_response(self.article(self.by_path[path]))
        if path.startswith("/uploads/files/"):
            if any(a.attachment and self.attachment_path(a) == path for a in self.articles):
                return 200, {"Content-Type": "application/pdf"}, PDF_BODY
            return html_response(NOT_FOUND_HTML, 404)
        for c in self.CATEGORIES:
            if path == self.listing_path(c.key):
                raw = q.get("trang", ["1"])[0]
                page = int(raw) if raw.isdigit() else 0
                if not 1 <= page <= self.pages_of(c.key):
                    return html_response(NOT_FOUND_HTML, 404)
                month = q.get("thang", [""])[0]
                return html_response(self.listing(c.key, page, month))
        return html_response(NOT_FOUND_HTML, 404)

    # -- pages ----------------------------------------------------------------------------
    def page(self, title: str, content: str, head: str = "") -> str:
        spec, prof, c = self.spec, self.profile, self.counts
        unit = spec.name[:1].upper() + spec.name[1:]
        menu = "".join(f'<li><a href="{esc(self.listing_path(x.key))}">{esc(x.title)}</a></li>'
                       for x in self.CATEGORIES)
        latest = "".join(f'<li><a href="{esc(self.article_path(a))}">{esc(a.title)}</a></li>'
                         for a in self.articles[:5])
        return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8" />
<title>{esc(title)} | {esc(unit)}</title>
<link rel="alternate" type="application/rss+xml" title="Tin mới" href="/rss.xml" />
{head}
</head>
<body>
<div class="top-bar">A- A A+ | Tăng tương phản Giảm tương phản</div>
<div class="header"><a href="/"><img src="/images/logo.png" alt="logo" /></a>
<span class="site-name">Trang thông tin điện tử {esc(unit)} - {esc(spec.district)}</span></div>
<div class="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu.html">Giới thiệu</a></li>
{menu}<li><a href="/van-ban.html">Văn bản</a></li><li><a href="/lien-he.html">Liên hệ</a></li></ul></div>
<div class="wrapper"><div class="main-col">
{content}
</div>
<div class="side-col"><div class="box"><div class="box-title">Tin mới nhất</div><ul class="box-list">{latest}</ul></div></div></div>
<div class="bottom">{esc(unit.upper())} - Địa chỉ: {esc(prof.get("address", ""))} - Điện thoại: {esc(prof.get("phone", ""))}
<div class="stats">Lượt truy cập hiện tại : {c["online"]} / Hôm nay : {c["today"]} / Tổng : {c["total"]:,}</div></div>
</body>
</html>"""

    def items(self, articles: list[Article]) -> str:
        return "".join(
            f'<li class="item"><a class="item-title" href="{esc(self.article_path(a))}">{esc(a.title)}</a>'
            f' <span class="item-date">{a.published:%d/%m/%Y}</span><p class="item-desc">{esc(a.lead)}</p></li>\n'
            for a in articles
        )

    def home(self) -> str:
        return self.page("Trang chủ", "".join(
            f'<div class="cat-box"><h2><a href="{esc(self.listing_path(c.key))}">{esc(c.title)}</a></h2>'
            f'<ul class="cat-list">{self.items(self.page_items(c.key, 1)[:3])}</ul></div>'
            for c in self.CATEGORIES))

    def listing(self, key: str, page: int, month: str = "") -> str:
        pages = self.pages_of(key)
        links = self.numbered_pager(key, page, "<b>{n}</b>", '<a href="{url}">{n}</a>',
                                    next_='<a href="{url}">Trang sau »</a>')
        calendar = ""
        if self.profile.get("trap"):
            try:
                m = dt.date.fromisoformat(month + "-01") if month else dt.date(2025, 6, 1)
            except ValueError:
                m = dt.date(2025, 6, 1)
            prev = (m - dt.timedelta(days=1)).replace(day=1)
            nxt = (m + dt.timedelta(days=32)).replace(day=1)
            base = self.listing_path(key)
            calendar = (f'<div class="calendar">Lịch công tác tháng {m:%m/%Y}: '
                        f'<a href="{base}?thang={prev:%Y-%m}">« Tháng trước</a> '
                        f'<a href="{base}?thang={nxt:%Y-%m}">Tháng sau »</a></div>')
        return self.page(self.category(key).title,
                         f'<h1 class="cat-title">{esc(self.category(key).title)}</h1>{calendar}'
                         f'<ul class="list-news">{self.items(self.page_items(key, page))}</ul>'
                         f'<div class="paging">{links}</div>')

    def article(self, a: Article) -> str:
        head = ""
        if self.profile.get("meta_dates"):
            head = f'<meta property="article:published_time" content="{a.published:%Y-%m-%dT%H:%M:%S}+07:00" />'
        attach = ""
        if a.attachment:
            attach = (f'<div class="detail-files">Tệp đính kèm: <a href="{esc(self.attachment_path(a))}">'
                      f'{esc(a.attachment)}</a></div>')
        content = f"""<div class="detail">
<div class="path"><a href="/">Trang chủ</a> / <a href="{esc(self.listing_path(a.category))}">{esc(self.category(a.category).title)}</a></div>
<h2 class="detail-title">{esc(a.title)}</h2>
<div class="detail-time">Ngày đăng: {a.published:%d/%m/%Y %H:%M}</div>
<div class="detail-content">
{paragraphs_html([a.lead, *a.paragraphs, a.author])}
</div>
{attach}
<div class="share">Chia sẻ bài viết lên facebook | Copy link</div>
</div>"""
        return self.page(a.title, content, head)
