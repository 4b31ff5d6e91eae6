"""The script sandbox: runs Postman pre-request and test scripts in an embedded QuickJS context.

Only plain data crosses the boundary (`ScriptInput` in, `ScriptOutcome` out). Scripts see the
`pm` API and the legacy Postman globals from `pm.js`; they get no file system, network or process
access: QuickJS is embedded without its `std`/`os` modules; `require()` (require.js) serves only
the library modules in `lib/`; the libraries' Python side (`host.py`) takes and returns JSON and
touches nothing outside; and the one way out, `pm.sendRequest`, is a request handed to the
caller's `send_request` between two JavaScript calls.
"""

from __future__ import annotations

import functools
import json
import re
import threading
import time
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
_TIMER_NOW_MS = 1.0  # setTimeout(f, 0) waits 1 ms, as in Node; no request is answered sooner
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
    # what pm.info, pm.execution.location and the legacy `request` tell besides the names above:
    # id, description, location ([collection, ...folders, item]), url (for the cookie jar)
    info: dict[str, Any] = field(default_factory=dict)
    event_names: list[str] = field(default_factory=list)  # per script, pm.info.eventName when not `event` (v3)


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
    cookie_changes: list[dict[str, Any]] = field(default_factory=list)  # pm.cookies.jar() set/unset, in order


class _Timeout(Exception):
    """A script used up its time budget; args: (label, message)."""


