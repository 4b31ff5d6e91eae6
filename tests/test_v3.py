"""Postman v3 collections (YAML directories): loading, order, bad files, and every command on a v3 directory.

The collections are written here file by file, as Postman's Native Git lays them out, and sent to
the recording loopback server; what is asserted is what arrived on the wire.
"""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

import pytest

from conftest import CONFLUENCE, run_cli
from engine.load import load_collection, load_environment
from engine.model import Folder

MOCK_ENV = CONFLUENCE.parent / "mock.postman_environment.json"
REFERENCE_V3 = CONFLUENCE.parent / "v3" / "postman" / "collections" / "Confluence Cloud"


def tree(root: Path, files: dict[str, str]) -> Path:
    """Write `files` (relative path → YAML text, dedented) under `root`; returns `root`."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


def definition(**fields: str) -> str:
    return "$kind: collection\n" + "".join(f"{k}: {v}\n" for k, v in fields.items())


def request(url: str, method: str = "GET", extra: str = "") -> str:
    return f"$kind: http-request\nmethod: {method}\nurl: '{url}'\n" + textwrap.dedent(extra).lstrip("\n")


@pytest.fixture
def base(server) -> str:
    return server.url


# ---------------------------------------------------------------- loading every element


def test_request_fields_go_on_the_wire_as_written(tmp_path: Path, server, cli) -> None:
    root = tree(tmp_path / "Orders", {
        ".resources/definition.yaml": f"""
            $kind: collection
            name: Orders API
            description: The orders.
            variables:
              baseUrl: {server.url}
              version: 2.10
            """,
        "Get order.request.yaml": """
            $kind: http-request
            method: GET
            url: '{{baseUrl}}/orders/:id?expand=owner&a=1'
            queryParams:
              - key: expand
                value: full
              - key: flag
                value: yes
              - key: off
                value: 'x'
                disabled: true
              - key: since
                value: 2024-01-02
            pathVariables:
              id: 0123
            headers:
              Accept: application/json
              X-Version: '{{version}}'
              X-On: on
            """,
    })
    code, out, err = cli("run", root)
    assert code == 0, out + err
    received = server.only()
    assert received.target == "/orders/0123?a=1&expand=full&flag=yes&since=2024-01-02"
    assert received.header("X-Version") == "2.10"
    assert received.header("X-On") == "on"
    assert received.header("Accept") == "application/json"


def test_list_form_headers_with_disabled_entries_and_descriptions(tmp_path: Path, server) -> None:
    root = tree(tmp_path / "C", {
        "r.request.yaml": request(server.url + "/h", extra="""
            headers:
              - key: X-A
                value: '1'
                description: sent
              - key: X-B
                value: '2'
                disabled: true
            """),
    })
    item = next(load_collection(root).walk()).item
    assert [(h.key, h.value, h.description) for h in item.request.headers] == [("X-A", "1", "sent")]
    run_cli("run", root)
    assert server.only().header("X-B") is None and server.only().header("X-A") == "1"


BODIES = {
    "json": ("type: json\n  content: '{\"a\": 1}'", b'{"a": 1}', "application/json"),
    "text": ("type: text\n  content: hello", b"hello", "text/plain"),
    "xml": ("type: xml\n  content: <a/>", b"<a/>", "application/xml"),
    "html": ("type: html\n  content: <p>hi</p>", b"<p>hi</p>", "text/html"),
    "javascript": ("type: javascript\n  content: var a;", b"var a;", "application/javascript"),
    "urlencoded": ("type: urlencoded\n  content:\n    a: 1.50\n    b: x y", b"a=1.50&b=x%20y",
                   "application/x-www-form-urlencoded"),
    "graphql": ("type: graphql\n  content:\n    query: '{ me { id } }'\n    variables: '{\"x\": 1}'",
                b'{"query":"{ me { id } }","variables":{"x": 1}}', "application/json"),  # variables as written
}


@pytest.mark.parametrize("kind", sorted(BODIES))
def test_every_raw_and_form_body_type(kind: str, tmp_path: Path, server) -> None:
    yaml_body, wire, content_type = BODIES[kind]
    root = tree(tmp_path / "C", {"b.request.yaml": request(server.url + "/b", "POST") + "body:\n  " + yaml_body + "\n"})
    run_cli("run", root)
    received = server.only()
    assert received.body == wire
    assert received.header("Content-Type").startswith(content_type)


def test_formdata_and_file_bodies(tmp_path: Path, server) -> None:
    root = tree(tmp_path / "C", {
        "a.request.yaml": request(server.url + "/form", "POST", """
            body:
              type: formdata
              content:
                - key: meta
                  type: text
                  value: '{"n": 1}'
                  contentType: application/json
                - key: skip
                  value: no
                  disabled: true
                - key: upload
                  type: file
                  src: files/data.bin
            order: 1
            """),
        "b.request.yaml": request(server.url + "/file", "POST", """
            body:
              type: file
              content:
                src: files/data.bin
            order: 2
            """),
        "c.request.yaml": request(server.url + "/none", "POST", "body:\n  type: none\norder: 3\n"),
    })
    (root / "files").mkdir()
    (root / "files" / "data.bin").write_bytes(b"\x00\x01bytes")
    code, out, err = run_cli("run", root)
    form, raw, empty = server.requests
    assert b'name="meta"' in form.body and b"application/json" in form.body and b'{"n": 1}' in form.body
    assert b'name="upload"' in form.body and b"\x00\x01bytes" in form.body and b'name="skip"' not in form.body
    assert raw.body == b"\x00\x01bytes"
    assert raw.header("Content-Type") == "application/octet-stream"  # from the extension, as the Postman CLI does
    assert empty.body == b""


def test_auth_both_forms_inheritance_explicit_inherit_and_noauth_folder(tmp_path: Path, server) -> None:
    root = tree(tmp_path / "C", {
        ".resources/definition.yaml": """
            $kind: collection
            auth:
              - id: a1
                name: bearer auth
                type: bearer
                credentials:
                  - key: token
                    value: collection-token
            """,
        "inherits.request.yaml": request(server.url + "/1", extra="order: 1\n"),
        "explicit inherit.request.yaml": request(server.url + "/2", extra="order: 2\nauth:\n  type: inherit\n"),
        "own.request.yaml": request(server.url + "/3", extra="""
            order: 3
            auth:
              type: basic
              credentials:
                username: u
                password: p
            """),
        "apikey.request.yaml": request(server.url + "/4", extra="""
            order: 4
            auth:
              type: apikey
              credentials:
                key: api_key
                value: k123
                in: query
            """),
        "Open/.resources/definition.yaml": definition(order="5", auth="{type: noauth}"),
        "Open/x.request.yaml": request(server.url + "/5"),
    })
    run_cli("run", root)
    by_path = {r.path: r for r in server.requests}
    assert by_path["/1"].header("Authorization") == "Bearer collection-token"
    assert by_path["/2"].header("Authorization") == "Bearer collection-token"  # Postman's docs; the CLI sends none
    assert by_path["/3"].header("Authorization") == "Basic dTpw"
    assert [r for r in server.requests if r.path == "/4"][0].query == "api_key=k123"  # the CLI sends a header
    assert by_path["/5"].header("Authorization") is None


def test_settings_follow_redirects(tmp_path: Path, server) -> None:
    server.route("/moved", 302, headers={"Location": "/there"})
    root = tree(tmp_path / "C", {"r.request.yaml": request(server.url + "/moved", extra="settings:\n  followRedirects: false\n")})
    run_cli("run", root)
    assert [r.path for r in server.requests] == ["/moved"]


def test_examples_are_documented_responses_and_checked(tmp_path: Path, server) -> None:
    server.route("/thing", 201, body='{"id": 1}', headers={"Content-Type": "application/json"})
    root = tree(tmp_path / "C", {
        "Make thing.request.yaml": request(server.url + "/thing", "POST"),
        ".resources/Make thing.resources/examples/Created.example.yaml": """
            $kind: http-example
            request:
              url: http://x/thing
              method: POST
            response:
              statusCode: 201
              statusText: Created
              headers:
                Content-Type: application/json
              body:
                type: json
                content: '{"id": 1}'
            """,
        ".resources/Make thing.resources/examples/Bad.example.yaml": """
            $kind: http-example
            name: Bad request
            order: -1
            response:
              statusCode: 400
              statusText: Bad Request
              body: {type: text, content: ''}
            """,
    })
    item = next(load_collection(root).walk()).item
    assert [(r.name, r.code) for r in item.responses] == [("Bad request", 400), ("Created", 201)]
    code, out, err = run_cli("run", root)
    assert code == 0, out + err
    server.route("/thing", 500, body="oops")
    code, out, _ = run_cli("run", root)
    assert code == 1 and "500" in out


def test_scripts_chain_a_token_and_see_v3_event_names(tmp_path: Path, server) -> None:
    server.route("/login", 200, body='{"token": "t-42"}', headers={"Content-Type": "application/json"})
    root = tree(tmp_path / "C", {
        ".resources/definition.yaml": """
            $kind: collection
            scripts:
              - type: http:beforeRequest
                code: pm.variables.set('seen', pm.info.eventName)
            """,
        "login.request.yml": request(server.url + "/login", "POST", """
            order: 1
            scripts:
              - type: afterResponse
                code: |-
                  pm.environment.set('token', pm.response.json().token);
                  pm.test('event ' + pm.info.eventName, () => pm.expect(pm.info.eventName).to.equal('afterResponse'));
            """),
        "use.request.yaml": request(server.url + "/use", extra="""
            order: 2
            headers:
              Authorization: 'Bearer {{token}}'
              X-Seen: '{{seen}}'
            """),
    })
    code, out, err = run_cli("run", root)
    assert code == 0, out + err
    assert "event afterResponse" in out
    use = [r for r in server.requests if r.path == "/use"][0]
    assert use.header("Authorization") == "Bearer t-42"
    assert use.header("X-Seen") == "http:beforeRequest"  # the type as written, as the Postman CLI reports it


def test_environment_and_globals_yaml_with_secrets_and_vault(tmp_path: Path, server) -> None:
    root = tree(tmp_path, {
        "postman/collections/C/r.request.yaml": request("{{baseUrl}}/s", extra="""
            headers:
              X-One: '{{sesame}}'
              X-Two: '{{opensesame}}'
              X-G: '{{greeting}}'
            order: 1
            """),
        "postman/collections/C/v.request.yaml": request("{{baseUrl}}/v", extra="headers:\n  X-V: '{{vaulted}}'\norder: 2\n"),
        "postman/environments/Local.environment.yaml": f"""
            name: Local
            values:
              - key: baseUrl
                value: {server.url}
                enabled: true
              - key: sesame
                value: open-1
                type: secret
              - key: opensesame
                value: open-2
                type: default
                secret: true
              - key: vaulted
                source:
                  provider: postman
                  postman: {{type: cloud, secretId: s, vaultId: v}}
            """,
        "postman/globals/workspace.globals.yaml": "name: Globals\nvalues:\n  - key: greeting\n    value: yes\n",
    })
    env = load_environment(root / "postman/environments/Local.environment.yaml")
    assert env.name == "Local" and {p.key for p in env.values} == {"baseUrl", "sesame", "opensesame"}
    code, out, err = run_cli("run", root, "-e", root / "postman/environments/Local.environment.yaml",
                             "-g", root / "postman/globals/workspace.globals.yaml", "-v")
    received = [r for r in server.requests if r.path == "/s"][0]
    assert (received.header("X-One"), received.header("X-Two"), received.header("X-G")) == ("open-1", "open-2", "yes")
    assert "open-1" not in out and "open-2" not in out
    assert "--env-var vaulted=" in out
    assert not [r for r in server.requests if r.path == "/v"]  # nothing unresolved goes on the wire


def test_yml_alias_and_unknown_fields_are_noted(tmp_path: Path) -> None:
    root = tree(tmp_path / "C", {
        ".resources/definition.yml": definition(name="Aliased"),
        "a.request.yml": request("http://127.0.0.1/a", extra="colour: blue\n"),
        "notes.yaml": "a: 1\n",
    })
    collection = load_collection(root)
    assert collection.name == "Aliased" and [loc.path for loc in collection.walk()] == ["a"]
    assert any("colour" in note for note in collection.notes)
    assert any("notes.yaml" in note for note in collection.notes)
    code, out, err = run_cli("list", root)
    assert code == 0 and "note:" in err and "colour" in err


# ---------------------------------------------------------------- ordering


def test_order_missing_counts_as_zero_ties_by_name_folders_between(tmp_path: Path) -> None:
    root = tree(tmp_path / "C", {
        "b.request.yaml": request("http://127.0.0.1/b", extra="order: 1000\n"),
        "z.request.yaml": request("http://127.0.0.1/z", extra="order: 2000\n"),
        "negative.request.yaml": request("http://127.0.0.1/n", extra="order: -5\n"),
        "tie-a.request.yaml": request("http://127.0.0.1/t"),
        "zlower.request.yaml": request("http://127.0.0.1/t"),
        "Zfolder/.resources/definition.yaml": definition(),
        "Zfolder/in.request.yaml": request("http://127.0.0.1/in"),
        "Mid/.resources/definition.yaml": definition(order="1500"),
        "Mid/m.request.yaml": request("http://127.0.0.1/m"),
        "half.request.yaml": request("http://127.0.0.1/h", extra="order: 1000.5\n"),
    })
    paths = [loc.path for loc in load_collection(root).walk()]
    assert paths == ["negative", "Zfolder/in", "tie-a", "zlower", "b", "half", "Mid/m", "z"]
    code, out, _ = run_cli("list", root)
    assert "missing `order` counts as 0" in out


# ---------------------------------------------------------------- bad files


BAD = {
    "wrong kind": ({"a.request.yaml": "$kind: http-example\nurl: x\n"}, "a.request.yaml:1:8", "$kind"),
    "no kind": ({"a.request.yaml": "url: x\n"}, "a.request.yaml:1:1", "$kind: http-request"),
    "websocket": ({"a.request.yaml": "$kind: websocket-request\nurl: x\n"}, "a.request.yaml:1:8", "move this file"),
    "wrong type": ({"a.request.yaml": "$kind: http-request\nurl: x\nheaders:\n  - key: A\n    value: [1, 2]\n"},
                   "a.request.yaml:5:12", "headers/0/value"),
    "quoted order": ({"a.request.yaml": "$kind: http-request\nurl: x\norder: '1000'\n"}, "a.request.yaml:3:8",
                     "unquoted"),
    "v2 events": ({"a.request.yaml": "$kind: http-request\nurl: x\nevent: []\n"}, "a.request.yaml:3:8", "scripts"),
    "yaml syntax": ({"a.request.yaml": "$kind: http-request\nurl: {{baseUrl}}/x\n"}, "a.request.yaml:2:", "quoted"),
    "unsafe name": ({"a:b.request.yaml": "$kind: http-request\nurl: x\n"}, "a:b.request.yaml", "a-b"),
    "case duplicates": ({"Get.request.yaml": "$kind: http-request\nurl: x\n",
                         "get.request.yaml": "$kind: http-request\nurl: x\n"}, ".request.yaml", "ignoring case"),
    "orphan example": ({"a.request.yaml": "$kind: http-request\nurl: x\n",
                        ".resources/gone.resources/examples/e.example.yaml": "$kind: http-example\n"},
                       "e.example.yaml", "no request"),
    "examples outside": ({"a.request.yaml": "$kind: http-request\nurl: x\nexamples: ../../elsewhere\n"},
                         "a.request.yaml:3:11", "leaves the collection"),
    "src outside": ({"a.request.yaml": "$kind: http-request\nurl: x\nbody:\n  type: file\n  content:\n    src: ../x\n"},
                    "a.request.yaml:6:10", "leaves the collection"),
    "two definitions": ({".resources/definition.yaml": "$kind: collection\n", ".resources/definition.yml":
                         "$kind: collection\n", "a.request.yaml": "$kind: http-request\nurl: x\n"},
                        ".resources", "keep one"),
    "alias bomb": ({"a.request.yaml": "$kind: http-request\nurl: x\na: &a [1,1,1,1,1,1,1,1,1,1]\n"
                    + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
                              f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n"
                              for i in range(8))}, "a.request.yaml", "aliases"),
    "duplicate key": ({"a.request.yaml": "$kind: http-request\nurl: x\nurl: y\n"}, "a.request.yaml:3:1", "twice"),
    "definition kind": ({".resources/definition.yaml": "$kind: http-request\n", "a.request.yaml":
                         "$kind: http-request\nurl: x\n"}, "definition.yaml:1:8", "$kind: collection"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_v3_input_exits_2_with_file_line_column_and_fix(case: str, tmp_path: Path) -> None:
    files, where, fix = BAD[case]
    root = tree(tmp_path / "C", files)
    code, out, err = run_cli("validate", root)
    assert code == 2, out + err
    assert "Traceback" not in err
    assert where in err, err
    assert fix in err, err
    assert "hint:" in err


def test_a_link_that_leaves_the_collection_is_refused(tmp_path: Path) -> None:
    outside = tree(tmp_path / "outside", {"secret.request.yaml": request("http://127.0.0.1/x")})
    root = tree(tmp_path / "C", {"a.request.yaml": request("http://127.0.0.1/a")})
    os.symlink(outside / "secret.request.yaml", root / "linked.request.yaml")
    code, _, err = run_cli("list", root)
    assert code == 2 and "leaves the collection" in err and "linked.request.yaml" in err


def test_a_directory_that_is_no_collection(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, _, err = run_cli("run", tmp_path / "empty")
    assert code == 2 and "not a Postman collection directory" in err


# ---------------------------------------------------------------- workspaces and commands


@pytest.fixture
def workspace(tmp_path: Path, server) -> Path:
    return tree(tmp_path / "project", {
        "postman/collections/Orders/.resources/definition.yaml": f"$kind: collection\nvariables:\n  baseUrl: {server.url}\n",
        "postman/collections/Orders/List/.resources/definition.yaml": definition(name="'List orders'"),
        "postman/collections/Orders/List/all.request.yaml": request("{{baseUrl}}/orders"),
        "postman/collections/Users/.resources/definition.yaml": f"$kind: collection\nvariables:\n  baseUrl: {server.url}\n",
        "postman/collections/Users/me.request.yaml": request("{{baseUrl}}/me"),
    })


def test_a_project_folder_runs_every_collection_or_the_one_named(workspace: Path, server) -> None:
    code, out, err = run_cli("list", workspace)
    assert code == 0, err
    assert "Orders/" in out and "List orders/" in out and "Users/" in out
    run_cli("run", workspace)
    assert sorted(r.path for r in server.requests) == ["/me", "/orders"]
    server.reset()
    run_cli("run", workspace, "--collection", "Users")
    assert [r.path for r in server.requests] == ["/me"]
    server.reset()
    run_cli("run", workspace, "--item", "Orders/List orders/all")
    assert [r.path for r in server.requests] == ["/orders"]
    code, _, err = run_cli("run", workspace, "--collection", "Userz")
    assert code == 2 and "did you mean 'Users'" in err
    (workspace / "postman/collections/Users/.resources/definition.yaml").write_text(
        "$kind: collection\nvariables:\n  baseUrl: http://127.0.0.1:9\n", encoding="utf-8")
    code, _, err = run_cli("run", workspace)
    assert code == 2 and "'Orders' and 'Users' give the variable 'baseUrl' different values" in err
    assert "--collection NAME" in err


def test_item_and_folder_selection_use_display_names(workspace: Path, server) -> None:
    orders = workspace / "postman/collections/Orders"
    run_cli("run", orders, "--folder", "List orders")
    assert [r.path for r in server.requests] == ["/orders"]
    code, _, err = run_cli("run", orders, "--item", "List/all")
    assert code == 2 and "List orders/all" in err


def test_validate_and_curl_on_a_v3_directory(workspace: Path, server) -> None:
    orders = workspace / "postman/collections/Orders"
    code, out, _ = run_cli("validate", orders)
    assert code == 0 and "every item can be sent" in out
    code, out, _ = run_cli("curl", orders, "--item", "all")
    assert code == 0 and f"{server.url}/orders" in out and out.startswith("curl")


def test_contract_file_uses_the_same_slash_paths(workspace: Path, server, tmp_path: Path) -> None:
    contract = tmp_path / "contract.yaml"
    contract.write_text("items:\n  List orders/all:\n    expect: [201]\n", encoding="utf-8")
    code, out, err = run_cli("run", workspace / "postman/collections/Orders", "--contract", contract)
    assert code == 1, out + err
    assert "contract rule" not in err  # the rule matched the item


def test_json_junit_and_html_reports_for_a_v3_run(workspace: Path, server, tmp_path: Path) -> None:
    server.route("/me", 404)
    json_path, junit_path, html_path = tmp_path / "r.json", tmp_path / "r.xml", tmp_path / "r.html"
    code, out, err = run_cli("run", workspace, "--strict", "-r", "cli,json,junit,html", "--reporter-json-export",
                             json_path, "--reporter-junit-export", junit_path, "--reporter-html-export", html_path)
    assert code == 1
    html = html_path.read_text()
    assert "Users/me" in html and "List orders/all" in html
    report = json.loads(json_path.read_text())
    assert "Users/me" in json.dumps(report) and "Orders/List orders/all" in json.dumps(report)
    from junitparser import JUnitXml

    cases = [case.name for suite in JUnitXml.fromfile(str(junit_path)) for case in suite]
    assert any("Users/me" in name for name in cases) and any("List orders/all" in name for name in cases)


def test_run_mock_serves_a_v3_collections_examples() -> None:
    code, out, err = run_cli("run", REFERENCE_V3, "-e", MOCK_ENV, "--mock")
    assert code == 0, out + err
    assert "✓ Remove content watcher" in out


# ---------------------------------------------------------------- the reference item, both forms


def test_the_reference_item_sends_the_same_request_and_verdicts_in_v3(server, tmp_path: Path) -> None:
    env = tmp_path / "env.json"
    env.write_text(json.dumps({"baseUrl": server.url, "contentId": "12345", "accountId": "acc-1",
                               "accessToken": "tok"}), encoding="utf-8")
    seen = []
    for source in (CONFLUENCE, REFERENCE_V3):
        for status in (204, 403, 500):
            server.reset()
            server.route("/api/user/watch/content/12345", status)
            code, out, err = run_cli("run", source, "-e", env)
            received = server.only()
            seen.append((status, code, received.method, received.target,
                         sorted((k, v) for k, v in received.headers if k.lower() not in ("postman-token",)),
                         received.body))
    v21, v3 = seen[:3], seen[3:]
    assert v21 == v3
    assert [code for _, code, *_ in v3] == [0, 0, 1]


def test_the_committed_v3_reference_is_what_convert_writes(tmp_path: Path) -> None:
    out = tmp_path / "Confluence Cloud"
    code, text, err = run_cli("convert", CONFLUENCE, "--to", "v3", out)
    assert code == 0, err
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    committed = sorted(p.relative_to(REFERENCE_V3).as_posix() for p in REFERENCE_V3.rglob("*") if p.is_file())
    assert written == committed
    for rel in written:
        assert (out / rel).read_text() == (REFERENCE_V3 / rel).read_text(), rel


def test_load_v3_tree_matches_v21_model(tmp_path: Path) -> None:
    v21 = load_collection(CONFLUENCE)
    v3 = load_collection(REFERENCE_V3)
    (a,), (b,) = list(v21.walk()), list(v3.walk())
    assert a.item.name == b.item.name and a.item.request.method == b.item.request.method
    assert [(r.name, r.code, r.headers, r.body or "") for r in a.item.responses] == [
        (r.name, r.code, r.headers, r.body or "") for r in b.item.responses]
    assert not any(isinstance(n, Folder) for n in v3.items)


# ---------------------------------------------------------------- large collections: an index, files read as they run


def test_a_large_collection_runs_from_its_index_with_the_same_requests(tmp_path: Path, server, monkeypatch) -> None:
    files = {f"F{f}/r{n}.request.yaml": request(server.url + f"/{f}/{n}", extra=f"order: {-n}\nheaders:\n  X-N: '{n}'\n")
             for f in range(3) for n in range(4)}
    files["F0/.resources/r1.resources/examples/ok.example.yaml"] = (
        "$kind: http-example\nresponse:\n  statusCode: 201\n  statusText: Created\n  body: {type: text, content: ''}\n")
    files["F1/odd.request.yaml"] = "$kind: http-request\nurl: '" + server.url + "/odd'\nname: >-\n  Folded name\norder: 9\n"
    root = tree(tmp_path / "Big", files)
    whole = [(loc.path, loc.item.request.method) for loc in load_collection(root).walk()]
    monkeypatch.setattr("engine.load_v3.STREAM_ITEMS", 5)
    indexed = load_collection(root, stream=None)
    assert all(loc.item.stub for loc in indexed.walk())
    assert [(loc.path, loc.item.request.method) for loc in indexed.walk()] == whole
    code, out, _ = run_cli("list", root)
    assert "[201]" in out and "Folded name" in out
    server.route("/0/1", 201)
    code, out, err = run_cli("run", root)
    assert code == 0, out + err
    assert [r.target for r in server.requests][:4] == ["/0/3", "/0/2", "/0/1", "/0/0"]
    assert [r.header("X-N") for r in server.requests][:4] == ["3", "2", "1", "0"]


def test_a_bad_file_of_a_large_collection_is_that_items_error(tmp_path: Path, server, monkeypatch) -> None:
    files = {f"r{n}.request.yaml": request(server.url + f"/{n}", extra=f"order: {n}\n") for n in range(6)}
    files["r3.request.yaml"] += "headers:\n  X-A: [1, 2]\n"
    root = tree(tmp_path / "Big", files)
    monkeypatch.setattr("engine.load_v3.STREAM_ITEMS", 5)
    code, out, err = run_cli("run", root)
    assert code == 1
    assert "r3.request.yaml:6:8" in out and "headers/X-A" in out
    assert sorted(r.path for r in server.requests) == ["/0", "/1", "/2", "/4", "/5"]
    assert run_cli("validate", root)[0] == 2  # validate reads every file in full


def test_descriptions_ids_graphql_requests_and_yml_examples(tmp_path: Path, server) -> None:
    root = tree(tmp_path / "C", {
        ".resources/definition.yaml": "$kind: collection\nname: Described\ndescription: |-\n  Line one.\n  Line two.\n",
        "F/.resources/definition.yml": "$kind: collection\nname: Folder F\ndescription: In the folder.\n",
        "F/q.request.yaml": f"""$kind: graphql-request
