"""Our request line and Host header, row by row, against what Newman 6.2.2 sent for the same item.

The expected column (tests/data/newman_encoding.json) was produced by
benchmarks/newman_encoding_table.py, which ran Newman on the collection it generates against a
raw-socket loopback server. Here the same rows run through our engine against the same kind of
server, and each request line must be byte for byte what Newman sent. Rows where we differ from
Newman on purpose are listed in DELIBERATE with the reason; none of them is in the table today.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from raw_server import RawServer, table_cases

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
TABLE = json.loads((ROOT / "tests" / "data" / "newman_encoding.json").read_text(encoding="utf-8"))
ROWS: list[dict[str, Any]] = TABLE["rows"]

# Rows where we send something other than Newman on purpose: id → why.
DELIBERATE: dict[str, str] = {
    "raw-disabled-utf8": "with disableUrlEncoding Newman writes the request line as Latin-1 (ü goes out as the "
                         "single byte FC, and 日 as a truncated E5); we send the text's UTF-8 bytes",
}


def _ipv6() -> bool:
    import socket

    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as sock:
            sock.bind(("::1", 0))
        return True
    except OSError:
        return False


@pytest.fixture(scope="module")
def our_wire(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every row sent once by our engine; id → (request line, Host) with ports written as in the table."""
    from newman_encoding_table import ROW_HEADER, build, normalise

    from engine.runner import RunOptions, run

    six = _ipv6()
    folder = tmp_path_factory.mktemp("table")
    rows = [r for r in ROWS if six or r["server"] != "v6"]
    with RawServer() as server4, RawServer("::1" if six else "127.0.0.1") as server6:
        port6 = server6.port if six else None
        path = folder / "collection.json"
        path.write_text(json.dumps(build(rows, server4.url, server4.port, port6), ensure_ascii=False), encoding="utf-8")
        result = run(str(path), RunOptions(timeout_request_ms=5000))
        received = server4.requests + (server6.requests if six else [])
        wire = {r.header(ROW_HEADER): (normalise(r.line, server4.port, port6), normalise(r.header("Host"), server4.port, port6))
                for r in received}
        errors = {res.item: res.error for res in result.results if res.outcome == "error"}
    if not six:  # no ::1 to listen on: the IPv6 rows as send would write them, from a dry run
        wire.update(_dry_wire([r for r in ROWS if r["server"] == "v6"], folder))
    return {"wire": wire, "errors": errors}


def _dry_wire(rows: list[dict[str, Any]], folder: Path) -> dict[str, tuple[str | None, str | None]]:
    """Request line and Host of each row, resolved but not sent (port 9 stands for the server's)."""
    from newman_encoding_table import build, normalise

    from engine.runner import RunOptions, run
    from engine.send import _host, _request_target

    path = folder / "collection6.json"
    path.write_text(json.dumps(build(rows, "http://127.0.0.1:8", 8, 9), ensure_ascii=False), encoding="utf-8")
    out = {}
    for result in run(str(path), RunOptions(dry_run=True)).results:
        if result.request is not None:
            line = f"{result.request.method} {_request_target(result.request.url)} HTTP/1.1"
            out[result.item] = (normalise(line, 8, 9), normalise(_host(result.request.url), 8, 9))
    return out


def test_the_table_covers_every_printable_character_in_every_part() -> None:
    ids = {row["id"] for row in ROWS}
    for code in range(0x20, 0x7F):
        for part in ("raw-path", "raw-key", "raw-value", "obj-path", "obj-key", "obj-value", "var-path", "var-value"):
            assert f"{part}-{code:02x}" in ids
    assert TABLE["newman"] == "6.2.2"


CASES = table_cases(ROWS, DELIBERATE)


@pytest.mark.parametrize("row", CASES)
def test_request_line_and_host_as_newman_sends_them(row: dict[str, Any], our_wire: dict[str, Any]) -> None:
    sent = our_wire["wire"].get(row["id"])
    if row["line"] is None:
        # Newman refused to send it (a space in a URL with encoding disabled): so do we, as an item error
        assert sent is None
        assert row["id"] in our_wire["errors"]
        return
    assert sent is not None, f"not sent: {our_wire['errors'].get(row['id'])}"
    assert sent == (row["line"], row["host"])


@pytest.mark.parametrize(("host", "expected"), [
    ("127.1", "127.0.0.1"), ("127.0.1", "127.0.0.1"), ("2130706433", "127.0.0.1"), ("0x7f.1", "127.0.0.1"),
    ("0177.0.0.1", "127.0.0.1"), ("10.0.0.1.", "10.0.0.1"), ("LocalHost", "localhost"),
    ("[0:0:0:0:0:0:0:1]", "[::1]"), ("[2001:DB8::0:1]", "[2001:db8::1]"),
    ("bücher.example", "xn--bcher-kva.example"), ("256.1.1.1", "256.1.1.1"), ("api.v1", "api.v1"),
    ("1.2.3.4.5", "1.2.3.4.5"), ("0x", "0.0.0.0"),
])
def test_hosts_are_normalised_as_a_browser_does(host: str, expected: str) -> None:
    """The WHATWG host parser's rules (Newman goes through Node's URL): numbers in decimal, hex or
    octal, the last filling the remaining bytes; a name that is not all numbers is left alone."""
    from engine.urls import normalise_host

    assert normalise_host(host) == expected
