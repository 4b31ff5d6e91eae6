"""One item's pipeline: contract skip → pre-request script → resolve → send (with retries and
an OAuth 2.0 token when the auth needs one) → checks (examples, `--openapi`, contract) → test
script → ItemResult. Never raises for an item's problems: they become its outcome.
"""

from __future__ import annotations

import contextlib
import copy
import os
import threading
from dataclasses import replace
from typing import TYPE_CHECKING, Any, cast

from .auth import effective_auth
from .check import check_exchange, check_time
from .errors import InputError, ItemError, SendError
from .model import (
    CheckResult,
    Collection,
    CompatNote,
    Exchange,
    Item,
    ItemResult,
    Located,
    Outcome,
    Param,
    PreparedRequest,
    Request,
    ScriptRequest,
    outcome_of,
)
from .redact import Redactor
from .resolve import ResolveOptions, resolve
from .retry import retry_notes, send_with_retries
from .variables import Scopes

if TYPE_CHECKING:
    from .auth.grant import Grant, TokenCache
    from .runner import RunOptions
    from .scripting import ScriptError, ScriptStep
    from .scripts import ScriptFailure, ScriptOutcome
    from .send import Sender


def base_scopes(collection: Collection, options: RunOptions) -> Scopes:
    if options.compat:
        return _newman_scopes(collection, options)
    environment = [p for env in options.environments for p in env.values]
    globals_ = [p for env in options.globals_ for p in env.values] + _global_vars(options)
    return Scopes.build(
        cli=options.env_vars, environment=environment, collection=collection.variables, globals_=globals_
    )


def _newman_scopes(collection: Collection, options: RunOptions) -> Scopes:
    """--compat newman: Newman's precedence, and the `enabled: false` entries it applies."""
    layers = {"environment": options.environments, "globals": options.globals_}
    chosen = {name: [p for env in envs for p in (env.newman_values or env.values)] for name, envs in layers.items()}
    chosen["globals"] += _global_vars(options)
    scopes = Scopes.build(cli=options.env_vars, environment=chosen["environment"], collection=collection.variables,
                          globals_=chosen["globals"], compat=True)
    for name, envs in layers.items():
        enabled = {id(p) for env in envs for p in env.values}
        for param in chosen[name]:
            if id(param) not in enabled and scopes.layers[name].get(param.key) == (param.value or ""):
                scopes.loose.setdefault(name, {})[param.key] = param.value or ""
    return scopes


def _global_vars(options: RunOptions) -> list[Param]:
    """`--global-var KEY=VALUE`: globals over the globals files, as Newman applies them."""
    return [Param(key, value) for key, value in options.global_vars.items()]


