"""Ctrl-C: a real `postman-replay run` process, interrupted while its second item hangs on the server.

SPEC: the run stops within seconds with exit 130, the report files asked for are written with the
results so far and are valid JSON / JUnit XML, and no Python traceback reaches the user.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from junitparser import JUnitXml

from conftest import ROOT
from factory import example, folder, make_item

STOP_WITHIN_SECONDS = 5.0


def hanging_collection(write_collection, server, *, folders: bool) -> Path:
    server.route("/first", 200, '{"id": 1}', {"Content-Type": "application/json"})
    server.route("/hang", behaviour="hang")
    server.route("/third", 200, "third")
    first = make_item("First", "GET", "{{baseUrl}}/first", responses=[example(200, '{"id": 0}', "application/json")])
    hang = make_item("Hangs", "GET", "{{baseUrl}}/hang", responses=[example(200)])
    third = make_item("Third", "GET", "{{baseUrl}}/third", responses=[example(200)])
    items = [folder("Only", [first, hang, third])] if folders else [first, hang, third]
    return write_collection(items, name="Interrupted", variable=[{"key": "baseUrl", "value": server.url}])


def start(path: Path, tmp_path: Path, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, str(ROOT / "run.py"), "run", str(path), "-r", "cli,json,junit",
               "--reporter-json-export", str(tmp_path / "out" / "report.json"),
               "--reporter-junit-export", str(tmp_path / "out" / "report.xml"), *extra]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def interrupt_when_hanging(process: subprocess.Popen, server) -> tuple[int, str, str, float]:
    """Wait (bounded) until the server holds the hanging request, then SIGINT; (code, out, err, seconds)."""
    try:
        received = server.wait_for(lambda rs: any(r.path == "/hang" for r in rs), timeout=30.0)
        assert any(r.path == "/hang" for r in received), f"the run never reached the hanging item: {received}"
        assert process.poll() is None, "the run ended before it could be interrupted"
        sent = time.monotonic()
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=STOP_WITHIN_SECONDS + 10)
        return process.returncode, out, err, time.monotonic() - sent
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


@pytest.mark.parametrize("workers", [None, "2"], ids=["sequential", "workers"])
def test_ctrl_c_exits_130_and_writes_valid_reports(server, write_collection, tmp_path, workers) -> None:
    path = hanging_collection(write_collection, server, folders=workers is not None)
    process = start(path, tmp_path, *(["--workers", workers] if workers else []))
    code, out, err, took = interrupt_when_hanging(process, server)

    assert code == 130, (out, err)
    assert took < STOP_WITHIN_SECONDS, f"took {took:.1f} s to stop"
    assert "Traceback" not in err and "Traceback" not in out, err
    assert "interrupted" in (out + err).lower()
    assert [r.path for r in server.requests] == ["/first", "/hang"]  # nothing after the interrupt

    document = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert document["interrupted"] is True
    items = [r["item"] for r in document["results"]]
    first_name = "Only/First" if workers else "First"
    assert items[0] == first_name
    assert document["results"][0]["outcome"] == "passed"
    assert document["results"][0]["response"]["code"] == 200
    assert document["summary"]["passed"] >= 1

    suites = JUnitXml.fromfile(str(tmp_path / "out" / "report.xml"))
    cases = [case for suite in suites for case in suite]
    assert cases, "the JUnit report has no test case"
    assert first_name in cases[0].name
    assert cases[0].is_passed
    # no half-written temporaries are left beside the reports
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["report.json", "report.xml"]


def test_ctrl_c_with_export_environment_still_writes_it(server, write_collection, tmp_path) -> None:
    path = hanging_collection(write_collection, server, folders=False)
    target = tmp_path / "out" / "env.json"
    process = start(path, tmp_path, "--env-var", "marker=kept", "--export-environment", str(target))
    code, out, err, took = interrupt_when_hanging(process, server)
    assert code == 130, (out, err)
    assert "Traceback" not in err
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert {"key": "marker", "value": "kept"}.items() <= next(v for v in exported["values"] if v["key"] == "marker").items()
