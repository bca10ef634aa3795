"""One renderer per platform family, written from ../shared/portals.md as a vendor would, with
the messiness of real portals (mega menus, carousels, side lists, mixed link forms)."""

from __future__ import annotations

import random
from urllib.parse import quote

from .model import WEEKDAYS, WEEKDAYS_CAP, MONTH_WORDS, Article, Category, e, slugify
from .render_base import Renderer, dmy, dmy_hms, iso


def menu_tree(r: Renderer, link=lambda u: u) -> list[tuple[str, str, list[tuple[str, str]], list[tuple[str, str]]]]:
    """(label, url, children, mega articles) of a portal's top menu."""
    s = r.site
    news = [c for c in s.categories if not c.reform]
    reform = s.reform_cats
    mega = [(a.title, link(r.article_url(a))) for a in s.newest(9)]
    return [
        ("Trang chủ", link(r.home_url()), [], []),
        ("Giới thiệu", "#", [("Lịch sử hình thành", "#"), ("Tổ chức bộ máy", "#"), ("Điều kiện tự nhiên", "#")], []),
        ("Tin tức", link(r.listing_url(news[0])) if news else "#",
         [(c.title, link(r.listing_url(c))) for c in s.categories], mega),
        ("Văn bản", "#", [("Văn bản chỉ đạo điều hành", "#"), ("Văn bản dự thảo", "#")], []),
        ("Thủ tục hành chính", "http://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh.html", [], []),
        ("Liên hệ", "#", [], []),
    ] + ([] if len(reform) > 1 else [])


LOGIN = ('<form method="post" class="login"><label>Tên đăng nhập</label><input name="username"/>'
         '<label>Mật khẩu</label><input type="password" name="password"/><button>Đăng nhập</button></form>')


def weekday(d) -> str:
    return WEEKDAYS[d.weekday()]


# ===================================================================== NukeViet 4 default theme

class NukeVietDefault(Renderer):
    """NukeViet 4.5 default theme; news module under /vi/news/, category aliases capitalised."""

    def home_url(self) -> str:
        return "/vi/"

    def listing_url(self, cat, page=1):
        return f"/vi/news/{cat.slug}/" + (f"page-{page}/" if page > 1 else "")

    def article_url(self, a):
        return f"/vi/news/{a.cat.slug}/{a.slug}-{a.id}.html"

    def article_aliases(self, a):
        return [f"/vi/news/print/{a.cat.slug}/{a.slug}-{a.id}.html"]

    def shell(self, title: str, main: str, crumbs: list[tuple[str, str]], side_box: bool) -> str:
        s = self.site
        nav = []
        for label, url, kids, mega in menu_tree(self):
            sub = ""
            if kids or mega:
                cols = "".join(f'<li><a href="{e(u)}" title="{e(k)}">{e(k)}</a></li>' for k, u in kids)
                arts = "".join(f'<li><a href="{e(u)}">{e(k)}</a></li>' for k, u in mega)
                sub = (f'<div class="dropdown-menu mega"><div class="row"><ul class="col-md-6 submenu">{cols}</ul>'
                       f'<ul class="col-md-18 submenu">{arts}</ul></div></div>')
            nav.append(f'<li class="dropdown"><a href="{e(url)}">{e(label)}</a>{sub}</li>')
        crumb = "".join(f'<li><a href="{e(u)}"><span>{e(t)}</span></a></li>' for t, u in crumbs)
        newest = "".join(f'<li class="clearfix"><a href="{e(self.article_url(a))}" title="{e(a.title)}">'
                         f'{e(a.title)}</a></li>' for a in s.newest(6))
        box = self.box_html("tthc") if side_box else ""
        return f"""<!DOCTYPE html>
<html lang="vi" xmlns="http://www.w3.org/1999/xhtml" prefix="og: http://ogp.me/ns#">
<head>
<title>{e(title)}</title>
<meta name="generator" content="NukeViet v4.5">
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<link rel="alternate" href="/vi/news/rss/" title="Tin Tức" type="application/rss+xml">
<link rel="stylesheet" href="/themes/default/css/bootstrap.min.css">
</head>
<body>
<div class="body-bg"><div class="wraper">
<header><div class="container"><div id="header" class="row"><div class="logo col-xs-24 col-sm-24 col-md-8">
<a title="{e(s.site_title)}" href="/vi/"><img src="/uploads/logo.png" alt="{e(s.site_title)}"></a>
<span class="site_name">{e(s.site_title)}</span></div></div></div></header>
<nav class="second-nav" id="menusite"><div class="container"><div class="row"><div class="bg box-shadow">
<ul class="nav navbar-nav">{"".join(nav)}</ul></div></div></div></nav>
<section><div class="container" id="body">
<div class="breadcrumbs-wrap"><div class="display"><ul class="breadcrumbs list-none">
<li><a href="/vi/" title="Trang nhất"><em class="fa fa-lg fa-home">&nbsp;</em>Trang nhất</a></li>{crumb}</ul></div></div>
<div class="row">
<div class="col-sm-16 col-md-18">{main}</div>
<div class="col-sm-8 col-md-6">
<div class="panel panel-primary"><div class="panel-heading">Tin mới</div><div class="panel-body"><ul class="related">{newest}</ul></div></div>
{box}
<div class="panel panel-default"><div class="panel-heading">Thống kê truy cập</div><div class="panel-body">
<ul class="counter list-none display-table"><li><span><em class="fa fa-bolt fa-lg fa-horizon"></em>Đang truy cập</span><span>12</span></li>
<li><span>Hôm nay</span><span>341</span></li><li><span>Tháng hiện tại</span><span>8,452</span></li><li><span>Tổng lượt truy cập</span><span>412,907</span></li></ul>
</div></div></div></div></div></section>
<footer id="footer"><div class="wraper"><div class="container"><p>{e(s.site_title)}</p>
<p>Cơ quan chủ quản: {e(s.unit.ubnd)} - {e(s.unit.district)} - {e(s.unit.province)}</p>
<p>Địa chỉ: Trụ sở {e(s.unit.ubnd)}. Điện thoại: 0271.3822.456</p></div></div></footer>
</div></div></body></html>"""

    def item(self, a: Article, featured: bool) -> str:
        h = "h2" if featured else "h3"
        return f"""<div class="panel panel-default{' featured' if featured else ''}"><div class="panel-body">
<a href="{e(self.article_url(a))}" title="{e(a.title)}"><img alt="{e(a.title)}" src="/assets/news/2024_05/anh-{a.id}.jpg" width="183" class="img-thumbnail pull-left imghome"></a>
<{h}><a href="{e(self.article_url(a))}" title="{e(a.title)}">{e(a.title)}</a></{h}>
<div class="text-muted"><ul class="list-unstyled list-inline">
<li><em class="fa fa-clock-o">&nbsp;</em> {dmy_hms(a.date)}</li>
<li><em class="fa fa-eye">&nbsp;</em> Đã xem: {a.views}</li><li><em class="fa fa-comment-o">&nbsp;</em> Phản hồi: 0</li></ul></div>
{e(a.text.summary)}</div></div>"""

    def pager(self, cat, page, n):
        if n == 1:
            return ""
        lis = []
        if page > 1:
            lis.append(f'<li class="page-item"><a class="page-link" href="{e(self.listing_url(cat, page - 1))}">&laquo;</a></li>')
        for i in range(1, n + 1):
            if i == page:
                lis.append(f'<li class="page-item active"><a class="page-link" href="javascript:void(0)">{i}</a></li>')
            else:
                lis.append(f'<li class="page-item"><a class="page-link" href="{e(self.listing_url(cat, i))}">{i}</a></li>')
        if page < n:
            lis.append(f'<li class="page-item"><a class="page-link" href="{e(self.listing_url(cat, page + 1))}">&raquo;</a></li>')
        return f'<div class="text-center"><ul class="pagination">{"".join(lis)}</ul></div>'

    def home(self):
        s = self.site
        slides = "".join(f'<div class="item"><a href="{e(self.abs(self.article_url(a)))}"><img src="/uploads/slide{i}.jpg" alt="">'
                         f'<div class="carousel-caption">{e(a.title)}</div></a></div>'
                         for i, a in enumerate(self.featured()))
        blocks = []
        for c in s.categories:
            items = s.in_cat(c)[:3]
            lis = "".join(f'<li><a href="{e(self.article_url(a))}">{e(a.title)}</a> <span class="text-muted">({dmy(a.date)})</span></li>'
                          for a in items)
            blocks.append(f'<div class="panel panel-default"><div class="panel-heading"><a href="{e(self.listing_url(c))}">{e(c.title)}</a></div>'
                          f'<div class="panel-body"><ul class="news-list">{lis}</ul></div></div>')
        main = (f'<div id="slider" class="carousel slide"><h2 class="hidden">Tin nổi bật</h2><div class="carousel-inner">{slides}</div></div>'
                + "".join(blocks))
        return self.shell(f"{s.site_title}", main, [], self.box_on("home"))

    def listing(self, cat, page, items, n):
        main = ('<div class="news_column">' + "".join(self.item(a, i == 0 and page == 1) for i, a in enumerate(items))
                + "</div>" + self.pager(cat, page, n))
        return self.shell(f"{cat.title} - Trang {page}", main, [("Tin tức", "/vi/news/"), (cat.title, self.listing_url(cat))],
                          self.box_on("listing"))

    def article(self, a):
        older = "".join(f'<li><a href="{e(self.article_url(x))}" title="{e(x.title)}"><h4>{e(x.title)}</h4></a> <em>({dmy(x.date)})</em></li>'
                        for x in self.related(a))
        main = f"""<div class="news_column panel panel-default" itemtype="http://schema.org/NewsArticle" itemscope>
<div class="panel-body">
<h1 class="title margin-bottom-lg" itemprop="headline">{e(a.title)}</h1>
<div class="row margin-bottom-lg"><div class="col-md-12"><span class="h5">{weekday(a.date)} - {a.date:%d/%m/%Y %H:%M}</span></div></div>
<span class="hidden hide d-none" itemprop="datePublished">{iso(a.date)}</span>
<div class="clearfix"><div class="hometext m-bottom" itemprop="description">{e(a.text.summary)}</div></div>
<div id="news-bodyhtml" class="bodytext margin-bottom-lg">{self.body_html(a)}</div>
<div class="margin-bottom-lg"><p class="h5 text-right"><strong>Tác giả: </strong>Hoàng Văn Hải</p></div>
</div></div>
<div class="news_column panel panel-default"><div class="panel-body"><div id="stringrating">Tổng số điểm của bài viết là: 0 trong 0 đánh giá</div>
<span id="hover-test">Click để đánh giá bài viết</span></div></div>
<div class="news_column panel panel-default"><div class="panel-body"><p class="h3"><strong>Những tin cũ hơn</strong></p>
<ul class="detail-related">{older}</ul></div></div>"""
        return self.shell(a.title, main, [("Tin tức", "/vi/news/"), (a.cat.title, self.listing_url(a.cat))],
                          self.box_on("article"))

    def extras(self):
        s = self.site
        self.routes["/"] = self.routes["/vi/"]
        main = '<div class="news_column">' + "".join(self.item(a, i == 0) for i, a in enumerate(s.newest(8))) + "</div>"
        self.add("/vi/news/", self.shell("Tin Tức", main, [("Tin Tức", "/vi/news/")], False), kind="listing")
        self.robots("Disallow: /vi/news/print/\nDisallow: /vi/users/\n", "/sitemap.xml")
        items = "".join(f"<item><title>{e(a.title)}</title><link>{self.abs(self.article_url(a))}</link>"
                        f"<guid isPermaLink=\"false\">news_{a.id}</guid><pubDate>{a.date:%a, %d %b %Y} 08:{a.date.month:02d}:00 GMT</pubDate></item>"
                        for a in s.newest(20))
        self.add("/vi/news/rss/", f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Tin Tức</title>'
                 f'<link>{self.abs("/vi/news/")}</link><generator>NukeViet v4.0</generator>{items}</channel></rss>',
                 ctype="application/rss+xml; charset=utf-8", kind="feed")
        self.add("/sitemap.xml", f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                 f'<sitemap><loc>{self.abs("/sitemap-vi.news.xml")}</loc></sitemap></sitemapindex>',
                 ctype="application/xml; charset=utf-8", kind="sitemap")
        urls = "".join(f"<url><loc>{self.abs(self.article_url(a))}</loc><lastmod>{a.date:%Y-%m-%d}</lastmod></url>" for a in s.articles)
        self.add("/sitemap-vi.news.xml", f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>',
                 ctype="application/xml; charset=utf-8", kind="sitemap")


