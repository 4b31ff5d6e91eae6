"""load: Postman files (v2.0/v2.1, JSON/YAML, API-export wrapper) → normalised model objects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CONFLUENCE
from engine.errors import InputError
from engine.load import build_collection, build_environment, load_collection, load_environment
from engine.model import Folder, Item
from factory import make_collection, make_item, openapi_style_collection, walk_items


def test_reference_collection_loads() -> None:
    collection = load_collection(CONFLUENCE)
    (located,) = list(collection.walk())
    item = located.item
    assert item.name == "Remove content watcher"
    assert item.request.method == "DELETE"
    assert item.request.auth is not None and item.request.auth.type == "oauth2"
    assert [r.code for r in item.responses] == [204, 403, 404]
    assert item.responses[0].title == "Returned if the watcher was successfully deleted. No response body is …"
    assert item.request.url.path == ("api", "user", "watch", "content", ":contentId")
    assert [q.key for q in item.request.url.query] == ["key", "username", "accountId"]
    assert item.request.url.query[2].description.startswith("(Required)")
    assert item.pointer == "/item/0"
    assert collection.source == CONFLUENCE


def test_postman_api_wrapper_form() -> None:
    wrapped = {"collection": make_collection([make_item("A")], name="wrapped")}
    collection = build_collection(wrapped)
    assert collection.name == "wrapped"
    assert list(collection.walk())[0].item.pointer == "/collection/item/0"


def test_v20_variants() -> None:
    document = {
        "info": {"name": "old", "schema": "https://schema.getpostman.com/json/collection/v2.0.0/collection.json"},
        "item": [{
            "name": "A",
            "request": {
                "method": "post",
                "url": "http://h.test/a",
                "header": "X-One: 1\nX-Two: two words\nbroken line",
                "auth": {"type": "basic", "basic": {"username": "u", "password": "p"}},
            },
        }],
    }
    collection = build_collection(document)
    request = list(collection.walk())[0].item.request
    assert collection.schema_version == "2.0.0"
    assert request.method == "POST"
    assert [(h.key, h.value) for h in request.headers] == [("X-One", "1"), ("X-Two", "two words")]
    assert request.auth is not None and request.auth.get("username") == "u" and request.auth.get("password") == "p"


def test_request_as_a_plain_string() -> None:
    collection = build_collection(make_collection([{"name": "s", "request": "http://h.test/x"}]))
    request = list(collection.walk())[0].item.request
    assert (request.method, request.url.raw) == ("GET", "http://h.test/x")


def test_nested_folders_keep_their_order_and_pointers() -> None:
    document = make_collection([
        {"name": "outer", "item": [{"name": "inner", "item": [make_item("deep")]}, make_item("shallow")]},
        make_item("top"),
    ])
    collection = build_collection(document)
    paths = [(loc.path, loc.item.pointer) for loc in collection.walk()]
    assert paths == [
        ("outer/inner/deep", "/item/0/item/0/item/0"),
        ("outer/shallow", "/item/0/item/1"),
        ("top", "/item/1"),
    ]
    assert isinstance(collection.items[0], Folder) and isinstance(collection.items[1], Item)


def test_descriptions_as_string_or_object() -> None:
    document = make_collection([{"name": "f", "description": {"content": "folder text", "type": "text/markdown"},
                                 "item": [make_item(description="x")]}])
    document["info"]["description"] = "plain"
    collection = build_collection(document)
    assert collection.description == "plain"
    assert collection.items[0].description == "folder text"


def test_disabled_rows_are_dropped_everywhere() -> None:
    url = {"raw": "x", "host": ["h"], "path": ["p"], "query": [{"key": "on", "value": "1"}, {"key": "off", "value": "2", "disabled": True}]}
    item = make_item(url=url, headers=[{"key": "A", "value": "1"}, {"key": "B", "value": "2", "disabled": True}],
                     body={"mode": "urlencoded", "urlencoded": [{"key": "f", "value": "1", "disabled": True}]})
    collection = build_collection(make_collection([item], variable=[{"key": "v", "value": "1", "disabled": True}, {"key": "w", "value": "2"}]))
    request = list(collection.walk())[0].item.request
    assert [q.key for q in request.url.query] == ["on"]
    assert [h.key for h in request.headers] == ["A"]
    assert request.body is not None and request.body.params == ()
    assert [v.key for v in collection.variables] == ["w"]


def test_numbers_and_booleans_where_text_is_meant() -> None:
    url = {"raw": "x", "host": ["h"], "path": ["p", 3], "port": 8080, "query": [{"key": "n", "value": 1.0}, {"key": "b", "value": True}]}
    collection = build_collection(make_collection([make_item(url=url)], variable=[{"key": "n", "value": 5}]))
    request_url = list(collection.walk())[0].item.request.url
    assert request_url.path == ("p", "3")
    assert request_url.port == "8080"
    assert [(q.key, q.value) for q in request_url.query] == [("n", "1"), ("b", "true")]
    assert collection.variables[0].value == "5"


def test_response_code_as_string_and_events_kept() -> None:
    item = make_item(responses=[{"name": "ok", "code": "201", "body": None}],
                     event=[{"listen": "test", "script": {"exec": ["pm.test('x', () => {});"]}},
                            {"listen": "prerequest", "script": {"exec": "  "}}])
    loaded = list(build_collection(make_collection([item])).walk())[0].item
    assert loaded.responses[0].code == 201 and loaded.responses[0].body is None
    assert [e.listen for e in loaded.events] == ["test"]


def test_unknown_body_mode_is_accepted() -> None:
    loaded = list(build_collection(make_collection([make_item(body={"mode": "carrier-pigeon"})])).walk())[0].item
    assert loaded.request.body is not None and loaded.request.body.mode == "carrier-pigeon"


def test_yaml_collection(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("info: {name: y}\nitem:\n  - name: a\n    request: {method: get, url: 'http://h/x'}\n"
                    "    response: [{code: 200, name: ok, body: '2024-01-01'}]\n")
    item = list(load_collection(path).walk())[0].item
    assert item.request.method == "GET"
    assert item.responses[0].body == "2024-01-01"  # YAML timestamps stay text


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(make_collection([make_item("bom")])).encode())
    assert list(load_collection(path).walk())[0].item.name == "bom"


# ---------------------------------------------------------------- environments


def test_environment_export_honours_enabled_false_and_trims_keys(tmp_path: Path) -> None:
    path = tmp_path / "env.json"
    path.write_text(json.dumps({"name": "Staging", "values": [
        {"key": " host ", "value": "h", "enabled": True},
        {"key": "off", "value": "x", "enabled": False},
        {"key": "token", "value": "t", "type": "secret"},
        {"key": "n", "value": 3},
    ]}))
    env = load_environment(path)
    assert env.name == "Staging"
    assert [(p.key, p.value) for p in env.values] == [("host", "h"), ("token", "t"), ("n", "3")]
    assert env.values[1].type == "secret"


def test_flat_mapping_environment_in_yaml(tmp_path: Path) -> None:
    path = tmp_path / "env.yaml"
    path.write_text("baseUrl: http://h\nretries: 3\nflag: true\n")
    env = load_environment(path)
    assert [(p.key, p.value) for p in env.values] == [("baseUrl", "http://h"), ("retries", "3"), ("flag", "true")]


def test_environment_wrong_shape_is_located() -> None:
    with pytest.raises(InputError) as caught:
        build_environment("a", file="e.json")
    assert caught.value.location == "e.json#"
    with pytest.raises(InputError) as caught:
        build_environment(["a"], file="e.json")  # the legacy bare array, with a row that is not an object
    assert caught.value.location == "e.json#/0"


# ---------------------------------------------------------------- the generator round-trips


def test_openapi_style_collection_loads_whole() -> None:
    document = openapi_style_collection(160)
    collection = build_collection(document)
    loaded = [loc.path for loc in collection.walk()]
    assert loaded == [path for path, _ in walk_items(document)]
    assert len(loaded) == 160
    assert any(len(loc.folders) >= 2 for loc in collection.walk())
    assert collection.auth is not None and collection.auth.type == "bearer"


def test_openapi_style_collection_is_deterministic() -> None:
    assert openapi_style_collection(50, seed=3) == openapi_style_collection(50, seed=3)
    assert openapi_style_collection(50, seed=3) != openapi_style_collection(50, seed=4)
