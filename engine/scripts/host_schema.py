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
              "propertyNames", "additionalProperties", "properties", "patternProperties", "const", "enum", "not",
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


# ajv 6's formats in its default "fast" mode, from its documentation (strings only; others pass)
_AJV_FORMATS: dict[str, str] = {
    "date": r"^\d\d\d\d-[0-1]\d-[0-3]\d$",
    "time": r"^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$",
    "date-time": r"^\d\d\d\d-[0-1]\d-[0-3]\d[t\s](?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$",
    "uri": r"^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/)?[^\s]*$",
    "uri-reference": r"^(?:(?:[a-z][a-z0-9+\-.]*:)?\/?\/)?(?:[^\\\s#][^\s#]*)?(?:#[^\\\s]*)?$",
    "uri-template": r"^(?:[^{}\s]|\{[^{}\s]*\})*$",
    "url": r"^(?:(?:https?|ftp):\/\/)[^\s/$.?#].[^\s]*$",
    "email": r"^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$",
    "hostname": r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*$",
    "uuid": r"^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$",
    "json-pointer": r"^(?:\/(?:[^~/]|~0|~1)*)*$",
    "json-pointer-uri-fragment": r"^#(?:\/(?:[a-z0-9_\-.!$&'()*+,;:=@]|%[0-9a-f]{2}|~0|~1)*)*$",
    "relative-json-pointer": r"^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$",
}
_AJV_OTHER_FORMATS = {"ipv4", "ipv6", "regex"}


def _ajv_format_checker() -> Any:
    import ipaddress

    import jsonschema  # type: ignore[import-untyped, unused-ignore]

    checker = jsonschema.FormatChecker(formats=())
    for name, pattern in _AJV_FORMATS.items():
        compiled = re.compile(pattern, re.IGNORECASE)
        checker.checks(name)(lambda value, compiled=compiled: not isinstance(value, str) or bool(compiled.match(value)))

    def ip(version: int) -> Any:
        def check(value: Any) -> bool:
            if not isinstance(value, str):
                return True
            try:
                return ipaddress.ip_address(value).version == version and "%" not in value
            except ValueError:
                return False
        return check

    checker.checks("ipv4")(ip(4))
    checker.checks("ipv6")(ip(6))

    def regex(value: Any) -> bool:
        try:
            return not isinstance(value, str) or bool(re.compile(value)) or True
        except re.error:
            return False

    checker.checks("regex")(regex)
    return checker


def _validator(schema_json: str, extra_json: str, default_draft: str) -> Any:
    return _build(schema_json, extra_json, default_draft)


@functools.lru_cache(maxsize=256)
def _build(schema_json: str, extra_json: str, default_draft: str) -> Any:
    import jsonschema  # type: ignore[import-untyped, unused-ignore]
    from referencing import Registry, Resource
    from referencing.jsonschema import specification_with

    schema = json.loads(schema_json)
    extra: dict[str, Any] = json.loads(extra_json)
    drafts: dict[str, Any] = {"4": jsonschema.Draft4Validator, "6": jsonschema.Draft6Validator,
                              "7": jsonschema.Draft7Validator}
    cls = drafts[default_draft[0]]
    if isinstance(schema, dict) and isinstance(schema.get("$schema"), str):
        found = jsonschema.validators.validator_for(schema, default=cls)
        cls = found if found in drafts.values() else cls
    default_spec = specification_with(cls.META_SCHEMA["$schema"])
    resources = [(uri, Resource.from_contents(doc, default_specification=default_spec)) for uri, doc in extra.items()
                 if isinstance(doc, (dict, bool))]
    registry: Any = Registry().with_resources(resources)
    checker = _ajv_format_checker() if default_draft != "4t" else None  # tv4 checks no format
    return cls(schema, registry=registry, format_checker=checker)


def _errors(validator: Any, data: Any) -> tuple[list[Any], list[str]]:
    """All errors, and the $refs that could not be resolved."""
    from referencing.exceptions import Unresolvable

    try:
        return list(validator.iter_errors(data)), []
    except Unresolvable as exc:
        return [], [str(getattr(exc, "ref", exc))]
    except RecursionError:
        raise HostError("the schema refers to itself without end", "RangeError") from None


