"""check: documented responses + Exchange → CheckResults. Pure; one end-to-end test at the bottom."""

from __future__ import annotations

import json

import pytest

from engine.check import Expect, check_exchange, infer_schema
from engine.errors import InputError
from engine.model import DocumentedResponse, Exchange, PreparedRequest, Response
from factory import example, make_item

JSON = "application/json"


def doc(code: int, body: object = None, content_type: str | None = JSON, name: str = "") -> DocumentedResponse:
    text = body if isinstance(body, str) or body is None else json.dumps(body)
    headers = (("Content-Type", content_type),) if content_type else ()
    return DocumentedResponse(name=name or f"example {code}", code=code, headers=headers, body=text)


def exchange(code: int, body: object = b"", content_type: str | None = JSON, reason: str = "", truncated: bool = False) -> Exchange:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    headers = (("Content-Type", content_type),) if content_type else ()
    response = Response(code=code, reason=reason, headers=headers, body=data, size=len(data), time_ms=1.0, truncated=truncated)
    return Exchange(PreparedRequest("GET", "http://h.test/"), response)


def by_name(results) -> dict:
    return {r.name: r for r in results}


SEED = (
    doc(204, "", "text/plain", "Returned if the watcher was successfully deleted. No response body is\nreturned."),
    doc(403, "", "text/plain", "Returned if;\n\n- The header is not specified."),
    doc(404, "", "text/plain", "Returned if no `contentId` is specified."),
)


# ---------------------------------------------------------------- status


def test_documented_status_names_the_matched_response_first_line() -> None:
    (status,) = check_exchange(SEED, exchange(204, b"", None))
    assert status.passed
    assert status.message == "204 No Content — Returned if the watcher was successfully deleted. No response body is …"


def test_undocumented_status_fails_listing_the_documented_codes() -> None:
    results = check_exchange(SEED, exchange(500, b"", None, reason="Internal Server Error"))
    assert not results[0].passed
    assert results[0].message == "undocumented status 500 Internal Server Error — documented: 204, 403, 404"


def test_reason_phrase_is_filled_in_when_the_server_sends_none() -> None:
    results = check_exchange(SEED, exchange(500, b"", None, reason=""))
    assert "500 Internal Server Error" in results[0].message


@pytest.mark.parametrize(
    "policy, code, passed",
    [
        ("documented", 403, True),
        ("documented", 200, False),
        ("success", 204, True),
        ("success", 403, False),
        ("success", 200, False),  # a 2xx the item does not document is still undocumented
        ("2xx", 200, True),
        ("2xx", 204, True),
        ("2xx", 403, False),
        ("204,404", 404, True),
        ("204,404", 403, False),
        ("4xx", 418, True),
        ("5xx, 204", 204, True),
    ],
)
def test_expect_policies(policy: str, code: int, passed: bool) -> None:
    status = check_exchange(SEED, exchange(code, b"", None), Expect.parse(policy))[0]
    assert status.passed is passed, status.message


@pytest.mark.parametrize("text", ["", "sometimes", "2x", "600", "20", "2xx,abc", "documented,204"])
def test_bad_expect_policy_is_an_input_error(text: str) -> None:
    with pytest.raises(InputError) as caught:
        Expect.parse(text)
    assert "--expect" in caught.value.location
    assert "documented, success" in (caught.value.hint or "")


def test_item_without_documented_responses_passes_unchecked_unless_strict() -> None:
    lenient = check_exchange((), exchange(200, {"a": 1}))
    assert lenient[0].passed and "unchecked" in lenient[0].message
    strict = check_exchange((), exchange(200, {"a": 1}), strict=True)
    assert not strict[0].passed and "--strict" in strict[0].message


# ---------------------------------------------------------------- content type


def test_content_type_mismatch_fails() -> None:
    results = by_name(check_exchange((doc(200, {"id": 1}),), exchange(200, b"<html/>", "text/html; charset=utf-8")))
    assert not results["content-type"].passed
    assert results["content-type"].message == "content type text/html — documented application/json for 200"


def test_content_type_parameters_and_case_are_ignored() -> None:
    results = by_name(check_exchange((doc(200, {"id": 1}, "application/json; charset=utf-8"),),
                                     exchange(200, {"id": 2}, "Application/JSON")))
    assert results["content-type"].passed


def test_content_type_skipped_for_204_and_empty_examples() -> None:
    assert "content-type" not in by_name(check_exchange(SEED, exchange(204, b"", "application/octet-stream")))
    assert "content-type" not in by_name(check_exchange((doc(200, ""),), exchange(200, b"x", "text/plain")))


