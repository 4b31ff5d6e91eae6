"""Reports: JSON shape, JUnit failure vs error, masking, and one code path for curl/dry-run/send."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from junitparser import Error, Failure, JUnitXml

from conftest import CONFLUENCE
from factory import example, make_item

TOKEN = "tok-SECRET-4711"
WATCH_PATH = "/wiki/rest/api/user/watch/content/12345"
# what send adds as Newman does, beyond the request resolve built (README "On the wire")
TRANSPORT_HEADERS = {"host", "user-agent", "accept-encoding", "accept", "connection", "content-length",
                     "cache-control", "postman-token"}


def seed_args(server, *extra: object) -> list[object]:
    return ["--env-var", "contentId=12345", "--env-var", "accountId=384093:abc", "--env-var", f"accessToken={TOKEN}",
            "--env-var", f"baseUrl={server.url}/wiki/rest", *extra]


def mixed_collection(write_collection, server) -> Path:
    """One item passes, one fails its contract, one cannot be sent."""
    server.route("/ok", 200, '{"id": 1}', {"Content-Type": "application/json"})
    server.route("/broken", 500, "oops")
    return write_collection(
        [
            make_item("Good", "GET", "{{baseUrl}}/ok", responses=[example(200, '{"id": "<integer>"}', "application/json")]),
            make_item("Bad", "GET", "{{baseUrl}}/broken", responses=[example(200)]),
            make_item("Unsendable", "GET", "{{baseUrl}}/x/{{missing}}", responses=[example(200)]),
        ],
        name="Mixed",
        auth={"type": "bearer", "bearer": [{"key": "token", "value": "{{bearerToken}}"}]},
        variable=[{"key": "baseUrl", "value": server.url}, {"key": "bearerToken", "value": TOKEN}],
    )


# ---------------------------------------------------------------- JSON


def test_json_report_has_the_spec_shape(server, cli, write_collection, tmp_path) -> None:
    target = tmp_path / "out" / "report.json"
    target.parent.mkdir()
    code, _, _ = cli("run", mixed_collection(write_collection, server), "-r", "json", "--reporter-json-export", target)
    assert code == 1
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["collection"]["name"] == "Mixed"
    assert document["summary"] == {"total": 3, "passed": 1, "failed": 1, "errors": 1, "skipped": 0, "unchecked": 0}
    good, bad, unsendable = document["results"]
    assert [r["item"] for r in document["results"]] == ["Good", "Bad", "Unsendable"]
    assert {r["iteration"] for r in document["results"]} == {0}
    assert [good["outcome"], bad["outcome"], unsendable["outcome"]] == ["passed", "failed", "error"]
    assert good["request"]["method"] == "GET" and good["request"]["url"] == f"{server.url}/ok"
    assert {"code", "reason", "time_ms", "size"} <= set(good["response"])
    assert good["response"]["code"] == 200 and good["response"]["size"] == len('{"id": 1}')
    for check in good["checks"] + bad["checks"]:
        assert {"name", "passed", "message"} <= set(check)
    assert [c["name"] for c in good["checks"]] == ["status", "content-type", "schema"]
    assert bad["checks"][0] == {**bad["checks"][0], "name": "status", "passed": False}
    assert "{{missing}}" in unsendable["error"]
    assert unsendable["response"] is None


def test_json_report_masks_the_token(server, cli, write_collection, tmp_path) -> None:
    target = tmp_path / "report.json"
    cli("run", mixed_collection(write_collection, server), "-r", "json", "--reporter-json-export", target)
    text = target.read_text(encoding="utf-8")
    assert TOKEN not in text
    headers = dict(json.loads(text)["results"][0]["request"]["headers"])
    assert headers["Authorization"] == "Bearer ****"
    assert server.requests[0].header("Authorization") == f"Bearer {TOKEN}"


def test_json_report_masks_secret_values_in_bodies_and_urls(server, cli, write_collection, tmp_path) -> None:
    server.route("/echo", 200, f'{{"echo": "{TOKEN}"}}', {"Content-Type": "application/json"})
    item = make_item("Echo", "POST", "{{baseUrl}}/echo?sig={{apiSecret}}", body={"mode": "raw", "raw": '{"password": "{{userPassword}}"}'})
    path = write_collection([item], variable=[{"key": "baseUrl", "value": server.url}, {"key": "apiSecret", "value": TOKEN},
                                              {"key": "userPassword", "value": "pw-hunter2"}])
    target = tmp_path / "report.json"
    code, out, _ = cli("run", path, "-r", "cli,json", "--reporter-json-export", target)
    assert code == 0, out
    text = target.read_text(encoding="utf-8")
    assert TOKEN not in text and "pw-hunter2" not in text
    assert TOKEN not in out
    assert server.only().target == f"/echo?sig={TOKEN}"


# ---------------------------------------------------------------- JUnit


def test_junit_report_parses_and_separates_failure_from_error(server, cli, write_collection, tmp_path) -> None:
    target = tmp_path / "junit.xml"
    code, _, _ = cli("run", mixed_collection(write_collection, server), "-r", "junit", "--reporter-junit-export", target)
    assert code == 1
    (suite,) = list(JUnitXml.fromfile(str(target)))
    assert suite.name == "Mixed"
    cases = {case.name: case for case in suite}
    assert set(cases) == {"Good", "Bad", "Unsendable"}
    assert cases["Good"].is_passed
    assert [type(r) for r in cases["Bad"].result] == [Failure]
    assert "undocumented status 500" in cases["Bad"].result[0].message
    assert [type(r) for r in cases["Unsendable"].result] == [Error]
    assert "{{missing}}" in cases["Unsendable"].result[0].message
    assert TOKEN not in target.read_text(encoding="utf-8")


def test_junit_has_one_testcase_per_item_and_iteration(server, cli, write_collection, tmp_path) -> None:
    target = tmp_path / "junit.xml"
    path = write_collection([make_item("A", "GET", "{{baseUrl}}/a"), make_item("B", "GET", "{{baseUrl}}/b")],
                            variable=[{"key": "baseUrl", "value": server.url}])
    code, _, _ = cli("run", path, "-n", "2", "-r", "junit", "--reporter-junit-export", target)
    assert code == 0
    names = sorted(case.name for suite in JUnitXml.fromfile(str(target)) for case in suite)
    assert names == ["A [iteration 1]", "A [iteration 2]", "B [iteration 1]", "B [iteration 2]"]


# ---------------------------------------------------------------- cli output


def test_cli_output_masks_authorization_unless_show_secrets(server, cli) -> None:
    server.route(WATCH_PATH, 204)
    _, masked, _ = cli("run", CONFLUENCE, *seed_args(server, "--dry-run"))
    assert "Authorization: Bearer ****" in masked
    assert TOKEN not in masked
    _, shown, _ = cli("run", CONFLUENCE, *seed_args(server, "--dry-run", "--show-secrets"))
    assert f"Authorization: Bearer {TOKEN}" in shown


def test_cli_output_masks_apikey_in_the_url(server, cli, write_collection) -> None:
    auth = {"type": "apikey", "apikey": [{"key": "key", "value": "api_key"}, {"key": "value", "value": "{{apiKey}}"},
                                         {"key": "in", "value": "query"}]}
    path = write_collection([make_item("k", "GET", "{{baseUrl}}/k", auth=auth)],
                            variable=[{"key": "baseUrl", "value": server.url}, {"key": "apiKey", "value": "ak-0123456"}])
    code, out, _ = cli("run", path)
    assert code == 0
    assert "api_key=****" in out and "ak-0123456" not in out
    assert server.only().target == "/k?api_key=ak-0123456"


def test_cli_output_shows_the_failures_again_at_the_end(server, cli, write_collection) -> None:
    _, out, _ = cli("run", mixed_collection(write_collection, server))
    tail = out.split("Failures:", 1)[1]
    assert "Bad" in tail and "undocumented status 500" in tail
    assert "Unsendable" in tail and "{{missing}}" in tail


def test_no_colour_when_not_a_tty(server, cli, write_collection) -> None:
    _, out, _ = cli("run", mixed_collection(write_collection, server))
    assert "\033[" not in out


# ---------------------------------------------------------------- one code path


def parse_curl(text: str) -> tuple[str, str, list[tuple[str, str]]]:
    words = shlex.split(text.replace("\\\n", " "))
    assert words[0] == "curl"
    method = words[words.index("-X") + 1]
    headers = [tuple(words[i + 1].split(": ", 1)) for i, w in enumerate(words) if w == "-H"]
    return method, words[-1], headers  # type: ignore[return-value]


def parse_dry_run(text: str) -> tuple[str, str, list[tuple[str, str]]]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(r"^  [A-Z]+ http", line))
    method, url = lines[start].split()
    headers = []
    for line in lines[start + 1 :]:
        match = re.match(r"^  ([A-Za-z0-9-]+): (.*)$", line)
        if not match or line.startswith("  note: "):
            break
        headers.append((match.group(1), match.group(2)))
    return method, url, headers


@pytest.mark.parametrize("show", [True, False])
def test_curl_dry_run_and_the_real_request_agree(server, cli, show: bool) -> None:
    server.route(WATCH_PATH, 204)
    secrets = ["--show-secrets"] if show else []
    code, curl_out, curl_err = cli("curl", CONFLUENCE, "--item", "Remove content watcher", *seed_args(server, *secrets))
    assert code == 0, curl_err
    assert "left out optional query parameter 'key'" in curl_err
    code, dry_out, _ = cli("run", CONFLUENCE, "--dry-run", *seed_args(server, *secrets))
    assert code == 0
    code, _, _ = cli("run", CONFLUENCE, *seed_args(server))
    assert code == 0
    received = server.only()

    curl = parse_curl(curl_out)
    dry = parse_dry_run(dry_out)
    assert curl == dry
    method, url, headers = curl
    assert method == received.method
    assert url == server.url + received.target
    sent = [(k, v) for k, v in received.headers if k.lower() not in TRANSPORT_HEADERS]
    if show:
        assert sorted(headers) == sorted(sent)
    else:
        assert dict(headers)["Authorization"] == "Bearer ****"
        assert sorted(k for k, _ in headers) == sorted(k for k, _ in sent)


def test_curl_python_format_is_valid_python(cli, server) -> None:
    code, out, _ = cli("curl", CONFLUENCE, "--item", "Remove content watcher", "--format", "python", *seed_args(server))
    assert code == 0
    compile(out, "<snippet>", "exec")
    assert TOKEN not in out and "requests.request('DELETE'" in out


def test_curl_of_an_unsendable_item_explains_why(cli) -> None:
    code, out, err = cli("curl", CONFLUENCE, "--item", "Remove content watcher", "--env-var", "baseUrl=http://h.test")
    assert code == 1
    assert out == ""
    assert "contentId" in err and "accessToken" in err


def test_secret_typed_variable_is_masked_everywhere_but_sent(server, cli, write_collection, tmp_path) -> None:
    item = make_item("a", "POST", "{{baseUrl}}/x/{{sessionRef}}", headers=[{"key": "X-Ref", "value": "{{sessionRef}}"}],
                     body={"mode": "raw", "raw": "ref={{sessionRef}}"})
    path = write_collection([item], variable=[{"key": "baseUrl", "value": server.url}])
    env = tmp_path / "env.json"
    env.write_text(json.dumps({"values": [{"key": "sessionRef", "value": "abc-private-99", "type": "secret"}]}))
    report = tmp_path / "r.json"
    exported = tmp_path / "exported.json"
    code, out, _ = cli("run", path, "-e", env, "-v", "-r", "cli,json", "--reporter-json-export", report,
                       "--export-environment", exported)
    assert code == 0, out
    _, curl_out, _ = cli("curl", path, "--item", "a", "-e", env)
    for text in (out, curl_out, report.read_text(encoding="utf-8")):
        assert "abc-private-99" not in text
        assert "****" in text
    received = server.only()
    assert received.target == "/x/abc-private-99" and received.body == b"ref=abc-private-99"
    # the environment the user asked to export keeps its real values
    assert {v["key"]: v["value"] for v in json.loads(exported.read_text())["values"]}["sessionRef"] == "abc-private-99"


def test_ordinary_headers_stay_readable_when_masking(server, cli) -> None:
    _, out, _ = cli("run", CONFLUENCE, "--dry-run", *seed_args(server))
    assert "X-Atlassian-Token: no-check" in out


def test_cli_shows_the_start_of_the_body_of_a_failed_item_only(server, cli, write_collection) -> None:
    server.route("/broken", 500, '{"error": "database is down", "token": "' + TOKEN + '"}')
    server.route("/ok", 200, '{"id": 1}', {"Content-Type": "application/json"})
    path = write_collection(
        [
            make_item("Bad", "GET", "{{baseUrl}}/broken", responses=[example(200)]),
            make_item("Good", "GET", "{{baseUrl}}/ok", responses=[example(200)]),
        ],
        variable=[{"key": "baseUrl", "value": server.url}, {"key": "apiToken", "value": TOKEN}],
    )
    code, out, _ = cli("run", path)
    assert code == 1
    bad_block, good_block = out.split("\n\n")[1:3]
    assert 'body: {"error": "database is down", "token": "****"}' in bad_block
    assert "body:" not in good_block


def test_a_secret_is_masked_however_it_was_encoded_and_only_secrets_are(server, cli, write_collection, tmp_path) -> None:
    server.route("/login/p@ss w/rd!", 200, "ok")
    item = make_item("Login", "POST", "{{baseUrl}}/login/:pw?password={{password}}&author={{author}}",
                     body={"mode": "urlencoded", "urlencoded": [{"key": "password", "value": "{{password}}"}]})
    item["request"]["url"] = {"raw": item["request"]["url"], "host": ["{{baseUrl}}"], "path": ["login", ":pw"],
                              "variable": [{"key": "pw", "value": "{{password}}"}],
                              "query": [{"key": "password", "value": "{{password}}"},
                                        {"key": "author", "value": "{{author}}"}]}
    path = write_collection([item], variable=[{"key": "baseUrl", "value": server.url}])
    report, env = tmp_path / "r.json", tmp_path / "env.json"
    env.write_text(json.dumps({"name": "e", "values": [{"key": "password", "value": "p@ss w/rd!", "type": "secret"},
                                                        {"key": "author", "value": "tolkien"}]}), encoding="utf-8")
    exported = tmp_path / "out.json"
    code, out, _ = cli("run", path, "-e", env, "-v", "-r", "cli,json", "--reporter-json-export", report,
                       "--export-environment", exported)
    sent = server.only()
    assert "p%40ss%20w%2Frd%21" in sent.body.decode() and "tolkien" in sent.target
    text = out + report.read_text(encoding="utf-8")
    for form in ("p@ss w/rd!", "p@ss%20w/rd!", "p%40ss+w%2Frd%21", "p@ss%20w%2Frd!", "p%40ss%20w%2Frd%21"):
        assert form not in text, form
    assert "author=tolkien" in text  # not a secret: "auth" is no secret word
    values = {v["key"]: v for v in json.loads(exported.read_text(encoding="utf-8"))["values"]}
    assert values["password"]["type"] == "secret" and values["password"]["value"] == "p@ss w/rd!"


def test_item_names_reach_the_terminal_on_one_line_without_control_characters(server, cli, write_collection) -> None:
    server.route("/n", 200, "ok")
    path = write_collection([make_item("Two\nlines \x1b[31mred\x07", "GET", f"{server.url}/n")])
    code, out, _ = cli("run", path)
    assert code == 0
    assert "Two⏎lines \\x1b[31mred\\x07" in out and "\x1b" not in out and "\x07" not in out
