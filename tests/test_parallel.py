"""Deterministic parallel runs: `--setup` runs first, each folder starts from the same snapshot,
a folder's writes stay in it, exports merge in collection order, Ctrl-C keeps finished results,
and the pytest plugin runs setup items as session fixtures (`-n 4`, `-k Me`, `--lf`)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT
from factory import example, folder, make_collection, make_item

pytest_plugins = ["pytester"]
JSON = "application/json"
FOLDERS = ("Profile", "Orders", "Settings", "Teams")


def sets(*lines: str) -> list[dict]:
    return [{"listen": "test", "script": {"exec": list(lines)}}]


def login_collection(server) -> dict:
    """A Login folder whose test script stores the token; four folders that need it, each also
    passing a value of its own from its first item to its second."""
    server.route("/login", 200, '{"token": "t-42"}', {"Content-Type": JSON}, method="POST")
    server.route("/me/t-42", 200, '{"id": 1}', {"Content-Type": JSON})
    for name in FOLDERS:
        server.route(f"/echo/{name}", 200, '{"ok": true}', {"Content-Type": JSON})
    login = folder("Login", [make_item("Get token", "POST", "{{baseUrl}}/login",
                                       responses=[example(200, '{"token": "<string>"}', JSON)],
                                       event=sets("pm.environment.set('token', pm.response.json().token);"))])
    folders = [folder(name, [
        make_item("Get Me", "GET", "{{baseUrl}}/me/{{token}}", responses=[example(200, '{"id": 1}', JSON)],
                  event=sets(f"pm.environment.set('mine', '{name}');")),
        make_item("Me again", "GET", "{{baseUrl}}/echo/{{mine}}", responses=[example(200, '{"ok": true}', JSON)]),
    ]) for name in FOLDERS]
    return make_collection([login, *folders], name="Login first",
                           variable=[{"key": "baseUrl", "value": server.url}])


def outcomes(cli, path: Path, tmp_path: Path, *args: object) -> list[tuple[str, str]]:
    report = tmp_path / "r.json"
    code, out, err = cli("run", path, "-r", "json", "--reporter-json-export", report, *args)
    document = json.loads(report.read_text(encoding="utf-8"))
    return [(r["item"], r["outcome"]) for r in document["results"]] + [("exit", str(code))]


def test_workers_and_sequential_give_the_same_outcomes_20_runs_in_a_row(server, cli, write_collection, tmp_path):
    path = write_collection(login_collection(server))
    expected = [("Login/Get token", "passed")] + [(f"{name}/{item}", "passed") for name in FOLDERS
                                                 for item in ("Get Me", "Me again")] + [("exit", "0")]
    for _ in range(20):
        assert outcomes(cli, path, tmp_path, "--setup", "Login", "--workers", "8") == expected
        assert outcomes(cli, path, tmp_path, "--setup", "Login") == expected


def test_setup_from_the_contract_file(server, cli, write_collection, tmp_path):
    path = write_collection(login_collection(server))
    contract = tmp_path / "contract.yaml"
    contract.write_text("setup: [Login]\nitems: {}\n", encoding="utf-8")
    result = outcomes(cli, path, tmp_path, "--contract", contract, "--workers", "4", "--folder", "Teams")
    assert result == [("Login/Get token", "passed"), ("Teams/Get Me", "passed"), ("Teams/Me again", "passed"),
                      ("exit", "0")]


def test_an_unknown_setup_name_exits_2(server, cli, write_collection):
    code, _, err = cli("run", write_collection(login_collection(server)), "--setup", "Logn")
    assert code == 2 and "no folder or item matches 'Logn'" in err and "did you mean 'Login'" in err
    assert not server.requests


def test_without_setup_a_folder_never_sees_another_folders_token_and_is_told_who_sets_it(server, cli,
                                                                                         write_collection, tmp_path):
    path = write_collection(login_collection(server))
    report = tmp_path / "r.json"
    for _ in range(3):
        code, _, _ = cli("run", path, "--workers", "8", "-r", "json", "--reporter-json-export", report)
        results = {r["item"]: r for r in json.loads(report.read_text(encoding="utf-8"))["results"]}
        assert code == 1
        assert results["Login/Get token"]["outcome"] == "passed"
        me = results["Profile/Get Me"]
        assert me["outcome"] == "error" and "token" in me["error"]
        assert ("{{token}} is set by a script of item 'Login/Get token', which has not run before this item: "
                "--setup 'Login/Get token'") in me["hint"]


def test_a_folders_writes_stay_in_it_and_exports_merge_in_collection_order(server, cli, write_collection, tmp_path):
    server.route("/w", 200, "ok")
    items = [folder("First", [make_item("Write", "GET", f"{server.url}/w", event=sets(
                 "pm.environment.set('shared', 'first'); pm.environment.set('only_first', '1');"))]),
             folder("Second", [make_item("Write", "GET", f"{server.url}/w", event=sets(
                 "pm.environment.set('shared', 'second'); pm.environment.unset('gone');")),
                 make_item("Read", "GET", f"{server.url}/w", event=sets(
                     "pm.test('sees its own write only', () => { pm.expect(pm.environment.get('shared')).to.equal('second');"
                     " pm.expect(pm.environment.get('only_first')).to.equal(undefined); });"))])]
    env = tmp_path / "env.json"
    env.write_text(json.dumps({"name": "e", "values": [{"key": "gone", "value": "x", "enabled": True}]}))
    for workers in ("8", "1"):
        exported = tmp_path / f"out{workers}.json"
        code, out, err = cli("run", write_collection(items), "-e", env, "--workers", workers,
                             "--export-environment", exported)
        # with --workers the second folder cannot see the first one's write; run in sequence, as in
        # Newman, it can (and its test says so)
        assert code == (0 if workers == "8" else 1), out + err
        values = {v["key"]: v["value"] for v in json.loads(exported.read_text())["values"] if v["enabled"]}
        assert values == {"shared": "second", "only_first": "1"}


def test_ctrl_c_with_workers_keeps_every_finished_result(server, write_collection, tmp_path):
    server.route("/hang", behaviour="hang")
    server.route("/ok", 200, "ok")
    items = [folder("Slow", [make_item("Hangs", "GET", f"{server.url}/hang", responses=[example(200)])])]
    items += [folder(f"Fast {n}", [make_item(f"Ok {n}", "GET", f"{server.url}/ok", responses=[example(200)])])
              for n in range(4)]
    report = tmp_path / "r.json"
    process = subprocess.Popen([sys.executable, str(ROOT / "run.py"), "run", str(write_collection(items)),
                                "--workers", "5", "-r", "json", "--reporter-json-export", str(report)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        server.wait_for(lambda rs: sum(r.path == "/ok" for r in rs) == 4 and any(r.path == "/hang" for r in rs))
        time.sleep(0.5)  # the fast folders' results are in; the first folder still hangs
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130, err
    document = json.loads(report.read_text(encoding="utf-8"))
    assert document["interrupted"] is True
    assert [r["item"] for r in document["results"]] == [f"Fast {n}/Ok {n}" for n in range(4)]


def cookie_collection(server) -> dict:
    """Login sets `sid=base`; folder A sets `sid=A` at once; folder B's first answer is slow, so
    A's cookie would be in a shared jar by the time B sends its second request."""
    server.route("/login", 200, "{}", [("Content-Type", JSON), ("Set-Cookie", "sid=base; Path=/")])
    server.route("/a/set", 200, "{}", [("Content-Type", JSON), ("Set-Cookie", "sid=A; Path=/")])
    server.route("/b/slow", 200, "{}", {"Content-Type": JSON}, delay=0.5)
    for path in ("/a/echo", "/b/echo", "/after"):
        server.route(path, 200, "{}", {"Content-Type": JSON})
    doc = [example(200, "{}", JSON)]
    return make_collection([
        folder("Login", [make_item("Login", "POST", "{{baseUrl}}/login", responses=doc)]),
        folder("A", [make_item("Set", "GET", "{{baseUrl}}/a/set", responses=doc),
                     make_item("Echo", "GET", "{{baseUrl}}/a/echo", responses=doc)]),
        folder("B", [make_item("Slow", "GET", "{{baseUrl}}/b/slow", responses=doc),
                     make_item("Echo", "GET", "{{baseUrl}}/b/echo", responses=doc)]),
    ], name="Cookies", variable=[{"key": "baseUrl", "value": server.url}])