class Pipeline:
    """What running one item needs: the collection, the options, variables, the sender (made on
    first use), the script step and the masking; `Runner` builds the run on top of it and the
    pytest plugin calls `execute` item by item."""

    def __init__(self, collection: Collection, options: "RunOptions", redactor: Redactor | None = None) -> None:
        self.collection = collection
        self.options = options
        self.scopes = base_scopes(collection, options)
        self.redactor = redactor or Redactor(show=options.show_secrets)
        self.redactor.learn(self.scopes.secret_values())
        self._tokens: TokenCache | None = None  # made when an item first needs an OAuth 2.0 grant's token
        self.resolve_options = ResolveOptions(
            working_dir=options.working_dir, allow_outside_files=options.allow_outside_files, insecure=options.insecure,
            follow_redirects=options.follow_redirects,
        )
        self._sender: Sender | None = None
        self._scripts: ScriptStep | None = None  # made for the first item that has a script
        self._stop = threading.Event()
        self._threads = threading.local()
        self._lock = threading.Lock()
        self._setters: dict[str, tuple[str, ...]] | None = None  # variable → scripts that set it

    def close(self) -> None:
        """Release the session's connections (the run closes it itself; the pytest plugin calls this)."""
        if self._sender is not None:
            self._sender.close()
            self._sender = None

    # ------------------------------------------------------------ one item

    @property
    def tokens(self) -> "TokenCache":
        """OAuth 2.0 tokens fetched for grant configurations, kept for the run; resolve reads them."""
        with self._lock:
            if self._tokens is None:
                from .auth.grant import TokenCache

                self._tokens = TokenCache()
                self.resolve_options = replace(self.resolve_options, tokens=self._tokens)
            return self._tokens

    @property
    def scripts(self) -> "ScriptStep":
        """The script step, imported and built for the first item that has a script."""
        with self._lock:
            if self._scripts is None:
                from .scripting import ScriptStep

                self._scripts = ScriptStep(self.collection, self.options.timeout_script_ms, self._script_send)
            return self._scripts

    def _has_scripts(self, located: Located, listen: str) -> bool:
        return any(script.listen == listen for script in (
            *self.collection.events, *(e for folder in located.folders for e in folder.events), *located.item.events))

    @property
    def sender(self) -> "Sender":
        with self._lock:
            if self._sender is None:
                from .send import Sender, SendOptions

                root = None
                if not self.options.allow_outside_files:
                    source = self.collection.source
                    if source is not None and not self.collection.schema_version.startswith("3"):
                        source = source.parent  # a v2.1 file's folder; a v3 collection is its own directory
                    root = self.resolve_options.working_dir or (str(source) if source is not None else os.curdir)
                self._sender = Sender(
                    SendOptions(
                        timeout_ms=self.options.timeout_request_ms,
                        insecure=self.options.insecure,
                        ca_cert=self.options.ca_cert,
                        client_cert=self.options.client_cert,
                        client_key=self.options.client_key,
                        client_key_passphrase=self.options.client_key_passphrase,
                        extra_ca_certs=self.options.extra_ca_certs,
                        client_cert_list=self.options.client_cert_list,
                        max_body_bytes=self.options.max_body_bytes,
                        pool_size=max(10, self.options.workers),
                        file_root=root,
                    )
                )
                for cookie in self.options.cookie_jar:  # --cookie-jar: what the run starts with
                    self._sender.session.cookies.set_cookie(copy.copy(cookie))
            return self._sender

    def folder_cookies(self, count: int) -> list[Any]:
        """--workers: one copy of the cookie jar per folder (send.CookieScope); none in a dry run."""
        if self.options.dry_run:
            return []
        return [self.sender.cookie_scope() for _ in range(count)]

    def using_cookies(self, scope: Any) -> Any:
        """A context in which this thread's items use `scope`'s jar (a no-op for None)."""
        return self.sender.using(scope) if scope is not None else contextlib.nullcontext()

    def merge_cookies(self, scopes: list[Any]) -> None:
        if scopes:
            self.sender.merge(scopes)

    def execute(self, located: Located, scopes: Scopes, iteration: int, count: int = 1) -> ItemResult:
        """Never raises for item problems: they become the result's outcome. A setNextRequest
        call has no run order to change here, so the result says it was ignored."""
        result, jump = self._execute(located, scopes, iteration, count)
        if jump is not ...:
            target = "null" if jump is None else f"'{jump}'"
            result = replace(result, notes=result.notes + (
                f"setNextRequest({target}) is ignored: each item runs on its own here",))
        return result

    def execute_step(self, located: Located, scopes: Scopes, iteration: int, count: int = 1) -> tuple[ItemResult, object]:
        """One item as a sequential run executes it (the load replay's users call this): the result,
        and the setNextRequest target (Ellipsis: carry on; None: end of the pass)."""
        return self._execute(located, scopes, iteration, count)

    def _execute(self, located: Located, scopes: Scopes, iteration: int, count: int) -> tuple[ItemResult, object]:
        """The result, and where a script asked the run to go next (Ellipsis: carry on). Under
        --compat newman the result carries what that mode let through, and an item whose
        pre-request script failed is sent all the same (it still ends as an error)."""
        self._threads.pre_failure = None
        self._threads.script_requests = []
        result, jump = self._execute_item(located, scopes, iteration, count)
        made = tuple(self._threads.script_requests)
        self._threads.script_requests = None
        if made:  # pm.sendRequest calls, under their item; in a dry run, which ones were not sent
            unsent = tuple(f"pm.sendRequest {m.request.method} {m.request.url} not sent in a dry run "
                           "(its callback did not run)" for m in made if m.request is not None and not m.sent
                           and not m.error)
            result = replace(result, script_requests=made, notes=result.notes + unsent)
        if not self.options.compat:
            return result, jump
        notes = result.request.compat if result.request is not None else ()
        failure: ItemResult | None = self._threads.pre_failure
        if failure is not None:
            notes += (CompatNote("prerequest-failed", located.path, "the pre-request script failed; the request "
                                 "was sent anyway, as Newman does"),)
            result = replace(result, outcome="error", error=failure.error if not result.error else
                             f"{failure.error}; {result.error}", hint=failure.hint or result.hint,
                             checks=result.checks)  # the pre-request tests are among them already
        return replace(result, compat=notes), jump

    def _execute_item(self, located: Located, scopes: Scopes, iteration: int, count: int) -> tuple[ItemResult, object]:
        path, name = located.path, located.item.name
        rule = self.options.contract.rule_for(path) if self.options.contract else None
        if rule is not None and rule.skip:
            return ItemResult(path, iteration, "skipped", notes=(f"skipped by contract: {rule.skip}",), name=name), ...
        if located.item.stub:
            try:
                located = Located(self._hydrator().item(located.item), located.folders)
            except InputError as exc:  # a large v3 collection's file is checked in full when it runs
                return ItemResult(path, iteration, "error", error=f"{exc.location}: {exc.message}", hint=exc.hint,
                                  name=name), ...
        pre = None
        if self._has_scripts(located, "prerequest"):
            located, pre = self.scripts.prerequest(located, scopes, iteration, count, self._cookies())
        console = tuple(pre.console) if pre else ()
        jump = pre.next_request if pre else ...
        # pm.test in a pre-request script is a check like any other (Newman counts it): never a silent pass
        pre_checks = tuple(_test_checks(pre)) if pre else ()
        unsent: Outcome = "failed" if any(c.counts_as_failure for c in pre_checks) else "skipped"
        if pre is not None:
            self._apply_cookie_changes(pre.cookie_changes)
        if pre is not None and pre.failure is not None:
            script_error = _describe_failure("pre-request", pre.failure)
            refused = ItemResult(path, iteration, "error", error=script_error.message, hint=script_error.hint,
                                 console=console, checks=pre_checks, name=name)
            if not self.options.compat:
                return refused, jump
            self._threads.pre_failure = refused  # --compat newman: sent all the same (see _execute)
        if pre is not None and pre.skip_request:
            return ItemResult(path, iteration, unsent, notes=("skipped by pm.execution.skipRequest()",),
                              console=console, checks=pre_checks, name=name), jump
        try:
            grant, fetched = self._fetch_token(located, scopes)
            prepared = resolve(located, self.collection, scopes, self.resolve_options)
            if fetched:
                prepared = replace(prepared, notes=prepared.notes + (fetched,))
        except ItemError as exc:
            stand_in = self._dry_run_stand_in(located, scopes, exc)
            if stand_in is None:
                return ItemResult(path, iteration, "error", error=exc.message, hint=self._setter_hint(exc, located),
                                  console=console, checks=pre_checks, name=name), jump
            prepared, grant = stand_in, None
        self.redactor.learn(prepared.secrets, prepared.secret_headers, prepared.secret_query)
        self.redactor.learn_headers(prepared.headers)
        if self.options.dry_run:
            return ItemResult(path, iteration, unsent, request=prepared, console=console, checks=pre_checks,
                              notes=prepared.notes + ("dry run: not sent",), name=name), jump
        if self.options.compat and (prepared.form is not None or prepared.body_file is not None):
            from .compat import without_missing_files

            prepared = without_missing_files(prepared)  # Newman leaves a missing file out and says so
        if self.options.send_only_to and not same_origin(prepared.url, self.options.send_only_to):
            return ItemResult(path, iteration, "skipped", request=prepared, console=console, name=name,
                              notes=prepared.notes + (
                                  f"--mock: not sent: {self.redactor.url(prepared.url)} does not reach the mock "
                                  "(--mock-passthrough sends it)",)), jump
        try:
            exchange = self._send_with_retries(prepared)
            if grant is not None and exchange.response.code == 401:  # the token may have been revoked: once more
                try:
                    self._fetch_token(located, scopes, stale=self.tokens.current(grant))
                    prepared = resolve(located, self.collection, scopes, self.resolve_options)
                except SendError:
                    raise
                except ItemError as exc:  # the endpoint refused to renew it: the item's error, with the 401 sent
                    raise SendError(f"the server answered 401 and {exc.message}", hint=exc.hint) from None
                prepared = replace(prepared, notes=prepared.notes + ("401 with the OAuth 2.0 token: fetched a new "
                                                                     "one and sent again",))
                self.redactor.learn(prepared.secrets, prepared.secret_headers, prepared.secret_query)
                exchange = self._send_with_retries(prepared)
        except SendError as exc:
            return ItemResult(
                path, iteration, "error", request=prepared, error=exc.message, hint=exc.hint, console=console,
                notes=prepared.notes, attempts=getattr(exc, "attempts", 1), name=name, checks=pre_checks,
            ), jump
        checks = list(pre_checks) + self._check(located, exchange, rule)
        error = None
        post = None
        if self._has_scripts(located, "test"):
            post = self.scripts.test(located, scopes, iteration, count, exchange, self._cookies())
        if post is not None:
            self._apply_cookie_changes(post.cookie_changes)
            checks += _test_checks(post)
            console += tuple(post.console)
            jump = post.next_request if post.next_request is not ... else jump
            if post.failure is not None:
                error = _describe_failure("test", post.failure)
        if pre is not None or post is not None:  # only scripts change variables mid-run
            self.redactor.learn(scopes.secret_values())
        outcome: Outcome = "error" if error else outcome_of(checks)
        return ItemResult(
            path,
            iteration,
            outcome,
            request=prepared,
            response=exchange.response,
            checks=tuple(checks),
            error=error.message if error else None,
            hint=error.hint if error else None,
            notes=prepared.notes + tuple(retry_notes(exchange)) + self._openapi_notes(located),
            console=console,
            attempts=exchange.attempts,
            name=name,
        ), jump

    def _dry_run_stand_in(self, located: Located, scopes: Scopes, exc: ItemError) -> PreparedRequest | None:
        """--dry-run: a variable only a script sets (a token a login test stores) has no value yet;
        the request is shown with a stand-in and a note instead of failing the item."""
        if not self.options.dry_run or not exc.missing or len(exc.problems) != 1:
            return None
        if self._setters is None:
            from .scripting import variables_set_by_scripts

            self._setters = variables_set_by_scripts(self.collection)
        if not set(exc.missing) <= set(self._setters):
            return None
        layers = dict(scopes.layers)
        layers["local"] = {**layers.get("local", {}), **{n: f"«{n}: set by a script at run time»" for n in exc.missing}}
        try:
            prepared = resolve(located, self.collection, Scopes(layers=layers, secret_names=scopes.secret_names,
                                                                compat=scopes.compat, loose=scopes.loose),
                               self.resolve_options)
        except ItemError:
            return None
        names = ", ".join(f"{{{{{n}}}}}" for n in exc.missing)
        return replace(prepared, notes=prepared.notes + (f"{names} set by a script at run time",))

    def _setter_hint(self, error: ItemError, located: Located) -> str | None:
        """An unresolved name that some other item's script sets: name that item, and how to make
        it run first (with --workers each folder starts from the variables as setup left them)."""
        if not error.missing:
            return error.hint
        if self._setters is None:
            from .scripting import variables_set_by_scripts

            self._setters = variables_set_by_scripts(self.collection)
        own = {f"item '{located.path}'"} | {f"folder '{'/'.join(f.name for f in located.folders[:n + 1])}'"
                                            for n in range(len(located.folders))}
        lines = []
        for name in error.missing:
            places = [p for p in self._setters.get(name, ()) if p not in own]
            top = f"'{located.folders[0].name}/" if located.folders else None
            nearby = [p for p in places if top and top in p]
            places = nearby or places  # a setter in the item's own folder is the one it was counting on
            if places:
                first = places[0]
                target = first.split("'")[1] if "'" in first else first
                how = (f"--setup '{target}'" if self.options.workers > 1
                       else f"--setup '{target}' (or run it before this item)")
                lines.append(f"{{{{{name}}}}} is set by a script of {', '.join(places)}, which has not run "
                             f"before this item: {how}")
        if not lines:
            return error.hint
        return "; ".join(lines) + (f"; {error.hint}" if error.hint else "")

    def _fetch_token(
        self, located: Located, scopes: Scopes, stale: str | None = None
    ) -> tuple[Grant | None, str | None]:
        """Fetch (or refresh) the OAuth 2.0 token the item's grant configuration needs, through send,
        before resolve reads it; its secrets are masked from here on. Not in a dry run: nothing is sent."""
        if self.options.dry_run:
            return None, None
        auth = effective_auth(located, self.collection.auth)
        if auth is None or auth.type != "oauth2":
            return None, None
        from .auth.grant import needed_grant

        grant = needed_grant(auth, scopes)
        if grant is None:
            return None, None
        self.redactor.learn(grant.secrets())
        token, note = self.tokens.ensure(grant, self.sender.send, stale=stale)
        self.redactor.learn({token.access_token, token.refresh_token})
        return grant, note

    def _hydrator(self) -> Any:
        """One per thread: each worker reads its folders from the file in order."""
        hydrator = getattr(self._threads, "hydrator", None)
        if hydrator is None and self.collection.schema_version.startswith("3"):
            from .load_v3 import V3Hydrator

            hydrator = self._threads.hydrator = V3Hydrator(self.collection)
        if hydrator is None:
            from .stream import Hydrator

            assert self.collection.source is not None
            hydrator = self._threads.hydrator = Hydrator(self.collection.source)
        return hydrator

    def _cookies(self) -> list[dict]:
        """The run's cookie jar as scripts read it (pm.cookies, pm.cookies.jar(), getResponseCookie)."""
        if self._sender is None:
            return []
        return [{"name": c.name, "value": c.value or "", "domain": c.domain.lstrip("."), "path": c.path or "/",
                 "secure": bool(c.secure), "httpOnly": c.has_nonstandard_attr("HttpOnly"),
                 "hostOnly": not c.domain_specified, "expires": c.expires}
                for c in list(cast(Any, self._sender.cookies))]

    def _apply_cookie_changes(self, changes: list[dict]) -> None:
        """pm.cookies.jar() set/unset/clear: into the session's jar, so later requests carry them."""
        if not changes:
            return
        jar: Any = self.sender.cookies
        for change in changes:
            cookie = change.get("cookie") or {}
            name, domain, path = str(cookie.get("name", "")), str(cookie.get("domain", "")), str(cookie.get("path") or "/")
            if change.get("op") == "set":
                jar.set(name, str(cookie.get("value", "")), domain=domain, path=path,
                        secure=bool(cookie.get("secure")), rest={"HttpOnly": None} if cookie.get("httpOnly") else {})
            else:
                for known in list(jar):
                    if known.name == name and known.domain.lstrip(".") == domain and (known.path or "/") == path:
                        jar.clear(known.domain, known.path, known.name)

    def _script_send(self, raw: dict, scopes: Scopes, event: str) -> dict:
        """pm.sendRequest: the script's Postman-shaped request is loaded, resolved and sent like an
        item (placeholders, variables, auth, masking, dry run), through the same session."""
        from .load import Reader, WrongShape

        record = self._script_requests()
        url = raw.get("url")
        shown = str(url.get("raw") if isinstance(url, dict) else url or "")
        try:
            request = Reader("pm.sendRequest").request(raw, "")
        except WrongShape as exc:
            message = f"pm.sendRequest: the request at {exc.pointer or 'the top level'}: {exc.message}"
            record.append(ScriptRequest(event, shown, error=message))
            return {"refused": {"message": message, "hint": "give pm.sendRequest a URL string or a request "
                                "object shaped as in a collection (url, method, header, body, auth)"}}
        located = Located(Item(name="pm.sendRequest", request=request))
        try:
            prepared = resolve(located, self._script_collection, scopes, self.resolve_options)
            _refuse_placeholders(request, prepared)
        except ItemError as exc:
            record.append(ScriptRequest(event, shown, error=exc.message))
            return {"refused": {"message": f"pm.sendRequest to {shown}: {exc.message}", "hint": exc.hint}}
        self.redactor.learn(prepared.secrets, prepared.secret_headers, prepared.secret_query)
        self.redactor.learn_headers(prepared.headers)
        if self.options.dry_run:
            record.append(ScriptRequest(event, shown, request=prepared))
            return {"skipped": "dry run"}
        try:
            exchange = self.sender.send(prepared)
        except SendError as exc:  # the script's callback gets it as `err`, as in Postman
            record.append(ScriptRequest(event, shown, request=prepared, error=exc.message, sent=True))
            return {"error": exc.message}
        record.append(ScriptRequest(event, shown, request=prepared, response=exchange.response, sent=True))
        from .scripting import response_dict

        return {"response": response_dict(exchange)}

    @property
    def _script_collection(self) -> Collection:
        """What a pm.sendRequest resolves against: the collection's settings, not its auth (a script's
        request carries its own, as in Postman)."""
        return replace(self.collection, auth=None, behavior=())

    def _script_requests(self) -> list[ScriptRequest]:
        found = getattr(self._threads, "script_requests", None)
        if found is None:
            found = self._threads.script_requests = []
        return found

    def _check(self, located: Located, exchange: Exchange, rule: Any) -> list[CheckResult]:
        expect = self.options.expect
        budget = self.options.max_response_time_ms
        schema = None
        if rule is not None:
            expect = rule.expect or expect
            budget = rule.max_time_ms if rule.max_time_ms is not None else budget
            # `schema` describes the success body; `schemas` others by code (Rule.schema_for)
            schema = rule.schema_for(exchange.response.code)
        operation = self.options.openapi.operation_for(located) if self.options.openapi else None
        if operation is not None and self.options.openapi is not None:  # the description replaces the examples
            checks = self.options.openapi.check(operation, exchange, expect, schema=schema)
            if budget is not None:
                checks.append(check_time(exchange, budget))
        else:
            checks = check_exchange(
                located.item.responses, exchange, expect, strict=self.options.strict, schema=schema, max_time_ms=budget
            )
        if rule is not None:
            checks = rule.apply(checks, exchange)
        return checks

    def _openapi_notes(self, located: Located) -> tuple[str, ...]:
        openapi = self.options.openapi
        if openapi is None or openapi.operation_for(located) is not None:
            return ()
        return (f"openapi: {openapi.why_unmapped(located)}; checked against its examples",)

    def _send_with_retries(self, prepared: PreparedRequest) -> Exchange:
        return send_with_retries(self.sender.send, prepared, self.options.retries, self._stop)


