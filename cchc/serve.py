"""`cchc serve`: Datasette over the store, with the review page mounted beside it at /review.

One ASGI app: requests under /review go to the review WSGI app (through asgiref's
WsgiToAsgi, which Datasette already depends on), everything else to Datasette, whose
responses get a Content-Security-Policy and never show where the database lives on disk
(`/-/databases.json` names the file only).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

from cchc.review_app import ReviewApp, make_app

METADATA_FILE = Path(__file__).resolve().parent / "datasette_metadata.json"
STATIC = Path(__file__).resolve().parent / "static"
#: Datasette's pages carry inline scripts and styles of their own; nothing else is allowed.
DATASETTE_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; "
                 "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; "
                 "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[..., Awaitable[Any]], Callable[..., Awaitable[Any]]],
                   Awaitable[None]]


def datasette_metadata(db_path: Path) -> dict[str, Any]:
    """The bundled metadata with the data dictionary's titles, descriptions and columns
    (store/dictionary.toml), its database section named after the database file."""
    from store.dictionary import dictionary

    metadata: dict[str, Any] = json.loads(METADATA_FILE.read_text(encoding="utf-8"))
    tables = metadata["databases"]["cchc"].setdefault("tables", {})
    for name, entry in dictionary().items():
        table = tables.setdefault(name, {})
        for key in ("title", "description"):
            if key in entry:
                table.setdefault(key, entry[key])
        table["columns"] = dict(entry.get("columns", {}))
    metadata["databases"] = {db_path.stem: metadata["databases"]["cchc"]}
    metadata["description_html"] = metadata["description_html"].replace(
        'href="/cchc/', f'href="/{db_path.stem}/')
    return metadata


def make_datasette(db_path: Path) -> Any:
    """A Datasette instance over the store, with titles, descriptions, facets, canned queries,
    and LIKE that ignores accents and case (cchc/datasette_plugin.py)."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    from cchc import datasette_plugin

    if not pm.is_registered(datasette_plugin):
        pm.register(datasette_plugin, name="cchc_fold")
    return Datasette(files=[str(db_path)], metadata=datasette_metadata(db_path),
                     settings={"sql_time_limit_ms": 5000, "facet_time_limit_ms": 500},
                     static_mounts=[("cchc-static", str(STATIC))])


def combined_app(datasette_app: ASGIApp, review: ReviewApp) -> ASGIApp:
    """Route /review… to the review app and the rest to Datasette."""
    from asgiref.wsgi import WsgiToAsgi

    review_asgi = WsgiToAsgi(review)
    prefix = review.prefix

    async def app(scope: Scope, receive: Callable[..., Awaitable[Any]],
                  send: Callable[..., Awaitable[Any]]) -> None:
        path = scope.get("path", "")
        if scope["type"] == "http" and (path == prefix or path.startswith(prefix + "/")):
            await review_asgi(scope, receive, send)
        else:
            await datasette_app(scope, receive, send)

    return app


def guarded_datasette(app: ASGIApp, db_path: Path) -> ASGIApp:
    """Datasette with a CSP on every response, and the database's directory cut from the
    introspection pages (`/-/…`) and JSON, which would show its absolute path."""
    name = db_path.name.encode()
    hidden = sorted({str(db_path.resolve()).encode(), str(db_path).encode()} - {name},
                    key=len, reverse=True)
    csp = (b"content-security-policy", DATASETTE_CSP.encode())

    async def guarded(scope: Scope, receive: Callable[..., Awaitable[Any]],
                      send: Callable[..., Awaitable[Any]]) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        path = scope.get("path", "")
        rewrite = path.startswith("/-/") or path.endswith(".json")
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def send_guarded(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.lower() != csp[0]]
                message = {**message, "headers": [*headers, csp]}
                if rewrite:
                    start.update(message)
                    return
            elif message["type"] == "http.response.body" and rewrite:
                chunks.append(message.get("body", b""))
                if message.get("more_body"):
                    return
                body = b"".join(chunks)
                for text in hidden:
                    body = body.replace(text, name)
                headers = [(k, str(len(body)).encode() if k.lower() == b"content-length" else v)
                           for k, v in start["headers"]]
                await send({**start, "headers": headers})
                message = {"type": "http.response.body", "body": body}
            await send(message)

        await app(scope, receive, send_guarded)

    return guarded


def build_app(db_path: Path, *, token: str | None) -> ASGIApp:
    """The whole analyst server for `db_path` (migrated and with 2025 units refreshed)."""
    import store

    db = store.open_db(db_path)
    try:
        store.refresh_units(db)
    finally:
        db.close()
    review = make_app(db_path, token=token)
    return combined_app(guarded_datasette(make_datasette(db_path).app(), db_path), review)


def run(db_path: Path, *, host: str, port: int, token: str | None) -> None:
    """Serve until interrupted (uvicorn)."""
    import uvicorn

    uvicorn.run(build_app(db_path, token=token), host=host, port=port, log_level="warning")


def review_server(db_path: Path, *, host: str = "127.0.0.1", port: int = 0,
                  token: str | None = None) -> Any:
    """The review page alone on a threaded stdlib WSGI server (port 0: an ephemeral one).

    Call `serve_forever()` (e.g. in a thread) and `shutdown()`; `server_port` is the port.
    """
    from socketserver import ThreadingMixIn
    from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

    class Server(ThreadingMixIn, WSGIServer):
        daemon_threads = True

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass

    return make_server(host, port, make_app(db_path, token=token), server_class=Server,
                       handler_class=QuietHandler)
