"""tv4 and ajv over `jsonschema`: validation here, each library's error shapes and words kept.

tv4 1.3 validates draft-04 and reports the first error (or all, for validateMultiple) with
numeric codes and JSON-pointer data paths; ajv 6 validates draft-07 (draft-04/06 by `$schema`)
with `keyword`/`dataPath`/`schemaPath`/`params`/`message` errors, the first one unless
`allErrors`. No `$ref` is fetched: a reference outside the schemas a script added is reported
as missing (tv4) or as an error (ajv), never looked up on the network.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any, Iterable

from .host import HostError

# The order in which each library checks keywords, so the "first" error is the one it reports.
_TV4_ORDER = ["$ref", "type", "enum", "multipleOf", "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum",
              "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "items", "additionalItems",
              "minProperties", "maxProperties", "required", "properties", "patternProperties",
              "additionalProperties", "dependencies", "allOf", "anyOf", "oneOf", "not", "format"]
_AJV_ORDER = ["$ref", "type", "maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum", "multipleOf",
              "maxLength", "minLength", "pattern", "format", "maxItems", "minItems", "items", "additionalItems",
              "contains", "uniqueItems", "maxProperties", "minProperties", "required", "dependencies",
              "propertyNames", "properties", "patternProperties", "additionalProperties", "const", "enum", "not",
              "anyOf", "oneOf", "allOf", "if", "then", "else"]

_TV4_CODES = {
    "INVALID_TYPE": 0, "ENUM_MISMATCH": 1, "ANY_OF_MISSING": 10, "ONE_OF_MISSING": 11, "ONE_OF_MULTIPLE": 12,
    "NOT_PASSED": 13, "NUMBER_MULTIPLE_OF": 100, "NUMBER_MINIMUM": 101, "NUMBER_MINIMUM_EXCLUSIVE": 102,
    "NUMBER_MAXIMUM": 103, "NUMBER_MAXIMUM_EXCLUSIVE": 104, "NUMBER_NOT_A_NUMBER": 105, "NUMBER_NOT_FINITE": 106,
    "STRING_LENGTH_SHORT": 200, "STRING_LENGTH_LONG": 201, "STRING_PATTERN": 202, "OBJECT_PROPERTIES_MINIMUM": 300,
    "OBJECT_PROPERTIES_MAXIMUM": 301, "OBJECT_REQUIRED": 302, "OBJECT_ADDITIONAL_PROPERTIES": 303,
    "OBJECT_DEPENDENCY_KEY": 304, "ARRAY_LENGTH_SHORT": 400, "ARRAY_LENGTH_LONG": 401, "ARRAY_UNIQUE": 402,
    "ARRAY_ADDITIONAL_ITEMS": 403, "FORMAT_CUSTOM": 500, "KEYWORD_CUSTOM": 501, "CIRCULAR_REFERENCE": 600,
    "UNKNOWN_PROPERTY": 1000,
}


def tv4_codes() -> dict[str, int]:
    return dict(_TV4_CODES)


def _js(value: Any) -> str:
    """A value as tv4 prints it in a message (JSON for strings, JS's String() otherwise)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if value is None:
        return "null"
    return str(value) if not isinstance(value, (list, dict)) else json.dumps(value, separators=(",", ":"))


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "integer" if isinstance(value, int) or value.is_integer() else "number"
    names: dict[type, str] = {str: "string", list: "array", dict: "object"}
    return names.get(type(value), "object")


def _pointer(parts: Iterable[Any]) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def _validator(schema_json: str, extra_json: str, default_draft: str) -> Any:
    return _build(schema_json, extra_json, default_draft)


@functools.lru_cache(maxsize=256)
def _build(schema_json: str, extra_json: str, default_draft: str) -> Any:
    import jsonschema  # type: ignore[import-untyped, unused-ignore]
    from referencing import Registry, Resource
    from referencing.jsonschema import specification_with

    schema = json.loads(schema_json)
    extra: dict[str, Any] = json.loads(extra_json)
    drafts = {"4": jsonschema.Draft4Validator, "6": jsonschema.Draft6Validator, "7": jsonschema.Draft7Validator}
    cls = drafts[default_draft]
    if isinstance(schema, dict) and isinstance(schema.get("$schema"), str):
        found = jsonschema.validators.validator_for(schema, default=cls)
        cls = found if found in drafts.values() else cls
    default_spec = specification_with(cls.META_SCHEMA["$schema"])
    resources = [(uri, Resource.from_contents(doc, default_specification=default_spec)) for uri, doc in extra.items()
                 if isinstance(doc, (dict, bool))]
    registry: Any = Registry().with_resources(resources)
    return cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)


