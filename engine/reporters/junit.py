"""JUnit XML: one testsuite per collection, one testcase per item × iteration.

Contract breaks are <failure>, items that could not run are <error>.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..events import RunFinished, RunStarted
from ..model import ItemResult
from ..redact import Redactor
from ..atomic import write_atomic


class JunitReporter:
    def __init__(self, path: str, redactor: Redactor) -> None:
        self.path = path
        self.redactor = redactor
        self.name = "collection"
        self.iterations = 1

    def handle(self, event: object) -> None:
        if isinstance(event, RunStarted):
            self.name, self.iterations = event.collection, event.iterations
        elif isinstance(event, RunFinished):
            write_atomic(self.path, self.render(event))

    def render(self, event: RunFinished) -> str:
        summary = event.summary
        root = ET.Element("testsuites", tests=str(summary.total), failures=str(summary.failed),
                          errors=str(summary.errors), skipped=str(summary.skipped),
                          time=f"{event.duration_ms / 1000:.3f}")
        suite = ET.SubElement(root, "testsuite", name=self.name, tests=str(summary.total),
                              failures=str(summary.failed), errors=str(summary.errors),
                              skipped=str(summary.skipped), time=f"{event.duration_ms / 1000:.3f}")
        for result in event.results:
            self._case(suite, result)
        ET.indent(root)
        return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"

    def _case(self, suite: ET.Element, result: ItemResult) -> None:
        name = result.item if self.iterations == 1 else f"{result.item} [iteration {result.iteration + 1}]"
        seconds = (result.response.time_ms / 1000) if result.response else 0.0
        case = ET.SubElement(suite, "testcase", name=_clean(name), classname=_clean(self.name), time=f"{seconds:.3f}")
        mask = self.redactor.text
        failed = [c for c in result.checks if not c.passed and not c.skipped and not c.known_failure]
        if result.outcome == "error":
            element = ET.SubElement(case, "error", message=_clean(mask(result.error or "error")), type="error")
            element.text = _clean(mask("\n".join(filter(None, [result.error, result.hint and f"hint: {result.hint}"]))))
        elif result.outcome == "failed":
            element = ET.SubElement(case, "failure", message=_clean(mask(failed[0].message if failed else "failed")),
                                    type="contract")
            element.text = _clean(mask("\n".join(f"{c.name}: {c.message}" for c in failed)))
        elif result.outcome == "skipped":
            ET.SubElement(case, "skipped", message=_clean(mask("; ".join(result.notes) or "skipped")))
        lines = []
        if result.request is not None:
            lines.append(f"{result.request.method} {self.redactor.url(result.request.url)}")
        if result.response is not None:
            lines.append(f"{result.response.code} {result.response.reason} {result.response.time_ms:.0f} ms")
        lines += [f"{'✓' if c.passed else ('-' if c.skipped else '✗')} {c.name}: {mask(c.message)}" for c in result.checks]
        lines += [f"note: {mask(n)}" for n in result.notes]
        lines += [mask(line) for line in result.console]
        if lines:
            ET.SubElement(case, "system-out").text = _clean("\n".join(lines))


def _clean(text: str) -> str:
    """XML 1.0 cannot carry most control characters; replace them rather than write a broken file."""
    return "".join(ch if ch in "\t\n\r" or ord(ch) >= 0x20 and ch not in "\ufffe\uffff" else "?" for ch in text)
