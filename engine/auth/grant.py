"""OAuth 2.0 beyond Newman: a token fetched for the auth block's grant configuration.

Client credentials, password and refresh-token grants (RFC 6749 §4.3, §4.4, §6), client
authentication as a Basic header or in the body. The runner fetches the token through send
before the first item that needs it (`TokenCache.ensure`), keeps it per grant configuration
for the run and refreshes it once on expiry or on a 401; resolve only reads the cache, so it
stays pure. Building the token request and reading the answer are pure functions here.
"""

from __future__ import annotations

import base64
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import parse_qsl, quote, urlencode

from ..errors import ItemError
from ..model import Auth, Exchange, PreparedRequest, Record
from ..variables import Renderer, Scopes
from .fields import Fields

GRANTS = {
    "client_credentials": "client_credentials",
    "password_credentials": "password",
    "password": "password",
    "refresh_token": "refresh_token",
}
INTERACTIVE = ("authorization_code", "authorization_code_with_pkce", "implicit")
EXPIRY_MARGIN = 5.0  # seconds: a token this close to expiry is refreshed before use


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Grant(Record):
    """A grant configuration with its fields rendered; equal grants share one token."""

    grant_type: str  # client_credentials | password | refresh_token
    token_url: str
    client_id: str = ""
    client_secret: str = ""
    scope: str = ""
    audience: str = ""
    resource: str = ""
    username: str = ""
    password: str = ""
    refresh_token: str = ""
    refresh_url: str = ""
    client_auth: str = "header"  # header | body
    extra: tuple[tuple[str, str, str], ...] = ()  # tokenRequestParams: key, value, send_as

    def secrets(self) -> set[str]:
        return {s for s in (self.client_secret, self.password, self.refresh_token) if s}


@dataclass
class Token:
    access_token: str
    refresh_token: str = ""
    expires_at: float | None = None  # time.monotonic() after which it is refreshed

    def fresh(self) -> bool:
        return self.expires_at is None or time.monotonic() < self.expires_at - EXPIRY_MARGIN


def grant_of(fields: Fields) -> Grant | None:
    """The block's grant configuration, or None when it has none. Raises ItemError for a grant
    that needs a person (authorization code, implicit) or a missing field."""
    kind = fields.text("grant_type")
    url = fields.text("accessTokenUrl")
    refresh = fields.text("refreshToken")
    if not kind and not url:
        return None
    if kind in INTERACTIVE or not kind:
        if not refresh:
            raise ItemError(
                f"oauth2 grant '{kind or 'unset'}' needs a person at a browser; nothing to fetch it with",
                hint="--env-var accessToken=… (a token you obtained), or give the block a refreshToken",
            )
        kind = "refresh_token"
    grant_type = GRANTS.get(kind)
    if grant_type is None:
        raise ItemError(f"oauth2 grant_type '{kind}' is not supported",
                        hint=f"use one of {', '.join(GRANTS)}, or --env-var accessToken=…")
    token_url = fields.text("refreshTokenUrl") if grant_type == "refresh_token" and not url else url
    if not token_url:
        raise fields.missing("accessTokenUrl")
    return Grant(
        grant_type=grant_type,
        token_url=token_url,
        client_id=fields.need("clientId") if grant_type == "client_credentials" else fields.text("clientId"),
        client_secret=fields.text("clientSecret", strip=False),
        scope=fields.text("scope"),
        audience=fields.text("audience"),
        resource=fields.text("resource"),
        username=fields.need("username") if grant_type == "password" else "",
        password=fields.need("password", strip=False) if grant_type == "password" else "",
        refresh_token=refresh,
        refresh_url=fields.text("refreshTokenUrl") or token_url,
        client_auth="body" if fields.text("client_authentication").lower() == "body" else "header",
        extra=_extra(fields),
    )


def _extra(fields: Fields) -> tuple[tuple[str, str, str], ...]:
    rows = fields.raw("tokenRequestParams")
    out = []
    for row in rows if isinstance(rows, list) else []:
        if isinstance(row, dict) and row.get("enabled", True) is not False and row.get("key"):
            render = fields.renderer.render
            out.append((render(str(row["key"])), render(str(row.get("value") or "")),
                        str(row.get("send_as") or "request_body")))
    return tuple(out)