def _errors(validator: Any, data: Any, order: list[str]) -> tuple[list[Any], list[str]]:
    """All errors, ordered as the library would meet them, and the $refs that could not be resolved."""
    from referencing.exceptions import Unresolvable

    missing: list[str] = []
    try:
        errors = list(validator.iter_errors(data))
    except Unresolvable as exc:
        ref = getattr(exc, "ref", str(exc))
        return [], [str(ref)]
    except RecursionError:
        raise HostError("the schema refers to itself without end", "RangeError") from None

    def rank(error: Any) -> list[tuple[int, int]]:
        key: list[tuple[int, int]] = []
        for part in error.absolute_schema_path:
            if isinstance(part, str) and part in order:
                key.append((order.index(part), 0))
            elif isinstance(part, int):
                key.append((len(order), part))
        return key

    errors.sort(key=rank)
    return errors, missing


# ---- tv4 ------------------------------------------------------------------------------------

def _tv4_error(error: Any) -> dict[str, Any]:
    keyword, value, schema_value = error.validator, error.instance, error.validator_value
    params: dict[str, Any] = {}
    data_path = list(error.absolute_path)
    schema_path = [str(p) for p in error.absolute_schema_path]
    if keyword == "type":
        types = schema_value if isinstance(schema_value, list) else [schema_value]
        code, message = "INVALID_TYPE", f"Invalid type: {_type_name(value)} (expected {'/'.join(types)})"
        params = {"type": _type_name(value), "expected": "/".join(types)}
    elif keyword == "enum":
        code, message = "ENUM_MISMATCH", f"No enum match for: {_js(value)}"
        params = {"value": _js(value)}
    elif keyword == "required":
        missing = next((k for k in schema_value if isinstance(value, dict) and k not in value), "")
        code, message = "OBJECT_REQUIRED", f"Missing required property: {missing}"
        params = {"key": missing}
        data_path = data_path + [missing]
        schema_path = schema_path + [str(list(schema_value).index(missing))] if missing in schema_value else schema_path
    elif keyword == "additionalProperties":
        extra = re.findall(r"'([^']*)'", error.message)
        code, message = "OBJECT_ADDITIONAL_PROPERTIES", "Additional properties not allowed"
        if extra:
            data_path = data_path + [extra[0]]
    elif keyword in ("minimum", "maximum"):
        exclusive = bool(error.schema.get("exclusive" + keyword.capitalize()))
        words = {"minimum": ("less than minimum", "equal to exclusive minimum", "NUMBER_MINIMUM"),
                 "maximum": ("greater than maximum", "equal to exclusive maximum", "NUMBER_MAXIMUM")}[keyword]
        if exclusive and value == schema_value:
            code, message = words[2] + "_EXCLUSIVE", f"Value {_js(value)} is {words[1]} {_js(schema_value)}"
        else:
            code, message = words[2], f"Value {_js(value)} is {words[0]} {_js(schema_value)}"
        params = {"value": value, keyword: schema_value}
    elif keyword == "multipleOf":
        code, message = "NUMBER_MULTIPLE_OF", f"Value {_js(value)} is not a multiple of {_js(schema_value)}"
        params = {"value": value, "multipleOf": schema_value}
    elif keyword in ("minLength", "maxLength"):
        short = keyword == "minLength"
        code = "STRING_LENGTH_SHORT" if short else "STRING_LENGTH_LONG"
        message = (f"String is too {'short' if short else 'long'} ({len(value)} chars), "
                   f"{'minimum' if short else 'maximum'} {schema_value}")
        params = {"length": len(value), "minimum" if short else "maximum": schema_value}
    elif keyword == "pattern":
        code, message = "STRING_PATTERN", f"String does not match pattern: {schema_value}"
        params = {"pattern": schema_value}
    elif keyword in ("minItems", "maxItems"):
        short = keyword == "minItems"
        code = "ARRAY_LENGTH_SHORT" if short else "ARRAY_LENGTH_LONG"
        message = f"Array is too {'short' if short else 'long'} ({len(value)}), {'minimum' if short else 'maximum'} {schema_value}"
        params = {"length": len(value), "minimum" if short else "maximum": schema_value}
    elif keyword == "uniqueItems":
        pair = _duplicate(value)
        code, message = "ARRAY_UNIQUE", f"Array items are not unique (indices {pair[0]} and {pair[1]})"
        params = {"match1": pair[0], "match2": pair[1]}
    elif keyword == "additionalItems":
        code, message = "ARRAY_ADDITIONAL_ITEMS", "Additional items not allowed"
    elif keyword in ("minProperties", "maxProperties"):
        few = keyword == "minProperties"
        code = "OBJECT_PROPERTIES_MINIMUM" if few else "OBJECT_PROPERTIES_MAXIMUM"
        message = (f"Too {'few' if few else 'many'} properties defined ({len(value)}), "
                   f"{'minimum' if few else 'maximum'} {schema_value}")
    elif keyword == "dependencies":
        code, message = "OBJECT_DEPENDENCY_KEY", f"Dependency failed - {error.message}"
    elif keyword == "anyOf":
        code, message = "ANY_OF_MISSING", 'Data does not match any schemas from "anyOf"'
    elif keyword == "oneOf":
        if "is valid under each of" in error.message:
            code, message = "ONE_OF_MULTIPLE", 'Data is valid against more than one schema from "oneOf"'
        else:
            code, message = "ONE_OF_MISSING", 'Data does not match any schemas from "oneOf"'
    elif keyword == "not":
        code, message = "NOT_PASSED", 'Data matches schema from "not"'
    elif keyword == "format":
        code, message = "FORMAT_CUSTOM", f"Format validation failed ({error.message})"
    else:
        code, message = "KEYWORD_CUSTOM", f"Keyword failed: {keyword} ({error.message})"
    return {"message": message, "params": params, "code": _TV4_CODES[code], "dataPath": _pointer(data_path),
            "schemaPath": _pointer(schema_path), "subErrors": None}