id: 6512ab
url: '{server.url}/graphql'
query: '{{ me {{ id }} }}'
variables: '{{"n": 1}}'
description: Asks who I am.
""",
        "F/.resources/q.resources/examples/ok.example.yml": (
            "$kind: http-example\nresponse:\n  statusCode: 200\n  statusText: OK\n  body: {type: json, content: '{}'}\n"),
    })
    collection = load_collection(root)
    assert collection.description == "Line one.\nLine two."
    (folder,) = collection.items
    assert isinstance(folder, Folder) and (folder.name, folder.description) == ("Folder F", "In the folder.")
    (located,) = list(collection.walk())
    assert located.item.id == "6512ab" and located.item.request.description == "Asks who I am."
    assert [r.code for r in located.item.responses] == [200]
    server.route("/graphql", 200, body='{"data": {}}', headers={"Content-Type": "application/json"})
    code, out, err = run_cli("run", root, "--item", "6512ab")
    received = server.only()
    assert received.method == "POST" and json.loads(received.body) == {"query": "{ me { id } }", "variables": {"n": 1}}
    assert code == 0, out + err


def test_a_yml_environment_and_a_v2_json_environment_both_load(tmp_path: Path) -> None:
    yml = tree(tmp_path, {"Dev.environment.yml": "name: Dev\nvalues:\n  - key: a\n    value: 007\n    enabled: false\n"
                                                  "  - key: b\n    value: 1.0\n"})
    env = load_environment(yml / "Dev.environment.yml")
    assert [(p.key, p.value) for p in env.values] == [("b", "1.0")] and [p.key for p in env.disabled] == ["a"]
    assert env.disabled[0].value == "007"
