"""Client certificates as Newman takes them: an encrypted key's passphrase (`--ssl-client-passphrase`)
and certificates chosen by URL (`--ssl-client-cert-list`). Files are checked when the options are
read (exit 2 with file, pointer and fix, before anything is sent); `send` decrypts and matches.
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path
from typing import Any, Callable, Iterable
from urllib.parse import urlsplit

from .errors import InputError, not_found

# (URL patterns, certificate file, key file or None, passphrase or None)
CertEntry = tuple[tuple[str, ...], str, "str | None", "str | None"]

_LIST_HINT = ('write a JSON list like [{"name": "api", "matches": ["https://api.example.com/*"], '
              '"cert": {"src": "client.pem"}, "key": {"src": "client.key"}}]')


def url_matcher(patterns: Iterable[str]) -> Callable[[str], bool]:
    """Postman URL match patterns (`https://*.example.com/*`, `*://host:8443/api/*`, `<all_urls>`)
    as one test of a request URL: `*` is any run of characters, case does not matter, and a pattern
    without a port matches any port. Compiled once, so a request pays one match."""
    wanted = [pattern.strip().lower() for pattern in patterns]
    if "<all_urls>" in wanted:
        return lambda url: True
    regex = re.compile("|".join(fnmatch.translate(pattern) for pattern in wanted))

    def matches(url: str) -> bool:
        parts = urlsplit(url)
        path = parts.path or "/"
        return any(regex.match(candidate.lower()) for candidate in (
            f"{parts.scheme}://{parts.netloc}{path}", f"{parts.scheme}://{parts.hostname or ''}{path}"))

    return matches


def decrypted_key(path: str, passphrase: str) -> bytes:
    """An encrypted PEM private key (a file that may also hold the certificate) as plain PEM, with
    `cryptography`; raises ValueError naming what is wrong (no key, wrong passphrase)."""
    from cryptography.hazmat.primitives import serialization

    with open(path, "rb") as handle:
        text = handle.read()
    start = text.find(b"-----BEGIN ")
    while start >= 0 and b"PRIVATE KEY-----" not in text[start:text.find(b"\n", start)]:
        start = text.find(b"-----BEGIN ", start + 1)
    if start < 0:
        raise ValueError("no private key in the file")
    try:
        key = serialization.load_pem_private_key(text[start:], password=passphrase.encode("utf-8"))
    except (ValueError, TypeError) as exc:
        raise ValueError(f"the key cannot be decrypted with this passphrase ({exc})") from None
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def checked_passphrase(passphrase: str | None, cert: str | None, key: str | None) -> str | None:
    """The passphrase, once it has opened the client key (exit 2 otherwise)."""
    if not passphrase:
        return None
    source = key or cert
    if not cert or not source:
        raise InputError("--ssl-client-passphrase needs the client certificate", file="--ssl-client-passphrase",
                         hint="pass --ssl-client-cert (and --ssl-client-key when the key is a file of its own)",
                         title="invalid argument")
    try:
        decrypted_key(source, passphrase)
    except ValueError as exc:
        raise InputError(str(exc), file=source, hint="check --ssl-client-passphrase and --ssl-client-key",
                         title="cannot read the client key") from None
    return passphrase


def read_cert_list(file: str, base: Path | None) -> tuple[CertEntry, ...]:
    """Newman's --ssl-client-cert-list file: `[{"name", "matches": [pattern…], "cert": {"src"},
    "key": {"src"}, "passphrase"}]`, checked entry by entry; `src` paths are taken from `base`."""
    from .load import read_document

    document = read_document(file, what="client certificate list")

    def bad(message: str, pointer: str) -> InputError:
        return InputError(message, file=file, pointer=pointer, hint=_LIST_HINT, title="invalid client certificate list")

    if not isinstance(document, list):
        raise bad("expected a list of entries", "")
    out = []
    for index, entry in enumerate(document):
        at = f"/{index}"
        if not isinstance(entry, dict):
            raise bad("an entry is an object", at)
        matches = entry.get("matches")
        if isinstance(matches, str):
            matches = [matches]
        if not isinstance(matches, list) or not matches or not all(isinstance(m, str) for m in matches):
            raise bad("`matches` needs one or more URL patterns", at + "/matches")
        cert = _source(entry, "cert", base, lambda message: bad(message, f"{at}/cert"))
        key = _source(entry, "key", base, lambda message: bad(message, f"{at}/key")) if entry.get("key") else None
        assert cert is not None
        passphrase = entry.get("passphrase")
        out.append((tuple(matches), cert, key,
                    checked_passphrase(passphrase if isinstance(passphrase, str) else None, cert, key)))
    return tuple(out)


def _source(entry: dict, part: str, base: Path | None, bad: Callable[[str], InputError]) -> str | None:
    value: Any = entry.get(part)
    src = value.get("src") if isinstance(value, dict) else value
    if not isinstance(src, str) or not src:
        raise bad(f"`{part}.src` names a PEM file")
    full = str(base / src) if base is not None else src
    if not Path(full).is_file():
        raise not_found(full, "TLS file")
    return full