def token_request(grant: Grant, refresh_token: str = "") -> PreparedRequest:
    """The POST to the token endpoint (a refresh when `refresh_token` is given)."""
    form: list[tuple[str, str]] = []
    if refresh_token or grant.grant_type == "refresh_token":
        form.append(("grant_type", "refresh_token"))
        form.append(("refresh_token", refresh_token or grant.refresh_token))
        url = grant.refresh_url
    else:
        form.append(("grant_type", grant.grant_type))
        if grant.grant_type == "password":
            form += [("username", grant.username), ("password", grant.password)]
        url = grant.token_url
    form += [(k, v) for k, v in (("scope", grant.scope), ("audience", grant.audience),
                                   ("resource", grant.resource)) if v]
    headers = [("Accept", "application/json"), ("Content-Type", "application/x-www-form-urlencoded")]
    if grant.client_auth == "body" or not grant.client_secret:
        form += [(k, v) for k, v in (("client_id", grant.client_id), ("client_secret", grant.client_secret)) if v]
    else:
        pair = base64.b64encode(f"{grant.client_id}:{grant.client_secret}".encode()).decode()
        headers.append(("Authorization", f"Basic {pair}"))
    query: list[tuple[str, str]] = []
    for key, value, where in grant.extra:
        if where == "request_header":
            headers.append((key, value))
        elif where == "request_url":
            query.append((key, value))
        else:
            form.append((key, value))
    url = quote(url, safe="!#$%&'()*+,/:;=?@[]~")
    if query:
        url += ("&" if "?" in url else "?") + urlencode(query)
    secrets = grant.secrets() | {value[6:] for name, value in headers if name == "Authorization"}
    return PreparedRequest(method="POST", url=url, headers=tuple(headers), body=urlencode(form).encode("ascii"),
                           secrets=frozenset(s for s in secrets if s))


def read_token(exchange: Exchange, grant: Grant) -> Token:
    """The token from the endpoint's answer, or an ItemError summarising what it said."""
    response = exchange.response
    text = response.body.decode("utf-8", "replace")
    document: dict = {}
    try:
        loaded = json.loads(text)
        document = loaded if isinstance(loaded, dict) else {}
    except ValueError:
        document = dict(parse_qsl(text)) if "=" in text else {}
    token = document.get("access_token")
    if 200 <= response.code < 300 and isinstance(token, str) and token:
        expires = document.get("expires_in")
        try:
            expires_at = time.monotonic() + float(expires) if expires not in (None, "") else None
        except (TypeError, ValueError):
            expires_at = None
        refresh = document.get("refresh_token")
        return Token(token, refresh if isinstance(refresh, str) else "", expires_at)
    said = ": ".join(str(document[k]) for k in ("error", "error_description") if document.get(k))
    said = said or " ".join(text.split())[:200] or "an empty body"
    what = f"{response.code} {response.reason}".strip()
    if 200 <= response.code < 300:
        what += " without an access_token"
    raise ItemError(
        f"OAuth 2.0 token request to {grant.token_url} failed ({grant.grant_type}): {what} — {said}",
        hint="check clientId, clientSecret, scope and accessTokenUrl in the oauth2 auth block "
        "(or pass --env-var accessToken=…)",
    )


@dataclass
class TokenCache:
    """Tokens fetched during one run, per grant configuration. Thread-safe: workers share it."""

    tokens: dict[Grant, Token] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def current(self, grant: Grant) -> str | None:
        token = self.tokens.get(grant)
        return token.access_token if token is not None else None

    def ensure(self, grant: Grant, send: Callable[[PreparedRequest], Exchange], *,
               stale: str | None = None) -> tuple[Token, str | None]:
        """The grant's token, fetched when there is none, refreshed when it expired or when it is
        `stale` (the token a server just refused with 401), and a note saying so when it was fetched.
        Raises ItemError/SendError."""
        with self._lock:
            token = self.tokens.get(grant)
            if token is not None and token.fresh() and token.access_token != stale:
                return token, None
            refresh = token.refresh_token if token is not None else ""
            try:
                fetched = read_token(send(token_request(grant, refresh)), grant)
            except ItemError:
                if not refresh:
                    raise
                fetched = read_token(send(token_request(grant)), grant)  # the refresh token was refused
            if not fetched.refresh_token and refresh:
                fetched.refresh_token = refresh
            self.tokens[grant] = fetched
            how = "refreshed" if token is not None else "fetched"
            return fetched, f"OAuth 2.0 token {how} from {grant.token_url} ({grant.grant_type} grant)"


def needed_grant(auth: Auth | None, scopes: Scopes) -> Grant | None:
    """The grant whose token an item needs: an oauth2 block with no token of its own and no
    `accessToken` variable. None when nothing has to be fetched, or when the block's fields are
    incomplete (resolve then names what is missing)."""
    if auth is None or auth.type != "oauth2":
        return None
    renderer = Renderer(scopes)
    fields = Fields(auth, renderer)
    if fields.resolved("accessToken", "accessToken"):
        return None
    try:
        grant = grant_of(fields)
    except ItemError:
        return None
    return None if renderer.missing else grant


class RunTimeTokens(TokenCache):
    """For `validate`: a grant configuration counts as sendable, since the run fetches its token."""

    def current(self, grant: Grant) -> str | None:
        return "token-fetched-at-run-time"
