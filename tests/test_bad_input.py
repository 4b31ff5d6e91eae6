"""Bad input of every kind: exit 2, a located message naming the file, never a traceback.

The property tests feed random JSON and random bytes to the loaders: InputError is the only
exception allowed out.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CONFLUENCE
from engine.errors import InputError
from engine.load import build_collection, build_environment, parse_document
from factory import make_collection, make_item

# ---------------------------------------------------------------- helpers


def assert_bad_input(result: tuple[int, str, str], *located: str) -> str:
    """Exit 2, no traceback anywhere, and every `located` fragment in stderr."""
    code, out, err = result
    assert code == 2, (out, err)
    assert "Traceback" not in out + err
    assert "internal error" not in err
    for fragment in located:
        assert fragment in err, err
    return err


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def ok_collection(tmp_path: Path) -> Path:
    return write(tmp_path, "ok.postman_collection.json", json.dumps(make_collection([make_item("A", url="http://127.0.0.1:9/a")])))


# ---------------------------------------------------------------- collections


def test_truncated_json(tmp_path, cli) -> None:
    path = write(tmp_path, "cut.json", '{"info": {"name": "x"},\n "item": [{"name": "a"')
    err = assert_bad_input(cli("run", path), "cut.json:2:", "not valid JSON")
    assert "hint:" in err


@pytest.mark.parametrize(
    "document, pointer, sentence",
    [
        ({"info": {"name": "x"}, "item": "nope"}, "#/item", "got string \"nope\""),
        (make_collection([make_item(url=42)]), "#/item/0/request/url", "got number 42"),
        (make_collection([make_item(headers=[{"key": "A", "value": {"o": 1}}])]), "#/item/0/request/header/0/value", "got object"),
        (make_collection([5]), "#/item/0", "expected object, got number"),
        (make_collection([{"name": "neither"}]), "#/item/0", "either 'item' (a folder) or 'request'"),
        (make_collection([make_item(responses=[{"code": [200]}])]), "#/item/0/response/0/code", "got array"),
        (make_collection([make_item(auth={"bearer": []})]), "#/item/0/request/auth", "no 'type'"),
        (make_collection([make_item()], variable={"baseUrl": "x"}), "#/variable", "got object"),
        (make_collection([{"name": "f", "item": [make_item(headers="not: a list", body={"mode": 7})]}]),
         "#/item/0/item/0/request/body/mode", "got number 7"),
    ],
)
def test_wrong_types_are_located(tmp_path, cli, document: dict, pointer: str, sentence: str) -> None:
    path = write(tmp_path, "typed.json", json.dumps(document))
    for command in ("run", "list", "validate"):
        assert_bad_input(cli(command, path), f"typed.json{pointer}", sentence)


def test_broken_collection_v1_and_environment_passed_as_collection(tmp_path, cli) -> None:
    v1 = write(tmp_path, "v1.json", json.dumps({"id": "x", "name": "old", "order": ["a"],
                                                "requests": [{"id": "a", "url": "http://h", "headerData": 3}]}))
    assert_bad_input(cli("run", v1), "v1.json#/requests/0/headerData", "expected array or null, got number 3")
    env = write(tmp_path, "env.json", json.dumps({"name": "e", "values": []}))
    assert_bad_input(cli("run", env), "env.json", "pass it with -e")


def test_invalid_utf8(tmp_path, cli) -> None:
    path = write(tmp_path, "latin.json", b'{"info": {"name": "caf\xe9"}, "item": []}')
    assert_bad_input(cli("run", path), "latin.json:1:", "invalid UTF-8 byte 0xe9", "save the collection as UTF-8")


def test_empty_file(tmp_path, cli) -> None:
    assert_bad_input(cli("run", write(tmp_path, "empty.json", "  \n")), "empty.json", "empty")


@pytest.mark.parametrize("kind", ["arrays", "folders"])
def test_ten_thousand_deep_json(tmp_path, cli, kind: str) -> None:
    if kind == "arrays":
        text = "[" * 10_000 + "]" * 10_000
    else:
        text = '{"info": {"name": "d"}, "item": [' + '{"name": "f", "item": [' * 10_000 + "]}" * 10_000 + "]}"
    assert_bad_input(cli("run", write(tmp_path, "deep.json", text)), "deep.json", "nested too deeply")


def test_ten_thousand_deep_yaml(tmp_path, cli) -> None:
    text = "item: " + "[" * 10_000 + "]" * 10_000 + "\n"
    assert_bad_input(cli("run", write(tmp_path, "deep.yaml", text)), "deep.yaml", "nested too deeply")


def test_folders_deeper_than_the_bound(tmp_path, cli) -> None:
    text = '{"info": {"name": "d"}, "item": [' + '{"name": "f", "item": [' * 300 + "]}" * 300 + "]}"
    assert_bad_input(cli("list", write(tmp_path, "deep300.json", text)), "deep300.json", "nested")


BOMB = """\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
j: &j [*i, *i, *i, *i, *i, *i, *i, *i, *i]
item: *j
"""


def test_yaml_alias_bomb(tmp_path, cli) -> None:
    assert_bad_input(cli("run", write(tmp_path, "bomb.yaml", BOMB)), "bomb.yaml", "expands to more than")


def test_yaml_alias_bomb_as_environment(tmp_path, cli) -> None:
    bomb = write(tmp_path, "bomb-env.yaml", BOMB)
    assert_bad_input(cli("run", ok_collection(tmp_path), "-e", bomb), "bomb-env.yaml", "expands to more than")


def test_yaml_python_tag_is_refused_and_never_runs(tmp_path, cli) -> None:
    marker = tmp_path / "PWNED"
    text = f'info: {{name: x}}\nitem: !!python/object/apply:os.system ["touch {marker}"]\n'
    err = assert_bad_input(cli("run", write(tmp_path, "evil.yaml", text)), "evil.yaml:2:", "python/object")
    assert "!!python" in err
    assert not marker.exists()


def test_yaml_syntax_error_has_line_and_column(tmp_path, cli) -> None:
    text = "info:\n  name: x\nitem:\n  - name: a\n   request: [\n"
    assert_bad_input(cli("run", write(tmp_path, "broken.yaml", text)), "broken.yaml:", "not valid YAML")


def test_yaml_collection_is_accepted(tmp_path, cli) -> None:
    text = "info: {name: from yaml}\nitem:\n  - name: a\n    request: {method: get, url: 'http://127.0.0.1:9/x'}\n"
    code, out, _ = cli("list", write(tmp_path, "c.yaml", text))
    assert code == 0
    assert "GET" in out and "from yaml" in out


def test_missing_collection_file(tmp_path, cli) -> None:
    assert_bad_input(cli("run", tmp_path / "nowhere.json"), "nowhere.json", "not found")


def test_collection_is_a_directory(tmp_path, cli) -> None:
    assert_bad_input(cli("run", tmp_path), str(tmp_path), "directory")


# ---------------------------------------------------------------- environments, data, arguments


def test_environment_that_is_a_list_of_wrong_rows(tmp_path, cli) -> None:
    env = write(tmp_path, "list-env.json", json.dumps([{"key": "a", "value": "b"}, ["c"]]))
    assert_bad_input(cli("run", ok_collection(tmp_path), "-e", env), "list-env.json#/1", "got array")
    env = write(tmp_path, "str-env.json", json.dumps("a=b"))
    assert_bad_input(cli("run", ok_collection(tmp_path), "-e", env), "str-env.json#", "got string")


@pytest.mark.parametrize(
    "document, where",
    [
        ({"values": [{"key": {"x": 1}, "value": "a"}]}, "#/values/0/key"),
        ({"globals": {"values": [{"key": "a", "enabled": "no"}]}}, "#/globals/values/0/enabled"),
        ({"values": [{"value": "no key"}]}, "#/values/0"),
        ({"values": ["a"]}, "#/values/0"),
        ({"a": ["x"]}, "#/a"),
    ],
)
def test_environment_with_wrong_types(tmp_path, cli, document: dict, where: str) -> None:
    env = write(tmp_path, "env.json", json.dumps(document))
    assert_bad_input(cli("run", ok_collection(tmp_path), "-e", env), f"env.json{where}")


def test_missing_environment_and_globals(tmp_path, cli) -> None:
    assert_bad_input(cli("run", ok_collection(tmp_path), "-e", tmp_path / "e.json"), "e.json", "environment not found")
    assert_bad_input(cli("run", ok_collection(tmp_path), "-g", tmp_path / "g.json"), "g.json", "globals file not found")


def test_csv_data_file_with_a_bad_row(tmp_path, cli) -> None:
    data = write(tmp_path, "rows.csv", "a,b\n1,2\n1,2,3\n")
    assert_bad_input(cli("run", ok_collection(tmp_path), "-d", data), "rows.csv:3", "row has 3 values")


def test_json_data_file_with_a_bad_row(tmp_path, cli) -> None:
    data = write(tmp_path, "rows.json", json.dumps([{"a": 1}, 5]))
    assert_bad_input(cli("run", ok_collection(tmp_path), "-d", data), "rows.json#/1", "each row must be an object")


def test_data_file_with_invalid_utf8(tmp_path, cli) -> None:
    data = write(tmp_path, "rows.csv", b"a\n\xff\n")
    assert_bad_input(cli("run", ok_collection(tmp_path), "-d", data), "rows.csv", "UTF-8")


def test_missing_data_file(tmp_path, cli) -> None:
    assert_bad_input(cli("run", ok_collection(tmp_path), "-d", tmp_path / "none.csv"), "none.csv")


def test_unknown_item_suggests_close_names(cli) -> None:
    err = assert_bad_input(cli("run", CONFLUENCE, "--item", "Remove content watchers"), "--item", "no item matches")
    assert "did you mean 'Remove content watcher'?" in err


def test_unknown_folder(cli) -> None:
    assert_bad_input(cli("run", CONFLUENCE, "--folder", "Nope"), "--folder", "no folder matches 'Nope'")


def test_unknown_item_in_curl(cli) -> None:
    assert_bad_input(cli("curl", CONFLUENCE, "--item", "remove watcher"), "did you mean")


@pytest.mark.parametrize("value", ["novalue", "=x", " =x"])
def test_bad_env_var_syntax(tmp_path, cli, value: str) -> None:
    err = assert_bad_input(cli("run", ok_collection(tmp_path), f"--env-var={value}"), "--env-var", "expected KEY=VALUE")
    assert "usage:" in err


def test_bad_expect(tmp_path, cli) -> None:
    assert_bad_input(cli("run", ok_collection(tmp_path), "--expect", "sometimes"), "--expect", "'sometimes' is not an expect policy")


def test_unknown_reporter(tmp_path, cli) -> None:
    assert_bad_input(cli("run", ok_collection(tmp_path), "-r", "cli,pdf"), "--reporters", "unknown reporter 'pdf'")


def test_missing_tls_file(tmp_path, cli) -> None:
    assert_bad_input(cli("run", ok_collection(tmp_path), "--ca-cert", tmp_path / "ca.pem"), "ca.pem", "not found")


@pytest.mark.parametrize("args", [["run"], ["frobnicate"], ["run", "x.json", "--timeout-request", "soon"], []])
def test_bad_arguments(cli, args: list[str]) -> None:
    code, out, err = cli(*args)
    assert code == 2
    assert "Traceback" not in out + err


def test_bad_input_leaves_the_server_untouched(tmp_path, cli, server) -> None:
    collection = write(tmp_path, "c.json", json.dumps(make_collection([make_item(url=f"{server.url}/x")])))
    assert_bad_input(cli("run", collection, "--expect", "nope"))
    assert_bad_input(cli("run", collection, "-e", tmp_path / "none.json"))
    assert server.requests == []


# ---------------------------------------------------------------- properties

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=25,
)
KEYS = st.sampled_from(
    ["item", "request", "url", "raw", "host", "path", "query", "variable", "header", "body", "mode", "raw",
     "urlencoded", "formdata", "file", "src", "graphql", "auth", "type", "bearer", "response", "code", "name",
     "key", "value", "disabled", "enabled", "event", "script", "exec", "values", "info", "description",
     "protocolProfileBehavior", "method", "options", "language", "collection", "port", "protocol"]
)
POSTMANISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8) | st.sampled_from(["raw", "formdata", "bearer", "GET"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=30,
)
PROPERTY_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def only_input_errors(call) -> None:
    try:
        call()
    except InputError as exc:
        assert exc.message
        exc.render()


@PROPERTY_SETTINGS
@given(JSON_VALUES)
def test_build_collection_raises_only_input_error_on_random_json(document) -> None:
    only_input_errors(lambda: build_collection(document, file="random.json"))


@PROPERTY_SETTINGS
@given(POSTMANISH)
def test_build_collection_raises_only_input_error_on_postman_shaped_json(document) -> None:
    only_input_errors(lambda: build_collection({"info": {"name": "p"}, "item": [document]}, file="random.json"))
    only_input_errors(lambda: build_collection(document, file="random.json"))


@PROPERTY_SETTINGS
@given(POSTMANISH)
def test_resolving_any_loaded_collection_raises_only_item_errors(document) -> None:
    from engine.errors import ItemError
    from engine.resolve import resolve
    from engine.variables import Scopes

    try:
        collection = build_collection({"info": {"name": "p"}, "item": [document]}, file="random.json")
    except InputError:
        return
    for located in collection.walk():
        try:
            resolve(located, collection, Scopes.build(cli={"baseUrl": "http://h.test"}), dynamic=lambda name: "d")
        except ItemError:
            pass


@PROPERTY_SETTINGS
@given(st.binary(max_size=300))
def test_parse_document_raises_only_input_error_on_random_bytes(data: bytes) -> None:
    only_input_errors(lambda: parse_document(data, file="random.bin"))
    only_input_errors(lambda: parse_document(data, file="random.json"))


@PROPERTY_SETTINGS
@given(st.text(alphabet="{}[]:,'\"&*!- \n\tabc0123#|>", max_size=120))
def test_parse_document_raises_only_input_error_on_random_yaml_like_text(text: str) -> None:
    only_input_errors(lambda: parse_document(text.encode("utf-8"), file="random.yaml"))


@PROPERTY_SETTINGS
@given(JSON_VALUES | POSTMANISH)
def test_build_environment_raises_only_input_error(document) -> None:
    only_input_errors(lambda: build_environment(document, file="env.json"))
    only_input_errors(lambda: build_environment({"values": document}, file="env.json"))


def test_a_url_as_input_says_nothing_is_fetched_and_hides_its_query(cli, write_collection) -> None:
    """Newman fetches links (and the API's ?apikey=…); here every input is a file, and the key in
    the query is not printed back."""
    code, out, err = cli("run", "https://example.invalid/collections/abc")
    assert code == 2 and "collection is a URL: inputs are read from files here" in err and "curl -o" in err
    path = write_collection([{"name": "A", "request": {"method": "GET", "url": "http://127.0.0.1:9/a"}}])
    for flag in ("-e", "-d", "-g"):
        code, out, err = cli("run", path, flag, "https://example.invalid/x?apikey=PMAK-s3cr3t")
        assert code == 2 and "is a URL" in err, (flag, err)
        assert "PMAK-s3cr3t" not in out + err
