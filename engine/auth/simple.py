"""Auth types that add a credential as it is: bearer, basic, apikey, oauth2 (a token given or
fetched), and the challenge types digest and ntlm, which send completes with the server."""

from __future__ import annotations

import base64

from ..errors import ItemError
from .fields import AuthParts, Fields


def bearer(fields: Fields, parts: AuthParts) -> None:
    token = fields.need("token", "bearerToken")
    parts.headers.append(("Authorization", f"Bearer {token}"))
    fields.secret(parts, token)


def basic(fields: Fields, parts: AuthParts) -> None:
    user = fields.text("username", "basicAuthUsername")
    password = fields.text("password", "basicAuthPassword", strip=False)
    if not user and not password:
        raise ItemError(
            "basic auth has no username or password",
            hint="set 'username'/'password' in the basic auth block, or "
            "--env-var basicAuthUsername=… --env-var basicAuthPassword=…",
        )
    encoded = base64.b64encode(f"{user}:{password}".encode()).decode()
    parts.headers.append(("Authorization", f"Basic {encoded}"))
    fields.secret(parts, password, encoded)


def apikey(fields: Fields, parts: AuthParts) -> None:
    name = fields.text("key") or "X-API-Key"
    value = fields.text("value", "apiKey")
    if not value:
        raise ItemError(f"apikey auth has no value for '{name}'",
                        hint="set 'value' in the apikey auth block, or --env-var apiKey=…")
    if fields.text("in").lower() == "query":
        parts.query.append((name, value))
        parts.secret_query.add(name)
    else:
        parts.headers.append((name, value))
        parts.secret_headers.add(name)
    fields.secret(parts, value)


def digest(fields: Fields, parts: AuthParts) -> None:
    user = fields.need("username")
    password = fields.text("password", strip=False)
    parts.digest = (user, password)
    fields.secret(parts, password)


def ntlm(fields: Fields, parts: AuthParts) -> None:
    """`DOMAIN\\user` and `user@domain` name the domain when the block leaves it empty, as Postman does."""
    user = fields.need("username")
    password = fields.need("password", strip=False)
    domain = fields.text("domain")
    if not domain:
        if "\\" in user and "@" not in user:
            domain, _, user = user.partition("\\")
        elif "@" in user and "\\" not in user:
            user, _, domain = user.partition("@")
    parts.ntlm = (user, password, domain, fields.text("workstation"))
    fields.secret(parts, password)


def oauth2(fields: Fields, parts: AuthParts) -> None:
    """The block's `accessToken`, else the variable `accessToken`, else the token fetched for its
    grant configuration (the runner fetches it before resolve; see grant.py)."""
    from .grant import grant_of

    token = fields.resolved("accessToken", "accessToken")
    grant = None if token else grant_of(fields)
    if grant is None and not token:
        token = fields.text("accessToken", "accessToken")  # an unresolved {{name}} in it is reported by resolve
        if not token:
            raise ItemError(
                "oauth2 auth has no access token (the collection stores none) and no grant to fetch one",
                hint="--env-var accessToken=… (a token from your OAuth 2.0 provider), or give the auth block a "
                "grant_type with accessTokenUrl and clientId",
            )
    if grant is not None:
        fetched = fields.tokens.current(grant) if fields.tokens is not None else None
        if not fetched:
            raise ItemError(
                f"oauth2 token for {grant.token_url} is fetched only when the run sends requests",
                hint="--env-var accessToken=… to use a token you already have",
            )
        token = fetched
    fields.secret(parts, token)
    if fields.text("tokenType").lower() == "mac":
        raise ItemError("oauth2 MAC tokens are not supported", hint="use a bearer token type")
    if fields.text("addTokenTo") == "queryParams":
        parts.query.append(("access_token", token))
        parts.secret_query.add("access_token")
        return
    prefix = "Bearer" if fields.raw("headerPrefix") is None else fields.text("headerPrefix")
    parts.headers.append(("Authorization", f"{prefix} {token}" if prefix else token))
