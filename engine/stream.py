"""Large collections item by item: an index to select from, and each item read from the file when it runs.

A collection parsed whole holds memory in proportion to its file (a 15 MB export peaks near 120 MB
while loading). Streamed with ijson, a run holds the index and one top-level folder at a time, so
its memory stays flat however many items the file has. Every item is still read and checked once
while indexing, so bad input is reported before anything is sent, exactly as for a whole load.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO, Iterator

from .errors import InputError
from .load import Reader, WrongShape
from .model import Collection, Folder, Item, Request, Url

STREAM_BYTES = 8 * 1024 * 1024  # below this a whole load is as small and faster
SMALL_PARTS = ("info", "auth", "event", "variable", "protocolProfileBehavior")
STUB_REQUEST = Request(method="", url=Url(raw=""))


def worth_streaming(path: str | Path) -> bool:
    """Large enough that a whole load would cost more memory than streaming."""
    try:
        return os.path.getsize(path) >= STREAM_BYTES
    except OSError:
        return False


def can_stream(path: str | Path) -> bool:
    """A UTF-8 JSON file, with ijson at hand. YAML, and UTF-16 files (ijson reads UTF-8 only), load
    whole; so does v1, found while indexing (see _skip_to_items)."""
    try:
        with open(path, "rb") as handle:
            start = handle.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return False
    if not start.startswith(b"{") or start[1:2] == b"\x00":  # not JSON, or UTF-16 without a BOM
        return False
    try:
        import ijson  # noqa: F401
    except ImportError:
        return False
    return True


def index_collection(path: str | Path) -> Collection:
    """The collection with every item checked but kept as a stub (name, id, pointer)."""
    file = str(path)
    prefix = _prefix(path)
    small = {key: _first(path, f"{prefix}{key}") for key in SMALL_PARTS}
    document: dict[str, Any] = {k: v for k, v in small.items() if v is not _MISSING}
    document["item"] = []
    reader = Reader(file)
    base = "/collection" if prefix else ""
    try:
        shell = reader.collection(document, base, Path(path))
        nodes = _index_nodes(path, prefix, base, reader)
    except WrongShape as shape:
        raise shape.located(file) from None
    return replace(shell, items=nodes)


class Hydrator:
    """Reads stub items back from the file in collection order, one item's JSON at a time."""

    def __init__(self, path: str | Path) -> None:
        self.path = path
        self.reader = Reader(str(path))
        self.prefix = _prefix(path)
        self.base = "/collection" if self.prefix else ""
        self._items: Iterator[tuple[str, Any]] | None = None
        self._last: tuple[int, ...] = ()

    def item(self, stub: Item) -> Item:
        if self._items is None or _order(stub.pointer) <= self._last:
            self._items = _request_items(self.path, self.prefix, self.base)  # a jump back: start over
        for pointer, node in self._items:
            self._last = _order(pointer)
            if pointer == stub.pointer:
                return self.reader.item(node, pointer)
        raise InputError("the collection file changed during the run", file=str(self.path),
                         pointer=stub.pointer, title="collection changed", hint="run again")


def _order(pointer: str) -> tuple[int, ...]:
    """Document order of item pointers: their indexes, compared as a tuple."""
    return tuple(int(part) for part in pointer.split("/") if part.isdigit())


# ---------------------------------------------------------------- the file, piece by piece

_MISSING = object()


def _prefix(path: str | Path) -> str:
    """`collection.` for the Postman API's `{"collection": {...}}` form, else ''."""
    for event, value in _events(path):
        if event == "map_key":
            return "collection." if value == "collection" else ""
        if event != "start_map":
            break
    return ""


def _open(path: str | Path) -> BinaryIO:
    """The file, past a UTF-8 byte order mark (Windows tools write one; ijson does not expect it)."""
    handle = open(path, "rb")
    if handle.read(3) != b"\xef\xbb\xbf":
        handle.seek(0)
    return handle


def _first(path: str | Path, prefix: str) -> Any:
    import ijson

    try:
        with _open(path) as handle:
            for value in ijson.items(handle, prefix, use_float=True):
                return value
    except ijson.JSONError as exc:
        raise InputError(f"not valid JSON: {exc}", file=str(path), title="invalid collection") from None
    return _MISSING


