"""Scripts end to end: the command line, in-process, against a real loopback server.

Every test runs `postman-replay run` through `engine.cli.main` against `CorpusServer`
(tests/script_corpus/make_corpus.py), a stdlib HTTP/1.1 server on 127.0.0.1 that records every
request it receives, and then looks at what the server saw, the exit code, the terminal output,
the `-r json` report and the exported variable files.
"""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any, Iterator

import pytest

from script_corpus.make_corpus import (
    DATA_VALUES,
    LOOP_LIMIT,
    TOKEN,
    CorpusServer,
    collection,
    data_csv,
    data_driven,
    data_json,
    folder,
    item,
    json_schema,
    login_token,
    next_request_loop,
)



# ---------------------------------------------------------------- fixtures and helpers


@pytest.fixture(scope="module")
def _corpus_server() -> Iterator[CorpusServer]:
    with CorpusServer() as server:
        yield server


@pytest.fixture
def app(_corpus_server: CorpusServer) -> Iterator[CorpusServer]:
    """The recording corpus server, with no requests recorded and the standard routes."""
    _corpus_server.reset()
    yield _corpus_server
    _corpus_server.reset()


class Run:
    """One `postman-replay run`: exit code, terminal output, and the JSON report when asked for."""

    def __init__(self, code: int, out: str, err: str, report_path: Path) -> None:
        self.code, self.out, self.err = code, out, err
        self.report_path = report_path

    @property
    def report_text(self) -> str:
        return self.report_path.read_text(encoding="utf-8")

    @property
    def report(self) -> dict:
        return json.loads(self.report_text)

    @property
    def results(self) -> list[dict]:
        return self.report["results"]

    def result(self, name: str) -> dict:
        found = [r for r in self.results if r["item"].split("/")[-1] == name]
        assert len(found) == 1, [r["item"] for r in self.results]
        return found[0]

    def outcomes(self) -> list[tuple[str, str]]:
        return [(r["item"], r["outcome"]) for r in self.results]


@pytest.fixture
def replay(tmp_path: Path, app: CorpusServer, monkeypatch: pytest.MonkeyPatch):
    """replay(document, *args): write the collection, run it with baseUrl on the server, JSON report on."""
    monkeypatch.chdir(tmp_path)
    counter = iter(range(1000))

    def run(document: dict, *args: object, reporters: str = "cli,json") -> Run:
        from engine.cli import main

        number = next(counter)
        path = tmp_path / f"c{number}.postman_collection.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        report = tmp_path / f"report{number}.json"
        argv = ["run", str(path), "--env-var", f"baseUrl={app.url}", "-r", reporters,
                "--reporter-json-export", str(report), "--color", "off", *map(str, args)]
        out, err = io.StringIO(), io.StringIO()
        code = main(argv, stdout=out, stderr=err)
        return Run(int(code), out.getvalue(), err.getvalue(), report)

    return run


def one(name: str, url: str = "{{baseUrl}}/echo", **kw: Any) -> dict:
    return collection("scripts e2e", [item(name, kw.pop("method", "GET"), url, **kw)])


# ---------------------------------------------------------------- login → token


def _login_with_console() -> dict:
    document = login_token()
    login = document["item"][0]
    login["event"][0]["script"]["exec"].append('console.log("token is " + token);')
    return document


def test_login_token_flows_to_bearer_auth_and_header(replay, app: CorpusServer, tmp_path: Path) -> None:
    exported = tmp_path / "env.json"
    run = replay(_login_with_console(), "--export-environment", exported, "-v")
    assert run.code == 0, run.out + run.err
    assert [(r.method, r.path) for r in app.requests] == [("POST", "/login"), ("GET", "/me"), ("GET", "/orders")]
    login, me, orders = app.requests
    assert json.loads(login.body) == {"username": "ada", "password": "correct-horse"}
    assert me.header("Authorization") == f"Bearer {TOKEN}"
    assert me.header("X-Session") == TOKEN
    assert orders.header("Authorization") == f"Bearer {TOKEN}"
    assert run.outcomes() == [("Login", "passed"), ("Me", "passed"), ("Orders", "passed")]
    assert [c["name"] for c in run.result("Me")["checks"] if c["name"] == "test"] == ["test"]

    values = {v["key"]: v["value"] for v in json.loads(exported.read_text())["values"]}
    assert values["token"] == TOKEN  # the export holds the secret in clear: it is the user's own file

    # Output and report: the token is known to be secret (by name) and masked everywhere.
    for text in (run.out, run.err, run.report_text):
        assert TOKEN not in text
        assert "correct-horse" not in text  # the password variable is secret by name
    assert "console: log: token is ****" in run.out
    assert "Bearer ****" in run.out  # -v prints request headers
    assert run.result("Login")["console"] == ["log: token is ****"]
    me_headers = dict(run.result("Me")["request"]["headers"])
    assert me_headers["Authorization"] == "Bearer ****"
    assert me_headers["X-Session"] == "****"


