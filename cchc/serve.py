"""`cchc serve`: Datasette over the store, with the review page mounted beside it at /review.

One ASGI app: requests under /review go to the review WSGI app (through asgiref's
WsgiToAsgi, which Datasette already depends on), everything else to Datasette.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

from cchc.review_app import ReviewApp, make_app

METADATA_FILE = Path(__file__).resolve().parent / "datasette_metadata.json"
STATIC = Path(__file__).resolve().parent / "static"
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


def build_app(db_path: Path, *, token: str | None) -> ASGIApp:
    """The whole analyst server for `db_path` (migrated and with 2025 units refreshed)."""
    import store

    db = store.open_db(db_path)
    try:
        store.refresh_units(db)
    finally:
        db.close()
    review = make_app(db_path, token=token)
    return combined_app(make_datasette(db_path).app(), review)


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
