"""The command line: a thin layer over the library. `main(argv, stdout, stderr) -> int`.

Exit codes: 0 every executed item passed; 1 an item failed or errored; 2 the run could not start;
130 interrupted. Heavy modules are imported inside the commands so `--version` stays fast.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import sys
import time
from enum import IntEnum
from typing import IO, Any, Callable, Sequence

from .version import __version__
from .options import add_arguments, port, run_options


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


_EPILOGS = {
    "run": """examples:
  postman-replay run collection.json -e staging.json
  postman-replay run collection.json --folder Users --env-var token=abc -r cli,junit --reporter-junit-export junit.xml
  postman-replay run collection.json --mock --strict -q
""",
    "load": """examples:
  postman-replay load collection.json -e staging.json --users 20 --spawn-rate 5 --run-time 1m
  postman-replay load collection.json --folder Orders --users 50 --run-time 5m --p95 300 --html load.html
  postman-replay load collection.json --master --expect-workers 2 --users 100 --run-time 10m
  postman-replay load collection.json --worker --master-host 10.0.0.5
""",
    "locustfile": """examples:
  postman-replay locustfile collection.json -e staging.json --folder Orders > locustfile.py
  locust -f locustfile.py --headless --users 50 --spawn-rate 10 --run-time 5m
""",
    "curl": """examples:
  postman-replay curl collection.json --item "Users/Get user" -e staging.json
  postman-replay curl collection.json --item "Get user" --format python
