"""Postman files (JSON or YAML) → model objects; every problem becomes one located InputError."""

from __future__ import annotations

import contextlib
import gc
import json
import re
from pathlib import Path
from typing import Any, Iterator

from .errors import InputError, json_type, not_found, pointer_join
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
    as_text,
)

MAX_NODES = 2_000_000  # expanded size bound: defeats YAML alias bombs
MAX_FOLDER_DEPTH = 200
MAX_FILE_BYTES = 512 * 1024 * 1024


# ---------------------------------------------------------------- documents


def read_document(path: str | Path, *, what: str = "file") -> Any:
    """Parse a JSON or YAML file; syntax, encoding and size problems are located InputErrors."""
    file = str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise not_found(file, what) from None
    except IsADirectoryError:
        raise InputError(f"{what} is a directory", file=file, hint="give a file", title=f"cannot read {what}")
    except OSError as exc:
        raise InputError(f"{what} cannot be read: {exc.strerror}", file=file, title=f"cannot read {what}")
    return parse_document(data, file=file, what=what)


def parse_document(data: bytes, *, file: str = "<input>", what: str = "file") -> Any:
    text = decode_text(data, file=file, what=what)
    stripped = text.lstrip()
    if not stripped:
        raise InputError(f"{what} is empty", file=file, hint=f"export the {what} again", title=f"empty {what}")
    if stripped[0] in "{[" or file.endswith(".json"):
        return _parse_json(text, file, what)  # JSON has no aliases: its size is the file's
    document = _parse_yaml(text, file, what)
    _check_size(document, file)
    return document


# Byte order marks, longest first: UTF-32's LE mark begins with UTF-16's.
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def text_encoding(data: bytes) -> tuple[str, int]:
    """(codec, BOM length) of a Postman file. Postman and Newman read UTF-8 with or without a BOM
    and UTF-16 (Windows tools save environments as UTF-16 LE with a BOM); a file without a BOM
    whose first character is ASCII, as JSON, CSV and YAML files' are, shows UTF-16 by its zero bytes."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    if len(data) >= 2 and data[0] and not data[1]:
        return "utf-16-le", 0
    if len(data) >= 2 and not data[0] and data[1]:
        return "utf-16-be", 0
    return "utf-8", 0


def decode_text(data: bytes, *, file: str = "<input>", what: str = "file") -> str:
    """The file's text, its BOM removed; bytes that are not valid in its encoding are a located error."""
    codec, skip = text_encoding(data)
    try:
        return data[skip:].decode(codec)
    except UnicodeDecodeError as exc:
        if codec != "utf-8":
            raise InputError(
                f"invalid {codec.upper()} at byte {exc.start + skip}: {exc.reason}",
                file=file,
                hint=f"save the {what} as UTF-8",
                title=f"unreadable {what}",
            )
        line, column = _line_column(data[skip : skip + exc.start].decode("utf-8", "replace"), exc.start)
        raise InputError(
            f"invalid UTF-8 byte 0x{data[skip + exc.start]:02x}",
            file=file,
            line=line,
            column=column,
            hint=f"save the {what} as UTF-8",
            title=f"unreadable {what}",
        )


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n") + 1
    return line, len(text) - (text.rfind("\n") + 1) + 1


def _parse_json(text: str, file: str, what: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not valid JSON: {exc.msg}",
            file=file,
            line=exc.lineno,
            column=exc.colno,
            hint=f"fix the syntax or export the {what} again",
            title=f"invalid {what}",
        )
    except RecursionError:
        raise InputError(
            "JSON nested too deeply",
            file=file,
            hint="a Postman file is never nested this deep; check the file",
            title=f"invalid {what}",
        )


