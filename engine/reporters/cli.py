"""Terminal report: one block per item, a summary table, then the failures again."""

from __future__ import annotations

import json
import re
import time
from typing import IO

from ..curl import to_http
from ..events import ItemFinished, RunFinished, RunStarted
from ..model import ItemResult, ScriptRequest
from ..redact import Redactor
from .stats import Timings

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
_CONTROL_BUT_NEWLINE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")
# what the marks and separators become on a terminal that cannot show them (ASCII, cp1252, …)
ASCII = str.maketrans({"✓": "+", "✗": "x", "·": "-", "×": "x", "…": "...", "⏎": "|", "—": "-", "→": "->",
                       "≥": ">=", "≤": "<=", "⇄": "<->"})
PROGRESS_AFTER_S = 2.0  # a progress line only for runs that take longer than this
PRETTY_BODY = 64 * 1024  # -v shows bodies up to this, pretty when JSON, then says where it cut


def can_show(stream: IO[str], text: str = "✓✗·…") -> bool:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def console_lines(text: str) -> list[str]:
    """A console.log call keeps its own line breaks; other control characters are escaped."""
    escaped = _CONTROL_BUT_NEWLINE.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text.replace("\r\n", "\n"))
    return escaped.split("\n")


def pretty(body: bytes, content_type: str | None, limit: int = PRETTY_BODY) -> list[str]:
    """A body as HTTPie shows it with -v: JSON indented, text as is, cut at `limit` with a marker."""
    kept = body[:limit]
    text = kept.decode("utf-8", "replace")
    if len(kept) == len(body) and ("json" in (content_type or "") or text.lstrip()[:1] in ("{", "[")):
        try:
            text = json.dumps(json.loads(text), indent=2, ensure_ascii=False)
        except ValueError:
            pass
    lines = text.splitlines() or [""]
    if len(kept) < len(body):
        lines.append(f"… cut at {len(kept):,} of {len(body):,} bytes")
    return lines


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
                 quiet: bool = False, progress: bool = False, ascii: bool = False) -> None:
        self.out = stream
        self.quiet = quiet
        self.ascii = ascii or not can_show(stream)  # `ascii`: --disable-unicode
        self.progress = progress
        self.progress_shown = False
        self.started_at = time.monotonic()
        self.started: RunStarted | None = None
        self.expected = 0
        self.done: set[tuple[str, int]] = set()
        self.counts = {"passed": 0, "failed": 0}
        self.times: list[float] = []
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
        if self.progress_shown:
            self.out.write("\r\033[K")
            self.progress_shown = False
        self.out.write((line.translate(ASCII) if self.ascii else line) + "\n")

    def show_progress(self) -> None:
        """done/total, passed/failed, elapsed and ETA on one line that the next output replaces."""
        elapsed = time.monotonic() - self.started_at
        if not self.progress or elapsed < PROGRESS_AFTER_S:
            return
        done = len(self.done)
        left = max(0, self.expected - done)
        eta = f" · ETA {elapsed / done * left:.0f} s" if done and left else ""
        line = (f"{done}/{self.expected} · {self.counts['passed']} passed · {self.counts['failed']} failed"
                f" · {elapsed:.0f} s{eta}")
        self.out.write("\r\033[K" + (line.translate(ASCII) if self.ascii else line))
        self.progress_shown = True

    def handle(self, event: object) -> None:
        if isinstance(event, RunStarted):
            self.iterations, self.dry_run = event.iterations, event.dry_run
            self.started, self.expected = event, event.items * event.iterations
            self.started_at = time.monotonic()
            runs = f"{event.items} item{'s' if event.items != 1 else ''}"
            if event.iterations > 1:
                runs += f" × {event.iterations} iterations"
            self.write(self.paint(f"postman-replay · {event.collection} · {runs}", BOLD) + (" · dry run" if event.dry_run else ""))
            self.write()
        elif isinstance(event, ItemFinished):
            if not self.quiet or event.result.counts_as_failure:
                self.item(event.result)
            self.remember(event.result)
            self.show_progress()
        elif isinstance(event, RunFinished):
            if self.progress_shown:
                self.out.write("\r\033[K")
                self.progress_shown = False
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
            if self.verbose:
                for name, value in self.redactor.headers(response.headers):
                    self.write(f"  {name}: {value}")
        for made in result.script_requests:
            self.script_request(made)
        for check in result.checks:
            self.write(f"  {self.paint(check.mark, CHECK_COLOURS[check.state])} {check.name:<13} {mask(check.message)}")
        if result.error:
            self.write(self.paint(f"  ✗ error         {mask(result.error)}", RED))
            if result.hint:
                self.write(f"    fix: {mask(result.hint)}")
        for compat in result.compat:
            line = f"  compat: {mask(compat.message)}"
            self.write(self.paint(line, YELLOW) if self.color else line)
        for note in result.notes:
            self.write(self.paint(f"  note: {mask(note)}", DIM) if self.color else f"  note: {mask(note)}")
        for entry in result.console:
            first, *rest = console_lines(mask(entry))
            self.write(f"  console: {first}")
            for line in rest:
                self.write(f"           {line}")
        if response is not None and response.body and self.verbose:
            self.write("  body:")
            for line in pretty(response.body, response.header("content-type")):
                self.write(f"    {mask(line)}")
        elif response is not None and response.body and result.failed_checks:
            self.write(f"  body: {mask(body_preview(response.body, 300))}")
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
        timings = Timings.of(self.times)
        if timings is not None:
            self.write(timings.line())
        self.never_ran(event)
        if self.failures:
            self.write()
            self.write(self.paint("Failures:", RED if self.color else ""))
            for number, (label, reasons) in enumerate(self.failures, start=1):
                self.write(f"  {number}. {label}")
                for reason in reasons:
                    self.write(f"     {self.redactor.text(reason)}")

    def never_ran(self, event: RunFinished) -> None:
        """Items that were selected but never ran, and why: --bail, Ctrl-C or setNextRequest."""
        missing = self.started.not_run(self.done) if self.started else []
        if not missing:
            return
        why = event.stopped_by and f"the run stopped ({event.stopped_by})" or "skipped by setNextRequest"
        self.write()
        self.write(f"{len(missing)} item run{'s' if len(missing) != 1 else ''} never ran: {why}")
        for path, iteration in missing[:10]:
            self.write(f"  - {printable(path)}" + (f" [iteration {iteration + 1}]" if self.iterations > 1 else ""))
        if len(missing) > 10:
            self.write(f"  … and {len(missing) - 10} more")

    def remember(self, result: ItemResult) -> None:
        for made in result.script_requests:
            self.script_requests[0] += 1
            self.script_requests[1] += made.response is not None
            self.script_requests[2] += made.response is None and bool(made.error)
        self.done.add((result.item, result.iteration))
        if result.response is not None:
            self.times.append(result.response.time_ms)
        if result.counts_as_failure:
            self.counts["failed"] += 1
        elif result.outcome == "passed":
            self.counts["passed"] += 1
        self.checks_run += sum(1 for c in result.checks if c.checked)
        self.checks_failed += sum(1 for c in result.checks if c.counts_as_failure)
        self.checks_unchecked += sum(1 for c in result.checks if c.state == "unchecked")
        if not result.counts_as_failure:
            return
        label = printable(result.item) + (f" [iteration {result.iteration + 1}]" if self.iterations > 1 else "")
        if result.outcome == "error":
            # an item can fail checks and then error (a pre-request pm.test, then a TypeError): list both
            reasons = [f"{c.name}: {c.message}" for c in result.failed_checks]
            reasons += [f"error: {result.error}"] + ([f"fix: {result.hint}"] if result.hint else [])
        else:
            reasons = [f"{c.name}: {c.message}" for c in result.failed_checks]
        self.failures.append((label, reasons))
