"""Serve a collection's documented example responses over real HTTP on the loopback interface.

Each request is matched to an item by method and path template and answered with one of
the item's saved examples, so a collection can be replayed (`run --mock`) or developed
against without the real server. Standard library only: this module never imports `requests`.
"""

from __future__ import annotations

import json
import re
import socket
import socketserver
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Iterable, NamedTuple
from urllib.parse import unquote, urlsplit

from .check import reason_phrase, typed_example
from .model import Collection, DocumentedResponse, Located, Url

SEEN_LIMIT = 1000  # requests kept in `MockServer.requests_seen`
MAX_KEPT_BODY = 1024 * 1024  # request body bytes kept per request; the rest is read and dropped
IDLE_TIMEOUT = 120.0  # seconds a keep-alive connection may sit idle
HINT_ITEMS = 20  # item templates listed when nothing matches

# Framing is recomputed by the mock; the example's own values would describe another wire.
_DROPPED_HEADERS = frozenset({"content-length", "transfer-encoding", "connection", "content-encoding", "keep-alive"})
_PLACEHOLDER = re.compile(r"^<[^<>/]+>$")
_HEADER_NAME = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
_CHUNK_SIZE = re.compile(rb"^[0-9A-Fa-f]{1,16}$")


# ---------------------------------------------------------------- pure parts


class SeenRequest(tuple):
    """One received request as `(method, path_with_query, headers, body)`; `.client` is the peer address."""

    client: tuple[str, int]

    def __new__(
        cls, method: str, path: str, headers: list[tuple[str, str]], body: bytes, client: tuple[str, int]
    ) -> "SeenRequest":
        self = super().__new__(cls, (method, path, headers, body))
        self.client = client
        return self

    method = property(lambda self: self[0])
    path = property(lambda self: self[1])
    headers = property(lambda self: self[2])
    body = property(lambda self: self[3])


@dataclass(frozen=True, slots=True)
class _Route:
    method: str
    template: tuple[str, ...]  # segments as written, for messages
    pattern: tuple[str | None, ...]  # decoded literal, or None for "any one segment"
    located: Located

    @property
    def literals(self) -> int:
        return sum(part is not None for part in self.pattern)

    @property
    def label(self) -> str:
        return f"{self.method} /" + "/".join(self.template)


class _Reply(NamedTuple):
    code: int
    reason: str
    headers: list[tuple[str, str]]
    body: bytes


def mock_base_path(collection: Collection) -> str:
    """The path part of the collection's `baseUrl` variable, e.g. '/wiki/rest'; '' when none or unparsable."""
    values = [v.value for v in collection.variables if v.key == "baseUrl" and v.value]
    return _base_path_of(values[-1]) if values else ""


def _base_path_of(value: str) -> str:
    text = re.split(r"[?#]", value.strip(), maxsplit=1)[0]
    if "://" in text:
        path = "/" + text.split("://", 1)[1].partition("/")[2]
    elif text.startswith("/"):
        path = text
    else:  # "host:8080/api" or "{{host}}/api": the first segment is the host
        path = "/" + text.partition("/")[2]
    path = path.rstrip("/")
    if "{{" in path or "}}" in path or any(c.isspace() for c in path):
        return ""
    return path


def _normalise_base(base_path: str) -> str:
    base = base_path.strip().rstrip("/")
    return "" if not base else base if base.startswith("/") else "/" + base


def template_segments(url: Url) -> tuple[str, ...]:
    """The item's path template: `url.path` when present, else the path of `url.raw` after its host."""
    parts: Iterable[str] = url.path if url.path is not None else (_raw_path(url.raw),)
    return tuple(segment for part in parts for segment in part.split("/") if segment)


def _raw_path(raw: str) -> str:
    text = re.split(r"[?#]", raw, maxsplit=1)[0]
    if "://" in text:
        text = text.split("://", 1)[1]
    elif text.startswith("/"):
        return text
    return text.partition("/")[2]  # drop the host part: "{{baseUrl}}", "example.com:8080", ...