def _parse_yaml(text: str, file: str, what: str) -> Any:
    import yaml  # lazy: most files are JSON

    try:
        return yaml.load(text, Loader=_safe_loader())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        raise InputError(
            f"not valid YAML: {problem}",
            file=file,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
            hint=f"fix the syntax (tags like !!python are not allowed) or export the {what} as JSON",
            title=f"invalid {what}",
        )
    except yaml.YAMLError as exc:
        raise InputError(f"not valid YAML: {exc}", file=file, title=f"invalid {what}")
    except RecursionError:
        raise InputError("YAML nested too deeply", file=file, title=f"invalid {what}")


_LOADER: Any = None


def _safe_loader() -> Any:
    """A SafeLoader whose timestamps stay strings (Postman values are text)."""
    global _LOADER
    if _LOADER is None:
        import yaml

        class Loader(yaml.SafeLoader):
            pass

        Loader.add_constructor(
            "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)  # type: ignore[arg-type]
        )
        Loader.add_constructor("tag:yaml.org,2002:int", _yaml_number(int))
        Loader.add_constructor("tag:yaml.org,2002:float", _yaml_number(float))
        Loader.add_constructor("tag:yaml.org,2002:bool", _yaml_bool)
        _LOADER = Loader
    return _LOADER


_PLAIN_INT = re.compile(r"-?(0|[1-9][0-9]*)")


def _yaml_number(kind: type) -> Any:
    """YAML 1.1 reads 01234 as octal 668, 1_000 as 1000 and 2.10 as 2.1; Postman values are text, so
    only a number written plainly becomes one (a status code), anything else keeps its text."""

    def construct(loader: Any, node: Any) -> Any:
        text = loader.construct_scalar(node)
        if kind is int and _PLAIN_INT.fullmatch(text):
            return int(text)
        if kind is float:
            try:
                value = float(text)
            except ValueError:
                return text
            return value if repr(value) == text else text
        return text

    return construct


def _yaml_bool(loader: Any, node: Any) -> Any:
    """Only true/false are booleans; YAML 1.1's yes/no/on/off stay the words they are."""
    text = loader.construct_scalar(node)
    return {"true": True, "false": False}.get(text.lower(), text)


def _check_size(document: Any, file: str) -> None:
    """Count nodes as if aliases were expanded (memoised per object), bounded."""
    sizes: dict[int, int] = {}
    stack: list[tuple[Any, bool]] = [(document, False)]
    while stack:
        node, done = stack.pop()
        if not isinstance(node, (dict, list)) or id(node) in sizes and not done:
            continue
        children = list(node.values()) if isinstance(node, dict) else node
        if done:
            total = 1 + sum(sizes.get(id(c), 1) for c in children)
            if total > MAX_NODES:
                raise InputError(
                    f"document expands to more than {MAX_NODES:,} values (YAML aliases?)",
                    file=file,
                    hint="remove repeated aliases; Postman files do not need them",
                    title="file too large",
                )
            sizes[id(node)] = total
            continue
        if len(stack) > MAX_NODES:
            raise InputError("document too large", file=file, title="file too large")
        stack.append((node, True))
        stack.extend((c, False) for c in children if isinstance(c, (dict, list)))


# ---------------------------------------------------------------- validation


def _validate(document: Any, schema: dict, file: str, what: str, *, prefix: str = "", drop: int = 0) -> None:
    """`prefix`: the pointer of `document` in the file; `drop`: leading path parts the file does not have."""
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match

    validator = _validator(schema, Draft202012Validator)
    error = best_match(validator.iter_errors(document))
    if error is None:
        return
    pointer = prefix + pointer_join(*list(error.absolute_path)[drop:])
    raise InputError(
        _schema_sentence(error),
        file=file,
        pointer=pointer or "",
        hint=f"fix the value at {pointer or 'the top level'} or export the {what} again from Postman",
        title=f"invalid {what}",
    )


_VALIDATORS: dict[int, Any] = {}


def _validator(schema: dict, cls: Any) -> Any:
    if id(schema) not in _VALIDATORS:
        _VALIDATORS[id(schema)] = cls(schema)
    return _VALIDATORS[id(schema)]


