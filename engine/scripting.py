"""The runner's script step: model and scopes ⇄ the sandbox's plain data.

Pre-request scripts run before resolve and may change the request template and variables;
test scripts run after the checks and add their `pm.test` results as checks.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Callable

from .model import (
    Body,
    CheckResult,
    Collection,
    Exchange,
    Located,
    Param,
    PreparedRequest,
    Request,
    Url,
    as_text,
)
from .resolve import describe_url, split_raw
from .variables import SCOPE_ORDER, Scopes

if TYPE_CHECKING:
    from .scripts import ScriptFailure, ScriptOutcome


@dataclass(frozen=True)
class ScriptError:
    """A script that threw, timed out or used what the sandbox does not provide."""

    message: str
    hint: str | None = None


def script_sources(located: Located, collection: Collection, listen: str) -> list[tuple[str, str]]:
    """Postman's order: collection → folders (outermost first) → item."""
    out = [("collection", s.source) for s in collection.events if s.listen == listen]
    for folder in located.folders:
        out += [(f"folder '{folder.name}'", s.source) for s in folder.events if s.listen == listen]
    out += [(f"item '{located.item.name}'", s.source) for s in located.item.events if s.listen == listen]
    return out


SCRIPT_SETS = re.compile(
    r"(?:\.set|setEnvironmentVariable|setGlobalVariable)\(\s*['\"`]([^'\"`]+)['\"`]"
)


def variables_set_by_scripts(collection: Collection) -> dict[str, tuple[str, ...]]:
    """Variable name → the scripts that set it (`pm.environment.set('token', …)`), read from the
    source without running it: "the collection's scripts", "folder 'Login'", "item 'Login/Get token'"."""
    found: dict[str, list[str]] = {}

    def note(where: str, scripts: tuple[Any, ...]) -> None:
        for script in scripts:
            for name in SCRIPT_SETS.findall(script.source):
                places = found.setdefault(name, [])
                if where not in places:
                    places.append(where)

    note("the collection's scripts", collection.events)
    seen: set[int] = set()
    for located in collection.walk():
        for depth, folder in enumerate(located.folders):
            if id(folder) not in seen:
                seen.add(id(folder))
                note(f"folder '{'/'.join(f.name for f in located.folders[: depth + 1])}'", folder.events)
        note(f"item '{located.path}'", located.item.events)
    return {name: tuple(places) for name, places in found.items()}


def event_names(located: Located, collection: Collection, listen: str) -> list[str]:
    """pm.info.eventName of each script `script_sources` gives, in its order: the type a v3 file
    wrote (`http:beforeRequest` on a collection or folder, `beforeRequest` on a request, as the
    Postman CLI reports them), else `listen`."""
    scripts = [*collection.events, *(s for f in located.folders for s in f.events), *located.item.events]
    return [s.event_name or listen for s in scripts if s.listen == listen]


def describe_failure(event: str, failure: "ScriptFailure") -> ScriptError:
    where = f"{event} script of {failure.label}" + (f", line {failure.line}" if failure.line else "")
    hint = None
    if "timed out" in failure.message:
        hint = "raise --timeout-script (milliseconds) or fix the loop"
    elif "not supported" in failure.message:
        hint = "postman-replay does not provide this; see the README's list of the pm API"
    return ScriptError(f"{where}: {failure.message}", hint)


class ScriptStep:
    """Runs an item's scripts in a sandbox per thread (QuickJS contexts are not thread-safe)."""

    def __init__(self, collection: Collection, timeout_ms: int, send: Callable[[dict], dict] | None) -> None:
        self.collection = collection
        self.timeout_ms = timeout_ms
        self.send = send
        self._local = threading.local()

    def _sandbox(self) -> Any:
        sandbox = getattr(self._local, "sandbox", None)
        if sandbox is None:
            from .scripts import Sandbox

            sandbox = self._local.sandbox = Sandbox()
        return sandbox

    def _run(self, event: str, sources: list[tuple[str, str]], located: Located, scopes: Scopes,
             iteration: int, count: int, request: dict, response: dict | None, cookies: list[dict]) -> "ScriptOutcome":
        from .scripts import ScriptInput

        given = script_layers(scopes)
        outcome = self._sandbox().run(
            ScriptInput(
                event=event,  # type: ignore[arg-type]
                scripts=sources,
                item_name=located.item.name,
                item_path=located.path,
                iteration=iteration,
                iteration_count=count,
                request=request,
                response=response,
                scopes=given,
                precedence=list(SCOPE_ORDER),
                cookies=cookies,
                send_request=self.send,
                timeout_ms=self.timeout_ms,
                dynamic=dynamic_values(sources),
                event_names=event_names(located, self.collection, event),
            )
        )
        apply_scope_changes(scopes, given, outcome)
        return outcome

    def prerequest(self, located: Located, scopes: Scopes, iteration: int, count: int,
                   cookies: list[dict]) -> tuple[Located, "ScriptOutcome | None"]:
        sources = script_sources(located, self.collection, "prerequest")
        if not sources:
            return located, None
        before = template_dict(located.item.request)
        outcome = self._run("prerequest", sources, located, scopes, iteration, count, before, None, cookies)
        if outcome.failure is None and outcome.request != before:
            located = Located(replace(located.item, request=apply_changes(located.item.request, before,
                                                                           outcome.request)), located.folders)
        return located, outcome

    def test(self, located: Located, scopes: Scopes, iteration: int, count: int, exchange: Exchange,
             cookies: list[dict]) -> "ScriptOutcome | None":
        sources = script_sources(located, self.collection, "test")
        if not sources:
            return None
        return self._run("test", sources, located, scopes, iteration, count, prepared_dict(exchange.request),
                         response_dict(exchange), cookies)


