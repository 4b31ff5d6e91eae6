"""Load replay on Locust: the selected items as Locust users, each item going through the runner's own step.

Every simulated user owns a `Pipeline` (its own variables, cookies, connections and script sandbox)
and replays the selected items in collection order, pass after pass: resolve → send → check →
scripts, exactly as `run` does. Each item's result becomes one Locust request event named by the
item's slash path, timed by the Exchange; a failed check or an item error is a Locust failure.
Locust is imported only here, and only when a load run starts: importing it monkey-patches the
standard library for gevent, so a process that already has threads (a test session, a program
embedding the engine) gets the run in a fresh interpreter instead (`load_command`).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from importlib.util import find_spec
from typing import IO, TYPE_CHECKING, Any, Callable, Literal, Sequence

from .errors import InputError
from .model import Collection, ItemResult, Located
from .options import add_arguments, run_options

if TYPE_CHECKING:
    from .runner import RunOptions

INSTALL_HINT = 'pip install "postman-replay[load]"'
USER_CLASS = "CollectionUser"  # master and workers match users by class name
ITERATION_COUNT = 2**31 - 1  # pm.info.iterationCount in a load run: passes are unbounded
Role = Literal["local", "master", "worker"]


@dataclass(frozen=True)
class LoadOptions:
    """The shape of the load and the verdict; `RunOptions` holds everything an item needs."""

    users: int = 1
    spawn_rate: float = 1.0
    run_time_s: float | None = None
    think_time_ms: int = 0
    fail_ratio: float = 0.0
    p95_ms: float | None = None
    csv_prefix: str | None = None
    html_path: str | None = None
    role: Role = "local"
    expect_workers: int = 1
    master_bind_host: str = "*"
    master_bind_port: int = 5557
    master_host: str = "127.0.0.1"
    master_port: int = 5557


@dataclass(frozen=True)
class ItemStats:
    requests: int
    failures: int
    p50_ms: float
    p95_ms: float
    p99_ms: float


@dataclass(frozen=True)
class LoadOutcome:
    """What a load run measured, and why it fails (empty `problems`: it passed)."""

    exit_code: int
    requests: int
    failures: int
    items: dict[str, ItemStats] = field(default_factory=dict)
    problems: tuple[str, ...] = ()


class LoadFailure(Exception):
    """A Locust failure: the item's failed check or error, one stable line so Locust groups them."""


# ---------------------------------------------------------------- one simulated user


class UserReplay:
    """One simulated user: its own Pipeline and scopes; `step()` runs the next item and reports it.

    Variables that the user's scripts set (a login item's token) stay for that user's later items
    and passes; locals and data start fresh on every pass, as an iteration does in `run`.
    """

    def __init__(self, collection: Collection, selected: Sequence[Located], options: "RunOptions") -> None:
        from .pipeline import Pipeline

        self.selected = list(selected)
        self.runner = Pipeline(collection, options)
        self.position = 0
        self.iteration = 0
        self.scopes = self.runner.scopes.with_data({})

    def step(self, report: Callable[..., Any]) -> ItemResult:
        """Run the next item through the runner's step and hand its result to `report` (Locust's
        request event); setNextRequest is honoured within the user's pass."""
        from .runner import Runner

        located = self.selected[self.position]
        result, jump = self.runner.execute_step(located, self.scopes, self.iteration, ITERATION_COUNT)
        if result.outcome != "skipped":
            report(**request_event(result, self.runner.redactor.text))
        self.position = Runner._next_position(self.selected, self.position, jump)
        if self.position >= len(self.selected):
            self.position, self.iteration = 0, self.iteration + 1
            self.scopes = self.runner.scopes.with_data({})
        return result

    def close(self) -> None:
        self.runner.close()


