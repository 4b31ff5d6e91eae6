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
    """csv-parse 1.x (sync)'s records as Newman gives them: arrays, or objects with `columns`.

    As there, an empty line is a record of one empty field (unless skip_empty_lines), a record
    whose field count differs is an error, except the last one when the text does not end with a
    line break, which csv-parse drops without a word. Values stay strings (the JS side applies
    auto_parse with JavaScript's own parseFloat).
    """
    delimiter = str(options.get("delimiter", ","))
    quote = options.get("quote", '"')
    if len(delimiter) != 1:
        raise HostError("csv-parse: only a one-character delimiter is supported", "Error")
    dialect: dict[str, Any] = {"delimiter": delimiter, "strict": True}
    if quote in (None, False, ""):
        dialect["quoting"] = csv.QUOTE_NONE
    else:
        dialect["quotechar"] = str(quote)[0]
    comment = options.get("comment")
    rtrim = bool(options.get("rtrim") or options.get("trim"))
    ltrim = bool(options.get("ltrim") or options.get("trim"))
    skip_empty = bool(options.get("skip_empty_lines"))
    relax_count = bool(options.get("relax_column_count"))
    rows: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), **dialect)
    try:
        for row in reader:
            line = reader.line_num
            if comment and row and row[0].lstrip().startswith(str(comment)):
                continue
            if ltrim or rtrim:
                row = [(c.lstrip() if ltrim else c) for c in row]
                row = [(c.rstrip() if rtrim else c) for c in row]
            if not row:
                if skip_empty:
                    continue
                row = [""]
            rows.append((line, row))
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise HostError(f"Quoted field not terminated at line {reader.line_num}", "Error") from None
        raise HostError(f"csv-parse: {exc} (line {reader.line_num})", "Error") from None
    ends_open = bool(text) and not text.endswith(("\n", "\r"))
    columns = options.get("columns")
    header: list[str] | None = None
    if columns is True:
        if not rows:
            return []
        header, rows = rows[0][1], rows[1:]
    elif isinstance(columns, list):
        header = [str(c) if c not in (None, False) else "" for c in columns]
    elif columns:
        raise HostError("csv-parse: columns must be true or a list of names (a function is not supported)", "Error")
    width = len(header) if header is not None else (len(rows[0][1]) if rows else 0)
    out: list[Any] = []
    for index, (line, row) in enumerate(rows):
        if len(row) != width and not relax_count and row != [""]:
            if index == len(rows) - 1 and ends_open:
                break  # csv-parse 1.x drops an unterminated last record of the wrong length
            if header is not None:
                raise HostError(f"Number of columns on line {line} does not match header", "Error")
            raise HostError(f"Number of columns is inconsistent on line {line}", "Error")
        out.append(row if header is None else {name: row[i] for i, name in enumerate(header) if name and i < len(row)})
    first, last = int(options.get("from") or 1), options.get("to")
    return out[first - 1:int(last) if last else None]
