"""resolve: item + scopes → PreparedRequest. Pure, so no sockets here."""

from __future__ import annotations

import base64
import json
import re
from typing import Any

import pytest

from engine.errors import ItemError
from engine.load import build_collection, build_environment
from engine.model import FilePart, PreparedRequest, TextPart
from engine.resolve import ResolveOptions, resolve
from engine.runner import RunOptions, base_scopes
from factory import bearer, folder, make_collection, make_item

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def _prepare(
    items: list[dict],
    *,
    top: dict | None = None,
    env_vars: dict[str, str] | None = None,
    data: dict[str, str] | None = None,
    environment: Any = None,
    globals_: Any = None,
    options: ResolveOptions = ResolveOptions(),
    index: int = 0,
) -> PreparedRequest:
    collection = build_collection(make_collection(items, **(top or {})))
    run_options = RunOptions(
        environments=(build_environment(environment),) if environment is not None else (),
        globals_=(build_environment(globals_, what="globals file"),) if globals_ is not None else (),
        env_vars=env_vars or {},
    )
    scopes = base_scopes(collection, run_options).with_data(data or {})
    located = list(collection.walk())[index]
    return resolve(located, collection, scopes, options)


def prepare(item: dict | list[dict], **kwargs: Any) -> PreparedRequest:
    items = item if isinstance(item, list) else [item]
    return _prepare(items, **kwargs)


def problem(item: dict | list[dict], **kwargs: Any) -> ItemError:
    with pytest.raises(ItemError) as caught:
        prepare(item, **kwargs)
    return caught.value


def url_item(url: Any, **kwargs: Any) -> dict:
    return make_item("u", "GET", url, **kwargs)


# ---------------------------------------------------------------- variables


LAYERS = ["env_var", "data", "environment", "collection", "globals"]


@pytest.mark.parametrize("highest", LAYERS)
def test_variable_precedence(highest: str) -> None:
    """env-var > data > environment > collection > globals: each layer wins over all below it."""
    present = LAYERS[LAYERS.index(highest) :]
    kwargs: dict[str, Any] = {}
    if "env_var" in present:
        kwargs["env_vars"] = {"v": "from-env_var"}
    if "data" in present:
        kwargs["data"] = {"v": "from-data"}
    if "environment" in present:
        kwargs["environment"] = {"values": [{"key": "v", "value": "from-environment"}]}
    if "collection" in present:
        kwargs["top"] = {"variable": [{"key": "v", "value": "from-collection"}]}
    if "globals" in present:
        kwargs["globals_"] = {"values": [{"key": "v", "value": "from-globals"}]}
    prepared = prepare(url_item("http://h.test/{{v}}"), **kwargs)
    assert prepared.url == f"http://h.test/from-{highest}"


def test_nested_variables_resolve() -> None:
    prepared = prepare(
        url_item("{{a}}/x"),
        top={"variable": [{"key": "a", "value": "{{b}}/api"}, {"key": "b", "value": "http://{{c}}"}]},
        env_vars={"c": "nested.test"},
    )
    assert prepared.url == "http://nested.test/api/x"


def test_variable_cycle_is_an_item_error() -> None:
    error = problem(url_item("http://h.test/{{a}}"), top={"variable": [{"key": "a", "value": "{{b}}"}, {"key": "b", "value": "{{a}}"}]})
    assert "cycle" in error.message
    assert "a" in error.message and "b" in error.message


def test_self_reference_is_an_item_error() -> None:
    error = problem(url_item("http://h.test/{{a}}"), env_vars={"a": "x{{a}}"})
    assert "cycle" in error.message


def test_disabled_collection_variable_is_ignored() -> None:
    prepared = prepare(
        url_item("http://h.test/{{v}}"),
        top={"variable": [{"key": "v", "value": "disabled-one", "disabled": True}]},
        globals_={"values": [{"key": "v", "value": "global-one"}]},
    )
    assert prepared.url == "http://h.test/global-one"


