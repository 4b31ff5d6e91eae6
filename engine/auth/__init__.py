"""Auth: which block applies to an item (inheritance) and what it adds to the request.

Every type Postman offers, with its v2.1 field names. Types that only add a credential act at
once; types that sign (oauth1, hawk, awsv4, edgegrid) return a signer that resolve calls on the
final request; digest and ntlm need the server's challenge, so send performs them. Each signing
type's library is imported only when an item uses it. A missing credential is an item error,
never a silent unauthenticated call.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Callable

from ..errors import ItemError
from ..model import Auth, Located
from ..variables import Renderer
from .fields import AuthParts, Fields, Wire

if TYPE_CHECKING:
    from .grant import TokenCache

__all__ = ["SUPPORTED", "AuthParts", "Wire", "apply_auth", "effective_auth"]

# type → (module in this package, function): imported when an item uses the type
_HANDLERS: dict[str, tuple[str, str]] = {
    "bearer": ("simple", "bearer"),
    "basic": ("simple", "basic"),
    "apikey": ("simple", "apikey"),
    "digest": ("simple", "digest"),
    "ntlm": ("simple", "ntlm"),
    "oauth2": ("simple", "oauth2"),
    "oauth1": ("oauth1", "oauth1"),
    "hawk": ("hawk", "hawk"),
    "awsv4": ("awsv4", "awsv4"),
    "edgegrid": ("edgegrid", "edgegrid"),
    "jwt": ("jwt_auth", "jwt"),
    "asap": ("jwt_auth", "asap"),
}
SUPPORTED = ("noauth", *_HANDLERS)


def effective_auth(located: Located, collection_auth: Auth | None) -> Auth | None:
    """Item → enclosing folders (innermost first) → collection; `noauth` stops the search."""
    chain = [located.item.request.auth] + [f.auth for f in reversed(located.folders)] + [collection_auth]
    for auth in chain:
        if auth is not None and auth.type != "inherit":
            return None if auth.type == "noauth" else auth
    return None


def apply_auth(auth: Auth | None, renderer: Renderer, tokens: "TokenCache | None" = None) -> AuthParts:
    """Render the block's fields and return what it adds; raises ItemError naming a missing field."""
    parts = AuthParts()
    if auth is None:
        return parts
    target = _HANDLERS.get(auth.type)
    if target is None:
        raise ItemError(
            f"unsupported auth type '{auth.type}'",
            hint=f"supported: {', '.join(SUPPORTED)}; set the header yourself with a noauth block, "
            "or use a pre-request script",
        )
    module, name = target
    handler: Callable[[Fields, AuthParts], None] = getattr(import_module(f"{__name__}.{module}"), name)
    handler(Fields(auth, renderer, tokens), parts)
    return parts
