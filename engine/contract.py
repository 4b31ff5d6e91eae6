"""The contract file: per-item expectations that `run --contract` and the pytest plugin apply.

A contract is a YAML or JSON mapping with the key `items`, whose keys are item slash paths
(`Folder/Item`) or fnmatch globs (`Users/*`; `*` also crosses `/`) and whose values are rules,
and optionally `setup: [Login, …]`, the folders or items that run first, in order (as `--setup`):

    items:
      "Watchers/Remove content watcher":
        expect: [204, 404]            # codes or classes (a list, or "204,404"), or "documented" / "success" / "2xx"
        schema: {type: object}        # an inline JSON Schema (2020-12), or
        schema: {file: schemas/user.json}                        # a schema file, or
        schema: {$ref: "openapi.yaml#/components/schemas/User"}  # a schema inside an OpenAPI document
        schemas:                      # per status code or class, for any answer (a 2xx entry wins over `schema`)
          404: {$ref: "openapi.yaml#/components/schemas/Error"}
          5xx: {file: schemas/problem.json}
        headers:                      # response headers that must be present:
          X-Request-Id: ".+"          #   value = regular expression the whole value must match,
          ETag: null                  #   or null for "present, any value"
        max_time_ms: 500              # response-time budget of its own
        skip: "flaky upstream, JIRA-123"   # do not send; the item is reported as skipped with this reason
        known_failures: [schema, "header:X-Request-Id"]   # accepted failures (a baseline)

Paths in `file` and `$ref` are relative to the contract file's folder; `$ref`s inside the
referenced documents (`#/components/schemas/Address`, `common.yaml#/Pet`) are followed and
bundled, so `Rule.schema` is one self-contained schema. OpenAPI 3.0's `nullable` and boolean
`exclusiveMinimum`/`exclusiveMaximum` are translated to JSON Schema 2020-12.

Rule lookup: the matching globs apply in file order, each field of a later glob replacing the
same field of an earlier one (`headers` merge by header name); an exact path applies last.

`known_failures` names checks: `status`, `content-type`, `schema`, `response-time`, `header`
(every header rule) or `header:NAME` (one). A listed check that fails is reported as a known
failure and does not fail the item; a listed check that passes says the entry can be removed.

Every problem in the contract, or in a file it refers to, is one located InputError (exit 2).
Loading reads local files only; nothing is fetched over the network.
"""

from __future__ import annotations

import copy
import difflib
import fnmatch
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator
from urllib.parse import unquote, urldefrag, urljoin, urlsplit
from urllib.request import url2pathname

from .check import Expect, resolve_fragment, schema_refs
from .errors import InputError, json_type, pointer_join, pointer_parts
from .load import read_document
from .model import CheckResult

if TYPE_CHECKING:
    from .model import Exchange

CHECK_NAMES = ("status", "content-type", "schema", "response-time", "header")
MAX_DOCUMENTS = 100  # schema documents one contract may pull in
REMOVE_NOTICE = " (listed in known_failures: remove the entry)"
KNOWN_PREFIX = "known failure: "
_GLOB_CHARS = re.compile(r"[*?\[]")
_EMBEDDED = "postman-replay-document-{}"