def _duplicate(items: Any) -> tuple[int, int]:
    seen: list[Any] = []
    for j, item in enumerate(items or []):
        for i, earlier in enumerate(seen):
            if _equal(earlier, item):
                return i, j
        seen.append(item)
    return 0, 0


def _equal(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    return bool(a == b)


def _tv4_unknown(data: Any, schema: Any, path: list[Any]) -> list[dict[str, Any]]:
    """banUnknownProperties: a property no `properties`/`patternProperties` of its schema names."""
    out: list[dict[str, Any]] = []
    if not isinstance(schema, dict):
        return out
    if isinstance(data, dict):
        props = schema.get("properties") or {}
        patterns = list((schema.get("patternProperties") or {}).keys())
        for key, item in data.items():
            if key in props:
                out += _tv4_unknown(item, props[key], path + [key])
            elif not any(re.search(p, key) for p in patterns):
                out.append({"message": "Unknown property (not in schema)", "params": {}, "code": 1000,
                            "dataPath": _pointer(path + [key]), "schemaPath": "", "subErrors": None})
    elif isinstance(data, list) and isinstance(schema.get("items"), dict):
        for i, item in enumerate(data):
            out += _tv4_unknown(item, schema["items"], path + [i])
    return out


def tv4_validate(data: Any, schema: Any, schemas: dict[str, Any], ban_unknown: bool, multiple: bool) -> dict[str, Any]:
    """{valid, errors, missing}: every error when `multiple`, else the first one tv4 would report."""
    if not isinstance(schema, (dict, bool)):
        raise HostError("tv4: the schema must be an object", "TypeError")
    validator = _validator(json.dumps(schema, sort_keys=True), json.dumps(schemas, sort_keys=True), "4")
    errors, missing = _errors(validator, data, _TV4_ORDER)
    shaped = [_tv4_error(e) for e in errors]
    if ban_unknown:
        shaped += _tv4_unknown(data, schema, [])
    if not multiple:
        shaped = shaped[:1]
    return {"valid": not shaped, "errors": shaped, "missing": missing}


# ---- ajv ------------------------------------------------------------------------------------

def _ajv_path(parts: list[Any], pointers: bool) -> str:
    if pointers:
        return _pointer(parts)
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_$][A-Za-z0-9_$]*", str(part)):
            out += f".{part}"
        else:
            out += "['" + str(part).replace("\\", "\\\\").replace("'", "\\'") + "']"
    return out


