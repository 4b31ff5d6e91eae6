"""`--compat newman`: what Newman sends where the default refuses to send.

Only the cases SPEC.md lists: an unresolved `{{name}}` goes out as written, a path variable with
no value stays `:name` (postman-collection leaves a segment whose variable is empty as written),
a `<placeholder>` goes out as written, auth with a missing credential is sent as postman-runtime
sends it, `enabled: false` environment entries apply, iteration data wins over `--env-var`, and a
request whose pre-request script failed is still sent. Each case becomes a CompatNote on its item;
resolve records them, this module only knows what Newman would have put on the wire.
"""

from __future__ import annotations

import base64

from .model import Auth, CompatNote, as_text
from .variables import Renderer


def _field(auth: Auth, renderer: Renderer, name: str) -> str:
    """A field as Newman reads it: rendered, a `<placeholder>` or an unresolved `{{name}}` as written."""
    value = auth.get(name)
    return renderer.render(as_text(value)) if value is not None else ""


def newman_auth(auth: Auth, renderer: Renderer, reason: str) -> list[tuple[str, str]]:
    """The headers postman-runtime adds for `auth` whose credentials we find missing: basic signs
    whatever it has (empty names included); bearer, apikey and oauth2 add their token or key as
    written (a `<placeholder>` too) when there is one; every other signer adds nothing when its
    required fields are missing. Query placement (apikey, oauth2) is newman_auth_query's."""

    def field(name: str) -> str:
        return _field(auth, renderer, name)

    renderer.allow(CompatNote("credential", auth.type, f"{auth.type} auth: {reason}; sent as Newman sends it"))
    if auth.type == "basic":
        pair = f"{field('username')}:{field('password')}".encode()
        return [("Authorization", "Basic " + base64.b64encode(pair).decode())]
    if auth.type == "bearer" and field("token"):
        return [("Authorization", "Bearer " + field("token"))]
    if auth.type == "oauth2" and field("accessToken") and field("addTokenTo") != "queryParams":
        prefix = "Bearer" if auth.get("headerPrefix") is None else field("headerPrefix").strip()
        return [("Authorization", f"{prefix} {field('accessToken')}".strip())]
    if auth.type == "apikey" and (field("key") or field("value")) and field("in") != "query":
        return [(field("key"), field("value"))]
    return []


def newman_auth_query(auth: Auth, renderer: Renderer) -> list[tuple[str, str]]:
    """Query parameters postman-runtime adds for `auth` with a missing credential (see newman_auth)."""

    def field(name: str) -> str:
        return _field(auth, renderer, name)

    if auth.type == "apikey" and (field("key") or field("value")) and field("in") == "query":
        return [(field("key"), field("value"))]
    if auth.type == "oauth2" and field("accessToken") and field("addTokenTo") == "queryParams":
        return [("access_token", field("accessToken"))]
    return []
