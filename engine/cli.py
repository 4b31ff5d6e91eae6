"""The command line: a thin layer over the library. `main(argv, stdout, stderr) -> int`.

Exit codes: 0 every executed item passed; 1 an item failed or errored; 2 the run could not start;
130 interrupted. Heavy modules are imported inside the commands so `--version` stays fast.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
from enum import IntEnum
from typing import IO, Any, Sequence

from . import __version__


class ExitCode(IntEnum):
    OK = 0
    FAILED = 1
    BAD_INPUT = 2
    INTERRUPTED = 130


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so `main` owns every exit code and stream."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(message, self)


class _UsageError(Exception):
    def __init__(self, message: str, parser: argparse.ArgumentParser) -> None:
        super().__init__(message)
        self.parser = parser


def _key_value(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got '{text}'")
    return key.strip(), value


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got '{text}'") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a number ≥ 0, got '{text}'")
    return value


def _at_least_one(text: str) -> int:
    value = _positive(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number ≥ 1, got '{text}'")
    return value


def _port(text: str) -> int:
    value = _positive(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"a port is 0 to 65535, got '{text}'")
    return value


def _variables_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-e", "--environment", action="append", default=[], metavar="FILE",
                        help="Postman environment export or flat YAML/JSON mapping; repeatable, later wins")
    parser.add_argument("-g", "--globals", action="append", default=[], metavar="FILE",
                        help="Postman globals export or flat mapping")
    parser.add_argument("--env-var", action="append", default=[], type=_key_value, metavar="KEY=VALUE",
                        help="set or override a variable (wins over data files and environments); repeatable")
    parser.add_argument("--working-dir", metavar="DIR", help="where formdata/file `src` paths are resolved")
    parser.add_argument("--allow-outside-files", action="store_true",
                        help="allow `src` paths outside the working directory")
    parser.add_argument("--show-secrets", action="store_true", help="do not mask secrets in any output")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="postman-replay", description="Replay Postman collection items and check "
                     "every response against the responses the collection documents.")
    parser.add_argument("--version", action="version", version=f"postman-replay {__version__}")
    parser.add_argument("--debug", action="store_true", help="show Python tracebacks for internal errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    run = commands.add_parser("run", help="replay items, check contracts, exit 0/1/2")
    run.add_argument("collection", metavar="COLLECTION")
    _variables_options(run)
    run.add_argument("--item", action="append", default=[], metavar="NAME",
                     help="only items whose name or slash path (Folder/Item) matches; repeatable")
    run.add_argument("--folder", action="append", default=[], metavar="NAME", help="only items under this folder")
    run.add_argument("-d", "--iteration-data", metavar="FILE", help="CSV or JSON rows, one iteration each")
    run.add_argument("-n", "--iteration-count", type=_at_least_one, metavar="N")
    run.add_argument("--expect", default="documented", metavar="POLICY",
                     help="documented (default), success, or codes like 204,404 or 2xx")
    run.add_argument("--strict", action="store_true", help="items that document no responses fail")
    run.add_argument("--timeout-request", type=_positive, default=30_000, metavar="MS")
    run.add_argument("--delay-request", type=_positive, default=0, metavar="MS")
    run.add_argument("--bail", action="store_true", help="stop after the first failed or errored item")
    run.add_argument("-k", "--insecure", action="store_true", help="do not verify TLS certificates")
    run.add_argument("--ssl-client-cert", metavar="FILE")
    run.add_argument("--ssl-client-key", metavar="FILE")
    run.add_argument("--ca-cert", metavar="FILE", help="CA bundle for servers with a private CA")
    run.add_argument("--dry-run", action="store_true", help="resolve and print every request, send nothing")
    run.add_argument("-r", "--reporters", default="cli", metavar="LIST", help="cli,json,junit (default cli)")
    run.add_argument("--reporter-json-export", metavar="PATH")
    run.add_argument("--reporter-junit-export", metavar="PATH")
    run.add_argument("--export-environment", metavar="PATH", help="write the environment as it stands after the run")
    run.add_argument("--export-globals", metavar="PATH", help="write the globals as they stand after the run")
    run.add_argument("--mock", action="store_true",
                     help="serve this collection's documented examples on a free loopback port and point baseUrl at it")
    run.add_argument("--workers", type=_positive, default=1, metavar="N", help="run folders concurrently")
    run.add_argument("--retries", type=_positive, default=0, metavar="N",
                     help="retry transport errors and 502/503/504 on idempotent methods")
    run.add_argument("--contract", metavar="FILE", help="per-item expectations, schemas, budgets, known failures")
    run.add_argument("--openapi", metavar="FILE",
                     help="check each response against the OpenAPI 3.0/3.1 operation its item maps to")
    run.add_argument("--max-response-time", type=_positive, metavar="MS", help="response-time budget for every item")
    run.add_argument("--timeout-script", type=_positive, default=5_000, metavar="MS")
    run.add_argument("-v", "--verbose", action="store_true", help="show request headers and bodies")
    run.add_argument("--color", choices=("auto", "on", "off"), default="auto")

    listing = commands.add_parser("list", help="tree of folders and items: method, URL, documented codes")
    listing.add_argument("collection", metavar="COLLECTION")

    curl = commands.add_parser("curl", help="print the fully resolved request as a curl command")
    curl.add_argument("collection", metavar="COLLECTION")
    curl.add_argument("--item", required=True, action="append", metavar="NAME")
    curl.add_argument("--format", choices=("curl", "python"), default="curl")
    curl.add_argument("-k", "--insecure", action="store_true")
    _variables_options(curl)

    validate = commands.add_parser("validate", help="schema and resolvability check, no network; exit 0/2")
    validate.add_argument("collection", metavar="COLLECTION")
    validate.add_argument("--openapi", metavar="FILE",
                          help="also list items that map to no operation and operations no item covers")
    _variables_options(validate)

    mock = commands.add_parser("mock", help="serve the documented example responses on 127.0.0.1")
    mock.add_argument("collection", metavar="COLLECTION")
    mock.add_argument("--port", type=_port, default=0, metavar="N", help="0 (default) picks a free port")
    mock.add_argument("--host", default="127.0.0.1")
    return parser


def main(argv: Sequence[str] | None = None, stdout: IO[str] | None = None, stderr: IO[str] | None = None) -> int:
    stdout = stdout or _tolerant(sys.stdout)
    stderr = stderr or _tolerant(sys.stderr)
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    debug = "--debug" in args_list
    try:
        # --help and --version print through argparse: send them to the streams we were given
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            args = parser.parse_args(args_list)
    except _UsageError as exc:
        exc.parser.print_usage(stderr)
        stderr.write(f"error: {exc}\n")
        return ExitCode.BAD_INPUT
    except SystemExit as exc:  # --help, --version
        return int(exc.code or 0)
    if not args.command:
        parser.print_help(stdout)
        return ExitCode.BAD_INPUT
    from .errors import InputError, ReplayError

    try:
        return _COMMANDS[args.command](args, stdout, stderr)
    except InputError as exc:
        stderr.write(exc.render() + "\n")
        return ExitCode.BAD_INPUT
    except ReplayError as exc:
        stderr.write(f"error: {exc.message}\n" + (f"  hint: {exc.hint}\n" if exc.hint else ""))
        return ExitCode.FAILED
    except KeyboardInterrupt:
        stderr.write("interrupted\n")
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        return ExitCode.OK
    except Exception as exc:
        if debug:
            raise
        stderr.write(f"internal error: {type(exc).__name__}: {exc}\n  rerun with --debug for a traceback, "
                     "and please report it\n")
        return ExitCode.FAILED


# ---------------------------------------------------------------- helpers shared by commands


def _tolerant(stream: IO[str]) -> IO[str]:
    """A terminal that cannot show ✓ or an item's name gets an escape, not a crash mid-report."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        try:
            reconfigure(errors="backslashreplace")
        except (ValueError, OSError):
            pass
    return stream