# ===================================================================== NukeViet eGov theme

class NukeVietEgov(Renderer):
    """NukeViet eGovernment theme; news is the default module (no /news/ segment, no language)."""

    def home_url(self):
        return "/"

    def listing_url(self, cat, page=1):
        return f"/{cat.slug}/" + (f"page-{page}/" if page > 1 else "")

    def article_url(self, a):
        return f"/{a.cat.slug}/{a.slug}-{a.id}.html"

    def ampm(self, d):
        return d.strftime("%d/%m/%Y %I:%M:%S %p")

    def shell(self, title, main, crumbs, where):
        s = self.site
        nav = []
        for label, url, kids, mega in menu_tree(self):
            sub = "".join(f'<li><a href="{e(u)}">{e(k)}</a></li>' for k, u in kids + mega)
            cls = ' class="dropdown"' if sub else ""
            nav.append(f'<li{cls}><a href="{e(url)}">{e(label)}</a>'
                       + (f'<ul class="dropdown-menu">{sub}</ul>' if sub else "") + "</li>")
        crumb = "".join(f'<li itemprop="itemListElement"><a href="{e(u)}" itemprop="item"><span itemprop="name">{e(t)}</span></a></li>' for t, u in crumbs)
        hot = "".join(f'<li><a href="{e(self.abs(self.article_url(a)))}">{e(a.title)}</a></li>' for a in self.site.newest(5))
        box = self.box_html("egov-tthc") if self.box_on(where) else ""
        return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{e(title)}</title>
<meta name="generator" content="NukeViet v4.5"><meta name="author" content="{e(s.site_title)}"></head>
<body><div id="wrapper">
<div class="header-top"><div class="container"><span>Thứ Năm, 21/11/2024</span> | <a href="/users/login/">Đăng nhập</a></div></div>
<div id="banner"><div class="container"><h1 class="site-title">{e(s.site_title)}</h1><p>{e(s.unit.province.upper())}</p></div></div>
<div id="nav"><div class="container"><ul class="egov-menu">{"".join(nav)}</ul></div></div>
<div class="container"><div class="breadcrumbs-wrap"><ul class="breadcrumbs temp-breadcrumbs" itemscope itemtype="https://schema.org/BreadcrumbList">
<li><a href="/">Trang chủ</a></li>{crumb}</ul></div>
<div class="row"><div class="col-md-17 col-main">{main}</div>
<aside class="col-md-7"><div class="egov-block"><div class="egov-block-title">Tin đọc nhiều</div><ul class="egov-list">{hot}</ul></div>{box}
<div class="egov-block"><div class="egov-block-title">Liên kết</div><a href="http://dichvucong.gov.vn/">Cổng Dịch vụ công Quốc gia</a></div></aside></div></div>
<div id="footer"><div class="container">{e(s.site_title)}<br>Địa chỉ: số 8 đường Phạm Văn Đồng, {e(s.unit.name)}<br>Ghi rõ nguồn khi phát hành lại thông tin từ website này.</div></div>
</div></body></html>"""

    def home(self):
        s = self.site
        top = self.featured(4)
        hot = (f'<div class="egov-hot"><div class="hot-main"><a href="{e(self.article_url(top[0]))}"><img src="/uploads/news/2024_10/h.jpg" alt=""></a>'
               f'<h2><a href="{e(self.article_url(top[0]))}">{e(top[0].title)}</a></h2><p>{e(top[0].text.summary)}</p></div>'
               '<ul class="hot-others">' + "".join(f'<li><a href="{e(self.article_url(a))}">{e(a.title)}</a></li>' for a in top[1:]) + "</ul></div>")
        cols = []
        for c in s.categories:
            items = s.in_cat(c)[:4]
            cols.append(f'<div class="egov-cat"><div class="egov-cat-title"><a href="{e(self.listing_url(c))}">{e(c.title.upper())}</a></div><ul>'
                        + "".join(f'<li><a href="{e(self.article_url(a))}">{e(a.title)}</a></li>' for a in items) + "</ul></div>")
        return self.shell(s.site_title, hot + "".join(cols), [], "home")

    def listing(self, cat, page, items, n):
        rows = "".join(f"""<div class="panel panel-default"><div class="panel-body">
<h3><a href="{e(self.article_url(a))}" title="{e(a.title)}">{e(a.title)}</a></h3>
<ul class="list-inline text-muted"><li><em class="fa fa-clock-o"></em> {self.ampm(a.date)}</li><li>Đã xem: {a.views}</li><li>Phản hồi: 0</li></ul>
<p>{e(a.text.summary)}</p><p class="viewmore"><a href="{e(self.article_url(a))}">Xem tiếp</a></p></div></div>""" for a in items)
        pager = ""
        if n > 1:
            lis = [f'<li class="page-item{" active" if i == page else ""}"><a class="page-link" href="{"javascript:void(0)" if i == page else e(self.listing_url(cat, i))}">{i}</a></li>'
                   for i in range(1, n + 1)]
            if page < n:
                lis.append(f'<li class="page-item"><a class="page-link" href="{e(self.listing_url(cat, page + 1))}">&raquo;</a></li>')
            pager = f'<ul class="pagination">{"".join(lis)}</ul>'
        main = f'<div class="news_column"><h2 class="cat-title">{e(cat.title)}</h2>{rows}</div>{pager}'
        return self.shell(cat.title, main, [(cat.title, self.listing_url(cat))], "listing")

    def article(self, a):
        others = "".join(f'<li><a href="{e(self.article_url(x))}">{e(x.title)}</a> <em>({dmy(x.date)})</em></li>' for x in self.related(a))
        main = f"""<div class="news_column panel panel-default newsdetail"><div class="panel-body">
<h1 class="title">{e(a.title)}</h1>
<div class="newsdetailmetatop"><span><em class="fa fa-clock-o"></em> {weekday(a.date)} - {a.date:%d/%m/%Y %H:%M}</span>
<span><em class="fa fa-eye"></em> {a.views}</span><span><em class="fa fa-comments"></em> 0</span></div>
<div class="hometext"><strong>{e(a.text.summary)}</strong></div>
<div id="news-bodyhtml" class="bodytext">{self.body_html(a)}</div>
<p class="h5 text-right">Nguồn tin: Văn phòng HĐND - UBND</p></div></div>
<div class="panel panel-default"><div class="panel-heading">Các tin khác</div><ul class="detail-related">{others}</ul></div>"""
        return self.shell(a.title, main, [(a.cat.title, self.listing_url(a.cat))], "article")

    def extras(self):
        self.robots("Disallow: /users/\n")
        self.add("/users/login/", self.shell("Đăng nhập", LOGIN, [("Thành viên", "/users/")], "login"), kind="login")


# ===================================================================== Tân Dân "Trang"

class TrangStyle(Renderer):
    """Tân Dân SharePoint "Trang": listings /Trang/ChuyenMuc.aspx?Cat=N (query string), pager
    links relative to /Trang/, articles ChiTietTinTuc.aspx?nid=&title=; IIS (case-insensitive)."""

    def first_page_alias(self, cat):
        return f"/Trang/ChuyenMuc.aspx?Cat={cat.num}&Page=1"

    def home_url(self):
        return "/Trang/Default.aspx"

    def listing_url(self, cat, page=1):
        return f"/Trang/ChuyenMuc.aspx?Cat={cat.num}" + (f"&Page={page}" if page > 1 else "")

    def article_url(self, a):
        return f"/Trang/ChiTietTinTuc.aspx?nid={a.id}&title={a.slug}.html"

    def article_aliases(self, a):
        return [f"/Trang/ChiTietTinTuc.aspx?nid={a.id}"]

    def short(self, a):
        return f"/Trang/ChiTietTinTuc.aspx?nid={a.id}"

    def shell(self, title, main, where):
        s = self.site
        menu = []
        for label, url, kids, mega in menu_tree(self):
            sub = "".join(f'<a href="{e(u)}">{e(k)}</a>' for k, u in kids)
            megas = "".join(f'<li><a href="{e(self.short_from(u))}">{e(k)}</a></li>' for k, u in mega)
            menu.append(f'<td class="menu-td"><a class="menu-top" href="{e(url)}">{e(label)}</a>'
                        + (f'<div class="menu-sub">{sub}<ul class="menu-news">{megas}</ul></div>' if sub else "") + "</td>")
        box = self.box_html("tthc-box") if self.box_on(where) else ""
        latest = "".join(f'<li><a href="ChiTietTinTuc.aspx?nid={a.id}">{e(a.title)}</a></li>' for a in s.newest(6))
        name = s.unit.name.upper()
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html dir="ltr" lang="vi-VN"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"/>
<title>{e(title)}</title><meta name="GENERATOR" content="Microsoft SharePoint"/></head>
<body><form method="post" action="" id="aspnetForm">
<div class="aspNetHidden"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUBMA9kFgJmD2QWAgIBD2QWAgIB"/></div>
<div id="s4-ribbonrow"></div>
<div class="banner"><img src="/PublishingImages/banner.jpg" alt="banner"/><div class="ten-xa">{e(s.site_title)} - {e(s.unit.district.upper())}</div></div>
<table class="menu-ngang" cellspacing="0"><tr>{"".join(menu)}</tr></table>
<div class="main-wrap"><table width="100%"><tr>
<td class="cot-trai" valign="top">{main}</td>
<td class="cot-phai" valign="top" width="260">{box}
<div class="tin-moi"><div class="tin-moi-title">TIN MỚI CẬP NHẬT</div><ul>{latest}</ul></div>
<div class="lienket"><a href="http://dichvucong.haiduong.gov.vn"><img src="/HinhAnhBaiViet/dvc.png" alt="Dịch vụ công"/></a></div>
</td></tr></table></div>
<div class="footer"><p>TRANG THÔNG TIN ĐIỆN TỬ {e(name)} - {e(s.unit.district.upper())}</p>
<p>Trưởng Ban Biên tập: Nguyễn Văn Thịnh</p><p>Địa chỉ: {e(s.unit.name)}, {e(s.unit.district)}, {e(s.unit.province)}</p>
<p>Điện thoại: 0220.3786.112 - Email: ngoclien.cg@haiduong.gov.vn</p>
<div class="counter">Đang truy cập: 3 &nbsp; Hôm nay: 57 &nbsp; Tất cả: 5,971</div></div>
</form></body></html>"""

    def short_from(self, url):
        return url.split("&title=")[0]

    def home(self):
        s = self.site
        slides = "".join(f'<li><a href="ChiTietTinTuc.aspx?nid={a.id}&amp;title={a.slug}.html"><img src="/HinhAnhBaiViet/{a.id}.jpg"/></a>'
                         f'<a class="slide-title" href="ChiTietTinTuc.aspx?nid={a.id}&amp;title={a.slug}.html">{e(a.title)}</a></li>' for a in self.featured())
        blocks = []
        for c in s.categories:
            items = s.in_cat(c)[:4]
            lis = "".join(f'<li><a href="{e(self.article_url(a))}">{e(a.title)}</a></li>' for a in items)
            blocks.append(f'<div class="khoi-tin"><div class="khoi-tin-title"><a href="{e(self.listing_url(c))}">{e(c.title.upper())}</a></div><ul>{lis}</ul></div>')
        main = f'<div class="tin-noi-bat"><div class="tnb-title">TIN NỔI BẬT</div><ul class="slider">{slides}</ul></div>{"".join(blocks)}'
        return self.shell(f"Trang chủ - {s.site_title}", main, "home")

    def listing(self, cat, page, items, n):
        rows = "".join(f"""<div class="row-tin"><a href="{e(self.article_url(a))}"><img class="anh-tin" src="/HinhAnhBaiViet/{a.id}.jpg" alt="anh tin bai"/></a>
<div class="noi-dung-tin"><a class="tieu-de" href="{e(self.article_url(a))}">{e(a.title)}</a>
<div class="ngay">{dmy_hms(a.date)}</div><div class="tom-tat">{e(a.text.summary)}</div></div></div>""" for a in items)
        links = []
        for i in range(1, n + 1):
            href = f"ChuyenMuc.aspx?Cat={cat.num}&amp;Page={i}"
            links.append(f"<span>{i}</span>" if i == page else f'<a href="{href}">{i}</a>')
        if page < n:
            links.append(f'<a href="ChuyenMuc.aspx?Cat={cat.num}&amp;Page={page + 1}">Sau »</a>')
        pager = f'<div class="phan-trang">Trang: {" ".join(links)}</div>' if n > 1 else ""
        main = f'<div class="ten-chuyen-muc">{e(cat.title.upper())}</div><div class="ds-tin">{rows}</div>{pager}'
        return self.shell(cat.title, main, "listing")

    def article(self, a):
        others = "".join(f'<li><a href="{e(self.short(x))}">{e(x.title)}</a> ({dmy(x.date)})</li>' for x in self.related(a))
        main = f"""<div class="ten-chuyen-muc">{e(a.cat.title.upper())}</div>
<div class="chi-tiet"><div class="tieu-de-ct">{e(a.title)}</div><div class="ngay-ct">{dmy_hms(a.date)}</div>
<div class="noi-dung-ct"><p><strong>{e(a.text.summary)}</strong></p>{self.body_html(a)}<p style="text-align:right">VT.</p></div></div>
<div class="tin-khac"><div class="tin-khac-title">CÁC TIN KHÁC</div><ul>{others}</ul></div>"""
        return self.shell(a.title, main, "article")

    def extras(self):
        self.redirect("/", "/Trang/Default.aspx")
        self.robots()