def _schema_sentence(error: Any) -> str:
    instance = error.instance
    shown = json.dumps(instance)[:60] if not isinstance(instance, (dict, list)) else ""
    if error.validator == "type":
        expected = error.validator_value
        expected = " or ".join(expected) if isinstance(expected, list) else expected
        return f"expected {expected}, got {json_type(instance)} {shown}".rstrip()
    if error.validator == "required":
        return error.message.replace("is a required property", "is required")
    if error.validator == "anyOf" and isinstance(instance, dict):
        return "an entry of 'item' must have either 'item' (a folder) or 'request' (a request)"
    if error.validator == "anyOf":
        types = [t for sub in error.validator_value for t in _types(sub)]
        if types:
            return f"expected {' or '.join(dict.fromkeys(types))}, got {json_type(instance)} {shown}".rstrip()
    return error.message[:200]


def _types(schema: Any) -> list[str]:
    kind = schema.get("type") if isinstance(schema, dict) else None
    return list(kind) if isinstance(kind, list) else [kind] if isinstance(kind, str) else []


# ---------------------------------------------------------------- collections


def load_collection(
    path: str | Path, *, full_schema: bool = False, stream: bool | None = False, collection: str | None = None
) -> Collection:
    """Read a Postman collection v2.0/v2.1 or v1 (JSON or YAML, plain or `{"collection": ...}`), or a v3
    collection directory (or the `postman/collections/*` of a project; `collection` names one).

    `stream=None` streams large JSON files: items come back as stubs that the runner reads from
    the file when they run (see engine.stream); `True` streams whenever ijson can.
    """
    file = str(path)
    if Path(path).is_dir():
        from .load_v3 import load_directory

        with _paused_gc():
            return load_directory(path, stream=stream, collection=collection)
    if stream is not False and not full_schema:
        from . import stream as streaming

        if (stream is True or streaming.worth_streaming(path)) and streaming.can_stream(path):
            try:
                return streaming.index_collection(path)
            except (InputError, RecursionError, ValueError):
                pass  # broken input: the whole load below reports it exactly as it always does
    with _paused_gc():
        document = read_document(path, what="collection")
        loaded = build_collection(document, file=file, source=Path(path), full_schema=full_schema)
        del document
        gc.freeze()  # the model lives as long as the run: later collections need not scan it
    return loaded


