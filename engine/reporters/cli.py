"""Terminal report: one block per item, a summary table, then the failures again."""

from __future__ import annotations

import re
from typing import IO

from ..curl import to_http
from ..events import ItemFinished, RunFinished, RunStarted
from ..model import ItemResult, ScriptRequest
from ..redact import Redactor

GREEN, RED, YELLOW, DIM, BOLD, RESET = "\033[32m", "\033[31m", "\033[33m", "\033[2m", "\033[1m", "\033[0m"
# colours by state; the marks themselves are defined once, on the result types (model)
OUTCOME_COLOURS = {"passed": GREEN, "failed": RED, "error": RED, "skipped": YELLOW, "unchecked": YELLOW}
CHECK_COLOURS = {"passed": GREEN, "failed": RED, "skipped": YELLOW, "unchecked": YELLOW, "known-failure": YELLOW}


BODY_PREVIEW = 2000


def body_preview(body: bytes, limit: int) -> str:
    """The start of a response body on one line: what the server said when a check failed."""
    text = body[: limit * 4].decode("utf-8", "replace")
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def printable(text: str) -> str:
    """Names and console lines on one terminal line, with no control characters reaching it."""
    return _CONTROL.sub(lambda m: "⏎" if m.group(0) in "\r\n" else f"\\x{ord(m.group(0)):02x}", text)


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


class CliReporter:
    def __init__(self, stream: IO[str], redactor: Redactor, *, color: bool = False, verbose: bool = False,
                 quiet: bool = False) -> None:
        self.out = stream
        self.quiet = quiet
        self.redactor = redactor
        self.color = color
        self.verbose = verbose
        self.iterations = 1
        self.dry_run = False
        self.failures: list[tuple[str, list[str]]] = []  # only what the closing list needs
        self.checks_run = self.checks_failed = self.checks_unchecked = 0
        self.script_requests = [0, 0, 0]  # pm.sendRequest: made, answered, errors

    def paint(self, text: str, code: str) -> str:
        return f"{code}{text}{RESET}" if self.color else text

    def write(self, line: str = "") -> None:
        self.out.write(line + "\n")

    def handle(self, event: object) -> None:
        if isinstance(event, RunStarted):
            self.iterations, self.dry_run = event.iterations, event.dry_run
            runs = f"{event.items} item{'s' if event.items != 1 else ''}"
            if event.iterations > 1:
                runs += f" × {event.iterations} iterations"
            self.write(self.paint(f"postman-replay · {event.collection} · {runs}", BOLD) + (" · dry run" if event.dry_run else ""))
            self.write()
        elif isinstance(event, ItemFinished):
            if not self.quiet or event.result.outcome in ("failed", "error"):
                self.item(event.result)
            self.remember(event.result)
        elif isinstance(event, RunFinished):
            self.summary(event)
        self.out.flush()

    def item(self, result: ItemResult) -> None:
        mask = self.redactor.text
        label = printable(result.item) + (f"  [iteration {result.iteration + 1}]" if self.iterations > 1 else "")
        self.write(self.paint(f"{result.mark} {label}", OUTCOME_COLOURS[result.outcome]))
        request = result.request
        if request is not None:
            if self.dry_run or self.verbose:
                for line in to_http(request, self.redactor, indent="  "):
                    self.write(line)
            else:
                self.write(f"  {request.method} {self.redactor.url(request.url)}")
        response = result.response
        if response is not None:
            line = f"  {response.code} {response.reason} · {response.time_ms:.0f} ms · {human_size(response.size)}"
            if result.attempts > 1:
                line += f" · {result.attempts} attempts"
            self.write(self.paint(line, DIM) if self.color else line)
        for made in result.script_requests:
            self.script_request(made)
        for check in result.checks:
            self.write(f"  {self.paint(check.mark, CHECK_COLOURS[check.state])} {check.name:<13} {mask(check.message)}")
        if result.error:
            self.write(self.paint(f"  ✗ error         {mask(result.error)}", RED))
            if result.hint:
                self.write(f"    fix: {mask(result.hint)}")
        for note in result.notes:
            self.write(self.paint(f"  note: {mask(note)}", DIM) if self.color else f"  note: {mask(note)}")
        for line in result.console:
            self.write(f"  console: {printable(mask(line))}")
        if response is not None and response.body and (result.failed_checks or self.verbose):
            self.write(f"  body: {mask(body_preview(response.body, BODY_PREVIEW if self.verbose else 300))}")
        self.write()

    def script_request(self, made: ScriptRequest) -> None:
        """A pm.sendRequest call: one line; the request as sent too with -v (or in a dry run)."""
        event = "pre-request" if made.event == "prerequest" else made.event
        request = made.request
        target = f"{request.method} {self.redactor.url(request.url)}" if request is not None else self.redactor.url(made.url)
        if made.response is not None:
            outcome = f"{made.response.code} {made.response.reason} · {made.response.time_ms:.0f} ms"
        elif made.error:
            outcome = "✗ " + self.redactor.text(made.error)
        else:
            outcome = "not sent (dry run)"
        self.write(f"  ↳ pm.sendRequest ({event}) {printable(target)} → {printable(outcome)}")
        if request is not None and (self.verbose or self.dry_run):
            for line in to_http(request, self.redactor, indent="      "):
                self.write(line)

    def summary(self, event: RunFinished) -> None:
        s = event.summary
        head = f"{'':<10}{'total':>8}{'passed':>8}{'failed':>8}{'errors':>8}{'skipped':>9}{'unchecked':>11}"
        row = f"{'items':<10}{s.total:>8}{s.passed:>8}{s.failed:>8}{s.errors:>8}{s.skipped:>9}{s.unchecked:>11}"
        crow = (f"{'checks':<10}{self.checks_run:>8}{self.checks_run - self.checks_failed:>8}"
                f"{self.checks_failed:>8}{'':>8}{'':>9}{self.checks_unchecked:>11}")
        self.write(self.paint(head, BOLD))
        self.write(row)
        self.write(crow)
        made, answered, errors = self.script_requests
        if made:
            self.write(f"{'sendReqs':<10}{made:>8}{answered:>8}{'':>8}{errors:>8}{made - answered - errors:>9}")
        self.write(f"duration {event.duration_ms / 1000:.2f} s" + (" · interrupted" if event.interrupted else ""))
        if self.failures:
            self.write()
            self.write(self.paint("Failures:", RED if self.color else ""))
            for number, (label, reasons) in enumerate(self.failures, start=1):
                self.write(f"  {number}. {label}")
                for reason in reasons:
                    self.write(f"     {self.redactor.text(reason)}")

    def remember(self, result: ItemResult) -> None:
        for made in result.script_requests:
            self.script_requests[0] += 1
            self.script_requests[1] += made.response is not None
            self.script_requests[2] += made.response is None and bool(made.error)
        self.checks_run += sum(1 for c in result.checks if c.checked)
        self.checks_failed += sum(1 for c in result.checks if c.counts_as_failure)
        self.checks_unchecked += sum(1 for c in result.checks if c.state == "unchecked")
        if not result.counts_as_failure:
            return
        label = printable(result.item) + (f" [iteration {result.iteration + 1}]" if self.iterations > 1 else "")
        if result.outcome == "error":
            reasons = [f"error: {result.error}"] + ([f"fix: {result.hint}"] if result.hint else [])
        else:
            reasons = [f"{c.name}: {c.message}" for c in result.failed_checks]
        self.failures.append((label, reasons))
