"""Loopback servers that verify auth the way a real API would, each with an implementation
independent of the one the engine signs with (written here from the specifications), and answer
200 when the credential verifies, 401 with the reason when it does not.

- `check_oauth1`: RFC 5849 base string and HMAC/RSA/PLAINTEXT check, body hash per the draft;
- `check_awsv4`: the canonical request and signing key of AWS's SigV4 documentation;
- `check_edgegrid`: Akamai's documented EG1-HMAC-SHA256 data-to-sign;
- `check_hawk`: mohawk's Receiver; `check_jwt`/`check_asap`: PyJWT decode with the public key;
- `NtlmHandler`: pyspnego's NTLM acceptor over one keep-alive connection.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable
from urllib.parse import parse_qsl, quote, unquote


@dataclass(frozen=True)
class Seen:
    method: str
    target: str
    headers: tuple[tuple[str, str], ...]
    body: bytes

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)

    @property
    def path(self) -> str:
        return self.target.partition("?")[0]

    @property
    def query(self) -> str:
        return self.target.partition("?")[2]


Check = Callable[[Seen], "str | None"]  # None: accepted; else the reason it was refused
Answer = Callable[[Seen], "tuple[int, dict]"]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "_Server"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        seen = Seen(self.command, self.path, tuple(self.headers.items()), self.rfile.read(length) if length else b"")
        owner = self.server.owner
        with owner.lock:
            owner.seen.append(seen)
        status, document, extra = owner.answer(seen, self)
        body = json.dumps(document).encode()
        self.send_response(status)
        for name, value in extra:
            self.send_header(name, value)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _handle


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: "VerifyingServer"


@dataclass
class VerifyingServer:
    """`check` verifies requests on every path except those `answers` handle themselves."""

    check: Check | None = None
    answers: dict[str, Answer] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    ntlm: "NtlmAcceptor | None" = None

    def start(self) -> "VerifyingServer":
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.owner = self
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def reset(self) -> None:
        self.check, self.answers, self.seen, self.ntlm = None, {}, [], None

    def answer(self, seen: Seen, handler: _Handler) -> tuple[int, dict, list[tuple[str, str]]]:
        answer = self.answers.get(seen.path)
        if answer is not None:
            status, document = answer(seen)
            return status, document, []
        if self.ntlm is not None:
            return self.ntlm.step(seen, handler)
        reason = self.check(seen) if self.check else "no verifier set"
        return (200, {"ok": True}, []) if reason is None else (401, {"refused": reason}, [])


# ---------------------------------------------------------------- RFC 3986 / 5849 helpers


def enc(text: str) -> str:
    """RFC 3986 percent-encoding: only unreserved characters stay."""
    return quote(text, safe="-._~")


def auth_params(value: str) -> dict[str, str]:
    return {m.group(1): unquote(m.group(2)) for m in re.finditer(r'(\w+)="([^"]*)"', value)}


# ---------------------------------------------------------------- OAuth 1.0a


def check_oauth1(consumer_secret: str, token_secret: str = "", public_key: object = None) -> Check:
    def check(seen: Seen) -> str | None:
        form = (seen.header("Content-Type") or "").startswith("application/x-www-form-urlencoded")
        query = parse_qsl(seen.query, keep_blank_values=True)
        body = parse_qsl(seen.body.decode(), keep_blank_values=True) if form else []
        header = seen.header("Authorization") or ""
        if header.startswith("OAuth "):
            protocol = [(k, v) for k, v in auth_params(header).items() if k != "realm"]
        else:
            protocol = [(k, v) for k, v in query + body if k.startswith("oauth_")]
            query = [(k, v) for k, v in query if not k.startswith("oauth_")]
            body = [(k, v) for k, v in body if not k.startswith("oauth_")]
        given = dict(protocol)
        if "oauth_signature" not in given:
            return "no oauth_signature"
        method = given.get("oauth_signature_method", "")
        if "oauth_body_hash" in given:
            algorithm = {"SHA1": hashlib.sha1, "SHA256": hashlib.sha256, "SHA512": hashlib.sha512}[method.split("-")[1]]
            if given["oauth_body_hash"] != base64.b64encode(algorithm(seen.body).digest()).decode():
                return "oauth_body_hash does not match the body"
        params = [(k, v) for k, v in protocol if k != "oauth_signature"] + query + body
        normalized = "&".join(f"{k}={v}" for k, v in sorted((enc(k), enc(v)) for k, v in params))
        base = "&".join([enc(seen.method), enc(f"http://{seen.header('Host')}{seen.path}"), enc(normalized)])
        signature = given["oauth_signature"]
        key = f"{enc(consumer_secret)}&{enc(token_secret)}"
        if method == "PLAINTEXT":
            return None if signature == key else "PLAINTEXT signature is wrong"
        if method.startswith("HMAC-"):
            digest = getattr(hashlib, method[5:].replace("-", "").lower())
            expected = base64.b64encode(hmac.new(key.encode(), base.encode(), digest).digest()).decode()
            return None if hmac.compare_digest(expected, signature) else f"bad {method} signature over {base}"
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding

        hash_ = {"RSA-SHA1": hashes.SHA1(), "RSA-SHA256": hashes.SHA256(), "RSA-SHA512": hashes.SHA512()}[method]
        try:
            public_key.verify(base64.b64decode(signature), base.encode(), padding.PKCS1v15(), hash_)  # type: ignore[attr-defined]
        except InvalidSignature:
            return f"bad {method} signature"
        return None

    return check


# ---------------------------------------------------------------- AWS SigV4


def _hmac(key: bytes, text: str) -> bytes:
    return hmac.new(key, text.encode(), hashlib.sha256).digest()


def check_awsv4(access_key: str, secret_key: str, region: str, service: str, token: str | None = None) -> Check:
    """From AWS's "Create a canonical request for Signature Version 4": the path URI-encoded twice,
    except for S3 (once); S3 takes the payload hash from X-Amz-Content-Sha256, UNSIGNED-PAYLOAD included."""

    def check(seen: Seen) -> str | None:
        query = parse_qsl(seen.query, keep_blank_values=True)
        header = seen.header("Authorization") or ""
        if header.startswith("AWS4-HMAC-SHA256 "):
            fields = dict(p.strip().split("=", 1) for p in header[17:].split(","))
            credential, signed, signature = fields["Credential"], fields["SignedHeaders"], fields["Signature"]
            amz_date = seen.header("X-Amz-Date") or ""
            payload = seen.header("X-Amz-Content-Sha256") or hashlib.sha256(seen.body).hexdigest()
            if payload not in (hashlib.sha256(seen.body).hexdigest(), "UNSIGNED-PAYLOAD" if service == "s3" else ""):
                return "X-Amz-Content-Sha256 does not match the body"
            if token is not None and seen.header("X-Amz-Security-Token") != token:
                return "session token missing"
        else:
            given = dict(query)
            if "X-Amz-Signature" not in given:
                return "no SigV4 signature"
            credential, signed, signature = given["X-Amz-Credential"], given["X-Amz-SignedHeaders"], given["X-Amz-Signature"]
            amz_date = given["X-Amz-Date"]
            query = [(k, v) for k, v in query if k != "X-Amz-Signature"]
            payload = "UNSIGNED-PAYLOAD" if service == "s3" else hashlib.sha256(b"").hexdigest()
        key_id, date, cred_region, cred_service, terminal = credential.split("/")
        if (key_id, cred_region, cred_service, terminal) != (access_key, region, service, "aws4_request"):
            return f"wrong credential scope {credential}"
        once = [enc(unquote(s)) for s in seen.path.split("/")]
        segments = once if service == "s3" else [enc(s) for s in once]
        canonical_query = "&".join(f"{k}={v}" for k, v in sorted((enc(k), enc(v)) for k, v in query))
        names = signed.split(";")
        canonical_headers = "".join(f"{n}:{' '.join((seen.header(n) or '').split())}\n" for n in names)
        canonical = "\n".join([seen.method, "/".join(segments), canonical_query, canonical_headers, signed, payload])
        scope = f"{date}/{region}/{service}/aws4_request"
        to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()])
        key = _hmac(_hmac(_hmac(_hmac(f"AWS4{secret_key}".encode(), date), region), service), "aws4_request")
        expected = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
        return None if hmac.compare_digest(expected, signature) else f"bad SigV4 signature over {canonical!r}"

    return check


# ---------------------------------------------------------------- Akamai EdgeGrid


def check_edgegrid(client_token: str, client_secret: str, access_token: str, headers_to_sign: tuple[str, ...] = (),
                   host: str | None = None) -> Check:
    """Akamai's documented EG1-HMAC-SHA256: signing key = HMAC(secret, timestamp); the data to sign
    is method, scheme, host, path+query, canonical headers, POST body hash, unsigned header, tab-joined."""

    def check(seen: Seen) -> str | None:
        header = seen.header("Authorization") or ""
        if not header.startswith("EG1-HMAC-SHA256 "):
            return "no EdgeGrid header"
        unsigned, _, signature = header.partition("signature=")
        fields = dict(p.split("=", 1) for p in header[16:].split(";") if "=" in p)
        if (fields.get("client_token"), fields.get("access_token")) != (client_token, access_token):
            return "wrong tokens"
        canonical = "\t".join(f"{n.lower()}:{' '.join((seen.header(n) or '').split())}"
                              for n in headers_to_sign if seen.header(n))
        body_hash = base64.b64encode(hashlib.sha256(seen.body).digest()).decode() if seen.method == "POST" and seen.body else ""
        data = "\t".join([seen.method, "http", host or seen.header("Host") or "", seen.target, canonical, body_hash, unsigned])
        key = base64.b64encode(_hmac(client_secret.encode(), fields["timestamp"])).decode()
        expected = base64.b64encode(_hmac(key.encode(), data)).decode()
        return None if hmac.compare_digest(expected, signature) else "bad EdgeGrid signature"

    return check


# ---------------------------------------------------------------- Hawk, JWT, ASAP


def check_hawk(url: str, credentials: dict, payload: bool = False) -> Check:
    def check(seen: Seen) -> str | None:
        import mohawk
        from mohawk.exc import HawkFail

        try:
            mohawk.Receiver(lambda sender_id: credentials, seen.header("Authorization") or "", url + seen.target,
                            seen.method, content=seen.body if payload else mohawk.base.EmptyValue,
                            content_type=(seen.header("Content-Type") or "") if payload else mohawk.base.EmptyValue,
                            accept_untrusted_content=not payload)
        except HawkFail as exc:
            return f"hawk refused: {exc}"
        return None

    return check


def check_jwt(key: object, algorithm: str, claims: dict, *, query: str | None = None, prefix: str = "Bearer ") -> Check:
    def check(seen: Seen) -> str | None:
        import jwt

        if query is not None:
            token = dict(parse_qsl(seen.query)).get(query, "")
        else:
            header = seen.header("Authorization") or ""
            if not header.startswith(prefix):
                return f"Authorization does not start with {prefix!r}"
            token = header[len(prefix):]
        try:
            decoded = jwt.decode(token, key, algorithms=[algorithm], options={"verify_aud": False})
        except jwt.PyJWTError as exc:
            return f"jwt refused: {exc}"
        wrong = {k: decoded.get(k) for k, v in claims.items() if decoded.get(k) != v}
        return f"claims differ: {wrong}" if wrong else None

    return check


def check_asap(public_key: object, issuer: str, audience: str, kid: str, subject: str) -> Check:
    def check(seen: Seen) -> str | None:
        import jwt

        token = (seen.header("Authorization") or "").removeprefix("Bearer ")
        try:
            header = jwt.get_unverified_header(token)
            decoded = jwt.decode(token, public_key, algorithms=[header["alg"]], audience=audience, issuer=issuer,
                                 options={"require": ["exp", "iat", "jti", "sub"]})
        except jwt.PyJWTError as exc:
            return f"asap refused: {exc}"
        if header.get("kid") != kid or decoded["sub"] != subject:
            return f"asap kid/sub wrong: {header} {decoded}"
        return None

    return check


# ---------------------------------------------------------------- NTLM


class NtlmAcceptor:
    """pyspnego's NTLM server side over one keep-alive connection (per handler instance)."""

    def __init__(self, credential_file: str) -> None:
        self.credential_file = credential_file
        self.accepted: list[str] = []

    def step(self, seen: Seen, handler: _Handler) -> tuple[int, dict, list[tuple[str, str]]]:
        import os

        import spnego

        header = seen.header("Authorization") or ""
        if not header.startswith("NTLM "):
            return 401, {"refused": "no NTLM token"}, [("WWW-Authenticate", "NTLM")]
        os.environ["NTLM_USER_FILE"] = self.credential_file
        context = getattr(handler, "ntlm_context", None)
        if context is None:
            context = handler.ntlm_context = spnego.server(protocol="ntlm")  # type: ignore[attr-defined]
        try:
            out = context.step(base64.b64decode(header[5:]))
        except Exception as exc:  # spnego raises its own error types for a bad token
            handler.ntlm_context = None  # type: ignore[attr-defined]
            return 401, {"refused": f"ntlm: {exc}"}, [("WWW-Authenticate", "NTLM")]
        if not context.complete:
            return 401, {"refused": "challenge"}, [("WWW-Authenticate", "NTLM " + base64.b64encode(out or b"").decode())]
        self.accepted.append(context.client_principal or "")
        handler.ntlm_context = None  # type: ignore[attr-defined]
        return 200, {"ok": True, "user": context.client_principal}, []