def _data_order(data: Any, path: Iterable[Any]) -> list[int]:
    """Where a data path comes in the document: the index of each key or item on the way."""
    out: list[int] = []
    current = data
    for part in path:
        if isinstance(current, dict):
            keys = list(current)
            out.append(keys.index(part) if part in current else len(keys))
            current = current.get(part)
        elif isinstance(current, list) and isinstance(part, int):
            out.append(part)
            current = current[part] if part < len(current) else None
        else:
            break
    return out


# tv4 checks a value's own keywords, then its children (in the data's order), then these
_TV4_COMBINATORS = {"allOf", "anyOf", "oneOf", "not"}
# tv4 checks a schema's keywords group by group, stopping at a group that fails; inside the basic,
# numeric and string groups it reports only the first failure
_TV4_GROUPS = {"type": 0, "enum": 0, "multipleOf": 1, "minimum": 1, "maximum": 1, "minLength": 2, "maxLength": 2,
               "pattern": 2, "minItems": 3, "maxItems": 3, "uniqueItems": 3, "additionalItems": 3,
               "minProperties": 4, "maxProperties": 4, "required": 4, "additionalProperties": 4, "dependencies": 4,
               "allOf": 5, "anyOf": 5, "oneOf": 5, "not": 5}


def _tv4_reported(errors: list[Any]) -> list[Any]:
    by_node: dict[tuple[Any, ...], list[Any]] = {}
    for error in errors:
        by_node.setdefault(tuple(error.absolute_schema_path)[:-1], []).append(error)
    kept: list[Any] = []
    for node_errors in by_node.values():
        group = min(_TV4_GROUPS.get(e.validator, 6) for e in node_errors)
        chosen = [e for e in node_errors if _TV4_GROUPS.get(e.validator, 6) == group]
        if group <= 2:
            chosen = sorted(chosen, key=lambda e: _TV4_ORDER.index(e.validator) if e.validator in _TV4_ORDER else 99)[:1]
        kept += chosen
    return kept
_TV4_AFTER = {"additionalItems", "dependencies", "allOf", "anyOf", "oneOf", "not"}


def _tv4_key(error: Any, data: Any) -> list[tuple[int, int]]:
    path = list(error.absolute_path)
    if error.validator == "additionalProperties":
        extra = re.findall(r"'([^']*)'", error.message)
        path += extra[:1]
        return [(1, i) for i in _data_order(data, path)]
    stage = 2 if error.validator in _TV4_AFTER else 0
    rank = _TV4_ORDER.index(error.validator) if error.validator in _TV4_ORDER else len(_TV4_ORDER)
    return [(1, i) for i in _data_order(data, path)] + [(stage, rank)]


def _schema_order(schema: Any, schema_path: Iterable[Any]) -> list[tuple[int, int]]:
    """Where a schema path comes in ajv's generated code: keyword ranks, property order in the schema."""
    out: list[tuple[int, int]] = []
    parts = list(schema_path)
    current = schema
    i = 0
    while i < len(parts):
        part = parts[i]
        rank = _AJV_ORDER.index(part) if isinstance(part, str) and part in _AJV_ORDER else len(_AJV_ORDER)
        if part in ("properties", "patternProperties", "dependencies") and i + 1 < len(parts) and isinstance(current, dict):
            found = current.get(part)
            block: dict[str, Any] = found if isinstance(found, dict) else {}
            names = list(block)
            out.append((rank, names.index(parts[i + 1]) if parts[i + 1] in names else 0))
            current = block.get(parts[i + 1])
            i += 2
            continue
        if isinstance(part, int):
            out.append((len(_AJV_ORDER), part))
            current = current[part] if isinstance(current, list) and part < len(current) else None
        else:
            out.append((rank, 0))
            current = current.get(part) if isinstance(current, dict) else None
        i += 1
    return out


# ---- tv4 ------------------------------------------------------------------------------------

def _passing(validator: Any, error: Any) -> list[int]:
    """Indices of the oneOf branches the value is valid against."""
    return [i for i, branch in enumerate(error.validator_value or [])
            if validator.evolve(schema=branch).is_valid(error.instance)]


