"""Contract files (`run --contract`): schemas by $ref into OpenAPI, headers, budgets, skip, globs,
the known-failure baseline, and located errors for malformed contracts.

Everything that sends talks to the session's recording server on 127.0.0.1; the command line
runs in-process.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Callable

import pytest

from factory import example, folder, make_item
from servers import RecordingServer

DATA = Path(__file__).resolve().parent / "data" / "contract"
USER_RULE = 'items:\n  "Users/Get user":\n    schema: {$ref: "openapi.yaml#/components/schemas/User"}\n'
USER_EXAMPLE = {"id": 1, "name": "Ann", "address": {"zip": "10115"}}  # zip a string: the example says so
JSON = {"Content-Type": "application/json"}


@pytest.fixture
def project(tmp_path: Path, write_collection: Callable[..., Path]) -> Path:
    """A collection with two folders next to copies of the schema documents; returns the collection."""
    for name in ("openapi.yaml", "common.yaml", "user.schema.json"):
        shutil.copy(DATA / name, tmp_path / name)
    return write_collection(
        [
            folder("Users", [
                make_item("Get user", url="{{baseUrl}}/users/7",
                          responses=[example(200, json.dumps(USER_EXAMPLE), "application/json"), example(404)]),
                make_item("List users", url="{{baseUrl}}/users", responses=[example(200), example(404)]),
            ]),
            folder("Watchers", [
                make_item("Remove content watcher", method="DELETE", url="{{baseUrl}}/watch",
                          responses=[example(204), example(403), example(404)]),
            ]),
        ]
    )


def contract(tmp_path: Path, text: str, name: str = "contract.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(cli: Callable, project: Path, server: RecordingServer, *args: object) -> tuple[int, str, str]:
    return cli("run", project, "--env-var", f"baseUrl={server.url}", "--color", "off", *args)


def serve_users(server: RecordingServer, zip_code: object = "10115", headers: dict | None = None) -> None:
    body = {"id": 7, "name": "Bo", "address": {"zip": zip_code}}
    server.route("/users/7", 200, json.dumps(body), {**JSON, **(headers or {})})
    server.route("/users", 200, "", {"X-Request-Id": "r-1"})
    server.route("/watch", 204)


# ---------------------------------------------------------------- schemas


def test_ref_into_openapi_components_fails_a_wrong_typed_body_with_its_pointer(cli, project, server, tmp_path):
    serve_users(server)
    assert run(cli, project, server)[0] == 0  # the schema inferred from the example accepts a string zip
    path = contract(tmp_path, USER_RULE)

    code, out, err = run(cli, project, server, "--contract", path)

    assert code == 1, err
    assert "/address/zip: expected integer, got string" in out  # Address reached through #/components/...


def test_schema_refs_across_files_and_openapi_30_nullable(cli, project, server, tmp_path):
    body = {"id": 7, "name": "Bo", "nickname": None, "address": {"zip": 1}, "pet": {"name": 5}}
    server.route("/users/7", 200, json.dumps(body), JSON)
    path = contract(tmp_path, USER_RULE)

    code, out, _ = run(cli, project, server, "--contract", path, "--item", "Get user")

    assert code == 1
    assert "/pet/name: expected string, got integer" in out  # common.yaml#/Pet, referred to by openapi.yaml
    assert "/nickname" not in out  # `nullable: true` accepts null


@pytest.mark.parametrize(
    "schema",
    [
        "{file: user.schema.json}",
        '{type: object, properties: {address: {$ref: "openapi.yaml#/components/schemas/Address"}}}',
    ],
    ids=["file", "inline-with-ref"],
)
def test_schema_from_a_file_or_inline(cli, project, server, tmp_path, schema):
    serve_users(server, zip_code="10115")
    path = contract(tmp_path, f'items:\n  "Users/Get user":\n    schema: {schema}\n')

    code, out, _ = run(cli, project, server, "--contract", path, "--item", "Get user")

    assert code == 1
    assert "/address/zip: expected integer, got string" in out


ERROR_RULE = """items:
  "Users/Get user":
    schemas:
      4xx: {type: object, required: [error], properties: {error: {type: string}}}
      404: {type: object, required: [code], properties: {code: {type: integer}}}
