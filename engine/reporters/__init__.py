"""Reporters listen to run events; none of them knows about HTTP internals."""

from __future__ import annotations

from typing import IO

from ..errors import InputError
from ..events import Reporter
from ..redact import Redactor

NAMES = ("cli", "json", "junit", "html")


def make_reporters(
    names: list[str],
    redactor: Redactor,
    stream: IO[str],
    *,
    json_path: str | None = None,
    junit_path: str | None = None,
    color: bool = False,
    verbose: bool = False,
    quiet: bool = False,
    html_path: str | None = None,
    full_bodies: bool = False,
    progress: bool = False,
    ascii: bool = False,
    json_structure: str = "postman-replay",
) -> list[Reporter]:
    out: list[Reporter] = []
    for name in names:
        if name == "cli":
            from .cli import CliReporter

            out.append(CliReporter(stream, redactor, color=color, verbose=verbose, quiet=quiet, progress=progress,
                                   ascii=ascii))
        elif name == "json" and json_structure == "newman":
            from .newman_json import NewmanJsonReporter

            out.append(NewmanJsonReporter(json_path or "postman-replay-report.json", redactor,
                                          full_bodies=full_bodies, stdout=stream))
        elif name == "json":
            from .json import JsonReporter

            out.append(JsonReporter(json_path or "postman-replay-report.json", redactor, full_bodies=full_bodies,
                                    stdout=stream))
        elif name == "junit":
            from .junit import JunitReporter

            out.append(JunitReporter(junit_path or "postman-replay-report.xml", redactor, stdout=stream))
        elif name == "html":
            from .html import HtmlReporter

            out.append(HtmlReporter(html_path or "postman-replay-report.html", redactor, stdout=stream))
        else:
            raise InputError(
                f"unknown reporter '{name}'",
                file="--reporters",
                hint=f"choose from {', '.join(NAMES)}",
                title="invalid argument",
            )
    return out
