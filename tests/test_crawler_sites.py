"""The sites file: good files load, bad rows name file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.sites import Site, SitesFileError, load_sites

ROOT = Path(__file__).resolve().parents[1]
HEADER = "id,name,level,district,province,base_url,platform,start_paths\n"
GOOD = "hd-thaihoc,xã Thái Học,commune,huyện Bình Giang,tỉnh Hải Dương,http://thaihoc.binhgiang.haiduong.gov.vn,trang,\n"


def write(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "sites.csv"
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def test_replica_sites_file_loads() -> None:
    sites = load_sites(ROOT / "replica" / "sites.csv")
    assert len(sites) >= 6
    assert {s.platform for s in sites} == {"trang", "nukeviet", "liferay", "wordpress",
                                           "portal_pages", "sharepoint_lists", "generic"}
    tanhong = next(s for s in sites if s.id == "hd-binhgiang-tanhong")
    assert tanhong.start_paths == ("/Trang/cai-cach-hanh-chinh.aspx", "/Trang/tin-tuc-su-kien.aspx")
    assert tanhong.host == "tanhong.binhgiang.haiduong.gov.vn"


def test_project_sites_file_loads() -> None:
    assert isinstance(load_sites(ROOT / "crawler" / "sites.csv"), list)


def test_good_row(tmp_path: Path) -> None:
    [site] = load_sites(write(tmp_path, GOOD))
    assert site == Site(
        id="hd-thaihoc", name="xã Thái Học", level="commune", district="huyện Bình Giang",
        province="tỉnh Hải Dương", base_url="http://thaihoc.binhgiang.haiduong.gov.vn",
        platform="trang", start_paths=(),
    )


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (GOOD.replace(",trang,", ",joomla2,"),
         "sites.csv line 3, field 'platform': unknown platform 'joomla2' (expected one of: drupal, generic, liferay, nukeviet, portal_pages, sharepoint_lists, trang, wordpress)"),
        (GOOD.replace(",commune,", ",village,"),
         "sites.csv line 3, field 'level': unknown level 'village'"),
        (GOOD.replace("http://thaihoc", "ftp://thaihoc"),
         "sites.csv line 3, field 'base_url': 'ftp://thaihoc.binhgiang.haiduong.gov.vn' is not an http(s) URL"),
        (GOOD.replace("hd-thaihoc,", "HD Thai Hoc,"), "sites.csv line 3, field 'id': 'HD Thai Hoc' is not a slug"),
        (GOOD.replace(",xã Thái Học,", ",,"), "sites.csv line 3, field 'name': is empty (required)"),
        (GOOD.replace(",trang,", ",trang,Trang/x.aspx"), "sites.csv line 3, field 'start_paths'"),
        (GOOD, "sites.csv line 3, field 'id': duplicate id 'hd-thaihoc' (first used on line 2)"),
    ],
)
def test_bad_row_names_file_line_and_field(tmp_path: Path, row: str, message: str) -> None:
    path = write(tmp_path, GOOD.replace("hd-thaihoc", "hd-other"), row) if "duplicate" not in message \
        else write(tmp_path, GOOD, row)
    with pytest.raises(SitesFileError) as err:
        load_sites(path)
    assert message in str(err.value)


def test_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "sites.csv"
    path.write_text("id,name,level\nx,y,commune\n", encoding="utf-8")
    with pytest.raises(SitesFileError, match=r"sites.csv line 1: missing column\(s\) district"):
        load_sites(path)
