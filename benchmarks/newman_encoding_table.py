"""Regenerate tests/data/newman_encoding.json: how Newman puts each URL on the wire.

    .venv/bin/python benchmarks/newman_encoding_table.py [--newman PATH] [--check]

The script generates one collection with a row per case (every printable ASCII character in a
path segment, a query key and a query value, written in a raw URL, in a URL object's parts and
in a variable's value; non-ASCII text; empty query keys and values; a trailing `?`; `#`
fragments; existing escapes; short-form IPv4 and IPv6 hosts; `disableUrlEncoding`), runs Newman
on it against a raw-socket loopback server that records the exact request line and `Host`
header, and writes what arrived as the expected column of `tests/test_encoding_table.py`. The
port of the run is written as `{port}` / `{port6}`.

Newman is a reference, never a dependency: the script looks for `$NEWMAN`,
/work/tools/node_modules/.bin/newman, then a cache dir outside the repository
(`~/.cache/postman-replay/newman`), and installs it there with `npm install --prefix` when none
is found. Without npm it says so and exits 0, leaving the committed table as it is.

`--check` compares the table Newman gives now with the committed one and prints differences
instead of writing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from raw_server import RawServer  # noqa: E402

TABLE = ROOT / "tests" / "data" / "newman_encoding.json"
NEWMAN_VERSION = "6.2.2"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "postman-replay" / "newman"
CANDIDATES = (Path("/work/tools/node_modules/.bin/newman"), CACHE / "node_modules" / ".bin" / "newman")
ROW_HEADER = "X-Row"
SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"

NON_ASCII = ("ü", "é", "日本", "😀", "\u00a0", "ß", "Ω")


def rows() -> list[dict[str, Any]]:
    """Every case: id, url (string or object, as a collection holds it), variables, behavior."""
    out: list[dict[str, Any]] = []

    def add(row_id: str, url: Any, variables: dict[str, str] | None = None, behavior: dict | None = None,
            server: str = "v4") -> None:
        out.append({"id": row_id, "url": url, "variables": variables or {}, "behavior": behavior or {},
                    "server": server})

    for code in range(0x20, 0x7F):
        c = chr(code)
        tag = f"{code:02x}"
        add(f"raw-path-{tag}", "{{base}}/a" + c + "b")
        add(f"raw-key-{tag}", "{{base}}/q?a" + c + "b=v")
        add(f"raw-value-{tag}", "{{base}}/q?k=a" + c + "b")
        add(f"obj-path-{tag}", {"host": ["{{base}}"], "path": ["o", "a" + c + "b"]})
        add(f"obj-key-{tag}", {"host": ["{{base}}"], "path": ["o"], "query": [{"key": "a" + c + "b", "value": "v"}]})
        add(f"obj-value-{tag}", {"host": ["{{base}}"], "path": ["o"], "query": [{"key": "k", "value": "a" + c + "b"}]})
        add(f"var-path-{tag}", "{{base}}/v/{{x}}", {"x": "a" + c + "b"})
        add(f"var-value-{tag}", "{{base}}/v?k={{x}}", {"x": "a" + c + "b"})
    for index, text in enumerate(NON_ASCII):
        add(f"utf8-path-{index}", "{{base}}/" + text + "/x")
        add(f"utf8-key-{index}", "{{base}}/q?" + text + "=v")
        add(f"utf8-value-{index}", "{{base}}/q?k=" + text)
        add(f"utf8-var-{index}", "{{base}}/v/{{x}}?k={{x}}", {"x": text})
    specials = {
        "trailing-question": "{{base}}/p?",
        "only-ampersand": "{{base}}/p?&",
        "double-ampersand": "{{base}}/p?a=1&&b=2",
        "bare-key": "{{base}}/p?a",
        "empty-value": "{{base}}/p?a=",
        "empty-key": "{{base}}/p?=b",
        "empty-both": "{{base}}/p?=",
        "repeated-key": "{{base}}/p?a=1&a=2",
        "double-equals": "{{base}}/p?a==b",
        "escape-lower": "{{base}}/p%2a/%2F?k=%2a%2f",
        "escape-upper": "{{base}}/p%2A?k=%2A",
        "escape-invalid": "{{base}}/p%zz/%/%4?k=%zz%",
        "escape-percent": "{{base}}/100%25?k=100%25",
        "fragment": "{{base}}/p#frag",
        "fragment-query": "{{base}}/p?x=1#frag",
        "fragment-before-query": "{{base}}/p#frag?x=1",
        "fragment-empty": "{{base}}/p#",
        "no-path": "{{base}}",
        "slash-only": "{{base}}/",
        "double-slash": "{{base}}//a//b",
        "dot-segments": "{{base}}/a/./b/../c",
        "trailing-slash": "{{base}}/a/",
        "no-scheme": "127.0.0.1:{{port}}/noscheme",
        "short-ipv4": "http://127.1:{{port}}/short",
        "short-ipv4-3": "http://127.0.1:{{port}}/short3",
        "integer-ipv4": "http://2130706433:{{port}}/int",
        "hex-ipv4": "http://0x7f.0.0.1:{{port}}/hex",
        "upper-host": "http://LOCALHOST:{{port}}/upper",
        "upper-scheme": "HTTP://127.0.0.1:{{port}}/scheme",
        "obj-short-ipv4": {"protocol": "http", "host": ["127", "1"], "port": "{{port}}", "path": ["objshort"]},
    }
    for row_id, url in specials.items():
        add(row_id, url)
    objects = {
        "obj-empty-query": {"raw": "{{base}}/e?", "host": ["{{base}}"], "path": ["e"], "query": []},
        "obj-raw-question-only": {"raw": "{{base}}/e?", "host": ["{{base}}"], "path": ["e"]},
        "obj-disabled-query": {"host": ["{{base}}"], "path": ["e"],
                               "query": [{"key": "a", "value": "1", "disabled": True}, {"key": "b", "value": "2"}]},
        "obj-all-disabled": {"host": ["{{base}}"], "path": ["e"], "query": [{"key": "a", "value": "1", "disabled": True}]},
        "obj-empty-keys": {"host": ["{{base}}"], "path": ["e"], "query": [{"key": "", "value": None}, {"key": "", "value": None}]},
        "obj-null-key": {"host": ["{{base}}"], "path": ["e"], "query": [{"key": None, "value": "v"}, {"key": "k", "value": None}]},
        "obj-empty-value": {"host": ["{{base}}"], "path": ["e"], "query": [{"key": "k", "value": ""}]},
        "obj-trailing-segment": {"host": ["{{base}}"], "path": ["e", ""]},
        "obj-path-string": {"host": ["{{base}}"], "path": "/s/t"},
        "obj-no-path": {"host": ["{{base}}"]},
    }
    for row_id, url in objects.items():
        add(row_id, url)
    add("ipv6", "http://[::1]:{{port6}}/six?x=1", server="v6")
    add("ipv6-long", "http://[0:0:0:0:0:0:0:1]:{{port6}}/sixlong", server="v6")
    for row_id, url in {
        "raw-disabled-space": "{{base}}/a b?k=a b",
        "raw-disabled-quote": '{{base}}/a"b?k=a"b',
        "raw-disabled-utf8": "{{base}}/ü?k=ü",
        "raw-disabled-brace": "{{base}}/a{b}?k={x}",
        "raw-disabled-angle": "{{base}}/<a>?k=a<v>",
        "raw-disabled-escape": "{{base}}/%2a?k=%2a",
    }.items():
        add(row_id, url, behavior={"disableUrlEncoding": True})
    return out


def collection(table_rows: list[dict[str, Any]], base: str, port: int, port6: int | None) -> dict[str, Any]:
    """One item per row, tagged with its id in a header; `{{base}}`, `{{port}}` and `{{port6}}`
    are collection variables."""
    folders = []
    for row in table_rows:
        request: dict[str, Any] = {"method": "GET", "url": row["url"],
                                   "header": [{"key": ROW_HEADER, "value": row["id"]}]}
        item: dict[str, Any] = {"name": row["id"], "request": request}
        if row["behavior"]:
            item["protocolProfileBehavior"] = row["behavior"]
        folders.append(item)
    variables = [{"key": "base", "value": base}, {"key": "port", "value": str(port)},
                 {"key": "port6", "value": str(port6 or 0)}]
    return {"info": {"name": "newman encoding table", "schema": SCHEMA}, "item": folders, "variable": variables}


def unique_variables(table_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows name their variable `x`; in one collection each row gets its own name (`x_<id>`)."""
    out = []
    for row in table_rows:
        if row["variables"]:
            suffix = row["id"].replace("-", "_")
            url = row["url"]
            new_vars = {}
            for name, value in row["variables"].items():
                url = url.replace("{{" + name + "}}", "{{" + name + "_" + suffix + "}}")
                new_vars[name + "_" + suffix] = value
            row = {**row, "url": url, "variables": new_vars}
        out.append(row)
    return out


