"""Newman's `run` flags a CI script may carry over: each does here what it does in Newman, or
exits 2 saying what to do instead. Every case runs against the loopback recording server."""

from __future__ import annotations

import json
from pathlib import Path

from factory import example, make_item


def report(tmp_path: Path) -> dict:
    return json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))


def test_global_var_sets_a_global_that_env_var_still_overrides(server, cli, write_collection, tmp_path) -> None:
    server.route("/g/one/two", 200, "ok")
    path = write_collection([make_item("G", "GET", f"{server.url}/g/{{{{a}}}}/{{{{b}}}}", responses=[example(200)])])
    code, out, err = cli("run", path, "--global-var", "a=one", "--global-var", "b=zero", "--env-var", "b=two",
                         "--export-globals", tmp_path / "globals.json")
    assert code == 0, out + err
    assert server.only().path == "/g/one/two"
    exported = json.loads((tmp_path / "globals.json").read_text(encoding="utf-8"))
    assert {v["key"]: v["value"] for v in exported["values"]} == {"a": "one", "b": "zero"}


def test_suppress_exit_code_turns_a_failed_run_into_0_but_not_bad_input(server, cli, write_collection) -> None:
    server.route("/bad", 500, "no")
    path = write_collection([make_item("Bad", "GET", f"{server.url}/bad", responses=[example(200)])])
    assert cli("run", path)[0] == 1
    for flag in ("-x", "--suppress-exit-code"):
        code, out, _ = cli("run", path, flag)
        assert code == 0 and "undocumented status 500" in out
    assert cli("run", "missing.json", "-x")[0] == 2


def test_silent_prints_nothing_and_still_writes_the_reports(server, cli, write_collection, tmp_path) -> None:
    server.route("/ok", 200, "ok")
    path = write_collection([make_item("Ok", "GET", f"{server.url}/ok", responses=[example(200, "ok")])])
    contract = tmp_path / "contract.yaml"
    contract.write_text('items:\n  "No such item": {expect: [200]}\n', encoding="utf-8")
    code, out, err = cli("run", path, "--contract", contract)
    assert code == 0 and "contract rule 'No such item' matches no item" in err
    code, out, err = cli("run", path, "--silent", "-r", "cli,json", "--reporter-json-export", tmp_path / "r.json",
                         "--contract", contract)
    assert (code, out, err) == (0, "", "")
    assert report(tmp_path)["summary"]["passed"] == 1


def test_disable_unicode_prints_plain_ascii(server, cli, write_collection) -> None:
    server.route("/ok", 200, "ok")
    path = write_collection([make_item("Ok", "GET", f"{server.url}/ok", responses=[example(200, "ok")])])
    code, out, _ = cli("run", path, "--disable-unicode", "--color", "off")
    assert code == 0 and "+ Ok" in out
    assert out.isascii(), [c for c in out if not c.isascii()]


def test_ignore_redirects_unless_the_item_says_follow(server, cli, write_collection, tmp_path) -> None:
    server.route("/from", 302, "", {"Location": "/to"})
    server.route("/to", 200, "ok")
    plain = make_item("Plain", "GET", f"{server.url}/from", responses=[example(302)])
    follows = make_item("Follows", "GET", f"{server.url}/from", responses=[example(200)])
    follows["protocolProfileBehavior"] = {"followRedirects": True}
    path = write_collection([plain, follows])
    code, out, err = cli("run", path, "--ignore-redirects")
    assert code == 0, out + err
    assert [r.path for r in server.requests] == ["/from", "/from", "/to"]


def test_timeout_bounds_the_whole_run(server, cli, write_collection, tmp_path) -> None:
    server.route("/slow", 200, "ok", delay=0.4)
    path = write_collection([make_item(f"S{n}", "GET", f"{server.url}/slow", responses=[example(200, "ok")])
                             for n in range(5)])
    code, out, _ = cli("run", path, "--timeout", "600", "-r", "cli,json", "--reporter-json-export", tmp_path / "r.json")
    assert code == 1  # every item that ran passed, but the run did not finish
    done = report(tmp_path)
    assert 1 <= done["summary"]["passed"] <= 2 and done["not_run"]["reason"] == "--timeout"
    assert "never ran: the run stopped (--timeout)" in out
    assert len(server.requests) == done["summary"]["passed"]