def request_event(result: ItemResult, mask: Callable[[str], str]) -> dict[str, Any]:
    """Locust's request event for one item result: named by slash path, timed by the Exchange."""
    response = result.response
    failure = None
    if result.counts_as_failure:
        failure = LoadFailure(mask(failure_text(result)))
    return {
        "request_type": result.request.method if result.request is not None else "ITEM",
        "name": result.item,
        "response_time": response.time_ms if response is not None else 0.0,
        "response_length": response.size if response is not None else 0,
        "exception": failure,
        "context": {},
        "response": None,
    }


def failure_text(result: ItemResult) -> str:
    """Every failed check (first line of each), or the error: the same text each time, so Locust
    counts occurrences of one failure instead of listing each request."""
    if result.outcome == "error" or not result.failed_checks:
        return (result.error or result.outcome).splitlines()[0]
    return "; ".join(f"{c.name}: {(c.message.splitlines() or [''])[0]}" for c in result.failed_checks)


def user_class(collection: Collection, selected: Sequence[Located], options: "RunOptions",
               think_time_ms: int = 0) -> type:
    """A Locust `User` class replaying the items; importing Locust (and gevent's patching) happens here."""
    from locust import User, constant, task

    warm_up(collection, selected, options)

    def on_start(self: Any) -> None:
        self.replay = UserReplay(collection, selected, options)

    def on_stop(self: Any) -> None:
        replay = getattr(self, "replay", None)
        if replay is not None:
            replay.close()

    def step(self: Any) -> None:
        self.replay.step(self.environment.events.request.fire)

    namespace = {
        "wait_time": constant(think_time_ms / 1000),
        "on_start": on_start,
        "on_stop": on_stop,
        "step": task(step),
        "__module__": __name__,
        "__doc__": f"Replays {len(selected)} item(s) of '{collection.name}' in collection order.",
    }
    return type(USER_CLASS, (User,), namespace)


def warm_up(collection: Collection, selected: Sequence[Located], options: "RunOptions") -> None:
    """Pay the one-off costs before any user starts (the faker import behind `{{$random…}}`, the
    schema libraries, pre-request scripts' first compile): a gevent process is single-threaded, so
    paid in a user's first request they would stall every user and show up in the statistics."""
    from dataclasses import replace

    from .pipeline import Pipeline

    import importlib

    for name in ("genson", "fastjsonschema", "jsonschema"):  # what the checks infer and validate schemas with
        try:
            importlib.import_module(name)
        except ImportError:
            pass

    runner = Pipeline(collection, replace(options, dry_run=True))
    scopes = runner.scopes.with_data({})
    for located in selected:  # a dry run sends nothing; what its scripts set is thrown away with it
        runner.execute_step(located, scopes, 0)


def locust_user(argv: Sequence[str]) -> type:
    """The User class a generated locustfile declares: `argv` is `COLLECTION [options]` as the
    `load` command takes them (the Locust-side ones, users and run time, are Locust's own)."""
    parser = _parser("locustfile")
    args = parser.parse_args(list(argv))
    collection, options, selected = prepare(args)
    return user_class(collection, selected, options, args.think_time)