def _tv4_error(error: Any, validator: Any) -> dict[str, Any]:
    keyword, value, schema_value = error.validator, error.instance, error.validator_value
    params: dict[str, Any] = {}
    data_path = list(error.absolute_path)
    schema_path = [str(p) for p in error.absolute_schema_path]
    if keyword == "type":
        types = schema_value if isinstance(schema_value, list) else [schema_value]
        found = "number" if _type_name(value) == "integer" else _type_name(value)  # tv4 says number for any
        code, message = "INVALID_TYPE", f"Invalid type: {found} (expected {'/'.join(types)})"
        params = {"type": found, "expected": "/".join(types)}
    elif keyword == "enum":
        code, message = "ENUM_MISMATCH", f"No enum match for: {_js(value)}"
        params = {"value": _js(value)}
    elif keyword == "required":
        missing = next((k for k in schema_value if isinstance(value, dict) and k not in value), "")
        code, message = "OBJECT_REQUIRED", f"Missing required property: {missing}"
        params = {"key": missing}
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
        matched = re.match(r"'([^']*)' is a dependency of '([^']*)'", error.message)
        missing, key = (matched.group(1), matched.group(2)) if matched else ("", "")
        code, message = "OBJECT_DEPENDENCY_KEY", f"Dependency failed - key must exist: {missing} (due to key: {key})"
        params = {"key": key, "missing": missing}
    elif keyword == "anyOf":
        code, message = "ANY_OF_MISSING", 'Data does not match any schemas from "anyOf"'
    elif keyword == "oneOf":
        passing = _passing(validator, error)
        if len(passing) > 1:
            code = "ONE_OF_MULTIPLE"
            message = f'Data is valid against more than one schema from "oneOf": indices {passing[0]} and {passing[1]}'
            params = {"index1": passing[0], "index2": passing[1]}
        else:
            code, message = "ONE_OF_MISSING", 'Data does not match any schemas from "oneOf"'
    elif keyword == "not":
        code, message = "NOT_PASSED", 'Data matches schema from "not"'
    elif keyword == "format":
        code, message = "FORMAT_CUSTOM", f"Format validation failed ({error.message})"
    else:
        code, message = "KEYWORD_CUSTOM", f"Keyword failed: {keyword} ({error.message})"
    sub = None
    if keyword in ("anyOf", "oneOf") and code != "ONE_OF_MULTIPLE" and error.context:
        sub = [_tv4_error(e, validator) for e in sorted(error.context, key=lambda e: list(e.schema_path))]
    return {"message": message, "params": params, "code": _TV4_CODES[code], "dataPath": _pointer(data_path),
            "schemaPath": _pointer(schema_path), "subErrors": sub}


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
    validator = _validator(json.dumps(schema, sort_keys=True), json.dumps(schemas, sort_keys=True), "4t")
    errors, missing = _errors(validator, data)
    errors = _tv4_reported(errors)
    errors.sort(key=lambda e: _tv4_key(e, data))
    shaped = [_tv4_error(e, validator) for e in errors]
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


def _ajv_errors(error: Any, validator: Any, pointers: bool) -> list[dict[str, Any]]:
    """One jsonschema error as ajv reports it: anyOf/oneOf branch errors come first, and a
    propertyNames failure is the inner error (naming the property) then its own."""
    out: list[dict[str, Any]] = []
    if error.validator in ("anyOf", "oneOf") and error.context:
        for sub in sorted(error.context, key=lambda e: list(e.schema_path)):
            out += _ajv_errors(sub, validator, pointers)
    if error.validator == "contains" and isinstance(error.instance, list):
        inner = validator.evolve(schema=error.validator_value)
        for index, item in enumerate(error.instance):
            for sub in inner.iter_errors(item):
                shaped = _ajv_error(sub, validator, pointers)
                shaped["dataPath"] = _ajv_path(list(error.absolute_path) + [index] + list(sub.absolute_path), pointers)
                shaped["schemaPath"] = "#" + _pointer(list(error.absolute_schema_path) + list(sub.absolute_schema_path))
                out.append(shaped)
    schema_path = list(error.absolute_schema_path)
    if "propertyNames" in schema_path[:-1]:
        inner = _ajv_error(error, validator, pointers)
        inner["propertyName"] = error.instance
        where = schema_path[: schema_path.index("propertyNames") + 1]
        holder = {"keyword": "propertyNames", "dataPath": inner["dataPath"], "schemaPath": "#" + _pointer(where),
                  "params": {"propertyName": error.instance},
                  "message": f"property name '{error.instance}' is invalid"}
        return out + [inner, holder]
    return out + [_ajv_error(error, validator, pointers)]


