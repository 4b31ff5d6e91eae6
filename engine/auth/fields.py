"""One auth block's fields as resolve reads them: `{{variables}}` rendered, placeholders refused,
a missing credential raised as an item error that names the field and the fix."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from ..errors import ItemError
from ..model import Auth, Record, as_text
from ..variables import Renderer, is_placeholder

if TYPE_CHECKING:
    from .grant import TokenCache


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Wire(Record):
    """The request as it goes out, before a signing auth adds its part: resolve signs it, or send
    does when the body is a file or multipart (its bytes exist only then)."""

    method: str
    url: str
    headers: tuple[tuple[str, str], ...]
    body: bytes | None


@dataclass
class AuthParts:
    """What an auth block contributes; applied last by resolve (signers see the final request)."""

    headers: list[tuple[str, str]] = field(default_factory=list)
    query: list[tuple[str, str]] = field(default_factory=list)
    digest: tuple[str, str] | None = None
    ntlm: tuple[str, str, str, str] | None = None  # user, password, domain, workstation
    signer: Callable[[Wire], Wire] | None = None
    secrets: set[str] = field(default_factory=set)
    secret_headers: set[str] = field(default_factory=set)
    secret_query: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)


@dataclass
class Fields:
    """Reads an auth block's rows; every read renders `{{…}}` like any other field."""

    auth: Auth
    renderer: Renderer
    tokens: "TokenCache | None" = None

    @property
    def kind(self) -> str:
        return self.auth.type

    def raw(self, name: str) -> object:
        return self.auth.get(name)

    def text(self, name: str, fallback: str | None = None, *, strip: bool = True) -> str:
        """A field's rendered text; empty or `<placeholder>` falls back to the variable `fallback`
        (the names OpenAPI converters give credentials)."""
        raw = self.auth.get(name)
        value = self.renderer.render(as_text(raw)) if raw is not None else ""
        value = value.strip() if strip else value
        if value.strip() == "null" and "{{" in as_text(raw):  # a variable a script set to undefined/null
            value = ""
        if (not value.strip() or is_placeholder(value)) and fallback:
            scoped = self.renderer.scopes.get(fallback)
            if scoped:
                value = self.renderer.render(scoped)
                value = value.strip() if strip else value
        return "" if is_placeholder(value) else value

    def resolved(self, name: str, fallback: str | None = None) -> str:
        """Like `text`, but empty (and nothing recorded as missing) when a `{{variable}}` in it has
        no value: for a field that has an alternative, like an OAuth 2.0 token and its grant."""
        probe = Fields(self.auth, Renderer(self.renderer.scopes, dynamic=self.renderer.dynamic))
        if not probe.text(name, fallback) or probe.renderer.missing:
            return ""
        return self.text(name, fallback)

    def flag(self, name: str, default: bool = False) -> bool:
        """Postman writes booleans as JSON booleans or as the strings "true"/"false"."""
        raw = self.auth.get(name)
        if raw is None or raw == "":
            return default
        if isinstance(raw, bool):
            return raw
        return self.renderer.render(as_text(raw)).strip().lower() in ("true", "1", "yes")

    def need(self, name: str, fallback: str | None = None, *, strip: bool = True, label: str | None = None) -> str:
        """A field the type cannot sign without; missing, it is the item's error naming the fix."""
        value = self.text(name, fallback, strip=strip)
        if not value:
            raise self.missing(name, fallback, label)
        return value

    def missing(self, name: str, fallback: str | None = None, label: str | None = None) -> ItemError:
        variable = fallback or name
        return ItemError(
            f"{self.kind} auth has no {label or name}",
            hint=f"set '{name}' in the {self.kind} auth block (e.g. {{{{{variable}}}}}) and pass "
            f"--env-var {variable}=… (or put it in an environment file)",
        )

    def secret(self, parts: AuthParts, *values: str) -> None:
        parts.secrets.update(v for v in values if v)


def missing_library(kind: str, module: str, package: str) -> ItemError:
    """An optional dependency that is not installed: the item's error names the install command."""
    return ItemError(
        f"{kind} auth needs the Python package '{package}' (module {module} is not installed)",
        hint=f"pip install '{package}'  (or: pip install 'postman-replay[{_EXTRAS.get(package, 'auth')}]')",
    )


_EXTRAS = {"botocore": "aws"}
