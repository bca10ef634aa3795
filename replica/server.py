"""`ReplicaServer`: the replica behind a real HTTP proxy on 127.0.0.1.

Clients send absolute-URI requests (`GET http://host/path HTTP/1.1`), as an HTTP proxy
receives them; plain requests are routed by their Host header. Unknown hosts get a 502,
as from a proxy that cannot reach them. Only http:// is served (CONNECT gets a 501).
"""

from __future__ import annotations

import hashlib
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from replica.generate import Replica

log = logging.getLogger(__name__)


class ProxyHandler(BaseHTTPRequestHandler):
    server_version = "Microsoft-IIS/8.5"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    replica: Replica  # set on the subclass built by ReplicaServer

    def _target(self) -> str:
        if self.path.startswith(("http://", "https://")):
            return self.path
        host = self.headers.get("Host", "")
        return f"http://{host}{self.path}"

    def _send(self, status: int, headers: dict[str, str], body: bytes, head: bool) -> None:
        self.send_response(status)
        if status == 200 and "ETag" not in headers:  # like IIS/nginx: a validator per body
            headers = {**headers, "ETag": f'"{hashlib.sha1(body).hexdigest()[:20]}"'}
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _serve(self, head: bool = False) -> None:
        url = self._target()
        host = urlsplit(url).hostname or ""
        try:
            resp = self.replica.fetch(url)
        except Exception:  # a replica bug must not kill the server thread
            log.exception("replica failed on %s", url)
            resp = (500, {"Content-Type": "text/plain"}, b"Internal Server Error")
        if resp is None:
            msg = f"502 Bad Gateway: cannot resolve host {host!r}\n".encode()
            resp = (502, {"Content-Type": "text/plain; charset=utf-8"}, msg)
        self._send(*resp, head=head)

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        self._serve()

    def do_HEAD(self) -> None:  # noqa: N802
        self._serve(head=True)

    def do_CONNECT(self) -> None:  # noqa: N802
        self._send(501, {"Content-Type": "text/plain"}, b"CONNECT not supported\n", False)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        log.debug("%s " + format, self.address_string(), *args)


class ReplicaServer:
    """Serve a `Replica` as an HTTP proxy in a background thread.

    `start()` returns the proxy URL (`http://127.0.0.1:<port>`); port 0 picks a free one.
    """

    def __init__(self, replica: Replica, host: str = "127.0.0.1", port: int = 0) -> None:
        handler = type("BoundProxyHandler", (ProxyHandler,), {"replica": replica})
        self.httpd = ThreadingHTTPServer((host, port), handler)
        self.httpd.daemon_threads = True
        self.thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> str:
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        return self.url

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        if self.thread:
            self.thread.join(timeout=5)

    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