_CODE = {
    "anyOf": [
        {"type": "integer", "minimum": 100, "maximum": 599},
        {"type": "string", "pattern": "^[1-5]([0-9]{2}|[xX]{2})$"},
    ]
}
_RULE = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "expect": {
            "anyOf": [{"type": "string", "minLength": 1}, _CODE, {"type": "array", "items": _CODE, "minItems": 1}]
        },
        "schema": {"type": "object"},
        "schemas": {
            "type": "object",
            "propertyNames": {"pattern": "^[1-5]([0-9]{2}|[xX]{2})$"},
            "additionalProperties": {"type": "object"},
        },
        "headers": {
            "type": "object",
            "propertyNames": {"pattern": "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"},
            "additionalProperties": {"type": ["string", "null"]},
        },
        "max_time_ms": {"type": "number", "exclusiveMinimum": 0},
        "skip": {"type": "string", "minLength": 1},
        "known_failures": {
            "type": "array",
            "uniqueItems": True,
            "items": {"type": "string", "pattern": "(?i)^(status|content-type|schema|response-time|header)$|^header:.+$"},
        },
    },
}
CONTRACT_SCHEMA = {
    "type": "object",
    "required": ["items"],
    "additionalProperties": False,
    "properties": {
        "items": {"type": "object", "propertyNames": {"minLength": 1}, "additionalProperties": _RULE},
        "setup": {"anyOf": [{"type": "string", "minLength": 1},
                            {"type": "array", "items": {"type": "string", "minLength": 1}}]},
    },
}
_FIELD_HINTS = {
    "expect": "write codes like [204, 404] or \"2xx\", or a policy: documented, success",
    "schema": "write an inline JSON Schema, {file: PATH} or {$ref: \"openapi.yaml#/components/schemas/NAME\"}",
    "schemas": "write a mapping of status code or class (404, 4xx) to a schema, each written as for schema:",
    "headers": "write a mapping of header name to a regular expression, or null for presence only",
    "max_time_ms": "write a positive number of milliseconds, e.g. max_time_ms: 500",
    "skip": "write the reason as text, e.g. skip: \"flaky upstream, JIRA-123\"",
    "known_failures": "write a list of check names: " + ", ".join(CHECK_NAMES) + " or header:NAME",
    "items": "write items: as a mapping of item path (or glob) to its rule",
    "setup": "write setup: as a list of folder or item names that run first, e.g. setup: [Login]",
}


# ---------------------------------------------------------------- the rule


@dataclass(frozen=True)
class Rule:
    """What the contract says about one item; fields left None defer to the command line."""

    skip: str | None = None
    expect: Expect | None = None
    schema: dict | None = None  # self-contained: every $ref resolves inside it
    schemas: tuple[tuple[str, dict], ...] = ()  # ("404" or "4xx", schema), for answers with that code
    max_time_ms: float | None = None
    headers: tuple[tuple[str, str | None], ...] = ()  # (name, fullmatch pattern or None)
    known_failures: frozenset[str] = field(default_factory=frozenset)

    def merged(self, other: "Rule", present: frozenset[str]) -> "Rule":
        """`other`'s fields named in `present` replace ours; headers merge by name."""
        changes: dict[str, Any] = {name: getattr(other, name) for name in present if name not in ("headers", "schemas")}
        if "headers" in present:
            ours = {name.lower(): (name, pattern) for name, pattern in self.headers}
            ours.update({name.lower(): (name, pattern) for name, pattern in other.headers})
            changes["headers"] = tuple(ours.values())
        if "schemas" in present:
            mine = dict(self.schemas)
            mine.update(other.schemas)
            changes["schemas"] = tuple(mine.items())
        return replace(self, **changes)

    def schema_for(self, code: int) -> dict | None:
        """The schema an answer with `code` must fit: `schemas` by exact code, then by class
        (`4xx`), then `schema` for a 2xx answer; None leaves the documented examples to decide."""
        by_code = dict(self.schemas)
        found = by_code.get(str(code)) or by_code.get(f"{code // 100}xx")
        if found is not None:
            return found
        return self.schema if 200 <= code < 300 else None

    def apply(self, checks: list[CheckResult], exchange: "Exchange") -> list[CheckResult]:
        """Add one `header` check per required header, then apply the known-failure baseline. Pure."""
        keyed = [(c, c.name) for c in checks]
        keyed += [(check_header(exchange, name, pattern), f"header:{name.lower()}") for name, pattern in self.headers]
        if not self.known_failures:
            return [c for c, _ in keyed]
        return [self._baseline(check, key) for check, key in keyed]

    def _baseline(self, check: CheckResult, key: str) -> CheckResult:
        entries = {entry.lower() for entry in self.known_failures}
        if check.skipped or not {check.name.lower(), key.lower()} & entries:
            return check
        if check.passed:
            return replace(check, message=check.message + REMOVE_NOTICE)
        return replace(check, message=KNOWN_PREFIX + check.message, known_failure=True)


