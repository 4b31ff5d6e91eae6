"""The pm and legacy API details Newman users rely on, run end to end against the loopback server.

Each expectation was checked against Newman 6.2.2 on the same kind of collection
(benchmarks/compare_newman.py replays the API-area collections with both).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factory import make_collection, make_item
from servers import RecordingServer



def events(prerequest: str | None = None, test: str | None = None) -> list[dict]:
    out = []
    for listen, source in (("prerequest", prerequest), ("test", test)):
        if source:
            out.append({"listen": listen, "script": {"exec": source.split("\n")}})
    return out


def run(cli, write_collection, server: RecordingServer, items: list[dict], *args: str, **top) -> tuple[int, str, dict]:
    path = write_collection(make_collection(items, **top))
    report = Path(path).with_suffix(".report.json")
    code, out, _ = cli("run", path, "--env-var", f"baseUrl={server.url}", "-r", "cli,json",
                       "--reporter-json-export", report, "--color", "off", *args)
    return code, out, json.loads(report.read_text())


def script_tests(report: dict, index: int) -> list[tuple[str, bool]]:
    return [(c["message"].split(" — ")[0], c["passed"]) for c in report["results"][index]["checks"] if c["name"] == "test"]


def test_a_failing_pm_test_in_a_pre_request_script_fails_the_item(cli, write_collection, server) -> None:
    server.route("/a", body="{}")
    items = [make_item("Pre", url="{{baseUrl}}/a", event=events(prerequest="""
pm.test('pre passes', function () {});
pm.test('pre fails', function () { pm.expect(1).to.equal(2); });
"""))]
    code, out, report = run(cli, write_collection, server, items)
    assert code == 1
    assert [r.path for r in server.requests] == ["/a"]  # sent anyway, as in Newman
    assert report["results"][0]["outcome"] == "failed"
    assert script_tests(report, 0) == [("pre passes", True), ("pre fails", False)]
    assert "pre fails — expected 1 to equal 2" in out


def test_legacy_setters_store_text_and_pm_setters_keep_types(cli, write_collection, server) -> None:
    server.route("/a", body="{}")
    items = [make_item("Set", url="{{baseUrl}}/a", event=events(prerequest="""
postman.setEnvironmentVariable('count', 5);
postman.setGlobalVariable('flag', true);
postman.setEnvironmentVariable('zero', 0);
pm.environment.set('typed', 5);
"""), response=[]), make_item("Read", url="{{baseUrl}}/a", event=events(test="""
pm.test('legacy count is text', function () { pm.expect(pm.environment.get('count')).to.equal('5'); });
pm.test('legacy flag is text', function () { pm.expect(pm.globals.get('flag')).to.equal('true'); });
pm.test('falsy stays as given', function () { pm.expect(pm.environment.get('zero')).to.equal(0); });
pm.test('pm keeps the number', function () { pm.expect(pm.environment.get('typed')).to.equal(5); });
pm.test('counter compare', function () { pm.expect(pm.environment.get('count') === '5').to.be.true; });
"""))]
    code, out, report = run(cli, write_collection, server, items)
    assert code == 0, out
    assert all(passed for _, passed in script_tests(report, 1)) and len(script_tests(report, 1)) == 5


def test_info_location_and_the_legacy_request_object(cli, write_collection, server) -> None:
    server.route("/a", body="{}")
    item = make_item("Info", url="{{baseUrl}}/a", id="item-id-1", event=events(prerequest="""
pm.test('info', function () {
  pm.expect(pm.info.eventName).to.equal('prerequest');
  pm.expect(pm.info.iteration).to.equal(0);
  pm.expect(pm.info.iterationCount).to.equal(1);
  pm.expect(pm.info.requestName).to.equal('Info');
  pm.expect(pm.info.requestId).to.equal('item-id-1');
});
pm.test('location', function () {
  pm.expect(Array.from(pm.execution.location)).to.eql(['api', 'Folder', 'Info']);
  pm.expect(pm.execution.location.current).to.equal('Info');
});
pm.test('legacy request', function () {
  pm.expect(request.id).to.equal('item-id-1');
  pm.expect(request.name).to.equal('Info');
  pm.expect(request.description).to.equal('What it does');
  pm.expect(request.method).to.equal('GET');
  pm.expect(request.url).to.match(/\\/a$/);
  pm.expect(request.headers).to.eql({'x-a': '1'});  // Newman lowercases the names
  pm.expect(request.data).to.eql({});
});
pm.test('replaceIn nested', function () {
  pm.variables.set('b', 'B'); pm.variables.set('a_B', 'deep');
  pm.expect(pm.variables.replaceIn('{{a_{{b}}}}')).to.equal('deep');
});
"""))
    item["request"]["description"] = "What it does"
    item["request"]["header"] = [{"key": "X-A", "value": "1"}]
    code, out, report = run(cli, write_collection, server, [{"name": "Folder", "item": [item]}], name="api")
    assert code == 0, out
    assert [name for name, passed in script_tests(report, 0) if passed] == ["info", "location", "legacy request",
                                                                         "replaceIn nested"]


def test_cookie_jar_reads_and_writes_the_runs_cookies(cli, write_collection, server) -> None:
    server.route("/login", body="{}", headers=[("Set-Cookie", "sess=abc123; Path=/")])
    server.route("/next", body="{}")
    items = [
        make_item("Login", url="{{baseUrl}}/login", event=events(test="""
pm.test('response cookie', function () { pm.expect(postman.getResponseCookie('sess').value).to.equal('abc123'); });
var jar = pm.cookies.jar();
jar.get(pm.variables.get('baseUrl'), 'sess', function (err, value) {
  pm.test('jar get', function () { pm.expect(err).to.equal(null); pm.expect(value).to.equal('abc123'); });
});
jar.set(pm.variables.get('baseUrl'), 'extra', 'v2', function (err, cookie) {
  pm.test('jar set', function () { pm.expect(cookie.value).to.equal('v2'); });
});
""")),
        make_item("Next", url="{{baseUrl}}/next", event=events(test="""
pm.test('jar cookie in a later item', function () { pm.expect(postman.getResponseCookie('sess').value).to.equal('abc123'); });
pm.test('pm.cookies', function () { pm.expect(pm.cookies.get('extra')).to.equal('v2'); });
pm.cookies.jar().unset(pm.variables.get('baseUrl'), 'extra', function (err) {});
""")),
        make_item("Last", url="{{baseUrl}}/next"),
    ]
    code, out, report = run(cli, write_collection, server, items)
    assert code == 0, out
    login, nxt, last = server.requests
    cookies = dict(p.strip().split("=", 1) for p in (nxt.header("Cookie") or "").split(";"))
    assert cookies == {"sess": "abc123", "extra": "v2"}  # the jar.set cookie went out with the next request
    assert "extra=" not in (last.header("Cookie") or "") and "sess=abc123" in (last.header("Cookie") or "")
    assert [passed for _, passed in script_tests(report, 0)] == [True, True, True]