class _Clock:
    """Bounds JavaScript run time with our own QuickJS interrupt handler.

    The wrapper's `set_time_limit` refuses every call into Python while a limit is set, which would
    rule out the Python-backed libraries (host.py). So the sandbox installs its own handler through
    the engine's exported `JS_SetInterruptHandler`: QuickJS polls it every few thousand operations,
    and it stops the script once the wall-clock deadline has passed. If the extension's layout is
    not the one checked here, it falls back to `set_time_limit` (the libraries then fail, located).
    """

    def __init__(self, ctx: Any) -> None:
        self._ctx = ctx
        self._deadline: list[float | None] = [None]  # shared with the handler, which must not hold self
        self._handler: Any = None
        self.native = self._install(ctx)

    @property
    def deadline(self) -> float | None:
        return self._deadline[0]

    def _install(self, ctx: Any) -> bool:
        import ctypes

        import _quickjs  # type: ignore[import-not-found, unused-ignore]

        pointer = ctypes.sizeof(ctypes.c_void_p)
        if type(ctx).__basicsize__ < 2 * pointer + 2 * pointer:
            return False
        try:
            lib = ctypes.CDLL(_quickjs.__file__)
            get_runtime, set_handler = lib.JS_GetRuntime, lib.JS_SetInterruptHandler
        except (OSError, AttributeError):
            return False
        get_runtime.restype, get_runtime.argtypes = ctypes.c_void_p, [ctypes.c_void_p]
        set_handler.restype, set_handler.argtypes = None, [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
        # The wrapper's object: PyObject_HEAD, then JSRuntime *runtime, then JSContext *context.
        runtime = ctypes.c_void_p.from_address(id(ctx) + 2 * pointer).value
        context = ctypes.c_void_p.from_address(id(ctx) + 3 * pointer).value
        if not runtime or not context or get_runtime(context) != runtime:
            return False
        handler_type = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
        clock, box = time.perf_counter, self._deadline

        def interrupt(_runtime: Any, _opaque: Any) -> int:
            deadline = box[0]
            return 1 if deadline is not None and clock() > deadline else 0

        self._handler = handler_type(interrupt)  # kept: QuickJS holds only the raw pointer
        set_handler(runtime, ctypes.cast(self._handler, ctypes.c_void_p), None)
        self._unset = lambda: set_handler(runtime, None, None)
        return True

    def __del__(self) -> None:
        # The context may outlive this clock (someone else holds it): never leave QuickJS a
        # pointer to a freed handler. The context is alive here, as this object holds it.
        unset = getattr(self, "_unset", None)
        if unset is not None:
            unset()

    def limit(self, deadline: float | None) -> None:
        self._deadline[0] = deadline
        if not self.native:
            self._ctx.set_time_limit(-1 if deadline is None else max(deadline - time.perf_counter(), 0.001))


class Sandbox:
    """One JS context reused across items of a run (create once; cheap per call).

    Use a Sandbox from one thread at a time; a call from a thread other than the one that
    created the current context gets a fresh context (QuickJS contexts are not thread-safe).
    """

    def __init__(self) -> None:
        self._ctx: Any = None
        self._clock: _Clock | None = None
        self._thread: int | None = None

    def close(self) -> None:
        """Drop the JavaScript context; a later `run` creates a new one."""
        self._ctx = None
        self._clock = None
        self._thread = None

    def run(self, data: ScriptInput) -> ScriptOutcome:
        """Run `data.scripts` in order; never raises for anything a script does."""
        import _quickjs  # type: ignore[import-not-found, unused-ignore]

        ctx = self._context()
        clock = self._clock
        assert clock is not None
        clock.limit(None)
        ctx.set("__pm_input", json.dumps(_input_json(data)))
        ctx.eval("__pm_begin()")
        failure = None
        try:
            failure = self._run_scripts(ctx, data)
        except _Timeout as exc:
            failure = ScriptFailure(str(exc.args[0]), str(exc.args[1]), None)
        clock.limit(None)
        try:
            raw = json.loads(ctx.eval("__pm_end()"))
        except _quickjs.JSException as exc:
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
            import _quickjs  # type: ignore[import-not-found, unused-ignore]  # deferred: only runs with scripts pay for the engine

            ctx = _quickjs.Context()
            ctx.set_memory_limit(_MEMORY_LIMIT)
            clock = _Clock(ctx)
            ctx.set("__lib_index", _module_index())
            if clock.native:  # modules are read on their first require(); libraries may call host.py
                ctx.add_callable("__lib_source", _module_source)
                ctx.add_callable("__host", _host_call)
            else:  # no call into Python under the wrapper's time limit: sources now, no host.py
                ctx.set("__lib_sources", json.dumps({name: _module_source(name) for name in _module_files()}))
            pad = "\n" * (_LIBRARY_LINE - 1)
            ctx.eval(pad + _library_source("require.js"))
            ctx.eval(pad + _library_source("pm.js"))
            self._ctx, self._clock, self._thread = ctx, clock, threading.get_ident()
        return self._ctx

    def _run_scripts(self, ctx: Any, data: ScriptInput) -> ScriptFailure | None:
        for index, (label, source) in enumerate(data.scripts):
            forbidden = _forbidden_syntax(source)
            if forbidden is not None:
                return ScriptFailure(label, forbidden[0], forbidden[1])
            budget = _Budget(label, data.timeout_ms)
            status = self._guarded(ctx, budget, f"__sandbox_loader.timers.exec({index})")
            status = self._event_loop(ctx, data, budget, status)
            if "error" in status:
                ctx.eval("__sandbox_loader.timers.reset()")
                error = status["error"]
                return ScriptFailure(label, error["message"], error.get("line"), error.get("hint"))
        return None

    def _event_loop(self, ctx: Any, data: ScriptInput, budget: _Budget, status: dict[str, Any]) -> dict[str, Any]:
        """Postman's end of a script: it is done when its pm.sendRequest calls and timers are.

        Immediates and timers already due run first (a request takes longer than no time at all),
        one callback per call; then queued requests are sent, each callback running as soon as
        its answer is in; then the loop sleeps until the next timer. Time spent sending does not
        count against the script's budget; time spent waiting for a timer does.
        """
        while "error" not in status:
            due = status.get("timer")
            if due is not None and float(due["in"]) <= _TIMER_NOW_MS:
                time.sleep(max(float(due["in"]), 0.0) / 1000)
                status = self._guarded(ctx, budget, "__sandbox_loader.timers.fire()")
                continue
            if status.get("pending"):
                status = self._send_pending(ctx, data, budget, status)
                continue
            if due is None:
                return status
            wait = max(float(due["in"]), 0.0) / 1000
            if wait > 0:
                if time.perf_counter() + wait > budget.deadline:
                    return {"error": {"message": _timer_message(due, data.timeout_ms), "line": due.get("line")}}
                time.sleep(wait)
            status = self._guarded(ctx, budget, "__sandbox_loader.timers.fire()")
        return status

    def _send_pending(self, ctx: Any, data: ScriptInput, budget: _Budget, status: dict[str, Any]) -> dict[str, Any]:
        """Performs queued pm.sendRequest calls, then runs their callbacks, until none are left."""
        while status.get("pending"):
            for entry in json.loads(ctx.eval("__pm_take()")):
                budget.sent += 1
                if budget.sent > _MAX_SEND_REQUESTS:
                    return {"error": {"message": f"more than {_MAX_SEND_REQUESTS} pm.sendRequest calls in one script", "line": None}}
                started = time.perf_counter()
                answer = _call_sender(data.send_request, entry["request"])
                budget.deadline += time.perf_counter() - started
                if "refused" in answer:  # not built (placeholder, missing token): the item's error, as for items
                    refused = answer["refused"]
                    return {"error": {"message": refused["message"], "line": entry["request"].get("line"),
                                      "hint": refused.get("hint")}}
                if "skipped" in answer:  # a dry run: nothing was sent, so there is nothing to call back with
                    status = self._guarded(ctx, budget, "__sandbox_loader.timers.status()")
                    continue
                ctx.set("__pm_answer", json.dumps(answer))
                status = self._guarded(ctx, budget, f"__sandbox_loader.timers.deliver({entry['id']}, __pm_answer)")
                if "error" in status:
                    return status
        return status

    def _guarded(self, ctx: Any, budget: _Budget, call: str) -> dict[str, Any]:
        """Evaluates one library call under the script's deadline, then runs queued promise jobs."""
        import _quickjs  # type: ignore[import-not-found, unused-ignore]

        clock = self._clock
        assert clock is not None
        clock.limit(budget.deadline)
        jobs = False
        try:
            status = json.loads(ctx.eval(call))
            while ctx.execute_pending_job():
                jobs = True
        except _quickjs.JSException as exc:
            text = str(exc)
            if "interrupted" in text.splitlines()[0]:
                raise _Timeout(budget.label, f"script timed out after {budget.timeout_ms} ms") from None
            return {"error": {"message": text.splitlines()[0], "line": None}}
        finally:
            clock.limit(None)
        if jobs and "error" not in status:
            # A promise job (e.g. a `.then` of pm.sendRequest) may have failed, sent or set a timer.
            status = json.loads(ctx.eval("__sandbox_loader.timers.status()"))
        return status


@dataclass
class _Budget:
    """One script's time: its body, callbacks and timer waits share `timeout_ms` of wall clock;
    time spent sending its pm.sendRequest calls moves the deadline on."""

    label: str
    timeout_ms: int
    deadline: float = 0.0
    sent: int = 0

    def __post_init__(self) -> None:
        self.deadline = time.perf_counter() + max(self.timeout_ms, 1) / 1000


def _timer_message(due: dict[str, Any], timeout_ms: int) -> str:
    what = f"{due['kind']}" + (f" (set at line {due['line']})" if due.get("line") else "")
    if due["kind"] == "setInterval":
        return f"{what} was never cleared: the script was still waiting for it after {timeout_ms} ms (--timeout-script)"
    return f"{what} would fire after the script's {timeout_ms} ms (--timeout-script)"


def _library_source(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def _module_files() -> tuple[str, ...]:
    lib = resources.files(__package__).joinpath("lib")
    return tuple(sorted(entry.name[:-3] for entry in lib.iterdir() if entry.name.endswith(".js")))


@functools.lru_cache(maxsize=1)
def _module_index() -> str:
    """lib/index.json plus the module file names, as JSON text for require.js."""
    index = json.loads(resources.files(__package__).joinpath("lib").joinpath("index.json").read_text(encoding="utf-8"))
    index["files"] = list(_module_files())
    return json.dumps(index)


@functools.lru_cache(maxsize=None)
def _module_source(name: str) -> str | None:
    if name not in _module_files():
        return None
    return resources.files(__package__).joinpath("lib").joinpath(f"{name}.js").read_text(encoding="utf-8")


def _host_call(name: str, args_json: str) -> str:
    from .host import call  # deferred: only scripts that use a Python-backed library import it

    return call(name, args_json)


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
        "info": data.info,
        "event_names": data.event_names,
    }


@functools.lru_cache(maxsize=512)
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
        cookie_changes=raw.get("cookie_changes") or [],
    )