@contextlib.contextmanager
def _paused_gc() -> Iterator[None]:
    """Loading makes only acyclic containers: the cycle collector would scan them again and again
    (a third of the time on 10,000 items) for nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build_collection(
    document: Any, *, file: str = "<input>", source: Path | None = None, full_schema: bool = False
) -> Collection:
    """Model from a parsed document.

    The reader checks the type of every field it reads, as COLLECTION_SCHEMA describes, and
    cites the JSON pointer of the first wrong one: one pass, fast enough for 10,000 items.
    `full_schema` also runs jsonschema over the whole document (the `validate` command).
    """
    base = ""
    if isinstance(document, dict) and isinstance(document.get("collection"), dict) and "item" not in document:
        document, base = document["collection"], "/collection"
    from .load_v1 import build_v1, is_v1

    if is_v1(document):
        try:
            return build_v1(document, Reader(file), base, source)
        except WrongShape as shape:
            raise shape.located(file) from None
        except RecursionError:
            raise InputError("collection nested too deeply", file=file, pointer=base, title="invalid collection")
    if not isinstance(document, dict) or "item" not in document:
        hint = "export the collection from Postman as Collection v2.1"
        if isinstance(document, dict) and "values" in document:
            hint = "this looks like an environment file; pass it with -e"
        raise InputError(
            "not a Postman collection: no 'item' list at the top level",
            file=file,
            pointer=base,
            hint=hint,
            title="invalid collection",
        )
    if full_schema:
        try:
            _validate(document, _collection_schema(), file, "collection")
        except RecursionError:
            raise InputError("collection nested too deeply", file=file, pointer=base, title="invalid collection")
    reader = Reader(file)
    try:
        return reader.collection(document, base, source)
    except WrongShape as shape:
        raise shape.located(file) from None
    except RecursionError:
        raise InputError("collection nested too deeply", file=file, pointer=base, title="invalid collection")


def _collection_schema() -> dict:
    from .schema import COLLECTION_SCHEMA

    return COLLECTION_SCHEMA


class WrongShape(Exception):
    """A field of the wrong type, found while reading; becomes a located InputError."""

    def __init__(self, pointer: str, message: str) -> None:
        super().__init__(message)
        self.pointer = pointer
        self.message = message

    def located(self, file: str) -> InputError:
        return InputError(
            self.message,
            file=file,
            pointer=self.pointer,
            hint=f"fix the value at {self.pointer or 'the top level'} or export the collection again from Postman",
            title="invalid collection",
        )


_NAMES = {dict: "object", list: "array", str: "string", int: "number", float: "number", bool: "boolean",
          type(None): "null"}


def _want(value: Any, pointer: str, *kinds: type) -> Any:
    """`value` if its JSON type is one of `kinds`, else a WrongShape naming what was expected."""
    if type(value) in kinds or (float in kinds and type(value) is int):
        return value
    expected = " or ".join(dict.fromkeys(_NAMES[k] for k in kinds))
    shown = "" if isinstance(value, (dict, list, type(None))) else " " + json.dumps(value, default=str)[:60]
    raise WrongShape(pointer, f"expected {expected}, got {json_type(value)}{shown}")


TEXT = (str, int, float, type(None))
SCALAR = (str, int, float, bool, type(None))
OBJECT_OR_NULL = (dict, type(None))
LIST_OR_NULL = (list, type(None))


def _field(node: dict, key: str, pointer: str, kinds: tuple[type, ...]) -> Any:
    value = node.get(key)
    if type(value) in kinds:  # the common case builds no pointer string
        return value
    return _want(value, f"{pointer}/{key}", *kinds)


class Reader:
    """Normalises Postman's variants once; later stages never see them."""

    def __init__(self, file: str) -> None:
        self.file = file

    def collection(self, document: dict, base: str, source: Path | None) -> Collection:
        info = _field(document, "info", base, OBJECT_OR_NULL) or {}
        schema_url = as_text(_field(info, "schema", base + "/info", TEXT))
        return Collection(
            name=as_text(_field(info, "name", base + "/info", TEXT)) or (source.stem if source else "collection"),
            items=self.nodes(_field(document, "item", base, (list, dict)), base + "/item", 0),
            description=_description(info.get("description"), base + "/info/description"),
            **self.container(document, base),
            source=source,
            schema_version="2.0.0" if "v2.0" in schema_url else "2.1.0",
        )

    def container(self, node: dict, pointer: str) -> dict[str, Any]:
        """What a collection and a folder both carry down to their items."""
        return {
            "auth": self.auth(node.get("auth"), pointer + "/auth"),
            "events": self.events(node.get("event"), pointer + "/event"),
            "variables": _params(node.get("variable"), pointer + "/variable", variables=True),
            "behavior": _behavior(node.get("protocolProfileBehavior"), pointer + "/protocolProfileBehavior"),
        }

    def nodes(self, raw: list | dict, pointer: str, depth: int) -> tuple[Folder | Item, ...]:
        """`item` is a list; postman-collection also takes a single item or folder object."""
        if depth > MAX_FOLDER_DEPTH:
            raise WrongShape(pointer, f"folders nested more than {MAX_FOLDER_DEPTH} deep")
        out: list[Folder | Item] = []
        entries = [(pointer, raw)] if isinstance(raw, dict) else [(f"{pointer}/{i}", n) for i, n in enumerate(raw)]
        for here, node in entries:
            _want(node, here, dict)
            if "item" in node and "request" not in node:
                out.append(self.folder(node, here, depth))
            elif "request" in node:
                out.append(self.item(node, here))
            else:
                raise WrongShape(here, "an entry of 'item' must have either 'item' (a folder) or 'request' (a request)")
        return tuple(out)

    def folder(self, node: dict, pointer: str, depth: int) -> Folder:
        return Folder(
            name=as_text(_field(node, "name", pointer, TEXT)) or "(unnamed folder)",
            items=self.nodes(_field(node, "item", pointer, (list, dict)), pointer + "/item", depth + 1),
            description=_description(node.get("description"), pointer + "/description"),
            **self.container(node, pointer),
            pointer=pointer,
        )

    def item(self, node: dict, pointer: str) -> Item:
        responses = _field(node, "response", pointer, (list, dict, type(None))) or []
        pointers = [f"{pointer}/response/{i}" for i in range(len(responses))]
        if isinstance(responses, dict):  # one saved example, not in a list: postman-collection takes it
            responses, pointers = [responses], [pointer + "/response"]
        return Item(
            name=as_text(_field(node, "name", pointer, TEXT)) or "(unnamed request)",
            request=self.request(node.get("request"), pointer + "/request"),
            responses=tuple(self.response(r, here) for r, here in zip(responses, pointers)),
            events=self.events(node.get("event"), pointer + "/event"),
            behavior=_behavior(node.get("protocolProfileBehavior"), pointer + "/protocolProfileBehavior"),
            pointer=pointer,
            id=as_text(_field(node, "id", pointer, TEXT)) or None,
        )

    def request(self, raw: Any, pointer: str) -> Request:
        _want(raw, pointer, str, dict, type(None))
        if not isinstance(raw, dict):
            return Request(method="GET", url=Url(raw=(raw or "").strip(URL_SPACE)))
        method = (as_text(_field(raw, "method", pointer, TEXT)) or "GET").strip().upper()
        return Request(
            method=method,
            url=_url(raw.get("url"), pointer + "/url"),
            headers=_headers(raw.get("header"), pointer + "/header"),
            body=self.body(raw.get("body"), pointer + "/body"),
            auth=self.auth(raw.get("auth"), pointer + "/auth"),
            description=_description(raw.get("description"), pointer + "/description"),
        )

    def body(self, raw: Any, pointer: str) -> Body | None:
        if not _want(raw, pointer, dict, type(None)) or raw.get("disabled") is True:
            return None
        mode = _field(raw, "mode", pointer, (str, type(None)))
        options = _field(raw, "options", pointer, OBJECT_OR_NULL) or {}
        language = None
        if mode == "raw" and isinstance(options.get("raw"), dict):
            language = as_text(_field(options["raw"], "language", pointer + "/options/raw", TEXT)) or None
        graphql = _field(raw, "graphql", pointer, OBJECT_OR_NULL) or {}
        variables = _field(graphql, "variables", pointer + "/graphql", (str, dict, type(None)))
        if isinstance(variables, dict):  # as JSON.stringify writes it, which is what Newman sends
            variables = json.dumps(variables, separators=(",", ":"), ensure_ascii=False)
        file = _field(raw, "file", pointer, OBJECT_OR_NULL) or {}
        return Body(
            mode=mode,
            raw=as_text(_field(raw, "raw", pointer, TEXT)),
            language=language,
            params=_params(raw.get(mode), f"{pointer}/{mode}", form=True) if mode in ("urlencoded", "formdata") else (),
            file_src=as_text(_field(file, "src", pointer + "/file", TEXT)) or None,
            graphql_query=as_text(_field(graphql, "query", pointer + "/graphql", TEXT)),
            graphql_variables=as_text(variables),
        )

    def auth(self, raw: Any, pointer: str) -> Auth | None:
        if _want(raw, pointer, dict, type(None)) is None:
            return None
        kind = as_text(_field(raw, "type", pointer, (str, type(None)))).strip().lower()
        if not kind:
            raise WrongShape(pointer + "/type", "auth block has no 'type' (noauth, bearer, basic, apikey, oauth2, digest)")
        block = _field(raw, kind, pointer, (list, dict, type(None))) if kind in raw else None
        params: list[tuple[str, object]] = []
        if isinstance(block, list):  # v2.1: [{key, value, type}]
            for index, entry in enumerate(block):
                _want(entry, f"{pointer}/{kind}/{index}", dict)
                params.append((as_text(_field(entry, "key", f"{pointer}/{kind}/{index}", TEXT)), entry.get("value")))
        elif isinstance(block, dict):  # v2.0: {key: value}
            params = [(str(k), v) for k, v in block.items()]
        return Auth(type=kind, params=tuple(params))

    def events(self, raw: Any, pointer: str) -> tuple[Script, ...]:
        """`event` as a list or a single object (postman-collection takes both); `script` as an
        object, or directly its `exec`; `exec` as a list of lines or one string."""
        if isinstance(raw, dict):
            events, single = [raw], True
        else:
            events, single = _want(raw, pointer, list, type(None)) or [], False
        out = []
        for index, event in enumerate(events):
            here = pointer if single else f"{pointer}/{index}"
            _want(event, here, dict)
            if event.get("disabled") is True:
                continue
            script = _field(event, "script", here, (dict, str, list, type(None))) or {}
            if not isinstance(script, dict):
                script, where = {"exec": script}, here + "/script"
            else:
                where = here + "/script/exec"
            exec_ = _field(script, "exec", here + "/script", (str, list, type(None)))
            if isinstance(exec_, list):
                lines = [as_text(_want(line, f"{where}/{n}", str, int, float, type(None))) for n, line in enumerate(exec_)]
                source = "\n".join(lines)
            else:
                source = exec_ or ""
            listen = _field(event, "listen", here, (str, type(None)))
            if source.strip() and listen:  # an event that listens to nothing never runs, in Postman either
                out.append(Script(listen=listen, source=source, pointer=here))
        return tuple(out)

    def response(self, raw: Any, pointer: str) -> DocumentedResponse:
        _want(raw, pointer, dict)
        code = _field(raw, "code", pointer, (int, str, type(None)))
        if isinstance(code, str):
            code = int(code) if code.strip().isdigit() else None
        body = _field(raw, "body", pointer, TEXT)
        return DocumentedResponse(
            name=as_text(_field(raw, "name", pointer, TEXT)),
            code=code,
            status=as_text(_field(raw, "status", pointer, TEXT)),
            headers=tuple((p.key, p.value or "") for p in _headers(raw.get("header"), pointer + "/header")),
            body=None if body is None else as_text(body),
            pointer=pointer,
        )