def build(table_rows: list[dict[str, Any]], base: str, port: int, port6: int | None) -> dict[str, Any]:
    """The runnable collection: rows with unique variable names, all variables at collection level."""
    named = unique_variables(table_rows)
    document = collection(named, base, port, port6)
    for row in named:
        document["variable"] += [{"key": k, "value": v} for k, v in row["variables"].items()]
    return document


def find_newman(given: str | None) -> Path | None:
    for candidate in ([Path(given)] if given else []) + (
        [Path(os.environ["NEWMAN"])] if os.environ.get("NEWMAN") else []
    ) + list(CANDIDATES):
        if candidate.exists():
            return candidate
    npm = shutil.which("npm")
    if npm is None:
        return None
    CACHE.mkdir(parents=True, exist_ok=True)
    print(f"installing newman {NEWMAN_VERSION} into {CACHE} …", file=sys.stderr)
    done = subprocess.run([npm, "install", "--prefix", str(CACHE), f"newman@{NEWMAN_VERSION}"],
                          capture_output=True, text=True)
    if done.returncode != 0:
        print(done.stderr[-2000:], file=sys.stderr)
        return None
    installed = CACHE / "node_modules" / ".bin" / "newman"
    return installed if installed.exists() else None


def ipv6_available() -> bool:
    import socket

    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as sock:
            sock.bind(("::1", 0))
        return True
    except OSError:
        return False


