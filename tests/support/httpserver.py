"""A real HTTP server on 127.0.0.1 for tests: feeds, pages, webhooks, push services.

Routes are plain functions of the request, so a test describes a misbehaving server (slow,
huge, redirecting, gzip bomb) in a few lines. The server runs in a thread with its own
socket; clients talk to it over real TCP.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    # for streaming/slow servers: an iterable of chunks written one by one
    chunks: Any = None


Handler = Callable[[Request], Response]


class _BackloggedServer(ThreadingHTTPServer):
    """The standard threading server with a listen backlog a real web server would have.

    The default backlog is 5: a burst of connections opened at once (two delivery
    processes, eight sends each) overflowed it, and a few sends failed with a reset and
    were retried, which a test of "one attempt per delivery" then counted."""

    request_queue_size = 128


class LocalServer:
    """``server.route("/feed.xml", handler)``; ``server.url("/feed.xml")`` for the address."""

    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.requests: list[Request] = []
        outer = self

        class _H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body leave at once (no 40 ms stall)

            def log_message(self, *_: Any) -> None:
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                path = self.path.split("?", 1)[0]
                req = Request(
                    self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body
                )
                outer.requests.append(req)
                handler = outer.routes.get(path) or outer.routes.get("*")
                resp = handler(req) if handler else Response(404, b"not found")
                try:
                    self.send_response(resp.status)
                    for k, v in resp.headers.items():
                        self.send_header(k, v)
                    if resp.chunks is None:
                        self.send_header("Content-Length", str(len(resp.body)))
                        self.end_headers()
                        if self.command != "HEAD":
                            self.wfile.write(resp.body)
                    else:
                        self.send_header("Connection", "close")
                        self.end_headers()
                        for chunk in resp.chunks:
                            self.wfile.write(chunk)
                            self.wfile.flush()
                        self.close_connection = True
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _handle

        self._httpd = _BackloggedServer(("127.0.0.1", 0), _H)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def route(self, path: str, handler: Handler | Response) -> None:
        self.routes[path] = handler if callable(handler) else (lambda _r, h=handler: h)

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def __enter__(self) -> LocalServer:
        self._thread.start()
        return self

    def __exit__(self, *_: Any) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def free_port() -> int:
    """A TCP port on 127.0.0.1 nothing listens on now (for servers the test starts itself)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
