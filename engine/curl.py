"""A PreparedRequest as a curl command, a requests snippet or an HTTP preview (masked by the caller's Redactor)."""

from __future__ import annotations

import shlex

from .model import FilePart, PreparedRequest
from .redact import MASK, Redactor

PREVIEW_BYTES = 2048


def body_text(prepared: PreparedRequest, limit: int | None = None) -> str | None:
    if prepared.body is None:
        return None
    data = prepared.body if limit is None else prepared.body[:limit]
    text = data.decode("utf-8", "replace")
    if limit is not None and len(prepared.body) > limit:
        text += f"… ({len(prepared.body):,} bytes)"
    return text


def to_curl(prepared: PreparedRequest, redactor: Redactor) -> str:
    """`curl -X METHOD -H "…" URL`: the layout of the seed document, one option per line."""
    # `-X HEAD` would wait for a body that never comes; --head asks for the headers only
    lines = ["curl --head" if prepared.method == "HEAD" else f"curl -X {prepared.method}"]
    for name, value in redactor.headers(prepared.headers):
        lines.append(f"  -H {_dq(f'{name}: {value}')}")
    if prepared.digest:
        user, password = prepared.digest
        lines.append(f"  --digest -u {_dq(user + ':' + (password if redactor.show else MASK))}")
    if prepared.ntlm:
        user, password, domain, _ = prepared.ntlm
        login = f"{domain}\\{user}" if domain else user
        lines.append(f"  --ntlm -u {_dq(login + ':' + (password if redactor.show else MASK))}")
    if prepared.body is not None:
        lines.append(f"  --data-raw {shlex.quote(redactor.text(body_text(prepared) or ''))}")
    for part in prepared.form or ():
        if isinstance(part, FilePart):
            ctype = f";type={part.content_type}" if part.content_type else ""
            lines.append(f"  -F {shlex.quote(f'{part.name}=@{part.path}{ctype}')}")
        elif part.content_type:  # -F reads ;type=; a quoted value is never read as @file or <file
            quoted = '"' + redactor.text(part.value).replace("\\", "\\\\").replace('"', '\\"') + '"'
            lines.append(f"  -F {shlex.quote(part.name + '=' + quoted + ';type=' + part.content_type)}")
        else:  # --form-string: a value starting with @ or < must not make curl read a local file
            lines.append(f"  --form-string {shlex.quote(f'{part.name}={redactor.text(part.value)}')}")
    if prepared.body_file:
        lines.append(f"  --data-binary {shlex.quote('@' + prepared.body_file)}")
    if not prepared.verify_tls:
        lines.append("  -k")
    lines.append(f"  {_dq(redactor.url(prepared.url))}")
    return " \\\n".join(lines)


def _dq(text: str) -> str:
    """Double quotes as in the seed document, escaping what the shell would expand."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$").replace("`", "\\`")
    return f'"{escaped}"'


def to_python(prepared: PreparedRequest, redactor: Redactor) -> str:
    """A runnable `requests` snippet sending the same request."""
    headers = dict(redactor.headers(prepared.headers))
    lines = ["import requests", "", f"url = {redactor.url(prepared.url)!r}", f"headers = {headers!r}"]
    call = f"requests.request({prepared.method!r}, url, headers=headers"
    if prepared.body is not None:
        lines.append(f"data = {redactor.text(body_text(prepared) or '').encode()!r}")
        call += ", data=data"
    if prepared.form:
        files = []
        for part in prepared.form:
            if isinstance(part, FilePart):
                files.append(f"({part.name!r}, open({part.path!r}, 'rb'))")
            else:
                files.append(f"({part.name!r}, (None, {redactor.text(part.value)!r}, {part.content_type!r}))")
        lines.append("files = [" + ", ".join(files) + "]")
        call += ", files=files"
    if prepared.body_file:
        lines.append(f"data = open({prepared.body_file!r}, 'rb')")
        call += ", data=data"
    if prepared.digest:
        lines.insert(1, "from requests.auth import HTTPDigestAuth")
        user, password = prepared.digest
        call += f", auth=HTTPDigestAuth({user!r}, {(password if redactor.show else MASK)!r})"
    if prepared.ntlm:
        lines.insert(1, "from requests_ntlm import HttpNtlmAuth")
        user, password, domain, _ = prepared.ntlm
        login = f"{domain}\\{user}" if domain else user
        call += f", auth=HttpNtlmAuth({login!r}, {(password if redactor.show else MASK)!r})"
    if not prepared.verify_tls:
        call += ", verify=False"
    if not prepared.follow_redirects:
        call += ", allow_redirects=False"
    lines += ["", f"response = {call}, timeout=30)", "print(response.status_code, response.reason)", "print(response.text)"]
    return "\n".join(lines)


def to_http(prepared: PreparedRequest, redactor: Redactor, indent: str = "  ") -> list[str]:
    """Request line, headers and a body preview, for --dry-run and failure reports."""
    lines = [f"{indent}{prepared.method} {redactor.url(prepared.url)}"]
    lines += [f"{indent}{name}: {value}" for name, value in redactor.headers(prepared.headers)]
    text = body_text(prepared, PREVIEW_BYTES)
    if text:
        lines.append(indent)
        lines += [f"{indent}{line}" for line in redactor.text(text).splitlines()]
    for part in prepared.form or ():
        shown = f"@{part.path}" if isinstance(part, FilePart) else redactor.text(part.value)
        lines.append(f"{indent}[form] {part.name}={shown}")
    if prepared.body_file:
        lines.append(f"{indent}[file] {prepared.body_file}")
    return lines
