"""JWT bearer and Atlassian ASAP, signed by PyJWT with Postman's field names and defaults."""

from __future__ import annotations

import base64
import binascii
import json
import re
import time
import uuid
import warnings
from functools import lru_cache

from ..errors import ItemError
from ..model import as_text
from .fields import AuthParts, Fields, missing_library

HMAC = ("HS256", "HS384", "HS512")
ASYMMETRIC = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512")
PEM = re.compile(r"-----BEGIN ([A-Z ]+)-----(.*?)-----END \1-----", re.S)
DATA_URI = re.compile(r"^data:application/pkcs8;kid=([\w.\-+/]+);base64,([A-Za-z0-9+/=]+)$")
ASAP_EXPIRY = 3600


def jwt(fields: Fields, parts: AuthParts) -> None:
    algorithm = fields.text("algorithm") or "HS256"
    if algorithm not in HMAC + ASYMMETRIC:
        raise ItemError(f"jwt algorithm '{algorithm}' is not one Postman offers",
                        hint=f"use one of {', '.join(HMAC + ASYMMETRIC)}")
    if algorithm in HMAC:
        secret = fields.need("secret", strip=False)
        key: object = _base64(secret) if fields.flag("isSecretBase64Encoded") else secret.encode("utf-8")
        fields.secret(parts, secret)
    else:
        text = pem_key(fields.need("privateKey", strip=False))
        fields.secret(parts, text)
        key = private_key(text)
    header = _json_object(fields, "header")
    header = {"typ": None, **header, "alg": algorithm}  # PyJWT adds typ unless told not to; Postman does not
    token = _encode(_json_object(fields, "payload"), key, algorithm, header)
    fields.secret(parts, token)
    if fields.text("addTokenTo") == "queryParam":
        name = fields.text("queryParamKey") or "token"
        parts.query.append((name, token))
        parts.secret_query.add(name)
        return
    prefix = "Bearer" if fields.raw("headerPrefix") is None else fields.text("headerPrefix")
    parts.headers.append(("Authorization", f"{prefix} {token}" if prefix else token))


def asap(fields: Fields, parts: AuthParts) -> None:
    """Claims from `claims` win over the fields; `sub` falls back to the issuer, `jti` is fresh."""
    algorithm = fields.text("alg") or "RS256"
    if algorithm not in ASYMMETRIC:
        raise ItemError(f"asap algorithm '{algorithm}' is not supported", hint=f"use one of {', '.join(ASYMMETRIC)}")
    claims = _json_object(fields, "claims")
    issuer = claims.get("iss") or fields.need("iss", label="issuer (iss)")
    audience = claims.get("aud") or fields.need("aud", label="audience (aud)")
    kid = claims.get("kid") or fields.need("kid", label="key id (kid)")
    raw_key = fields.need("privateKey", strip=False)
    text = pem_key(raw_key, kid)
    key = private_key(text)
    now = int(time.time())
    expiry = fields.text("exp")
    payload = {
        **claims,
        "iss": issuer, "sub": claims.get("sub") or fields.text("sub") or issuer, "aud": audience,
        "jti": claims.get("jti") or str(uuid.uuid4()), "iat": claims.get("iat") or now,
        "exp": claims.get("exp") or now + (int(expiry) if expiry.isdigit() else ASAP_EXPIRY),
    }
    payload.pop("kid", None)
    token = _encode(payload, key, algorithm, {"typ": None, "alg": algorithm, "kid": kid})
    fields.secret(parts, raw_key, text, token)
    parts.headers.append(("Authorization", f"Bearer {token}"))


def _encode(payload: dict, key: object, algorithm: str, header: dict) -> str:
    try:
        import jwt as pyjwt
    except ImportError:
        raise missing_library("jwt", "jwt", "PyJWT") from None
    try:
        with warnings.catch_warnings():  # the key is the collection's choice, as in Postman: no warning per item
            warnings.simplefilter("ignore", getattr(pyjwt.warnings, "InsecureKeyLengthWarning", UserWarning))
            return pyjwt.encode(payload, key, algorithm=algorithm, headers=header)  # type: ignore[arg-type]
    except NotImplementedError:
        raise missing_library("jwt", "cryptography", "cryptography") from None
    except (ValueError, TypeError, pyjwt.exceptions.PyJWTError) as exc:
        raise ItemError(f"could not sign the token with {algorithm}: {exc}",
                        hint="privateKey must be a PEM private key (-----BEGIN PRIVATE KEY-----) "
                        "of the algorithm's kind") from None


def _json_object(fields: Fields, name: str) -> dict:
    raw = fields.raw(name)
    if isinstance(raw, dict):
        text = json.dumps(raw)
    else:
        text = fields.renderer.render(as_text(raw)).strip() if raw is not None else ""
    if isinstance(raw, dict):
        text = fields.renderer.render(text)
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise ItemError(f"{fields.kind} auth '{name}' is not valid JSON: {exc}",
                        hint=f"fix '{name}' in the {fields.kind} auth block") from None
    if not isinstance(value, dict):
        raise ItemError(f"{fields.kind} auth '{name}' must be a JSON object", hint=f"write '{name}' as {{…}}")
    return value


def _base64(text: str) -> bytes:
    try:
        return base64.b64decode(text + "=" * (-len(text) % 4), validate=False)
    except (binascii.Error, ValueError):
        raise ItemError("jwt secret is not valid base64", hint="turn off isSecretBase64Encoded") from None


@lru_cache(maxsize=64)
def private_key(pem: str) -> object:
    """The key object, loaded once per run and key: cryptography's RSA key check takes a fifth of a
    second, which would otherwise be paid by every item."""
    try:
        from cryptography.hazmat.primitives.serialization import load_pem_private_key
    except ImportError:
        raise missing_library("jwt", "cryptography", "cryptography") from None
    try:
        return load_pem_private_key(pem.encode("utf-8"), password=None)
    except (ValueError, TypeError) as exc:
        raise ItemError(f"the private key cannot be read: {exc}",
                        hint="privateKey must be an unencrypted PEM private key (-----BEGIN PRIVATE KEY-----)") from None


def pem_key(text: str, kid: str | None = None) -> str:
    """A key as written in an auth field: newlines may be lost or escaped (`\\n`); ASAP keys may be
    a `data:application/pkcs8;kid=…` URI, as Atlassian's tools write them."""
    text = text.strip().strip('"').replace("\\n", "\n")
    match = DATA_URI.match(text)
    if match:
        if kid is not None and match.group(1) != kid:
            raise ItemError("asap privateKey data URI names another kid than the auth's kid",
                            hint="use the kid the key was issued with")
        body = match.group(2)
        return "-----BEGIN PRIVATE KEY-----\n" + "\n".join(body[i:i + 64] for i in range(0, len(body), 64)) + \
            "\n-----END PRIVATE KEY-----\n"
    pem = PEM.search(text)
    if not pem:
        return text
    body = re.sub(r"\s+", "", pem.group(2))
    lines = "\n".join(body[i:i + 64] for i in range(0, len(body), 64))
    return f"-----BEGIN {pem.group(1)}-----\n{lines}\n-----END {pem.group(1)}-----\n"