def _load_inputs(
    args: argparse.Namespace, *, full_schema: bool = False, stream: bool | None = False
) -> tuple[Any, Any]:
    from .load import load_collection, load_environment
    from .runner import RunOptions

    collection = load_collection(args.collection, full_schema=full_schema, stream=stream)
    options = RunOptions(
        environments=tuple(load_environment(p) for p in args.environment),
        globals_=tuple(load_environment(p, what="globals file") for p in args.globals),
        env_vars=dict(args.env_var),
        working_dir=args.working_dir,
        allow_outside_files=args.allow_outside_files,
        show_secrets=args.show_secrets,
        insecure=getattr(args, "insecure", False),
    )
    return collection, options


def _check_writable(path: str) -> None:
    from pathlib import Path

    from .atomic import STDOUT, writes_through
    from .errors import InputError

    if path == STDOUT or writes_through(path):
        return  # standard output, a pipe or a device: written through, nothing is created beside it
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    if target.is_dir():
        raise InputError("is a folder; a report or export needs a file path", file=path, title="cannot write file",
                         hint=f"give a file name, e.g. {target / 'report.json'}")
    parent = next((p for p in target.parents if p.exists()), None)
    if parent is not None and (not parent.is_dir() or not os.access(parent, os.W_OK)):
        raise InputError(f"cannot create or write in {parent}", file=path, title="cannot write file",
                         hint="choose a folder you can write to")


