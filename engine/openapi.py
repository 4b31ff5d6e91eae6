"""`--openapi FILE`: an OpenAPI 3.0/3.1 description as the contract of the items that map to it.

Loading reads the document and every local file its `$ref`s reach (JSON or YAML), checks that
each reference lands, and registers them with `referencing`, so later lookups never touch the
disk. An item maps to the operation with its method and path template: the item's `{{baseUrl}}`
(any leading `{{variable}}` segment) and the servers' path prefixes are stripped, `:id`,
`{{id}}` and `<placeholder>` segments stand for a template segment, and literal segments must
match. Checking is pure: status, documented response headers, content type and body (JSON
Schema 2020-12 for 3.1; 3.0's `nullable` and boolean `exclusiveMinimum`/`exclusiveMaximum` as
3.0 means them), `writeOnly` properties are not expected in a response (and not required
there), formats are checked where jsonschema can. Failures cite a JSON pointer into the body
and one into the document. Each schema is compiled once per run.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator
from urllib.parse import quote, unquote, urldefrag, urljoin, urlsplit
from urllib.request import url2pathname

from .check import (
    NO_BODY_CODES,
    Expect,
    check_schema,
    media_type,
    reason_phrase,
    resolve_fragment,
    schema_error,
    schema_refs,
    shorten,
)
from .errors import InputError, json_type, pointer_join
from .load import read_document
from .model import CheckResult, Exchange, Located, Url
from .resolve import split_raw

if TYPE_CHECKING:
    from referencing import Registry

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
MAX_DOCUMENTS = 200
_TEMPLATE = re.compile(r"\{[^{}/]+\}")
_PLACEHOLDER = re.compile(r"^<[A-Za-z][A-Za-z0-9 _-]*>$")
_VAR = "\0var"  # an item segment whose value is not known from the template


@dataclass(frozen=True)
class Operation:
    """One method of one path item; `pointer` locates it in the root document."""

    method: str
    path: str
    pointer: str
    uri: str = field(repr=False, default="")
    node: dict = field(repr=False, compare=False, default_factory=dict)
    variants: tuple[tuple[str, ...], ...] = field(repr=False, compare=False, default=())  # with server prefixes

    @property
    def label(self) -> str:
        return f"{self.method} {self.path}"


@dataclass(frozen=True)
class Coverage:
    """Which items map to an operation, and which operations no item covers."""

    mapped: tuple[tuple[str, Operation], ...]
    unmapped: tuple[tuple[str, str], ...]  # (item path, why)
    uncovered: tuple[Operation, ...]
    operations: int

    @property
    def line(self) -> str:
        items = len(self.mapped) + len(self.unmapped)
        covered = self.operations - len(self.uncovered)
        return (f"openapi coverage: {len(self.mapped)} of {items} items map to an operation; "
                f"{covered} of {self.operations} operations covered")


# ---------------------------------------------------------------- loading


def load_openapi(path: str | Path) -> "OpenApi":
    """Read the description and every local document it refers to; bad input is a located InputError."""
    file = str(path)
    root = read_document(path, what="OpenAPI description")
    if not isinstance(root, dict):
        raise InputError(f"expected an object, got {json_type(root)}", file=file, pointer="",
                         title="invalid OpenAPI description", hint="give an OpenAPI 3.0 or 3.1 document")
    version = str(root.get("openapi", ""))
    if not re.match(r"3\.[01]\.", version + "."):
        found = f"swagger {root['swagger']}" if "swagger" in root else (f"openapi {version}" if version else "no version")
        raise InputError(f"not an OpenAPI 3.0 or 3.1 description ({found})", file=file, pointer="/openapi",
                         title="invalid OpenAPI description",
                         hint="convert Swagger 2.0 to OpenAPI 3 first (for example with swagger2openapi)")
    if not isinstance(root.get("paths", {}), dict):
        raise InputError(f"expected an object, got {json_type(root['paths'])}", file=file, pointer="/paths",
                         title="invalid OpenAPI description", hint="paths maps path templates to path items")
    uri = Path(path).resolve().as_uri()
    documents = _Documents(uri, root, file)
    return OpenApi(file, uri, version[:3], documents)


class _Documents:
    """The root and every local document reached by `$ref`, each checked once."""

    def __init__(self, uri: str, root: dict, file: str) -> None:
        self.root_uri = uri
        self.file = file
        self.contents: dict[str, Any] = {uri: root}
        self._follow(uri)

    def _follow(self, start: str) -> None:
        queue = [start]
        done: set[str] = set()
        while queue:
            uri = queue.pop()
            if uri in done:
                continue
            done.add(uri)
            for ref, at in schema_refs(self.contents[uri]):
                target, fragment = urldefrag(urljoin(uri, ref))
                where = (_path_of(uri), at + "/$ref")
                if urlsplit(target).scheme != "file":
                    raise InputError(f"$ref '{ref}' is not a local file", file=where[0], pointer=where[1],
                                     title="invalid OpenAPI description",
                                     hint="download the document next to the description and refer to it by path")
                if target not in self.contents:
                    self.contents[target] = self._read(target, where)
                    queue.append(target)
                _walk_pointer(self.contents[target], unquote(fragment), ref, where)

    def _read(self, uri: str, where: tuple[str, str]) -> Any:
        if len(self.contents) >= MAX_DOCUMENTS:
            raise InputError(f"more than {MAX_DOCUMENTS} documents", file=where[0], pointer=where[1],
                             title="invalid OpenAPI description")
        path = Path(_path_of(uri))
        if not path.is_file():
            raise InputError(f"referenced file {path} not found", file=where[0], pointer=where[1],
                             title="invalid OpenAPI description",
                             hint="paths are relative to the file that names them; check the spelling")
        return read_document(path, what="OpenAPI document")

    def registry(self) -> "Registry":
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT202012

        return Registry().with_resources(
            (uri, Resource.from_contents(doc, default_specification=DRAFT202012)) for uri, doc in self.contents.items()
        )

    def lookup(self, uri: str, pointer: str) -> Any:
        """The node at `pointer` in the document at `uri`, following `$ref`s until it is not one."""
        node = _walk_pointer(self.contents[uri], pointer, pointer, (self.file, pointer))
        seen = 0
        while isinstance(node, dict) and isinstance(node.get("$ref"), str) and seen < 50:
            target, fragment = urldefrag(urljoin(uri, node["$ref"]))
            uri, pointer = target, unquote(fragment)
            node = _walk_pointer(self.contents[uri], pointer, node["$ref"], (self.file, pointer))
            seen += 1
        return uri, pointer, node


def _path_of(uri: str) -> str:
    return url2pathname(urlsplit(uri).path)


def template_segments(path: str) -> tuple[str, ...]:
    return tuple(part for part in path.split("/") if part)


def item_segments(url: Url) -> tuple[str, ...]:
    """The item's path template: `{{baseUrl}}` and any leading whole-`{{variable}}` segments
    stripped; `:id`, `{{id}}` and `<placeholder>` segments stand for a value (`_VAR`)."""
    segments = list(url.path) if url.path is not None else split_raw(url.raw)[1]
    segments = [s for s in segments if s]
    while segments and re.fullmatch(r"\{\{[^{}]+\}\}", segments[0]):
        segments.pop(0)
    out = []
    for segment in segments:
        if segment.startswith(":") or _PLACEHOLDER.match(segment) or re.fullmatch(r"\{\{[^{}]+\}\}", segment):
            out.append(_VAR)
        else:
            out.append(unquote(segment))
    return tuple(out)


def _segment_score(template: str, actual: str) -> int | None:
    """2: literal equals literal; 1: a template segment takes the value; None: no match."""
    if "{" not in template:
        return 2 if actual == template else None
    if actual == _VAR:
        return 1
    if _TEMPLATE.fullmatch(template):
        return 1
    pattern = "".join(".+" if _TEMPLATE.fullmatch(p) else re.escape(p) for p in re.split(r"(\{[^{}/]+\})", template) if p)
    return 1 if re.fullmatch(pattern, actual) else None


def _match_score(template: tuple[str, ...], actual: tuple[str, ...]) -> tuple[int, int, int] | None:
    """Ends aligned: extra leading literal segments on the document's side live in `{{baseUrl}}`
    (at least one literal must still be matched); extra leading segments on the item's side are
    a prefix the document keeps in `servers`."""
    if not actual and template:
        return None
    shared = min(len(template), len(actual))
    score = 0
    for t, a in zip(template[len(template) - shared:], actual[len(actual) - shared:]):
        one = _segment_score(t, a)
        if one is None:
            return None
        score += one
    leftover = template[: len(template) - shared]
    literals = next((i for i, part in enumerate(template) if "{" in part), len(template))
    if leftover and len(leftover) >= literals:
        return None  # what `{{baseUrl}}` may hold is a leading run of literals, never the whole of it
    extra = abs(len(template) - len(actual))
    return (1 if extra == 0 else 0, score, -extra)


def _server_prefixes(servers: Any) -> list[tuple[str, ...]]:
    prefixes: list[tuple[str, ...]] = []
    for server in servers if isinstance(servers, list) else []:
        if not isinstance(server, dict) or not isinstance(server.get("url"), str):
            continue
        url = server["url"]
        for name, variable in (server.get("variables") or {}).items():
            if isinstance(variable, dict) and "default" in variable:
                url = url.replace("{" + str(name) + "}", str(variable["default"]))
        path = urlsplit(url if "://" in url or url.startswith("//") else "//x" + (url if url.startswith("/") else "/" + url)).path
        prefix = template_segments(path)
        if prefix not in prefixes:
            prefixes.append(prefix)
    return prefixes


# ---------------------------------------------------------------- the description


class OpenApi:
    """A loaded description: operations, the `$ref` registry, validators compiled on first use."""

    def __init__(self, file: str, uri: str, version: str, documents: _Documents) -> None:
        self.file = file
        self.name = Path(file).name
        self.uri = uri
        self.version = version
        self.documents = documents
        self.operations = self._operations()
        self._mapping: dict[tuple[str, str], Operation | None] = {}
        self._validators: dict[tuple[str, str], Any] = {}
        self._registry: Any = None
        self._locations: dict[int, tuple[str, str]] | None = None
        self._lock = threading.Lock()

    def _operations(self) -> list[Operation]:
        root = self.documents.contents[self.uri]
        top = _server_prefixes(root.get("servers"))
        out = []
        for path, item in (root.get("paths") or {}).items():
            item_uri, item_pointer = self.uri, pointer_join("paths", path)
            if isinstance(item, dict) and isinstance(item.get("$ref"), str):
                item_uri, item_pointer, item = self.documents.lookup(self.uri, item_pointer)
            if not isinstance(item, dict):
                continue
            path_servers = _server_prefixes(item.get("servers")) or top
            for method in METHODS:
                node = item.get(method)
                if not isinstance(node, dict):
                    continue
                prefixes = _server_prefixes(node.get("servers")) or path_servers or [()]
                own = template_segments(str(path))
                variants = tuple(dict.fromkeys([prefix + own for prefix in prefixes] + [own]))
                out.append(Operation(method.upper(), str(path), item_pointer + "/" + method, item_uri, node, variants))
        return out

    # ------------------------------------------------------------ mapping

    def operation_for(self, located: Located) -> Operation | None:
        """The operation of this item's method and path template; None when none matches."""
        key = (located.path, located.item.pointer)
        if key not in self._mapping:
            self._mapping[key] = self._best(located.item.request.method.upper(), item_segments(located.item.request.url))
        return self._mapping[key]

    def _best(self, method: str, actual: tuple[str, ...]) -> Operation | None:
        best: tuple[tuple[int, int, int], Operation] | None = None
        for operation in self.operations:
            if operation.method != method:
                continue
            for variant in operation.variants:
                score = _match_score(variant, actual)
                if score is not None and (best is None or score > best[0]):
                    best = (score, operation)
        return best[1] if best else None

    def why_unmapped(self, located: Located) -> str:
        request = located.item.request
        shown = "/" + "/".join("{…}" if s == _VAR else s for s in item_segments(request.url))
        others = sorted({op.method for op in self.operations
                         if any(_match_score(v, item_segments(request.url)) for v in op.variants)})
        if others:
            return f"no {request.method.upper()} operation for {shown} in {self.name} (the path has {', '.join(others)})"
        return f"no operation for {request.method.upper()} {shown} in {self.name}"

    def coverage(self, items: Iterable[Located]) -> Coverage:
        mapped, unmapped = [], []
        for located in items:
            operation = self.operation_for(located)
            if operation is None:
                unmapped.append((located.path, self.why_unmapped(located)))
            else:
                mapped.append((located.path, operation))
        used = {(op.uri, op.pointer) for _, op in mapped}
        uncovered = tuple(op for op in self.operations if (op.uri, op.pointer) not in used)
        return Coverage(tuple(mapped), tuple(unmapped), uncovered, len(self.operations))

    # ------------------------------------------------------------ checking

    def check(self, operation: Operation, exchange: Exchange, expect: Expect = Expect(),
              schema: dict | None = None) -> list[CheckResult]:
        """Status, documented headers, content type and body against the operation. Pure.

        `schema` (a contract's) replaces the document's body schema."""
        key, response, where = self._response(operation, exchange.response.code)
        status = self._status(operation, exchange, expect, key, response)
        if response is None:
            return [status, CheckResult("schema", False, "skipped: no documented response matches", skipped=True)]
        return [status, *self._headers(response, where, exchange), *self._body(response, where, exchange, schema)]

    def _response(self, operation: Operation, code: int) -> tuple[str | None, dict | None, tuple[str, str]]:
        responses = operation.node.get("responses")
        if not isinstance(responses, dict):
            return None, None, (self.uri, "")
        keys = {str(k).upper(): str(k) for k in responses}
        for wanted in (str(code), f"{str(code)[0]}XX", "DEFAULT"):
            if wanted in keys:
                uri, pointer, node = self.documents.lookup(operation.uri, operation.pointer + pointer_join("responses", keys[wanted]))
                return keys[wanted], node if isinstance(node, dict) else {}, (uri, pointer)
        return None, None, (self.uri, "")

    def cite(self, uri: str, pointer: str) -> str:
        """`openapi.yaml#/components/schemas/User/properties/id/type`: where in which document."""
        name = self.name if uri == self.uri else Path(_path_of(uri)).name
        return f"{name}#{pointer}"

    def _status(self, operation: Operation, exchange: Exchange, expect: Expect, key: str | None,
                response: dict | None) -> CheckResult:
        code = exchange.response.code
        got = f"{code} {exchange.response.reason or reason_phrase(code)}".strip()
        listed = ", ".join(str(k) for k in (operation.node.get("responses") or {}))
        description = str((response or {}).get("description") or "").strip().splitlines()
        named = f"{got} — {operation.label}" + (f": {description[0]}" if description else "")
        if expect.policy == "codes":
            if expect.allows(code):
                return CheckResult("status", True, named if key else f"{got} (expected {','.join(expect.codes)})")
            return CheckResult("status", False, f"status {got} — expected {','.join(expect.codes)}")
        if key is None:
            return CheckResult("status", False, f"undocumented status {got} — {operation.label} documents: {listed} "
                                                f"({self.cite(operation.uri, operation.pointer + '/responses')})")
        if expect.policy == "success" and not 200 <= code < 300:
            return CheckResult("status", False, f"status {got} is documented but not a success — {operation.label}")
        return CheckResult("status", True, named)

    def _headers(self, response: dict, where: tuple[str, str], exchange: Exchange) -> list[CheckResult]:
        headers = response.get("headers")
        if not isinstance(headers, dict) or not headers:
            return []
        problems, seen = [], 0
        for name in headers:
            if str(name).lower() == "content-type":
                continue  # OpenAPI ignores it here: `content` says the media type
            uri, at, spec = self.documents.lookup(where[0], where[1] + pointer_join("headers", name))
            if not isinstance(spec, dict):
                continue
            seen += 1
            value = exchange.response.header(str(name))
            if value is None:
                if spec.get("required") is True:
                    problems.append(f"header {name} missing (required by {self.cite(uri, at)})")
                continue
            schema = spec.get("schema")
            if isinstance(schema, dict):
                errors = sorted(self._validator(uri, at + "/schema").iter_errors(_header_value(value, schema)),
                                key=_relevance)
                if errors:
                    problems.append(f"header {name} '{shorten(value, 60)}': "
                                    f"{schema_error(errors[0]).split(': ', 1)[-1]} ({self.cite(*self._where(errors[0]))})")
        if problems:
            return [CheckResult("header", False, "; ".join(problems))]
        return [CheckResult("header", True, f"{seen} documented header{'s' if seen != 1 else ''} as described")] if seen else []

    def _body(self, response: dict, where: tuple[str, str], exchange: Exchange, schema: dict | None) -> list[CheckResult]:
        content = response.get("content")
        if exchange.request.method == "HEAD" or exchange.response.code in NO_BODY_CODES:
            return []
        if not isinstance(content, dict) or not content:
            return []
        actual = media_type(exchange.response.header("Content-Type"))
        media = _pick_media(list(content), actual)
        if media is None:
            return [CheckResult("content-type", False, f"content type {actual or '(none)'} — documented "
                                f"{', '.join(content)} ({self.cite(where[0], where[1] + '/content')})")]
        results = [CheckResult("content-type", True, f"{actual} as documented ({media})")]
        if schema is not None:
            found = check_schema(None, exchange, schema)
            return results + ([found] if found else [])
        described = content[media]
        if not (_is_json(media) or _is_json(actual)) or not isinstance(described, dict) or "schema" not in described:
            return results
        return results + [self._validate_body(where[0], where[1] + pointer_join("content", media, "schema"), exchange)]

    def _validate_body(self, uri: str, at: str, exchange: Exchange, max_errors: int = 5) -> CheckResult:
        import json

        response = exchange.response
        if response.truncated:
            return CheckResult("schema", False, f"body cut at {len(response.body):,} bytes; cannot validate the whole body")
        if not response.body.strip():
            return CheckResult("schema", False, f"body is empty; {self.cite(uri, at)} describes JSON")
        try:
            body = json.loads(response.body.decode("utf-8-sig"))
        except (ValueError, UnicodeDecodeError) as exc:
            return CheckResult("schema", False, f"body is not JSON ({shorten(str(exc))}); {self.cite(uri, at)} describes JSON")
        errors = sorted(self._validator(uri, at).iter_errors(body), key=_relevance)
        if not errors:
            return CheckResult("schema", True, f"body matches {self.cite(uri, at)}")
        lines = [f"{schema_error(e)} ({self.cite(*self._where(e))})" for e in errors[:max_errors]]
        more = f" (+{len(errors) - max_errors} more)" if len(errors) > max_errors else ""
        return CheckResult("schema", False, "; ".join(lines) + more)

    # ------------------------------------------------------------ validators, compiled once

    def _validator(self, uri: str, pointer: str) -> Any:
        key = (uri, pointer)
        validator = self._validators.get(key)
        if validator is None:
            with self._lock:
                if self._registry is None:
                    self._registry = self.documents.registry()
                validator = self._validators.get(key)
                if validator is None:
                    cls = _validator_class(self.version)
                    validator = cls({"$ref": uri + "#" + quote(pointer, safe="/~")}, registry=self._registry,
                                    format_checker=_format_checker())
                    self._validators[key] = validator
        return validator

    def _where(self, error: Any) -> tuple[str, str]:
        """The document and pointer of the keyword that failed (found by the schema node's identity)."""
        if self._locations is None:
            with self._lock:
                if self._locations is None:
                    self._locations = _index(self.documents.contents)
        found = self._locations.get(id(error.schema))
        if found is None:
            return self.uri, ""
        return found[0], found[1] + pointer_join(error.validator)


