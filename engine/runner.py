"""The run: iterations, `--setup` items first, the rest in order or on the worker pool (`pool`),
events to the reporters. One item's steps live in `pipeline`, retries in `retry`.

The exit code is folded from results here, never decided by a reporter.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Iterable

from .atomic import write_atomic
from .check import Expect
from .events import (
    ItemFinished,
    ItemStarted,
    Reporter,
    RunFinished,
    RunStarted,
    Summary,
)
from .model import (
    OUTCOMES,
    Collection,
    Environment,
    ItemResult,
    Located,
    Param,
)
from .pipeline import Pipeline, base_scopes, same_origin
from .redact import Redactor
from .retry import IDEMPOTENT, RETRY_CODES
from .select import select
from .variables import Scopes

if TYPE_CHECKING:
    from .contract import Contract
    from .openapi import OpenApi

__all__ = ["IDEMPOTENT", "RETRY_CODES", "Pipeline", "RunOptions", "RunResult", "Runner", "base_scopes",
           "export_variables", "iterations", "run", "same_origin"]


@dataclass
class RunOptions:
    """Everything `run` accepts; the command line and the pytest plugin fill it the same way."""

    environments: tuple[Environment, ...] = ()
    globals_: tuple[Environment, ...] = ()
    env_vars: dict[str, str] = field(default_factory=dict)
    items: tuple[str, ...] = ()
    folders: tuple[str, ...] = ()
    iteration_data: list[dict[str, str]] | None = None
    iteration_count: int | None = None
    expect: Expect = field(default_factory=Expect)
    strict: bool = False
    timeout_request_ms: int = 30_000
    delay_request_ms: int = 0
    bail: bool = False
    insecure: bool = False
    ca_cert: str | None = None
    client_cert: str | None = None
    client_key: str | None = None
    dry_run: bool = False
    working_dir: str | None = None
    allow_outside_files: bool = False
    workers: int = 1
    retries: int = 0
    max_response_time_ms: float | None = None
    show_secrets: bool = False
    contract: "Contract | None" = None
    openapi: "OpenApi | None" = None  # --openapi: mapped items are checked against their operation
    timeout_script_ms: int = 5_000
    max_body_bytes: int = 10 * 1024 * 1024
    compat: str | None = None  # "newman": send what Newman sends where we refuse (see engine.compat)
    keep_results: bool = True  # False: memory stays flat however many items run (reporters stream)
    send_only_to: str | None = None  # `--mock`: an origin; requests aimed elsewhere are skipped, not sent
    setup: tuple[str, ...] = ()  # `--setup`: folders/items that run first, in order
    cookie_jar: tuple[Any, ...] = ()  # `--cookie-jar`: http.cookiejar cookies the run starts with
    global_vars: dict[str, str] = field(default_factory=dict)  # `--global-var`: over the globals files
    follow_redirects: bool = True  # False: `--ignore-redirects` (an item's protocolProfileBehavior still decides)
    client_key_passphrase: str | None = field(default=None, repr=False)  # `--ssl-client-passphrase`
    client_cert_list: tuple[Any, ...] = ()  # `--ssl-client-cert-list`: (patterns, cert, key, passphrase)
    extra_ca_certs: str | None = None  # `--ssl-extra-ca-certs`: trusted besides the usual (or --ca-cert's) CAs
    timeout_run_ms: int | None = None  # `--timeout`: the whole run's bound


@dataclass
class RunResult:
    """What `run` returns: the results (when kept), the counts, the variables as they ended."""

    results: list[ItemResult]
    summary: Summary
    scopes: Scopes
    redactor: Redactor
    interrupted: bool = False
    reporter_errors: list[str] = field(default_factory=list)
    timed_out: bool = False  # `--timeout` passed before every item had run
    cookies: list[Any] = field(default_factory=list)  # the run's jar as it ended (`--export-cookie-jar`)

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return 130
        return 0 if self.summary.ok and not self.reporter_errors and not self.timed_out else 1


def iterations(options: RunOptions) -> list[dict[str, str]]:
    rows = options.iteration_data or []
    count = options.iteration_count or (len(rows) if rows else 1)
    return [rows[i % len(rows)] if rows else {} for i in range(count)]


def run(
    collection: Collection | str | Path,
    options: RunOptions | None = None,
    reporters: Iterable[Reporter] = (),
    *,
    redactor: Redactor | None = None,
    **overrides: Any,
) -> RunResult:
    """Replay the selected items; returns every result. Raises InputError only before anything runs."""
    if not isinstance(collection, Collection):
        from .load import load_collection

        collection = load_collection(collection)
    options = replace(options or RunOptions(), **overrides)
    selected = select(collection, options.items, options.folders)
    return Runner(collection, options, list(reporters), redactor).run(selected)


class _Results:
    """Counts every result; keeps them only when asked, so a CLI run's memory does not grow with it."""

    def __init__(self, keep: bool) -> None:
        self.keep = keep
        self.kept: list[ItemResult] = []
        self.counts = dict.fromkeys(OUTCOMES, 0)

    def append(self, result: ItemResult) -> None:
        self.counts[result.outcome] += 1
        if self.keep:
            self.kept.append(result)

    def summary(self) -> Summary:
        return Summary.of_counts(self.counts)


