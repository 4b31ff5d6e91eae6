"""`--item` / `--folder` selection over the collection tree, with Newman's habits and "did you mean".

A selector is a name, a slash path (`Users/Get user`, or its tail) or a glob (`Users/*`,
`Get *`), compared without regard to case. As in Newman, `--folder` also takes a request's name;
`--folder A --item B` selects B inside A.
"""

from __future__ import annotations

import fnmatch

from .errors import InputError
from .model import Collection, Located

GLOB = frozenset("*?[")


def _folder_paths(located: Located) -> list[str]:
    names = [f.name for f in located.folders]
    return ["/".join(names[: i + 1]) for i in range(len(names))]


def select(collection: Collection, items: tuple[str, ...] = (), folders: tuple[str, ...] = ()) -> list[Located]:
    """Items matching any `items` and under any `folders` (a folder selector may name an item).

    Raises InputError naming the closest names when a selector matches nothing.
    """
    everything = list(collection.walk())
    chosen = everything
    if folders:
        for wanted in folders:
            if not any(_in_folder(loc, wanted) or _is_item(loc, wanted) for loc in everything):
                _no_match("folder", wanted, {p for loc in everything for p in _folder_paths(loc)} | {
                    f.name for loc in everything for f in loc.folders}, everything)
        chosen = [loc for loc in chosen if any(_in_folder(loc, w) or _is_item(loc, w) for w in folders)]
    if items:
        for wanted in items:
            if not any(_is_item(loc, wanted) for loc in chosen):
                if any(_in_folder(loc, wanted) for loc in chosen):
                    raise InputError(
                        f"'{wanted}' is a folder, and --item names requests", file="--item", title="not an item",
                        hint=f"use --folder '{wanted}' (or --item '{wanted.rstrip('/')}/*') to run what it holds")
                scope = f" under {', '.join(repr(f) for f in folders)}" if folders else ""
                _no_match("item", wanted, {loc.path for loc in chosen} | {loc.item.name for loc in chosen},
                          everything, scope)
        chosen = [loc for loc in chosen if any(_is_item(loc, w) for w in items)]
    return chosen


def select_setup(collection: Collection, names: tuple[str, ...], source: str = "--setup") -> list[Located]:
    """The items `--setup` names (folders or items, from the whole collection), in the order the
    names are given and, within one name, in collection order; each item once."""
    everything = list(collection.walk())
    chosen: dict[tuple[str, str], Located] = {}
    for wanted in names:
        found = [loc for loc in everything if _in_folder(loc, wanted) or _is_item(loc, wanted)]
        if not found:
            candidates = {loc.path for loc in everything} | {p for loc in everything for p in _folder_paths(loc)}
            _no_match("setup", wanted, candidates, source=source)
        for located in found:
            chosen.setdefault((located.path, located.item.pointer), located)
    return list(chosen.values())


def _norm(text: str) -> str:
    return text.strip().strip("/").casefold()


def _matches(candidate: str, wanted: str) -> bool:
    """Equal, or the tail of a slash path, or a glob over the whole path or its tail."""
    target, name = _norm(wanted), _norm(candidate)
    if GLOB & set(target):
        return fnmatch.fnmatchcase(name, target) or fnmatch.fnmatchcase(name, "*/" + target)
    return name == target or ("/" in target and name.endswith("/" + target))


def _is_item(located: Located, wanted: str) -> bool:
    return (
        _matches(located.item.name, wanted) and "/" not in _norm(wanted)
        or _matches(located.path, wanted)
        or (located.item.id is not None and wanted == located.item.id)
    )


def _in_folder(located: Located, wanted: str) -> bool:
    target = _norm(wanted)
    if target.endswith("/*") and not GLOB & set(target[:-2]):
        target = target[:-2]  # `Users/*` as a folder selector: everything under Users
    return any(_matches(f.name, target) for f in located.folders if "/" not in target) or any(
        _matches(p, target) for p in _folder_paths(located)
    )


def _no_match(kind: str, wanted: str, candidates: set[str], everything: list[Located] | None = None,
              scope: str = "", source: str | None = None) -> None:
    import difflib  # only when a name matches nothing

    close = difflib.get_close_matches(wanted, sorted(candidates), n=3, cutoff=0.5)
    if not close:
        lowered = wanted.casefold()
        close = sorted(c for c in candidates if lowered in c.casefold())[:3]
    if close:
        hint = "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
    elif scope and any(_is_item(loc, wanted) for loc in everything or ()):
        hint = f"'{wanted}' is in another folder: drop --folder, or give its slash path"
    else:
        hint = f"run `postman-replay list COLLECTION` to see the {kind} names"
    what = "folder or item" if kind == "setup" else kind
    raise InputError(f"no {what} matches '{wanted}'{scope}", file=source or f"--{kind}", hint=hint,
                     title=f"unknown {what}")
