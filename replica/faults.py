"""Fault sites: the misbehaviour real portals show, confined to two sites listed in
`replica/sites_faults.csv` (served only by `build_replica(faults=True)`), so the default
replica stays fast and clean.

`fault-trang` (a Tân Dân "Trang" site) lists its newest reform articles through faulty URLs,
one fault each (`FAULTS`, in listing order):

| fault | what the server does | what a good crawl ends with |
|---|---|---|
| `503` | 503 + `Retry-After: 1` on the first request, then the page | stored (after a retry) |
| `500` | 500 on the first request, then the page | stored (after a retry) |
| `gone` | 500 on every request | not stored; an error counted |
| `slow` | answers after 1.5 s | stored |
| `timeout` | first request answers after 6 s (over a short DOWNLOAD_TIMEOUT), then fast | stored |
| `reset` | first request: TCP reset, then the page | stored |
| `chain` | listed as `…&ver=old`: 301 -> 302 -> the article | stored once, at its real URL |
| `loop` | listed as `…&hop=1`: redirects to `hop=2`, `hop=3` … for ever | not stored; an error counted |
| `cycle` | listed as `…&cyc=a`: 302 to `cyc=b`, which 302s back to `cyc=a` | not stored; an error counted |
| `malformed` | unclosed and stray tags, a NUL byte, a bare `<` | stored; text extracted |
| `cp1258` | declares UTF-8 (header and meta) but sends windows-1258 bytes | stored; text decodes right |
| `nocharset` | UTF-8 bytes, no charset in header or meta | stored; text decodes right |
| `tracking` | listed twice, once with `utm_source`/`fbclid` parameters | stored once |
| `huge` | a 50 MB body (Content-Length says so) | skipped (DOWNLOAD_MAXSIZE), error counted |
| `gzip` | first 3 requests: a gzip body cut short (a 200 all the same), then the page | not stored; a soft failure counted; stored by the next crawl |
| `soft404` | first request: 200 with "Lỗi 404 / Trang không tồn tại" in the site's template | not stored; a soft failure counted; stored by the next crawl |
| `latin1` | declares iso-8859-1 (header and meta) but sends UTF-8 | stored; read as UTF-8, the contradiction counted |
| `baddate` | shows the date "31/02/2024 25:61" | stored; no publication date (none invented) |
| `tcvn3` | the whole page in the TCVN3 (ABC) font encoding, `.VnTime` fonts, windows-1252 | stored; text converted to Unicode |

Articles past the faulty ones are served normally; attachments are PDFs. Reform page 1 also
lists a news article at a `…&noibo=1` URL that robots.txt disallows (it must not be fetched). The reform listing's
pager never ends: after the last real page, "Tiếp" leads to empty pages with yet another
"Tiếp" (a link trap). `fault-generic` (an unknown CMS) shows a "Lịch công tác" month calendar
on its listings whose « / » links (`?thang=YYYY-MM`) never end (a link trap).
"""

from __future__ import annotations

import datetime as dt
import gzip
import threading
import unicodedata
from collections import Counter
from typing import Any
from urllib.parse import parse_qs, parse_qsl, urlencode

from markupsafe import Markup

from replica.content import Article
from html import escape
from replica.site import FAULT_ACTION, FAULT_DELAY, FAULT_SIZE, Response, html_response
from replica.variant_site import VariantSite

FAULTS = ("503", "500", "gone", "slow", "timeout", "reset", "chain", "loop", "cycle",
          "malformed", "cp1258", "nocharset", "tracking", "huge", "gzip", "soft404", "latin1",
          "baddate", "tcvn3")
#: Faults after which the article cannot be had (the crawl must count an error instead).
LOST = frozenset({"gone", "loop", "cycle", "huge", "gzip", "soft404"})
#: Of those, the ones a later crawl gets (soft failures are retried, not remembered).
RECOVERED = frozenset({"gzip", "soft404"})
BAD_DATE = "31/02/2024 25:61"
HUGE_SIZE = 50 * 1024 * 1024
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


def to_tcvn3(text: str) -> bytes:
    """Vietnamese text as a TCVN3 (ABC) page stored it: one byte per letter, read by a
    `.VnTime` font (toned capitals do not exist: the lowercase byte is used)."""
    from viparse.normalize.encodings import CHARMAPS

    reverse: dict[str, str] = {}
    for legacy, uni in CHARMAPS["tcvn3"].pairs:
        reverse.setdefault(unicodedata.normalize("NFC", uni), legacy)
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch not in reverse and ch.lower() in reverse:
            ch = ch.lower()
        out.append(reverse.get(ch, ch))
    return "".join(out).encode("cp1252", errors="replace")


