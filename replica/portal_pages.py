"""Tân Dân SharePoint "portal/Pages" sites (Hà Tĩnh, Ninh Thuận, Điện Biên …), portals.md §2a.

URLs: home `/portal/Pages/default.aspx`; category `/portal/Pages/<Category-Name>.aspx` with
`?PageIndex=N` GET pages next to a `span.CurrentPage` (the [GUESS] of portals.md); article
`/portal/Pages/<YYYY-M-D>/<Title-Slug><suffix>.aspx` (date folder not zero-padded, slug cut
at ~50 characters, a 6-character random suffix); attachments
`/portal/Lists/TinTuc/Attachments/<id>/<file>`. DOM: the `tandan-` selectors third-party
scrapers used on live pages ("Đăng ngày dd - mm - yyyy", "Lượt xem: N").
"""

from __future__ import annotations

import random
import string
from urllib.parse import parse_qs

from replica.content import Article
from replica.render import esc, paragraphs_html, slugify
from replica.site import (
    NOT_FOUND_HTML, PDF_BODY, Category, ReplicaSite, Response, html_response,
)

P = "portal_pages"


def page_shell(site: ReplicaSite, title: str, content: str, menu: str, home: str) -> str:
    """The SharePoint master page around `content` (shared by the SharePoint-style sites)."""
    spec, prof, c = site.spec, site.profile, site.counts
    site_title = f"Cổng thông tin điện tử {spec.name} - {spec.district}"
    return f"""<!DOCTYPE html>
<html dir="ltr" lang="vi-VN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="GENERATOR" content="Microsoft SharePoint" />
<title>{esc(title)} - {esc(site_title.upper())}</title>
<link rel="stylesheet" type="text/css" href="/_layouts/15/1066/styles/Themable/corev15.css" />
</head>
<body>
<div id="s4-ribbonrow"><a href="javascript:;" class="ms-skip">Skip Ribbon Commands</a>
<a href="#mainContent" class="ms-skip">Skip to main content</a></div>
<form method="post" action="./default.aspx" id="aspnetForm">
<div id="s4-workspace"><div id="s4-bodyContainer">
<div class="tandan-header"><a href="{home}"><img src="/portal/Photos/banner.jpg" alt="{esc(site_title)}" /></a>
<ul class="tandan-ul-menu"><li><a href="{home}">Trang chủ</a></li>
{menu}
<li><a href="/portal/Pages/Lien-he.aspx">Liên hệ</a></li></ul></div>
<div class="tandan-main" id="mainContent">
{content}
</div>
<div class="tandan-footer"><p>{esc(site_title.upper())}</p>
<p>Chịu trách nhiệm: {esc(prof.get("editor", ""))}</p><p>Địa chỉ: {esc(prof.get("address", ""))}</p>
<p>Điện thoại: {esc(prof.get("phone", ""))} - Email: {esc(prof.get("email", ""))}</p>
<div class="tandan-thongke-truycap"><ul><li>Đang truy cập: {c["online"]}</li><li>Hôm nay: {c["today"]}</li>
<li>Tổng lượt truy cập: {c["total"]:,}</li></ul></div></div>
</div></div>
</form>
</body>
</html>"""


