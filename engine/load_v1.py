"""Postman Collection v1 → the same model as v2, with Postman's own v1 → v2 semantics.

Newman still runs v1 exports (it converts them with postman-collection-transformer); this module
follows that converter's documented mapping, written here from its behaviour:

- `folders_order` (or, without it, `folders` in file order) lists the top-level folders; a folder
  named in another folder's `folders_order` is a subfolder and appears only there. Inside a folder
  its subfolders come first, then its requests in `order`. Then the top-level requests: `order`.
  A request or folder id that names nothing is skipped; a request listed nowhere is not run.
- `url` is a string; `queryParams` (with `enabled`/`equals`) win over the query written in it;
  `pathVariableData` rows, then `pathVariables` entries not already given, are the path variables.
- `headerData` rows (a `//` prefix or `enabled: false` disables one), then `headers` lines
  (`Key: Value`, `//Key: Value` disabled) for names `headerData` did not give.
- `dataMode`: `params` → formdata, `urlencoded`, `raw` (`rawModeData` or a string `data`),
  `binary` → file (`rawModeData` is its path), `graphql` (`graphqlModeData`); with no `dataMode`
  the mode is inferred (raw text, else form rows, else GraphQL). `dataOptions` become the body's
  options, `dataDisabled` disables it, `dataMode: null` means no body.
- `currentHelper` + `helperAttributes` (an object or its JSON text) is the auth, field names
  renamed as Postman does; a v2-style `auth` block is used only when the request has no
  `currentHelper` key at all. `normal`, or a null helper, inherits.
- `preRequestScript` / `tests` are the scripts; `events` is used when neither is set.
- `responses` (ordered by `responses_order` when given) are the documented examples:
  `responseCode.code`/`.name`, `headers`, `text`.

Pointers in errors name the v1 file's own places (`/requests/3/headerData/0`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .load import (
    LIST_OR_NULL,
    MAX_FOLDER_DEPTH,
    OBJECT_OR_NULL,
    SCALAR,
    TEXT,
    Reader,
    WrongShape,
    _description,
    _field,
    _want,
)
from .model import Collection, Folder, Item, as_text

MODES = {"params": "formdata", "urlencoded": "urlencoded", "raw": "raw", "binary": "file", "graphql": "graphql"}
HELPERS = {
    "apikeyAuth": "apikey", "basicAuth": "basic", "bearerAuth": "bearer", "digestAuth": "digest",
    "hawkAuth": "hawk", "oAuth1": "oauth1", "oAuth2": "oauth2", "ntlmAuth": "ntlm", "awsSigV4": "awsv4",
}
# helper attribute → v2 auth parameter, where Postman renamed it (others keep their name)
RENAMED = {
    "basic": {"saveToRequest": "saveHelperData"},
    "oauth1": {"header": "addParamsToHeader", "auto": "autoAddParam", "includeEmpty": "addEmptyParamsToSign"},
    "hawk": {"hawk_id": "authId", "hawk_key": "authKey", "ext": "extraData", "app": "appId", "dlg": "delegation",
             "saveToRequest": "saveHelperData"},
}


def is_v1(document: Any) -> bool:
    """A v1 export: `requests` (and `order`/`folders`) at the top, no v2 `item` tree."""
    return isinstance(document, dict) and "item" not in document and "requests" in document


def build_v1(document: dict, reader: Reader, base: str, source: Path | None) -> Collection:
    return _V1(reader, document, base).collection(source)


class _V1:
    def __init__(self, reader: Reader, document: dict, base: str) -> None:
        self.reader = reader
        self.document = document
        self.base = base
        requests = _field(document, "requests", base, (list,))
        folders = _field(document, "folders", base, LIST_OR_NULL) or []
        self.requests: dict[str, tuple[int, dict]] = {}
        for index, request in enumerate(requests):
            _want(request, f"{base}/requests/{index}", dict)
            key = as_text(_field(request, "id", f"{base}/requests/{index}", TEXT))
            self.requests.setdefault(key, (index, request))
        self.folders: dict[str, tuple[int, dict]] = {}
        self.checked: set[str] = set()  # folders known not to contain themselves
        for index, folder in enumerate(folders):
            if folder is None:
                continue  # Postman skips empty slots
            _want(folder, f"{base}/folders/{index}", dict)
            key = as_text(_field(folder, "id", f"{base}/folders/{index}", TEXT))
            self.folders.setdefault(key, (index, folder))

    def collection(self, source: Path | None) -> Collection:
        document, base = self.document, self.base
        subfolders = set()
        for index, folder in self.folders.values():
            subfolders.update(self._ids(folder, "folders_order", f"{base}/folders/{index}"))
        for key in self.folders:
            self._acyclic(key, ())
        top = self._ids(document, "folders_order", base) if document.get("folders_order") is not None else list(self.folders)
        items: list[Folder | Item] = []
        for key in dict.fromkeys(top):
            if key in self.folders and key not in subfolders:
                items.append(self.folder(key))
        for key in dict.fromkeys(self._ids(document, "order", base)):
            if key in self.requests:
                items.append(self.item(key))
        container = self.reader.container(_container(document, base), base)
        return Collection(
            name=as_text(_field(document, "name", base, TEXT)) or (source.stem if source else "collection"),
            items=tuple(items),
            description=_description(document.get("description"), base + "/description"),
            **container,
            source=source,
            schema_version="1.0.0",
        )

    def _acyclic(self, key: str, path: tuple[str, ...]) -> None:
        """A folder inside itself, however deep, is a broken file (Postman would loop)."""
        if key in self.checked:
            return
        index, raw = self.folders[key]
        if key in path:
            raise WrongShape(f"{self.base}/folders/{index}/folders_order", f"folder '{raw.get('name')}' contains itself")
        if len(path) > MAX_FOLDER_DEPTH:
            raise WrongShape(f"{self.base}/folders/{index}", f"folders nested more than {MAX_FOLDER_DEPTH} deep")
        for sub in self._ids(raw, "folders_order", f"{self.base}/folders/{index}"):
            if sub in self.folders:
                self._acyclic(sub, path + (key,))
        self.checked.add(key)

    def _ids(self, node: dict, key: str, pointer: str) -> list[str]:
        ids = _field(node, key, pointer, LIST_OR_NULL) or []
        return [as_text(_want(i, f"{pointer}/{key}/{n}", str, int, float)) for n, i in enumerate(ids)]

    def folder(self, key: str) -> Folder:
        index, raw = self.folders[key]
        pointer = f"{self.base}/folders/{index}"
        items: list[Folder | Item] = []
        for sub in self._ids(raw, "folders_order", pointer):
            if sub in self.folders:
                items.append(self.folder(sub))
        for request in self._ids(raw, "order", pointer):
            if request in self.requests:
                items.append(self.item(request))
        return Folder(
            name=as_text(_field(raw, "name", pointer, TEXT)) or "(unnamed folder)",
            items=tuple(items),
            description=_description(raw.get("description"), pointer + "/description"),
            **self.reader.container(_container(raw, pointer), pointer),
            pointer=pointer,
        )

    def item(self, key: str) -> Item:
        index, raw = self.requests[key]
        pointer = f"{self.base}/requests/{index}"
        node = {
            "name": raw.get("name"),
            "id": raw.get("id"),
            "request": {
                "method": raw.get("method"),
                "url": _url(raw, pointer),
                "header": _headers(raw, pointer),
                "body": _body(raw, pointer),
                "auth": _auth(raw, pointer),
                "description": raw.get("description"),
            },
            "response": _responses(raw, pointer),
            "event": _events(raw, pointer),
            "protocolProfileBehavior": raw.get("protocolProfileBehavior"),
        }
        return self.reader.item(node, pointer)


def _container(raw: dict, pointer: str) -> dict:
    """The v2 keys a collection or folder carries down: auth, events, variables, behaviour."""
    return {
        "auth": _auth(raw, pointer),
        "event": _events(raw, pointer),
        "variable": _variables(raw, pointer),
        "protocolProfileBehavior": raw.get("protocolProfileBehavior"),
    }


# ---------------------------------------------------------------- the parts of a request


def _url(raw: dict, pointer: str) -> Any:
    text = as_text(_field(raw, "url", pointer, TEXT)).strip()
    variables = []
    given = set()
    for n, row in enumerate(_field(raw, "pathVariableData", pointer, LIST_OR_NULL) or []):
        _want(row, f"{pointer}/pathVariableData/{n}", dict)
        variables.append(row)
        given.add(row.get("key"))
    for key, value in (_field(raw, "pathVariables", pointer, OBJECT_OR_NULL) or {}).items():
        if key not in given:
            variables.append({"key": key, "value": _want(value, f"{pointer}/pathVariables/{key}", *SCALAR)})
    query = []
    for n, row in enumerate(_field(raw, "queryParams", pointer, LIST_OR_NULL) or []):
        here = f"{pointer}/queryParams/{n}"
        row = dict(_want(row, here, dict))
        if row.pop("enabled", True) is False:
            row["disabled"] = True
        if "equals" in row:  # `equals: false` is a bare key (`?flag`); `true` with no value is `flag=`
            equals = row.pop("equals")
            row["value"] = ("" if row.get("value") is None else row["value"]) if equals else (row.get("value") or None)
        query.append(row)
    if not query:
        return {"raw": text, "variable": variables} if variables else text
    # explicit rows win over the query written in the URL: split the rest into host and path
    head = _cut(_cut(text, "#"), "?")
    scheme = head.find("://")
    start = scheme + 3 if scheme >= 0 else 0
    close = head.find("}}", start) + 2 if head.startswith("{{", start) else start
    slash = head.find("/", close)
    host, path = (head, "") if slash < 0 else (head[:slash], head[slash + 1 :])
    return {"raw": text, "host": [host], "path": path.split("/") if path else [], "query": query,
            "variable": variables}


def _cut(text: str, mark: str) -> str:
    """`text` up to `mark`, where the mark is outside any `{{…}}`."""
    index = text.find(mark)
    while index >= 0:
        if text[:index].count("{{") == text[:index].count("}}"):
            return text[:index]
        index = text.find(mark, index + 1)
    return text


def _headers(raw: dict, pointer: str) -> list[dict]:
    headers = _field(raw, "headers", pointer, (str, list, type(None)))
    if isinstance(headers, list):
        return headers
    out: list[dict] = []
    seen = set()
    for n, row in enumerate(_field(raw, "headerData", pointer, LIST_OR_NULL) or []):
        row = dict(_want(row, f"{pointer}/headerData/{n}", dict))
        key = as_text(_field(row, "key", f"{pointer}/headerData/{n}", TEXT))
        if key.startswith("//") or row.pop("enabled", True) is False:
            row["disabled"] = True
        row["key"] = key[2:].strip() if key.startswith("//") else key
        out.append(row)
        seen.add(row["key"])
    for row in parse_header_lines(headers or ""):
        if row["key"] not in seen:
            out.append(row)
    return out


def parse_header_lines(text: str) -> list[dict]:
    """`Key: Value` lines; a `//` before the name disables it; folded lines (a leading space) join."""
    out: list[dict] = []
    for line in text.replace("\r\n ", " ").replace("\r\n\t", "\t").splitlines():
        name, colon, value = line.partition(":")
        name = name.strip()
        if not colon or not name or " " in name.lstrip("/").strip():
            continue
        row: dict = {"key": name, "value": value.strip()}
        if name.startswith("//"):
            row = {"key": name[2:].strip(), "value": value.strip(), "disabled": True}
        out.append(row)
    return out


def _body(raw: dict, pointer: str) -> dict | None:
    if "dataMode" in raw and raw["dataMode"] is None:
        return None
    given = _field(raw, "dataMode", pointer, (str, type(None)))
    mode = MODES.get(given or "")
    if given and mode is None:
        mode = given  # an unknown mode: the resolver sends no body and says so
    data = _field(raw, "data", pointer, (list, str, type(None)))
    raw_data = _field(raw, "rawModeData", pointer, (str, list, type(None)))
    if isinstance(raw_data, list):
        raw_data = raw_data[0] if len(raw_data) == 1 and isinstance(raw_data[0], str) else None
    graphql = _field(raw, "graphqlModeData", pointer, OBJECT_OR_NULL)
    if not mode:
        if not data and not raw_data and not graphql:
            return None
        mode = "raw" if raw_data else "formdata" if isinstance(data, list) else "graphql" if graphql else "raw"
    body: dict[str, Any] = {"mode": mode}
    if mode == "raw":
        body["raw"] = raw_data if raw_data else data if isinstance(data, str) else ""
    elif mode == "graphql":
        body["graphql"] = graphql or (data if isinstance(data, dict) else {})
    elif mode == "file":
        body["file"] = {"src": raw_data}
    elif mode in ("formdata", "urlencoded"):
        body[mode] = _form_rows(data if isinstance(data, list) else [], f"{pointer}/data")
    options = _field(raw, "dataOptions", pointer, OBJECT_OR_NULL) or {}
    mapped = {MODES[k]: v for k, v in options.items() if k in MODES and v}
    if mapped:
        body["options"] = mapped
    if raw.get("dataDisabled") is True:
        body["disabled"] = True
    return body


def _form_rows(rows: list, pointer: str) -> list[dict]:
    out = []
    for n, row in enumerate(rows):
        row = dict(_want(row, f"{pointer}/{n}", dict))
        if row.get("key") is None:
            continue  # Postman drops rows with no key
        if row.get("type") == "file" and not row.get("src") and row.get("value"):
            row["src"] = row.pop("value")
        if row.pop("enabled", True) is False:
            row["disabled"] = True
        out.append(row)
    return out


def _auth(raw: dict, pointer: str) -> dict | None:
    helper = _field(raw, "currentHelper", pointer, (str, type(None)))
    attributes = raw.get("helperAttributes")
    if "currentHelper" not in raw and not attributes:  # a v2-style block counts only without any helper key
        auth = raw.get("auth")
        return auth if isinstance(auth, dict) or auth is None else _want(auth, pointer + "/auth", dict)
    if not helper or helper == "normal":
        return None
    if isinstance(attributes, str):
        try:
            attributes = json.loads(attributes)
        except ValueError:
            raise WrongShape(pointer + "/helperAttributes", "helperAttributes is text but not JSON") from None
    kind = HELPERS.get(helper, helper)
    params = {RENAMED.get(kind, {}).get(k, k): v for k, v in (_want(attributes, pointer + "/helperAttributes",
                                                                   dict, type(None)) or {}).items() if k != "id"}
    return {"type": kind, kind: params}


def _events(raw: dict, pointer: str) -> Any:
    tests = _field(raw, "tests", pointer, (str, list, type(None)))
    pre = _field(raw, "preRequestScript", pointer, (str, list, type(None)))
    if not tests and not pre:
        return raw.get("events")
    out = []
    if pre:
        out.append({"listen": "prerequest", "script": {"exec": pre}})
    if tests:
        out.append({"listen": "test", "script": {"exec": tests}})
    return out


def _variables(raw: dict, pointer: str) -> list | None:
    key = "variables" if "variables" in raw else "variable"
    return _field(raw, key, pointer, LIST_OR_NULL)


def _responses(raw: dict, pointer: str) -> list[dict]:
    responses = _field(raw, "responses", pointer, LIST_OR_NULL) or []
    by_id: dict[str, tuple[int, dict]] = {}
    for n, response in enumerate(responses):
        _want(response, f"{pointer}/responses/{n}", dict)
        by_id.setdefault(as_text(response.get("id")) or f"#{n}", (n, response))
    order = [as_text(i) for i in _field(raw, "responses_order", pointer, LIST_OR_NULL) or []]
    chosen = [by_id[i] for i in order if i in by_id] if order else list(by_id.values())
    out = []
    for n, response in chosen:
        here = f"{pointer}/responses/{n}"
        code = _field(response, "responseCode", here, OBJECT_OR_NULL) or {}
        out.append({
            "name": response.get("name") or "response",
            "code": _field(code, "code", here + "/responseCode", (int, str, type(None))),
            "status": code.get("name"),
            "header": _response_headers(_field(response, "headers", here, (list, str, type(None))), here),
            "body": _field(response, "text", here, TEXT),
        })
    return out


def _response_headers(headers: Any, pointer: str) -> Any:
    """v1 response headers name themselves by `key`, or only by `name`."""
    if not isinstance(headers, list):
        return headers
    out = []
    for n, row in enumerate(headers):
        _want(row, f"{pointer}/headers/{n}", dict)
        out.append({**row, "key": row["key"] if row.get("key") is not None else row.get("name")})
    return out
