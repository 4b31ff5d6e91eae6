"""Every input Newman 6.2.2 and the Postman CLI load: encodings of every file kind, Collection v1,
every shape of environment and globals file, and the looser `event` shapes. Each shape has its own
test, and each is replayed end to end against the loopback recording server somewhere below.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from factory import example, make_collection, make_item

from engine.load import build_collection, build_environment, load_collection, load_environment, parse_document
from engine.model import Folder, Item

ENCODINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8 with BOM": lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
    "utf-16 LE with BOM": lambda text: b"\xff\xfe" + text.encode("utf-16-le"),
    "utf-16 BE with BOM": lambda text: b"\xfe\xff" + text.encode("utf-16-be"),
    "utf-16 LE without BOM": lambda text: text.encode("utf-16-le"),
}


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(ENCODINGS[encoding](text))
    return path


def bad(result: tuple[int, str, str], *fragments: str) -> str:
    code, out, err = result
    assert code == 2, (out, err)
    assert "Traceback" not in out + err
    for fragment in fragments:
        assert fragment in err, err
    return err


# ---------------------------------------------------------------- encodings, every file kind


@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_every_file_kind_in_every_encoding_replays(encoding, server, cli, tmp_path) -> None:
    """Collection, environment, globals, CSV data and contract, all in one encoding, one run."""
    server.route("/enc", 200, "ok")
    items = [make_item("Get", "GET", "{{baseUrl}}/enc?e={{e}}&g={{g}}&d={{d}}&c=café", responses=[example(200)]),
             make_item("Skipped", "GET", "{{baseUrl}}/never")]
    collection = write(tmp_path / "c.json", json.dumps(make_collection(items), ensure_ascii=False), encoding)
    env = write(tmp_path / "e.json", json.dumps({"name": "E", "values": [{"key": "e", "value": "é"}]},
                                                ensure_ascii=False), encoding)
    globals_ = write(tmp_path / "g.json", json.dumps([{"key": "g", "value": "ü"}], ensure_ascii=False), encoding)
    data = write(tmp_path / "d.csv", "d\n½\n", encoding)
    contract = write(tmp_path / "contract.yaml", 'items:\n  "Skipped":\n    skip: "not ready — ünicode"\n', encoding)
    code, out, err = cli("run", collection, "-e", env, "-g", globals_, "-d", data, "--contract", contract,
                         "--env-var", f"baseUrl={server.url}")
    assert code == 0, out + err
    assert server.only().target == "/enc?e=%C3%A9&g=%C3%BC&d=%C2%BD&c=caf%C3%A9"
    assert "not ready — ünicode" in out


@pytest.mark.parametrize("encoding", ["utf-8 with BOM", "utf-16 LE with BOM", "utf-16 BE with BOM"])
def test_json_iteration_data_in_any_encoding(encoding, server, cli, write_collection, tmp_path) -> None:
    server.route("/d", 200, "ok")
    path = write_collection([make_item("Get", "GET", "{{baseUrl}}/d?v={{v}}")],
                            variable=[{"key": "baseUrl", "value": server.url}])
    data = write(tmp_path / "rows.json", json.dumps([{"v": "a"}, {"v": "ß"}], ensure_ascii=False), encoding)
    code, _, err = cli("run", path, "-d", data)
    assert code == 0, err
    assert [r.target for r in server.requests] == ["/d?v=a", "/d?v=%C3%9F"]


def test_yaml_environment_in_utf16(tmp_path) -> None:
    env = load_environment(write(tmp_path / "env.yaml", "name: x\nzone: Zürich\n", "utf-16 LE with BOM"))
    assert [(p.key, p.value) for p in env.values] == [("name", "x"), ("zone", "Zürich")]


def test_broken_utf16_is_a_located_error(tmp_path, cli) -> None:
    broken = tmp_path / "odd.json"
    broken.write_bytes(b"\xff\xfe" + '{"a": "b"}'.encode("utf-16-le") + b"\x00")  # a byte short of a character
    bad(cli("run", broken), "odd.json", "invalid UTF-16-LE", "save the collection as UTF-8")
    lone = tmp_path / "lone.json"
    lone.write_bytes(b"\xfe\xff" + "[".encode("utf-16-be") + b"\xd8\x00" + "]".encode("utf-16-be"))  # lone surrogate
    bad(cli("run", "-e", lone, broken), "invalid")


def test_a_data_csv_with_a_trailing_comma_and_a_bad_row(tmp_path) -> None:
    from engine.data import load_iteration_data
    from engine.errors import InputError

    rows = load_iteration_data(write(tmp_path / "t.csv", "a,b\n1,2,\n3,4\n", "utf-16 LE with BOM"))
    assert rows == [{"a": 1, "b": 2}, {"a": 3, "b": 4}]  # plainly written numbers are numbers, as in Newman
    with pytest.raises(InputError) as caught:
        load_iteration_data(write(tmp_path / "bad.csv", "a,b\n1,2,3\n"))
    assert caught.value.line == 2 and "quote values" in (caught.value.hint or "")


def test_csv_data_reads_as_newman_reads_it(server, cli, write_collection, tmp_path) -> None:
    """Whitespace around values trimmed (kept inside quotes), `""` inside quotes, a value over two
    lines, and a short row leaving its variable unset so the collection's value applies."""
    server.route("/csv", 200, "ok")
    path = write_collection([make_item("Get", "GET", "{{baseUrl}}/csv?v={{v}}&u={{u}}&w={{w}}")],
                            variable=[{"key": "baseUrl", "value": server.url}, {"key": "w", "value": "coll"}])
    data = write(tmp_path / "rows.csv", 'v, u ,w\n from-data , "  q ""x"" " \n"a\nb",c,d\n')
    code, _, err = cli("run", path, "-d", data)
    assert code == 0, err
    assert [r.query for r in server.requests] == ["v=from-data&u=%20%20q%20%22x%22%20&w=coll", "v=a%0Ab&u=c&w=d"]
    bad(cli("run", path, "-d", write(tmp_path / "open.csv", 'v\n"never closed\n')), "open.csv:2",
        "a quoted value is never closed")


