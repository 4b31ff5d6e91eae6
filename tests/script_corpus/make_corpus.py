"""The script compatibility corpus: collections in the style of real ones, and the server they expect.

Every collection addresses `{{baseUrl}}`, so the same document runs against any port:

    postman-replay run login_token.postman_collection.json --env-var baseUrl=http://127.0.0.1:PORT

`CorpusServer` is a small HTTP/1.1 (keep-alive) server on 127.0.0.1 that answers the corpus
routes and records every request it receives. The tests (tests/test_scripts_run.py), the
overhead benchmark and the Newman comparison (benchmarks/) all import this module.

Run it as a script to (re)write the collection and data files next to it:

    python tests/script_corpus/make_corpus.py

or, with `--serve`, to run the server alone (it prints its URL and stops when stdin closes).
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable
from urllib.parse import parse_qs, urlsplit

HERE = Path(__file__).resolve().parent
TOKEN = "tk-6f1d2c9a-corpus-bearer"
USERNAME = "ada"
PASSWORD = "correct-horse"
DATA_VALUES = ["alpha", "beta", "gamma"]
LOOP_LIMIT = 3

XML_BODY = ('<?xml version="1.0"?><catalog><book id="b1" lang="en"><title>Dune</title><price>9.5</price></book>'
            '<book id="b2"><title>Emma</title><price>4</price></book></catalog>')
HTML_BODY = ('<html><head><title>Shop</title></head><body><h1 class="main">Welcome</h1><ul id="list">'
             '<li class="item">One</li><li class="item sale">Two</li><li>Three</li></ul>'
             '<a href="/next" data-id="42">next</a></body></html>')
USER = {"id": 7, "name": "Ada", "email": "ada@example.com", "roles": ["admin", "dev"], "active": True}

# ---------------------------------------------------------------- the server


@dataclass(frozen=True)
class Received:
    method: str
    target: str
    headers: tuple[tuple[str, str], ...]
    body: bytes

    @property
    def path(self) -> str:
        return self.target.partition("?")[0]

    @property
    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.target).query)

    def header(self, name: str) -> str | None:
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None


Answer = tuple[int, dict[str, str], bytes]
Handler = Callable[[Received], Answer]


def json_answer(document: Any, status: int = 200, headers: dict[str, str] | None = None) -> Answer:
    return status, {"Content-Type": "application/json", **(headers or {})}, json.dumps(document).encode()


def _login(received: Received) -> Answer:
    try:
        credentials = json.loads(received.body or b"{}")
    except ValueError:
        return json_answer({"error": "body is not JSON"}, 400)
    if credentials.get("username") == USERNAME and credentials.get("password") == PASSWORD:
        return json_answer({"token": TOKEN, "expires_in": 3600})
    return json_answer({"error": "bad credentials"}, 401)


def _authorised(received: Received, document: Any) -> Answer:
    if received.header("Authorization") != f"Bearer {TOKEN}":
        return json_answer({"error": "unauthorised"}, 401)
    return json_answer(document)


def _items(received: Received) -> Answer:
    key = received.path.rsplit("/", 1)[-1]
    return json_answer({"id": key, "query": {k: v[0] for k, v in received.query.items()}})


def _echo(received: Received) -> Answer:
    return json_answer({
        "method": received.method,
        "path": received.path,
        "query": {k: v[0] for k, v in received.query.items()},
        "headers": {k.lower(): v for k, v in received.headers},
        "body": received.body.decode("utf-8", "replace"),
    })


class _HTTPHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive
    disable_nagle_algorithm = True  # headers and body go out in separate writes: no 40 ms delayed-ACK stalls
    wbufsize = 64 * 1024  # ... and one buffered write per response, flushed by the base class
    server: "_Server"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        received = Received(self.command, self.path, tuple(self.headers.items()), body)
        status, headers, payload = self.server.owner._answer(received)
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _handle


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: "CorpusServer"

    def handle_error(self, request: object, client_address: object) -> None:
        pass


class CorpusServer:
    """`start()`, point `baseUrl` at `url`, read `requests`; `route()` adds or overrides a path."""

    def __init__(self) -> None:
        self._server = _Server(("127.0.0.1", 0), _HTTPHandler)
        self._server.owner = self
        self._lock = threading.Lock()
        self._received: list[Received] = []
        self._nonce = 0
        self._routes: dict[tuple[str | None, str], Handler] = {}
        self._thread = threading.Thread(target=self._server.serve_forever, name="corpus-server", daemon=True)
        self.reset()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> "CorpusServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> "CorpusServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def reset(self) -> None:
        with self._lock:
            self._received.clear()
            self._nonce = 0
            self._routes = {
                ("POST", "/login"): _login,
                (None, "/me"): lambda r: _authorised(r, USER),
                (None, "/orders"): lambda r: _authorised(r, {"orders": [{"id": 1, "total": 9.5}]}),
                (None, "/user"): lambda r: json_answer(USER),
                (None, "/nonce"): self._next_nonce,
                (None, "/echo"): _echo,
                (None, "/cookie"): lambda r: json_answer({"set": True}, headers={"Set-Cookie": "sess=abc123; Path=/"}),
                (None, "/xml"): lambda r: (200, {"Content-Type": "application/xml"}, XML_BODY.encode()),
                (None, "/html"): lambda r: (200, {"Content-Type": "text/html"}, HTML_BODY.encode()),
                (None, "/missing"): lambda r: json_answer({"error": "no such thing"}, 404),
            }

    def route(self, path: str, handler: Handler, method: str | None = None) -> None:
        with self._lock:
            self._routes[(method, path)] = handler

    def _next_nonce(self, received: Received) -> Answer:
        self._nonce += 1
        return json_answer({"nonce": f"n-{self._nonce}"})

    def _answer(self, received: Received) -> Answer:
        with self._lock:
            self._received.append(received)
            handler = self._routes.get((received.method, received.path)) or self._routes.get((None, received.path))
        if handler is None:
            if received.path.startswith("/items/"):
                return _items(received)
            return json_answer({"ok": True, "path": received.path})
        return handler(received)

    @property
    def requests(self) -> list[Received]:
        with self._lock:
            return list(self._received)

    def paths(self) -> list[str]:
        return [r.path for r in self.requests]


# ---------------------------------------------------------------- building blocks


def script(listen: str, source: str, disabled: bool = False) -> dict:
    """An event; the source is stored as a list of lines, as Postman exports it."""
    event: dict[str, Any] = {"listen": listen, "script": {"type": "text/javascript", "exec": source.strip("\n").split("\n")}}
    if disabled:
        event["disabled"] = True
    return event


def item(name: str, method: str, url: str, *, headers: dict[str, str] | None = None, body: Any = None,
         auth: dict | None = None, prerequest: str | None = None, test: str | None = None) -> dict:
    request: dict[str, Any] = {
        "method": method,
        "header": [{"key": k, "value": v} for k, v in (headers or {}).items()],
        "url": url,
    }
    if body is not None:
        request["body"] = {"mode": "raw", "raw": body if isinstance(body, str) else json.dumps(body),
                           "options": {"raw": {"language": "json"}}}
    if auth is not None:
        request["auth"] = auth
    events = []
    if prerequest:
        events.append(script("prerequest", prerequest))
    if test:
        events.append(script("test", test))
    out: dict[str, Any] = {"name": name, "request": request}
    if events:
        out["event"] = events
    return out


def folder(name: str, items: list[dict], *, prerequest: str | None = None, test: str | None = None) -> dict:
    out: dict[str, Any] = {"name": name, "item": items}
    events = ([script("prerequest", prerequest)] if prerequest else []) + ([script("test", test)] if test else [])
    if events:
        out["event"] = events
    return out


def collection(name: str, items: list[dict], *, variables: dict[str, str] | None = None,
               prerequest: str | None = None, test: str | None = None) -> dict:
    out: dict[str, Any] = {
        "info": {"name": name, "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": items,
    }
    if variables:
        out["variable"] = [{"key": k, "value": v} for k, v in variables.items()]
    events = ([script("prerequest", prerequest)] if prerequest else []) + ([script("test", test)] if test else [])
    if events:
        out["event"] = events
    return out


def bearer(token: str) -> dict:
    return {"type": "bearer", "bearer": [{"key": "token", "value": token, "type": "string"}]}


# ---------------------------------------------------------------- the corpus


def login_token() -> dict:
    """Log in, keep the token in the environment, call two authorised endpoints with it."""
    return collection("corpus login token", [
        item("Login", "POST", "{{baseUrl}}/login", headers={"Content-Type": "application/json"},
             body='{"username": "{{username}}", "password": "{{password}}"}',
             test="""
