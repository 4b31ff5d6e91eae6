"""`--compat newman`: Newman's looser sending, on request only, every case a typed note.

Each case runs twice against the loopback recording server: with the switch the request goes out as
Newman sends it (and the item carries a CompatNote of the right kind); without it the item is an
error and nothing unresolved, no placeholder and no missing credential reaches the wire.
"""

from __future__ import annotations

import base64
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from factory import example, make_collection, make_item
from servers import RecordingServer

pytest_plugins = ["pytester"]


def collection(tmp_path: Path, items: list[dict], server: RecordingServer, **top) -> Path:
    variables = [{"key": "baseUrl", "value": server.url}, *top.pop("variable", [])]
    path = tmp_path / "suite.postman_collection.json"
    path.write_text(json.dumps(make_collection(items, variable=variables, **top)), encoding="utf-8")
    return path


def json_report(cli, *args) -> tuple[int, dict, str]:
    code, out, err = cli(*args, "-r", "json", "--reporter-json-export", "report.json")
    return code, json.loads(Path("report.json").read_text(encoding="utf-8")), out + err


def kinds(result: dict) -> list[tuple[str, str]]:
    return [(n["kind"], n["subject"]) for n in result.get("compat", [])]


def on_test(s: str) -> dict:
    return {"listen": "test", "script": {"exec": s}}


def prerequest(s: str) -> dict:
    return {"listen": "prerequest", "script": {"exec": s}}


# ---------------------------------------------------------------- the suite that sends {{FOO}} first


def literal_suite(tmp_path: Path, server: RecordingServer) -> Path:
    """Sends {{FOO}} before any script defines it and asserts on the literal echo, then defines it."""
    server.route("/echo", behaviour="echo")
    first = make_item("Undefined first", "GET", "{{baseUrl}}/echo", headers=[{"key": "X-Foo", "value": "{{FOO}}"}],
                      responses=[example(200)],
                      event=[on_test("pm.test('echoes the literal', () => "
                                       "pm.expect(pm.response.json().headers['X-Foo']).to.eql('{{FOO}}'));")])
    second = make_item("Defined later", "GET", "{{baseUrl}}/echo", headers=[{"key": "X-Foo", "value": "{{FOO}}"}],
                       responses=[example(200)],
                       event=[prerequest("pm.environment.set('FOO', 'bar');"),
                              on_test("pm.test('echoes the value', () => "
                                        "pm.expect(pm.response.json().headers['X-Foo']).to.eql('bar'));")])
    return collection(tmp_path, [first, second], server)


def test_a_suite_relying_on_literal_variables_passes_with_the_switch(server, cli, tmp_path) -> None:
    code, report, output = json_report(cli, "run", literal_suite(tmp_path, server), "--compat", "newman")
    assert code == 0, output
    assert [r.header("X-Foo") for r in server.requests] == ["{{FOO}}", "bar"]
    first, second = report["results"]
    assert first["outcome"] == second["outcome"] == "passed"
    assert kinds(first) == [("unresolved-variable", "FOO")] and "compat" not in second
    assert "sent as written" in first["compat"][0]["message"]


def test_the_same_suite_errors_its_items_without_the_switch(server, cli, tmp_path) -> None:
    code, report, output = json_report(cli, "run", literal_suite(tmp_path, server))
    assert code == 1
    first, second = report["results"]
    assert first["outcome"] == "error" and "unresolved variable {{FOO}}" in first["error"]
    assert second["outcome"] == "passed"
    assert [r.header("X-Foo") for r in server.requests] == ["bar"]  # nothing unresolved went out
    assert all("{{" not in r.target and "{{" not in (r.header("X-Foo") or "") for r in server.requests)


# ---------------------------------------------------------------- placeholders and path variables


def placeholder_item(server: RecordingServer) -> dict:
    url = {"raw": "{{baseUrl}}/things/:id/:kind?q=<string>&n=<integer>",
           "host": ["{{baseUrl}}"], "path": ["things", ":id", ":kind"],
           "query": [{"key": "q", "value": "<string>", "description": "(Required) the query"},
                     {"key": "n", "value": "<integer>"}],
           "variable": [{"key": "id", "value": ""}, {"key": "kind", "value": "<string>"}]}
    return make_item("Placeholders", "GET", url, headers=[{"key": "Authorization", "value": "Bearer <token>"}],
                     responses=[example(200)])


