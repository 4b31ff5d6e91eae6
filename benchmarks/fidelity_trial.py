"""The acceptance trial, replayed: trial collections run by Newman and by postman-replay, side by side.

    python benchmarks/fidelity_trial.py [--newman PATH] [--only NAME,...] [--show] [--keep DIR]

Each case of benchmarks/fidelity/make_trial.py (OpenAPI conversions, hand-written suites with
folders, auth at every level, variables, data files, scripts, legacy scripts, a v1 export,
suites that send `{{undefined}}` on purpose) is written to a temporary folder and run by both
runners against one loopback echo server on a bare socket that records every request's bytes.
Per case it compares

- the requests that arrived, in order: method, path+query, the headers the collection controls
  (ignoring User-Agent, Postman-Token, Host, Connection, Accept-Encoding, Content-Length, Newman's
  default `Accept: */*` and `Cache-Control: no-cache`, and header order) and the body bytes
  (multipart boundaries replaced by a marker);
- the script assertions: (item, name, passed) in order;
- the exit code: Newman's 0/1 against ours 0/1/2 (0 agrees with 0, non-zero with non-zero; our 2
  means the run could not start and agrees with nothing);

and prints an agreement table. A case that differs where SPEC says we differ on purpose prints
"documented" with the rule, not "DIFFER". With --show it prints every difference and, for the
first failing case, both runners' terminal output side by side.

Newman is a test tool, not a dependency: the script uses /work/tools/node_modules/.bin/newman
when present, else installs newman@6.2.2 into a cache folder outside the repository with npm,
and without node/npm says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks" / "fidelity"))
sys.path.insert(0, str(ROOT / "benchmarks"))
from _common import agreement, print_table  # noqa: E402

from make_trial import CASES, TOKEN, Case, write_case  # noqa: E402
from raw_server import RawAnswer, RawRequest, RawServer  # noqa: E402

KNOWN_NEWMAN = Path("/work/tools/node_modules/.bin/newman")
CACHE = Path(os.environ.get("XDG_CACHE_HOME", str(Path.home() / ".cache"))) / "postman-replay-newman"
IGNORED_HEADERS = {"user-agent", "postman-token", "host", "connection", "accept-encoding", "content-length"}
NEWMAN_DEFAULTS = {("accept", "*/*"), ("cache-control", "no-cache")}


# ---------------------------------------------------------------- the echo server


class EchoServer(RawServer):
    """RawServer that answers with a JSON description of the request (and a few fixed routes), with
    the standard reason phrase (Postman's `to.be.ok` reads it)."""

    reason = None

    def answer_for(self, request: RawRequest) -> RawAnswer:
        return answer_for(request)


def echo_document(request: RawRequest) -> dict:
    query = {k: (v[0] if len(v) == 1 else v) for k, v in parse_qs(urlsplit(request.target).query, keep_blank_values=True).items()}
    headers = {k.lower(): v for k, v in request.headers}
    text = request.body.decode("utf-8", "replace")
    try:
        parsed = json.loads(text) if text else None
    except ValueError:
        parsed = None
    return {"method": request.method, "path": request.path, "query": query, "headers": headers, "body": text,
            "json": parsed}


def answer_for(request: RawRequest) -> RawAnswer:
    json_type = ("Content-Type", "application/json")
    path = request.path
    if path == "/login":
        return RawAnswer(200, [json_type], json.dumps({"token": TOKEN}).encode())
    if path == "/redirect":
        return RawAnswer(302, [("Location", "/echo/redirected")], b"")
    extra: list[tuple[str, str]] = [("X-Echo", "yes")]
    status = 200
    if path == "/setcookie":
        extra.append(("Set-Cookie", "session=abc; Path=/"))
    match = re.fullmatch(r"/status/(\d{3})", path)
    if match:
        status = int(match.group(1))
    return RawAnswer(status, [json_type] + extra, json.dumps(echo_document(request)).encode())


def request_key(request: RawRequest, volatile: bool = False) -> tuple:
    """What the comparison looks at; `volatile` blurs digits and hex runs (dynamic variables)."""
    content_type = request.header("content-type") or ""
    boundary = re.search(r"boundary=([^;\s]+)", content_type)
    body = request.body
    if boundary:
        body = body.replace(boundary.group(1).strip('"').encode("latin-1"), b"BOUNDARY")
    headers = []
    for name, value in request.headers:
        key = name.lower()
        if key in IGNORED_HEADERS or (key, value) in NEWMAN_DEFAULTS:
            continue
        if key == "content-type":
            value = re.sub(r"boundary=[^;\s]+", "boundary=BOUNDARY", value)
        headers.append((key, value))
    target = request.target
    if volatile:
        target = re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>", target)
        target = re.sub(r"[0-9]+", "<n>", target)
    return request.method, target, tuple(sorted(headers)), body


# ---------------------------------------------------------------- the two runners


@dataclass
class Side:
    requests: list[tuple] = field(default_factory=list)
    tests: list[tuple] = field(default_factory=list)
    exit_code: int = 0
    output: str = ""
    problem: str = ""


def common_args(paths: dict[str, Path], case: Case, base_url: str) -> list[str]:
    argv = [str(paths["collection"])]
    if "environment" in paths:
        argv += ["-e", str(paths["environment"])]
    if "globals" in paths:
        argv += ["-g", str(paths["globals"])]
    if "data" in paths:
        argv += ["-d", str(paths["data"])]
    argv += ["--env-var", f"baseUrl={base_url}"]
    for key, value in case.env_vars.items():
        argv += ["--env-var", f"{key}={value}"]
    return argv


def run_newman(newman: list[str], paths: dict[str, Path], case: Case, base_url: str, work: Path) -> Side:
    report = work / "newman.json"
    report.unlink(missing_ok=True)
    argv = newman + ["run"] + common_args(paths, case, base_url) + [
        "-r", "cli,json", "--reporter-json-export", str(report), "--color", "off"]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=900)
    side = Side(exit_code=done.returncode, output=done.stdout + done.stderr)
    if not report.exists():
        side.problem = (done.stderr or done.stdout).strip()[-500:]
        return side
    document = json.loads(report.read_text(encoding="utf-8"))
    seen = set()
    for execution in document["run"]["executions"]:
        cursor = execution.get("cursor") or {}
        key = (cursor.get("ref"), cursor.get("httpRequestId"), cursor.get("iteration"))
        if cursor.get("ref") and key in seen:  # pm.sendRequest lists its item twice
            continue
        seen.add(key)
        name = execution["item"]["name"]
        for assertion in execution.get("assertions") or []:
            if assertion.get("skipped"):
                continue
            side.tests.append((name, assertion["assertion"], not assertion.get("error")))
    for failure in document["run"].get("failures") or []:
        error = failure.get("error") or {}
        if error.get("name") not in ("AssertionError",):
            side.problem += f"{(failure.get('source') or {}).get('name')}: {error.get('name')}: {error.get('message')}\n"
    return side