# ---------------------------------------------------------------- body schema


def test_body_with_same_shape_and_different_values_passes() -> None:
    documented = (doc(200, {"results": [{"id": 1, "name": "a"}], "next": None}),)
    actual = {"results": [{"id": 5, "name": "x"}, {"id": 6, "name": "y", "extra": True}], "next": "cursor"}
    assert by_name(check_exchange(documented, exchange(200, actual)))["schema"].passed


def test_typed_placeholder_integer_against_a_string_fails_with_a_pointer() -> None:
    documented = (doc(200, {"id": "<integer>", "name": "<string>"}),)
    schema = by_name(check_exchange(documented, exchange(200, {"id": "7", "name": "n"})))["schema"]
    assert not schema.passed
    assert "/id: expected integer, got string" in schema.message


def test_typed_placeholders_accept_their_types() -> None:
    documented = (doc(200, {"i": "<integer>", "l": "<long>", "n": "<number>", "f": "<float>", "d": "<double>",
                            "b": "<boolean>", "s": "<string>", "u": "<uuid>", "dt": "<dateTime>"}),)
    actual = {"i": 1, "l": 2, "n": 1.5, "f": 3, "d": 0.25, "b": False, "s": "x", "u": "y", "dt": "z"}
    assert by_name(check_exchange(documented, exchange(200, actual)))["schema"].passed


def test_nested_array_error_cites_json_pointer() -> None:
    documented = (doc(200, {"results": [{"id": "<integer>"}]}),)
    schema = by_name(check_exchange(documented, exchange(200, {"results": [{"id": 1}, {"id": "two"}]})))["schema"]
    assert "/results/1/id: expected integer, got string" in schema.message


def test_missing_key_fails() -> None:
    documented = (doc(200, {"id": 1, "owner": {"name": "a"}}),)
    schema = by_name(check_exchange(documented, exchange(200, {"id": 1, "owner": {}})))["schema"]
    assert not schema.passed
    assert "/owner: missing key 'name'" in schema.message


def test_body_that_is_not_json_fails_the_schema_check() -> None:
    schema = by_name(check_exchange((doc(200, {"id": 1}),), exchange(200, b"<html>", JSON)))["schema"]
    assert not schema.passed and "not JSON" in schema.message


def test_truncated_body_says_it_was_cut() -> None:
    schema = by_name(check_exchange((doc(200, {"id": 1}),), exchange(200, b'{"id"', JSON, truncated=True)))["schema"]
    assert not schema.passed and "cut" in schema.message


def test_no_schema_check_when_status_is_undocumented() -> None:
    results = by_name(check_exchange((doc(200, {"id": 1}),), exchange(500, {"oops": 1})))
    assert not results["status"].passed
    assert results["schema"].skipped


def test_user_schema_replaces_the_inferred_one() -> None:
    schema = {"type": "object", "required": ["token"]}
    result = by_name(check_exchange((doc(200, {"id": 1}),), exchange(200, {"id": 1}), schema=schema))["schema"]
    assert not result.passed and "token" in result.message


def test_inferred_schema_lets_arrays_grow_and_null_stand_for_anything() -> None:
    schema = infer_schema({"a": [1], "b": None})
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema)
    assert validator.is_valid({"a": [1, 2, 3], "b": {"anything": True}})
    assert not validator.is_valid({"a": ["x"], "b": 1})
    assert not validator.is_valid({"b": 1})


def test_response_time_budget() -> None:
    results = by_name(check_exchange((doc(200, ""),), exchange(200, b""), max_time_ms=0.5))
    assert not results["response-time"].passed


# ---------------------------------------------------------------- end to end


def test_schema_failure_reaches_the_exit_code(server, cli, write_collection) -> None:
    server.route("/users/1", 200, json.dumps({"id": "1", "name": "Ada"}), {"Content-Type": JSON})
    item = make_item("Get user", "GET", "{{baseUrl}}/users/1",
                     responses=[example(200, json.dumps({"id": "<integer>", "name": "<string>"}), JSON)])
    code, out, _ = cli("run", write_collection([item], variable=[{"key": "baseUrl", "value": server.url}]))
    assert code == 1
    assert "/id: expected integer, got string" in out


