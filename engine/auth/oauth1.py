"""OAuth 1.0a (RFC 5849), signed with oauthlib's signature functions, placed as postman-runtime
places it: the Authorization header when `addParamsToHeader`, else the urlencoded body of a
POST/PUT, else the query."""

from __future__ import annotations

import base64
import hashlib
import secrets
import string
import time
from dataclasses import replace
from types import SimpleNamespace
from urllib.parse import parse_qsl, urlsplit

from ..errors import ItemError
from ..model import header_value
from .fields import AuthParts, Fields, Wire, missing_library
from .jwt_auth import pem_key
from .jwt_auth import private_key as private_key_object

METHODS = {
    "HMAC-SHA1": "sign_hmac_sha1_with_client",
    "HMAC-SHA256": "sign_hmac_sha256_with_client",
    "HMAC-SHA512": "sign_hmac_sha512_with_client",
    "RSA-SHA1": "sign_rsa_sha1_with_client",
    "RSA-SHA256": "sign_rsa_sha256_with_client",
    "RSA-SHA512": "sign_rsa_sha512_with_client",
    "PLAINTEXT": "sign_plaintext_with_client",
}
BODY_HASHES = {"SHA1": hashlib.sha1, "SHA256": hashlib.sha256, "SHA512": hashlib.sha512}
FORM = "application/x-www-form-urlencoded"
NONCE_ALPHABET = string.ascii_letters + string.digits


def oauth1(fields: Fields, parts: AuthParts) -> None:
    method = (fields.text("signatureMethod") or "HMAC-SHA1").upper()
    if method not in METHODS:
        raise ItemError(f"oauth1 signature method '{method}' is not one Postman offers",
                        hint=f"use one of {', '.join(METHODS)}")
    rsa = method.startswith("RSA")
    consumer_key = fields.need("consumerKey")
    private_key = pem_key(fields.need("privateKey", strip=False)) if rsa else ""
    consumer_secret = fields.text("consumerSecret", strip=False) if rsa else fields.need("consumerSecret", strip=False)
    token_secret = fields.text("tokenSecret", strip=False)
    keep_empty = fields.flag("addEmptyParamsToSign")
    protocol = [
        ("oauth_consumer_key", consumer_key),
        ("oauth_token", fields.text("token")),
        ("oauth_signature_method", method),
        ("oauth_timestamp", fields.text("timestamp") or str(int(time.time()))),
        ("oauth_nonce", fields.text("nonce") or "".join(secrets.choice(NONCE_ALPHABET) for _ in range(11))),
        ("oauth_version", fields.text("version") or "1.0"),
    ]
    protocol = [(k, v) for k, v in protocol if v or keep_empty]
    extensions = [("oauth_callback", fields.text("callback")), ("oauth_verifier", fields.text("verifier"))]
    settings = SimpleNamespace(
        method=method, protocol=protocol, extensions=[(k, v) for k, v in extensions if v],
        client=SimpleNamespace(client_secret=consumer_secret, resource_owner_secret=token_secret,
                               rsa_key=private_key_object(private_key) if rsa else ""),
        body_hash=fields.flag("includeBodyHash"), in_header=fields.flag("addParamsToHeader"),
        realm=fields.text("realm"), raw_header=fields.flag("disableHeaderEncoding"),
    )
    fields.secret(parts, consumer_secret, token_secret, private_key)
    parts.secret_query.add("oauth_signature")
    parts.signer = lambda wire: _sign(wire, settings, parts)


def _sign(wire: Wire, s: SimpleNamespace, parts: AuthParts) -> Wire:
    try:
        from oauthlib.oauth1.rfc5849 import parameters, signature, utils  # type: ignore[import-untyped]
    except ImportError:
        raise missing_library("oauth1", "oauthlib", "oauthlib") from None

    form = (header_value(wire.headers, "Content-Type") or "").split(";")[0].strip().lower() == FORM
    body_params = parse_qsl((wire.body or b"").decode("utf-8", "replace"), keep_blank_values=True) if form else []
    protocol = list(s.protocol)
    if s.body_hash and not form and s.method != "PLAINTEXT":
        algorithm = BODY_HASHES[s.method.split("-")[1]]
        protocol.append(("oauth_body_hash", base64.b64encode(algorithm(wire.body or b"").digest()).decode()))
    protocol += s.extensions
    query = parse_qsl(urlsplit(wire.url).query, keep_blank_values=True)
    normalized = signature.normalize_parameters(protocol + query + body_params)
    base = signature.signature_base_string(wire.method, signature.base_string_uri(wire.url), normalized)
    try:
        signed = getattr(signature, METHODS[s.method])(base, s.client)
    except ImportError:  # RSA signing goes through PyJWT and cryptography
        raise missing_library("oauth1", "cryptography", "cryptography") from None
    except Exception as exc:  # a malformed key: ValueError, TypeError or PyJWT's InvalidKeyError
        raise ItemError(f"oauth1 could not sign with {s.method}: {exc}",
                        hint="privateKey must be a PEM private key (-----BEGIN PRIVATE KEY-----)") from None
    parts.secrets.add(signed)
    protocol.append(("oauth_signature", signed))
    if s.in_header:
        if s.raw_header:
            pairs = ([f'realm="{s.realm}"'] if s.realm else []) + [f'{k}="{v}"' for k, v in protocol]
            value = "OAuth " + ",".join(pairs)
        else:
            value = parameters.prepare_headers(protocol, realm=s.realm or None)["Authorization"]
        headers = tuple(h for h in wire.headers if h[0].lower() != "authorization") + (("Authorization", value),)
        return replace(wire, headers=headers)
    encoded = "&".join(f"{utils.escape(k)}={utils.escape(v)}" for k, v in protocol)
    if form and wire.method in ("POST", "PUT"):
        body = (wire.body or b"") + (b"&" if wire.body else b"") + encoded.encode("ascii")
        return replace(wire, body=body)
    separator = "&" if urlsplit(wire.url).query else ("" if wire.url.endswith("?") else "?")
    return replace(wire, url=wire.url + separator + encoded)
