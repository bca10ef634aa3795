"""Export stored raw pages as standard WARC/1.0 response records (warcio)."""

from __future__ import annotations

import io
from pathlib import Path

from sqlite_utils import Database
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import store


def export_warc(db: Database, path: Path, *, site_id: str | None = None) -> int:
    """Write every stored page (or one site's) to a gzipped WARC file; return the record count."""
    where, params = ("site_id = ?", [site_id]) if site_id else (None, [])
    count = 0
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for row in db["pages"].rows_where(where, params, order_by="id"):
            body = store.page_body(row)
            headers = [("Content-Type", row["content_type"] or "text/html"),
                       ("Content-Length", str(len(body)))]
            for name, column in (("ETag", "etag"), ("Last-Modified", "last_modified")):
                if row[column]:
                    headers.append((name, row[column]))
            status = f"{row['status']} {'OK' if row['status'] == 200 else ''}".strip()
            record = writer.create_warc_record(
                row["url"], "response", payload=io.BytesIO(body), length=len(body),
                http_headers=StatusAndHeaders(status, headers, protocol="HTTP/1.1"),
                warc_headers_dict={"WARC-Date": _warc_date(row["fetched_at"])},
            )
            writer.write_record(record)
            count += 1
    return count


def _warc_date(iso: str) -> str:
    """WARC-Date wants UTC with a Z suffix."""
    return iso.replace("+00:00", "Z") if iso.endswith("+00:00") else iso