def _index(contents: dict[str, Any]) -> dict[int, tuple[str, str]]:
    index: dict[int, tuple[str, str]] = {}
    for uri, document in contents.items():
        stack: list[tuple[Any, str]] = [(document, "")]
        while stack:
            node, at = stack.pop()
            if isinstance(node, dict):
                index.setdefault(id(node), (uri, at))
                stack.extend((v, at + pointer_join(k)) for k, v in node.items() if isinstance(v, (dict, list)))
            elif isinstance(node, list):
                stack.extend((v, f"{at}/{i}") for i, v in enumerate(node) if isinstance(v, (dict, list)))
    return index


def _relevance(error: Any) -> Any:
    from jsonschema.exceptions import relevance

    return relevance(error)


def _pick_media(documented: list[str], actual: str) -> str | None:
    """Exact media type first, then `type/*`, then `*/*` (as OpenAPI ranks them)."""
    lowered = {media_type(m): m for m in documented}
    if actual in lowered:
        return lowered[actual]
    wildcard = actual.split("/", 1)[0] + "/*" if actual else ""
    if wildcard in lowered:
        return lowered[wildcard]
    return lowered.get("*/*")


def _is_json(media: str) -> bool:
    kind = media_type(media)
    return kind == "application/json" or kind.endswith("+json")