def _pattern(segment: str) -> str | None:
    if (segment.startswith(":") and len(segment) > 1) or ("{{" in segment and "}}" in segment):
        return None
    if _PLACEHOLDER.match(segment):
        return None
    return unquote(segment)


def _split_path(path: str) -> tuple[str, ...]:
    # Split before decoding, so an encoded "/" (%2F) stays inside its segment.
    return tuple(unquote(segment) for segment in path.split("/") if segment)


def _route(located: Located) -> _Route:
    template = template_segments(located.item.request.url)
    return _Route(
        method=located.item.request.method.upper(),
        template=template,
        pattern=tuple(_pattern(s) for s in template),
        located=located,
    )


def _fits(pattern: tuple[str | None, ...], segments: tuple[str, ...]) -> bool:
    return len(pattern) == len(segments) and all(p is None or p == s for p, s in zip(pattern, segments))


def _fits_suffix(pattern: tuple[str | None, ...], segments: tuple[str, ...]) -> bool:
    return 0 < len(pattern) <= len(segments) and _fits(pattern, segments[len(segments) - len(pattern) :])


def choose_example(
    examples: Iterable[DocumentedResponse], *, code: str | None = None, name: str | None = None
) -> DocumentedResponse | None:
    """The example to serve: by name (whole name or first line) and/or code when asked,
    else the first 2xx, else the first; None when the asked-for example does not exist."""
    candidates = list(examples)
    if name is not None:
        wanted = name.strip()
        candidates = [e for e in candidates if wanted in (e.name.strip(), e.first_line)]
    if code is not None:
        candidates = [e for e in candidates if str(e.code) == code.strip()]
    if name is None and code is None:
        success = [e for e in candidates if e.code is not None and 200 <= e.code < 300]
        candidates = success or candidates
    return candidates[0] if candidates else None


def _no_body(code: int) -> bool:
    return code < 200 or code in (204, 304)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _example_reply(example: DocumentedResponse) -> _Reply:
    code = example.code if example.code is not None and 100 <= example.code <= 599 else 200
    headers = [
        (name, _one_line(value))
        for name, value in example.headers
        if name.lower() not in _DROPPED_HEADERS and _HEADER_NAME.match(name)
    ]
    body = b"" if _no_body(code) else _served_body(example.body or "")
    return _Reply(code, _one_line(example.status) or reason_phrase(code), headers, body)


def _served_body(text: str) -> bytes:
    """A JSON example with typed placeholders (`"<integer>"`) is served with values of that type,
    so a replay against the mock passes the schema its own example implies."""
    if "<" in text and text.lstrip()[:1] in ("{", "["):
        try:
            return json.dumps(typed_example(json.loads(text)), ensure_ascii=False).encode("utf-8")
        except ValueError:
            pass
    return text.encode("utf-8")


def _wire_text(text: str) -> str:
    """http.server writes the status line and headers as Latin-1: text beyond it (a filename in
    Cyrillic, a translated status) goes out as its UTF-8 bytes instead of breaking the reply."""
    try:
        text.encode("latin-1")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8").decode("latin-1")


def _json_reply(code: int, payload: dict[str, Any]) -> _Reply:
    body = json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    return _Reply(code, reason_phrase(code), [("Content-Type", "application/json; charset=utf-8")], body)


def _header_text(value: str | None) -> str | None:
    """http.server decodes header bytes as Latin-1; a UTF-8 example name is recovered."""
    if value is None:
        return None
    try:
        return value.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return value


def _describe(example: DocumentedResponse) -> str:
    return f"{example.code} {example.first_line}".strip()


# ---------------------------------------------------------------- HTTP


