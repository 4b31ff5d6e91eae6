"""HTML report: one self-contained page per run (no network fetches), rendered with Jinja2 at the end.

Failures and the summary are rendered as HTML; each item's details (masked request, response,
checks, console, `pm.sendRequest` calls) travel as JSON inside the page and are drawn when opened,
so a 10,000-item report opens fast and its filter and search stay responsive.
"""

from __future__ import annotations

import json
from dataclasses import asdict, is_dataclass
from typing import IO, Any

from ..atomic import AtomicWriter
from ..events import ItemFinished, RunFinished, RunStarted
from ..model import FAILING_OUTCOMES, ItemResult
from ..redact import Redactor
from .json import response_summary
from .stats import Timings

BODY_LIMIT = 64 * 1024  # per body in the page: enough to read, small enough for 10,000 items
FAILING = FAILING_OUTCOMES


def pretty_body(data: bytes, content_type: str | None, redactor: Redactor) -> dict[str, Any]:
    """Masked, pretty-printed when JSON, cut at BODY_LIMIT with the cut said."""
    kept = data[:BODY_LIMIT]
    text = kept.decode("utf-8", "replace")
    if len(kept) == len(data) and (content_type or "").split(";")[0].strip().endswith("json") or text[:1] in "{[":
        try:
            text = json.dumps(json.loads(text), indent=2, ensure_ascii=False)
        except ValueError:
            pass
    out: dict[str, Any] = {"text": redactor.text(text)}
    if len(kept) < len(data):
        out["cut"] = len(kept)
        out["total"] = len(data)
    return out


def _header(headers: tuple[tuple[str, str], ...], name: str) -> str | None:
    return next((v for k, v in headers if k.lower() == name), None)


def _plain(value: Any) -> Any:
    """A `pm.sendRequest` record (dataclass or dict) as JSON-ready data."""
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    return value if isinstance(value, (dict, list, str, int, float, bool, type(None))) else str(value)


def item_view(result: ItemResult, redactor: Redactor) -> dict[str, Any]:
    view: dict[str, Any] = {"path": result.item, "iteration": result.iteration, "outcome": result.outcome,
                            "mark": result.mark}
    request = result.request
    if request is not None:
        view["request"] = {
            "method": request.method,
            "url": redactor.url(request.url),
            "headers": [list(pair) for pair in redactor.headers(request.headers)],
            "body": pretty_body(request.body, _header(request.headers, "content-type"), redactor)
            if request.body else None,
        }
    response = result.response
    if response is not None:
        view["response"] = {**response_summary(response, redactor),
                            "body": pretty_body(response.body, response.header("content-type"), redactor)}
    view["checks"] = [{"name": c.name, "passed": c.passed, "skipped": c.skipped, "known_failure": c.known_failure,
                       "state": c.state, "mark": c.mark, "message": redactor.text(c.message)}
                      for c in result.checks]
    if result.error:
        view["error"] = redactor.text(result.error)
        view["hint"] = redactor.text(result.hint) if result.hint else None
    view["notes"] = [redactor.text(str(n)) for n in result.compat] + [redactor.text(n) for n in result.notes]
    view["console"] = [redactor.text(line) for line in result.console]
    calls = getattr(result, "send_requests", None) or ()
    view["sendRequests"] = [json.loads(redactor.text(json.dumps(_plain(c), default=str))) for c in calls]
    return view


def reasons(view: dict[str, Any]) -> list[str]:
    if view.get("error"):
        return [f"error: {view['error']}"] + ([f"fix: {view['hint']}"] if view.get("hint") else [])
    return [f"{c['name']}: {c['message']}" for c in view["checks"] if c["state"] == "failed"]


def histogram(times: list[float], most: int = 24) -> list[dict[str, float]]:
    """Response times in equal-width buckets, for the inline SVG chart."""
    if not times:
        return []
    buckets = min(most, len(times))
    low, high = min(times), max(times)
    width = (high - low) / buckets or 1.0
    counts = [0] * buckets
    for t in times:
        counts[min(buckets - 1, int((t - low) / width))] += 1
    return [{"from": low + i * width, "to": low + (i + 1) * width, "count": c} for i, c in enumerate(counts)]


class HtmlReporter:
    def __init__(self, path: str, redactor: Redactor, *, stdout: IO[str] | None = None) -> None:
        self.path = path
        self.redactor = redactor
        self.stdout = stdout  # where `-` writes
        self.views: list[dict[str, Any]] = []
        self.started: RunStarted | None = None

    def handle(self, event: object) -> None:
        if isinstance(event, RunStarted):
            self.started, self.views = event, []
        elif isinstance(event, ItemFinished):
            self.views.append(item_view(event.result, self.redactor))
        elif isinstance(event, RunFinished):
            self.write(event)

    def abort(self) -> None:
        self.views = []

    def write(self, finished: RunFinished) -> None:
        out = AtomicWriter(self.path, stdout=self.stdout)
        try:
            out.write(render(self.started, finished, self.views))
        except BaseException:
            out.abort()
            raise
        out.commit()


def render(started: RunStarted | None, finished: RunFinished, views: list[dict[str, Any]]) -> str:
    import jinja2  # deferred: only runs that ask for the HTML report pay for the template engine

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("engine.reporters", "templates"),
        autoescape=True, trim_blocks=True, lstrip_blocks=True,
    )
    times = [v["response"]["time_ms"] for v in views if "response" in v]
    counts: dict[str, int] = {}
    for view in views:
        counts[view["outcome"]] = counts.get(view["outcome"], 0) + 1
    failures = [(v, reasons(v)) for v in views if v["outcome"] in FAILING]
    # what was selected but never ran (--bail, Ctrl-C, setNextRequest), so the totals add up
    not_run = started.not_run({(v["path"], v["iteration"]) for v in views}) if started else []
    data = json.dumps(views, ensure_ascii=False, separators=(",", ":"))
    return environment.get_template("report.html.j2").render(
        title=started.collection if started else "postman-replay",
        started=started,
        finished=finished,
        views=views,
        counts=counts,
        failures=failures,
        not_run=not_run,
        not_run_why=f"the run stopped ({finished.stopped_by})" if finished.stopped_by else "skipped by setNextRequest",
        stats=Timings.of(times),
        buckets=histogram(times),
        slowest=sorted((v for v in views if "response" in v), key=lambda v: -v["response"]["time_ms"])[:10],
        # `<` only occurs inside JSON strings, where \u003c reads the same and cannot end the <script>
        data=data.replace("<", "\\u003c"),
    )
