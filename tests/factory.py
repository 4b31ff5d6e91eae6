"""Collections for tests and benchmarks.

`openapi_style_collection(n)` writes what OpenAPI → Postman converters produce, by the hundred or
ten thousand: tag folders (some nested), `{{baseUrl}}` hosts, `:id` path variables with
`(Required)` descriptions, `<string>`/`<integer>` placeholders in queries and headers, saved
examples with typed placeholders in their JSON bodies, raw/urlencoded/formdata bodies and
collection-level bearer auth on `{{bearerToken}}`. Deterministic for a given seed.

The small builders (`make_item`, `make_collection`, `example`) keep hand-written test
collections short.
"""

from __future__ import annotations

import json
import random
from typing import Any

SCHEMA_V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
BASE_URL = "https://api.example.test/v2"

TAGS = (
    "users", "groups", "projects", "issues", "comments", "attachments", "labels", "webhooks",
    "teams", "reports", "audit", "billing", "invoices", "orders", "products", "inventory",
)
SUB_RESOURCES = ("members", "settings", "history", "links", "versions", "permissions")
FIELD_TYPES = ("<string>", "<integer>", "<boolean>", "<number>", "<dateTime>", "<uuid>")
ERROR_CODES = ((400, "Bad Request"), (401, "Unauthorized"), (403, "Forbidden"), (404, "Not Found"))


# ---------------------------------------------------------------- small builders


def make_collection(items: list[dict], **top: Any) -> dict:
    """A v2.1 collection document around `items`; extra keys (auth, variable, event...) go on top."""
    document: dict[str, Any] = {"info": {"name": top.pop("name", "test collection"), "schema": SCHEMA_V21}}
    document["item"] = items
    document.update(top)
    return document


def make_item(
    name: str = "Item",
    method: str = "GET",
    url: Any = "{{baseUrl}}/thing",
    *,
    headers: list[dict] | None = None,
    body: dict | None = None,
    auth: dict | None = None,
    responses: list[dict] | None = None,
    **extra: Any,
) -> dict:
    request: dict[str, Any] = {"method": method, "url": url, "header": headers or []}
    if body is not None:
        request["body"] = body
    if auth is not None:
        request["auth"] = auth
    item: dict[str, Any] = {"name": name, "request": request, "response": responses or []}
    item.update(extra)
    return item


def example(code: int, body: str = "", content_type: str | None = None, name: str = "", status: str = "") -> dict:
    """A saved example response."""
    headers = [{"key": "Content-Type", "value": content_type}] if content_type else []
    return {"name": name or f"example {code}", "code": code, "status": status, "header": headers, "body": body}


def folder(name: str, items: list[dict], **extra: Any) -> dict:
    return {"name": name, "item": items, **extra}


def bearer(token: str = "{{bearerToken}}") -> dict:
    return {"type": "bearer", "bearer": [{"key": "token", "value": token, "type": "string"}]}


# ---------------------------------------------------------------- OpenAPI-style generator


def openapi_style_collection(n_items: int = 150, seed: int = 0) -> dict:
    """A collection of `n_items` requests shaped like an OpenAPI conversion; same seed, same dict."""
    rng = random.Random(seed)
    tags = _tag_folders(n_items)
    items_per_tag = _split(n_items, len(tags))
    counter = 0
    folders = []
    for tag, count in zip(tags, items_per_tag):
        requests = []
        for _ in range(count):
            counter += 1
            requests.append(_operation(rng, tag, counter))
        folders.append(_fold(tag, requests, rng))
    return {
        "info": {
            "_postman_id": f"00000000-0000-4000-8000-{seed:012d}",
            "name": f"Example API ({n_items} operations)",
            "description": {"content": "Converted from an OpenAPI 3 description.", "type": "text/plain"},
            "schema": SCHEMA_V21,
        },
        "item": folders,
        "auth": bearer(),
        "variable": [{"key": "baseUrl", "value": BASE_URL, "type": "string"}],
    }