def locustfile_text(args: argparse.Namespace) -> str:
    """A short locustfile that builds the User class from the same arguments (no copied logic).

    Secret-looking `--env-var` values are not written into the file: it reads them from
    environment variables at start (`POSTMAN_REPLAY_<NAME>`), unless --show-secrets.
    """
    from .options import for_command
    from .variables import is_secret_name

    collection, _, selected = prepare(args)
    lines = [f"    {json.dumps(str(args.collection))},"]
    needed: list[str] = []
    for option in for_command("locustfile"):
        value = getattr(args, option.dest, None)
        if value in (None, False, [], "") or value == option.default:
            continue
        if option.action == "store_true":
            lines.append(f"    {json.dumps(option.long)},")
            continue
        for one in value if isinstance(value, list) else [value]:
            if option.long == "--env-var":
                key, text = one if not isinstance(one, str) else one.split("=", 1)
                if is_secret_name(key) and not args.show_secrets:
                    variable = "POSTMAN_REPLAY_" + "".join(c if c.isalnum() else "_" for c in key).upper()
                    needed.append(variable)
                    lines.append(f"    {json.dumps(option.long)}, {json.dumps(key + '=')} + os.environ[{json.dumps(variable)}],")
                    continue
                one = f"{key}={text}"
            lines.append(f"    {json.dumps(option.long)}, {json.dumps(str(one))},")
    secrets = f"Set {', '.join(needed)} in the environment first (secret values are not written here).\n" \
        if needed else ""
    return (
        f'"""Locust users replaying {len(selected)} item(s) of {json.dumps(collection.name)}, written by '
        "`postman-replay locustfile`.\n\n"
        "Each user replays the items in collection order through postman-replay's engine (variables,\n"
        "scripts, contract checks); a failed check is a Locust failure named by the item's path.\n"
        f"{secrets}"
        "Run: locust -f locustfile.py --headless --users 10 --spawn-rate 2 --run-time 1m\n"
        '(needs postman-replay[load] installed where Locust runs; paths are relative to that folder)\n"""\n\n'
        + ("import os\n\n" if needed else "")
        + "from engine.loadtest import locust_user\n\n"
        f"{USER_CLASS} = locust_user([\n" + "\n".join(lines) + "\n])\n"
    )


# ---------------------------------------------------------------- the command


def _parser(command: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"postman-replay {command}")
    parser.add_argument("collection")
    add_arguments(parser, command)
    return parser


def prepare(args: argparse.Namespace) -> tuple[Collection, "RunOptions", list[Located]]:
    """Load and select once, before any user starts; bad input raises InputError (exit 2)."""
    from dataclasses import replace

    from .load import load_collection
    from .select import select

    collection = load_collection(args.collection, collection=getattr(args, "collection_name", None))
    options = replace(run_options(vars(args)), keep_results=False)
    selected = select(collection, options.items, options.folders)
    if not selected:
        raise InputError("no item is selected", file=str(args.collection), title="nothing to load",
                         hint="check --item / --folder")
    return collection, options, selected


def load_options(args: argparse.Namespace) -> LoadOptions:
    if args.master and args.worker:
        raise InputError("--master and --worker exclude each other", file="--worker", title="cannot start",
                         hint="run the master and each worker as separate processes")
    role: Role = "master" if args.master else "worker" if args.worker else "local"
    return LoadOptions(
        users=args.users, spawn_rate=args.spawn_rate, run_time_s=args.run_time, think_time_ms=args.think_time,
        fail_ratio=args.fail_ratio, p95_ms=args.p95, csv_prefix=args.csv, html_path=args.html, role=role,
        expect_workers=args.expect_workers, master_bind_host=args.master_bind_host,
        master_bind_port=args.master_bind_port, master_host=args.master_host, master_port=args.master_port,
    )


