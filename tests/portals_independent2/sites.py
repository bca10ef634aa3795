"""The twelve portals of the second independent set, one class each (own markup)."""

from __future__ import annotations

from datetime import datetime

from tests.portals_independent2.content import Article, cap, weekday
from tests.portals_independent2.web import Box, Category, Site, Web, counter, dmy, esc, hm, make_box, render_box, slug


def head(title: str, extra: str = "") -> str:
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{esc(title)}</title>'
            f'{extra}</head>')


# 1. NukeViet, no module segment, language prefix, own theme -------------------------------
class NvBuGia(Site):
    id, host, name = "bp-bugia", "bugia.phuoclong.binhphuoc.gov.vn", "xã Bù Gia Mập"
    level, district, province, platform, unit = "commune", "thị xã Phước Long", "tỉnh Bình Phước", "nukeviet", "xã Bù Gia Mập"
    page_size = 3
    box_on = ("home", "listing", "article")

    def __init__(self, seed):
        super().__init__(seed)
        self.add_category("cai-cach-hanh-chinh", "Cải cách hành chính", 7)
        self.add_category("hoat-dong-doan-the", "Hoạt động đoàn thể", 3, reform=False)
        self.box = make_box(self.rng, "Kết quả giải quyết TTHC năm 2026", "dl", style=0)

    def article_path(self, a):
        return f"/vi/{a.category}/{slug(a.title, 60)}-{a.id}.html"

    def listing_path(self, c, p):
        return f"/vi/{c.key}/" + (f"page-{p}/" if p > 1 else "")

    def shell(self, title, main, side=""):
        menu = "".join(f'<li><a href="{self.listing_path(c, 1)}">{c.title}</a></li>' for c in self.cats)
        return (head(title, '<meta name="generator" content="NukeViet v4.5">'
                     '<link rel="alternate" type="application/rss+xml" title="Tin tức" href="/vi/rss/">')
                + f'<body><div class="khung-ngoai"><div class="dau-trang"><a href="/vi/"><img src="/uploads/logo.png" alt="logo"> '
                  f'CỔNG THÔNG TIN ĐIỆN TỬ XÃ BÙ GIA MẬP</a></div><nav class="thanh-menu"><ul><li><a href="/vi/">Trang chủ</a></li>'
                  f'{menu}<li><a href="/vi/gioi-thieu/">Giới thiệu</a></li><li><a href="/vi/lien-he/">Liên hệ</a></li></ul></nav>'
                  f'<div class="than-trang"><div class="cot-chinh">{main}</div><aside class="cot-phu">{side}</aside></div>'
                  f'<div class="chan-trang">Cơ quan chủ quản: UBND xã Bù Gia Mập. {counter(self.rng)}</div></div></body></html>')

    def side(self):
        latest = "".join(f'<li><a href="{a.url}">{esc(a.title)}</a></li>' for a in self.all_articles()[:5])
        return (render_box(self.box, ("hop-thongke", "tieude-hop", "dong-so"))
                + f'<div class="hop-tin"><h4>Tin mới nhất</h4><ul>{latest}</ul></div>')

    def home(self):
        blocks = ""
        for c in self.cats:
            arts = c.articles[:3]
            blocks += (f'<div class="nhom-tin"><h2><a href="{self.listing_path(c, 1)}">{c.title}</a></h2>'
                       + "".join(f'<div class="muc-tin"><a href="{a.url}"><img src="/uploads/news/2026_11/a{a.id}.jpg" alt=""></a>'
                                 f'<h3><a href="{a.url}">{esc(a.title)}</a></h3><p>{esc(a.lead)}</p></div>' for a in arts)
                       + "</div>")
        return self.shell("Xã Bù Gia Mập", blocks, self.side())

    def listing(self, c, p, items, n):
        rows = "".join(f'<div class="muc-tin"><a href="{a.url}" class="anh"><img src="/uploads/news/2026_11/a{a.id}.jpg" alt="{esc(a.title)}"></a>'
                       f'<h3><a href="{a.url}">{esc(a.title)}</a></h3><span class="ngay">{dmy(a.when)} {a.when:%H:%M:%S}</span>'
                       f'<p>{esc(a.lead)}</p></div>' for a in items)
        pager = '<ul class="phan-trang">' + "".join(
            f'<li class="{"dang-xem" if i == p else ""}"><a href="{self.listing_path(c, i) if i != p else "javascript:void(0)"}">{i}</a></li>'
            for i in range(1, n + 1)) + (f'<li><a href="{self.listing_path(c, p + 1)}">»</a></li>' if p < n else "") + "</ul>"
        bc = f'<div class="duong-dan"><a href="/vi/">Trang chủ</a> › <a href="{self.listing_path(c, 1)}">{c.title}</a></div>'
        return self.shell(f"{c.title} - Trang {p}", bc + f"<h1>{c.title}</h1>" + rows + pager, self.side())

    def article(self, a):
        c = next(c for c in self.cats if c.key == a.category)
        rel = "".join(f'<li><a href="{o.url}">{esc(o.title)}</a> <em>({dmy(o.when)})</em></li>'
                      for o in c.articles if o is not a)[:3000]
        main = (f'<div class="duong-dan"><a href="/vi/">Trang chủ</a> › <a href="{self.listing_path(c, 1)}">{c.title}</a></div>'
                f'<div class="bai-viet"><h1 class="ten-bai">{esc(a.title)}</h1>'
                f'<div class="thoi-gian">{weekday(a.when)}, {dmy(a.when)} - {hm(a.when)}</div>'
                f'<div class="tom-tat"><b>{esc(a.lead)}</b></div><div class="noi-dung">{self.body_html(a)}'
                f'<p style="text-align:right"><b>Văn phòng UBND xã</b></p></div>'
                f'<div class="tin-khac"><h4>Tin liên quan</h4><ul>{rel}</ul></div></div>')
        return self.shell(a.title, main, self.side())

    def home_path(self):
        return "/vi/"

    def extra(self):
        return {"/": self.pages["/vi/"],
                "/vi/gioi-thieu/": self.shell("Giới thiệu", "<h1>Giới thiệu chung</h1><p>Xã Bù Gia Mập có diện tích tự nhiên 32.400 ha, dân số 12.105 người.</p>"),
                "/vi/lien-he/": self.shell("Liên hệ", "<h1>Liên hệ</h1><p>Điện thoại: 0271.3770.123</p>")}