# ===================================================================== Tân Dân "portal/Pages"

class PortalPagesStyle(Renderer):
    """Tân Dân portal/Pages: dated article paths with a random suffix, pager by ?PageIndex=
    query-only links after span.CurrentPage, side lists in lower-case 'pages'."""

    def first_page_alias(self, cat):
        return self.listing_url(cat) + "?PageIndex=1"

    def home_url(self):
        return "/portal/Pages/default.aspx"

    def listing_url(self, cat, page=1):
        return f"/portal/Pages/{cat.slug}.aspx" + (f"?PageIndex={page}" if page > 1 else "")

    def suffix(self, a):
        r = random.Random(a.id)
        return "".join(r.choice("abcdefghijkmnpqrstuvwxyz0123456789") for _ in range(7))

    def article_url(self, a):
        slug = slugify(a.title, keep_case=True)[:48].rstrip("-")
        return f"/portal/Pages/{a.date.year}-{a.date.month}-{a.date.day}/{slug}{self.suffix(a)}.aspx"

    def lower(self, a):
        return self.article_url(a).replace("/portal/Pages/", "/portal/pages/")

    def shell(self, title, main, where):
        s = self.site
        menu = "".join(f'<li class="tandan-li-menu"><a href="{e(u)}">{e(l)}</a>'
                       + ("<ul>" + "".join(f'<li><a href="{e(x)}">{e(k)}</a></li>' for k, x in kids) + "</ul>" if kids else "")
                       + "</li>" for l, u, kids, _ in menu_tree(self))
        box = self.box_html("tandan-thongke") if self.box_on(where) else ""
        side = "".join(f'<li><a href="{e(self.lower(a))}">{e(a.title)}</a></li>' for a in s.newest(6))
        return f"""<!DOCTYPE html><html><head><meta http-equiv="X-UA-Compatible" content="IE=10"/><meta charset="utf-8"/><title>
	{e(title)} - CỔNG THÔNG TIN ĐIỆN TỬ {e(s.unit.name.upper())}
</title></head><body><form name="aspnetForm" method="post" id="aspnetForm">
<div id="tandan-div-header"><a href="/portal/Pages/default.aspx"><img src="/portal/PublishingImages/logo.png" alt=""/></a><span>{e(s.site_title)}</span></div>
<div class="tandan-div-menu"><ul>{menu}</ul></div>
<div class="tandan-div-marquee"><marquee>Chào mừng Đại hội Đảng bộ các cấp nhiệm kỳ 2025 - 2030</marquee></div>
<div class="tandan-div-body"><div class="tandan-div-left">{main}</div>
<div class="tandan-div-right">{box}<div class="tandan-div-module"><p class="tandan-p-module-title">Tin mới</p><ul>{side}</ul></div></div></div>
<div class="tandan-div-footer">Cơ quan chủ quản: {e(s.unit.ubnd)}<br/>Địa chỉ: {e(s.unit.name)}, {e(s.unit.district)}, {e(s.unit.province)}</div>
</form></body></html>"""

    def home(self):
        s = self.site
        top = self.featured(4)
        first = f'<div class="tandan-hot-first"><a href="{e(self.article_url(top[0]))}">{e(top[0].title)}</a><p>{e(top[0].text.summary)}</p></div>'
        rest = "".join(f'<li><a href="{e(self.lower(a))}">{e(a.title)}</a></li>' for a in top[1:])
        cats = "".join(f'<div class="tandan-div-module-cat"><p class="tandan-p-cat-title"><a href="{e(self.listing_url(c))}">{e(c.title)}</a></p><ul>'
                       + "".join(f'<li><a href="{e(self.article_url(a))}">{e(a.title)}</a></li>' for a in s.in_cat(c)[:3]) + "</ul></div>"
                       for c in s.categories)
        return self.shell("Trang chủ", f'<div class="tandan-div-hot">{first}<ul>{rest}</ul></div>{cats}', "home")

    def listing(self, cat, page, items, n):
        rows = "".join(f"""<div class="tandan-div-news-row"><img src="/portal/Photos/{a.date:%Y-%m-%d}/{a.id}.jpg" alt=""/>
<p class="tandan-p-row-title"><a href="{e(self.article_url(a))}">{e(a.title)}</a></p>
<span class="tandan-span-row-date">Đăng ngày {a.date:%d - %m - %Y}</span><p class="tandan-p-row-sum">{e(a.text.summary)}</p></div>""" for a in items)
        pager = ""
        if n > 1:
            parts = []
            for i in range(1, n + 1):
                parts.append(f'<span class="CurrentPage">{i}</span>' if i == page else f'<a href="?PageIndex={i}">{i}</a>')
            if page < n:
                parts.append(f'<a href="?PageIndex={page + 1}">Tiếp</a>')
            pager = f'<div class="tandan-div-paging">{" ".join(parts)}</div>'
        main = f'<div class="tandan-div-cat-title">{e(cat.title)}</div>{rows}{pager}'
        return self.shell(cat.title, main, "listing")

    def article(self, a):
        others = "".join(f'<li><a href="{e(self.lower(x))}">{e(x.title)}</a> <span>({dmy(x.date)})</span></li>' for x in self.related(a))
        main = f"""<div class="tandan-div-article"><h2 class="tandan-title-view">{e(a.title)}</h2>
<span class="tandan-span-date-publish">Đăng ngày {a.date:%d - %m - %Y}</span> <span class="tandan-view">Lượt xem: {a.views}</span> <span class="zoom">100%</span>
<p class="tandan-p-article-news-summary">{e(a.text.summary)}</p>
<div class="tandan-p-article-main"><div class="ms-rtestate-field">{self.body_html(a)}</div></div>
<div class="td-tags">Từ khóa: <a href="#">cải cách hành chính</a></div></div>
<div class="tandan-div-article-other"><p class="tandan-p-article-other">Tin khác</p><ul>{others}</ul></div>"""
        return self.shell(a.title, main, "article")

    def extras(self):
        self.redirect("/", "/portal/Pages/default.aspx")
        self.robots()


# ===================================================================== Liferay asset publisher

