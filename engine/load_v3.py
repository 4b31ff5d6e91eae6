"""Postman v3 collections (a directory of YAML files, as Native Git writes them) → the same model as v2.1.

Every file is read with YAML 1.2 scalars that keep the text they were written as (`yes`, `0123`,
`2.10` and dates stay strings), checked field by field, and each problem is one InputError with
file, line:column, the field and the fix. Siblings run by their `order` (missing counts as 0),
ties by name, as the Postman CLI runs them. Large collections load as stub items whose files are
read again when they run (see `V3Hydrator`), so a run's memory stays flat in the number of files.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import InputError, json_type, not_found
from .model import (
    Auth,
    Body,
    Collection,
    DocumentedResponse,
    Environment,
    Folder,
    Item,
    Param,
    Request,
    Script,
    Url,
)

REQUEST_SUFFIXES = (".request.yaml", ".request.yml")
EXAMPLE_SUFFIXES = (".example.yaml", ".example.yml")
DEFINITIONS = ("definition.yaml", "definition.yml")
RESOURCES = ".resources"
UNSAFE_NAME = re.compile(r'[/\\:*?"<>|]')
REQUEST_KINDS = ("http-request", "graphql-request")
OTHER_REQUEST_KINDS = ("grpc-request", "websocket-request", "socket.io-request", "mqtt-request", "mcp-request",
                       "llm-request", "kafka-request")
EXAMPLE_KINDS = ("http-example", "graphql-example")
MAX_VALUES_PER_FILE = 200_000  # expanded YAML values: defeats alias bombs
MAX_DEPTH = 200
STREAM_ITEMS = 2_000  # from this many request files a run reads each file again when it runs
SCRIPT_TYPES = {"beforeRequest": "prerequest", "afterResponse": "test",
                "http:beforeRequest": "prerequest", "http:afterResponse": "test"}
RAW_TYPES = ("json", "text", "xml", "html", "javascript")
SETTINGS = ("protocolVersion", "strictSSL", "followRedirects", "maxRedirects", "followOriginalHttpMethod",
            "followAuthorizationHeader", "removeRefererHeaderOnRedirect", "insecureHTTPParser",
            "disableUrlEncoding", "disableCookies", "disabledSystemHeaders", "tlsDisabledProtocols",
            "tlsCipherSelection", "tlsPreferServerCiphers")
REQUEST_KEYS = ("$kind", "id", "name", "description", "order", "method", "url", "headers", "queryParams",
                "pathVariables", "body", "auth", "scripts", "settings", "examples")
GRAPHQL_KEYS = ("$kind", "id", "name", "description", "order", "url", "query", "variables", "operationName",
                "headers", "auth", "scripts", "settings", "examples", "schema")
DEFINITION_KEYS = ("$kind", "id", "name", "description", "variables", "auth", "scripts", "order")
ORDER_NOTE = "siblings by `order` ascending (a missing `order` counts as 0), ties by name"


# ---------------------------------------------------------------- YAML with written scalars


class WrittenInt(int):
    """An integer that remembers how it was written (`007` never becomes 7 on the wire)."""

    text: str


class WrittenFloat(float):
    """A float that remembers how it was written (`2.10` stays `2.10`)."""

    text: str


_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_STR = "tag:yaml.org,2002:str"
_PLAIN_TAGS = {"tag:yaml.org,2002:" + t for t in ("str", "null", "bool", "int", "float", "timestamp", "merge",
                                                    "value", "map", "seq", "omap", "set")}


class YamlProblem(Exception):
    """Invalid YAML or a value YAML cannot give us: located by its mark."""

    def __init__(self, message: str, line: int | None, column: int | None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message, self.line, self.column, self.hint = message, line, column, hint


def parse_yaml(text: str) -> Any:
    """YAML → plain values with YAML 1.2 core scalars; numbers keep their written text.

    libyaml composes the node tree (fast); we build the values ourselves, counting every value an
    alias expands to, so a bomb stops at MAX_VALUES_PER_FILE instead of filling memory.
    """
    import yaml

    try:
        node = yaml.compose(text, Loader=_loader())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise YamlProblem(f"not valid YAML: {exc.problem or exc.context or 'syntax error'}",
                          mark.line + 1 if mark else None, mark.column + 1 if mark else None,
                          "fix the syntax; a value that starts with {{ or contains ': ' must be quoted")
    except yaml.YAMLError as exc:
        raise YamlProblem(f"not valid YAML: {exc}", None, None)
    if node is None:
        return None
    budget = [MAX_VALUES_PER_FILE]
    try:
        return _value(node, budget, 0)
    except RecursionError:
        raise YamlProblem("YAML nested too deeply", None, None) from None


_LOADER: Any = None


def _loader() -> Any:
    global _LOADER
    if _LOADER is None:
        import yaml

        from yaml.nodes import MappingNode, ScalarNode, SequenceNode

        tags = {ScalarNode: _STR, SequenceNode: "tag:yaml.org,2002:seq", MappingNode: "tag:yaml.org,2002:map"}

        class Loader(getattr(yaml, "CBaseLoader", yaml.BaseLoader)):  # type: ignore[misc]
            """No implicit resolvers: plain scalars are typed by `_scalar` with YAML 1.2's core rules."""

            def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
                return tags[kind]

        _LOADER = Loader
    return _LOADER


def _value(node: Any, budget: list[int], depth: int) -> Any:
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode  # cached after the first call

    budget[0] -= 1
    if budget[0] < 0 or depth > MAX_DEPTH:
        mark = node.start_mark
        raise YamlProblem(f"document expands to more than {MAX_VALUES_PER_FILE:,} values or nests too deep "
                          "(YAML aliases?)", mark.line + 1, mark.column + 1,
                          "remove repeated aliases; Postman files do not need them")
    if node.tag not in _PLAIN_TAGS:
        mark = node.start_mark
        raise YamlProblem(f"YAML tag {node.tag} is not allowed", mark.line + 1, mark.column + 1,
                          "remove the tag; write the value as plain text")
    if isinstance(node, ScalarNode):
        return _scalar(node)
    if isinstance(node, SequenceNode):
        return [_value(child, budget, depth + 1) for child in node.value]
    assert isinstance(node, MappingNode)
    out: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            mark = key_node.start_mark
            raise YamlProblem("a key must be plain text", mark.line + 1, mark.column + 1)
        key = key_node.value
        if key in out:
            mark = key_node.start_mark
            raise YamlProblem(f"key '{key}' appears twice in one mapping", mark.line + 1, mark.column + 1,
                              "keep one of them")
        out[key] = _value(value_node, budget, depth + 1)
    return out


_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