def test_placeholders_and_empty_path_variables_go_out_as_written_with_the_switch(server, cli, tmp_path) -> None:
    server.route("/things/:id/%3Cstring%3E", 200, "ok")
    code, report, output = json_report(cli, "run", collection(tmp_path, [placeholder_item(server)], server),
                                       "--compat", "newman")
    assert code == 0, output
    received = server.only()
    # postman-collection leaves `:id` as written when its value is empty; placeholders are sent as written
    assert received.path == "/things/:id/%3Cstring%3E"
    assert received.query == "q=%3Cstring%3E&n=%3Cinteger%3E"
    assert received.header("Authorization") == "Bearer <token>"
    (result,) = report["results"]
    assert sorted(kinds(result)) == [("path-variable", "id"), ("path-variable", "kind"), ("placeholder", "Authorization"),
                                     ("placeholder", "n"), ("placeholder", "q")]


def test_placeholders_and_empty_path_variables_are_refused_without_the_switch(server, cli, tmp_path) -> None:
    code, report, _ = json_report(cli, "run", collection(tmp_path, [placeholder_item(server)], server))
    assert code == 1 and server.requests == []
    (result,) = report["results"]
    assert "path variable :id has no value" in result["error"] and "required query parameter 'q'" in result["error"]


# ---------------------------------------------------------------- missing credentials


AUTHS = {
    "bearer": ({"type": "bearer", "bearer": [{"key": "token", "value": ""}]}, None),
    "basic": ({"type": "basic", "basic": [{"key": "username", "value": ""}, {"key": "password", "value": ""}]},
              "Basic " + base64.b64encode(b":").decode()),
    "apikey placeholder": ({"type": "apikey", "apikey": [{"key": "key", "value": "X-Key"},
                                                         {"key": "value", "value": "<API Key>"}]}, "<API Key>"),
    "oauth2": ({"type": "oauth2", "oauth2": [{"key": "addTokenTo", "value": "header"}]}, None),
    "bearer placeholder": ({"type": "bearer", "bearer": [{"key": "token", "value": "<token>"}]}, "Bearer <token>"),
}


@pytest.mark.parametrize("name", list(AUTHS))
def test_auth_with_a_missing_credential_is_sent_as_newman_sends_it(name, server, cli, tmp_path) -> None:
    auth, expected = AUTHS[name]
    server.route("/auth", 200, "ok")
    path = collection(tmp_path, [make_item("Auth", "GET", "{{baseUrl}}/auth", auth=auth, responses=[example(200)])],
                      server)
    code, report, output = json_report(cli, "run", path, "--compat", "newman")
    assert code == 0, output
    received = server.only()
    header = "X-Key" if name.startswith("apikey") else "Authorization"
    assert received.header(header) == expected
    assert kinds(report["results"][0]) == [("credential", auth["type"])]

    server.reset()
    code, report, _ = json_report(cli, "run", path)
    assert code == 1 and server.requests == []
    assert report["results"][0]["outcome"] == "error"


# ---------------------------------------------------------------- environment values and precedence


def test_enabled_false_environment_values_apply_only_with_the_switch(server, cli, tmp_path) -> None:
    server.route("/env", 200, "ok")
    path = collection(tmp_path, [make_item("Env", "GET", "{{baseUrl}}/env?v={{v}}&w={{w}}", responses=[example(200)])],
                      server)
    env = tmp_path / "env.json"
    env.write_text(json.dumps({"name": "E", "values": [
        {"key": "v", "value": "switched-off", "enabled": False},  # Newman ignores `enabled`
        {"key": "w", "value": "on"},
        {"key": "w", "value": "never", "disabled": True},  # … but honours `disabled`
    ]}), encoding="utf-8")
    code, report, output = json_report(cli, "run", path, "-e", env, "--compat", "newman")
    assert code == 0, output
    assert server.only().query == "v=switched-off&w=on"
    assert kinds(report["results"][0]) == [("disabled-value", "v")]

    server.reset()
    code, report, _ = json_report(cli, "run", path, "-e", env)
    assert code == 1 and server.requests == []
    assert "unresolved variable {{v}}" in report["results"][0]["error"]


def test_newman_precedence_puts_iteration_data_above_env_var(server, cli, tmp_path) -> None:
    server.route("/p", 200, "ok")
    path = collection(tmp_path, [make_item("P", "GET", "{{baseUrl}}/p?v={{v}}&u={{u}}", responses=[example(200)])],
                      server)
    data = tmp_path / "rows.csv"
    data.write_text("v,u\nfrom-data,same\n", encoding="utf-8")
    code, report, output = json_report(cli, "run", path, "-d", data, "--env-var", "v=from-cli", "--env-var", "u=same",
                                       "--compat", "newman")
    assert code == 0, output
    assert server.only().query == "v=from-data&u=same"
    assert kinds(report["results"][0]) == [("precedence", "v")]  # `u` is the same either way: no note

    server.reset()
    code, report, _ = json_report(cli, "run", path, "-d", data, "--env-var", "v=from-cli")
    assert code == 0 and server.only().query == "v=from-cli&u=same" and "compat" not in report["results"][0]