def _use_color(choice: str, stream: IO[str]) -> bool:
    if choice != "auto":
        return choice == "on"
    return "NO_COLOR" not in os.environ and hasattr(stream, "isatty") and stream.isatty()


# ---------------------------------------------------------------- run


def cmd_run(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    from dataclasses import replace

    from .check import Expect
    from .redact import Redactor
    from .reporters import make_reporters
    from .runner import export_variables, run
    from .select import select

    collection, options = _load_inputs(args, stream=None if not args.mock else False)
    rows = None
    if args.iteration_data:
        from .data import load_iteration_data

        rows = load_iteration_data(args.iteration_data)
    contract = None
    if args.contract:
        from .contract import load_contract

        contract = load_contract(args.contract)
    openapi = None
    if args.openapi:
        from .openapi import load_openapi

        openapi = load_openapi(args.openapi)
    options = replace(
        options,
        items=tuple(args.item),
        folders=tuple(args.folder),
        iteration_data=rows,
        iteration_count=args.iteration_count,
        expect=Expect.parse(args.expect),
        strict=args.strict,
        timeout_request_ms=args.timeout_request or 30_000,
        delay_request_ms=args.delay_request,
        bail=args.bail,
        ca_cert=args.ca_cert,
        client_cert=args.ssl_client_cert,
        client_key=args.ssl_client_key,
        dry_run=args.dry_run,
        workers=max(1, args.workers),
        retries=args.retries,
        max_response_time_ms=args.max_response_time,
        contract=contract,
        openapi=openapi,
        timeout_script_ms=args.timeout_script,
        keep_results=False,  # reporters stream; memory stays flat however long the run
    )
    for path in (args.ca_cert, args.ssl_client_cert, args.ssl_client_key):
        if path and not os.path.isfile(path):
            from .errors import InputError

            raise InputError("file not found", file=path, hint="check the path", title="cannot read TLS file")
    select(collection, options.items, options.folders)  # bad selectors exit 2 before anything starts
    if contract is not None:
        for key in contract.unused([located.path for located in collection.walk()]):
            stderr.write(f"note: contract rule '{key}' matches no item of the collection\n")
    if openapi is not None:
        coverage = openapi.coverage(select(collection, options.items, options.folders))
        stderr.write(coverage.line + "\n")
    names = [n.strip() for n in args.reporters.split(",") if n.strip()]
    # an export path says which report is wanted: asking for it twice is not needed
    for name, path in (("json", args.reporter_json_export), ("junit", args.reporter_junit_export)):
        if path and name not in names:
            names.append(name)
    for path in (args.reporter_json_export, args.reporter_junit_export, args.export_environment,
                 args.export_globals):
        if path:
            _check_writable(path)  # before anything is sent, not after the whole run
    redactor = Redactor(show=args.show_secrets)
    reporters = make_reporters(
        names, redactor, stdout, json_path=args.reporter_json_export, junit_path=args.reporter_junit_export,
        color=_use_color(args.color, stdout), verbose=args.verbose,
    )
    server = None
    injected: set[str] = set()
    if args.mock:
        from .mock import MockServer, mock_base_path

        server = MockServer(collection, base_path=mock_base_path(collection)).start()
        stderr.write(f"mock server for this collection at {server.url}\n")
        if "baseUrl" in options.env_vars:
            stderr.write(f"warning: --mock: baseUrl is set with --env-var, so requests go to "
                         f"{options.env_vars['baseUrl']}, not to the mock\n")
        else:
            options.env_vars = {**options.env_vars, "baseUrl": server.url}
            injected.add("baseUrl")
        from .resolve import describe_url

        chosen = select(collection, options.items, options.folders)
        if chosen and not any("{{baseUrl}}" in describe_url(loc.item.request.url) for loc in chosen):
            stderr.write("warning: --mock: no selected item uses {{baseUrl}}, so their requests go to the "
                         "URLs they name, not to the mock\n")
    try:
        result = run(collection, options, reporters, redactor=redactor)
    finally:
        if server is not None:
            server.stop()
    for problem in result.reporter_errors:
        stderr.write(f"error: a reporter failed, its output is incomplete: {problem}\n")
    failed = {problem.split(":", 1)[0] for problem in result.reporter_errors}
    for reporter in reporters:
        if getattr(reporter, "path", None) not in (None, "-") and type(reporter).__name__ not in failed:
            stderr.write(f"report written to {reporter.path}\n")
    if args.export_environment:
        cli_values = {k: v for k, v in result.scopes.layers["cli"].items() if k not in injected}
        values = {**result.scopes.layers["environment"], **cli_values}
        name = options.environments[-1].name if options.environments else "postman-replay"
        export_variables(args.export_environment, name, values, secret=result.scopes.secret_names,
                         disabled=[p for env in options.environments for p in env.disabled], stdout=stdout)
    if args.export_globals:
        export_variables(args.export_globals, "globals", dict(result.scopes.layers["globals"]), "globals",
                         secret=result.scopes.secret_names,
                         disabled=[p for env in options.globals_ for p in env.disabled], stdout=stdout)
    return result.exit_code


# ---------------------------------------------------------------- list


def cmd_list(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    from .load import load_collection
    from .model import Folder, Item
    from .resolve import describe_url

    collection = load_collection(args.collection)
    out: list[str] = [f"{collection.name}"]
    count = 0

    def walk(nodes: tuple, depth: int) -> None:
        nonlocal count
        pad = "  " * depth
        for node in nodes:
            if isinstance(node, Item):
                count += 1
                codes = ",".join(str(r.code) for r in node.responses if r.code is not None) or "-"
                out.append(f"{pad}{node.request.method:<7} {node.name}  {describe_url(node.request.url)}  [{codes}]")
            elif isinstance(node, Folder):
                out.append(f"{pad}{node.name}/")
                walk(node.items, depth + 1)

    walk(collection.items, 1)
    out.append(f"{count} item{'s' if count != 1 else ''}")
    stdout.write("\n".join(out) + "\n")
    return ExitCode.OK


# ---------------------------------------------------------------- curl


def cmd_curl(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    """The request `run --dry-run` would print, pre-request scripts included, as a command."""
    from dataclasses import replace

    from .curl import to_curl, to_python
    from .redact import Redactor
    from .runner import Runner
    from .select import select

    collection, options = _load_inputs(args)
    selected = select(collection, tuple(args.item))
    redactor = Redactor(show=args.show_secrets)
    runner = Runner(collection, replace(options, dry_run=True), [], redactor)
    scopes = runner.scopes.with_data({})
    code = ExitCode.OK
    for number, located in enumerate(selected):
        if number:
            stdout.write("\n")
        if len(selected) > 1:
            stdout.write(f"# {located.path}\n")
        result = runner.execute(located, scopes, 0)
        for line in result.console:
            stderr.write(f"console: {redactor.text(line)}\n")
        if result.request is None:
            stderr.write(f"error: {located.path}: {redactor.text(result.error or 'cannot be sent')}\n")
            if result.hint:
                stderr.write(f"  fix: {result.hint}\n")
            code = ExitCode.FAILED
            continue
        for note in result.notes:
            if note != "dry run: not sent":
                stderr.write(f"note: {redactor.text(note)}\n")
        render = to_python if args.format == "python" else to_curl
        stdout.write(render(result.request, redactor) + "\n")
    return code


# ---------------------------------------------------------------- validate


SCRIPT_SETS = re.compile(
    r"(?:\.set|setEnvironmentVariable|setGlobalVariable)\(\s*['\"`]([^'\"`]+)['\"`]"
)


def cmd_validate(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    from .errors import ItemError
    from .resolve import ResolveOptions, resolve
    from .runner import base_scopes

    collection, options = _load_inputs(args, full_schema=True)
    openapi = None
    if args.openapi:
        from .openapi import load_openapi

        openapi = load_openapi(args.openapi)
    scopes = base_scopes(collection, options).with_data({})
    resolve_options = ResolveOptions(args.working_dir, args.allow_outside_files)
    located_all = list(collection.walk())
    set_by_scripts = _names_set_by_scripts(collection)
    blocked = 0
    lines = []
    for located in located_all:
        try:
            resolve(located, collection, scopes, resolve_options, dynamic=lambda name: "x")
        except ItemError as exc:
            if exc.missing and set(exc.missing) <= set_by_scripts and len(exc.problems) == 1:
                names = ", ".join(f"{{{{{n}}}}}" for n in exc.missing)
                lines.append(f"✓ {located.path}\n    note: {names} set by a script of the collection at run time")
                continue
            blocked += 1
            lines.append(f"✗ {located.path}\n    {exc.message}" + (f"\n    fix: {exc.hint}" if exc.hint else ""))
    stdout.write(f"{collection.name}: structure is valid ({len(located_all)} items)\n")
    if lines:
        stdout.write("\n".join(lines) + "\n")
    if openapi is not None:
        _openapi_coverage(openapi, located_all, stdout)
    if blocked:
        stdout.write(f"{blocked} of {len(located_all)} items cannot be sent as they stand\n")
        needed = dict.fromkeys(re.findall(r"--env-var ([^=\s]+)=", "\n".join(lines)))
        if needed:
            stdout.write("to send them, set: " + " ".join(f"--env-var {name}=…" for name in needed) + "\n")
        return ExitCode.BAD_INPUT
    stdout.write("every item can be sent\n")
    return ExitCode.OK


def _openapi_coverage(openapi: Any, located_all: list, stdout: IO[str]) -> None:
    """Items no operation describes, operations no item exercises, and the coverage line."""
    coverage = openapi.coverage(located_all)
    for item, why in coverage.unmapped:
        stdout.write(f"? {item}\n    {why}\n")
    if coverage.uncovered:
        stdout.write(f"operations no item covers ({len(coverage.uncovered)}):\n")
        stdout.write("".join(f"  {op.label}\n" for op in coverage.uncovered))
    stdout.write(coverage.line + "\n")


def _names_set_by_scripts(collection: Any) -> set[str]:
    """Variables some script sets (`pm.environment.set('token', …)`): validate cannot see their values."""
    from .model import Folder

    names: set[str] = set()

    def visit(events: tuple, nodes: tuple) -> None:
        for script in events:
            names.update(SCRIPT_SETS.findall(script.source))
        for node in nodes:
            visit(node.events, node.items if isinstance(node, Folder) else ())

    visit(collection.events, collection.items)
    return names


# ---------------------------------------------------------------- mock


def cmd_mock(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    from .load import load_collection
    from .mock import MockServer, mock_base_path

    collection = load_collection(args.collection)
    try:
        server = MockServer(collection, host=args.host, port=args.port, base_path=mock_base_path(collection))
    except OSError as exc:
        from .errors import InputError

        raise InputError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}", file="--port",
                         hint="choose another port, or --port 0 for a free one", title="cannot start the mock")
    server.start()
    stdout.write(f"serving {sum(1 for _ in collection.walk())} items of '{collection.name}' at {server.url}\n"
                 f"use --env-var baseUrl={server.url}; Ctrl-C stops\n")
    stdout.flush()
    import threading

    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        stdout.write("stopped\n")
    finally:
        server.stop()
    return ExitCode.OK


_COMMANDS = {"run": cmd_run, "list": cmd_list, "curl": cmd_curl, "validate": cmd_validate, "mock": cmd_mock}


def entry() -> None:
    """Console-script entry point."""
    code = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away (`| head`): nothing left to say, and no noise
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(code)