def test_environment_entry_with_enabled_false_is_ignored() -> None:
    prepared = prepare(
        url_item("http://h.test/{{v}}"),
        environment={"values": [{"key": "v", "value": "off", "enabled": False}]},
        top={"variable": [{"key": "v", "value": "collection-one"}]},
    )
    assert prepared.url == "http://h.test/collection-one"


def test_disabled_only_variable_leaves_it_unresolved() -> None:
    error = problem(url_item("http://h.test/{{v}}"), environment={"values": [{"key": "v", "value": "off", "enabled": False}]})
    assert "{{v}}" in error.message


def test_environment_keys_with_stray_whitespace_match() -> None:
    prepared = prepare(url_item("http://h.test/{{v}}"), environment={"values": [{"key": " v\t", "value": "trimmed"}]})
    assert prepared.url == "http://h.test/trimmed"


def test_flat_environment_keys_with_stray_whitespace_match() -> None:
    prepared = prepare(url_item("http://h.test/{{v}}"), environment={" v ": "flat"})
    assert prepared.url == "http://h.test/flat"


def test_unresolved_variable_is_an_item_error_naming_it_and_the_fix() -> None:
    error = problem(url_item("http://h.test/{{missingOne}}", headers=[{"key": "X", "value": "{{missingTwo}}"}]))
    assert "{{missingOne}}" in error.message and "{{missingTwo}}" in error.message
    assert "--env-var missingOne=" in (error.hint or "")
    assert "--env-var missingTwo=" in (error.hint or "")


def test_guid_is_fresh_for_each_occurrence() -> None:
    prepared = prepare(url_item("http://h.test/{{$guid}}/{{$guid}}", headers=[{"key": "X-Id", "value": "{{$guid}}"}]))
    first, second = prepared.url.split("/")[-2:]
    third = prepared.header("X-Id")
    assert UUID.match(first) and UUID.match(second) and UUID.match(third or "")
    assert len({first, second, third}) == 3


def test_unknown_dynamic_variable_is_an_item_error() -> None:
    error = problem(url_item("http://h.test/{{$noSuchThing}}"))
    assert "$noSuchThing" in error.message


# ---------------------------------------------------------------- URLs


def test_base_url_holding_a_path() -> None:
    prepared = prepare(url_item({"raw": "{{baseUrl}}/api/x", "host": ["{{baseUrl}}"], "path": ["api", "x"]}),
                       env_vars={"baseUrl": "https://site.test/wiki/rest"})
    assert prepared.url == "https://site.test/wiki/rest/api/x"


def test_base_url_with_trailing_slash_does_not_double_it() -> None:
    prepared = prepare(url_item("{{baseUrl}}/api/x"), env_vars={"baseUrl": "https://site.test/wiki/rest/"})
    assert prepared.url == "https://site.test/wiki/rest/api/x"


@pytest.mark.parametrize(
    "value, encoded",
    [("a/b", "a%2Fb"), ("a?b", "a%3Fb"), ("a#b", "a%23b"), ("a b", "a%20b"), ("../x", "..%2Fx"), ("ü", "%C3%BC")],
)
def test_path_variable_value_stays_one_segment(value: str, encoded: str) -> None:
    item = url_item({
        "raw": "http://h.test/things/:id/tail",
        "host": ["h", "test"], "protocol": "http", "path": ["things", ":id", "tail"],
        "variable": [{"key": "id", "value": value}],
    })
    assert prepare(item).url == f"http://h.test/things/{encoded}/tail"


def test_path_variable_from_scope_when_declared_value_is_a_placeholder() -> None:
    item = url_item({"raw": "http://h.test/:id", "host": ["h", "test"], "protocol": "http", "path": [":id"],
                     "variable": [{"key": "id", "value": "<string>", "description": "(Required) id"}]})
    assert prepare(item, env_vars={"id": "a/b"}).url == "http://h.test/a%2Fb"
    error = problem(item)
    assert ":id" in error.message and "--env-var id=" in (error.hint or "")


