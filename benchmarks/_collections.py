"""Generate large collections that look like an OpenAPI → Postman conversion.

Tag folders, `{{baseUrl}}` hosts, `:id` path variables whose item-level value is a typed
placeholder (`<long>`) backed by a collection variable of the same name, query parameters
(one concrete, one optional `<string>` placeholder), `(Required)` descriptions, and one
documented 200 example per item with a JSON body that uses typed placeholders.

Only used by the benchmark scripts; `python benchmarks/_collections.py N OUT.json` writes one.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

TAGS = [
    "pets", "stores", "users", "orders", "invoices", "products", "carts", "reviews", "shipments",
    "coupons", "payments", "accounts", "teams", "projects", "issues", "comments", "labels",
    "webhooks", "reports", "settings",
]
METHODS = ("GET", "POST", "PUT", "DELETE")

# What the benchmark servers answer; it matches the documented example below.
SERVER_BODY = {"id": 1, "name": "rex", "status": "available", "tags": [{"id": 2, "label": "a"}]}
EXAMPLE_BODY = {"id": "<long>", "name": "<string>", "status": "<string>",
                "tags": [{"id": "<long>", "label": "<string>"}]}


def _tag(index: int) -> str:
    base = TAGS[index % len(TAGS)]
    return base if index < len(TAGS) else f"{base}-{index // len(TAGS)}"


def _item(tag: str, number: int, method: str) -> dict:
    var = f"{tag.rstrip('s').replace('-', '')}Id"
    path = [tag, f":{var}", f"op{number}"]
    query = [
        {"key": "limit", "value": "10", "description": "How many results to return"},
        {"key": "cursor", "value": "<string>", "description": "Opaque paging cursor"},
    ]
    url = {
        "raw": "{{baseUrl}}/" + "/".join(path) + "?limit=10&cursor=<string>",
        "host": ["{{baseUrl}}"],
        "path": path,
        "query": query,
        "variable": [{"key": var, "value": "<long>", "description": f"(Required) The {var} to act on"}],
    }
    headers = [{"key": "Accept", "value": "application/json"}]
    request: dict = {"method": method, "header": headers, "url": url,
                     "description": f"Operation {number} on {tag}, converted from an OpenAPI description."}
    if method in ("POST", "PUT"):
        request["header"] = headers + [{"key": "Content-Type", "value": "application/json"}]
        request["body"] = {"mode": "raw", "raw": json.dumps({"name": "<string>", "count": "<integer>"}, indent=2),
                           "options": {"raw": {"language": "json"}}}
    return {
        "name": f"{method.title()} {tag} operation {number}",
        "request": request,
        "response": [{
            "name": "Successful response",
            "originalRequest": {"method": method, "header": headers, "url": url},
            "status": "OK",
            "code": 200,
            "_postman_previewlanguage": "json",
            "header": [{"key": "Content-Type", "value": "application/json"}],
            "cookie": [],
            "body": json.dumps(EXAMPLE_BODY, indent=2),
        }],
    }


def generate(items: int, folders: int = 20, *, base_url: str = "http://127.0.0.1:1",
             mixed_methods: bool = False, name: str | None = None) -> dict:
    """A v2.1 collection of `items` items spread evenly over `folders` tag folders."""
    folders = max(1, min(folders, items))
    tree = [{"name": _tag(f), "description": f"Operations on {_tag(f)}", "item": []} for f in range(folders)]
    variables = [{"key": "baseUrl", "value": base_url, "type": "string"}]
    for f, folder in enumerate(tree):
        variables.append({"key": f"{_tag(f).rstrip('s').replace('-', '')}Id", "value": str(40 + f), "type": "string"})
    for number in range(items):
        folder = tree[number * folders // items]  # contiguous blocks, equal sizes
        method = METHODS[number % len(METHODS)] if mixed_methods else "GET"
        folder["item"].append(_item(folder["name"], number, method))
    return {
        "info": {
            "_postman_id": "00000000-0000-4000-8000-000000000000",
            "name": name or f"Generated API ({items} operations)",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "item": tree,
        "variable": variables,
    }


def write(path: str | Path, items: int, folders: int = 20, **kwargs: object) -> Path:
    path = Path(path)
    path.write_text(json.dumps(generate(items, folders, **kwargs)), encoding="utf-8")  # type: ignore[arg-type]
    return path


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python benchmarks/_collections.py N OUT.json")
    print(write(sys.argv[2], int(sys.argv[1]), mixed_methods=True))
