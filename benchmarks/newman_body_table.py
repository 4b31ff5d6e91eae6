"""Regenerate tests/data/newman_bodies.json: the headers and body bytes Newman puts on the wire.

    .venv/bin/python benchmarks/newman_body_table.py [--newman PATH] [--check]

The script generates one collection with a row per case (the system headers and their order,
the user's headers, `disabledSystemHeaders` at item and folder level; every body mode: raw in
each language, urlencoded with every printable ASCII character in a key and a value, formdata
text and file parts, file, graphql; GET/HEAD pruning; empty bodies), runs Newman on it against a
raw-socket loopback server, and writes what arrived (request line, header lines in order, body
bytes) as the expected column of `tests/test_body_table.py`. What changes from run to run is
written as a token: the port as `{port}`, the Postman-Token as `{uuid}`, the multipart boundary
as `{boundary}`.

Newman is a reference, never a dependency: found or installed as benchmarks/newman_encoding_table.py
does it (without npm the committed table stays as it is). `--check` prints the rows whose
recording differs from the committed table instead of writing.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from newman_encoding_table import table_main  # noqa: E402
from raw_server import RawRequest, RawServer  # noqa: E402

TABLE = ROOT / "tests" / "data" / "newman_bodies.json"
SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
BOUNDARY = re.compile(r"boundary=(\S+)")
VARIABLE = "va lue&=ü+"
EVERY_SYSTEM_HEADER = ("user-agent", "accept", "cache-control", "postman-token", "host", "accept-encoding",
                       "connection", "content-type", "content-length")


def files() -> dict[str, bytes]:
    """The attachments the rows name, written next to the collection."""
    return {
        "a.txt": b"hello\nworld\n",
        "data.json": b'{"k": [1, 2]}',
        "bin.dat": bytes(range(256)),
        "page.html": b"<p>hi</p>",
        'we"ird name.txt': b"weird",
        "ü.txt": "ü".encode(),
        "noext": b"plain",
    }


def rows() -> list[dict[str, Any]]:
    """Every case: id, method, headers, body (as a collection holds it), behavior, folder behavior."""
    out: list[dict[str, Any]] = []

    def add(row_id: str, method: str = "GET", body: dict | None = None, headers: list | None = None,
            behavior: dict | None = None, folder: dict | None = None) -> None:
        out.append({"id": row_id, "method": method, "body": body, "headers": headers or [],
                    "behavior": behavior or {}, "folder": folder})

    def raw(text: str, language: str | None = None) -> dict:
        body: dict[str, Any] = {"mode": "raw", "raw": text}
        if language is not None:
            body["options"] = {"raw": {"language": language}}
        return body

    json_body = raw('{"a": 1}', "json")
    # system headers, the user's headers, disabledSystemHeaders
    add("h-get")
    add("h-post-json", "POST", json_body)
    add("h-user-order", headers=[{"key": "X-B", "value": "2"}, {"key": "X-A", "value": "1"}])
    for name, value in (("user-agent", "custom/1"), ("Accept", "application/json"), ("HOST", "example.test"),
                        ("Accept-Encoding", "identity"), ("Connection", "close"), ("Cache-Control", "max-age=0"),
                        ("Postman-Token", "mine"), ("Content-Length", "7")):
        add(f"h-user-{name.lower()}", "POST", raw("abc"), headers=[{"key": "X-First", "value": "1"},
                                                                 {"key": name, "value": value}])
    add("h-dup", headers=[{"key": "X-A", "value": "1"}, {"key": "X-A", "value": "2"}])
    add("h-disabled-entry", headers=[{"key": "X-Off", "value": "1", "disabled": True}, {"key": "X-On", "value": "1"}])
    add("h-empty-value", headers=[{"key": "X-E", "value": ""}])
    all_off = {name: True for name in EVERY_SYSTEM_HEADER}
    add("dsh-all-get", behavior={"disabledSystemHeaders": all_off})
    add("dsh-all-post", "POST", json_body, behavior={"disabledSystemHeaders": all_off})
    for name in EVERY_SYSTEM_HEADER:
        add(f"dsh-{name}", "POST", json_body, behavior={"disabledSystemHeaders": {name: True}})
    add("dsh-false", "POST", json_body, behavior={"disabledSystemHeaders": {"user-agent": False}})
    add("dsh-upper-key", behavior={"disabledSystemHeaders": {"User-Agent": True}})
    add("dsh-user-set", headers=[{"key": "User-Agent", "value": "mine"}],
        behavior={"disabledSystemHeaders": {"user-agent": True}})
    add("dsh-folder", folder={"disabledSystemHeaders": {"user-agent": True, "accept": True}})
    add("dsh-folder-item", behavior={"disabledSystemHeaders": {"cache-control": True}},
        folder={"disabledSystemHeaders": {"user-agent": True}})
    # raw
    for language in ("json", "xml", "text", "html", "javascript", "graphql", "yaml"):
        add(f"raw-{language}", "POST", raw("<a>1</a>" if language == "xml" else "x = 1", language))
    add("raw-nolang", "POST", raw("plain"))
    add("raw-options-empty", "POST", {"mode": "raw", "raw": "plain", "options": {}})
    add("raw-user-ct", "POST", json_body, headers=[{"key": "Content-Type", "value": "text/csv"}])
    add("raw-user-ct-lower", "POST", json_body, headers=[{"key": "content-type", "value": "text/csv"}])
    add("raw-user-ct-disabled", "POST", json_body,
        headers=[{"key": "Content-Type", "value": "text/csv", "disabled": True}])
    add("raw-empty", "POST", raw("", "json"))
    add("raw-missing", "POST", {"mode": "raw"})
    add("raw-utf8", "POST", raw("ü日😀\u00a0", "text"))
    add("raw-crlf", "PUT", raw("a\r\nb\nc\r", "text"))
    add("raw-spaces", "PATCH", raw("  \n ", "text"))
    add("raw-var", "POST", raw('{"v": "{{v}}"}', "json"))
    add("raw-disabled", "POST", {"mode": "raw", "raw": "x", "disabled": True})
    add("raw-unknown-mode", "POST", {"mode": "weird", "raw": "x"})
    for method in ("GET", "HEAD", "COPY", "PURGE", "UNLOCK", "OPTIONS", "DELETE", "LOCK"):
        add(f"prune-{method.lower()}", method, raw("body", "text"))
    add("prune-get-disabled", "GET", raw("body", "text"), behavior={"disableBodyPruning": True})
    add("prune-head-disabled", "HEAD", raw("body", "text"), behavior={"disableBodyPruning": True})
    for method in ("POST", "PUT", "PATCH", "DELETE", "OPTIONS", "GET"):
        add(f"nobody-{method.lower()}", method)
    # urlencoded
    for code in range(0x20, 0x7F):
        c = chr(code)
        add(f"ue-key-{code:02x}", "POST", {"mode": "urlencoded", "urlencoded": [{"key": "a" + c + "b", "value": "v"}]})
        add(f"ue-value-{code:02x}", "POST", {"mode": "urlencoded", "urlencoded": [{"key": "k", "value": "a" + c + "b"}]})
    ue = lambda *params: {"mode": "urlencoded", "urlencoded": list(params)}  # noqa: E731
    add("ue-utf8", "POST", ue({"key": "ü日", "value": "😀\u00a0é"}))
    add("ue-several", "POST", ue({"key": "a", "value": "1"}, {"key": "b", "value": "2"}, {"key": "c", "value": "3"}))
    add("ue-disabled", "POST", ue({"key": "a", "value": "1", "disabled": True}, {"key": "b", "value": "2"}))
    add("ue-all-disabled", "POST", ue({"key": "a", "value": "1", "disabled": True}))
    add("ue-empty-list", "POST", ue())
    add("ue-empty-value", "POST", ue({"key": "a", "value": ""}, {"key": "b", "value": "2"}))
    add("ue-null-value", "POST", ue({"key": "a"}, {"key": "b", "value": "2"}))
    add("ue-empty-key", "POST", ue({"key": "", "value": "v"}))
    add("ue-dup", "POST", ue({"key": "a", "value": "1"}, {"key": "b", "value": "x"}, {"key": "a", "value": "2"}))
    add("ue-var", "POST", ue({"key": "{{v}}", "value": "{{v}}"}))
    add("ue-newline", "POST", ue({"key": "k", "value": "a\r\nb\n"}))
    add("ue-user-ct", "POST", ue({"key": "a", "value": "1"}), headers=[{"key": "Content-Type", "value": "text/plain"}])
    add("ue-get", "GET", ue({"key": "a", "value": "1"}))
    # formdata
    fd = lambda *params: {"mode": "formdata", "formdata": list(params)}  # noqa: E731
    add("fd-text", "POST", fd({"key": "a", "value": "1", "type": "text"}, {"key": "b", "value": "two words"}))
    add("fd-text-ct", "POST", fd({"key": "j", "value": '{"x":1}', "type": "text", "contentType": "application/json"}))
    add("fd-file", "POST", fd({"key": "f", "type": "file", "src": "a.txt"}))
    add("fd-file-ct", "POST", fd({"key": "f", "type": "file", "src": "a.txt", "contentType": "text/csv"}))
    add("fd-file-json", "POST", fd({"key": "f", "type": "file", "src": "data.json"}))
    add("fd-file-bin", "POST", fd({"key": "f", "type": "file", "src": "bin.dat"}))
    add("fd-file-html", "POST", fd({"key": "f", "type": "file", "src": "page.html"}))
    add("fd-file-noext", "POST", fd({"key": "f", "type": "file", "src": "noext"}))
    add("fd-file-list", "POST", fd({"key": "f", "type": "file", "src": ["a.txt", "data.json"]}))
    add("fd-file-weird", "POST", fd({"key": "f", "type": "file", "src": 'we"ird name.txt'}))
    add("fd-file-utf8", "POST", fd({"key": "f", "type": "file", "src": "ü.txt"}))
    add("fd-file-nosrc", "POST", fd({"key": "f", "type": "file"}, {"key": "t", "value": "1"}))
    add("fd-mixed", "POST", fd({"key": "t", "value": "1"}, {"key": "f", "type": "file", "src": "a.txt"},
                               {"key": "u", "value": "2"}))
    add("fd-disabled", "POST", fd({"key": "a", "value": "1", "disabled": True}, {"key": "b", "value": "2"}))
    add("fd-all-disabled", "POST", fd({"key": "a", "value": "1", "disabled": True}))
    add("fd-empty-list", "POST", fd())
    add("fd-empty-value", "POST", fd({"key": "a", "value": ""}))
    add("fd-null-value", "POST", fd({"key": "a"}))
    add("fd-utf8", "POST", fd({"key": "ü日", "value": "😀é"}))
    add("fd-quote-key", "POST", fd({"key": 'a"b\\c', "value": "v"}))
    add("fd-newline", "POST", fd({"key": "k", "value": "a\r\nb"}))
    add("fd-var", "POST", fd({"key": "{{v}}", "value": "{{v}}"}))
    add("fd-dup", "POST", fd({"key": "a", "value": "1"}, {"key": "a", "value": "2"}))
    add("fd-user-ct", "POST", fd({"key": "a", "value": "1"}),
        headers=[{"key": "Content-Type", "value": "multipart/form-data"}])
    add("fd-get", "GET", fd({"key": "a", "value": "1"}))
    # file
    add("file-txt", "POST", {"mode": "file", "file": {"src": "a.txt"}})
    add("file-bin", "PUT", {"mode": "file", "file": {"src": "bin.dat"}})
    add("file-json", "POST", {"mode": "file", "file": {"src": "data.json"}})
    add("file-nosrc", "POST", {"mode": "file", "file": {}})
    add("file-user-ct", "POST", {"mode": "file", "file": {"src": "a.txt"}},
        headers=[{"key": "Content-Type", "value": "text/plain"}])
    # graphql
    gql = lambda **g: {"mode": "graphql", "graphql": g}  # noqa: E731
    add("gql-vars", "POST", gql(query="query Q($id: ID) { a(id: $id) }", variables='{\n  "id": 1\n}'))
    add("gql-vars-empty", "POST", gql(query="{ a }", variables=""))
    add("gql-no-vars", "POST", gql(query="{ a }"))
    add("gql-vars-object", "POST", gql(query="{ a }", variables={"id": 1, "s": "ü"}))
    add("gql-vars-invalid", "POST", gql(query="{ a }", variables="{not json"))
    add("gql-utf8", "POST", gql(query='{ a(s: "ü日\\n") }', variables='{"s":"😀"}'))
    add("gql-var", "POST", gql(query="{ a(s: \"{{v}}\") }", variables='{"v": "{{v}}"}'))
    add("gql-user-ct", "POST", gql(query="{ a }"), headers=[{"key": "Content-Type", "value": "application/graphql"}])
    add("gql-get", "GET", gql(query="{ a }"))
    return out


def build(table_rows: list[dict[str, Any]], base: str) -> dict[str, Any]:
    """One item per row at `{{base}}/row/<id>?q=1`; rows with a folder behavior each get their own folder."""
    items: list[dict[str, Any]] = []
    for row in table_rows:
        request: dict[str, Any] = {"method": row["method"], "url": "{{base}}/row/" + row["id"] + "?q=1",
                                   "header": row["headers"]}
        if row["body"] is not None:
            request["body"] = row["body"]
        item: dict[str, Any] = {"name": row["id"], "request": request}
        if row["behavior"]:
            item["protocolProfileBehavior"] = row["behavior"]
        if row["folder"] is not None:
            item = {"name": "folder " + row["id"], "item": [item], "protocolProfileBehavior": row["folder"]}
        items.append(item)
    return {"info": {"name": "newman body table", "schema": SCHEMA}, "item": items,
            "variable": [{"key": "base", "value": base}, {"key": "v", "value": VARIABLE}]}


def write_files(folder: Path) -> None:
    for name, data in files().items():
        (folder / name).write_bytes(data)


def record(request: RawRequest, port: int) -> dict[str, Any]:
    """What arrived, with the run's port, Postman-Token and multipart boundary written as tokens."""
    headers = [[name, value] for name, value in request.headers]
    boundary = next((m.group(1) for name, value in headers if name.lower() == "content-type"
                     for m in [BOUNDARY.search(value)] if m), None)
    body = request.body.decode("utf-8", "backslashreplace")

    def clean(text: str) -> str:
        text = text.replace(f":{port}", ":{port}")
        if boundary:
            text = text.replace(boundary, "{boundary}")
        return text

    out_headers = []
    for name, value in headers:
        if name.lower() == "postman-token" and UUID.fullmatch(value):
            value = "{uuid}"
        out_headers.append([name, clean(value)])
    # the boundary's shape (each digit as D): the value changes per run, the format must not
    return {"line": clean(request.line), "headers": out_headers, "body": clean(body),
            "boundary": re.sub(r"[0-9]", "D", boundary) if boundary else None}


def row_id(request: RawRequest) -> str:
    return request.path.rsplit("/", 1)[-1]


def measure(newman: Path) -> list[dict[str, Any]]:
    table_rows = rows()
    with RawServer() as server, tempfile.TemporaryDirectory(prefix="newman-bodies-") as tmp:
        folder = Path(tmp)
        write_files(folder)
        path = folder / "collection.json"
        path.write_text(json.dumps(build(table_rows, server.url), ensure_ascii=False), encoding="utf-8")
        done = subprocess.run([str(newman), "run", str(path), "--reporters", "cli", "--timeout-request", "5000",
                               "--working-dir", str(folder)], capture_output=True, text=True, timeout=900,
                              cwd=folder)
        received = {row_id(r): r for r in server.requests}
        if not received:
            print(done.stdout[-3000:], done.stderr[-3000:], file=sys.stderr)
            raise SystemExit("newman sent nothing; see its output above")
        out = []
        for row in table_rows:
            request = received.get(row["id"])
            out.append({**row, "sent": record(request, server.port) if request else None})
        return out


def main(argv: list[str] | None = None) -> int:
    return table_main(argv, __doc__ or "", TABLE, measure, ("sent",))


if __name__ == "__main__":
    raise SystemExit(main())