class LiferayAP(Renderer):
    """Liferay 6.2 asset publisher pages; pager ul.pager.lfr-pagination-buttons (no active
    item), article links with and without ?redirect=."""

    inst = "101_INSTANCE_Xy7pQkLmN3aB"

    def home_url(self):
        return "/web/guest/trang-chu"

    def listing_url(self, cat, page=1):
        if page == 1:
            return f"/web/guest/{cat.slug}"
        p = self.inst
        return (f"/web/guest/{cat.slug}?p_p_id={p}&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view"
                f"&p_p_col_id=column-2&p_p_col_count=1&_{p}_delta=4&_{p}_keywords=&_{p}_advancedSearch=false"
                f"&_{p}_andOperator=true&p_r_p_564233524_resetCur=false&_{p}_cur={page}")

    def article_url(self, a):
        return f"/web/guest/{a.cat.slug}/-/asset_publisher/Xy7pQkLmN3aB/content/{a.slug}"

    def article_aliases(self, a):
        return [self.redirected(a)]

    def redirected(self, a):
        return self.article_url(a) + "?redirect=" + quote(f"/web/guest/{a.cat.slug}", safe="") + "&inheritRedirect=true"

    def shell(self, title, main, where):
        s = self.site
        nav = "".join(f'<li class="lfr-nav-item"><a href="{e(u)}"><span>{e(l)}</span></a>'
                      + ('<ul class="child-menu">' + "".join(f'<li><a href="{e(x)}">{e(k)}</a></li>' for k, x in kids) + "</ul>" if kids else "")
                      + "</li>" for l, u, kids, _ in menu_tree(self))
        return f"""<!DOCTYPE html><html class="aui ltr" dir="ltr" lang="vi-VN"><head><title>{e(title)} - {e(s.site_title)}</title>
<meta content="text/html; charset=UTF-8" http-equiv="content-type"/></head>
<body class="yui3-skin-sam controls-visible guest-site signed-out public-page site">
<a href="#main-content" id="skip-to-content">Tới nội dung</a>
<div class="container-fluid" id="wrapper"><header id="banner" role="banner"><div id="heading"><h1 class="site-title">
<a class="logo custom-logo" href="/web/guest/trang-chu" title="Tới {e(s.site_title)}"><img alt="" src="/image/company_logo"/></a>
<span class="site-name">{e(s.site_title)}</span></h1></div>
<nav class="sort-pages modify-pages" id="navigation" role="navigation"><ul aria-label="Trang Site" role="menubar">{nav}</ul></nav></header>
<div id="content"><div class="columns-2" id="main-content" role="main"><div class="portlet-layout row-fluid">
<div class="portlet-column portlet-column-first span8" id="column-1">{main}</div>
<div class="portlet-column portlet-column-last span4" id="column-2">
<div class="portlet-boundary"><section class="portlet"><header class="portlet-topper"><h1 class="portlet-title"><span class="portlet-title-text">Liên kết website</span></h1></header>
<div class="portlet-content"><select><option>-- Liên kết --</option><option>Cổng TTĐT tỉnh Quảng Trị</option></select></div></section></div></div>
</div></div></div>
<footer id="footer" role="contentinfo"><p>{e(s.site_title)}</p><p>Chịu trách nhiệm: Chánh Văn phòng HĐND và UBND {e(s.unit.name)}</p></footer></div></body></html>"""

    def portlet(self, title, body):
        return (f'<div class="portlet-boundary portlet-boundary_101_ portlet-asset-publisher" id="p_p_id_{self.inst}_">'
                f'<section class="portlet"><header class="portlet-topper"><h1 class="portlet-title"><span class="portlet-title-text">{e(title)}</span></h1></header>'
                f'<div class="portlet-content"><div class="portlet-body">{body}</div></div></section></div>')

    def home(self):
        s = self.site
        parts = []
        for c in s.categories:
            lis = "".join(f'<li class="list-group-item"><p class="list-group-title"><a href="{e(self.redirected(a))}">{e(a.title)}</a></p>'
                          f'<p class="list-group-subtitle">({dmy(a.date)})</p></li>' for a in s.in_cat(c)[:4])
            parts.append(self.portlet(c.title, f'<ul class="list-group">{lis}</ul><div class="asset-more"><a href="{e(self.listing_url(c))}">Xem thêm »</a></div>'))
        slides = "".join(f'<div class="carousel-item"><a href="{e(self.redirected(a))}"><img src="/documents/10181/0/{a.id}.jpg" alt="{e(a.title)}"/></a></div>' for a in self.featured())
        return self.shell("Trang chủ", self.portlet("Tin nổi bật", f'<div class="carousel">{slides}</div>') + "".join(parts), "home")

    def listing(self, cat, page, items, n):
        rows = "".join(f"""<div class="asset-abstract"><div class="lfr-meta-actions asset-actions"></div>
<h3 class="asset-title"><a href="{e(self.article_url(a))}"><img alt="" src="/html/icons/default.png"/>{e(a.title)}</a></h3>
<div class="asset-metadata"><span class="metadata-entry metadata-publish-date">({dmy(a.date)})</span></div>
<div class="asset-content"><div class="asset-summary">{e(a.text.summary)}</div>
<div class="asset-more"><a href="{e(self.redirected(a))}">Xem tiếp <span class="hide-accessible">về {e(a.title)}</span> »</a></div></div></div>""" for a in items)

        def li(label, target, enabled):
            if not enabled:
                return f'<li class="disabled"><a href="javascript:;">{label}</a></li>'
            return f'<li><a href="{e(self.listing_url(cat, target))}">{label}</a></li>'
        pager = ""
        if n > 1:
            pager = (f'<div class="taglib-page-iterator" id="_{self.inst}_ocerSearchContainerPageIterator">'
                     f'<div class="clearfix lfr-pagination"><small class="search-results">Hiển thị {(page - 1) * 4 + 1} - {(page - 1) * 4 + len(items)} trong {len(self.site.in_cat(cat))} kết quả.</small>'
                     f'<ul class="pager lfr-pagination-buttons">{li("&larr; Đầu", 1, page > 1)}{li("Trước", page - 1, page > 1)}'
                     f'{li("Tiếp", page + 1, page < n)}{li("Cuối &rarr;", n, page < n)}</ul></div></div>')
        return self.shell(cat.title, self.portlet(cat.title, rows + pager), "listing")

    def article(self, a):
        others = "".join(f'<li class="list-group-item"><p class="list-group-title"><a href="{e(self.redirected(x))}">{e(x.title)}</a></p>'
                         f'<p class="list-group-subtitle">({dmy(x.date)})</p></li>' for x in self.related(a))
        body = f"""<div class="taglib-header"><span class="header-back-to"><a class="icon-circle-arrow-left previous-level" href="/web/guest/{a.cat.slug}" title="Quay lại"><span class="helper-hidden-accessible">Quay lại</span></a></span>
<h3 class="header-title"><span>{e(a.title)}</span></h3></div>
<div class="asset-full-content default-asset-publisher show-asset-title">
<div class="asset-metadata"><span class="metadata-entry metadata-publish-date">{dmy(a.date)}</span> <span class="view-count-info">Lượt xem: {a.views}</span></div>
<div class="asset-content" id="_{self.inst}_{a.id}"><div class="journal-content-article"><p><strong>{e(a.text.summary)}</strong></p>{self.body_html(a)}</div></div></div>"""
        return self.shell(a.title, self.portlet(a.cat.title, body) + self.portlet("Tin khác", f'<ul class="list-group">{others}</ul>'), "article")

    def extras(self):
        self.redirect("/", "/web/guest/trang-chu")
        self.redirect("/web/guest", "/web/guest/trang-chu")
        self.robots("Disallow: /c/\n")


# ===================================================================== VNPT ePortal (Thanh Hóa)

class VnptPortal(Renderer):
    """VNPT ePortal on Liferay: friendly /web/trang-chu/<cat path>/<slug>.html, dsnews portlet
    with _cur/_delta pager, "Đăng lúc: HH:mm:ss dd/MM/yyyy (GMT+7)"."""

    inst = "dsnews_WAR_vnpteportalnewsportlet_INSTANCE_k8Ye2"

    def home_url(self):
        return "/web/trang-chu"

    def listing_url(self, cat, page=1):
        base = f"/web/trang-chu/tin-tuc-su-kien/{cat.slug}"
        if page == 1:
            return base
        p = self.inst
        return f"{base}?p_p_id={p}&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view&_{p}_delta=4&_{p}_cur={page}"

    def article_url(self, a):
        return f"/web/trang-chu/tin-tuc-su-kien/{a.cat.slug}/{a.slug}.html"

    def shell(self, title, main, where):
        s = self.site
        nav = "".join(f'<li><a href="{e(self.proto_rel(u) if u.startswith("/") else u)}">{e(l)}</a>'
                      + ("<ul>" + "".join(f'<li><a href="{e(x)}">{e(k)}</a></li>' for k, x in kids + mega) + "</ul>" if kids else "")
                      + "</li>" for l, u, kids, mega in menu_tree(self))
        box = self.box_html("thongke-tthc") if self.box_on(where) else ""
        return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="UTF-8"/><title>{e(title)}</title></head><body>
<div class="welcome">Chào mừng bạn đến với Trang thông tin điện tử {e(s.unit.cap)} - TP.Thanh Hóa</div>
<div class="header"><img src="/o/vnpt-theme/images/banner.png" alt="banner"/></div>
<div class="main-menu"><ul>{nav}</ul></div>
<div class="container"><div class="row"><div class="col-md-8">{main}</div><div class="col-md-4">{box}
<div class="portlet-boundary"><div class="portlet-title">Video</div><div class="portlet-body"><iframe src="about:blank"></iframe></div></div></div></div></div>
<div class="footer">Cơ quan chủ quản: {e(s.unit.ubnd)} - Thành phố Thanh Hóa<br/>Thiết kế bởi VNPT Thanh Hóa</div></body></html>"""

    def home(self):
        s = self.site
        cols = []
        for c in s.categories:
            items = s.in_cat(c)[:3]
            cols.append(f'<div class="portlet-boundary" id="p_p_id_{self.inst}_"><div class="portlet-title"><a href="{e(self.listing_url(c))}">{e(c.title)}</a></div><div class="portlet-body">'
                        + "".join(f'<div><h2><a href="{e(self.article_url(a))}">{e(a.title)}</a></h2><a href="{e(self.article_url(a))}"><img src="/documents/{a.id}.jpg"/></a></div>' for a in items)
                        + "</div></div>")
        hot = "".join(f'<li><a href="{e(self.abs(self.article_url(a)))}">{e(a.title)}</a></li>' for a in self.featured())
        return self.shell("Trang chủ", f'<div class="tin-noi-bat"><div class="portlet-title">Tin nổi bật</div><ul class="slide">{hot}</ul></div>' + "".join(cols), "home")

    def listing(self, cat, page, items, n):
        p = self.inst
        rows = "".join(f'<div class="row news-row"><div class="col-4"><a href="{e(self.article_url(a))}"><img src="/documents/{a.id}.jpg"/></a></div>'
                       f'<div class="col-8"><h2><a href="{e(self.article_url(a))}">{e(a.title)}</a></h2><span class="news-date">({dmy(a.date)})</span><p>{e(a.text.summary)}</p></div></div>'
                       for a in items)
        pager = ""
        if n > 1:
            lis = "".join(f'<li class="active"><a href="javascript:;">{i}</a></li>' if i == page else
                          f'<li><a href="{e(self.listing_url(cat, i))}">{i}</a></li>' for i in range(1, n + 1))
            if page < n:
                lis += f'<li><a href="{e(self.listing_url(cat, page + 1))}">Sau</a></li><li><a href="{e(self.listing_url(cat, n))}">Cuối</a></li>'
            pager = f'<div id="_{p}_ocerSearchContainerPageIterator"><ul>{lis}</ul></div>'
        return self.shell(cat.title, f'<div class="portlet-boundary" id="p_p_id_{p}_"><div class="portlet-title">{e(cat.title)}</div><div class="portlet-body">{rows}{pager}</div></div>', "listing")

    def article(self, a):
        others = "".join(f'<li><a href="{e(self.article_url(x))}">{e(x.title)}</a></li>' for x in self.related(a))
        main = f"""<div class="news-detail"><h1 class="news-title">{e(a.title)}</h1>
<div class="news-meta">Đăng lúc: {a.date:%H:%M:%S %d/%m/%Y} (GMT+7)</div><div class="zoom">100%</div>
<div class="news-content"><p><b>{e(a.text.summary)}</b></p>{self.body_html(a)}</div></div>
<div class="news-other"><h3>Tin cùng chuyên mục</h3><ul>{others}</ul></div>"""
        return self.shell(a.title, main, "article")

    def extras(self):
        self.redirect("/", "/web/trang-chu")
        self.robots()


# ===================================================================== SharePoint Lists

class SharePointLists(Renderer):
    """SharePoint 2013 "Lists": View_Detail.aspx?ItemID=, listing Pages/chuyenmuc.aspx?ChuyenMucID=
    with &page=N, ctl00_ web-part ids, "Skip Ribbon Commands"."""

    wp = "ctl00_SPWebPartManager1_g_5b2c0d7e_1f3a_4e8b_9c0d_2f6a7b8c9d0e"

    def first_page_alias(self, cat):
        return self.listing_url(cat) + "&page=1"

    def home_url(self):
        return "/Pages/default.aspx"

    def listing_url(self, cat, page=1):
        return f"/ct/cms/tintuc/Pages/chuyenmuc.aspx?ChuyenMucID={cat.num}" + (f"&page={page}" if page > 1 else "")

    def article_url(self, a):
        lst = "CaiCachHanhChinh" if a.cat.reform else "TinTucSuKien"
        return f"/ct/cms/tintuc/Lists/{lst}/View_Detail.aspx?ItemID={a.id}"

    def shell(self, title, main, where):
        s = self.site
        nav = "".join(f'<li class="static"><a class="static menu-item" href="{e(u)}"><span class="menu-item-text">{e(l)}</span></a>'
                      + ('<ul class="dynamic">' + "".join(f'<li class="dynamic"><a class="dynamic menu-item" href="{e(x)}">{e(k)}</a></li>' for k, x in kids) + "</ul>" if kids else "")
                      + "</li>" for l, u, kids, _ in menu_tree(self))
        box = self.box_html("kq-hoso") if self.box_on(where) else ""
        return f"""<!DOCTYPE html><html dir="ltr" lang="vi-VN"><head><meta http-equiv="Content-type" content="text/html; charset=utf-8"/>