def same_origin(url: str, origin: str) -> bool:
    from urllib.parse import urlsplit

    a, b = urlsplit(url), urlsplit(origin)
    return (a.scheme, a.hostname, a.port) == (b.scheme, b.hostname, b.port)


def _refuse_placeholders(request: Request, prepared: PreparedRequest) -> None:
    """A script's request has no optional parameters: a `<placeholder>` that a collection's item
    would leave out (or a placeholder path segment) stops it, so no half-filled request goes out."""
    import re

    from .resolve import split_raw
    from .variables import is_placeholder

    segments = request.url.path if request.url.path is not None else split_raw(request.url.raw)[1]
    problems = [f"path segment {s} is a placeholder with no value" for s in segments if is_placeholder(s)]
    hints = ["put the value in the script" if problems else ""]
    for note in prepared.notes:
        left = re.match(r"left out (?:optional )?(.+?) \(placeholder (<[^>]*>); set it with (--env-var \S+)\)$", note)
        if left:
            problems.append(f"{left.group(1)} is a placeholder {left.group(2)} with no value")
            hints.append(left.group(3))
    if problems:
        raise ItemError("; ".join(problems), hint=" ".join(h for h in hints if h) +
                        " (a script's request has no optional parameters)")


def _test_checks(outcome: "ScriptOutcome") -> list[CheckResult]:
    from .scripting import test_checks

    return test_checks(outcome)


def _describe_failure(event: str, failure: "ScriptFailure") -> "ScriptError":
    from .scripting import describe_failure

    return describe_failure(event, failure)