def test_path_variable_from_raw_only_url_uses_scope() -> None:
    assert prepare(url_item("http://h.test/users/:userId"), env_vars={"userId": "42"}).url == "http://h.test/users/42"


def test_query_order_and_duplicates_are_kept() -> None:
    item = url_item({"raw": "x", "host": ["h", "test"], "protocol": "http", "path": ["q"], "query": [
        {"key": "b", "value": "2"}, {"key": "a", "value": "1"}, {"key": "b", "value": "3"}]})
    assert prepare(item).url == "http://h.test/q?b=2&a=1&b=3"


def test_query_null_value_sends_bare_key_and_empty_sends_key_equals() -> None:
    item = url_item({"raw": "x", "host": ["h", "test"], "protocol": "http", "path": ["q"], "query": [
        {"key": "bare", "value": None}, {"key": "empty", "value": ""}, {"key": "off", "value": "1", "disabled": True}]})
    assert prepare(item).url == "http://h.test/q?bare&empty="


def test_query_values_are_encoded_but_not_double_encoded() -> None:
    item = url_item({"raw": "x", "host": ["h", "test"], "protocol": "http", "path": ["q"], "query": [
        {"key": "q", "value": "a b&c"}, {"key": "pre", "value": "x%20y"}]})
    assert prepare(item).url == "http://h.test/q?q=a%20b%26c&pre=x%20y"


def test_url_as_plain_string() -> None:
    assert prepare(url_item("http://h.test/a/b?x=1&y")).url == "http://h.test/a/b?x=1&y"


def test_url_object_with_only_raw() -> None:
    assert prepare(url_item({"raw": "{{baseUrl}}/a?x=1"}), env_vars={"baseUrl": "http://h.test"}).url == "http://h.test/a?x=1"


def test_url_object_parts_win_over_raw() -> None:
    item = url_item({"raw": "http://wrong.test/raw", "protocol": "https", "host": ["right", "test"], "port": "8443",
                     "path": ["parts"]})
    assert prepare(item).url == "https://right.test:8443/parts"


def test_url_without_scheme_gets_http() -> None:
    assert prepare(url_item("h.test/a")).url == "http://h.test/a"


def test_optional_query_placeholder_is_left_out_with_a_note() -> None:
    item = url_item({"raw": "x", "host": ["h", "test"], "protocol": "http", "path": ["q"], "query": [
        {"key": "limit", "value": "<integer>"}, {"key": "keep", "value": "1"}]})
    prepared = prepare(item)
    assert prepared.url == "http://h.test/q?keep=1"
    assert any("limit" in note for note in prepared.notes)


def test_query_placeholder_filled_from_scope() -> None:
    item = url_item({"raw": "x", "host": ["h", "test"], "protocol": "http", "path": ["q"], "query": [
        {"key": "limit", "value": "<integer>", "description": "(Required) page size"}]})
    assert prepare(item, env_vars={"limit": "5"}).url == "http://h.test/q?limit=5"


def test_required_query_placeholder_with_description_object_is_an_error() -> None:
    item = url_item({"raw": "x", "host": ["h", "test"], "protocol": "http", "path": ["q"], "query": [
        {"key": "scope", "value": "<string>", "description": {"content": "(Required) scope", "type": "text/plain"}}]})
    error = problem(item)
    assert "scope" in error.message and "--env-var scope=" in (error.hint or "")


def test_header_placeholders() -> None:
    item = url_item("http://h.test/", headers=[
        {"key": "X-Optional", "value": "<string>"},
        {"key": "X-Token", "value": "Bearer <token>"},
        {"key": "X-Tenant", "value": "<string>", "description": "(Required) tenant"},
    ])
    error = problem(item)
    assert "X-Tenant" in error.message
    prepared = prepare(item, env_vars={"X-Tenant": "t1", "token": "abc"})
    assert prepared.header("X-Tenant") == "t1"
    assert prepared.header("X-Token") == "Bearer abc"
    assert prepared.header("X-Optional") is None


