"""Names built from other variables (`{{region_{{stage}}}}`) resolve inside out in every part of a
request; what stays unresolved is an item error naming it, and nothing is sent. A property test
feeds random nestings of defined and undefined names into every part and checks the loopback
server never sees a `{{name}}` reference.

How a *value* holding `{{…}}` is treated (the choice, as in Postman): a value is resolved in turn,
so `a = "x{{b}}"` sends `x` + b's value, and a value whose reference cannot be resolved makes the
item an error like any other unresolved name. A `{{` that does not form a reference (`a{{b`,
`{{}}`) is ordinary text and is sent as it is.
"""

from __future__ import annotations

import base64
import json
import itertools
import re
import resource
import tempfile
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import parse_qsl, unquote

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from factory import make_collection, make_item
from raw_server import RawRequest, RawServer

from engine.model import ItemResult
from engine.runner import RunOptions, run

REFERENCE = re.compile(r"\{\{[^{}]+\}\}")


@pytest.fixture(scope="module")
def raw() -> Iterator[RawServer]:
    with RawServer() as server:
        yield server


def replay(server: RawServer, items: list[dict], env: dict[str, str], collection_vars: dict[str, str] | None = None,
           directory: Path | None = None) -> list[ItemResult]:
    server.clear()
    document = make_collection(items, variable=[{"key": k, "value": v} for k, v in (collection_vars or {}).items()])
    with tempfile.TemporaryDirectory(dir=directory) as tmp:
        path = Path(tmp) / "nested.postman_collection.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        return run(str(path), RunOptions(env_vars={"baseUrl": server.url, **env}, timeout_request_ms=5000)).results


STAGES = {"stage": "prod", "region_prod": "eu-1", "one": "a", "host.a": "HOST", "inner": "stage",
          "user_prod": "ann", "pass_prod": "s3cret", "tok_prod": "t0k", "field_prod": "colour"}


# ---------------------------------------------------------------- every part, by hand


def test_a_nested_name_resolves_in_every_part_of_a_request(raw: RawServer) -> None:
    parts = {
        "url": "{{baseUrl}}/{{region_{{stage}}}}/:id?q={{region_{{stage}}}}&{{field_{{stage}}}}=1",
        "header": "{{region_{{{{inner}}}}}}",
    }
    url = {"raw": parts["url"], "host": ["{{baseUrl}}"], "path": ["{{region_{{stage}}}}", ":id"],
           "query": [{"key": "q", "value": "{{region_{{stage}}}}"}, {"key": "{{field_{{stage}}}}", "value": "1"}],
           "variable": [{"key": "id", "value": "{{region_{{stage}}}}"}]}
    items = [
        make_item("raw", "POST", url, headers=[{"key": "X-Region", "value": parts["header"]}],
                  body={"mode": "raw", "raw": '{"region": "{{region_{{stage}}}}"}'},
                  auth={"type": "bearer", "bearer": [{"key": "token", "value": "{{tok_{{stage}}}}"}]}),
        make_item("urlencoded", "POST", "{{baseUrl}}/form",
                  body={"mode": "urlencoded", "urlencoded": [{"key": "{{field_{{stage}}}}", "value": "{{region_{{stage}}}}"}]},
                  auth={"type": "basic", "basic": [{"key": "username", "value": "{{user_{{stage}}}}"},
                                                   {"key": "password", "value": "{{pass_{{stage}}}}"}]}),
        make_item("formdata", "POST", "{{baseUrl}}/multi",
                  body={"mode": "formdata", "formdata": [{"key": "r", "value": "{{region_{{stage}}}}", "type": "text"}]},
                  auth={"type": "apikey", "apikey": [{"key": "key", "value": "X-Key"},
                                                     {"key": "value", "value": "{{tok_{{stage}}}}"}]}),
        make_item("graphql", "POST", "{{baseUrl}}/gql",
                  body={"mode": "graphql", "graphql": {"query": "{ r(id: \"{{region_{{stage}}}}\") }",
                                                        "variables": '{"v": "{{region_{{stage}}}}"}'}}),
    ]
    results = replay(raw, items, STAGES)
    assert [r.outcome for r in results] != ["error"] * 4, [r.error for r in results]
    first, form, multi, gql = raw.requests
    assert first.target == "/eu-1/eu-1?q=eu-1&colour=1"
    assert first.header("X-Region") == "eu-1"
    assert first.body == b'{"region": "eu-1"}'
    assert first.header("Authorization") == "Bearer t0k"
    assert form.body == b"colour=eu-1"
    assert base64.b64decode(form.header("Authorization").split()[1]) == b"ann:s3cret"
    assert b"eu-1" in multi.body and multi.header("X-Key") == "t0k"
    assert json.loads(gql.body) == {"query": '{ r(id: "eu-1") }', "variables": {"v": "eu-1"}}


def test_a_nested_name_in_the_host(raw: RawServer) -> None:
    env = {"one": "a", "host.a": raw.url}
    replay(raw, [make_item("x", "GET", "{{host.{{one}}}}/h?x=1")], env)
    assert raw.requests[0].target == "/h?x=1"