def to_cp1258(text: str) -> bytes:
    """Vietnamese text as windows-1258 bytes (tone marks as combining characters, as
    cp1258 requires: it has ê/ơ/ư/ă but no precomposed toned letters)."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
        tones = "".join(c for c in parts if c in TONE_MARKS)
        out += (base + tones).encode("cp1258", errors="replace")
    return bytes(out)


class FaultTrangSite(VariantSite):
    """A "Trang" site whose newest reform articles each carry one fault (module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        reform = self.in_category("reform")
        self.fault_of = {a.id: f for a, f in zip(reform, FAULTS)}
        self.hits: Counter[tuple[int, str]] = Counter()
        self._lock = threading.Lock()

    def fault_article(self, fault: str) -> Article:
        return next(self.by_id[i] for i, f in self.fault_of.items() if f == fault)

    def expected_articles(self) -> list[Article]:
        """The reform articles a crawl can get (all but the LOST faults)."""
        return [a for a in self.in_category("reform") if self.fault_of.get(a.id) not in LOST]

    def _hit(self, aid: int, kind: str) -> int:
        with self._lock:
            self.hits[(aid, kind)] += 1
            return self.hits[(aid, kind)]

    def entries(self, articles: list[Article]) -> list[dict[str, Any]]:
        """Listing entries, the faulty ones linked through their faulty URLs."""
        out = []
        for item in super().entries(articles):
            fault = self.fault_of.get(item["id"])
            if fault in ("chain", "loop", "cycle"):
                item = {**item, "url": item["url"] + {"chain": "&ver=old", "loop": "&hop=1",
                                                      "cycle": "&cyc=a"}[fault]}
            out.append(item)
            if fault == "tracking":
                out.append({**item, "url": item["url"] + "&utm_source=facebook&utm_medium=social&fbclid=IwAR0x"})
        return out

    def route(self, path: str, query: str) -> Response:
        low = path.lower()
        q = parse_qs(query)
        if low == "/trang/cai-cach-hanh-chinh.aspx":
            raw = q.get("PageIndex", ["1"])[0]
            page = int(raw) if raw.isdigit() else 0
            if page > self.pages_of("reform"):  # the trap: empty pages, each with a "Tiếp"
                return html_response(self.trap_page(page))
        if low != "/trang/chitiettintuc.aspx":
            return super().route(path, query)
        raw = q.get("nid", ["0"])[0]
        a = self.by_id.get(int(raw)) if raw.isdigit() else None
        fault = self.fault_of.get(a.id) if a else None
        if a is None or fault is None:
            return super().route(path, query)
        real = self.url(self.article_path(a))
        if fault == "chain":
            if q.get("ver") == ["old"]:
                return 301, {"Location": self.url(f"/Trang/ChiTietTinTuc.aspx?nid={a.id}&ver=mid")}, b""
            if q.get("ver") == ["mid"]:
                return 302, {"Location": real}, b""
        if fault == "loop":
            hop = int(q.get("hop", ["1"])[0] or 1)
            nxt = f"/Trang/ChiTietTinTuc.aspx?{urlencode({'nid': a.id, 'hop': hop + 1})}"
            return 302, {"Location": self.url(nxt)}, b""
        if fault == "cycle":
            other = "b" if q.get("cyc") == ["a"] else "a"
            return 302, {"Location": real + f"&cyc={other}"}, b""
        n = self._hit(a.id, fault)
        if fault == "503" and n == 1:
            return 503, {"Content-Type": "text/html; charset=utf-8", "Retry-After": "1"}, \
                b"<html><body><h1>Service Unavailable</h1></body></html>"
        if fault == "500" and n == 1 or fault == "gone":
            return 500, {"Content-Type": "text/html; charset=utf-8"}, b"<h1>Runtime Error</h1>"
        if fault == "reset" and n == 1:
            return 200, {FAULT_ACTION: "reset"}, b""
        if fault == "huge":
            return 200, {"Content-Type": "text/html; charset=utf-8", FAULT_SIZE: str(HUGE_SIZE)}, b""
        if fault == "soft404" and n == 1:
            error = ('<div class="tandan-error"><h2>Lỗi 404</h2>'
                     "<p>Trang không tồn tại hoặc đã bị xóa.</p></div>")
            return 200, {"Content-Type": "text/html; charset=utf-8"}, self.page(
                "Lỗi 404 - Trang không tồn tại", error, self._sidebar("article", []),
                self.article_path(a), kind="article", a=self._art(a)).encode()
        status, headers, body = super().route(path, query)
        if fault == "slow":
            headers = {**headers, FAULT_DELAY: "1.5"}
        elif fault == "timeout" and n == 1:
            headers = {**headers, FAULT_DELAY: "6"}
        elif fault == "malformed":
            text = body.decode("utf-8")
            text = text.replace("</div>", "", 3).replace("<p ", "<p><span ", 2)
            text = text.replace("</body>", "</span></b></td></div></p> 3 < 5 \x00</body>")
            body = text.replace('<div class="tandan-footer">', '<div class="tandan-footer"<').encode("utf-8")
        elif fault == "cp1258":
            body = to_cp1258(body.decode("utf-8"))
        elif fault == "gzip" and n <= 3:
            packed = gzip.compress(body, mtime=0)
            headers = {**headers, "Content-Encoding": "gzip"}
            body = packed[: len(packed) * 2 // 5]
        elif fault == "latin1":
            headers = {**headers, "Content-Type": "text/html; charset=iso-8859-1"}
            body = body.replace(b"charset=utf-8", b"charset=iso-8859-1")
        elif fault == "baddate":
            shown = a.published.strftime("%d/%m/%Y %H:%M:%S")
            body = body.replace(shown.encode(), BAD_DATE.encode())
        elif fault == "tcvn3":
            text = body.decode("utf-8").replace("charset=utf-8", "charset=windows-1252")
            text = text.replace("<body", '<body style="font-family: .VnTime"', 1)
            headers = {**headers, "Content-Type": "text/html; charset=windows-1252"}
            body = to_tcvn3(text)
        elif fault == "nocharset":
            text = body.decode("utf-8").replace(
                '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />', "")
            headers, body = {**headers, "Content-Type": "text/html"}, text.encode("utf-8")
        return status, headers, body

    def trap_page(self, page: int) -> str:
        nxt = f"/Trang/cai-cach-hanh-chinh.aspx?PageIndex={page + 1}"
        content = (f'<div class="tandan-lich">Lịch công tác tuần {page}</div>'
                   f'<div class="tandan-pager"><span class="CurrentPage">{page}</span> '
                   f'<a href="{nxt}">{page + 1}</a> <a class="tandan-next" href="{nxt}">Tiếp</a></div>')
        return self.page("Cải cách hành chính", content, self._sidebar("listing", []),
                         self.listing_path("reform", page), kind="listing")

    def robots_txt(self) -> str:
        return super().robots_txt() + "Disallow: /Trang/ChiTietTinTuc.aspx?*noibo=\n"

    def internal_article(self) -> Article:
        """A news article listed (once, on reform page 1) at a URL robots.txt disallows."""
        return self.in_category("news")[0]

    def listing_items(self, key: str, page: int) -> list[dict[str, Any]]:
        items = super().listing_items(key, page)
        if key == "reform" and page == 1:
            hidden = self._item(self.internal_article())
            items.insert(0, {**hidden, "url": hidden["url"] + "&noibo=1"})
        return items

    def listing(self, key: str, page: int, **extra: Any) -> str:
        html = super().listing(key, page, **extra)
        if key == "reform" and page == self.pages_of(key):  # the last page still says "Tiếp"
            nxt = escape(self.listing_path(key, page + 1))
            html = html.replace(f'<span class="CurrentPage">{page}</span>',
                                f'<span class="CurrentPage">{page}</span> <a href="{nxt}">{page + 1}</a>')
        return html


class FaultGenericSite(VariantSite):
    """An unknown-CMS site whose listings show a month calendar with endless « / » links."""

    def route(self, path: str, query: str) -> Response:
        params = dict(parse_qsl(query, keep_blank_values=True))
        r = self._lookup(path or "/", params)
        if r is not None and r.kind == "listing":
            return html_response(self.listing(r.key, r.number, params.get("thang", "")))
        return super().route(path, query)

    def listing(self, key: str, page: int, month: str = "") -> str:  # type: ignore[override]
        try:
            m = dt.date.fromisoformat(month + "-01") if month else dt.date(2025, 6, 1)
        except ValueError:
            m = dt.date(2025, 6, 1)
        prev = (m - dt.timedelta(days=1)).replace(day=1)
        nxt = (m + dt.timedelta(days=32)).replace(day=1)
        base = self.listing_path(key)
        calendar = (f'<div class="calendar">Lịch công tác tháng {m:%m/%Y}: '
                    f'<a href="{base}?thang={prev:%Y-%m}">« Tháng trước</a> '
                    f'<a href="{base}?thang={nxt:%Y-%m}">Tháng sau »</a></div>')
        return super().listing(key, page, calendar=Markup(calendar))