def normalise(text: str | None, port: int, port6: int | None) -> str | None:
    """Ports differ between runs: they are written as {port} and {port6}."""
    if text is None:
        return None
    if port6:
        text = text.replace(f":{port6}", ":{port6}")
    return text.replace(f":{port}", ":{port}")


def measure(newman: Path) -> list[dict[str, Any]]:
    table_rows = rows()
    six = ipv6_available()
    if not six:
        print("no IPv6 loopback here: the IPv6 rows are left out", file=sys.stderr)
        table_rows = [r for r in table_rows if r["server"] != "v6"]
    with RawServer() as server4, RawServer("::1" if six else "127.0.0.1") as server6, \
            tempfile.TemporaryDirectory(prefix="newman-encoding-") as tmp:
        port6 = server6.port if six else None
        document = build(table_rows, server4.url, server4.port, port6)
        path = Path(tmp) / "collection.json"
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        done = subprocess.run([str(newman), "run", str(path), "--reporters", "cli", "--timeout-request", "5000"],
                              capture_output=True, text=True, timeout=900)
        received = {r.header(ROW_HEADER): r for r in server4.requests + (server6.requests if six else [])}
        if not received:
            print(done.stdout[-3000:], done.stderr[-3000:], file=sys.stderr)
            raise SystemExit("newman sent nothing; see its output above")
        out = []
        for row in table_rows:
            request = received.get(row["id"])
            out.append({
                **row,
                "line": normalise(request.line, server4.port, port6) if request else None,
                "host": normalise(request.header("Host"), server4.port, port6) if request else None,
            })
        return out


def table_main(argv: list[str] | None, description: str, table_path: Path,
               measure_with: Callable[[Path], list[dict[str, Any]]], fields: tuple[str, ...]) -> int:
    """The command line both Newman tables share: run Newman, then write the table (or, with
    --check, say which rows differ in `fields` from the committed one). `fields[0]` is None for a
    row Newman did not send."""
    parser = argparse.ArgumentParser(description=description.split("\n\n")[0])
    parser.add_argument("--newman", help="path to the newman executable")
    parser.add_argument("--check", action="store_true", help="compare with the committed table, write nothing")
    args = parser.parse_args(argv)
    newman = find_newman(args.newman)
    if newman is None:
        print("newman is not available and npm cannot install it: the committed table is unchanged")
        return 0
    version = subprocess.run([str(newman), "--version"], capture_output=True, text=True).stdout.strip()
    table = measure_with(newman)
    sent = sum(1 for row in table if row[fields[0]] is not None)
    if args.check:
        old = {row["id"]: row for row in json.loads(table_path.read_text(encoding="utf-8"))["rows"]}
        changed = [row["id"] for row in table if any(old.get(row["id"], {}).get(k) != row[k] for k in fields)]
        print(f"newman {version}: {len(table)} rows, {len(changed)} differ from {table_path.name}: {changed[:20]}")
        return 0
    table_path.parent.mkdir(parents=True, exist_ok=True)
    table_path.write_text(json.dumps({"newman": version, "rows": table}, indent=1, ensure_ascii=False) + "\n",
                          encoding="utf-8")
    print(f"newman {version}: {len(table)} rows ({sent} sent, {len(table) - sent} not sent) → {table_path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    return table_main(argv, __doc__ or "", TABLE, measure, ("line", "host"))


if __name__ == "__main__":
    raise SystemExit(main())
