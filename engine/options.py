"""Every option of the commands, declared once.

The command line's argparse parsers and the pytest plugin's `addoption` calls are both built
from `OPTIONS`, and `run_options` is the one mapping from parsed values to `RunOptions`, so the
two front ends cannot drift. Loading the files an option names happens inside `run_options`, so
importing this module stays as light as importing the command line.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Mapping

if TYPE_CHECKING:
    from .runner import RunOptions

__all__ = ["OPTIONS", "Option", "add_arguments", "add_plugin_options", "run_options", "option_help"]


# ---------------------------------------------------------------- value types


def key_value(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got '{text}'")
    return key.strip(), value


def whole(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got '{text}'") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a number ≥ 0, got '{text}'")
    return value


def at_least_one(text: str) -> int:
    value = whole(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number ≥ 1, got '{text}'")
    return value


def port(text: str) -> int:
    value = whole(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"a port is 0 to 65535, got '{text}'")
    return value


def positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got '{text}'") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"expected a number > 0, got '{text}'")
    return value


def ratio(text: str) -> float:
    """`0.05` or `5%`: a share of the requests, 0 to 1."""
    raw = text.strip()
    try:
        value = float(raw[:-1]) / 100 if raw.endswith("%") else float(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a ratio like 0.05 or 5%, got '{text}'") from None
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"a ratio is 0 to 1 (0% to 100%), got '{text}'")
    return value


_TIMESPAN = re.compile(r"^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$")


def timespan(text: str) -> float:
    """Seconds from `90`, `90s`, `1m30s` or `2h` (Locust's --run-time spellings)."""
    raw = text.strip().lower()
    try:
        value = float(raw)
    except ValueError:
        match = _TIMESPAN.match(raw)
        if not raw or match is None:
            raise argparse.ArgumentTypeError(f"expected a time like 30, 30s, 5m or 1h30m, got '{text}'") from None
        hours, minutes, seconds = (int(part or 0) for part in match.groups())
        value = hours * 3600 + minutes * 60 + seconds
    if not value > 0:
        raise argparse.ArgumentTypeError(f"expected a time > 0, got '{text}'")
    return value


# ---------------------------------------------------------------- the table

RUN = "run"
VARIABLES = ("run", "curl", "validate", "load")  # commands that resolve requests


@dataclass(frozen=True)
class Option:
    """One option: its spellings, its help, which commands take it, and its pytest spelling.

    `plugin` is the pytest plugin's spelling(s): `()` derives `--postman-<long name>`, `None`
    keeps the option out of the plugin (pytest has its own way, e.g. `-x` for `--bail`).
    """

    flags: tuple[str, ...]
    help: str
    commands: tuple[str, ...] = (RUN,)
    action: str | None = None
    type: Callable[[str], Any] | None = None
    default: Any = None
    metavar: str | None = None
    choices: tuple[str, ...] | None = None
    unit: str | None = None
    plugin: tuple[str, ...] | None = ()
    name: str | None = None  # the parsed value's name when the long flag's would clash (`--collection`)

    @property
    def long(self) -> str:
        return next(f for f in self.flags if f.startswith("--"))

    @property
    def dest(self) -> str:
        return self.name or self.long[2:].replace("-", "_")

    @property
    def plugin_flags(self) -> tuple[str, ...]:
        if self.plugin is None:
            return ()
        return self.plugin or ("--postman-" + self.long[2:],)

    @property
    def plugin_dest(self) -> str:
        return self.plugin_flags[0][2:].replace("-", "_")

    def full_help(self) -> str:
        """The description with its unit and default, as `--help` shows it."""
        text = self.help
        shown = self.default not in (None, False, [], "")
        if shown:
            text += f" (default: {self.default}{' ' + self.unit if self.unit else ''})"
        elif self.unit:
            text += f" ({self.unit})"
        return text

    def kwargs(self) -> dict[str, Any]:
        out: dict[str, Any] = {"help": self.full_help(), "dest": self.dest}
        if self.action:
            out["action"] = self.action
        if self.action == "append":
            out["default"] = []
        elif self.default is not None:
            out["default"] = self.default
        if self.type is not None:
            out["type"] = self.type
        if self.metavar and self.action not in ("store_true",):
            out["metavar"] = self.metavar
        if self.choices:
            out["choices"] = self.choices
        return out


OPTIONS: tuple[Option, ...] = (
    # variables and files
    Option(("-e", "--environment"), "Postman environment export or flat YAML/JSON mapping; repeatable, "
           "later files win", VARIABLES, "append", metavar="FILE", plugin=("--postman-env", "--postman-environment")),
    Option(("-g", "--globals"), "Postman globals export or flat mapping; repeatable", VARIABLES, "append",
           metavar="FILE"),
    Option(("--env-var",), "set or override one variable; wins over data files and environments; repeatable",
           VARIABLES, "append", type=key_value, metavar="KEY=VALUE"),
    Option(("--global-var",), "set or override one global variable (as Newman's --global-var); repeatable",
           VARIABLES, "append", type=key_value, metavar="KEY=VALUE"),
    Option(("--cookie-jar",), "start with the cookies of this jar file (tough-cookie JSON, as Newman's "
           "--export-cookie-jar writes it)", (RUN, "load"), metavar="FILE"),
    Option(("--working-dir",), "folder where formdata/file `src` paths are resolved", VARIABLES,
           metavar="DIR", default=None),
    Option(("--allow-outside-files",), "allow `src` paths outside the working folder", VARIABLES, "store_true"),
    Option(("--no-insecure-file-read",), "refuse `src` paths outside the working folder: the default here, "
           "accepted for Newman's command lines (it wins over --allow-outside-files)", VARIABLES, "store_true",
           plugin=None),
    Option(("--compat",), "newman: send what Newman sends where we refuse by default (unresolved {{name}}, "
           "placeholders, empty path variables, missing credentials, enabled:false values, Newman's precedence, "
           "a failed pre-request script); each case is noted on its item", VARIABLES, choices=("newman",),
           metavar="MODE"),
    Option(("--show-secrets",), "do not mask secrets in any output or report", VARIABLES, "store_true",
           plugin=None),
    Option(("--collection",), "with a folder holding postman/collections/*: only this v3 collection "
           "(default: all of them)", VARIABLES + ("list", "mock", "convert"), metavar="NAME", plugin=None,
           name="collection_name"),
    # selection
    Option(("--item",), "only items whose name, slash path (Folder/Item) or glob (Users/*) matches; "
           "repeatable", (RUN, "load"), "append", metavar="NAME", plugin=None),
    Option(("-i", "--folder"), "only items under this folder (a request's name, path or id also works, as in "
           "Newman; -i as the Postman CLI spells it); repeatable", (RUN, "load"), "append", metavar="NAME",
           plugin=None),
    Option(("-d", "--iteration-data"), "CSV (header row) or JSON (array of objects): one iteration per row",
           metavar="FILE"),
    Option(("-n", "--iteration-count"), "number of iterations (default: one per data row, else 1)",
           type=at_least_one, metavar="N"),
    # checks
    Option(("--expect",), "which status codes pass: documented, success (a documented 2xx), or a list "
           "like 204,404 or 2xx", (RUN, "load"), default="documented", metavar="POLICY"),
    Option(("--strict",), "items that document no responses fail instead of ending unchecked", (RUN, "load"),
           "store_true"),
    Option(("--contract",), "contract file: per-item expectations, schemas, headers, time budgets, known "
           "failures", (RUN, "load"), metavar="FILE"),
    Option(("--openapi",), "OpenAPI 3.0/3.1 description (JSON or YAML): check each response against the "
           "operation its item maps to; with validate, list unmapped items and uncovered operations",
           (RUN, "validate", "load"), metavar="FILE"),
    Option(("--max-response-time",), "a response-time check on every item", (RUN, "load"), type=whole,
           metavar="MS", unit="ms"),
    # transport
    Option(("--timeout-request",), "timeout of each request: connecting, every read and the whole response",
           (RUN, "load"), type=whole, default=30_000, metavar="MS", unit="ms", plugin=("--postman-timeout",
                                                                                      "--postman-timeout-request")),
    Option(("--delay-request",), "pause between items (and iterations)", type=whole, default=0, metavar="MS",
           unit="ms"),
    Option(("--timeout-script",), "bound for each pre-request or test script", (RUN, "load"), type=whole,
           default=5_000, metavar="MS", unit="ms"),
    Option(("--timeout",), "bound for the whole run (Newman's --timeout): what has not run by then is "
           "reported as never run, and the run exits 1", type=whole, metavar="MS", unit="ms", plugin=None,
           name="timeout_run"),
    Option(("--ignore-redirects",), "do not follow redirects (an item's protocolProfileBehavior.followRedirects "
           "still decides for that item), as Newman's flag", (RUN, "load"), "store_true"),
    Option(("--retries",), "retry transport errors and 502/503/504 answers of idempotent methods, with backoff",
           type=whole, default=0, metavar="N"),
    Option(("-k", "--insecure"), "do not verify TLS certificates", (RUN, "curl", "load"), "store_true"),
    Option(("--ca-cert",), "CA bundle (PEM) for servers with a private CA", (RUN, "load"), metavar="FILE"),
    Option(("--ssl-client-cert",), "client certificate (PEM) for mutual TLS", (RUN, "load"), metavar="FILE"),
    Option(("--ssl-client-key",), "private key (PEM) of the client certificate", (RUN, "load"), metavar="FILE"),
    Option(("--ssl-client-passphrase",), "passphrase of an encrypted client key (as Newman's flag)",
           (RUN, "load"), metavar="PASS"),
    Option(("--ssl-client-cert-list",), "client certificates by URL (Newman's JSON list: name, matches, cert, key, "
           "passphrase); the first entry whose pattern matches a request wins over --ssl-client-cert",
           (RUN, "load"), metavar="FILE"),
    Option(("--ssl-extra-ca-certs",), "CA certificates (PEM) trusted in addition to the usual ones (as Newman's "
           "flag; --ca-cert replaces them instead)", (RUN, "load"), metavar="FILE"),
    # run shape
    Option(("--bail",), "stop after the first failed or errored item", action="store_true", plugin=None),
    Option(("--dry-run",), "resolve and print every request, send nothing", action="store_true", plugin=None),
    Option(("--workers",), "run folders concurrently; items in a folder stay in order, reports in collection "
           "order", type=whole, default=1, metavar="N", plugin=None),
    Option(("--setup",), "a folder or item that runs first, in order, before the rest (and before --workers "
           "starts the folders, each from the variables as setup left them); repeatable", action="append",
           metavar="NAME"),
    Option(("--mock",), "serve this collection's documented examples on a free loopback port and point "
           "baseUrl at it; items not aimed at the mock are skipped", action="store_true"),
    Option(("--mock-passthrough",), "with --mock, still send items whose URL does not reach the mock",
           action="store_true"),
    # output
    Option(("-r", "--reporters"), "comma-separated reporters: cli, json, junit, html (htmlextra, Newman's HTML "
           "reporter, is taken as html)", default="cli", metavar="LIST", plugin=None),
    Option(("--reporter-json-export",), "where the JSON report goes ('-' is standard output; default "
           "postman-replay-report.json)", metavar="PATH", plugin=None),
    Option(("--reporter-junit-export",), "where the JUnit XML report goes ('-' is standard output; default "
           "postman-replay-report.xml)", metavar="PATH", plugin=None),
    Option(("--reporter-html-export",), "where the HTML report goes ('-' is standard output; default "
           "postman-replay-report.html)",
           metavar="PATH", plugin=None),
    Option(("--reporter-htmlextra-export",), "as --reporter-html-export, for Newman command lines that use "
           "the htmlextra reporter", metavar="PATH", plugin=None),
    Option(("--reporter-json-structure",), "the JSON report's shape: postman-replay (ours), or newman (Newman's "
           "json reporter, as the Postman CLI's switch: run.stats, run.executions, run.failures)",
           choices=("postman-replay", "newman"), default="postman-replay", metavar="SHAPE", plugin=None),
    Option(("--reporter-json-full-bodies",), "keep response bodies whole in the JSON report instead of "
           "cutting them", action="store_true", plugin=None),
    Option(("--export-environment",), "write the environment as it stands after the run", metavar="PATH",
           plugin=None),
    Option(("--export-globals",), "write the globals as they stand after the run", metavar="PATH", plugin=None),
    Option(("--export-cookie-jar",), "write the cookie jar as it stands after the run (tough-cookie JSON, as "
           "Newman writes it; 0600)", metavar="PATH", plugin=None),
    Option(("-v", "--verbose"), "show full request and response headers, pretty bodies and each "
           "pm.sendRequest", action="store_true", plugin=None),
    Option(("-q", "--quiet"), "print only the summary and the failures", action="store_true", plugin=None),
    Option(("--silent",), "print nothing on the terminal (file reports are still written; errors still go to "
           "stderr), as Newman's flag", action="store_true", plugin=None),
    Option(("--disable-unicode",), "plain ASCII marks and separators in the terminal output, as Newman's flag",
           action="store_true", plugin=None),
    Option(("-x", "--suppress-exit-code"), "exit 0 even when items failed or errored (bad input still exits "
           "2), as Newman's flag", action="store_true", plugin=None),
    # load (Locust): the shape of the load, the verdict, Locust's reports and its distributed mode
    Option(("--users",), "simulated users, each replaying the selected items in order with its own variables",
           ("load",), type=at_least_one, default=1, metavar="N"),
    Option(("--spawn-rate",), "users started per second", ("load",), type=positive, default=1, metavar="R"),
    Option(("--run-time",), "stop after this long: 30, 30s, 5m, 1h30m (default: until Ctrl-C)", ("load",),
           type=timespan, metavar="T"),
    Option(("--think-time",), "pause of each user between two items", ("load",), type=whole, default=0,
           metavar="MS", unit="ms"),
    Option(("--fail-ratio",), "exit 1 when the share of failed requests is above this (0.05 or 5%%)", ("load",),
           type=ratio, default=0, metavar="RATIO"),
    Option(("--p95",), "exit 1 when an item's 95th percentile response time is above this", ("load",),
           type=positive, metavar="MS", unit="ms"),
    Option(("--csv",), "write Locust's CSV statistics to PREFIX_stats.csv, PREFIX_failures.csv, …", ("load",),
           metavar="PREFIX"),
    Option(("--html",), "write Locust's HTML report", ("load",), metavar="PATH"),
    Option(("--master",), "be Locust's master: start the users on the workers that connect, aggregate their "
           "statistics", ("load",), "store_true"),
    Option(("--expect-workers",), "with --master: start when this many workers are connected", ("load",),
           type=at_least_one, default=1, metavar="N"),
    Option(("--master-bind-host",), "with --master: the interface workers connect to (default: all)",
           ("load",), default="*", metavar="HOST"),
    Option(("--master-bind-port",), "with --master: the port workers connect to", ("load",), type=port,
           default=5557, metavar="PORT"),
    Option(("--worker",), "be a Locust worker: run the users the master starts and report to it", ("load",),
           "store_true"),
    Option(("--master-host",), "with --worker: the master's address", ("load",), default="127.0.0.1",
           metavar="HOST"),
    Option(("--master-port",), "with --worker: the master's port", ("load",), type=port, default=5557,
           metavar="PORT"),
)

# What Locust itself takes when it runs a generated locustfile (`locust -f locustfile.py --users …`):
# `postman-replay locustfile` writes the engine-side options into the file and leaves these to Locust.
LOCUST_SIDE = frozenset({"--users", "--spawn-rate", "--run-time", "--fail-ratio", "--p95", "--csv", "--html",
                         "--master", "--expect-workers", "--master-bind-host", "--master-bind-port", "--worker",
                         "--master-host", "--master-port"})


def for_command(command: str) -> list[Option]:
    if command == "locustfile":
        return [option for option in OPTIONS if "load" in option.commands and option.long not in LOCUST_SIDE]
    return [option for option in OPTIONS if command in option.commands]


def option_help() -> dict[str, str]:
    """Long flag → help text, for tests and docs."""
    return {option.long: option.full_help() for option in OPTIONS}


def add_arguments(parser: argparse.ArgumentParser, command: str) -> None:
    for option in for_command(command):
        parser.add_argument(*option.flags, **option.kwargs())


def add_plugin_options(group: Any) -> None:
    """The pytest plugin's options: the `run` options it can honour, spelt `--postman-…`."""
    for option in OPTIONS:
        if RUN not in option.commands or option.plugin is None:
            continue
        kwargs = option.kwargs()
        kwargs["dest"] = option.plugin_dest
        kwargs.setdefault("default", None if option.action != "store_true" else False)
        group.addoption(*option.plugin_flags, **kwargs)


# ---------------------------------------------------------------- values → RunOptions


def run_options(values: Mapping[str, Any], base: Path | None = None) -> "RunOptions":
    """Map parsed option values (keyed by `Option.dest`) to `RunOptions`, loading the files they name.

    Paths are taken relative to `base` (the pytest invocation folder; the current folder for the
    command line). Raises InputError for a file that cannot be read, before anything is sent.
    """
    from .check import Expect
    from .load import load_environment
    from .runner import RunOptions

    def path(name: str) -> str | None:
        given = values.get(name)
        if not given:
            return None
        return str(base / given) if base is not None and given != "-" else str(given)

    def paths(name: str) -> list[str]:
        return [str(base / p) if base is not None else p for p in values.get(name) or []]

    env_vars = values.get("env_var") or []
    rows = None
    if values.get("iteration_data"):
        from .data import load_iteration_data

        rows = load_iteration_data(path("iteration_data") or "")
    contract = None
    if values.get("contract"):
        from .contract import load_contract

        contract = load_contract(path("contract") or "")
    openapi = None
    if values.get("openapi"):
        from .openapi import load_openapi

        openapi = load_openapi(path("openapi") or "")
    tls = {name: path(name) for name in ("ca_cert", "ssl_client_cert", "ssl_client_key", "ssl_extra_ca_certs")}
    for name, file in tls.items():
        if file and not Path(file).is_file():
            from .errors import not_found

            raise not_found(file, "TLS file")
    timeout = values.get("timeout_request")
    from .tls import checked_passphrase, read_cert_list

    cert_list = path("ssl_client_cert_list")
    cookie_jar: tuple = ()
    if values.get("cookie_jar"):
        from .cookies import read_jar

        cookie_jar = read_jar(path("cookie_jar") or "")
    return RunOptions(
        environments=tuple(load_environment(p) for p in paths("environment")),
        globals_=tuple(load_environment(p, what="globals file") for p in paths("globals")),
        env_vars=dict(key_value(v) if isinstance(v, str) else v for v in env_vars),
        cookie_jar=cookie_jar,
        global_vars=dict(key_value(v) if isinstance(v, str) else v for v in values.get("global_var") or []),
        items=tuple(values.get("item") or ()),
        folders=tuple(values.get("folder") or ()),
        iteration_data=rows,
        iteration_count=values.get("iteration_count"),
        expect=Expect.parse(values.get("expect") or "documented"),
        strict=bool(values.get("strict")),
        timeout_request_ms=timeout if timeout else 30_000,
        delay_request_ms=values.get("delay_request") or 0,
        bail=bool(values.get("bail")),
        insecure=bool(values.get("insecure")),
        ca_cert=tls["ca_cert"],
        client_cert=tls["ssl_client_cert"],
        client_key=tls["ssl_client_key"],
        extra_ca_certs=tls["ssl_extra_ca_certs"],
        client_key_passphrase=checked_passphrase(values.get("ssl_client_passphrase"), tls["ssl_client_cert"],
                                                 tls["ssl_client_key"]),
        client_cert_list=read_cert_list(cert_list, base) if cert_list else (),
        dry_run=bool(values.get("dry_run")),
        working_dir=path("working_dir"),
        allow_outside_files=bool(values.get("allow_outside_files")) and not values.get("no_insecure_file_read"),
        follow_redirects=not values.get("ignore_redirects"),
        timeout_run_ms=values.get("timeout_run"),
        workers=max(1, values.get("workers") or 1),
        retries=values.get("retries") or 0,
        max_response_time_ms=values.get("max_response_time"),
        show_secrets=bool(values.get("show_secrets")),
        contract=contract,
        openapi=openapi,
        setup=tuple(values.get("setup") or ()),
        timeout_script_ms=values.get("timeout_script") or 5_000,
        compat=values.get("compat") or None,
    )