class Runner(Pipeline):
    """A whole run: iterations, setup items, the worker pool, events to reporters, the summary.
    One item's steps are the `Pipeline`'s."""

    loop_limit = 10_000  # items per iteration before a setNextRequest loop is stopped (at least 100 per item)

    def __init__(
        self, collection: Collection, options: RunOptions, reporters: list[Reporter], redactor: Redactor | None = None
    ) -> None:
        super().__init__(collection, options, redactor)
        self.reporters = reporters
        self.reporter_errors: list[str] = []
        self._timed_out = False  # --timeout passed (set by its timer thread)

    # ------------------------------------------------------------ events

    def emit(self, event: object) -> None:
        """A reporter that fails (a closed pipe, a full disk) is dropped and named at the end;
        the run and the other reporters go on, and the exit code still says how the run went."""
        for reporter in list(self.reporters):
            try:
                reporter.handle(event)
            except Exception as exc:
                self.reporters.remove(reporter)
                abort = getattr(reporter, "abort", None)
                if abort is not None:
                    try:
                        abort()  # no half-written temporary file left behind
                    except Exception:
                        pass
                if not isinstance(exc, BrokenPipeError):  # a closed pipe (`| head`) is the reader's choice
                    self.reporter_errors.append(f"{type(reporter).__name__}: {type(exc).__name__}: {exc}")

    # ------------------------------------------------------------ the run

    def setup_items(self) -> list[Located]:
        """`--setup` and the contract's `setup:`: what runs first, in the order named."""
        names = tuple(self.options.setup) + (self.options.contract.setup if self.options.contract else ())
        if not names:
            return []
        from .select import select_setup

        return select_setup(self.collection, tuple(dict.fromkeys(names)))

    def run(self, selected: list[Located]) -> RunResult:
        """Every iteration: the setup items in order, then the rest (folders concurrently with
        `--workers`, each from the variables as setup left them)."""
        rows = iterations(self.options)
        setup = self.setup_items()
        chosen = {(loc.path, loc.item.pointer) for loc in setup}
        rest = [loc for loc in selected if (loc.path, loc.item.pointer) not in chosen]
        self.emit(
            RunStarted(
                collection=self.collection.name,
                source=str(self.collection.source) if self.collection.source else None,
                items=len(setup) + len(rest),
                iterations=len(rows),
                dry_run=self.options.dry_run,
                planned=tuple(located.path for located in [*setup, *rest]),
            )
        )
        results = _Results(self.options.keep_results)
        started = time.perf_counter()
        interrupted = False
        clock = self._start_run_timeout()
        try:
            for index, row in enumerate(rows):
                scopes = self.scopes.with_data(row)
                if setup:
                    self._run_sequential(setup, scopes, index, len(rows), results)
                if self._stop.is_set():
                    break
                if self.options.workers > 1 and not self.options.dry_run:
                    self._run_parallel(rest, scopes, index, len(rows), results, after_setup=bool(setup))
                else:
                    self._run_sequential(rest, scopes, index, len(rows), results, after_setup=bool(setup))
                if self._stop.is_set():
                    break
        except KeyboardInterrupt:
            interrupted = True
            self._stop.set()
        except Exception:
            # an internal fault: the report files still get the results so far, then it propagates
            self._stop.set()
            self._finish(results, started, interrupted=True)
            raise
        finally:
            if clock is not None:
                clock.cancel()
            cookies = list(self._sender.cookie_list() if self._sender is not None else self.options.cookie_jar)
            if self._sender is not None:
                self._sender.close()
        summary = self._finish(results, started, interrupted)
        return RunResult(results.kept, summary, self.scopes, self.redactor, interrupted, self.reporter_errors,
                         timed_out=self._timed_out, cookies=cookies)

    def _start_run_timeout(self) -> "threading.Timer | None":
        """--timeout: when it passes, no further item starts (the one in flight ends within its own
        request timeout); what never ran is reported as such and the run exits 1."""
        if not self.options.timeout_run_ms:
            return None

        def time_up() -> None:
            self._timed_out = True
            self._stop.set()

        clock = threading.Timer(self.options.timeout_run_ms / 1000, time_up)
        clock.daemon = True
        clock.start()
        return clock

    def _finish(self, results: "_Results", started: float, interrupted: bool) -> Summary:
        summary = results.summary()
        self.emit(
            RunFinished(summary, tuple(results.kept), (time.perf_counter() - started) * 1000, interrupted=interrupted,
                        stopped_by="Ctrl-C" if interrupted else "--timeout" if self._timed_out
                        else ("--bail" if self._stop.is_set() else None),
                        environment=tuple({**self.scopes.layers["environment"], **self.scopes.layers["cli"]}.items()),
                        globals_=tuple(self.scopes.layers["globals"].items()))
        )
        return summary

    def _run_sequential(
        self, selected: list[Located], scopes: Scopes, iteration: int, count: int, results: "_Results",
        *, after_setup: bool = False,
    ) -> None:
        position, steps = 0, 0
        limit = max(self.loop_limit, 100 * len(selected))  # setNextRequest loops need an exit; this is the backstop
        while position < len(selected) and steps < limit:
            located = selected[position]
            if (steps or iteration or after_setup) and self.options.delay_request_ms:  # between items, iterations
                self._stop.wait(self.options.delay_request_ms / 1000)
            steps += 1
            self.emit(ItemStarted(located.path, iteration))
            result, jump = self._execute(located, scopes, iteration, count)
            results.append(result)
            self.emit(ItemFinished(result))
            if self.options.bail and result.counts_as_failure:
                self._stop.set()
            if self._stop.is_set():
                return
            position = self._next_position(selected, position, jump)
        if position < len(selected):  # the backstop stopped a setNextRequest loop: say so, never a silent pass
            located = selected[position]
            result = ItemResult(located.path, iteration, "error", name=located.item.name,
                                error=f"setNextRequest loop stopped after {steps} items in one iteration",
                                hint="give the loop an exit: pm.execution.setNextRequest(null) or a counter")
            self.emit(ItemStarted(located.path, iteration))
            results.append(result)
            self.emit(ItemFinished(result))

    @staticmethod
    def _next_position(selected: list[Located], position: int, jump: object) -> int:
        """setNextRequest(name or id) jumps; setNextRequest(null) ends the iteration."""
        if jump is ...:
            return position + 1
        if jump is None:
            return len(selected)
        for index, located in enumerate(selected):
            if jump in (located.item.name, located.item.id, located.path):
                return index
        return len(selected)

    def _run_parallel(
        self, selected: list[Located], scopes: Scopes, iteration: int, count: int, results: "_Results",
        *, after_setup: bool = False,
    ) -> None:
        """Folders run concurrently from one snapshot of the variables; see `pool`."""
        from .pool import PoolSettings, folder_key, run_folders

        keys = list(dict.fromkeys(folder_key(located) for located in selected))
        jars = dict(zip(keys, self.folder_cookies(len(keys))))  # cookies, like variables, per folder

        def execute(located: Located, folder_scopes: Scopes) -> tuple[ItemResult, object]:
            with self.using_cookies(jars.get(folder_key(located))):
                return self._execute(located, folder_scopes, iteration, count)

        def publish(located: Located, result: ItemResult) -> None:
            self.emit(ItemStarted(located.path, iteration))
            results.append(result)
            self.emit(ItemFinished(result))

        settings = PoolSettings(self.options.workers, self.options.delay_request_ms, self.options.bail,
                                first_iteration=iteration == 0 and not after_setup)
        try:
            run_folders(selected, scopes, execute, publish, self._stop, settings)
        finally:
            self.merge_cookies([jars[key] for key in keys if key in jars])


def export_variables(
    path: str | Path,
    name: str,
    values: dict[str, str],
    scope: str = "environment",
    secret: Iterable[str] = (),
    disabled: Iterable[Param] = (),
    *,
    stdout: IO[str] | None = None,
) -> None:
    """Write a Postman environment/globals export (see `atomic`: temporary file then rename,
    symlinks followed, pipes written through, `-` is stdout). Variables that were `secret` keep
    that type, and a file holding any secret is 0600; disabled entries of the files read are
    written back disabled, so `-e env.json --export-environment env.json` loses nothing."""
    from .variables import is_secret_name

    secret = set(secret)
    entries = [{"key": k, "value": v, "type": "secret" if k in secret else "default", "enabled": True}
               for k, v in values.items()]
    entries += [{"key": p.key, "value": p.value or "", "type": p.type or "default", "enabled": False}
                for p in disabled if p.key not in values]
    document = {"name": name, "values": entries, "_postman_variable_scope": scope}
    holds_secrets = any(e["type"] == "secret" or is_secret_name(str(e["key"])) for e in entries)
    write_atomic(path, json.dumps(document, indent=2, ensure_ascii=False) + "\n", secret=holds_secrets, stdout=stdout)