def _events(path: str | Path) -> Iterator[tuple[str, Any]]:
    import ijson

    try:
        with _open(path) as handle:
            yield from ijson.basic_parse(handle, use_float=True)
    except ijson.JSONError as exc:
        raise InputError(f"not valid JSON: {exc}", file=str(path), title="invalid collection",
                         hint="fix the syntax or export the collection again") from None


def _build(event: str, value: Any, events: Iterator[tuple[str, Any]]) -> Any:
    """One JSON value from its events (the first one given)."""
    if event == "start_map":
        out: dict[str, Any] = {}
        for event, key in events:
            if event == "end_map":
                return out
            out[key] = _build(*next(events), events)
    if event == "start_array":
        items: list[Any] = []
        for event, value in events:
            if event == "end_array":
                return items
            items.append(_build(event, value, events))
    return value


def _skip_to_items(events: Iterator[tuple[str, Any]], prefix: str) -> None:
    """Advance to just inside the top-level `item` array (under `collection` when wrapped)."""
    path: list[str] = []
    wanted = ["collection", "item"] if prefix else ["item"]
    depth = 0
    for event, value in events:
        if event == "start_map":
            depth += 1
        elif event == "map_key" and depth == len(path) + 1:
            if value == "requests" and len(path) == len(wanted) - 1:
                # Collection v1 has no item tree to stream: stop here, before reading its requests,
                # and load_collection falls back to a whole load, which converts v1
                raise WrongShape("/".join([""] + path), "a Collection v1 file is loaded whole")
            if value == wanted[len(path)]:
                path.append(value)
                if path == wanted:
                    event, value = next(events)
                    if event != "start_array":
                        raise WrongShape("/".join([""] + wanted), f"expected array, got {event.replace('start_', '')}")
                    return
            else:
                _build(*next(events), events)  # a sibling: skip it whole
        elif event == "end_map":
            depth -= 1
    raise WrongShape("/".join([""] + wanted), "not a Postman collection: no 'item' list")


def _walk(events: Iterator[tuple[str, Any]], pointer: str) -> Iterator[tuple[str, str, Any]]:
    """Walk an `item` array from inside it: ("item", pointer, JSON) for each request item, built one
    at a time; ("folder", pointer, None) when a folder's children begin and ("end", pointer, JSON of
    the folder's own keys) when it closes, since its keys may come before or after its children."""
    index = 0
    for event, _ in events:
        if event == "end_array":
            return
        here = f"{pointer}/{index}"
        if event != "start_map":
            raise WrongShape(here, f"expected object, got {event.replace('start_', '')}")
        node: dict[str, Any] = {}
        folder = False
        for event, key in events:
            if event == "end_map":
                break
            first = next(events)
            if key == "item" and first[0] == "start_array" and "request" not in node:
                folder = True
                yield "folder", here, None
                yield from _walk(events, f"{here}/item")
            else:
                node[key] = _build(*first, events)
        if folder and "request" in node:
            raise WrongShape(here, "an entry has both 'item' (a folder) and 'request' (a request)")
        yield ("end" if folder else "item"), here, node
        index += 1


def _entries(path: str | Path, prefix: str, base: str) -> Iterator[tuple[str, str, Any]]:
    events = _events(path)
    _skip_to_items(events, prefix)
    yield from _walk(events, f"{base}/item")


def _index_nodes(path: str | Path, prefix: str, base: str, reader: Reader) -> tuple[Folder | Item, ...]:
    """Stub tree: each item is checked in full by the whole-load reader, then only its name stays."""
    stack: list[list[Folder | Item]] = [[]]
    for kind, pointer, node in _entries(path, prefix, base):
        if kind == "folder":
            stack.append([])
        elif kind == "item":
            if "request" not in node:
                raise WrongShape(pointer, "an entry of 'item' must have either 'item' (a folder) or 'request' (a request)")
            item = reader.item(node, pointer)
            stack[-1].append(Item(name=item.name, request=STUB_REQUEST, pointer=item.pointer, id=item.id, stub=True))
        else:
            children = tuple(stack.pop())
            shell = reader.folder({**node, "item": []}, pointer, len(stack) - 1)
            stack[-1].append(replace(shell, items=children))
    return tuple(stack[0])


def _request_items(path: str | Path, prefix: str, base: str) -> Iterator[tuple[str, Any]]:
    """(pointer, item JSON) for every request item, in document order, one at a time."""
    for kind, pointer, node in _entries(path, prefix, base):
        if kind == "item":
            yield pointer, node
