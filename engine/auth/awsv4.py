"""AWS Signature Version 4, signed by botocore's SigV4 signer (the `aws` extra): headers by default,
the query when `addAuthDataToQuery`, as postman-runtime does. A body's SHA-256 goes in
`X-Amz-Content-Sha256`, as Postman sends it."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from types import SimpleNamespace
from urllib.parse import parse_qsl, quote, urlsplit, urlunsplit

from .fields import AuthParts, Fields, Wire, missing_library

REPLACED = {"authorization", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256"}
QUERY_EXPIRES = 86400  # seconds a presigned URL stays valid: Postman's signer uses the same default


def awsv4(fields: Fields, parts: AuthParts) -> None:
    secret_key = fields.need("secretKey", strip=False)
    session_token = fields.text("sessionToken")
    settings = SimpleNamespace(
        access_key=fields.need("accessKey"), secret_key=secret_key, token=session_token or None,
        service=fields.text("service") or "execute-api", region=fields.text("region") or "us-east-1",
        in_query=fields.flag("addAuthDataToQuery"),
    )
    fields.secret(parts, secret_key, session_token)
    parts.secret_query.update({"X-Amz-Signature", "X-Amz-Security-Token"})
    parts.signer = lambda wire: _sign(wire, settings, parts)


def _strict_query(url: str) -> str:
    """SigV4 signs the query encoded as RFC 3986 says (only unreserved characters kept): send it so."""
    split = urlsplit(url)
    if not split.query:
        return url
    pairs = parse_qsl(split.query, keep_blank_values=True)
    query = "&".join(f"{quote(k, safe='-_.~')}={quote(v, safe='-_.~')}" for k, v in pairs)
    return urlunsplit(split._replace(query=query))


def _sign(wire: Wire, s: SimpleNamespace, parts: AuthParts) -> Wire:
    try:
        from botocore.auth import (  # type: ignore[import-untyped]
            S3SigV4Auth,
            S3SigV4QueryAuth,
            SigV4Auth,
            SigV4QueryAuth,
        )
        from botocore.awsrequest import AWSRequest  # type: ignore[import-untyped]
        from botocore.credentials import Credentials  # type: ignore[import-untyped]
    except ImportError:
        raise missing_library("awsv4", "botocore", "botocore") from None
    headers = [(k, v) for k, v in wire.headers if k.lower() not in REPLACED]
    credentials = Credentials(s.access_key, s.secret_key, s.token)
    url = _strict_query(wire.url)
    s3 = s.service == "s3"  # S3 signs the path as sent (others encode it twice) and always sends the hash
    if s.in_query:
        request = AWSRequest(method=wire.method, url=url, headers=dict(headers))
        presign = S3SigV4QueryAuth if s3 else SigV4QueryAuth
        presign(credentials, s.service, s.region, expires=QUERY_EXPIRES).add_auth(request)
        signed_url = str(request.url)
        parts.secrets.update(v for k, v in parse_qsl(urlsplit(signed_url).query) if k == "X-Amz-Signature")
        return replace(wire, url=signed_url, headers=tuple(headers))
    if wire.body:
        headers.append(("X-Amz-Content-Sha256", hashlib.sha256(wire.body).hexdigest()))
    request = AWSRequest(method=wire.method, url=url, headers=dict(headers), data=wire.body or b"")
    (S3SigV4Auth if s3 else SigV4Auth)(credentials, s.service, s.region).add_auth(request)
    known = {k.lower() for k, _ in headers}
    added = [(k, str(v)) for k, v in request.headers.items() if k.lower() not in known]
    return replace(wire, url=url, headers=tuple(headers + added))
