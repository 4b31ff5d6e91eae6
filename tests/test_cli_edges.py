"""Edges of the command line met with real files: encodings, YAML, report paths, pipes, delays."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT
from factory import example, make_item


def test_a_json_data_file_with_a_bom_is_read_as_json(server, cli, write_collection, tmp_path) -> None:
    server.route("/v", 200, "ok")
    path = write_collection([make_item("Get", "GET", "{{baseUrl}}/v?v={{v}}")],
                            variable=[{"key": "baseUrl", "value": server.url}])
    data = tmp_path / "bom.json"
    data.write_bytes(b'\xef\xbb\xbf[{"v": "a"}, {"v": "b"}]')
    code, _, err = cli("run", path, "-d", data)
    assert code == 0, err
    assert [r.target for r in server.requests] == ["/v?v=a", "/v?v=b"]


def test_yaml_values_keep_the_text_they_were_written_as(server, cli, write_collection, tmp_path) -> None:
    server.route("/y", 200, "ok")
    path = write_collection([make_item("Get", "GET", "{{baseUrl}}/y?zip={{zip}}&flag={{flag}}&ver={{ver}}&n={{n}}")],
                            variable=[{"key": "baseUrl", "value": server.url}])
    env = tmp_path / "env.yaml"
    env.write_text("zip: 01234\nflag: off\nver: 2.10\nn: 42\n", encoding="utf-8")
    code, _, err = cli("run", path, "-e", env)
    assert code == 0, err
    assert server.only().target == "/y?zip=01234&flag=off&ver=2.10&n=42"


def test_the_postman_api_environment_wrapper_loads(server, cli, write_collection, tmp_path) -> None:
    server.route("/w", 200, "ok")
    path = write_collection([make_item("Get", "GET", "{{baseUrl}}/w?v={{v}}")],
                            variable=[{"key": "baseUrl", "value": server.url}])
    env = tmp_path / "wrapped.json"
    env.write_text(json.dumps({"environment": {"name": "E", "values": [{"key": "v", "value": "w"}]}}), encoding="utf-8")
    code, _, err = cli("run", path, "-e", env)
    assert code == 0, err and server.only().target == "/w?v=w"


def test_report_paths_are_checked_before_anything_is_sent(server, cli, write_collection, tmp_path) -> None:
    path = write_collection([make_item("Get", "GET", f"{server.url}/x")])
    folder = tmp_path / "reports"
    folder.mkdir()
    code, _, err = cli("run", path, "--export-environment", folder)
    assert code == 2 and "is a folder" in err and "Traceback" not in err
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    code, _, err = cli("run", path, "--export-environment", blocker / "env.json")
    assert code == 2 and "cannot create or write" in err
    assert server.requests == []


def test_a_folder_as_report_path_gets_a_report_inside_as_in_newman(server, cli, write_collection, tmp_path) -> None:
    server.route("/x", 200, "ok")
    path = write_collection([make_item("Get", "GET", f"{server.url}/x", responses=[example(200)])])
    existing = tmp_path / "reports"
    existing.mkdir()
    code, _, err = cli("run", path, "-r", "json,junit", "--reporter-json-export", existing,
                       "--reporter-junit-export", f"{tmp_path / 'new'}/")
    assert code == 0, err
    (json_report,) = existing.glob("postman-replay-report-*.json")
    (junit_report,) = (tmp_path / "new").glob("postman-replay-report-*.xml")
    assert json.loads(json_report.read_text(encoding="utf-8"))["summary"]["passed"] == 1
    assert junit_report.read_text(encoding="utf-8").startswith("<?xml")
    assert f"report written to {json_report}" in err


def test_an_export_path_alone_turns_its_reporter_on(server, cli, write_collection, tmp_path) -> None:
    server.route("/x", 200, "ok")
    path = write_collection([make_item("Get", "GET", f"{server.url}/x", responses=[example(200)])])
    report = tmp_path / "out" / "r.xml"
    code, _, err = cli("run", path, "--reporter-junit-export", report)
    assert code == 0 and report.exists() and "report written to" in err


def test_iteration_count_must_be_at_least_one(cli, write_collection) -> None:
    code, _, err = cli("run", write_collection([make_item()]), "-n", "0")
    assert code == 2 and "expected a number ≥ 1" in err


def test_the_delay_applies_between_iterations_too(server, cli, write_collection) -> None:
    server.route("/d", 200, "ok")
    path = write_collection([make_item("Get", "GET", f"{server.url}/d")])
    code, _, _ = cli("run", path, "-n", "3", "--delay-request", "100")
    arrivals = [r.at for r in server.requests]
    assert code == 0 and len(arrivals) == 3
    assert all(later - earlier >= 0.095 for earlier, later in zip(arrivals, arrivals[1:]))


def test_a_closed_stdout_pipe_keeps_the_exit_code_and_the_file_reports(server, write_collection, tmp_path) -> None:
    server.route("/bad", 500, "no")
    server.route("/ok", 200, "x" * 2500)  # -v shows 2,000 characters of each body: > 64 KB in all, past any pipe buffer
    items = [make_item("Bad", "GET", f"{server.url}/bad", responses=[example(200)])]
    items += [make_item(f"Ok {n}", "GET", f"{server.url}/ok", responses=[example(200)]) for n in range(40)]
    path = write_collection(items)
    report = tmp_path / "r.json"
    shell = (f"set -o pipefail; {sys.executable} {ROOT / 'run.py'} run {path} -v -r cli,json "
             f"--reporter-json-export {report} | head -1")
    done = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    summary = json.loads(report.read_text(encoding="utf-8"))["summary"]
    assert summary == {"total": 41, "passed": 40, "failed": 1, "errors": 0, "skipped": 0, "unchecked": 0}
    assert not list(tmp_path.glob(".r.json.*.tmp"))


def test_mock_sends_nothing_anywhere_else(server, cli, write_collection) -> None:
    server.route("/status", 200, "real")
    direct = write_collection([make_item("Real", "GET", "{{url}}/status", responses=[example(200, "mocked")])],
                              variable=[{"key": "url", "value": server.url}])
    code, _, err = cli("run", direct, "--mock")
    assert code == 2 and "no selected item uses {{baseUrl}}" in err and "--mock-passthrough" in err
    assert server.requests == []
    code, _, err = cli("run", direct, "--mock", "--mock-passthrough")
    assert "warning" in err and len(server.requests) == 1
    via_base = write_collection([make_item("Mocked", "GET", "{{baseUrl}}/status", responses=[example(200, "m")])])
    code, _, err = cli("run", via_base, "--mock", "--env-var", f"baseUrl={server.url}")
    assert code == 2 and "baseUrl is set with --env-var" in err and len(server.requests) == 1
    code, _, err = cli("run", via_base, "--mock")
    assert code == 0 and "warning" not in err and len(server.requests) == 1


def test_mock_skips_items_aimed_elsewhere(server, cli, write_collection) -> None:
    server.route("/status", 200, "real")
    mixed = write_collection([
        make_item("Mocked", "GET", "{{baseUrl}}/status", responses=[example(200, "m")]),
        make_item("Production", "DELETE", f"{server.url}/status", responses=[example(200, "m")]),
    ])
    code, out, err = cli("run", mixed, "--mock")
    assert code == 0, out + err
    assert server.requests == []
    assert "--mock: not sent" in out and "--mock-passthrough sends it" in out


def test_export_environment_writes_disabled_entries_back(server, cli, write_collection, tmp_path) -> None:
    server.route("/e", 200, "ok")
    path = write_collection([make_item("Get", "GET", f"{server.url}/e")])
    env = tmp_path / "env.json"
    env.write_text(json.dumps({"name": "staging", "values": [
        {"key": "tok", "value": "abc123", "type": "secret", "enabled": True},
        {"key": "off", "value": "later", "enabled": False}]}), encoding="utf-8")
    code, _, err = cli("run", path, "-e", env, "--export-environment", env)
    assert code == 0, err
    values = {v["key"]: v for v in json.loads(env.read_text(encoding="utf-8"))["values"]}
    assert values["off"] == {"key": "off", "value": "later", "type": "default", "enabled": False}
    assert values["tok"]["type"] == "secret" and values["tok"]["enabled"] is True