# 2. Liferay 6.2 (VNPT Thanh Hóa style) -----------------------------------------------------
class LrDongTho(Site):
    id, host, name = "th-dongtho", "dongtho.tpthanhhoa.thanhhoa.gov.vn", "phường Đông Thọ"
    level, district, province, platform, unit = "commune", "thành phố Thanh Hóa", "tỉnh Thanh Hóa", "liferay", "phường Đông Thọ"
    page_size = 4
    box_on = ("home", "listing")
    PID = "tintuc_WAR_dnnewsportlet_INSTANCE_k3Tq"

    def __init__(self, seed):
        super().__init__(seed)
        self.add_category("cai-cach-hanh-chinh", "Cải cách hành chính", 9)
        self.add_category("tin-tuc-su-kien", "Tin tức sự kiện", 4, reform=False)
        self.box = make_box(self.rng, "Tình hình giải quyết hồ sơ", "table", style=1)

    def article_path(self, a):
        return f"/web/trang-chu/{a.category}/{slug(a.title)}.html"

    def listing_path(self, c, p):
        base = f"/web/trang-chu/{c.key}"
        if p == 1:
            return base
        return f"{base}?p_p_id={self.PID}&p_p_lifecycle=0&p_p_state=normal&_{self.PID}_delta=4&_{self.PID}_cur={p}"

    def home_path(self):
        return "/web/trang-chu"

    def shell(self, title, main, box=True):
        menu = "".join(f'<a class="mnu-item" href="{self.listing_path(c, 1)}">{c.title.upper()}</a>' for c in self.cats)
        right = render_box(self.box, ("pnl-kqgq", "pnl-kqgq-tit", "pnl-kqgq-row")) if box else ""
        return (head(title) + '<body class="yui3-skin-sam"><div id="wrapper"><header id="banner">'
                f'<p>Chào mừng bạn đến với Trang thông tin điện tử Phường Đông Thọ - TP.Thanh Hóa</p>'
                f'<nav class="sort-pages">{menu}<a class="mnu-item" href="/web/trang-chu/van-ban">VĂN BẢN</a></nav></header>'
                f'<div id="content"><div class="portlet-layout row-fluid"><div class="span8 portlet-column">'
                f'<div id="p_p_id_{self.PID}_" class="portlet-boundary">{main}</div></div>'
                f'<div class="span4 portlet-column">{right}</div></div></div>'
                f'<footer>Bản quyền thuộc UBND phường Đông Thọ. {counter(self.rng, sep=",")}</footer></div></body></html>')

    def home(self):
        a0 = self.all_articles()[0]
        rest = self.all_articles()[1:7]
        main = (f'<div class="hot-news"><a href="{a0.url}"><img src="/documents/10180/a{a0.id}.jpg"></a>'
                f'<h2><a href="{a0.url}">{esc(a0.title)}</a></h2><p>{esc(a0.lead)}</p></div>'
                '<ul class="list-news-home">' + "".join(f'<li><a href="{a.url}">{esc(a.title)}</a></li>' for a in rest) + "</ul>")
        return self.shell("Trang chủ - Phường Đông Thọ", main)

    def listing(self, c, p, items, n):
        rows = "".join(f'<div class="news-row"><div class="news-img"><img src="/documents/10180/a{a.id}.jpg"></div>'
                       f'<div class="news-info"><a class="news-title" href="{a.url}">{esc(a.title)}</a>'
                       f'<span class="news-date">({dmy(a.when)})</span><div class="news-sapo">{esc(a.lead)}</div></div></div>'
                       for a in items)

        def li(label, target, ok):
            href = self.listing_path(c, target) if ok else "javascript:;"
            return f'<li class="{"" if ok else "disabled"}"><a href="{href}">{label}</a></li>'
        pager = (f'<div class="taglib-page-iterator"><div class="search-results">Hiển thị {len(items)} kết quả</div>'
                 '<ul class="pager lfr-pagination-buttons">'
                 + li("&larr; Đầu", 1, p > 1) + li("Trước", p - 1, p > 1) + li("Tiếp", p + 1, p < n)
                 + li("Cuối &rarr;", n, p < n) + "</ul></div>")
        return self.shell(c.title, f'<h2 class="portlet-title">{c.title}</h2>' + rows + pager)

    def article(self, a):
        c = next(c for c in self.cats if c.key == a.category)
        others = "".join(f'<li><a href="{o.url}">{esc(o.title)}</a></li>' for o in [o for o in c.articles if o is not a][:5])
        main = (f'<div class="chitiet"><div class="ct-title">{esc(a.title)}</div>'
                f'<div class="ct-time">Đăng lúc: {a.when:%H:%M:%S} {dmy(a.when)} (GMT+7)</div><div class="zoom">100%</div>'
                f'<div class="ct-sapo">{esc(a.lead)}</div><div class="ct-body">{self.body_html(a)}</div>'
                f'<div class="ct-other"><div class="ct-other-tit">Các tin khác</div><ul>{others}</ul></div></div>')
        return self.shell(a.title, main, box=False)

    def extra(self):
        return {"/": self.pages["/web/trang-chu"],
                "/web/trang-chu/van-ban": self.shell("Văn bản", "<h2>Văn bản chỉ đạo điều hành</h2><table><tr><td>Số 12/KH-UBND</td><td>Kế hoạch CCHC năm 2026</td></tr></table>")}