"""


@pytest.mark.parametrize("status, body, failure", [
    (404, {"code": 404}, None),
    (404, {"code": "gone"}, "/code: expected integer, got string"),  # the exact code wins over 4xx
    (403, {"error": "no"}, None),
    (403, {"code": 403}, "/: missing key 'error'"),
], ids=["404-fits", "404-wrong-type", "4xx-fits", "4xx-missing-key"])
def test_schemas_by_status_code_or_class_check_error_answers(cli, project, server, tmp_path, status, body, failure):
    server.route("/users/7", status, json.dumps(body), JSON)
    path = contract(tmp_path, ERROR_RULE)

    code, out, err = run(cli, project, server, "--contract", path, "--item", "Get user",
                         "--expect", "200,403,404")

    assert code == (1 if failure else 0), out + err
    if failure:
        assert failure in out
    else:
        assert "✓ schema" in out, out


def test_schemas_merge_by_code_across_globs_and_a_bad_code_is_located(tmp_path):
    from engine.contract import load_contract
    from engine.errors import InputError

    path = contract(tmp_path, """
items:
  "*": {schemas: {4xx: {type: object}, 500: {type: array}}}
  "F/Item": {schemas: {404: {type: string}}}
""")
    rule = load_contract(path).rule_for("F/Item")
    assert rule is not None
    def kind(code: int) -> object:
        found = rule.schema_for(code)
        return found and found["type"]

    assert (kind(404), kind(409), kind(500), kind(200)) == ("string", "object", "array", None)

    bad = contract(tmp_path, 'items:\n  "F/Item": {schemas: {40x: {type: object}}}\n', "bad.yaml")
    with pytest.raises(InputError) as caught:
        load_contract(bad)
    assert caught.value.pointer and "schemas" in caught.value.pointer


# ---------------------------------------------------------------- known failures


def test_known_failure_turns_the_failure_into_a_pass_with_a_notice(cli, project, server, tmp_path):
    serve_users(server)
    path = contract(tmp_path, """
items:
  "Users/Get user":
    schema: {$ref: "openapi.yaml#/components/schemas/User"}
    known_failures: [schema]
""")

    code, out, err = run(cli, project, server, "--contract", path, "-r", "cli,json", "--reporter-json-export",
                         tmp_path / "report.json")

    assert code == 0, out + err
    assert "known failure: /address/zip: expected integer, got string" in out
    report = json.loads((tmp_path / "report.json").read_text())
    (schema,) = [c for r in report["results"] if r["item"] == "Users/Get user" for c in r["checks"]
                 if c["name"] == "schema"]
    assert schema["known_failure"] is True and schema["passed"] is False
    assert report["summary"]["failed"] == 0


def test_a_listed_check_that_passes_says_the_entry_can_go(cli, project, server, tmp_path):
    serve_users(server, zip_code=10115)
    path = contract(tmp_path, """
items:
  "Users/Get user":
    schema: {$ref: "openapi.yaml#/components/schemas/User"}
    known_failures: [schema]
""")

    code, out, _ = run(cli, project, server, "--contract", path)

    assert code == 0
    assert "body matches the documented schema (listed in known_failures: remove the entry)" in out


def test_known_failures_do_not_hide_other_checks(cli, project, server, tmp_path):
    server.route("/users/7", 500, "oops", {"Content-Type": "text/plain"})
    path = contract(tmp_path, 'items:\n  "Users/Get user":\n    known_failures: [schema]\n')

    code, out, _ = run(cli, project, server, "--contract", path, "--item", "Get user")

    assert code == 1
    assert "undocumented status 500" in out


# ---------------------------------------------------------------- headers, time, skip, expect, globs


def test_header_rules(cli, project, server, tmp_path):
    serve_users(server, headers={"Content-Type": "text/html", "ETag": '"v1"'})
    path = contract(tmp_path, """
