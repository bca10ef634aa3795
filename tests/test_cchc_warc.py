"""`cchc export-warc`: stored pages come back out as standard WARC response records."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database
from warcio.archiveiterator import ArchiveIterator

import store
from cchc.warc import export_warc
from tests.test_store_db import SITE


def test_export_warc_roundtrips_pages(fresh_db: Database, tmp_path: Path) -> None:
    store.upsert_sites(fresh_db, [SITE])
    bodies = {f"http://thaihoc.binhgiang.haiduong.gov.vn/Trang/ChiTietTinTuc.aspx?nid={i}":
              f"<html><body><p>Tiếp nhận {i} hồ sơ</p></body></html>".encode() for i in (1, 2)}
    for url, body in bodies.items():
        store.save_page(fresh_db, url=url, site_id="thaihoc", kind="article", status=200,
                        body=body, fetched_at="2026-11-01T10:00:00+00:00", etag='"abc"')
    out = tmp_path / "crawl.warc.gz"
    assert export_warc(fresh_db, out) == 2
    with out.open("rb") as fh:
        records = [(r.rec_headers.get_header("WARC-Target-URI"), r.http_headers.get_header("ETag"),
                    r.content_stream().read()) for r in ArchiveIterator(fh)
                   if r.rec_type == "response"]
    assert records == [(url, '"abc"', body) for url, body in bodies.items()]
