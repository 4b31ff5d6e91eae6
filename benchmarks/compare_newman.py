"""Run the script corpus with Newman and with postman-replay; compare what the server saw and the tests.

    /work/venv/bin/python benchmarks/compare_newman.py [--newman PATH/TO/newman.js] [--show]

Newman is not a dependency: install it where you like, e.g.

    npm install --prefix /tmp/newman newman

and the script finds /tmp/newman/node_modules/newman/bin/newman.js (or pass --newman). Without
node or Newman it says so and exits 0: the comparison is informative, not a CI requirement.

For every corpus collection (tests/script_corpus/make_corpus.py) both runners replay against the
same recording loopback server; the script then compares, in order,

- the requests the server received: method, path and query, key headers (Authorization,
  Content-Type, every X-* header) and the JSON body, and
- the test results: (item, test name, passed) for each `pm.test` / `tests[...]`.

It prints an agreement table and, with --show, every difference. Exit code 0 unless the script
itself breaks; disagreements are reported, not fatal.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from script_corpus.make_corpus import (  # noqa: E402
    CorpusServer,
    Received,
    collection,
    data_csv,
    data_driven,
    data_json,
    item,
    json_schema,
    login_token,
    next_request_loop,
)

from script_corpus.js_libraries import CASES as JS_LIBRARY_CASES  # noqa: E402

DEFAULT_NEWMAN = Path("/tmp/newman/node_modules/newman/bin/newman.js")
KEY_HEADERS = ("authorization", "content-type")


def prerequest_and_send_request() -> dict:
    """Pre-request scripts that change the request and call pm.sendRequest; legacy tests."""
    return collection("corpus pre-request", [
        item("Nonce then echo", "GET", "{{baseUrl}}/echo?nonce={{nonce}}", headers={"X-Drop": "1"}, prerequest="""
pm.request.headers.add({ key: "X-Added", value: "yes" });
pm.request.headers.remove("X-Drop");
pm.variables.set("local", "L");
pm.sendRequest(pm.environment.get("baseUrl") + "/nonce", function (err, res) {
    pm.environment.set("nonce", res.json().nonce);
});
""", test="""
pm.test("echo saw the added header", function () {
    pm.expect(pm.response.json().headers["x-added"]).to.equal("yes");
    pm.expect(pm.response.json().headers).to.not.have.property("x-drop");
});
tests["nonce in query"] = JSON.parse(responseBody).query.nonce === "n-1";
"""),
        item("Local and changed URL", "GET", "{{baseUrl}}/original?l={{local}}", prerequest="""
