"""Replaying against a real loopback server: the seed regression, transport faults, cookies, redirects, bail."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path


from conftest import CONFLUENCE
from factory import example, make_item
from servers import closed_port

WATCH_PATH = "/wiki/rest/api/user/watch/content/12345"
DELETED = "Returned if the watcher was successfully deleted."


def seed_args(server, *extra: str, content_id: bool = True, token: bool = True) -> list[str]:
    args = ["run", str(CONFLUENCE), "--env-var", "accountId=384093:abc", "--env-var", f"baseUrl={server.url}/wiki/rest"]
    if content_id:
        args += ["--env-var", "contentId=12345"]
    if token:
        args += ["--env-var", "accessToken=T"]
    return args + list(extra)


# ---------------------------------------------------------------- the seed item


def test_seed_item_goes_on_the_wire_exactly(server, cli) -> None:
    server.route(WATCH_PATH, 204)
    code, out, err = cli(*seed_args(server))
    received = server.only()
    assert received.method == "DELETE"
    assert received.target in (f"{WATCH_PATH}?accountId=384093%3Aabc", f"{WATCH_PATH}?accountId=384093:abc")
    assert received.header("Authorization") == "Bearer T"
    assert received.header("X-Atlassian-Token") == "no-check"
    assert "key=" not in received.query and "username=" not in received.query
    assert "<" not in received.target and "%3C" not in received.target.upper()
    assert code == 0, out + err
    assert DELETED in out


def test_seed_item_undocumented_500_fails(server, cli) -> None:
    server.route(WATCH_PATH, 500, "boom")
    code, out, _ = cli(*seed_args(server))
    assert code == 1
    assert "undocumented status 500" in out
    assert "documented: 204, 403, 404" in out


def test_seed_item_documented_403_passes_by_default(server, cli) -> None:
    server.route(WATCH_PATH, 403)
    code, out, _ = cli(*seed_args(server))
    assert code == 0, out
    assert "403" in out


def test_seed_item_403_fails_with_expect_success(server, cli) -> None:
    server.route(WATCH_PATH, 403)
    code, out, _ = cli(*seed_args(server, "--expect", "success"))
    assert code == 1
    assert "not a success" in out and "204" in out


def test_seed_item_without_content_id_is_an_item_error_and_sends_nothing(server, cli) -> None:
    code, out, _ = cli(*seed_args(server, content_id=False))
    assert code == 1
    assert "contentId" in out
    assert "--env-var contentId=" in out
    assert server.requests == []


def test_seed_item_without_token_is_an_item_error_and_sends_nothing(server, cli) -> None:
    code, out, _ = cli(*seed_args(server, token=False))
    assert code == 1
    assert "access token" in out
    assert "--env-var accessToken=" in out
    assert server.requests == []


def test_seed_item_never_sends_a_placeholder_for_a_given_key(server, cli) -> None:
    """With `key` set on the command line the optional parameter is filled, not dropped."""
    server.route(WATCH_PATH, 204)
    code, out, _ = cli(*seed_args(server, "--env-var", "key=K1"))
    assert code == 0, out
    assert server.only().query.split("&") == ["key=K1", "accountId=384093%3Aabc"] or server.only().query.split(
        "&"
    ) == ["key=K1", "accountId=384093:abc"]


def test_seed_item_notes_the_omitted_optional_parameters(server, cli) -> None:
    server.route(WATCH_PATH, 204)
    _, out, _ = cli(*seed_args(server))
    assert "left out optional query parameter 'key'" in out
    assert "left out optional query parameter 'username'" in out


# ---------------------------------------------------------------- transport faults end only their item


def three_items(first_url: str) -> list[dict]:
    return [
        make_item("broken", "GET", first_url, responses=[example(200)]),
        make_item("after one", "GET", "{{baseUrl}}/ok", responses=[example(200)]),
        make_item("after two", "GET", "{{baseUrl}}/ok", responses=[example(200)]),
    ]


def report(tmp_path: Path) -> dict:
    return json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))


def run_three(cli, write_collection, server, tmp_path, first_url: str, *extra: str) -> tuple[int, str, dict]:
    server.route("/ok", 200, "fine")
    path = write_collection(three_items(first_url), variable=[{"key": "baseUrl", "value": server.url}])
    code, out, err = cli("run", path, "-r", "cli,json", "--reporter-json-export", tmp_path / "report.json", *extra)
    return code, out, report(tmp_path)


def test_dropped_connection_ends_only_its_item(server, cli, write_collection, tmp_path) -> None:
    server.route("/drop", behaviour="drop")
    code, out, doc = run_three(cli, write_collection, server, tmp_path, "{{baseUrl}}/drop")
    assert code == 1
    assert [r["outcome"] for r in doc["results"]] == ["error", "passed", "passed"]
    assert "closed" in doc["results"][0]["error"]
    assert [r.path for r in server.requests] == ["/drop", "/ok", "/ok"]


def test_connection_dropped_mid_body_ends_only_its_item(server, cli, write_collection, tmp_path) -> None:
    server.route("/drop", 200, "x" * 100, behaviour="drop-mid")
    code, out, doc = run_three(cli, write_collection, server, tmp_path, "{{baseUrl}}/drop")
    assert code == 1
    assert [r["outcome"] for r in doc["results"]] == ["error", "passed", "passed"]


def test_refused_port_ends_only_its_item(server, cli, write_collection, tmp_path) -> None:
    port = closed_port()
    code, out, doc = run_three(cli, write_collection, server, tmp_path, f"http://127.0.0.1:{port}/nothing")
    assert code == 1
    assert [r["outcome"] for r in doc["results"]] == ["error", "passed", "passed"]
    assert "refused" in doc["results"][0]["error"]
    assert f"127.0.0.1:{port}" in doc["results"][0]["error"]


def test_timeout_ends_only_its_item(server, cli, write_collection, tmp_path) -> None:
    server.route("/hang", behaviour="hang")
    code, out, doc = run_three(cli, write_collection, server, tmp_path, "{{baseUrl}}/hang", "--timeout-request", "200")
    assert code == 1
    assert [r["outcome"] for r in doc["results"]] == ["error", "passed", "passed"]
    assert "timed out after 200 ms" in doc["results"][0]["error"]
    assert "--timeout-request" in doc["results"][0]["hint"]


def test_trickling_server_cannot_hold_an_item_past_its_timeout(server, cli, write_collection, tmp_path) -> None:
    """Each byte arrives well within the read timeout; the whole body would take 8 s."""
    server.route("/slow", 200, "y" * 400, behaviour="trickle", trickle_interval=0.02)
    started = time.monotonic()
    code, out, doc = run_three(cli, write_collection, server, tmp_path, "{{baseUrl}}/slow", "--timeout-request", "300")
    assert time.monotonic() - started < 4.0
    assert code == 1
    first = doc["results"][0]
    assert first["outcome"] == "error"
    assert "timed out" in first["error"]
    assert [r["outcome"] for r in doc["results"][1:]] == ["passed", "passed"]


def test_bail_stops_after_the_first_failure(server, cli, write_collection, tmp_path) -> None:
    server.route("/bad", 500)
    code, out, doc = run_three(cli, write_collection, server, tmp_path, "{{baseUrl}}/bad", "--bail")
    assert code == 1
    assert [r["outcome"] for r in doc["results"]] == ["failed"]
    assert [r.path for r in server.requests] == ["/bad"]


# ---------------------------------------------------------------- session behaviour


def test_cookies_set_by_one_item_are_sent_by_the_next(server, cli, write_collection) -> None:
    server.route("/login", 200, "in", {"Set-Cookie": "session=abc123; Path=/"})
    server.route("/me", 200, "me")
    path = write_collection(
        [make_item("login", "POST", "{{baseUrl}}/login"), make_item("me", "GET", "{{baseUrl}}/me")],
        variable=[{"key": "baseUrl", "value": server.url}],
    )
    code, out, _ = cli("run", path)
    assert code == 0, out
    first, second = server.requests
    assert first.header("Cookie") is None
    assert second.header("Cookie") == "session=abc123"


def test_redirect_to_another_origin_drops_credentials(server, other_server, cli, write_collection) -> None:
    server.route("/start", 302, headers={"Location": f"{other_server.url}/landing"})
    other_server.route("/landing", 200, "landed")
    path = write_collection(
        [
            make_item(
                "follow",
                "GET",
                "{{baseUrl}}/start",
                headers=[{"key": "Cookie", "value": "c=1"}, {"key": "X-Trace", "value": "t1"}],
                auth={"type": "bearer", "bearer": [{"key": "token", "value": "SECRET-T"}]},
            ),
            make_item(
                "follow apikey",
                "GET",
                "{{baseUrl}}/start",
                auth={"type": "apikey", "apikey": [{"key": "key", "value": "X-Key"}, {"key": "value", "value": "K-SECRET"}]},
            ),
        ],
        variable=[{"key": "baseUrl", "value": server.url}],
    )
    code, out, _ = cli("run", path)
    assert code == 0, out
    first_hop = server.requests[0]
    assert first_hop.header("Authorization") == "Bearer SECRET-T"
    landed, landed_apikey = other_server.requests
    assert landed.path == "/landing"
    assert landed.header("Authorization") is None
    assert landed.header("Cookie") is None
    assert landed.header("X-Trace") == "t1"
    assert server.requests[1].header("X-Key") == "K-SECRET"
    assert landed_apikey.header("X-Key") is None


def test_redirect_on_the_same_origin_keeps_credentials(server, cli, write_collection) -> None:
    server.route("/start", 302, headers={"Location": "/landing"})
    server.route("/landing", 200, "landed")
    path = write_collection(
        [make_item("follow", "GET", "{{baseUrl}}/start", auth={"type": "bearer", "bearer": [{"key": "token", "value": "T2"}]})],
        variable=[{"key": "baseUrl", "value": server.url}],
    )
    code, _, _ = cli("run", path)
    assert code == 0
    assert [r.header("Authorization") for r in server.requests] == ["Bearer T2", "Bearer T2"]


def test_follow_redirects_false_is_honoured(server, cli, write_collection) -> None:
    server.route("/start", 302, headers={"Location": "/landing"})
    path = write_collection(
        [make_item("no follow", "GET", "{{baseUrl}}/start", responses=[example(302)],
                   protocolProfileBehavior={"followRedirects": False})],
        variable=[{"key": "baseUrl", "value": server.url}],
    )
    code, out, _ = cli("run", path)
    assert code == 0, out
    assert [r.path for r in server.requests] == ["/start"]


def test_dry_run_sends_nothing_and_prints_the_request(server, cli) -> None:
    code, out, _ = cli(*seed_args(server, "--dry-run"))
    assert code == 0, out
    assert server.requests == []
    assert re.search(r"DELETE http://127\.0\.0\.1:\d+/wiki/rest/api/user/watch/content/12345\?accountId=", out)


# ---------------------------------------------------------------- what arrives on the wire


def test_precedence_through_files_and_command_line(server, cli, write_collection, tmp_path) -> None:
    """--env-var > data file > environment file > collection > globals, seen by the server."""
    url = "{{baseUrl}}/p?cli={{a}}&data={{b}}&env={{c}}&coll={{d}}&glob={{e}}"
    path = write_collection([make_item("p", "GET", url)], variable=[{"key": "baseUrl", "value": server.url}] + [
        {"key": k, "value": "coll"} for k in "abcd"])
    env = tmp_path / "env.json"
    env.write_text(json.dumps({"values": [{"key": k, "value": "env", "enabled": True} for k in "abc"]}))
    globals_ = tmp_path / "globals.json"
    globals_.write_text(json.dumps({"values": [{"key": k, "value": "glob"} for k in "abcde"]}))
    data = tmp_path / "data.csv"
    data.write_text("a,b\ndata,data\n")
    code, out, _ = cli("run", path, "-e", env, "-g", globals_, "-d", data, "--env-var", "a=cli")
    assert code == 0, out
    assert server.only().query == "cli=cli&data=data&env=env&coll=coll&glob=glob"


def test_iteration_data_runs_once_per_row(server, cli, write_collection, tmp_path) -> None:
    path = write_collection([make_item("p", "GET", "{{baseUrl}}/rows/{{id}}")], variable=[{"key": "baseUrl", "value": server.url}])
    data = tmp_path / "rows.json"
    data.write_text(json.dumps([{"id": 1}, {"id": "two"}]))
    code, out, _ = cli("run", path, "-d", data)
    assert code == 0, out
    assert [r.target for r in server.requests] == ["/rows/1", "/rows/two"]


def test_unresolved_variable_sends_nothing(server, cli, write_collection) -> None:
    path = write_collection([make_item("p", "GET", "{{baseUrl}}/x/{{nothere}}")], variable=[{"key": "baseUrl", "value": server.url}])
    code, out, _ = cli("run", path)
    assert code == 1
    assert "{{nothere}}" in out and "--env-var nothere=" in out
    assert server.requests == []


def test_path_variable_with_reserved_characters_arrives_as_one_segment(server, cli, write_collection) -> None:
    url = {"raw": "{{baseUrl}}/files/:name/meta", "host": ["{{baseUrl}}"], "path": ["files", ":name", "meta"],
           "variable": [{"key": "name", "value": "a/b?c#d"}]}
    path = write_collection([make_item("p", "GET", url)], variable=[{"key": "baseUrl", "value": server.url}])
    code, out, _ = cli("run", path)
    assert code == 0, out
    assert server.only().target == "/files/a%2Fb%3Fc%23d/meta"


def test_query_order_duplicates_and_bare_keys_arrive_unchanged(server, cli, write_collection) -> None:
    url = {"raw": "x", "host": ["{{baseUrl}}"], "path": ["q"], "query": [
        {"key": "b", "value": "2"}, {"key": "flag", "value": None}, {"key": "b", "value": "1"}, {"key": "e", "value": ""},
        {"key": "t", "value": "<string>"}]}
    path = write_collection([make_item("p", "GET", url)], variable=[{"key": "baseUrl", "value": server.url}])
    cli("run", path)
    assert server.only().target == "/q?b=2&flag&b=1&e="


def multipart_parts(received) -> dict[str, tuple[str | None, bytes]]:
    from email import policy
    from email.parser import BytesParser

    head = f"Content-Type: {received.header('Content-Type')}\r\n\r\n".encode()
    message = BytesParser(policy=policy.HTTP).parsebytes(head + received.body)
    return {part.get_param("name", header="content-disposition"): (part.get_filename(), part.get_payload(decode=True))
            for part in message.iter_parts()}


def form_collection(write_collection, server, src: str) -> Path:
    body = {"mode": "formdata", "formdata": [
        {"key": "note", "value": "hello {{who}}", "type": "text"},
        {"key": "upload", "src": src, "type": "file"}]}
    return write_collection([make_item("upload", "POST", "{{baseUrl}}/upload", body=body)],
                            variable=[{"key": "baseUrl", "value": server.url}, {"key": "who", "value": "you"}])


BINARY = bytes(range(256)) * 4 + b"\r\n--not-a-boundary\r\n"


def test_formdata_text_and_file_parts_arrive_intact(server, cli, write_collection, tmp_path) -> None:
    (tmp_path / "blob.bin").write_bytes(BINARY)
    code, out, _ = cli("run", form_collection(write_collection, server, "blob.bin"))
    assert code == 0, out
    received = server.only()
    assert received.header("Content-Type").startswith("multipart/form-data; boundary=")
    parts = multipart_parts(received)
    assert parts["note"] == (None, b"hello you")
    assert parts["upload"] == ("blob.bin", BINARY)


def test_file_outside_the_working_dir_is_refused_unless_allowed(server, cli, write_collection, tmp_path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (tmp_path / "secret.txt").write_bytes(b"private")
    collection = form_collection(write_collection, server, "../secret.txt")
    code, out, _ = cli("run", collection, "--working-dir", work)
    assert code == 1
    assert "outside the working directory" in out and "--allow-outside-files" in out
    assert server.requests == []
    code, out, _ = cli("run", collection, "--working-dir", work, "--allow-outside-files")
    assert code == 0, out
    assert multipart_parts(server.only())["upload"][1] == b"private"


def test_absolute_file_source_is_refused(server, cli, write_collection, tmp_path) -> None:
    secret = tmp_path / "abs-secret.txt"
    secret.write_bytes(b"private")
    code, out, _ = cli("run", form_collection(write_collection, server, str(secret)), "--working-dir", tmp_path)
    assert code == 1
    assert "outside the working directory" in out
    assert server.requests == []


def test_symlink_leading_outside_the_working_dir_is_refused(server, cli, write_collection, tmp_path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (tmp_path / "secret.txt").write_bytes(b"private")
    (work / "innocent.txt").symlink_to(tmp_path / "secret.txt")
    collection = form_collection(write_collection, server, "innocent.txt")
    code, out, _ = cli("run", collection, "--working-dir", work)
    assert code == 1
    assert "outside the working directory" in out
    assert server.requests == []
    code, out, _ = cli("run", collection, "--working-dir", work, "--allow-outside-files")
    assert code == 0, out
    assert multipart_parts(server.only())["upload"][1] == b"private"


def test_missing_file_is_an_item_error(server, cli, write_collection, tmp_path) -> None:
    code, out, _ = cli("run", form_collection(write_collection, server, "nope.bin"))
    assert code == 1
    assert "nope.bin" in out and "does not exist" in out
    assert server.requests == []


def test_file_body_is_sent_as_is(server, cli, write_collection, tmp_path) -> None:
    (tmp_path / "payload.bin").write_bytes(BINARY)
    path = write_collection([make_item("f", "PUT", "{{baseUrl}}/f", body={"mode": "file", "file": {"src": "payload.bin"}})],
                            variable=[{"key": "baseUrl", "value": server.url}])
    code, out, _ = cli("run", path)
    assert code == 0, out
    assert server.only().body == BINARY


def test_raw_json_and_urlencoded_bodies_arrive(server, cli, write_collection) -> None:
    path = write_collection([
        make_item("json", "POST", "{{baseUrl}}/j", body={"mode": "raw", "raw": '{"n": "{{n}}"}', "options": {"raw": {"language": "json"}}}),
        make_item("form", "POST", "{{baseUrl}}/f", body={"mode": "urlencoded", "urlencoded": [{"key": "a b", "value": "c&d"}]}),
        make_item("get", "GET", "{{baseUrl}}/g", body={"mode": "raw", "raw": "pruned"}),
    ], variable=[{"key": "baseUrl", "value": server.url}, {"key": "n", "value": "7"}])
    code, out, _ = cli("run", path)
    assert code == 0, out
    json_request, form_request, get_request = server.requests
    assert json_request.header("Content-Type") == "application/json"
    assert json.loads(json_request.body) == {"n": "7"}
    assert form_request.header("Content-Type") == "application/x-www-form-urlencoded"
    assert form_request.body == b"a%20b=c%26d"
    assert get_request.body == b"" and get_request.header("Content-Length") in (None, "0")


def test_gzip_and_large_bodies_are_read_whole(server, cli, write_collection, tmp_path) -> None:
    import gzip

    document = {"items": [{"id": n, "name": f"n{n}"} for n in range(8_000)]}
    plain = json.dumps(document).encode()
    server.route("/gz", 200, gzip.compress(plain), {"Content-Type": "application/json", "Content-Encoding": "gzip"})
    server.route("/big", 200, plain, {"Content-Type": "application/json"})
    documented = [example(200, json.dumps({"items": [{"id": "<integer>", "name": "<string>"}]}), "application/json")]
    path = write_collection([make_item("gz", "GET", "{{baseUrl}}/gz", responses=documented),
                             make_item("big", "GET", "{{baseUrl}}/big", responses=documented)],
                            variable=[{"key": "baseUrl", "value": server.url}])
    code, out, _ = cli("run", path, "-r", "cli,json", "--reporter-json-export", tmp_path / "report.json")
    assert code == 0, out
    results = report(tmp_path)["results"]
    assert results[1]["response"]["size"] == len(plain)
    assert all(c["passed"] for r in results for c in r["checks"])


def test_a_bad_url_or_header_value_is_that_items_error_and_the_run_goes_on(server, cli, write_collection, tmp_path) -> None:
    for path in ("/one", "/four"):
        server.route(path, 200, "ok")
    collection = write_collection(
        [
            make_item("One", "GET", "{{baseUrl}}/one"),
            make_item("Two", "GET", "http://127.0.0.1:{{port}}/two"),
            make_item("Three", "GET", "{{baseUrl}}/three", headers=[{"key": "X-Tenant", "value": "{{tenant}}"}]),
            make_item("Four", "GET", "{{baseUrl}}/four"),
        ],
        variable=[{"key": "baseUrl", "value": server.url}, {"key": "port", "value": "80a"},
                  {"key": "tenant", "value": "acme\nX-Injected: 1"}],
    )
    report = tmp_path / "r.json"
    code, out, err = cli("run", collection, "-r", "cli,json", "--reporter-json-export", report)
    assert code == 1 and "Traceback" not in err and "internal error" not in err
    results = json.loads(report.read_text(encoding="utf-8"))["results"]
    assert [r["outcome"] for r in results] == ["unchecked", "error", "error", "unchecked"]
    assert "invalid URL" in results[1]["error"]
    assert "X-Tenant" in results[2]["error"] and "line break" in results[2]["error"]
    assert [r.target for r in server.requests] == ["/one", "/four"]


def test_a_formdata_text_part_keeps_its_content_type(server, cli, write_collection) -> None:
    server.route("/upload", 200, "ok")
    rows = [{"key": "meta", "value": '{"a": 1}', "type": "text", "contentType": "application/json"},
            {"key": "plain", "value": "x", "type": "text"}]
    path = write_collection([make_item("Up", "POST", "{{baseUrl}}/upload", body={"mode": "formdata", "formdata": rows})],
                            variable=[{"key": "baseUrl", "value": server.url}])
    code, _, err = cli("run", path)
    assert code == 0, err
    body = server.only().body.decode()
    meta, plain = body.split('name="meta"')[1], body.split('name="plain"')[1]
    assert "Content-Type: application/json" in meta.split("--")[0] and '{"a": 1}' in meta
    assert "Content-Type" not in plain.split("--")[0]
