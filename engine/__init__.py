"""postman-replay: replay Postman collection items and check them against their documented responses.

Public names are imported lazily so that `postman-replay --version` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .version import __version__

__all__ = [
    "load_collection",
    "load_environment",
    "run",
    "RunOptions",
    "RunResult",
    "InputError",
    "ItemError",
    "ReplayError",
    "__version__",
]

_LAZY = {
    "load_collection": ".load",
    "load_environment": ".load",
    "run": ".runner",
    "RunOptions": ".runner",
    "RunResult": ".runner",
    "InputError": ".errors",
    "ItemError": ".errors",
    "ReplayError": ".errors",
}

if TYPE_CHECKING:
    from .errors import InputError, ItemError, ReplayError
    from .load import load_collection, load_environment
    from .runner import RunOptions, RunResult, run


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module 'engine' has no attribute {name!r}")