# 3. Tân Dân portal/Pages ------------------------------------------------------------------
class PpThachLinh(Site):
    id, host, name = "ht-thachlinh", "thachlinh.hatinh.gov.vn", "phường Thạch Linh"
    level, district, province, platform, unit = "commune", "", "tỉnh Hà Tĩnh", "portal_pages", "phường Thạch Linh"
    page_size = 3
    box_on = ("home", "article")

    def __init__(self, seed):
        super().__init__(seed)
        self.add_category("Cai-cach-hanh-chinh", "Cải cách hành chính", 8)
        self.box = make_box(self.rng, "Thống kê hồ sơ TTHC", "ul", style=2)
        self.sfx = {}

    def article_path(self, a):
        s = self.sfx.setdefault(a.id, slug(str(a.id * 7919), 8) + "".join("abcdefgh"[int(d) % 8] for d in str(a.id)))
        return f"/portal/Pages/{a.when.year}-{a.when.month}-{a.when.day}/{slug(a.title, 50, keep_case=True)}{s[-6:]}.aspx"

    def listing_path(self, c, p):
        return f"/portal/Pages/{c.key}.aspx" + (f"?PageIndex={p}" if p > 1 else "")

    def home_path(self):
        return "/portal/Pages/default.aspx"

    def shell(self, title, main, box):
        menu = "".join(f'<td class="mn"><a href="{self.listing_path(c, 1)}">{c.title}</a></td>' for c in self.cats)
        b = render_box(self.box, ("tk-hoso", "tk-hoso-head", "tk-hoso-li")) if box else ""
        return (head(title + " - CỔNG THÔNG TIN ĐIỆN TỬ PHƯỜNG THẠCH LINH")
                + '<body><form id="aspnetForm" method="post" action="./default.aspx"><div id="s4-workspace">'
                  f'<table class="khung" width="1000"><tr><td colspan="2" class="bn">PHƯỜNG THẠCH LINH - TP HÀ TĨNH</td></tr>'
                  f'<tr><td colspan="2"><table><tr><td class="mn"><a href="/portal/Pages/default.aspx">Trang chủ</a></td>{menu}'
                  f'<td class="mn"><a href="/portal/Pages/Gioi-thieu.aspx">Giới thiệu</a></td></tr></table></td></tr>'
                  f'<tr><td valign="top" width="720">{main}</td><td valign="top">{b}</td></tr>'
                  f'<tr><td colspan="2" class="ft">Trưởng ban biên tập: Chủ tịch UBND phường. {counter(self.rng)}</td></tr></table>'
                  '</div></form></body></html>')

    def home(self):
        arts = self.all_articles()
        main = ('<div class="tin-noi-bat">' + "".join(
            f'<div class="tnb"><a href="{a.url}"><img src="/portal/Photos/{a.when:%Y-%m-%d}/a{a.id}.jpg"></a>'
            f'<a class="tnb-t" href="{a.url}">{esc(a.title)}</a></div>' for a in arts[:4]) + "</div>")
        return self.shell("Trang chủ", main, True)

    def listing(self, c, p, items, n):
        rows = "".join(f'<tr><td width="130"><img src="/portal/Photos/{a.when:%Y-%m-%d}/a{a.id}.jpg" width="120"></td>'
                       f'<td><a class="dm-tieude" href="{a.url}">{esc(a.title)}</a><br><span class="dm-ngay">{dmy(a.when)}</span>'
                       f'<div>{esc(a.lead)}</div></td></tr>' for a in items)
        pager = '<div class="dm-trang">' + "".join(
            (f'<span class="CurrentPage">{i}</span>' if i == p else f'<a href="{self.listing_path(c, i)}">{i}</a>') for i in range(1, n + 1)) \
            + (f' <a href="{self.listing_path(c, p + 1)}">Tiếp</a>' if p < n else "") + "</div>"
        bc = f'<div class="bread">Trang chủ &gt; {c.title}</div>'
        return self.shell(c.title, bc + f'<table class="dm-list">{rows}</table>' + pager, False)

    def article(self, a):
        main = (f'<div class="bread"><a href="/portal/Pages/default.aspx">Trang chủ</a> &gt; <a href="{self.listing_path(self.cats[0], 1)}">Cải cách hành chính</a></div>'
                f'<h2 class="bv-ten">{esc(a.title)}</h2><div class="bv-ngay">Ngày đăng: {dmy(a.when)} {hm(a.when)} | Lượt xem: 211</div>'
                f'<p class="bv-sapo">{esc(a.lead)}</p><div class="bv-nd ms-rtestate-field">{self.body_html(a, "<div>", "</div>")}</div>'
                '<div class="bv-khac"><p>Tin đã đăng</p><ul>' + "".join(
                    f'<li><a href="{o.url}">{esc(o.title)}</a> ({dmy(o.when)})</li>' for o in self.all_articles()[:4] if o is not a) + "</ul></div>")
        return self.shell(a.title, main, True)

    def extra(self):
        return {"/": self.pages["/portal/Pages/default.aspx"],
                "/portal/Pages/Gioi-thieu.aspx": self.shell("Giới thiệu", "<p>Phường Thạch Linh được thành lập năm 2007.</p>", False)}


# 4. Tân Dân "Trang" ---------------------------------------------------------------------------
class TrHongPhong(Site):
    id, host, name = "hd-hongphong", "hongphong.ninhgiang.haiduong.gov.vn", "xã Hồng Phong"
    level, district, province, platform, unit = "commune", "huyện Ninh Giang", "tỉnh Hải Dương", "trang", "xã Hồng Phong"
    page_size = 3
    box_on = ("home", "listing", "article")

    def __init__(self, seed):
        super().__init__(seed)
        self.add_category("14", "Cải cách hành chính", 7)
        self.add_category("15", "Thủ tục hành chính", 4, kinds=["quarter", "news"])
        self.box = make_box(self.rng, "Kết quả giải quyết TTHC", "divs", style=1)

    def article_path(self, a):
        return f"/Trang/ChiTietTinTuc.aspx?nid={a.id}&title={slug(a.title, 70)}.html"

    def listing_path(self, c, p):
        return f"/Trang/DanhSachTin.aspx?Cat={c.key}" + (f"&p={p}" if p > 1 else "")

    def home_path(self):
        return "/Trang/Default.aspx"

    def shell(self, title, main, side=""):
        menu = "".join(f'<td><a href="{self.listing_path(c, 1)}">{c.title.upper()}</a></td>' for c in self.cats)
        box = render_box(self.box, ("thongke-tthc", "thongke-tthc-tieude", "thongke-tthc-dong"))
        return (head(title) + '<body><table width="990" align="center" border="0" cellspacing="0"><tr><td>'
                '<img src="/HinhAnhBaiViet/banner.jpg" alt="TRANG THÔNG TIN ĐIỆN TỬ XÃ HỒNG PHONG"></td></tr>'
                f'<tr><td><table class="menungang"><tr><td><a href="/Trang/Default.aspx">TRANG CHỦ</a></td>{menu}</tr></table></td></tr>'
                f'<tr><td><table width="100%"><tr><td width="250" valign="top">{box}{side}</td><td valign="top">{main}</td></tr></table></td></tr>'
                f'<tr><td class="chantrang">TRANG THÔNG TIN ĐIỆN TỬ XÃ HỒNG PHONG - HUYỆN NINH GIANG<br>Địa chỉ: UBND xã Hồng Phong. '
                f'{counter(self.rng, ("Đang truy cập", "Hôm nay", "Tất cả"), ",")}</td></tr></table></body></html>')

    def home(self):
        secs = ""
        for c in self.cats:
            secs += (f'<table class="khoi-tin" width="100%"><tr><td class="khoi-tin-ten"><a href="{self.listing_path(c, 1)}">{c.title.upper()}</a></td></tr>'
                     + "".join(f'<tr><td><a href="{a.url}">{esc(a.title)}</a> <span>({dmy(a.when, "-")})</span></td></tr>' for a in c.articles[:3])
                     + "</table>")
        return self.shell("Trang chủ", secs)

    def listing(self, c, p, items, n):
        first, rest = items[0], items[1:]
        feat = (f'<div class="tin-dau"><a href="{first.url}"><img src="/HinhAnhBaiViet/a{first.id}.jpg"></a>'
                f'<h3><a href="{first.url}">{esc(first.title)}</a></h3><i>({dmy(first.when, "-")})</i><p>{esc(first.lead)}</p></div>')
        others = "".join(f'<tr><td><img src="/HinhAnhBaiViet/a{a.id}.jpg" width="90"></td><td><a href="{a.url}">{esc(a.title)}</a>'
                         f' <i>({dmy(a.when, "-")})</i></td></tr>' for a in rest)
        pager = "Trang: " + " ".join(f"<b>{i}</b>" if i == p else f'<a href="{self.listing_path(c, i)}">{i}</a>' for i in range(1, n + 1))
        latest = '<div class="moinhat"><b>Tin mới nhất</b>' + "".join(f'<div><a href="{a.url}">{esc(a.title)}</a></div>' for a in self.all_articles()[:4]) + "</div>"
        return self.shell(c.title, f'<div class="tieude-cm">{c.title.upper()}</div>{feat}<table>{others}</table><div class="phantrang">{pager}</div>', latest)

    def article(self, a):
        c = next(c for c in self.cats if c.key == a.category)
        main = (f'<div class="tieude-cm">{c.title.upper()}</div><table class="chitiet"><tr><td class="tenbai">{esc(a.title)}</td></tr>'
                f'<tr><td class="ngaydang">{dmy(a.when)} {a.when:%H:%M:%S}</td></tr><tr><td>{self.body_html(a)}<p><b>VT.</b></p></td></tr></table>'
                '<div class="cactinkhac">Các tin khác:' + "".join(f'<br>- <a href="{o.url}">{esc(o.title)}</a> ({dmy(o.when)})' for o in c.articles if o is not a) + "</div>")
        return self.shell(a.title, main)

    def extra(self):
        return {"/": self.pages["/Trang/Default.aspx"]}


