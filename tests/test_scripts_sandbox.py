"""The script sandbox: pm API, legacy globals, failures, timeouts and confinement."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from engine.scripts import Sandbox, ScriptInput, ScriptOutcome

PRECEDENCE = ["local", "data", "environment", "collection", "globals"]
JSON_BODY = '{"id": 7, "name": "Ada", "tags": ["a", "b"], "owner": {"id": 1}}'


@pytest.fixture(scope="module")
def sandbox() -> Sandbox:
    box = Sandbox()
    yield box
    box.close()


def make_input(*sources: str, event: str = "test", **overrides: Any) -> ScriptInput:
    fields: dict[str, Any] = dict(
        event=event,
        scripts=[(f"item 'Get' #{i}", src) for i, src in enumerate(sources)],
        item_name="Get user",
        item_path="Users/Get user",
        iteration=0,
        iteration_count=2,
        request={"method": "GET", "url": "http://api.test/users/7?x=1", "headers": [["Accept", "*/*"]], "body": None},
        response={
            "code": 200, "status": "OK", "responseTime": 12.5, "size": len(JSON_BODY),
            "headers": [["Content-Type", "application/json"], ["X-Trace", "abc"]], "body": JSON_BODY,
        } if event == "test" else None,
        scopes={"globals": {"g": "G"}, "collection": {"c": "C", "shared": "from-collection"},
                "environment": {"baseUrl": "http://api.test", "shared": "from-env"}, "data": {"row": "1"}, "local": {}},
        precedence=PRECEDENCE,
        cookies=[{"name": "sid", "value": "s3", "domain": "api.test", "path": "/"}],
        send_request=None,
        timeout_ms=2000,
    )
    fields.update(overrides)
    return ScriptInput(**fields)


def run(sandbox: Sandbox, *sources: str, **kw: Any) -> ScriptOutcome:
    return sandbox.run(make_input(*sources, **kw))


def only_test(outcome: ScriptOutcome) -> tuple[bool, str]:
    assert outcome.failure is None, outcome.failure
    assert len(outcome.tests) == 1, outcome.tests
    return outcome.tests[0].passed, outcome.tests[0].message


# ---- pm.test and failures ---------------------------------------------------------------

def test_passing_and_failing_tests_keep_order_and_message(sandbox: Sandbox) -> None:
    out = run(sandbox, """
pm.test("status is 200", function () { pm.response.to.have.status(200); });
pm.test("is 404", function () { pm.expect(pm.response.code).to.equal(404); });
pm.test.skip("later");
""")
    assert [(t.name, t.passed, t.skipped) for t in out.tests] == [
        ("status is 200", True, False), ("is 404", False, False), ("later", False, True)]
    assert out.tests[1].message == "expected 200 to equal 404"
    assert out.failure is None


def test_thrown_error_is_a_failure_with_its_line(sandbox: Sandbox) -> None:
    out = run(sandbox, "pm.test('first', function () {});", "var a = 1;\nvar b = 2;\nundefinedThing.call();\n")
    assert out.failure is not None
    assert out.failure.label == "item 'Get' #1"
    assert out.failure.message == "ReferenceError: undefinedThing is not defined"
    assert out.failure.line == 3
    assert [t.name for t in out.tests] == ["first"]


def test_error_inside_a_helper_function_points_at_the_throw(sandbox: Sandbox) -> None:
    out = run(sandbox, "function check(v) {\n  if (!v) {\n    throw new Error('no value');\n  }\n}\ncheck(0);")
    assert (out.failure.message, out.failure.line) == ("Error: no value", 3)


def test_failure_stops_later_scripts_of_the_event(sandbox: Sandbox) -> None:
    out = run(sandbox, "throw new TypeError('bad');", "pm.environment.set('after', '1');")
    assert out.failure.message == "TypeError: bad"
    assert "after" not in out.scopes["environment"]


def test_syntax_error_is_a_failure(sandbox: Sandbox) -> None:
    out = run(sandbox, "var ok = 1;\nvar x = {;\n")
    assert out.failure.message.startswith("SyntaxError")
    assert out.failure.line == 2


def test_infinite_loop_times_out_and_sandbox_stays_usable(sandbox: Sandbox) -> None:
    out = run(sandbox, "pm.test('before', function () {});\nwhile (true) {}", timeout_ms=150)
    assert out.failure is not None
    assert out.failure.message == "script timed out after 150 ms"
    assert [t.name for t in out.tests] == ["before"]
    again = run(sandbox, "pm.test('after', function () { pm.expect(1).to.equal(1); });")
    assert [(t.name, t.passed) for t in again.tests] == [("after", True)]


def test_loop_inside_pm_test_cannot_swallow_the_timeout(sandbox: Sandbox) -> None:
    out = run(sandbox, "pm.test('spin', function () { try { for (;;) {} } catch (e) {} });", timeout_ms=100)
    assert out.failure.message == "script timed out after 100 ms"


# ---- variables -----------------------------------------------------------------------------

def test_environment_set_flows_to_outcome_and_between_scripts(sandbox: Sandbox) -> None:
    out = run(sandbox,
              "pm.environment.set('token', pm.response.json().name); pm.collectionVariables.unset('c');",
              "pm.globals.set('seen', pm.environment.get('token') + '!'); pm.environment.set('n', 5);")
    assert out.failure is None
    assert out.scopes["environment"]["token"] == "Ada"
    assert out.scopes["environment"]["n"] == "5"
    assert out.scopes["globals"] == {"g": "G", "seen": "Ada!"}
    assert "c" not in out.scopes["collection"]


def test_variables_follow_precedence_and_replace_in(sandbox: Sandbox) -> None:
    out = run(sandbox, """
