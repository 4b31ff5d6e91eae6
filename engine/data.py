"""Iteration data files (CSV with a header row, or a JSON array of objects) → rows of strings."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .errors import InputError, not_found, pointer_join
from .model import as_text


def load_iteration_data(path: str | Path) -> list[dict[str, Any]]:
    """One dict per iteration: JSON values keep their JSON type for scripts, and so do CSV numbers
    written plainly (as Newman casts them); `{{name}}` substitutes their text either way."""
    from .load import decode_text, parse_document

    file = str(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise not_found(file, "data file") from None
    except OSError as exc:
        raise InputError(f"data file cannot be read: {exc.strerror}", file=file, title="cannot read data file")
    text = decode_text(raw, file=file, what="data file")  # UTF-8 with or without a BOM, or UTF-16
    start = text.lstrip()[:1]  # blank lines before the JSON
    if file.lower().endswith(".csv") or (not file.lower().endswith(".json") and start not in ("[", "{")):
        return _csv(text, file)
    document = parse_document(raw, file=file, what="data file")
    if isinstance(document, dict):
        document = [document]
    if not isinstance(document, list):
        raise InputError("expected an array of objects", file=file, pointer="", title="invalid data file",
                         hint='write [{"name": "value"}, ...]')
    rows = []
    for index, row in enumerate(document):
        if not isinstance(row, dict):
            raise InputError(
                "each row must be an object of variables",
                file=file,
                pointer=pointer_join(index),
                hint='write [{"name": "value"}, ...]',
                title="invalid data file",
            )
        rows.append({str(k): v for k, v in row.items()})  # typed: scripts see numbers as numbers
    return rows


def _csv(text: str, file: str) -> list[dict[str, Any]]:
    """Rows as Newman reads them (csv-parse with `columns`, `trim`, `relax`): the first row names the
    variables, whitespace around a value is dropped (inside quotes it stays), `""` is a quote inside
    a quoted value, and a short row leaves its missing variables unset, so lower scopes still apply.
    Unquoted numbers reach scripts as numbers, as in Newman, but only those whose text a number
    gives back (`42`, `-3`, `1.5`): Newman also turns `007` into 7 and `{{zip}}` would send `7`;
    here such values stay the text they were written as."""
    rows = [(line, row) for line, row in _records(text, file) if any(value for value, _ in row)]
    if not rows:
        raise InputError("data file has no rows", file=file, hint="the first row names the variables",
                         title="invalid data file")
    header = [value for value, _ in rows[0][1]]
    out = []
    for number, cells in rows[1:]:
        row = [value if quoted else _number(value) for value, quoted in cells]
        while len(row) > len(header) and row[-1] == "":
            row = row[:-1]  # a trailing comma, as spreadsheets write: Newman ignores the empty cell too
        if len(row) > len(header):
            raise InputError(
                f"row has {len(row)} values but the header names {len(header)}",
                file=file,
                line=number,
                hint="quote values that contain commas",
                title="invalid data file",
            )
        out.append(dict(zip(header, row)))
    return out


# One field and what ends it: a quoted value ("" inside is a quote; what follows the closing quote
# is kept, as csv-parse's `relax` does) or an unquoted one, then a comma, a line break or the end.
_FIELD = re.compile(r'[ \t]*(?:"((?:[^"]|"")*)"([^,\r\n]*)|([^,\r\n]*))(,|\r\n|\n|\r|\Z)')


_PLAIN_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?")
_NUMBER_START = frozenset("-0123456789")
SAFE_INTEGER = 2**53 - 1  # beyond it a script's number would not be the integer written


def _number(text: str) -> Any:
    """`42` → 42 and `1.5` → 1.5; anything whose text the number would not give back stays text."""
    if text[:1] not in _NUMBER_START or not _PLAIN_NUMBER.fullmatch(text):
        return text
    value: float | int = float(text) if "." in text else int(text)
    if abs(value) > SAFE_INTEGER or as_text(value) != text:
        return text
    return value


_EOL = re.compile(r"\r\n|\n|\r")


def _records(text: str, file: str) -> list[tuple[int, list[tuple[str, bool]]]]:
    """(line, [(value, quoted), …]) for each record; a quoted value may span lines. A line without
    a quote is split directly (most are, and that is several times faster); one with a quote is
    read field by field."""
    records: list[tuple[int, list[tuple[str, bool]]]] = []
    position, n, line = 0, len(text), 1
    while position < n:
        eol = _EOL.search(text, position)
        stop, after = (eol.start(), eol.end()) if eol else (n, n)
        if '"' not in text[position:stop]:
            records.append((line, [(cell.strip(), False) for cell in text[position:stop].split(",")]))
            position, line = after, line + 1
            continue
        row, position, used = _quoted_record(text, position, file, line)
        records.append((line, row))
        line += used
    return records


def _quoted_record(text: str, position: int, file: str, line: int) -> tuple[list[tuple[str, bool]], int, int]:
    """One record that holds a quote: its fields, where the next record starts, lines it spans."""
    row: list[tuple[str, bool]] = []
    lines = 1
    while True:
        match = _FIELD.match(text, position)
        assert match is not None  # the unquoted form matches anywhere
        quoted, after, plain, end = match.groups()
        if plain is not None and plain[:1] == '"':  # the quoted form did not match: no closing quote
            raise InputError("a quoted value is never closed", file=file, line=line + lines - 1,
                             hint='close it with " (write "" for a quote inside it)', title="invalid data file")
        if quoted is not None:
            lines += quoted.count("\n")
            row.append((quoted.replace('""', '"') + after.strip(), True))
        else:
            row.append((plain.strip(), False))
        position = match.end()
        if end != ",":
            return row, position, lines