DYNAMIC_IN_SCRIPT = re.compile(r"\{\{(\$[A-Za-z]+)\}\}")


def dynamic_values(sources: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Fresh values for the `{{$random…}}` names a script mentions (for `replaceIn`): the sandbox
    cannot call back into Python mid-script, so they are made beforehand, a few per mention."""
    from .dynamic import dynamic_value

    counts: dict[str, int] = {}
    for _, source in sources:
        for name in DYNAMIC_IN_SCRIPT.findall(source):
            counts[name] = counts.get(name, 0) + 1
    out: dict[str, list[str]] = {}
    for name, count in counts.items():
        values = [dynamic_value(name) for _ in range(min(4 * count, 64))]
        if values and values[0] is not None:
            out[name] = [v for v in values if v is not None]
    return out


def script_layers(scopes: Scopes) -> dict[str, dict[str, Any]]:
    """The scopes as scripts see them: typed values where they still stand for the current text,
    and `--env-var` values as environment variables, as with Newman (`pm.environment.get("baseUrl")`
    finds `--env-var baseUrl=…`)."""
    layers: dict[str, dict[str, Any]] = {}
    for name, layer in scopes.layers.items():
        values: dict[str, Any] = dict(layer)
        for key, (text, value) in list(scopes.typed.get(name, {}).items()):
            if values.get(key) == text:
                values[key] = value
        layers[name] = values
    cli = scopes.layers.get("cli")
    if cli:
        layers["environment"] = {**layers.get("environment", {}), **cli}
    return layers


def apply_scope_changes(scopes: Scopes, given: dict[str, dict[str, Any]], outcome: "ScriptOutcome") -> None:
    """Apply what the scripts changed, key by key: workers running other folders may be changing
    other keys of the same layers at the same time, and nothing else is overwritten.

    A script that sets or unsets an `--env-var` name through pm.environment changes that value
    too, as with Newman; names it left alone keep their file value underneath.
    """
    cli = scopes.layers.get("cli", {})
    for name, layer in scopes.layers.items():
        before = {k: as_text(v) for k, v in given.get(name, {}).items()}
        now = outcome.scopes.get(name)
        if now is None:
            continue
        typed = scopes.typed.setdefault(name, {})
        for key, value in (outcome.typed.get(name) or {}).items():
            typed[key] = (str(now.get(key, "")), value)
        if now == before:
            continue
        for key in before.keys() - now.keys():
            layer.pop(key, None)
            typed.pop(key, None)
            if name == "environment":
                cli.pop(key, None)
        for key, value in now.items():
            text = str(value)
            if before.get(key) != text:
                layer[key] = text
                if name == "environment" and key in cli:
                    cli[key] = text


def template_dict(request: Request) -> dict:
    body = request.body.raw if request.body is not None and request.body.mode == "raw" else None
    return {
        "method": request.method,
        "url": describe_url(request.url),
        "headers": [[p.key, p.value or ""] for p in request.headers],
        "body": body,
    }


def apply_changes(request: Request, before: dict, after: dict) -> Request:
    """Fold what a pre-request script changed back into the template; untouched parts stay as loaded."""
    changes: dict[str, Any] = {}
    if after.get("method") != before["method"]:
        changes["method"] = str(after.get("method") or "GET").upper()
    if after.get("url") != before["url"]:
        changes["url"] = _changed_url(request.url, str(after.get("url") or ""))
    if after.get("headers") != before["headers"]:
        described = {p.key.lower(): p.description for p in request.headers}
        changes["headers"] = tuple(
            Param(key=str(k), value=str(v), description=described.get(str(k).lower(), ""))
            for k, v in after.get("headers") or []
        )
    if after.get("body") != before["body"]:
        language = request.body.language if request.body is not None else None
        changes["body"] = Body(mode="raw", raw=str(after.get("body") or ""), language=language)
    return replace(request, **changes) if changes else request


def _changed_url(original: Url, raw: str) -> Url:
    """A URL a script rewrote, parsed like a loaded one; query parameters it kept keep their
    descriptions, so a `(Required)` placeholder still stops the item instead of being left out."""
    prefix, segments, query = split_raw(raw)
    described = {p.key: p.description for p in original.query}
    return Url(
        raw=raw,
        host=(prefix,) if prefix else None,
        path=tuple(segments),
        query=tuple(replace(q, description=described.get(q.key, "")) for q in query),
        variables=original.variables,
    )


def prepared_dict(prepared: PreparedRequest) -> dict:
    body = prepared.body.decode("utf-8", "replace") if prepared.body is not None else None
    return {"method": prepared.method, "url": prepared.url, "headers": [list(h) for h in prepared.headers],
            "body": body}


def response_dict(exchange: Exchange) -> dict:
    response = exchange.response
    return {
        "code": response.code,
        "status": response.reason,
        "headers": [list(h) for h in response.headers],
        "body": response.body.decode("utf-8", "replace"),
        "responseTime": round(response.time_ms, 3),
        "size": response.size,
    }


def test_checks(outcome: "ScriptOutcome") -> list[CheckResult]:
    """`pm.test` and legacy `tests[...]` results as checks, next to the contract checks."""
    checks = []
    for test in outcome.tests:
        message = test.name if test.passed or test.skipped or not test.message else f"{test.name} — {test.message}"
        checks.append(CheckResult("test", test.passed, message, skipped=test.skipped))
    return checks