# ---------------------------------------------------------------- small normalisers


def _description(value: Any, pointer: str) -> str:
    if type(value) is str:
        return value
    _want(value, pointer, str, int, float, dict, type(None))
    if isinstance(value, dict):
        return as_text(_field(value, "content", pointer, TEXT))
    return as_text(value)


def _behavior(value: Any, pointer: str) -> tuple[tuple[str, object], ...]:
    return tuple((str(k), v) for k, v in (_want(value, pointer, dict, type(None)) or {}).items())


def _params(raw: Any, pointer: str, *, variables: bool = False, form: bool = False) -> tuple[Param, ...]:
    out = []
    plain = not variables and not form
    for index, entry in enumerate(raw if type(raw) is list else _want(raw, pointer, list, type(None)) or []):
        if plain and type(entry) is dict:  # headers and query rows of text: no pointer built, no checks repeated
            get = entry.get
            key, value, disabled = get("key"), get("value"), get("disabled")
            note, kind, ctype = get("description"), get("type"), get("contentType")
            if (type(key) is str and (value is None or type(value) is str) and (disabled is None or disabled is False)
                    and (note is None or type(note) is str) and (kind is None or type(kind) is str)
                    and (ctype is None or type(ctype) is str)):
                if get("enabled") is not False:
                    out.append(Param(key=key, value=value, description=note or "", type=kind or None, src=(),
                                     content_type=ctype or None))
                continue
        here = f"{pointer}/{index}"
        _want(entry, here, dict)
        if _field(entry, "disabled", here, (bool, type(None))) is True or entry.get("enabled") is False:
            continue
        key = _field(entry, "key", here, TEXT)
        if key is None and variables:
            key = _field(entry, "id", here, TEXT)
            if key is None:
                continue
        value = _field(entry, "value", here, SCALAR) if not variables else entry.get("value")
        src = _field(entry, "src", here, (str, list, type(None))) if form else None
        if isinstance(src, list):
            srcs = tuple(as_text(_want(s, f"{here}/src/{n}", str)) for n, s in enumerate(src))
        else:
            srcs = (src,) if src else ()
        out.append(
            Param(
                key=as_text(key),
                value=None if value is None else as_text(value),
                description=_description(entry.get("description"), here + "/description"),
                type=as_text(_field(entry, "type", here, TEXT)) or None,
                src=srcs,
                content_type=as_text(_field(entry, "contentType", here, TEXT)) or None,
            )
        )
    return tuple(out)