def _scalar(node: Any) -> Any:
    """YAML 1.2 core schema for plain scalars: null, true/false, decimal numbers; anything else
    (yes, on, 0123 aside, dates, 0x1F, 1_000, .inf) is the text as written."""
    if node.style:
        return node.value  # quoted or block: always text
    return _plain(node.value)


def _plain(text: str) -> Any:
    if text in _NULLS:
        return None
    flag = _BOOLS.get(text)
    if flag is not None:
        return flag
    first = text[0]
    if first.isdigit() or first in "-+.":
        if _INT.fullmatch(text):
            number = WrittenInt(int(text))
            number.text = text
            return number
        if _FLOAT.fullmatch(text):
            real = WrittenFloat(float(text))
            real.text = text
            return real
    return text


def text_of(value: Any) -> str:
    """A scalar as the text it was written as."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    written = getattr(value, "text", None)
    if written is not None:
        return written
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def locate(text: str, pointer: tuple[Any, ...]) -> tuple[int | None, int | None]:
    """Line and column (1-based) of the value at `pointer` (or of the deepest part that exists)."""
    import yaml
    from yaml.nodes import MappingNode, SequenceNode

    try:
        node = yaml.compose(text, Loader=_loader())
    except yaml.YAMLError:
        return None, None
    if node is None:
        return 1, 1
    for part in pointer:
        child = None
        if isinstance(node, MappingNode):
            child = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
        if child is None:
            break
        node = child
    return node.start_mark.line + 1, node.start_mark.column + 1


# ---------------------------------------------------------------- errors


class Wrong(Exception):
    """A field of the wrong shape inside one file; the file level adds file and line:column."""

    def __init__(self, pointer: tuple[Any, ...], message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.pointer, self.message, self.hint = pointer, message, hint


def _pointer_text(pointer: tuple[Any, ...]) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in pointer)


def _bad_file(file: str, message: str, hint: str, line: int | None = None, column: int | None = None,
              title: str = "invalid v3 collection") -> InputError:
    return InputError(message, file=file, line=line, column=column, hint=hint, title=title)


def _described(value: Any) -> str:
    if isinstance(value, (dict, list)) or value is None:
        return json_type(value)
    return f"{json_type(value)} {text_of(value)!r}"


# ---------------------------------------------------------------- one file


@dataclass
class Notes:
    """What loading noticed that is not an error (unknown keys Postman ignores too)."""

    lines: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        if text not in self.lines:
            self.lines.append(text)


class FileReader:
    """Reads one YAML file of a v3 collection: the shape of every field it uses is checked."""

    def __init__(self, path: Path, display: str, notes: Notes) -> None:
        self.path = path
        self.file = display
        self.notes = notes
        self.text = ""

    def document(self) -> dict:
        try:
            data = self.path.read_bytes()
        except OSError as exc:
            raise _bad_file(self.file, f"cannot be read: {exc.strerror or exc}", "check the file's permissions",
                            title="cannot read file")
        try:
            self.text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise _bad_file(self.file, f"invalid UTF-8 byte 0x{data[exc.start]:02x}", "save the file as UTF-8")
        try:
            document = parse_yaml(self.text)
        except YamlProblem as problem:
            raise _bad_file(self.file, problem.message, problem.hint or "fix the YAML syntax", problem.line,
                            problem.column)
        if not isinstance(document, dict):
            raise _bad_file(self.file, f"expected a mapping of fields, got {json_type(document)}",
                            "a v3 file is a YAML mapping that starts with `$kind: …`", 1, 1)
        return document

    def located(self, wrong: Wrong) -> InputError:
        line, column = locate(self.text, wrong.pointer)
        return InputError(wrong.message, file=self.file, line=line, column=column,
                          pointer=_pointer_text(wrong.pointer) or None,
                          hint=wrong.hint or f"fix the value of {_pointer_text(wrong.pointer) or 'the file'}",
                          title="invalid v3 collection")

    def unknown_keys(self, document: dict, known: tuple[str, ...], what: str) -> None:
        for key in document:
            if key not in known:
                self.notes.add(f"{self.file}: unknown {what} field '{key}' is ignored (Postman ignores it too)")


def kind_of(document: dict, wanted: tuple[str, ...], what: str) -> str:
    kind = document.get("$kind")
    if kind is None:
        raise Wrong((), "no `$kind`: every v3 file says what it is", f"add `$kind: {wanted[0]}` as the first line")
    if not isinstance(kind, str):
        raise Wrong(("$kind",), f"`$kind` must be text, got {_described(kind)}", f"write `$kind: {wanted[0]}`")
    if kind not in wanted:
        if what == "request" and kind in OTHER_REQUEST_KINDS:
            raise Wrong(("$kind",), f"a {kind} cannot be replayed: postman-replay sends HTTP and GraphQL requests",
                        "move this file out of the collection (or run the collection with the Postman app)")
        raise Wrong(("$kind",), f"`$kind: {kind}` does not fit a {what} file",
                    f"a {what} file has `$kind: {wanted[0]}`" + (
                        "; example files live in .resources/<request>.resources/examples/" if "example" in kind else ""))
    return kind


# ---------------------------------------------------------------- field readers


def _want(value: Any, pointer: tuple[Any, ...], *kinds: type, what: str = "") -> Any:
    if isinstance(value, bool) and bool not in kinds:
        pass
    elif isinstance(value, kinds):
        return value
    if set(kinds) >= {str, int, float}:
        names = "a single value (text)"
        hint = f"write one value there, e.g. `{pointer[-1] if pointer else 'value'}: 'text'`"
    else:
        names = " or ".join(dict.fromkeys({dict: "a mapping", list: "a list", str: "text", bool: "true or false",
                                           int: "a number", float: "a number", type(None): "empty"}[k] for k in kinds))
        hint = f"write {names} at {_pointer_text(pointer) or 'the top level'}"
    raise Wrong(pointer, f"{what or _pointer_text(pointer)[1:]} must be {names}, got {_described(value)}", hint)


SCALARS = (str, int, float, bool, type(None))


def _text(value: Any, pointer: tuple[Any, ...], what: str = "") -> str:
    """A string field; a number or boolean is taken as the text it was written as, as Postman's
    documentation means (the Postman CLI drops the whole request instead)."""
    return text_of(_want(value, pointer, *SCALARS, what=what))


def _description(value: Any, pointer: tuple[Any, ...]) -> str:
    if isinstance(value, dict):  # v2.1's {content, type}: Postman v3 wants a string; take the content
        return _text(value.get("content"), pointer + ("content",))
    return _text(value, pointer)


@dataclass(frozen=True)
class Row:
    """One entry of a key list, map form or list form alike."""

    key: str
    value: Any
    disabled: bool = False
    description: str = ""
    entry: dict | None = None
    pointer: tuple[Any, ...] = ()


def key_list(raw: Any, pointer: tuple[Any, ...], *, values: tuple[type, ...] = SCALARS) -> list[Row]:
    """`{key: value}` or `[{key, value, description?, disabled?}]` → rows in order."""
    if raw is None:
        return []
    _want(raw, pointer, dict, list)
    rows = []
    if isinstance(raw, dict):
        for key, value in raw.items():
            _want(value, pointer + (key,), *values)
            rows.append(Row(text_of(key), value, pointer=pointer + (key,)))
        return rows
    for index, entry in enumerate(raw):
        here = pointer + (index,)
        _want(entry, here, dict)
        if "key" not in entry:
            raise Wrong(here, "an entry needs a `key`", "write `- key: NAME` and `value: …`")
        disabled = _want(entry.get("disabled", False), here + ("disabled",), bool, type(None))
        if "enabled" in entry:
            enabled = _want(entry["enabled"], here + ("enabled",), bool)
            if "disabled" in entry:
                raise Wrong(here, "an entry has both `enabled` and `disabled`", "keep one of them")
            disabled = not enabled
        value = entry.get("value")
        _want(value, here + ("value",), *values)
        rows.append(Row(_text(entry["key"], here + ("key",)), value, bool(disabled),
                        _description(entry.get("description"), here + ("description",)), entry, here + ("value",)))
    return rows


def _params(rows: list[Row], *, keep_null: bool = False) -> tuple[Param, ...]:
    return tuple(
        Param(key=r.key, value=None if (r.value is None and keep_null) else text_of(r.value), description=r.description)
        for r in rows if not r.disabled
    )


def _safe_relative(text: str, pointer: tuple[Any, ...], what: str) -> str:
    """A path written in a collection file: forward slashes, and it stays inside the collection."""
    if "\\" in text:
        raise Wrong(pointer, f"{what} '{text}' uses a backslash", "write paths with forward slashes (/)")
    normal = os.path.normpath(text) if text else text
    if text.startswith("/") or re.match(r"[A-Za-z]:", text) or normal == ".." or normal.startswith("../"):
        raise Wrong(pointer, f"{what} '{text}' leaves the collection",
                    "keep files inside the collection directory and give paths relative to it")
    return text


class Reader:
    """Field readers shared by requests, definitions and examples."""

    def __init__(self, notes: Notes) -> None:
        self.notes = notes

    def auth(self, raw: Any, pointer: tuple[Any, ...], file: str) -> tuple[Auth | None, bool]:
        """(auth, given): `given` False means inherit (no `auth`, or `type: inherit`)."""
        if raw is None:
            return None, False
        if isinstance(raw, list):  # collection/folder multi-auth: the last entry applies, as in the CLI
            if not raw:
                return None, False
            if len(raw) > 1:
                self.notes.add(f"{file}: {len(raw)} auth entries; the last one applies, as in the Postman CLI")
            return self.auth(_want(raw[-1], pointer + (len(raw) - 1,), dict), pointer + (len(raw) - 1,), file)
        _want(raw, pointer, dict)
        kind = _text(raw.get("type"), pointer + ("type",)).strip().lower()
        if not kind:
            raise Wrong(pointer, "auth has no `type`", "write `type: bearer` (or basic, apikey, oauth2, noauth, inherit…)")
        if kind == "inherit":
            return None, False
        rows = key_list(raw.get("credentials"), pointer + ("credentials",), values=(str, int, float, bool, type(None), list, dict))
        params = tuple((r.key, r.value if not isinstance(r.value, (WrittenInt, WrittenFloat)) else r.value.text)
                       for r in rows)
        return Auth(type=kind, params=params), True

    def scripts(self, raw: Any, pointer: tuple[Any, ...], file: str, scope: str) -> tuple[Script, ...]:
        out = []
        for index, entry in enumerate(_want(raw, pointer, list, type(None)) or []):
            here = pointer + (index,)
            _want(entry, here, dict)
            kind = _text(entry.get("type"), here + ("type",))
            language = entry.get("language")
            if language not in (None, "text/javascript"):
                raise Wrong(here + ("language",), f"script language {_described(language)} is not supported",
                            "write `language: text/javascript` or leave it out")
            code = _want(entry.get("code"), here + ("code",), str, list, type(None))
            if isinstance(code, list):
                code = "\n".join(_text(line, here + ("code", n)) for n, line in enumerate(code))
            if kind not in SCRIPT_TYPES:
                if ":" in kind and kind.split(":")[0] in ("graphql", "grpc"):
                    self.notes.add(f"{file}: {kind} script does not apply to HTTP requests; not run")
                    continue
                raise Wrong(here + ("type",), f"unknown script type '{kind}'",
                            "use beforeRequest or afterResponse (http:beforeRequest / http:afterResponse on a "
                            "collection or folder)")
            prefixed = kind.startswith("http:")
            if prefixed != (scope != "request"):
                self.notes.add(f"{file}: script type '{kind}' at {scope} level runs here; Postman expects "
                               f"'{'http:' if scope != 'request' else ''}{kind.split(':')[-1]}' there")
            if code and code.strip():
                out.append(Script(listen=SCRIPT_TYPES[kind], source=code, pointer=f"{file}#{_pointer_text(here)}",
                                  event_name=kind))
        return tuple(out)

    def variables(self, raw: Any, pointer: tuple[Any, ...]) -> tuple[Param, ...]:
        out = []
        for row in key_list(raw, pointer):
            if row.disabled:
                continue
            entry = row.entry or {}
            secret = _want(entry.get("secret", False), row.pointer[:-1] + ("secret",), bool, type(None))
            kind = _text(entry.get("type"), row.pointer[:-1] + ("type",)) or None
            if "source" in entry and entry.get("value") is None:
                continue  # a vault link: no local value, so {{name}} is unresolved and names --env-var
            out.append(Param(key=row.key, value=text_of(row.value), description=row.description,
                             type="secret" if secret or kind == "secret" else kind))
        return tuple(out)

    def url(self, raw: Any, query_raw: Any, path_raw: Any, pointer: tuple[Any, ...]) -> Url:
        """URL-only query keys first, then every enabled `queryParams` entry; a key in both is sent
        once, with the `queryParams` value (what the Postman CLI sends)."""
        text = _text(raw, pointer + ("url",)).strip()
        from .resolve import split_raw

        prefix, segments, inline = split_raw(text)
        query_rows = key_list(query_raw, pointer + ("queryParams",))
        given = {r.key for r in query_rows}
        query = [p for p in inline if p.key not in given] + list(_params(query_rows, keep_null=True))
        path_vars = key_list(path_raw, pointer + ("pathVariables",))
        return Url(raw=text, host=(prefix,) if prefix else None, path=tuple(segments), query=tuple(query),
                   variables=_params(path_vars))

    def headers(self, raw: Any, pointer: tuple[Any, ...]) -> tuple[Param, ...]:
        return tuple(p for p in _params(key_list(raw, pointer)) if p.key.strip())

    def body(self, raw: Any, pointer: tuple[Any, ...]) -> Body | None:
        if raw is None:
            return None
        _want(raw, pointer, dict)
        kind = _text(raw.get("type"), pointer + ("type",)).strip()
        content = raw.get("content")
        here = pointer + ("content",)
        if kind in ("", "none"):
            if not kind and content is not None:
                raise Wrong(pointer, "body has no `type`", "write `type: json` (or text, xml, urlencoded, formdata, file…)")
            return None
        if kind in RAW_TYPES:
            if isinstance(content, (dict, list)):
                raise Wrong(here, f"a {kind} body's content must be text, got {json_type(content)}",
                            "write the body as a block: `content: |-` followed by the text, indented")
            return Body(mode="raw", raw=_text(content, here), language=kind)
        if kind == "urlencoded":
            return Body(mode="urlencoded", params=_params(key_list(content, here)))
        if kind == "formdata":
            return Body(mode="formdata", params=self.form(content, here))
        if kind == "file":
            _want(content, here, dict, type(None))
            src = _text((content or {}).get("src"), here + ("src",)) or None
            if src:
                _safe_relative(src, here + ("src",), "file")
            return Body(mode="file", file_src=src)
        if kind == "graphql":
            _want(content, here, dict, type(None))
            content = content or {}
            variables = content.get("variables")
            if isinstance(variables, (dict, list)):
                import json

                variables = json.dumps(variables)
            return Body(mode="graphql", graphql_query=_text(content.get("query"), here + ("query",)),
                        graphql_variables=_text(variables, here + ("variables",)))
        raise Wrong(pointer + ("type",), f"unknown body type '{kind}'",
                    "use none, json, text, xml, html, javascript, urlencoded, formdata, file or graphql")

    def form(self, raw: Any, pointer: tuple[Any, ...]) -> tuple[Param, ...]:
        out = []
        for index, entry in enumerate(_want(raw, pointer, list, type(None)) or []):
            here = pointer + (index,)
            _want(entry, here, dict)
            if _want(entry.get("disabled", False), here + ("disabled",), bool, type(None)):
                continue
            kind = _text(entry.get("type"), here + ("type",)) or "text"
            src = _want(entry.get("src"), here + ("src",), str, list, type(None))
            srcs = tuple(_text(s, here + ("src", n)) for n, s in enumerate(src)) if isinstance(src, list) else (
                (src,) if src else ())
            for n, one in enumerate(srcs):
                _safe_relative(one, here + ("src",) + ((n,) if isinstance(src, list) else ()), "file")
            out.append(Param(key=_text(entry.get("key"), here + ("key",)), value=_text(entry.get("value"), here + ("value",)),
                             description=_description(entry.get("description"), here + ("description",)),
                             type=kind, src=srcs,
                             content_type=_text(entry.get("contentType"), here + ("contentType",)) or None))
        return tuple(out)

    def settings(self, raw: Any, pointer: tuple[Any, ...], file: str) -> tuple[tuple[str, object], ...]:
        out = []
        for key, value in (_want(raw, pointer, dict, type(None)) or {}).items():
            if key not in SETTINGS:
                self.notes.add(f"{file}: unknown setting '{key}' is ignored")
            if isinstance(value, (WrittenInt, WrittenFloat)):
                value = int(value) if isinstance(value, int) else float(value)
            out.append((str(key), value))
        return tuple(out)


# ---------------------------------------------------------------- requests and examples


@dataclass(frozen=True)
class RequestFile:
    """A request file found in a directory, and where its examples may be."""

    path: Path
    rel: str  # slash path from the collection root: the item's pointer
    stem: str
    examples_dir: Path | None  # canonical .resources/<stem>.resources/examples, when present


def read_request(found: RequestFile, root: Path, display_root: str, notes: Notes,
                 keep: dict[str, Any] | None = None) -> tuple[Item, float]:
    """The item and its `order`; examples included. `keep` collects the parsed documents (convert)."""
    file = _display(display_root, found.rel)
    reader = FileReader(found.path, file, notes)
    document = reader.document()
    if keep is not None:
        keep[found.rel] = document
    try:
        item, order, pointer_dir = _request(document, found, file, Reader(notes), reader)
    except Wrong as wrong:
        raise reader.located(wrong) from None
    responses = _examples(found, pointer_dir, root, display_root, notes, reader, keep)
    return replace(item, responses=responses), order


def _request(document: dict, found: RequestFile, file: str, fields: Reader,
             reader: FileReader) -> tuple[Item, float, str | None]:
    kind = kind_of(document, REQUEST_KINDS, "request")
    if "event" in document:
        raise Wrong(("event",), "`event` is v2.1; a v3 request keeps its scripts under `scripts`",
                    "write `scripts: [{type: afterResponse, code: …}]` (beforeRequest for pre-request)")
    graphql = kind == "graphql-request"
    reader.unknown_keys(document, GRAPHQL_KEYS if graphql else REQUEST_KEYS, "request")
    order = _order(document)
    name = _text(document.get("name"), ("name",)) or found.stem
    method = "POST" if graphql else (_text(document.get("method"), ("method",)).strip().upper() or "GET")
    if "url" not in document:
        raise Wrong((), "the request has no `url`", "add `url: https://…` (variables like {{baseUrl}} are fine)")
    auth, _ = fields.auth(document.get("auth"), ("auth",), file)
    if graphql:
        variables = document.get("variables")
        body: Body | None = Body(mode="graphql", graphql_query=_text(document.get("query"), ("query",)),
                    graphql_variables=_text(variables, ("variables",)))
    else:
        body = fields.body(document.get("body"), ("body",))
    headers = fields.headers(document.get("headers"), ("headers",))
    if body is not None and body.mode == "file" and body.file_src and not any(
            h.key.lower() == "content-type" for h in headers):
        import mimetypes  # a v3 file body's type comes from its extension (the Postman CLI's behaviour)

        guessed = mimetypes.guess_type(body.file_src)[0] or "application/octet-stream"
        headers += (Param(key="Content-Type", value=guessed, description="from the file's extension"),)
    request = Request(
        method=method,
        url=fields.url(document.get("url"), None if graphql else document.get("queryParams"),
                       None if graphql else document.get("pathVariables"), ()),
        headers=headers,
        body=body,
        auth=auth,
        description=_description(document.get("description"), ("description",)),
    )
    examples = _want(document.get("examples"), ("examples",), str, type(None))
    if examples:
        _safe_relative(examples, ("examples",), "examples directory")
    item = Item(
        name=name,
        request=request,
        events=fields.scripts(document.get("scripts"), ("scripts",), file, "request"),
        behavior=fields.settings(document.get("settings"), ("settings",), file),
        pointer=found.rel,
        id=_text(document.get("id"), ("id",)) or None,
    )
    return item, order, examples


def _order(document: dict) -> float:
    order = document.get("order")
    if order is None:
        return 0.0
    if isinstance(order, bool) or not isinstance(order, (int, float)):
        raise Wrong(("order",), f"`order` must be a number, got {_described(order)}",
                    "write it unquoted, e.g. `order: 1000`")
    return float(order)


def _examples(found: RequestFile, pointer_dir: str | None, root: Path, display_root: str, notes: Notes,
              reader: FileReader, keep: dict[str, Any] | None = None) -> tuple[DocumentedResponse, ...]:
    directories = [found.examples_dir] if found.examples_dir is not None and found.examples_dir.is_dir() else []
    if pointer_dir:
        target = os.path.normpath(os.path.join(os.path.dirname(found.path), pointer_dir))
        canonical = found.examples_dir is not None and target == os.path.normpath(found.examples_dir)
        if not canonical:  # the usual pointer names the canonical directory: nothing more to check
            if not os.path.isdir(target):
                line, column = locate(reader.text, ("examples",))
                raise _bad_file(reader.file, f"examples directory '{pointer_dir}' does not exist",
                                "fix the path or remove the `examples` field", line, column)
            _inside(Path(target), root, reader.file, "examples directory")
            directories.append(Path(target))
    found_examples: list[tuple[float, str, DocumentedResponse, Any]] = []
    root_text = str(root)
    for directory in directories:
        for entry in sorted(os.scandir(directory), key=lambda e: e.name):
            rel = os.path.relpath(entry.path, root_text).replace(os.sep, "/") if directory is not found.examples_dir \
                else f"{found.rel.rpartition('/')[0]}/{RESOURCES}/{found.stem}.resources/examples/{entry.name}".lstrip("/")
            if entry.is_dir() or not entry.name.endswith(EXAMPLE_SUFFIXES):
                if entry.name.endswith((".yaml", ".yml")):
                    raise _bad_file(_display(display_root, rel),
                                    "not an example file: example files end in .example.yaml",
                                    f"rename it to {entry.name.rsplit('.', 1)[0]}.example.yaml")
                continue
            if entry.is_symlink():
                _inside(Path(entry.path), root, _display(display_root, rel), "example file")
            found_examples.append(read_example(Path(entry.path), _display(display_root, rel), notes))
    found_examples.sort(key=lambda e: (e[0], e[1]))
    if keep is not None:
        keep[found.rel + "#examples"] = [document for _, _, _, document in found_examples]
    return tuple(response for _, _, response, _ in found_examples)


def read_example(path: Path, file: str, notes: Notes) -> tuple[float, str, DocumentedResponse, dict]:
    reader = FileReader(path, file, notes)
    document = reader.document()
    try:
        kind_of(document, EXAMPLE_KINDS, "example")
        reader.unknown_keys(document, ("$kind", "id", "name", "description", "order", "request", "response"),
                            "example")
        order = _order(document)
        name = _text(document.get("name"), ("name",)) or path.name.rsplit(".", 2)[0]
        response = _want(document.get("response"), ("response",), dict, type(None)) or {}
        code = response.get("statusCode")
        if code is not None and (isinstance(code, bool) or not isinstance(code, int)):
            raise Wrong(("response", "statusCode"), f"statusCode must be a whole number, got {_described(code)}",
                        "write it unquoted, e.g. `statusCode: 200`")
        rows = key_list(response.get("headers"), ("response", "headers"))
        body = _want(response.get("body"), ("response", "body"), dict, type(None))
        content = None
        if body is not None:
            content = _want(body.get("content"), ("response", "body", "content"), *SCALARS, dict, list)
            if isinstance(content, (dict, list)):
                import json

                content = json.dumps(content)
            else:
                content = text_of(content) if content is not None else None
        if "request" in document:
            _want(document["request"], ("request",), dict, type(None))
    except Wrong as wrong:
        raise reader.located(wrong) from None
    return order, name, DocumentedResponse(
        name=name,
        code=int(code) if code is not None else None,
        status=_text(response.get("statusText"), ("response", "statusText")),
        headers=tuple((r.key, text_of(r.value)) for r in rows if not r.disabled),
        body=content,
        pointer=file,
    ), document


# ---------------------------------------------------------------- the quick index of large collections

_COLUMN_ZERO = re.compile(r"^[^ \t#\n-].*$", re.M)
_TOP_KEY = re.compile(r"^([A-Za-z$][\w$-]*):(?:[ \t]+(.*?))?[ \t]*$")
_QUICK_FIELDS = ("$kind", "name", "order", "method", "url", "id")
_UNSURE = ("|", ">", "[", "{", "&", "*", "!", "%", "@", "`", "?", "#")
_STATUS = re.compile(r"^[ \t]+statusCode:[ \t]*([0-9]{3})[ \t]*$", re.M)


def quick_fields(text: str) -> dict[str, Any] | None:
    """The top-level one-line fields of a simple request or example file, without a YAML parse.

    Large collections are indexed this way (name, order, method, url: what selection, `list` and
    the order need); each file is parsed and checked in full when its item runs. Anything this
    reader is not sure of (block or flow values, anchors, tags, documents markers, odd quoting)
    returns None, and the file is parsed in full instead.
    """
    fields: dict[str, Any] = {}
    if text.startswith(("---", "%")) or "\n---" in text or "\r" in text:
        return None
    for line in _COLUMN_ZERO.findall(text):  # indented lines belong to the fields above them
        match = _TOP_KEY.match(line)
        if match is None:
            return None
        key, value = match.group(1), match.group(2)
        if key not in _QUICK_FIELDS:
            continue
        if key in fields:
            return None
        parsed = _quick_scalar(value or "")
        if parsed is _UNSURE:
            return None
        fields[key] = parsed
    return fields


def _quick_scalar(value: str) -> Any:
    if not value:
        return None
    first = value[0]
    if first == "'":
        inner = value[1:-1] if len(value) > 1 and value.endswith("'") else None
        if inner is None or "'" in inner.replace("''", ""):
            return _UNSURE
        return inner.replace("''", "'")
    if first == '"':
        inner = value[1:-1] if len(value) > 1 and value.endswith('"') else None
        if inner is None or "\\" in inner or '"' in inner:
            return _UNSURE
        return inner
    if first in _UNSURE or ": " in value or " #" in value:
        return _UNSURE
    return _plain(value)


def quick_stub(found: RequestFile) -> tuple[Item, float] | None:
    """A stub item (name, method, URL, documented codes) from a file's top lines, or None."""
    try:
        with open(found.path, "rb") as handle:
            text = handle.read().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    fields = quick_fields(text)
    if fields is None or fields.get("$kind") != "http-request" or not isinstance(fields.get("url"), str):
        return None
    order = fields.get("order", 0.0)
    if isinstance(order, bool) or not isinstance(order, (int, float)):
        return None
    name, method = fields.get("name"), fields.get("method")
    if not isinstance(name, (str, type(None))) or not isinstance(method, (str, type(None))):
        return None
    item = Item(name=name or found.stem, request=Request(method=(method or "GET").strip().upper(),
                                                           url=Url(raw=fields["url"].strip())),
                pointer=found.rel, id=text_of(fields.get("id")) or None, stub=True)
    return item, float(order)