def _tag_folders(n_items: int) -> list[str]:
    wanted = max(1, min(len(TAGS) * 40, n_items // 10))
    return [TAGS[i % len(TAGS)] + ("" if i < len(TAGS) else f"-{i // len(TAGS)}") for i in range(wanted)]


def _split(total: int, parts: int) -> list[int]:
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def _fold(tag: str, requests: list[dict], rng: random.Random) -> dict:
    """Tag folder; the second half of each tag sits in a nested `{id}` folder, as converters nest paths."""
    top = {"name": tag, "description": f"Operations about {tag}", "item": []}
    if len(requests) < 4:
        top["item"] = requests
        return top
    half = len(requests) // 2
    nested = {"name": "{" + _singular(tag) + "Id}", "item": requests[half:]}
    if rng.random() < 0.3:
        nested = {"name": "{" + _singular(tag) + "Id}", "item": [{"name": rng.choice(SUB_RESOURCES), "item": requests[half:]}]}
    top["item"] = requests[:half] + [nested]
    return top


def _singular(tag: str) -> str:
    word = tag.split("-")[0]
    return word[:-1] if word.endswith("s") else word


def _operation(rng: random.Random, tag: str, number: int) -> dict:
    kind = ("list", "get", "create", "replace", "update", "delete")[number % 6]
    method = {"list": "GET", "get": "GET", "create": "POST", "replace": "PUT", "update": "PATCH", "delete": "DELETE"}[kind]
    resource = _singular(tag)
    id_name = f"{resource}Id"
    path = [tag.split("-")[0]]
    variables = []
    if kind != "list" and kind != "create" or rng.random() < 0.3:
        path.append(f":{id_name}")
        variables.append(_path_variable(id_name, rng))
    if rng.random() < 0.4:
        path.append(rng.choice(SUB_RESOURCES))
        if rng.random() < 0.5:
            path.append(":subId")
            variables.append(_path_variable("subId", rng))
    query = _query(rng, kind)
    headers = [{"key": "Accept", "value": "application/json"}]
    if rng.random() < 0.3:
        headers.append({"key": "X-Request-Id", "value": "<uuid>", "description": "Correlation id for tracing"})
    if rng.random() < 0.15:
        headers.append({"key": "X-Tenant", "value": "<string>", "description": "(Required) Tenant the call acts for"})
    raw = "{{baseUrl}}/" + "/".join(path)
    if query:
        raw += "?" + "&".join(f"{q['key']}={q['value']}" for q in query)
    url = {"raw": raw, "host": ["{{baseUrl}}"], "path": path}
    if query:
        url["query"] = query
    if variables:
        url["variable"] = variables
    request: dict[str, Any] = {"method": method, "header": headers, "url": url, "description": f"{kind} {resource}"}
    if method in ("POST", "PUT", "PATCH"):
        request["body"] = _body(rng, headers)
    if number % 37 == 0:
        request["auth"] = {"type": "noauth"}
    name = f"{kind.capitalize()} {resource} {number}"
    return {"name": name, "request": request, "response": _responses(rng, kind, method, request)}


def _path_variable(name: str, rng: random.Random) -> dict:
    return {
        "key": name,
        "value": rng.choice(("<string>", "<integer>", "<long>")),
        "description": f"(Required) The {name} to act on",
    }


def _query(rng: random.Random, kind: str) -> list[dict]:
    rows = []
    if kind == "list":
        rows.append({"key": "limit", "value": "<integer>", "description": "Maximum number of results"})
        rows.append({"key": "cursor", "value": "<string>", "description": "Opaque page cursor"})
    if rng.random() < 0.25:
        rows.append({"key": "expand", "value": "<string>", "description": {"content": "Fields to expand", "type": "text/plain"}})
    if rng.random() < 0.12:
        rows.append({"key": "scope", "value": "<string>", "description": "(Required) Which scope to act in"})
    if rng.random() < 0.05:
        rows.append({"key": "verbose", "value": "<boolean>", "disabled": True})
    return rows


def _fields(rng: random.Random, depth: int = 0) -> dict:
    out: dict[str, Any] = {"id": "<integer>", "name": "<string>"}
    for index in range(rng.randint(1, 4)):
        out[f"field{index}"] = rng.choice(FIELD_TYPES)
    if depth == 0 and rng.random() < 0.5:
        out["owner"] = _fields(rng, depth + 1)
    if depth == 0 and rng.random() < 0.4:
        out["tags"] = ["<string>", "<string>"]
    return out


def _body(rng: random.Random, headers: list[dict]) -> dict:
    mode = rng.choice(("raw", "raw", "raw", "urlencoded", "formdata"))
    if mode == "raw":
        headers.append({"key": "Content-Type", "value": "application/json"})
        return {
            "mode": "raw",
            "raw": json.dumps(_fields(rng), indent=2),
            "options": {"raw": {"headerFamily": "json", "language": "json"}},
        }
    rows = [
        {"key": "name", "value": "<string>", "type": "text", "description": "(Required) Display name"},
        {"key": "note", "value": "<string>", "type": "text"},
    ]
    if mode == "urlencoded":
        headers.append({"key": "Content-Type", "value": "application/x-www-form-urlencoded"})
        return {"mode": "urlencoded", "urlencoded": [{k: v for k, v in r.items() if k != "type"} for r in rows]}
    headers.append({"key": "Content-Type", "value": "multipart/form-data"})
    return {"mode": "formdata", "formdata": rows}


def _responses(rng: random.Random, kind: str, method: str, request: dict) -> list[dict]:
    original = {"method": method, "header": request["header"], "url": request["url"]}
    out = []
    if kind == "delete":
        out.append(_saved("Deleted. No response body is\nreturned.", 204, "No Content", None, original))
    else:
        code, status = (201, "Created") if kind == "create" else (200, "OK")
        body: Any = _fields(rng)
        if kind == "list":
            body = {"results": [_fields(rng), _fields(rng)], "next": "<string>", "total": "<integer>"}
        out.append(_saved(f"Successful {kind}", code, status, body, original))
    for code, status in rng.sample(ERROR_CODES, rng.randint(1, 3)):
        out.append(_saved(status, code, status, {"code": "<integer>", "message": "<string>"}, original))
    return out


def _saved(name: str, code: int, status: str, body: Any, original: dict) -> dict:
    headers = [] if body is None else [{"key": "Content-Type", "value": "application/json"}]
    return {
        "name": name,
        "originalRequest": original,
        "status": status,
        "code": code,
        "_postman_previewlanguage": "json" if body is not None else "text",
        "header": headers,
        "cookie": [],
        "body": "" if body is None else json.dumps(body, indent=2),
    }


# ---------------------------------------------------------------- reading it back


def walk_items(document: dict) -> list[tuple[str, dict]]:
    """(slash path, item) for every request item, in collection order."""
    out: list[tuple[str, dict]] = []

    def visit(nodes: list[dict], prefix: str) -> None:
        for node in nodes:
            path = f"{prefix}{node['name']}"
            if "request" in node:
                out.append((path, node))
            else:
                visit(node.get("item", []), path + "/")

    visit(document["item"], "")
    return out


def blocking_names(item: dict) -> set[str]:
    """Names an item cannot be sent without: required path vars, required query/header/form placeholders."""
    request = item["request"]
    names = {v["key"] for v in request["url"].get("variable", [])}
    body = request.get("body") or {}
    form_rows = body.get(body.get("mode"), []) if body.get("mode") in ("urlencoded", "formdata") else []
    for row in request["url"].get("query", []) + request["header"] + form_rows:
        description = row.get("description") or ""
        if isinstance(description, dict):
            description = description.get("content", "")
        if not row.get("disabled") and description.startswith("(Required)"):
            names.add(row["key"])
    return names


def complete_environment(document: dict) -> dict:
    """A Postman environment export that makes every item of `document` sendable."""
    names: set[str] = set()
    for _, item in walk_items(document):
        names |= blocking_names(item)
    values = [{"key": name, "value": f"value-{name}", "type": "default", "enabled": True} for name in sorted(names - {"bearerToken"})]
    values.append({"key": "bearerToken", "value": "factory-token", "type": "secret", "enabled": True})
    return {"name": "complete", "values": values, "_postman_variable_scope": "environment"}