<title>{e(title)}</title></head><body>
<div id="ms-designer-ribbon"><div><div class="s4-notdlg noindex" id="s4-ribbonrow"><a href="javascript:;" onclick="window.location.hash='#ribbon'">Skip Ribbon Commands</a>
<a href="#mainContent">Skip to main content</a></div></div></div>
<div id="s4-workspace"><div id="s4-bodyContainer">
<div class="header-cong"><img src="/PublishingImages/banner-vinhyen.jpg" alt=""/><h1>{e(s.site_title)}</h1></div>
<div class="ms-core-navigation" id="DeltaTopNavigation"><div class="noindex ms-core-listMenu-horizontalBox" id="zz14_TopNavigationMenu"><ul class="root ms-core-listMenu-root static">{nav}</ul></div></div>
<div id="contentRow"><div id="contentBox"><div id="DeltaPlaceHolderMain"><a id="mainContent" name="mainContent" tabindex="-1"></a>
<table width="100%"><tr><td valign="top" width="70%">{main}</td><td valign="top">
<div class="ms-webpart-zone ms-fullWidth"><div id="MSOZoneCell_WebPartWPQ3" class="s4-wpcell-plain"><div class="ms-webpart-chrome">{box}</div></div>
<div id="WebPartWPQ4"><div class="lienket"><a href="https://dichvucong.vinhphuc.gov.vn">Dịch vụ công trực tuyến</a></div></div></div></td></tr></table>
</div></div></div>
<div class="footer-cong">Cơ quan chủ quản: {e(s.unit.ubnd)}. Địa chỉ: số 1 đường Nguyễn Tất Thành, {e(s.unit.name)}.</div></div></div></body></html>"""

    def home(self):
        s = self.site
        parts = []
        for c in s.categories:
            items = s.in_cat(c)[:4]
            parts.append(f'<div id="WebPartWPQ{c.num}" class="ms-wpContentDivSpace"><div class="title-chuyenmuc"><a href="{e(self.listing_url(c))}">{e(c.title)}</a></div><ul>'
                         + "".join(f'<li><a href="{e(self.article_url(a))}">{e(a.title)}</a></li>' for a in items) + "</ul></div>")
        hot = "".join(f'<div class="tinbai-noibat"><a href="{e(self.article_url(a))}"><img src="/ct/cms/tintuc/PublishingImages/{a.id}.jpg"/></a>'
                      f'<a href="{e(self.article_url(a))}">{e(a.title)}</a></div>' for a in self.featured(3))
        return self.shell("Trang chủ", f'<div id="{self.wp}_ctl00_pnTinNoiBat">{hot}</div>' + "".join(parts), "home")

    def listing(self, cat, page, items, n):
        rows = "".join(f'<div class="tin-item"><a class="tieude" href="{e(self.article_url(a))}">{e(a.title)}</a>'
                       f'<span class="ngay">{dmy(a.date)}</span><div class="mota">{e(a.text.summary)}</div></div>' for a in items)
        pager = ""
        if n > 1:
            links = "".join(f'<span class="active">{i}</span>' if i == page else
                            f'<a href="chuyenmuc.aspx?ChuyenMucID={cat.num}&amp;page={i}">{i}</a>' for i in range(1, n + 1))
            if page < n:
                links += f'<a href="chuyenmuc.aspx?ChuyenMucID={cat.num}&amp;page={page + 1}">Trang sau</a>'
            pager = f'<div id="{self.wp}_ctl00_PhanTrang_D" class="phantrang">{links}</div>'
        return self.shell(cat.title, f'<div class="title-chuyenmuc">{e(cat.title)}</div><div id="{self.wp}_ctl00_pnListNews">{rows}</div>{pager}', "listing")

    def article(self, a):
        others = "".join(f'<li><a href="{e(self.article_url(x))}">{e(x.title)}</a> ({dmy(x.date)})</li>' for x in self.related(a))
        main = f"""<div id="{self.wp}_ctl00_pnChiTiet"><div id="divArticleDescription3" class="title-news">{e(a.title)}</div>
<div class="date-news">{dmy(a.date)}</div>
<div id="divArticleDescription1" class="sapo">{e(a.text.summary)}</div>
<div id="divArticleDescription2"><div id="ctl00_PlaceHolderMain_ctl02__ControlWrapper_RichHtmlField" class="ms-rtestate-field">{self.body_html(a)}</div></div>
<div id="{self.wp}_ctl00_pnNguontin" class="nguontin">Nguồn: Phòng Nội vụ</div></div>
<div class="tinkhac"><div class="title">Các tin đã đưa</div><ul>{others}</ul></div>"""
        return self.shell(a.title, main, "article")

    def extras(self):
        self.redirect("/", "/Pages/default.aspx")
        self.robots("Disallow: /_layouts/\nDisallow: /_vti_bin/\n")


# ===================================================================== WordPress twenty-twenty-one

class WordPressStyle(Renderer):

    def home_url(self):
        return "/"

    def listing_url(self, cat, page=1):
        return f"/category/{cat.slug}/" + (f"page/{page}/" if page > 1 else "")

    def article_url(self, a):
        return f"/{a.slug}/"

    def article_aliases(self, a):
        return [f"/?p={a.id}"]

    def vdate(self, d):
        return f"{d.day} Tháng {MONTH_WORDS[d.month - 1]}, {d.year}"

    def time(self, a):
        return (f'<span class="posted-on">Đã đăng <time class="entry-date published updated" datetime="{iso(a.date)}">'
                f'{self.vdate(a.date)}</time></span>')

    def shell(self, title, main, where, body_class):
        s = self.site
        menu = "".join(f'<li class="menu-item{" menu-item-has-children" if kids else ""}"><a href="{e(self.abs(u) if u.startswith("/") else u)}">{e(l)}</a>'
                       + ('<ul class="sub-menu">' + "".join(f'<li class="menu-item"><a href="{e(self.abs(x) if x.startswith("/") else x)}">{e(k)}</a></li>' for k, x in kids) + "</ul>" if kids else "")
                       + "</li>" for l, u, kids, _ in menu_tree(self))
        box = ""
        if self.box_on(where):
            b = s.box
            rows = "".join(f"<li>{e(k)}: <b>{e(v)}</b></li>" for k, v in b.rows)
            box = f'<section id="text-3" class="widget widget_text"><h2 class="widget-title">{e(b.heading)}</h2><div class="textwidget"><ul>{rows}</ul>' \
                  + "".join(f"<p>{e(x)}</p>" for x in b.after) + "</div></section>"
        recent = "".join(f'<li><a href="{e(self.abs(self.article_url(a)))}">{e(a.title)}</a></li>' for a in s.newest(5))
        return f"""<!doctype html><html lang="vi"><head><meta charset="UTF-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{e(title)} &#8211; {e(s.site_title.title())}</title>
<link rel="alternate" type="application/rss+xml" title="Dòng thông tin &raquo;" href="{self.abs('/feed/')}"/>
<meta name="generator" content="WordPress 6.4.3"/></head>
<body class="{body_class} wp-embed-responsive is-light-theme has-main-navigation">
<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">Chuyển đến nội dung</a>
<header id="masthead" class="site-header has-title-and-tagline has-menu" role="banner"><div class="site-branding">
<p class="site-title"><a href="{self.abs('/')}">{e(s.site_title.title())}</a></p><p class="site-description">{e(s.unit.district)} - {e(s.unit.province)}</p></div>
<nav id="site-navigation" class="primary-navigation" role="navigation" aria-label="Menu chính"><div class="primary-menu-container"><ul id="primary-menu-list" class="menu-wrapper">{menu}</ul></div></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">{main}</main></div></div>
<aside class="widget-area">{box}<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Bài viết mới</h2><ul>{recent}</ul></section></aside>
<footer id="colophon" class="site-footer" role="contentinfo"><div class="site-info"><div class="site-name">{e(s.site_title.title())}</div>
<div class="powered-by">Vận hành bởi <a href="https://vi.wordpress.org/">WordPress</a>.</div></div></footer></div></body></html>"""

    def entry(self, a):
        return f"""<article id="post-{a.id}" class="post-{a.id} post type-post status-publish format-standard hentry category-{a.cat.slug} entry">
<header class="entry-header"><h2 class="entry-title default-max-width"><a href="{e(self.abs(self.article_url(a)))}">{e(a.title)}</a></h2></header>
<div class="entry-content"><p>{e(a.text.summary)} <a href="{e(self.abs(self.article_url(a)))}" class="more-link">Đọc tiếp <span class="screen-reader-text">{e(a.title)}</span></a></p></div>
<footer class="entry-footer default-max-width">{self.time(a)}<div class="post-taxonomies"><span class="cat-links">Chuyên mục <a href="{e(self.abs(self.listing_url(a.cat)))}" rel="category tag">{e(a.cat.title)}</a></span></div></footer></article>"""

    def home(self):
        s = self.site
        return self.shell("Trang chủ", "".join(self.entry(a) for a in s.newest(6)), "home", "home blog")

    def listing(self, cat, page, items, n):
        pager = ""
        if n > 1:
            parts = []
            if page > 1:
                parts.append(f'<a class="prev page-numbers" href="{e(self.abs(self.listing_url(cat, page - 1)))}">Trang trước</a>')
            for i in range(1, n + 1):
                parts.append(f'<span aria-current="page" class="page-numbers current">{i}</span>' if i == page else
                             f'<a class="page-numbers" href="{e(self.abs(self.listing_url(cat, i)))}">{i}</a>')
            if page < n:
                parts.append(f'<a class="next page-numbers" href="{e(self.abs(self.listing_url(cat, page + 1)))}">Trang sau</a>')
            pager = f'<nav class="navigation pagination" aria-label="Bài viết"><h2 class="screen-reader-text">Điều hướng bài viết</h2><div class="nav-links">{"".join(parts)}</div></nav>'
        head = f'<header class="page-header alignwide"><h1 class="page-title">Chuyên mục: <span>{e(cat.title)}</span></h1></header>'
        return self.shell(cat.title, head + "".join(self.entry(a) for a in items) + pager, "listing", f"archive category category-{cat.slug}")

    def article(self, a):
        s = self.site
        ordered = sorted(s.articles, key=lambda x: x.date)
        i = ordered.index(a)
        nav = ""
        if i > 0:
            nav += f'<div class="nav-previous"><a href="{e(self.abs(self.article_url(ordered[i - 1])))}" rel="prev"><p class="meta-nav">Bài trước</p><p class="post-title">{e(ordered[i - 1].title)}</p></a></div>'
        if i + 1 < len(ordered):
            nav += f'<div class="nav-next"><a href="{e(self.abs(self.article_url(ordered[i + 1])))}" rel="next"><p class="meta-nav">Bài tiếp theo</p><p class="post-title">{e(ordered[i + 1].title)}</p></a></div>'
        main = f"""<article id="post-{a.id}" class="post-{a.id} post type-post status-publish format-standard hentry category-{a.cat.slug} entry">