def test_with_workers_each_folder_keeps_its_own_cookies_and_they_merge_in_collection_order(
        server, cli, write_collection, tmp_path) -> None:
    path = write_collection(cookie_collection(server))
    code, out, err = cli("run", path, "--setup", "Login", "--workers", "2", "-n", "2", "--color", "off")
    assert code == 0, out + err
    cookies = {}
    for received in server.requests:
        cookies.setdefault(received.path, []).append(dict(received.headers).get("Cookie"))
    assert cookies["/a/echo"] == ["sid=A", "sid=A"]
    assert cookies["/b/echo"] == ["sid=base", "sid=base"]  # never A's, however fast A was
    assert cookies["/login"] == [None, "sid=A"]  # iteration 2 starts from the merged jar, then Login resets it


# ---------------------------------------------------------------- pytest


@pytest.fixture
def pytest_collection(pytester: pytest.Pytester, server) -> Path:
    path = pytester.path / "login.postman_collection.json"
    path.write_text(json.dumps(login_collection(server)), encoding="utf-8")
    return path


@pytest.mark.parametrize("extra", [("-n", "4", "--dist", "loadgroup"), ("-k", "Me"), ("-n", "4", "-k", "Me")],
                         ids=["n4", "k-Me", "n4-k-Me"])
def test_pytest_runs_setup_items_as_session_fixtures(pytester: pytest.Pytester, pytest_collection: Path, extra):
    result = pytester.runpytest_subprocess("--postman", pytest_collection.name, "--postman-setup", "Login",
                                           *extra, "-p", "no:hypothesispytest", "-p", "no:faker")
    expected = 8 if "Me" in extra else 9  # -k Me deselects Login: it still runs, as the session fixture
    result.assert_outcomes(passed=expected)