def test_htmlextra_is_taken_as_the_html_report(server, cli, write_collection, tmp_path) -> None:
    server.route("/ok", 200, "ok")
    path = write_collection([make_item("Ok", "GET", f"{server.url}/ok", responses=[example(200, "ok")])])
    target = tmp_path / "newman" / "report.html"
    code, _, err = cli("run", path, "-r", "cli,htmlextra", "--reporter-htmlextra-export", target)
    assert code == 0, err
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_no_insecure_file_read_wins_over_allow_outside_files(server, cli, write_collection, tmp_path) -> None:
    outside = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    outside.write_text("secret", encoding="utf-8")
    item = make_item("Upload", "POST", f"{server.url}/up", responses=[example(200)])
    item["request"]["body"] = {"mode": "file", "file": {"src": str(outside)}}
    path = write_collection([item])
    code, out, _ = cli("run", path, "--allow-outside-files", "--no-insecure-file-read")
    assert code == 1 and "outside the working directory" in out and server.requests == []


def newman_jar(*cookies: dict) -> dict:
    """A jar as Newman 6.2.2's --export-cookie-jar writes it."""
    return {"version": "tough-cookie@4.1.3-postman.1", "storeType": "MemoryCookieStore", "rejectPublicSuffixes": True,
            "enableLooseMode": False, "allowSpecialUseDomain": True, "prefixSecurity": "silent",
            "cookies": list(cookies)}


def test_cookie_jar_in_and_out_as_newman_writes_it(server, cli, write_collection, tmp_path) -> None:
    server.route("/set", 200, "ok", [("Set-Cookie", "sid=abc; Path=/; HttpOnly"),
                                     ("Set-Cookie", "pref=dark; Max-Age=3600; Path=/app")])
    server.route("/app/echo", 200, "ok")
    jar_in = tmp_path / "jar.json"
    jar_in.write_text(json.dumps(newman_jar(
        {"key": "pre", "value": "loaded", "domain": "127.0.0.1", "path": "/", "hostOnly": True,
         "creation": "2026-01-01T00:00:00.000Z", "lastAccessed": "2026-01-01T00:00:00.000Z"},
        {"key": "gone", "value": "x", "domain": "127.0.0.1", "path": "/", "hostOnly": True,
         "expires": "2001-01-01T00:00:00.000Z"})), encoding="utf-8")
    path = write_collection([make_item("Set", "GET", f"{server.url}/set", responses=[example(200, "ok")]),
                             make_item("Echo", "GET", f"{server.url}/app/echo", responses=[example(200, "ok")])])
    jar_out = tmp_path / "out.json"
    code, out, err = cli("run", path, "--cookie-jar", jar_in, "--export-cookie-jar", jar_out)
    assert code == 0, out + err
    first, second = server.requests
    assert first.header("Cookie") == "pre=loaded"  # the expired one is not sent
    assert second.header("Cookie") == "pref=dark; pre=loaded; sid=abc"  # Newman's order: longer path first
    written = json.loads(jar_out.read_text(encoding="utf-8"))
    assert written["version"].startswith("tough-cookie@") and written["storeType"] == "MemoryCookieStore"
    rows = {row["key"]: row for row in written["cookies"]}
    assert sorted(rows) == ["pre", "pref", "sid"]
    assert rows["sid"]["httpOnly"] is True and rows["sid"]["hostOnly"] is True and rows["sid"]["path"] == "/"
    assert rows["pref"]["path"] == "/app" and rows["pref"]["expires"].endswith("Z")
    assert jar_out.stat().st_mode & 0o777 == 0o600  # cookie values are credentials

    server.reset()
    code, out, err = cli("run", path, "--cookie-jar", jar_out)  # what we wrote, read back
    assert code == 0 and server.requests[0].header("Cookie") == "pre=loaded; sid=abc"


def test_a_bad_cookie_jar_exits_2_with_its_pointer(cli, write_collection, tmp_path) -> None:
    jar = tmp_path / "jar.json"
    jar.write_text(json.dumps({"cookies": [{"value": "no key"}]}), encoding="utf-8")
    path = write_collection([make_item("A", "GET", "http://127.0.0.1:9/a")])
    code, out, err = cli("run", path, "--cookie-jar", jar)
    assert code == 2 and "/cookies/0" in err and "needs a `key` and a `domain`" in err


def test_a_newman_flag_with_no_counterpart_exits_2_saying_what_to_do(cli, write_collection) -> None:
    path = write_collection([make_item("A", "GET", "http://127.0.0.1:9/a")])
    code, out, err = cli("run", path, "--postman-api-key", "PMAK-x")
    assert code == 2 and out == ""
    assert "--postman-api-key is Newman's and is not supported here" in err
    assert "export the collection" in err