<header class="entry-header alignwide"><h1 class="entry-title">{e(a.title)}</h1></header>
<div class="entry-content"><p><strong>{e(a.text.summary)}</strong></p>{self.body_html(a)}</div>
<footer class="entry-footer default-max-width">{self.time(a)}<div class="post-taxonomies"><span class="cat-links">Chuyên mục <a href="{e(self.abs(self.listing_url(a.cat)))}" rel="category tag">{e(a.cat.title)}</a></span></div></footer></article>
<nav class="navigation post-navigation" aria-label="Bài viết"><div class="nav-links">{nav}</div></nav>"""
        return self.shell(a.title, main, "article", f"post-template-default single single-post postid-{a.id}")

    def extras(self):
        s = self.site
        self.robots("Disallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n", "/wp-sitemap.xml")
        items = "".join(f"<item><title>{e(a.title)}</title><link>{self.abs(self.article_url(a))}</link>"
                        f"<pubDate>{a.date:%a, %d %b %Y %H:%M:%S} +0000</pubDate><category><![CDATA[{a.cat.title}]]></category></item>"
                        for a in s.newest(10))
        self.add("/feed/", f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{e(s.site_title)}</title>'
                 f'<link>{self.abs("/")}</link>{items}</channel></rss>', ctype="application/rss+xml; charset=UTF-8", kind="feed")
        self.add("/wp-sitemap.xml", f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                 f'<sitemap><loc>{self.abs("/wp-sitemap-posts-post-1.xml")}</loc></sitemap></sitemapindex>', ctype="application/xml; charset=UTF-8", kind="sitemap")
        urls = "".join(f"<url><loc>{self.abs(self.article_url(a))}</loc><lastmod>{iso(a.date)}</lastmod></url>" for a in s.articles)
        self.add("/wp-sitemap-posts-post-1.xml", f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>',
                 ctype="application/xml; charset=UTF-8", kind="sitemap")


# ===================================================================== Drupal (gavias theme)

class DrupalGavias(Renderer):
    """Drupal 9, gavias theme: post-block items, span.post-created d/m/Y, ?page=N 0-based,
    aliases (one with the -0 suffix) and /index.php/node/N links to the same nodes."""

    SHOWS_SUMMARY = False  # the teaser is shown in listings only

    def home_url(self):
        return "/"

    def listing_url(self, cat, page=1):
        return f"/{cat.slug}" + (f"?page={page - 1}" if page > 1 else "")

    def article_url(self, a):
        suffix = "-0" if a.id % 3 == 0 else ""
        return f"/tin-tuc/{a.slug[:60].rstrip('-')}{suffix}"

    def node(self, a):
        return f"/index.php/node/{a.id}"

    def article_aliases(self, a):
        return [self.node(a), f"/node/{a.id}"]

    def shell(self, title, main, where):
        s = self.site
        menu = "".join(f'<li class="menu-item{" menu-item--expanded" if kids else ""}"><a href="{e(u)}">{e(l)}</a>'
                       + ('<ul class="menu sub-menu">' + "".join(f'<li class="menu-item"><a href="{e(x)}">{e(k)}</a></li>' for k, x in kids)
                          + "".join(f'<li class="menu-item"><a href="{e(x)}">{e(k)}</a></li>' for k, x in mega[:4]) + "</ul>" if kids else "")
                       + "</li>" for l, u, kids, mega in menu_tree(self))
        box = self.box_html("block-thongke") if self.box_on(where) else ""
        recent = "".join(f'<div class="item"><a href="{e(self.node(a))}">{e(a.title)}</a><span class="post-created">{dmy(a.date)}</span></div>' for a in s.newest(5))
        return f"""<!DOCTYPE html><html lang="vi" dir="ltr"><head><meta charset="utf-8"/><meta name="Generator" content="Drupal 9 (https://www.drupal.org)"/>
<title>{e(title)} | {e(s.site_title.title())}</title><link rel="alternate" type="application/rss+xml" href="/rss.xml"/></head>
<body class="gavias-content-builder layout-no-sidebars"><div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
<div class="body-page gva-body-page"><header id="header" class="header-v1"><div class="header-main"><div class="branding"><a href="/" rel="home"><img src="/sites/default/files/logo.png" alt="Trang chủ"/></a>
<div class="site-name">{e(s.site_title.title())}</div></div>
<div class="gva-offcanvas-inner"><nav role="navigation" class="block block-menu navigation menu--main"><ul class="gva_menu gva_menu_main">{menu}</ul></nav></div></div></header>
<div role="main" class="main main-page"><div class="container"><div class="content-main-inner"><div class="row">
<div id="page-main-content" class="main-content col-md-8 col-xs-12">{main}</div>
<div class="col-md-4 sidebar sidebar-right">{box}<div class="block"><h2 class="block-title"><span>Tin mới</span></h2><div class="block-content">{recent}</div></div></div>
</div></div></div></div>
<footer id="footer" class="footer"><div class="footer-center">{e(s.site_title.title())} - Địa chỉ: {e(s.unit.name)}, {e(s.unit.district)}, {e(s.unit.province)}</div></footer></div></div></body></html>"""

    def block(self, a, h="h3"):
        return f"""<div class="views-row"><div class="post-block"><div class="post-image"><a href="{e(self.article_url(a))}" hreflang="vi"><img src="/sites/default/files/styles/medium/public/{a.id}.jpg" alt=""/></a></div>
<div class="post-content text-left"><div class="post-title"><a href="{e(self.article_url(a))}" hreflang="vi">{e(a.title)}</a></div>
<div class="post-meta"><span class="post-created">{dmy(a.date)}</span></div><div class="post-body">{e(a.text.summary)}</div></div></div></div>"""

    def home(self):
        s = self.site
        parts = []
        for c in s.categories:
            parts.append(f'<div class="block"><h2 class="block-title"><a href="{e(self.listing_url(c))}">{e(c.title)}</a></h2><div class="view-content">'
                         + "".join(self.block(a) for a in s.in_cat(c)[:3]) + "</div></div>")
        slides = "".join(f'<div class="owl-item"><a href="{e(self.node(a))}">{e(a.title)}</a></div>' for a in self.featured())
        return self.shell("Trang chủ", f'<div class="gva-slider owl-carousel">{slides}</div>' + "".join(parts), "home")

    def listing(self, cat, page, items, n):
        pager = ""
        if n > 1:
            lis = []
            if page > 1:
                lis.append(f'<li class="pager__item pager__item--first"><a href="?page=0" title="Đến trang đầu">« Đầu</a></li>')
                lis.append(f'<li class="pager__item pager__item--previous"><a href="?page={page - 2}" rel="prev">‹‹</a></li>')
            for i in range(1, n + 1):
                lis.append(f'<li class="pager__item{" is-active" if i == page else ""}"><a href="?page={i - 1}" title="Đến trang {i}">{i}</a></li>')
            if page < n:
                lis.append(f'<li class="pager__item pager__item--next"><a href="?page={page}" rel="next">››</a></li>')
                lis.append(f'<li class="pager__item pager__item--last"><a href="?page={n - 1}">Cuối »</a></li>')
            pager = f'<nav class="pager" role="navigation"><ul class="pager__items js-pager__items">{"".join(lis)}</ul></nav>'
        main = f'<h1 class="page-title">{e(cat.title)}</h1><div class="view view-taxonomy-term"><div class="view-content">{"".join(self.block(a) for a in items)}</div>{pager}</div>'
        return self.shell(cat.title, main, "listing")

    def article(self, a):
        rel = "".join(f'<div class="item"><a href="{e(self.article_url(x))}">{e(x.title)}</a></div>' for x in self.related(a, 4))
        main = f"""<article role="article" class="node node--type-article node--promoted node-detail"><div class="post-block">
<div class="post-content"><h1 class="post-title"><span class="field field--name-title">{e(a.title)}</span></h1>
<div class="post-meta"><span class="post-categories"><a href="{e(self.listing_url(a.cat))}">{e(a.cat.title)}</a></span> / <span class="post-created">{dmy(a.date)}</span></div>
<div class="node__content clearfix"><div class="field field--name-body field--type-text-with-summary">{self.body_html(a)}</div></div></div></div>
<div class="related-posts"><h2 class="title">Bài viết liên quan</h2>{rel}</div></article>"""
        return self.shell(a.title, main, "article")

    def extras(self):
        s = self.site
        self.robots("Disallow: /user/\nDisallow: /index.php/user/\n")
        for c in s.categories:  # Drupal serves ?page=0 as the first page
            self.routes[self.listing_url(c) + "?page=0"] = self.routes[self.listing_url(c)]
        items = "".join(f"<item><title>{e(a.title)}</title><link>{self.abs(self.article_url(a))}</link><pubDate>{a.date:%a, %d %b %Y %H:%M:%S} +0700</pubDate></item>"
                        for a in s.newest(10))
        self.add("/rss.xml", f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{e(s.site_title)}</title>{items}</channel></rss>',
                 ctype="application/rss+xml; charset=utf-8", kind="feed")


# ===================================================================== Thái Bình family

def tb_slug(title: str) -> str:
    """Thái Bình's odd slugs: a letter and its tone split ('gia-i-quye-t'), cut short."""
    import unicodedata
    out = []
    for w in title.lower().split():
        d = unicodedata.normalize("NFD", w.replace("đ", "d"))
        piece = ""
        for c in d:
            if c in "\u0300\u0301\u0303\u0309\u0323":
                piece += "-"
            elif unicodedata.category(c) != "Mn" and (c.isalnum()):
                piece += c
        out.append(piece.strip("-"))
    return "-".join(x for x in out if x)[:64].rstrip("-")