# 5. SharePoint Lists ------------------------------------------------------------------------
class SpSoNoiVu(Site):
    id, host, name = "vp-sonoivu", "sonoivu.vinhphuc.gov.vn", "Sở Nội vụ tỉnh Vĩnh Phúc"
    level, district, province, platform, unit = "province", "", "tỉnh Vĩnh Phúc", "sharepoint_lists", "Sở Nội vụ"
    page_size = 4
    box_on = ("listing",)

    def __init__(self, seed):
        super().__init__(seed)
        self.add_category("7", "Cải cách hành chính", 10)
        self.box = make_box(self.rng, "Kết quả xử lý hồ sơ", "table", style=0)

    def article_path(self, a):
        return f"/ct/cms/tintuc/Lists/CaiCachHanhChinh/View_Detail.aspx?ItemID={a.id}"

    def listing_path(self, c, p):
        return f"/ct/cms/tintuc/Pages/chuyen-muc.aspx?ChuyenMucID={c.key}" + (f"&page={p}" if p > 1 else "")

    def home_path(self):
        return "/Pages/home.aspx"

    def shell(self, title, main, box=False):
        b = render_box(self.box, ("ctl00_g_4f2a_kq", "kq-hd", "kq-r")) if box else ""
        return (head(title) + '<body><div id="s4-ribbonrow"><a href="#mainContent">Skip Ribbon Commands</a>'
                '<a href="#mainContent">Skip to main content</a></div><div id="s4-bodyContainer">'
                '<div class="top-banner">SỞ NỘI VỤ TỈNH VĨNH PHÚC</div><div class="nav-top"><a href="/Pages/home.aspx">Trang chủ</a> '
                f'<a href="{self.listing_path(self.cats[0], 1)}">Cải cách hành chính</a> <a href="/Pages/thu-tuc.aspx">Thủ tục hành chính</a></div>'
                f'<div id="ctl00_PlaceHolderMain_wp1" class="main-zone">{main}</div><div class="right-zone">{b}</div>'
                '<div class="footer-zone">Sở Nội vụ tỉnh Vĩnh Phúc - Điện thoại: 0211.3862.111</div></div></body></html>')

    def home(self):
        arts = self.all_articles()[:5]
        return self.shell("Sở Nội vụ", '<div class="slide-news">' + "".join(
            f'<div class="sl-item"><a href="{a.url}" title="{esc(a.title)}"><img src="/PublishingImages/a{a.id}.jpg"></a>'
            f'<div class="sl-cap"><a href="{a.url}">{esc(a.title)}</a></div></div>' for a in arts) + "</div>")

    def listing(self, c, p, items, n):
        rows = "".join(f'<tr><td class="stt">{(p - 1) * self.page_size + k + 1}</td><td><a href="{a.url}">{esc(a.title)}</a></td>'
                       f'<td class="ngay">{dmy(a.when)}</td></tr>' for k, a in enumerate(items))
        pager = (f'<div id="ctl00_SPWebPartManager1_g_8e1c_ctl00_PhanTrang_D">'
                 + (f'<a href="{self.listing_path(c, p - 1)}">&lt;&lt; Trang trước</a> ' if p > 1 else "")
                 + f"Trang {p}/{n}"
                 + (f' <a href="{self.listing_path(c, p + 1)}">Trang sau &gt;&gt;</a>' if p < n else "") + "</div>")
        return self.shell(c.title, f'<h2>{c.title}</h2><table class="ms-listviewtable"><tr><th>STT</th><th>Tiêu đề</th><th>Ngày đăng</th></tr>{rows}</table>{pager}', True)

    def article(self, a):
        main = (f'<div id="divArticleDescription3" class="art-title">{esc(a.title)}</div><div class="art-date">{dmy(a.when)}</div>'
                f'<div id="divArticleDescription1"><strong>{esc(a.lead)}</strong></div>'
                f'<div id="divArticleDescription2">{self.body_html(a)}</div>'
                '<div class="lienquan"><h3>Tin liên quan</h3>' + "".join(f'<p><a href="{o.url}">{esc(o.title)}</a></p>' for o in self.all_articles()[:3] if o is not a) + "</div>")
        return self.shell(a.title, main)

    def extra(self):
        return {"/": self.pages["/Pages/home.aspx"], "/Pages/thu-tuc.aspx": self.shell("Thủ tục", "<p>Danh mục thủ tục hành chính thuộc thẩm quyền của Sở.</p>")}


