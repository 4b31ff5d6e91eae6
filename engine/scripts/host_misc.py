"""Small Python-backed library functions: uuid (Python's uuid) and csv-parse (Python's csv)."""

from __future__ import annotations

import csv
import io
import os
import uuid
from typing import Any

from .host import HostError

_NAMESPACES = {"DNS": uuid.NAMESPACE_DNS, "URL": uuid.NAMESPACE_URL}


def uuid_v1() -> str:
    # A random node id (multicast bit set, RFC 4122 4.5), as the npm package does: no MAC address leaks.
    node = int.from_bytes(os.urandom(6), "big") | (1 << 40)
    return str(uuid.uuid1(node=node))


def uuid_v4() -> str:
    return str(uuid.uuid4())


def uuid_named(version: int, name: Any, namespace: Any) -> str:
    if isinstance(namespace, str):
        try:
            space = _NAMESPACES.get(namespace) or uuid.UUID(namespace)
        except ValueError:
            raise HostError("Namespace must be array-like (16 iterable integer values, 0-255)", "TypeError") from None
    elif isinstance(namespace, list) and len(namespace) == 16:
        space = uuid.UUID(bytes=bytes(int(b) & 255 for b in namespace))
    else:
        raise HostError("Namespace must be array-like (16 iterable integer values, 0-255)", "TypeError")
    if isinstance(name, list):
        data = bytes(int(b) & 255 for b in name)
    else:
        data = str(name).encode("utf-8")
    return str(_uuid_from_bytes(version, space, data))


def _uuid_from_bytes(version: int, space: uuid.UUID, data: bytes) -> uuid.UUID:
    import hashlib

    if version == 3:
        digest = hashlib.md5(space.bytes + data, usedforsecurity=False).digest()
    else:
        digest = hashlib.sha1(space.bytes + data, usedforsecurity=False).digest()
    return uuid.UUID(bytes=digest[:16], version=version)


def csv_parse(text: str, options: dict[str, Any]) -> list[Any]:
    """csv-parse (1.x, sync)'s records: arrays, or objects with `columns`."""
    delimiter = str(options.get("delimiter", ","))
    quote = options.get("quote", '"')
    escape = options.get("escape", '"')
    if len(delimiter) != 1:
        raise HostError("csv-parse: only a one-character delimiter is supported", "Error")
    dialect: dict[str, Any] = {"delimiter": delimiter, "strict": False}
    if quote in (None, False, ""):
        dialect["quoting"] = csv.QUOTE_NONE
    else:
        dialect["quotechar"] = str(quote)
        if escape and escape != quote:
            dialect["escapechar"] = str(escape)
            dialect["doublequote"] = False
    comment = options.get("comment")
    rtrim = bool(options.get("rtrim") or options.get("trim"))
    ltrim = bool(options.get("ltrim") or options.get("trim"))
    skip_empty = bool(options.get("skip_empty_lines"))
    skip_lines = 0
    relax_count = bool(options.get("relax_column_count"))
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), **dialect)
    try:
        for number, row in enumerate(reader):
            if number < skip_lines:
                continue
            if comment and row and row[0].lstrip().startswith(str(comment)):
                continue
            if ltrim or rtrim:
                row = [(c.lstrip() if ltrim else c) for c in row]
                row = [(c.rstrip() if rtrim else c) for c in row]
            if skip_empty and (not row or row == [""]):
                continue
            if not row:
                row = [""]
            rows.append(row)
    except csv.Error as exc:
        raise HostError(f"csv-parse: {exc}", "Error") from None
    columns = options.get("columns")
    first, last = int(options.get("from") or 1), options.get("to")
    if not columns:
        rows = rows[first - 1:int(last) if last else None]
        width = len(rows[0]) if rows else 0
        for index, row in enumerate(rows):
            if len(row) != width and not relax_count:
                raise HostError(f"Number of columns is inconsistent on line {index + 1 + skip_lines}", "Error")
        return [_cast(row, options) for row in rows]
    if columns is True:
        if not rows:
            return []
        header, rows = rows[0], rows[1:]
    elif isinstance(columns, list):
        header = [str(c) if c not in (None, False) else "" for c in columns]
    else:
        raise HostError("csv-parse: columns must be true or a list of names (a function is not supported)", "Error")
    rows = rows[first - 1:int(last) if last else None]
    out = []
    for index, row in enumerate(rows):
        if len(row) != len(header) and not relax_count:
            raise HostError(f"Number of columns on line {index + 2 + skip_lines} does not match header", "Error")
        values = _cast(row, options)
        out.append({name: values[i] for i, name in enumerate(header) if name and i < len(values)})
    return out


def _cast(row: list[str], options: dict[str, Any]) -> list[Any]:
    if not options.get("auto_parse") and not options.get("cast"):
        return list(row)
    out: list[Any] = []
    for cell in row:
        try:
            out.append(int(cell) if cell.strip().lstrip("-").isdigit() else float(cell))
        except ValueError:
            out.append(cell)
    return out