pm.test('precedence', function () {
  pm.expect(pm.variables.get('shared')).to.equal('from-env');
  pm.variables.set('shared', 'local');
  pm.expect(pm.variables.get('shared')).to.equal('local');
  pm.expect(pm.variables.replaceIn('{{baseUrl}}/x/{{row}}/{{missing}}')).to.equal('http://api.test/x/1/{{missing}}');
  pm.expect(pm.iterationData.get('row')).to.equal('1');
  pm.expect(pm.environment.has('baseUrl')).to.be.true;
  pm.expect(pm.globals.toObject()).to.eql({g: 'G'});
});
""")
    assert only_test(out) == (True, "")
    assert out.scopes["local"] == {"shared": "local"}


def test_iteration_data_can_be_changed_for_the_current_iteration(sandbox: Sandbox) -> None:
    out = run(sandbox, "pm.iterationData.set('row', '2'); pm.iterationData.unset('gone');"
                       "pm.test('seen', () => pm.expect(pm.variables.get('row')).to.equal('2'));")
    assert out.failure is None
    assert out.scopes["data"] == {"row": "2"}
    assert only_test(out) == (True, "")


def test_user_globals_do_not_leak_between_runs(sandbox: Sandbox) -> None:
    run(sandbox, "leaked = 42; var scoped = 1;")
    out = run(sandbox, "pm.test('clean', function () { pm.expect(typeof leaked).to.equal('undefined'); });")
    assert only_test(out) == (True, "")


def test_info_and_cookies(sandbox: Sandbox) -> None:
    out = run(sandbox, """
pm.test('info', function () {
  pm.expect(pm.info.eventName).to.equal('test');
  pm.expect(pm.info.requestName).to.equal('Get user');
  pm.expect(pm.info.iterationCount).to.equal(2);
  pm.expect(pm.cookies.get('sid')).to.equal('s3');
  pm.expect(pm.cookies.has('nope')).to.be.false;
});
""")
    assert only_test(out) == (True, "")


# ---- requests ----------------------------------------------------------------------------

def test_prerequest_changes_show_in_outcome_request(sandbox: Sandbox) -> None:
    out = run(sandbox, """