def run_replay(paths: dict[str, Path], case: Case, base_url: str, work: Path, root: Path = ROOT) -> Side:
    report = work / "replay.json"
    report.unlink(missing_ok=True)
    argv = [sys.executable, str(root / "run.py"), "run"] + common_args(paths, case, base_url) + list(case.ours) + [
        "-r", "cli,json", "--reporter-json-export", str(report), "--color", "off"]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=900, cwd=str(root))
    side = Side(exit_code=done.returncode, output=done.stdout + done.stderr)
    if not report.exists():
        side.problem = (done.stderr or done.stdout).strip()[-500:]
        return side
    for result in json.loads(report.read_text(encoding="utf-8"))["results"]:
        name = result["item"].split("/")[-1]
        for check in result["checks"]:
            if check["name"] != "test" or check.get("skipped"):
                continue
            test_name = check.get("test") or (check["message"].split(" — ")[0] if not check["passed"] else check["message"])
            side.tests.append((name, test_name, bool(check["passed"])))
        if result.get("error"):
            side.problem += f"{name}: {result['error']}\n"
    return side


def find_newman(given: str | None) -> list[str] | None:
    if given:
        return ["node", given] if given.endswith(".js") else [given]
    if KNOWN_NEWMAN.exists():
        return [str(KNOWN_NEWMAN)]
    cached = CACHE / "node_modules" / ".bin" / "newman"
    if cached.exists():
        return [str(cached)]
    if shutil.which("npm") is None or shutil.which("node") is None:
        return None
    CACHE.mkdir(parents=True, exist_ok=True)
    subprocess.run(["npm", "install", "--prefix", str(CACHE), "newman@6.2.2"], capture_output=True, timeout=600)
    return [str(cached)] if cached.exists() else None


# ---------------------------------------------------------------- comparison


def exit_agrees(ours: int, theirs: int) -> bool:
    return ours != 2 and (ours == 0) == (theirs == 0)