def stub_codes(collection: Collection, stub: Item) -> list[int]:
    """The documented status codes of a stub item (for `list`), read from its example files' lines."""
    root, rel = _root_of(collection, stub.pointer)
    directory, _, name = os.path.join(str(root), rel).rpartition("/")
    examples = f"{directory}/{RESOURCES}/{name.rsplit('.', 2)[0]}.resources/examples"
    found: list[tuple[float, str, int]] = []
    try:
        names = os.listdir(examples)
    except OSError:
        return []
    names = [name for name in names if name.endswith(EXAMPLE_SUFFIXES)]
    for name in names:
        try:
            with open(os.path.join(examples, name), "rb") as handle:
                text = handle.read().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        codes = _STATUS.findall(text)
        if codes and len(names) == 1:  # one example: nothing to order
            return [int(codes[0])]
        if codes:
            top = quick_fields(text) or {}
            order = top.get("order")
            found.append((float(order) if isinstance(order, (int, float)) else 0.0,
                          text_of(top.get("name")) or name, int(codes[0])))
    return [code for _, _, code in sorted(found)]


# ---------------------------------------------------------------- directories


@dataclass
class Definition:
    name: str | None = None
    order: float = 0.0
    auth: Auth | None = None
    events: tuple[Script, ...] = ()
    variables: tuple[Param, ...] = ()
    description: str = ""
    id: str | None = None


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _display(display_root: str, rel: str) -> str:
    return f"{display_root.rstrip('/')}/{rel}" if rel else display_root