pm.request.headers.add({key: 'X-Token', value: 'abc'});
pm.request.headers.upsert({key: 'accept', value: 'application/json'});
pm.request.url.query.add('page=2');
pm.request.body.update('{"a": 1}');
pm.request.method = 'post';
""", event="prerequest")
    assert out.failure is None
    assert out.request == {
        "method": "POST", "url": "http://api.test/users/7?x=1&page=2",
        "headers": [["Accept", "application/json"], ["X-Token", "abc"]], "body": '{"a": 1}'}


def test_untouched_request_keeps_null_body(sandbox: Sandbox) -> None:
    out = run(sandbox, "console.log(pm.request.url.toString(), pm.request.headers.get('ACCEPT'));", event="prerequest")
    assert out.request["body"] is None
    assert out.console == ["log: http://api.test/users/7?x=1 */*"]


def test_pm_response_is_undefined_before_the_request(sandbox: Sandbox) -> None:
    out = run(sandbox, "if (pm.response && pm.response.code === 200) { pm.environment.set('x', 1); }\n"
                       "pm.test('undefined', function () { pm.expect(pm.response).to.be.undefined; });", event="prerequest")
    assert only_test(out) == (True, "")  # as in Newman: guards like `if (pm.response && …)` work
    out = run(sandbox, "var c = pm.response.code;", event="prerequest")
    assert out.failure is not None and out.failure.message.startswith("TypeError")


def test_skip_request_and_next_request(sandbox: Sandbox) -> None:
    pre = run(sandbox, "pm.execution.skipRequest();", event="prerequest")
    assert pre.skip_request is True and pre.next_request is ...
    assert run(sandbox, "postman.setNextRequest('Login');").next_request == "Login"
    assert run(sandbox, "pm.execution.setNextRequest(null);").next_request is None


def test_send_request_calls_python_then_the_callback(sandbox: Sandbox) -> None:
    sent: list[dict[str, Any]] = []

    def send(req: dict[str, Any]) -> dict[str, Any]:
        sent.append(req)
        return {"response": {"code": 201, "status": "Created", "headers": [["Content-Type", "application/json"]],
                             "body": '{"token": "t-1"}', "responseTime": 3.0}}

    out = run(sandbox, """
pm.sendRequest({url: 'http://auth.test/login', method: 'POST', header: {'X-A': '1'},
                body: {mode: 'urlencoded', urlencoded: [{key: 'user', value: 'a b'}]}}, function (err, res) {
  pm.test('login', function () {
    pm.expect(err).to.be.null;
    res.to.have.status(201);
    pm.environment.set('token', res.json().token);
  });
});
""", send_request=send)
    assert only_test(out) == (True, "")
    assert out.scopes["environment"]["token"] == "t-1"
    # Postman-shaped data crosses, nothing prepared in JS: Python loads and resolves it like an item
    assert [r["request"] for r in sent] == [{
        "method": "POST", "url": "http://auth.test/login", "header": [{"key": "X-A", "value": "1"}],
        "body": {"mode": "urlencoded", "urlencoded": [{"key": "user", "value": "a b"}]}}]
    assert 2 <= sent[0]["line"] <= 9 and "environment" in sent[0]["scopes"]  # QuickJS may name the last line of the call


def test_send_request_error_reaches_the_callback(sandbox: Sandbox) -> None:
    def send(req: dict[str, Any]) -> dict[str, Any]:
        raise Exception("connection refused")

    out = run(sandbox, "pm.sendRequest('http://down.test', function (err, res) { console.log(err.message, res); });",
              send_request=send)
    assert out.failure is None
    assert out.console == ["log: connection refused null"]


# ---- legacy globals ----------------------------------------------------------------------

def test_legacy_tests_object_and_globals(sandbox: Sandbox) -> None:
    out = run(sandbox, """