# 6. WordPress, dated permalinks -------------------------------------------------------------
class WpCamHoa(Site):
    id, host, name = "ht-camhoa", "camhoa.camxuyen.hatinh.gov.vn", "xã Cẩm Hòa"
    level, district, province, platform, unit = "commune", "huyện Cẩm Xuyên", "tỉnh Hà Tĩnh", "wordpress", "xã Cẩm Hòa"
    page_size = 3
    box_on = ("home", "listing", "article")

    def __init__(self, seed):
        super().__init__(seed)
        self.add_category("cai-cach-hanh-chinh", "Cải cách hành chính", 6)
        self.add_category("tin-tuc", "Tin tức", 3, reform=False)
        self.box = make_box(self.rng, "Tình hình xử lý hồ sơ năm 2026", "ul", style=0)

    def article_path(self, a):
        return f"/{a.when:%Y/%m/%d}/{slug(a.title, 70)}/"

    def listing_path(self, c, p):
        return f"/chuyen-muc/{c.key}/" + (f"page/{p}/" if p > 1 else "")

    def shell(self, title, main):
        cats = "".join(f'<li class="menu-item"><a href="{self.listing_path(c, 1)}">{c.title}</a></li>' for c in self.cats)
        latest = "".join(f'<li><a href="{a.url}">{esc(a.title)}</a></li>' for a in self.all_articles()[:5])
        return (head(title, '<meta name="generator" content="WordPress 6.4.3"><link rel="stylesheet" href="/wp-content/themes/xahoa/style.css">')
                + f'<body class="home blog"><div class="wrap-all"><div class="logo-xa"><a href="/">UBND xã Cẩm Hòa</a></div>'
                  f'<ul class="main-nav"><li><a href="/">Trang chủ</a></li>{cats}</ul><div class="noidung-chinh">{main}</div>'
                  f'<div class="widget-area"><div class="widget">{render_box(self.box, ("wg-hoso", "wg-title", "wg-li"))}</div>'
                  f'<div class="widget"><h3 class="wg-title">Tin mới nhất</h3><ul>{latest}</ul></div></div>'
                  f'<div class="site-info">© UBND xã Cẩm Hòa</div></div></body></html>')

    def post_card(self, a):
        return (f'<div class="post-card"><a href="{a.url}"><img src="/wp-content/uploads/2026/11/a{a.id}.jpg"></a>'
                f'<h2 class="post-card-title"><a href="{a.url}" rel="bookmark">{esc(a.title)}</a></h2>'
                f'<div class="post-card-date">{weekday(a.when)}, {dmy(a.when)}</div><p>{esc(a.lead)}</p></div>')

    def home(self):
        return self.shell("UBND xã Cẩm Hòa", "".join(self.post_card(a) for a in self.all_articles()[:5]))

    def listing(self, c, p, items, n):
        nav = '<div class="nav-links">' + (f'<a class="prev" href="{self.listing_path(c, p - 1)}">Mới hơn</a> ' if p > 1 else "") \
            + (f'<a class="next" href="{self.listing_path(c, p + 1)}">Cũ hơn</a>' if p < n else "") + "</div>"
        return self.shell(c.title, f'<h1 class="archive-h">Chuyên mục: {c.title}</h1>' + "".join(self.post_card(a) for a in items) + nav)

    def article(self, a):
        return self.shell(a.title, f'<div class="bai-{a.id} baidang"><h1 class="baidang-ten">{esc(a.title)}</h1>'
                          f'<div class="baidang-meta"><time datetime="{a.when.isoformat()}+07:00">{weekday(a.when)}, {dmy(a.when)}</time></div>'
                          f'<div class="baidang-nd"><p><strong>{esc(a.lead)}</strong></p>{self.body_html(a)}</div></div>')


# 7. Drupal, node URLs, ISO date only in a meta ----------------------------------------------
class DrVinhTrung(Site):
    id, host, name = "ag-vinhtrung", "vinhtrung.tinhbien.angiang.gov.vn", "xã Vĩnh Trung"
    level, district, province, platform, unit = "commune", "thị xã Tịnh Biên", "tỉnh An Giang", "drupal", "xã Vĩnh Trung"
    page_size = 4
    box_on = ("home",)

    def __init__(self, seed):
        super().__init__(seed)
        self.add_category("cai-cach-hanh-chinh", "Cải cách hành chính", 9)
        self.box = make_box(self.rng, "Kết quả giải quyết hồ sơ TTHC", "dl", style=2)

    def article_path(self, a):
        return f"/index.php/node/{a.id}"

    def listing_path(self, c, p):
        return f"/index.php/{c.key}" + (f"?page={p - 1}" if p > 1 else "")

    def shell(self, title, main, meta="", box=False):
        b = render_box(self.box, ("blk-tk", "blk-tk-h", "blk-tk-v")) if box else ""
        return (head(title, meta + '<meta name="Generator" content="Drupal 9 (https://www.drupal.org)">')
                + '<body class="path-node"><div class="dialog-off-canvas-main-canvas"><div class="hdr">XÃ VĨNH TRUNG</div>'
                  f'<ul class="menu"><li><a href="/index.php">Trang chủ</a></li><li><a href="{self.listing_path(self.cats[0], 1)}">Cải cách hành chính</a></li>'
                  '<li><a href="/index.php/lien-he">Liên hệ</a></li></ul>'
                  f'<main role="main">{main}</main><aside>{b}</aside><div class="ftr">UBND xã Vĩnh Trung</div></div></body></html>')

    def home(self):
        arts = self.all_articles()[:6]
        return self.shell("Trang chủ | Xã Vĩnh Trung", '<div class="views-view-grid">' + "".join(
            f'<div class="views-col"><a href="{a.url}" hreflang="vi">{esc(a.title)}</a></div>' for a in arts) + "</div>", box=True)

    def listing(self, c, p, items, n):
        rows = "".join(f'<div class="views-row"><div class="anh-dd"><img src="/sites/default/files/a{a.id}.jpg"></div>'
                       f'<h3><a href="{a.url}" hreflang="vi">{esc(a.title)}</a></h3><div class="tomtat">{esc(a.lead)}</div></div>' for a in items)
        pager = '<nav class="pager"><ul class="pager__items">' + "".join(
            f'<li class="pager__item{" is-active" if i == p else ""}"><a href="?page={i - 1}">{i}</a></li>' for i in range(1, n + 1)) \
            + (f'<li class="pager__item pager__item--next"><a href="?page={p}" rel="next">›</a></li>' if p < n else "") + "</ul></nav>"
        return self.shell(c.title, f'<h1>{c.title}</h1><div class="view-content">{rows}</div>{pager}')

    def article(self, a):
        meta = f'<meta property="article:published_time" content="{a.when.isoformat()}+07:00">'
        return self.shell(a.title, f'<article class="nd-bai"><h1><span>{esc(a.title)}</span></h1>'
                          f'<div class="field--name-body"><p><em>{esc(a.lead)}</em></p>{self.body_html(a)}</div></article>', meta)

    def extra(self):
        return {"/index.php": self.pages["/"], "/index.php/cai-cach-hanh-chinh?page=0": self.pages["/index.php/cai-cach-hanh-chinh"],
                "/index.php/lien-he": self.shell("Liên hệ", "<p>Ấp Vĩnh Thuận, xã Vĩnh Trung.</p>")}


