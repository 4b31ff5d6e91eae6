"""Item + variable scopes → PreparedRequest. Pure: performs no I/O.

`run`, `--dry-run` and `curl` all call `resolve`, so what is printed is what is sent.
Item problems (unresolved `{{name}}`, a required placeholder with no value, a missing
token) raise ItemError before anything could be sent.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Callable

from . import urls
from .auth import SUPPORTED, AuthParts, Wire, apply_auth, effective_auth
from .errors import ItemError
from .model import (
    Body,
    Collection,
    CompatNote,
    FilePart,
    Located,
    Param,
    PreparedRequest,
    Record,
    TextPart,
    Url,
)
from .variables import (
    EMBEDDED_PLACEHOLDER,
    TYPE_WORDS,
    Renderer,
    Scopes,
    is_placeholder,
    placeholder_word,
)

if TYPE_CHECKING:
    from .auth.grant import TokenCache

PATH_VARIABLE = re.compile(r"^:([A-Za-z0-9_$.\-]+)$")
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)://")
REFERENCE = re.compile(r"(\{\{[^{}]*\}\})")

LANGUAGE_TYPES = {
    "json": "application/json",
    "xml": "application/xml",
    "html": "text/html",
    "javascript": "application/javascript",
    "text": "text/plain",
}
# postman-runtime drops the body of these methods unless disableBodyPruning
METHODS_WITHOUT_BODY = frozenset({"GET", "HEAD", "COPY", "PURGE", "UNLOCK"})
# a file part's or file body's Content-Type by extension, as mime-db (Newman's table) names it
MEDIA_TYPES = {
    "txt": "text/plain", "text": "text/plain", "log": "text/plain", "conf": "text/plain", "ini": "text/plain",
    "csv": "text/csv", "tsv": "text/tab-separated-values", "md": "text/markdown", "markdown": "text/markdown",
    "html": "text/html", "htm": "text/html", "css": "text/css", "xml": "application/xml",
    "js": "application/javascript", "mjs": "application/javascript", "json": "application/json",
    "map": "application/json", "jsonld": "application/ld+json", "yaml": "text/yaml", "yml": "text/yaml",
    "pdf": "application/pdf", "zip": "application/zip", "gz": "application/gzip", "tar": "application/x-tar",
    "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
    "svg": "image/svg+xml", "ico": "image/vnd.microsoft.icon", "bmp": "image/bmp", "tif": "image/tiff",
    "tiff": "image/tiff", "mp3": "audio/mpeg", "wav": "audio/wave", "ogg": "audio/ogg", "mp4": "video/mp4",
    "webm": "video/webm", "avi": "video/x-msvideo", "mov": "video/quicktime", "woff": "font/woff",
    "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf", "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "rtf": "application/rtf", "wasm": "application/wasm", "bin": "application/octet-stream",
    "exe": "application/x-msdos-program", "p12": "application/x-pkcs12",
    "pem": "application/x-x509-ca-cert", "crt": "application/x-x509-ca-cert", "der": "application/x-x509-ca-cert",
    "eml": "message/rfc822",
}


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class ResolveOptions(Record):
    """Where file parts are read from, and whether TLS is verified."""

    working_dir: str | None = None  # formdata/file `src` root; default: the collection's folder
    allow_outside_files: bool = False
    insecure: bool = False
    follow_redirects: bool = True  # the default an item's protocolProfileBehavior may override
    tokens: "TokenCache | None" = field(default=None, compare=False)  # OAuth 2.0 tokens the runner fetched


@dataclass
class _Draft:
    """Problems and notes gathered while resolving, so one error can list them all."""

    renderer: Renderer
    problems: list[str] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def problem(self, text: str, hint: str) -> None:
        self.problems.append(text)
        if hint not in self.hints:
            self.hints.append(hint)


def resolve(
    located: Located,
    collection: Collection,
    scopes: Scopes,
    options: ResolveOptions = ResolveOptions(),
    *,
    dynamic: Callable[[str], str | None] | None = None,
) -> PreparedRequest:
    """Build the request exactly as it goes on the wire, or raise ItemError naming every problem."""
    draft = _Draft(Renderer(scopes, dynamic=dynamic))
    request = located.item.request
    method = draft.renderer.render(request.method).strip().upper() or "GET"
    behavior = _behavior(located, collection)
    url, query = _url(request.url, draft, encode=behavior.get("disableUrlEncoding") is not True)
    headers = _headers(request.headers, draft)
    template = request.body
    if method in METHODS_WITHOUT_BODY and not behavior.get("disableBodyPruning") and _has_body(template):
        # pruned before rendering: a variable used only in a body that is not sent is not needed
        draft.notes.append(f"body not sent with {method} (set protocolProfileBehavior.disableBodyPruning)")
        template = None
    body, form, body_file, content_type = _body(template, draft, collection, options)
    body_mode = _mode(template) if body is not None or form is not None or body_file is not None else None
    disabled = _disabled_system_headers(behavior.get("disabledSystemHeaders"))
    auth: AuthParts | None
    try:
        auth = apply_auth(effective_auth(located, collection.auth), draft.renderer, options.tokens)
    except ItemError as exc:
        auth = _newman_auth(located, collection, draft, exc)
        if auth is None:
            draft.problem(exc.message, exc.hint or "")
    _raise_problems(draft)
    assert auth is not None
    if auth.headers:
        replaced = {name.lower() for name, _ in auth.headers}
        headers = [h for h in headers if h[0].lower() not in replaced] + auth.headers
    # as postman-runtime: the Content-Type a body implies follows the user's (and auth's) headers,
    # and only when none is set
    implicit = bool(content_type) and not any(name.lower() == "content-type" for name, _ in headers)
    if implicit and content_type:
        headers.append(("Content-Type", content_type))
    elif content_type and body_mode == "urlencoded" and "content-type" not in disabled:
        # postman-request writes the form's own type over the user's, where the user put it
        headers = [(name, content_type if name.lower() == "content-type" else value) for name, value in headers]
    added = "&".join(f"{urls.encode_query_part(k, '&=#')}={urls.encode_query_part(v, '&#')}" for k, v in auth.query)
    if added:
        query = added if not query else f"{query}&{added}"
    final_url = url + ("" if query is None else "?" + query)
    sign_at_send = None
    if auth.signer is not None and (form is not None or body_file is not None):
        sign_at_send = _late(auth.signer)  # the bytes exist only when send reads or encodes them
        draft.notes.append(f"signed when sent: the {'multipart' if form is not None else 'file'} body is "
                           "read then, so a dry run shows the request unsigned")
    elif auth.signer is not None:  # signing auth sees the request exactly as it goes out
        try:
            wire = auth.signer(Wire(method, final_url, tuple(headers), body))
        except ItemError as exc:
            draft.problem(exc.message, exc.hint or "")
            _raise_problems(draft)
            raise
        final_url, headers, body = wire.url, list(wire.headers), wire.body
    return PreparedRequest(
        method=method,
        url=final_url,
        headers=tuple(headers),
        body=body,
        form=form,
        body_file=body_file,
        digest=auth.digest,
        ntlm=auth.ntlm,
        sign_at_send=sign_at_send,
        follow_redirects=behavior.get("followRedirects", options.follow_redirects) is not False,
        max_redirects=_int(behavior.get("maxRedirects"), 10),
        verify_tls=not options.insecure and behavior.get("strictSSL", True) is not False,
        follow_original_method=behavior.get("followOriginalHttpMethod") is True,
        follow_authorization=behavior.get("followAuthorizationHeader") is True,
        referer_on_redirect=behavior.get("removeRefererHeaderOnRedirect") is not True,
        disable_cookies=behavior.get("disableCookies") is True,
        notes=tuple(draft.notes + auth.notes),
        secrets=frozenset(s for s in draft.renderer.used_secrets | auth.secrets if s),
        secret_headers=frozenset(auth.secret_headers),
        secret_query=frozenset(auth.secret_query),
        compat=tuple(draft.renderer.compat),
        body_mode=body_mode,
        implicit_content_type=implicit or (form is not None and not any(
            name.lower() == "content-type" for name, _ in headers)),
        disabled_system_headers=disabled,
    )


def _mode(body: Body | None) -> str | None:
    if body is None or body.mode is None:
        return None
    return body.mode if body.mode in KNOWN_MODES else "raw"


def _disabled_system_headers(value: object) -> frozenset[str]:
    """The keys whose value is truthy as JavaScript sees it; postman-runtime reads them as
    written, so only lower-case names (`user-agent`) take effect."""
    if not isinstance(value, dict):
        return frozenset()
    return frozenset(str(key) for key, on in value.items() if on not in (None, False, 0, "", 0.0))


def _newman_auth(located: Located, collection: Collection, draft: _Draft, exc: ItemError) -> AuthParts | None:
    """--compat newman: a supported auth type whose credential is missing goes out as Newman sends it."""
    block = effective_auth(located, collection.auth)
    if not draft.renderer.scopes.compat or block is None or block.type not in SUPPORTED:
        return None
    from .compat import newman_auth, newman_auth_query

    parts = AuthParts()
    parts.headers = newman_auth(block, draft.renderer, exc.message)
    parts.query = newman_auth_query(block, draft.renderer)
    parts.secrets.update(value for _, value in parts.headers + parts.query if value)
    parts.secret_headers.update(name for name, _ in parts.headers)
    parts.secret_query.update(name for name, _ in parts.query)
    return parts


def _late(signer: Callable[[Wire], Wire]) -> Callable[..., tuple[str, tuple[tuple[str, str], ...], bytes | None]]:
    def sign(method: str, url: str, headers: tuple[tuple[str, str], ...], body: bytes | None):
        wire = signer(Wire(method, url, headers, body))
        return wire.url, wire.headers, wire.body

    return sign


def _raise_problems(draft: _Draft) -> None:
    missing = [name for name in draft.renderer.missing]
    if missing and draft.renderer.scopes.compat:  # Newman sends them as written
        for name in missing:
            # the name alone: a credential field holding `{{name}}` makes that text a masked secret
            draft.renderer.allow(CompatNote("unresolved-variable", name, f"variable '{name}' has no value; "
                                            "sent as written"))
        missing = []
    if missing:
        names = ", ".join(f"{{{{{n}}}}}" for n in missing)
        plain = [n for n in missing if not n.startswith("$")]
        draft.problems.insert(0, f"unresolved variable{'s' if len(missing) > 1 else ''} {names}")
        if plain:
            draft.hints.insert(0, " ".join(f"--env-var {n}=…" for n in plain) + " (or add them to an environment file)")
        else:
            draft.hints.insert(0, "that dynamic variable is not supported; see the README for the list")
    if draft.problems:
        raise ItemError(
            "; ".join(draft.problems),
            hint="; ".join(h for h in draft.hints if h) or None,
            problems=tuple(draft.problems),
            missing=tuple(missing),
        )


def _behavior(located: Located, collection: Collection) -> dict[str, object]:
    merged: dict[str, object] = dict(collection.behavior)
    for folder in located.folders:
        merged.update(folder.behavior)
    merged.update(located.item.behavior)
    return merged


def _int(value: object, default: int) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default


# ---------------------------------------------------------------- URL


def split_raw(raw: str) -> tuple[str, list[str], list[Param]]:
    """`{{baseUrl}}/a/:b?x=1#h` → ("{{baseUrl}}", ["a", ":b"], [x=1]): parsed before substitution.
    Empty query pieces (`?a&&b`) are kept as bare empty keys, since Newman sends them."""
    prefix, segments, query_text = _split_template(raw)
    query = []
    for pair in (query_text.split("&") if query_text else ()):
        key, eq, value = pair.partition("=")
        query.append(Param(key=key, value=value if eq else None))
    return prefix, segments, query


def _split_template(raw: str) -> tuple[str, list[str], str | None]:
    """(prefix, path segments, query text or None when there is no `?`), before substitution:
    a `{{…}}` at the start is the host, whatever its value holds."""
    text = _cut_hash(raw.strip(urls.SPACE))
    text, question, query_text = text.partition("?")
    scheme = SCHEME.match(text)
    start = scheme.end() if scheme else 0
    if text.startswith("{{", start):
        close = _reference_end(text, start)
        slash = text.find("/", close)
    else:
        slash = text.find("/", start)
    prefix, path = (text, "") if slash < 0 else (text[:slash], text[slash + 1 :])
    segments = path.split("/") if slash >= 0 else []
    return prefix, segments, query_text if question else None


def _reference_end(text: str, start: int) -> int:
    """The index after the `{{…}}` that opens at `start`, nested references included."""
    depth, index = 0, start
    while index < len(text) - 1:
        pair = text[index : index + 2]
        if pair == "{{":
            depth, index = depth + 1, index + 2
        elif pair == "}}":
            depth, index = depth - 1, index + 2
            if depth == 0:
                return index
        else:
            index += 1
    return len(text)


def describe_url(url: Url) -> str:
    """The URL template as a person reads it (for `list`): parts win over `raw`, no substitution."""
    if url.host is None and url.path is None:
        return url.raw
    text = ".".join(url.host or ())
    if url.protocol:
        text = f"{url.protocol}://{text}"
    if url.port:
        text += f":{url.port}"
    text += "/" + "/".join(url.path or ())
    if url.query:
        text += "?" + "&".join(p.key if p.value is None else f"{p.key}={p.value}" for p in url.query)
    return text


def _cut_hash(text: str) -> str:
    index = text.find("#")
    while index >= 0:
        before = text[:index]
        if before.count("{{") == before.count("}}"):
            return before
        index = text.find("#", index + 1)
    return text


def _url(url: Url, draft: _Draft, encode: bool) -> tuple[str, str | None]:
    """(scheme://host/path, query or None), encoded as Newman encodes them.

    As postman-runtime does, the template is written out as one string (object parts escape
    their own `&`, `=`, `#`), variables are substituted, and the result is split again: so a
    `{{baseUrl}}` may hold a path or a whole URL, and a value holding `?`, `&` or `#` splices
    in as it does in Newman. Path variables (`:id`) are the exception: their values are encoded
    as one segment before substitution, so a `/`, `?` or `#` in them never splits the URL."""
    if url.host is None and url.path is None:
        prefix, segments, query_text = _split_template(url.raw)
        params = split_raw(url.raw)[2] if query_text is not None else None
        structural = False
    else:
        prefix = ".".join(url.host or ())
        if url.protocol:
            prefix = f"{url.protocol}://{prefix}"
        if url.port:
            prefix += f":{url.port}"
        segments = list(url.path or ())
        params = list(url.query) or None
        structural = True
        if not prefix and url.raw:
            prefix = _split_template(url.raw)[0]
    path_vars = {p.key: p for p in url.variables}
    path = "".join("/" + _segment(s, path_vars, draft) for s in segments)
    base = draft.renderer.render(prefix).strip(urls.SPACE)
    if base.endswith("/") and path.startswith("/"):  # a baseUrl saved with a trailing slash
        base = base[:-1]
    text = base + draft.renderer.render(path)
    if not text.strip(urls.SPACE):
        if "{{" not in prefix:
            draft.problem("the request has no URL", "set the request URL in the collection")
        return "", None
    pieces = _query(params, draft, structural) if params is not None else None
    if pieces is not None:
        # a variable that brought its own query (`{{endpoint}}` = `users?active=true`) is joined
        # with `&`, not a second `?` as Newman would send
        before = urls.cut_fragment(text)
        joiner = "?" if "?" not in before else "" if before.endswith(("?", "&")) else "&"
        text += joiner + "&".join(pieces)
    if "#" in text:  # as in Newman, everything from the first `#` is a fragment and is not sent
        dropped = text[text.index("#"):]
        draft.notes.append(f"the URL holds '#' (from the template or a variable's value): '{dropped[:60]}' "
                           "is a fragment and was not sent; write %23 if it is data")
    parts = urls.split(text)
    query = parts.query if parts.query is None or not encode else urls.encode_query(parts.query)
    return urls.join(replace(parts, query=None), encode=encode), query


def _segment(segment: str, path_vars: dict[str, Param], draft: _Draft) -> str:
    """A literal or `{{…}}` segment as it stands; a `:name` segment as its encoded value."""
    match = PATH_VARIABLE.match(segment)
    if not match:
        return segment
    name = match.group(1)
    declared = path_vars.get(name)
    value = draft.renderer.render(declared.value) if declared and declared.value is not None else ""
    if not value or is_placeholder(value):
        scoped = draft.renderer.scopes.get(name)
        value = draft.renderer.render(scoped) if scoped is not None else ""
    if (not value or is_placeholder(value)) and draft.renderer.scopes.compat:
        # postman-collection leaves `:name` as written when its value is empty, and sends a placeholder
        written = draft.renderer.render(declared.value) if declared and declared.value else segment
        draft.renderer.allow(CompatNote("path-variable", name, f"path variable :{name} has no value; sent "
                                        f"{written!r} as written"))
        return written if written == segment else urls.encode_segment(written)
    if not value or is_placeholder(value):
        draft.problem(
            f"path variable :{name} has no value",
            f"--env-var {name}=… (or set it under the request's path variables)",
        )
        return segment
    return urls.encode_segment(value)


def _required(param: Param) -> bool:
    return param.description.lstrip().startswith("(Required)")


def _query(params: list[Param], draft: _Draft, structural: bool) -> list[str]:
    """Each parameter as `key=value` text (a bare `key` when its value is null); a URL object's
    parts escape what would change the query's structure, as Postman writes them out."""
    out: list[str] = []
    for param in params:
        key_template = _escape_literal(param.key, "&=#") if structural else param.key
        key = draft.renderer.render(key_template)
        if param.value is None:
            out.append(key)
            continue
        value_template = _escape_literal(param.value, "&#") if structural else param.value
        value = _fill(key, draft.renderer.render(value_template), param, draft, "query parameter")
        if value is not None:
            out.append(f"{key}={value}")
    return out


def _escape_literal(text: str, characters: str) -> str:
    """Escape `characters` in the text of a template, not inside its `{{…}}` references."""
    if not any(c in text for c in characters):
        return text
    pieces = REFERENCE.split(text)  # odd indexes are the references
    return "".join(
        piece if index % 2 else "".join(f"%{ord(c):02X}" if c in characters else c for c in piece)
        for index, piece in enumerate(pieces)
    )


def _fill(key: str, value: str, param: Param, draft: _Draft, what: str) -> str | None:
    """A `<placeholder>` takes the scope variable of the same name, else is omitted or an error."""
    if not is_placeholder(value):
        return value
    scoped = draft.renderer.scopes.get(key)
    if scoped is None and placeholder_word(value).lower() not in TYPE_WORDS:
        scoped = draft.renderer.scopes.get(placeholder_word(value))
    if scoped is not None and not is_placeholder(scoped):
        return draft.renderer.render(scoped)
    if draft.renderer.scopes.compat:
        draft.renderer.allow(CompatNote("placeholder", key, f"{what} '{key}' is a placeholder {value.strip()} "
                                        "with no value; sent as written"))
        return value
    if _required(param):
        draft.problem(
            f"required {what} '{key}' is a placeholder {value.strip()} with no value",
            f"--env-var {key}=…",
        )
        return None
    draft.notes.append(f"left out optional {what} '{key}' (placeholder {value.strip()}; set it with --env-var {key}=…)")
    return None


# ---------------------------------------------------------------- headers


def _headers(params: tuple[Param, ...], draft: _Draft) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for param in params:
        name = draft.renderer.render(param.key).strip()
        value = draft.renderer.render(param.value or "").strip()  # HTTP drops the spaces around a value
        if "\n" in value or "\r" in value or "\n" in name or "\r" in name:
            draft.problem(f"header '{name.splitlines()[0] if name else name}' holds a line break",
                          "remove the line break from the header (or from the variable it uses)")
            continue
        if is_placeholder(value):
            filled = _fill(name, value, param, draft, "header")
        elif EMBEDDED_PLACEHOLDER.search(value) and not value.lstrip().startswith(("<?", "<!")):
            filled = _fill_embedded(name, value, param, draft)
        else:
            filled = value
        if filled is not None:
            out.append((name, filled))
    return out


def _fill_embedded(name: str, value: str, param: Param, draft: _Draft) -> str | None:
    """`Bearer <token>`: each `<word>` from the variable named like the word."""
    unfilled: list[str] = []

    def replace(match: re.Match[str]) -> str:
        word = match.group(0)[1:-1]
        scoped = draft.renderer.scopes.get(word) if word.lower() not in TYPE_WORDS else None
        if scoped is None or is_placeholder(scoped):
            unfilled.append(match.group(0))
            return match.group(0)
        return draft.renderer.render(scoped)

    filled = EMBEDDED_PLACEHOLDER.sub(replace, value)
    if not unfilled:
        return filled
    whole = draft.renderer.scopes.get(name)
    if whole is not None and not is_placeholder(whole):
        return draft.renderer.render(whole)
    if draft.renderer.scopes.compat:
        draft.renderer.allow(CompatNote("placeholder", name, f"header '{name}' holds placeholder {unfilled[0]} "
                                        "with no value; sent as written"))
        return value
    if _required(param):
        draft.problem(
            f"required header '{name}' holds placeholder {unfilled[0]} with no value",
            f"--env-var {unfilled[0][1:-1].replace(' ', '_')}=… or --env-var {name}=…",
        )
        return None
    draft.notes.append(f"left out header '{name}' (placeholder {unfilled[0]}; set it with --env-var {name}=…)")
    return None


# ---------------------------------------------------------------- bodies


KNOWN_MODES = ("raw", "urlencoded", "formdata", "file", "graphql")


def _has_body(body: Body | None) -> bool:
    if body is None or body.mode is None:
        return False
    return bool(body.raw or body.params or body.file_src or body.graphql_query or body.mode not in KNOWN_MODES)


def guess_type(filename: str) -> str:
    """A file's media type as Newman names it (mime-db's names for the extensions collections
    attach), application/octet-stream when unknown: a fixed table, so every machine agrees."""
    return MEDIA_TYPES.get(os.path.splitext(filename)[1].lower().lstrip("."), "application/octet-stream")




def _body(
    body: Body | None, draft: _Draft, collection: Collection, options: ResolveOptions
) -> tuple[bytes | None, tuple | None, str | None, str | None]:
    """Returns (bytes, multipart parts, file path, default Content-Type)."""
    if body is None or body.mode is None:
        return None, None, None, None
    render = draft.renderer.render
    if body.mode == "raw" or (body.mode not in KNOWN_MODES and body.raw):
        # postman-collection reads an unknown mode that holds `raw` text as raw
        if not body.raw:
            return None, None, None, None
        ctype = LANGUAGE_TYPES.get(body.language or "text", "text/plain")
        return _fill_json_body(render(body.raw), draft).encode("utf-8"), None, None, ctype
    if body.mode == "urlencoded":
        from urllib.parse import quote

        # as postman-request writes a form: the values of a repeated key are grouped at its first
        # place, and everything but A-Z a-z 0-9 - . _ ~ is escaped (space as %20)
        grouped: dict[str, list[str]] = {}
        for p in body.params:
            key = render(p.key)
            value = _fill(key, render(p.value or ""), p, draft, "form field")
            if value is not None:
                grouped.setdefault(key, []).append(value)
        if not grouped:
            return None, None, None, None
        text = "&".join(f"{quote(key, safe='')}={quote(value, safe='')}"
                        for key, values in grouped.items() for value in values)
        return text.encode("ascii"), None, None, "application/x-www-form-urlencoded"
    if body.mode == "formdata":
        parts: list = []
        for p in body.params:
            if p.type == "file":
                if not p.src:  # Newman sends the part with an empty filename and no content
                    parts.append(FilePart(render(p.key), "", p.content_type))
                for src in p.src:
                    path = _attachment(render(src), draft, collection, options)
                    if path:
                        parts.append(FilePart(render(p.key), path, p.content_type or guess_type(path)))
            else:
                key = render(p.key)
                value = _fill(key, render(p.value or ""), p, draft, "form field")
                if value is not None:
                    parts.append(TextPart(key, value, p.content_type))
        return None, (tuple(parts) or None), None, None
    if body.mode == "file":
        if not body.file_src:
            return None, None, None, None
        src = render(body.file_src)
        return None, None, _attachment(src, draft, collection, options), guess_type(src)
    if body.mode == "graphql":
        # as postman-runtime writes it: the query as a JSON string, the variables text as written
        # (left out when empty); a variables text that is not JSON is refused, not sent as junk
        pieces = ['"query":' + json.dumps(render(body.graphql_query), ensure_ascii=False)]
        text = render(body.graphql_variables)
        if text:
            try:
                json.loads(text)
            except ValueError as exc:
                draft.problem(f"GraphQL variables are not valid JSON: {exc}", "fix the variables in the collection")
            pieces.append('"variables":' + text)
        return ("{" + ",".join(pieces) + "}").encode("utf-8"), None, None, "application/json"
    draft.notes.append(f"body mode '{body.mode}' is not supported; sent without a body")
    return None, None, None, None


JSON_TYPES = {"integer": int, "long": int, "int32": int, "int64": int, "number": float, "float": float,
              "double": float, "boolean": bool}


def _fill_json_body(text: str, draft: _Draft) -> str:
    """OpenAPI converters write `"age": "<integer>"` in example bodies. Each such value takes the
    variable named like its key (`--env-var age=42` sends `"age": 42`); what stays unfilled is named
    in a note, since a body has no "(Required)" marks to tell what may be left out."""
    if "<" not in text or text.lstrip()[:1] not in ("{", "["):
        return text
    try:
        document = json.loads(text)
    except ValueError:
        return text
    unfilled: list[str] = []
    filled = _fill_json(document, "", None, draft, unfilled)
    if filled == document:  # nothing could be filled: send the text as the collection wrote it
        filled = None
    if unfilled:
        shown = ", ".join(unfilled[:5]) + (f" (+{len(unfilled) - 5} more)" if len(unfilled) > 5 else "")
        names = " ".join(f"--env-var {p.rsplit('/', 1)[-1]}=…" for p in unfilled[:3])
        draft.notes.append(f"body still holds placeholders at {shown}; set them with {names}")
    return text if filled is None else json.dumps(filled, ensure_ascii=False)


def _fill_json(value: object, pointer: str, key: str | None, draft: _Draft, unfilled: list[str]) -> object:
    if isinstance(value, dict):
        return {k: _fill_json(v, f"{pointer}/{k}", k, draft, unfilled) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill_json(v, f"{pointer}/{i}", key, draft, unfilled) for i, v in enumerate(value)]
    if not isinstance(value, str) or not is_placeholder(value):
        return value
    scoped = draft.renderer.scopes.get(key) if key is not None else None
    if scoped is None or is_placeholder(scoped):
        unfilled.append(pointer or "/")
        return value
    return _typed_value(draft.renderer.render(scoped), placeholder_word(value).lower())


def _typed_value(text: str, word: str) -> object:
    kind = JSON_TYPES.get(word)
    try:
        if kind is bool:
            return {"true": True, "false": False}[text.strip().lower()]
        if kind is not None:
            return kind(text)
    except (KeyError, ValueError):
        pass
    return text


def _attachment(src: str, draft: _Draft, collection: Collection, options: ResolveOptions) -> str | None:
    """Resolve a `src` against the working dir; a path that leaves it is refused unless allowed."""
    source = collection.source
    if source is not None and not collection.schema_version.startswith("3"):
        source = source.parent  # a v2.1 file's folder; a v3 collection is its own directory
    root = options.working_dir or (str(source) if source is not None else os.curdir)
    root = os.path.abspath(root)
    path = os.path.normpath(os.path.join(root, src))
    outside = os.path.isabs(src) or os.path.relpath(path, root).split(os.sep)[0] == os.pardir
    if outside and not options.allow_outside_files:
        draft.problem(
            f"file '{src}' is outside the working directory {root}",
            "move it under --working-dir, or pass --allow-outside-files if you trust this collection",
        )
        return None
    return path