def test_login_token_json_reporter_alone_prints_and_keeps_nothing_secret(replay) -> None:
    run = replay(_login_with_console(), reporters="json")
    assert run.code == 0
    assert TOKEN not in run.out + run.err
    assert TOKEN not in run.report_text
    assert "****" in run.report_text


def test_show_secrets_reveals_the_token(replay) -> None:
    run = replay(_login_with_console(), "--show-secrets", "-v")
    assert run.code == 0
    assert f"token is {TOKEN}" in run.out
    assert TOKEN in run.report_text
    assert dict(run.result("Me")["request"]["headers"])["Authorization"] == f"Bearer {TOKEN}"


def test_wrong_password_fails_login_and_later_items(replay, app: CorpusServer) -> None:
    run = replay(login_token(), "--env-var", "password=wrong")
    assert run.code == 1
    assert run.result("Login")["outcome"] == "failed"
    assert "expected response to have status code 200 but got 401" in run.out
    # No token was stored: bearer auth has nothing to send, the item is an error and is not sent.
    assert app.paths() == ["/login"]
    assert run.result("Me")["outcome"] == "error"


# ---------------------------------------------------------------- data-driven iterations


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_iteration_data_drives_url_and_assertions(replay, app: CorpusServer, tmp_path: Path, kind: str) -> None:
    data = tmp_path / f"data.{kind}"
    data.write_text(data_csv() if kind == "csv" else data_json(), encoding="utf-8")
    run = replay(data_driven(), "-d", data)
    assert run.code == 0, run.out
    assert [r.target for r in app.requests] == [f"/items/{v}?row={v}" for v in DATA_VALUES]
    assert [(r["iteration"], r["outcome"]) for r in run.results] == [(i, "passed") for i in range(len(DATA_VALUES))]
    assert [c["message"] for r in run.results for c in r["checks"] if c["name"] == "test"] == [
        f"server saw {v}" for v in DATA_VALUES]


def test_iteration_count_repeats_data_rows_and_info(replay, app: CorpusServer, tmp_path: Path) -> None:
    data = tmp_path / "data.csv"
    data.write_text("x\none\ntwo\n", encoding="utf-8")
    document = one("Info", "{{baseUrl}}/items/{{x}}", test="""
console.log(pm.info.iteration + "/" + pm.info.iterationCount + " " + pm.iterationData.get("x"));
""")
    run = replay(document, "-d", data, "-n", 3)
    assert run.code == 0
    assert app.paths() == ["/items/one", "/items/two", "/items/one"]
    assert [r["console"] for r in run.results] == [["log: 0/3 one"], ["log: 1/3 two"], ["log: 2/3 one"]]


# ---------------------------------------------------------------- setNextRequest


def test_set_next_request_loop_runs_until_the_exit(replay, app: CorpusServer) -> None:
    run = replay(next_request_loop())
    assert run.code == 0, run.out
    assert [r.target for r in app.requests] == (
        ["/init"] + [f"/poll?round={n}" for n in range(LOOP_LIMIT)] + ["/done"])
    names = [r["item"] for r in run.results]
    assert names == ["Init"] + ["Poll"] * LOOP_LIMIT + ["Done"]
    assert "Skipped" not in names and "After" not in names


def test_set_next_request_restarts_each_iteration(replay, app: CorpusServer) -> None:
    run = replay(next_request_loop(), "-n", 2)
    assert run.code == 0
    one_pass = ["/init"] + ["/poll"] * LOOP_LIMIT + ["/done"]
    assert app.paths() == one_pass * 2


def test_set_next_request_to_unknown_name_ends_the_iteration(replay, app: CorpusServer) -> None:
    document = collection("jump", [
        item("A", "GET", "{{baseUrl}}/a", test='postman.setNextRequest("No such item");'),
        item("B", "GET", "{{baseUrl}}/b"),
    ])
    run = replay(document)
    assert app.paths() == ["/a"]
    assert run.code == 0