def short(value: Any, limit: int = 300) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"


def differences(ours: Side, theirs: Side) -> list[str]:
    lines = []
    for label, a_list, b_list in (("request", ours.requests, theirs.requests), ("test", ours.tests, theirs.tests)):
        shown = 0
        for index in range(max(len(a_list), len(b_list))):
            a = a_list[index] if index < len(a_list) else None
            b = b_list[index] if index < len(b_list) else None
            if a != b:
                shown += 1
                if shown > 6:
                    lines.append(f"  … more {label} differences")
                    break
                lines.append(f"  {label} #{index + 1}\n    postman-replay: {short(a)}\n    newman:         {short(b)}")
    for who, side in (("postman-replay", ours), ("newman", theirs)):
        if side.problem:
            lines.append(f"  {who} reported: {side.problem.strip()[:800]}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--newman", help="newman executable or newman.js")
    parser.add_argument("--only", help="comma-separated case names")
    parser.add_argument("--show", action="store_true", help="print every difference, documented ones too")
    parser.add_argument("--outputs", action="store_true", help="print both runners' terminal output per case")
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="run postman-replay from this checkout (another branch's worktree)")
    parser.add_argument("--keep", help="write the generated files here instead of a temporary folder")
    args = parser.parse_args(argv)

    newman = find_newman(args.newman)
    if newman is None:
        print("Newman is not available (need node and npm to install it); nothing compared.")
        return 0
    version = subprocess.run(newman + ["--version"], capture_output=True, text=True).stdout.strip()
    cases = [c for c in CASES if not args.only or c.name in args.only.split(",")]
    print(f"newman {version} vs postman-replay, {len(cases)} trial collections\n")

    rows, details = [], []
    totals = [0, 0, 0, 0]
    counts = {"agree": 0, "documented": 0, "DIFFER": 0}
    with EchoServer() as server, tempfile.TemporaryDirectory(prefix="fidelity-trial-") as tmp:
        work = Path(args.keep) if args.keep else Path(tmp)
        for case in cases:
            paths = write_case(case, work / case.name)
            server.clear()
            started = time.perf_counter()
            theirs = run_newman(newman, paths, case, server.url, work)
            newman_s = time.perf_counter() - started
            theirs.requests = [request_key(r, case.volatile) for r in server.requests]
            server.clear()
            started = time.perf_counter()
            ours = run_replay(paths, case, server.url, work, args.root)
            ours_s = time.perf_counter() - started
            ours.requests = [request_key(r, case.volatile) for r in server.requests]

            req = agreement(ours.requests, theirs.requests)
            tst = agreement(ours.tests, theirs.tests)
            same = req[0] == req[1] and tst[0] == tst[1] and exit_agrees(ours.exit_code, theirs.exit_code)
            verdict = "agree" if same else ("documented" if case.documented else "DIFFER")
            counts[verdict] += 1
            if verdict != "documented":
                totals = [totals[0] + req[0], totals[1] + req[1], totals[2] + tst[0], totals[3] + tst[1]]
            rows.append((case.name, f"{req[0]}/{req[1]}", f"{tst[0]}/{tst[1]}",
                         f"{ours.exit_code}/{theirs.exit_code}", f"{ours_s:.1f}/{newman_s:.1f}", verdict))
            if verdict == "DIFFER" or (args.show and verdict != "agree"):
                lines = differences(ours, theirs)
                if verdict == "documented":
                    lines.insert(0, f"  documented difference: {case.documented}")
                details.append(f"{case.name}:\n" + "\n".join(lines))
            if args.outputs:
                details.append(f"=== {case.name}: postman-replay output ===\n{ours.output}\n"
                               f"=== {case.name}: newman output ===\n{theirs.output}")

    print_table(("collection", "requests", "tests", "exit ours/newman", "seconds ours/newman", "verdict"), rows)
    print(f"\ncollections: {counts['agree']} agree, {counts['documented']} documented difference, "
          f"{counts['DIFFER']} disagree (of {len(rows)})")
    print(f"outside documented cases: requests agree {totals[0]}/{totals[1]}, assertions agree {totals[2]}/{totals[3]}")
    documented = [(c.name, c.documented) for c in cases if c.documented and any(r[0] == c.name and r[-1] == "documented" for r in rows)]
    if documented:
        print("\ndocumented differences (SPEC):")
        for name, why in documented:
            print(f"  {name}: {why}")
    if details:
        print("\nDifferences:\n" + "\n\n".join(details))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
