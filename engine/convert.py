"""Postman v2.1 JSON ⇄ v3 directory, document to document, with a report of what the target cannot hold.

Conversion works on the parsed documents, not on the run model, so what only documentation
uses (disabled headers, descriptions, example requests) survives. Both directions first load the
source with the normal loader: bad input is the same located error as for a run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import Any

from .errors import InputError
from .load import read_document
from .load_v3 import UNSAFE_NAME, DirectoryLoader, collection_dirs, key_list, text_of
from .model import Folder

V21_SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
RAW_LANGUAGES = ("json", "text", "xml", "html", "javascript")
EXAMPLE_TYPES = ("json", "text", "xml", "html", "javascript", "yaml")
STEP = 1000


@dataclass(frozen=True)
class Conversion:
    """What was written, and every piece of the source the target format has no place for."""

    target: Path
    files: int
    losses: tuple[str, ...]


def convert(source: str | Path, to: str, out: str | Path, *, collection: str | None = None) -> Conversion:
    """`to` is "v3" (v2.1 JSON file → directory) or "v2.1" (v3 directory → JSON file)."""
    source, out = Path(source), Path(out)
    if to == "v3":
        if source.is_dir():
            raise InputError("is already a v3 directory", file=str(source), title="nothing to convert",
                             hint="give a v2.1 collection JSON file, or use --to v2.1")
        if source.name.endswith((".postman_environment.json", ".postman_globals.json")):
            return _write_v3_environment(source, out)
        return _write_v3(source, out)
    if to in ("v2.1", "v2"):
        if not source.is_dir():
            raise InputError("is not a v3 collection directory", file=str(source), title="nothing to convert",
                             hint="give a v3 collection directory, or use --to v3")
        dirs = collection_dirs(source, collection)
        if len(dirs) > 1:
            raise InputError(f"{len(dirs)} collections; a v2.1 file holds one", file=str(source),
                             title="choose a collection", hint="add --collection NAME: "
                             + ", ".join(d.name for d in dirs))
        return _write_v21(dirs[0], out)
    raise InputError(f"unknown format '{to}'", file="--to", hint="use --to v3 or --to v2.1", title="bad option")


# ---------------------------------------------------------------- v2.1 → v3


def _write_v3(source: Path, out: Path) -> Conversion:
    from .load import load_collection

    load_collection(source)  # the same checks, and located errors, as for a run
    document = read_document(source, what="collection")
    if isinstance(document, dict) and isinstance(document.get("collection"), dict) and "item" not in document:
        document = document["collection"]
    from .load_v1 import is_v1

    if is_v1(document):  # the writer reads v2.1 documents: refuse rather than write an empty collection
        raise InputError("is a Collection v1 file; convert reads v2.1 files", file=str(source),
                         title="cannot convert", hint="run or validate it as it is (v1 loads directly), or "
                         "export it from Postman as v2.1 and convert that")
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise InputError("already exists and is not an empty directory", file=str(out), title="cannot write",
                         hint="choose a new directory (postman/collections/<Name>)")
    writer = _V3Writer()
    writer.collection(document)
    for rel, content in writer.files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump_yaml(content), encoding="utf-8")
    return Conversion(out, len(writer.files), tuple(writer.losses))


def _write_v3_environment(source: Path, out: Path) -> Conversion:
    """An environment export → `<Name>.environment.yaml` (same `values`; `type: secret` kept)."""
    from .load import load_environment

    load_environment(source)
    document = read_document(source, what="environment")
    # every shape load_environment reads: the API's wrappers, the old bare array, a flat mapping
    if isinstance(document, dict) and len(document) == 1 and next(iter(document)) in ("environment", "globals"):
        document = next(iter(document.values()))
    if isinstance(document, list):
        document = {"values": document}
    elif not isinstance(document.get("values"), list):
        document = {"values": [{"key": key, "value": value} for key, value in document.items()]}
    suffix = ".globals.yaml" if source.name.endswith("_globals.json") else ".environment.yaml"
    if not out.name.endswith(suffix):
        raise InputError(f"an environment file in v3 is named <Name>{suffix}", file=str(out), title="cannot write",
                         hint=f"e.g. postman/environments/{text_of(document.get('name')) or 'Local'}{suffix}")
    values = []
    for row in document.get("values") or []:
        entry: dict[str, Any] = {"key": text_of(row.get("key")), "value": _scalar(row.get("value"))}
        if row.get("type") in ("secret", "default"):
            entry["type"] = row["type"]
        entry["enabled"] = row.get("enabled") is not False and row.get("disabled") is not True
        values.append(entry)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(dump_yaml({"name": text_of(document.get("name")) or out.name.split(".")[0], "values": values}),
                   encoding="utf-8")
    return Conversion(out, 1, ())


def sanitize(name: str, fallback: str, *, limit: int | None = None, folder: bool = False) -> str:
    """A file name Postman accepts, as `postman collection migrate` derives it."""
    stem = UNSAFE_NAME.sub("-", name.replace("\r", "").replace("\n", ""))
    if limit is not None:
        stem = stem[:limit]
    stem = stem.strip() or fallback
    if stem.endswith("."):
        stem = stem[:-1] + "-"
    if folder and stem.startswith("."):
        stem = "-" + stem[1:]
    return stem


def _unique(stem: str, taken: set[str]) -> str:
    candidate, number = stem, 0
    while candidate.casefold() in taken:
        number += 1
        candidate = f"{stem}-{number}"
    taken.add(candidate.casefold())
    return candidate


def _description(value: Any) -> str:
    if isinstance(value, dict):
        return text_of(value.get("content"))
    return text_of(value)


def _key_rows(rows: Any, *, value_key: str = "value", always_list: bool = False) -> Any:
    """v2.1 `[{key, value, description, disabled}]` → v3 map form when plain, else list form."""
    rows = [r for r in rows or [] if isinstance(r, dict)]
    plain = not always_list and all(
        set(r) <= {"key", "value", "type"} and r.get("type") in (None, "string", "text", "default")
        and isinstance(r.get("value", ""), str) and isinstance(r.get("key"), str) for r in rows
    ) and len({r.get("key") for r in rows}) == len(rows)
    if plain:
        return {r["key"]: r.get("value", "") for r in rows}
    out = []
    for row in rows:
        entry: dict[str, Any] = {"key": text_of(row.get("key")), "value": _scalar(row.get(value_key))}
        if _description(row.get("description")):
            entry["description"] = _description(row.get("description"))
        if row.get("disabled") is True or row.get("enabled") is False:
            entry["disabled"] = True
        out.append(entry)
    return out


def _scalar(value: Any) -> Any:
    """v3 values are text: numbers and booleans become the text Postman substitutes."""
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    return text_of(value) if not isinstance(value, bool) else ("true" if value else "false")


class _V3Writer:
    def __init__(self) -> None:
        self.files: dict[str, Any] = {}
        self.losses: list[str] = []

    def lose(self, where: str, what: str) -> None:
        self.losses.append(f"{where}: {what}")

    def collection(self, document: dict) -> None:
        info = document.get("info") or {}
        definition: dict[str, Any] = {"$kind": "collection", "name": text_of(info.get("name")) or "collection"}
        if info.get("_postman_id"):
            definition["id"] = text_of(info["_postman_id"])
        self._container(document, definition, "collection", "collection")
        for key in ("version",):
            if info.get(key):
                self.lose("collection", f"info.{key} has no v3 field")
        self.files[".resources/definition.yaml"] = definition
        self.items(document.get("item") or [], "", "")

    def _container(self, node: dict, definition: dict, where: str, scope: str) -> None:
        if _description(node.get("description") or (node.get("info") or {}).get("description")):
            definition["description"] = _description(node.get("description") or node["info"]["description"])
        variables = node.get("variable") or []
        if variables:
            definition["variables"] = self.variables(variables, where)
        if node.get("auth"):
            definition["auth"] = self.auth(node["auth"], where)
        scripts = self.scripts(node.get("event"), where, prefix="http:")
        if scripts:
            definition["scripts"] = scripts
        if node.get("protocolProfileBehavior"):
            self.lose(where, f"protocolProfileBehavior at {scope} level has no v3 field (v3 `settings` are per request): "
                      + ", ".join(sorted(node["protocolProfileBehavior"])))

    def variables(self, rows: list, where: str) -> Any:
        out = []
        plain = True
        for row in rows:
            if not isinstance(row, dict):
                continue
            entry: dict[str, Any] = {"key": text_of(row.get("key") if row.get("key") is not None else row.get("id")),
                                     "value": _scalar(row.get("value"))}
            if _description(row.get("description")):
                entry["description"] = _description(row.get("description"))
                plain = False
            if row.get("disabled") is True:
                entry["disabled"] = True
                plain = False
            if row.get("type") == "secret":
                entry["secret"] = True
                plain = False
            out.append(entry)
        if plain and len({e["key"] for e in out}) == len(out):
            return {e["key"]: "" if e["value"] is None else e["value"] for e in out}
        return out

    def auth(self, raw: dict, where: str) -> dict:
        kind = text_of(raw.get("type")).strip().lower()
        out: dict[str, Any] = {"type": kind}
        block = raw.get(kind)
        credentials: dict[str, Any] = {}
        if isinstance(block, list):
            for entry in block:
                if isinstance(entry, dict):
                    credentials[text_of(entry.get("key"))] = entry.get("value")
        elif isinstance(block, dict):
            credentials = dict(block)
        if credentials:
            out["credentials"] = credentials
        return out

    def scripts(self, events: Any, where: str, *, prefix: str) -> list:
        out = []
        for event in events or []:
            if not isinstance(event, dict):
                continue
            listen = event.get("listen")
            script = event.get("script") or {}
            code = script.get("exec")
            code = "\n".join(text_of(line) for line in code) if isinstance(code, list) else text_of(code)
            if event.get("disabled") is True:
                self.lose(where, f"a disabled {listen} script is left out (v3 scripts cannot be disabled)")
                continue
            if script.get("src"):
                self.lose(where, "a script's `src` has no v3 field")
            if listen not in ("prerequest", "test"):
                self.lose(where, f"script event '{listen}' has no v3 form")
                continue
            if not code.strip():
                continue
            out.append({"type": prefix + ("beforeRequest" if listen == "prerequest" else "afterResponse"),
                        "code": code})
        return out

    def items(self, items: list, directory: str, where: str) -> None:
        taken: set[str] = set()
        for index, node in enumerate(items):
            if not isinstance(node, dict):
                continue
            name = text_of(node.get("name"))
            here = f"{where}/{name}" if where else name
            if "item" in node and "request" not in node:
                stem = _unique(sanitize(name, "folder", folder=True), taken)
                definition: dict[str, Any] = {"$kind": "collection"}
                if stem != name:
                    definition["name"] = name
                definition["order"] = STEP * (index + 1)
                self._container(node, definition, here, "folder")
                folder = f"{directory}{stem}/"
                self.files[f"{folder}.resources/definition.yaml"] = definition
                self.items(node.get("item") or [], folder, here)
            else:
                stem = _unique(sanitize(name, "request"), taken)
                self.request(node, f"{directory}{stem}", stem, name, STEP * (index + 1), here)

    def request(self, node: dict, base: str, stem: str, name: str, order: int, where: str) -> None:
        raw = node.get("request")
        if not isinstance(raw, dict):
            raw = {"method": "GET", "url": raw or ""}
        document: dict[str, Any] = {"$kind": "http-request"}
        if node.get("id"):
            document["id"] = text_of(node["id"])
        if stem != name:
            document["name"] = name
        if _description(raw.get("description")):
            document["description"] = _description(raw["description"])
        document["order"] = order
        document.update(self.http(raw, where))
        if raw.get("auth"):
            document["auth"] = self.auth(raw["auth"], where)
        scripts = self.scripts(node.get("event"), where, prefix="")
        if scripts:
            document["scripts"] = scripts
        behavior = dict(node.get("protocolProfileBehavior") or {})
        if "disableBodyPruning" in behavior:
            self.lose(where, "protocolProfileBehavior.disableBodyPruning has no v3 setting")
            behavior.pop("disableBodyPruning")
        if behavior:
            document["settings"] = behavior
        for key in ("variable",):
            if node.get(key):
                self.lose(where, "item-level variables have no v3 field")
        for key in ("certificate", "proxy"):
            if raw.get(key):
                self.lose(where, f"request.{key} has no v3 field")
        responses = [r for r in node.get("response") or [] if isinstance(r, dict)]
        if responses:
            directory, _, _ = base.rpartition("/")
            examples = f"{directory + '/' if directory else ''}.resources/{stem}.resources/examples"
            document["examples"] = f"./.resources/{stem}.resources/examples"
            taken: set[str] = set()
            for index, response in enumerate(responses):
                example_name = text_of(response.get("name")) or f"Example {index + 1}"
                example_stem = _unique(sanitize(example_name, "example", limit=64), taken)
                self.files[f"{examples}/{example_stem}.example.yaml"] = self.example(
                    response, example_name, STEP * (index + 1), f"{where} › {example_name.splitlines()[0]}")
        self.files[f"{base}.request.yaml"] = document

    def http(self, raw: dict, where: str) -> dict:
        """method, url, headers, queryParams, pathVariables, body: shared by requests and examples."""
        from .load import _url  # the v2.1 reader's URL normaliser: host/path parts win over `raw`
        from .resolve import describe_url

        out: dict[str, Any] = {"method": text_of(raw.get("method")).upper() or "GET"}
        url = raw.get("url")
        model = _url(url, "/url")
        text = describe_url(model)
        if model.hash:
            text += f"#{model.hash}"
        out["url"] = text
        if isinstance(url, dict):
            if url.get("query"):
                out["queryParams"] = _key_rows(url["query"])
            if url.get("variable"):
                out["pathVariables"] = _key_rows(url["variable"])
        headers = raw.get("header")
        if isinstance(headers, str):
            headers = [{"key": k.strip(), "value": v.strip()} for k, _, v in
                       (line.partition(":") for line in headers.splitlines() if ":" in line)]
        if headers:
            out["headers"] = _key_rows(headers)
        body = raw.get("body")
        if isinstance(body, dict) and body.get("mode"):
            if body.get("disabled") is True:
                self.lose(where, "a disabled body is left out (it is not sent either)")
            else:
                converted = self.body(body, where)
                if converted is not None:
                    out["body"] = converted
        return out

    def body(self, body: dict, where: str) -> dict | None:
        mode = body.get("mode")
        if mode == "raw":
            language = text_of(((body.get("options") or {}).get("raw") or {}).get("language")) or "text"
            if language not in RAW_LANGUAGES:
                self.lose(where, f"raw body language '{language}' is written as text")
                language = "text"
            return {"type": language, "content": text_of(body.get("raw"))}
        if mode == "urlencoded":
            return {"type": "urlencoded", "content": _key_rows(body.get("urlencoded"))}
        if mode == "formdata":
            parts = []
            for row in body.get("formdata") or []:
                if not isinstance(row, dict):
                    continue
                part: dict[str, Any] = {"key": text_of(row.get("key")), "type": row.get("type") or "text"}
                if part["type"] == "file":
                    part["src"] = row.get("src")
                else:
                    part["value"] = _scalar(row.get("value"))
                if row.get("contentType"):
                    part["contentType"] = row["contentType"]
                if _description(row.get("description")):
                    part["description"] = _description(row.get("description"))
                if row.get("disabled") is True:
                    part["disabled"] = True
                parts.append(part)
            return {"type": "formdata", "content": parts}
        if mode == "file":
            return {"type": "file", "content": {"src": text_of((body.get("file") or {}).get("src"))}}
        if mode == "graphql":
            graphql = body.get("graphql") or {}
            variables = graphql.get("variables")
            return {"type": "graphql", "content": {
                "query": text_of(graphql.get("query")),
                "variables": variables if isinstance(variables, str) else json.dumps(variables or {})}}
        self.lose(where, f"body mode '{mode}' has no v3 form")
        return None

    def example(self, response: dict, name: str, order: int, where: str) -> dict:
        document: dict[str, Any] = {"$kind": "http-example", "name": name, "order": order}
        original = response.get("originalRequest")
        if isinstance(original, dict):
            document["request"] = self.http(original, where)
        else:
            document["request"] = {"url": text_of(original) if isinstance(original, str) else "", "method": "GET"}
        code = response.get("code")
        status = text_of(response.get("status"))
        if not status and isinstance(code, int):
            try:
                status = HTTPStatus(code).phrase
            except ValueError:
                status = ""
        out: dict[str, Any] = {}
        if code is not None:
            out["statusCode"] = int(code) if str(code).isdigit() else code
        out["statusText"] = status
        headers = response.get("header")
        if isinstance(headers, list) and headers:
            out["headers"] = _key_rows(headers)
        language = text_of(response.get("_postman_previewlanguage")) or "text"
        body = response.get("body")
        out["body"] = {"type": language if language in EXAMPLE_TYPES else "text",
                       "content": "" if body is None else text_of(body)}
        if response.get("cookie"):
            self.lose(where, "example cookies have no v3 field")
        if response.get("responseTime") is not None:
            self.lose(where, "example responseTime has no v3 field")
        document["response"] = out
        return document


# ---------------------------------------------------------------- v3 → v2.1


def _write_v21(directory: Path, out: Path) -> Conversion:
    loader = DirectoryLoader(directory, str(directory), keep=True)
    collection = loader.collection()
    assert loader.documents is not None
    writer = _V21Writer(loader.documents)
    document = writer.collection(collection)
    if out.is_dir():
        raise InputError("is a directory; a v2.1 collection is one JSON file", file=str(out), title="cannot write",
                         hint=f"give a file name, e.g. {out / (directory.name + '.postman_collection.json')}")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return Conversion(out, 1, tuple(writer.losses))


class _V21Writer:
    def __init__(self, documents: dict[str, Any]) -> None:
        self.documents = documents
        self.losses: list[str] = []

    def lose(self, where: str, what: str) -> None:
        self.losses.append(f"{where}: {what}")

    def collection(self, collection: Any) -> dict:
        definition = self.documents.get("/") or {}
        info: dict[str, Any] = {"name": collection.name}
        if definition.get("id"):
            info["_postman_id"] = text_of(definition["id"])
        if collection.description:
            info["description"] = collection.description
        info["schema"] = V21_SCHEMA
        document: dict[str, Any] = {"info": info, "item": self.nodes(collection.items)}
        self.container(definition, document, "collection")
        return document

    def container(self, definition: dict, node: dict, where: str) -> None:
        if definition.get("auth"):
            auth = self.auth(definition["auth"], where)
            if auth is not None:
                node["auth"] = auth
        events = self.events(definition.get("scripts"), where)
        if events:
            node["event"] = events
        if definition.get("variables"):
            node["variable"] = self.variables(definition["variables"])

    def nodes(self, nodes: tuple) -> list:
        out = []
        for node in nodes:
            if isinstance(node, Folder):
                definition = self.documents.get(node.pointer + "/") or {}
                folder: dict[str, Any] = {"name": node.name}
                if node.description:
                    folder["description"] = node.description
                folder["item"] = self.nodes(node.items)
                self.container(definition, folder, node.pointer)
                out.append(folder)
            else:
                out.append(self.item(node))
        return out

    def item(self, item: Any) -> dict:
        document = self.documents[item.pointer]
        where = item.pointer
        out: dict[str, Any] = {"name": item.name}
        if document.get("id"):
            out["id"] = text_of(document["id"])
        kind = document.get("$kind")
        if kind == "graphql-request":
            request = self.http({**document, "method": "POST", "body": {"type": "graphql", "content": {
                "query": document.get("query"), "variables": document.get("variables")}}})
        else:
            request = self.http(document)
        if document.get("auth"):
            auth = self.auth(document["auth"], where)
            if auth is not None:
                request["auth"] = auth
        if item.request.description:
            request["description"] = item.request.description
        out["request"] = request
        events = self.events(document.get("scripts"), where)
        if events:
            out["event"] = events
        if document.get("settings"):
            out["protocolProfileBehavior"] = {k: _plain(v) for k, v in document["settings"].items()}
        out["response"] = [self.example(e, where) for e in self.documents.get(item.pointer + "#examples", [])]
        return out

    def http(self, document: dict) -> dict:
        from .resolve import split_raw

        url = text_of(document.get("url")).strip()
        base, _, inline_query = url.partition("?")
        inline_query, _, fragment = inline_query.partition("#")
        query_rows = key_list(document.get("queryParams"), ("queryParams",))
        given = {r.key for r in query_rows}
        query: list[dict[str, Any]] = []
        for pair in inline_query.split("&") if inline_query else []:
            key, eq, value = pair.partition("=")
            if pair and key not in given:
                query.append({"key": key, "value": value if eq else None})
        for row in query_rows:
            entry: dict[str, Any] = {"key": row.key, "value": None if row.value is None else text_of(row.value)}
            if row.description:
                entry["description"] = row.description
            if row.disabled:
                entry["disabled"] = True
            query.append(entry)
        enabled = [q for q in query if not q.get("disabled")]
        raw = base + ("?" + "&".join(q["key"] if q["value"] is None else f"{q['key']}={q['value']}"
                                     for q in enabled) if enabled else "") + (f"#{fragment}" if fragment else "")
        prefix, segments, _ = split_raw(base)
        url_object: dict[str, Any] = {"raw": raw}
        if prefix:
            url_object["host"] = [prefix]
        url_object["path"] = segments
        if query:
            url_object["query"] = query
        variables = [self.row(r) for r in key_list(document.get("pathVariables"), ("pathVariables",))]
        if variables:
            url_object["variable"] = variables
        if fragment:
            url_object["hash"] = fragment
        out: dict[str, Any] = {"method": text_of(document.get("method")).upper() or "GET"}
        headers = [self.row(r) for r in key_list(document.get("headers"), ("headers",))]
        if headers:
            out["header"] = headers
        out["url"] = url_object
        body = self.body(document.get("body"))
        if body is not None:
            out["body"] = body
            src = (body.get("file") or {}).get("src") if body["mode"] == "file" else None
            if src and not any(h["key"].lower() == "content-type" for h in headers):
                import mimetypes  # v3 types a file body by its extension; v2.1 needs the header written out

                out["header"] = headers + [{"key": "Content-Type",
                                            "value": mimetypes.guess_type(src)[0] or "application/octet-stream"}]
        return out

    @staticmethod
    def row(row: Any) -> dict:
        entry: dict[str, Any] = {"key": row.key, "value": None if row.value is None else text_of(row.value)}
        if row.description:
            entry["description"] = row.description
        if row.disabled:
            entry["disabled"] = True
        return entry

    def body(self, body: Any) -> dict | None:
        if not isinstance(body, dict):
            return None
        kind = text_of(body.get("type"))
        content = body.get("content")
        if kind in RAW_LANGUAGES:
            return {"mode": "raw", "raw": text_of(content), "options": {"raw": {"language": kind}}}
        if kind == "urlencoded":
            return {"mode": "urlencoded", "urlencoded": [self.row(r) for r in key_list(content, ("content",))]}
        if kind == "formdata":
            parts = []
            for entry in content or []:
                part: dict[str, Any] = {"key": text_of(entry.get("key")), "type": entry.get("type") or "text"}
                if part["type"] == "file":
                    part["src"] = entry.get("src")
                else:
                    part["value"] = text_of(entry.get("value"))
                for key in ("contentType", "description"):
                    if entry.get(key):
                        part[key] = text_of(entry[key])
                if entry.get("disabled") is True:
                    part["disabled"] = True
                parts.append(part)
            return {"mode": "formdata", "formdata": parts}
        if kind == "file":
            return {"mode": "file", "file": {"src": text_of((content or {}).get("src"))}}
        if kind == "graphql":
            content = content or {}
            variables = content.get("variables")
            return {"mode": "graphql", "graphql": {"query": text_of(content.get("query")),
                                                   "variables": variables if isinstance(variables, str)
                                                   else json.dumps(variables or {})}}
        return None

    def auth(self, raw: Any, where: str) -> dict | None:
        if isinstance(raw, list):
            if len(raw) > 1:
                self.lose(where, f"{len(raw)} auth entries: v2.1 holds one; the last one (the one that applies) is kept")
            if not raw:
                return None
            raw = raw[-1]
        if raw.get("rules"):
            self.lose(where, "auth `rules` have no v2.1 field")
        kind = text_of(raw.get("type")).strip().lower()
        if kind == "inherit":
            return None
        rows = key_list(raw.get("credentials"), ("credentials",), values=(str, int, float, bool, type(None), list, dict))
        out: dict[str, Any] = {"type": kind}
        if rows:
            out[kind] = [{"key": r.key, "value": _plain(r.value),
                          "type": "boolean" if isinstance(r.value, bool) else "string" if isinstance(r.value, str)
                          else "any"} for r in rows]
        return out

    def events(self, scripts: Any, where: str) -> list:
        out = []
        for entry in scripts or []:
            kind = text_of(entry.get("type")).split(":")[-1]
            listen = {"beforeRequest": "prerequest", "afterResponse": "test"}.get(kind)
            if listen is None:
                self.lose(where, f"script type '{entry.get('type')}' has no v2.1 event")
                continue
            for key in ("packages", "requests"):
                if entry.get(key):
                    self.lose(where, f"script `{key}` have no v2.1 field")
            out.append({"listen": listen, "script": {"type": "text/javascript",
                                                      "exec": text_of(entry.get("code")).split("\n")}})
        return out

    def variables(self, raw: Any) -> list:
        out = []
        for row in key_list(raw, ("variables",)):
            entry = self.row(row)
            if row.entry and (row.entry.get("secret") is True or row.entry.get("type") == "secret"):
                entry["type"] = "secret"
            out.append(entry)
        return out

    def example(self, document: dict, where: str) -> dict:
        response = document.get("response") or {}
        body = response.get("body") or {}
        out: dict[str, Any] = {"name": text_of(document.get("name"))}
        if isinstance(document.get("request"), dict):
            out["originalRequest"] = self.http(document["request"])
        out["status"] = text_of(response.get("statusText"))
        if response.get("statusCode") is not None:
            out["code"] = int(response["statusCode"])
        out["_postman_previewlanguage"] = text_of(body.get("type")) or "text"
        out["header"] = [self.row(r) for r in key_list(response.get("headers"), ("headers",))]
        content = body.get("content")
        out["body"] = json.dumps(content) if isinstance(content, (dict, list)) else text_of(content)
        for key in ("id", "description"):
            if document.get(key):
                self.lose(where, f"example {key} has no v2.1 field")
        return out


def _plain(value: Any) -> Any:
    """A YAML value as JSON writes it: written numbers keep their value."""
    if isinstance(value, bool) or value is None or isinstance(value, (str, dict, list)):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return value


# ---------------------------------------------------------------- YAML out


_DUMPER: Any = None


def dump_yaml(document: Any) -> str:
    """Block style, keys in the order given; multi-line text as literal blocks, so scripts read as code."""
    import yaml

    global _DUMPER
    if _DUMPER is None:
        base = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

        class Dumper(base):  # type: ignore[misc, valid-type]
            pass

        def text(dumper: Any, value: str) -> Any:
            # the emitter falls back to a quoted scalar where a block cannot hold the text exactly
            return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)

        Dumper.add_representer(str, text)
        _DUMPER = Dumper
    return yaml.dump(document, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=100_000,
                     default_flow_style=False)


__all__ = ["convert", "Conversion", "dump_yaml", "sanitize"]
