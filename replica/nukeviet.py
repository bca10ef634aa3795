"""NukeViet 4.x sites (news module, default or eGov theme), portals.md §1.

URLs: category `/news/<cat>/`, `/news/<cat>/page-N/`; article `/news/<cat>/<alias>-<id>.html`;
RSS `/news/rss/` and `/news/rss/<cat>/`; sitemap `/sitemap.xml` (index) ->
`/sitemap-vi.news.xml`; attachments `/uploads/news/YYYY_MM/<file>`.
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape as xesc

from replica.content import Article
from replica.render import esc, paragraphs_html, render, slugify
from replica.site import (
    NOT_FOUND_HTML, PDF_BODY, Category, ReplicaSite, Response, html_response, text_response,
)

P = "nukeviet"
WEEKDAYS = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")
RSS_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
RSS_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class NukeVietSite(ReplicaSite):
    platform = P
    CATEGORIES = (
        Category("reform", "cai-cach-hanh-chinh", "Cải cách hành chính"),
        Category("news", "tin-tuc-su-kien", "Tin tức sự kiện"),
        Category("ntm", "xay-dung-nong-thon-moi", "Xây dựng nông thôn mới"),
    )

    @property
    def theme(self) -> str:
        return str(self.profile.get("theme", "default"))

    # -- URLs ---------------------------------------------------------------------------
    def article_path(self, a: Article) -> str:
        return f"/news/{self.category(a.category).alias}/{self.alias(a)}-{a.id}.html"

    def alias(self, a: Article) -> str:
        return slugify(a.title, 90)

    def listing_path(self, key: str, page: int = 1) -> str:
        path = f"/news/{self.category(key).alias}/"
        return path if page == 1 else f"{path}page-{page}/"

    def attachment_path(self, a: Article) -> str:
        return f"/uploads/news/{a.published:%Y_%m}/{a.attachment}"

    def robots_txt(self) -> str:
        return (
            "User-agent: *\nDisallow: /admin/\nDisallow: /data/\nDisallow: /includes/\n"
            "Disallow: /install/\nDisallow: /vendor/\nDisallow: /news/print/\n"
            "Disallow: /news/savefile/\nDisallow: /news/sendmail/\n"
            f"Sitemap: {self.url('/sitemap.xml')}\n"
        )

    def all_paths(self) -> list[str]:
        extra = ["/news/rss/", "/sitemap.xml", "/sitemap-vi.news.xml"]
        return super().all_paths() + extra + [f"/news/rss/{c.alias}/" for c in self.CATEGORIES]

    # -- routing --------------------------------------------------------------------------
    def route(self, path: str, query: str) -> Response:
        if path == "/robots.txt":
            return self.robots()
        if path in ("/", "/index.php"):
            return html_response(self.home())
        if path == "/sitemap.xml":
            return self.sitemap_index()
        if path == "/sitemap-vi.news.xml":
            return self.sitemap_news()
        if path.startswith("/uploads/news/"):
            name = path.rsplit("/", 1)[-1]
            if any(a.attachment == name and self.attachment_path(a) == path for a in self.articles):
                return 200, {"Content-Type": "application/pdf"}, PDF_BODY
            return html_response(NOT_FOUND_HTML, 404)
        parts = [p for p in path.split("/") if p]
        if not parts or parts[0] != "news":
            return html_response(NOT_FOUND_HTML, 404)
        if parts == ["news"]:
            return 302, {"Location": self.url(self.listing_path("reform"))}, b""
        if parts[1] == "rss":
            key = None
            if len(parts) > 2:
                key = next((c.key for c in self.CATEGORIES if c.alias == parts[2]), "")
                if not key:
                    return html_response(NOT_FOUND_HTML, 404)
            return self.rss(key)
        cat = next((c for c in self.CATEGORIES if c.alias == parts[1]), None)
        if cat is None:
            return html_response(NOT_FOUND_HTML, 404)
        if len(parts) == 2 or (len(parts) == 3 and parts[2].startswith("page-")):
            page = 1
            if len(parts) == 3:
                num = parts[2][5:]
                page = int(num) if num.isdigit() else 0
            if not 1 <= page <= self.pages_of(cat.key) or not path.endswith("/"):
                return html_response(NOT_FOUND_HTML, 404)
            return html_response(self.listing(cat.key, page))
        if len(parts) == 3 and parts[2].endswith(".html"):
            stem = parts[2][:-5]
            alias, _, num = stem.rpartition("-")
            a = self.by_id.get(int(num)) if num.isdigit() else None
            if a and a.category == cat.key and self.alias(a) == alias:
                return html_response(self.article(a))
        return html_response(NOT_FOUND_HTML, 404)

    # -- pages ----------------------------------------------------------------------------
    def page(self, title: str, content: str, canonical: str, crumbs: list[tuple[str, str]],
             og_type: str = "website", head_extra: str = "", rss: str = "") -> str:
        spec, prof = self.spec, self.profile
        site_title = f"Cổng thông tin điện tử {spec.name}"
        menu = "\n".join(
            f'    <li><a href="{self.listing_path(c.key)}" title="{esc(c.title)}">{esc(c.title)}</a></li>'
            for c in self.CATEGORIES
        )
        crumb_html = "\n".join(
            f'      <li><a href="{esc(u)}" title="{esc(t)}"><span>{esc(t)}</span></a></li>'
            for t, u in [("Trang nhất", "/"), *crumbs]
        )
        sidebar = "\n".join(
            f'        <li class="clearfix"><a title="{esc(a.title)}" href="{esc(self.article_path(a))}">{esc(a.title)}</a></li>'
            for a in self.articles[:5]
        )
        c = self.counts
        return render(
            P, "page.html", page_title=esc(f"{title} - {site_title}"),
            description=esc(title), site_title=esc(site_title), email=esc(prof.get("email", "")),
            og_type=og_type, canonical=esc(self.url(canonical)), head_extra=head_extra,
            rss_links=rss, theme=self.theme, unit=esc(spec.name), menu_items=menu,
            breadcrumbs=crumb_html, content=content, sidebar=sidebar,
            online=c["online"], today=c["today"], month=f"{c['month']:,}".replace(",", "."),
            total=f"{c['total']:,}".replace(",", "."),
            site_title_upper=esc(site_title.upper()), editor=esc(prof.get("editor", "")),
            address=esc(prof.get("address", "")), phone=esc(prof.get("phone", "")),
        )

    def list_date(self, a: Article) -> str:
        if self.theme == "egov":
            return a.published.strftime("%d/%m/%Y %I:%M:%S %p")
        return a.published.strftime("%d/%m/%Y %H:%M:%S")

    def item(self, a: Article, featured: bool) -> str:
        return render(
            P, "listing_item.html", featured=" featured" if featured else "",
            url=esc(self.article_path(a)), title=esc(a.title), image=f"{a.id}.jpg",
            h="h2" if featured else "h3", date=self.list_date(a), hits=(a.id * 37) % 900 + 12,
            lead=esc(a.lead),
        )

    def home(self) -> str:
        blocks = []
        for c in self.CATEGORIES:
            items = "\n".join(self.item(a, i == 0) for i, a in enumerate(self.page_items(c.key, 1)[:4]))
            blocks.append(f'<div class="news_column"><h2 class="cat-title"><a href="{self.listing_path(c.key)}">'
                          f'{esc(c.title)}</a></h2>\n{items}\n</div>')
        return self.page("Trang nhất", "\n".join(blocks), "/", [])

    def listing(self, key: str, page: int) -> str:
        c = self.category(key)
        items = "\n".join(self.item(a, page == 1 and i == 0)
                          for i, a in enumerate(self.page_items(key, page)))
        content = f'<div class="news_column">\n{items}\n</div>\n<div class="text-center">{self.pager(key, page)}</div>'
        rss = f'<link rel="alternate" href="/news/rss/{c.alias}/" title="Tin Tức - {esc(c.title)}" type="application/rss+xml" />\n'
        title = c.title if page == 1 else f"{c.title} - Trang {page}"
        return self.page(title, content, self.listing_path(key, page),
                         [("Tin Tức", "/news/"), (c.title, self.listing_path(key))], rss=rss)

    def pager(self, key: str, page: int) -> str:
        pages = self.pages_of(key)
        if pages == 1:
            return ""
        li = self.numbered_pager(
            key, page, '<li class="page-item active"><a class="page-link" href="javascript:void(0)">{n}</a></li>',
            '<li class="page-item"><a class="page-link" href="{url}">{n}</a></li>', sep="",
            prev='<li class="page-item"><a class="page-link" href="{url}">&laquo;</a></li>',
            next_='<li class="page-item"><a class="page-link" href="{url}">&raquo;</a></li>')
        return f'<ul class="pagination">{li}</ul>'

    def article(self, a: Article) -> str:
        c = self.category(a.category)
        iso = a.published.strftime("%Y-%m-%dT%H:%M:%S+07:00")
        visible = f"{WEEKDAYS[a.published.weekday()]} - {a.published:%d/%m/%Y %H:%M}"
        attachments = ""
        if a.attachment:
            attachments = (
                '<div class="panel panel-default"><div class="panel-heading">File đính kèm</div>'
                '<div class="panel-body news-download-file"><div class="list-group">'
                f'<div class="list-group-item"><a href="{esc(self.attachment_path(a))}" title="{esc(a.attachment)}">'
                f'Tệp tin: <strong>{esc(a.attachment)}</strong></a></div></div></div></div>'
            )
        idx = self.articles.index(a)
        older = [x for x in self.articles[idx + 1:] if x.category == a.category][:6]
        others = "\n".join(
            f'    <li><em class="fa fa-angle-right">&nbsp;</em><h4><a href="{esc(self.article_path(o))}" '
            f'title="{esc(o.title)}">{esc(o.title)}</a> <em>({o.published:%d/%m/%Y})</em></h4></li>'
            for o in older
        )
        votes = a.id % 4
        content = render(
            P, "article.html", detail_class=" newsdetail" if self.theme == "egov" else "",
            title=esc(a.title), site_title=esc(f"Cổng thông tin điện tử {self.spec.name}"),
            iso=iso, canonical=esc(self.url(self.article_path(a))), visible_date=visible,
            base="", cat=c.alias, alias=self.alias(a), id=a.id, lead=esc(a.lead),
            attach_class=" has-attach" if a.attachment else "",
            body=paragraphs_html(a.paragraphs), attachments=attachments, author=esc(a.author),
            rating_sum=votes * 5, rating_count=votes, others=others,
        )
        head = (f'<meta property="article:published_time" content="{iso}" />\n'
                f'<meta property="article:section" content="{esc(c.title)}" />\n')
        return self.page(a.title, content, self.article_path(a),
                         [("Tin Tức", "/news/"), (c.title, self.listing_path(c.key))],
                         og_type="article", head_extra=head)

    # -- feeds ----------------------------------------------------------------------------
    def rss(self, key: str | None) -> Response:
        items = self.articles if key is None else self.in_category(key)
        title = "Tin Tức" if key is None else f"Tin Tức - {self.category(key).title}"
        out = [
            '<?xml version="1.0" encoding="utf-8"?>',
            '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>',
            f"<title>{xesc(title)}</title><link>{xesc(self.url('/news/'))}</link>",
            "<description>Tin tức</description><language>vi</language>",
            "<generator>NukeViet v4.0</generator>",
        ]
        for a in items[:30]:
            out.append(
                f"<item><title>{xesc(a.title)}</title><link>{xesc(self.url(self.article_path(a)))}</link>"
                f"<guid isPermaLink=\"false\">news_{a.id}</guid><description>{xesc(a.lead)}</description>"
                f"<pubDate>{rss_date(a.published)}</pubDate></item>"
            )
        out.append("</channel></rss>")
        return text_response("\n".join(out), "application/rss+xml; charset=utf-8")

    def sitemap_index(self) -> Response:
        body = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"<sitemap><loc>{xesc(self.url('/sitemap-vi.news.xml'))}</loc></sitemap>\n"
            "</sitemapindex>\n"
        )
        return text_response(body, "application/xml; charset=utf-8")

    def sitemap_news(self) -> Response:
        rows = [
            f"<url><loc>{xesc(self.url(self.article_path(a)))}</loc>"
            f"<lastmod>{a.published:%Y-%m-%d}</lastmod><changefreq>daily</changefreq></url>"
            for a in self.articles[:1000]
        ]
        body = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            + "\n".join(rows) + "\n</urlset>\n"
        )
        return text_response(body, "application/xml; charset=utf-8")


def rss_date(when: dt.datetime) -> str:
    """NukeViet's pubDate: PHP `D, j M Y H:m:s`, so the minutes field prints the month."""
    return (f"{RSS_DAYS[when.weekday()]}, {when.day} {RSS_MONTHS[when.month - 1]} {when.year} "
            f"{when.hour:02d}:{when.month:02d}:{when.second:02d} GMT")