tests['has body'] = responseBody.indexOf('Ada') !== -1;
tests['is 201'] = responseCode.code === 201;
tests['header'] = responseHeaders['X-Trace'] === 'abc' && environment.baseUrl === 'http://api.test' && data.row === '1';
postman.setEnvironmentVariable('legacy', iteration + 1);
""")
    assert [(t.name, t.passed) for t in out.tests] == [("has body", True), ("is 201", False), ("header", True)]
    assert out.tests[1].message == 'tests["is 201"] is false'
    assert out.scopes["environment"]["legacy"] == "1"


# ---- unsupported and confinement ---------------------------------------------------------

@pytest.mark.parametrize(("source", "message"), [
    ("pm.vault.get('secret');", "pm.vault is not supported"),
    ("pm.require('@team/lib');", "pm.require is not supported"),
    ("var v = pm.response.foo;", "pm.response.foo is not supported"),
    ("var pad = require('left-pad');", "require('left-pad') is not supported"),
    ("Backbone.Model.extend({});", "Backbone (legacy sandbox library) is not supported"),
])
def test_unsupported_names_fail_and_name_the_member(sandbox: Sandbox, source: str, message: str) -> None:
    out = run(sandbox, "var first = 1;\n" + source)
    assert out.failure is not None
    assert out.failure.message == message


def test_unsupported_member_fails_even_when_caught(sandbox: Sandbox) -> None:
    out = run(sandbox, "pm.test('t', function () { pm.vault.get('x'); });\ntry { pm.vault.get('y') } catch (e) {}")
    assert out.failure.message == "pm.vault is not supported"
    assert out.failure.line == 1


def test_unknown_chai_property_fails_the_test(sandbox: Sandbox) -> None:
    out = run(sandbox, "pm.test('typo', function () { pm.expect(true).to.be.tru; });")
    assert only_test(out) == (False, "Error: Invalid Chai property: tru")


@pytest.mark.parametrize(("source", "fragment"), [
    ("require('fs').readFileSync('{path}');", "require('fs') is not supported"),
    ("require('child_process').execSync('touch {path}');", "require('child_process') is not supported"),
    ("require('net').connect(80, 'example.com');", "require('net') is not supported"),
    ("std.open('{path}', 'w');", "ReferenceError: std is not defined"),
    ("os.open('{path}', 1);", "ReferenceError: os is not defined"),
    ("import('os').then(function (os) { os.open('{path}', 1); });", "import() is not supported"),
    ("import * as std from 'std';", "import is not supported"),
    ("fetch('http://127.0.0.1:9/');", "ReferenceError: fetch is not defined"),
    ("new XMLHttpRequest();", "ReferenceError: XMLHttpRequest is not defined"),
    ("process.exit(3);", "ReferenceError: process is not defined"),
    ("new Function('return this')().std.open('{path}', 'w');", "TypeError"),
])
def test_scripts_cannot_reach_files_network_or_processes(sandbox: Sandbox, tmp_path: Path, source: str,
                                                         fragment: str) -> None:
    target = tmp_path / "created-by-script"
    out = run(sandbox, source.replace("{path}", str(target)))
    assert out.failure is not None
    assert fragment in out.failure.message
    assert not target.exists()


def test_engine_is_not_imported_until_a_sandbox_runs() -> None:
    code = ("import sys, engine.scripts; assert 'quickjs' not in sys.modules and '_quickjs' not in sys.modules;"
            "engine.scripts.Sandbox(); assert 'quickjs' not in sys.modules; print('ok')")
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=False)
    assert done.stdout.strip() == "ok", done.stderr


# ---- chai chains -------------------------------------------------------------------------

@pytest.mark.parametrize(("assertion", "passed", "message"), [
    ("pm.expect(404).to.equal(200)", False, "expected 404 to equal 200"),
    ("pm.expect(200).to.not.equal(200)", False, "expected 200 to not equal 200"),
    ("pm.expect({a: [1, 2]}).to.deep.equal({a: [1, 2]})", True, ""),
    ("pm.expect({a: 1}).to.eql({a: 2})", False, "expected { a: 1 } to deeply equal { a: 2 }"),
    ("pm.expect('hello world').to.include('world')", True, ""),
    ("pm.expect([1, 2, 3]).to.include(4)", False, "expected [ 1, 2, 3 ] to include 4"),
    ("pm.expect({a: 1, b: 2}).to.include({a: 1})", True, ""),
    ("pm.expect({a: {b: 1}}).to.have.property('a').that.has.property('b', 1)", True, ""),
    ("pm.expect({a: 1}).to.have.property('b')", False, "expected { a: 1 } to have property 'b'"),
    ("pm.expect({a: 1}).to.have.property('a', 2)", False, "expected { a: 1 } to have property 'a' of 2, but got 1"),
    ("pm.expect({a: {b: [5]}}).to.have.nested.property('a.b[0]', 5)", True, ""),
    ("pm.expect(201).to.be.oneOf([200, 201])", True, ""),
    ("pm.expect(500).to.be.oneOf([200, 201])", False, "expected 500 to be one of [ 200, 201 ]"),
    ("pm.expect([1, 2]).to.have.lengthOf(3)", False, "expected [ 1, 2 ] to have a length of 3 but got 2"),
    ("pm.expect('abc').to.have.length.above(2)", True, ""),
    ("pm.expect('abc').to.be.a('string')", True, ""),
    ("pm.expect(5).to.be.a('string')", False, "expected 5 to be a string"),
    ("pm.expect([]).to.be.an('array').that.is.empty", True, ""),
    ("pm.expect({}).to.be.an('object').and.not.empty", False, "expected {} not to be empty"),
    ("pm.expect(5).to.be.above(3).and.below(10)", True, ""),
    ("pm.expect(5).to.be.at.least(6)", False, "expected 5 to be at least 6"),
    ("pm.expect(5).to.be.within(1, 3)", False, "expected 5 to be within 1..3"),
    ("pm.expect('5').to.be.above(3)", False, "expected '5' to be a number or a date"),
    ("pm.expect(null).to.be.null", True, ""),
    ("pm.expect(undefined).to.exist", False, "expected undefined to exist"),
    ("pm.expect(0).to.be.ok", False, "expected 0 to be truthy"),
    ("pm.expect('x').to.be.true", False, "expected 'x' to be true"),
    ("pm.expect('abc-123').to.match(/^abc-\\d+$/)", True, ""),
    ("pm.expect({a: 1, b: 2}).to.have.all.keys('a', 'b')", True, ""),
    ("pm.expect({a: 1, b: 2}).to.have.keys('a')", False, "expected { a: 1, b: 2 } to have key 'a'"),
    ("pm.expect([3, 1, 2]).to.have.members([1, 2, 3])", True, ""),
    ("pm.expect([1, 2]).to.include.members([3])", False, "expected [ 1, 2 ] to be a superset of [ 3 ]"),
    ("pm.expect('foobar').to.have.string('bar')", True, ""),
    ("pm.expect(1, 'custom').to.equal(2)", False, "custom: expected 1 to equal 2"),
])
def test_chai_chains(sandbox: Sandbox, assertion: str, passed: bool, message: str) -> None:
    out = run(sandbox, f"pm.test('chain', function () {{ {assertion}; }});")
    assert only_test(out) == (passed, message)


# ---- pm.response assertions --------------------------------------------------------------

@pytest.mark.parametrize(("assertion", "passed", "message"), [
    ("pm.response.to.be.ok", True, ""),
    ("pm.response.to.be.success", True, ""),
    ("pm.response.to.be.notFound", False, "expected response to have status reason 'NOT FOUND' but got 'OK'"),
    ("pm.response.to.be.created", False, "Error: Invalid Chai property: created"),  # not in chai-postman
    ("pm.response.to.have.statusCode(200)", True, ""),
    ("pm.response.to.have.statusReason('Created')", False, "expected response to have status reason 'Created' but got 'OK'"),
    ("pm.response.to.have.statusCodeClass(2)", True, ""),
    ("pm.expect(pm.response).to.be.postmanResponse", True, ""),
    ("pm.expect(pm.request).to.be.postmanRequest", True, ""),
    ("pm.expect({}).to.be.postmanRequestOrResponse", False, "expecting a postman request or response object but got {}"),
    ("pm.request.to.have.header('Accept')", True, ""),
    ("pm.response.to.have.body({id: 7, name: 'Ada', tags: ['a', 'b'], owner: {id: 1}})", True, ""),
    ("pm.response.to.have.body(/Ada/)", True, ""),
    ("pm.response.to.not.have.jsonBody('')", True, ""),
    ("pm.response.to.have.jsonBody('tags[1]', 'b')", True, ""),
    ("pm.response.to.have.responseTime.below(100)", True, ""),
    ("pm.response.to.have.responseSize.above(10)", True, ""),
    ("pm.expect(7).to.be.success", False, "expecting a postman response object but got 7"),
    ("pm.response.to.not.be.error", True, ""),
    ("pm.response.to.have.status('OK')", True, ""),
    ("pm.response.to.have.status(201)", False, "expected response to have status code 201 but got 200"),
    ("pm.response.to.have.header('x-trace', 'abc')", True, ""),
    ("pm.response.to.have.header('X-Missing')", False, "expected response to have header with key 'X-Missing'"),
    ("pm.response.to.be.json.and.to.be.withBody", True, ""),
    ("pm.response.to.have.jsonBody('owner.id', 1)", True, ""),
    ("pm.response.to.have.jsonBody('owner.name')", False,
     "expected { Object (id, name, ...) } in response to contain property 'owner.name'"),
    ("pm.response.to.have.body('nope')", False, "expected response body to equal 'nope' but got '" + JSON_BODY + "'"),
    ("pm.expect(pm.response.headers.get('content-type')).to.include('json')", True, ""),
    ("pm.expect(pm.response.responseTime).to.be.below(100)", True, ""),
    ("pm.expect(pm.response.size().body).to.equal(" + str(len(JSON_BODY)) + ")", True, ""),
    ("pm.expect(pm.response.text()).to.equal(" + json.dumps(JSON_BODY) + ")", True, ""),
])
def test_response_assertions(sandbox: Sandbox, assertion: str, passed: bool, message: str) -> None:
    out = run(sandbox, f"pm.test('response', function () {{ {assertion}; }});")
    assert only_test(out) == (passed, message)


SCHEMA = {
    "type": "object",
    "required": ["id", "name"],
    "properties": {
        "id": {"type": "integer", "minimum": 1},
        "name": {"type": "string", "minLength": 1},
        "tags": {"type": "array", "items": {"type": "string", "enum": ["a", "b"]}},
        "owner": {"$ref": "#/definitions/owner"},
    },
    "definitions": {"owner": {"type": "object", "properties": {"id": {"type": "integer"}}, "additionalProperties": False}},
}


def test_json_schema_passes(sandbox: Sandbox) -> None:
    out = run(sandbox, f"pm.test('schema', function () {{ pm.response.to.have.jsonSchema({json.dumps(SCHEMA)}); }});")
    assert only_test(out) == (True, "")


def test_json_schema_fails_with_the_path(sandbox: Sandbox) -> None:
    schema = dict(SCHEMA, required=["id", "email"], properties=dict(SCHEMA["properties"], name={"type": "integer"}))
    out = run(sandbox, f"pm.test('schema', function () {{ pm.response.to.have.jsonSchema({json.dumps(schema)}); }});")
    passed, message = only_test(out)
    assert passed is False
    assert "data should have required property '.email'" in message  # ajv 6's words (allErrors), as in Newman
    assert "data.name should be integer" in message


def test_json_schema_checks_every_keyword_and_plain_objects(sandbox: Sandbox) -> None:
    schema = {"type": "object", "patternProperties": {"^na": {"type": "integer"}}}
    out = run(sandbox, f"pm.test('schema', function () {{ pm.response.to.have.jsonSchema({json.dumps(schema)}); }});")
    passed, message = only_test(out)
    assert not passed and message.startswith("expected data to satisfy schema but found following errors: \n")
    assert "name" in message and "should be integer" in message
    out = run(sandbox, "pm.test('obj', function () { pm.expect({a: 1}).to.have.jsonSchema({required: ['a']}); });")
    assert only_test(out) == (True, "")


def test_console_levels_and_objects(sandbox: Sandbox) -> None:
    out = run(sandbox, "console.log('a', {b: [1]}); console.warn(2); console.error(new Error('e')); console.info(null);")
    assert out.console == ['log: a {"b":[1]}', "warn: 2", "error: Error: e", "info: null"]


def test_atob_btoa_round_trip(sandbox: Sandbox) -> None:
    out = run(sandbox, "pm.test('b64', function () { pm.expect(btoa('user:pa')).to.equal('dXNlcjpwYQ=='); "
                       "pm.expect(atob('dXNlcjpwYQ==')).to.equal('user:pa'); });")
    assert only_test(out) == (True, "")


def _ok_sender(req: dict[str, Any]) -> dict[str, Any]:
    return {"response": {"code": 200, "status": "OK", "headers": [], "body": '{"v": 3}', "responseTime": 1.0}}


def test_async_test_with_done_is_decided_in_the_callback(sandbox: Sandbox) -> None:
    out = run(sandbox, """
