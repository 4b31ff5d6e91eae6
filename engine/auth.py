"""Auth: which block applies to an item (inheritance) and what it adds to the request.

A missing credential is an item error, never a silent unauthenticated call.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field

from .errors import ItemError
from .model import Auth, Located
from .variables import Renderer, is_placeholder

SUPPORTED = ("noauth", "bearer", "basic", "apikey", "oauth2", "digest")


@dataclass
class AuthParts:
    """What an auth block contributes; applied last by resolve."""

    headers: list[tuple[str, str]] = field(default_factory=list)
    query: list[tuple[str, str]] = field(default_factory=list)
    digest: tuple[str, str] | None = None
    secrets: set[str] = field(default_factory=set)
    secret_headers: set[str] = field(default_factory=set)
    secret_query: set[str] = field(default_factory=set)


def effective_auth(located: Located, collection_auth: Auth | None) -> Auth | None:
    """Item → enclosing folders (innermost first) → collection; `noauth` stops the search."""
    chain = [located.item.request.auth] + [f.auth for f in reversed(located.folders)] + [collection_auth]
    for auth in chain:
        if auth is not None and auth.type != "inherit":
            return None if auth.type == "noauth" else auth
    return None


def apply_auth(auth: Auth | None, renderer: Renderer) -> AuthParts:
    parts = AuthParts()
    if auth is None:
        return parts
    handler = _HANDLERS.get(auth.type)
    if handler is None:
        raise ItemError(
            f"unsupported auth type '{auth.type}'",
            hint=f"supported: {', '.join(SUPPORTED)}; set the header yourself with a noauth block, "
            "or use a pre-request script",
        )
    handler(auth, renderer, parts)
    return parts


def _param(auth: Auth, renderer: Renderer, name: str, fallback: str | None = None) -> str:
    """A credential field; empty or `<placeholder>` falls back to the converter's variable name."""
    raw = auth.get(name)
    value = renderer.render(None if raw is None else str(raw)).strip() if raw is not None else ""
    if value == "null" and "{{" in str(raw):  # a variable a script set to undefined/null: no credential
        value = ""
    if (not value or is_placeholder(value)) and fallback:
        value = (renderer.scopes.get(fallback) or "").strip()
        if value:
            value = renderer.render(value)
    return "" if is_placeholder(value) else value


def _bearer(auth: Auth, renderer: Renderer, parts: AuthParts) -> None:
    token = _param(auth, renderer, "token", "bearerToken")
    if not token:
        raise ItemError(
            "bearer auth has no token",
            hint="set the token variable, e.g. --env-var bearerToken=…",
        )
    parts.headers.append(("Authorization", f"Bearer {token}"))
    parts.secrets.add(token)


def _basic(auth: Auth, renderer: Renderer, parts: AuthParts) -> None:
    user = _param(auth, renderer, "username", "basicAuthUsername")
    password = _param(auth, renderer, "password", "basicAuthPassword")
    if not user and not password:
        raise ItemError(
            "basic auth has no username or password",
            hint="--env-var basicAuthUsername=… --env-var basicAuthPassword=…",
        )
    encoded = base64.b64encode(f"{user}:{password}".encode()).decode()
    parts.headers.append(("Authorization", f"Basic {encoded}"))
    parts.secrets.update(s for s in (password, encoded) if s)


def _apikey(auth: Auth, renderer: Renderer, parts: AuthParts) -> None:
    name = _param(auth, renderer, "key") or "X-API-Key"
    value = _param(auth, renderer, "value", "apiKey")
    if not value:
        raise ItemError(
            f"API key auth has no value for '{name}'",
            hint="--env-var apiKey=…",
        )
    where = str(auth.get("in") or "header").lower()
    if where == "query":
        parts.query.append((name, value))
        parts.secret_query.add(name)
    else:
        parts.headers.append((name, value))
        parts.secret_headers.add(name)
    parts.secrets.add(value)


def _oauth2(auth: Auth, renderer: Renderer, parts: AuthParts) -> None:
    token = _param(auth, renderer, "accessToken", "accessToken")
    if not token:
        raise ItemError(
            "OAuth 2.0 auth has no access token (the collection stores none)",
            hint="--env-var accessToken=… (a token from your OAuth 2.0 provider)",
        )
    parts.secrets.add(token)
    if str(auth.get("addTokenTo") or "header") == "queryParams":
        parts.query.append(("access_token", token))
        parts.secret_query.add("access_token")
        return
    prefix = _param(auth, renderer, "headerPrefix")
    prefix = "Bearer" if auth.get("headerPrefix") is None else prefix
    parts.headers.append(("Authorization", f"{prefix} {token}".strip()))


def _digest(auth: Auth, renderer: Renderer, parts: AuthParts) -> None:
    user = _param(auth, renderer, "username")
    password = _param(auth, renderer, "password")
    if not user:
        raise ItemError("digest auth has no username", hint="set username and password in the auth block")
    parts.digest = (user, password)
    if password:
        parts.secrets.add(password)


_HANDLERS = {
    "bearer": _bearer,
    "basic": _basic,
    "apikey": _apikey,
    "oauth2": _oauth2,
    "digest": _digest,
}
