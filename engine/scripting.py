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
    Record,
    Request,
    Url,
    as_text,
)
from .resolve import describe_url, split_raw
from .variables import SCOPE_ORDER, Scopes

if TYPE_CHECKING:
    from .scripts import ScriptFailure, ScriptOutcome


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class ScriptError(Record):
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
    hint = getattr(failure, "hint", None)
    if hint:
        pass
    elif "timed out" in failure.message:
        hint = "raise --timeout-script (milliseconds) or fix the loop"
    elif "not supported" in failure.message:
        hint = "postman-replay does not provide this; see the README's list of the pm API"
    return ScriptError(f"{where}: {failure.message}", hint)


# pm.sendRequest: (Postman-shaped request, the variables as the script left them so far, event) →
# the sandbox's answer ({"response"}, {"error"}, {"refused"} or {"skipped"}; see ScriptInput).
ScriptSender = Callable[[dict, Scopes, str], dict]


class ScriptStep:
    """Runs an item's scripts in a sandbox per thread (QuickJS contexts are not thread-safe)."""

    def __init__(self, collection: Collection, timeout_ms: int, send: ScriptSender | None) -> None:
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
             iteration: int, count: int, request: dict, response: dict | None, cookies: list[dict],
             url: str) -> "ScriptOutcome":
        from .scripts import ScriptInput

        given = script_layers(scopes)
        sender = self.send

        def send_request(payload: dict) -> dict:
            assert sender is not None
            return sender(payload.get("request") or {}, scopes_now(scopes, payload.get("scopes")), event)

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
                send_request=send_request if sender is not None else None,
                timeout_ms=self.timeout_ms,
                dynamic=dynamic_values(sources),
                event_names=event_names(located, self.collection, event),
                info=item_info(located, self.collection, url),
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
        from .variables import Renderer

        url = Renderer(scopes).render(before["url"])
        outcome = self._run("prerequest", sources, located, scopes, iteration, count, before, None, cookies, url)
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
                         response_dict(exchange), cookies, exchange.request.url)


def item_info(located: Located, collection: Collection, url: str) -> dict[str, Any]:
    """pm.info.requestId, the legacy request's description, pm.execution.location, the jar's URL.
    An item without an id gets a stable one from its place in the collection (Newman makes one up)."""
    import uuid

    item = located.item
    ident = item.id or str(uuid.uuid5(uuid.NAMESPACE_URL, f"{collection.name}/{item.pointer or located.path}"))
    return {
        "id": ident,
        "description": item.request.description or None,
        "location": [collection.name, *(f.name for f in located.folders), item.name],
        "url": url,
    }


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


def scopes_now(scopes: Scopes, snapshot: dict | None) -> Scopes:
    """The variables a script sees at the moment it calls pm.sendRequest, for resolving that request:
    its own changes so far included, the run's scopes left untouched."""
    if not snapshot:
        return scopes
    layers = {name: dict(snapshot.get(name, layer)) for name, layer in scopes.layers.items()}
    environment = snapshot.get("environment", {})
    # --env-var values reach scripts as environment variables; a script that changed one changed this
    layers["cli"] = {k: environment[k] for k in scopes.layers.get("cli", {}) if k in environment}
    return Scopes(layers=layers, secret_names=scopes.secret_names, compat=scopes.compat, loose=scopes.loose)


def _script_text(value: Any) -> str:
    """A value's text as the sandbox writes it back (null and undefined as "null", like Newman)."""
    return "null" if value is None else as_text(value)


def apply_scope_changes(scopes: Scopes, given: dict[str, dict[str, Any]], outcome: "ScriptOutcome") -> None:
    """Apply what the scripts changed, key by key: workers running other folders may be changing
    other keys of the same layers at the same time, and nothing else is overwritten.

    A script that sets or unsets an `--env-var` name through pm.environment changes that value
    too, as with Newman; names it left alone keep their file value underneath.
    """
    cli = scopes.layers.get("cli", {})
    for name, layer in scopes.layers.items():
        before = {k: _script_text(v) for k, v in given.get(name, {}).items()}
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


# ---------------------------------------------------------------- validate: scripts checked statically

# What `pm` offers (pm.js); any other member is reported, e.g. pm.vault or pm.require (package library).
PM_MEMBERS = frozenset("info environment globals collectionVariables iterationData variables request response "
                       "cookies test expect sendRequest execution visualizer".split())
PM_MEMBER = re.compile(r"(?<![\w$.])pm\s*\.\s*([A-Za-z_$][\w$]*)")
REQUIRE_CALL = re.compile(r"(?<![\w$.])require\s*\(\s*(['\"`])([^'\"`]+)\1\s*\)")
EVENT_WORDS = {"prerequest": "pre-request", "test": "test"}


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class ScriptProblem(Record):
    """Something a script would fail on at run time, found without running it."""

    owner: str  # "collection", "folder 'A/B'" or "item 'A/B/Get'"
    item_path: str | None  # the item's path when the script is an item's own
    event: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{EVENT_WORDS.get(self.event, self.event)} script of {self.owner}"
        return where + (f", line {self.line}" if self.line else "") + f": {self.message}"


def script_problems(collection: Collection) -> list[ScriptProblem]:
    """Every script compiled (syntax errors with their line) and scanned for what the sandbox does
    not provide: pm members it lacks (pm.vault) and require() of modules its library table lacks."""
    from .model import Folder
    from .scripts.sandbox import module_available, syntax_error

    out: list[ScriptProblem] = []

    def scan(owner: str, item_path: str | None, events: tuple) -> None:
        for script in events:
            if script.listen not in EVENT_WORDS:
                continue
            source = script.source
            failed = syntax_error(source)
            if failed is not None:
                out.append(ScriptProblem(owner, item_path, script.listen, failed[1], failed[0]))
                continue
            for match in PM_MEMBER.finditer(source):
                if match.group(1) not in PM_MEMBERS:
                    line = source.count("\n", 0, match.start()) + 1
                    out.append(ScriptProblem(owner, item_path, script.listen, line,
                                             f"pm.{match.group(1)} is not supported"))
            for match in REQUIRE_CALL.finditer(source):
                if not module_available(match.group(2)):
                    line = source.count("\n", 0, match.start()) + 1
                    out.append(ScriptProblem(owner, item_path, script.listen, line,
                                             f"require('{match.group(2)}') is not supported"))

    def visit(nodes: tuple, prefix: str) -> None:
        for node in nodes:
            path = f"{prefix}{node.name}"
            if isinstance(node, Folder):
                scan(f"folder '{path}'", None, node.events)
                visit(node.items, path + "/")
            else:
                scan(f"item '{path}'", path, node.events)

    scan("collection", None, collection.events)
    visit(collection.items, "")
    return out
