"""OpenAPI descriptions for tests and benchmarks, written by our own generator.

`write_description(folder, version, fmt)` writes a small users API split over three files
(`openapi.*`, `schemas/user.*`, `schemas/common.*`) with `$ref`s across them, a server path
prefix, a nullable and an optional field, a writeOnly password, a required response header,
formats, and a 3.0 boolean `exclusiveMinimum`. `many_operations(n)` writes a single-file
description with `n` operations of the same shape, for the benchmark.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml


def _nullable(schema: dict, version: str) -> dict:
    if version == "3.0":
        return {**schema, "nullable": True}
    return {**schema, "type": [schema["type"], "null"]}


def user_schema(version: str, ext: str) -> dict:
    return {
        "User": {
            "type": "object",
            "required": ["id", "name", "password"],
            "properties": {
                "id": {"type": "integer", "format": "int64"},
                "name": {"type": "string", "minLength": 1},
                "nickname": _nullable({"type": "string"}, version),  # optional and nullable
                "email": {"type": "string", "format": "email"},
                "password": {"type": "string", "writeOnly": True},
                "created": {"type": "string", "readOnly": True},
                "score": ({"type": "number", "minimum": 0, "exclusiveMinimum": True} if version == "3.0"
                          else {"type": "number", "exclusiveMinimum": 0}),
                "address": {"$ref": f"common.{ext}#/Address"},
                "manager": ({"$ref": "#/User", "nullable": True} if version == "3.0"
                            else {"anyOf": [{"$ref": "#/User"}, {"type": "null"}]}),
            },
        }
    }


def common_schema() -> dict:
    return {"Address": {"type": "object", "required": ["city"],
                        "properties": {"city": {"type": "string"}, "zip": {"type": "string"}}}}


def root_document(version: str, ext: str) -> dict:
    user = {"$ref": f"schemas/user.{ext}#/User"}
    json_of = lambda schema: {"application/json": {"schema": schema}}  # noqa: E731
    return {
        "openapi": "3.0.3" if version == "3.0" else "3.1.0",
        "info": {"title": "Users", "version": "1"},
        "servers": [{"url": "https://api.example.test/v2"}],
        "paths": {
            "/users/{id}": {
                "get": {
                    "operationId": "getUser",
                    "responses": {
                        "200": {"description": "The user.", "content": json_of(user),
                                "headers": {"X-Rate-Limit": {"required": True, "schema": {"type": "integer"}}}},
                        "404": {"$ref": "#/components/responses/NotFound"},
                    },
                },
                "delete": {"responses": {"204": {"description": "Deleted."}, "4XX": {"$ref": "#/components/responses/NotFound"}}},
            },
            "/users": {
                "get": {"responses": {"200": {"description": "All users.",
                                              "content": json_of({"type": "array", "items": user})}}},
                "post": {"responses": {"201": {"description": "Created.", "content": json_of(user)}}},
            },
            "/health": {"get": {"responses": {"200": {"description": "Up.", "content": {"text/plain": {"schema": {"type": "string"}}}}}}},
            "/reports/{year}.csv": {"get": {"responses": {"200": {"description": "CSV.", "content": {"text/csv": {}}}}}},
        },
        "components": {
            "responses": {"NotFound": {"description": "No such user.",
                                       "content": json_of({"$ref": "#/components/schemas/Error"})}},
            "schemas": {"Error": {"type": "object", "required": ["message"], "properties": {"message": {"type": "string"}}}},
        },
    }


def write_description(folder: Path, version: str = "3.1", fmt: str = "yaml") -> Path:
    """Three files with `$ref`s across them; returns the root document's path."""
    ext = "yaml" if fmt == "yaml" else "json"
    dump = (lambda d: yaml.safe_dump(d, sort_keys=False)) if fmt == "yaml" else (lambda d: json.dumps(d, indent=1))
    (folder / "schemas").mkdir(parents=True, exist_ok=True)
    (folder / "schemas" / f"user.{ext}").write_text(dump(user_schema(version, ext)), encoding="utf-8")
    (folder / "schemas" / f"common.{ext}").write_text(dump(common_schema()), encoding="utf-8")
    root = folder / f"openapi.{ext}"
    root.write_text(dump(root_document(version, ext)), encoding="utf-8")
    return root


def good_user(**changes: Any) -> dict:
    user: dict[str, Any] = {"id": 7, "name": "Ada", "nickname": None, "email": "ada@example.test", "created": "x",
                            "score": 1.5, "address": {"city": "Paris"}, "manager": None}
    user.update(changes)
    return {k: v for k, v in user.items() if v is not ...}


def many_operations(n: int, version: str = "3.1") -> dict:
    """One file, `n` GET operations `/things{i}/{id}` answering a small JSON object."""
    thing = {"type": "object", "required": ["id", "name"],
             "properties": {"id": {"type": "integer"}, "name": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}}}}
    paths = {f"/things{i}/{{id}}": {"get": {"responses": {"200": {"description": "A thing.", "content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}} for i in range(n)}
    return {"openapi": "3.0.3" if version == "3.0" else "3.1.0", "info": {"title": "Things", "version": "1"},
            "paths": paths, "components": {"schemas": {"Thing": thing}}}