def test_an_undefined_inner_or_outer_name_is_an_item_error_naming_it(raw: RawServer) -> None:
    items = [make_item("inner missing", "GET", "{{baseUrl}}/a?r={{region_{{nostage}}}}"),
             make_item("outer missing", "GET", "{{baseUrl}}/b?r={{region_{{stage}}}}")]
    results = replay(raw, items, {"stage": "dev"})
    assert raw.requests == []
    assert "{{nostage}}" in (results[0].error or "")
    assert "{{region_dev}}" in (results[1].error or "")
    assert results[1].hint and "--env-var region_dev=" in results[1].hint


def test_a_value_holding_a_reference_is_resolved_and_a_lone_brace_is_text(raw: RawServer) -> None:
    env = {"wrapped": "x{{stage}}", "stage": "prod", "lone": "a{{b", "broken": "{{nothere}}"}
    items = [make_item("value", "GET", "{{baseUrl}}/v", headers=[{"key": "X-A", "value": "{{wrapped}}"},
                                                                 {"key": "X-B", "value": "{{lone}}"}]),
             make_item("broken", "GET", "{{baseUrl}}/w", headers=[{"key": "X-C", "value": "{{broken}}"}])]
    results = replay(raw, items, env)
    (sent,) = raw.requests
    assert sent.header("X-A") == "xprod" and sent.header("X-B") == "a{{b"
    assert results[1].outcome == "error" and "{{nothere}}" in (results[1].error or "")


def test_a_cycle_through_a_built_name_is_an_item_error(raw: RawServer) -> None:
    results = replay(raw, [make_item("x", "GET", "{{baseUrl}}/c?v={{a_{{b}}}}")], {"b": "1", "a_1": "{{a_{{b}}}}"})
    assert raw.requests == []
    assert "cycle" in (results[0].error or "") and "a_1" in (results[0].error or "")


def test_names_nested_beyond_the_bound_are_an_item_error(raw: RawServer) -> None:
    env = {f"n{i}": f"n{i + 1}" for i in range(12)}  # {{n0}} → "n1"; {{{{n0}}}} → {{n1}} → "n2" …
    template = "{{" * 13 + "n0" + "}}" * 13
    results = replay(raw, [make_item("x", "GET", "{{baseUrl}}/d?v=" + template)], env)
    assert raw.requests == []
    assert "levels deep" in (results[0].error or "")


def test_an_expansion_bomb_ends_as_an_item_error_with_flat_memory(raw: RawServer) -> None:
    """v1 = {{v0}}×10 … v10: 10^10 characters if expanded; the bound stops it at 16 MiB."""
    env = {"v0": "x"} | {f"v{i}": "{{v%d}}" % (i - 1) * 10 for i in range(1, 11)}
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    results = replay(raw, [make_item("bomb", "GET", "{{baseUrl}}/bomb", headers=[{"key": "X", "value": "{{v10}}"}]),
                           make_item("after", "GET", "{{baseUrl}}/after")], env)
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert [r.path for r in raw.requests] == ["/after"]
    assert results[0].outcome == "error"
    assert "v8" in (results[0].error or "") and "MiB" in (results[0].error or "")
    assert grown_mib < 200, f"peak memory grew by {grown_mib:.0f} MiB"


# ---------------------------------------------------------------- the property


NAME = st.text("ab", min_size=1, max_size=2)
ALL_NAMES = tuple("".join(p) for n in range(1, 5) for p in itertools.product("ab", repeat=n))
LITERAL = st.text("xyz09-_", max_size=3)


def references(depth: int) -> st.SearchStrategy[str]:
    plain = NAME.map(lambda n: "{{" + n + "}}")
    if depth == 0:
        return plain
    nested = st.tuples(st.text("ab", max_size=1), references(depth - 1), st.text("ab", max_size=1))
    return st.one_of(plain, nested.map(lambda t: "{{" + t[0] + t[1] + t[2] + "}}"))


TEMPLATE = st.lists(st.one_of(LITERAL, references(2)), max_size=4).map(lambda pieces: "x" + "".join(pieces))
VARIABLES = st.dictionaries(NAME, st.one_of(NAME, TEMPLATE), max_size=6)
# half the time every name is defined with a plain value underneath, so most examples can resolve
FULL = st.fixed_dictionaries({n: st.sampled_from("ab") for n in ALL_NAMES})
COLLECTION = st.booleans().flatmap(lambda full: FULL if full else VARIABLES)


def oracle(text: str, variables: dict[str, str]) -> str | None:
    """An independent reading of Postman's rule: replace the leftmost innermost reference, again
    and again; None when a name is undefined or the replacing never ends."""
    for _ in range(300):
        match = REFERENCE.search(text)
        if match is None:
            return text
        name = match.group(0)[2:-2]
        if name not in variables:
            return None
        text = text[: match.start()] + variables[name] + text[match.end() :]
    return None