def test_strict_fails_items_that_document_nothing(server, cli, write_collection) -> None:
    path = write_collection([make_item("undocumented", "GET", "{{baseUrl}}/x")], variable=[{"key": "baseUrl", "value": server.url}])
    code, out, _ = cli("run", path)
    assert code == 0 and "unchecked" in out
    code, out, _ = cli("run", path, "--strict")
    assert code == 1 and "--strict" in out


def test_content_type_mismatch_on_the_wire(server, cli, write_collection) -> None:
    server.route("/x", 200, "<p>hi</p>", {"Content-Type": "text/html"})
    item = make_item("x", "GET", "{{baseUrl}}/x", responses=[example(200, '{"a": 1}', JSON)])
    code, out, _ = cli("run", write_collection([item], variable=[{"key": "baseUrl", "value": server.url}]))
    assert code == 1
    assert "content type text/html — documented application/json for 200" in out


# ---------------------------------------------------------------- several examples, numbers, empty bodies


def test_the_answer_fits_any_example_of_its_code_and_the_status_names_that_one() -> None:
    documented = (doc(200, {"results": [], "size": 0}, name="Empty list"),
                  doc(200, "<ok/>", "application/xml", name="As XML"),
                  doc(200, {"id": 1, "name": "x"}, name="One thing"))
    results = by_name(check_exchange(documented, exchange(200, {"id": 7, "name": "y"})))
    assert results["status"].passed and "One thing" in results["status"].message
    assert results["content-type"].passed and results["schema"].passed
    # keys no example of the code shares are optional; their types still hold
    assert by_name(check_exchange(documented, exchange(200, {"other": True})))["schema"].passed
    failing = by_name(check_exchange(documented, exchange(200, {"id": "seven"})))
    assert not failing["schema"].passed and "/id: expected number, got string" in failing["schema"].message
    assert "Empty list" in failing["status"].message


def test_a_key_is_required_only_when_every_example_of_the_code_has_it() -> None:
    documented = (doc(200, {"id": 1, "name": "a", "nickname": "n"}, name="Full"),
                  doc(200, {"id": 2, "name": "b"}, name="Minimal"),
                  doc(404, {"message": "x"}, name="Missing"))
    assert by_name(check_exchange(documented, exchange(200, {"id": 3, "name": "c"})))["schema"].passed
    schema = by_name(check_exchange(documented, exchange(200, {"id": 3, "nickname": "c"})))["schema"]
    assert not schema.passed and "/: missing key 'name'" in schema.message
    # a key of another code's example never becomes required
    assert "message" not in schema.message


def test_a_key_inside_an_array_is_required_only_when_every_element_has_it() -> None:
    documented = (doc(200, {"results": [{"id": 1, "tag": "x"}, {"id": 2}]}),)
    assert by_name(check_exchange(documented, exchange(200, {"results": [{"id": 5}]})))["schema"].passed
    schema = by_name(check_exchange(documented, exchange(200, {"results": [{"id": 5}, {"tag": "y"}]})))["schema"]
    assert not schema.passed and "/results/1: missing key 'id'" in schema.message


def test_null_beside_a_value_allows_both_and_null_alone_constrains_nothing() -> None:
    documented = (doc(200, {"parent": None, "owner": {"id": 1}, "tags": ["a", None], "note": None}),
                  doc(200, {"parent": {"id": 2}, "owner": None, "tags": [], "note": None}))
    for body in ({"parent": None, "owner": None, "tags": [None, "b"], "note": 1},
                 {"parent": {"id": 9}, "owner": {"id": 3}, "tags": [], "note": {"x": "y"}}):
        assert by_name(check_exchange(documented, exchange(200, body)))["schema"].passed, body
    schema = by_name(check_exchange(documented, exchange(200, {"parent": None, "owner": "x", "tags": [1]})))["schema"]
    assert not schema.passed
    assert "/owner: expected object or null, got string" in schema.message and "/tags/0" in schema.message


def test_a_whole_number_in_an_example_accepts_a_decimal_but_an_integer_placeholder_does_not() -> None:
    assert by_name(check_exchange((doc(200, {"price": 10}),), exchange(200, {"price": 10.5})))["schema"].passed
    typed = by_name(check_exchange((doc(200, {"count": "<integer>"}),), exchange(200, {"count": 1.5})))
    assert not typed["schema"].passed and "/count: expected integer, got number" in typed["schema"].message


def test_an_empty_body_where_json_is_documented_says_so() -> None:
    schema = by_name(check_exchange((doc(200, {"a": 1}),), exchange(200, b"")))["schema"]
    assert not schema.passed and schema.message == "body is empty; the documented example is JSON"
