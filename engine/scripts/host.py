"""Python functions that sandbox libraries call synchronously through `__host(name, argsJSON)`.

Each library's JS shim in `lib/` is thin: it converts its arguments to plain data and calls
`require('#sandbox').host(name, ...)`. Only JSON crosses the boundary, so a script can reach
nothing here but these functions, with data it could have computed itself. The table names
functions as "module:function" so that a library's Python side is imported on its first call.
"""

from __future__ import annotations

import importlib
import json
from typing import Any, Callable

__all__ = ["HOST", "HostError", "call"]


class HostError(Exception):
    """A failure the script sees as a JS exception of `js_type` (e.g. TypeError) with this message."""

    def __init__(self, message: str, js_type: str = "Error") -> None:
        super().__init__(message)
        self.js_type = js_type


HOST: dict[str, str] = {
    "crypto.digest": "host_crypto:digest",
    "crypto.hmac": "host_crypto:hmac_digest",
    "crypto.pbkdf2": "host_crypto:pbkdf2",
    "crypto.evpkdf": "host_crypto:evpkdf",
    "crypto.random": "host_crypto:random_bytes",
    "crypto.cipher": "host_crypto:cipher",
    "schema.tv4": "host_schema:tv4_validate",
    "schema.tv4_codes": "host_schema:tv4_codes",
    "schema.ajv": "host_schema:ajv_validate",
    "schema.check": "host_schema:check_schema",
    "uuid.v1": "host_misc:uuid_v1",
    "uuid.v4": "host_misc:uuid_v4",
    "uuid.named": "host_misc:uuid_named",
    "csv.parse": "host_misc:csv_parse",
    "xml.parse": "host_xml:parse",
    "html.load": "host_html:load",
    "html.select": "host_html:select",
    "html.info": "host_html:info",
    "html.contents": "host_html:contents",
    "html.children": "host_html:children",
    "html.parent": "host_html:parent",
    "html.parents": "host_html:parents",
    "html.closest": "host_html:closest",
    "html.next": "host_html:next_ids",
    "html.prev": "host_html:prev_ids",
    "html.siblings": "host_html:siblings",
    "html.filter": "host_html:filter_ids",
    "html.has": "host_html:has",
    "html.text": "host_html:text",
    "html.html": "host_html:html",
    "html.val": "host_html:value",
}
_LOADED: dict[str, Callable[..., Any]] = {}


def _function(name: str) -> Callable[..., Any] | None:
    fn = _LOADED.get(name)
    if fn is None and name in HOST:
        module, attribute = HOST[name].split(":")
        fn = _LOADED[name] = getattr(importlib.import_module(f"{__package__}.{module}"), attribute)
    return fn


def call(name: str, args_json: str) -> str:
    """Runs HOST[name](*args); the answer is `{"ok": value}` or `{"error", "type"}`, never a traceback."""
    try:
        fn = _function(name)
    except ImportError as exc:
        return json.dumps({"error": f"{name} needs a Python package that is missing ({exc.name}): "
                                    "pip install postman-replay with its dependencies", "type": "Error"})
    if fn is None:
        return json.dumps({"error": f"{name} is not supported", "type": "Error", "unsupported": True})
    try:
        args = json.loads(args_json)
        return json.dumps({"ok": fn(*args)}, ensure_ascii=False)
    except HostError as exc:
        return json.dumps({"error": str(exc), "type": exc.js_type, "unsupported": "not supported" in str(exc)})
    except RecursionError:
        return json.dumps({"error": f"{name}: input nested too deeply", "type": "RangeError"})
    except Exception as exc:  # noqa: BLE001 - a library fault is the script's exception, not ours
        return json.dumps({"error": f"{name}: {exc}" if str(exc) else f"{name}: {type(exc).__name__}", "type": "Error"})