def load_command(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    """`postman-replay load`: check the inputs here (exit 2 before anything starts), then run Locust
    in this process when nothing else runs in it, else in a fresh interpreter with the same values."""
    if not _locust_installed():
        raise InputError("Locust is not installed; the load command runs on it", file="load",
                         title="cannot start the load run", hint=INSTALL_HINT)
    settings = load_options(args)
    prepare(args)
    for path in (settings.html_path, settings.csv_prefix and settings.csv_prefix + "_stats.csv"):
        if path:
            _check_writable(path)
    if _patching_is_safe():
        return run_in_process(args, stdout, stderr)
    return _run_in_child(args, stdout, stderr)


def _locust_installed() -> bool:
    try:
        return find_spec("locust") is not None and find_spec("gevent") is not None
    except (ImportError, ValueError):
        return False


def _patching_is_safe() -> bool:
    """gevent's monkey-patching is sound at the start of a program: one thread, no ssl imported yet."""
    if "locust" in sys.modules:
        return True
    return threading.active_count() == 1 and "ssl" not in sys.modules


def _check_writable(path: str) -> None:
    from pathlib import Path

    target = Path(path)
    parent = next((p for p in target.parents if p.exists()), None)
    if target.is_dir() or (parent is not None and (not parent.is_dir() or not os.access(parent, os.W_OK))):
        raise InputError("cannot write this file", file=path, title="cannot write file",
                         hint="choose a file path in a folder you can write to")


def _run_in_child(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    """The same run in a fresh interpreter (`python -m engine.loadtest`), its output passed through."""
    values = json.dumps(vars(args))
    command = [sys.executable, "-m", "engine.loadtest"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [_package_root(), os.environ.get("PYTHONPATH")]))}
    child = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, encoding="utf-8", errors="backslashreplace", env=env)
    assert child.stdin is not None and child.stdout is not None and child.stderr is not None
    child.stdin.write(values)
    child.stdin.close()
    copiers = [threading.Thread(target=_copy, args=(child.stdout, stdout), daemon=True),
               threading.Thread(target=_copy, args=(child.stderr, stderr), daemon=True)]
    for copier in copiers:
        copier.start()
    try:
        code = child.wait()
    except KeyboardInterrupt:  # the child got the same Ctrl-C: it stops its users and prints what it has
        code = child.wait()
    for copier in copiers:
        copier.join()
    return code


def _package_root() -> str:
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _copy(source: IO[str], target: IO[str]) -> None:
    for line in source:
        target.write(line)
        target.flush()


