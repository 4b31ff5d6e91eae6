"""The script sandbox: runs Postman pre-request and test scripts in an embedded QuickJS context.

Only plain data crosses the boundary (`ScriptInput` in, `ScriptOutcome` out). Scripts see the
`pm` API and the legacy Postman globals from `pm.js`; they get no file system, network or process
access: QuickJS is embedded without its `std`/`os` modules, no module loader is installed, and
the one way out, `pm.sendRequest`, is a request handed to the caller's `send_request` between
two JavaScript calls.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any, Callable, Literal

if TYPE_CHECKING:
    from types import EllipsisType

__all__ = ["Sandbox", "ScriptFailure", "ScriptInput", "ScriptOutcome", "TestResult"]

# Library lines start here so that stack frames below it belong to user scripts (see pm.js).
_LIBRARY_LINE = 100000
_MEMORY_LIMIT = 256 * 2**20
_MAX_SEND_REQUESTS = 200
_DYNAMIC_IMPORT = re.compile(r"(?<![\w$.])import\s*\(")
_STATIC_IMPORT = re.compile(r"^\s*import\s+[\w{*'\"]", re.MULTILINE)


@dataclass
class ScriptInput:
    """Everything one event (all pre-request or all test scripts of one item) needs."""

    event: Literal["prerequest", "test"]
    scripts: list[tuple[str, str]]
    item_name: str
    item_path: str
    iteration: int
    iteration_count: int
    request: dict[str, Any]
    response: dict[str, Any] | None
    scopes: dict[str, dict[str, str]]
    precedence: list[str]
    cookies: list[dict[str, str]] = field(default_factory=list)
    # pm.sendRequest: gets {"request": Postman-shaped request, "scopes": variables now, "line": n};
    # answers {"response": …}, {"error": text} (the callback's err), {"refused": {message, hint}}
    # (the item's error: nothing was sent) or {"skipped": why} (dry run: no callback)
    send_request: Callable[[dict[str, Any]], dict[str, Any]] | None = None
    timeout_ms: int = 5000
    dynamic: dict[str, list[str]] = field(default_factory=dict)  # fresh `{{$random…}}` values, per name


@dataclass
class TestResult:
    """One `pm.test` or legacy `tests[...]` result. Skipped tests have passed=False, skipped=True."""

    name: str
    passed: bool
    message: str
    skipped: bool = False


@dataclass
class ScriptFailure:
    """The script that threw, timed out or reached for something the sandbox does not provide."""

    label: str
    message: str
    line: int | None
    hint: str | None = None  # how to fix it, when the engine knows (a pm.sendRequest it refused)


@dataclass
class ScriptOutcome:
    """What the scripts of one event did; `failure` set means later scripts did not run."""

    tests: list[TestResult]
    console: list[str]
    scopes: dict[str, dict[str, str]]
    request: dict[str, Any]
    next_request: str | None | EllipsisType
    skip_request: bool
    failure: ScriptFailure | None
    typed: dict[str, dict[str, Any]] = field(default_factory=dict)  # non-string values set, by scope


class _Timeout(Exception):
    """A script used up its CPU time budget."""


class Sandbox:
    """One JS context reused across items of a run (create once; cheap per call).

    Use a Sandbox from one thread at a time; a call from a thread other than the one that
    created the current context gets a fresh context (QuickJS contexts are not thread-safe).
    """

    def __init__(self) -> None:
        self._ctx: Any = None
        self._thread: int | None = None

    def close(self) -> None:
        """Drop the JavaScript context; a later `run` creates a new one."""
        self._ctx = None
        self._thread = None

    def run(self, data: ScriptInput) -> ScriptOutcome:
        """Run `data.scripts` in order; never raises for anything a script does."""
        import quickjs

        ctx = self._context()
        ctx.set_time_limit(-1)
        ctx.set("__pm_input", json.dumps(_input_json(data)))
        ctx.eval("__pm_begin()")
        failure = None
        try:
            failure = self._run_scripts(ctx, data)
        except _Timeout as exc:
            failure = ScriptFailure(str(exc.args[0]), f"script timed out after {data.timeout_ms} ms", None)
        ctx.set_time_limit(-1)
        try:
            raw = json.loads(ctx.eval("__pm_end()"))
        except quickjs.JSException as exc:
            # The script broke a built-in the library relies on: report it, keep the input state.
            self.close()
            label = failure.label if failure else (data.scripts[-1][0] if data.scripts else "")
            reason = f"the script broke the sandbox ({str(exc).splitlines()[0]})"
            return _outcome(_unchanged(data), failure or ScriptFailure(label, reason, None))
        if failure is not None and failure.message.startswith(("script timed out", "InternalError")):
            self.close()  # an interrupted or exhausted context may hold half-updated state: start clean
        return _outcome(raw, failure)

    def _context(self) -> Any:
        if self._ctx is None or self._thread != threading.get_ident():
            import quickjs  # deferred: only runs with scripts pay for the engine

            ctx = quickjs.Context()
            ctx.set_memory_limit(_MEMORY_LIMIT)
            ctx.eval("\n" * (_LIBRARY_LINE - 1) + _library_source())
            self._ctx, self._thread = ctx, threading.get_ident()
        return self._ctx

    def _run_scripts(self, ctx: Any, data: ScriptInput) -> ScriptFailure | None:
        for index, (label, source) in enumerate(data.scripts):
            forbidden = _forbidden_syntax(source)
            if forbidden is not None:
                return ScriptFailure(label, forbidden[0], forbidden[1])
            status = self._guarded(ctx, label, data.timeout_ms, f"__pm_exec({index})")
            if "error" not in status:
                status = self._send_pending(ctx, label, data, status)
            if "error" in status:
                error = status["error"]
                return ScriptFailure(label, error["message"], error.get("line"), error.get("hint"))
        return None

    def _send_pending(self, ctx: Any, label: str, data: ScriptInput, status: dict[str, Any]) -> dict[str, Any]:
        """Performs queued pm.sendRequest calls, then runs their callbacks, until none are left."""
        sent = 0
        while status.get("pending"):
            ctx.set_time_limit(-1)
            for entry in json.loads(ctx.eval("__pm_take()")):
                sent += 1
                if sent > _MAX_SEND_REQUESTS:
                    return {"error": {"message": f"more than {_MAX_SEND_REQUESTS} pm.sendRequest calls in one script", "line": None}}
                answer = _call_sender(data.send_request, entry["request"])
                if "refused" in answer:  # not built (placeholder, missing token): the item's error, as for items
                    refused = answer["refused"]
                    return {"error": {"message": refused["message"], "line": entry["request"].get("line"),
                                      "hint": refused.get("hint")}}
                if "skipped" in answer:  # a dry run: nothing was sent, so there is nothing to call back with
                    status = self._guarded(ctx, label, data.timeout_ms, "__pm_status()")
                    continue
                ctx.set("__pm_answer", json.dumps(answer))
                status = self._guarded(ctx, label, data.timeout_ms, f"__pm_deliver({entry['id']}, __pm_answer)")
                if "error" in status:
                    return status
        return status

    def _guarded(self, ctx: Any, label: str, timeout_ms: int, call: str) -> dict[str, Any]:
        """Evaluates one library call under the time limit, then runs queued promise jobs."""
        import quickjs

        ctx.set_time_limit(max(timeout_ms, 1) / 1000)
        try:
            status = json.loads(ctx.eval(call))
            while ctx.execute_pending_job():
                pass
        except quickjs.JSException as exc:
            text = str(exc)
            if "interrupted" in text.splitlines()[0]:
                raise _Timeout(label) from None
            return {"error": {"message": text.splitlines()[0], "line": None}}
        finally:
            ctx.set_time_limit(-1)
        if "error" not in status:
            # A promise job (e.g. a `.then` of pm.sendRequest) may have used something unsupported.
            status = json.loads(ctx.eval("__pm_status()"))
        return status


def _library_source() -> str:
    return resources.files(__package__).joinpath("pm.js").read_text(encoding="utf-8")


def _input_json(data: ScriptInput) -> dict[str, Any]:
    return {
        "event": data.event,
        "scripts": [source for _, source in data.scripts],
        "item_name": data.item_name,
        "item_path": data.item_path,
        "iteration": data.iteration,
        "iteration_count": data.iteration_count,
        "request": data.request,
        "response": data.response,
        "scopes": data.scopes,
        "precedence": data.precedence,
        "cookies": data.cookies,
        "can_send": data.send_request is not None,
        "dynamic": data.dynamic,
    }


def _forbidden_syntax(source: str) -> tuple[str, int] | None:
    """Module imports would fail inside the sandbox anyway; a dynamic one fails silently, so refuse both."""
    for pattern, what in ((_DYNAMIC_IMPORT, "import() is not supported"), (_STATIC_IMPORT, "import is not supported")):
        match = pattern.search(source)
        if match:
            return what, source.count("\n", 0, match.start()) + 1
    return None


def _call_sender(send: Callable[[dict[str, Any]], dict[str, Any]] | None, request: dict[str, Any]) -> dict[str, Any]:
    if send is None:
        return {"error": "pm.sendRequest is not supported here (no sender was configured)"}
    try:
        return send(request)
    except Exception as exc:  # noqa: BLE001 - the script's callback receives it as `err`
        return {"error": str(exc) or type(exc).__name__}


def _unchanged(data: ScriptInput) -> dict[str, Any]:
    return {"tests": [], "console": [], "scopes": {k: dict(v) for k, v in data.scopes.items()},
            "request": dict(data.request), "skip_request": False}


def _outcome(raw: dict[str, Any], failure: ScriptFailure | None) -> ScriptOutcome:
    tests = [TestResult(t["name"], bool(t["passed"]), t["message"], bool(t.get("skipped"))) for t in raw["tests"]]
    return ScriptOutcome(
        tests=tests,
        console=list(raw["console"]),
        scopes=raw["scopes"],
        request=raw["request"],
        next_request=raw["next_request"] if "next_request" in raw else ...,
        skip_request=bool(raw["skip_request"]),
        failure=failure,
        typed=raw.get("typed") or {},
    )
