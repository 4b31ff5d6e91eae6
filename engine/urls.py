"""A URL as postman-runtime puts it on the wire: split, percent-encoded and host-normalised.

Newman 6 (postman-url-encoder) encodes only what cannot stand in a request line: in the path the
C0 controls, space, `"`, `<`, `>`, backquote, `{`, `}`, DEL and non-ASCII text (as UTF-8); in the
query the same minus backquote and braces, plus `'`. It never re-encodes `%`, never changes the
case of an existing escape, keeps empty query pieces (`?a&&b=`, a trailing `?`) and drops the
`#fragment`. A backslash in a path is a `/`. Hosts are normalised as a browser does: lower case,
IPv4 in short forms (`127.1`, `2130706433`, `0x7f.1`) written out, IPv6 compressed, non-ASCII
names in punycode. tests/data/newman_encoding.json holds what Newman sent for each printable
character in each part; tests/test_encoding_table.py holds us to it. Pure; stdlib only.
"""

from __future__ import annotations

import functools
import ipaddress
import re
from dataclasses import dataclass

_C0 = {chr(c) for c in range(0x20)} | {"\x7f"}
PATH_ENCODE = frozenset(_C0 | set(' "<>`{}'))
QUERY_ENCODE = frozenset(_C0 | set(" \"'<>"))
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)://")
SPACE = " \t\r\n\f\v"  # what is trimmed from a URL's ends: ASCII white space, not U+00A0


def _encode(text: str, unsafe: frozenset[str]) -> str:
    if text.isascii() and not any(c in unsafe for c in text):
        return text
    out = []
    for char in text:
        if char in unsafe or not char.isascii():
            out.append("".join(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass")))
        else:
            out.append(char)
    return "".join(out)


def encode_path(path: str) -> str:
    """A path as Newman sends it: `%` and existing escapes untouched, `\\` read as `/`."""
    return _encode(path.replace("\\", "/"), PATH_ENCODE)


def encode_query(query: str) -> str:
    """A query string (without `?`) as Newman sends it; `&` and `=` keep their meaning."""
    return _encode(query, QUERY_ENCODE)


_SEGMENT_ENCODE = PATH_ENCODE | frozenset("/?#\\")
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def encode_segment(value: str) -> str:
    """A path-variable value as one segment: on top of the path set, `/ ? # \\` are escaped, so
    a value never splits the URL (a deliberate difference from Newman, which splices it in); a
    valid `%XX` stays, since users pre-encode values, and a lone `%` becomes `%25`."""
    return _encode(_LONE_PERCENT.sub("%25", value), _SEGMENT_ENCODE)


def encode_query_part(text: str, structural: str) -> str:
    """A query key or value given as a part (a URL object, a script's addQueryParams): besides
    the query set, the characters that would change its structure (`&`, `#`, and `=` in a key)
    are escaped, as postman-collection does when it writes a URL object out."""
    return _encode(text, QUERY_ENCODE | frozenset(structural))


def _query_key(text: str) -> str:
    return encode_query_part(text, "&=#")


def _query_value(text: str) -> str:
    return encode_query_part(text, "&#")


# Every form a value can take in a URL we send: redact masks a secret in each of them.
ENCODERS = (encode_path, encode_query, encode_segment, _query_key, _query_value)


@dataclass(frozen=True)
class Parts:
    scheme: str
    authority: str  # userinfo@host:port, host normalised
    path: str  # starts with "/"
    query: str | None  # None: no "?"; "" for a bare trailing "?"


def cut_fragment(text: str) -> str:
    index = text.find("#")
    return text if index < 0 else text[:index]


def split(url: str) -> Parts:
    """A substituted URL into its parts, the way Newman reads it: no scheme means http, the
    first `?` starts the query, the first `#` ends the URL."""
    text = cut_fragment(url.strip(SPACE))
    match = SCHEME.match(text)
    if match:
        scheme, rest = match.group(1).lower(), text[match.end() :]
    else:
        scheme, rest = "http", text.lstrip("/")
    cut = min((i for i in (rest.find("/"), rest.find("?"), rest.find("\\")) if i >= 0), default=len(rest))
    authority, rest = rest[:cut], rest[cut:]
    path, question, query = rest.partition("?")
    if not path.startswith(("/", "\\")):
        path = "/" + path
    return Parts(scheme, normalise_authority(authority), path, query if question else None)


@functools.lru_cache(maxsize=256)  # a run has few hosts; parsing them per request is a tenth of resolve
def normalise_authority(authority: str) -> str:
    userinfo, at, hostport = authority.rpartition("@")
    if hostport.startswith("["):
        close = hostport.find("]")
        host, port = (hostport[: close + 1], hostport[close + 1 :]) if close > 0 else (hostport, "")
    else:
        host, colon, port = hostport.partition(":")
        port = colon + port
    return f"{userinfo}{at}{normalise_host(host)}{port}"


def normalise_host(host: str) -> str:
    """Lower case, IPv4 short forms written out, IPv6 compressed, IDN in punycode."""
    if host.startswith("[") and host.endswith("]"):
        try:
            return f"[{ipaddress.IPv6Address(host[1:-1]).compressed}]"
        except ValueError:
            return host
    if not host.isascii():
        host = _punycode(host)
    host = host.lower()
    ipv4 = _ipv4(host)
    return host if ipv4 is None else ipv4


def _punycode(host: str) -> str:
    try:
        import idna  # requests depends on it; UTS #46 mapping as browsers (and Node) apply it

        return str(idna.encode(host, uts46=True).decode("ascii"))
    except Exception:  # not a valid name: leave it, the connection will say why
        try:
            return host.encode("idna").decode("ascii")
        except UnicodeError:
            return host


def _ipv4(host: str) -> str | None:
    """The WHATWG IPv4 parser: 1–4 dot-separated numbers (decimal, 0x hex, 0 octal), the last
    filling the remaining bytes. None when the host is a name."""
    parts = host.split(".")
    if parts and parts[-1] == "" and len(parts) > 1:
        parts.pop()
    if not parts or len(parts) > 4 or _number(parts[-1]) is None:
        return None
    numbers = [_number(p) for p in parts]
    if any(n is None for n in numbers):
        return None
    values = [n for n in numbers if n is not None]
    if any(n > 255 for n in values[:-1]) or values[-1] >= 256 ** (5 - len(values)):
        return None
    address = values[-1]
    for index, number in enumerate(values[:-1]):
        address += number * 256 ** (3 - index)
    return str(ipaddress.IPv4Address(address))


def _number(part: str) -> int | None:
    try:
        if part[:2].lower() == "0x":
            return int(part[2:] or "0", 16)
        if len(part) > 1 and part.startswith("0"):
            return int(part[1:], 8)
        return int(part, 10) if part.isdigit() else None
    except ValueError:
        return None


def join(parts: Parts, *, encode: bool = True) -> str:
    path = encode_path(parts.path) if encode else parts.path
    url = f"{parts.scheme}://{parts.authority}{path}"
    if parts.query is not None:
        url += "?" + (encode_query(parts.query) if encode else parts.query)
    return url
