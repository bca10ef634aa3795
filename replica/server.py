"""`ReplicaServer`: the replica behind a real HTTP proxy on 127.0.0.1.

Clients send absolute-URI requests (`GET http://host/path HTTP/1.1`), as an HTTP proxy
receives them; plain requests are routed by their Host header. Unknown hosts get a 502,
as from a proxy that cannot reach them. Only http:// is served (CONNECT gets a 501).
Every 200 carries an ETag; a matching If-None-Match (or an If-Modified-Since not older than
the page's Last-Modified) is answered 304 with no body. Fault pages (`replica.faults`) ask
for a delay, a connection reset or a huge streamed body through `X-Replica-*` headers that
the handler consumes.
"""

from __future__ import annotations

import hashlib
import logging
import socket
import struct
import threading
import time
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from replica.generate import Replica
from replica.site import FAULT_ACTION, FAULT_DELAY, FAULT_SIZE

log = logging.getLogger(__name__)


class ProxyHandler(BaseHTTPRequestHandler):
    server_version = "Microsoft-IIS/8.5"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes: without this, Nagle + delayed ACK stall each
    # keep-alive response ~40 ms (the replica then benchmarks the kernel, not the crawler).
    disable_nagle_algorithm = True
    replica: Replica  # set on the subclass built by ReplicaServer

    def _target(self) -> str:
        if self.path.startswith(("http://", "https://")):
            return self.path
        host = self.headers.get("Host", "")
        return f"http://{host}{self.path}"

    def _send(self, status: int, headers: dict[str, str], body: bytes, head: bool) -> None:
        headers = dict(headers)
        # Fault hooks set by fault pages (replica.faults); never sent on the wire.
        delay = float(headers.pop(FAULT_DELAY, "0") or 0)
        action = headers.pop(FAULT_ACTION, "")
        size = int(headers.pop(FAULT_SIZE, "0") or 0)
        if delay:
            time.sleep(delay)
        if action == "reset":  # RST instead of a response: SO_LINGER 0, then close
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                       struct.pack("ii", 1, 0))
            self.close_connection = True
            return
        if status == 200 and "ETag" not in headers and not size:  # like IIS/nginx
            headers["ETag"] = f'"{hashlib.sha1(body).hexdigest()[:20]}"'
        if status == 200 and self._not_modified(headers):
            status, body = 304, b""
        self.send_response(status)
        for k, v in headers.items():
            if status == 304 and k.lower() in ("content-type", "content-length"):
                continue
            self.send_header(k, v)
        self.send_header("Content-Length", str(size or len(body)))
        self.end_headers()
        if head or status == 304:
            return
        try:
            if size:  # a huge page, streamed (the client is expected to give up)
                chunk = body or b"x" * 65536
                sent = 0
                while sent < size:
                    part = chunk[: size - sent]
                    self.wfile.write(part)
                    sent += len(part)
            else:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _not_modified(self, headers: dict[str, str]) -> bool:
        """Conditional GET: If-None-Match against the ETag, else If-Modified-Since."""
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            tags = {t.strip() for t in inm.split(",")}
            return "*" in tags or headers.get("ETag", "") in tags
        ims, lm = self.headers.get("If-Modified-Since"), headers.get("Last-Modified")
        if ims and lm:
            try:
                return parsedate_to_datetime(lm) <= parsedate_to_datetime(ims)
            except (TypeError, ValueError):
                return False
        return False

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


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients that hang up (a crawler giving up on a 50 MB page, a timeout) are normal
        here: log them instead of printing a traceback to stderr."""
        log.debug("connection from %s ended abruptly", client_address, exc_info=True)


class ReplicaServer:
    """Serve a `Replica` as an HTTP proxy in a background thread.

    `start()` returns the proxy URL (`http://127.0.0.1:<port>`); port 0 picks a free one.
    """

    def __init__(self, replica: Replica, host: str = "127.0.0.1", port: int = 0) -> None:
        handler = type("BoundProxyHandler", (ProxyHandler,), {"replica": replica})
        self.httpd = _Server((host, port), handler)
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