def _header_row(line: str) -> dict:
    name, _, value = line.partition(":")
    return {"key": name.strip(), "value": value.strip()}


def _headers(raw: Any, pointer: str) -> tuple[Param, ...]:
    """A list of rows; as postman-collection also takes: one text of `Name: value` lines (v2.0),
    rows written as `Name: value` text, or a `{"Name": "value"}` mapping."""
    if isinstance(raw, str):
        raw = [_header_row(line) for line in raw.splitlines() if ":" in line]
    elif isinstance(raw, dict):
        raw = [raw] if "key" in raw else [{"key": k, "value": v} for k, v in raw.items()]
    elif isinstance(raw, list):
        raw = [_header_row(row) if isinstance(row, str) else row for row in raw]
    return tuple(p for p in _params(raw, pointer) if p.key.strip())


def _query_row(text: str) -> dict:
    key, eq, value = text.partition("=")
    return {"key": key, "value": value if eq else None}


def _query_rows(raw: Any) -> Any:
    """Rows; postman-collection also takes the query as one `a=1&b` text, or rows written as text."""
    if isinstance(raw, str):
        return [_query_row(pair) for pair in raw.lstrip("?").split("&") if pair]
    if isinstance(raw, list):
        return [_query_row(row) if isinstance(row, str) else row for row in raw]
    return raw


