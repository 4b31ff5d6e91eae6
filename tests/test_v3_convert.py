"""`postman-replay convert`: v2.1 → v3 → v2.1 sends the same requests and documents the same responses,
and what a format cannot hold is reported, never dropped silently."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import CONFLUENCE, run_cli
from engine.load import load_collection
from factory import bearer, complete_environment, example, folder, make_collection, make_item, openapi_style_collection


def documented(path: Path) -> list:
    """Every item's documented responses, without where they were read from."""
    return [(loc.path, tuple(replace(r, pointer="", body=r.body or "") for r in loc.item.responses))
            for loc in load_collection(path).walk()]


def dry_run(path: Path, *args: object) -> str:
    code, out, err = run_cli("run", path, "--dry-run", "-v", *args)
    assert code in (0, 1), err
    return "\n".join(line for line in out.splitlines() if not line.startswith("duration"))


def wire_form(received) -> tuple:
    """A received request with its multipart boundary (random per send) made the same."""
    content_type = received.header("Content-Type") or ""
    body = received.body
    if "boundary=" in content_type:
        boundary = content_type.split("boundary=")[1]
        body = body.replace(boundary.encode(), b"B")
        content_type = content_type.replace(boundary, "B")
    headers = sorted((k, content_type if k.lower() == "content-type" else v) for k, v in received.headers
                     if k.lower() not in ("user-agent", "postman-token"))
    return received.method, received.target, headers, body


def round_trip(source: Path, tmp_path: Path) -> tuple[Path, Path, str, str]:
    v3, back = tmp_path / "v3" / "Collection", tmp_path / "back.postman_collection.json"
    code, to_v3, err = run_cli("convert", source, "--to", "v3", v3)
    assert code == 0, err
    code, to_v21, err = run_cli("convert", v3, "--to", "v2.1", back)
    assert code == 0, err
    return v3, back, to_v3, to_v21


def test_reference_collection_round_trip_sends_the_same_request(tmp_path: Path) -> None:
    v3, back, to_v3, to_v21 = round_trip(CONFLUENCE, tmp_path)
    assert "nothing was lost" in to_v3 and "nothing was lost" in to_v21
    env = CONFLUENCE.parent / "confluence.postman_environment.json"
    args = ("-e", env, "--env-var", "contentId=1", "--env-var", "accountId=a", "--env-var", "accessToken=t")
    original = dry_run(CONFLUENCE, *args)
    assert "DELETE https://your-domain.atlassian.net/wiki/rest/api/user/watch/content/1?accountId=a" in original
    assert dry_run(v3, *args) == original
    assert dry_run(back, *args) == original
    assert documented(back) == documented(CONFLUENCE) == documented(v3)


def test_openapi_style_collection_round_trip(tmp_path: Path) -> None:
    document = openapi_style_collection(120, seed=3)
    source = tmp_path / "openapi.postman_collection.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    env = tmp_path / "env.json"
    env.write_text(json.dumps(complete_environment(document)), encoding="utf-8")
    v3, back, _, _ = round_trip(source, tmp_path)
    original = dry_run(source, "-e", env)
    assert original.count("\n- ") + original.count("\n✗ ") >= 100
    assert dry_run(v3, "-e", env) == original
    assert dry_run(back, "-e", env) == original
    assert documented(back) == documented(source)
    assert [p for p, _ in documented(v3)] == [p for p, _ in documented(source)]


