"""The analysts' list of real portals and `cchc sites add`: a URL's shape (offline) or its
page (online, here through the replica) tells the platform; the row is validated, appended,
and a crawl of an empty list says what to do."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from cchc.cli import cli
from crawler.sites import load_sites
from crawler.url_shapes import platform_from_url
from tests.conftest import ROOT

SHARED_PORTALS = ROOT.parent / "shared" / "real_portals.csv"
REAL_SITES = ROOT / "crawler" / "sites.csv"

# A URL seen on a portal -> the spider its shape points to (portals.md §7b).
SHAPES = [
    ("https://web01.haiduong.gov.vn/Trang/ChiTietTinTuc.aspx?nid=13066", "trang"),
    ("https://www.quangninh.gov.vn/Trang/Tin-tuc-su-kien.aspx?Cat=82", "trang"),
    ("https://vanlam.hungyen.gov.vn/portal/pages/print.aspx?p=8977", "portal_pages"),
    ("https://xasonlinh.hatinh.gov.vn/portal/Pages/2024-5-17/Hoi-nghi-CAhvbq96.aspx", "portal_pages"),
    ("https://vinhphuc.gov.vn/ct/cms/thongbao/Lists/ThongBao/View_Detail.aspx?ItemID=3105",
     "sharepoint_lists"),
    ("https://caolanh.dongthap.gov.vn/en/web/cao-lanh/chi-tiet-bai-viet/-/asset_publisher/1mOzUrGkrdAE/content/id/22",
     "liferay"),
    ("https://vinhlinh.quangtri.gov.vn/chi-tiet/-/view-article/1/1647698873288/1647828520584", "liferay"),
    ("http://longanh.tpthanhhoa.thanhhoa.gov.vn/web/trang-chu/tin-tuc-su-kien/", "liferay"),
    ("https://www.tayninh.gov.vn/vi/news/thong-tin-cai-cach-hanh-chinh/page-338", "nukeviet"),
    ("https://cds.binhphuoc.gov.vn/news/Tin-tuc/hoi-nghi-so-ket-786.html", "nukeviet"),
    ("https://hoinongdan.bacgiang.gov.vn/category/tin-tuc/page/35/", "wordpress"),
    ("https://camthinh.camxuyen.hatinh.gov.vn/?p=1234", "wordpress"),
    ("https://mylong.longxuyen.angiang.gov.vn/index.php/node/782", "drupal"),
    # families without a spider of their own: the generic spider crawls them
    ("https://bactramy.quangnam.gov.vn/webcenter/portal/bactramy/pages_tin-tuc/chi-tiet?dDocName=PORTAL492792",
     "generic"),
    ("http://mytho.tiengiang.gov.vn/?m=newsdetail&q=68&id=2455", "generic"),
    ("https://thuanchau.sonla.gov.vn/tin-cai-cach-hanh-chinh/hoi-nghi-920730", "generic"),
    ("https://camlac.hatinh.gov.vn/", "generic"),
]


@pytest.mark.parametrize(("url", "platform"), SHAPES, ids=[u.split("/")[2] for u, _ in SHAPES])
def test_url_shape_tells_the_platform(url: str, platform: str) -> None:
    assert platform_from_url(url).spider == platform


def test_the_real_list_holds_the_surveyed_portals() -> None:
    sites = load_sites(REAL_SITES)
    assert len(sites) >= 23
    assert {"liferay", "trang", "portal_pages", "sharepoint_lists", "generic"} <= {s.platform for s in sites}
    assert {s.level for s in sites} == {"commune", "district", "province"}


@pytest.mark.skipif(not SHARED_PORTALS.exists(), reason="../shared/real_portals.csv is absent")
def test_each_real_portal_has_the_platform_its_article_url_points_to() -> None:
    ours = {s.id: s for s in load_sites(REAL_SITES)}
    with SHARED_PORTALS.open(encoding="utf-8") as fh:
        surveyed = list(csv.DictReader(fh))
    assert len(surveyed) == 23
    for row in surveyed:
        site = ours[row["id"]]
        assert site.base_url == row["base_url"].rstrip("/")
        assert site.platform == platform_from_url(row["evidence"]).spider, row["id"]


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_sites_add_offline_appends_a_valid_row(tmp_path: Path) -> None:
    sites = tmp_path / "sites.csv"
    code, out = invoke("sites", "add", "https://dongda.hanoi.gov.vn/thong-tin-cai-cach-hanh-chinh/",
                       "--offline", "--name", "phường Đống Đa", "--province", "thành phố Hà Nội",
                       "--sites", str(sites))
    assert code == 0, out
    assert "added hanoi-dongda" in out and "platform generic" in out
    code, out = invoke("sites", "add", "https://web01.haiduong.gov.vn/Trang/ChiTietTinTuc.aspx?nid=1",
                       "--offline", "--name", "tỉnh Hải Dương", "--id", "hd-haiduong",
                       "--sites", str(sites))
    assert code == 0, out
    assert "platform trang" in out
    [dongda, haiduong] = load_sites(sites)
    assert (dongda.level, dongda.start_paths, dongda.base_url) == (
        "commune", ("/thong-tin-cai-cach-hanh-chinh",), "https://dongda.hanoi.gov.vn")
    assert (haiduong.id, haiduong.level, haiduong.province) == ("hd-haiduong", "province", "tỉnh Hải Dương")


@pytest.mark.parametrize(("args", "message"), [
    (("https://dongda.hanoi.gov.vn/", "--name", "phường Đống Đa", "--province", "thành phố Hà Nội"),
     "dongda.hanoi.gov.vn is already listed as 'hanoi-dongda'"),
    (("https://x.hanoi.gov.vn/", "--name", "phường X"), "needs its province: pass --province"),
    (("https://x.hanoi.gov.vn/", "--name", "Ban quản lý", "--province", "thành phố Hà Nội"),
     "cannot tell the level of 'Ban quản lý': pass --level"),
    (("https://x.hanoi.gov.vn/",), "pass --name"),
    (("not-a-url", "--name", "xã Y", "--province", "tỉnh Z"), "'not-a-url' is not an http(s) URL"),
])
def test_sites_add_refuses_a_row_it_cannot_complete(tmp_path: Path, args: tuple[str, ...],
                                                     message: str) -> None:
    sites = tmp_path / "sites.csv"
    invoke("sites", "add", "https://dongda.hanoi.gov.vn/a", "--offline", "--name", "phường Đống Đa",
           "--province", "thành phố Hà Nội", "--sites", str(sites))
    before = sites.read_text(encoding="utf-8")
    code, out = invoke("sites", "add", *args, "--offline", "--sites", str(sites))
    assert code != 0 and message in out, out
    assert sites.read_text(encoding="utf-8") == before


def test_sites_add_online_reads_the_page(tmp_path: Path) -> None:
    sites = tmp_path / "sites.csv"
    code, out = invoke("sites", "add", "http://phuocdong.godau.tayninh.gov.vn/", "--replica",
                       "--province", "tỉnh Tây Ninh", "--sites", str(sites))
    assert code == 0, out
    [site] = load_sites(sites)
    assert site.platform == "nukeviet" and "page signatures" in out
    assert site.name.startswith("xã ") and site.level == "commune"


@pytest.mark.parametrize("content", [None, "id,name,level,district,province,base_url,platform,start_paths\n"],
                         ids=["missing", "header only"])
def test_crawl_of_an_empty_list_says_what_to_do(tmp_path: Path, content: str | None) -> None:
    sites = tmp_path / "sites.csv"
    if content is not None:
        sites.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(cli, ["crawl", "--sites", str(sites), "--db", str(tmp_path / "x.db")])
    assert result.exit_code != 0
    assert "cchc sites add URL" in result.output and "--replica" in result.output
