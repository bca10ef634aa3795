"""Bad input to `cchc` ends in an error that says what to do (exit 1 or 2), never a
traceback, and never leaves a stray file behind."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cchc.cli import cli
from replica.faults import to_cp1258

HEADER = "id,name,level,district,province,base_url,platform,start_paths\n"
ROW = ("hd-binhgiang-thaihoc,xã Thái Học,commune,huyện Bình Giang,tỉnh Hải Dương,"
       "http://thaihoc.binhgiang.haiduong.gov.vn,trang,\n")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def no_traceback(result: Result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        repr(result.exception)
    assert "Traceback" not in result.output


def test_sites_file_saved_by_excel_as_windows_1258_is_read(tmp_path: Path) -> None:
    path = tmp_path / "sites.csv"
    path.write_bytes(to_cp1258(HEADER + ROW))
    result = run("sites", "list", "--sites", str(path))
    no_traceback(result)
    assert result.exit_code == 0, result.output
    assert unicodedata.normalize("NFC", "xã Thái Học") in result.output


def test_sites_file_in_no_known_encoding_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "sites.csv"
    path.write_bytes(HEADER.encode() + b"x,\x81\x8a\x8d\x8e\x8f\x90,commune,,p,http://a.vn,trang,\n")
    result = run("sites", "check", str(path))
    no_traceback(result)
    assert result.exit_code == 1
    assert "UTF-8" in result.output and "sites.csv" in result.output


def test_base_url_that_is_not_a_url_names_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "sites.csv"
    path.write_text(HEADER + ROW.replace("http://thaihoc.binhgiang.haiduong.gov.vn",
                                         "http://[::1"), encoding="utf-8")
    result = run("sites", "check", str(path))
    no_traceback(result)
    assert result.exit_code == 1
    assert "line 2, field 'base_url'" in result.output


@pytest.mark.parametrize("command", [
    ("status",), ("extract",), ("report",), ("review", "queue"), ("units",),
])
def test_db_that_is_not_sqlite_is_refused(tmp_path: Path, command: tuple[str, ...]) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a database\n" * 100)
    result = run(*command, "--db", str(path))
    no_traceback(result)
    assert result.exit_code == 1
    assert "not a SQLite database" in result.output and "--db" in result.output
    assert path.read_text() == "not a database\n" * 100


def test_status_of_a_missing_database_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "typo.db"
    result = run("status", "--db", str(path))
    no_traceback(result)
    assert result.exit_code == 1 and "no database at" in result.output
    assert not path.exists() and list(tmp_path.iterdir()) == []


@pytest.fixture
def db(tmp_path: Path) -> Path:
    import store

    path = tmp_path / "cchc.db"
    store.open_db(path).close()
    return path


@pytest.mark.parametrize("option", ["--csv", "--xlsx", "--html"])
def test_report_into_a_missing_directory_says_so(db: Path, tmp_path: Path, option: str) -> None:
    target = tmp_path / "no" / "such" / "dir" / "report.out"
    result = run("report", "--db", str(db), option, str(target))
    no_traceback(result)
    assert result.exit_code == 2
    assert "does not exist" in result.output and "mkdir" in result.output


def test_export_into_a_missing_directory_says_so(db: Path, tmp_path: Path) -> None:
    result = run("export-warc", str(tmp_path / "missing" / "a.warc.gz"), "--db", str(db))
    no_traceback(result)
    assert result.exit_code == 2 and "does not exist" in result.output


@pytest.mark.parametrize("url", ["not-a-url", "ftp://example.org/", "http://"])
def test_sites_detect_needs_a_web_address(url: str) -> None:
    result = run("sites", "detect", url)
    no_traceback(result)
    assert result.exit_code == 2 and "http" in result.output


@pytest.mark.parametrize("port", ["99999", "-1"])
def test_serve_port_out_of_range(db: Path, port: str) -> None:
    result = run("serve", "--db", str(db), "--port", port)
    no_traceback(result)
    assert result.exit_code == 2 and "--port" in result.output