def _inside(path: Path, root: Path, file: str, what: str) -> None:
    real = Path(os.path.realpath(path))
    real_root = Path(os.path.realpath(root))
    if real != real_root and real_root not in real.parents:
        raise _bad_file(file, f"the {what} leaves the collection (it resolves to {real})",
                        "keep every file inside the collection directory; replace the link by a copy")


class DirectoryLoader:
    """Walks one collection directory; `stubs` keeps only what selection needs of each request."""

    def __init__(self, root: Path, display_root: str, *, stubs: bool = False, keep: bool = False) -> None:
        self.root = root
        self.display_root = display_root
        self.stubs = stubs
        self.documents: dict[str, Any] | None = {} if keep else None
        self.notes = Notes()
        self.fields = Reader(self.notes)
        self.count = 0

    def collection(self) -> Collection:
        definition = self.definition(self.root, "")
        items = self.nodes(self.root, "", 0)
        variables = definition.variables
        return Collection(
            name=definition.name or self.root.resolve().name,
            items=items,
            auth=definition.auth,
            events=definition.events,
            variables=variables,
            description=definition.description,
            source=self.root,
            schema_version="3.0.0",
            notes=tuple(self.notes.lines),
        )

    def definition(self, directory: Path, rel: str) -> Definition:
        resources = directory / RESOURCES
        present = [name for name in DEFINITIONS if (resources / name).is_file()]
        if len(present) > 1:
            raise _bad_file(_display(self.display_root, _rel(resources, self.root)),
                            "both definition.yaml and definition.yml: which one applies is ambiguous",
                            "keep one of them (definition.yaml)")
        if not present:
            return Definition()
        path = resources / present[0]
        file = _display(self.display_root, _rel(path, self.root))
        if path.is_symlink():
            _inside(path, self.root, file, "definition file")
        reader = FileReader(path, file, self.notes)
        document = reader.document()
        if self.documents is not None:
            self.documents[rel + "/"] = document
        try:
            kind_of(document, ("collection",), "definition")
            reader.unknown_keys(document, DEFINITION_KEYS, "definition")
            auth, _ = self.fields.auth(document.get("auth"), ("auth",), file)
            scope = "collection" if directory == self.root else "folder"
            variables = self.fields.variables(document.get("variables"), ("variables",))
            if variables and scope == "folder":
                self.notes.add(f"{file}: folder variables are not resolved (the Postman CLI ignores them too); "
                               "put them in the collection's definition")
            return Definition(
                name=_text(document.get("name"), ("name",)) or None,
                order=_order(document),
                auth=auth,
                events=self.fields.scripts(document.get("scripts"), ("scripts",), file, scope),
                variables=variables,
                description=_description(document.get("description"), ("description",)),
                id=_text(document.get("id"), ("id",)) or None,
            )
        except Wrong as wrong:
            raise reader.located(wrong) from None

    def nodes(self, directory: Path, rel: str, depth: int) -> tuple[Folder | Item, ...]:
        if depth > MAX_DEPTH:
            raise _bad_file(_display(self.display_root, rel), f"folders nested more than {MAX_DEPTH} deep",
                            "flatten the folders")
        requests, folders = self.scan(directory, rel)
        siblings: list[tuple[float, str, Folder | Item]] = []
        for found in requests:
            quick = self.stubs and quick_stub(found)
            if quick:
                item, order = quick
            else:
                item, order = read_request(found, self.root, self.display_root, self.notes, self.documents)
                if self.stubs:
                    item = Item(name=item.name, request=Request(method=item.request.method,
                                                                url=Url(raw=item.request.url.raw)),
                                responses=tuple(DocumentedResponse(r.name, r.code) for r in item.responses),
                                pointer=item.pointer, id=item.id, stub=True)
            self.count += 1
            siblings.append((order, item.name, item))
        for path in folders:
            child_rel = f"{rel}/{path.name}" if rel else path.name
            definition = self.definition(path, child_rel)
            folder = Folder(
                name=definition.name or path.name,
                items=self.nodes(path, child_rel, depth + 1),
                auth=definition.auth,
                events=definition.events,
                variables=definition.variables,
                description=definition.description,
                pointer=child_rel,
            )
            siblings.append((definition.order, folder.name, folder))
        siblings.sort(key=lambda s: (s[0], s[1]))
        return tuple(node for _, _, node in siblings)

    def scan(self, directory: Path, rel: str) -> tuple[list[RequestFile], list[Path]]:
        """Request files and folders of one directory, with the naming rules checked."""
        requests: list[tuple[str, Path]] = []
        folders: list[Path] = []
        seen: dict[str, str] = {}
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            raise _bad_file(_display(self.display_root, rel), f"cannot list the directory: {exc.strerror}",
                            "check its permissions", title="cannot read collection")
        for entry in entries:
            path = Path(entry.path)
            entry_rel = f"{rel}/{entry.name}" if rel else entry.name
            file = _display(self.display_root, entry_rel)
            if entry.name == RESOURCES or (entry.name.startswith(".") and entry.is_dir()):
                continue  # metadata, or not a folder (.git, .postman)
            if entry.is_symlink():
                _inside(path, self.root, file, "link")
            if entry.is_dir():
                self._name_rules(entry.name, entry.name, file, seen, "folder")
                folders.append(path)
            elif entry.name.endswith(REQUEST_SUFFIXES):
                stem = entry.name[: -len(".request.yaml")] if entry.name.endswith(".yaml") else entry.name[: -len(".request.yml")]
                self._name_rules(stem, entry.name, file, seen, "request")
                requests.append((stem, path))
            elif entry.name.endswith(EXAMPLE_SUFFIXES) or entry.name in DEFINITIONS:
                raise _bad_file(file, f"{entry.name} is not where Postman looks for it",
                                "examples go in .resources/<request>.resources/examples/, "
                                "definitions in .resources/definition.yaml")
            elif entry.name.endswith((".yaml", ".yml")):
                self.notes.add(f"{file}: not a v3 file type (requests end in .request.yaml); ignored")
        stems = {stem for stem, _ in requests}
        examples = self._examples_dirs(directory, rel, stems)
        found = [RequestFile(path, f"{rel}/{path.name}" if rel else path.name, stem, examples.get(stem))
                 for stem, path in requests]
        return found, folders

    def _name_rules(self, stem: str, name: str, file: str, seen: dict[str, str], what: str) -> None:
        bad = UNSAFE_NAME.search(stem)
        if bad:
            fixed = UNSAFE_NAME.sub("-", stem)
            raise _bad_file(file, f"the {what} name '{stem}' contains '{bad.group()}', which Postman does not allow "
                            "in file names", f"rename it to '{fixed}' and put the display name in `name:`")
        key = stem.casefold()
        if key in seen:
            raise _bad_file(file, f"'{name}' and '{seen[key]}' differ only in case; Postman needs names that are "
                            "unique ignoring case", "rename one of them")
        seen[key] = name

    def _examples_dirs(self, directory: Path, rel: str, stems: set[str]) -> dict[str, Path]:
        """`.resources/<stem>.resources/examples` of each request; one without its request is an error."""
        resources = directory / RESOURCES
        if not resources.is_dir():
            return {}
        if resources.is_symlink():
            _inside(resources, self.root, _display(self.display_root, _rel(resources, self.root)), "directory")
        out: dict[str, Path] = {}
        for entry in os.scandir(resources):
            if not entry.is_dir() or not entry.name.endswith(".resources"):
                continue
            if entry.is_symlink():
                _inside(Path(entry.path), self.root, _display(self.display_root, _rel(Path(entry.path), self.root)),
                        "directory")
            stem = entry.name[: -len(".resources")]
            if stem not in stems:
                files = [p for p in Path(entry.path).rglob("*") if p.name.endswith(EXAMPLE_SUFFIXES)]
                if files:
                    file = _display(self.display_root, _rel(files[0], self.root))
                    raise _bad_file(file, f"example file with no request: there is no {stem}.request.yaml "
                                    f"in {_display(self.display_root, rel) or '.'}",
                                    f"rename the directory .resources/{stem}.resources after its request file, or "
                                    "delete the examples")
                continue
            if self.stubs:  # an index needs no examples; the item reads them when it runs
                continue
            examples = Path(entry.path) / "examples"
            if examples.is_dir():
                if examples.is_symlink():
                    _inside(examples, self.root, _display(self.display_root, _rel(examples, self.root)), "directory")
                out[stem] = examples
        return out