def _ajv_error(error: Any, pointers: bool) -> dict[str, Any]:
    keyword, value, expected = error.validator, error.instance, error.validator_value
    data_path = list(error.absolute_path)
    schema_path = "#" + _pointer(error.absolute_schema_path)
    params: dict[str, Any] = {}
    if keyword == "type":
        types = ",".join(expected) if isinstance(expected, list) else expected
        params, message = {"type": types}, f"should be {types}"
    elif keyword == "required":
        missing = next((k for k in expected if isinstance(value, dict) and k not in value), "")
        params, message = {"missingProperty": missing}, f"should have required property '{missing}'"
    elif keyword == "additionalProperties":
        extra = re.findall(r"'([^']*)'", error.message)
        params, message = {"additionalProperty": extra[0] if extra else ""}, "should NOT have additional properties"
    elif keyword == "enum":
        params, message = {"allowedValues": expected}, "should be equal to one of the allowed values"
    elif keyword == "const":
        params, message = {"allowedValue": expected}, "should be equal to constant"
    elif keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        below = keyword.lower().endswith("minimum")
        exclusive = keyword.startswith("exclusive") or bool(error.schema.get("exclusive" + keyword.capitalize()) is True)
        limit = expected if not isinstance(expected, bool) else error.schema.get("minimum" if below else "maximum")
        comparison = (">" if below else "<") + ("" if exclusive else "=")
        params = {"comparison": comparison, "limit": limit, "exclusive": exclusive}
        message = f"should be {comparison} {_js(limit)}"
    elif keyword == "multipleOf":
        params, message = {"multipleOf": expected}, f"should be multiple of {_js(expected)}"
    elif keyword in ("minLength", "maxLength"):
        word = "shorter" if keyword == "minLength" else "longer"
        params, message = {"limit": expected}, f"should NOT be {word} than {expected} characters"
    elif keyword == "pattern":
        params, message = {"pattern": expected}, f'should match pattern "{expected}"'
    elif keyword == "format":
        params, message = {"format": expected}, f'should match format "{expected}"'
    elif keyword in ("minItems", "maxItems", "additionalItems"):
        word = "fewer" if keyword == "minItems" else "more"
        limit = expected if keyword != "additionalItems" else len(error.schema.get("items") or [])
        params, message = {"limit": limit}, f"should NOT have {word} than {limit} items"
    elif keyword == "uniqueItems":
        i, j = _duplicate(value)
        params, message = {"i": j, "j": i}, f"should NOT have duplicate items (items ## {j} and {i} are identical)"
    elif keyword in ("minProperties", "maxProperties"):
        word = "fewer" if keyword == "minProperties" else "more"
        params, message = {"limit": expected}, f"should NOT have {word} than {expected} properties"
    elif keyword == "dependencies":
        found = re.match(r"'([^']*)' is a dependency of '([^']*)'", error.message)
        missing, prop = (found.group(1), found.group(2)) if found else ("", "")
        params = {"property": prop, "missingProperty": missing}
        message = f"should have property {missing} when property {prop} is present"
    elif keyword == "anyOf":
        message = "should match some schema in anyOf"
    elif keyword == "oneOf":
        params = {"passingSchemas": None}
        message = "should match exactly one schema in oneOf"
    elif keyword == "not":
        message = "should NOT be valid"
    elif keyword == "contains":
        message = "should contain a valid item"
    elif keyword == "propertyNames":
        params, message = {"propertyName": value}, f"property name '{value}' is invalid"
    elif keyword in ("if", "then", "else"):
        params, message = {"failingKeyword": keyword}, f'should match "{keyword}" schema'
    elif keyword == "false":
        message = "boolean schema is false"
    else:
        message = error.message
    return {"keyword": keyword, "dataPath": _ajv_path(data_path, pointers), "schemaPath": schema_path,
            "params": params, "message": message}


def ajv_validate(schema: Any, data: Any, schemas: dict[str, Any], options: dict[str, Any]) -> dict[str, Any]:
    """{valid, errors}: ajv 6's error objects; all of them with `allErrors`, else the first."""
    if not isinstance(schema, (dict, bool)):
        raise HostError("schema should be object or boolean", "Error")
    draft = "4" if options.get("schemaId") == "id" else "7"
    validator = _validator(json.dumps(schema, sort_keys=True), json.dumps(schemas, sort_keys=True), draft)
    errors, missing = _errors(validator, data, _AJV_ORDER)
    if missing:
        raise HostError(f"can't resolve reference {missing[0]} from id #", "Error")
    pointers = bool(options.get("jsonPointers"))
    shaped = [_ajv_error(e, pointers) for e in errors]
    if not options.get("allErrors"):
        shaped = shaped[:1]
    return {"valid": not shaped, "errors": shaped}


def check_schema(schema: Any, draft: str) -> list[str]:
    """Problems with the schema itself (ajv's compile throws on these)."""
    import jsonschema  # type: ignore[import-untyped, unused-ignore]

    cls = {"4": jsonschema.Draft4Validator, "7": jsonschema.Draft7Validator}[draft]
    return [e.message for e in cls(cls.META_SCHEMA).iter_errors(schema)]
