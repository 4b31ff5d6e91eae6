"""Documented responses + Exchange → CheckResults. Pure: status, content type, body schema.

Status runs first; when no documented response matches, the content-type and schema checks
are skipped with a reason instead of comparing against the wrong example.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, Iterator

from .errors import InputError, json_type, pointer_join, pointer_parts
from .model import CheckResult, DocumentedResponse, Exchange, Record

NO_BODY_CODES = (204, 304)
TYPED_PLACEHOLDERS = {
    "integer": 0,
    "long": 0,
    "int32": 0,
    "int64": 0,
    "number": 0.5,
    "float": 0.5,
    "double": 0.5,
    "boolean": True,
}
PLACEHOLDER_STRING = re.compile(r"^<([A-Za-z][A-Za-z0-9 _-]*)>$")


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Expect(Record):
    """`--expect`: documented (default), success, or a list of codes/classes like `204,404` or `2xx`."""

    policy: str = "documented"
    codes: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str, *, source: str = "--expect") -> "Expect":
        value = text.strip().lower()
        if value in ("documented", "success"):
            return cls(policy=value)
        codes = tuple(part.strip() for part in value.split(",") if part.strip())
        if not codes or not all(re.fullmatch(r"[1-5]([0-9]{2}|xx)", code) for code in codes):
            raise InputError(
                f"'{text}' is not an expect policy",
                file=source,
                hint="use documented, success, or codes like 204,404 or 2xx",
                title="invalid argument",
            )
        return cls(policy="codes", codes=codes)

    def allows(self, code: int) -> bool:
        return any(_code_matches(pattern, code) for pattern in self.codes)


def _code_matches(pattern: str, code: int) -> bool:
    return pattern.endswith("xx") and str(code)[0] == pattern[0] or pattern == str(code)


def reason_phrase(code: int) -> str:
    try:
        return HTTPStatus(code).phrase
    except ValueError:
        return ""


def describe(doc: DocumentedResponse) -> str:
    phrase = doc.status or reason_phrase(doc.code or 0)
    title = doc.title
    return f"{doc.code} {phrase}".strip() + (f" — {title}" if title else "")


def matching_response(documented: tuple[DocumentedResponse, ...], code: int) -> DocumentedResponse | None:
    return next((d for d in documented if d.code == code), None)


# ---------------------------------------------------------------- status


def check_status(
    documented: tuple[DocumentedResponse, ...],
    exchange: Exchange,
    expect: Expect,
    strict: bool = False,
    match: DocumentedResponse | None = None,
) -> CheckResult:
    """`match`: the documented response to name when several share the code (the one the body fits)."""
    code = exchange.response.code
    got = f"{code} {exchange.response.reason or reason_phrase(code)}".strip()
    codes = [d.code for d in documented if d.code is not None]
    listed = ", ".join(str(c) for c in dict.fromkeys(codes))
    match = match or matching_response(documented, code)
    if expect.policy == "codes":
        ok = expect.allows(code)
        wanted = ",".join(expect.codes)
        if ok:
            return CheckResult("status", True, describe(match) if match else f"{got} (expected {wanted})")
        return CheckResult("status", False, f"status {got} — expected {wanted}")
    if not codes:
        return _undocumented_status(got, code, expect, strict)
    if match is None:
        return CheckResult("status", False, f"undocumented status {got} — documented: {listed}")
    if expect.policy == "success" and not 200 <= code < 300:
        successes = [str(c) for c in codes if 200 <= c < 300]
        wanted = ", ".join(successes) if successes else "none documented"
        return CheckResult("status", False, f"status {got} is documented but not a success — expected {wanted}")
    return CheckResult("status", True, describe(match))


UNCHECKED = "unchecked: the item documents no responses"


def _undocumented_status(got: str, code: int, expect: Expect, strict: bool) -> CheckResult:
    """Nothing documented to compare with: a server error still fails, anything else is
    `unchecked` (its own outcome, never a pass) unless `--strict` makes it a failure."""
    if code >= 500:
        return CheckResult("status", False, f"status {got} — a server error (the item documents no responses)")
    if expect.policy == "success" and not 200 <= code < 300:
        return CheckResult("status", False, f"status {got} — expected a 2xx (the item documents no responses)")
    if strict:
        return CheckResult("status", False, f"status {got} {UNCHECKED} (--strict)")
    return CheckResult("status", True, f"{got} — {UNCHECKED}", unchecked=True)


# ---------------------------------------------------------------- content type


def media_type(value: str | None) -> str:
    return (value or "").split(";", 1)[0].strip().lower()


def check_content_type(doc: DocumentedResponse | None, exchange: Exchange) -> CheckResult | None:
    """Only when the matched example has a body and a Content-Type; 204/304 skip."""
    if doc is None or doc.code in NO_BODY_CODES or not (doc.body or "").strip():
        return None
    documented = media_type(doc.header("Content-Type"))
    if not documented:
        return None
    actual = media_type(exchange.response.header("Content-Type"))
    if actual == documented:
        return CheckResult("content-type", True, f"{actual} as documented")
    return CheckResult(
        "content-type", False, f"content type {actual or '(none)'} — documented {documented} for {doc.code}"
    )


# ---------------------------------------------------------------- body schema


def documented_json(doc: DocumentedResponse | None) -> Any:
    """The example body as JSON, or a sentinel when it is absent or not JSON."""
    if doc is None or doc.code in NO_BODY_CODES or not (doc.body or "").strip():
        return _NOT_JSON
    try:
        return json.loads(doc.body or "")
    except ValueError:
        return _NOT_JSON


_NOT_JSON = object()


def infer_schema(*examples: Any) -> dict:
    """One schema for every example of a code: same JSON types, values free, arrays may be longer.

    A key is required only when every example has it, and, inside arrays, every element of
    every example (genson intersects `required` as it merges); other keys are optional. Typed
    placeholders stand for their type (`"<integer>"` is an integer); a `null` value constrains
    nothing where it is all an example shows, and is allowed where others show a type.
    """
    from genson import SchemaBuilder

    builder = SchemaBuilder(schema_uri=False)
    for example in examples:
        builder.add_object(typed_example(example, numbers_loose=True))
    return _relax_nulls(builder.to_schema())


def typed_example(value: Any, *, numbers_loose: bool = False) -> Any:
    """The example with typed placeholders replaced by a value of their type (`"<integer>"` → 0).

    `numbers_loose`: a literal `10` in an example stands for a number, not an integer (JSON has
    one number type, and a price documented as 10 may well be 10.5); only `"<integer>"` and
    `"<long>"` ask for an integer.
    """
    if isinstance(value, dict):
        return {k: typed_example(v, numbers_loose=numbers_loose) for k, v in value.items()}
    if isinstance(value, list):
        return [typed_example(v, numbers_loose=numbers_loose) for v in value]
    if numbers_loose and type(value) is int:
        return float(value)
    if isinstance(value, str):
        match = PLACEHOLDER_STRING.match(value)
        if match and match.group(1).lower() in TYPED_PLACEHOLDERS:
            return TYPED_PLACEHOLDERS[match.group(1).lower()]
    return value


def _relax_nulls(schema: Any) -> Any:
    """`null` alone says nothing about the type: constrain nothing. `null` beside a type (one
    example shows a value, another null) allows both, as genson wrote it."""
    if isinstance(schema, dict):
        if schema.get("type") == "null":
            return {}
        if "anyOf" in schema and any(isinstance(s, dict) and s.get("type") == "null" for s in schema["anyOf"]):
            others = [s for s in schema["anyOf"] if not (isinstance(s, dict) and s.get("type") == "null")]
            return {"anyOf": [_relax_nulls(s) for s in others] + [{"type": "null"}]}
        return {k: _relax_nulls(v) for k, v in schema.items()}
    if isinstance(schema, list):
        return [_relax_nulls(v) for v in schema]
    return schema


def check_schema(
    doc: DocumentedResponse | None,
    exchange: Exchange,
    schema: dict | None = None,
    *,
    max_errors: int = 5,
    siblings: tuple[DocumentedResponse, ...] = (),
) -> CheckResult | None:
    """Validate the body against the user's schema, else one inferred from the JSON examples of
    the matched code (`doc` and its `siblings`, the other examples with the same code)."""
    if exchange.request.method == "HEAD":
        return None  # a HEAD answer has no body to validate
    if schema is not None:
        validator = _user_validator(schema)
    elif doc is None or doc.code in NO_BODY_CODES or not (doc.body or "").strip():
        return None
    else:
        bodies = tuple(dict.fromkeys([doc.body or ""] + [d.body or "" for d in siblings if d.code == doc.code]))
        validator = _example_validator(bodies)
        if validator is None:
            return None
    response = exchange.response
    if response.truncated:
        return CheckResult("schema", False, f"body cut at {len(response.body):,} bytes; cannot validate the whole body")
    if not response.body.strip():
        return CheckResult("schema", False, "body is empty; the documented example is JSON")
    try:
        actual = json.loads(response.body.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as exc:
        return CheckResult("schema", False, f"body is not JSON ({shorten(str(exc))}); the documented example is JSON")
    errors = [] if validator.is_valid(actual) else list(validator.iter_errors(actual))
    if not errors:
        return CheckResult("schema", True, "body matches the documented schema")
    from jsonschema.exceptions import relevance

    errors.sort(key=relevance)
    lines = [schema_error(e) for e in errors[:max_errors]]
    more = f" (+{len(errors) - max_errors} more)" if len(errors) > max_errors else ""
    return CheckResult("schema", False, "; ".join(lines) + more)


@functools.lru_cache(maxsize=1024)
def _example_validator(bodies: tuple[str, ...]) -> Any:
    """Inferred once per code's examples: every replay of the item reuses it. The first body is
    the matched example; when it is not JSON there is no schema to check (an XML example)."""
    parsed = []
    for number, body in enumerate(bodies):
        try:
            parsed.append(json.loads(body))
        except ValueError:
            if number == 0:
                return None
    return InferredSchema(infer_schema(*parsed))


class InferredSchema:
    """An inferred schema, checked first by fastjsonschema's compiled code (cheap to import, fast
    per body) and, only when that says no, by jsonschema, which decides and words the failures:
    a run whose bodies fit never imports jsonschema."""

    def __init__(self, schema: dict) -> None:
        import fastjsonschema

        self.schema = schema
        self._fast = fastjsonschema.compile({**schema, "$schema": "http://json-schema.org/draft-07/schema#"})
        self._full: Any = None

    def _jsonschema(self) -> Any:
        if self._full is None:
            from jsonschema import Draft202012Validator

            self._full = Draft202012Validator(self.schema)
        return self._full

    def is_valid(self, instance: Any) -> bool:
        from fastjsonschema import JsonSchemaValueException

        try:
            self._fast(instance)
            return True
        except JsonSchemaValueException:
            return bool(self._jsonschema().is_valid(instance))  # e.g. 5.0 is an integer to JSON Schema

    def iter_errors(self, instance: Any) -> Any:
        return self._jsonschema().iter_errors(instance)


_USER_VALIDATORS: dict[int, tuple[dict, Any]] = {}


def _user_validator(schema: dict) -> Any:
    """Contract schemas live as long as the run; keyed by identity, the schema kept alive with it."""
    cached = _USER_VALIDATORS.get(id(schema))
    if cached is None or cached[0] is not schema:
        from jsonschema import Draft202012Validator

        cached = _USER_VALIDATORS[id(schema)] = (schema, Draft202012Validator(schema))
    return cached[1]  # jsonschema's validators have is_valid and iter_errors too


def schema_error(error: Any) -> str:
    """One failure as `pointer: what` (shared with the OpenAPI checks)."""
    pointer = "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in error.absolute_path) or "/"
    if error.validator == "type":
        expected = error.validator_value
        expected = " or ".join(expected) if isinstance(expected, list) else expected
        return f"{pointer}: expected {expected}, got {json_type(error.instance, integers=True)}"
    if error.validator == "anyOf" and all(isinstance(s, dict) and set(s) <= {"type", "properties", "required",
                                                                              "items"} and "type" in s
                                          for s in error.validator_value):
        expected = " or ".join(t for s in error.validator_value
                               for t in ([s["type"]] if isinstance(s["type"], str) else s["type"]))
        return f"{pointer}: expected {expected}, got {json_type(error.instance, integers=True)}"
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"{pointer}: missing key '{missing}'"
    return f"{pointer}: {shorten(error.message)}"


def shorten(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------- all checks


def check_exchange(
    documented: tuple[DocumentedResponse, ...],
    exchange: Exchange,
    expect: Expect = Expect(),
    *,
    strict: bool = False,
    schema: dict | None = None,
    max_time_ms: float | None = None,
) -> list[CheckResult]:
    """Status first, then content type and body against the matched example (or `schema`).

    `strict`: an item that documents no responses fails its status check instead of leaving it
    unchecked (an item whose checks are all unchecked ends `unchecked`, see `model.outcome_of`)."""
    match, body_checks = _best_example(documented, exchange, schema)
    status = check_status(documented, exchange, expect, strict, match)
    results = [status]
    if not status.passed and match is None:
        if documented_json_any(documented) or schema is not None:
            results.append(CheckResult("schema", False, "skipped: no documented response matches", skipped=True))
    else:
        results += body_checks
    if max_time_ms is not None:
        results.append(check_time(exchange, max_time_ms))
    return results


def _best_example(
    documented: tuple[DocumentedResponse, ...], exchange: Exchange, schema: dict | None
) -> tuple[DocumentedResponse | None, list[CheckResult]]:
    """Collections keep several examples per code (an empty and a full list, JSON and XML): the
    answer fits the contract when it fits any of them; otherwise report the closest."""
    candidates: list[DocumentedResponse | None] = [d for d in documented if d.code == exchange.response.code]
    candidates = candidates or [None]
    best: tuple[int, DocumentedResponse | None, list[CheckResult]] | None = None
    for doc in candidates:
        checks = [c for c in (check_content_type(doc, exchange), check_schema(doc, exchange, schema, siblings=documented))
                  if c is not None]
        failures = sum(1 for c in checks if not c.passed)
        if best is None or failures < best[0]:
            best = (failures, doc, checks)
        if failures == 0:
            break
    assert best is not None
    if best[0] == 0 and schema is None and best[1] is not None:
        return _closest_example(best[1], candidates, exchange), best[2]
    return best[1], best[2]


def _closest_example(
    matched: DocumentedResponse, candidates: list[DocumentedResponse | None], exchange: Exchange
) -> DocumentedResponse:
    """The body fits the code's merged schema; name the example it fits on its own, if one does
    ("One thing" rather than "Empty list"), so the status line says which answer came back."""
    same = [d for d in candidates if d is not None and d is not matched
            and media_type(d.header("Content-Type")) == media_type(matched.header("Content-Type"))]
    if not same or exchange.response.truncated:
        return matched
    try:
        actual = json.loads(exchange.response.body.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError):
        return matched
    for doc in [matched, *same]:
        validator = _example_validator((doc.body or "",))
        if validator is not None and validator.is_valid(actual):
            return doc
    return matched


def documented_json_any(documented: tuple[DocumentedResponse, ...]) -> bool:
    return any(documented_json(d) is not _NOT_JSON for d in documented)


def check_time(exchange: Exchange, budget_ms: float) -> CheckResult:
    took = exchange.response.time_ms
    if took <= budget_ms:
        return CheckResult("response-time", True, f"{took:.0f} ms within {budget_ms:.0f} ms")
    return CheckResult("response-time", False, f"{took:.0f} ms — budget {budget_ms:.0f} ms")


NOT_SCHEMA_KEYS = frozenset({"enum", "const", "example", "examples", "default"})  # values, not subschemas


def resolve_fragment(document: Any, fragment: str, written: str, *, file: str, pointer: str, title: str) -> Any:
    """The node a `$ref`'s `#/json/pointer` fragment names; anything else (empty, an `$anchor`) is
    the whole document, which the validator resolves itself. A miss is a located InputError that
    says where the walk stopped, what is there and the closest name. Shared by `--contract` and
    `--openapi`."""
    if not fragment.startswith("/"):
        return document
    node, walked = document, ""
    for part in pointer_parts(fragment):
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            import difflib

            names = [str(k) for k in node] if isinstance(node, dict) else []
            close = difflib.get_close_matches(part, names, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            hint += f"{walked or '/'} has: {', '.join(names[:12])}" if names else f"{walked or '/'} has no keys"
            raise InputError(f"$ref '{written}' not found: no '{part}' under {walked or '/'}", file=file,
                             pointer=pointer, hint=hint, title=title)
        walked += pointer_join(part)
    return node


def schema_refs(node: Any) -> Iterator[tuple[str, str]]:
    """Every `$ref` string under `node` with its pointer relative to `node`; values (enum, example, …)
    are not searched. Iterative, so a deep document has no recursion limit. Shared by `--contract`
    and `--openapi`."""
    stack: list[tuple[Any, str]] = [(node, "")]
    while stack:
        current, at = stack.pop()
        if isinstance(current, dict):
            if isinstance(current.get("$ref"), str):
                yield current["$ref"], at
            stack.extend(
                (value, at + pointer_join(key))
                for key, value in current.items()
                if key not in NOT_SCHEMA_KEYS and key != "$ref" and isinstance(value, (dict, list))
            )
        elif isinstance(current, list):
            stack.extend((value, f"{at}/{i}") for i, value in enumerate(current) if isinstance(value, (dict, list)))
