"""`--item` / `--folder` selection over the collection tree, with "did you mean" suggestions."""

from __future__ import annotations

from .errors import InputError
from .model import Collection, Located


def _folder_paths(located: Located) -> list[str]:
    names = [f.name for f in located.folders]
    return ["/".join(names[: i + 1]) for i in range(len(names))]


def select(collection: Collection, items: tuple[str, ...] = (), folders: tuple[str, ...] = ()) -> list[Located]:
    """Items matching any `items` (name or slash path) and under any `folders` (name or path).

    Raises InputError naming the closest names when a selector matches nothing.
    """
    everything = list(collection.walk())
    chosen = everything
    if folders:
        for wanted in folders:
            if not any(_in_folder(loc, wanted) for loc in everything):
                _no_match("folder", wanted, {p for loc in everything for p in _folder_paths(loc)} | {
                    f.name for loc in everything for f in loc.folders})
        chosen = [loc for loc in chosen if any(_in_folder(loc, w) for w in folders)]
    if items:
        for wanted in items:
            if not any(_is_item(loc, wanted) for loc in chosen):
                _no_match("item", wanted, {loc.path for loc in chosen} | {loc.item.name for loc in chosen})
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
            _no_match("setup", wanted, candidates, source)
        for located in found:
            chosen.setdefault((located.path, located.item.pointer), located)
    return list(chosen.values())


def _norm(text: str) -> str:
    return text.strip().strip("/").casefold()


def _is_item(located: Located, wanted: str) -> bool:
    target = _norm(wanted)
    return target in (_norm(located.item.name), _norm(located.path)) or (
        located.item.id is not None and wanted == located.item.id
    ) or ("/" in target and _norm(located.path).endswith("/" + target))


def _in_folder(located: Located, wanted: str) -> bool:
    target = _norm(wanted)
    return any(target == _norm(f.name) for f in located.folders) or any(
        _norm(p) == target or _norm(p).endswith("/" + target) for p in _folder_paths(located)
    )


def _no_match(kind: str, wanted: str, candidates: set[str], source: str | None = None) -> None:
    import difflib  # only when a name matches nothing

    close = difflib.get_close_matches(wanted, sorted(candidates), n=3, cutoff=0.5)
    if not close:
        lowered = wanted.casefold()
        close = sorted(c for c in candidates if lowered in c.casefold())[:3]
    hint = "did you mean " + " or ".join(f"'{c}'" for c in close) + "?" if close else (
        f"run `postman-replay list COLLECTION` to see the {kind} names")
    what = "folder or item" if kind == "setup" else kind
    raise InputError(f"no {what} matches '{wanted}'", file=source or f"--{kind}", hint=hint, title=f"unknown {what}")