# ---------------------------------------------------------------- auth


def auth_of(prepared: PreparedRequest) -> str | None:
    return prepared.header("Authorization")


def test_auth_inherits_item_to_folder_to_collection() -> None:
    items = [
        folder("outer", [
            folder("inner", [make_item("from outer folder")]),
            make_item("own", auth=bearer("item-token")),
        ], auth=bearer("folder-token")),
        make_item("from collection"),
    ]
    top = {"auth": bearer("collection-token"), "variable": [{"key": "baseUrl", "value": "http://h.test"}]}
    assert auth_of(prepare(items, top=top, index=0)) == "Bearer folder-token"
    assert auth_of(prepare(items, top=top, index=1)) == "Bearer item-token"
    assert auth_of(prepare(items, top=top, index=2)) == "Bearer collection-token"


def test_noauth_stops_inheritance() -> None:
    items = [folder("open", [make_item("public"), make_item("inherit explicitly", auth={"type": "inherit"})],
                    auth={"type": "noauth"}),
             make_item("item noauth", auth={"type": "noauth"})]
    top = {"auth": bearer("collection-token"), "variable": [{"key": "baseUrl", "value": "http://h.test"}]}
    for index in range(3):
        assert auth_of(prepare(items, top=top, index=index)) is None


def test_bearer_replaces_a_documented_authorization_header() -> None:
    item = make_item(headers=[{"key": "Authorization", "value": "<token>"}], auth=bearer("real"))
    prepared = prepare(item, env_vars={"baseUrl": "http://h.test"})
    assert [v for k, v in prepared.headers if k.lower() == "authorization"] == ["Bearer real"]


def test_basic_auth() -> None:
    item = make_item(auth={"type": "basic", "basic": [{"key": "username", "value": "ann"}, {"key": "password", "value": "pw:1"}]})
    prepared = prepare(item, env_vars={"baseUrl": "http://h.test"})
    assert auth_of(prepared) == "Basic " + base64.b64encode(b"ann:pw:1").decode()


def test_apikey_in_header_and_query() -> None:
    header = make_item(auth={"type": "apikey", "apikey": [{"key": "key", "value": "X-Key"}, {"key": "value", "value": "k1"}]})
    query = make_item(auth={"type": "apikey", "apikey": [{"key": "key", "value": "api_key"}, {"key": "value", "value": "k2"},
                                                       {"key": "in", "value": "query"}]})
    assert prepare(header, env_vars={"baseUrl": "http://h.test"}).header("X-Key") == "k1"
    assert prepare(query, env_vars={"baseUrl": "http://h.test"}).url == "http://h.test/thing?api_key=k2"


def test_oauth2_token_from_collection_and_from_access_token_variable() -> None:
    stored = make_item(auth={"type": "oauth2", "oauth2": [{"key": "accessToken", "value": "stored"}]})
    bare = make_item(auth={"type": "oauth2"})
    assert auth_of(prepare(stored, env_vars={"baseUrl": "http://h.test"})) == "Bearer stored"
    assert auth_of(prepare(bare, env_vars={"baseUrl": "http://h.test", "accessToken": "var"})) == "Bearer var"


def test_oauth2_token_in_query_params() -> None:
    item = make_item(auth={"type": "oauth2", "oauth2": [{"key": "addTokenTo", "value": "queryParams"}]})
    prepared = prepare(item, env_vars={"baseUrl": "http://h.test", "accessToken": "tq"})
    assert prepared.url == "http://h.test/thing?access_token=tq"
    assert auth_of(prepared) is None