class ThaiBinh(Renderer):

    def home_url(self):
        return "/"

    def listing_url(self, cat, page=1):
        return f"/tin-tuc/{cat.slug}" + (f"?page={page}" if page > 1 else "")

    def article_url(self, a):
        return f"/tin-tuc/{a.cat.slug}/{tb_slug(a.title)}.html"

    def shell(self, title, main):
        s = self.site
        menu = "".join(f'<li><a href="{e(u)}">{e(l)}</a>' + ("<ul>" + "".join(f'<li><a href="{e(x)}">{e(k)}</a></li>' for k, x in kids + mega) + "</ul>" if kids else "")
                       + "</li>" for l, u, kids, mega in menu_tree(self))
        return f"""<!DOCTYPE html><html><head><meta charset="utf-8"/><title>{e(title)}</title><link href="/App/css/site.css" rel="stylesheet"/></head><body>
<div class="top-bar"><div class="container">Thứ Năm, ngày 21/11/2024 <a href="/dang-nhap">Đăng nhập</a></div></div>
<div class="banner"><img src="/App/images/banner.png" alt=""/></div>
<nav class="menu-main"><ul>{menu}</ul></nav>
<div class="container content-main">{main}</div>
<footer><div class="container"><p>{e(s.site_title)}</p><p>Địa chỉ: {e(s.unit.ubnd)}, {e(s.unit.district)}, {e(s.unit.province)}</p>
<p>Lượt truy cập hiện tại : 1 / Hôm nay : 304 / Năm 2024 : 11.433</p></div></footer></body></html>"""

    def news_article(self, a):
        return f"""<article class="Article-News"><div class="left-new"><figure><a href="{e(self.article_url(a))}" title="{e(a.title)}"><img src="/upload/80571/20240516/{a.id}.jpg" alt="{e(a.title)}"/></a></figure></div>
<div class="right-new"><h3><a href="{e(self.article_url(a))}" title="{e(a.title)}">{e(a.title)}</a></h3><p class="sapo">{e(a.text.summary)}</p></div></article>"""

    def home(self):
        s = self.site
        hot = "".join(self.news_article(a) for a in self.featured(3))
        cats = "".join(f'<section class="box-cate"><h2><a href="{e(self.listing_url(c))}">{e(c.title)}</a></h2>'
                       + "".join(f'<p><a href="{e(self.article_url(a))}">{e(a.title)}</a></p>' for a in s.in_cat(c)[:3]) + "</section>"
                       for c in s.categories)
        return self.shell(s.site_title, f'<section class="hot-news"><h2>Tin nổi bật</h2>{hot}</section>{cats}')

    def listing(self, cat, page, items, n):
        pager = ""
        if n > 1:
            lis = "".join(f'<li class="{"active" if i == page else ""}"><a href="{e(self.listing_url(cat, i))}">{i}</a></li>' for i in range(1, n + 1))
            if page < n:
                lis += f'<li><a href="{e(self.listing_url(cat, page + 1))}" aria-label="Next">›</a></li>'
            pager = f'<ul class="pagination-list">{lis}</ul>'
        side = "".join(f'<li><a href="{e(self.article_url(a))}">{e(a.title)}</a></li>' for a in self.site.newest(5))
        main = (f'<div class="row"><div class="col-md-8"><h1 class="title-cate">{e(cat.title)}</h1>{"".join(self.news_article(a) for a in items)}{pager}</div>'
                f'<div class="col-md-4"><div class="box-side"><h3>Tin đọc nhiều</h3><ul>{side}</ul></div></div></div>')
        return self.shell(cat.title, main)

    def article(self, a):
        rel = "".join(f'<li><a href="{e(self.article_url(x))}">{e(x.title)}</a></li>' for x in self.related(a))
        main = f"""<div class="tool-bar">A- A A+ | <a href="#">Chia sẻ bài viết lên facebook</a> <a href="#">Chia sẻ bài viết lên twitter</a> | In bài viết | Tăng tương phản Giảm tương phản</div>
<div class="detail-news"><h1 class="title-detail">{e(a.title)}</h1><div class="date-detail">{WEEKDAYS_CAP[a.date.weekday()]}, {dmy(a.date)}, {a.date:%H:%M}</div>
<div class="sapo-detail">{e(a.text.summary)}</div><div class="content-detail">{self.body_html(a)}</div>
<div class="source">Nguồn:. Copy link</div><div class="rating">Tổng số điểm của bài viết là: 0 trong 0 đánh giá<br/>Click để đánh giá bài viết</div></div>
<div class="other-news"><h3>Tin liên quan</h3><ul>{rel}</ul></div>"""
        return self.shell(a.title, main)

    def extras(self):
        self.robots()
        self.add("/dang-nhap", self.shell("Đăng nhập", LOGIN), kind="login")


# ===================================================================== Sơn La family

class SonLa(Renderer):
    """/<cat-slug>/<slug>-<id> articles, pages /<cat-slug>/trang-N (the shape of an article),
    box on the listing pages only."""

    def home_url(self):
        return "/"

    def listing_url(self, cat, page=1):
        return f"/{cat.slug}" + (f"/trang-{page}" if page > 1 else "")

    def article_url(self, a):
        return f"/{a.cat.slug}/{a.slug[:70].rstrip('-')}-{a.id}"

    def shell(self, title, main, where):
        s = self.site
        menu = "".join(f'<li class="nav-item"><a class="nav-link" href="{e(u)}">{e(l)}</a>'
                       + ('<div class="mega"><div class="mega-cats">' + "".join(f'<a href="{e(x)}">{e(k)}</a>' for k, x in kids)
                          + '</div><div class="mega-news">' + "".join(f'<a href="{e(x)}">{e(k)}</a>' for k, x in mega) + "</div></div>" if kids else "")
                       + "</li>" for l, u, kids, mega in menu_tree(self))
        box = self.box_html("thong-ke-hs") if self.box_on(where) else ""
        return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"/><title>{e(title)}</title></head><body>
<header><div class="logo-top"><a href="/"><img src="/Content/images/logo.png" alt=""/></a><span>{e(s.site_title)}</span></div>
<ul class="navbar-nav">{menu}</ul></header>
<main class="container">{main}</main>
<aside class="container">{box}</aside>
<footer><p>© {e(s.site_title)}</p><p>Thống kê truy cập · Đang truy cập 4 · Hôm nay 211 · Tổng lượt truy cập 37 284</p></footer></body></html>"""

    def home(self):
        s = self.site
        hot = "".join(f'<div class="hot-item"><a href="{e(self.article_url(a))}"><img src="/Uploads/{a.id}.jpg" alt="anh tin bai"/></a><a class="hot-title" href="{e(self.article_url(a))}">{e(a.title)}</a></div>'
                      for a in self.featured())
        cats = "".join(f'<div class="cat-home"><div class="cat-name"><a href="{e(self.listing_url(c))}">{e(c.title)}</a></div>'
                       + "".join(f'<div class="cat-item"><a href="{e(self.article_url(a))}">{e(a.title)}</a></div>' for a in s.in_cat(c)[:4]) + "</div>"
                       for c in s.categories)
        return self.shell(s.site_title, f'<section class="hot">{hot}</section>{cats}', "home")

    def listing(self, cat, page, items, n):
        rows = "".join(f"""<div class="list-news-item"><a href="{e(self.article_url(a))}" class="thumb"><img src="/Uploads/{a.id}.jpg" alt=""/></a>
<div class="info"><a class="title" href="{e(self.article_url(a))}">{e(a.title)}</a><div class="time">{dmy(a.date)} {a.date:%H:%M}</div><div class="desc">{e(a.text.summary)}</div></div></div>""" for a in items)
        pager = ""
        if n > 1:
            parts = "".join(f'<b>{i}</b>' if i == page else f'<a href="{e(self.listing_url(cat, i))}">{i}</a>' for i in range(1, n + 1))
            pager = f'<div class="paging">{parts}</div>'
        crumbs = f'<div class="breadcrumb"><a href="/">Trang chủ</a> / <a href="{e(self.listing_url(cat))}">{e(cat.title)}</a></div>'
        return self.shell(cat.title, crumbs + rows + pager, "listing")

    def article(self, a):
        rel = "".join(f'<li><a href="{e(self.article_url(x))}">{e(x.title)}</a> <i>{dmy(x.date)}</i></li>' for x in self.related(a))
        main = f"""<div class="breadcrumb"><a href="/">Trang chủ</a> / <a href="{e(self.listing_url(a.cat))}">{e(a.cat.title)}</a></div>
<div class="detail"><h1>{e(a.title)}</h1><div class="meta">Lượt xem: {a.views} | {dmy(a.date)} {a.date:%H:%M}</div>
<div class="detail-content"><h2 class="sapo">{e(a.text.summary)}</h2>{self.body_html(a)}</div></div><div class="lienquan"><h4>Các tin khác</h4><ul>{rel}</ul></div>"""
        return self.shell(a.title, main, "article")

    def extras(self):
        self.robots()


# ===================================================================== Oracle WebCenter (Quảng Nam)

class WebCenter(Renderer):
    """Oracle WebCenter portal: /webcenter/portal/<site>/pages_tin-tuc/chi-tiet?dDocName=PORTALn,
    relative links, a pager by ?page=N with only 'Trang sau'/'Trang trước' beside numbers."""

    base = "/webcenter/portal/nuithanh"

    def first_page_alias(self, cat):
        return self.listing_url(cat) + "?page=1"

    def home_url(self):
        return f"{self.base}/pages_trang-chu"

    def listing_url(self, cat, page=1):
        return f"{self.base}/pages_tin-tuc/{cat.slug}" + (f"?page={page}" if page > 1 else "")

    def article_url(self, a):
        return f"{self.base}/pages_tin-tuc/chi-tiet?dDocName=PORTAL{a.id}"

    def shell(self, title, main):
        s = self.site
        menu = "".join(f'<td><a href="{e(u)}" class="xfm">{e(l)}</a>' + ("<div class='sub'>" + "".join(f'<a href="{e(x)}">{e(k)}</a>' for k, x in kids) + "</div>" if kids else "") + "</td>"
                       for l, u, kids, _ in menu_tree(self))
        return f"""<!DOCTYPE html><html lang="vi-VN" dir="ltr"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/><title>{e(title)}</title></head>
<body><div id="T:pt_psl1" class="af_panelStretchLayout"><div class="header-qnam"><img src="{self.base}/images/banner.jpg" alt=""/><span>{e(s.site_title)}</span></div>
<table class="menu-qnam"><tr>{menu}</tr></table>
<div id="T:pt_pgl5" class="af_panelGroupLayout">{main}</div>
<div class="footer-qnam">Bản quyền thuộc về {e(s.unit.ubnd)} - {e(s.unit.province)}</div></div></body></html>"""

    def home(self):
        s = self.site
        parts = []
        for c in s.categories:
            parts.append(f'<div class="box-tin"><h2><a href="pages_tin-tuc/{c.slug}">{e(c.title)}</a></h2>'
                         + "".join(f'<div class="tin"><a href="pages_tin-tuc/chi-tiet?dDocName=PORTAL{a.id}">{e(a.title)}</a></div>' for a in s.in_cat(c)[:4]) + "</div>")
        hot = "".join(f'<li><a href="pages_tin-tuc/chi-tiet?dDocName=PORTAL{a.id}">{e(a.title)}</a></li>' for a in self.featured())
        return self.shell(s.site_title, f'<div class="tinnoibat"><h2>Tin nổi bật</h2><ul>{hot}</ul></div>{"".join(parts)}')

    def listing(self, cat, page, items, n):
        rows = "".join(f'<div class="item-news"><div class="img"><img src="/documents/{a.id}.jpg"/></div><div class="text"><a href="chi-tiet?dDocName=PORTAL{a.id}" class="title">{e(a.title)}</a>'
                       f'<div class="date">Ngày đăng: {dmy(a.date)}</div><p>{e(a.text.summary)}</p></div></div>' for a in items)
        pager = ""
        if n > 1:
            parts = []
            if page > 1:
                parts.append(f'<a href="{cat.slug}?page={page - 1}">‹ Trang trước</a>')
            parts += [f'<span class="cur">{i}</span>' if i == page else f'<a href="{cat.slug}?page={i}">{i}</a>' for i in range(1, n + 1)]
            if page < n:
                parts.append(f'<a href="{cat.slug}?page={page + 1}">Trang sau ›</a>')
            pager = f'<div class="phan-trang">{" ".join(parts)}</div>'
        return self.shell(cat.title, f'<h1 class="ten-muc">{e(cat.title)}</h1>{rows}{pager}')

    def article(self, a):
        rel = "".join(f'<li><a href="chi-tiet?dDocName=PORTAL{x.id}">{e(x.title)}</a> ({dmy(x.date)})</li>' for x in self.related(a))
        main = f"""<div class="chitiet"><div class="tieude">{e(a.title)}</div><div class="ngay">Cập nhật ngày: {dmy(a.date)} {a.date:%H:%M}</div>
