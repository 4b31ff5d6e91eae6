"""`-r json --reporter-json-structure newman`: the JSON report in the shape Newman's json reporter
writes (the Postman CLI offers the same switch), for dashboards and scripts that read
`run.stats.assertions.failed`, `run.failures` or `run.executions`.

What is there: `collection.info`, and under `run`: `executions` (cursor, item, request, response
with its body as a Buffer, assertions), `failures`, `stats` (iterations, items, requests,
assertions), `timings` (response times, start and end) and `transfers`. Every check is an
assertion — the contract checks too, named `status: …`, `schema: …` — so a run that fails here
cannot look clean there; an item that could not run is a failure with its error. `environment`
and `globals` hold the variables as the run left them (secrets masked). Script counts (`scripts`,
`testScripts`, …) are left out rather than guessed. Streamed and masked like the JSON report.
"""

from __future__ import annotations

import json
import statistics
import time
from typing import IO, Any
from urllib.parse import parse_qsl, urlsplit

from ..atomic import AtomicWriter
from ..events import ItemFinished, RunFinished, RunStarted
from ..model import CheckResult, ItemResult
from ..redact import Redactor
from .json import BODY_PREVIEW, StreamedReport


class NewmanJsonReporter(StreamedReport):
    def __init__(self, path: str, redactor: Redactor, *, full_bodies: bool = False,
                 stdout: IO[str] | None = None) -> None:
        super().__init__(path, redactor, full_bodies=full_bodies, stdout=stdout)
        self.started: RunStarted | None = None
        self.started_ms = 0
        self.failures: list[dict] = []
        self.times: list[float] = []
        self.transferred = 0
        self.stats = {name: {"total": 0, "pending": 0, "failed": 0}
                      for name in ("iterations", "items", "requests", "assertions")}

    def handle(self, event: object) -> None:
        if isinstance(event, RunStarted):
            self.out = AtomicWriter(self.path, stdout=self.stdout)
            self.started, self.started_ms = event, int(time.time() * 1000)
            info = {"name": event.collection, "schema": "https://schema.getpostman.com/json/collection/v2.1.0/"
                                                         "collection.json"}
            self.out.write('{\n  "collection": ' + json.dumps({"info": info}, ensure_ascii=False)
                           + ',\n  "run": {\n    "executions": [')
        elif isinstance(event, ItemFinished) and self.out is not None:
            self.out.write(("," if self.count else "") + "\n      ")
            self.out.write(json.dumps(self._execution(event.result), ensure_ascii=False))
            self.count += 1
        elif isinstance(event, RunFinished) and self.out is not None:
            iterations = self.started.iterations if self.started else 1
            self.stats["iterations"]["total"] = iterations
            run = {
                "failures": self.failures,
                "stats": self.stats,
                "timings": self._timings(),
                "transfers": {"responseTotal": self.transferred},
                "error": None,
            }
            tail = json.dumps(run, ensure_ascii=False)[1:-1]  # the rest of "run", after its executions
            scopes = {name: {"values": [{"key": key, "value": self.redactor.text(str(value)), "type": "any",
                                         "enabled": True} for key, value in values]}
                      for name, values in (("environment", event.environment), ("globals", event.globals_))}
            self.out.write(("\n    " if self.count else "") + "],\n    " + tail + "\n  },\n  "
                           + json.dumps(scopes, ensure_ascii=False)[1:-1] + "\n}\n")
            self.out.commit()
            self.out = None

    # ------------------------------------------------------------ one execution

    def _execution(self, result: ItemResult) -> dict:
        mask = self.redactor
        cursor = {"position": self.count, "iteration": result.iteration,
                  "length": len(self.started.planned) if self.started else 0,
                  "cycles": self.started.iterations if self.started else 1}
        source = {"name": result.name or result.item.rsplit("/", 1)[-1], "path": result.item}
        out: dict[str, Any] = {"cursor": cursor, "item": source}
        self.stats["items"]["total"] += 1
        request = result.request
        if request is not None and result.outcome != "skipped":
            out["request"] = {"url": _url(mask.url(request.url)), "method": request.method,
                              "header": [{"key": k, "value": v} for k, v in mask.headers(request.headers)]}
            if request.body is not None:
                out["request"]["body"] = {"mode": "raw", "raw": mask.text(request.body.decode("utf-8", "replace"))}
            self.stats["requests"]["total"] += 1
        response = result.response
        if response is not None:
            body = response.body if self.full_bodies else response.body[:BODY_PREVIEW]
            shown = mask.text(body.decode("utf-8", "replace")).encode("utf-8")
            out["response"] = {"status": response.reason, "code": response.code,
                               "header": [{"key": k, "value": v} for k, v in mask.headers(response.headers)],
                               "stream": {"type": "Buffer", "data": list(shown)},
                               "responseTime": round(response.time_ms), "responseSize": response.size}
            self.times.append(response.time_ms)
            self.transferred += response.size
        elif request is not None and result.error:  # the transport failed: Newman's requestError
            out["requestError"] = {"message": mask.text(result.error)}
            self.stats["requests"]["failed"] += 1
        assertions: list[dict[str, Any]] = []
        for check in result.checks:
            if check.skipped or check.unchecked:
                continue
            name, reason = _assertion(check, mask)
            entry: dict[str, Any] = {"assertion": name, "skipped": False}
            self.stats["assertions"]["total"] += 1
            if check.counts_as_failure:
                index = len(assertions)
                entry["error"] = {"name": "AssertionError", "index": index, "test": name, "message": reason}
                self.stats["assertions"]["failed"] += 1
                self.failures.append({"error": entry["error"], "at": f"assertion:{index} in test-script",
                                      "source": source, "cursor": cursor})
            assertions.append(entry)
        out["assertions"] = assertions
        if result.error:
            self.stats["items"]["failed"] += 1
            error = {"name": "Error", "message": mask.text(result.error)}
            if result.hint:
                error["hint"] = mask.text(result.hint)
            self.failures.append({"error": error, "at": "request" if response is None else "item",
                                  "source": source, "cursor": cursor})
        return out

    def _timings(self) -> dict:
        times = self.times or [0.0]
        return {"responseAverage": round(statistics.fmean(times), 2), "responseMin": round(min(times)),
                "responseMax": round(max(times)), "responseSd": round(statistics.pstdev(times), 2),
                "started": self.started_ms, "completed": int(time.time() * 1000)}


def _assertion(check: CheckResult, redactor: Redactor) -> tuple[str, str]:
    """(assertion, failure message): a pm.test keeps its name, as in Newman (a failed one's check
    reads "name — reason"); a contract check is named by what it checks."""
    text = redactor.text(check.message)
    if check.name == "test":
        name, _, reason = text.partition(" — ") if not check.passed else (text, "", "")
        return name, reason or text
    return f"{check.name}: {text}", text


def _url(url: str) -> dict:
    """The URL in postman-collection's shape, as Newman reports it."""
    parts = urlsplit(url)
    out: dict[str, Any] = {"protocol": parts.scheme, "host": (parts.hostname or "").split("."),
                           "path": [p for p in parts.path.split("/")[1:]],
                           "query": [{"key": k, "value": v} for k, v in parse_qsl(parts.query, keep_blank_values=True)],
                           "variable": []}
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is not None:
        out["port"] = str(port)
    return out
