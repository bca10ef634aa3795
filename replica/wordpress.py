"""WordPress commune sites (Twenty Twenty-One markup), portals.md §5.

URLs: post `/<slug>/`; category `/category/<alias>/`, `/category/<alias>/page/N/`; feeds
`/feed/`, `/category/<alias>/feed/`; sitemap `/wp-sitemap.xml` -> `/wp-sitemap-posts-post-1.xml`;
uploads `/wp-content/uploads/YYYY/MM/<file>`.
"""

from __future__ import annotations

from xml.sax.saxutils import escape as xesc

from replica.content import Article
from replica.render import esc, paragraphs_html, render
from replica.site import (
    NOT_FOUND_HTML, PDF_BODY, Category, ReplicaSite, Response, html_response, text_response,
)

P = "wordpress"


class WordPressSite(ReplicaSite):
    platform = P
    CATEGORIES = (
        Category("reform", "cai-cach-hanh-chinh", "Cải cách hành chính"),
        Category("news", "tin-tuc", "Tin tức"),
        Category("ntm", "nong-thon-moi", "Nông thôn mới"),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.slugs = self.unique_slugs(100)
        self.by_slug = {s: self.by_id[i] for i, s in self.slugs.items()}

    def article_path(self, a: Article) -> str:
        return f"/{self.slugs[a.id]}/"

    def listing_path(self, key: str, page: int = 1) -> str:
        path = f"/category/{self.category(key).alias}/"
        return path if page == 1 else f"{path}page/{page}/"

    def attachment_path(self, a: Article) -> str:
        return f"/wp-content/uploads/{a.published:%Y/%m}/{a.attachment}"

    def robots_txt(self) -> str:
        return ("User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n"
                f"Disallow: /admin/\n\nSitemap: {self.url('/wp-sitemap.xml')}\n")

    def all_paths(self) -> list[str]:
        return super().all_paths() + ["/feed/", "/wp-sitemap.xml", "/wp-sitemap-posts-post-1.xml"]

    def route(self, path: str, query: str) -> Response:
        if path == "/robots.txt":
            return self.robots()
        if path == "/":
            return html_response(self.home())
        if path == "/feed/":
            return self.feed(None)
        if path == "/wp-sitemap.xml":
            body = ('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                    f"<sitemap><loc>{xesc(self.url('/wp-sitemap-posts-post-1.xml'))}</loc></sitemap></sitemapindex>\n")
            return text_response(body, "application/xml; charset=UTF-8")
        if path == "/wp-sitemap-posts-post-1.xml":
            rows = "".join(f"<url><loc>{xesc(self.url(self.article_path(a)))}</loc>"
                           f"<lastmod>{a.published:%Y-%m-%dT%H:%M:%S}+07:00</lastmod></url>" for a in self.articles)
            body = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                    f"{rows}</urlset>\n")
            return text_response(body, "application/xml; charset=UTF-8")
        if path.startswith("/wp-content/uploads/"):
            if any(a.attachment and self.attachment_path(a) == path for a in self.articles):
                return 200, {"Content-Type": "application/pdf"}, PDF_BODY
            return html_response(NOT_FOUND_HTML, 404)
        parts = [p for p in path.split("/") if p]
        if parts and parts[0] == "category" and len(parts) >= 2 and path.endswith("/"):
            cat = next((c for c in self.CATEGORIES if c.alias == parts[1]), None)
            if cat is None:
                return html_response(NOT_FOUND_HTML, 404)
            if parts[2:] == ["feed"]:
                return self.feed(cat.key)
            page = 1
            if len(parts) == 4 and parts[2] == "page" and parts[3].isdigit():
                page = int(parts[3])
            elif len(parts) != 2:
                page = 0
            if not 1 <= page <= self.pages_of(cat.key) or (len(parts) == 4 and page == 1):
                return html_response(NOT_FOUND_HTML, 404)
            return html_response(self.listing(cat.key, page))
        if len(parts) == 1 and path.endswith("/") and parts[0] in self.by_slug:
            return html_response(self.article(self.by_slug[parts[0]]))
        return html_response(NOT_FOUND_HTML, 404)

    # -- pages ----------------------------------------------------------------------------
    def page(self, title: str, content: str, canonical: str, body_class: str, head_extra: str = "") -> str:
        spec, prof = self.spec, self.profile
        unit_title = spec.name[:1].upper() + spec.name[1:]
        site_title = f"Trang thông tin điện tử {unit_title}"
        menu = "\n".join(
            f'    <li class="menu-item"><a href="{self.url(self.listing_path(c.key))}">{esc(c.title)}</a></li>'
            for c in self.CATEGORIES
        )
        sidebar = "\n".join(f'<li><a href="{esc(self.url(self.article_path(a)))}">{esc(a.title)}</a></li>'
                            for a in self.articles[:5])
        c = self.counts
        return render(
            P, "page.html", page_title=esc(f"{title} – {site_title}"), site_title=esc(site_title),
            base=self.spec.base_url, head_extra=head_extra, canonical=esc(self.url(canonical)),
            body_class=body_class, tagline=esc(f"{spec.district}, {spec.province}"), menu_items=menu,
            content=content, sidebar=sidebar, today=c["today"], total=f"{c['total']:,}".replace(",", "."),
            site_title_upper=esc(site_title.upper()), address=esc(prof.get("address", "")),
            phone=esc(prof.get("phone", "")), email=esc(prof.get("email", "")),
        )

    def summary(self, a: Article) -> str:
        url = esc(self.url(self.article_path(a)))
        return (
            f'<article id="post-{a.id}" class="post-{a.id} post type-post status-publish entry">'
            f'<header class="entry-header"><h2 class="entry-title default-max-width"><a href="{url}">{esc(a.title)}</a></h2></header>'
            f'<div class="entry-content"><p>{esc(a.lead)} <a class="more-link" href="{url}">Đọc tiếp</a></p></div>'
            f'<footer class="entry-footer default-max-width"><span class="posted-on">Đăng ngày <time class="entry-date published updated" '
            f'datetime="{a.published:%Y-%m-%dT%H:%M:%S}+07:00">{a.published:%d/%m/%Y}</time></span></footer></article>'
        )

    def home(self) -> str:
        content = "\n".join(self.summary(a) for a in self.articles[:10])
        return self.page("Trang chủ", content, "/", "home blog")

    def listing(self, key: str, page: int) -> str:
        c = self.category(key)
        links = self.numbered_pager(
            key, page, '<span aria-current="page" class="page-numbers current">{n}</span>',
            '<a class="page-numbers" href="{url}">{n}</a>', sep="", absolute=True,
            prev='<a class="prev page-numbers" href="{url}">Trang trước</a>',
            next_='<a class="next page-numbers" href="{url}">Trang sau</a>')
        content = (
            f'<header class="page-header alignwide"><h1 class="page-title">Chuyên mục: <span>{esc(c.title)}</span></h1></header>\n'
            + "\n".join(self.summary(a) for a in self.page_items(key, page))
            + f'\n<nav class="navigation pagination" aria-label="Phân trang bài viết"><div class="nav-links">{links}</div></nav>'
        )
        return self.page(c.title, content, self.listing_path(key, page), f"archive category category-{c.alias}")

    def article(self, a: Article) -> str:
        c = self.category(a.category)
        attachments = ""
        if a.attachment:
            attachments = (f'<div class="wp-block-file"><a href="{esc(self.url(self.attachment_path(a)))}">'
                           f'{esc(a.attachment)}</a> <a href="{esc(self.url(self.attachment_path(a)))}" '
                           'class="wp-block-file__button" download>Tải về</a></div>')
        idx = self.articles.index(a)
        nav = ""
        if idx + 1 < len(self.articles):
            o = self.articles[idx + 1]
            nav = (f'<div class="nav-previous"><a href="{esc(self.url(self.article_path(o)))}" rel="prev">'
                   f'<p class="meta-nav">Bài viết trước</p><p class="post-title">{esc(o.title)}</p></a></div>')
        iso = f"{a.published:%Y-%m-%dT%H:%M:%S}+07:00"
        content = render(
            P, "article.html", id=a.id, cat=c.alias, title=esc(a.title),
            body=paragraphs_html([a.lead, *a.paragraphs, a.author]), attachments=attachments,
            iso=iso, visible_date=f"{a.published:%d/%m/%Y}", base=self.spec.base_url,
            author="admin", category_url=esc(self.url(self.listing_path(c.key))),
            category=esc(c.title), post_nav=nav,
        )
        head = f'<meta property="article:published_time" content="{iso}" />\n'
        return self.page(a.title, content, self.article_path(a), f"post-template-default single single-post postid-{a.id}", head)

    def feed(self, key: str | None) -> Response:
        items = self.articles if key is None else self.in_category(key)
        rows = "".join(
            f"<item><title>{xesc(a.title)}</title><link>{xesc(self.url(self.article_path(a)))}</link>"
            f"<pubDate>{a.published:%a, %d %b %Y %H:%M:%S} +0700</pubDate><description>{xesc(a.lead)}</description></item>"
            for a in items[:10]
        )
        body = ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
                f"<title>{xesc(self.spec.name)}</title><link>{xesc(self.spec.base_url)}</link>"
                f"<generator>https://wordpress.org/?v=6.6.2</generator>{rows}</channel></rss>")
        return text_response(body, "application/rss+xml; charset=UTF-8")