<div class="tomtat">{e(a.text.summary)}</div><div class="noidung">{self.body_html(a)}</div></div><div class="tinkhac"><b>Tin khác</b><ul>{rel}</ul></div>"""
        return self.shell(a.title, main)

    def extras(self):
        self.redirect("/", self.home_url())
        self.redirect(self.base, self.home_url())
        self.robots()


# ===================================================================== ?m=newsdetail (Tiền Giang), windows-1258

class MNewsDetail(Renderer):
    """An old PHP CMS: ?m=news&q=<cat>&p=<page>, ?m=newsdetail&q=<cat>&id=<id>; table layout,
    <font> tags, windows-1258 bytes declared only in a meta tag."""

    def first_page_alias(self, cat):
        return self.listing_url(cat) + "&p=1"

    def home_url(self):
        return "/"

    def listing_url(self, cat, page=1):
        return f"/?m=news&q={cat.num}" + (f"&p={page}" if page > 1 else "")

    def article_url(self, a):
        return f"/?m=newsdetail&q={a.cat.num}&id={a.id}"

    def shell(self, title, main, where):
        s = self.site
        menu = " | ".join(f'<a href="{e(u)}"><font color="#ffffff"><b>{e(l)}</b></font></a>' for l, u, _, _ in menu_tree(self))
        cats = "".join(f'<tr><td>&raquo; <a href="{e(self.listing_url(c))}">{e(c.title)}</a></td></tr>' for c in s.categories)
        box = self.box_html("") if self.box_on(where) else ""
        return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"><title>{e(title)}</title></head>
<body topmargin="0" leftmargin="0"><table width="990" align="center" cellpadding="0" cellspacing="0" border="0">
<tr><td colspan="3"><img src="images/banner.jpg" width="990" height="150"></td></tr>
<tr><td colspan="3" bgcolor="#1f5fa6" height="30">{menu}</td></tr>
<tr><td width="200" valign="top"><table width="100%" border="0"><tr><td bgcolor="#ddeeff"><b>CHUYÊN MỤC</b></td></tr>{cats}</table>{box}</td>
<td width="590" valign="top">{main}</td>
<td width="200" valign="top"><a href="http://dichvucong.tiengiang.gov.vn"><img src="images/dvc.gif" border="0"></a></td></tr>
<tr><td colspan="3" align="center" bgcolor="#eeeeee"><font size="2">{e(s.site_title)}<br>Địa chỉ: {e(s.unit.ubnd)}, {e(s.unit.district)}, {e(s.unit.province)}</font></td></tr>
</table></body></html>"""

    def home(self):
        s = self.site
        rows = "".join(f'<tr><td><img src="images/dot.gif"> <a href="?m=newsdetail&amp;q={a.cat.num}&amp;id={a.id}" class="link">{e(a.title)}</a> '
                       f'<font color="#999999" size="1">({dmy(a.date)})</font></td></tr>' for a in s.newest(8))
        return self.shell(s.site_title, f'<table width="100%"><tr><td bgcolor="#ddeeff"><b>TIN MỚI</b></td></tr>{rows}</table>', "home")

    def listing(self, cat, page, items, n):
        rows = "".join(f'<tr><td valign="top" width="110"><img src="upload/{a.id}.jpg" width="100"></td><td valign="top">'
                       f'<a href="?m=newsdetail&amp;q={cat.num}&amp;id={a.id}"><b>{e(a.title)}</b></a><br>'
                       f'<font size="1" color="#888888">Ngày đăng: {a.date:%d-%m-%Y}</font><br><font size="2">{e(a.text.summary)}</font></td></tr>' for a in items)
        pager = ""
        if n > 1:
            links = " ".join(f"<b>[{i}]</b>" if i == page else f'<a href="?m=news&q={cat.num}&p={i}">{i}</a>' for i in range(1, n + 1))
            if page < n:
                links += f' <a href="?m=news&q={cat.num}&p={page + 1}">&raquo;</a>'
            pager = f'<tr><td colspan="2" align="center"><font size="2">Trang: {links}</font></td></tr>'
        return self.shell(cat.title, f'<table width="100%" cellpadding="4"><tr><td colspan="2" bgcolor="#ddeeff"><b>{e(cat.title.upper())}</b></td></tr>{rows}{pager}</table>', "listing")

    def article(self, a):
        rel = "".join(f'<br>- <a href="?m=newsdetail&amp;q={x.cat.num}&amp;id={x.id}">{e(x.title)}</a> ({dmy(x.date)})' for x in self.related(a))
        paras = "".join(f"<p align=\"justify\"><font face=\"Arial\" size=\"2\">{e(p)}</font></p>" for p in a.text.paragraphs)
        main = f"""<table width="100%" cellpadding="6"><tr><td><font size="4" color="#1f5fa6"><b>{e(a.title)}</b></font><br>
<font size="1" color="#888888">Ngày đăng: {a.date:%d-%m-%Y}</font><p><b>{e(a.text.summary)}</b></p>{paras}
<p align="right"><b>Ban Biên tập</b></p></td></tr><tr><td><b>Các tin khác:</b>{rel}</td></tr></table>"""
        return self.shell(a.title, main, "article")

    def extras(self):
        self.robots()


# ===================================================================== Huế /TrangChu/NewCatId/…/NewVid/…

class HueCity(Renderer):

    def home_url(self):
        return "/"

    def listing_url(self, cat, page=1):
        return f"/TrangChu/NewCatId/{cat.num}" + (f"?page={page}" if page > 1 else "")

    def article_url(self, a):
        return f"/TrangChu/NewCatId/{a.cat.num}/NewVid/{a.id}"

    def shell(self, title, main, where):
        s = self.site
        menu = "".join(f'<li><a href="{e(u)}">{e(l)}</a>' + ("<ul class='dropdown'>" + "".join(f'<li><a href="{e(x)}">{e(k)}</a></li>' for k, x in kids) + "</ul>" if kids else "") + "</li>"
                       for l, u, kids, _ in menu_tree(self))
        box = self.box_html("thongke") if self.box_on(where) else ""
        side = "".join(f'<li><a href="{e(self.article_url(a))}">{e(a.title)}</a></li>' for a in s.newest(6))
        return f"""<!DOCTYPE html><html><head><meta charset="utf-8"/><title>{e(title)}</title></head><body>
<div class="hue-header"><a href="/"><img src="/Content/img/logo.png" alt=""/></a><h1>{e(s.site_title)}</h1><div class="weather">Huế 24° - 29°C</div></div>
<div class="hue-menu"><ul>{menu}</ul></div><div class="ticker"><marquee>Thông báo lịch tiếp công dân tháng 11/2024</marquee></div>
<div class="hue-body"><div class="hue-left">{main}</div><div class="hue-right">{box}<div class="tinmoi"><h3>Tin mới nhất</h3><ul>{side}</ul></div></div></div>
<div class="hue-footer">{e(s.site_title)} - Địa chỉ: {e(s.unit.ubnd)}, {e(s.unit.province)}</div></body></html>"""

    def home(self):
        s = self.site
        cats = "".join(f'<div class="cat"><h2><a href="{e(self.listing_url(c))}">{e(c.title)}</a></h2>'
                       + "".join(f'<div class="it"><a href="{e(self.article_url(a))}">{e(a.title)}</a></div>' for a in s.in_cat(c)[:3]) + "</div>"
                       for c in s.categories)
        hot = "".join(f'<div class="slide"><a href="{e(self.article_url(a))}">{e(a.title)}</a></div>' for a in self.featured())
        return self.shell(s.site_title, f'<div class="noibat">{hot}</div>{cats}', "home")

    def listing(self, cat, page, items, n):
        rows = "".join(f'<div class="news-item"><h3><a href="{e(self.article_url(a))}">{e(a.title)}</a></h3>'
                       f'<p class="date">{WEEKDAYS_CAP[a.date.weekday()]}, {dmy(a.date)} {a.date:%H:%M}</p><p>{e(a.text.summary)}</p></div>' for a in items)
        pager = ""
        if n > 1:
            pager = '<ul class="paging">' + "".join(f'<li class="{"current" if i == page else ""}"><a href="{e(self.listing_url(cat, i))}">{i}</a></li>' for i in range(1, n + 1)) + "</ul>"
        return self.shell(cat.title, f'<h2 class="title">{e(cat.title)}</h2>{rows}{pager}', "listing")

    def article(self, a):
        rel = "".join(f'<li><a href="{e(self.article_url(x))}">{e(x.title)}</a></li>' for x in self.related(a))
        main = f"""<div class="detail"><h1>{e(a.title)}</h1><p class="date">{WEEKDAYS_CAP[a.date.weekday()]}, {dmy(a.date)} {a.date:%H:%M}</p>
<div class="sapo">{e(a.text.summary)}</div><div class="content">{self.body_html(a)}</div></div><div class="other"><h3>Tin cùng chuyên mục</h3><ul>{rel}</ul></div>"""
        return self.shell(a.title, main, "article")

    def extras(self):
        self.routes["/TrangChu"] = self.routes["/"]
        self.robots()


# ===================================================================== Kon Tum /pages/detail/<id>/<Slug>

class KonTum(Renderer):
    """/pages/detail/<id>/<Slug> articles; listings with only 'Trang sau ›' / '‹ Trang trước';
    pages served with no charset anywhere."""

    def home_url(self):
        return "/"

    def listing_url(self, cat, page=1):
        return f"/pages/category/{cat.num}/{slugify(cat.title, keep_case=True)}" + (f"?page={page}" if page > 1 else "")

    def article_url(self, a):
        return f"/pages/detail/{a.id}/{slugify(a.title, keep_case=True)}"

    def shell(self, title, main):
        s = self.site
        menu = "".join(f'<li><a href="{e(u)}">{e(l)}</a>' + ("<ul>" + "".join(f'<li><a href="{e(x)}">{e(k)}</a></li>' for k, x in kids) + "</ul>" if kids else "") + "</li>"
                       for l, u, kids, _ in menu_tree(self))
        side = "".join(f'<li><a href="{e(self.article_url(a))}">{e(a.title)}</a></li>' for a in s.newest(5))
        return f"""<html><head><title>{e(title)}</title></head><body>
<div id="header"><img src="/images/banner.png"/><div class="name">{e(s.site_title)}</div></div><ul id="menu">{menu}</ul>
<div id="main"><div id="left">{main}</div><div id="right"><div class="box"><div class="box-title">Tin mới</div><ul>{side}</ul></div></div></div>
<div id="footer">{e(s.site_title)}. Giấy phép số 12/GP-STTTT.</div></body></html>"""

    def home(self):
        s = self.site
        cats = "".join(f'<div class="home-cat"><h3><a href="{e(self.listing_url(c))}">{e(c.title)}</a></h3>'
                       + "".join(f'<p><a href="{e(self.article_url(a))}">{e(a.title)}</a></p>' for a in s.in_cat(c)[:3]) + "</div>"
                       for c in s.categories)
        return self.shell(s.site_title, cats)

    def listing(self, cat, page, items, n):
        rows = "".join(f'<div class="post"><a href="{e(self.article_url(a))}" class="post-link">{e(a.title)}</a>'
                       f'<div class="post-date">{dmy(a.date)} | {a.date:%H:%M}</div><div class="post-sum">{e(a.text.summary)}</div></div>' for a in items)
        nav = []
        if page > 1:
            nav.append(f'<a href="{e(self.listing_url(cat, page - 1))}">‹ Trang trước</a>')
        if page < n:
            nav.append(f'<a href="{e(self.listing_url(cat, page + 1))}">Trang sau ›</a>')
        return self.shell(cat.title, f'<h2>{e(cat.title)}</h2>{rows}<div class="nav">{" ".join(nav)}</div>')

    def article(self, a):
        rel = "".join(f'<li><a href="{e(self.article_url(x))}">{e(x.title)}</a></li>' for x in self.related(a))
        main = f"""<h1 class="detail-title">{e(a.title)}</h1><div class="detail-date">{dmy(a.date)} | {a.date:%H:%M}</div>
<div class="detail-body"><p><b>{e(a.text.summary)}</b></p>{self.body_html(a)}</div><div class="detail-other"><b>Tin khác</b><ul>{rel}</ul></div>"""
        return self.shell(a.title, main)

    def extras(self):
        self.robots()