# ---------------------------------------------------------------- roots and workspaces


def _has_requests(directory: Path) -> bool:
    for dirpath, dirnames, filenames in os.walk(directory):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        if any(name.endswith(REQUEST_SUFFIXES) for name in filenames):
            return True
    return False


def is_collection_dir(directory: Path) -> bool:
    """A v3 root as the Postman CLI sees one: a `.resources/` directory or a request file below."""
    if (directory / "collection.yaml").is_file() or (directory / "collection.yml").is_file():
        return False
    return (directory / RESOURCES).is_dir() or _has_requests(directory)


def workspace_collections(directory: Path) -> list[Path] | None:
    """`postman/collections/*` below a project folder (or below `postman/`), or None."""
    for candidate in (directory / "postman" / "collections", directory / "collections"):
        if candidate.is_dir() and (candidate.parent.name == "postman" or candidate.parent == directory / "postman"):
            return sorted(p for p in candidate.iterdir() if p.is_dir() and not p.name.startswith("."))
    if directory.name == "collections" and directory.parent.name == "postman":
        return sorted(p for p in directory.iterdir() if p.is_dir() and not p.name.startswith("."))
    return None


def collection_dirs(path: str | Path, name: str | None = None) -> list[Path]:
    """The collection directories a path names: itself, or the workspace's (all, or the one named)."""
    directory = Path(path)
    found = workspace_collections(directory)
    if found is None:
        if not is_collection_dir(directory):
            raise InputError("not a Postman collection directory: no *.request.yaml file and no .resources/",
                             file=str(path), title="invalid v3 collection",
                             hint="give a v3 collection directory (postman/collections/<Name>), a folder holding "
                                  "postman/collections/, or a v2.1 collection JSON file")
        if name and name.casefold() not in (directory.name.casefold(), _collection_name(directory).casefold()):
            raise InputError(f"--collection {name}: {path} is a single collection", file="--collection",
                             hint="leave out --collection, or give the folder holding postman/collections/",
                             title="unknown collection")
        return [directory]
    if not found:
        raise InputError("postman/collections/ holds no collection", file=str(path), title="invalid v3 collection",
                         hint="add a collection directory under postman/collections/")
    if name is None:
        return found
    chosen = [p for p in found if name.casefold() in (p.name.casefold(), _collection_name(p).casefold())]
    if not chosen:
        import difflib

        names = [p.name for p in found]
        close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
        raise InputError(f"no collection named '{name}' in {path}", file="--collection", title="unknown collection",
                         hint=("did you mean " + " or ".join(f"'{c}'" for c in close) + "?") if close
                         else "collections: " + ", ".join(names))
    return chosen


