"""`--openapi`: items mapped to operations and checked against descriptions our generator writes
(3.0 and 3.1, JSON and YAML, `$ref`s across files, nullable and optional fields, writeOnly,
formats, response headers), against the loopback server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factory import example, folder, make_collection, make_item
from openapi_docs import good_user, write_description
from engine.load import load_collection
from engine.openapi import load_openapi

pytest_plugins = ["pytester"]
JSON = "application/json"
VARIANTS = [("3.0", "yaml"), ("3.1", "json"), ("3.0", "json"), ("3.1", "yaml")]


def users_collection(write_collection, server, *extra_items: dict) -> Path:
    items = [
        make_item("Get user", "GET", "{{baseUrl}}/users/:id",
                  url_variables=None, responses=[example(200, '{"id": 1}', JSON)]),
        make_item("Delete user", "DELETE", {"raw": "{{baseUrl}}/users/{{userId}}", "host": ["{{baseUrl}}"],
                                            "path": ["users", "{{userId}}"]}),
        make_item("List users", "GET", "{{baseUrl}}/users"),
        *extra_items,
    ]
    for item in items:
        item.pop("url_variables", None)
    items[0]["request"]["url"] = {"raw": "{{baseUrl}}/users/:id", "host": ["{{baseUrl}}"], "path": ["users", ":id"],
                                  "variable": [{"key": "id", "value": "7"}]}
    return write_collection(items, variable=[{"key": "baseUrl", "value": server.url}, {"key": "userId", "value": "7"}])


def serve_user(server, body: object, status: int = 200, headers: dict | None = None) -> None:
    server.route("/users/7", status, json.dumps(body), {"Content-Type": JSON, **(headers or {"X-Rate-Limit": "10"})},
                 method="GET")


def run_json(cli, tmp_path: Path, *args: object) -> tuple[int, dict, str]:
    report = tmp_path / "report.json"
    code, out, err = cli("run", *args, "-r", "cli,json", "--reporter-json-export", report)
    assert "Traceback" not in err and "internal error" not in err, err
    return code, {r["item"]: r for r in json.loads(report.read_text(encoding="utf-8"))["results"]}, out + err


def checks(result: dict) -> dict[str, dict]:
    return {c["name"]: c for c in result["checks"]}


# ---------------------------------------------------------------- bodies


@pytest.mark.parametrize(("version", "fmt"), VARIANTS)
def test_a_body_that_fits_the_operation_passes_nullable_and_optional_fields_included(
        version, fmt, server, cli, write_collection, tmp_path) -> None:
    spec = write_description(tmp_path / "api", version, fmt)
    server.route("/users/7", 204, "", method="DELETE")
    server.route("/users", 200, json.dumps([good_user(), good_user(id=8, nickname="bob", manager=good_user(id=1))]),
                 {"Content-Type": JSON}, method="GET")
    serve_user(server, good_user(nickname=...))  # optional: absent
    code, results, out = run_json(cli, tmp_path, users_collection(write_collection, server), "--openapi", spec)
    assert code == 0, out
    get = checks(results["Get user"])
    assert get["status"]["message"] == "200 OK — GET /users/{id}: The user."
    assert get["schema"]["message"] == (
        f"body matches openapi.{fmt}#/paths/~1users~1{{id}}/get/responses/200/content/application~1json/schema")
    assert get["header"]["passed"]
    # the delete documents nothing in the collection, but the description checks it: not unchecked
    assert results["Delete user"]["outcome"] == "passed"
    assert results["List users"]["outcome"] == "passed"


@pytest.mark.parametrize(("version", "fmt"), VARIANTS)
def test_a_wrong_type_cites_the_body_and_the_document(version, fmt, server, cli, write_collection, tmp_path) -> None:
    spec = write_description(tmp_path / "api", version, fmt)
    serve_user(server, good_user(id="7", address={"zip": "1"}))
    code, results, out = run_json(cli, tmp_path, users_collection(write_collection, server), "--openapi", spec,
                                  "--item", "Get user")
    assert code == 1
    message = checks(results["Get user"])["schema"]["message"]
    assert f"/id: expected integer, got string (user.{fmt}#/User/properties/id/type)" in message
    assert f"/address: missing key 'city' (common.{fmt}#/Address/required)" in message


@pytest.mark.parametrize("version", ["3.0", "3.1"])
def test_null_where_the_field_is_not_nullable_fails_and_nullable_refs_pass(version, server, cli, write_collection,
                                                                           tmp_path) -> None:
    spec = write_description(tmp_path / "api", version, "yaml")
    serve_user(server, good_user(name=None, manager=good_user(id=2, manager=None)))
    code, results, _ = run_json(cli, tmp_path, users_collection(write_collection, server), "--openapi", spec,
                                "--item", "Get user")
    message = checks(results["Get user"])["schema"]["message"]
    assert code == 1 and "/name: expected string, got null" in message and "/manager" not in message


def test_3_0_boolean_exclusive_minimum_and_formats(server, cli, write_collection, tmp_path) -> None:
    spec = write_description(tmp_path / "api", "3.0", "yaml")
    serve_user(server, good_user(score=0, email="not an address", id=2 ** 63))
    code, results, _ = run_json(cli, tmp_path, users_collection(write_collection, server), "--openapi", spec,
                                "--item", "Get user")
    message = checks(results["Get user"])["schema"]["message"]
    assert code == 1
    assert "/score:" in message and "/email: 'not an address' is not a 'email'" in message
    assert "/id: " in message and "int64" in message


def test_write_only_properties_are_not_required_and_not_expected_in_a_response(server, cli, write_collection,
                                                                               tmp_path) -> None:
    spec = write_description(tmp_path / "api", "3.1", "yaml")
    serve_user(server, good_user(password="hunter2"))
    code, results, _ = run_json(cli, tmp_path, users_collection(write_collection, server), "--openapi", spec,
                                "--item", "Get user")
    assert code == 1
    assert "/password: a writeOnly property is not expected in a response" in checks(results["Get user"])["schema"]["message"]
    serve_user(server, good_user())  # no password although `required` lists it
    code, results, out = run_json(cli, tmp_path, users_collection(write_collection, server), "--openapi", spec,
                                  "--item", "Get user")
    assert code == 0, out


# ---------------------------------------------------------------- status, headers, content type


def test_status_headers_and_content_type_follow_the_operation(server, cli, write_collection, tmp_path) -> None:
    spec = write_description(tmp_path / "api", "3.1", "yaml")
    serve_user(server, {"message": "gone"}, status=404)
    code, results, _ = run_json(cli, tmp_path, users_collection(write_collection, server), "--openapi", spec,
                                "--item", "Get user")
    # 404 is documented by the description (through a $ref) though not by the collection
    assert code == 0 and checks(results["Get user"])["status"]["message"] == "404 Not Found — GET /users/{id}: No such user."
    serve_user(server, {"message": "boom"}, status=500)
    code, results, _ = run_json(cli, tmp_path, users_collection(write_collection, server), "--openapi", spec,
                                "--item", "Get user")
    assert code == 1
    assert checks(results["Get user"])["status"]["message"] == (
        "undocumented status 500 Internal Server Error — GET /users/{id} documents: 200, 404 "
        "(openapi.yaml#/paths/~1users~1{id}/get/responses)")
    serve_user(server, good_user(), headers={"X-Other": "1"})
    code, results, _ = run_json(cli, tmp_path, users_collection(write_collection, server), "--openapi", spec,
                                "--item", "Get user")
    assert code == 1 and "header X-Rate-Limit missing (required by openapi.yaml#" in checks(results["Get user"])["header"]["message"]
    serve_user(server, good_user(), headers={"X-Rate-Limit": "lots"})
    code, results, _ = run_json(cli, tmp_path, users_collection(write_collection, server), "--openapi", spec,
                                "--item", "Get user")
    assert code == 1 and "header X-Rate-Limit 'lots': expected integer, got string" in checks(results["Get user"])["header"]["message"]
    server.route("/users/7", 200, "<user/>", {"Content-Type": "application/xml", "X-Rate-Limit": "1"}, method="GET")
    code, results, _ = run_json(cli, tmp_path, users_collection(write_collection, server), "--openapi", spec,
                                "--item", "Get user")
    assert code == 1 and checks(results["Get user"])["content-type"]["message"].startswith(
        "content type application/xml — documented application/json")


def test_a_range_response_documents_a_whole_class(server, cli, write_collection, tmp_path) -> None:
    spec = write_description(tmp_path / "api", "3.0", "json")
    server.route("/users/7", 409, '{"message": "busy"}', {"Content-Type": JSON}, method="DELETE")
    code, results, out = run_json(cli, tmp_path, users_collection(write_collection, server), "--openapi", spec,
                                  "--item", "Delete user")
    assert code == 0, out
    assert checks(results["Delete user"])["schema"]["passed"]


def test_a_contract_schema_replaces_the_description(server, cli, write_collection, tmp_path) -> None:
    spec = write_description(tmp_path / "api", "3.1", "yaml")
    serve_user(server, good_user())
    contract = tmp_path / "contract.yaml"
    contract.write_text('items:\n  "Get user": {schema: {type: object, required: [token]}}\n', encoding="utf-8")
    code, results, _ = run_json(cli, tmp_path, users_collection(write_collection, server), "--openapi", spec,
                                "--contract", contract, "--item", "Get user")
    assert code == 1 and "missing key 'token'" in checks(results["Get user"])["schema"]["message"]


# ---------------------------------------------------------------- mapping and coverage


def test_items_map_by_method_and_template_with_prefixes_stripped(tmp_path) -> None:
    spec = load_openapi(write_description(tmp_path / "api", "3.1", "yaml"))
    items = [
        make_item("a", "GET", "{{baseUrl}}/users/:id"),
        make_item("b", "GET", "{{baseUrl}}/v2/users/{{id}}"),           # the server's prefix kept in the item
        make_item("c", "GET", "https://api.example.test/v2/users/42"),   # a literal host and value
        make_item("d", "get", "{{host}}/{{base}}/users/<string>"),       # leading variables, a placeholder
        make_item("e", "GET", "{{baseUrl}}/reports/2024.csv"),           # a template inside a segment
        make_item("f", "PATCH", "{{baseUrl}}/users/:id"),                # no PATCH operation
        make_item("g", "GET", "{{baseUrl}}/groups/:id"),                 # no such path
    ]
    collection_path = tmp_path / "c.json"
    collection_path.write_text(json.dumps(make_collection([folder("F", items)])), encoding="utf-8")
    located = {loc.item.name: loc for loc in load_collection(collection_path).walk()}
    labels = {name: (op.label if (op := spec.operation_for(loc)) else None) for name, loc in located.items()}
    assert labels == {"a": "GET /users/{id}", "b": "GET /users/{id}", "c": "GET /users/{id}", "d": "GET /users/{id}",
                      "e": "GET /reports/{year}.csv", "f": None, "g": None}
    assert spec.why_unmapped(located["f"]) == "no PATCH operation for /users/{…} in openapi.yaml (the path has DELETE, GET)"
    coverage = spec.coverage(located.values())
    assert coverage.line == "openapi coverage: 5 of 7 items map to an operation; 2 of 6 operations covered"


def test_validate_lists_unmapped_items_uncovered_operations_and_the_coverage_line(server, cli, write_collection,
                                                                                  tmp_path) -> None:
    spec = write_description(tmp_path / "api", "3.0", "yaml")
    path = users_collection(write_collection, server, make_item("Ping", "GET", "{{baseUrl}}/ping"))
    code, out, err = cli("validate", path, "--openapi", spec)
    assert code == 0, out + err
    assert "? Ping\n    no operation for GET /ping in openapi.yaml" in out
    assert "operations no item covers (3):\n  POST /users\n  GET /health\n  GET /reports/{year}.csv" in out
    assert "openapi coverage: 3 of 4 items map to an operation; 3 of 6 operations covered" in out


def test_an_unmapped_item_keeps_its_examples_and_says_so(server, cli, write_collection, tmp_path) -> None:
    spec = write_description(tmp_path / "api", "3.1", "yaml")
    server.route("/ping", 200, "pong")
    path = users_collection(write_collection, server, make_item("Ping", "GET", "{{baseUrl}}/ping"))
    code, results, out = run_json(cli, tmp_path, path, "--openapi", spec, "--item", "Ping")
    assert code == 0 and results["Ping"]["outcome"] == "unchecked"
    assert "openapi: no operation for GET /ping in openapi.yaml; checked against its examples" in results["Ping"]["notes"]
    assert "openapi coverage: 0 of 1 items map to an operation" in out


# ---------------------------------------------------------------- bad descriptions


@pytest.mark.parametrize(("content", "expected"), [
    ({"swagger": "2.0", "paths": {}}, "not an OpenAPI 3.0 or 3.1 description (swagger 2.0)"),
    ({"openapi": "3.1.0", "paths": {"/a": {"get": {"responses": {"200": {"$ref": "#/components/responses/Nope"}}}}}},
     "$ref '#/components/responses/Nope' not found: no 'components'"),
    ({"openapi": "3.1.0", "paths": {"/a": {"get": {"responses": {"200": {"$ref": "missing.yaml#/R"}}}}}},
     "missing.yaml not found"),
    ({"openapi": "3.1.0", "paths": {"/a": {"get": {"responses": {"200": {"$ref": "https://example.test/r.yaml"}}}}}},
     "is not a local file"),
])
def test_a_bad_description_exits_2_with_a_location(content, expected, server, cli, write_collection, tmp_path) -> None:
    spec = tmp_path / "bad.json"
    spec.write_text(json.dumps(content), encoding="utf-8")
    code, _, err = cli("run", users_collection(write_collection, server), "--openapi", spec)
    assert code == 2 and expected in err and "bad.json" in err and "Traceback" not in err
    assert not server.requests


# ---------------------------------------------------------------- pytest


def test_pytest_plugin_takes_postman_openapi(pytester: pytest.Pytester, server) -> None:
    spec = write_description(pytester.path / "api", "3.0", "yaml")
    serve_user(server, good_user(id="seven"))
    item = make_item("Get user", "GET", f"{server.url}/users/7")
    (pytester.path / "c.postman_collection.json").write_text(json.dumps(make_collection([item])), encoding="utf-8")
    result = pytester.runpytest_subprocess("--postman", "c.postman_collection.json", "--postman-openapi",
                                           str(spec.relative_to(pytester.path)), "-p", "no:hypothesispytest",
                                           "-p", "no:faker")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*/id: expected integer, got string (user.yaml#/User/properties/id/type)*"])


def test_date_time_is_checked_as_rfc_3339(tmp_path) -> None:
    from engine.openapi import _format_checker

    checker = _format_checker()
    assert checker.conforms("2024-02-29T10:00:00Z", "date-time")
    assert checker.conforms("2024-02-29T10:00:00.5+02:00", "date-time")
    assert not checker.conforms("2023-02-29T10:00:00Z", "date-time")
    assert not checker.conforms("yesterday", "date-time")
