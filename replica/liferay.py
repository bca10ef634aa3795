"""Liferay "/web/trang-chu/" ward sites (VNPT Thanh Hóa family), portals.md §3.

URLs: home `/web/trang-chu`; category `/web/trang-chu/tin-tuc-su-kien/<alias>` with the Asset
Publisher pager (`?p_p_id=…_INSTANCE_<id>&…&_…_cur=N`); article
`/web/trang-chu/tin-tuc-su-kien/<alias>/<slug>.html`; files `/documents/<group>/<folder>/<file>`.
Text order follows the longanh.tpthanhhoa page (welcome marquee, title, "Đăng lúc: HH:mm:ss
dd/MM/yyyy (GMT+7)", "100%", body); the DOM classes are generic Asset Publisher ones [GUESS].
"""

from __future__ import annotations

from urllib.parse import parse_qs

from replica.content import Article
from replica.render import esc, paragraphs_html, render
from replica.site import NOT_FOUND_HTML, PDF_BODY, Category, ReplicaSite, Response, html_response

P = "liferay"
PORTLET = "com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_INSTANCE_"
ROOT = "/web/trang-chu"


class LiferaySite(ReplicaSite):
    platform = P
    CATEGORIES = (
        Category("reform", "cai-cach-hanh-chinh", "Cải cách hành chính"),
        Category("news", "tin-hoat-dong", "Tin hoạt động"),
        Category("ntm", "tuyen-truyen-phap-luat", "Tuyên truyền pháp luật"),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.slugs = self.unique_slugs(150)
        self.by_slug = {(a.category, self.slugs[a.id]): a for a in self.articles}
        self.portlet_id = f"{PORTLET}{self.spec.host.split('.')[0][:4]}cchc"

    def home_path(self) -> str:
        return ROOT

    def article_path(self, a: Article) -> str:
        return f"{ROOT}/tin-tuc-su-kien/{self.category(a.category).alias}/{self.slugs[a.id]}.html"

    def listing_path(self, key: str, page: int = 1) -> str:
        path = f"{ROOT}/tin-tuc-su-kien/{self.category(key).alias}"
        if page == 1:
            return path
        pid = self.portlet_id
        return (f"{path}?p_p_id={pid}&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view"
                f"&_{pid}_delta={self.PAGE_SIZE}&_{pid}_cur={page}")

    def attachment_path(self, a: Article) -> str:
        return f"/documents/20182/{a.id}/{a.attachment}"

    def robots_txt(self) -> str:
        return "User-agent: *\nDisallow: /c/\nDisallow: /group/\nDisallow: /admin/\n"

    def route(self, path: str, query: str) -> Response:
        if path == "/robots.txt":
            return self.robots()
        if path in ("/", "/web", "/web/"):
            return 302, {"Location": self.url(ROOT)}, b""
        if path in (ROOT, ROOT + "/"):
            return html_response(self.home())
        if path.startswith("/documents/"):
            if any(a.attachment and self.attachment_path(a) == path for a in self.articles):
                return 200, {"Content-Type": "application/pdf"}, PDF_BODY
            return html_response(NOT_FOUND_HTML, 404)
        prefix = f"{ROOT}/tin-tuc-su-kien/"
        if not path.startswith(prefix):
            return html_response(NOT_FOUND_HTML, 404)
        parts = path[len(prefix):].split("/")
        cat = next((c for c in self.CATEGORIES if c.alias == parts[0]), None)
        if cat is None:
            return html_response(NOT_FOUND_HTML, 404)
        if len(parts) == 1:
            q = parse_qs(query)
            cur = q.get(f"_{self.portlet_id}_cur", ["1"])[0]
            page = int(cur) if cur.isdigit() else 0
            if not 1 <= page <= self.pages_of(cat.key):
                return html_response(NOT_FOUND_HTML, 404)
            return html_response(self.listing(cat.key, page))
        if len(parts) == 2 and parts[1].endswith(".html"):
            a = self.by_slug.get((cat.key, parts[1][:-5]))
            if a:
                return html_response(self.article(a))
        return html_response(NOT_FOUND_HTML, 404)

    # -- pages ----------------------------------------------------------------------------
    def page(self, title: str, content: str) -> str:
        spec, prof = self.spec, self.profile
        unit_title = spec.name[:1].upper() + spec.name[1:]
        site_title = f"Trang thông tin điện tử {unit_title}"
        menu = "\n".join(
            f'    <li><a href="{esc(self.listing_path(c.key))}" role="menuitem"><span>{esc(c.title)}</span></a></li>'
            for c in self.CATEGORIES
        )
        sidebar = "\n".join(
            f'      <li class="list-group-item"><a href="{esc(self.article_path(a))}">{esc(a.title)}</a></li>'
            for a in self.articles[:5]
        )
        c = self.counts
        return render(
            P, "page.html", page_title=esc(f"{title} - {site_title}"), unit_title=esc(unit_title),
            site_title=esc(site_title), host_slug=spec.host.split(".")[0], menu_items=menu,
            portlet_id=self.portlet_id[len(PORTLET):], content=content, sidebar=sidebar,
            online=c["online"], today=c["today"], total=f"{c['total']:,}".replace(",", "."),
            unit_upper=esc(spec.name.upper()), address=esc(prof.get("address", "")),
            phone=esc(prof.get("phone", "")), email=esc(prof.get("email", "")),
        )

    def items(self, articles: list[Article]) -> str:
        return "\n".join(
            f'<li class="list-group-item"><p class="list-group-title"><a href="{esc(self.article_path(a))}">'
            f'{esc(a.title)}</a></p><p class="list-group-subtitle">({a.published:%d/%m/%Y})</p>'
            f'<p class="list-group-text">{esc(a.lead)}</p></li>'
            for a in articles
        )

    def home(self) -> str:
        blocks = [
            f'<div class="asset-publisher"><h2 class="portlet-title"><a href="{esc(self.listing_path(c.key))}">'
            f'{esc(c.title)}</a></h2><ul class="list-group">{self.items(self.page_items(c.key, 1)[:4])}</ul></div>'
            for c in self.CATEGORIES
        ]
        return self.page("Trang chủ", "\n".join(blocks))

    def listing(self, key: str, page: int) -> str:
        if self.profile.get("portlet") == "vnpt":
            return self.vnpt_listing(key, page)
        li = self.numbered_pager(
            key, page, '<li class="page-item active"><a class="page-link" href="javascript:;">{n}</a></li>',
            '<li class="page-item"><a class="page-link" href="{url}">{n}</a></li>', sep="")
        pager = (f'<div class="pagination-bar"><ul class="pagination">{li}</ul>'
                 f'<p class="pagination-results">Hiển thị {len(self.page_items(key, page))} kết quả.</p></div>')
        content = (f'<h2 class="portlet-title">{esc(self.category(key).title)}</h2>'
                   f'<ul class="list-group">{self.items(self.page_items(key, page))}</ul>{pager}')
        return self.page(self.category(key).title, content)

    def vnpt_listing(self, key: str, page: int) -> str:
        """The VNPT ePortal news portlet (portals.md §3, cmsc.gov.vn): `div > h2 > a` items,
        a `…ocerSearchContainerPageIterator` pager of `ul > li > a` with `_cur=N`."""
        pid = f"dsnews_WAR_vnpteportalnewsportlet_INSTANCE_{self.portlet_id[len(PORTLET):][:4]}"
        items = "\n".join(
            f'<div class="news-item"><a href="{esc(self.article_path(a))}"><img src="/image/{a.id}.jpg" alt="" /></a>'
            f'<h2><a href="{esc(self.article_path(a))}">{esc(a.title)}</a></h2>'
            f'<span class="date">({a.published:%d/%m/%Y})</span><p>{esc(a.lead)}</p></div>'
            for a in self.page_items(key, page))
        li = self.numbered_pager(key, page, '<li class="active"><span>{n}</span></li>',
                                 '<li><a href="{url}">{n}</a></li>', sep="")
        content = (f'<div id="p_p_id_{pid}_" class="portlet-boundary"><h2 class="portlet-title">'
                   f'{esc(self.category(key).title)}</h2>{items}'
                   f'<div id="_{pid}_ocerSearchContainerPageIterator" class="taglib-page-iterator">'
                   f'<ul>{li}</ul></div></div>')
        return self.page(self.category(key).title, content)

    def article(self, a: Article) -> str:
        c = self.category(a.category)
        attachments = ""
        if a.attachment:
            attachments = (f'<div class="asset-attachments"><p>Tài liệu đính kèm:</p><a href="'
                           f'{esc(self.attachment_path(a))}">{esc(a.attachment)}</a></div>')
        idx = self.articles.index(a)
        others = "\n".join(
            f'    <li><a href="{esc(self.article_path(o))}">{esc(o.title)}</a> ({o.published:%d/%m/%Y})</li>'
            for o in [x for x in self.articles[idx + 1:] if x.category == a.category][:5]
        )
        content = render(
            P, "article.html", category_url=esc(self.listing_path(c.key)), category=esc(c.title),
            title=esc(a.title), date=a.published.strftime("%H:%M:%S %d/%m/%Y"),
            body=paragraphs_html([a.lead, *a.paragraphs, a.author]), attachments=attachments,
            others=others,
        )
        return self.page(a.title, content)