def test_pytest_last_failed_reruns_only_those_items_with_the_setup_first(pytester: pytest.Pytester,
                                                                          pytest_collection: Path, server) -> None:
    """`--lf` selects the four failed items; Login is not among them and still runs first, as the
    session fixture, so their `{{token}}` resolves."""
    flags = ("--postman", pytest_collection.name, "--postman-setup", "Login", "-p", "no:hypothesispytest",
             "-p", "no:faker")
    server.route("/me/t-42", 500, '{"error": "down"}', {"Content-Type": JSON})
    first = pytester.runpytest_subprocess(*flags)
    first.assert_outcomes(passed=5, failed=4)
    server.route("/me/t-42", 200, '{"id": 1}', {"Content-Type": JSON})
    again = pytester.runpytest_subprocess(*flags, "--lf", "-v")
    again.assert_outcomes(passed=4)
    again.stdout.fnmatch_lines(["*run-last-failure: rerun previous 4 failures*"])
    assert sum("Get Me PASSED" in line for line in again.outlines) == 4


def test_pytest_gives_each_folder_the_cookies_setup_left(pytester: pytest.Pytester, server) -> None:
    """In one process the folders run one after another: B must still not see A's cookie, or its
    outcome would depend on whether -n put A in the same process."""
    path = pytester.path / "cookies.postman_collection.json"
    path.write_text(json.dumps(cookie_collection(server)), encoding="utf-8")
    result = pytester.runpytest_subprocess("--postman", path.name, "--postman-setup", "Login",
                                           "-p", "no:hypothesispytest", "-p", "no:faker")
    result.assert_outcomes(passed=5)
    echoes = {r.path: r.header("Cookie") for r in server.requests if r.path.endswith("/echo")}
    assert echoes == {"/a/echo": "sid=A", "/b/echo": "sid=base"}


def test_a_folder_snapshot_keeps_every_setting_of_the_scopes() -> None:
    from dataclasses import fields

    from engine.variables import Scopes

    scopes = Scopes.build(cli={"a": "1"}, compat=True)
    scopes.secret_names.add("a")
    copy = scopes.snapshot()
    for spec in fields(Scopes):  # a field added to Scopes later must reach the copy too
        assert getattr(copy, spec.name) == getattr(scopes, spec.name), spec.name
    copy.layers["cli"]["a"] = "2"
    assert scopes.layers["cli"]["a"] == "1"


def test_pytest_names_a_misspelt_setup_once(pytester: pytest.Pytester, pytest_collection: Path) -> None:
    result = pytester.runpytest_subprocess("--postman", pytest_collection.name, "--postman-setup", "Logn",
                                           "-p", "no:hypothesispytest", "-p", "no:faker")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*no folder or item matches 'Logn'*", "*did you mean 'Login'*"])
