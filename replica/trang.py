"""Tân Dân SharePoint "Trang" sites (Hải Dương commune family), portals.md §2b.

URLs: home `/Trang/Default.aspx`; category `/Trang/<alias>.aspx?PageIndex=N` (a pager with
`span.CurrentPage`); article `/Trang/ChiTietTinTuc.aspx?nid=<id>&title=<slug>.html`;
attachments `/Lists/TinTuc/Attachments/<nid>/<file>`. The DOM class names are a [GUESS]
in the vendor's `tandan-` style; the text order follows seeds 000/003/004.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from replica.content import Article
from replica.render import esc, paragraphs_html, render, slugify
from replica.site import (
    NOT_FOUND_HTML, PDF_BODY, Category, ReplicaSite, Response, html_response,
)

P = "trang"


class TrangSite(ReplicaSite):
    platform = P
    CATEGORIES = (
        Category("reform", "cai-cach-hanh-chinh", "Cải cách hành chính"),
        Category("news", "tin-tuc-su-kien", "Tin tức - Sự kiện"),
        Category("ntm", "nong-thon-moi", "Nông thôn mới"),
    )

    # -- URLs ---------------------------------------------------------------------------
    def home_path(self) -> str:
        return "/Trang/Default.aspx"

    def article_path(self, a: Article) -> str:
        return f"/Trang/ChiTietTinTuc.aspx?nid={a.id}&title={slugify(a.title)}.html"

    def listing_path(self, key: str, page: int = 1) -> str:
        path = f"/Trang/{self.category(key).alias}.aspx"
        return path if page == 1 else f"{path}?PageIndex={page}"

    def attachment_path(self, a: Article) -> str:
        return f"/Lists/TinTuc/Attachments/{a.id}/{a.attachment}"

    def robots_txt(self) -> str:
        return "User-agent: *\nDisallow: /_layouts/\nDisallow: /admin/\nDisallow: /Lists/\nCrawl-delay: 1\n"

    # -- routing --------------------------------------------------------------------------
    def route(self, path: str, query: str) -> Response:
        low = path.lower()
        q = parse_qs(query)
        if low == "/robots.txt":
            return self.robots()
        if low in ("/", "/trang", "/trang/"):
            return 302, {"Location": self.url(self.home_path())}, b""
        if low == "/trang/default.aspx":
            return html_response(self.home())
        if low == "/trang/chitiettintuc.aspx":
            try:
                a = self.by_id[int(q.get("nid", ["0"])[0])]
            except (KeyError, ValueError):
                return html_response(NOT_FOUND_HTML, 404)
            return html_response(self.article(a))
        if low.startswith("/lists/tintuc/attachments/"):
            parts = path.split("/")
            a = self.by_id.get(int(parts[4])) if parts[4].isdigit() else None
            if a and a.attachment == parts[-1]:
                return 200, {"Content-Type": "application/pdf"}, PDF_BODY
            return html_response(NOT_FOUND_HTML, 404)
        for c in self.CATEGORIES:
            if low == f"/trang/{c.alias}.aspx":
                try:
                    page = int(q.get("PageIndex", ["1"])[0])
                except ValueError:
                    page = 1
                if not 1 <= page <= self.pages_of(c.key):
                    return html_response(NOT_FOUND_HTML, 404)
                return html_response(self.listing(c.key, page))
        return html_response(NOT_FOUND_HTML, 404)

    # -- pages ----------------------------------------------------------------------------
    def page(self, title: str, content: str, action: str) -> str:
        spec, prof = self.spec, self.profile
        district = spec.district.split(" ", 1)[1] if " " in spec.district else spec.district
        footer = f"TRANG THÔNG TIN ĐIỆN TỬ {spec.name.upper()} - HUYỆN {district.upper()}"
        site_title = f"Trang thông tin điện tử {spec.name} - {spec.district}"
        menu = "\n".join(
            f'    <li><a href="{self.listing_path(c.key)}">{esc(c.title)}</a></li>'
            for c in self.CATEGORIES
        )
        sidebar = render(P, "widget.html", host_slug=spec.host.split(".")[0], **{
            k: (v.strftime("%d/%m/%Y %H:%M:%S") if k == "updated" else
                (f"{v:02d}" if k == "month" else v))
            for k, v in self.widget.items()
        }) if self.widget else ""
        heading = '<p class="tandan-title-module">Số lượt truy cập</p>' if prof.get("counter_heading") else ""
        c = self.counts
        return render(
            P, "page.html", page_title=esc(f"{title} - {site_title}"), form_action=esc(action),
            host_slug=spec.host.split(".")[0], site_title=esc(site_title),
            site_title_lower=esc(site_title.lower()), menu_items=menu, content=content,
            sidebar=sidebar, footer_title=esc(footer), editor=esc(prof.get("editor", "")),
            address=esc(prof.get("address", "")), phone=esc(prof.get("phone", "")),
            email=esc(prof.get("email", "")), counter_heading=heading,
            online=c["online"], today=c["today"], total=f"{c['total']:,}",
        )

    def home(self) -> str:
        blocks = []
        for c in self.CATEGORIES:
            items = "\n".join(self.item(a) for a in self.page_items(c.key, 1)[:5])
            blocks.append(render(P, "listing.html", category_url=self.listing_path(c.key),
                                 category_upper=esc(c.title.upper()), items=items, pager=""))
        return self.page("Trang chủ", "\n".join(blocks), "./Default.aspx")

    def item(self, a: Article) -> str:
        return render(P, "listing_item.html", url=esc(self.article_path(a)), title=esc(a.title),
                      image=f"{a.id}.jpg", date=a.published.strftime("%d/%m/%Y %H:%M:%S"),
                      lead=esc(a.lead))

    def listing(self, key: str, page: int) -> str:
        c = self.category(key)
        items = "\n".join(self.item(a) for a in self.page_items(key, page))
        pager = self.numbered_pager(key, page, '<span class="CurrentPage">{n}</span>',
                                    '<a href="{url}">{n}</a>',
                                    next_='<a class="tandan-next" href="{url}">Tiếp</a>')
        content = render(P, "listing.html", category_url=self.listing_path(key),
                         category_upper=esc(c.title.upper()), items=items, pager=pager)
        action = f"./{c.alias}.aspx" + (f"?PageIndex={page}" if page > 1 else "")
        return self.page(c.title, content, action)

    def article(self, a: Article) -> str:
        c = self.category(a.category)
        body = paragraphs_html([a.lead, *a.paragraphs, a.author])
        attachments = ""
        if a.attachment:
            attachments = (
                '<div class="tandan-div-attach"><p>Tệp đính kèm:</p><ul><li>'
                f'<a href="{esc(self.attachment_path(a))}">{esc(a.attachment)}</a></li></ul></div>'
            )
        idx = self.articles.index(a)
        others = "\n".join(
            f'      <li><a href="{esc(self.article_path(o))}">{esc(o.title)}</a>'
            f' <span>({o.published:%d/%m/%Y})</span></li>'
            for o in [x for x in self.articles[idx + 1:] if x.category == a.category][:5]
        )
        content = render(
            P, "article.html", category_url=self.listing_path(c.key),
            category_upper=esc(c.title.upper()), title=esc(a.title),
            date=a.published.strftime("%d/%m/%Y %H:%M:%S"), body=body,
            attachments=attachments, others=others,
        )
        return self.page(a.title, content, f"./ChiTietTinTuc.aspx?nid={a.id}")