def _header_value(value: str, schema: dict) -> Any:
    """A header's text as the schema's type (simple style): numbers, booleans, comma lists."""
    kind = schema.get("type")
    text = value.strip()
    try:
        if kind == "integer" and re.fullmatch(r"[+-]?\d+", text):
            return int(text)
        if kind == "number":
            return float(text)
        if kind == "boolean" and text in ("true", "false"):
            return text == "true"
        if kind == "array":
            return [part.strip() for part in text.split(",")]
    except ValueError:
        pass
    return text


# ---------------------------------------------------------------- the dialects


_CLASSES: dict[str, Any] = {}


def _validator_class(version: str) -> Any:
    """3.1 is JSON Schema 2020-12 (plus `writeOnly` for responses); 3.0 adds `nullable` and the
    boolean `exclusiveMinimum`/`exclusiveMaximum` of draft 4 without changing the documents, so
    pointers into them stay true."""
    if version in _CLASSES:
        return _CLASSES[version]
    from jsonschema import Draft4Validator, Draft202012Validator, validators

    keywords = dict(Draft202012Validator.VALIDATORS)
    keywords["writeOnly"] = _write_only
    keywords["required"] = _required_in_response
    if version == "3.0":
        keywords["minimum"] = Draft4Validator.VALIDATORS["minimum"]
        keywords["maximum"] = Draft4Validator.VALIDATORS["maximum"]
        for name in ("exclusiveMinimum", "exclusiveMaximum"):
            keywords[name] = _numeric_only(keywords[name])
        keywords = {name: _nullable(check) for name, check in keywords.items()}
    cls = validators.extend(Draft202012Validator, keywords)
    _CLASSES[version] = cls
    return cls