def test_endless_set_next_request_loop_is_stopped_and_reported(replay, app: CorpusServer,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from engine.runner import Runner

    monkeypatch.setattr(Runner, "loop_limit", 0)  # the backstop is then 100 steps per selected item
    document = collection("endless", [item("Again", "GET", "{{baseUrl}}/again", test='postman.setNextRequest("Again");')])
    run = replay(document, reporters="json")
    assert run.code == 1
    assert len(app.requests) == 100
    last = run.results[-1]
    assert last["outcome"] == "error"
    assert "setNextRequest loop stopped after 100 items" in last["error"]


# ---------------------------------------------------------------- jsonSchema


def test_json_schema_pass_and_fail(replay, app: CorpusServer) -> None:
    run = replay(json_schema())
    assert run.code == 1
    passing, failing = run.results
    assert passing["outcome"] == "passed"
    assert failing["outcome"] == "failed"
    test = [c for c in failing["checks"] if c["name"] == "test"][0]
    assert not test["passed"]
    assert "nickname" in test["message"] and "data.id should be string" in test["message"]  # ajv 6 words, as Newman
    assert "user matches wrong schema" in run.out
    assert app.paths() == ["/user", "/user"]


# ---------------------------------------------------------------- failures and errors


def test_failing_expect_fails_the_item_with_the_message(replay) -> None:
    document = collection("expect", [
        item("Wrong", "GET", "{{baseUrl}}/user", test="""
pm.test("name is Bob", function () {
    pm.expect(pm.response.json().name).to.eql("Bob");
});
"""),
        item("Next", "GET", "{{baseUrl}}/user", test='pm.test("ok", function () { pm.response.to.be.ok; });'),
    ])
    run = replay(document)
    assert run.code == 1
    assert run.outcomes() == [("Wrong", "failed"), ("Next", "passed")]
    assert "name is Bob — expected 'Ada' to deeply equal 'Bob'" in run.out
    message = [c["message"] for c in run.result("Wrong")["checks"] if c["name"] == "test"][0]
    assert message == "name is Bob — expected 'Ada' to deeply equal 'Bob'"


def test_expect_outside_pm_test_is_an_item_error(replay) -> None:
    run = replay(one("Bare", test="var n = 1;\npm.expect(n).to.be.above(5);"))
    assert run.code == 1
    result = run.result("Bare")
    assert result["outcome"] == "error"
    assert "expected 1 to be above 5" in result["error"]
    assert "line 2" in result["error"]


def test_thrown_error_in_test_script_is_an_item_error_with_line(replay, app: CorpusServer) -> None:
    document = collection("throws", [
        item("Thrower", "GET", "{{baseUrl}}/a", test="var a = 1;\nvar b = a + 1;\nthrow new Error('boom at three');"),
        item("Next", "GET", "{{baseUrl}}/b"),
    ])
    run = replay(document)
    assert run.code == 1
    assert app.paths() == ["/a", "/b"]
    assert run.outcomes() == [("Thrower", "error"), ("Next", "unchecked")]
    error = run.result("Thrower")["error"]
    assert error == "test script of item 'Thrower', line 3: Error: boom at three"
    assert error in run.out


def test_reference_error_in_folder_script_names_the_folder(replay) -> None:
    document = collection("where", [
        folder("Users", [item("Get", "GET", "{{baseUrl}}/a")], test="var a = 1;\nvar b = 2;\nnotDefined.x = 1;"),
    ])
    run = replay(document)
    error = run.result("Get")["error"]
    assert error.startswith("test script of folder 'Users', line 3: ReferenceError")
    assert "notDefined" in error


def test_thrown_error_in_prerequest_sends_nothing_and_run_goes_on(replay, app: CorpusServer) -> None:
    document = collection("pre throws", [
        item("Broken", "GET", "{{baseUrl}}/broken", prerequest="var x = 1;\nthrow new TypeError('no token yet');",
             test='pm.environment.set("ran", "yes");'),
        item("Next", "GET", "{{baseUrl}}/next"),
    ])
    run = replay(document)
    assert run.code == 1
    assert app.paths() == ["/next"]  # nothing at all for the broken item
    broken = run.result("Broken")
    assert broken["outcome"] == "error"
    assert broken["error"] == "pre-request script of item 'Broken', line 2: TypeError: no token yet"
    assert broken["request"] is None and broken["response"] is None
    assert run.result("Next")["outcome"] == "unchecked"


def test_infinite_loop_in_test_script_times_out_and_run_continues(replay, app: CorpusServer) -> None:
    document = collection("loops", [
        item("Spinner", "GET", "{{baseUrl}}/spin", test="var i = 0;\nwhile (true) { i++; }"),
        item("Next", "GET", "{{baseUrl}}/next", test='pm.test("still alive", function () {});'),
    ])
    run = replay(document, "--timeout-script", 200)
    assert run.code == 1
    assert app.paths() == ["/spin", "/next"]
    spinner = run.result("Spinner")
    assert spinner["outcome"] == "error"
    assert "timed out after 200 ms" in spinner["error"]
    assert "--timeout-script" in spinner["hint"]
    assert run.result("Next")["outcome"] == "passed"


def test_infinite_loop_in_prerequest_times_out_before_sending(replay, app: CorpusServer) -> None:
    document = collection("loops", [
        item("Spinner", "GET", "{{baseUrl}}/spin", prerequest="for (;;) {}"),
        item("Next", "GET", "{{baseUrl}}/next"),
    ])
    run = replay(document, "--timeout-script", 200)
    assert app.paths() == ["/next"]
    assert "timed out" in run.result("Spinner")["error"]
    assert run.result("Next")["outcome"] == "unchecked"


def test_infinite_loop_inside_pm_test_cannot_be_caught(replay) -> None:
    document = one("Sly", test="""
pm.test("catches everything", function () {
    try { while (true) {} } catch (e) { }
});
pm.environment.set("after", "reached");
""")
    run = replay(document, "--timeout-script", 200)
    assert run.result("Sly")["outcome"] == "error"
    assert "timed out" in run.result("Sly")["error"]


# ---------------------------------------------------------------- pre-request changes the request


def test_prerequest_changes_headers_url_and_local_variables(replay, app: CorpusServer) -> None:
    document = one("Changed", "{{baseUrl}}/original?v={{localVar}}", headers={"X-Local": "{{localVar}}",
                                                                              "X-Drop": "gone"},
                   prerequest="""
pm.request.headers.add({ key: "X-Added", value: "yes" });
pm.request.headers.upsert({ key: "X-Local", value: "{{localVar}}-upserted" });
pm.request.headers.remove("X-Drop");
pm.request.url = pm.request.url.toString().replace("/original", "/changed");
pm.request.url.query.add("extra=1");
pm.variables.set("localVar", "lv");
""", test='pm.test("local var gone after the item? no: same item", function () { pm.expect(pm.variables.get("localVar")).to.equal("lv"); });')
    run = replay(document)
    assert run.code == 0, run.out
    received = app.requests[0]
    assert received.target == "/changed?v=lv&extra=1"
    assert received.header("X-Added") == "yes"
    assert received.header("X-Local") == "lv-upserted"
    assert received.header("X-Drop") is None


def test_prerequest_changes_method_and_body(replay, app: CorpusServer) -> None:
    document = one("Body", "{{baseUrl}}/echo", method="POST", body={"a": 1}, prerequest="""
var body = JSON.parse(pm.request.body.raw);
body.b = pm.variables.get("extra");
pm.request.body.raw = JSON.stringify(body);
pm.request.method = "PUT";
""")
    run = replay(document, "--env-var", "extra=2")
    assert run.code == 0, run.out
    received = app.requests[0]
    assert received.method == "PUT"
    assert json.loads(received.body) == {"a": 1, "b": "2"}


def test_local_variables_last_for_the_iteration_as_in_newman(replay, app: CorpusServer) -> None:
    document = collection("locals", [
        item("Sets", "GET", "{{baseUrl}}/a?v={{lv}}", prerequest="""
pm.variables.set("lv", String(Number(pm.variables.get("lv") || "0") + 1));
"""),
        item("Reads", "GET", "{{baseUrl}}/b?v={{lv}}"),
    ])
    run = replay(document, "-n", 2)
    assert run.code == 0, run.out
    assert [r.target for r in app.requests] == ["/a?v=1", "/b?v=1", "/a?v=1", "/b?v=1"]


def test_env_var_values_are_environment_variables_to_scripts(replay, app: CorpusServer, tmp_path: Path) -> None:
    env_file = tmp_path / "env.json"
    env_file.write_text(json.dumps({"name": "e", "values": [{"key": "region", "value": "eu"},
                                                            {"key": "mode", "value": "file"}]}))
    exported = tmp_path / "out.json"
    document = collection("env-var", [
        item("Reads", "GET", "{{baseUrl}}/a", test="""
console.log(pm.environment.get("baseUrl") === pm.variables.get("baseUrl"), pm.environment.get("mode"));
pm.environment.set("mode", "script");
pm.environment.unset("gone");
"""),
        item("Uses", "GET", "{{baseUrl}}/b?mode={{mode}}&region={{region}}"),
    ])
    run = replay(document, "-e", env_file, "--env-var", "mode=cli", "--env-var", "gone=x",
                 "--export-environment", exported)
    assert run.result("Reads")["console"] == ["log: true cli"]
    # A script's set/unset of an --env-var name takes effect, as in Newman.
    assert app.requests[1].target == "/b?mode=script&region=eu"
    values = {v["key"]: v["value"] for v in json.loads(exported.read_text())["values"]}
    assert values["mode"] == "script" and values["region"] == "eu" and "gone" not in values


def test_variables_flow_per_scope_across_items_and_iterations(replay, app: CorpusServer) -> None:
    document = collection("scopes", [
        item("Set", "GET", "{{baseUrl}}/set", test="""
var n = Number(pm.collectionVariables.get("n") || "0") + 1;
pm.collectionVariables.set("n", String(n));
pm.globals.set("g", "G" + n);
postman.setEnvironmentVariable("legacy", "L" + n);
"""),
        item("Use", "GET", "{{baseUrl}}/use?n={{n}}&g={{g}}&l={{legacy}}"),
    ])
    run = replay(document, "-n", 2)
    assert run.code == 0, run.out
    assert [r.target for r in app.requests if r.path == "/use"] == ["/use?n=1&g=G1&l=L1", "/use?n=2&g=G2&l=L2"]


def test_skip_request_sends_nothing(replay, app: CorpusServer) -> None:
    document = collection("skip", [
        item("Skipped", "GET", "{{baseUrl}}/skipped", prerequest="pm.execution.skipRequest();"),
        item("Sent", "GET", "{{baseUrl}}/sent"),
    ])
    run = replay(document)
    assert app.paths() == ["/sent"]
    assert run.outcomes() == [("Skipped", "skipped"), ("Sent", "unchecked")]
    assert run.code == 0


def test_disabled_event_and_string_exec(replay, app: CorpusServer) -> None:
    document = one("Events")
    document["item"][0]["event"] = [
        {"listen": "prerequest", "disabled": True, "script": {"exec": ["throw new Error('disabled ran');"]}},
        {"listen": "prerequest", "script": {"exec": "pm.variables.set('q', 'from-string');"}},
    ]
    document["item"][0]["request"]["url"] = "{{baseUrl}}/echo?q={{q}}"
    run = replay(document)
    assert run.code == 0, run.out
    assert app.requests[0].target == "/echo?q=from-string"


# ---------------------------------------------------------------- pm.sendRequest


def test_send_request_in_prerequest_feeds_the_item(replay, app: CorpusServer) -> None:
    document = one("Uses nonce", "{{baseUrl}}/echo?nonce={{nonce}}", prerequest="""
pm.sendRequest(pm.variables.get("baseUrl") + "/nonce", function (err, res) {
    pm.expect(err).to.equal(null);
    pm.environment.set("nonce", res.json().nonce);
});
""")
    run = replay(document)
    assert run.code == 0, run.out
    assert [r.target for r in app.requests] == ["/nonce", "/echo?nonce=n-1"]


def test_send_request_object_form_with_headers_and_body(replay, app: CorpusServer) -> None:
    document = one("Posts first", "{{baseUrl}}/echo?seen={{seen}}", prerequest="""
pm.sendRequest({
    url: pm.variables.get("baseUrl") + "/echo",
    method: "POST",
    header: { "X-From": "script", "Content-Type": "application/json" },
    body: { mode: "raw", raw: JSON.stringify({ hello: "world" }) }
}, function (err, res) {
    pm.variables.set("seen", res.json().headers["x-from"] + "-" + res.code);
});
""")
    run = replay(document)
    assert run.code == 0, run.out
    side, main = app.requests
    assert (side.method, side.path, side.header("X-From")) == ("POST", "/echo", "script")
    assert json.loads(side.body) == {"hello": "world"}
    assert main.target == "/echo?seen=script-200"


def test_send_request_in_test_script_result_is_a_check(replay, app: CorpusServer) -> None:
    document = one("Checks nonce", test="""
pm.sendRequest(pm.variables.get("baseUrl") + "/nonce", function (err, res) {
    pm.test("nonce answered", function () { pm.expect(res.json().nonce).to.equal("n-1"); });
});
""")
    run = replay(document)
    assert run.code == 0, run.out
    assert app.paths() == ["/echo", "/nonce"]
    assert "nonce answered" in run.out


@pytest.mark.parametrize("request_js,problem,fix", [
    ("{url: pm.variables.get('baseUrl') + '/side?k=<string>'}", "<string>", "--env-var k="),
    ("{url: pm.variables.get('baseUrl') + '/side', auth: {type: 'bearer', bearer: [{key: 'token', value: '{{token}}'}]}}",
     "{{token}}", "--env-var token="),
    ("{url: pm.variables.get('baseUrl') + '/side', auth: {type: 'bearer', bearer: [{key: 'token', value: ''}]}}",
     "bearer auth has no token", "bearerToken"),
])
def test_send_request_with_a_placeholder_or_missing_token_sends_nothing(replay, app: CorpusServer, request_js: str,
                                                                         problem: str, fix: str) -> None:
    document = one("Guarded", prerequest=f"pm.sendRequest({request_js}, function (err, res) {{ console.log('cb', err); }});")
    run = replay(document)
    assert run.code == 1
    assert app.requests == []  # neither the side request nor the item reached the server
    result = run.result("Guarded")
    assert result["outcome"] == "error"
    assert "pre-request script of item 'Guarded', line 1: pm.sendRequest to " in result["error"]
    assert problem in result["error"] and fix in (result["hint"] or "")
    assert "console" not in result  # the callback never ran
    assert result["sendRequests"][0]["sent"] is False and problem in result["sendRequests"][0]["error"]


def test_send_request_auth_types_resolve_like_an_item(replay, app: CorpusServer) -> None:
    document = one("Auth", prerequest="""
pm.environment.set('pw', 's3cret-pw');
var base = pm.variables.get('baseUrl');
pm.sendRequest({url: base + '/echo/basic', auth: {type: 'basic', basic: [{key: 'username', value: 'ada'}, {key: 'password', value: '{{pw}}'}]}}, function () {});
pm.sendRequest({url: base + '/echo/apikey', auth: {type: 'apikey', apikey: {key: 'api_key', value: 'K-1', in: 'query'}}}, function () {});
pm.sendRequest({url: '{{baseUrl}}/echo/{{pw}}', method: 'PUT', header: [{key: 'X-Pw', value: '{{pw}}'}], body: 'p={{pw}}'}, function () {});
""")
    run = replay(document, "-v")
    assert run.code == 0, run.out
    basic, apikey, vars_, main = app.requests
    scheme, _, encoded = (basic.header("Authorization") or "").partition(" ")
    import base64
    assert scheme == "Basic" and base64.b64decode(encoded).decode() == "ada:s3cret-pw"
    assert apikey.target == "/echo/apikey?api_key=K-1"
    assert (vars_.method, vars_.target, vars_.header("X-Pw"), vars_.body) == ("PUT", "/echo/s3cret-pw", "s3cret-pw", b"p=s3cret-pw")
    assert main.target == "/echo"
    # every call is under its item in the report and in the cli output, masked, and counted
    made = run.result("Auth")["sendRequests"]
    assert [(m["request"]["method"], m["response"]["code"]) for m in made] == [("GET", 200), ("GET", 200), ("PUT", 200)]
    assert "s3cret-pw" not in run.report_text and "s3cret-pw" not in run.out
    assert run.report["summary"]["sendRequests"] == {"total": 3, "sent": 3, "errors": 0}
    assert run.out.count("↳ pm.sendRequest (pre-request)") == 3
    assert "Authorization: Basic" in run.out  # -v shows each request in full, masked


def test_send_request_transport_error_reaches_the_callback_and_is_reported(replay, app: CorpusServer) -> None:
    document = one("Down", prerequest="""
pm.sendRequest('http://127.0.0.1:9/nothing-listens', function (err, res) {
    pm.variables.set('got', err ? 'err' : 'res');
});
""", url="{{baseUrl}}/echo?got={{got}}")
    run = replay(document)
    assert run.code == 0, run.out
    assert app.requests[0].target == "/echo?got=err"
    made = run.result("Down")["sendRequests"][0]
    assert made["sent"] is True and made["error"] and "response" not in made


def test_send_request_in_a_dry_run_is_shown_not_sent(replay, app: CorpusServer) -> None:
    document = one("Dry", prerequest="pm.sendRequest(pm.variables.get('baseUrl') + '/side', function () { throw new Error('no'); });")
    run = replay(document, "--dry-run")
    assert app.requests == []
    assert "↳ pm.sendRequest (pre-request) GET " in run.out and "not sent (dry run)" in run.out
    assert run.result("Dry")["sendRequests"][0]["sent"] is False


def test_a_variable_set_to_undefined_is_sent_as_null_like_newman(replay, app: CorpusServer) -> None:
    document = one("Undef", "{{baseUrl}}/echo/{{x}}", prerequest="""
pm.environment.set('x', undefined);
pm.test('kept as undefined', function () {
    pm.expect(pm.environment.get('x')).to.be.undefined;
    pm.expect(pm.environment.has('x')).to.be.true;
});
""")
    run = replay(document)
    assert run.code == 0, run.out
    assert app.requests[0].target == "/echo/null"


# ---------------------------------------------------------------- the sandbox


FORBIDDEN = [
    ("require('fs').readFileSync(SECRET_FILE, 'utf8')", "require('fs') is not supported"),
    ("require('child_process').execSync('id')", "require('child_process') is not supported"),
    ("require('net').connect(PORT, '127.0.0.1')", "require('net') is not supported"),
    ("fetch(BASE + '/leak')", "fetch is not defined"),
    ("var x = new XMLHttpRequest();\nx.open('GET', BASE + '/leak');\nx.send();", "XMLHttpRequest is not defined"),
    ("process.exit(3)", "process is not defined"),
    ("std.loadFile(SECRET_FILE)", "std is not defined"),
    ("os.exec(['id'])", "os is not defined"),
]


@pytest.mark.parametrize("event", ["prerequest", "test"])
@pytest.mark.parametrize("source,missing", FORBIDDEN, ids=[m for _, m in FORBIDDEN])
def test_scripts_cannot_read_files_or_open_sockets(replay, app: CorpusServer, tmp_path: Path, event: str,
                                                   source: str, missing: str) -> None:
    secret_file = tmp_path / "secret.txt"
    secret_file.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    port = app.url.rsplit(":", 1)[1]
    code = (f"var SECRET_FILE = {json.dumps(str(secret_file))};\nvar BASE = pm.variables.get('baseUrl');\n"
            f"var PORT = {port};\n{source}\npm.environment.set('escaped', 'yes');")
    document = collection("sandbox", [
        item("Escape", "GET", "{{baseUrl}}/item", **{event: code}),
        item("Next", "GET", "{{baseUrl}}/next"),
    ])
    exported = tmp_path / "env.json"
    run = replay(document, "--export-environment", exported)
    assert run.code == 1
    result = run.result("Escape")
    assert result["outcome"] == "error"
    assert missing in result["error"]
    assert "line 4" in result["error"]
    assert "TOP-SECRET-CONTENT" not in run.out + run.report_text
    # The server saw the item (only when the request was due: test scripts) and the next one, nothing else.
    assert app.paths() == (["/item"] if event == "test" else []) + ["/next"]
    assert "escaped" not in {v["key"] for v in json.loads(exported.read_text())["values"]}


def test_unsupported_pm_member_is_an_error_naming_it(replay) -> None:
    run = replay(one("Vault", test='var v = pm.vault.get("x");'))
    assert run.result("Vault")["outcome"] == "error"
    assert "pm.vault is not supported" in run.result("Vault")["error"]
    assert "fix:" in run.out


def test_import_is_refused(replay, app: CorpusServer) -> None:
    run = replay(one("Imports", prerequest="var x = 1;\nimport('fs').then(function (m) { m.readFileSync('/etc/passwd'); });"))
    assert "import() is not supported" in run.result("Imports")["error"]
    assert app.requests == []


# ---------------------------------------------------------------- order, console, legacy, exports


def _log(label: str) -> str:
    return f'console.log("{label}");'


def test_postman_order_collection_folder_item(replay, app: CorpusServer) -> None:
    document = collection("order", [
        folder("Outer", [
            folder("Inner", [
                item("Leaf", "GET", "{{baseUrl}}/leaf", prerequest=_log("item pre"), test=_log("item test")),
            ], prerequest=_log("inner pre"), test=_log("inner test")),
        ], prerequest=_log("outer pre"), test=_log("outer test")),
        item("Top", "GET", "{{baseUrl}}/top"),
    ], prerequest=_log("collection pre"), test=_log("collection test"))
    run = replay(document, reporters="json")
    assert run.code == 0, run.out
    assert run.result("Leaf")["console"] == [
        "log: collection pre", "log: outer pre", "log: inner pre", "log: item pre",
        "log: collection test", "log: outer test", "log: inner test", "log: item test",
    ]
    assert run.result("Top")["console"] == ["log: collection pre", "log: collection test"]


def test_prerequest_runs_before_the_request_and_tests_after(replay, app: CorpusServer) -> None:
    document = one("Sees count", "{{baseUrl}}/echo", prerequest="""
pm.variables.set("before", "x");
console.log("pre sees", typeof pm.request.url.toString());
""", test="""
console.log("test sees", pm.response.code, pm.response.json().path);
""")
    run = replay(document)
    assert run.result("Sees count")["console"] == ["log: pre sees string", "log: test sees 200 /echo"]
    assert "console: log: test sees 200 /echo" in run.out


def test_legacy_tests_and_globals(replay) -> None:
    document = one("Legacy", "{{baseUrl}}/user", test="""
tests["status is 200"] = responseCode.code === 200;
tests["body has Ada"] = responseBody.indexOf("Ada") !== -1;
tests["json type"] = responseHeaders["Content-Type"] === "application/json";
tests["fails"] = JSON.parse(responseBody).name === "Bob";
""")
    run = replay(document)
    assert run.code == 1
    checks = [(c["message"].split(" — ")[0], c["passed"]) for c in run.result("Legacy")["checks"] if c["name"] == "test"]
    assert checks == [("status is 200", True), ("body has Ada", True), ("json type", True), ("fails", False)]


def test_export_globals_and_environment(replay, tmp_path: Path) -> None:
    globals_file = tmp_path / "in.postman_globals.json"
    globals_file.write_text(json.dumps({"name": "g", "values": [{"key": "kept", "value": "1", "enabled": True}],
                                        "_postman_variable_scope": "globals"}))
    env_file = tmp_path / "in.postman_environment.json"
    env_file.write_text(json.dumps({"name": "staging", "values": [{"key": "old", "value": "o", "enabled": True}]}))
    document = one("Sets", test="""
pm.globals.set("runId", "r-42");
pm.globals.unset("nothing");
pm.environment.set("fresh", "f");
pm.environment.unset("old");
""")
    out_globals, out_env = tmp_path / "out" / "globals.json", tmp_path / "out" / "env.json"
    out_globals.parent.mkdir()
    run = replay(document, "-g", globals_file, "-e", env_file, "--export-globals", out_globals,
                 "--export-environment", out_env)
    assert run.code == 0, run.out + run.err
    globals_doc = json.loads(out_globals.read_text())
    assert globals_doc["_postman_variable_scope"] == "globals"
    assert {v["key"]: v["value"] for v in globals_doc["values"]} == {"kept": "1", "runId": "r-42"}
    env_doc = json.loads(out_env.read_text())
    env = {v["key"]: v["value"] for v in env_doc["values"]}
    assert env["fresh"] == "f" and "old" not in env
    assert env_doc["name"] == "staging"
    assert [p.name for p in out_globals.parent.iterdir()] and all(
        not p.name.startswith(".") for p in out_globals.parent.iterdir())  # no temporary files left


def test_script_results_are_checks_in_the_junit_report(replay, tmp_path: Path) -> None:
    junit = tmp_path / "r.xml"
    document = copy.deepcopy(json_schema())
    run = replay(document, "--reporter-junit-export", junit, reporters="json,junit")
    assert run.code == 1
    text = junit.read_text()
    assert "user matches wrong schema" in text and "nickname" in text


# ---------------------------------------------------------------- typed values, as in Newman


def test_json_data_and_values_set_by_scripts_keep_their_types(replay, app: CorpusServer, tmp_path: Path) -> None:
    data = tmp_path / "typed.json"
    data.write_text(json.dumps([{"expected": 200, "ids": [1, 2], "n": 7}]), encoding="utf-8")
    first = item("Count", "GET", "{{baseUrl}}/echo?n={{n}}", test="""
pm.test('data keeps JSON types', function () {
  pm.response.to.have.status(pm.iterationData.get('expected'));
  pm.expect(data.ids).to.eql([1, 2]);
  pm.expect(pm.iterationData.get('n') + 1).to.equal(8);
});
pm.environment.set('count', 1);
pm.environment.set('flags', {on: true});
""")
    second = item("Next", "GET", "{{baseUrl}}/echo?count={{count}}", test="""
pm.test('set values keep their types', function () {
  pm.expect(pm.environment.get('count') + 1).to.equal(2);
  pm.expect(pm.environment.get('flags').on).to.equal(true);
});
""")
    run = replay(collection("typed", [first, second]), "-d", data)
    assert run.code == 0, run.out
    assert [r.target for r in app.requests] == ["/echo?n=7", "/echo?count=1"]


def test_replace_in_serves_faker_dynamic_variables_and_names_unknown_ones(replay, app: CorpusServer) -> None:
    document = one("Signup", "{{baseUrl}}/echo?email={{email}}", prerequest="""
pm.environment.set('email', pm.variables.replaceIn('{{$randomEmail}}'));
pm.environment.set('who', pm.variables.replaceIn('{{$randomFirstName}} {{$randomLastName}}'));
""", test="""
pm.test('stored once, sent as stored', function () {
  pm.expect(pm.environment.get('email')).to.include('@');
  pm.expect(pm.request.url.toString()).to.include(encodeURIComponent(pm.environment.get('email')).replace('%40', '@'));
  pm.expect(pm.environment.get('who')).to.not.include('{{');
});
""")
    run = replay(document)
    assert run.code == 0, run.out
    unknown = replay(one("Bad", prerequest="pm.variables.replaceIn('{{$randomNoSuchThing}}');"))
    assert unknown.code == 1 and "{{$randomNoSuchThing}} is not supported" in unknown.out
    assert len(app.requests) == 1  # the failing pre-request script sent nothing


def test_a_script_that_adds_a_query_parameter_keeps_required_placeholders_required(replay, app: CorpusServer) -> None:
    document = one("Watch", "{{baseUrl}}/echo", prerequest="pm.request.url.query.add({key: 'trace', value: '1'});")
    document["item"][0]["request"]["url"] = {
        "raw": "{{baseUrl}}/echo?accountId=<string>", "host": ["{{baseUrl}}"], "path": ["echo"],
        "query": [{"key": "accountId", "value": "<string>", "description": "(Required) who"}]}
    run = replay(document)
    assert run.code == 1 and "required query parameter 'accountId'" in run.out
    assert app.requests == []
    run = replay(document, "--env-var", "accountId=42")
    assert run.code == 0 and [r.target for r in app.requests] == ["/echo?accountId=42&trace=1"]
