"""What people read: golden files of the reference item's cli output and JUnit file, and the terminal's
behaviour (progress line, ASCII fallback, console line breaks, items that never ran, -v, -q, colour).

Regenerate the golden files after an intended change with `UPDATE_GOLDEN=1 pytest tests/test_terminal.py`.
"""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import pytest

from conftest import CONFLUENCE
from engine.cli import main
from factory import example, make_item

GOLDEN = Path(__file__).resolve().parent / "golden"
SEED_PATH = "/wiki/rest/api/user/watch/content/12345"


def normalise(text: str, server_url: str) -> str:
    """Take out what changes between runs: the port, times, durations."""
    text = text.replace(server_url, "http://127.0.0.1:PORT")
    text = re.sub(r"response time min [^\n]*", "response time min N · avg N · p95 N · max N ms", text)
    text = re.sub(r"\d+ ms", "N ms", text)
    text = re.sub(r"duration [\d.]+ s", "duration N s", text)
    text = re.sub(r'(time|timestamp)="[^"]*"', r'\1="N"', text)
    text = re.sub(r"hostname=\"[^\"]*\"", 'hostname="H"', text)
    return text


def golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"{name} changed; UPDATE_GOLDEN=1 rewrites it"


def seed(server, tmp_path: Path, *extra: str, unchecked: bool = False) -> list[str]:
    collection = CONFLUENCE
    if unchecked:
        document = json.loads(CONFLUENCE.read_text(encoding="utf-8"))
        for item in document["item"]:
            item["response"] = []
        collection = tmp_path / "undocumented.postman_collection.json"
        collection.write_text(json.dumps(document), encoding="utf-8")
    return ["run", str(collection), "--env-var", "accountId=384093:abc", "--env-var",
            f"baseUrl={server.url}/wiki/rest", "--env-var", "accessToken=T", *extra]


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in args], out, err)
    return code, out.getvalue(), err.getvalue()


CASES = {
    "pass": (204, ("--env-var", "contentId=12345"), False),
    "fail": (500, ("--env-var", "contentId=12345"), False),
    "error": (204, (), False),
    "unchecked": (200, ("--env-var", "contentId=12345"), True),
}


@pytest.mark.parametrize("color", ["plain", "color"])
@pytest.mark.parametrize("case", list(CASES))
def test_golden_cli_output_of_the_reference_item(server, tmp_path: Path, monkeypatch, case: str, color: str) -> None:
    monkeypatch.chdir(tmp_path)
    status, extra, unchecked = CASES[case]
    server.route(SEED_PATH, status, "" if status == 204 else "oops", method="DELETE")
    code, out, err = run_cli(*seed(server, tmp_path, *extra, "--color", "on" if color == "color" else "off",
                                   unchecked=unchecked))
    assert code == {"pass": 0, "fail": 1, "error": 1, "unchecked": 0}[case], out + err
    golden(f"cli-{case}-{color}.txt", normalise(out, server.url))


def test_golden_junit_of_the_reference_item(server, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    server.route(SEED_PATH, 500, "oops", method="DELETE")
    report = tmp_path / "junit.xml"
    run_cli(*seed(server, tmp_path, "--env-var", "contentId=12345", "-r", "junit", "--reporter-junit-export",
                  str(report)))
    golden("junit-fail.xml", normalise(report.read_text(encoding="utf-8"), server.url))


# ---------------------------------------------------------------- terminal behaviour


class Terminal(io.StringIO):
    """A stream that says it is a terminal, with the encoding given."""

    def __init__(self, encoding: str = "utf-8") -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding

    def isatty(self) -> bool:
        return True


def test_progress_line_on_a_terminal_for_long_runs(server, write_collection, monkeypatch) -> None:
    monkeypatch.setattr("engine.reporters.cli.PROGRESS_AFTER_S", 0.0)
    monkeypatch.delenv("TERM", raising=False)
    server.route("/p", 200, "ok")
    path = write_collection([make_item(f"I{n}", "GET", f"{server.url}/p", responses=[example(200, "ok")])
                             for n in range(3)])
    out, err = Terminal(), io.StringIO()
    assert main(["run", str(path)], out, err) == 0
    text = out.getvalue()
    assert "\r\033[K1/3 · 1 passed · 0 failed" in text and "3/3 · 3 passed" in text
    # cleared before the summary: the last progress line is erased
    summary_at = text.index("total")
    assert text.rindex("\r\033[K", 0, summary_at) > text.rindex("3/3", 0, summary_at)


def test_no_progress_line_when_not_a_terminal_or_dumb(server, write_collection, monkeypatch) -> None:
    monkeypatch.setattr("engine.reporters.cli.PROGRESS_AFTER_S", 0.0)
    server.route("/p", 200, "ok")
    path = write_collection([make_item("I", "GET", f"{server.url}/p", responses=[example(200, "ok")])])
    out = io.StringIO()
    main(["run", str(path)], out, io.StringIO())
    assert "\r" not in out.getvalue()
    monkeypatch.setenv("TERM", "dumb")
    out = Terminal()
    main(["run", str(path)], out, io.StringIO())
    assert "\r" not in out.getvalue() and "\033[" not in out.getvalue()


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_ascii_fallback_for_the_marks(server, write_collection, encoding: str) -> None:
    server.route("/a", 200, "ok")
    path = write_collection([make_item("A", "GET", f"{server.url}/a", responses=[example(200, "ok")])])
    out = io.StringIO()
    stream = io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors="strict")
    main(["run", str(path), "--color", "off"], stream, io.StringIO())
    stream.flush()
    text = stream.buffer.getvalue().decode(encoding)  # type: ignore[attr-defined]
    assert "+ A" in text and "\\u2713" not in text and "✓" not in text
    assert out.getvalue() == ""