def test_every_body_mode_auth_script_and_setting_survives(tmp_path: Path, server) -> None:
    items = [
        make_item("raw", "POST", "{{baseUrl}}/raw?x=1", body={"mode": "raw", "raw": "<a/>", "options": {"raw": {"language": "xml"}}},
                  headers=[{"key": "X-Off", "value": "1", "disabled": True}, {"key": "X-On", "value": "yes"}]),
        make_item("urlencoded", "POST", "{{baseUrl}}/u", body={"mode": "urlencoded", "urlencoded": [
            {"key": "a", "value": "1"}, {"key": "b", "value": "2", "disabled": True}]}),
        make_item("formdata", "POST", "{{baseUrl}}/f", body={"mode": "formdata", "formdata": [
            {"key": "t", "value": "v", "type": "text", "contentType": "text/csv"}]}),
        make_item("graphql", "POST", "{{baseUrl}}/g", body={"mode": "graphql", "graphql": {"query": "{ a }", "variables": "{\"n\": 1}"}}),
        make_item("basic", "GET", "{{baseUrl}}/b", auth={"type": "basic", "basic": [{"key": "username", "value": "u"},
                                                                               {"key": "password", "value": "p"}]},
                  protocolProfileBehavior={"followRedirects": False},
                  event=[{"listen": "test", "script": {"exec": ["pm.test('ok', () => {});"]}}]),
        folder("Open", [make_item("none", "GET", "{{baseUrl}}/n")], auth={"type": "noauth"}),
    ]
    source = tmp_path / "c.postman_collection.json"
    source.write_text(json.dumps(make_collection(items, auth=bearer("tok"),
                                                 variable=[{"key": "baseUrl", "value": server.url}])), encoding="utf-8")
    v3, back, to_v3, _ = round_trip(source, tmp_path)
    assert "nothing was lost" in to_v3
    wire = []
    for path in (source, v3, back):
        server.reset()
        server.route("/b", 302, headers={"Location": "/elsewhere"})
        code, out, err = run_cli("run", path)
        wire.append([wire_form(r) for r in server.requests])
        assert code == 0, out + err
        assert re.search(r"✓ +test +ok", out), out
    assert wire[0] == wire[1] == wire[2]
    assert not any(target == "/elsewhere" for _, target, _, _ in wire[1])


def test_what_the_target_cannot_hold_is_reported(tmp_path: Path) -> None:
    item = make_item("x", "GET", "http://127.0.0.1/x", responses=[{**example(200), "cookie": [{"name": "c"}],
                                                                    "responseTime": 12}],
                     variable=[{"key": "local", "value": "1"}], protocolProfileBehavior={"disableBodyPruning": True})
    source = tmp_path / "c.postman_collection.json"
    source.write_text(json.dumps(make_collection([item], protocolProfileBehavior={"strictSSL": False})), encoding="utf-8")
    code, out, err = run_cli("convert", source, "--to", "v3", tmp_path / "out")
    assert code == 0, err
    for lost in ("item-level variables", "disableBodyPruning", "cookies", "responseTime",
                 "protocolProfileBehavior at collection level"):
        assert lost in out, lost
    root = tmp_path / "out"
    (root / ".resources" / "definition.yaml").write_text(
        "$kind: collection\nauth:\n  - {type: bearer, credentials: {token: a}}\n  - {type: basic, credentials: {username: u}}\n",
        encoding="utf-8")
    code, out, err = run_cli("convert", root, "--to", "v2.1", tmp_path / "back.json")
    assert code == 0 and "2 auth entries" in out


def test_convert_refuses_to_overwrite_and_says_which_direction(tmp_path: Path) -> None:
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    code, _, err = run_cli("convert", CONFLUENCE, "--to", "v3", tmp_path / "full")
    assert code == 2 and "not an empty directory" in err
    code, _, err = run_cli("convert", CONFLUENCE, "--to", "v2.1", tmp_path / "x.json")
    assert code == 2 and "--to v3" in err


def test_an_environment_converts_to_v3_yaml(tmp_path: Path) -> None:
    out = tmp_path / "postman" / "environments" / "Mock.environment.yaml"
    code, text, err = run_cli("convert", CONFLUENCE.parent / "mock.postman_environment.json", "--to", "v3", out)
    assert code == 0, err
    from engine.load import load_environment

    env = load_environment(out)
    assert {p.key: (p.value, p.type) for p in env.values}["accessToken"] == ("mock-access-token", "secret")


@pytest.mark.parametrize("name, stem", [("a/b", "a-b"), ("dot.", "dot-"), ("line\nbreak", "linebreak"), ('q"?*', "q---")])
def test_names_become_file_names_postman_accepts(name: str, stem: str, tmp_path: Path) -> None:
    source = tmp_path / "c.postman_collection.json"
    source.write_text(json.dumps(make_collection([make_item(name, url="http://127.0.0.1/x"),
                                                  make_item(name.upper(), url="http://127.0.0.1/y")])), encoding="utf-8")
    code, _, err = run_cli("convert", source, "--to", "v3", tmp_path / "out")
    assert code == 0, err
    assert (tmp_path / "out" / f"{stem}.request.yaml").is_file()
    assert [loc.item.name for loc in load_collection(tmp_path / "out").walk()] == [name, name.upper()]