# ---------------------------------------------------------------- a failed pre-request script


def test_a_request_whose_prerequest_script_failed_is_still_sent_with_the_switch(server, cli, tmp_path) -> None:
    server.route("/pre", 200, "ok")
    item = make_item("Pre", "GET", "{{baseUrl}}/pre", responses=[example(200)],
                     event=[prerequest("throw new Error('boom in pre');"),
                            on_test("pm.test('ran after sending', () => pm.expect(pm.response.code).to.eql(200));")])
    path = collection(tmp_path, [item], server)
    code, report, output = json_report(cli, "run", path, "--compat", "newman")
    assert code == 1, output  # the script still failed: the item is an error, as in Newman's exit code
    assert server.only().path == "/pre"
    (result,) = report["results"]
    assert result["outcome"] == "error" and "boom in pre" in result["error"]
    assert result["response"]["code"] == 200
    assert any(c["message"] == "ran after sending" and c["passed"] for c in result["checks"])
    assert kinds(result) == [("prerequest-failed", "Pre")]

    server.reset()
    code, report, _ = json_report(cli, "run", path)
    assert code == 1 and server.requests == []
    assert report["results"][0]["response"] is None


def missing_file_items() -> list[dict]:
    """Files named from their author's machine: Newman warns ("file load error") and sends without them."""
    form = make_item("Upload", "POST", "{{baseUrl}}/up", responses=[example(200)])
    form["request"]["body"] = {"mode": "formdata", "formdata": [
        {"key": "name", "value": "x", "type": "text"},
        {"key": "photo", "type": "file", "src": "/Users/someone/Desktop/photo.png"}]}
    binary = make_item("Binary", "POST", "{{baseUrl}}/bin", responses=[example(200)])
    binary["request"]["body"] = {"mode": "file", "file": {"src": "gone.bin"}}
    return [form, binary]


def test_a_missing_file_is_left_out_as_newman_leaves_it_out_only_with_the_switch(server, cli, tmp_path) -> None:
    server.route("/up", 200, "ok")
    server.route("/bin", 200, "ok")
    path = collection(tmp_path, missing_file_items(), server)
    code, report, output = json_report(cli, "run", path, "--compat", "newman", "--allow-outside-files")
    assert code == 0, output
    upload, binary = server.requests
    assert b'name="name"' in upload.body and b"photo" not in upload.body
    assert upload.header("Content-Type").startswith("multipart/form-data; boundary=")
    assert (binary.body, binary.header("Content-Length"), binary.header("Content-Type")) == (b"", "0", None)
    assert [kinds(r) for r in report["results"]] == [[("missing-file", "photo")],
                                                     [("missing-file", str(tmp_path / "gone.bin"))]]

    server.reset()
    code, report, output = json_report(cli, "run", path, "--allow-outside-files")
    assert code == 1 and server.requests == []
    assert "file '/Users/someone/Desktop/photo.png' does not exist" in report["results"][0]["error"]
    code, out, _ = cli("validate", path, "--allow-outside-files")
    assert code == 2 and "file '/Users/someone/Desktop/photo.png' does not exist" in out
    assert "2 of 2 items cannot be sent" in out
    code, out, _ = cli("validate", path, "--allow-outside-files", "--compat", "newman")
    assert code == 0 and "compat: missing-file: form-data file" in out


# ---------------------------------------------------------------- every report, validate, curl, plugin


def test_every_report_renders_the_notes(server, cli, tmp_path) -> None:
    path = literal_suite(tmp_path, server)
    code, out, err = cli("run", path, "--compat", "newman", "-r", "cli,json,junit,html",
                         "--reporter-json-export", "r.json", "--reporter-junit-export", "r.xml",
                         "--reporter-html-export", "r.html")
    assert code == 0, out + err
    assert "compat: variable 'FOO' has no value; sent as written" in out
    report = json.loads(Path("r.json").read_text(encoding="utf-8"))
    assert report["results"][0]["compat"][0]["kind"] == "unresolved-variable"
    tree = ET.parse("r.xml")
    properties = [(p.get("name"), p.get("value")) for p in tree.iter("property")]
    assert properties == [("compat-newman.unresolved-variable", "variable 'FOO' has no value; sent as written")]
    assert "compat: variable 'FOO' has no value" in "".join(e.text or "" for e in tree.iter("system-out"))
    assert "--compat newman: variable 'FOO' has no value; sent as written" in Path("r.html").read_text(encoding="utf-8")