def _segments(value: Any, sep: str, pointer: str) -> tuple[str, ...] | None:
    if _want(value, pointer, str, list, type(None)) is None:
        return None
    if isinstance(value, str):
        return tuple(value.split(sep)) if value else ()
    out = []
    for index, part in enumerate(value):
        _want(part, f"{pointer}/{index}", str, int, float, dict, type(None))
        out.append(as_text(_field(part, "value", f"{pointer}/{index}", TEXT) if isinstance(part, dict) else part))
    return tuple(out)


URL_SPACE = " \t\r\n\f\v"  # ASCII white space only: Newman keeps a trailing U+00A0 (and encodes it)


def _url(raw: Any, pointer: str) -> Url:
    _want(raw, pointer, str, dict, type(None))
    if not isinstance(raw, dict):
        return Url(raw=(raw or "").strip(URL_SPACE))
    host = _segments(raw.get("host"), ".", pointer + "/host")
    path = _segments(raw.get("path"), "/", pointer + "/path")
    if isinstance(raw.get("path"), str) and path and path[0] == "":
        path = path[1:]
    return Url(
        raw=as_text(_field(raw, "raw", pointer, TEXT)).strip(URL_SPACE),
        protocol=as_text(_field(raw, "protocol", pointer, TEXT)) or None,
        host=host if host else None,
        port=as_text(_field(raw, "port", pointer, TEXT)) or None,
        path=path,
        query=_params(_query_rows(raw.get("query")), pointer + "/query"),
        variables=_params(raw.get("variable"), pointer + "/variable", variables=True),
        hash=as_text(_field(raw, "hash", pointer, TEXT)) or None,
    )


