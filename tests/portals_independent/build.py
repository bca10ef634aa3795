"""The independent portal set, built in memory: 15 portals of the platform families of
portals.md, their pages (path?query -> response), the truth per site and a sites file.

`build_set()` is deterministic (seeded): `PortalSet.digest()` fingerprints every byte served
and the truth, and tests/test_portals_independent.py checks it against the digest of the set
the first-seen scores were measured on, so that set never changes silently.
"""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from . import families as F
from .content import Unit, fig
from .model import Box, Category, Site, make_articles
from .render_base import Renderer, Route

SEED = 8
SITE_FIELDS = ["id", "name", "level", "district", "province", "base_url", "platform", "start_paths"]


def cats(*spec) -> list[Category]:
    out = []
    for key, title, reform, count, slug, num in spec:
        out.append(Category(key, title, reform, count, slug, num))
    return out


def sites() -> list[tuple[Site, type[Renderer]]]:
    S = []
    # 1 NukeViet 4 default theme
    S.append((Site("bp-dongphu-tanhoa", "tanhoa.dongphu.binhphuoc.gov.vn",
                   Unit("xã Tân Hòa", "xã", "Tân Hòa", "huyện Đồng Phú", "tỉnh Bình Phước"), "commune", "nukeviet", "NukeViet default",
                   cats(("news", "Tin tức - Sự kiện", False, 5, "Tin-tuc-Su-kien", 0),
                        ("reform", "Cải cách hành chính", True, 8, "Cai-cach-hanh-chinh", 0)), 3,
                   box=Box("Tình hình giải quyết hồ sơ", [("Hồ sơ tiếp nhận", "1245"), ("Đã giải quyết", "1198"),
                            ("Giải quyết trước hạn", "1020"), ("Giải quyết đúng hạn", "170"), ("Trễ hạn", "8"), ("Đang giải quyết", "47")],
                           [fig("received", 1245), fig("resolved", 1198), fig("early", 1020), fig("on_time", 170),
                            fig("late", 8), fig("pending", 47)], "table", after=["Số liệu từ ngày 01/01/2024 đến 20/11/2024"],
                           on=("home", "listing", "article"))), F.NukeVietDefault))
    # 2 NukeViet eGov, news as the default module
    S.append((Site("tn-hoathanh", "hoathanh.tayninh.gov.vn",
                   Unit("thị xã Hòa Thành", "thị xã", "Hòa Thành", "", "tỉnh Tây Ninh"), "district", "nukeviet", "NukeViet eGov",
                   cats(("news", "Tin hoạt động", False, 4, "tin-hoat-dong", 0),
                        ("reform", "Thông tin cải cách hành chính", True, 6, "thong-tin-cai-cach-hanh-chinh", 0),
                        ("kstthc", "Kiểm soát thủ tục hành chính", True, 3, "kiem-soat-thu-tuc-hanh-chinh", 0)), 4,
                   box=Box("Kết quả giải quyết TTHC năm 2024", [("Hồ sơ tiếp nhận", "3.215"), ("Đã giải quyết", "3.140"),
                            ("Trước và đúng hạn", "3.121"), ("Trễ hạn", "19"), ("Tỷ lệ trước và đúng hạn", "99.39%")],
                           [fig("received", 3215), fig("resolved", 3140), fig("early_or_on_time", 3121), fig("late", 19),
                            fig("early_or_on_time_rate", 99.39)], "dl", on=("home", "article"))), F.NukeVietEgov))
    # 3 Tân Dân Trang (Hải Dương commune)
    S.append((Site("hd-camgiang-ngoclien", "ngoclien.camgiang.haiduong.gov.vn",
                   Unit("xã Ngọc Liên", "xã", "Ngọc Liên", "huyện Cẩm Giàng", "tỉnh Hải Dương"), "commune", "trang", "Trang",
                   cats(("news", "Tin tức - Sự kiện", False, 5, "", 12),
                        ("reform", "Cải cách hành chính", True, 7, "", 15)), 3,
                   box=Box("Kết quả giải quyết TTHC", [("Số hồ sơ xử lý", "512"), ("Trước & đúng hạn", "510"), ("Trễ hạn", "2"),
                            ("Tỉ lệ trễ hạn", "0.4%")],
                           [fig("early_or_on_time_rate", 99.6), fig("resolved", 512), fig("early_or_on_time", 510),
                            fig("late", 2), fig("late_rate", 0.4)], "ul", before=["Đến tháng 05 đã giải quyết:", "99.6%"],
                           after=["Chi tiết", "( Cập nhật lúc:28/05/2024 08:15:02)"], on=("home", "listing", "article")),
                   ci=True), F.TrangStyle))
    # 4 Tân Dân portal/Pages
    S.append((Site("nt-ninhphuoc-phuochau", "phuochau.ninhphuoc.ninhthuan.gov.vn",
                   Unit("xã Phước Hậu", "xã", "Phước Hậu", "huyện Ninh Phước", "tỉnh Ninh Thuận"), "commune", "portal_pages", "portal/Pages",
                   cats(("news", "Tin tức sự kiện", False, 4, "Tin-tuc-su-kien", 0),
                        ("reform", "Cải cách hành chính", True, 8, "Chuyen-muc-Cai-cach-hanh-chinh", 0)), 3,
                   box=Box("Thống kê hồ sơ TTHC", [("Tiếp nhận", "356"), ("Đã xử lý", "349"), ("Đúng và trước hạn", "345"),
                            ("Quá hạn", "4"), ("Tỷ lệ trước và đúng hạn", "98,85%")],
                           [fig("received", 356), fig("resolved", 349), fig("early_or_on_time", 345), fig("late", 4),
                            fig("early_or_on_time_rate", 98.85)], "spans", on=("home",)),
                   ci=True), F.PortalPagesStyle))
    # 5 Liferay 6.2 asset publisher
    S.append((Site("qt-vinhlinh", "vinhlinh.quangtri.gov.vn",
                   Unit("huyện Vĩnh Linh", "huyện", "Vĩnh Linh", "", "tỉnh Quảng Trị"), "district", "liferay", "Liferay AP",
                   cats(("news", "Tin tức sự kiện", False, 5, "tin-tuc-su-kien", 0),
                        ("reform", "Cải cách hành chính", True, 9, "cai-cach-hanh-chinh", 0)), 4), F.LiferayAP))
    # 6 VNPT ePortal (Thanh Hóa)
    S.append((Site("th-tpthanhhoa-dongcuong", "dongcuong.tpthanhhoa.thanhhoa.gov.vn",
                   Unit("phường Đông Cương", "phường", "Đông Cương", "thành phố Thanh Hóa", "tỉnh Thanh Hóa"), "commune", "liferay", "VNPT dsnews",
                   cats(("news", "Tin tức địa phương", False, 4, "tin-tuc-dia-phuong", 0),
                        ("reform", "Cải cách hành chính", True, 7, "cai-cach-hanh-chinh", 0)), 4,
                   box=Box("Tình hình giải quyết TTHC", [("Đã tiếp nhận", "1520"), ("Đã giải quyết", "1498"),
                            ("Giải quyết quá hạn", "8"), ("Tỷ lệ đúng hạn", "99,47%")],
                           [fig("received", 1520), fig("resolved", 1498), fig("late", 8), fig("on_time_rate", 99.47)],
                           "lines", on=("home",))), F.VnptPortal))
    # 7 SharePoint Lists
    S.append((Site("vp-vinhyen", "vinhyen.vinhphuc.gov.vn",
                   Unit("thành phố Vĩnh Yên", "thành phố", "Vĩnh Yên", "", "tỉnh Vĩnh Phúc"), "district", "sharepoint_lists", "SharePoint Lists",
                   cats(("news", "Tin tức - Sự kiện", False, 4, "", 5),
                        ("reform", "Cải cách hành chính", True, 8, "", 12)), 3, start_paths="/ct/cms/tintuc/Pages/chuyenmuc.aspx?ChuyenMucID=12",
                   box=Box("KẾT QUẢ GIẢI QUYẾT HỒ SƠ", [("Tiếp nhận mới", "2.315"), ("Kỳ trước chuyển sang", "41"),
                            ("Đã giải quyết", "2.298"), ("Trong đó trễ hạn", "3"), ("Tỷ lệ trước và đúng hạn", "99,87%")],
                           [fig("received", 2315), fig("carried_over", 41), fig("resolved", 2298), fig("late", 3),
                            fig("early_or_on_time_rate", 99.87)], "divs", on=("home",)), ci=True), F.SharePointLists))
    # 8 WordPress
    S.append((Site("ht-camxuyen-camhung", "camhung.camxuyen.hatinh.gov.vn",
                   Unit("xã Cẩm Hưng", "xã", "Cẩm Hưng", "huyện Cẩm Xuyên", "tỉnh Hà Tĩnh"), "commune", "wordpress", "WordPress",
                   cats(("news", "Tin tức", False, 5, "tin-tuc", 0),
                        ("reform", "Cải cách hành chính", True, 7, "cai-cach-hanh-chinh", 0)), 3,
                   box=Box("Kết quả giải quyết thủ tục hành chính", [("Tổng số hồ sơ tiếp nhận", "87"), ("Số hồ sơ đã giải quyết", "85"),
                            ("Giải quyết trước hạn", "60"), ("Giải quyết đúng hạn", "25"), ("Đang giải quyết", "2")],
                           [fig("received", 87), fig("resolved", 85), fig("early", 60), fig("on_time", 25), fig("pending", 2)],
                           "ul", after=["Tháng 10 năm 2024"], on=("home", "listing", "article"))), F.WordPressStyle))
    # 9 Drupal gavias
    S.append((Site("ag-longxuyen-myhoa", "myhoa.longxuyen.angiang.gov.vn",
                   Unit("phường Mỹ Hòa", "phường", "Mỹ Hòa", "thành phố Long Xuyên", "tỉnh An Giang"), "commune", "drupal", "Drupal",
                   cats(("news", "Tin tức - Sự kiện", False, 4, "tin-tuc-su-kien", 0),
                        ("reform", "Cải cách hành chính", True, 7, "cai-cach-hanh-chinh", 0)), 3,
                   box=Box("Thống kê hồ sơ TTHC năm 2024", [("Hồ sơ đã tiếp nhận", "1032"), ("Hồ sơ đã giải quyết", "1011"),
                            ("Giải quyết trễ hạn", "5"), ("Hồ sơ đang xử lý", "21")],
                           [fig("received", 1032), fig("resolved", 1011), fig("late", 5), fig("pending", 21)],
                           "divs", on=("home",))), F.DrupalGavias))
    # 10 Thái Bình family
    S.append((Site("tb-kienxuong-vuquy", "vuquy.kienxuong.thaibinh.gov.vn",
                   Unit("xã Vũ Quý", "xã", "Vũ Quý", "huyện Kiến Xương", "tỉnh Thái Bình"), "commune", "generic", "Thái Bình",
                   cats(("news", "Tin tổng hợp", False, 4, "tin-tong-hop", 0),
                        ("reform", "Cải cách hành chính", True, 7, "cai-cach-hanh-chinh", 0)), 3), F.ThaiBinh))
    # 11 Sơn La family
    S.append((Site("sl-thuanchau-chiengpac", "chiengpac.thuanchau.sonla.gov.vn",
                   Unit("xã Chiềng Pấc", "xã", "Chiềng Pấc", "huyện Thuận Châu", "tỉnh Sơn La"), "commune", "generic", "Sơn La",
                   cats(("news", "Tin tức sự kiện", False, 4, "tin-tuc-su-kien", 0),
                        ("reform", "Tin cải cách hành chính", True, 7, "tin-cai-cach-hanh-chinh", 0)), 3,
                   box=Box("Tình hình xử lý hồ sơ TTHC", [("Tiếp nhận", "264"), ("Đã trả kết quả", "259"), ("Trễ hạn", "1")],
                           [fig("received", 264), fig("resolved", 259), fig("late", 1)], "table",
                           on=("listing",))), F.SonLa))
    # 12 Oracle WebCenter (Quảng Nam)
    S.append((Site("qna-nuithanh", "nuithanh.quangnam.gov.vn",
                   Unit("huyện Núi Thành", "huyện", "Núi Thành", "", "tỉnh Quảng Nam"), "district", "generic", "WebCenter",
                   cats(("news", "Tin địa phương", False, 4, "tin-dia-phuong", 0),
                        ("reform", "Cải cách hành chính", True, 8, "cai-cach-hanh-chinh", 0)), 3,
                   start_paths="/webcenter/portal/nuithanh/pages_tin-tuc/cai-cach-hanh-chinh"), F.WebCenter))
    # 13 ?m=newsdetail (Tiền Giang), windows-1258
    S.append((Site("tg-mytho-phuong5", "phuong5.mytho.tiengiang.gov.vn",
                   Unit("phường 5", "phường", "5", "thành phố Mỹ Tho", "tỉnh Tiền Giang"), "commune", "generic", "m=newsdetail",
                   cats(("news", "Tin tức - Sự kiện", False, 4, "", 12),
                        ("reform", "Cải cách hành chính", True, 6, "", 68)), 3,
                   box=Box("Thống kê hồ sơ TTHC", [("Tiếp nhận", "418"), ("Giải quyết", "409"), ("Trễ hạn", "0"),
                            ("Đang giải quyết", "9")],
                           [fig("received", 418), fig("resolved", 409), fig("late", 0), fig("pending", 9)],
                           "oldtable", after=["Cập nhật: 15/11/2024"], on=("home",)),
                   charset="windows-1258"), F.MNewsDetail))
    # 14 Huế
    S.append((Site("hue-phuhoi", "phuhoi.huecity.gov.vn",
                   Unit("phường Phú Hội", "phường", "Phú Hội", "thành phố Huế", "tỉnh Thừa Thiên Huế"), "commune", "generic", "TrangChu NewCatId",
                   cats(("news", "Tin hoạt động", False, 4, "", 390),
                        ("reform", "Cải cách hành chính", True, 7, "", 392)), 3,
                   box=Box("Kết quả giải quyết hồ sơ", [("Tiếp nhận", "214|1102"), ("Đã giải quyết", "209|1087"), ("Trễ hạn", "1|6")],
                           [fig("received", 214), fig("received", 1102), fig("resolved", 209), fig("resolved", 1087),
                            fig("late", 1), fig("late", 6)], "table2", columns=["Chỉ tiêu", "Tháng 10/2024", "Năm 2024"],
                           on=("home",))), F.HueCity))
    # 15 Kon Tum /pages/detail/
    S.append((Site("kt-dakha", "dakha.kontum.gov.vn",
                   Unit("huyện Đăk Hà", "huyện", "Đăk Hà", "", "tỉnh Kon Tum"), "district", "generic", "pages/detail",
                   cats(("news", "Tin tức - Sự kiện", False, 4, "", 21),
                        ("reform", "Cải cách hành chính", True, 6, "", 22)), 3, charset="none",
                   start_paths="/pages/category/22/Cai-cach-hanh-chinh"), F.KonTum))
    return S