items:
  "Users/Get user":
    headers: {X-Request-Id: ".+", Content-Type: "application/json.*", ETag: null}
    known_failures: ["header:Content-Type", content-type]
""")

    code, out, _ = run(cli, project, server, "--contract", path, "--item", "Get user")

    assert code == 1
    assert "header X-Request-Id missing" in out
    assert "known failure: header Content-Type 'text/html' does not match application/json.*" in out
    assert "header ETag present" in out


def test_max_time_ms_is_a_check_of_its_own(cli, project, server, tmp_path):
    serve_users(server)
    path = contract(tmp_path, """
items:
  "Users/Get user": {max_time_ms: 0.001}
  "Users/List users": {max_time_ms: 60000}
""")

    code, out, _ = run(cli, project, server, "--contract", path, "--folder", "Users")

    assert code == 1
    assert "budget 0 ms" in out
    assert "within 60000 ms" in out


def test_skip_sends_nothing_and_reports_the_reason(cli, project, server, tmp_path):
    serve_users(server)
    path = contract(tmp_path, 'items:\n  "Watchers/Remove content watcher": {skip: "flaky upstream, JIRA-123"}\n')

    code, out, _ = run(cli, project, server, "--contract", path)

    assert code == 0, out
    assert "flaky upstream, JIRA-123" in out
    assert [r.path for r in server.requests if r.path == "/watch"] == []


def test_expect_in_the_contract_overrides_the_command_line(cli, project, server, tmp_path):
    server.route("/watch", 404)
    path = contract(tmp_path, 'items:\n  "Watchers/Remove content watcher": {expect: [204, 404]}\n')

    assert run(cli, project, server, "--expect", "success", "--folder", "Watchers")[0] == 1
    assert run(cli, project, server, "--expect", "success", "--folder", "Watchers", "--contract", path)[0] == 0


def test_globs_apply_in_order_and_the_exact_path_wins(cli, project, server, tmp_path):
    serve_users(server)
    path = contract(tmp_path, """
items:
  "*": {headers: {X-Request-Id: null}, max_time_ms: 60000}
  "Users/*": {expect: "5xx"}
  "Users/List users": {expect: [200]}
""")

    code, out, _ = run(cli, project, server, "--contract", path)

    assert code == 1
    blocks = out.split("\n\n")
    get_user = next(b for b in blocks if "Get user" in b)
    list_users = next(b for b in blocks if "List users" in b)
    assert "expected 5xx" in get_user and "header X-Request-Id missing" in get_user
    assert "✓ status" in list_users and "header X-Request-Id 'r-1'" not in list_users  # null: presence only
    assert "header X-Request-Id present" in list_users


def test_rule_for_merges_fields(tmp_path):
    from engine.contract import load_contract

    path = contract(tmp_path, """
items:
  "*": {headers: {A: null, B: "x"}, max_time_ms: 100, known_failures: [schema]}
  "F/*": {headers: {B: "y"}, skip: "later glob"}
  "F/Item": {max_time_ms: 5}
