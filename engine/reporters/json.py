"""JSON report in the SPEC shape, written atomically when the run ends (also when interrupted)."""

from __future__ import annotations

import json

from ..events import RunFinished, RunStarted
from ..model import ItemResult
from ..redact import Redactor
from ..atomic import write_atomic

BODY_PREVIEW = 4096


class JsonReporter:
    def __init__(self, path: str, redactor: Redactor) -> None:
        self.path = path
        self.redactor = redactor
        self.collection: dict = {}

    def handle(self, event: object) -> None:
        if isinstance(event, RunStarted):
            self.collection = {"name": event.collection, "source": event.source, "iterations": event.iterations}
        elif isinstance(event, RunFinished):
            document = {
                "collection": self.collection,
                "summary": {
                    "total": event.summary.total,
                    "passed": event.summary.passed,
                    "failed": event.summary.failed,
                    "errors": event.summary.errors,
                    "skipped": event.summary.skipped,
                },
                "duration_ms": round(event.duration_ms, 1),
                "interrupted": event.interrupted,
                "results": [result_dict(r, self.redactor) for r in event.results],
            }
            write_atomic(self.path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def result_dict(result: ItemResult, redactor: Redactor) -> dict:
    """One result as plain data, masked: shared by the JSON report and the pytest plugin."""
    out: dict = {"item": result.item, "iteration": result.iteration, "outcome": result.outcome}
    request = result.request
    if request is not None:
        out["request"] = {
            "method": request.method,
            "url": redactor.url(request.url),
            "headers": [list(pair) for pair in redactor.headers(request.headers)],
        }
        if request.body is not None:
            out["request"]["body"] = redactor.text(request.body[:BODY_PREVIEW].decode("utf-8", "replace"))
    else:
        out["request"] = None
    response = result.response
    if response is not None:
        out["response"] = {
            "code": response.code,
            "reason": response.reason,
            "time_ms": round(response.time_ms, 1),
            "size": response.size,
            "headers": [list(pair) for pair in redactor.headers(response.headers)],
            "body": redactor.text(response.body[:BODY_PREVIEW].decode("utf-8", "replace")),
        }
    else:
        out["response"] = None
    out["checks"] = [
        {"name": c.name, "passed": c.passed, "message": redactor.text(c.message), "skipped": c.skipped,
         "known_failure": c.known_failure}
        for c in result.checks
    ]
    if result.error:
        out["error"] = redactor.text(result.error)
        out["hint"] = result.hint
    out["notes"] = [redactor.text(n) for n in result.notes]
    if result.console:
        out["console"] = [redactor.text(line) for line in result.console]
    out["attempts"] = result.attempts
    return out
