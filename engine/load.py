"""Postman files (JSON or YAML) → model objects; every problem becomes one located InputError."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .errors import InputError, pointer_join
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
        raise InputError(f"{what} not found", file=file, hint="check the path", title=f"cannot read {what}")
    except IsADirectoryError:
        raise InputError(f"{what} is a directory", file=file, hint="give a file", title=f"cannot read {what}")
    except OSError as exc:
        raise InputError(f"{what} cannot be read: {exc.strerror}", file=file, title=f"cannot read {what}")
    return parse_document(data, file=file, what=what)


def parse_document(data: bytes, *, file: str = "<input>", what: str = "file") -> Any:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _line_column(data[: exc.start].decode("utf-8", "replace"), exc.start)
        raise InputError(
            f"invalid UTF-8 byte 0x{data[exc.start]:02x}",
            file=file,
            line=line,
            column=column,
            hint=f"save the {what} as UTF-8",
            title=f"unreadable {what}",
        )
    stripped = text.lstrip()
    if not stripped:
        raise InputError(f"{what} is empty", file=file, hint=f"export the {what} again", title=f"empty {what}")
    if stripped[0] in "{[" or file.endswith(".json"):
        document = _parse_json(text, file, what)
    else:
        document = _parse_yaml(text, file, what)
    _check_size(document, file)
    return document


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
            "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
        )
        _LOADER = Loader
    return _LOADER


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


def _validate(document: Any, schema: dict, file: str, what: str) -> None:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match

    validator = _validator(schema, Draft202012Validator)
    error = best_match(validator.iter_errors(document))
    if error is None:
        return
    pointer = pointer_join(*error.absolute_path)
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
        return f"expected {expected}, got {_json_type(instance)} {shown}".rstrip()
    if error.validator == "required":
        return error.message.replace("is a required property", "is required")
    if error.validator == "anyOf" and isinstance(instance, dict):
        return "an entry of 'item' must have either 'item' (a folder) or 'request' (a request)"
    if error.validator == "anyOf":
        types = [t for sub in error.validator_value for t in _types(sub)]
        if types:
            return f"expected {' or '.join(dict.fromkeys(types))}, got {_json_type(instance)} {shown}".rstrip()
    return error.message[:200]


def _types(schema: Any) -> list[str]:
    kind = schema.get("type") if isinstance(schema, dict) else None
    return list(kind) if isinstance(kind, list) else [kind] if isinstance(kind, str) else []


def _json_type(value: Any) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}.get(
        type(value), "number"
    )


# ---------------------------------------------------------------- collections


def load_collection(path: str | Path) -> Collection:
    """Read a Postman collection v2.0/v2.1 (JSON or YAML, plain or `{"collection": ...}`)."""
    file = str(path)
    document = read_document(path, what="collection")
    return build_collection(document, file=file, source=Path(path))


def build_collection(document: Any, *, file: str = "<input>", source: Path | None = None) -> Collection:
    base = ""
    if isinstance(document, dict) and isinstance(document.get("collection"), dict) and "item" not in document:
        document, base = document["collection"], "/collection"
    if not isinstance(document, dict) or "item" not in document:
        hint = "export the collection from Postman as Collection v2.1"
        if isinstance(document, dict) and ("values" in document or "requests" in document):
            hint = (
                "this looks like an environment file; pass it with -e"
                if "values" in document
                else "this is a Collection v1 export; export it again as v2.1"
            )
        raise InputError(
            "not a Postman collection: no 'item' list at the top level",
            file=file,
            pointer=base,
            hint=hint,
            title="invalid collection",
        )
    try:
        _validate(document, _collection_schema(), file, "collection")
    except RecursionError:
        raise InputError("collection nested too deeply", file=file, title="invalid collection")
    reader = _Reader(file)
    info = document.get("info") or {}
    schema_url = str(info.get("schema") or "")
    return Collection(
        name=_text(info.get("name")) or (source.stem if source else "collection"),
        items=reader.nodes(document["item"], base + "/item", 0),
        auth=reader.auth(document.get("auth"), base + "/auth"),
        events=reader.events(document.get("event"), base + "/event"),
        variables=reader.variables(document.get("variable")),
        behavior=_behavior(document.get("protocolProfileBehavior")),
        description=_description(info.get("description")),
        source=source,
        schema_version="2.0.0" if "v2.0" in schema_url else "2.1.0",
    )


def _collection_schema() -> dict:
    from .schema import COLLECTION_SCHEMA

    return COLLECTION_SCHEMA


class _Reader:
    """Normalises Postman's variants; input already passed the schema."""

    def __init__(self, file: str) -> None:
        self.file = file

    def nodes(self, raw: list, pointer: str, depth: int) -> tuple[Folder | Item, ...]:
        if depth > MAX_FOLDER_DEPTH:
            raise InputError(
                f"folders nested more than {MAX_FOLDER_DEPTH} deep",
                file=self.file,
                pointer=pointer,
                title="invalid collection",
            )
        out: list[Folder | Item] = []
        for index, node in enumerate(raw):
            here = f"{pointer}/{index}"
            if "item" in node and "request" not in node:
                out.append(self.folder(node, here, depth))
            else:
                out.append(self.item(node, here))
        return tuple(out)

    def folder(self, node: dict, pointer: str, depth: int) -> Folder:
        return Folder(
            name=_text(node.get("name")) or "(unnamed folder)",
            items=self.nodes(node.get("item") or [], pointer + "/item", depth + 1),
            auth=self.auth(node.get("auth"), pointer + "/auth"),
            events=self.events(node.get("event"), pointer + "/event"),
            variables=self.variables(node.get("variable")),
            behavior=_behavior(node.get("protocolProfileBehavior")),
            description=_description(node.get("description")),
            pointer=pointer,
        )

    def item(self, node: dict, pointer: str) -> Item:
        return Item(
            name=_text(node.get("name")) or "(unnamed request)",
            request=self.request(node.get("request"), pointer + "/request"),
            responses=tuple(
                self.response(r, f"{pointer}/response/{i}") for i, r in enumerate(node.get("response") or [])
            ),
            events=self.events(node.get("event"), pointer + "/event"),
            behavior=_behavior(node.get("protocolProfileBehavior")),
            pointer=pointer,
            id=_text(node.get("id")) or None,
        )

    def request(self, raw: Any, pointer: str) -> Request:
        if isinstance(raw, str) or raw is None:
            return Request(method="GET", url=_url(raw or ""))
        method = (_text(raw.get("method")) or "GET").strip().upper()
        return Request(
            method=method,
            url=_url(raw.get("url")),
            headers=_headers(raw.get("header")),
            body=self.body(raw.get("body"), pointer + "/body"),
            auth=self.auth(raw.get("auth"), pointer + "/auth"),
            description=_description(raw.get("description")),
        )

    def body(self, raw: dict | None, pointer: str) -> Body | None:
        if not raw or raw.get("disabled"):
            return None
        mode = raw.get("mode")
        options = raw.get("options") or {}
        language = None
        if mode == "raw" and isinstance(options.get("raw"), dict):
            language = _text(options["raw"].get("language")) or None
        graphql = raw.get("graphql") or {}
        variables = graphql.get("variables")
        if isinstance(variables, dict):
            variables = json.dumps(variables)
        return Body(
            mode=mode,
            raw=_text(raw.get("raw")),
            language=language,
            params=_params(raw.get(mode) if mode in ("urlencoded", "formdata") else None, form=True),
            file_src=_text((raw.get("file") or {}).get("src")) or None,
            graphql_query=_text(graphql.get("query")),
            graphql_variables=_text(variables),
        )

    def auth(self, raw: dict | None, pointer: str) -> Auth | None:
        if raw is None:
            return None
        kind = _text(raw.get("type")).strip().lower()
        if not kind:
            raise InputError(
                "auth block has no 'type'",
                file=self.file,
                pointer=pointer,
                hint="set type to noauth, bearer, basic, apikey, oauth2 or digest",
                title="invalid collection",
            )
        block = raw.get(kind)
        params: list[tuple[str, object]] = []
        if isinstance(block, list):  # v2.1: [{key, value, type}]
            params = [(_text(p.get("key")), p.get("value")) for p in block if isinstance(p, dict)]
        elif isinstance(block, dict):  # v2.0: {key: value}
            params = [(str(k), v) for k, v in block.items()]
        return Auth(type=kind, params=tuple(params))

    def events(self, raw: list | None, pointer: str) -> tuple[Script, ...]:
        out = []
        for index, event in enumerate(raw or []):
            if event.get("disabled"):
                continue
            script = event.get("script") or {}
            exec_ = script.get("exec")
            source = "\n".join(_text(line) for line in exec_) if isinstance(exec_, list) else _text(exec_)
            if source.strip():
                out.append(Script(listen=_text(event.get("listen")), source=source, pointer=f"{pointer}/{index}"))
        return tuple(out)

    def variables(self, raw: list | None) -> tuple[Param, ...]:
        return _params(raw, variables=True)

    def response(self, raw: dict, pointer: str) -> DocumentedResponse:
        code = raw.get("code")
        if isinstance(code, str):
            code = int(code) if code.strip().isdigit() else None
        return DocumentedResponse(
            name=_text(raw.get("name")),
            code=code,
            status=_text(raw.get("status")),
            headers=tuple((p.key, p.value or "") for p in _headers(raw.get("header"))),
            body=None if raw.get("body") is None else _text(raw.get("body")),
            pointer=pointer,
        )