pm.test("logged in", function () {
    pm.response.to.have.status(200);
});
var token = pm.response.json().token;
pm.environment.set("token", token);
"""),
        item("Me", "GET", "{{baseUrl}}/me", headers={"X-Session": "{{token}}"}, auth=bearer("{{token}}"),
             test="""
pm.test("me is Ada", function () {
    pm.response.to.have.status(200);
    pm.expect(pm.response.json().name).to.eql("Ada");
});
"""),
        item("Orders", "GET", "{{baseUrl}}/orders", auth=bearer("{{token}}"), test="""
pm.test("orders listed", function () {
    var orders = pm.response.json().orders;
    pm.expect(orders).to.be.an("array").that.has.lengthOf(1);
    pm.expect(orders[0].total).to.be.above(9);
});
"""),
    ], variables={"username": USERNAME, "password": PASSWORD})


def data_driven() -> dict:
    """One item, one iteration per data row: the row's `x` in the URL and in the assertion."""
    return collection("corpus data driven", [
        item("Item by x", "GET", "{{baseUrl}}/items/{{x}}?row={{x}}", test="""
pm.test("server saw " + pm.iterationData.get("x"), function () {
    pm.expect(pm.response.json().id).to.equal(pm.iterationData.get("x"));
    pm.expect(pm.response.json().query.row).to.equal(data.x);
});
"""),
    ])


