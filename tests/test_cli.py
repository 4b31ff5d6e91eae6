"""The command line in-process: list, validate, selection, exports, version."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import CONFLUENCE
from engine import __version__
from factory import blocking_names, complete_environment, make_item, openapi_style_collection, walk_items


@pytest.fixture(scope="module")
def openapi_document() -> dict:
    return openapi_style_collection(160)


@pytest.fixture
def openapi_file(tmp_path: Path, openapi_document: dict) -> Path:
    path = tmp_path / "openapi.postman_collection.json"
    path.write_text(json.dumps(openapi_document), encoding="utf-8")
    return path


def url_template(item: dict) -> str:
    url = item["request"]["url"]
    text = "{{baseUrl}}/" + "/".join(url["path"])
    query = [q for q in url.get("query", []) if not q.get("disabled")]
    if query:
        text += "?" + "&".join(f"{q['key']}={q['value']}" for q in query)
    return text


# ---------------------------------------------------------------- list


def test_list_shows_every_item_with_method_url_template_and_codes(cli, openapi_file: Path, openapi_document: dict) -> None:
    code, out, err = cli("list", openapi_file)
    assert code == 0, err
    lines = out.splitlines()
    for path, item in walk_items(openapi_document):
        method = item["request"]["method"]
        codes = ",".join(str(r["code"]) for r in item["response"])
        expected = f"{method:<7} {item['name']}  {url_template(item)}  [{codes}]"
        assert any(line.strip() == expected for line in lines), expected
    assert lines[-1] == "160 items"
    assert "users/" in out and "{userId}/" in out


def test_list_shows_folder_nesting_by_indentation(cli, openapi_file: Path) -> None:
    _, out, _ = cli("list", openapi_file)
    folder_line = next(line for line in out.splitlines() if line.strip() == "{userId}/")
    nested_item = out.splitlines()[out.splitlines().index(folder_line) + 1]
    assert len(nested_item) - len(nested_item.lstrip()) > len(folder_line) - len(folder_line.lstrip())


def test_list_on_the_reference_collection(cli) -> None:
    code, out, _ = cli("list", CONFLUENCE)
    assert code == 0
    assert "DELETE  Remove content watcher  {{baseUrl}}/api/user/watch/content/:contentId" in out
    assert "[204,403,404]" in out


# ---------------------------------------------------------------- validate


def test_validate_without_environment_names_what_blocks_each_item(cli, openapi_file: Path, openapi_document: dict) -> None:
    code, out, err = cli("validate", openapi_file)
    assert code == 2, err
    blocks = dict(re.findall(r"^✗ (.+)\n((?:    .*\n?)+)", out, flags=re.M))
    for path, item in walk_items(openapi_document):
        noauth = item["request"].get("auth", {}).get("type") == "noauth"
        names = blocking_names(item) | (set() if noauth else {"bearerToken"})
        if not names:
            assert path not in blocks
            continue
        assert path in blocks, path
        for name in names:
            assert name in blocks[path], (path, name, blocks[path])
    assert f"{len(blocks)} of 160 items cannot be sent as they stand" in out


def test_validate_names_required_path_variables_with_the_fix(cli, openapi_file: Path) -> None:
    _, out, _ = cli("validate", openapi_file)
    assert "path variable :userId has no value" in out
    assert "--env-var userId=" in out
    assert "--env-var bearerToken=" in out


def test_validate_with_a_complete_environment_passes(cli, tmp_path: Path, openapi_file: Path, openapi_document: dict) -> None:
    env = tmp_path / "complete.postman_environment.json"
    env.write_text(json.dumps(complete_environment(openapi_document)))
    code, out, err = cli("validate", openapi_file, "-e", env)
    assert code == 0, out + err
    assert "every item can be sent" in out
    assert "✗" not in out


def test_validate_sends_nothing(cli, server, tmp_path: Path, openapi_document: dict) -> None:
    document = dict(openapi_document, variable=[{"key": "baseUrl", "value": server.url}])
    path = tmp_path / "local.json"
    path.write_text(json.dumps(document))
    env = tmp_path / "env.json"
    env.write_text(json.dumps(complete_environment(document)))
    assert cli("validate", path, "-e", env)[0] == 0
    assert server.requests == []


def test_validate_the_reference_item(cli) -> None:
    code, out, _ = cli("validate", CONFLUENCE)
    assert code == 2
    assert "contentId" in out and "accountId" in out and "accessToken" in out
    code, out, _ = cli("validate", CONFLUENCE, "--env-var", "contentId=1", "--env-var", "accountId=a", "--env-var", "accessToken=t")
    assert code == 0, out


def test_validate_reports_schema_errors_with_exit_2(cli, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"info": {"name": "x"}, "item": [{"name": "a", "request": {"url": 1}}]}))
    code, _, err = cli("validate", path)
    assert code == 2
    assert "bad.json#/item/0/request/url" in err


# ---------------------------------------------------------------- selection


def test_item_by_name_and_by_slash_path(cli, server, write_collection) -> None:
    items = [{"name": "Users", "item": [make_item("Get", "GET", "{{baseUrl}}/users"), make_item("Delete", "DELETE", "{{baseUrl}}/users")]},
             {"name": "Groups", "item": [make_item("Get", "GET", "{{baseUrl}}/groups")]}]
    path = write_collection(items, variable=[{"key": "baseUrl", "value": server.url}])
    assert cli("run", path, "--item", "Users/Get")[0] == 0
    assert [(r.method, r.path) for r in server.requests] == [("GET", "/users")]
    server.reset()
    assert cli("run", path, "--item", "Get")[0] == 0
    assert [r.path for r in server.requests] == ["/users", "/groups"]
    server.reset()
    assert cli("run", path, "--folder", "Groups")[0] == 0
    assert [r.path for r in server.requests] == ["/groups"]
    server.reset()
    assert cli("run", path, "--folder", "Users", "--item", "Delete")[0] == 0
    assert [(r.method, r.path) for r in server.requests] == [("DELETE", "/users")]


def test_unknown_item_sends_nothing(cli, server, write_collection) -> None:
    path = write_collection([make_item("Get users", "GET", "{{baseUrl}}/users")], variable=[{"key": "baseUrl", "value": server.url}])
    code, _, err = cli("run", path, "--item", "Get user")
    assert code == 2 and "did you mean 'Get users'?" in err
    assert server.requests == []


# ---------------------------------------------------------------- misc


def test_version(cli, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli("--version")
    assert code == 0
    assert f"postman-replay {__version__}" in out + err + capsys.readouterr().out


def test_version_goes_to_the_stream_main_was_given(cli) -> None:
    code, out, _ = cli("--version")
    assert out == f"postman-replay {__version__}\n"


def test_no_command_prints_help_and_exits_2(cli) -> None:
    code, out, _ = cli()
    assert code == 2 and "run" in out and "validate" in out


def test_export_environment_after_the_run(cli, server, write_collection, tmp_path: Path) -> None:
    path = write_collection([make_item("a", "GET", "{{baseUrl}}/a")], variable=[{"key": "baseUrl", "value": server.url}])
    env = tmp_path / "in.json"
    env.write_text(json.dumps({"name": "mine", "values": [{"key": "e1", "value": "v1"}]}))
    out_path = tmp_path / "out.json"
    code, _, _ = cli("run", path, "-e", env, "--env-var", "extra=x", "--export-environment", out_path)
    assert code == 0
    exported = json.loads(out_path.read_text())
    assert exported["name"] == "mine"
    assert {v["key"]: v["value"] for v in exported["values"]} == {"e1": "v1", "extra": "x"}


def test_exit_code_is_0_when_everything_passed(cli, server, write_collection) -> None:
    server.route("/a", 201)
    path = write_collection([make_item("a", "POST", "{{baseUrl}}/a", responses=[{"code": 201, "name": "made"}])],
                            variable=[{"key": "baseUrl", "value": server.url}])
    code, out, _ = cli("run", path)
    assert code == 0
    assert "201 Created — made" in out


def test_delay_request_is_accepted(cli, server, write_collection) -> None:
    path = write_collection([make_item("a", "GET", "{{baseUrl}}/a"), make_item("b", "GET", "{{baseUrl}}/b")],
                            variable=[{"key": "baseUrl", "value": server.url}])
    assert cli("run", path, "--delay-request", "1")[0] == 0
    assert len(server.requests) == 2


def test_mock_port_out_of_range_or_busy_exits_2_with_the_fix(cli) -> None:
    import socket

    code, _, err = cli("mock", CONFLUENCE, "--port", "99999")
    assert code == 2 and "a port is 0 to 65535" in err
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code, _, err = cli("mock", CONFLUENCE, "--port", str(port))
    assert code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in err and "--port 0" in err and "Traceback" not in err


def test_curl_applies_pre_request_scripts_like_a_dry_run(cli, write_collection) -> None:
    item = make_item("Signed", "POST", "http://h.test/sign/{{sig}}",
                     body={"mode": "formdata", "formdata": [{"key": "note", "value": "@/etc/hostname", "type": "text"}]})
    item["event"] = [{"listen": "prerequest", "script": {"exec": [
        "pm.variables.set('sig', 'abc123');",
        "pm.request.headers.add({key: 'X-Sig', value: 'v1'});",
        "pm.sendRequest('http://h.test/never', function (err) { console.log('sendRequest: ' + err); });",
    ]}}]
    code, out, err = cli("curl", write_collection([item]), "--item", "Signed")
    assert code == 0, err
    assert '-H "X-Sig: v1"' in out and '"http://h.test/sign/abc123"' in out
    assert "--form-string note=@/etc/hostname" in out and " -F " not in out
    assert "not sent in a dry run" in err


def test_validate_accepts_variables_that_a_script_sets(cli, write_collection) -> None:
    login = make_item("Login", "POST", "http://h.test/login")
    login["event"] = [{"listen": "test", "script": {"exec": ["pm.environment.set('authToken', pm.response.json().token);"]}}]
    me = make_item("Me", "GET", "http://h.test/me", headers=[{"key": "Authorization", "value": "Bearer {{authToken}}"}])
    other = make_item("Other", "GET", "http://h.test/{{unknown}}")
    code, out, _ = cli("validate", write_collection([login, me]))
    assert code == 0 and "{{authToken}} set by a script" in out
    code, out, _ = cli("validate", write_collection([login, me, other]))
    assert code == 2 and "✗ Other" in out and "--env-var unknown=…" in out