# ---------------------------------------------------------------- small normalisers


def _text(value: Any) -> str:
    """Postman writes numbers and booleans where it means text; JS spelling for booleans."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    return str(value)


def _description(value: Any) -> str:
    if isinstance(value, dict):
        return _text(value.get("content"))
    return _text(value)


def _behavior(value: dict | None) -> tuple[tuple[str, object], ...]:
    return tuple((str(k), v) for k, v in (value or {}).items())


def _params(raw: list | None, *, variables: bool = False, form: bool = False) -> tuple[Param, ...]:
    out = []
    for entry in raw or []:
        if not isinstance(entry, dict) or entry.get("disabled") is True or entry.get("enabled") is False:
            continue
        key = entry.get("key", entry.get("id") if variables else None)
        if key is None and not variables:
            key = ""
        if key is None:
            continue
        value = entry.get("value")
        src = entry.get("src") if form else None
        srcs = tuple(_text(s) for s in src) if isinstance(src, list) else ((_text(src),) if src else ())
        out.append(
            Param(
                key=_text(key),
                value=None if value is None else _text(value),
                description=_description(entry.get("description")),
                type=_text(entry.get("type")) or None,
                src=srcs,
                content_type=_text(entry.get("contentType")) or None,
            )
        )
    return tuple(out)


def _headers(raw: Any) -> tuple[Param, ...]:
    if isinstance(raw, str):  # v2.0 allows "Name: value\nName2: value2"
        rows = []
        for line in raw.splitlines():
            if ":" in line:
                name, _, value = line.partition(":")
                rows.append({"key": name.strip(), "value": value.strip()})
        raw = rows
    return tuple(p for p in _params(raw) if p.key.strip())


def _segments(value: Any, sep: str) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return tuple(value.split(sep)) if value else ()
    return tuple(_text(v.get("value") if isinstance(v, dict) else v) for v in value)


def _url(raw: Any) -> Url:
    if not isinstance(raw, dict):
        return Url(raw=_text(raw).strip())
    host = _segments(raw.get("host"), ".")
    path = _segments(raw.get("path"), "/")
    if isinstance(raw.get("path"), str) and path and path[0] == "":
        path = path[1:]
    return Url(
        raw=_text(raw.get("raw")).strip(),
        protocol=_text(raw.get("protocol")) or None,
        host=host if host else None,
        port=_text(raw.get("port")) or None,
        path=path,
        query=_params(raw.get("query")) if raw.get("query") is not None else (),
        variables=_params(raw.get("variable"), variables=True),
        hash=_text(raw.get("hash")) or None,
    )


# ---------------------------------------------------------------- environments


def load_environment(path: str | Path, *, what: str = "environment") -> Environment:
    """Postman environment/globals export (`values`, honouring `enabled: false`) or a flat mapping."""
    file = str(path)
    document = read_document(path, what=what)
    return build_environment(document, file=file, source=Path(path), what=what)


def build_environment(
    document: Any, *, file: str = "<input>", source: Path | None = None, what: str = "environment"
) -> Environment:
    name = source.stem if source else what
    if isinstance(document, dict) and isinstance(document.get("values"), list):
        _validate(document, _environment_schema(), file, what)
        values = []
        for entry in document["values"]:
            if entry.get("enabled") is False or entry.get("disabled") is True:
                continue
            values.append(
                Param(
                    key=_text(entry.get("key")).strip(),
                    value=_text(entry.get("value")),
                    type=_text(entry.get("type")) or None,
                )
            )
        return Environment(name=_text(document.get("name")) or name, values=tuple(values), source=source)
    if not isinstance(document, dict):
        raise InputError(
            f"expected an object of variables, got {_json_type(document)}",
            file=file,
            pointer="",
            hint='write {"name": "value", ...} or export the environment from Postman',
            title=f"invalid {what}",
        )
    values = []
    for key, value in document.items():
        if isinstance(value, (dict, list)):
            raise InputError(
                f"variable '{key}' is {_json_type(value)}; variables hold text",
                file=file,
                pointer=pointer_join(key),
                hint="give a string, number or boolean",
                title=f"invalid {what}",
            )
        values.append(Param(key=str(key).strip(), value=_text(value)))
    return Environment(name=name, values=tuple(values), source=source)


def _environment_schema() -> dict:
    from .schema import ENVIRONMENT_SCHEMA

    return ENVIRONMENT_SCHEMA


__all__ = ["load_collection", "load_environment", "read_document", "parse_document", "build_collection"]
