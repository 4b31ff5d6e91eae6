"""A loopback server on a bare socket that records each request exactly as its bytes arrived.

`servers.RecordingServer` goes through http.server, which is fine for most tests; wire tests need
the request line and the header lines untouched (no re-casing, no decoding), so this one reads
the socket itself. It answers from a small route table (status, headers, body) and closes the
connection after each answer, so every request is one connection and one record.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Any

READ_LIMIT = 1024 * 1024  # a request head or body larger than this is a test bug, not traffic
IDLE_SECONDS = 10.0


@dataclass(frozen=True)
class RawRequest:
    """One request: the request line and header lines as sent (latin-1 text), and the body bytes."""

    line: str
    headers: tuple[tuple[str, str], ...]
    body: bytes

    @property
    def method(self) -> str:
        return self.line.split(" ", 1)[0]

    @property
    def target(self) -> str:
        return self.line.split(" ")[1]

    @property
    def path(self) -> str:
        return self.target.partition("?")[0]

    def header(self, name: str) -> str | None:
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None

    def header_names(self) -> set[str]:
        return {k.lower() for k, _ in self.headers}


@dataclass
class RawAnswer:
    status: int = 200
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b"ok"


class RawServer:
    """`with RawServer() as server:` … `server.requests`; `server.answer(path, RawAnswer(...))`."""

    reason: str | None = "X"  # the status line's phrase; None: the standard one for the code

    def __init__(self, host: str = "127.0.0.1") -> None:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.host = host
        self._sock = socket.socket(family, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind((host, 0))
        self._sock.listen(64)
        self._sock.settimeout(0.2)
        self._lock = threading.Lock()
        self._received: list[RawRequest] = []
        self._answers: dict[str, RawAnswer] = {}
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._thread = threading.Thread(target=self._accept, name="raw-server", daemon=True)

    @property
    def port(self) -> int:
        return int(self._sock.getsockname()[1])

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def __enter__(self) -> "RawServer":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)
        for thread in self._threads:
            thread.join(5)
        self._sock.close()

    def answer(self, path: str, answer: RawAnswer) -> None:
        """Answer requests whose target (before `?`) is `path`; others get 200 "ok"."""
        with self._lock:
            self._answers[path] = answer

    def clear(self) -> None:
        with self._lock:
            self._received.clear()
            self._answers.clear()

    @property
    def requests(self) -> list[RawRequest]:
        with self._lock:
            return list(self._received)

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except (socket.timeout, OSError):
                continue
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads = [t for t in self._threads if t.is_alive()] + [thread]
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(IDLE_SECONDS)
        try:
            request = _read_request(conn)
            if request is None:
                return
            with self._lock:
                self._received.append(request)
            conn.sendall(_render(self.answer_for(request), request.method, self.reason))
        except OSError:
            pass
        finally:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            conn.close()

    def answer_for(self, request: RawRequest) -> RawAnswer:
        """What to send back; a subclass may compute it from the request."""
        with self._lock:
            return self._answers.get(request.path, RawAnswer())

    def wait_for(self, count: int, timeout: float = 10.0) -> list[RawRequest]:
        deadline = time.monotonic() + timeout
        while len(self.requests) < count and time.monotonic() < deadline:
            time.sleep(0.01)
        return self.requests


def _read_request(conn: socket.socket) -> RawRequest | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
        if len(data) > READ_LIMIT:
            return None
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = tuple((name, value.strip()) for name, _, value in (line.partition(":") for line in lines[1:]))
    lowered = {k.lower(): v for k, v in headers}
    if lowered.get("transfer-encoding", "").lower() == "chunked":
        body = _read_chunked(conn, rest)
    else:
        length = int(lowered.get("content-length", "0") or 0)
        while len(rest) < length:
            chunk = conn.recv(65536)
            if not chunk:
                break
            rest += chunk
        body = rest[:length]
    return RawRequest(lines[0], headers, body)


def _read_chunked(conn: socket.socket, data: bytes) -> bytes:
    while not data.endswith(b"0\r\n\r\n") and len(data) < READ_LIMIT:
        chunk = conn.recv(65536)
        if not chunk:
            break
        data += chunk
    out, rest = b"", data
    while rest:
        size_line, _, rest = rest.partition(b"\r\n")
        size = int(size_line.split(b";")[0] or b"0", 16)
        if size == 0:
            break
        out, rest = out + rest[:size], rest[size + 2 :]
    return out


def _render(answer: RawAnswer, method: str, reason: str | None = "X") -> bytes:
    """The answer on the wire; `reason` None is the standard phrase (Postman's `to.be.ok` reads it)."""
    if reason is None:
        from http import HTTPStatus

        try:
            reason = HTTPStatus(answer.status).phrase
        except ValueError:
            reason = "Unknown"
    lines = [f"HTTP/1.1 {answer.status} {reason}"]
    lines += [f"{k}: {v}" for k, v in answer.headers]
    lines += [f"Content-Length: {len(answer.body)}", "Connection: close", "", ""]
    return "\r\n".join(lines).encode("latin-1") + (b"" if method == "HEAD" else answer.body)


def table_cases(rows: list[dict[str, Any]], deliberate: dict[str, str]) -> list[Any]:
    """One test per row of a table recorded from Newman; a row where we differ on purpose is a
    strict xfail with its reason, so a row that starts matching Newman is noticed."""
    import pytest

    return [pytest.param(row, id=row["id"], marks=pytest.mark.xfail(strict=True, reason=deliberate[row["id"]]))
            if row["id"] in deliberate else pytest.param(row, id=row["id"]) for row in rows]