pm.request.url = pm.request.url.toString().replace("/original", "/changed");
""", test="""
pm.test("changed url", function () { pm.expect(pm.response.json().path).to.eql("/changed"); });
pm.test("fails on purpose", function () { pm.expect(pm.response.code).to.be.oneOf([201, 204]); });
"""),
    ])


@dataclass
class Case:
    name: str
    build: Callable[[], dict]
    data: tuple[str, str] | None = None  # (file name, content)


CASES = [
    Case("login → token", login_token),
    Case("data-driven (csv)", data_driven, ("data.csv", data_csv())),
    Case("data-driven (json)", data_driven, ("data.json", data_json())),
    Case("setNextRequest loop", next_request_loop),
    Case("jsonSchema pass/fail", json_schema),
    Case("pre-request + sendRequest", prerequest_and_send_request),
]
CASES += [Case(name, build) for name, build in JS_LIBRARY_CASES]


@dataclass
class Side:
    requests: list[tuple] = field(default_factory=list)
    tests: list[tuple] = field(default_factory=list)
    exit_code: int = 0
    problem: str = ""


def request_key(received: Received) -> tuple:
    headers = tuple(sorted(
        (k.lower(), v) for k, v in received.headers if k.lower() in KEY_HEADERS or k.lower().startswith("x-")
    ))
    body: Any = received.body.decode("utf-8", "replace")
    try:
        body = json.loads(body) if body else ""
    except ValueError:
        pass
    return received.method, received.target, headers, json.dumps(body, sort_keys=True)


def run_newman(newman: Path, path: Path, base_url: str, data: Path | None, work: Path) -> Side:
    report = work / "newman.json"
    argv = ["node", str(newman), "run", str(path), "--env-var", f"baseUrl={base_url}", "-r", "json",
            "--reporter-json-export", str(report)]
    if data is not None:
        argv += ["-d", str(data)]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    side = Side(exit_code=done.returncode)
    if not report.exists():
        side.problem = (done.stderr or done.stdout).strip()[-500:]
        return side
    document = json.loads(report.read_text(encoding="utf-8"))
    seen = set()
    for execution in document["run"]["executions"]:
        # Newman's JSON reporter lists an item twice when its script calls pm.sendRequest (same
        # cursor, same assertions): count each execution once.
        cursor = execution.get("cursor") or {}
        key = (cursor.get("ref"), cursor.get("httpRequestId"), cursor.get("iteration"))
        if cursor.get("ref") and key in seen:
            continue
        seen.add(key)
        name = execution["item"]["name"]
        for assertion in execution.get("assertions") or []:
            if assertion.get("skipped"):
                continue
            side.tests.append((name, assertion["assertion"], "error" not in assertion or not assertion["error"]))
    return side


def run_replay(path: Path, base_url: str, data: Path | None, work: Path) -> Side:
    from engine.cli import main

    report = work / "replay.json"
    argv = ["run", str(path), "--env-var", f"baseUrl={base_url}", "-r", "json", "--reporter-json-export", str(report)]
    if data is not None:
        argv += ["-d", str(data)]
    out, err = io.StringIO(), io.StringIO()
    side = Side(exit_code=int(main(argv, stdout=out, stderr=err)))
    if not report.exists():
        side.problem = err.getvalue().strip()[-500:]
        return side
    for result in json.loads(report.read_text(encoding="utf-8"))["results"]:
        name = result["item"].split("/")[-1]
        for check in result["checks"]:
            if check["name"] != "test" or check["skipped"]:
                continue
            test_name = check["message"].split(" — ")[0] if not check["passed"] else check["message"]
            side.tests.append((name, test_name, bool(check["passed"])))
        if result.get("error"):
            side.problem += f"{name}: {result['error']}\n"
    return side


def agreement(ours: list, theirs: list) -> tuple[int, int]:
    """Positions where both lists hold the same entry, and the length of the longer list."""
    same = sum(1 for a, b in zip(ours, theirs) if a == b)
    return same, max(len(ours), len(theirs))


def find_newman(given: str | None) -> Path | None:
    if shutil.which("node") is None:
        return None
    candidate = Path(given) if given else DEFAULT_NEWMAN
    return candidate if candidate.is_file() else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--newman", help=f"path to newman.js (default {DEFAULT_NEWMAN})")
    parser.add_argument("--show", action="store_true", help="print every difference")
    args = parser.parse_args(argv)

    newman = find_newman(args.newman)
    if newman is None:
        print("Newman is not available (need `node` and newman.js; try "
              "`npm install --prefix /tmp/newman newman`); nothing compared.")
        return 0
    version = subprocess.run(["node", str(newman), "--version"], capture_output=True, text=True).stdout.strip()
    print(f"newman {version} vs postman-replay, {len(CASES)} collections\n")

    rows = []
    details = []
    totals = [0, 0, 0, 0]
    with CorpusServer() as server, tempfile.TemporaryDirectory(prefix="compare-newman-") as tmp:
        work = Path(tmp)
        for case in CASES:
            path = work / "collection.json"
            path.write_text(json.dumps(case.build()), encoding="utf-8")
            data = None
            if case.data is not None:
                data = work / case.data[0]
                data.write_text(case.data[1], encoding="utf-8")
            server.reset()
            theirs = run_newman(newman, path, server.url, data, work)
            theirs.requests = [request_key(r) for r in server.requests]
            server.reset()
            ours = run_replay(path, server.url, data, work)
            ours.requests = [request_key(r) for r in server.requests]

            req_same, req_total = agreement(ours.requests, theirs.requests)
            test_same, test_total = agreement(ours.tests, theirs.tests)
            totals = [totals[0] + req_same, totals[1] + req_total, totals[2] + test_same, totals[3] + test_total]
            exit_same = (ours.exit_code == 0) == (theirs.exit_code == 0)
            verdict = "agree" if (req_same == req_total and test_same == test_total and exit_same) else "DIFFER"
            rows.append((case.name, f"{req_same}/{req_total}", f"{test_same}/{test_total}",
                         f"{ours.exit_code}/{theirs.exit_code}", verdict))
            if verdict != "agree" or args.show:
                lines = []
                for label, a_list, b_list in (("request", ours.requests, theirs.requests), ("test", ours.tests, theirs.tests)):
                    for index in range(max(len(a_list), len(b_list))):
                        a = a_list[index] if index < len(a_list) else None
                        b = b_list[index] if index < len(b_list) else None
                        if a != b:
                            lines.append(f"  {label} #{index + 1}\n    postman-replay: {a}\n    newman:         {b}")
                for who, side in (("postman-replay", ours), ("newman", theirs)):
                    if side.problem:
                        lines.append(f"  {who} reported: {side.problem.strip()}")
                if lines:
                    details.append(f"{case.name}:\n" + "\n".join(lines))

    header = ("collection", "requests", "tests", "exit (ours/newman)", "verdict")
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths)))
    print(f"\nrequests agree: {totals[0]}/{totals[1]}; test results agree: {totals[2]}/{totals[3]}; "
          f"collections in full agreement: {sum(1 for r in rows if r[-1] == 'agree')}/{len(rows)}")
    print("(requests compare method, path+query, Authorization, Content-Type, X-* headers and the JSON body;"
          " tests compare item, name and passed)")
    if details:
        print("\nDifferences:\n" + "\n\n".join(details))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
