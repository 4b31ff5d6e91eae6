"""Our headers and body bytes, row by row, against what Newman 6.2.2 sent for the same item.

The expected column (tests/data/newman_bodies.json) was produced by benchmarks/newman_body_table.py,
which ran Newman on the collection it generates against a raw-socket loopback server. Here the same
collection runs through our engine against the same kind of server: the request line, every header
line in its order and the body bytes must be what Newman sent (the port, the Postman-Token and the
multipart boundary are written as tokens on both sides). Rows where we differ on purpose are in
DELIBERATE with the reason.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from raw_server import RawServer, table_cases

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
TABLE = json.loads((ROOT / "tests" / "data" / "newman_bodies.json").read_text(encoding="utf-8"))
ROWS: list[dict[str, Any]] = TABLE["rows"]
BOUNDARY = re.compile(r"-{26}\d{24}")

# Rows where we send something other than Newman on purpose: id → why.
DELIBERATE: dict[str, str] = {
    "h-user-content-length": "Newman sends the user's Content-Length: 7 over a 3-byte body (the server waits for "
                             "bytes that never come); we write the true length where the user put the header",
    "dsh-content-length": "without Content-Length Newman sends the body with no framing at all, so it ends only when "
                          "the connection closes; we keep the length",
    "dsh-all-post": "as dsh-content-length: the body keeps its Content-Length",
    "gql-vars-invalid": "GraphQL variables that are not JSON make the item an error (Newman sends the broken "
                        "JSON body); never a junk request",
}


@pytest.fixture(scope="module")
def our_wire(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every row sent once by our engine; id → the recording, normalised as the table is."""
    from newman_body_table import build, record, row_id, write_files

    from engine.runner import RunOptions, run

    folder = tmp_path_factory.mktemp("bodies")
    write_files(folder)
    with RawServer() as server:
        path = folder / "collection.json"
        path.write_text(json.dumps(build(ROWS, server.url), ensure_ascii=False), encoding="utf-8")
        result = run(str(path), RunOptions(timeout_request_ms=5000))
        wire = {row_id(r): (record(r, server.port), r) for r in server.requests}
        errors = {res.item: res.error for res in result.results if res.outcome == "error"}
    return {"wire": wire, "errors": errors}


def test_the_table_covers_every_printable_character_and_every_mode() -> None:
    ids = {row["id"] for row in ROWS}
    for code in range(0x20, 0x7F):
        assert {f"ue-key-{code:02x}", f"ue-value-{code:02x}"} <= ids
    modes = {(row["body"] or {}).get("mode") for row in ROWS}
    assert {"raw", "urlencoded", "formdata", "file", "graphql"} <= modes
    assert TABLE["newman"] == "6.2.2"


CASES = table_cases(ROWS, DELIBERATE)


@pytest.mark.parametrize("row", CASES)
def test_headers_and_body_as_newman_sends_them(row: dict[str, Any], our_wire: dict[str, Any]) -> None:
    sent = our_wire["wire"].get(row["id"])
    assert sent is not None, f"not sent: {our_wire['errors'].get(row['id'])}"
    ours, raw = sent
    expected = row["sent"]
    assert ours["line"] == expected["line"]
    assert ours["headers"] == expected["headers"]
    assert ours["body"] == expected["body"]
    assert ours["boundary"] == expected["boundary"]  # the same shape: 26 dashes and 24 digits
    if expected["boundary"] is not None:
        boundary = BOUNDARY.search(raw.header("Content-Type") or "")
        assert boundary is not None and raw.body.endswith(f"--{boundary.group(0)}--\r\n".encode())


def test_the_deliberate_differences_are_what_we_say(our_wire: dict[str, Any]) -> None:
    ours, raw = our_wire["wire"]["h-user-content-length"]
    assert raw.header("Content-Length") == str(len(raw.body)) == "3"
    assert ours["headers"][:2] == [["X-First", "1"], ["Content-Length", "3"]]
    assert "gql-vars-invalid" not in our_wire["wire"] and "not valid JSON" in our_wire["errors"]["gql-vars-invalid"]


# ---------------------------------------------------------------- beyond the table


