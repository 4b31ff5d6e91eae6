"""Iteration data files (CSV with a header row, or a JSON array of objects) → rows of strings."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from .errors import InputError, pointer_join


def load_iteration_data(path: str | Path) -> list[dict[str, Any]]:
    """One dict per iteration: CSV values are text; JSON values keep their JSON type for scripts
    (`{{name}}` substitutes their text either way)."""
    from .load import decode_text, parse_document

    file = str(path)
    try:
        raw = Path(path).read_bytes()
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


def _csv(text: str, file: str) -> list[dict[str, str]]:
    reader = csv.reader(io.StringIO(text))
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise InputError(f"not valid CSV: {exc}", file=file, line=reader.line_num, title="invalid data file")
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if not rows:
        raise InputError("data file has no rows", file=file, hint="the first row names the variables",
                         title="invalid data file")
    header = [h.strip() for h in rows[0]]
    out = []
    for number, row in enumerate(rows[1:], start=2):
        while len(row) > len(header) and not row[-1].strip():
            row = row[:-1]  # a trailing comma, as spreadsheets write: Newman ignores the empty cell too
        if len(row) > len(header):
            raise InputError(
                f"row has {len(row)} values but the header names {len(header)}",
                file=file,
                line=number,
                hint="quote values that contain commas",
                title="invalid data file",
            )
        out.append({name: (row[i] if i < len(row) else "") for i, name in enumerate(header)})
    return out