def _collection_name(directory: Path) -> str:
    for name in DEFINITIONS:
        path = directory / RESOURCES / name
        if path.is_file():
            try:
                document = parse_yaml(path.read_text(encoding="utf-8-sig"))
            except (OSError, UnicodeDecodeError, YamlProblem):
                return directory.name
            if isinstance(document, dict) and isinstance(document.get("name"), str):
                return document["name"]
    return directory.name


def load_directory(path: str | Path, *, stream: bool | None = False, collection: str | None = None) -> Collection:
    """A v3 collection directory, or every collection (or the one named) of a workspace.

    `stream=None` keeps request items as stubs from STREAM_ITEMS request files on; `True` always.
    Several collections load as one, each a top-level folder carrying its auth, scripts and
    variables; their item paths start with the collection's name.
    """
    directories = collection_dirs(path, collection)
    loaded = [_load_one(d, stream) for d in directories]
    if len(loaded) == 1:
        return loaded[0]
    return _combine(Path(path), loaded)


def _load_one(directory: Path, stream: bool | None) -> Collection:
    display = str(directory)
    stubs = stream is True or (stream is None and _count_requests(directory) >= STREAM_ITEMS)
    return DirectoryLoader(directory, display, stubs=stubs).collection()


def _count_requests(directory: Path) -> int:
    count = 0
    for dirpath, dirnames, filenames in os.walk(directory):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        count += sum(1 for name in filenames if name.endswith(REQUEST_SUFFIXES))
        if count >= STREAM_ITEMS:
            break
    return count


