"""Python functions that sandbox libraries call synchronously through `__host(name, argsJSON)`.

Each library's JS shim in `lib/` is thin: it converts its arguments to plain data and calls
`require('#sandbox').host(name, ...)`. Only JSON crosses the boundary, so a script can reach
nothing here but these functions, with data it could have computed itself.
"""

from __future__ import annotations

import json
from typing import Any, Callable

__all__ = ["HOST", "HostError", "call"]


class HostError(Exception):
    """A failure the script sees as a JS exception of `js_type` (e.g. TypeError) with this message."""

    def __init__(self, message: str, js_type: str = "Error") -> None:
        super().__init__(message)
        self.js_type = js_type


HOST: dict[str, Callable[..., Any]] = {}


def call(name: str, args_json: str) -> str:
    """Runs HOST[name](*args); the answer is `{"ok": value}` or `{"error", "type"}`, never a traceback."""
    fn = HOST.get(name)
    if fn is None:
        return json.dumps({"error": f"{name} is not supported", "type": "Error", "unsupported": True})
    try:
        args = json.loads(args_json)
        return json.dumps({"ok": fn(*args)}, ensure_ascii=False)
    except HostError as exc:
        return json.dumps({"error": str(exc), "type": exc.js_type})
    except RecursionError:
        return json.dumps({"error": f"{name}: input nested too deeply", "type": "RangeError"})
    except Exception as exc:  # noqa: BLE001 - a library fault is the script's exception, not ours
        return json.dumps({"error": f"{name}: {exc}" if str(exc) else f"{name}: {type(exc).__name__}", "type": "Error"})