# 8. Oracle WebCenter (Quảng Nam) --------------------------------------------------------------
class WcNuiThanh(Site):
    id, host, name = "qn-nuithanh", "nuithanh.quangnam.gov.vn", "huyện Núi Thành"
    level, district, province, platform, unit = "district", "huyện Núi Thành", "tỉnh Quảng Nam", "generic", "huyện Núi Thành"
    page_size = 4
    box_on = ("home",)

    def __init__(self, seed):
        super().__init__(seed)
        self.add_category("cai-cach-hanh-chinh", "Cải cách hành chính", 8)
        self.add_category("tin-dia-phuong", "Tin địa phương", 3, reform=False)
        self.box = make_box(self.rng, "Kết quả giải quyết TTHC", "table", style=1)

    def article_path(self, a):
        return f"/webcenter/portal/nuithanh/pages_tin-tuc/chi-tiet?dDocName=PORTAL{a.id + 480000}"

    def listing_path(self, c, p):
        return f"/webcenter/portal/nuithanh/pages_{c.key}" + (f"?trang={p}" if p > 1 else "")

    def home_path(self):
        return "/webcenter/portal/nuithanh"

    def shell(self, title, main, box=False):
        menu = "".join(f'<li><a href="{self.listing_path(c, 1)}">{c.title}</a></li>' for c in self.cats)
        b = render_box(self.box, ("af_panelBox kq", "kq-tieude", "kq-dong")) if box else ""
        return (head(title) + '<body><div id="T:pt_ps" class="af_panelStretchLayout"><div class="wc-header">UBND HUYỆN NÚI THÀNH</div>'
                f'<ul class="wc-nav"><li><a href="/webcenter/portal/nuithanh">Trang chủ</a></li>{menu}</ul>'
                f'<div class="wc-body"><div class="wc-left">{main}</div><div class="wc-right">{b}</div></div>'
                f'<div class="wc-foot">UBND huyện Núi Thành. {counter(self.rng)}</div></div></body></html>')

    def home(self):
        return self.shell("Trang chủ", '<ul class="wc-hot">' + "".join(
            f'<li><a href="{a.url}">{esc(a.title)}</a></li>' for a in self.all_articles()[:6]) + "</ul>", True)

    def listing(self, c, p, items, n):
        first, rest = items[0], items[1:]
        feat = (f'<div class="wc-feat"><img src="/documents/a{first.id}.jpg"><h2><a href="{first.url}">{esc(first.title)}</a></h2>'
                f'<div>Ngày đăng: {dmy(first.when)} {hm(first.when)}</div><p>{esc(first.lead)}</p></div>')
        lst = "".join(f'<div class="wc-it"><a href="{a.url}">{esc(a.title)}</a> <span>Ngày đăng: {dmy(a.when)} {hm(a.when)}</span></div>' for a in rest)
        pager = '<div class="wc-pg">' + " ".join(
            f'<a href="{self.listing_path(c, i)}">{i}</a>' if i != p else f'<span>{i}</span>' for i in range(1, n + 1)) + "</div>"
        return self.shell(c.title, feat + lst + pager)

    def article(self, a):
        return self.shell(a.title, f'<div class="wc-bc"><a href="/webcenter/portal/nuithanh">Trang chủ</a> / Tin tức</div>'
                          f'<h1 class="wc-t">{esc(a.title)}</h1><div class="wc-d">Ngày đăng: {dmy(a.when)} {hm(a.when)}</div>'
                          f'<div class="wc-c"><p class="sapo">{esc(a.lead)}</p>{self.body_html(a)}</div>')

    def extra(self):
        return {"/": self.pages["/webcenter/portal/nuithanh"]}


