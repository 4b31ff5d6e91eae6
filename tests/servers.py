"""A real HTTP/1.1 server on 127.0.0.1 for the tests: programmable routes, every request recorded.

One instance serves a whole test session; `reset()` between tests clears the routes and the
record and releases any handler still held by a `hang` or `trickle` behaviour. No mocks: the
engine talks to this server through its real `requests.Session`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

HANG_CAP_SECONDS = 30.0  # a hanging handler gives up on its own if a test forgets to release it


@dataclass(frozen=True)
class Received:
    """One request exactly as it arrived."""

    method: str
    target: str  # raw path + query from the request line
    headers: tuple[tuple[str, str], ...]
    body: bytes
    at: float = 0.0  # time.monotonic() when the request had been read
    peer_cert: dict | None = None  # the client certificate a TLS server verified, as ssl.getpeercert() gives it

    @property
    def path(self) -> str:
        return self.target.partition("?")[0]

    @property
    def query(self) -> str:
        return self.target.partition("?")[2]

    def header(self, name: str) -> str | None:
        values = self.header_all(name)
        return values[0] if values else None

    def header_all(self, name: str) -> list[str]:
        return [v for k, v in self.headers if k.lower() == name.lower()]

    def header_names(self) -> set[str]:
        return {k.lower() for k, _ in self.headers}


@dataclass
class Route:
    """What the server answers. `behaviour` is one of:

    None        answer status/headers/body
    "drop"      read the request, then close the connection without answering
    "drop-mid"  send the status line, headers promising more body than sent, part of it, close
    "hang"      wait until the test ends (reset) before answering
    "trickle"   send the body one byte at a time, `trickle_interval` seconds apart
    "echo"      answer JSON naming what arrived: method, target, headers, body
    "trickle-headers"  send the status line and headers one byte at a time, `trickle_interval` apart

    `delay` holds the answer back that many seconds (a slow server, not test synchronisation);
    `digest` = (realm, username, password) answers 401 with a Digest challenge until a request
    carries a valid `Authorization: Digest` header (RFC 7616, MD5, qop=auth or none).
    """

    status: int = 200
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""
    behaviour: str | None = None
    trickle_interval: float = 0.05
    delay: float = 0.0
    digest: tuple[str, str, str] | None = None


_DIGEST_FIELD = re.compile(r'(\w+)\s*=\s*(?:"([^"]*)"|([^\s,]*))')


def _md5(text: str) -> str:
    return hashlib.md5(text.encode("utf-8")).hexdigest()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "_Server"

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass

    def setup(self) -> None:
        """On a TLS server the handshake happens here, in the handler's thread, so a client that
        refuses the certificate only ends its own connection."""
        self._peer_cert: dict | None = None
        context = self.server.owner.ssl_context
        if context is not None:
            self.request = context.wrap_socket(self.request, server_side=True)
            self._peer_cert = self.request.getpeercert() or None
        super().setup()

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            if self.server.owner.ssl_context is not None:
                self.request.close()

    def _digest_valid(self, route: Route, received: Received) -> bool:
        assert route.digest is not None
        realm, username, password = route.digest
        header = received.header("Authorization") or ""
        if not header.lower().startswith("digest "):
            return False
        fields = {m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3)
                  for m in _DIGEST_FIELD.finditer(header[7:])}
        nonce = fields.get("nonce", "")
        if (fields.get("username") != username or fields.get("realm") != realm
                or fields.get("uri") != received.target or not self.server.owner._known_nonce(nonce)):
            return False
        ha1 = _md5(f"{username}:{realm}:{password}")
        ha2 = _md5(f"{received.method}:{received.target}")
        if fields.get("qop") == "auth":
            expected = _md5(f"{ha1}:{nonce}:{fields.get('nc', '')}:{fields.get('cnonce', '')}:auth:{ha2}")
        else:
            expected = _md5(f"{ha1}:{nonce}:{ha2}")
        return hmac.compare_digest(expected, fields.get("response", ""))

    def _read_body(self) -> bytes:
        if (self.headers.get("Transfer-Encoding") or "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().strip().split(b";")[0], 16)
                if size == 0:
                    self.rfile.readline()
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _handle(self) -> None:
        owner = self.server.owner
        received = Received(self.command, self.path, tuple(self.headers.items()), self._read_body(),
                            time.monotonic(), self._peer_cert)
        route, release = owner._record(received)
        if route.digest is not None and not self._digest_valid(route, received):
            challenge = (f'Digest realm="{route.digest[0]}", nonce="{owner._new_nonce()}", qop="auth", '
                         f'algorithm=MD5, opaque="{secrets.token_hex(8)}"')
            route = Route(401, [("WWW-Authenticate", challenge), ("Content-Type", "text/plain")], b"digest required")
        if route.delay:
            release.wait(route.delay)
        if route.behaviour == "drop":
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if route.behaviour == "hang":
            release.wait(HANG_CAP_SECONDS)
        body = route.body
        if route.behaviour == "echo":  # what arrived, as JSON (as postman-echo answers)
            body = json.dumps({"method": received.method, "target": received.target, "headers": dict(received.headers),
                               "body": received.body.decode("utf-8", "replace")}).encode("utf-8")
            route = Route(route.status, [*route.headers, ("Content-Type", "application/json")], body)
        if route.behaviour == "trickle-headers":
            head = f"HTTP/1.1 {route.status} OK\r\n" + "".join(f"{k}: {v}\r\n" for k, v in route.headers)
            head += f"X-Padding: {'x' * 40}\r\nContent-Length: {len(body)}\r\n\r\n"
            for index in range(len(head)):
                if release.wait(route.trickle_interval):
                    break
                try:
                    self.wfile.write(head[index : index + 1].encode("latin-1"))
                    self.wfile.flush()
                except OSError:
                    break
            self.close_connection = True
            return
        self.send_response(route.status)
        names = {k.lower() for k, _ in route.headers}
        for name, value in route.headers:
            self.send_header(name, value)
        if route.behaviour == "drop-mid":
            self.send_header("Content-Length", str(len(body) + 1000))
            self.end_headers()
            self.wfile.write(body[: max(1, len(body) // 2)])
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if "content-length" not in names and route.status not in (204, 304) and self.command != "HEAD":
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command == "HEAD" or route.status in (204, 304):
            return
        if route.behaviour == "trickle":
            for index in range(len(body)):
                if release.wait(route.trickle_interval):
                    break
                try:
                    self.wfile.write(body[index : index + 1])
                    self.wfile.flush()
                except OSError:
                    break
            self.close_connection = True
            return
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = _handle


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    owner: "RecordingServer"

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # dropped/trickled connections end with socket errors on purpose


class RecordingServer:
    """Start once, `reset()` per test, `route()` to program, `requests` to inspect."""

    def __init__(self, ssl_context: ssl.SSLContext | None = None) -> None:
        self.ssl_context = ssl_context  # a server-side context makes this an HTTPS server
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.owner = self
        self._lock = threading.Lock()
        self._routes: dict[tuple[str | None, str], Route] = {}
        self._sequences: dict[tuple[str | None, str], list[Route]] = {}
        self._nonces: set[str] = set()
        self._received: list[Received] = []
        self._release = threading.Event()
        self.default = Route(200, [("Content-Type", "text/plain")], b"ok")
        self._thread = threading.Thread(target=self._server.serve_forever, name="recording-server", daemon=True)

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        return f"{'https' if self.ssl_context is not None else 'http'}://127.0.0.1:{self.port}"

    def start(self) -> "RecordingServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._release.set()
        self._server.shutdown()
        self._server.server_close()

    def reset(self) -> None:
        with self._lock:
            self._release.set()  # lets hanging/trickling handlers finish
            self._release = threading.Event()
            self._routes.clear()
            self._sequences.clear()
            self._nonces.clear()
            self._received.clear()
            self.default = Route(200, [("Content-Type", "text/plain")], b"ok")

    def route(
        self,
        path: str,
        status: int = 200,
        body: bytes | str = b"",
        headers: list[tuple[str, str]] | dict[str, str] | None = None,
        *,
        method: str | None = None,
        behaviour: str | None = None,
        trickle_interval: float = 0.05,
        delay: float = 0.0,
        digest: tuple[str, str, str] | None = None,
    ) -> None:
        """Answer requests for `path` (no query; any method unless `method` is given)."""
        if isinstance(body, str):
            body = body.encode("utf-8")
        pairs = list(headers.items()) if isinstance(headers, dict) else list(headers or [])
        with self._lock:
            self._routes[(method.upper() if method else None, path)] = Route(
                status, pairs, body, behaviour, trickle_interval, delay, digest
            )

    def route_sequence(self, path: str, answers: list[Route], *, method: str | None = None) -> None:
        """Answer successive requests for `path` with `answers` in turn; the last one repeats."""
        assert answers, "route_sequence needs at least one answer"
        with self._lock:
            self._sequences[(method.upper() if method else None, path)] = list(answers)

    def _record(self, received: Received) -> tuple[Route, threading.Event]:
        with self._lock:
            self._received.append(received)
            for key in ((received.method, received.path), (None, received.path)):
                queue = self._sequences.get(key)
                if queue:
                    return (queue.pop(0) if len(queue) > 1 else queue[0]), self._release
            route = self._routes.get((received.method, received.path)) or self._routes.get(
                (None, received.path), self.default
            )
            return route, self._release

    def _new_nonce(self) -> str:
        nonce = secrets.token_hex(16)
        with self._lock:
            self._nonces.add(nonce)
        return nonce

    def _known_nonce(self, nonce: str) -> bool:
        with self._lock:
            return nonce in self._nonces

    def wait_for(self, predicate, timeout: float = 10.0) -> list[Received]:
        """Poll the record until `predicate(requests)` holds or the deadline passes; returns the record."""
        deadline = time.monotonic() + timeout
        while True:
            received = self.requests
            if predicate(received) or time.monotonic() > deadline:
                return received
            time.sleep(0.01)

    @property
    def requests(self) -> list[Received]:
        with self._lock:
            return list(self._received)

    def only(self) -> Received:
        """The single request received; fails the test if there were more or none."""
        received = self.requests
        assert len(received) == 1, f"expected exactly one request, got {[(r.method, r.target) for r in received]}"
        return received[0]


def closed_port() -> int:
    """A loopback port nothing listens on: bind, read the port, close."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serving(server: RecordingServer) -> Iterator[RecordingServer]:
    """For a long-lived fixture: start the server, hand it out, stop it afterwards."""
    server.start()
    yield server
    server.stop()


def emptied(server: RecordingServer) -> Iterator[RecordingServer]:
    """For a per-test fixture: the shared server with no routes or record, reset again after
    the test so hung handlers are released."""
    server.reset()
    yield server
    server.reset()
