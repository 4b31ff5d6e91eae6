"""Akamai EdgeGrid (EG1-HMAC-SHA256), signed by Akamai's edgegrid-python over the final request."""

from __future__ import annotations

import time
import uuid
from dataclasses import replace
from types import SimpleNamespace
from urllib.parse import urlsplit

from ..model import as_text
from .fields import AuthParts, Fields, Wire, missing_library

DEFAULT_MAX_BODY = 131072  # bytes of a POST body that are hashed: Akamai's and Postman's default


class _Headers(dict):
    """The case-insensitive lookups the library makes on a request's headers."""

    def __init__(self, pairs: tuple[tuple[str, str], ...]) -> None:
        super().__init__()
        for name, value in pairs:
            self.setdefault(name.lower(), value)

    def __contains__(self, name: object) -> bool:
        return super().__contains__(str(name).lower())

    def __getitem__(self, name: str) -> str:
        return super().__getitem__(name.lower())

    def __setitem__(self, name: str, value: str) -> None:
        super().__setitem__(name.lower(), value)

    def get(self, name: str, default: object = None) -> object:  # type: ignore[override]
        return super().get(name.lower(), default)


def edgegrid(fields: Fields, parts: AuthParts) -> None:
    secret = fields.need("clientSecret", strip=False)
    listed = fields.raw("headersToSign")
    names = listed if isinstance(listed, list) else fields.renderer.render(as_text(listed or "")).split(",")
    max_body = fields.text("maxBodySize")
    base = fields.text("baseURL")
    settings = SimpleNamespace(
        access_token=fields.need("accessToken"), client_token=fields.need("clientToken"), client_secret=secret,
        headers_to_sign=[str(n).strip() for n in names if str(n).strip()],
        max_body=int(max_body) if max_body.isdigit() else DEFAULT_MAX_BODY,
        host=urlsplit(base if "://" in base else f"https://{base}").netloc if base else "",
        nonce=fields.text("nonce"), timestamp=fields.text("timestamp"),
    )
    fields.secret(parts, secret, settings.access_token, settings.client_token)
    parts.signer = lambda wire: _sign(wire, settings)


def _sign(wire: Wire, s: SimpleNamespace) -> Wire:
    try:
        from akamai.edgegrid.edgegrid import EdgeGridAuthHeaders  # type: ignore[import-untyped]
    except ImportError:
        raise missing_library("edgegrid", "akamai.edgegrid", "edgegrid-python") from None
    headers = _Headers(wire.headers)
    if s.host:
        headers["Host"] = s.host  # the signature names baseURL's host, as Postman does
    request = SimpleNamespace(url=wire.url, method=wire.method, headers=headers, body=wire.body or b"")
    signer = EdgeGridAuthHeaders(s.client_token, s.client_secret, s.access_token,
                                 headers_to_sign=s.headers_to_sign, max_body=s.max_body)
    timestamp = s.timestamp or time.strftime("%Y%m%dT%H:%M:%S+0000", time.gmtime())
    value = signer.make_auth_header(request, timestamp, s.nonce or str(uuid.uuid4()))
    kept = tuple(h for h in wire.headers if h[0].lower() != "authorization")
    return replace(wire, headers=kept + (("Authorization", value),))
