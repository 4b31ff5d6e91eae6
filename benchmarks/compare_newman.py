"""Run the script corpus with Newman and with postman-replay; compare what the server saw and the tests.

    python benchmarks/compare_newman.py [--newman PATH/TO/newman.js] [--show] [--only NAME]

Newman is not a dependency. The script looks for Newman 6.2.2 (--newman, $NEWMAN, a cache
directory outside the repository: $POSTMAN_REPLAY_CACHE or ~/.cache/postman-replay/newman-6.2.2)
and, when it is missing, installs it there with `npm install --prefix`. Without node or npm it
says so and exits 0: the comparison is informative, not a CI requirement.

The collections: the script corpus (tests/script_corpus/make_corpus.py) and the fidelity set
(tests/script_corpus/fidelity.py: one collection per sandbox library and per pm API area). Both
runners replay each against the same recording loopback server; the script then compares, in order,

- the requests the server received: method, path and query, key headers (Authorization,
  Content-Type, every X-* header) and the JSON body, and
- the test results: (item, test name, passed) for each `pm.test` / `tests[...]`.

It prints an agreement table, the agreement per assertion (matched by item, test name and
occurrence), and every assertion on which the two disagree. Exit code 0 unless the script itself
breaks; disagreements are reported, not fatal.
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
sys.path.insert(0, str(ROOT / "benchmarks"))
from _common import agreement, print_table  # noqa: E402

from script_corpus.fidelity import FIDELITY  # noqa: E402
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

NEWMAN_VERSION = "6.2.2"
KNOWN_NEWMAN = (Path("/work/tools/node_modules/newman/bin/newman.js"),)
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
] + [Case(name, build) for name, build in FIDELITY.items()]
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
    for failure in document["run"].get("failures") or []:
        error = failure.get("error") or {}
        if error.get("name") != "AssertionError" and not str(failure.get("at", "")).startswith("assertion"):
            where = (failure.get("source") or {}).get("name", "")
            side.problem += f"{where}: {error.get('name')}: {error.get('message')} ({failure.get('at')})\n"
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


def cache_dir() -> Path:
    import os

    base = os.environ.get("POSTMAN_REPLAY_CACHE") or str(Path.home() / ".cache" / "postman-replay")
    return Path(base) / f"newman-{NEWMAN_VERSION}"


def find_newman(given: str | None) -> tuple[Path | None, str]:
    """newman.js, installing Newman into the cache directory when it is nowhere; or why not."""
    import os

    if shutil.which("node") is None:
        return None, "node is not installed"
    for candidate in [Path(given)] if given else [Path(p) for p in filter(None, [os.environ.get("NEWMAN")])] + [
            *KNOWN_NEWMAN, cache_dir() / "node_modules" / "newman" / "bin" / "newman.js"]:
        if candidate.is_file():
            return candidate, ""
    if given:
        return None, f"{given} does not exist"
    npm = shutil.which("npm")
    if npm is None:
        return None, "Newman is not installed and npm is not available to install it"
    target = cache_dir()
    target.mkdir(parents=True, exist_ok=True)
    print(f"installing newman@{NEWMAN_VERSION} into {target} ...", flush=True)
    done = subprocess.run([npm, "install", "--prefix", str(target), "--no-audit", "--no-fund",
                           f"newman@{NEWMAN_VERSION}"], capture_output=True, text=True, timeout=600)
    installed = target / "node_modules" / "newman" / "bin" / "newman.js"
    if done.returncode != 0 or not installed.is_file():
        return None, "npm could not install Newman: " + (done.stderr or done.stdout).strip()[-300:]
    return installed, ""


def keyed(tests: list[tuple]) -> dict[tuple, bool]:
    """(item, test name, n-th occurrence) → passed: assertions matched by name, not by position."""
    seen: dict[tuple, int] = {}
    out = {}
    for name, test, passed in tests:
        n = seen[(name, test)] = seen.get((name, test), 0) + 1
        out[(name, test, n)] = passed
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--newman", help="path to newman.js (default: found or installed, see above)")
    parser.add_argument("--show", action="store_true", help="print every difference, requests too")
    parser.add_argument("--only", action="append", default=[], help="only the collections whose name contains this")
    args = parser.parse_args(argv)

    newman, why = find_newman(args.newman)
    if newman is None:
        print(f"skipped: {why}; nothing compared.")
        return 0
    version = subprocess.run(["node", str(newman), "--version"], capture_output=True, text=True).stdout.strip()
    cases = [c for c in CASES if not args.only or any(o.lower() in c.name.lower() for o in args.only)]
    print(f"newman {version} vs postman-replay, {len(cases)} collections\n")

    rows = []
    details = []
    disagreements: list[str] = []
    totals = [0, 0, 0, 0]
    with CorpusServer() as server, tempfile.TemporaryDirectory(prefix="compare-newman-") as tmp:
        work = Path(tmp)
        for case in cases:
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
            mine, newmans = keyed(ours.tests), keyed(theirs.tests)
            keys = list(dict.fromkeys([*newmans, *mine]))
            same = [k for k in keys if k in mine and k in newmans and mine[k] == newmans[k]]
            for k in keys:
                if k not in same:
                    show = lambda side: "missing" if k not in side else ("passed" if side[k] else "failed")  # noqa: E731
                    disagreements.append(f"{case.name} › {k[0]} › {k[1]}: postman-replay {show(mine)}, newman {show(newmans)}")
            totals = [totals[0] + req_same, totals[1] + req_total, totals[2] + len(same), totals[3] + len(keys)]
            exit_same = (ours.exit_code == 0) == (theirs.exit_code == 0)
            verdict = "agree" if (req_same == req_total and len(same) == len(keys) and exit_same) else "DIFFER"
            rows.append((case.name, f"{req_same}/{req_total}", f"{len(same)}/{len(keys)}",
                         f"{ours.exit_code}/{theirs.exit_code}", verdict))
            lines = []
            if args.show:
                for index in range(max(len(ours.requests), len(theirs.requests))):
                    a = ours.requests[index] if index < len(ours.requests) else None
                    b = theirs.requests[index] if index < len(theirs.requests) else None
                    if a != b:
                        lines.append(f"  request #{index + 1}\n    postman-replay: {a}\n    newman:         {b}")
            for who, side in (("postman-replay", ours), ("newman", theirs)):
                if side.problem:
                    lines.append(f"  {who} reported: {side.problem.strip()}")
            if lines:
                details.append(f"{case.name}:\n" + "\n".join(lines))

    print_table(("collection", "requests", "assertions", "exit (ours/newman)", "verdict"), rows)
    print(f"\nassertions agree: {totals[2]}/{totals[3]}; requests agree: {totals[0]}/{totals[1]}; "
          f"collections in full agreement: {sum(1 for r in rows if r[-1] == 'agree')}/{len(rows)}")
    print("(assertions are matched by item, test name and occurrence and compare passed/failed; requests compare\n"
          " method, path+query, Authorization, Content-Type, X-* headers and the JSON body, in order)")
    if disagreements:
        print("\nAssertions that disagree:\n  " + "\n  ".join(disagreements))
    if details:
        print("\nNotes:\n" + "\n\n".join(details))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