@pytest.mark.parametrize(
    "auth, fix",
    [
        ({"type": "oauth2"}, "--env-var accessToken="),
        ({"type": "bearer", "bearer": [{"key": "token", "value": ""}]}, "bearerToken"),
        ({"type": "basic"}, "basicAuthUsername"),
        ({"type": "apikey", "apikey": [{"key": "key", "value": "X-Key"}]}, "apiKey"),
    ],
)
def test_missing_credentials_are_item_errors(auth: dict, fix: str) -> None:
    error = problem(make_item(auth=auth), env_vars={"baseUrl": "http://h.test"})
    assert fix in (error.hint or "")


def test_unsupported_auth_type_is_an_item_error() -> None:
    error = problem(make_item(auth={"type": "kerberos", "kerberos": [{"key": "authId", "value": "x"}]}),
                    env_vars={"baseUrl": "http://h.test"})
    assert "unsupported auth type 'kerberos'" in error.message


@pytest.mark.parametrize(
    "auth, variables, header",
    [
        (bearer("{{bearerToken}}"), {"bearerToken": "bt"}, ("Authorization", "Bearer bt")),
        ({"type": "bearer"}, {"bearerToken": "bt2"}, ("Authorization", "Bearer bt2")),
        ({"type": "basic", "basic": [{"key": "username", "value": "{{basicAuthUsername}}"},
                                     {"key": "password", "value": "{{basicAuthPassword}}"}]},
         {"basicAuthUsername": "u", "basicAuthPassword": "p"}, ("Authorization", "Basic " + base64.b64encode(b"u:p").decode())),
        ({"type": "basic"}, {"basicAuthUsername": "u", "basicAuthPassword": "p"},
         ("Authorization", "Basic " + base64.b64encode(b"u:p").decode())),
        ({"type": "apikey", "apikey": [{"key": "key", "value": "X-API-Key"}, {"key": "value", "value": "{{apiKey}}"}]},
         {"apiKey": "ak"}, ("X-API-Key", "ak")),
        ({"type": "apikey", "apikey": [{"key": "key", "value": "X-API-Key"}]}, {"apiKey": "ak2"}, ("X-API-Key", "ak2")),
    ],
)
def test_openapi_converter_credential_names_work(auth: dict, variables: dict, header: tuple[str, str]) -> None:
    prepared = prepare(make_item(auth=auth), env_vars={"baseUrl": "http://h.test", **variables})
    assert prepared.header(header[0]) == header[1]


def test_auth_secrets_are_known_to_the_prepared_request() -> None:
    prepared = prepare(make_item(auth=bearer("{{bearerToken}}")), env_vars={"baseUrl": "http://h.test", "bearerToken": "sekrit"})
    assert "sekrit" in prepared.secrets


# ---------------------------------------------------------------- bodies


def body_item(body: dict, method: str = "POST", headers: list[dict] | None = None, **extra: Any) -> dict:
    return make_item("b", method, "http://h.test/b", body=body, headers=headers, **extra)


def test_raw_json_gets_content_type_from_language() -> None:
    prepared = prepare(body_item({"mode": "raw", "raw": '{"a": "{{v}}"}', "options": {"raw": {"language": "json"}}}),
                       env_vars={"v": "1"})
    assert prepared.header("Content-Type") == "application/json"
    assert json.loads(prepared.body or b"") == {"a": "1"}


def test_raw_body_keeps_an_explicit_content_type() -> None:
    prepared = prepare(body_item({"mode": "raw", "raw": "{}", "options": {"raw": {"language": "json"}}},
                                 headers=[{"key": "content-type", "value": "application/vnd.x+json"}]))
    assert [v for k, v in prepared.headers if k.lower() == "content-type"] == ["application/vnd.x+json"]


def test_raw_body_without_language_is_text() -> None:
    assert prepare(body_item({"mode": "raw", "raw": "hello"})).header("Content-Type") == "text/plain"