""",
}


def _common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """Options that work before or after the command: `run x --debug` and `--debug run x` alike."""
    default = False if top else argparse.SUPPRESS
    parser.add_argument("--debug", action="store_true", default=default,
                        help="show Python tracebacks for internal errors")
    parser.add_argument("--color", choices=("auto", "on", "off"), default="auto" if top else argparse.SUPPRESS,
                        help="colour the output: auto (a terminal, unless NO_COLOR or TERM=dumb; FORCE_COLOR "
                             "forces it), on or off (default: auto)")


def _command(commands: Any, name: str, help: str, collection_help: str) -> argparse.ArgumentParser:
    """One subcommand with its options."""
    parser = commands.add_parser(name, help=help, description=help, epilog=_EPILOGS.get(name),
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("collection", metavar="COLLECTION", help=collection_help)
    add_arguments(parser, name)
    _common(parser, top=False)
    return parser


def _command_in(argv: Sequence[str]) -> str | None:
    """The subcommand argv names (its first word that is not an option), if it is a known one."""
    first = next((word for word in argv if not word.startswith("-")), None)
    return first if first in _COMMANDS else None


COLLECTION_HELP = ("a Postman collection: v1/v2.0/v2.1 JSON or YAML file, a v3 collection folder, or a folder "
                   "holding postman/collections/*")


def _run(commands: Any) -> None:
    _command(commands, "run", "replay items, check contracts, exit 0/1/2", COLLECTION_HELP)


def _list(commands: Any) -> None:
    _command(commands, "list", "tree of folders and items: method, URL, documented codes", COLLECTION_HELP)


def _curl(commands: Any) -> None:
    curl = _command(commands, "curl", "print the fully resolved request as a curl command", COLLECTION_HELP)
    curl.add_argument("--item", required=True, action="append", metavar="NAME",
                      help="the item to print: name, slash path (Folder/Item) or glob; repeatable")
    curl.add_argument("--format", choices=("curl", "python"), default="curl",
                      help="curl command or a Python requests snippet (default: curl)")


def _validate(commands: Any) -> None:
    _command(commands, "validate", "schema and resolvability check, no network; exit 0/2", COLLECTION_HELP)


def _mock(commands: Any) -> None:
    mock = _command(commands, "mock", "serve the documented example responses on 127.0.0.1", COLLECTION_HELP)
    mock.add_argument("--port", type=port, default=0, metavar="N", help="port to listen on; 0 picks a free one "
                      "(default: 0)")
    mock.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")


def _convert(commands: Any) -> None:
    convert = _command(commands, "convert", "Postman v2.1 JSON ⇄ v3 directory; reports what the target "
                       "cannot hold", "the collection to convert (v2.1 JSON file or v3 folder)")
    convert.add_argument("--to", required=True, choices=("v3", "v2.1"), help="the format to write")
    convert.add_argument("out", metavar="OUT", help="v3: a new directory; v2.1: a JSON file")


def _load(commands: Any) -> None:
    _command(commands, "load", "replay the items as load on Locust: users, statistics, --master/--worker",
             COLLECTION_HELP)


def _locustfile(commands: Any) -> None:
    _command(commands, "locustfile", "print a locustfile that replays the items, for running `locust` yourself",
             COLLECTION_HELP)


# each subcommand's parser, in the order `--help` lists them
_SUBCOMMANDS: dict[str, Callable[[Any], None]] = {
    "run": _run, "list": _list, "curl": _curl, "validate": _validate, "mock": _mock, "convert": _convert,
    "load": _load, "locustfile": _locustfile,
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = _Parser(prog="postman-replay", description="Replay Postman collection items and check "
                     "every response against the responses the collection documents.")
    parser.add_argument("--version", action="version", version=f"postman-replay {__version__}")
    _common(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    for name, build in _SUBCOMMANDS.items():
        if only is None or only == name:  # argparse's parsers cost start-up: only the command being run
            build(commands)
    return parser


def main(argv: Sequence[str] | None = None, stdout: IO[str] | None = None, stderr: IO[str] | None = None) -> int:
    stdout = stdout or _tolerant(sys.stdout)
    stderr = stderr or _tolerant(sys.stderr)
    args_list = _newman_spellings(list(sys.argv[1:] if argv is None else argv))
    parser = build_parser(only=_command_in(args_list))
    debug = "--debug" in args_list
    try:
        # --help and --version print through argparse: send them to the streams we were given
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            args = parser.parse_args(args_list)
    except _UsageError as exc:
        exc.parser.print_usage(stderr)
        stderr.write(f"error: {exc}\n")
        suggestion = _suggest_option(str(exc), exc.parser)
        if suggestion:
            stderr.write(f"  hint: {suggestion}\n")
        return ExitCode.BAD_INPUT
    except SystemExit as exc:  # --help, --version
        return int(exc.code or 0)
    if not args.command:
        parser.print_help(stdout)
        return ExitCode.BAD_INPUT
    from .errors import InputError, ReplayError

    try:
        _require(args.command)
        return _COMMANDS[args.command](args, stdout, stderr)
    except InputError as exc:
        stderr.write(exc.render() + "\n")
        return ExitCode.BAD_INPUT
    except ModuleNotFoundError as exc:
        if debug or not exc.name or exc.name.split(".")[0] in ("engine", ""):
            raise
        stderr.write(_missing(exc.name.split(".")[0]).render() + "\n")
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


# ---------------------------------------------------------------- dependencies

# what each command imports as it runs: checked before it starts (importlib finds, nothing is imported)
_NEEDS = ("yaml", "jsonschema")
REQUIRED_MODULES = {"run": _NEEDS + ("requests", "urllib3", "genson", "referencing"), "curl": _NEEDS,
                    "validate": _NEEDS + ("referencing",), "list": _NEEDS, "mock": _NEEDS, "convert": _NEEDS}
_DISTRIBUTIONS = {"yaml": "pyyaml", "rfc3339_validator": "rfc3339-validator"}


def _require(command: str) -> None:
    """A dependency that is not installed stops the command before it starts (exit 2, with the
    command that installs it), never as an internal error halfway through a run."""
    import importlib.util

    for module in REQUIRED_MODULES.get(command, ()):
        if importlib.util.find_spec(module) is None:
            raise _missing(module)


def _missing(module: str) -> Any:
    from .errors import InputError

    name = _DISTRIBUTIONS.get(module, module)
    requirement = name
    try:
        from importlib.metadata import requires

        requirement = next((r.split(";")[0].strip() for r in requires("postman-replay") or ()
                            if re.split(r"[\s<>=!~\[;]", r, maxsplit=1)[0].lower() == name.lower()), name)
    except Exception:  # not installed as a distribution (run from a checkout): the bare name will do
        pass
    return InputError(f"the Python package '{name}' is not installed (module '{module}')", file="postman-replay",
                      title="missing dependency",
                      hint=f"{sys.executable} -m pip install '{requirement}'  (or reinstall postman-replay)")


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
    from .load import load_collection

    collection = load_collection(args.collection, full_schema=full_schema, stream=stream,
                                 collection=getattr(args, "collection_name", None))
    return collection, run_options(vars(args))


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
    """--color on/off wins; then NO_COLOR, FORCE_COLOR and TERM=dumb (no-color.org, force-color.org)."""
    if choice != "auto":
        return choice == "on"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "") not in ("", "0", "false"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def _is_terminal(stream: IO[str]) -> bool:
    return os.environ.get("TERM") != "dumb" and hasattr(stream, "isatty") and stream.isatty()


_BAIL_MODIFIERS = frozenset({"failure", "folder", "folder,failure", "failure,folder"})


def _newman_spellings(argv: list[str]) -> list[str]:
    """Newman's `--bail failure` / `--bail folder`: our --bail stops at the first failure, and a
    --folder that matches nothing already exits 2, so the modifier is dropped, not taken for the
    collection."""
    out: list[str] = []
    for index, word in enumerate(argv):
        if word in _BAIL_MODIFIERS and index and argv[index - 1] == "--bail":
            continue
        out.append(word)
    return out


# Newman's flags that have no counterpart here, and what to do instead (the others are taken as they are)
_NEWMAN_ONLY = {
    "--postman-api-key": "collections are read from files: export the collection (or fetch it with the Postman "
                         "CLI) and pass the file",
    "--export-collection": "the collection is not rewritten; --export-environment / --export-globals write the "
                           "variables as they ended",
    "--reporter-cli-no-summary": "-q prints only the failures and the summary",
    "--reporter-cli-no-banner": "the cli report has no banner to turn off; -q prints only the failures and the "
                                "summary",
}


def _suggest_option(message: str, parser: argparse.ArgumentParser) -> str | None:
    """'unrecognized arguments: --enviroment' → 'did you mean --environment?' (as Newman says);
    a Newman flag with no counterpart here says what to do instead."""
    import difflib

    match = re.search(r"unrecognized arguments?: (.+)$", message)
    if not match:
        return None
    for word in match.group(1).split():
        flag = word.split("=", 1)[0]
        if flag in _NEWMAN_ONLY:
            return f"{flag} is Newman's and is not supported here: {_NEWMAN_ONLY[flag]}"
    parsers = [parser] + [p for action in parser._actions if isinstance(action, argparse._SubParsersAction)
                          for p in action.choices.values()]
    known = sorted({s for p in parsers for action in p._actions for s in action.option_strings if s.startswith("--")})
    for word in match.group(1).split():
        if word.startswith("--"):
            close = difflib.get_close_matches(word.split("=", 1)[0], known, n=1, cutoff=0.6)
            if close:
                return f"did you mean {close[0]}?"
    return None


# ---------------------------------------------------------------- run


_REPORT_FILES = (("json", "reporter_json_export", "json"), ("junit", "reporter_junit_export", "xml"),
                 ("html", "reporter_html_export", "html"))


def _reporter_names(args: argparse.Namespace) -> list[str]:
    """The reporters to run, from -r and the export paths (which also settles each path), with
    Newman's and the Postman CLI's habits: htmlextra is our html; a folder as a report path gets a
    timestamped file inside it; --silent drops the terminal's report; an export path alone turns
    its reporter on."""
    names = list(dict.fromkeys("html" if name == "htmlextra" else name
                               for name in (n.strip() for n in args.reporters.split(",")) if name))
    if args.reporter_htmlextra_export and not args.reporter_html_export:
        args.reporter_html_export = args.reporter_htmlextra_export
    if args.silent:
        names = [name for name in names if name != "cli"]
    stamp = time.strftime("%Y-%m-%d-%H-%M-%S")
    for name, attr, extension in _REPORT_FILES:
        given = getattr(args, attr)
        if given and given != "-" and (given.endswith(("/", os.sep)) or os.path.isdir(given)):
            setattr(args, attr, os.path.join(given, f"postman-replay-report-{stamp}.{extension}"))
        if getattr(args, attr) and name not in names:
            names.append(name)
    return names


def cmd_run(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    from dataclasses import replace

    from .errors import InputError
    from .redact import Redactor
    from .reporters import make_reporters
    from .runner import export_variables, run
    from .select import select

    errors = stderr
    stderr = io.StringIO() if args.silent else stderr  # --silent: notes and warnings go nowhere; errors still do
    collection, options = _load_inputs(args, stream=None if not args.mock else False)
    _load_notes(collection, stderr)
    options = replace(options, keep_results=False)  # reporters stream; memory stays flat however long the run
    contract, openapi = options.contract, options.openapi
    select(collection, options.items, options.folders)  # bad selectors exit 2 before anything starts
    if contract is not None:
        for key in contract.unused([located.path for located in collection.walk()]):
            stderr.write(f"note: contract rule '{key}' matches no item of the collection\n")
    if openapi is not None:
        coverage = openapi.coverage(select(collection, options.items, options.folders))
        stderr.write(coverage.line + "\n")
    names = _reporter_names(args)
    for path in (args.reporter_json_export, args.reporter_junit_export, args.reporter_html_export,
                 args.export_environment, args.export_globals, args.export_cookie_jar):
        if path:
            _check_writable(path)  # before anything is sent, not after the whole run
    redactor = Redactor(show=args.show_secrets)
    reporters = make_reporters(
        names, redactor, stdout, json_path=args.reporter_json_export, junit_path=args.reporter_junit_export,
        color=_use_color(args.color, stdout), verbose=args.verbose, quiet=args.quiet,
        html_path=args.reporter_html_export, full_bodies=args.reporter_json_full_bodies,
        progress=_is_terminal(stdout) and not args.verbose, ascii=args.disable_unicode,
        json_structure=args.reporter_json_structure,
    )
    server = None
    injected: set[str] = set()
    if args.mock:
        from .mock import MockServer, mock_base_path

        server = MockServer(collection, base_path=mock_base_path(collection)).start()
        stderr.write(f"mock server for this collection at {server.url}\n")
        passthrough = bool(args.mock_passthrough)
        if "baseUrl" in options.env_vars:
            if not passthrough:
                server.stop()
                raise InputError(f"baseUrl is set with --env-var to {options.env_vars['baseUrl']}, so no request "
                                 "would reach the mock", file="--mock", title="nothing would reach the mock",
                                 hint="drop --env-var baseUrl=…, or add --mock-passthrough to send to it anyway")
            stderr.write(f"warning: --mock: baseUrl is set with --env-var, so requests go to "
                         f"{options.env_vars['baseUrl']}, not to the mock\n")
        else:
            options.env_vars = {**options.env_vars, "baseUrl": server.url}
            injected.add("baseUrl")
        from .resolve import describe_url

        chosen = select(collection, options.items, options.folders)
        if chosen and not any("{{baseUrl}}" in describe_url(loc.item.request.url) for loc in chosen):
            if not passthrough:
                server.stop()
                raise InputError("no selected item uses {{baseUrl}}, so none would reach the mock", file="--mock",
                                 title="nothing would reach the mock",
                                 hint="aim the items at {{baseUrl}}, or add --mock-passthrough to send them to "
                                      "the URLs they name")
            stderr.write("warning: --mock: no selected item uses {{baseUrl}}, so their requests go to the "
                         "URLs they name, not to the mock\n")
        if not passthrough:
            options = replace(options, send_only_to=server.url)
    if not options.dry_run:
        from . import send  # noqa: F401 - requests and urllib3: loaded with the collector still off
    _end_startup_gc()
    try:
        result = run(collection, options, reporters, redactor=redactor)
    finally:
        if server is not None:
            server.stop()
    for problem in result.reporter_errors:
        errors.write(f"error: a reporter failed, its output is incomplete: {problem}\n")
    failed = {problem.split(":", 1)[0] for problem in result.reporter_errors}
    for reporter in reporters:
        path = getattr(reporter, "path", None)
        if path not in (None, "-") and type(reporter).__name__ not in failed:
            stderr.write(f"report written to {path}\n")
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
    if args.export_cookie_jar:
        from .atomic import write_atomic
        from .cookies import jar_document

        write_atomic(args.export_cookie_jar, jar_document(result.cookies), secret=True, stdout=stdout)
    if result.exit_code == ExitCode.FAILED and args.suppress_exit_code:
        return ExitCode.OK  # -x: as Newman's flag; Ctrl-C (130) and bad input (2) still say so
    return result.exit_code


# ---------------------------------------------------------------- list


def cmd_list(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    from .load import load_collection
    from .model import Folder, Item
    from .resolve import describe_url

    # a large v3 directory is indexed from its files' top lines; a v2.1 file loads whole, as always
    collection = load_collection(args.collection, collection=args.collection_name,
                                 stream=None if os.path.isdir(args.collection) else False)
    _load_notes(collection, stderr)
    out: list[str] = [f"{collection.name}"]
    if collection.schema_version.startswith("3"):
        from .load_v3 import ORDER_NOTE

        out.append(f"  (v3 order: {ORDER_NOTE})")
    count = 0

    def walk(nodes: tuple, depth: int) -> None:
        nonlocal count
        pad = "  " * depth
        for node in nodes:
            if isinstance(node, Item):
                count += 1
                codes = ",".join(str(r.code) for r in node.responses if r.code is not None) or "-"
                if node.stub and collection.schema_version.startswith("3"):  # a large v3 directory, indexed
                    from .load_v3 import stub_codes

                    codes = ",".join(str(c) for c in stub_codes(collection, node)) or "-"
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
        for compat in result.compat:
            stderr.write(f"compat: {redactor.text(compat.message)}\n")
        for note in result.notes:
            if note != "dry run: not sent":
                stderr.write(f"note: {redactor.text(note)}\n")
        render = to_python if args.format == "python" else to_curl
        stdout.write(render(result.request, redactor) + "\n")
    return code


# ---------------------------------------------------------------- validate


def cmd_validate(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    from .errors import ItemError
    from .resolve import ResolveOptions, resolve
    from .runner import base_scopes

    collection, options = _load_inputs(args, full_schema=True)
    _load_notes(collection, stderr)
    openapi = options.openapi
    scopes = base_scopes(collection, options).with_data({})
    from .auth.grant import RunTimeTokens

    resolve_options = ResolveOptions(options.working_dir, options.allow_outside_files, tokens=RunTimeTokens(),
                                     follow_redirects=options.follow_redirects)
    located_all = list(collection.walk())
    set_by_scripts = _names_set_by_scripts(collection)
    blocked = 0
    lines = []
    script_lines, by_item = _script_problems(collection)
    lines += script_lines
    blocked += len(script_lines)
    loose = 0
    for located in located_all:
        if located.path in by_item:  # its own scripts would fail: listed with every reason
            blocked += 1
            lines.append(f"✗ {located.path}\n    " + "\n    ".join(by_item[located.path]) +
                         "\n    fix: correct the script, or remove what the sandbox does not provide")
            continue
        try:
            prepared = resolve(located, collection, scopes, resolve_options, dynamic=lambda name: "x")
            prepared = _check_files(prepared, options.compat)
            # what --compat newman lets through, item by item (a name a script sets is no deviation)
            notes = [n for n in prepared.compat if n.kind != "unresolved-variable" or n.subject not in set_by_scripts]
            if notes:
                loose += 1
                lines.append(f"~ {located.path}\n" + "\n".join(f"    compat: {n.kind}: {n.message}" for n in notes))
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
    if loose:
        stdout.write(f"{loose} of {len(located_all)} items are sent only because of --compat newman\n")
    stdout.write("every item can be sent\n")
    return ExitCode.OK


def _check_files(prepared: Any, compat: bool) -> Any:
    """The files a form-data part or file body names must be there, as `run` needs them; under
    --compat newman a missing one is left out (a note), as Newman leaves it out."""
    if prepared.form is None and prepared.body_file is None:
        return prepared
    from .compat import missing_files, without_missing_files
    from .errors import ItemError

    if compat:
        return without_missing_files(prepared)
    missing = missing_files(prepared)
    if missing:
        raise ItemError("; ".join(f"file '{path}' does not exist" for path in missing),
                        hint="fix the `src` path or --working-dir (--compat newman sends the request without it, "
                             "as Newman does)")
    return prepared


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
    from .scripting import variables_set_by_scripts

    return set(variables_set_by_scripts(collection))


def _script_problems(collection: Any) -> tuple[list[str], dict[str, list[str]]]:
    """Scripts that would fail: collection/folder ones as their own entries, items' under the item."""
    if not any(True for _ in _all_scripts(collection)):
        return [], {}
    try:
        from .scripting import script_problems

        problems = script_problems(collection)
    except ImportError:  # no JavaScript engine installed: runs would say so; nothing to check here
        return [], {}
    shared: dict[str, list[str]] = {}
    by_item: dict[str, list[str]] = {}
    for problem in problems:
        if problem.item_path is not None:
            by_item.setdefault(problem.item_path, []).append(str(problem))
        else:
            shared.setdefault(problem.owner, []).append(str(problem))
    lines = [f"✗ scripts of {owner}\n    " + "\n    ".join(found) +
             "\n    fix: correct the script; every item under it would fail" for owner, found in shared.items()]
    return lines, by_item


