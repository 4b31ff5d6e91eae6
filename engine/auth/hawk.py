"""Hawk, signed by mohawk over the final URL; the payload hash only when `includePayloadHash`,
as in Postman (it hashes the Content-Type the request is sent with)."""

from __future__ import annotations

import secrets
import string
import time
from dataclasses import replace
from types import SimpleNamespace

from ..errors import ItemError
from ..model import header_value
from .fields import AuthParts, Fields, Wire, missing_library

ALGORITHMS = ("sha256", "sha1")


def hawk(fields: Fields, parts: AuthParts) -> None:
    algorithm = (fields.text("algorithm") or "sha256").lower()
    if algorithm not in ALGORITHMS:
        raise ItemError(f"hawk algorithm '{algorithm}' is not supported", hint="use sha256 or sha1")
    key = fields.need("authKey", strip=False)
    settings = SimpleNamespace(
        credentials={"id": fields.need("authId"), "key": key, "algorithm": algorithm},
        nonce=fields.text("nonce") or "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(6)),
        timestamp=int(fields.text("timestamp") or 0) if fields.text("timestamp").isdigit() else 0,
        ext=fields.text("extraData") or None, app=fields.text("app") or None, dlg=fields.text("delegation") or None,
        payload=fields.flag("includePayloadHash"),
    )
    if fields.text("user"):
        parts.notes.append("hawk 'user' is not part of the Hawk header mohawk signs; it was left out")
    fields.secret(parts, key)
    parts.signer = lambda wire: _sign(wire, settings, parts)


def _sign(wire: Wire, s: SimpleNamespace, parts: AuthParts) -> Wire:
    try:
        import mohawk  # type: ignore[import-untyped]
        from mohawk.base import EmptyValue  # type: ignore[import-untyped]
    except ImportError:
        raise missing_library("hawk", "mohawk", "mohawk") from None
    content_type = (header_value(wire.headers, "Content-Type") or "") if s.payload else EmptyValue
    sender = mohawk.Sender(
        s.credentials, wire.url, wire.method,
        content=(wire.body or b"") if s.payload else EmptyValue, content_type=content_type,
        always_hash_content=s.payload, nonce=s.nonce, ext=s.ext, app=s.app, dlg=s.dlg,
        _timestamp=s.timestamp or int(time.time()),
    )
    headers = tuple(h for h in wire.headers if h[0].lower() != "authorization")
    return replace(wire, headers=headers + (("Authorization", sender.request_header),))
