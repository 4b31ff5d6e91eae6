"""JSON Schemas for the parts of Postman files this project reads.

Permissive where real files are untidy (unknown keys, numbers where strings are
expected, `null` for absent), strict where a wrong type would break a later stage.
"""

from __future__ import annotations

from typing import Any

_SCALAR = {"type": ["string", "number", "boolean", "null"]}
_TEXT = {"type": ["string", "number", "null"]}
_DESCRIPTION = {"anyOf": [_TEXT, {"type": "object"}]}
_KEY_VALUE: dict[str, Any] = {
    "type": "object",
    "properties": {
        "key": _TEXT,
        "value": {},
        "disabled": {"type": ["boolean", "null"]},
        "description": _DESCRIPTION,
    },
}
_KEY_VALUES = {"type": ["array", "null"], "items": _KEY_VALUE}
# Header values are text on the wire: an object or array there is a broken file, not a value to stringify.
_HEADER_ROW = {**_KEY_VALUE, "properties": {**_KEY_VALUE["properties"], "value": _SCALAR}}
# rows, or (as postman-collection takes them) `Name: value` text, rows as text, or a name → value map
_HEADERS = {"anyOf": [{"type": ["array", "null"], "items": {"anyOf": [_HEADER_ROW, {"type": "string"}]}},
                      {"type": "string"}, {"type": "object", "additionalProperties": _SCALAR}, _HEADER_ROW]}
_QUERY = {"anyOf": [{"type": ["array", "null"], "items": {"anyOf": [_KEY_VALUE, {"type": "string"}]}},
                    {"type": "string"}]}
_AUTH = {
    "type": ["object", "null"],
    "properties": {"type": {"type": "string"}},
    "additionalProperties": {
        "anyOf": [{"type": "array", "items": {"type": "object"}}, {"type": ["object", "null"]}]
    },
}
_SEGMENTS = {
    "anyOf": [
        {"type": "string"},
        {
            "type": "array",
            "items": {"anyOf": [_TEXT, {"type": "object", "properties": {"value": _TEXT}}]},
        },
    ]
}
_URL = {
    "anyOf": [
        {"type": ["string", "null"]},
        {
            "type": "object",
            "properties": {
                "raw": _TEXT,
                "protocol": _TEXT,
                "host": _SEGMENTS,
                "path": _SEGMENTS,
                "port": _TEXT,
                "query": _QUERY,
                "variable": _KEY_VALUES,
                "hash": _TEXT,
            },
        },
    ]
}
_BODY = {
    "type": ["object", "null"],
    "properties": {
        "mode": {"type": ["string", "null"]},
        "raw": _TEXT,
        "urlencoded": _KEY_VALUES,
        "formdata": _KEY_VALUES,
        "file": {"type": ["object", "null"], "properties": {"src": {"type": ["string", "null"]}}},
        "graphql": {
            "type": ["object", "null"],
            "properties": {"query": _TEXT, "variables": {"type": ["string", "object", "null"]}},
        },
        "options": {"type": ["object", "null"]},
        "disabled": {"type": ["boolean", "null"]},
    },
}
_REQUEST = {
    "anyOf": [
        {"type": "string"},
        {
            "type": "object",
            "properties": {
                "method": _TEXT,
                "url": _URL,
                "header": _HEADERS,
                "body": _BODY,
                "auth": _AUTH,
                "description": _DESCRIPTION,
            },
        },
    ]
}
_EXEC = {"anyOf": [{"type": ["string", "null"]}, {"type": "array", "items": {"type": ["string", "number", "null"]}}]}
_EVENT = {
    "type": "object",
    "properties": {
        "listen": {"type": ["string", "null"]},
        "disabled": {"type": ["boolean", "null"]},
        # postman-collection takes the script object, or its `exec` directly
        "script": {"anyOf": [{"type": ["object", "null"], "properties": {"exec": _EXEC}}, _EXEC]},
    },
}
# `event` is a list, or one event object (postman-collection takes both)
_EVENTS = {"anyOf": [{"type": ["array", "null"], "items": _EVENT}, _EVENT]}
_RESPONSE = {
    "type": "object",
    "properties": {
        "name": _TEXT,
        "code": {"type": ["integer", "string", "null"]},
        "status": _TEXT,
        "header": _HEADERS,
        "body": _TEXT,
        "originalRequest": _REQUEST,
    },
}
_BEHAVIOR = {"type": ["object", "null"]}
_COMMON = {
    "name": _TEXT,
    "description": _DESCRIPTION,
    "event": _EVENTS,
    "protocolProfileBehavior": _BEHAVIOR,
}

COLLECTION_SCHEMA: dict = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$defs": {
        "node": {
            "type": "object",
            "anyOf": [{"required": ["item"]}, {"required": ["request"]}],
            "properties": {
                **_COMMON,
                "item": {"anyOf": [{"type": "array", "items": {"$ref": "#/$defs/node"}}, {"$ref": "#/$defs/node"}]},
                "auth": _AUTH,
                "variable": _KEY_VALUES,
                "request": _REQUEST,
                "response": {"anyOf": [{"type": ["array", "null"], "items": _RESPONSE}, _RESPONSE]},
            },
        },
    },
    "type": "object",
    "required": ["item"],
    "properties": {
        "info": {
            "type": "object",
            "properties": {"name": _TEXT, "schema": _TEXT, "description": _DESCRIPTION},
        },
        "item": {"anyOf": [{"type": "array", "items": {"$ref": "#/$defs/node"}}, {"$ref": "#/$defs/node"}]},
        "auth": _AUTH,
        "variable": _KEY_VALUES,
        "event": _EVENTS,
        "protocolProfileBehavior": _BEHAVIOR,
    },
}

ENVIRONMENT_SCHEMA: dict = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
        "name": _TEXT,
        "values": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["key"],
                "properties": {
                    "key": _TEXT,
                    "enabled": {"type": ["boolean", "null"]},
                    "disabled": {"type": ["boolean", "null"]},
                    "type": {"type": ["string", "null"]},
                },
            },
        },
    },
}
