"""Variable scopes, `{{name}}` substitution and OpenAPI `<placeholder>` recognition.

Scopes, highest first: script-local > --env-var > iteration data > environment files >
collection `variable` > globals. Newman puts iteration data above --env-var; we let the
command line win on purpose: what a user types last should decide (`--compat newman` takes
Newman's order, NEWMAN_ORDER, and notes each use that it changes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping

from .errors import ItemError
from .model import CompatNote, Param, Record, as_text

SCOPE_ORDER: tuple[str, ...] = ("local", "cli", "data", "environment", "collection", "globals")
# --compat newman: Newman's --env-var writes into the environment, so iteration data is above it
NEWMAN_ORDER: tuple[str, ...] = ("local", "data", "cli", "environment", "collection", "globals")
MAX_DEPTH = 10
MAX_EXPANSION = 16 * 1024 * 1024  # characters the references in one text may add

VARIABLE = re.compile(r"\{\{([^{}]+?)\}\}")
PLACEHOLDER = re.compile(r"^<[A-Za-z][A-Za-z0-9 _-]*>$")
EMBEDDED_PLACEHOLDER = re.compile(r"<[A-Za-z][A-Za-z0-9 _-]*>")
SECRET_NAME = re.compile(r"token|secret|password|passwd|key", re.IGNORECASE)  # SPEC's list, and passwd

# Placeholder words that name a type, not a variable: `<string>` says nothing about which value.
TYPE_WORDS = frozenset(
    "string integer long number float double boolean date datetime uuid email uri url hostname "
    "byte binary password object array int32 int64".split()
)


def is_placeholder(value: str | None) -> bool:
    return value is not None and PLACEHOLDER.match(value.strip()) is not None


def placeholder_word(value: str) -> str:
    return value.strip()[1:-1]


def is_secret_name(name: str) -> bool:
    return bool(SECRET_NAME.search(name)) and not name.lower().endswith(("keyword", "keywords"))


@dataclass
class Scopes:
    """Layers of variables, highest first. Mutable on purpose: scripts and exports update it."""

    layers: dict[str, dict[str, str]] = field(default_factory=lambda: {name: {} for name in SCOPE_ORDER})
    secret_names: set[str] = field(default_factory=set)
    # Non-string values (numbers, booleans, arrays…) from JSON data rows and scripts, by layer:
    # key → (the text it stands for, the value). Scripts get the value while the text is current;
    # `{{name}}` always uses the text.
    typed: dict[str, dict[str, tuple[str, Any]]] = field(default_factory=dict)
    # --compat newman: Newman's precedence and looser sending; `loose` holds, by layer, the values
    # applied only because Newman ignores `enabled: false` (each use is noted on its item)
    compat: bool = False
    loose: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        *,
        cli: Mapping[str, str] | None = None,
        data: Mapping[str, str] | None = None,
        environment: Iterable[Param] = (),
        collection: Iterable[Param] = (),
        globals_: Iterable[Param] = (),
        compat: bool = False,
    ) -> "Scopes":
        scopes = cls(layers={name: {} for name in NEWMAN_ORDER}, compat=True) if compat else cls()
        scopes.layers["cli"].update(cli or {})
        scopes.layers["data"].update(data or {})
        for layer, params in (("environment", environment), ("collection", collection), ("globals", globals_)):
            for param in params:
                scopes.layers[layer][param.key] = param.value or ""
                if param.type == "secret":
                    scopes.secret_names.add(param.key)
        return scopes

    def get(self, name: str) -> str | None:
        for layer in self.layers.values():
            if name in layer:
                return layer[name]
        return None

    def is_data_null(self, name: str) -> bool:
        """A JSON data row's `null` hides the name's lower values and substitutes nothing: Newman
        leaves `{{name}}` in place, so here it is unresolved (an item error, literal under compat)."""
        for layer_name, layer in self.layers.items():
            if name in layer:
                typed = self.typed.get(layer_name, {}).get(name)
                return layer_name == "data" and typed is not None and typed[1] is None
        return False

    def with_data(self, data: Mapping[str, Any]) -> "Scopes":
        """A copy for one iteration: same mutable environment/globals, fresh data and locals."""
        layers = dict(self.layers)
        layers["data"] = {key: as_text(value) for key, value in data.items()}
        layers["local"] = {}
        typed = dict(self.typed)
        typed["data"] = {k: (as_text(v), v) for k, v in data.items() if not isinstance(v, str)}
        typed["local"] = {}
        return Scopes(layers=layers, secret_names=self.secret_names, typed=typed, compat=self.compat,
                      loose=self.loose)

    def compat_note(self, name: str, value: str) -> CompatNote | None:
        """Why `name` has this value only under --compat newman, if it does."""
        data, cli = self.layers["data"], self.layers["cli"]
        if name not in self.layers["local"] and name in data and name in cli and data[name] != cli[name]:
            return CompatNote("precedence", name, f"'{name}' took the iteration data's value over --env-var "
                              "(Newman's precedence)")
        for layer, values in self.layers.items():
            if name in values:
                if self.loose.get(layer, {}).get(name) == value:
                    return CompatNote("disabled-value", name, f"'{name}' took a value that the {layer} file "
                                      "disables with enabled: false (Newman applies it)")
                return None
        return None

    def snapshot(self) -> "Scopes":
        """An independent copy: what a folder run with `--workers` writes stays in its copy."""
        return Scopes(layers={name: dict(layer) for name, layer in self.layers.items()},
                      secret_names=set(self.secret_names),
                      typed={name: dict(values) for name, values in self.typed.items()}, compat=self.compat,
                      loose={name: dict(values) for name, values in self.loose.items()})

    def changes_since(self, before: "Scopes") -> "ScopeChanges":
        """What was set or unset, layer by layer, since `before` (a snapshot of the same scopes)."""
        changes: list[tuple[str, dict[str, str], frozenset[str], dict[str, tuple[str, Any]]]] = []
        for name, layer in self.layers.items():
            if name in ("local", "data"):
                continue  # per item and per iteration: nothing to carry over
            old = before.layers.get(name, {})
            set_ = {k: v for k, v in layer.items() if old.get(k) != v}
            unset = frozenset(old.keys() - layer.keys())
            typed = {k: v for k, v in self.typed.get(name, {}).items() if before.typed.get(name, {}).get(k) != v}
            if set_ or unset or typed:
                changes.append((name, set_, unset, typed))
        return ScopeChanges(tuple(changes), frozenset(self.secret_names - before.secret_names))

    def apply(self, changes: "ScopeChanges") -> None:
        """Replay `changes` onto these scopes (later calls win, so merging in collection order
        makes the last folder that set a name decide its value)."""
        for name, set_, unset, typed in changes.layers:
            layer = self.layers.setdefault(name, {})
            values = self.typed.setdefault(name, {})
            for key in unset:
                layer.pop(key, None)
                values.pop(key, None)
            layer.update(set_)
            values.update(typed)
        self.secret_names |= changes.secret_names

    def secret_values(self) -> set[str]:
        """Values of variables that are secret by type or by name."""
        out = set()
        for layer in list(self.layers.values()):
            for name, value in list(layer.items()):  # a snapshot: workers may be setting variables
                if value and (name in self.secret_names or is_secret_name(name)):
                    out.add(value)
        return out


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class ScopeChanges(Record):
    """Set and unset names per layer, as `Scopes.changes_since` found them."""

    layers: tuple[tuple[str, dict[str, str], frozenset[str], dict[str, tuple[str, Any]]], ...] = ()
    secret_names: frozenset[str] = frozenset()


@dataclass
class Renderer:
    """Substitutes `{{name}}` from scopes; collects what is missing instead of guessing.

    As in Postman, substitution goes inside out and repeats: `{{region_{{stage}}}}` first becomes
    `{{region_prod}}`, then its value. A value that holds `{{name}}` is itself resolved (that is
    how Postman treats it), so a value can never smuggle an unresolved reference onto the wire:
    what stays unresolved is listed in `missing` and the item is an error. A `{{` that does not
    form a reference (`a{{b`, `{{}}`) is plain text. Bounds: MAX_DEPTH levels of values within
    values or of names within names, cycles named, and MAX_EXPANSION characters per rendered text,
    checked while expanding, so `v10 = {{v9}}×10 …` ends as an error with flat memory.
    """

    scopes: Scopes
    dynamic: Callable[[str], str | None] | None = None
    missing: list[str] = field(default_factory=list)
    used_secrets: set[str] = field(default_factory=set)
    _dynamic_uses: int = 0
    compat: list[CompatNote] = field(default_factory=list)  # what --compat newman let through

    def allow(self, note: CompatNote) -> None:
        """Record a deviation --compat newman allowed (once per kind and subject)."""
        if all((n.kind, n.subject) != (note.kind, note.subject) for n in self.compat):
            self.compat.append(note)

    def render(self, text: str | None) -> str:
        if not text or "{{" not in text:
            return text or ""
        return self._render(text, (), {})

    def _render(self, text: str, chain: tuple[str, ...], memo: dict[str, str]) -> str:
        """Passes until nothing changes; each pass replaces the innermost references. What the
        references add may grow the text by MAX_EXPANSION characters at most (a large body with
        small variables in it is fine)."""
        limit = len(text) + MAX_EXPANSION
        for _ in range(MAX_DEPTH + 1):
            if "{{" not in text:
                return text
            produced = [0]

            def replace(match: re.Match[str]) -> str:
                value = self._lookup(match.group(1), chain, memo)
                out = match.group(0) if value is None else value
                produced[0] += len(out)
                if produced[0] > MAX_EXPANSION:
                    raise _too_large(chain or (match.group(1),))
                return out

            rendered = VARIABLE.sub(replace, text)
            if len(rendered) > limit:
                raise _too_large(chain or tuple(VARIABLE.findall(text)[:1]))
            if rendered == text:
                return text
            text = rendered
        name = VARIABLE.search(text)
        raise ItemError(
            f"variable names are built from other variables more than {MAX_DEPTH} levels deep"
            + (f" (still {name.group(0)})" if name else ""),
            hint="flatten the variable definitions",
        )

    def _lookup(self, name: str, chain: tuple[str, ...], memo: dict[str, str]) -> str | None:
        if name.startswith("$"):
            self._dynamic_uses += 1
            value = self._dynamic(name)
            if value is None and name not in self.missing:
                self.missing.append(name)
            return value
        value = None if self.scopes.is_data_null(name) else self.scopes.get(name)
        if self.scopes.compat and value is not None and (note := self.scopes.compat_note(name, value)):
            self.allow(note)
        if value is None:
            if name not in self.missing:
                self.missing.append(name)
            return None
        if name in self.scopes.secret_names or is_secret_name(name):
            if value:
                self.used_secrets.add(value)
        if "{{" not in value:
            return value
        if name in memo:
            return memo[name]
        if name in chain:
            cycle = " → ".join(chain[chain.index(name) :] + (name,))
            raise ItemError(
                f"variables refer to each other in a cycle: {cycle}",
                hint=f"give one of them a plain value, e.g. --env-var {name}=…",
            )
        if len(chain) >= MAX_DEPTH:
            raise ItemError(
                f"variable '{name}' is nested more than {MAX_DEPTH} levels deep",
                hint="flatten the variable definitions",
            )
        uses = self._dynamic_uses
        rendered = self._render(value, chain + (name,), memo)
        if self._dynamic_uses == uses:  # a value with a dynamic variable in it is fresh at each use
            memo[name] = rendered
        return rendered

    def _dynamic(self, name: str) -> str | None:
        if self.dynamic is not None:
            return self.dynamic(name)
        from .dynamic import dynamic_value

        return dynamic_value(name)


def _too_large(chain: tuple[str, ...]) -> ItemError:
    path = " → ".join(chain)
    return ItemError(
        f"variable '{chain[-1]}' expands to more than {MAX_EXPANSION // (1024 * 1024)} MiB"
        + (f" ({path})" if len(chain) > 1 else ""),
        hint="a variable repeats another many times over; give it a plain value",
    )
