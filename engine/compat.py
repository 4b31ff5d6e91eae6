"""`--compat newman`: what Newman sends where the default refuses to send.

Only the cases SPEC.md lists: an unresolved `{{name}}` goes out as written, a path variable with
no value stays `:name` (postman-collection leaves a segment whose variable is empty as written),
a `<placeholder>` goes out as written, auth with a missing credential is sent as postman-runtime
sends it, `enabled: false` environment entries apply, iteration data wins over `--env-var`, and a
request whose pre-request script failed is still sent. Beyond that list, a file a form-data part
or a file body names that is not there (collections keep their author's `src` paths) is left out
as Newman leaves it out. Each case becomes a CompatNote on its item; resolve records them, this
module only knows what Newman would have put on the wire.
"""

from __future__ import annotations

import base64
import os
from dataclasses import replace

from .model import Auth, CompatNote, FilePart, PreparedRequest, as_text
from .variables import Renderer


def _field(auth: Auth, renderer: Renderer, name: str) -> str:
    """A field as Newman reads it: rendered, a `<placeholder>` or an unresolved `{{name}}` as written."""
    value = auth.get(name)
    return renderer.render(as_text(value)) if value is not None else ""


def newman_auth(auth: Auth, renderer: Renderer, reason: str) -> list[tuple[str, str]]:
    """The headers postman-runtime adds for `auth` whose credentials we find missing: basic signs
    whatever it has (empty names included); bearer, apikey and oauth2 add their token or key as
    written (a `<placeholder>` too) when there is one; every other signer adds nothing when its
    required fields are missing. Query placement (apikey, oauth2) is newman_auth_query's."""

    def field(name: str) -> str:
        return _field(auth, renderer, name)

    renderer.allow(CompatNote("credential", auth.type, f"{auth.type} auth: {reason}; sent as Newman sends it"))
    if auth.type == "basic":
        pair = f"{field('username')}:{field('password')}".encode()
        return [("Authorization", "Basic " + base64.b64encode(pair).decode())]
    if auth.type == "bearer" and field("token"):
        return [("Authorization", "Bearer " + field("token"))]
    if auth.type == "oauth2" and field("accessToken") and field("addTokenTo") != "queryParams":
        prefix = "Bearer" if auth.get("headerPrefix") is None else field("headerPrefix").strip()
        return [("Authorization", f"{prefix} {field('accessToken')}".strip())]
    if auth.type == "apikey" and (field("key") or field("value")) and field("in") != "query":
        return [(field("key"), field("value"))]
    return []


def newman_auth_query(auth: Auth, renderer: Renderer) -> list[tuple[str, str]]:
    """Query parameters postman-runtime adds for `auth` with a missing credential (see newman_auth)."""

    def field(name: str) -> str:
        return _field(auth, renderer, name)

    if auth.type == "apikey" and (field("key") or field("value")) and field("in") == "query":
        return [(field("key"), field("value"))]
    if auth.type == "oauth2" and field("accessToken") and field("addTokenTo") == "queryParams":
        return [("access_token", field("accessToken"))]
    return []


def missing_files(prepared: PreparedRequest) -> list[str]:
    """The files a form-data part or the file body names that are not there (send would refuse)."""
    paths = [part.path for part in prepared.form or () if isinstance(part, FilePart) and part.path]
    paths += [prepared.body_file] if prepared.body_file else []
    return [path for path in paths if not os.path.isfile(path)]


def without_missing_files(prepared: PreparedRequest) -> PreparedRequest:
    """What postman-runtime sends when a file cannot be read ("file load error"): the form-data
    part left out, a file body sent empty (`Content-Length: 0`, no Content-Type); one note each."""
    missing = set(missing_files(prepared))
    if not missing:
        return prepared
    notes: list[CompatNote] = []
    form = prepared.form
    if form is not None:
        kept = []
        for part in form:
            if isinstance(part, FilePart) and part.path in missing:
                notes.append(CompatNote("missing-file", part.name, f"form-data file '{part.path}' does not exist: "
                                        f"the part '{part.name}' was left out, as Newman leaves it out"))
            else:
                kept.append(part)
        form = tuple(kept)
    changes: dict = {"form": form}
    if prepared.body_file in missing:
        notes.append(CompatNote("missing-file", prepared.body_file, f"file body '{prepared.body_file}' does not "
                                "exist: sent empty, as Newman sends it"))
        changes.update(body_file=None, body=b"", implicit_content_type=False,
                       headers=tuple((k, v) for k, v in prepared.headers if not (
                           k.lower() == "content-type" and prepared.implicit_content_type)))
    return replace(prepared, compat=prepared.compat + tuple(notes), **changes)