class PortalPagesSite(ReplicaSite):
    platform = P
    CATEGORIES = (
        Category("reform", "Chuyen-muc-Cai-cach-hanh-chinh", "Cải cách hành chính"),
        Category("news", "Tin-tuc-su-kien", "Tin tức - Sự kiện"),
        Category("ntm", "Xay-dung-nong-thon-moi", "Xây dựng nông thôn mới"),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        rng = random.Random(f"{self.spec.id}:suffix")
        chars = string.ascii_letters + string.digits
        self.paths = {}
        for a in self.articles:
            slug = "-".join(w.capitalize() for w in slugify(a.title, 50).split("-"))
            suffix = "".join(rng.choice(chars) for _ in range(6))
            d = a.published
            self.paths[a.id] = f"/portal/Pages/{d.year}-{d.month}-{d.day}/{slug}{suffix}.aspx"
        self.by_path = {p.lower(): self.by_id[i] for i, p in self.paths.items()}

    def home_path(self) -> str:
        return "/portal/Pages/default.aspx"

    def article_path(self, a: Article) -> str:
        return self.paths[a.id]

    def listing_path(self, key: str, page: int = 1) -> str:
        path = f"/portal/Pages/{self.category(key).alias}.aspx"
        return path if page == 1 else f"{path}?PageIndex={page}"

    def attachment_path(self, a: Article) -> str:
        return f"/portal/Lists/TinTuc/Attachments/{a.id}/{a.attachment}"

    def robots_txt(self) -> str:
        return "User-agent: *\nDisallow: /_layouts/\nDisallow: /_vti_bin/\n"

    def route(self, path: str, query: str) -> Response:
        low = path.lower()
        if low == "/robots.txt":
            return self.robots()
        if low in ("/", "/portal", "/portal/"):
            return 302, {"Location": self.url(self.home_path())}, b""
        if low == "/portal/pages/default.aspx":
            return html_response(self.home())
        if low in self.by_path:
            return html_response(self.article(self.by_path[low]))
        if low.startswith("/portal/lists/tintuc/attachments/"):
            if any(a.attachment and self.attachment_path(a).lower() == low for a in self.articles):
                return 200, {"Content-Type": "application/pdf"}, PDF_BODY
            return html_response(NOT_FOUND_HTML, 404)
        for c in self.CATEGORIES:
            if low == f"/portal/pages/{c.alias.lower()}.aspx":
                raw = parse_qs(query).get("PageIndex", ["1"])[0]
                page = int(raw) if raw.isdigit() else 0
                if not 1 <= page <= self.pages_of(c.key):
                    return html_response(NOT_FOUND_HTML, 404)
                return html_response(self.listing(c.key, page))
        return html_response(NOT_FOUND_HTML, 404)

    def page(self, title: str, content: str) -> str:
        menu = "\n".join(f'<li><a href="{esc(self.listing_path(c.key))}">{esc(c.title)}</a></li>'
                         for c in self.CATEGORIES)
        return page_shell(self, title, content, menu, self.home_path())

    def items(self, articles: list[Article]) -> str:
        return "\n".join(
            f'<div class="tandan-div-channel-item"><h3 class="channel-news-title"><a href="'
            f'{esc(self.article_path(a))}">{esc(a.title)}</a></h3><span class="tandan-span-date-publish">'
            f'{a.published:%d/%m/%Y}</span><p class="tandan-p-article-news-summary">{esc(a.lead)}</p></div>'
            for a in articles
        )

    def home(self) -> str:
        return self.page("Trang chủ", "\n".join(
            f'<div class="tandan-channel"><h2><a href="{esc(self.listing_path(c.key))}">{esc(c.title)}'
            f'</a></h2>{self.items(self.page_items(c.key, 1)[:4])}</div>' for c in self.CATEGORIES))

    def listing(self, key: str, page: int) -> str:
        pager = self.numbered_pager(key, page, '<span class="CurrentPage">{n}</span>',
                                    '<a href="{url}">{n}</a>')
        content = (f'<h2 class="tandan-title-channel">{esc(self.category(key).title)}</h2>'
                   f'{self.items(self.page_items(key, page))}<div class="tandan-pager">{pager}</div>')
        return self.page(self.category(key).title, content)

    def article(self, a: Article) -> str:
        attach = ""
        if a.attachment:
            attach = (f'<div class="tandan-attach"><p>File đính kèm:</p><a href="'
                      f'{esc(self.attachment_path(a))}">{esc(a.attachment)}</a></div>')
        views = 100 + a.id % 900
        content = f"""<div class="tandan-div-article">
<h1 class="tandan-p-article-news-title">{esc(a.title)}</h1>
<div class="tandan-date"><span class="tandan-span-date-publish">Đăng ngày {a.published:%d - %m - %Y}</span>
<span class="tandan-span-view">Lượt xem: {views}</span> <span class="tandan-zoom">100%</span></div>
<p class="tandan-p-article-news-summary">{esc(a.lead)}</p>
<div class="tandan-p-article-main"><div class="ms-rtestate-field">
{paragraphs_html([*a.paragraphs, a.author])}
</div></div>
{attach}
<div class="tandan-div-article-other"><p class="tandan-p-article-other">Tin liên quan</p></div>
</div>"""
        return self.page(a.title, content)