def _ajv_error(error: Any, validator: Any, pointers: bool) -> dict[str, Any]:
    keyword, value, expected = error.validator, error.instance, error.validator_value
    data_path = list(error.absolute_path)
    schema_path = "#" + _pointer(error.absolute_schema_path)
    params: dict[str, Any] = {}
    if keyword == "type":
        types = ",".join(expected) if isinstance(expected, list) else expected
        params, message = {"type": types}, f"should be {types}"
    elif keyword == "required":
        missing = next((k for k in expected if isinstance(value, dict) and k not in value), "")
        prop = _ajv_path([missing], pointers)  # ajv 6 names it as a property access: '.a', "['a-b']"
        params, message = {"missingProperty": prop}, f"should have required property '{prop}'"
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
        params, message = {"i": i, "j": j}, f"should NOT have duplicate items (items ## {j} and {i} are identical)"
    elif keyword in ("minProperties", "maxProperties"):
        word = "fewer" if keyword == "minProperties" else "more"
        params, message = {"limit": expected}, f"should NOT have {word} than {expected} properties"
    elif keyword == "dependencies":
        found = re.match(r"'([^']*)' is a dependency of '([^']*)'", error.message)
        missing, prop = (found.group(1), found.group(2)) if found else ("", "")
        deps = error.validator_value.get(prop, []) if isinstance(error.validator_value, dict) else []
        params = {"property": prop, "missingProperty": missing, "depsCount": len(deps),
                  "deps": ", ".join(deps) if isinstance(deps, list) else ""}
        message = f"should have property {missing} when property {prop} is present"
    elif keyword == "anyOf":
        message = "should match some schema in anyOf"
    elif keyword == "oneOf":
        passing = _passing(validator, error)
        params = {"passingSchemas": passing if len(passing) > 1 else None}
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
    errors, missing = _errors(validator, data)
    if missing:
        raise HostError(f"can't resolve reference {missing[0]} from id #", "Error")
    errors.sort(key=lambda e: (_schema_order(schema, e.absolute_schema_path), _data_order(data, e.absolute_path)))
    pointers = bool(options.get("jsonPointers"))
    shaped: list[dict[str, Any]] = []
    for error in errors:
        shaped += _ajv_errors(error, validator, pointers)
        if not options.get("allErrors"):
            break
    return {"valid": not shaped, "errors": shaped}


def check_schema(schema: Any, draft: str) -> list[str]:
    """Problems with the schema itself: ajv's compile throws on these, unknown formats included."""
    import jsonschema  # type: ignore[import-untyped, unused-ignore]

    cls = {"4": jsonschema.Draft4Validator, "7": jsonschema.Draft7Validator}[draft]
    problems = [e.message for e in cls(cls.META_SCHEMA).iter_errors(schema)]
    if problems:
        return problems
    unknown = _unknown_format(schema, "#")
    if unknown:
        raise HostError(f'unknown format "{unknown[0]}" is used in schema at path "{unknown[1]}"', "Error")
    return []


_SUBSCHEMA_MAPS = ("properties", "patternProperties", "definitions", "dependencies")
_SUBSCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "items")
_SUBSCHEMA_ONE = ("not", "items", "additionalItems", "additionalProperties", "contains", "propertyNames", "if", "then", "else")


def _unknown_format(schema: Any, where: str) -> tuple[str, str] | None:
    if not isinstance(schema, dict):
        return None
    fmt = schema.get("format")
    if isinstance(fmt, str) and fmt not in _AJV_FORMATS and fmt not in _AJV_OTHER_FORMATS:
        return fmt, where
    for key in _SUBSCHEMA_MAPS:
        for name, sub in (schema.get(key) or {}).items() if isinstance(schema.get(key), dict) else ():
            found = _unknown_format(sub, f"{where}/{key}/{name}")
            if found:
                return found
    for key in _SUBSCHEMA_LISTS:
        if isinstance(schema.get(key), list):
            for i, sub in enumerate(schema[key]):
                found = _unknown_format(sub, f"{where}/{key}/{i}")
                if found:
                    return found
    for key in _SUBSCHEMA_ONE:
        found = _unknown_format(schema.get(key), f"{where}/{key}")
        if found:
            return found
    return None