class _BadRequest(Exception):
    pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], mock: "MockServer") -> None:
        self.mock = mock
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind resolves the host name (getfqdn), which can stall without DNS.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that drops its connection is not worth a traceback on the user's terminal


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "postman-replay-mock"
    sys_version = ""
    disable_nagle_algorithm = True  # headers and body go out in two writes
    timeout = IDLE_TIMEOUT
    server: _Server

    def __getattr__(self, name: str) -> Any:
        # BaseHTTPRequestHandler dispatches to do_<METHOD>; every method goes to one place.
        if name.startswith("do_"):
            return self._serve
        raise AttributeError(name)

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def setup(self) -> None:
        super().setup()
        self.server.mock._opened(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.mock._closed(self.connection)

    def _serve(self) -> None:
        try:
            body = self._read_body()
        except _BadRequest as exc:
            self.close_connection = True
            self._send(_json_reply(400, {"error": str(exc)}))
            return
        mock = self.server.mock
        mock._record(SeenRequest(self.command, self.path, list(self.headers.items()), body, self.client_address))
        try:
            reply = mock._reply(self.command, self.path, self.headers)
        except Exception as exc:  # a mock bug must still answer, or the client hangs
            reply = _json_reply(500, {"error": f"mock failed: {type(exc).__name__}: {exc}"})
        self._send(reply)

    def _send(self, reply: _Reply) -> None:
        self.send_response_only(reply.code, _wire_text(reply.reason) or reason_phrase(reply.code))
        names = {name.lower() for name, _ in reply.headers}
        for name, value in reply.headers:
            self.send_header(name, _wire_text(value))
        if "date" not in names:
            self.send_header("Date", self.date_time_string())
        if not _no_body(reply.code):  # RFC 9110: no Content-Length on 1xx/204, none invented for 304
            self.send_header("Content-Length", str(len(reply.body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD" and reply.body:
            self.wfile.write(reply.body)

    def _read_body(self) -> bytes:
        """Read the whole request body so the next request on this connection starts cleanly."""
        encoding = self.headers.get("Transfer-Encoding")
        if encoding:
            if encoding.split(",")[-1].strip().lower() != "chunked":
                raise _BadRequest(f"unsupported Transfer-Encoding: {encoding}")
            return self._read_chunked()
        lengths = {v.strip() for v in self.headers.get_all("Content-Length") or []}
        if not lengths:
            return b""
        if len(lengths) > 1 or not next(iter(lengths)).isdigit():
            raise _BadRequest(f"invalid Content-Length: {', '.join(sorted(lengths))}")
        kept = bytearray()
        self._drain(int(next(iter(lengths))), kept)
        return bytes(kept)

    def _read_chunked(self) -> bytes:
        kept = bytearray()
        while True:
            line = self.rfile.readline(1024)
            size = line.split(b";", 1)[0].strip()
            if not line.endswith(b"\n") or not _CHUNK_SIZE.match(size):
                raise _BadRequest("malformed chunked request body")
            if int(size, 16) == 0:
                break
            self._drain(int(size, 16), kept)
            if self.rfile.readline(3) not in (b"\r\n", b"\n"):
                raise _BadRequest("malformed chunked request body")
        while self.rfile.readline(65537) not in (b"\r\n", b"\n", b""):  # trailer fields
            pass
        return bytes(kept)

    def _drain(self, count: int, kept: bytearray) -> None:
        while count > 0:
            data = self.rfile.read(min(count, 65536))
            if not data:
                raise _BadRequest("request body ended early")
            count -= len(data)
            room = MAX_KEPT_BODY - len(kept)
            if room > 0:
                kept += data[:room]


class MockServer:
    """Serves the documented examples of a collection on 127.0.0.1 (HTTP/1.1, keep-alive, threaded).

    The socket is bound when the object is made (port 0: a free port), so `url` is known
    before `start()`. `requests_seen` keeps the last SEEN_LIMIT requests as
    `(method, path_with_query, headers, body)` tuples with a `.client` address.
    """

    def __init__(
        self, collection: Collection, host: str = "127.0.0.1", port: int = 0, base_path: str | None = None
    ) -> None:
        self.collection = collection
        self.base_path = _normalise_base(mock_base_path(collection) if base_path is None else base_path)
        self.requests_seen: list[SeenRequest] = []
        self._base = _split_path(self.base_path)
        self._routes = tuple(_route(located) for located in collection.walk())
        self._lock = threading.Lock()
        self._connections: set[socket.socket] = set()
        self._thread: threading.Thread | None = None
        self._stopped = False
        self._server = _Server((host, port), self)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}{self.base_path}"

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def start(self) -> "MockServer":
        """Serve in a daemon thread; returns self. Starting twice is harmless."""
        if self._stopped:
            raise RuntimeError("a stopped MockServer cannot be started again")
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._server.serve_forever,
                kwargs={"poll_interval": 0.05},
                name=f"postman-replay mock {self.url}",
                daemon=True,
            )
            self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve in the calling thread until KeyboardInterrupt, then stop."""
        if self._thread is not None:
            raise RuntimeError("this MockServer is already serving in the background")
        try:
            self._server.serve_forever(poll_interval=0.2)
        except KeyboardInterrupt:
            pass
        finally:
            self.stop()

    def stop(self) -> None:
        """Stop serving, close the listening socket and every open connection. Idempotent."""
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join()
        self._server.server_close()
        with self._lock:
            open_connections = list(self._connections)
        for connection in open_connections:
            _shut(connection)

    def __enter__(self) -> "MockServer":
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- called from handler threads

    def _opened(self, connection: socket.socket) -> None:
        with self._lock:
            self._connections.add(connection)
            stopped = self._stopped
        if stopped:
            _shut(connection)

    def _closed(self, connection: socket.socket) -> None:
        with self._lock:
            self._connections.discard(connection)

    def _record(self, seen: SeenRequest) -> None:
        with self._lock:
            self.requests_seen.append(seen)
            if len(self.requests_seen) > SEEN_LIMIT:
                del self.requests_seen[:-SEEN_LIMIT]

    def _reply(self, method: str, target: str, headers: Any) -> _Reply:
        path = urlsplit(target).path if "://" in target.split("?", 1)[0] else target.split("?", 1)[0]
        path = path.split("#", 1)[0]
        route = self._match(method.upper(), _split_path(path))
        if route is None:
            return _json_reply(
                404,
                {
                    "error": f"no item matches {method} {path}",
                    "items": [r.label for r in self._routes[:HINT_ITEMS]],
                },
            )
        examples = route.located.item.responses
        if not examples:
            return _json_reply(501, {"error": f"no documented response for {route.located.path}"})
        code = headers.get("x-mock-response-code")
        name = _header_text(headers.get("x-mock-response-name"))
        example = choose_example(examples, code=code, name=name)
        if example is None:
            asked = " and ".join(
                f"{label} {value!r}" for label, value in (("name", name), ("code", code)) if value is not None
            )
            return _json_reply(
                404,
                {
                    "error": f"{route.located.path} documents no example with {asked}",
                    "examples": [_describe(e) for e in examples],
                },
            )
        return _example_reply(example)

    def _match(self, method: str, segments: tuple[str, ...]) -> _Route | None:
        route = self._best(method, segments)
        if route is None and method == "HEAD":  # as servers do: HEAD is GET without the body
            route = self._best("GET", segments)
        return route

    def _best(self, method: str, segments: tuple[str, ...]) -> _Route | None:
        base = self._base
        stripped = segments[len(base) :] if base and segments[: len(base)] == base else segments
        best: _Route | None = None
        best_key: tuple[int, int] | None = None
        for route in self._routes:
            if route.method != method:
                continue
            tier = 2 if _fits(route.pattern, stripped) else 1 if _fits_suffix(route.pattern, segments) else 0
            key = (tier, route.literals)
            if tier and (best_key is None or key > best_key):  # ties: the first in collection order
                best, best_key = route, key
        return best


def _shut(connection: socket.socket) -> None:
    try:
        connection.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


__all__ = ["MockServer", "SeenRequest", "mock_base_path", "choose_example", "template_segments"]
