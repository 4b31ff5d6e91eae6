"""The pytest plugin, loaded through its `pytest11` entry point in a pytest subprocess.

The collections are replayed against the engine's mock server (`--postman-mock`) or against the
recording server of this test session on 127.0.0.1.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from conftest import CONFLUENCE
from factory import example, folder, make_collection, make_item
from servers import RecordingServer

pytest_plugins = ["pytester"]

MOCK_ENV = CONFLUENCE.parent / "mock.postman_environment.json"
SEED_PATH = "/api/user/watch/content/12345"
UNRELATED_PLUGINS = ("-p", "no:hypothesispytest", "-p", "no:faker")  # seconds of start-up each, unused here


def replay(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    """`pytest ARGS` in a subprocess, so the plugin loads through its `pytest11` entry point."""
    return pytester.runpytest_subprocess(*args, *UNRELATED_PLUGINS)


@pytest.fixture
def seed(pytester: pytest.Pytester) -> Path:
    """Copies of the reference collection and the mock environment in the pytester directory."""
    shutil.copy(MOCK_ENV, pytester.path / "env.json")
    return Path(shutil.copy(CONFLUENCE, pytester.path / CONFLUENCE.name))


@pytest.fixture
def two_folders(pytester: pytest.Pytester, server: RecordingServer) -> Path:
    """Folders A (one item fails) and B, plus an item at the top; all sent to the recording server."""
    items = [
        folder("A", [make_item("first", url="{{baseUrl}}/a1", responses=[example(200)]),
                     make_item("second", url="{{baseUrl}}/a2", responses=[example(200)])]),
        folder("B", [make_item("first", url="{{baseUrl}}/b1", responses=[example(200)]),
                     make_item("second", method="POST", url="{{baseUrl}}/b2", responses=[example(201)])]),
        make_item("top", url="{{baseUrl}}/top", responses=[example(200)]),
    ]
    server.route("/a2", 500, "boom")
    server.route("/b2", 201)
    path = pytester.path / "shop.postman_collection.json"
    path.write_text(json.dumps(make_collection(items, variable=[{"key": "baseUrl", "value": server.url}])))
    return path


def test_the_reference_item_passes_against_the_mock(pytester: pytest.Pytester, seed: Path) -> None:
    result = replay(pytester, "--postman", seed.name, "--postman-env", "env.json", "--postman-mock", "-v")

    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*confluence-cloud.postman_collection.json::Remove content watcher PASSED*"])


def test_an_undocumented_status_fails_with_the_request_and_the_reason(
    pytester: pytest.Pytester, seed: Path, server: RecordingServer
) -> None:
    server.route(SEED_PATH, 500, '{"message": "database on fire"}', {"Content-Type": "application/json"})

    result = replay(
        pytester, "--postman", seed.name, "--postman-env", "env.json", "--postman-env-var", f"baseUrl={server.url}",
        "--junitxml", "report.xml",
    )

    result.assert_outcomes(failed=1)
    output = result.stdout.str()
    assert "undocumented status 500 Internal Server Error — documented: 204, 403, 404" in output
    assert re.search(rf"DELETE {re.escape(server.url)}{SEED_PATH}\?accountId=\S+", output)
    assert "Authorization: Bearer ****" in output and "mock-access-token" not in output
    assert "database on fire" in output
    assert "Traceback" not in output and "runner.py" not in output

    from junitparser import Failure, JUnitXml

    (case,) = [case for suite in JUnitXml.fromfile(str(pytester.path / "report.xml")) for case in suite]
    assert case.name == "Remove content watcher"
    assert any(isinstance(r, Failure) and "undocumented status 500" in (r.text or "") for r in case.result)


def test_an_item_that_cannot_be_sent_is_an_error_with_its_fix(pytester: pytest.Pytester, seed: Path) -> None:
    result = replay(pytester, "--postman", seed.name, "--postman-mock")  # no accessToken, no contentId

    result.assert_outcomes(errors=1)
    output = result.stdout.str()
    assert "nothing was sent" in output and "fix: " in output
    assert "Traceback" not in output


def test_xdist_loadgroup_gives_the_same_results_and_keeps_folders_together(
    pytester: pytest.Pytester, two_folders: Path, server: RecordingServer
) -> None:
    serial = replay(pytester, "--postman", two_folders.name)
    before = len(server.requests)
    parallel = replay(pytester, "--postman", two_folders.name, "-n", "2", "--dist", "loadgroup", "-v")

    serial.assert_outcomes(passed=4, failed=1)
    parallel.assert_outcomes(passed=4, failed=1)
    workers: dict[str, set[str]] = {}
    for match in re.finditer(r"\[(gw\d)\] .*? (?:PASSED|FAILED) \S+::(A|B)/\w+@", parallel.stdout.str()):
        workers.setdefault(match.group(2), set()).add(match.group(1))
    assert sorted(workers) == ["A", "B"] and all(len(w) == 1 for w in workers.values()), parallel.stdout.str()
    sent = [r.path for r in server.requests[before:]]
    assert sent.index("/a1") < sent.index("/a2") and sent.index("/b1") < sent.index("/b2")  # folder order kept


def test_ini_options_run_the_collections_with_plain_pytest(pytester: pytest.Pytester, two_folders: Path) -> None:
    (pytester.path / "contracts").mkdir()
    two_folders.rename(pytester.path / "contracts" / two_folders.name)
    pytester.makeini(
        """
        [pytest]
        postman_collections = contracts/*.postman_collection.json
        postman_environment = env.json
        """
    )
    (pytester.path / "env.json").write_text('{"values": [{"key": "unused", "value": "1"}]}')
    pytester.makepyfile(test_plain="def test_plain():\n    assert sum([1, 1]) == 2\n")

    result = replay(pytester, "-v")

    result.assert_outcomes(passed=5, failed=1)  # the collection's 5 items join the ordinary tests
    result.stdout.fnmatch_lines(["*contracts/shop.postman_collection.json::A/first PASSED*"])


def test_k_selects_one_item(pytester: pytest.Pytester, two_folders: Path) -> None:
    result = replay(pytester, "--postman", two_folders.name, "-k", "B and second", "-v")

    result.assert_outcomes(passed=1, deselected=4)
    result.stdout.fnmatch_lines(["*shop.postman_collection.json::B/second PASSED*"])


def test_items_carry_the_postman_marker(pytester: pytest.Pytester, two_folders: Path) -> None:
    pytester.makepyfile(test_plain="def test_plain():\n    assert sum([1, 1]) == 2\n")

    result = replay(pytester, "--postman", two_folders.name, "test_plain.py", "-m", "not postman")

    result.assert_outcomes(passed=1, deselected=5)


def test_iterations_are_separate_tests(pytester: pytest.Pytester, seed: Path) -> None:
    result = replay(
        pytester, "--postman", seed.name, "--postman-env", "env.json", "--postman-mock",
        "--postman-iteration-count", "2", "-v",
    )

    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["*::Remove content watcher[[]iteration 2[]] PASSED*"])


def test_the_contract_file_applies(pytester: pytest.Pytester, two_folders: Path) -> None:
    contract = pytester.path / "contract.yaml"
    contract.write_text('items:\n  "A/second": {known_failures: [status]}\n  "B/*": {skip: "not deployed yet"}\n'
                        '  "C/typo": {max_time_ms: 5}\n')

    result = replay(pytester, "--postman", two_folders.name, "--postman-contract", contract.name, "-rs")

    result.assert_outcomes(passed=3, skipped=2, warnings=1)
    assert "not deployed yet" in result.stdout.str()
    assert "contract rule 'C/typo' matches no item" in result.stdout.str()


def test_a_malformed_contract_is_a_usage_error_with_its_location(pytester: pytest.Pytester, seed: Path) -> None:
    (pytester.path / "contract.yaml").write_text('items:\n  "X": {max_time_ms: fast}\n')

    result = replay(pytester, "--postman", seed.name, "--postman-contract", "contract.yaml")

    assert result.ret == pytest.ExitCode.USAGE_ERROR
    error = result.stderr.str()
    assert "contract.yaml#/items/X/max_time_ms" in error and "hint:" in error
    assert "Traceback" not in error


def test_loading_the_plugin_does_not_import_requests(pytester: pytest.Pytester) -> None:
    code = "import sys, engine.pytest_plugin; sys.exit('requests' in sys.modules)"

    assert pytester.run(sys.executable, "-c", code).ret == 0


def test_an_invalid_collection_is_a_located_collection_error(pytester: pytest.Pytester) -> None:
    document = {"info": {"name": "x"}, "item": [{"name": "a", "request": 5}]}
    (pytester.path / "bad.postman_collection.json").write_text(json.dumps(document))

    result = replay(pytester, "--postman", "bad.postman_collection.json")

    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(["*bad.postman_collection.json#/item/0/request*", "*hint: *"])
    assert "Traceback" not in result.stdout.str()


def test_run_options_reach_the_runner(pytester: pytest.Pytester, server: RecordingServer) -> None:
    server.route("/plain", 200, "ok")
    path = pytester.path / "plain.postman_collection.json"
    path.write_text(json.dumps(make_collection([make_item("undocumented", url=f"{server.url}/plain")])))
    replay(pytester, "--postman", path.name).assert_outcomes(skipped=1)
    strict = replay(pytester, "--postman", path.name, "--postman-strict", "--postman-max-response-time", "60000")
    strict.assert_outcomes(failed=1)
    assert "documents no responses (--strict)" in strict.stdout.str()
    missing = replay(pytester, "--postman", path.name, "--postman-ca-cert", "nope.pem")
    assert missing.ret == 4 and "nope.pem" in missing.stderr.str() and "file not found" in missing.stderr.str()


def test_set_next_request_is_reported_as_ignored(pytester: pytest.Pytester, server: RecordingServer) -> None:
    server.route("/a", 200, "ok")
    first = make_item("A", url=f"{server.url}/a", responses=[example(200)])
    first["event"] = [{"listen": "test", "script": {"exec": ["postman.setNextRequest('C');"]}}]
    path = pytester.path / "jump.postman_collection.json"
    path.write_text(json.dumps(make_collection([first])))
    result = replay(pytester, "--postman", path.name)
    result.assert_outcomes(passed=1, warnings=1)
    assert "setNextRequest('C') is ignored" in result.stdout.str()