pm.test('async', function (done) {
  pm.sendRequest('http://a.test', function (err, res) {
    pm.expect(res.code).to.equal(201);
    done();
  });
});
pm.test('never done', function (done) {});
""", send_request=_ok_sender)
    assert out.failure is None
    assert [(t.name, t.passed, t.message) for t in out.tests] == [
        ("async", False, "expected 200 to equal 201"), ("never done", False, "the test did not call done()")]


def test_send_request_without_callback_returns_a_promise(sandbox: Sandbox) -> None:
    out = run(sandbox, "pm.sendRequest('http://a.test').then(function (res) { pm.environment.set('v', res.json().v); });",
              send_request=_ok_sender)
    assert out.failure is None
    assert out.scopes["environment"]["v"] == "3"


def test_send_request_without_a_sender_is_unsupported(sandbox: Sandbox) -> None:
    out = run(sandbox, "pm.sendRequest('http://a.test', function () {});", send_request=None)
    assert out.failure.message == "pm.sendRequest is not supported here (no sender was configured)"


def test_stack_overflow_is_a_failure_and_sandbox_recovers(sandbox: Sandbox) -> None:
    out = run(sandbox, "function r() { return r() + 1; }\nr();")
    assert out.failure.message == "RangeError: Maximum call stack size exceeded"  # V8's words, as in Newman
    assert only_test(run(sandbox, "pm.test('fine', function () {});")) == (True, "")


def test_script_that_breaks_builtins_fails_without_breaking_the_next_run(sandbox: Sandbox) -> None:
    out = run(sandbox, "JSON = null; Object.keys = null;")
    assert out.failure is not None
    again = run(sandbox, "pm.test('ok', function () { pm.expect(JSON.stringify(Object.keys({a: 1}))).to.equal('[\"a\"]'); });")
    assert only_test(again) == (True, "")


def test_query_parameters_added_by_key_and_value_never_split_the_query(sandbox: Sandbox) -> None:
    out = run(sandbox, """
