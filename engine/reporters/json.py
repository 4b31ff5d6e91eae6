"""JSON report in the SPEC shape, streamed as items finish and renamed into place when the run ends
(also when interrupted), so memory stays flat and a crash never leaves half a file."""

from __future__ import annotations

import json
from typing import IO, Any

from ..atomic import AtomicWriter
from ..events import ItemFinished, RunFinished, RunStarted
from ..model import ItemResult, Response, ScriptRequest
from ..redact import Redactor

BODY_PREVIEW = 4096


class StreamedReport:
    """A report file written as the run goes (AtomicWriter: renamed into place at the end, or
    dropped by `abort` when the reporter fails), shared by the JSON reports of either shape."""

    def __init__(self, path: str, redactor: Redactor, *, full_bodies: bool = False,
                 stdout: IO[str] | None = None) -> None:
        self.path = path
        self.full_bodies = full_bodies
        self.redactor = redactor
        self.stdout = stdout  # where `-` writes
        self.out: AtomicWriter | None = None
        self.count = 0

    def abort(self) -> None:
        if self.out is not None:
            self.out.abort()
            self.out = None


class JsonReporter(StreamedReport):
    def __init__(self, path: str, redactor: Redactor, *, full_bodies: bool = False,
                 stdout: IO[str] | None = None) -> None:
        super().__init__(path, redactor, full_bodies=full_bodies, stdout=stdout)
        self.script_requests = {"total": 0, "sent": 0, "errors": 0}
        self.started: RunStarted | None = None
        self.done: set[tuple[str, int]] = set()

    def handle(self, event: object) -> None:
        if isinstance(event, RunStarted):
            self.out = AtomicWriter(self.path, stdout=self.stdout)
            collection = {"name": event.collection, "source": event.source, "iterations": event.iterations}
            self.out.write('{\n  "collection": ' + json.dumps(collection, ensure_ascii=False) + ',\n  "results": [')
            self.count = 0
            self.started, self.done = event, set()
        elif isinstance(event, ItemFinished) and self.out is not None:
            self.out.write(("," if self.count else "") + "\n    ")
            self.out.write(json.dumps(result_dict(event.result, self.redactor, full_bodies=self.full_bodies),
                                      ensure_ascii=False))
            self.count += 1
            for made in event.result.script_requests:
                self.script_requests["total"] += 1
                if made.response is not None:
                    self.script_requests["sent"] += 1
                elif made.error:
                    self.script_requests["errors"] += 1
            self.done.add((event.result.item, event.result.iteration))
        elif isinstance(event, RunFinished) and self.out is not None:
            summary: dict[str, Any] = dict(event.summary.as_dict())
            if self.script_requests["total"]:
                summary["sendRequests"] = dict(self.script_requests)
            # what was selected but never ran (--bail, Ctrl-C, setNextRequest), so totals add up
            missing = [{"item": path, "iteration": i}
                       for path, i in (self.started.not_run(self.done) if self.started else [])]
            if missing:
                self.out.write(("\n  " if self.count else "") + "],\n  \"not_run\": " + json.dumps(
                    {"reason": event.stopped_by or "setNextRequest", "items": missing}, ensure_ascii=False))
                self.count = 0
                self.out.write(',\n  "summary": ' + json.dumps(summary))
            else:
                self.out.write(("\n  " if self.count else "") + "],\n  \"summary\": " + json.dumps(summary))
            self.out.write(f',\n  "duration_ms": {round(event.duration_ms, 1)},\n  "interrupted": '
                           f'{json.dumps(event.interrupted)}\n}}\n')
            self.out.commit()
            self.out = None


def _body(data: bytes, redactor: Redactor, full: bool) -> dict:
    """A body as text; a cut one says so in fields, so the report stays valid JSON either way."""
    kept = data if full else data[:BODY_PREVIEW]
    out: dict = {"body": redactor.text(kept.decode("utf-8", "replace"))}
    if len(kept) < len(data):
        out["body_truncated"] = True
        out["body_bytes"] = len(data)
    return out


def response_summary(response: Response, redactor: Redactor) -> dict:
    """Code, reason, time, size and masked headers: what every report says of an answer."""
    return {
        "code": response.code,
        "reason": response.reason,
        "time_ms": round(response.time_ms, 1),
        "size": response.size,
        "headers": [list(pair) for pair in redactor.headers(response.headers)],
    }


def result_dict(result: ItemResult, redactor: Redactor, *, full_bodies: bool = False) -> dict:
    """One result as plain data, masked: shared by the JSON report and the pytest plugin."""
    out: dict = {"item": result.item, "iteration": result.iteration, "outcome": result.outcome}
    if result.outcome in ("unchecked", "skipped"):
        out["reason"] = redactor.text(result.reason)
    request = result.request
    if request is not None:
        out["request"] = {
            "method": request.method,
            "url": redactor.url(request.url),
            "headers": [list(pair) for pair in redactor.headers(request.headers)],
        }
        if request.body is not None:
            out["request"].update(_body(request.body, redactor, full_bodies))
    else:
        out["request"] = None
    response = result.response
    if response is not None:
        out["response"] = {**response_summary(response, redactor), **_body(response.body, redactor, full_bodies)}
    else:
        out["response"] = None
    out["checks"] = [
        {"name": c.name, "passed": c.passed, "message": redactor.text(c.message), "skipped": c.skipped,
         "known_failure": c.known_failure, "state": c.state}
        for c in result.checks
    ]
    if result.error:
        out["error"] = redactor.text(result.error)
        out["hint"] = result.hint
    out["notes"] = [redactor.text(n) for n in result.notes]
    if result.compat:  # what --compat newman let through
        out["compat"] = [{"kind": n.kind, "subject": redactor.text(n.subject), "message": redactor.text(n.message)}
                         for n in result.compat]
    if result.console:
        out["console"] = [redactor.text(line) for line in result.console]
    out["attempts"] = result.attempts
    if result.script_requests:
        out["sendRequests"] = [script_request_dict(made, redactor) for made in result.script_requests]
    return out


def script_request_dict(made: ScriptRequest, redactor: Redactor) -> dict:
    """A pm.sendRequest call, masked like the item's own request: what went out and a response summary."""
    out: dict = {"event": made.event, "sent": made.sent}
    request = made.request
    if request is not None:
        out["request"] = {"method": request.method, "url": redactor.url(request.url),
                          "headers": [list(pair) for pair in redactor.headers(request.headers)]}
        if request.body is not None:
            out["request"]["body"] = redactor.text(request.body[:BODY_PREVIEW].decode("utf-8", "replace"))
    else:
        out["request"] = {"url": redactor.url(made.url)}
    if made.response is not None:
        out["response"] = {"code": made.response.code, "reason": made.response.reason,
                           "time_ms": round(made.response.time_ms, 1), "size": made.response.size}
    if made.error:
        out["error"] = redactor.text(made.error)
    return out