def _write_only(validator: Any, value: Any, instance: Any, schema: dict) -> Iterator[Any]:
    if value is True:
        from jsonschema.exceptions import ValidationError

        yield ValidationError("a writeOnly property is not expected in a response")


def _required_in_response(validator: Any, required: Any, instance: Any, schema: dict) -> Iterator[Any]:
    """`required` minus the writeOnly properties: OpenAPI requires those in requests only."""
    if not validator.is_type(instance, "object") or not isinstance(required, list):
        return
    from jsonschema.exceptions import ValidationError

    found = schema.get("properties")
    properties: dict = found if isinstance(found, dict) else {}
    for name in required:
        if name in instance:
            continue
        if _is_write_only(validator, properties.get(name)):
            continue
        yield ValidationError(f"{name!r} is a required property")


def _is_write_only(validator: Any, schema: Any) -> bool:
    if not isinstance(schema, dict):
        return False
    if schema.get("writeOnly") is True:
        return True
    ref = schema.get("$ref")
    resolver = getattr(validator, "_resolver", None)
    if isinstance(ref, str) and resolver is not None:
        try:
            target = resolver.lookup(ref).contents
        except Exception:  # an unresolvable $ref is reported by the $ref keyword itself
            return False
        return isinstance(target, dict) and target.get("writeOnly") is True
    return False


