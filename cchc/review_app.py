"""The review page: a small WSGI app over `store.reviews` (queue, figure, decide, audit).

Reading needs no login. Writing needs a login with the token from CCHC_REVIEW_TOKEN (at
least MIN_TOKEN_LENGTH characters) and a reviewer name; every form carries a CSRF token
bound to the signed session cookie. Wrong tokens are rate-limited per client address;
logout revokes the session on the server; the cookie is `Secure` when the app is reached
over HTTPS (directly or behind a proxy sending X-Forwarded-Proto). Malformed tokens and
cookies get a 4xx, never a 500. Crawled text is only ever rendered through autoescaping
templates, and every response carries a Content-Security-Policy that allows scripts from
this app's own /static/ only.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import mimetypes
import re
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape

import store
from store import reviews

HERE = Path(__file__).resolve().parent
COOKIE = "cchc_review"
SESSION_SECONDS = 12 * 3600
MAX_FORM_BYTES = 64 * 1024
MIN_TOKEN_LENGTH = 16
#: Wrong login tokens allowed per client address within LOGIN_WINDOW seconds.
LOGIN_ATTEMPTS = 5
LOGIN_WINDOW = 60.0
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
SECURITY_HEADERS = [
    ("Content-Security-Policy", CSP), ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"), ("X-Frame-Options", "DENY"),
]
StartResponse = Callable[..., Any]


@dataclass
class Request:
    """What a handler needs from the WSGI environ."""

    method: str
    path: str
    query: dict[str, str]
    form: dict[str, str]
    session: dict[str, Any]
    new_cookie: str | None = None
    headers: list[tuple[str, str]] = field(default_factory=list)
    client: str = ""
    https: bool = False


@dataclass
class Response:
    status: int
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    headers: list[tuple[str, str]] = field(default_factory=list)


def parse_value(text: str) -> float:
    """A corrected value as typed: "1.234" is 1234 only with a comma decimal; "83,94" is 83.94."""
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "").rstrip("%")
    if "," in cleaned and "." in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif "," in cleaned:
        cleaned = cleaned.replace(",", ".")
    return float(cleaned)


def evidence_parts(text: str, start: int | None, end: int | None,
                   evidence: str) -> tuple[str, str, str] | None:
    """The text split around the evidence span (or its first occurrence); None if absent."""
    if start is not None and end is not None and text[start:end] == evidence and end > start:
        return text[:start], text[start:end], text[end:]
    at = text.find(evidence) if evidence else -1
    if at < 0:
        return None
    return text[:at], evidence, text[at + len(evidence):]


def same(given: str, expected: str) -> bool:
    """Constant-time comparison of two texts (as UTF-8 bytes: any character is fine)."""
    return hmac.compare_digest(given.encode("utf-8", "surrogateescape"),
                               expected.encode("utf-8", "surrogateescape"))


def check_token(token: str | None) -> None:
    """Refuse a review token too short to resist guessing (ValueError says what to do)."""
    if token is not None and len(token) < MIN_TOKEN_LENGTH:
        raise ValueError(
            f"CCHC_REVIEW_TOKEN has {len(token)} characters: use at least {MIN_TOKEN_LENGTH}, "
            "e.g. CCHC_REVIEW_TOKEN=$(python3 -c 'import secrets; "
            "print(secrets.token_urlsafe(24))')")


class LoginLimiter:
    """At most LOGIN_ATTEMPTS wrong tokens per client address in LOGIN_WINDOW seconds; then
    every login from it waits, the right token included (thread-safe)."""

    def __init__(self, attempts: int = LOGIN_ATTEMPTS, window: float = LOGIN_WINDOW) -> None:
        self.attempts, self.window = attempts, window
        self.failures: dict[str, deque[float]] = {}
        self.lock = threading.Lock()

    def wait(self, client: str) -> int:
        """Seconds the client must wait before its next login (0: go ahead)."""
        now = time.monotonic()
        with self.lock:
            times = self.failures.get(client)
            while times and now - times[0] > self.window:
                times.popleft()
            if not times or len(times) < self.attempts:
                return 0
            return max(1, int(self.window - (now - times[0])) + 1)

    def failed(self, client: str) -> None:
        with self.lock:
            self.failures.setdefault(client, deque()).append(time.monotonic())


class ReviewApp:
    """WSGI app serving the review pages under `prefix` (default /review).

    `secure_cookie`: True always marks the cookie Secure, None (default) when the request
    came over HTTPS (wsgi.url_scheme or X-Forwarded-Proto)."""

    def __init__(self, db_path: str | Path, *, token: str | None, prefix: str = "/review",
                 secret: bytes | None = None, secure_cookie: bool | None = None) -> None:
        check_token(token or None)
        self.db_path = Path(db_path)
        self.token = token or None
        self.secure_cookie = secure_cookie
        self.limiter = LoginLimiter()
        self.revoked: set[str] = set()
        self.prefix = prefix.rstrip("/")
        self.secret = secret or secrets.token_bytes(32)
        self.env = Environment(loader=FileSystemLoader(HERE / "templates"),
                               autoescape=select_autoescape(["html"], default=True))
        self.env.globals["prefix"] = self.prefix
        store.open_db(self.db_path).close()  # apply migrations once

    # --- sessions and CSRF -------------------------------------------------------------
    def _sign(self, payload: bytes) -> str:
        return hmac.new(self.secret, payload, hashlib.sha256).hexdigest()

    def _encode(self, session: dict[str, Any]) -> str:
        payload = base64.urlsafe_b64encode(json.dumps(session).encode())
        return f"{payload.decode()}.{self._sign(payload)}"

    def _decode(self, cookie: str | None) -> dict[str, Any] | None:
        """The session of a cookie; None for a missing, forged, malformed, expired or
        revoked one (never an exception)."""
        if not cookie or "." not in cookie or not cookie.isascii():
            return None
        payload, _, sig = cookie.rpartition(".")
        if not same(sig, self._sign(payload.encode())):
            return None
        try:
            session = json.loads(base64.urlsafe_b64decode(payload))
        except ValueError:
            return None
        if not isinstance(session, dict) or not isinstance(session.get("csrf"), str):
            return None
        if session.get("sid") in self.revoked or not session.get("exp", 0) > time.time():
            return None
        return session

    def _new_session(self, reviewer: str | None = None) -> dict[str, Any]:
        return {"reviewer": reviewer, "csrf": secrets.token_urlsafe(24),
                "sid": secrets.token_urlsafe(12), "exp": int(time.time()) + SESSION_SECONDS}

    def _cookie_header(self, value: str, request: Request | None,
                       max_age: int = SESSION_SECONDS) -> tuple[str, str]:
        secure = self.secure_cookie or (self.secure_cookie is None and request is not None
                                        and request.https)
        return ("Set-Cookie", f"{COOKIE}={value}; Path={self.prefix or '/'}; HttpOnly; "
                              f"SameSite=Strict; Max-Age={max_age}"
                              + ("; Secure" if secure else ""))

    # --- WSGI ----------------------------------------------------------------------------
    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        request: Request | None = None
        try:
            request = self._request(environ)
            response = self._dispatch(request, environ)
        except _HttpError as exc:
            response = self._page(exc.status, "review_message.html", request,
                                  title=exc.title, message=exc.message)
        headers = [("Content-Type", response.content_type),
                   ("Content-Length", str(len(response.body))), *SECURITY_HEADERS,
                   *response.headers]
        if request is not None and request.new_cookie and self._issues_session(request,
                                                                                 response):
            headers.append(self._cookie_header(request.new_cookie, request))
        status = HTTPStatus(response.status)
        start_response(f"{status.value} {status.phrase}", headers)
        return [response.body]

    def _issues_session(self, request: Request, response: Response) -> bool:
        """Only pages with forms start a session: a stray request (favicon, static file,
        a 404) must not replace the cookie whose CSRF token an open form carries."""
        return (response.status < 400 and response.content_type.startswith("text/html")
                and request.path.startswith(self.prefix + "/")
                and not request.path.startswith(self.prefix + "/static/"))

    def _request(self, environ: dict[str, Any]) -> Request:
        method = environ.get("REQUEST_METHOD", "GET").upper()
        query = {k: v[-1] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
        form: dict[str, str] = {}
        if method == "POST":
            try:
                length = max(0, int(environ.get("CONTENT_LENGTH") or 0))
            except ValueError:
                raise _HttpError(400, "Bad request", "Send the form again.") from None
            if length > MAX_FORM_BYTES:
                raise _HttpError(413, "Form too large", "Send a shorter note.")
            raw = environ["wsgi.input"].read(length).decode("utf-8", "replace")
            form = {k: v[-1] for k, v in parse_qs(raw, keep_blank_values=True).items()}
            self._check_origin(environ)
        cookies = {}
        for part in environ.get("HTTP_COOKIE", "").split(";"):
            name, _, value = part.strip().partition("=")
            cookies[name] = value
        session = self._decode(cookies.get(COOKIE))
        https = (environ.get("wsgi.url_scheme") == "https"
                 or environ.get("HTTP_X_FORWARDED_PROTO", "").split(",")[0].strip() == "https")
        request = Request(method, environ.get("PATH_INFO", "/"), query, form,
                          session or self._new_session(),
                          client=environ.get("REMOTE_ADDR", ""), https=https)
        if session is None:
            request.new_cookie = self._encode(request.session)
        return request

    @staticmethod
    def _check_origin(environ: dict[str, Any]) -> None:
        origin = environ.get("HTTP_ORIGIN")
        host = environ.get("HTTP_HOST", "")
        if origin and origin != "null" and origin.split("://", 1)[-1] != host:
            raise _HttpError(403, "Cross-site request refused",
                             "Open the review page from its own address and submit again.")

    def _dispatch(self, request: Request, environ: dict[str, Any]) -> Response:
        path = request.path
        if not path.startswith(self.prefix):
            raise _HttpError(404, "Not found", f"The review page is at {self.prefix}/.")
        path = path[len(self.prefix):] or "/"
        routes: list[tuple[str, str, Callable[..., Response]]] = [
            ("GET", r"/", self.queue),
            ("GET", r"/figure/(?P<fingerprint>[0-9a-f]{40})", self.figure),
            ("POST", r"/figure/(?P<fingerprint>[0-9a-f]{40})", self.decide),
            ("GET", r"/login", self.login_form),
            ("POST", r"/login", self.login),
            ("POST", r"/logout", self.logout),
            ("GET", r"/audit", self.audit),
            ("GET", r"/static/(?P<name>[a-z_]+\.(?:css|js))", self.static),
        ]
        allowed = False
        for method, pattern, handler in routes:
            match = re.fullmatch(pattern, path)
            if match and method == request.method:
                return handler(request, **match.groupdict())
            allowed = allowed or match is not None
        if allowed:
            raise _HttpError(405, "Method not allowed", "Use the buttons of the page.")
        raise _HttpError(404, "Not found", f"No such review page: go to {self.prefix}/.")

    # --- helpers -------------------------------------------------------------------------
    def _page(self, status: int, template: str, request: Request | None = None,
              **context: Any) -> Response:
        session = request.session if request else {}
        html = self.env.get_template(template).render(
            reviewer=session.get("reviewer"), csrf=session.get("csrf", ""),
            writable=self.token is not None, **context)
        return Response(status, html.encode())

    def _redirect(self, location: str, headers: list[tuple[str, str]] | None = None) -> Response:
        return Response(303, b"", "text/plain", [("Location", location), *(headers or [])])

    @staticmethod
    def _check_csrf(request: Request, message: str) -> None:
        given = request.form.get("csrf", "")
        if not given.isascii():
            raise _HttpError(400, "Bad request", "The form's token is malformed: " + message)
        if not same(given, request.session["csrf"]):
            raise _HttpError(403, "Form expired", message)

    def _require_writer(self, request: Request) -> str:
        self._check_csrf(request, "Reload the page and submit again (CSRF).")
        reviewer = request.session.get("reviewer")
        if not reviewer:
            raise _HttpError(401, "Log in first", f"Log in at {self.prefix}/login to review.")
        return str(reviewer)

    @staticmethod
    def _filters(source: dict[str, str]) -> dict[str, str]:
        return {k: source[k] for k in ("site", "metric", "flag") if source.get(k)}

    def _queue(self, db: Any, filters: dict[str, str]) -> list[dict[str, Any]]:
        return reviews.review_queue(db, site_id=filters.get("site"),
                                    metric=filters.get("metric"), flag=filters.get("flag"))

    # --- handlers ------------------------------------------------------------------------
    def queue(self, request: Request) -> Response:
        filters = self._filters(request.query)
        db = store.open_db(self.db_path)
        try:
            rows = self._queue(db, filters)
            facets = reviews.queue_facets(db)
        finally:
            db.close()
        return self._page(200, "review_queue.html", request, rows=rows, facets=facets,
                          filters=filters, qs=urlencode(filters))

    def figure(self, request: Request, fingerprint: str, error: str | None = None,
               status: int = 200) -> Response:
        filters = self._filters(request.query or request.form)
        db = store.open_db(self.db_path)
        try:
            fig = reviews.figure_by_fingerprint(db, fingerprint)
            if fig is None:
                raise _HttpError(404, "Figure not found", "It may have been re-extracted away: "
                                 f"go back to the queue at {self.prefix}/.")
            siblings = reviews.sibling_figures(db, fig)
            trail = reviews.audit_trail(db, fingerprint)
            queue = [r["fingerprint"] for r in self._queue(db, filters)]
            saved_fp = request.query.get("saved", "")
            saved = (reviews.audit_trail(db, saved_fp, limit=1) or [None])[0] \
                if re.fullmatch(r"[0-9a-f]{40}", saved_fp) else None
        finally:
            db.close()
        at = queue.index(fingerprint) if fingerprint in queue else -1
        prev_fp = queue[at - 1] if at > 0 else None
        next_fp = queue[at + 1] if 0 <= at < len(queue) - 1 else (
            queue[0] if at < 0 and queue else None)
        parts = evidence_parts(fig["text"] or "", fig["start"], fig["end"], fig["evidence"])
        return self._page(status, "review_figure.html", request, fig=fig, parts=parts,
                          siblings=siblings, trail=trail, prev_fp=prev_fp, next_fp=next_fp,
                          filters=filters, qs=urlencode(filters), error=error,
                          decisions=store.DECISIONS, saved=saved)

    def decide(self, request: Request, fingerprint: str) -> Response:
        reviewer = self._require_writer(request)
        decision = request.form.get("decision", "")
        value: float | None = None
        if decision == "corrected":
            try:
                value = parse_value(request.form.get("value", ""))
            except ValueError:
                return self.figure(request, fingerprint, status=400,
                                   error="Type the corrected value as a number, e.g. 1234 "
                                         "or 83,94.")
        filters = self._filters(request.form)
        db = store.open_db(self.db_path)
        try:
            queue = [r["fingerprint"] for r in self._queue(db, filters)]
            reviews.review_figure(db, fingerprint, decision, reviewer=reviewer,
                                  new_value=value, note=request.form.get("note") or None)
        except reviews.ReviewError as exc:
            return self.figure(request, fingerprint, status=400, error=str(exc))
        finally:
            db.close()
        following = queue[queue.index(fingerprint) + 1:] if fingerprint in queue else []
        qs = urlencode({"saved": fingerprint, **filters})  # the next page confirms the save
        target = following[0] if following else fingerprint
        return self._redirect(f"{self.prefix}/figure/{target}?{qs}")

    def login_form(self, request: Request, error: str | None = None,
                   status: int = 200) -> Response:
        return self._page(status, "review_login.html", request, error=error,
                          next=request.query.get("next", ""))

    def login(self, request: Request) -> Response:
        self._check_csrf(request, "Reload the login page and submit again.")
        wait = self.limiter.wait(request.client)
        if wait:
            response = self.login_form(request, status=429, error=(
                f"Too many wrong tokens: wait {wait} s, then log in with CCHC_REVIEW_TOKEN."))
            response.headers.append(("Retry-After", str(wait)))
            return response
        if self.token is None:
            return self.login_form(request, status=403, error=(
                "Reviews are read-only: set CCHC_REVIEW_TOKEN and restart `cchc serve`."))
        name = " ".join(request.form.get("reviewer", "").split())[:80]
        if not name:
            return self.login_form(request, status=400, error="Type your name as reviewer.")
        if not same(request.form.get("token", ""), self.token):
            self.limiter.failed(request.client)
            return self.login_form(request, status=403,
                                   error="Wrong token: use the value of CCHC_REVIEW_TOKEN.")
        session = self._new_session(name)
        nxt = request.form.get("next", "")
        target = nxt if re.fullmatch(r"/[\w/?=&.%-]*", nxt) and not nxt.startswith("//") \
            else f"{self.prefix}/"
        return self._redirect(target, [self._cookie_header(self._encode(session), request)])

    def logout(self, request: Request) -> Response:
        """End the session here and on the server: its cookie is refused from now on."""
        self._check_csrf(request, "Reload the page and submit again.")
        if request.session.get("sid"):
            self.revoked.add(str(request.session["sid"]))
        return self._redirect(f"{self.prefix}/", [self._cookie_header("", request, max_age=0)])

    def audit(self, request: Request) -> Response:
        db = store.open_db(self.db_path)
        try:
            trail = reviews.audit_trail(db, request.query.get("fingerprint") or None)
        finally:
            db.close()
        return self._page(200, "review_audit.html", request, trail=trail)

    def static(self, request: Request, name: str) -> Response:
        path = HERE / "static" / name
        if not path.is_file():
            raise _HttpError(404, "Not found", "No such static file.")
        kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return Response(200, path.read_bytes(), f"{kind}; charset=utf-8",
                        [("Cache-Control", "no-cache")])


class _HttpError(Exception):
    def __init__(self, status: int, title: str, message: str) -> None:
        super().__init__(message)
        self.status, self.title, self.message = status, title, message


def make_app(db_path: str | Path, *, token: str | None = None, prefix: str = "/review",
             secure_cookie: bool | None = None) -> ReviewApp:
    """The review WSGI app for a database; `token` enables writes (usually CCHC_REVIEW_TOKEN;
    shorter than MIN_TOKEN_LENGTH: ValueError)."""
    return ReviewApp(db_path, token=token, prefix=prefix, secure_cookie=secure_cookie)