def page_figures(a, renderer: Renderer) -> list[dict]:
    """The figures an article page states (a teaser's only where the page shows it)."""
    return [{k: v for k, v in f.items() if k != "teaser"} for f in a.text.figures
            if not f.get("teaser") or renderer.SHOWS_SUMMARY]


def truth_of(site: Site, r: Renderer) -> dict:
    """What a perfect crawl stores for a site: its reform articles (URL, date, title,
    figures per figures.md) and its TTHC box's figures."""
    return {
        "id": site.id, "host": site.host, "family": site.family, "platform": site.platform,
        "articles": [{"id": a.id, "url": f"http://{site.host}{r.article_url(a)}", "category": a.cat.title,
                      "published": a.date.strftime("%Y-%m-%d"), "title": a.title,
                      "figures": page_figures(a, r)}
                     for a in site.articles if a.cat.reform],
        "other_articles": [{"id": a.id, "category": a.cat.title, "title": a.title}
                           for a in site.articles if not a.cat.reform],
        "box": {"heading": site.box.heading, "on": list(site.box.on), "figures": site.box.figures}
        if site.box else None,
        "reform_listings": [{"url": f"http://{site.host}{r.listing_url(c)}", "category": c.title}
                            for c in site.reform_cats],
    }


@dataclass
class Host:
    id: str
    ci: bool  # IIS: paths answer in any case
    routes: dict[str, Route]