BODY_MODES = ("raw", "urlencoded", "formdata", "graphql")
AUTH_TYPES = ("bearer", "basic", "apikey")


def property_item(t: list[str], body_mode: str, auth_type: str) -> dict:
    bodies = {
        "raw": {"mode": "raw", "raw": t[3]},
        "urlencoded": {"mode": "urlencoded", "urlencoded": [{"key": "f", "value": t[3]}]},
        "formdata": {"mode": "formdata", "formdata": [{"key": "f", "value": t[3], "type": "text"}]},
        "graphql": {"mode": "graphql", "graphql": {"query": t[3], "variables": ""}},
    }
    auths = {
        "bearer": {"type": "bearer", "bearer": [{"key": "token", "value": t[4]}]},
        "basic": {"type": "basic", "basic": [{"key": "username", "value": t[4]}, {"key": "password", "value": "pw"}]},
        "apikey": {"type": "apikey", "apikey": [{"key": "key", "value": "X-Key"}, {"key": "value", "value": t[4]}]},
    }
    url = {"raw": "{{baseUrl}}/p/" + t[0] + "/:pv?q=" + t[1] + "&" + t[5] + "=k",
           "variable": [{"key": "pv", "value": t[6]}]}
    return make_item("p", "POST", url, headers=[{"key": "X-T", "value": t[2]}],
                     body=bodies[body_mode], auth=auths[auth_type])


def wire_texts(request: RawRequest, body_mode: str, auth_type: str) -> dict[str, str]:
    """Each part as the server received it, decoded back to text."""
    target = unquote(request.target)
    body = request.body.decode("utf-8")
    if body_mode == "urlencoded":
        body = dict(parse_qsl(body, keep_blank_values=True)).get("f", "")
    elif body_mode == "graphql":
        body = json.loads(body)["query"]
    elif body_mode == "formdata":
        body = body.split("\r\n\r\n", 1)[1].split("\r\n--", 1)[0]
    credential = request.header("Authorization") or request.header("X-Key") or ""
    if auth_type == "bearer":
        credential = credential.removeprefix("Bearer ")
    elif auth_type == "basic":
        credential = base64.b64decode(credential.split()[1]).decode().rsplit(":", 1)[0]
    path, _, query = target.partition("?")
    segment, path_variable = path.removeprefix("/p/").rsplit("/", 1)
    (_, value), (key, _) = (pair.split("=", 1) for pair in query.split("&"))
    return {"path": segment, "query": value, "header": request.header("X-T") or "", "body": body,
            "credential": credential, "query key": key, "path variable": path_variable}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(templates=st.lists(TEMPLATE, min_size=7, max_size=7), env=VARIABLES, collection=COLLECTION,
       body_mode=st.sampled_from(BODY_MODES), auth_type=st.sampled_from(AUTH_TYPES))
def test_no_reference_ever_reaches_the_wire(raw: RawServer, templates: list[str], env: dict[str, str],
                                            collection: dict[str, str], body_mode: str, auth_type: str) -> None:
    scopes = {**collection, **env}  # --env-var above collection variables
    expected = [oracle(t, scopes) for t in templates]
    (result,) = replay(raw, [property_item(templates, body_mode, auth_type)], env, collection)
    received = raw.requests
    for request in received:
        seen = unquote(request.line) + "".join(v for _, v in request.headers) + request.body.decode("utf-8", "replace")
        assert not REFERENCE.search(seen), f"a reference reached the wire: {seen!r}"
    event("unresolvable: item error" if any(e is None for e in expected) else "resolvable: sent")
    if any(e is None for e in expected):
        assert received == [] and result.outcome == "error"
        assert re.search(r"\{\{|cycle|levels deep", result.error or ""), result.error
        return
    assert len(received) == 1, result.error
    texts = wire_texts(received[0], body_mode, auth_type)
    parts = ("path", "query", "header", "body", "credential", "query key", "path variable")
    assert [texts[k] for k in parts] == expected


def test_a_dynamic_variable_reached_through_others_is_fresh_at_each_use(raw: RawServer) -> None:
    env = {"a": "{{b}}", "b": "{{$guid}}"}
    replay(raw, [make_item("x", "GET", "{{baseUrl}}/g", headers=[{"key": "X-1", "value": "{{a}}"},
                                                                 {"key": "X-2", "value": "{{a}}"}])], env)
    (sent,) = raw.requests
    first, second = sent.header("X-1"), sent.header("X-2")
    assert first and second and len(first) == 36 and first != second


def test_a_large_body_with_small_variables_is_not_an_expansion(raw: RawServer) -> None:
    big = "a" * (17 * 1024 * 1024) + "{{stage}}"
    results = replay(raw, [make_item("big", "POST", "{{baseUrl}}/big", body={"mode": "raw", "raw": big})],
                     {"stage": "prod"})
    assert results[0].outcome != "error", results[0].error
    assert raw.requests[0].body.endswith(b"aprod") and len(raw.requests[0].body) == len(big) - len("{{stage}}") + 4