def _child_main() -> int:
    """`python -m engine.loadtest`: the values of a parsed `load` command on standard input."""
    args = argparse.Namespace(**json.loads(sys.stdin.read()))
    try:
        return run_in_process(args, sys.stdout, sys.stderr)
    except InputError as exc:
        sys.stderr.write(exc.render() + "\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        return 130


# ---------------------------------------------------------------- Locust, in this process


def run_in_process(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    import locust  # noqa: F401  (first: gevent patches the standard library before anything else loads)

    settings = load_options(args)
    collection, options, selected = prepare(args)
    users = user_class(collection, selected, options, settings.think_time_ms)
    outcome = run_load(users, settings, options, stdout, stderr, host=_host(collection, options))
    return outcome.exit_code


def _host(collection: Collection, options: "RunOptions") -> str | None:
    from .runner import base_scopes

    return base_scopes(collection, options).get("baseUrl")


def run_load(users: type, settings: LoadOptions, options: "RunOptions", stdout: IO[str], stderr: IO[str],
             host: str | None = None) -> LoadOutcome:
    """Run Locust headless with `users` in the given role and print its statistics at the end."""
    import gevent  # type: ignore[import-untyped]
    from locust.env import Environment

    # a user's last item finishes before it stops, so every request the server saw is counted
    stop_timeout = options.timeout_request_ms / 1000 + 1
    environment = Environment(user_classes=[users], host=host, stop_timeout=stop_timeout, catch_exceptions=True)
    if settings.role == "worker":
        return _run_worker(environment, settings, stdout, stderr)
    if settings.role == "master":
        runner: Any = environment.create_master_runner(settings.master_bind_host, settings.master_bind_port)
    else:
        runner = environment.create_local_runner()
    peaks: dict[str, int] = {}
    environment.events.worker_report.add_listener(
        lambda client_id, data, **_: peaks.__setitem__(client_id, max(peaks.get(client_id, 0),
                                                                      int(data.get("user_count", 0)))))
    csv_writer = _csv_writer(environment, settings)
    from locust.stats import stats_history

    gevent.spawn(stats_history, runner)
    interrupted = False
    started = time.monotonic()
    try:
        if settings.role == "master":
            _wait_for_workers(runner, settings, stderr)
        started = time.monotonic()
        gevent.spawn(runner.start, settings.users, settings.spawn_rate)
        if settings.run_time_s is None:
            stderr.write("load: no --run-time, Ctrl-C stops the run\n")
        _wait(runner, settings.run_time_s)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        _stop(runner, settings, stop_timeout)
    elapsed = time.monotonic() - started
    if csv_writer is not None:
        gevent.sleep(1.1)  # Locust's CSV writer writes every second: one more pass holds the final numbers
        csv_writer.greenlet.kill(block=True)
        csv_writer.close_files()
    if settings.html_path:
        from locust.html import get_html_report

        from .atomic import write_atomic

        write_atomic(settings.html_path, get_html_report(environment, show_download_link=False))
    outcome = verdict(environment, runner, settings, interrupted)
    _print_report(environment, runner, outcome, settings, elapsed, peaks, stdout)
    for path in _written(settings):
        stderr.write(f"report written to {path}\n")
    return outcome


def _wait(runner: Any, run_time_s: float | None) -> None:
    """Until the run time is over (by the monotonic clock: gevent's loop clock can lag behind
    after the blocking start-up) or the runner ends on its own."""
    if run_time_s is None:
        runner.greenlet.join()
        return
    deadline = time.monotonic() + run_time_s
    while (left := deadline - time.monotonic()) > 0:
        if runner.greenlet.join(timeout=min(left, 0.5)):  # a gevent Group: True once it is empty
            return


def _csv_writer(environment: Any, settings: LoadOptions) -> Any:
    if not settings.csv_prefix:
        return None
    import gevent  # type: ignore[import-untyped]
    from locust.stats import PERCENTILES_TO_REPORT, StatsCSVFileWriter

    writer = StatsCSVFileWriter(environment, PERCENTILES_TO_REPORT, settings.csv_prefix, False)
    writer.greenlet = gevent.spawn(writer.stats_writer)  # type: ignore[attr-defined]
    return writer


def _written(settings: LoadOptions) -> list[str]:
    out = []
    if settings.csv_prefix:
        out += [f"{settings.csv_prefix}_{name}.csv" for name in ("stats", "stats_history", "failures", "exceptions")]
    if settings.html_path:
        out.append(settings.html_path)
    return out


def _wait_for_workers(runner: Any, settings: LoadOptions, stderr: IO[str]) -> None:
    import gevent  # type: ignore[import-untyped]

    said = -1
    while len(runner.clients.ready) < settings.expect_workers:
        ready = len(runner.clients.ready)
        if ready != said:
            stderr.write(f"load: waiting for workers: {ready} of {settings.expect_workers} connected "
                         f"(port {settings.master_bind_port})\n")
            stderr.flush()
            said = ready
        gevent.sleep(0.1)
    stderr.write(f"load: {settings.expect_workers} worker(s) connected, starting {settings.users} user(s)\n")


def _stop(runner: Any, settings: LoadOptions, stop_timeout: float) -> None:
    """Stop the users gracefully (each finishes its item), then collect the workers' last reports."""
    import gevent  # type: ignore[import-untyped]

    if settings.role != "master":
        runner.quit()
        return
    from locust.rpc import Message

    for client in list(runner.clients.all):
        runner.server.send_to_client(Message("quit", None, client.id))
    # each worker stops its users, sends its final statistics, then says it quit: wait for all of them
    deadline = time.monotonic() + stop_timeout + 5
    while len(runner.clients.all) and time.monotonic() < deadline:
        gevent.sleep(0.05)
    runner.quit()


def _run_worker(environment: Any, settings: LoadOptions, stdout: IO[str], stderr: IO[str]) -> LoadOutcome:
    runner = environment.create_worker_runner(settings.master_host, settings.master_port)
    peak = 0

    def on_spawned(user_count: int, **_: Any) -> None:
        nonlocal peak
        peak = max(peak, user_count)

    environment.events.spawning_complete.add_listener(on_spawned)
    sent: Counter[str] = Counter()  # the worker's statistics go to the master and are reset there: count here too

    def on_request(exception: Exception | None = None, **_: Any) -> None:
        sent["requests"] += 1
        sent["failures"] += exception is not None

    environment.events.request.add_listener(on_request)
    stderr.write(f"load: worker connecting to {settings.master_host}:{settings.master_port}\n")
    stderr.flush()
    try:
        runner.greenlet.join()
    except KeyboardInterrupt:
        runner.quit()
    environment.events.quitting.fire(environment=environment, reverse=True)  # tells the master this worker quit
    peak = max(peak, max(runner.user_classes_count.values(), default=0))
    stdout.write(f"worker: {peak} user(s), {sent['requests']} requests, {sent['failures']} failures "
                 "(the master's report has the statistics)\n")
    stdout.flush()
    return LoadOutcome(0, sent["requests"], sent["failures"])


# ---------------------------------------------------------------- verdict and report


def verdict(environment: Any, runner: Any, settings: LoadOptions, interrupted: bool = False) -> LoadOutcome:
    """Exit 1 when failures are above --fail-ratio, an item's p95 breaks --p95, a user raised,
    or nothing was sent at all; 130 when interrupted; 0 otherwise."""
    stats = environment.stats
    total = stats.total
    items = {
        entry.name: ItemStats(entry.num_requests, entry.num_failures,
                              entry.get_response_time_percentile(0.5), entry.get_response_time_percentile(0.95),
                              entry.get_response_time_percentile(0.99))
        for entry in stats.entries.values()
    }
    problems: list[str] = []
    if total.num_requests == 0:
        problems.append("no request completed")
    share = total.num_failures / total.num_requests if total.num_requests else 0.0
    if total.num_failures and share > settings.fail_ratio:
        problems.append(f"{total.num_failures} of {total.num_requests} requests failed ({share:.2%}), above "
                        f"--fail-ratio {settings.fail_ratio:.2%}")
    if settings.p95_ms is not None:
        for name, item in sorted(items.items()):
            if item.requests and item.p95_ms > settings.p95_ms:
                problems.append(f"{name}: p95 {item.p95_ms:.0f} ms is above --p95 {settings.p95_ms:g} ms")
    if runner.exceptions:
        problems.append(f"{sum(e['count'] for e in runner.exceptions.values())} internal error(s) in users")
    code = 130 if interrupted else (1 if problems else 0)
    return LoadOutcome(code, total.num_requests, total.num_failures, items, tuple(problems))


def _print_report(environment: Any, runner: Any, outcome: LoadOutcome, settings: LoadOptions, elapsed: float,
                  peaks: dict[str, int], stdout: IO[str]) -> None:
    from locust.stats import get_error_report_summary, get_percentile_stats_summary, get_stats_summary

    stats = environment.stats
    lines = get_stats_summary(stats, current=False) + [""] + get_percentile_stats_summary(stats) + [""]
    if stats.errors:
        lines += get_error_report_summary(stats)
    for exception in runner.exceptions.values():
        lines.append(f"internal error ({exception['count']}×): {exception['msg']}")
    if settings.role == "master":
        shares = ", ".join(f"{peaks[c]}" for c in sorted(peaks)) or "none reported"
        lines.append(f"workers: {len(peaks)} (peak users per worker: {shares})")
    rate = outcome.requests / elapsed if elapsed > 0 else 0.0
    status = "interrupted" if outcome.exit_code == 130 else "FAILED" if outcome.problems else "passed"
    lines.append(f"load: {outcome.requests} requests, {outcome.failures} failures in {elapsed:.1f} s "
                 f"({rate:.1f} req/s) — {status}")
    lines += [f"  ✗ {problem}" for problem in outcome.problems]
    stdout.write("\n".join(lines) + "\n")
    stdout.flush()


if __name__ == "__main__":
    sys.exit(_child_main())
