"""Bounds and protocol limits: the in-memory body bound, digest auth's challenge round trip,
redirect limits, and credentials on cross-origin redirects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine.runner import RunOptions, run
from factory import example, make_item

BOUND = 1000


def big_json(count: int) -> bytes:
    return json.dumps({"items": [{"id": n, "name": f"name-{n:05d}"} for n in range(count)]}).encode()


def run_one(path: Path, server, **options) -> object:
    result = run(str(path), RunOptions(env_vars={"baseUrl": server.url}, **options))
    (item,) = result.results
    return item


# ---------------------------------------------------------------- body bound


@pytest.fixture
def documented_list(write_collection, server) -> Path:
    documented = '{"items": [{"id": "<integer>", "name": "<string>"}]}'
    return write_collection([make_item("List", "GET", "{{baseUrl}}/big",
                                       responses=[example(200, documented, "application/json")])])


def test_body_over_the_bound_is_cut_and_the_schema_check_says_so(server, documented_list) -> None:
    body = big_json(500)
    assert len(body) > 10 * BOUND
    server.route("/big", 200, body, {"Content-Type": "application/json"})
    item = run_one(documented_list, server, max_body_bytes=BOUND)
    assert item.outcome == "failed"
    assert item.response.size == len(body)  # every byte was read and counted
    assert len(item.response.body) == BOUND and item.response.truncated
    assert item.response.body == body[:BOUND]
    checks = {c.name: c for c in item.checks}
    assert checks["status"].passed and checks["content-type"].passed
    assert not checks["schema"].passed
    assert "cut" in checks["schema"].message and f"{BOUND:,}" in checks["schema"].message


def test_body_within_the_bound_is_validated_whole(server, documented_list) -> None:
    body = big_json(5)
    assert len(body) < BOUND
    server.route("/big", 200, body, {"Content-Type": "application/json"})
    item = run_one(documented_list, server, max_body_bytes=BOUND)
    assert item.outcome == "passed", item.checks
    assert item.response.size == len(body) and not item.response.truncated


def test_cut_body_without_a_documented_json_example_still_passes(server, write_collection) -> None:
    """Only a check that needs the whole body fails; a status-only contract does not care."""
    body = b"x" * (5 * BOUND)
    server.route("/text", 200, body, {"Content-Type": "text/plain"})
    path = write_collection([make_item("Text", "GET", "{{baseUrl}}/text", responses=[example(200)])])
    item = run_one(path, server, max_body_bytes=BOUND)
    assert item.outcome == "passed"
    assert item.response.size == len(body) and item.response.truncated


def test_cut_body_is_reported_with_its_full_size(server, documented_list, tmp_path) -> None:
    from engine.redact import Redactor
    from engine.reporters.json import JsonReporter

    body = big_json(500)
    server.route("/big", 200, body, {"Content-Type": "application/json"})
    target = tmp_path / "report.json"
    run(str(documented_list), RunOptions(env_vars={"baseUrl": server.url}, max_body_bytes=BOUND),
        [JsonReporter(str(target), Redactor())])
    (result,) = json.loads(target.read_text(encoding="utf-8"))["results"]
    assert result["response"]["size"] == len(body)
    assert any(c["name"] == "schema" and "cut" in c["message"] for c in result["checks"])


# ---------------------------------------------------------------- digest auth

REALM, USER, PASSWORD = "replay-tests", "alice", "s3cret-pw"


def digest_item(method: str = "GET", url: str = "{{baseUrl}}/digest", password: str = PASSWORD, **extra) -> dict:
    auth = {"type": "digest", "digest": [{"key": "username", "value": USER}, {"key": "password", "value": password},
                                         {"key": "realm", "value": REALM}]}
    return make_item("Digest", method, url, auth=auth, responses=[example(200)], **extra)


def test_digest_auth_answers_the_challenge(server, cli, write_collection) -> None:
    server.route("/digest", 200, "welcome", digest=(REALM, USER, PASSWORD))
    path = write_collection([digest_item()], variable=[{"key": "baseUrl", "value": server.url}])
    code, out, err = cli("run", path)
    assert code == 0, out
    challenge, answer = server.requests
    assert challenge.header("Authorization") is None
    assert answer.header("Authorization").startswith("Digest ")
    assert f'username="{USER}"' in answer.header("Authorization")
    assert PASSWORD not in answer.header("Authorization")
    assert PASSWORD not in out


def test_digest_auth_signs_the_exact_url_with_its_query(server, cli, write_collection) -> None:
    """The digest covers the request target: it must be the URL resolve produced, query included."""
    server.route("/digest", 200, "welcome", digest=(REALM, USER, PASSWORD))
    path = write_collection([digest_item(url="{{baseUrl}}/digest?b=2&a=x%20y&a=1")],
                            variable=[{"key": "baseUrl", "value": server.url}])
    code, out, err = cli("run", path)
    assert code == 0, out
    assert server.requests[-1].target == "/digest?b=2&a=x%20y&a=1"


def test_digest_auth_resends_the_body(server, cli, write_collection) -> None:
    server.route("/digest", 200, "stored", digest=(REALM, USER, PASSWORD))
    item = digest_item("PUT", body={"mode": "raw", "raw": '{"name": "x"}', "options": {"raw": {"language": "json"}}})
    path = write_collection([item], variable=[{"key": "baseUrl", "value": server.url}])
    code, out, err = cli("run", path)
    assert code == 0, out
    assert [r.body for r in server.requests] == [b'{"name": "x"}', b'{"name": "x"}']
    assert server.requests[-1].method == "PUT"


def test_digest_auth_with_a_wrong_password_fails_on_the_401(server, cli, write_collection) -> None:
    server.route("/digest", 200, "welcome", digest=(REALM, USER, PASSWORD))
    path = write_collection([digest_item(password="wrong")], variable=[{"key": "baseUrl", "value": server.url}])
    code, out, err = cli("run", path)
    assert code == 1
    assert "undocumented status 401" in out
    assert len(server.requests) == 2  # one answer to the challenge, no loop


# ---------------------------------------------------------------- redirects


def test_redirect_loop_stops_at_max_redirects(server, cli, write_collection, tmp_path) -> None:
    server.route("/loop", 302, headers={"Location": "/loop"})
    path = write_collection(
        [make_item("Loop", "GET", "{{baseUrl}}/loop", responses=[example(200)],
                   protocolProfileBehavior={"maxRedirects": 2})],
        variable=[{"key": "baseUrl", "value": server.url}],
    )
    target = tmp_path / "report.json"
    code, out, err = cli("run", path, "-r", "cli,json", "--reporter-json-export", target)
    assert code == 1
    (result,) = json.loads(target.read_text(encoding="utf-8"))["results"]
    assert result["outcome"] == "error"
    assert "more than 2 redirects" in result["error"]
    assert "maxRedirects" in result["hint"]
    assert "more than 2 redirects" in out
    assert len(server.requests) == 3  # the request and two redirects followed


def test_max_redirects_allows_exactly_that_many(server, cli, write_collection) -> None:
    server.route("/one", 302, headers={"Location": "/two"})
    server.route("/two", 301, headers={"Location": "/end"})
    server.route("/end", 200, "arrived")
    path = write_collection(
        [make_item("Two hops", "GET", "{{baseUrl}}/one", responses=[example(200)],
                   protocolProfileBehavior={"maxRedirects": 2})],
        variable=[{"key": "baseUrl", "value": server.url}],
    )
    code, out, err = cli("run", path)
    assert code == 0, out
    assert [r.path for r in server.requests] == ["/one", "/two", "/end"]


def test_max_redirects_on_the_collection_applies_to_its_items(server, cli, write_collection) -> None:
    server.route("/loop", 302, headers={"Location": "/loop"})
    path = write_collection(
        [make_item("Loop", "GET", "{{baseUrl}}/loop", responses=[example(200)])],
        variable=[{"key": "baseUrl", "value": server.url}],
        protocolProfileBehavior={"maxRedirects": 1},
    )
    code, out, err = cli("run", path)
    assert code == 1
    assert "more than 1 redirects" in out or "more than 1 redirect" in out
    assert len(server.requests) == 2


def test_follow_redirects_false_checks_the_302_itself(server, cli, write_collection, tmp_path) -> None:
    server.route("/start", 302, headers={"Location": "/landing"})
    server.route("/landing", 200, "landed")
    path = write_collection(
        [make_item("No follow", "GET", "{{baseUrl}}/start", responses=[example(200)],
                   protocolProfileBehavior={"followRedirects": False})],
        variable=[{"key": "baseUrl", "value": server.url}],
    )
    target = tmp_path / "report.json"
    code, out, err = cli("run", path, "-r", "cli,json", "--reporter-json-export", target)
    assert code == 1
    (result,) = json.loads(target.read_text(encoding="utf-8"))["results"]
    assert result["outcome"] == "failed"
    assert result["response"]["code"] == 302
    assert "undocumented status 302" in result["checks"][0]["message"]
    assert [r.path for r in server.requests] == ["/start"]


def test_apikey_header_is_dropped_on_a_cross_origin_redirect(server, other_server, cli, write_collection) -> None:
    server.route("/start", 307, headers={"Location": f"{other_server.url}/landing"})
    other_server.route("/landing", 200, "landed")
    apikey = {"type": "apikey", "apikey": [{"key": "key", "value": "X-Api-Key"},
                                           {"key": "value", "value": "{{apiKey}}"}, {"key": "in", "value": "header"}]}
    path = write_collection(
        [make_item("Keyed", "POST", "{{baseUrl}}/start", auth=apikey, responses=[example(200)],
                   headers=[{"key": "X-Trace", "value": "t-1"}], body={"mode": "raw", "raw": "payload"})],
        variable=[{"key": "baseUrl", "value": server.url}, {"key": "apiKey", "value": "K-SECRET-99"}],
    )
    code, out, err = cli("run", path)
    assert code == 0, out
    assert server.only().header("X-Api-Key") == "K-SECRET-99"
    landed = other_server.only()
    assert landed.method == "POST" and landed.body == b"payload"  # 307 keeps method and body
    assert landed.header("X-Api-Key") is None
    assert all("K-SECRET-99" not in value for _, value in landed.headers)
    assert landed.header("X-Trace") == "t-1"