def data_csv() -> str:
    return "x\n" + "".join(f"{value}\n" for value in DATA_VALUES)


def data_json() -> str:
    return json.dumps([{"x": value} for value in DATA_VALUES])


def next_request_loop() -> dict:
    """Init → Poll ×LOOP_LIMIT (setNextRequest to itself) → Done (setNextRequest(null)); Skipped/After never run."""
    return collection("corpus setNextRequest loop", [
        item("Init", "GET", "{{baseUrl}}/init", test='pm.environment.set("count", "0");'),
        item("Poll", "GET", "{{baseUrl}}/poll?round={{count}}", test=f"""
var count = Number(pm.environment.get("count")) + 1;
pm.environment.set("count", String(count));
pm.test("poll " + count, function () {{ pm.response.to.have.status(200); }});
if (count < {LOOP_LIMIT}) {{
    pm.execution.setNextRequest("Poll");
}} else {{
    postman.setNextRequest("Done");
}}
"""),
        item("Skipped", "GET", "{{baseUrl}}/skipped"),
        item("Done", "GET", "{{baseUrl}}/done", test="pm.execution.setNextRequest(null);"),
        item("After", "GET", "{{baseUrl}}/after"),
    ])


USER_SCHEMA = {
    "type": "object",
    "required": ["id", "name", "email", "roles"],
    "properties": {
        "id": {"type": "integer"},
        "name": {"type": "string"},
        "email": {"type": "string"},
        "roles": {"type": "array", "items": {"type": "string"}},
        "active": {"type": "boolean"},
    },
}

WRONG_SCHEMA = {
    "type": "object",
    "required": ["id", "nickname"],
    "properties": {"id": {"type": "string"}},
}


def json_schema() -> dict:
    """Schema checks with pm.response.to.have.jsonSchema: one that passes, one that fails."""
    return collection("corpus json schema", [
        item("User matches schema", "GET", "{{baseUrl}}/user", test=f"""
var schema = {json.dumps(USER_SCHEMA)};
pm.test("user matches schema", function () {{
    pm.response.to.have.jsonSchema(schema);
}});
"""),
        item("User against wrong schema", "GET", "{{baseUrl}}/user", test=f"""
var schema = {json.dumps(WRONG_SCHEMA)};
pm.test("user matches wrong schema", function () {{
    pm.response.to.have.jsonSchema(schema);
}});
"""),
    ])


CORPUS: dict[str, Callable[[], dict]] = {
    "login_token": login_token,
    "data_driven": data_driven,
    "next_request_loop": next_request_loop,
    "json_schema": json_schema,
}


def write_corpus(directory: Path = HERE) -> list[Path]:
    """Write every corpus collection and the data files into `directory`; returns the paths."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, build in CORPUS.items():
        path = directory / f"{name}.postman_collection.json"
        path.write_text(json.dumps(build(), indent=2) + "\n", encoding="utf-8")
        written.append(path)
    for name, text in (("data.csv", data_csv()), ("data.json", data_json() + "\n")):
        (directory / name).write_text(text, encoding="utf-8")
        written.append(directory / name)
    return written


def serve_until_stdin_closes() -> None:
    """`--serve`: run a CorpusServer, print its URL, stop when stdin closes (for benchmarks that
    want the server out of their own process)."""
    import sys

    with CorpusServer() as server:
        print(server.url, flush=True)
        sys.stdin.read()


if __name__ == "__main__":
    import sys

    if "--serve" in sys.argv[1:]:
        serve_until_stdin_closes()
    else:
        for written_path in write_corpus():
            print(written_path)