def check_header(exchange: "Exchange", name: str, pattern: str | None) -> CheckResult:
    """A required response header, its whole value matching `pattern` when one is given."""
    value = exchange.response.header(name)
    if value is None:
        return CheckResult("header", False, f"header {name} missing")
    shown = value if len(value) <= 80 else value[:79] + "…"
    if pattern is None:
        return CheckResult("header", True, f"header {name} present")
    if re.fullmatch(pattern, value):
        return CheckResult("header", True, f"header {name} '{shown}' matches {pattern}")
    return CheckResult("header", False, f"header {name} '{shown}' does not match {pattern}")


# ---------------------------------------------------------------- the contract


@dataclass(frozen=True)
class Contract:
    """Rules by exact item path and by glob (in file order), each with the fields it sets."""

    file: str
    exact: dict[str, tuple[Rule, frozenset[str]]]
    globs: tuple[tuple[str, Rule, frozenset[str]], ...] = ()
    setup: tuple[str, ...] = ()  # folders/items that run first, in order (as --setup)

    def rule_for(self, item_path: str) -> Rule | None:
        """Matching globs in file order, then the exact path; None when nothing matches."""
        # a name like "Get user [v2]" reads as a glob but usually means itself: match it literally too
        found = [(rule, present) for pattern, rule, present in self.globs
                 if pattern == item_path or fnmatch.fnmatchcase(item_path, pattern)]
        if item_path in self.exact:
            found.append(self.exact[item_path])
        if not found:
            return None
        rule = Rule()
        for other, present in found:
            rule = rule.merged(other, present)
        return rule

    def unused(self, item_paths: list[str]) -> list[str]:
        """Contract keys that match none of `item_paths` (a typo silently disables a rule)."""
        keys = list(self.exact) + [pattern for pattern, _, _ in self.globs]
        return [k for k in keys if k not in item_paths and not any(fnmatch.fnmatchcase(p, k) for p in item_paths)]


def load_contract(path: str | Path) -> Contract:
    """Read and validate a contract file; every problem is a located InputError. Reads local files only."""
    file = str(path)
    document = read_document(path, what="contract file")
    _validate(document, file)
    bundler = _Bundler(Path(path), file)
    exact: dict[str, tuple[Rule, frozenset[str]]] = {}
    globs: list[tuple[str, Rule, frozenset[str]]] = []
    for key, raw in document["items"].items():
        key = str(key)  # YAML reads `200:` as a number
        pointer = pointer_join("items", key)
        rule = _rule(raw, pointer, file, bundler)
        if _GLOB_CHARS.search(key):
            globs.append((key, rule, frozenset(raw)))
        else:
            exact[key] = (rule, frozenset(raw))
    setup = document.get("setup") or ()
    return Contract(file, exact, tuple(globs), (setup,) if isinstance(setup, str) else tuple(setup))


def _rule(raw: dict, pointer: str, file: str, bundler: "_Bundler") -> Rule:
    return Rule(
        skip=raw.get("skip"),
        expect=_expect(raw["expect"], pointer + "/expect", file) if "expect" in raw else None,
        schema=bundler.rule_schema(raw["schema"], pointer + "/schema") if "schema" in raw else None,
        schemas=tuple((str(code).lower(), bundler.rule_schema(value, pointer_join(*pointer_parts(pointer), "schemas", str(code))))
                      for code, value in (raw.get("schemas") or {}).items()),
        max_time_ms=float(raw["max_time_ms"]) if "max_time_ms" in raw else None,
        headers=tuple(_headers(raw.get("headers") or {}, pointer + "/headers", file)),
        known_failures=frozenset(raw.get("known_failures") or ()),
    )


def _expect(value: Any, pointer: str, file: str) -> Expect:
    text = ",".join(str(v) for v in value) if isinstance(value, list) else str(value)
    try:
        return Expect.parse(text, source=file)
    except InputError as exc:
        raise InputError(exc.message, file=file, pointer=pointer, hint=_FIELD_HINTS["expect"], title="invalid contract")