# 9. /TrangChu/NewCatId/ (Huế) ----------------------------------------------------------------
class TcPhuVang(Site):
    id, host, name = "hue-phuvang", "phuvang.huecity.gov.vn", "quận Phú Vang"
    level, district, province, platform, unit = "district", "quận Phú Vang", "thành phố Huế", "generic", "quận Phú Vang"
    page_size = 4
    box_on = ("listing", "article")

    def __init__(self, seed):
        super().__init__(seed)
        self.add_category("415", "Cải cách hành chính", 7)
        self.add_category("416", "Kiểm soát thủ tục hành chính", 4, kinds=["half", "month"])
        self.box = make_box(self.rng, "Tình hình xử lý hồ sơ năm 2026", "ul", style=2)

    def article_path(self, a):
        return f"/TrangChu/NewCatId/{a.category}/NewVid/{a.id + 24000}"

    def listing_path(self, c, p):
        return f"/TrangChu/NewCatId/{c.key}" + (f"?PageIndex={p}" if p > 1 else "")

    def shell(self, title, main, box=False):
        menu = "".join(f'<td class="tdMenu"><a href="{self.listing_path(c, 1)}">{c.title}</a></td>' for c in self.cats)
        b = render_box(self.box, ("boxThongKe", "boxThongKe_hd", "boxThongKe_it")) if box else ""
        return (head(title) + '<body><table id="tblMain" width="100%"><tr><td colspan="3" class="tdBanner">QUẬN PHÚ VANG</td></tr>'
                f'<tr><td colspan="3"><table><tr><td class="tdMenu"><a href="/TrangChu">Trang chủ</a></td>{menu}</tr></table></td></tr>'
                f'<tr><td width="200" valign="top"><a href="/TrangChu/LienKet">Liên kết web</a></td><td valign="top">{main}</td><td width="260" valign="top">{b}</td></tr>'
                f'<tr><td colspan="3">UBND quận Phú Vang. {counter(self.rng)}</td></tr></table></body></html>')

    def home(self):
        cols = ""
        for c in self.cats:
            a0 = c.articles[0]
            cols += (f'<table class="tblCat"><tr><td colspan="2" class="catName"><a href="{self.listing_path(c, 1)}">{c.title}</a></td></tr>'
                     f'<tr><td><img src="/Uploads/a{a0.id}.jpg"></td><td><a href="{a0.url}"><b>{esc(a0.title)}</b></a><br>{esc(a0.lead)}</td></tr>'
                     + "".join(f'<tr><td colspan="2">» <a href="{a.url}">{esc(a.title)}</a></td></tr>' for a in c.articles[1:4]) + "</table>")
        return self.shell("Cổng thông tin điện tử quận Phú Vang", cols)

    def listing(self, c, p, items, n):
        rows = "".join(f'<tr><td valign="top"><img src="/Uploads/a{a.id}.jpg" width="100"></td><td><a class="lnkTitle" href="{a.url}">{esc(a.title)}</a>'
                       f'<div class="dt">{weekday(a.when)}, {dmy(a.when)}</div><div>{esc(a.lead)}</div></td></tr>' for a in items)
        pager = '<div class="pg">' + " ".join(
            f'<a href="{self.listing_path(c, i)}">[{i}]</a>' if i != p else f'<b>[{i}]</b>' for i in range(1, n + 1)) + "</div>"
        return self.shell(c.title, f'<div class="catHead">{c.title}</div><table>{rows}</table>{pager}', True)

    def article(self, a):
        c = next(c for c in self.cats if c.key == a.category)
        return self.shell(a.title, f'<div class="catHead"><a href="/TrangChu">Trang chủ</a> » <a href="{self.listing_path(c, 1)}">{c.title}</a></div>'
                          f'<div class="newsTitle">{esc(a.title)}</div><div class="dt">{weekday(a.when)}, {dmy(a.when)}</div>'
                          f'<div class="newsBody"><p><b>{esc(a.lead)}</b></p>{self.body_html(a)}</div>'
                          '<div class="newsOther"><div>Tin liên quan</div>' + "".join(f'<div>» <a href="{o.url}">{esc(o.title)}</a> ({dmy(o.when)})</div>' for o in c.articles[:5] if o is not a) + "</div>", True)

    def extra(self):
        return {"/TrangChu": self.pages["/"], "/TrangChu/LienKet": self.shell("Liên kết", "<p>Liên kết website</p>")}


# 10. ?m=newsdetail (Tiền Giang) ---------------------------------------------------------------
class MnChoGao(Site):
    id, host, name = "tg-chogao", "chogao.tiengiang.gov.vn", "huyện Chợ Gạo"
    level, district, province, platform, unit = "district", "huyện Chợ Gạo", "tỉnh Tiền Giang", "generic", "huyện Chợ Gạo"
    page_size = 3
    box_on = ("home", "article")

    def __init__(self, seed):
        super().__init__(seed)
        self.add_category("72", "Cải cách hành chính", 7)
        self.add_category("60", "Tin kinh tế - xã hội", 3, reform=False)
        self.box = make_box(self.rng, "Kết quả giải quyết TTHC", "divs", style=0)

    def article_path(self, a):
        return f"/?m=newsdetail&q={a.category}&id={a.id}"

    def listing_path(self, c, p):
        return f"/?m=news&q={c.key}" + (f"&p={p}" if p > 1 else "")

    def shell(self, title, main, box=False):
        menu = "".join(f'<a href="{self.listing_path(c, 1)}">{c.title}</a> | ' for c in self.cats)
        b = render_box(self.box, ("kqgq", "kqgq-ttl", "kqgq-ln")) if box else ""
        latest = '<div class="tinmoi"><div class="tinmoi-ttl">Tin mới nhất</div>' + "".join(
            f'<div><a href="{a.url}">{esc(a.title)}</a></div>' for a in self.all_articles()[:5]) + "</div>"
        return (head(title) + f'<body><div class="hd">ỦY BAN NHÂN DÂN HUYỆN CHỢ GẠO</div><div class="mn"><a href="/">Trang chủ</a> | {menu}</div>'
                f'<div class="ct"><div class="ct-l">{main}</div><div class="ct-r">{b}{latest}</div></div>'
                f'<div class="ft">{counter(self.rng)}</div></body></html>')

    def home(self):
        a0 = self.all_articles()[0]
        return self.shell("Huyện Chợ Gạo", f'<div class="noibat"><img src="/upload/a{a0.id}.jpg"><a href="{a0.url}">{esc(a0.title)}</a><p>{esc(a0.lead)}</p></div>', True)

    def listing(self, c, p, items, n):
        rows = "".join(f'<div class="it"><img src="/upload/a{a.id}.jpg"><a href="{a.url}">{esc(a.title)}</a> <span>({dmy(a.when, "-")})</span>'
                       f'<div>{esc(a.lead)}</div></div>' for a in items)
        pager = '<div class="pt">' + (f'<a href="{self.listing_path(c, p - 1)}">« Trước</a> ' if p > 1 else "") + \
            " ".join(f'<a href="{self.listing_path(c, i)}">{i}</a>' if i != p else f"<b>{i}</b>" for i in range(1, n + 1)) + \
            (f' <a href="{self.listing_path(c, p + 1)}">Sau »</a>' if p < n else "") + "</div>"
        return self.shell(c.title, f'<div class="dd">Trang chủ » {c.title}</div>{rows}{pager}')

    def article(self, a):
        return self.shell(a.title, f'<div class="dd"><a href="/">Trang chủ</a> » {self.cats[0].title if a.reform else self.cats[1].title}</div>'
                          f'<div class="tieude">{esc(a.title)} <span class="ngay">({dmy(a.when, "-")})</span></div>'
                          f'<div class="noidung"><p>{esc(a.lead)}</p>{self.body_html(a)}</div>', True)