def test_urlencoded_body() -> None:
    prepared = prepare(body_item({"mode": "urlencoded", "urlencoded": [
        {"key": "a", "value": "1 2"}, {"key": "b", "value": "x&y"}, {"key": "off", "value": "z", "disabled": True}]}))
    assert prepared.body == b"a=1%202&b=x%26y"  # as Newman: space as %20
    assert prepared.header("Content-Type") == "application/x-www-form-urlencoded"


def test_formdata_text_and_file_parts(tmp_path) -> None:
    options = ResolveOptions(working_dir=str(tmp_path))
    prepared = prepare(body_item({"mode": "formdata", "formdata": [
        {"key": "field", "value": "{{v}}", "type": "text"},
        {"key": "upload", "src": "data.bin", "type": "file"}]}), env_vars={"v": "text"}, options=options)
    assert prepared.form is not None
    assert prepared.form[0] == TextPart("field", "text")
    assert isinstance(prepared.form[1], FilePart)
    assert prepared.form[1].path == str(tmp_path / "data.bin")


@pytest.mark.parametrize("src", ["../outside.txt", "/etc/passwd", "sub/../../outside.txt"])
def test_file_source_outside_the_working_dir_is_refused(tmp_path, src: str) -> None:
    item = body_item({"mode": "formdata", "formdata": [{"key": "f", "src": src, "type": "file"}]})
    with pytest.raises(ItemError) as caught:
        prepare(item, options=ResolveOptions(working_dir=str(tmp_path)))
    assert "outside the working directory" in caught.value.message
    assert "--allow-outside-files" in (caught.value.hint or "")
    allowed = prepare(item, options=ResolveOptions(working_dir=str(tmp_path), allow_outside_files=True))
    assert allowed.form is not None


def test_file_body_outside_the_working_dir_is_refused(tmp_path) -> None:
    with pytest.raises(ItemError):
        prepare(body_item({"mode": "file", "file": {"src": "../x"}}), options=ResolveOptions(working_dir=str(tmp_path)))


def test_graphql_body() -> None:
    prepared = prepare(body_item({"mode": "graphql", "graphql": {"query": "query { me { id } }", "variables": '{"n": {{n}}}'}}),
                       env_vars={"n": "3"})
    assert json.loads(prepared.body or b"") == {"query": "query { me { id } }", "variables": {"n": 3}}
    assert prepared.header("Content-Type") == "application/json"


def test_graphql_variables_that_are_not_json_are_an_item_error() -> None:
    error = problem(body_item({"mode": "graphql", "graphql": {"query": "q", "variables": "{nope"}}))
    assert "GraphQL variables" in error.message


@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_get_and_head_bodies_are_pruned_with_a_note(method: str) -> None:
    prepared = prepare(body_item({"mode": "raw", "raw": "payload"}, method=method))
    assert prepared.body is None
    assert prepared.header("Content-Type") is None
    assert any("disableBodyPruning" in note for note in prepared.notes)


def test_get_body_sent_with_disable_body_pruning() -> None:
    prepared = prepare(body_item({"mode": "raw", "raw": "payload"}, method="GET",
                                 protocolProfileBehavior={"disableBodyPruning": True}))
    assert prepared.body == b"payload"


def test_unknown_body_mode_is_sent_without_a_body_and_a_note() -> None:
    prepared = prepare(body_item({"mode": "carrier-pigeon"}))
    assert prepared.body is None and prepared.form is None
    assert any("carrier-pigeon" in note for note in prepared.notes)


def test_lowercase_method_is_upper_cased() -> None:
    assert prepare(make_item(method="patch", url="http://h.test/")).method == "PATCH"


def test_behaviour_is_inherited_from_folder_and_collection() -> None:
    items = [folder("f", [make_item(url="http://h.test/")], protocolProfileBehavior={"maxRedirects": 3})]
    prepared = prepare(items, top={"protocolProfileBehavior": {"followRedirects": False, "strictSSL": False}})
    assert (prepared.follow_redirects, prepared.max_redirects, prepared.verify_tls) == (False, 3, False)