def _headers(raw: dict, pointer: str, file: str) -> Iterator[tuple[str, str | None]]:
    for name, pattern in raw.items():
        name = str(name)
        if pattern is not None:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise InputError(
                    f"header pattern '{pattern}' is not a regular expression: {exc}",
                    file=file,
                    pointer=pointer_join(*pointer_parts(pointer), name),
                    hint="escape special characters with a backslash, or write null for presence only",
                    title="invalid contract",
                )
        yield name, pattern


# ---------------------------------------------------------------- validation of the file itself


def _validate(document: Any, file: str) -> None:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match

    errors = list(Draft202012Validator(CONTRACT_SCHEMA).iter_errors(document))
    # A misspelt key explains a "required" error next to it: report the misspelling.
    error = best_match([e for e in errors if e.validator == "additionalProperties"] or errors)
    if error is None:
        return
    path = list(error.absolute_path)
    if list(error.schema_path)[-2:-1] == ["propertyNames"]:
        path.append(error.instance)  # the offending key itself
    sentence, hint = _sentence(error)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = list(error.schema.get("properties", {}))
        unknown = next((k for k in error.instance if k not in allowed), None)
        if unknown is not None:
            path.append(unknown)
            close = difflib.get_close_matches(str(unknown), allowed, n=1)
            sentence = f"unknown key '{unknown}'"
            hint = (f"did you mean '{close[0]}'? " if close else "") + "allowed keys: " + ", ".join(allowed)
    elif hint is None:
        field_name = next((str(p) for p in reversed(path) if str(p) in _FIELD_HINTS), "items")
        hint = _FIELD_HINTS[field_name]
    raise InputError(sentence, file=file, pointer=pointer_join(*path), hint=hint, title="invalid contract")


def _sentence(error: Any) -> tuple[str, str | None]:
    if error.validator == "type":
        expected = error.validator_value
        expected = " or ".join(expected) if isinstance(expected, list) else expected
        return f"expected {expected}, got {json_type(error.instance)}", None
    if error.validator == "required":
        return error.message.replace("is a required property", "is required"), None
    if error.validator == "uniqueItems":
        return "an entry is listed twice", "list each check once"
    if error.validator == "pattern" and error.absolute_path and "headers" in error.absolute_path:
        return f"'{error.instance}' is not a header name", "header names are tokens like X-Request-Id"
    if error.validator == "pattern" and "known_failures" in error.absolute_path:
        close = difflib.get_close_matches(str(error.instance).lower(), CHECK_NAMES, n=1)
        suggestion = f"did you mean '{close[0]}'? " if close else ""
        return (f"'{error.instance}' is not a check name",
                suggestion + "known_failures lists " + ", ".join(CHECK_NAMES) + " or header:NAME")
    if error.validator == "anyOf":
        return f"unexpected {json_type(error.instance)} {_shown(error.instance)}".rstrip(), None
    return error.message[:200], None


def _shown(value: Any) -> str:
    return "" if isinstance(value, (dict, list)) else repr(value)[:60]


# ---------------------------------------------------------------- schemas: load, check, bundle