def _combine(path: Path, collections: list[Collection]) -> Collection:
    """One collection per top-level folder. Their variables share one collection scope: a name
    two collections give different values is ambiguous, and the error says so."""
    variables: dict[str, Param] = {}
    owners: dict[str, str] = {}
    for one in collections:
        for param in one.variables:
            other = variables.get(param.key)
            if other is not None and other.value != param.value:
                raise InputError(f"collections '{owners[param.key]}' and '{one.name}' give the variable "
                                 f"'{param.key}' different values", file=str(path), title="ambiguous variables",
                                 hint="run one collection at a time with --collection NAME")
            variables[param.key] = param
            owners.setdefault(param.key, one.name)
    folders = tuple(
        Folder(name=one.name, items=_repoint(one.items, one.source), auth=one.auth, events=one.events,
               description=one.description, pointer=str(one.source))
        for one in collections
    )
    return Collection(name=path.resolve().name, items=folders, variables=tuple(variables.values()), source=path,
                      schema_version="3.0.0", notes=tuple(n for one in collections for n in one.notes),
                      roots=tuple((one.name, one.source) for one in collections if one.source is not None))


def _repoint(nodes: tuple[Folder | Item, ...], root: Path | None) -> tuple[Folder | Item, ...]:
    """Pointers relative to the workspace: each stub must find its own collection's file."""
    out: list[Folder | Item] = []
    for node in nodes:
        pointer = f"{root}/{node.pointer}" if root is not None else node.pointer
        if isinstance(node, Folder):
            out.append(replace(node, items=_repoint(node.items, root), pointer=pointer))
        else:
            out.append(replace(node, pointer=pointer))
    return tuple(out)