# ---------------------------------------------------------------- placeholders in bodies

JSON_BODY = {
    "mode": "raw",
    "raw": '{\n  "accountId": "<string>",\n  "age": "<integer>",\n  "admin": "<boolean>",\n  "nick": "<string>"\n}',
    "options": {"raw": {"language": "json"}},
}


def test_json_body_placeholders_take_the_variable_named_like_their_key_with_its_type() -> None:
    prepared = prepare(
        make_item("Create", "POST", "http://h/users", body=JSON_BODY),
        env_vars={"accountId": "384093:abc", "age": "42", "admin": "false", "nick": "bob"},
    )
    assert json.loads(prepared.body) == {"accountId": "384093:abc", "age": 42, "admin": False, "nick": "bob"}
    assert not any("placeholder" in note for note in prepared.notes)


def test_unfilled_json_body_placeholders_are_named_in_a_note_and_the_text_is_kept() -> None:
    prepared = prepare(make_item("Create", "POST", "http://h/users", body=JSON_BODY), env_vars={"age": "7"})
    document = json.loads(prepared.body)
    assert document["age"] == 7 and document["nick"] == "<string>"
    (note,) = [n for n in prepared.notes if "placeholder" in n]
    assert "/accountId" in note and "/nick" in note and "--env-var accountId=…" in note


def test_json_body_without_placeholders_is_sent_byte_for_byte() -> None:
    raw = '{ "a" : 1,\n "b": "<b>text</b>" }'
    prepared = prepare(make_item("Post", "POST", "http://h/x", body={"mode": "raw", "raw": raw}))
    assert prepared.body == raw.encode()


def test_form_field_placeholders_follow_the_query_rules() -> None:
    rows = [
        {"key": "name", "value": "<string>", "description": "(Required) Display name"},
        {"key": "note", "value": "<string>"},
        {"key": "plain", "value": "x"},
    ]
    prepared = prepare(make_item("Form", "POST", "http://h/f", body={"mode": "urlencoded", "urlencoded": rows}),
                       env_vars={"name": "Ann Lee"})
    assert prepared.body == b"name=Ann%20Lee&plain=x"
    assert any("left out optional form field 'note'" in n for n in prepared.notes)
    error = problem(make_item("Form", "POST", "http://h/f", body={"mode": "formdata", "formdata": rows}))
    assert "required form field 'name'" in error.message and "--env-var name=" in (error.hint or "")


# ---------------------------------------------------------------- URLs held in variables


def test_a_whole_url_in_a_variable_keeps_its_query() -> None:
    prepared = prepare(make_item("Next", "GET", "{{nextUrl}}"),
                       env_vars={"nextUrl": "http://h:8080/a/b?page=2&size=50#frag"})
    assert prepared.url == "http://h:8080/a/b?page=2&size=50"


def test_a_path_with_a_query_in_a_variable_joins_the_item_query() -> None:
    item = make_item("List", "GET", {"raw": "{{baseUrl}}/{{endpoint}}?limit=5", "host": ["{{baseUrl}}"],
                                     "path": ["{{endpoint}}"], "query": [{"key": "limit", "value": "5"}]})
    prepared = prepare(item, env_vars={"baseUrl": "http://h/api", "endpoint": "users?active=true"})
    assert prepared.url == "http://h/api/users?active=true&limit=5"


def test_a_question_mark_in_a_path_variable_value_stays_in_its_segment() -> None:
    item = make_item("Get", "GET", {"raw": "http://h/files/:name", "host": ["h"], "protocol": "http",
                                    "path": ["files", ":name"], "variable": [{"key": "name", "value": "a?b#c/d"}]})
    assert prepare(item).url == "http://h/files/a%3Fb%23c%2Fd"