pm.request.url.addQueryParams([{key: 'filter', value: 'name=bob&age>3'}]);
pm.request.url.query.add({key: 'q', value: 'hello world#1'});
pm.request.url.query.upsert('a&b', 'c');
""", event="prerequest")
    assert out.failure is None
    assert out.request["url"].endswith("&filter=name=bob%26age>3&q=hello world%231&a%26b=c")


def test_request_members_we_do_not_provide_are_named(sandbox: Sandbox) -> None:
    out = run(sandbox, "pm.request.body.urlencoded.add({key: 'a', value: 'b'});", event="prerequest")
    assert out.failure is not None and out.failure.message == "pm.request.body.urlencoded is not supported"
    out = run(sandbox, "pm.request.url.variables.get('id');", event="prerequest")
    assert out.failure is not None and "pm.request.url.variables is not supported" in out.failure.message


def test_send_request_passes_auth_and_the_variables_set_so_far(sandbox: Sandbox) -> None:
    sent: list[dict] = []

    def send(request: dict) -> dict:
        sent.append(request)
        return {"response": {"code": 200, "status": "OK", "headers": [], "body": "{}", "responseTime": 1}}

    out = run(sandbox, """
pm.environment.set('tok', 'T1');
pm.sendRequest({url: 'http://h/b', auth: {type: 'bearer', bearer: [{key: 'token', value: '{{tok}}'}]}}, () => {});
pm.environment.set('tok', undefined);
pm.sendRequest(pm.request.url, () => {});
""", event="prerequest", send_request=send)
    assert out.failure is None
    assert sent[0]["request"]["auth"] == {"type": "bearer", "bearer": [{"key": "token", "value": "{{tok}}"}]}
    assert sent[0]["scopes"]["environment"]["tok"] == "T1"
    assert sent[1]["scopes"]["environment"]["tok"] == "null"  # Newman substitutes undefined as null
    assert sent[1]["request"] == {"url": "http://api.test/users/7?x=1", "method": "GET"}


def test_a_refused_send_request_is_the_item_error_and_a_skipped_one_calls_nothing_back(sandbox: Sandbox) -> None:
    out = run(sandbox, "var x = 1;\npm.sendRequest('http://h/<id>', function () { console.log('called'); });",
              event="prerequest",
              send_request=lambda r: {"refused": {"message": "required path variable", "hint": "--env-var id=…"}})
    assert out.failure is not None
    assert (out.failure.message, out.failure.line, out.failure.hint) == ("required path variable", 2, "--env-var id=…")
    out = run(sandbox, "pm.sendRequest('http://h/', function () { console.log('called'); });",
              send_request=lambda r: {"skipped": "dry run"})
    assert out.failure is None and out.console == []