def test_validate_lists_what_the_switch_lets_through(server, cli, tmp_path) -> None:
    path = collection(tmp_path, [placeholder_item(server),
                                 make_item("Plain", "GET", "{{baseUrl}}/plain?x={{FOO}}")], server)
    code, out, _ = cli("validate", path, "--compat", "newman")
    assert code == 0, out
    assert "~ Placeholders" in out and "compat: path-variable: path variable :id has no value" in out
    assert "~ Plain" in out and "compat: unresolved-variable: variable 'FOO' has no value" in out
    assert "2 of 2 items are sent only because of --compat newman" in out
    code, out, _ = cli("validate", path)
    assert code == 2 and "2 of 2 items cannot be sent" in out


def test_curl_prints_the_request_newman_would_send(server, cli, tmp_path) -> None:
    path = collection(tmp_path, [make_item("Plain", "GET", "{{baseUrl}}/plain?x=1",
                                           headers=[{"key": "X-Foo", "value": "{{FOO}}"}])], server)
    code, out, err = cli("curl", path, "--item", "Plain", "--compat", "newman")
    assert code == 0, err
    assert "X-Foo: {{FOO}}" in out and "compat: variable 'FOO' has no value" in err
    code, _, err = cli("curl", path, "--item", "Plain")
    assert code == 1 and "unresolved variable {{FOO}}" in err


def test_the_switch_accepts_only_newman(cli, tmp_path, server) -> None:
    code, _, err = cli("run", collection(tmp_path, [make_item()], server), "--compat", "postman")
    assert code == 2 and "invalid choice" in err and "newman" in err


def test_the_pytest_plugin_takes_the_same_switch(pytester: pytest.Pytester, server: RecordingServer) -> None:
    server.route("/echo", behaviour="echo")
    item = make_item("Literal", "GET", "{{baseUrl}}/echo?x={{FOO}}", responses=[example(200)])
    path = pytester.path / "suite.postman_collection.json"
    path.write_text(json.dumps(make_collection([item], variable=[{"key": "baseUrl", "value": server.url}])))
    args = ("-p", "no:hypothesispytest", "-p", "no:faker", "--postman", path.name, "-rA")
    result = pytester.runpytest_subprocess(*args, "--postman-compat", "newman")
    result.assert_outcomes(passed=1)
    assert server.only().query == "x={{FOO}}"  # as Newman sends it
    server.reset()
    result = pytester.runpytest_subprocess(*args)
    result.assert_outcomes(errors=1)  # an item that cannot be sent errors in setup
    assert server.requests == []
    result.stdout.fnmatch_lines(["*unresolved variable {{FOO}}*"])


def test_without_the_switch_nothing_changes(server, tmp_path) -> None:
    from engine.runner import RunOptions, base_scopes
    from engine.load import load_collection
    from engine.variables import SCOPE_ORDER

    assert RunOptions().compat is None
    scopes = base_scopes(load_collection(collection(tmp_path, [make_item()], server)), RunOptions())
    assert tuple(scopes.layers) == SCOPE_ORDER and not scopes.compat


def test_with_workers_each_folder_keeps_its_own_notes(server, cli, tmp_path) -> None:
    """The pre-request failure is carried per worker thread: each item gets exactly its own notes."""
    from factory import folder

    for name in ("a", "b"):
        server.route(f"/{name}", 200, "ok")
    failing = make_item("Fails", "GET", "{{baseUrl}}/a", responses=[example(200)],
                        event=[prerequest("throw new Error('pre');")])
    literal = make_item("Literal", "GET", "{{baseUrl}}/b?x={{FOO}}", responses=[example(200)])
    path = collection(tmp_path, [folder("A", [failing]), folder("B", [literal])], server)
    code, report, output = json_report(cli, "run", path, "--compat", "newman", "--workers", "2")
    assert code == 1, output
    by_item = {r["item"]: r for r in report["results"]}
    assert kinds(by_item["A/Fails"]) == [("prerequest-failed", "A/Fails")] and by_item["A/Fails"]["outcome"] == "error"
    assert kinds(by_item["B/Literal"]) == [("unresolved-variable", "FOO")] and by_item["B/Literal"]["outcome"] == "passed"
    assert sorted(r.path for r in server.requests) == ["/a", "/b"]


def test_globals_enabled_false_values_apply_with_the_switch(server, cli, tmp_path) -> None:
    server.route("/g", 200, "ok")
    path = collection(tmp_path, [make_item("G", "GET", "{{baseUrl}}/g?v={{v}}", responses=[example(200)])], server)
    globals_ = tmp_path / "globals.json"
    globals_.write_text(json.dumps([{"key": "v", "value": "from-globals", "enabled": False}]), encoding="utf-8")
    code, report, output = json_report(cli, "run", path, "-g", globals_, "--compat", "newman")
    assert code == 0, output
    assert server.only().query == "v=from-globals"
    assert kinds(report["results"][0]) == [("disabled-value", "v")]
    assert "the globals file disables" in report["results"][0]["compat"][0]["message"]