def _numeric_only(check: Any) -> Any:
    def keyword(validator: Any, value: Any, instance: Any, schema: dict) -> Iterator[Any]:
        if isinstance(value, bool):
            return iter(())  # 3.0: a flag read by minimum/maximum
        return check(validator, value, instance, schema)

    return keyword


def _nullable(check: Any) -> Any:
    def keyword(validator: Any, value: Any, instance: Any, schema: dict) -> Any:
        if instance is None and schema.get("nullable") is True:
            return iter(())
        return check(validator, value, instance, schema)

    return keyword


_FORMATS: Any = None
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")


def _rfc3339(value: Any) -> bool:
    """RFC 3339 `date-time` (what OpenAPI means): the grammar, then a real date and time."""
    if not isinstance(value, str):
        return True
    if not _RFC3339.match(value):
        return False
    from datetime import datetime

    datetime.fromisoformat(value.upper().replace("Z", "+00:00"))  # ValueError for day 31 of February
    return True


def _format_checker() -> Any:
    """jsonschema's formats (those its installed helpers can check) plus OpenAPI's integer sizes."""
    global _FORMATS
    if _FORMATS is None:
        from jsonschema import FormatChecker

        checker = FormatChecker()
        if "date-time" not in checker.checkers:  # jsonschema checks it only with rfc3339-validator installed
            checker.checks("date-time", raises=ValueError)(_rfc3339)
        for name, bits in (("int32", 32), ("int64", 64)):
            low, high = -(2 ** (bits - 1)), 2 ** (bits - 1) - 1

            def within(value: Any, low: int = low, high: int = high) -> bool:
                return not isinstance(value, int) or isinstance(value, bool) or low <= value <= high

            checker.checks(name)(within)
        _FORMATS = checker
    return _FORMATS


def _walk_pointer(document: Any, fragment: str, written: str, where: tuple[str, str]) -> Any:
    return resolve_fragment(document, fragment, written, file=where[0], pointer=where[1],
                            title="invalid OpenAPI description")
