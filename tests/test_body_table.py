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

from raw_server import RawServer

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


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_headers_and_body_as_newman_sends_them(row: dict[str, Any], our_wire: dict[str, Any]) -> None:
    if row["id"] in DELIBERATE:
        pytest.skip(DELIBERATE[row["id"]])
    sent = our_wire["wire"].get(row["id"])
    assert sent is not None, f"not sent: {our_wire['errors'].get(row['id'])}"
    ours, raw = sent
    expected = row["sent"]
    assert ours["line"] == expected["line"]
    assert ours["headers"] == expected["headers"]
    assert ours["body"] == expected["body"]
    if expected["boundary"] is not None:  # the same shape of boundary: 26 dashes and 24 digits
        assert BOUNDARY.fullmatch(expected["boundary"]) and BOUNDARY.fullmatch(ours["boundary"])
        assert raw.body.endswith(f"--{ours['boundary']}--\r\n".encode())


def test_the_deliberate_differences_are_what_we_say(our_wire: dict[str, Any]) -> None:
    ours, raw = our_wire["wire"]["h-user-content-length"]
    assert raw.header("Content-Length") == str(len(raw.body)) == "3"
    assert ours["headers"][:2] == [["X-First", "1"], ["Content-Length", "3"]]
    assert "gql-vars-invalid" not in our_wire["wire"] and "not valid JSON" in our_wire["errors"]["gql-vars-invalid"]
