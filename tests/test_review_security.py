"""The review app and Datasette under hostile input: malformed tokens and cookies get a 4xx
(never a 500), logins are rate-limited, a short token is refused, logout revokes the
session, cookies are Secure over HTTPS, Datasette sends a CSP and hides the database path,
and a fuzzer finds no 500 and no unescaped markup."""

from __future__ import annotations

import asyncio
import io
import json
import logging
from pathlib import Path
from typing import Any

import httpx
import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_review_app import db_path  # noqa: F401 (fixture)

from cchc.review_app import MIN_TOKEN_LENGTH, ReviewApp, make_app
from crawler.items import PageItem

TOKEN = "a-long-enough-review-token-0123"


@pytest.fixture
def app(db_path: Path) -> ReviewApp:
    return make_app(db_path, token=TOKEN)


def client(app: Any, base_url: str = "http://127.0.0.1") -> httpx.Client:
    return httpx.Client(transport=httpx.WSGITransport(app=app), base_url=base_url)


def login_form(c: httpx.Client) -> str:
    page = BeautifulSoup(c.get("/review/login").text, "html.parser")
    return str(page.select_one("input[name=csrf]")["value"])


def login(c: httpx.Client, token: str = TOKEN) -> httpx.Response:
    return c.post("/review/login", data={"csrf": login_form(c), "reviewer": "Lan",
                                         "token": token})


def fingerprint(c: httpx.Client) -> str:
    page = BeautifulSoup(c.get("/review/").text, "html.parser")
    return str(page.select("tr[data-fingerprint]")[0]["data-fingerprint"])


def csrf_of(c: httpx.Client, path: str) -> str:
    page = BeautifulSoup(c.get(path).text, "html.parser")
    return str(page.select_one("#decide input[name=csrf]")["value"])


def test_non_ascii_csrf_field_is_a_400_not_a_500(app: ReviewApp) -> None:
    c = client(app)
    assert login(c).status_code == 303
    path = f"/review/figure/{fingerprint(c)}"
    r = c.post(path, data={"csrf": "tokén-ñ-đ", "decision": "confirmed"})
    assert r.status_code == 400
    r = c.post("/review/login", data={"csrf": "ß", "reviewer": "X", "token": TOKEN})
    assert r.status_code == 400


@pytest.mark.parametrize("cookie", ["cchc_review=é.ñ", "cchc_review=abc.déf",
                                    "cchc_review=%%%.%%%", "cchc_review=e30=.00"])
def test_malformed_cookie_is_ignored_not_a_500(app: ReviewApp, cookie: str) -> None:
    environ = wsgi_environ("GET", "/review/", headers={"HTTP_COOKIE": cookie})
    status, _, _ = call(app, environ)
    assert status == 200
    environ = wsgi_environ("POST", "/review/logout", body=b"csrf=x",
                           headers={"HTTP_COOKIE": cookie})
    status, _, _ = call(app, environ)
    assert 400 <= status < 500


def test_login_is_rate_limited_even_for_the_right_token(app: ReviewApp) -> None:
    c = client(app)
    statuses = [login(c, token="wrong-token-guess").status_code for _ in range(12)]
    assert statuses[:5] == [403] * 5 and set(statuses[5:]) == {429}
    r = login(c)
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0


def test_a_short_token_is_refused(db_path: Path) -> None:
    with pytest.raises(ValueError, match=f"at least {MIN_TOKEN_LENGTH}"):
        make_app(db_path, token="short")


def test_logout_revokes_the_session_server_side(app: ReviewApp) -> None:
    c = client(app)
    assert login(c).status_code == 303
    stolen = c.cookies.get("cchc_review")
    path = f"/review/figure/{fingerprint(c)}"
    csrf = csrf_of(c, path)
    r = c.post("/review/logout", data={"csrf": csrf})
    assert r.status_code == 303
    replay = client(app)
    replay.cookies.set("cchc_review", stolen)
    r = replay.post(path, data={"csrf": csrf, "decision": "confirmed"})
    assert r.status_code in (401, 403)
    assert "Log in" in r.text or "expired" in r.text


@pytest.mark.parametrize(("base", "headers", "secure"), [
    ("http://127.0.0.1", {}, False),
    ("https://review.example.org", {}, True),
    ("http://127.0.0.1", {"X-Forwarded-Proto": "https"}, True),
])
def test_cookie_is_secure_over_https(app: ReviewApp, base: str, headers: dict[str, str],
                                     secure: bool) -> None:
    c = client(app, base)
    r = c.get("/review/login", headers=headers)
    cookie = r.headers["set-cookie"]
    assert ("; Secure" in cookie) is secure