def _run(document: dict, tmp_path: Path, *args: str) -> tuple[int, str, str]:
    from conftest import run_cli

    path = tmp_path / "c.postman_collection.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return run_cli("run", path, *args)


def test_collection_level_disabled_system_headers_reach_every_item_until_an_item_says_otherwise(tmp_path: Path) -> None:
    from factory import make_collection, make_item

    with RawServer() as server:
        document = make_collection(
            [make_item("a", "GET", server.url + "/a"),
             make_item("b", "GET", server.url + "/b",
                       protocolProfileBehavior={"disabledSystemHeaders": {"accept": True}})],
            protocolProfileBehavior={"disabledSystemHeaders": {"postman-token": True, "user-agent": 1}})
        code, out, _ = _run(document, tmp_path)
        first, second = sorted(server.requests, key=lambda r: r.path)
    assert code in (0, 1), out
    assert [name for name, _ in first.headers] == ["Accept", "Cache-Control", "Host", "Accept-Encoding", "Connection"]
    # the item's disabledSystemHeaders replaces the collection's (no merge), as in postman-runtime
    assert [name for name, _ in second.headers] == ["User-Agent", "Cache-Control", "Postman-Token", "Host",
                                                    "Accept-Encoding", "Connection"]


def test_postman_token_is_fresh_per_request_and_host_follows_a_redirect(tmp_path: Path) -> None:
    from factory import make_collection, make_item
    from raw_server import RawAnswer

    with RawServer() as first, RawServer() as second:
        first.answer("/go", RawAnswer(302, [("Location", second.url + "/there")], b""))
        document = make_collection([make_item("go", "GET", first.url + "/go"),
                                    make_item("again", "GET", first.url + "/plain")])
        _run(document, tmp_path)
        went, plain = sorted(first.requests, key=lambda r: r.path)
        (arrived,) = second.requests
        ports = first.port, second.port
    assert went.header("Host") == f"127.0.0.1:{ports[0]}"
    assert arrived.header("Host") == f"127.0.0.1:{ports[1]}"
    assert arrived.header("Postman-Token") == went.header("Postman-Token")  # one request, its redirects
    assert plain.header("Postman-Token") != went.header("Postman-Token")
    # on a redirect hop postman-request writes Referer, then Host, last
    assert [name for name, _ in arrived.headers][-2:] == ["Referer", "Host"]


def test_a_brotli_answer_is_decoded_since_we_ask_for_br(tmp_path: Path) -> None:
    import brotli

    from factory import example, make_collection, make_item
    from raw_server import RawAnswer

    payload = json.dumps({"ok": True, "pad": "x" * 500}).encode()
    with RawServer() as server:
        server.answer("/br", RawAnswer(200, [("Content-Type", "application/json"), ("Content-Encoding", "br")],
                                       brotli.compress(payload)))
        item = make_item("br", "GET", server.url + "/br", responses=[example(200, payload.decode(), "application/json")],
                         event=[{"listen": "test", "script": {"exec": [
                             "pm.test('decoded', () => pm.expect(pm.response.json().pad.length).to.eql(500));"]}}])
        code, out, _ = _run(make_collection([item]), tmp_path)
        (request,) = server.requests
    assert request.header("Accept-Encoding") == "gzip, deflate, br"
    assert code == 0, out


def test_dry_run_and_curl_show_the_request_not_the_system_headers(tmp_path: Path) -> None:
    """What the user set (and what the body implies) is shown; User-Agent, Postman-Token and the
    like are added when sending, so a curl command does not pin a token or pretend to be Newman."""
    from conftest import run_cli
    from factory import make_collection, make_item

    document = make_collection([make_item("j", "POST", "http://127.0.0.1:9/j",
                                          headers=[{"key": "X-Mine", "value": "1"}],
                                          body={"mode": "urlencoded", "urlencoded": [{"key": "a b", "value": "c"}]})])
    path = tmp_path / "c.postman_collection.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    code, out, _ = run_cli("curl", path, "--item", "j")
    assert code == 0, out
    assert "X-Mine: 1" in out and "application/x-www-form-urlencoded" in out and "a%20b=c" in out
    assert "Postman-Token" not in out and "PostmanRuntime" not in out
