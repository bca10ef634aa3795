"""SharePoint "Lists" sites (ministry/department style, also used by some districts),
portals.md §4.

URLs: home `/Pages/default.aspx`; category listing `/tintuc/Pages/<alias>.aspx?Page=N` (a
web-part list `…_pnListNews` with a pager `…_PhanTrang_D`); article
`/tintuc/Lists/<ListName>/View_Detail.aspx?ItemID=<n>` (one SharePoint list per category);
attachments `/tintuc/Lists/<ListName>/Attachments/<n>/<file>`. The page text starts with
"Skip Ribbon Commands"; the date is a plain `dd/mm/yyyy` line under the title.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from replica.content import Article
from replica.portal_pages import page_shell
from replica.render import esc, paragraphs_html
from replica.site import (
    NOT_FOUND_HTML, PDF_BODY, Category, ReplicaSite, Response, html_response,
)

P = "sharepoint_lists"
WP = "ctl00_SPWebPartManager1_g_5f0c6a0e_2b4d_4d57_9d3e_1c1a7b3e9f21_ctl00"


class ListsSite(ReplicaSite):
    platform = P
    CATEGORIES = (
        Category("reform", "cai-cach-hanh-chinh", "Cải cách hành chính"),
        Category("news", "tin-tuc-su-kien", "Tin tức - Sự kiện"),
        Category("ntm", "nong-thon-moi", "Nông thôn mới"),
    )
    LISTS = {"reform": "CaiCachHanhChinh", "news": "TinTucSuKien", "ntm": "NongThonMoi"}

    def home_path(self) -> str:
        return "/Pages/default.aspx"

    def article_path(self, a: Article) -> str:
        return f"/tintuc/Lists/{self.LISTS[a.category]}/View_Detail.aspx?ItemID={a.id}"

    def listing_path(self, key: str, page: int = 1) -> str:
        path = f"/tintuc/Pages/{self.category(key).alias}.aspx"
        return path if page == 1 else f"{path}?Page={page}"

    def attachment_path(self, a: Article) -> str:
        return f"/tintuc/Lists/{self.LISTS[a.category]}/Attachments/{a.id}/{a.attachment}"

    def robots_txt(self) -> str:
        return "User-agent: *\nDisallow: /_layouts/\nDisallow: /_vti_bin/\n"

    def route(self, path: str, query: str) -> Response:
        low = path.lower()
        q = parse_qs(query)
        if low == "/robots.txt":
            return self.robots()
        if low in ("/", "/pages", "/pages/"):
            return 302, {"Location": self.url(self.home_path())}, b""
        if low == "/pages/default.aspx":
            return html_response(self.home())
        for key, name in self.LISTS.items():
            base = f"/tintuc/lists/{name.lower()}/"
            if low == base + "view_detail.aspx":
                raw = q.get("ItemID", ["0"])[0]
                a = self.by_id.get(int(raw)) if raw.isdigit() else None
                if a is None or a.category != key:
                    return html_response(NOT_FOUND_HTML, 404)
                return html_response(self.article(a))
            if low.startswith(base + "attachments/"):
                if any(a.attachment and self.attachment_path(a).lower() == low for a in self.articles):
                    return 200, {"Content-Type": "application/pdf"}, PDF_BODY
                return html_response(NOT_FOUND_HTML, 404)
        for c in self.CATEGORIES:
            if low == f"/tintuc/pages/{c.alias}.aspx":
                raw = q.get("Page", ["1"])[0]
                page = int(raw) if raw.isdigit() else 0
                if not 1 <= page <= self.pages_of(c.key):
                    return html_response(NOT_FOUND_HTML, 404)
                return html_response(self.listing(c.key, page))
        return html_response(NOT_FOUND_HTML, 404)

    def page(self, title: str, content: str) -> str:
        menu = "\n".join(f'<li><a href="{esc(self.listing_path(c.key))}">{esc(c.title)}</a></li>'
                         for c in self.CATEGORIES)
        return page_shell(self, title, content, menu, self.home_path()).replace(
            "tandan-", "sp-")

    def items(self, articles: list[Article]) -> str:
        return "\n".join(
            f'<div class="news-item"><a class="news-title" href="{esc(self.article_path(a))}">'
            f'{esc(a.title)}</a> <span class="news-date">({a.published:%d/%m/%Y})</span>'
            f'<p class="news-sapo">{esc(a.lead)}</p></div>'
            for a in articles
        )

    def home(self) -> str:
        return self.page("Trang chủ", "\n".join(
            f'<div class="box-news"><h2><a href="{esc(self.listing_path(c.key))}">{esc(c.title)}'
            f'</a></h2>{self.items(self.page_items(c.key, 1)[:4])}</div>' for c in self.CATEGORIES))

    def listing(self, key: str, page: int) -> str:
        pager = self.numbered_pager(key, page, '<span class="current">{n}</span>',
                                    '<a href="{url}">{n}</a>',
                                    next_='<a class="next" href="{url}">Sau »</a>')
        content = (f'<div id="{WP}_pnListNews" class="list-news"><h2>{esc(self.category(key).title)}</h2>'
                   f'{self.items(self.page_items(key, page))}</div>'
                   f'<div id="{WP}_PhanTrang_D" class="paging">{pager}</div>')
        return self.page(self.category(key).title, content)

    def article(self, a: Article) -> str:
        attach = ""
        if a.attachment:
            attach = (f'<div id="{WP}_pnFile" class="attach"><p>Tài liệu đính kèm:</p><a href="'
                      f'{esc(self.attachment_path(a))}">{esc(a.attachment)}</a></div>')
        content = f"""<div class="article-detail">
<h1 id="divArticleDescription3" class="article-title">{esc(a.title)}</h1>
<div class="article-date">{a.published:%d/%m/%Y}</div>
<div id="divArticleDescription" class="article-sapo"><strong>{esc(a.lead)}</strong></div>
<div id="ctl00_PlaceHolderMain_ctl02__ControlWrapper_RichHtmlField" class="ms-rtestate-field">
{paragraphs_html([*a.paragraphs, a.author])}
</div>
{attach}
</div>"""
        return self.page(a.title, content)