def test_csv_numbers_reach_scripts_as_numbers_and_keep_their_text(server, cli, write_collection, tmp_path) -> None:
    """As Newman casts them, for values written plainly; `007` stays the text it is, on the wire too."""
    server.route("/n", 200, '{"id": 5}', {"Content-Type": "application/json"})
    script = ("pm.test('typed', () => { pm.expect(pm.iterationData.get('id')).to.equal(pm.response.json().id);"
              " pm.expect(pm.iterationData.get('zip')).to.equal('007');"
              " pm.expect(pm.iterationData.get('quoted')).to.equal('5'); });")
    path = write_collection([make_item("N", "GET", "{{baseUrl}}/n?id={{id}}&zip={{zip}}&q={{quoted}}",
                                       event=[{"listen": "test", "script": {"exec": script}}])],
                            variable=[{"key": "baseUrl", "value": server.url}])
    data = write(tmp_path / "n.csv", 'id,zip,quoted\n5,007,"5"\n')
    code, out, err = cli("run", path, "-d", data)
    assert code == 0, out + err
    assert server.only().query == "id=5&zip=007&q=5"


# ---------------------------------------------------------------- environments and globals, every shape

SHAPES = {
    "postman export": {"name": "Exported", "values": [{"key": "v", "value": "one", "enabled": True},
                                                       {"key": "off", "value": "x", "enabled": False}]},
    "flat mapping": {"v": "one"},
    "legacy bare array": [{"key": "v", "value": "one"}, {"key": "off", "value": "x", "enabled": False}],
    "API environment wrapper": {"environment": {"name": "E", "values": [{"key": "v", "value": "one"}]}},
    "API globals wrapper": {"globals": {"name": "G", "values": [{"key": "v", "value": "one"}]}},
    "wrapper around a legacy array": {"globals": [{"key": "v", "value": "one"}]},
    "export with typed values": {"values": [{"key": "v", "value": "one"}, {"key": "n", "value": 2},
                                            {"key": "o", "value": {"a": 1}}, {"key": "off", "value": 1,
                                                                              "disabled": True}]},
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_environment_shapes_load(shape) -> None:
    env = build_environment(SHAPES[shape], file="e.json")
    values = {p.key: p.value for p in env.values}
    assert values["v"] == "one"
    assert "off" not in values
    if shape == "export with typed values":
        assert values["n"] == "2" and values["o"] == '{"a": 1}'


@pytest.mark.parametrize("shape", list(SHAPES))
@pytest.mark.parametrize("flag", ["-e", "-g"])
def test_environment_shapes_replay_as_environment_and_globals(shape, flag, server, cli, write_collection,
                                                              tmp_path) -> None:
    server.route("/s", 200, "ok")
    path = write_collection([make_item("Get", "GET", "{{baseUrl}}/s?v={{v}}&off={{off}}")],
                            variable=[{"key": "baseUrl", "value": server.url}, {"key": "off", "value": "coll"}])
    env = tmp_path / "vars.json"
    env.write_text(json.dumps(SHAPES[shape]), encoding="utf-8")
    code, _, err = cli("run", path, flag, env)
    assert code == 0, err
    # `off` is disabled where the file has it: the collection's value stands (globals rank below it anyway)
    assert server.only().target == "/s?v=one&off=coll"


@pytest.mark.parametrize("shape", list(SHAPES))
def test_environment_shapes_convert_to_v3(shape, cli, tmp_path) -> None:
    source = tmp_path / "e.postman_environment.json"
    source.write_text(json.dumps(SHAPES[shape]), encoding="utf-8")
    target = tmp_path / "postman" / "environments" / "E.environment.yaml"
    code, out, err = cli("convert", source, "--to", "v3", target)
    assert code == 0, out + err
    converted = load_environment(target)
    assert {p.key: p.value for p in converted.values}["v"] == "one"
    assert "off" not in {p.key for p in converted.values}


@pytest.mark.parametrize(
    "document, pointer, sentence",
    [
        ([{"key": "a"}, "b"], "#/1", "expected object"),
        ({"globals": [{"value": "no key"}]}, "#/globals/0", "'key' is required"),
        ({"environment": {"values": [{"key": "a", "enabled": "yes"}]}}, "#/environment/values/0/enabled",
         "expected boolean"),
        (42, "#", "expected an object of variables, got number"),
    ],
)
def test_bad_environment_shapes_are_located(document, pointer, sentence, cli, tmp_path, write_collection) -> None:
    env = tmp_path / "bad-env.json"
    env.write_text(json.dumps(document), encoding="utf-8")
    bad(cli("run", write_collection([make_item()]), "-g", env), f"bad-env.json{pointer}", sentence, "hint:")


# ---------------------------------------------------------------- event shapes


def _scripted(event) -> dict:
    return make_collection([make_item("Get", "GET", "{{baseUrl}}/ev?x={{x}}", event=event)])


EVENT_SHAPES = {
    "a single object": {"listen": "prerequest", "script": {"exec": "pm.variables.set('x', 'set');"}},
    "exec as one string": [{"listen": "prerequest", "script": {"type": "text/javascript",
                                                              "exec": "pm.variables.set('x',\n 'set');"}}],
    "script as its exec list": [{"listen": "prerequest", "script": ["pm.variables.set('x',", "'set');"]}],
    "script as its exec string": {"listen": "prerequest", "script": "pm.variables.set('x', 'set');"},
    "exec lines with null": [{"listen": "prerequest", "script": {"exec": [None, "pm.variables.set('x', 'set');"]}}],
}


@pytest.mark.parametrize("shape", list(EVENT_SHAPES))
def test_event_shapes_load(shape) -> None:
    collection = build_collection(_scripted(EVENT_SHAPES[shape]))
    (item,) = [loc.item for loc in collection.walk()]
    assert [s.listen for s in item.events] == ["prerequest"]
    assert "pm.variables.set('x'," in item.events[0].source


@pytest.mark.parametrize("shape", list(EVENT_SHAPES))
def test_event_shapes_replay(shape, server, cli, tmp_path) -> None:
    server.route("/ev", 200, "ok")
    path = tmp_path / "ev.json"
    path.write_text(json.dumps(_scripted(EVENT_SHAPES[shape])), encoding="utf-8")
    code, out, err = cli("run", path, "--env-var", f"baseUrl={server.url}")
    assert code == 0, out + err
    assert server.only().target == "/ev?x=set"


def test_an_event_that_listens_to_nothing_never_runs_and_validate_accepts_the_shapes(cli, tmp_path) -> None:
    document = _scripted([{"script": {"exec": "throw new Error('never')"}},
                          {"listen": "test", "script": "pm.test('t', () => {});"}])
    collection = build_collection(document)
    assert [s.listen for s in next(collection.walk()).item.events] == ["test"]
    path = tmp_path / "shapes.json"
    path.write_text(json.dumps(_scripted(EVENT_SHAPES["a single object"])), encoding="utf-8")
    code, out, err = cli("validate", path, "--env-var", "baseUrl=http://127.0.0.1:9")
    assert code == 0, out + err


def test_a_wrong_event_shape_is_located(cli, tmp_path) -> None:
    path = tmp_path / "ev.json"
    path.write_text(json.dumps(_scripted({"listen": "test", "script": 5})), encoding="utf-8")
    bad(cli("run", path), "ev.json#/item/0/event/script", "got number 5")


# ---------------------------------------------------------------- other shapes postman-collection takes

URL = {"raw": "{{baseUrl}}/shape?a=1&flag", "host": ["{{baseUrl}}"], "path": ["shape"]}
SHAPED = {
    "header as a name → value map": make_item("S", "GET", "{{baseUrl}}/shape?a=1&flag",
                                             headers={"X-One": "1", "X-Two": 2}),  # type: ignore[arg-type]
    "header rows as text": make_item("S", "GET", "{{baseUrl}}/shape?a=1&flag",
                                     headers=["X-One: 1", {"key": "X-Two", "value": "2"}]),  # type: ignore[list-item]
    "query as one text": make_item("S", "GET", {**URL, "query": "a=1&flag"},
                                   headers=[{"key": "X-One", "value": "1"}, {"key": "X-Two", "value": "2"}]),
    "query rows as text": make_item("S", "GET", {**URL, "query": ["a=1", {"key": "flag", "value": None}]},
                                    headers=[{"key": "X-One", "value": "1"}, {"key": "X-Two", "value": "2"}]),
}


@pytest.mark.parametrize("shape", list(SHAPED))
def test_row_shapes_load_and_replay(shape, server, cli, tmp_path) -> None:
    server.route("/shape", 200, "ok")
    document = make_collection([SHAPED[shape]])
    request = next(build_collection(document).walk()).item.request
    assert [(h.key, h.value) for h in request.headers][:2] == [("X-One", "1"), ("X-Two", "2")]
    path = tmp_path / "shape.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    code, out, err = cli("run", path, "--env-var", f"baseUrl={server.url}")
    assert code == 0, out + err
    received = server.only()
    assert received.target == "/shape?a=1&flag" and received.header("X-One") == "1" and received.header("X-Two") == "2"
    assert cli("validate", path, "--env-var", f"baseUrl={server.url}")[0] == 0


def test_a_single_item_and_a_single_response_object_load_and_replay(server, cli, tmp_path) -> None:
    server.route("/one", 404, "gone")
    item = make_item("Only", "GET", "{{baseUrl}}/one")
    item["response"] = example(404, name="Gone")
    document = make_collection([])
    document["item"] = {"name": "Folder", "item": item}  # a folder object holding one item object
    collection = build_collection(document)
    (located,) = list(collection.walk())
    assert located.path == "Folder/Only" and located.item.pointer == "/item/item"
    assert [r.code for r in located.item.responses] == [404] and located.item.responses[0].pointer == "/item/item/response"
    path = tmp_path / "single.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    code, out, err = cli("run", path, "--env-var", f"baseUrl={server.url}")
    assert code == 0, out + err  # 404 is documented
    assert server.only().path == "/one"
    assert cli("validate", path, "--env-var", f"baseUrl={server.url}")[0] == 0


# ---------------------------------------------------------------- Collection v1

V1 = {
    "id": "c1",
    "name": "Legacy API",
    "description": "exported long ago",
    "order": ["top", "ghost", "top"],
    "folders_order": ["users", "nowhere"],
    "folders": [
        {"id": "users", "name": "Users", "order": ["get-user"], "folders_order": ["admin"],
         "preRequestScript": "pm.variables.set('fromFolder', 'yes');"},
        {"id": "admin", "name": "Admin", "order": ["form", "urlenc", "binary", "graphql"],
         "currentHelper": "basicAuth", "helperAttributes": {"id": "basic", "username": "u", "password": "p"}},
    ],
    "requests": [
        {"id": "get-user", "name": "Get user", "method": "get", "url": "{{baseUrl}}/users/:id?verbose=1&drop=me",
         "pathVariables": {"id": "fallback", "other": "o"},
         "pathVariableData": [{"key": "id", "value": "42", "description": "the user"}],
         "queryParams": [{"key": "verbose", "value": "1", "equals": True},
                         {"key": "off", "value": "x", "enabled": False},
                         {"key": "flag", "value": None, "equals": False},
                         {"key": "empty", "value": None, "equals": True},
                         {"key": "folder", "value": "{{fromFolder}}"}],
         "headers": "Accept: application/json\n//X-Commented: 1\nX-Trace: abc\n",
         "tests": "pm.test('status', () => pm.response.to.have.status(200));",
         "responses_order": ["r404", "r200"],
         "responses": [
             {"id": "r200", "name": "Found", "responseCode": {"code": 200, "name": "OK"},
              "headers": [{"key": "Content-Type", "value": "application/json"}], "text": "{\"id\": 42}"},
             {"id": "r404", "name": "Missing", "responseCode": {"code": "404", "name": "Not Found"},
              "headers": [{"name": "Content-Type", "value": "application/json"}], "text": "{\"error\": \"no\"}"},
             {"id": "unlisted", "name": "Never", "responseCode": {"code": 500}},
         ]},
        {"id": "form", "name": "Form", "method": "POST", "url": "{{baseUrl}}/form", "dataMode": "params",
         "data": [{"key": "name", "value": "Ada", "type": "text"},
                  {"key": "skip", "value": "x", "type": "text", "enabled": False},
                  {"value": "no key"}],
         "headerData": [{"key": "X-H", "value": "from headerData"}, {"key": "//X-Off", "value": "1"},
                        {"key": "X-Gone", "value": "1", "enabled": False}],
         "headers": "X-H: from string\nX-More: m"},
        {"id": "urlenc", "name": "Urlencoded", "method": "POST", "url": "{{baseUrl}}/urlenc",
         "dataMode": "urlencoded", "data": [{"key": "a", "value": "1 2"}, {"key": "b", "value": "&"}],
         "currentHelper": "bearerAuth", "helperAttributes": "{\"id\": \"bearer\", \"token\": \"tkn-123\"}"},
        {"id": "binary", "name": "Binary", "method": "PUT", "url": "{{baseUrl}}/binary", "dataMode": "binary",
         "rawModeData": "payload.bin", "currentHelper": "normal"},
        {"id": "graphql", "name": "GraphQL", "method": "POST", "url": "{{baseUrl}}/graphql", "dataMode": "graphql",
         "graphqlModeData": {"query": "{ me { id } }", "variables": "{\"n\": 1}"},
         "auth": {"type": "apikey", "apikey": [{"key": "key", "value": "X-Key"}, {"key": "value", "value": "k1"}]}},
        {"id": "top", "name": "Raw", "method": "PUT", "url": "{{baseUrl}}/raw", "dataMode": "raw",
         "rawModeData": "{\"x\": 1}", "dataOptions": {"raw": {"language": "json"}},
         "events": [{"listen": "prerequest", "script": {"exec": "pm.variables.set('viaEvents', 'ev');"}}],
         "headers": "X-Events: {{viaEvents}}"},
        {"id": "disabled-body", "name": "Disabled body", "method": "POST", "url": "{{baseUrl}}/nobody",
         "dataMode": "raw", "rawModeData": "ignored", "dataDisabled": True},
        {"id": "nowhere-listed", "name": "Unlisted", "url": "{{baseUrl}}/unlisted"},
    ],
    "variables": [{"key": "baseUrl", "value": "http://127.0.0.1:9"}, {"id": "old", "value": "byid"},
                  {"key": "gone", "value": "x", "disabled": True}],
}


def _v1(**changes) -> dict:
    document = json.loads(json.dumps(V1))
    document.update(changes)
    return document


def test_v1_order_folders_and_requests_by_id() -> None:
    collection = build_collection(_v1())
    assert collection.schema_version == "1.0.0" and collection.name == "Legacy API"
    assert [loc.path for loc in collection.walk()] == [
        "Users/Admin/Form", "Users/Admin/Urlencoded", "Users/Admin/Binary", "Users/Admin/GraphQL",
        "Users/Get user", "Raw",  # subfolders first, then the folder's requests; top-level requests last
    ]
    users = collection.items[0]
    assert isinstance(users, Folder) and users.pointer == "/folders/0"
    assert [s.listen for s in users.events] == ["prerequest"]
    assert isinstance(collection.items[1], Item) and collection.items[1].id == "top"


def test_v1_without_folders_order_takes_folders_in_file_order() -> None:
    document = _v1(folders_order=None)
    del document["folders_order"]
    assert [loc.path for loc in build_collection(document).walk()][0] == "Users/Admin/Form"


def test_v1_url_query_params_and_path_variables() -> None:
    item = next(loc.item for loc in build_collection(_v1()).walk() if loc.item.name == "Get user")
    url = item.request.url
    assert [(p.key, p.value) for p in url.query] == [("verbose", "1"), ("flag", None), ("empty", ""),
                                                      ("folder", "{{fromFolder}}")]
    assert [(p.key, p.value) for p in url.variables] == [("id", "42"), ("other", "o")]
    assert url.variables[0].description == "the user"
    assert [(h.key, h.value) for h in item.request.headers] == [("Accept", "application/json"), ("X-Trace", "abc")]
    assert [s.listen for s in item.events] == ["test"]


def test_v1_responses_become_documented_examples_in_order() -> None:
    item = next(loc.item for loc in build_collection(_v1()).walk() if loc.item.name == "Get user")
    assert [(r.name, r.code, r.status) for r in item.responses] == [("Missing", 404, "Not Found"), ("Found", 200, "OK")]
    assert item.responses[0].header("Content-Type") == "application/json"
    assert item.responses[1].body == '{"id": 42}'


def test_v1_data_modes_headers_auth_and_variables() -> None:
    collection = build_collection(_v1())
    items = {loc.item.name: loc.item for loc in collection.walk()}
    form = items["Form"].request
    assert form.body is not None and form.body.mode == "formdata"
    assert [(p.key, p.value) for p in form.body.params] == [("name", "Ada")]
    assert [(h.key, h.value) for h in form.headers] == [("X-H", "from headerData"), ("X-More", "m")]
    assert items["Urlencoded"].request.auth is not None and items["Urlencoded"].request.auth.get("token") == "tkn-123"
    assert items["Binary"].request.body is not None and items["Binary"].request.body.file_src == "payload.bin"
    assert items["Binary"].request.auth is None  # `normal`: inherit
    graphql = items["GraphQL"].request
    assert graphql.body is not None and graphql.body.graphql_query == "{ me { id } }"
    assert graphql.auth is not None and graphql.auth.type == "apikey"
    raw = items["Raw"].request
    assert raw.body is not None and raw.body.language == "json"
    assert [(p.key, p.value) for p in collection.variables] == [("baseUrl", "http://127.0.0.1:9"), ("old", "byid")]
    admin = collection.items[0].items[0]  # type: ignore[union-attr]
    assert admin.auth is not None and (admin.auth.type, admin.auth.get("username")) == ("basic", "u")


def test_v1_auth_block_counts_only_without_a_helper_key() -> None:
    """As Newman converts it: `currentHelper: null` beside a v2-style `auth` means inherit."""
    document = _v1()
    graphql = next(r for r in document["requests"] if r["id"] == "graphql")
    graphql["currentHelper"] = None
    item = next(loc.item for loc in build_collection(document).walk() if loc.item.name == "GraphQL")
    assert item.request.auth is None


def test_v1_disabled_body_and_the_postman_api_wrapper() -> None:
    document = _v1(order=["disabled-body"])
    collection = build_collection({"collection": document})
    (item,) = [loc.item for loc in collection.walk() if loc.item.name == "Disabled body"]
    assert item.request.body is None


def test_v1_replays_end_to_end(server, cli, tmp_path) -> None:
    for path in ("/users/42", "/form", "/urlenc", "/binary", "/graphql", "/raw"):
        server.route(path, 200, '{"id": 1}', {"Content-Type": "application/json"})
    (tmp_path / "payload.bin").write_bytes(b"\x00\x01bin")
    collection = tmp_path / "legacy.json"
    collection.write_text(json.dumps(_v1()), encoding="utf-8")
    code, out, err = cli("run", collection, "--env-var", f"baseUrl={server.url}")
    assert code == 0, out + err
    got = {r.path: r for r in server.requests}
    assert [r.path for r in server.requests] == ["/form", "/urlenc", "/binary", "/graphql", "/users/42", "/raw"]
    user = got["/users/42"]
    assert user.query == "verbose=1&flag&empty=&folder=yes"  # the folder's pre-request script ran
    assert user.header("Accept") == "application/json" and user.header("X-Commented") is None
    form = got["/form"]
    assert b'name="name"' in form.body and b"Ada" in form.body and b"skip" not in form.body
    assert form.header("X-H") == "from headerData" and form.header("X-More") == "m" and form.header("X-Off") is None
    assert form.header("Authorization") == "Basic " + base64.b64encode(b"u:p").decode()
    assert got["/urlenc"].body == b"a=1%202&b=%26" and got["/urlenc"].header("Authorization") == "Bearer tkn-123"
    assert got["/binary"].body == b"\x00\x01bin"
    assert json.loads(got["/graphql"].body) == {"query": "{ me { id } }", "variables": {"n": 1}}
    assert got["/graphql"].header("X-Key") == "k1"
    assert got["/raw"].body == b'{"x": 1}' and got["/raw"].header("X-Events") == "ev"
    assert got["/raw"].header("Content-Type") == "application/json"


def test_v1_checks_the_documented_examples(server, cli, tmp_path) -> None:
    server.route("/users/42", 500, "boom")
    collection = tmp_path / "legacy.json"
    collection.write_text(json.dumps(_v1(order=[], folders_order=["users"])), encoding="utf-8")
    code, out, err = cli("run", collection, "--env-var", f"baseUrl={server.url}", "--item", "Get user")
    assert code == 1
    assert "documented: 404, 200" in out


def test_v1_is_refused_by_convert_rather_than_written_empty(cli, tmp_path) -> None:
    path = tmp_path / "legacy.json"
    path.write_text(json.dumps(_v1()), encoding="utf-8")
    bad(cli("convert", path, "--to", "v3", tmp_path / "out"), "legacy.json", "Collection v1", "export it from Postman")
    assert not (tmp_path / "out").exists()


def test_v1_in_yaml_and_utf16(tmp_path) -> None:
    import yaml

    path = write(tmp_path / "legacy.yaml", yaml.safe_dump(_v1()), "utf-16 LE with BOM")
    assert len(list(load_collection(path).walk())) == 6


@pytest.mark.parametrize(
    "changes, pointer, sentence",
    [
        ({"requests": {"a": 1}}, "#/requests", "expected array, got object"),
        ({"folders": [{"id": "a", "name": "A", "folders_order": ["a"]}], "folders_order": ["a"]},
         "#/folders/0/folders_order", "contains itself"),
        ({"order": ["top"], "folders_order": [], "requests": [{"id": "top", "url": "{{baseUrl}}/x",
                                                             "currentHelper": "basicAuth",
                                                             "helperAttributes": "{not json"}]},
         "#/requests/0/helperAttributes", "not JSON"),
        ({"order": ["x"], "folders_order": [], "requests": [{"id": "x", "url": ["a"]}]}, "#/requests/0/url",
         "got array"),
        ({"order": [{"id": 1}]}, "#/order/0", "got object"),
    ],
)
def test_bad_v1_variants_are_located(changes, pointer, sentence, cli, tmp_path) -> None:
    path = tmp_path / "bad-v1.json"
    path.write_text(json.dumps(_v1(**changes)), encoding="utf-8")
    for command in ("run", "list", "validate"):
        bad(cli(command, path), f"bad-v1.json{pointer}", sentence, "hint:")


# ---------------------------------------------------------------- the streamed large-file path


@pytest.mark.parametrize("kind", ["v1", "utf-16", "utf-8 with BOM"])
def test_large_files_the_stream_cannot_read_still_load(kind, tmp_path, monkeypatch) -> None:
    import engine.stream

    monkeypatch.setattr(engine.stream, "STREAM_BYTES", 0)  # every file counts as large
    if kind == "v1":
        path = write(tmp_path / "big.json", json.dumps(_v1()))
    else:
        items = [make_item(f"Item {n}", "GET", f"{{{{baseUrl}}}}/i/{n}") for n in range(20)]
        path = write(tmp_path / "big.json", json.dumps(make_collection(items)),
                     "utf-16 LE with BOM" if kind == "utf-16" else "utf-8 with BOM")
    collection = load_collection(path, stream=None)
    located = list(collection.walk())
    assert located and all(loc.item.request.url.raw or loc.item.stub for loc in located)
    if kind == "utf-8 with BOM":  # ijson reads it once the BOM is skipped: items are streamed stubs
        assert all(loc.item.stub for loc in located)
    else:
        assert not any(loc.item.stub for loc in located)


def test_streamed_utf8_bom_file_replays(server, cli, tmp_path, monkeypatch) -> None:
    import engine.stream

    monkeypatch.setattr(engine.stream, "STREAM_BYTES", 0)
    server.route("/big", 200, "ok")
    path = write(tmp_path / "big.json", json.dumps(make_collection([make_item("A", "GET", "{{baseUrl}}/big")])),
                 "utf-8 with BOM")
    code, out, err = cli("run", path, "--env-var", f"baseUrl={server.url}")
    assert code == 0, out + err
    assert server.only().path == "/big"


def test_parse_document_reports_utf8_errors_past_a_bom() -> None:
    from engine.errors import InputError

    with pytest.raises(InputError) as caught:
        parse_document(b'\xef\xbb\xbf{"a":\n "\xe9"}', file="x.json")
    assert caught.value.line == 2 and "0xe9" in caught.value.message


# ---------------------------------------------------------------- properties: v1-shaped junk never a traceback

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

V1_KEYS = st.sampled_from(
    ["id", "name", "order", "folders", "folders_order", "requests", "url", "method", "headers", "headerData",
     "queryParams", "pathVariables", "pathVariableData", "dataMode", "data", "rawModeData", "graphqlModeData",
     "dataOptions", "dataDisabled", "currentHelper", "helperAttributes", "auth", "preRequestScript", "tests",
     "events", "responses", "responses_order", "responseCode", "code", "text", "variables", "key", "value",
     "enabled", "equals", "type", "src", "listen", "script", "exec", "description", "collection"]
)
V1ISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=6)
    | st.sampled_from(["a", "b", "raw", "params", "binary", "graphql", "urlencoded", "basicAuth", "bearerAuth",
                       "normal", '{"token": "t"}', "{{v}}/x", "//X: 1\nY: 2"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(V1_KEYS, inner, max_size=6),
    max_leaves=40,
)
IDS = st.sampled_from(["a", "b", "c"])
V1_DOCUMENTS = st.fixed_dictionaries({
    "name": st.just("p"),
    "order": st.lists(IDS, max_size=3),
    "folders_order": st.lists(IDS, max_size=3) | st.none(),
    "folders": st.lists(st.dictionaries(V1_KEYS, V1ISH, max_size=5).map(lambda d: {**d, "id": d.get("id", "b")})
                        | V1ISH, max_size=3),
    "requests": st.lists(st.dictionaries(V1_KEYS, V1ISH, max_size=8).map(lambda d: {"id": "a", **d}) | V1ISH,
                         max_size=4),
})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(V1_DOCUMENTS)
def test_v1_shaped_input_loads_or_is_a_located_error_and_resolves_with_compat(document) -> None:
    from engine.errors import InputError, ItemError
    from engine.resolve import resolve
    from engine.variables import Scopes

    try:
        collection = build_collection(document, file="random-v1.json")
    except InputError as exc:
        assert exc.message and exc.render()
        return
    for compat in (False, True):
        for located in collection.walk():
            try:
                resolve(located, collection, Scopes.build(cli={"baseUrl": "http://h.test"}, compat=compat),
                        dynamic=lambda name: "d")
            except ItemError as exc:
                # what --compat newman lets through is never the reason an item cannot be sent
                assert not compat or not any(word in exc.message for word in
                                             ("unresolved variable", "placeholder", "path variable")), exc.message