_SYNTAX_CONTEXTS = threading.local()
_ERROR_LINE = re.compile(r"<input>:(\d+)")


def syntax_error(source: str) -> tuple[str, int | None] | None:
    """Compiles a script without running it (for `validate`): its SyntaxError and line, or None."""
    forbidden = _forbidden_syntax(source)
    if forbidden is not None:
        return forbidden
    import quickjs  # type: ignore[import-untyped]

    ctx = getattr(_SYNTAX_CONTEXTS, "ctx", None)
    if ctx is None:
        ctx = _SYNTAX_CONTEXTS.ctx = quickjs.Context()
        ctx.set_memory_limit(_MEMORY_LIMIT)
    ctx.set("__source", source)
    try:
        # the same wrapper as a run (pm.js): the script's first line is the wrapper's second
        ctx.eval("(0, eval)('(function () {\\n' + __source + '\\n})'); undefined")
    except quickjs.JSException as exc:
        text = str(exc)
        match = _ERROR_LINE.search(text)
        line = int(match.group(1)) - 1 if match else None
        return text.splitlines()[0], line if line and line > 0 else None
    return None


def module_available(name: str) -> bool:
    """Whether `require(name)` finds a module in the sandbox's library table (lib/)."""
    lib = resources.files(__package__).joinpath("lib")
    index = json.loads(lib.joinpath("index.json").read_text(encoding="utf-8"))
    name = name[5:] if name.startswith("node:") else name
    name = (index.get("aliases") or {}).get(name, name)
    return lib.joinpath(name.replace("/", "__") + ".js").is_file()