def test_page_item_logs_never_carry_the_body() -> None:
    from scrapy.logformatter import LogFormatter

    body = b"<html>" + "Nội dung bài viết rất dài. ".encode() * 2000 + b"</html>"
    item = PageItem(url="http://a.gov.vn/1", site_id="a", platform="trang", kind="article",
                    status=200, fetched_at="2026-01-01T00:00:00+00:00", body=body)
    entry = LogFormatter().item_error(item, ValueError("database is locked"), None, None)
    message = entry["msg"] % entry["args"]
    assert "Nội dung" not in message and len(message) < 1000
    assert "http://a.gov.vn/1" in message


def test_datasette_sends_a_csp_and_hides_the_database_path(db_path: Path) -> None:
    from cchc.serve import build_app

    asgi = build_app(db_path, token=TOKEN)

    async def get(path: str) -> httpx.Response:
        transport = httpx.ASGITransport(app=asgi)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as c:
            return await c.get(path)

    for path in ("/", "/-/databases.json", "/-/databases", "/.json"):
        r = asyncio.run(get(path))
        assert r.status_code == 200, path
        assert "default-src" in r.headers.get("content-security-policy", ""), path
        assert str(db_path.parent) not in r.text, path
    databases = json.loads(asyncio.run(get("/-/databases.json")).text)
    assert [d["path"] for d in databases] == [db_path.name]


# -- fuzz ---------------------------------------------------------------------------------
MARK = "<script>fuzz()</script>"


def wsgi_environ(method: str, path: str, body: bytes = b"", query: str = "",
                 headers: dict[str, str] | None = None) -> dict[str, Any]:
    return {"REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query,
            "CONTENT_LENGTH": str(len(body)), "CONTENT_TYPE": "application/x-www-form-urlencoded",
            "wsgi.input": io.BytesIO(body), "wsgi.url_scheme": "http", "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "80", "HTTP_HOST": "127.0.0.1", "REMOTE_ADDR": "127.0.0.1",
            **(headers or {})}


def call(app: Any, environ: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
    seen: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
        seen["status"], seen["headers"] = int(status.split()[0]), dict(headers)

    body = b"".join(app(environ, start_response))
    return seen["status"], seen["headers"], body


text = st.one_of(st.text(max_size=40), st.just(MARK), st.just("é" * 5), st.just("'\"><"),
                 st.just("\x00"), st.just("../" * 5))
PATHS = ["/review/", "/review/login", "/review/logout", "/review/audit",
         "/review/figure/" + "a" * 40, "/review/static/review.js", "/review/static/../x"]
FIELDS = ["decision", "value", "note", "token", "reviewer", "next", "site", "metric", "flag"]


@settings(max_examples=250, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(method=st.sampled_from(["POST", "POST", "GET", "PUT", "HEAD"]),
       path=st.one_of(st.sampled_from(PATHS), text.map(lambda t: "/review/" + t)),
       csrf=st.one_of(st.none(), text),
       form=st.dictionaries(st.sampled_from(FIELDS), text, max_size=6),
       query=st.dictionaries(st.sampled_from(["site", "metric", "flag", "next", "fingerprint"]),
                             text, max_size=3),
       cookie=st.one_of(st.none(), text.map(lambda t: f"cchc_review={t}")),
       origin=st.one_of(st.none(), text, st.just("http://evil.example")),
       length=st.one_of(st.none(), st.sampled_from(["-1", "abc", "99999999", ""])))
def test_fuzzed_requests_never_fail_or_echo_markup(
        app: ReviewApp, method: str, path: str, csrf: str | None, form: dict[str, str],
        query: dict[str, str], cookie: str | None, origin: str | None,
        length: str | None) -> None:
    from urllib.parse import urlencode

    body = urlencode({**form, **({"csrf": csrf} if csrf is not None else {})}).encode()
    headers = {k: v.encode("utf-8", "surrogateescape").decode("latin-1")
               for k, v in (("HTTP_COOKIE", cookie), ("HTTP_ORIGIN", origin)) if v is not None}
    environ = wsgi_environ(method, path, body, urlencode(query), headers)
    if length is not None:
        environ["CONTENT_LENGTH"] = length
    logging.disable(logging.CRITICAL)
    try:
        status, sent, page = call(app, environ)
    finally:
        logging.disable(logging.NOTSET)
    assert status < 500, (status, page[:500])
    assert "default-src 'none'" in sent["Content-Security-Policy"]
    assert MARK.encode() not in page