# ---------------------------------------------------------------- environments


def load_environment(path: str | Path, *, what: str = "environment") -> Environment:
    """An environment or globals file in any form Newman or the Postman CLI reads (see build_environment)."""
    file = str(path)
    from .load_v3 import is_v3_environment

    if is_v3_environment(path):
        from .load_v3 import load_v3_environment

        return load_v3_environment(path, what=what)
    document = read_document(path, what=what)
    return build_environment(document, file=file, source=Path(path), what=what)


_WRAPPERS = ("environment", "globals")


def build_environment(
    document: Any, *, file: str = "<input>", source: Path | None = None, what: str = "environment"
) -> Environment:
    """Every shape of variables file:

    - a Postman export, `{"name": …, "values": [{"key", "value", "type", "enabled"}]}`;
    - the Postman API's `{"environment": {…}}` or `{"globals": {…}}` around such an export;
    - the old export, a bare array of `{key, value}` rows;
    - a flat mapping, `{"name": "value", …}` (JSON or YAML).

    `enabled: false` and `disabled: true` entries are kept apart (`disabled`); those turned off only
    by `enabled: false`, which Newman ignores, also stay in `newman_values` for `--compat newman`."""
    name = source.stem if source else what
    base = ""
    if isinstance(document, dict) and len(document) == 1:
        (key, inner), = document.items()
        if key in _WRAPPERS and isinstance(inner, (dict, list)):
            document, base = inner, pointer_join(key)
    if isinstance(document, list):
        _validate({"values": document}, _environment_schema(), file, what, prefix=base, drop=1)
        return _export(document, name, source)
    if isinstance(document, dict) and isinstance(document.get("values"), list):
        _validate(document, _environment_schema(), file, what, prefix=base)
        return _export(document["values"], as_text(document.get("name")) or name, source)
    if not isinstance(document, dict):
        raise InputError(
            f"expected an object of variables, got {json_type(document)}",
            file=file,
            pointer=base,
            hint='write {"name": "value", ...} or export the environment from Postman',
            title=f"invalid {what}",
        )
    values = []
    for key, value in document.items():
        if isinstance(value, (dict, list)):
            raise InputError(
                f"variable '{key}' is {json_type(value)}; variables hold text",
                file=file,
                pointer=base + pointer_join(key),
                hint="give a string, number or boolean",
                title=f"invalid {what}",
            )
        values.append(Param(key=str(key).strip(), value=as_text(value)))
    return Environment(name=name, values=tuple(values), source=source)


def _export(entries: list, name: str, source: Path | None) -> Environment:
    values: list[Param] = []
    disabled: list[Param] = []
    newman: list[Param] = []
    for entry in entries:
        param = Param(
            key=as_text(entry.get("key")).strip(),
            value=as_text(entry.get("value")),
            type=as_text(entry.get("type")) or None,
        )
        off = entry.get("disabled") is True
        (disabled if off or entry.get("enabled") is False else values).append(param)
        if not off:
            newman.append(param)
    return Environment(name=name, values=tuple(values), source=source, disabled=tuple(disabled),
                       newman_values=None if len(newman) == len(values) else tuple(newman))


def _environment_schema() -> dict:
    from .schema import ENVIRONMENT_SCHEMA

    return ENVIRONMENT_SCHEMA


__all__ = ["load_collection", "load_environment", "read_document", "parse_document", "build_collection"]