def test_postman_cli_i_selects_a_folder_or_a_request(server, cli, write_collection) -> None:
    from factory import folder

    server.route("/a", 200, "ok")
    server.route("/b", 200, "ok")
    server.route("/c", 200, "ok")
    path = write_collection([folder("F", [make_item("A", "GET", f"{server.url}/a", responses=[example(200, "ok")]),
                                          make_item("B", "GET", f"{server.url}/b", responses=[example(200, "ok")])]),
                             make_item("C", "GET", f"{server.url}/c", responses=[example(200, "ok")])])
    code, out, err = cli("run", path, "-i", "F/B", "-i", "C")
    assert code == 0, out + err
    assert [r.path for r in server.requests] == ["/b", "/c"]


def test_bail_takes_newman_modifiers(server, cli, write_collection) -> None:
    path = write_collection([make_item(f"I{n}", "GET", f"{server.url}/bad", responses=[example(200)])
                             for n in range(3)])
    for modifier in ("failure", "folder,failure"):
        server.reset()
        server.route("/bad", 500, "no")
        code, out, _ = cli("run", path, "--bail", modifier)
        assert code == 1 and len(server.requests) == 1, out
        assert "2 item runs never ran: the run stopped (--bail)" in out


def test_json_report_in_newmans_structure(server, cli, write_collection, tmp_path) -> None:
    """What dashboards read from Newman's JSON: run.stats, run.failures, run.executions; our
    contract checks count as assertions, an item that could not run is a failure, secrets masked."""
    server.route("/ok", 200, '{"id": 7}', {"Content-Type": "application/json"})
    server.route("/boom", 500, "no")
    tests = {"listen": "test", "script": {"exec": ["pm.test('is 200', () => pm.response.to.have.status(200));",
                                                   "pm.test('fails', () => pm.expect(1).to.equal(2));",
                                                   "pm.environment.set('newId', String(pm.response.json().id));"]}}
    path = write_collection([
        make_item("Ok", "GET", f"{server.url}/ok?x=1", responses=[example(200, '{"id": 1}', "application/json")],
                  headers=[{"key": "Authorization", "value": "Bearer s3cr3t-value"}], event=[tests]),
        make_item("Boom", "GET", f"{server.url}/boom", responses=[example(200)]),
        make_item("Unsent", "GET", f"{server.url}/x?q={{{{nothing}}}}", responses=[example(200)]),
    ])
    report = tmp_path / "newman.json"
    code, out, err = cli("run", path, "-r", "json", "--reporter-json-structure", "newman",
                         "--reporter-json-export", report, "--env-var", "apiToken=tok-s3cr3t", "--global-var", "g=1")
    assert code == 1, out + err
    text = report.read_text(encoding="utf-8")
    assert "s3cr3t-value" not in text
    doc = json.loads(text)
    run = doc["run"]
    assert doc["collection"]["info"]["name"] == "test collection"
    assert run["stats"]["assertions"] == {"total": 6, "pending": 0, "failed": 2}  # 2 tests + 4 contract checks
    assert run["stats"]["requests"]["total"] == 2 and run["stats"]["items"] == {"total": 3, "pending": 0,
                                                                                "failed": 1}
    ok, boom, unsent = run["executions"]
    assert [a["assertion"] for a in ok["assertions"]][:1] == ["status: 200 OK — example 200"]
    assert [(a["assertion"], a.get("error", {}).get("message")) for a in ok["assertions"][-2:]] == [
        ("is 200", None), ("fails", "expected 1 to equal 2")]
    assert ok["request"]["url"]["query"] == [{"key": "x", "value": "1"}] and ok["request"]["method"] == "GET"
    assert bytes(ok["response"]["stream"]["data"]) == b'{"id": 7}' and ok["response"]["code"] == 200
    assert boom["response"]["code"] == 500 and "request" not in unsent
    failures = [(f["source"]["name"], f["error"]["name"]) for f in run["failures"]]
    assert failures == [("Ok", "AssertionError"), ("Boom", "AssertionError"), ("Unsent", "Error")]
    assert "nothing" in run["failures"][-1]["error"]["message"]
    assert run["timings"]["responseMax"] >= run["timings"]["responseMin"] and run["transfers"]["responseTotal"] > 0
    environment = {v["key"]: v["value"] for v in doc["environment"]["values"]}
    assert environment["newId"] == "7" and environment["apiToken"] == "****"  # set by the script; a secret masked
    assert "tok-s3cr3t" not in text and doc["globals"]["values"] == [{"key": "g", "value": "1", "type": "any",
                                                                      "enabled": True}]