# 11. /pages/detail/ (Kon Tum) -----------------------------------------------------------------
class PdNgocHoi(Site):
    id, host, name = "kt-ngochoi", "ngochoi.kontum.gov.vn", "huyện Ngọc Hồi"
    level, district, province, platform, unit = "district", "huyện Ngọc Hồi", "tỉnh Kon Tum", "generic", "huyện Ngọc Hồi"
    page_size = 4
    box_on = ("home", "listing", "article")

    def __init__(self, seed):
        super().__init__(seed)
        self.add_category("cai-cach-hanh-chinh-18", "Cải cách hành chính", 10)
        self.box = make_box(self.rng, "Tình hình xử lý hồ sơ năm 2026", "table", style=2)

    def article_path(self, a):
        return f"/pages/detail/{a.id + 40000}/{slug(a.title, 60, keep_case=True).title()}.html"

    def listing_path(self, c, p):
        return f"/pages/{c.key}" + (f"/trang-{p}.html" if p > 1 else ".html")

    def shell(self, title, main):
        return (head(title) + '<body><div class="xk-top">HUYỆN NGỌC HỒI</div>'
                f'<div class="xk-menu"><a href="/">Trang chủ</a><a href="{self.listing_path(self.cats[0], 1)}">Cải cách hành chính</a><a href="/pages/lien-he.html">Liên hệ</a></div>'
                f'<div class="xk-main">{main}</div><div class="xk-side">{render_box(self.box, ("xk-tk", "xk-tk-t", "xk-tk-r"))}</div>'
                f'<div class="xk-bot">{counter(self.rng)}</div></body></html>')

    def home(self):
        arts = self.all_articles()
        return self.shell("Huyện Ngọc Hồi", '<div class="xk-news">' + "".join(
            f'<div class="xk-n"><a href="{a.url}"><img src="/Uploads/a{a.id}.jpg"></a><a href="{a.url}">{esc(a.title)}</a></div>' for a in arts[:5]) + "</div>")

    def listing(self, c, p, items, n):
        rows = "".join(f'<li><a href="{a.url}"><img src="/Uploads/a{a.id}.jpg"></a><h4><a href="{a.url}">{esc(a.title)}</a></h4>'
                       f'<p class="xk-date">Ngày đăng: {dmy(a.when)} {hm(a.when)}</p><p>{esc(a.lead)}</p></li>' for a in items)
        pager = '<div class="xk-pg">' + " ".join(
            f'<a href="{self.listing_path(c, i)}">{i}</a>' if i != p else f"<strong>{i}</strong>" for i in range(1, n + 1)) \
            + (f' <a href="{self.listing_path(c, p + 1)}" title="Trang sau">›</a>' if p < n else "") + "</div>"
        return self.shell(c.title, f'<h1>{c.title}</h1><ul class="xk-list">{rows}</ul>{pager}')

    def article(self, a):
        return self.shell(a.title, f'<div class="xk-bc"><a href="/">Trang chủ</a> / <a href="{self.listing_path(self.cats[0], 1)}">Cải cách hành chính</a></div>'
                          f'<h1 class="xk-h">{esc(a.title)}</h1><p class="xk-date">Ngày đăng: {dmy(a.when)} {hm(a.when)}</p>'
                          f'<div class="xk-content"><p>{esc(a.lead)}</p>{self.body_html(a)}</div>'
                          '<div class="xk-rel"><h3>Tin liên quan</h3><ul>' + "".join(f'<li><a href="{o.url}">{esc(o.title)}</a></li>' for o in self.all_articles()[:4] if o is not a) + "</ul></div>")

    def extra(self):
        return {"/pages/lien-he.html": self.shell("Liên hệ", "<p>Thị trấn Plei Kần, huyện Ngọc Hồi.</p>")}


# 12. Unknown CMS (Tuyên Quang GroupNews) ------------------------------------------------------
class GnYenSon(Site):
    id, host, name = "tq-yenson", "yenson.tuyenquang.gov.vn", "huyện Yên Sơn"
    level, district, province, platform, unit = "district", "huyện Yên Sơn", "tỉnh Tuyên Quang", "generic", "huyện Yên Sơn"
    page_size = 4
    box_on = ("listing",)

    def __init__(self, seed):
        super().__init__(seed)
        self.add_category("5", "Cải cách hành chính", 9)
        self.add_category("9", "Tin hoạt động", 3, reform=False)
        self.box = make_box(self.rng, "Thống kê hồ sơ", "divs", style=1)

    def article_path(self, a):
        return f"/News/{a.id + 30000}/{slug(a.title, 60, keep_case=True)}.html"

    def listing_path(self, c, p):
        name = slug(c.title, keep_case=True).title()
        return f"/GroupNews/{c.key}/{name}" + (f"/trang-{p}.html" if p > 1 else ".html")

    def shell(self, title, main, box=False):
        menu = "".join(f'<span><a href="{self.listing_path(c, 1)}">{c.title}</a></span>' for c in self.cats)
        b = render_box(self.box, ("vungTK", "vungTK-ten", "vungTK-so")) if box else ""
        return (head(title) + f'<body><div id="trang"><div id="dau">HUYỆN YÊN SƠN - TỈNH TUYÊN QUANG</div><div id="menu"><span><a href="/">Trang chủ</a></span>{menu}</div>'
                f'<div id="giua"><div id="trai">{main}</div><div id="phai">{b}</div></div><div id="cuoi">{counter(self.rng)}</div></div></body></html>')

    def home(self):
        return self.shell("Huyện Yên Sơn", "".join(
            f'<div class="tin"><a href="{a.url}">{esc(a.title)}</a></div>' for a in self.all_articles()[:6]))

    def listing(self, c, p, items, n):
        rows = "".join(f'<div class="tin-ds"><img src="/Upload/a{a.id}.jpg"><div><a href="{a.url}">{esc(a.title)}</a>'
                       f'<div class="tin-ngay">Cập nhật ngày {dmy(a.when)}</div><div>{esc(a.lead)}</div></div></div>' for a in items)
        pager = '<div class="so-trang">' + " ".join(
            f'<a href="{self.listing_path(c, i)}">{i}</a>' if i != p else f"<span>{i}</span>" for i in range(1, n + 1)) + "</div>"
        return self.shell(c.title, f'<h2>{c.title}</h2>{rows}{pager}', True)

    def article(self, a):
        return self.shell(a.title, f'<h1 class="td-bai">{esc(a.title)}</h1>'
                          f'<div class="ngay-bai">Ngày {a.when.day:02d} tháng {a.when.month:02d} năm {a.when.year}</div>'
                          f'<div class="nd-bai"><p>{esc(a.lead)}</p>{self.body_html(a)}</div>'
                          '<div class="tin-khac"><b>Tin mới nhất</b>' + "".join(f'<div><a href="{o.url}">{esc(o.title)}</a></div>' for o in self.all_articles()[:4] if o is not a) + "</div>")


SITES = [NvBuGia, LrDongTho, PpThachLinh, TrHongPhong, SpSoNoiVu, WpCamHoa, DrVinhTrung,
         WcNuiThanh, TcPhuVang, MnChoGao, PdNgocHoi, GnYenSon]


def build() -> Web:
    sites = []
    for i, cls in enumerate(SITES, 1):
        s = cls(i)
        s.build()
        sites.append(s)
    return Web(sites)