""")
    loaded = load_contract(path)
    rule = loaded.rule_for("F/Item")

    assert rule is not None
    assert dict(rule.headers) == {"A": None, "B": "y"}
    assert (rule.max_time_ms, rule.skip, rule.known_failures) == (5.0, "later glob", frozenset({"schema"}))
    assert loaded.rule_for("G/Other").skip is None
    assert loaded.unused(["G/Other"]) == ["F/Item", "F/*"]


def test_a_json_contract_works_too(cli, project, server, tmp_path):
    serve_users(server)
    document = {"items": {"Users/Get user": {"schema": {"$ref": "openapi.yaml#/components/schemas/User"}}}}
    path = contract(tmp_path, json.dumps(document), "contract.json")

    assert run(cli, project, server, "--contract", path, "--item", "Get user")[0] == 1


# ---------------------------------------------------------------- malformed contracts


MALFORMED = {
    "yaml-syntax": ('items:\n  "Users/Get user":\n    expect: [204\n    skip: x\n',
                    ["contract.yaml:", "not valid YAML"], "fix the syntax"),
    "wrong-type": ('items:\n  "Users/Get user":\n    max_time_ms: fast\n',
                   ["contract.yaml#/items/Users~1Get user/max_time_ms", "expected number, got string"],
                   "positive number of milliseconds"),
    "unknown-key": ('items:\n  "Users/Get user":\n    expct: [204]\n',
                    ["contract.yaml#/items/Users~1Get user/expct", "unknown key 'expct'"], "did you mean 'expect'?"),
    "unknown-top-key": ("item: {}\n", ["contract.yaml#/item", "unknown key 'item'"], "did you mean 'items'?"),
    "not-a-mapping": ("- a\n- b\n", ["contract.yaml#", "expected object, got array"], "items:"),
    "bad-expect": ('items:\n  "X": {expect: sometimes}\n', ["contract.yaml#/items/X/expect", "not an expect policy"],
                   "documented, success"),
    "bad-regex": ('items:\n  "X": {headers: {X-Id: "(unclosed"}}\n', ["contract.yaml#/items/X/headers/X-Id"],
                  "escape special characters"),
    "missing-file": ('items:\n  "X": {schema: {file: nowhere.json}}\n',
                     ["contract.yaml#/items/X/schema/file", "nowhere.json not found"], "relative to the file"),
    "bad-ref": ('items:\n  "X": {schema: {$ref: "openapi.yaml#/components/schemas/Usr"}}\n',
                ["contract.yaml#/items/X/schema/$ref", "no 'Usr' under /components/schemas"], "did you mean 'User'?"),
    "bad-ref-inside-openapi": ('items:\n  "X": {schema: {$ref: "openapi.yaml#/components/schemas/Broken"}}\n',
                               ["openapi.yaml#/components/schemas/Broken/properties/owner/$ref", "'Nobody'"],
                               "components/schemas has: User"),
    "remote-ref": ('items:\n  "X": {schema: {$ref: "https://example.com/s.json"}}\n',
                   ["contract.yaml#/items/X/schema/$ref", "not a local file"], "download the document"),
    "invalid-schema": ('items:\n  "X": {schema: {type: 12}}\n', ["contract.yaml#/items/X/schema/type",
                       "not a valid JSON Schema"], "fix the schema"),
}


@pytest.mark.parametrize("name", MALFORMED)
def test_a_malformed_contract_exits_2_with_file_pointer_and_fix(cli, project, server, tmp_path, name):
    text, located, fix = MALFORMED[name]
    path = contract(tmp_path, text)

    code, out, err = run(cli, project, server, "--contract", path)

    assert code == 2, out + err
    for fragment in located:
        assert fragment in err, err
    assert "hint: " in err and fix in err, err
    assert "Traceback" not in err + out
    assert server.requests == []  # nothing is sent when the contract is unusable


def test_a_missing_contract_file_exits_2(cli, project, server, tmp_path):
    code, _, err = run(cli, project, server, "--contract", tmp_path / "absent.yaml")

    assert code == 2
    assert "absent.yaml" in err and "not found" in err


def test_a_name_with_glob_characters_also_matches_itself(tmp_path):
    from engine.contract import load_contract

    loaded = load_contract(contract(tmp_path, 'items:\n  "Get user [v2]": {max_time_ms: 9}\n  "Get ?": {skip: "glob"}\n'))
    assert loaded.rule_for("Get user [v2]").max_time_ms == 9.0
    assert loaded.rule_for("Get a").skip == "glob" and loaded.rule_for("Get user [v2]").skip is None
    assert loaded.unused(["Get user [v2]", "Get a"]) == []


def test_a_misspelt_known_failure_is_a_located_error_with_a_suggestion(cli, project, server, tmp_path):
    path = contract(tmp_path, 'items:\n  "*": {known_failures: [schmea]}\n')
    code, _, err = run(cli, project, server, "--contract", path)
    assert code == 2 and "Traceback" not in err
    assert "#/items/*/known_failures/0" in err and "'schmea' is not a check name" in err and "did you mean 'schema'" in err