class V3Hydrator:
    """Reads a stub item's request file again when it runs (one file, its examples)."""

    def __init__(self, collection: Collection) -> None:
        self.collection = collection
        self.notes = Notes()

    def item(self, stub: Item) -> Item:
        root, rel = self._root_of(stub.pointer)
        path = root / rel
        stem = path.name.rsplit(".", 2)[0]
        examples = path.parent / RESOURCES / f"{stem}.resources" / "examples"
        found = RequestFile(path, rel, stem, examples if examples.is_dir() else None)
        if not path.is_file():
            raise InputError("the request file went away during the run", file=str(path), title="collection changed",
                             hint="run again")
        item, _ = read_request(found, root, str(root), self.notes)
        return replace(item, name=stub.name, pointer=stub.pointer)

    def _root_of(self, pointer: str) -> tuple[Path, str]:
        return _root_of(self.collection, pointer)


def _root_of(collection: Collection, pointer: str) -> tuple[Path, str]:
    """The collection directory of an item pointer, and the file's path below it."""
    for _, root in collection.roots:
        prefix = f"{root}/"
        if pointer.startswith(prefix):
            return root, pointer[len(prefix):]
    assert collection.source is not None
    return collection.source, pointer


# ---------------------------------------------------------------- environments and globals


V3_ENVIRONMENT_SUFFIXES = (".environment.yaml", ".environment.yml", ".globals.yaml", ".globals.yml")


def is_v3_environment(path: str | Path) -> bool:
    return str(path).endswith(V3_ENVIRONMENT_SUFFIXES)


def load_v3_environment(path: str | Path, *, what: str = "environment") -> Environment:
    """`postman/environments/<Name>.environment.yaml` or a globals file: `name` and `values`.

    `type: secret` and `secret: true` are masked; a value linked to a vault (`source`) with no
    local value is left out, so an item that uses it is an error naming `--env-var`.
    """
    source = Path(path)
    file = str(path)
    if not source.is_file():
        raise not_found(file, what)
    notes = Notes()
    reader = FileReader(source, file, notes)
    document = reader.document()
    try:
        values: list[Param] = []
        disabled: list[Param] = []
        for row in key_list(document.get("values"), ("values",), values=SCALARS):
            entry = row.entry or {}
            base = row.pointer[:-1]
            secret = _want(entry.get("secret", False), base + ("secret",), bool, type(None))
            kind = _text(entry.get("type"), base + ("type",)) or None
            if "source" in entry and entry.get("value") is None:
                _want(entry["source"], base + ("source",), dict)
                continue
            param = Param(key=row.key.strip(), value=text_of(row.value), description=row.description,
                          type="secret" if secret or kind == "secret" else kind)
            (disabled if row.disabled else values).append(param)
        name = _text(document.get("name"), ("name",)) or source.name.split(".")[0]
    except Wrong as wrong:
        raise reader.located(wrong) from None
    return Environment(name=name, values=tuple(values), source=source, disabled=tuple(disabled))


__all__ = ["load_directory", "collection_dirs", "is_collection_dir", "load_v3_environment", "is_v3_environment",
           "V3Hydrator", "parse_yaml", "text_of", "ORDER_NOTE"]
