"""Wire details as postman-runtime 7 (Newman 6.2.2) sends them: redirects, protocolProfileBehavior,
the exact request line and Host. Each expectation below was first observed by running Newman on
the same item against the same raw-socket loopback server (see tests/raw_server.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

import pytest

from factory import folder, make_collection, make_item
from raw_server import RawAnswer, RawRequest, RawServer

from engine.model import ItemResult
from engine.runner import RunOptions, run


@pytest.fixture(scope="module")
def _raw() -> Iterator[RawServer]:
    with RawServer() as server:
        yield server


@pytest.fixture(scope="module")
def _raw_other() -> Iterator[RawServer]:
    with RawServer() as server:
        yield server


@pytest.fixture
def raw(_raw: RawServer) -> Iterator[RawServer]:
    _raw.clear()
    yield _raw
    _raw.clear()


@pytest.fixture
def other(_raw_other: RawServer) -> Iterator[RawServer]:
    """Another origin: same address, another port."""
    _raw_other.clear()
    yield _raw_other
    _raw_other.clear()


def replay(tmp_path: Path, items: list[dict], server: RawServer, **top: Any) -> list[ItemResult]:
    path = tmp_path / "wire.postman_collection.json"
    path.write_text(json.dumps(make_collection(items, **top)), encoding="utf-8")
    return run(str(path), RunOptions(env_vars={"baseUrl": server.url, "port": str(server.port)},
                                     timeout_request_ms=5000)).results


def body_item(name: str, method: str, path: str, **behavior: Any) -> dict:
    item = make_item(name, method, "{{baseUrl}}" + path,
                     headers=[{"key": "Authorization", "value": "Bearer t0ken"},
                              {"key": "Content-Type", "value": "text/plain"}],
                     body={"mode": "raw", "raw": "payload"})
    if behavior:
        item["protocolProfileBehavior"] = behavior
    return item


def hops(server: RawServer) -> list[RawRequest]:
    return server.requests


# ---------------------------------------------------------------- redirects: method and body


@pytest.mark.parametrize("code", [301, 302, 303])
@pytest.mark.parametrize("method", ["POST", "DELETE", "PUT"])
def test_301_302_303_turn_into_a_get_without_body_or_content_type(tmp_path, raw, code, method) -> None:
    raw.answer("/r", RawAnswer(code, [("Location", "/t?from=1")]))
    results = replay(tmp_path, [body_item("x", method, "/r?q=1")], raw)
    first, second = hops(raw)
    assert (first.method, first.body, first.header("Content-Type")) == (method, b"payload", "text/plain")
    assert second.line == "GET /t?from=1 HTTP/1.1"
    assert second.body == b"" and second.header("Content-Type") is None and second.header("Content-Length") is None
    assert results[0].response is not None and results[0].response.code == 200


@pytest.mark.parametrize("code", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("method", ["POST", "DELETE", "PUT", "PATCH"])
def test_follow_original_http_method_keeps_method_body_and_content_type(tmp_path, raw, code, method) -> None:
    raw.answer("/r", RawAnswer(code, [("Location", "/t")]))
    replay(tmp_path, [body_item("x", method, "/r", followOriginalHttpMethod=True)], raw)
    second = hops(raw)[1]
    assert second.line == f"{method} /t HTTP/1.1"
    assert second.body == b"payload"
    assert second.header("Content-Type") == "text/plain"
    assert second.header("Authorization") == "Bearer t0ken"  # same origin


@pytest.mark.parametrize("code", [307, 308])
def test_307_and_308_keep_method_and_body_by_default(tmp_path, raw, code) -> None:
    raw.answer("/r", RawAnswer(code, [("Location", "/t")]))
    replay(tmp_path, [body_item("x", "DELETE", "/r")], raw)
    second = hops(raw)[1]
    assert (second.method, second.body, second.header("Content-Type")) == ("DELETE", b"payload", "text/plain")


def test_head_stays_head_after_a_302(tmp_path, raw) -> None:
    raw.answer("/r", RawAnswer(302, [("Location", "/t")]))
    replay(tmp_path, [make_item("x", "HEAD", "{{baseUrl}}/r")], raw)
    assert [r.line for r in hops(raw)] == ["HEAD /r HTTP/1.1", "HEAD /t HTTP/1.1"]


# ---------------------------------------------------------------- Referer


def test_referer_names_the_previous_url_on_each_hop(tmp_path, raw) -> None:
    raw.answer("/a", RawAnswer(302, [("Location", "/b?x=1")]))
    raw.answer("/b", RawAnswer(307, [("Location", "/c")]))
    replay(tmp_path, [make_item("x", "GET", "{{baseUrl}}/a?q=1")], raw)
    first, second, third = hops(raw)
    assert first.header("Referer") is None
    assert second.header("Referer") == f"{raw.url}/a?q=1"
    assert third.header("Referer") == f"{raw.url}/b?x=1"


def test_remove_referer_header_on_redirect_set_on_the_collection(tmp_path, raw) -> None:
    raw.answer("/a", RawAnswer(302, [("Location", "/b")]))
    replay(tmp_path, [make_item("x", "GET", "{{baseUrl}}/a")], raw,
           protocolProfileBehavior={"removeRefererHeaderOnRedirect": True})
    assert [r.header("Referer") for r in hops(raw)] == [None, None]


# ---------------------------------------------------------------- levels: item > folder > collection


def test_the_innermost_level_wins(tmp_path, raw) -> None:
    raw.answer("/r", RawAnswer(302, [("Location", "/t")]))
    items = [
        folder("keeps", [body_item("folder says keep", "DELETE", "/r"),
                         body_item("item says no", "DELETE", "/r", followOriginalHttpMethod=False)],
               protocolProfileBehavior={"followOriginalHttpMethod": True}),
        body_item("collection default", "DELETE", "/r"),
    ]
    replay(tmp_path, items, raw, protocolProfileBehavior={"followOriginalHttpMethod": False})
    seconds = [r.method for r in hops(raw) if r.path == "/t"]
    assert seconds == ["DELETE", "GET", "GET"]


def test_follow_redirects_false_returns_the_redirect(tmp_path, raw) -> None:
    raw.answer("/r", RawAnswer(302, [("Location", "/t")]))
    results = replay(tmp_path, [body_item("x", "GET", "/r", followRedirects=False)], raw)
    assert len(hops(raw)) == 1
    assert results[0].response is not None and results[0].response.code == 302


def test_max_redirects_counts_hops_then_errors(tmp_path, raw) -> None:
    raw.answer("/loop", RawAnswer(302, [("Location", "/loop")]))
    results = replay(tmp_path, [body_item("x", "GET", "/loop", maxRedirects=3)], raw)
    assert len(hops(raw)) == 4  # the request and three redirects, as Newman sends them
    assert results[0].outcome == "error" and "more than 3 redirects" in (results[0].error or "")


# ---------------------------------------------------------------- credentials across origins


def cross_item(**behavior: Any) -> dict:
    item = make_item("x", "GET", "{{baseUrl}}/go", headers=[
        {"key": "Authorization", "value": "Bearer t0ken"}, {"key": "Cookie", "value": "mine=1"},
        {"key": "X-Api-Key", "value": "k3y"}, {"key": "X-Plain", "value": "kept"}])
    if behavior:
        item["protocolProfileBehavior"] = behavior
    return item


def test_another_origin_gets_no_credentials(tmp_path, raw, other) -> None:
    raw.answer("/go", RawAnswer(302, [("Location", f"{other.url}/landed")]))
    replay(tmp_path, [cross_item()], raw)
    landed = other.requests[0]
    assert landed.line == "GET /landed HTTP/1.1"
    assert not landed.header_names() & {"authorization", "cookie", "x-api-key"}
    assert landed.header("X-Plain") == "kept"
    assert landed.header("Referer") == f"{raw.url}/go"


def test_follow_authorization_header_keeps_only_authorization_across_origins(tmp_path, raw, other) -> None:
    raw.answer("/go", RawAnswer(302, [("Location", f"{other.url}/landed")]))
    replay(tmp_path, [cross_item(followAuthorizationHeader=True)], raw)
    landed = other.requests[0]
    assert landed.header("Authorization") == "Bearer t0ken"
    assert not landed.header_names() & {"cookie", "x-api-key"}


def test_another_host_name_on_the_same_port_is_another_origin(tmp_path, raw) -> None:
    raw.answer("/go", RawAnswer(302, [("Location", f"http://localhost:{raw.port}/landed")]))
    replay(tmp_path, [cross_item()], raw)
    landed = hops(raw)[1]
    assert landed.header("Host") == f"localhost:{raw.port}"
    assert landed.header("Authorization") is None


def test_credentials_in_netrc_never_go_on_the_wire(tmp_path, raw, monkeypatch) -> None:
    """Newman has no ~/.netrc; requests would add its Basic credentials to an item without auth."""
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login netrc-user password netrc-pass\n", encoding="utf-8")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    replay(tmp_path, [make_item("x", "GET", "{{baseUrl}}/plain")], raw)
    assert hops(raw)[0].header("Authorization") is None


def test_postman_token_is_a_fresh_version_4_uuid_per_request(tmp_path, raw) -> None:
    import uuid

    replay(tmp_path, [make_item("a", "GET", "{{baseUrl}}/a"), make_item("b", "GET", "{{baseUrl}}/b")], raw)
    tokens = [uuid.UUID(request.header("Postman-Token")) for request in hops(raw)]
    assert [(t.version, t.variant) for t in tokens] == [(4, uuid.RFC_4122)] * 2
    assert tokens[0] != tokens[1] and str(tokens[0]) == hops(raw)[0].header("Postman-Token")


# ---------------------------------------------------------------- cookies


def test_cookies_from_a_redirect_reach_the_next_hop_and_disable_cookies_stops_the_jar(tmp_path, raw) -> None:
    raw.answer("/set", RawAnswer(302, [("Location", "/next"), ("Set-Cookie", "session=abc; Path=/")]))
    items = [make_item("sets", "GET", "{{baseUrl}}/set"), make_item("uses", "GET", "{{baseUrl}}/after")]
    cookieless = make_item("ignores", "GET", "{{baseUrl}}/after", protocolProfileBehavior={"disableCookies": True})
    own = make_item("own header", "GET", "{{baseUrl}}/after", headers=[{"key": "Cookie", "value": "mine=1"}],
                    protocolProfileBehavior={"disableCookies": True})
    replay(tmp_path, items + [cookieless, own], raw)
    received = hops(raw)
    assert received[1].line == "GET /next HTTP/1.1" and received[1].header("Cookie") == "session=abc"
    assert received[2].header("Cookie") == "session=abc"
    assert received[3].header("Cookie") is None  # the jar is not read
    assert received[4].header("Cookie") == "mine=1"  # a header the item sets is still sent


def test_disable_cookies_does_not_store_what_the_response_sets(tmp_path, raw) -> None:
    raw.answer("/set", RawAnswer(200, [("Set-Cookie", "late=1; Path=/")]))
    items = [make_item("sets", "GET", "{{baseUrl}}/set", protocolProfileBehavior={"disableCookies": True}),
             make_item("after", "GET", "{{baseUrl}}/after")]
    replay(tmp_path, items, raw)
    assert hops(raw)[1].header("Cookie") is None


# ---------------------------------------------------------------- the request line and Host


@pytest.mark.parametrize(("url", "line"), [
    ("{{baseUrl}}/p?", "GET /p? HTTP/1.1"),
    ("{{baseUrl}}/a%2ab[c]^|d?x=%2a|[]^", "GET /a%2ab[c]^|d?x=%2a|[]^ HTTP/1.1"),
    ("{{baseUrl}}/p?a&&b=&=c", "GET /p?a&&b=&=c HTTP/1.1"),
    ("{{baseUrl}}/p?x=1#frag", "GET /p?x=1 HTTP/1.1"),
    ("{{baseUrl}}/ü/é?q=日本", "GET /%C3%BC/%C3%A9?q=%E6%97%A5%E6%9C%AC HTTP/1.1"),
])
def test_the_request_line_is_what_resolve_built(tmp_path, raw, url, line) -> None:
    replay(tmp_path, [make_item("x", "GET", url)], raw)
    assert hops(raw)[0].line == line


def test_short_ipv4_hosts_are_written_out_in_url_and_host(tmp_path, raw) -> None:
    results = replay(tmp_path, [make_item("x", "GET", "http://127.1:{{port}}/short")], raw)
    assert hops(raw)[0].header("Host") == f"127.0.0.1:{raw.port}"
    assert results[0].request is not None and results[0].request.url == f"http://127.0.0.1:{raw.port}/short"


def test_disable_url_encoding_sends_the_url_as_written(tmp_path, raw) -> None:
    item = make_item("x", "GET", '{{baseUrl}}/a"b{c}?k=<v>"', protocolProfileBehavior={"disableUrlEncoding": True})
    encoded = make_item("y", "GET", '{{baseUrl}}/a"b{c}?k=<v>"')
    replay(tmp_path, [item, encoded], raw)
    assert [r.line for r in hops(raw)] == ['GET /a"b{c}?k=<v>" HTTP/1.1', "GET /a%22b%7Bc%7D?k=%3Cv%3E%22 HTTP/1.1"]


def test_a_space_with_encoding_disabled_is_an_item_error_not_a_broken_request(tmp_path, raw) -> None:
    item = make_item("x", "GET", "{{baseUrl}}/a b", protocolProfileBehavior={"disableUrlEncoding": True})
    results = replay(tmp_path, [item], raw)
    assert hops(raw) == []
    assert results[0].outcome == "error"


def test_a_relative_location_with_spaces_is_encoded_like_any_url(tmp_path, raw) -> None:
    raw.answer("/r", RawAnswer(302, [("Location", "/t here?q=a b")]))
    replay(tmp_path, [make_item("x", "GET", "{{baseUrl}}/r")], raw)
    assert hops(raw)[1].line == "GET /t%20here?q=a%20b HTTP/1.1"


DIGEST_CHALLENGE = ("WWW-Authenticate", 'Digest realm="r", nonce="abc", qop="auth", algorithm=MD5')


def digest_item() -> dict:
    return make_item("x", "GET", "{{baseUrl}}/go", auth={"type": "digest", "digest": [
        {"key": "username", "value": "ann"}, {"key": "password", "value": "s3cret"}]})


def test_a_digest_handshake_is_not_answered_for_another_origin(tmp_path, raw, other) -> None:
    raw.answer("/go", RawAnswer(302, [("Location", f"{other.url}/landed")]))
    other.answer("/landed", RawAnswer(401, [DIGEST_CHALLENGE]))
    replay(tmp_path, [digest_item()], raw)
    assert [r.header("Authorization") for r in other.requests] == [None]


def test_a_digest_handshake_is_answered_after_a_same_origin_redirect(tmp_path, raw) -> None:
    raw.answer("/go", RawAnswer(302, [("Location", "/landed")]))
    raw.answer("/landed", RawAnswer(401, [DIGEST_CHALLENGE]))
    replay(tmp_path, [digest_item()], raw)
    landed = [r for r in hops(raw) if r.path == "/landed"]
    assert len(landed) == 2 and (landed[1].header("Authorization") or "").startswith('Digest username="ann"')


def test_an_ntlm_handshake_is_not_started_with_another_origin(tmp_path, raw, other) -> None:
    raw.answer("/go", RawAnswer(302, [("Location", f"{other.url}/landed")]))
    other.answer("/landed", RawAnswer(401, [("WWW-Authenticate", "NTLM")]))
    raw.answer("/same", RawAnswer(401, [("WWW-Authenticate", "NTLM")]))
    ntlm = {"type": "ntlm", "ntlm": [{"key": "username", "value": "CORP\\ann"}, {"key": "password", "value": "pw"}]}
    replay(tmp_path, [make_item("x", "GET", "{{baseUrl}}/go", auth=ntlm),
                      make_item("control", "GET", "{{baseUrl}}/same", auth=ntlm)], raw)
    assert [r.header("Authorization") for r in other.requests] == [None]
    # the control: on its own origin the same auth does answer the challenge
    assert any((r.header("Authorization") or "").startswith("NTLM ") for r in hops(raw) if r.path == "/same")


@pytest.mark.parametrize(("location", "line"), [
    ("../b/c?z#f", "GET /a/../b/c?z HTTP/1.1"),  # as Newman sends it: dot segments kept, fragment dropped
    ("rel2", "GET /a/rel2 HTTP/1.1"),
    ("?only=query", "GET /a/r?only=query HTTP/1.1"),
    ("/abs/x", "GET /abs/x HTTP/1.1"),
])
def test_a_relative_location_resolves_as_newman_resolves_it(tmp_path, raw, location, line) -> None:
    raw.answer("/a/r", RawAnswer(302, [("Location", location)]))
    replay(tmp_path, [make_item("x", "GET", "{{baseUrl}}/a/r")], raw)
    assert hops(raw)[1].line == line


def test_a_scheme_relative_location_keeps_the_scheme(tmp_path, raw, other) -> None:
    raw.answer("/r", RawAnswer(302, [("Location", f"//127.0.0.1:{other.port}/there")]))
    replay(tmp_path, [make_item("x", "GET", "{{baseUrl}}/r")], raw)
    assert other.requests[0].line == "GET /there HTTP/1.1"


def test_a_hash_in_a_value_ends_the_url_as_in_newman_and_says_so(tmp_path, raw) -> None:
    results = replay(tmp_path, [make_item("x", "GET", "{{baseUrl}}/p/{{h}}/z?k=v")], raw,
                     variable=[{"key": "h", "value": "a#b"}])
    assert hops(raw)[0].line == "GET /p/a HTTP/1.1"  # what Newman sends for the same item
    assert any("'#b/z?k=v'" in note and "%23" in note for note in results[0].notes), results[0].notes