def test_color_follows_force_color_no_color_and_term(server, write_collection, monkeypatch) -> None:
    server.route("/a", 200, "ok")
    path = write_collection([make_item("A", "GET", f"{server.url}/a", responses=[example(200, "ok")])])

    def output() -> str:
        out = io.StringIO()
        main(["run", str(path)], out, io.StringIO())
        return out.getvalue()

    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\033[32m" in output()
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\033[" not in output()
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.delenv("FORCE_COLOR")
    assert "\033[" not in output()  # not a terminal


def test_console_log_keeps_its_line_breaks(server, write_collection, cli) -> None:
    server.route("/c", 200, "ok")
    script = "console.log(JSON.stringify({a: 1, b: [2]}, null, 2))"
    path = write_collection([make_item("C", "GET", f"{server.url}/c", responses=[example(200, "ok")],
                                       event=[{"listen": "test", "script": {"exec": [script]}}])])
    _, out, _ = cli("run", path)
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("  console:"))
    assert lines[start].endswith("{")
    assert lines[start + 1] == '             "a": 1,' or lines[start + 1].strip() == '"a": 1,'
    assert "⏎" not in out


def test_verbose_shows_response_headers_and_pretty_json(server, write_collection, cli) -> None:
    server.route("/v", 200, json.dumps({"user": {"id": 7}}), {"Content-Type": "application/json", "X-Trace": "t1"})
    path = write_collection([make_item("V", "GET", f"{server.url}/v", responses=[example(200, '{"user": {}}')])])
    _, out, _ = cli("run", path, "-v")
    assert "X-Trace: t1" in out
    assert '      "id": 7' in out


def test_quiet_prints_only_failures_and_the_summary(server, write_collection, cli) -> None:
    server.route("/ok", 200, "ok")
    server.route("/bad", 500, "no")
    path = write_collection([make_item("Good", "GET", f"{server.url}/ok", responses=[example(200, "ok")]),
                             make_item("Bad", "GET", f"{server.url}/bad", responses=[example(200, "ok")])])
    code, out, _ = cli("run", path, "-q")
    assert code == 1 and "✗ Bad" in out and "Good" not in out and "total" in out


def test_summary_names_items_that_never_ran(server, write_collection, cli) -> None:
    server.route("/bad", 500, "no")
    path = write_collection([make_item(f"I{n}", "GET", f"{server.url}/bad", responses=[example(200, "ok")])
                             for n in range(3)])
    _, out, _ = cli("run", path, "--bail")
    assert "2 item runs never ran: the run stopped (--bail)" in out
    assert "  - I1" in out and "  - I2" in out
    assert re.search(r"response time min \d+ · avg \d+ · p95 \d+ · max \d+ ms", out)


def test_json_report_lists_what_never_ran(server, write_collection, cli, tmp_path: Path) -> None:
    server.route("/bad", 500, "no")
    path = write_collection([make_item(f"I{n}", "GET", f"{server.url}/bad", responses=[example(200, "ok")])
                             for n in range(3)])
    report = tmp_path / "r.json"
    cli("run", path, "--bail", "-r", "json", "--reporter-json-export", report)
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["not_run"] == {"reason": "--bail", "items": [{"item": "I1", "iteration": 0},
                                                             {"item": "I2", "iteration": 0}]}
    assert data["summary"]["total"] == 1


def test_failures_list_keeps_failed_checks_of_an_item_that_also_errored(server, write_collection, cli) -> None:
    script = "pm.test('pre check', function () { pm.expect(1).to.equal(2); }); null.foo;"
    path = write_collection([make_item("Both", "GET", f"{server.url}/never", responses=[example(200, "ok")],
                                       event=[{"listen": "prerequest", "script": {"exec": [script]}}])])
    code, out, _ = cli("run", path)
    failures = out[out.index("Failures:"):]
    assert code == 1 and "pre check" in failures and "TypeError" in failures
    assert server.requests == []