def _all_scripts(collection: Any) -> Any:
    from .model import Folder

    yield from collection.events
    stack = list(collection.items)
    while stack:
        node = stack.pop()
        yield from node.events
        if isinstance(node, Folder):
            stack.extend(node.items)


# ---------------------------------------------------------------- mock


def cmd_mock(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    from .load import load_collection
    from .mock import MockServer, mock_base_path

    collection = load_collection(args.collection, collection=args.collection_name)
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


# ---------------------------------------------------------------- convert


def cmd_convert(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    from .convert import convert

    result = convert(args.collection, args.to, args.out, collection=args.collection_name)
    what = "file" if result.files == 1 else "files"
    stdout.write(f"wrote {result.target} ({result.files} {what}, Postman {args.to})\n")
    if result.losses:
        stdout.write(f"{len(result.losses)} thing(s) the {args.to} format cannot hold were left out:\n")
        stdout.write("".join(f"  - {line}\n" for line in result.losses))
    else:
        stdout.write("nothing was lost\n")
    return ExitCode.OK


# ---------------------------------------------------------------- load, locustfile


def cmd_load(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    from .loadtest import load_command

    return load_command(args, stdout, stderr)


def cmd_locustfile(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    from .loadtest import locustfile_text

    stdout.write(locustfile_text(args))
    return ExitCode.OK


def _load_notes(collection: Any, stderr: IO[str]) -> None:
    """What loading noticed that is not an error: said once, before anything runs."""
    for note in getattr(collection, "notes", ()):
        stderr.write(f"note: {note}\n")


_COMMANDS = {"run": cmd_run, "list": cmd_list, "curl": cmd_curl, "validate": cmd_validate, "mock": cmd_mock,
             "convert": cmd_convert, "load": cmd_load, "locustfile": cmd_locustfile}


_startup_gc_off = False


def _end_startup_gc() -> None:
    """Turn the collector back on for the run, first moving what start-up built (modules, the
    model) to the permanent generation so the run's collections never scan it."""
    global _startup_gc_off
    if _startup_gc_off:
        import gc

        _startup_gc_off = False
        gc.freeze()
        gc.enable()


def entry() -> None:
    """Console-script entry point."""
    global _startup_gc_off
    if _command_in(sys.argv[1:]) == "run" and "--help" not in sys.argv and "-h" not in sys.argv:
        import gc

        # start-up (imports, argparse, the model) makes only long-lived objects: collecting
        # while it runs is wasted work (~5% of a one-item run); cmd_run turns it on again
        gc.disable()
        _startup_gc_off = True
    code = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away (`| head`): nothing left to say, and no noise
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(code)