class _Bundler:
    """Loads schema documents once per contract and builds one self-contained schema per rule.

    Each referenced document is embedded under `$defs` with its file URI as `$id`, so its
    own `$ref`s (relative files, `#/components/...`) resolve inside the bundle.
    """

    def __init__(self, contract_path: Path, file: str) -> None:
        self.file = file
        self.uri = contract_path.resolve().as_uri()
        self.documents: dict[str, Any] = {}

    def rule_schema(self, raw: dict, pointer: str) -> dict:
        if set(raw) == {"file"} and isinstance(raw["file"], str):
            root: dict = {"$ref": self._absolute(raw["file"], self.uri, pointer + "/file", self.file)}
            start = (root["$ref"], raw["file"], self.file, pointer + "/file")
        elif set(raw) == {"$ref"} and isinstance(raw["$ref"], str) and not raw["$ref"].startswith("#"):
            root = {"$ref": self._absolute(raw["$ref"], self.uri, pointer + "/$ref", self.file)}
            start = (root["$ref"], raw["$ref"], self.file, pointer + "/$ref")
        else:
            root = copy.deepcopy(raw)
            root["$id"] = self.uri  # relative $refs in an inline schema start from the contract's folder
            start = (self.uri + "#", "", self.file, pointer)
        used = self._follow(start, {self.uri: (root, pointer)})
        embedded = {_EMBEDDED.format(i): {**self.documents[uri], "$id": uri} for i, uri in enumerate(used)}
        if embedded:
            root["$defs"] = {**(root.get("$defs") or {}), **embedded}
        return root

    def _follow(self, start: tuple[str, str, str, str], overlay: dict[str, tuple[Any, str]]) -> list[str]:
        """Check every schema reachable from `start`; returns the documents it uses, in order."""
        queue, seen, used = [start], set(), []
        while queue:
            target, written, origin_file, origin_pointer = queue.pop(0)
            uri, fragment = urldefrag(target)
            if uri in overlay:
                document, prefix, file = overlay[uri][0], overlay[uri][1], self.file
            else:
                document, prefix, file = self._document(uri, origin_file, origin_pointer), "", _path_of(uri)
                if uri not in used:
                    used.append(uri)
            if (uri, fragment) in seen:
                continue
            seen.add((uri, fragment))
            node = resolve_fragment(document, unquote(fragment), written, file=origin_file, pointer=origin_pointer,
                                    title="invalid contract")
            _check_schema(node, file, prefix + unquote(fragment))
            for ref, at in schema_refs(node):
                location = prefix + unquote(fragment) + at
                queue.append((self._absolute(ref, uri, location + "/$ref", file), ref, file, location + "/$ref"))
        return used

    def _absolute(self, ref: str, base: str, pointer: str, file: str) -> str:
        target = urljoin(base, ref)
        if urlsplit(target).scheme != "file":
            raise InputError(
                f"$ref '{ref}' is not a local file",
                file=file,
                pointer=pointer,
                hint="download the document next to the contract and refer to it by a relative path",
                title="invalid contract",
            )
        return target

    def _document(self, uri: str, origin_file: str, origin_pointer: str) -> Any:
        if uri in self.documents:
            return self.documents[uri]
        path = Path(_path_of(uri))
        if not path.is_file():
            raise InputError(
                f"schema file {path} not found",
                file=origin_file,
                pointer=origin_pointer,
                hint="paths are relative to the file that names them; check the spelling",
                title="invalid contract",
            )
        if len(self.documents) >= MAX_DOCUMENTS:
            raise InputError(f"more than {MAX_DOCUMENTS} schema documents", file=origin_file, pointer=origin_pointer,
                             title="invalid contract")
        document = read_document(path, what="schema file")
        if not isinstance(document, dict):
            raise InputError(f"expected an object, got {json_type(document)}", file=str(path), pointer="",
                             hint="a schema document is a JSON/YAML mapping", title="invalid schema file")
        if str(document.get("openapi", "")).startswith("3.0"):
            document = _from_openapi30(document)
        self.documents[uri] = document
        return document


def _path_of(uri: str) -> str:
    return url2pathname(urlsplit(uri).path)


_META: Any = None


def _check_schema(node: Any, file: str, pointer: str) -> None:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match

    global _META
    if _META is None:
        _META = Draft202012Validator(Draft202012Validator.META_SCHEMA)
    error = best_match(_META.iter_errors(node))
    if error is not None:
        raise InputError(
            f"not a valid JSON Schema: {error.message[:200]}",
            file=file,
            pointer=pointer + pointer_join(*error.absolute_path),
            hint="fix the schema (JSON Schema 2020-12, or an OpenAPI 3 schema object)",
            title="invalid schema",
        )


def _from_openapi30(document: dict) -> dict:
    """OpenAPI 3.0 schema dialect → 2020-12: `nullable`, boolean `exclusiveMinimum`/`exclusiveMaximum`."""
    document = copy.deepcopy(document)
    stack: list[Any] = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if node.get("nullable") is True and isinstance(node.get("type"), str):
                node["type"] = [node["type"], "null"]
            for exclusive, bound in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
                if isinstance(node.get(exclusive), bool):
                    if node.pop(exclusive) and bound in node:
                        node[exclusive] = node.pop(bound)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return document
