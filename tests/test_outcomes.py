"""Unchecked is its own outcome, and every report renders outcomes and marks the same way.

An item that documents no responses and has no other check is neither passed nor failed: it
ends `unchecked` in the terminal, JSON, JUnit and pytest; a 5xx answer to it fails; `--strict`
fails it. Known failures carry the same mark everywhere.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from junitparser import Failure, JUnitXml, Skipped

from factory import example, make_collection, make_item
from engine.model import CHECK_MARKS, CheckResult, ItemResult, outcome_of

pytest_plugins = ["pytester"]


def undocumented(write_collection, server, code: int = 200) -> Path:
    server.route("/plain", code, "whatever")
    return write_collection([make_item("Plain", "GET", f"{server.url}/plain")], name="Undocumented")


def reports(tmp_path: Path) -> list[object]:
    return ["-r", "cli,json,junit,html", "--reporter-json-export", tmp_path / "r.json",
            "--reporter-junit-export", tmp_path / "r.xml", "--reporter-html-export", tmp_path / "r.html"]


# ---------------------------------------------------------------- the result types


def test_outcome_of_checks() -> None:
    unchecked = CheckResult("status", True, "200 OK — unchecked", unchecked=True)
    assert outcome_of([unchecked]) == "unchecked"
    assert outcome_of([unchecked, CheckResult("response-time", True, "1 ms")]) == "passed"
    assert outcome_of([unchecked, CheckResult("test", False, "boom")]) == "failed"
    known = CheckResult("schema", False, "known failure: x", known_failure=True)
    assert outcome_of([CheckResult("status", True, "ok"), known]) == "passed"
    assert not known.counts_as_failure and known.mark == CHECK_MARKS["known-failure"] == "~"
    assert outcome_of([CheckResult("schema", False, "skipped", skipped=True)]) == "unchecked"


def test_item_reason_names_why() -> None:
    status = CheckResult("status", True, "200 OK — unchecked: the item documents no responses", unchecked=True)
    result = ItemResult("A/b", 0, "unchecked", checks=(status,))
    assert result.reason == status.message and not result.counts_as_failure and result.mark == "?"
    failed = ItemResult("A/b", 0, "failed", checks=(status, CheckResult("test", False, "t — boom")))
    assert failed.reason == "test: t — boom" and failed.counts_as_failure


# ---------------------------------------------------------------- the command line


def test_an_undocumented_200_is_unchecked_in_every_report_and_exits_0(server, cli, write_collection, tmp_path) -> None:
    code, out, _ = cli("run", undocumented(write_collection, server), *reports(tmp_path))
    assert code == 0
    assert "? Plain" in out and "? status" in out and "unchecked: the item documents no responses" in out
    header, items = [line for line in out.splitlines() if "unchecked" in line and "total" in line or
                     line.startswith("items")][:2]
    assert header.split()[-1] == "unchecked" and items.split()[-1] == "1" and items.split()[2] == "0"  # passed 0
    document = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert document["results"][0]["outcome"] == "unchecked"
    assert "documents no responses" in document["results"][0]["reason"]
    assert document["results"][0]["checks"][0]["state"] == "unchecked"
    assert document["summary"] == {"total": 1, "passed": 0, "failed": 0, "errors": 0, "skipped": 0, "unchecked": 1}
    suite = next(iter(JUnitXml.fromfile(str(tmp_path / "r.xml"))))
    case = next(iter(suite))
    (skipped,) = case.result
    assert isinstance(skipped, Skipped) and "documents no responses" in skipped.message
    assert suite.skipped == 1 and suite.failures == 0
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert re.search(r'class="card unchecked" data-outcome="unchecked"><b>1</b>unchecked', page)
    assert '"outcome":"unchecked"' in page and '"state":"unchecked","mark":"?"' in page


def test_a_server_error_on_an_undocumented_item_fails(server, cli, write_collection, tmp_path) -> None:
    code, out, _ = cli("run", undocumented(write_collection, server, 500), *reports(tmp_path))
    assert code == 1
    assert "✗ Plain" in out and "a server error (the item documents no responses)" in out
    document = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert document["results"][0]["outcome"] == "failed" and document["summary"]["failed"] == 1
    case = next(iter(next(iter(JUnitXml.fromfile(str(tmp_path / "r.xml"))))))
    assert isinstance(case.result[0], Failure)


def test_strict_fails_every_unchecked_item(server, cli, write_collection, tmp_path) -> None:
    code, out, _ = cli("run", undocumented(write_collection, server), "--strict", *reports(tmp_path))
    assert code == 1 and "(--strict)" in out
    document = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert document["results"][0]["outcome"] == "failed"


def test_an_item_with_other_checks_is_not_unchecked(server, cli, write_collection, tmp_path) -> None:
    server.route("/plain", 200, "x")
    item = make_item("Tested", "GET", f"{server.url}/plain",
                     event=[{"listen": "test", "script": {"exec": ["pm.test('ok', () => {});"]}}])
    code, out, _ = cli("run", write_collection([item]), *reports(tmp_path))
    assert code == 0 and "✓ Tested" in out
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["results"][0]["outcome"] == "passed"


def test_known_failures_have_one_mark_in_every_report(server, cli, write_collection, tmp_path) -> None:
    server.route("/k", 200, '{"id": "x"}', {"Content-Type": "application/json"})
    item = make_item("Known", "GET", f"{server.url}/k",
                     responses=[example(200, '{"id": 1}', "application/json")])
    contract = tmp_path / "contract.yaml"
    contract.write_text('items:\n  "Known": {known_failures: [schema]}\n', encoding="utf-8")
    code, out, _ = cli("run", write_collection([item]), "--contract", contract, *reports(tmp_path))
    assert code == 0
    assert "  ~ schema" in out
    case = next(iter(next(iter(JUnitXml.fromfile(str(tmp_path / "r.xml"))))))
    assert "~ schema: known failure:" in case.system_out and "✗ schema" not in case.system_out


# ---------------------------------------------------------------- pytest


def test_pytest_skips_an_unchecked_item_with_the_reason(pytester: pytest.Pytester, server) -> None:
    server.route("/plain", 200, "ok")
    server.route("/boom", 503, "down")
    items = [make_item("Plain", url=f"{server.url}/plain"), make_item("Boom", url=f"{server.url}/boom")]
    path = pytester.path / "u.postman_collection.json"
    path.write_text(json.dumps(make_collection(items)))
    result = pytester.runpytest_subprocess("--postman", path.name, "-rs", "-p", "no:hypothesispytest", "-p", "no:faker")
    result.assert_outcomes(skipped=1, failed=1)
    result.stdout.fnmatch_lines(["*unchecked: 200 OK — unchecked: the item documents no responses*"])
