"""Newman's cookie jar files (`--cookie-jar`, `--export-cookie-jar`): tough-cookie's serialised
JSON, read into the run's `http.cookiejar` cookies and written back from them.

The format, as Newman 6.2.2 writes it: `{"version": "tough-cookie@…", "storeType": …, "cookies":
[{"key", "value", "domain", "path", "hostOnly", "secure", "httpOnly", "expires" | "maxAge",
"creation", "lastAccessed"}, …]}`. `expires` is an ISO date or "Infinity"; `maxAge` counts
seconds from `creation`; `hostOnly: false` means the cookie also goes to subdomains.
"""

from __future__ import annotations

import http.cookiejar
import json
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

from .errors import InputError

VERSION = "tough-cookie@4.1.3-postman.1"  # what Newman 6.2.2 writes; any version is read
_HINT = "give a cookie jar as Newman writes it (--export-cookie-jar): {\"cookies\": [{\"key\", \"value\", " \
        "\"domain\", \"path\", …}]}"


def read_jar(path: str | Path) -> tuple[http.cookiejar.Cookie, ...]:
    """The cookies of a tough-cookie JSON file; an InputError (file, pointer, fix) for a bad one."""
    file = str(path)
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise InputError(f"cannot read the cookie jar: {exc.strerror}", file=file, hint="check the path",
                         title="cannot read cookie jar") from None
    except ValueError as exc:
        raise InputError(f"the cookie jar is not JSON: {exc}", file=file, hint=_HINT, title="invalid cookie jar") \
            from None
    rows = document.get("cookies") if isinstance(document, dict) else None
    if not isinstance(rows, list):
        raise InputError("no `cookies` list", file=file, pointer="/cookies", hint=_HINT, title="invalid cookie jar")
    return tuple(_cookie(row, file, f"/cookies/{index}") for index, row in enumerate(rows))


def _cookie(row: Any, file: str, pointer: str) -> http.cookiejar.Cookie:
    if not isinstance(row, dict) or not isinstance(row.get("key"), str) or not isinstance(row.get("domain"), str):
        raise InputError("a cookie needs a `key` and a `domain` (text)", file=file, pointer=pointer, hint=_HINT,
                         title="invalid cookie jar")
    domain = row["domain"].lower().lstrip(".")
    host_only = row.get("hostOnly") is not False
    path = row["path"] if isinstance(row.get("path"), str) and row["path"] else "/"
    return http.cookiejar.Cookie(
        version=0, name=row["key"], value=str(row.get("value", "")), port=None, port_specified=False,
        domain=domain if host_only else "." + domain, domain_specified=not host_only,
        domain_initial_dot=not host_only, path=path, path_specified=True, secure=row.get("secure") is True,
        expires=_expires(row, file, pointer), discard=False, comment=None, comment_url=None,
        rest=_HTTP_ONLY if row.get("httpOnly") is True else {}, rfc2109=False,
    )


_HTTP_ONLY: dict = {"HttpOnly": None}  # how http.cookiejar records the flag (a valueless attribute)


def _expires(row: dict, file: str, pointer: str) -> int | None:
    """Seconds since the epoch, or None for a session cookie ("Infinity" or nothing)."""
    max_age = row.get("maxAge")
    if isinstance(max_age, (int, float)) and not isinstance(max_age, bool):
        start = _instant(row.get("creation")) or time.time()
        return int(start + max_age)
    expires = row.get("expires")
    if expires in (None, "Infinity"):
        return None
    moment = _instant(expires)
    if moment is None:
        raise InputError(f"`expires` is not a date: {expires!r}", file=file, pointer=pointer + "/expires",
                         hint="write an ISO date like 2030-01-01T00:00:00.000Z, or \"Infinity\"",
                         title="invalid cookie jar")
    return int(moment)


def _instant(text: Any) -> float | None:
    if not isinstance(text, str):
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


def _iso(seconds: float) -> str:
    moment = datetime.fromtimestamp(seconds, tz=timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def jar_document(cookies: Iterable[http.cookiejar.Cookie]) -> str:
    """The cookies as Newman's --export-cookie-jar writes them (expired ones left out)."""
    now = time.time()
    rows = []
    for cookie in cookies:
        if cookie.expires is not None and cookie.expires <= now:
            continue
        row: dict[str, Any] = {"key": cookie.name, "value": cookie.value or ""}
        if cookie.expires is not None:
            row["expires"] = _iso(cookie.expires)
        row.update(domain=cookie.domain.lstrip("."), path=cookie.path or "/")
        if cookie.secure:
            row["secure"] = True
        if cookie.has_nonstandard_attr("HttpOnly"):
            row["httpOnly"] = True
        row.update(hostOnly=not cookie.domain_specified, creation=_iso(now), lastAccessed=_iso(now))
        rows.append(row)
    document = {"version": VERSION, "storeType": "MemoryCookieStore", "rejectPublicSuffixes": True,
                "enableLooseMode": False, "allowSpecialUseDomain": True, "prefixSecurity": "silent",
                "cookies": rows}
    return json.dumps(document, indent=2) + "\n"