@dataclass
class PortalSet:
    hosts: dict[str, Host]
    truth: dict[str, dict]
    sites: list[dict[str, str]]

    def digest(self) -> str:
        """sha256 over every route (URL, status, type, body) and the truth."""
        h = hashlib.sha256(json.dumps(self.truth, sort_keys=True, ensure_ascii=False).encode())
        for host in sorted(self.hosts):
            for url, route in sorted(self.hosts[host].routes.items()):
                h.update(f"{host}{url}|{route.status}|{route.ctype}|{route.location}|".encode())
                h.update(route.body)
        return h.hexdigest()

    def write_sites(self, path: Path, platform: str | None = None) -> Path:
        """The sites file; with `platform`, every row set to it (e.g. "generic")."""
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=SITE_FIELDS, lineterminator="\n")
            writer.writeheader()
            writer.writerows({**row, "platform": platform or row["platform"]} for row in self.sites)
        return path


def build_set() -> PortalSet:
    hosts: dict[str, Host] = {}
    truth: dict[str, dict] = {}
    rows: list[dict[str, str]] = []
    id_base = 1000
    for site, cls in sites():
        make_articles(site, SEED, id_base)
        id_base += 3000
        renderer = cls(site)
        hosts[site.host] = Host(site.id, site.ci, renderer.build())
        truth[site.id] = truth_of(site, renderer)
        rows.append({"id": site.id, "name": site.unit.name, "level": site.level,
                     "district": site.unit.district, "province": site.unit.province,
                     "base_url": f"http://{site.host}/", "platform": site.platform,
                     "start_paths": site.start_paths})
    return PortalSet(hosts, truth, rows)
