"""JUnit XML: one testsuite per collection, one testcase per item × iteration.

Contract breaks are <failure>, items that could not run are <error>.
"""

from __future__ import annotations

import shutil
import tempfile
import xml.etree.ElementTree as ET
from typing import IO

from ..atomic import AtomicWriter
from ..events import ItemFinished, RunFinished, RunStarted
from ..model import ItemResult
from ..redact import Redactor


class JunitReporter:
    """Test cases are serialised as items finish (to a scratch file) and wrapped in their suite,
    whose counts are only known at the end, when the run finishes."""

    def __init__(self, path: str, redactor: Redactor, *, stdout: IO[str] | None = None) -> None:
        self.path = path
        self.redactor = redactor
        self.stdout = stdout  # where `-` writes
        self.name = "collection"
        self.iterations = 1
        self.cases: IO[str] | None = None

    def handle(self, event: object) -> None:
        if isinstance(event, RunStarted):
            self.name, self.iterations = event.collection, event.iterations
            self.cases = tempfile.TemporaryFile("w+", encoding="utf-8")
        elif isinstance(event, ItemFinished) and self.cases is not None:
            holder = ET.Element("testsuite")
            self._case(holder, event.result)
            case = holder[0]
            ET.indent(case, space="  ", level=2)
            self.cases.write("    " + ET.tostring(case, encoding="unicode").rstrip() + "\n")
        elif isinstance(event, RunFinished) and self.cases is not None:
            self.write(event)

    def abort(self) -> None:
        if self.cases is not None:
            self.cases.close()
            self.cases = None

    def write(self, event: RunFinished) -> None:
        summary, seconds = event.summary, f"{event.duration_ms / 1000:.3f}"
        # JUnit has no "unchecked": such cases are <skipped> with the reason, and counted as skipped
        counts = {"tests": str(summary.total), "failures": str(summary.failed), "errors": str(summary.errors),
                  "skipped": str(summary.skipped + summary.unchecked), "time": seconds}
        suites = ET.Element("testsuites", counts)
        suite = ET.Element("testsuite", {"name": _clean(self.name), **counts})
        out = AtomicWriter(self.path, stdout=self.stdout)
        try:
            out.write("<?xml version='1.0' encoding='utf-8'?>\n")
            out.write(_open_tag(suites) + "\n  " + _open_tag(suite) + "\n")
            assert self.cases is not None
            self.cases.seek(0)
            shutil.copyfileobj(self.cases, out.stream)
            out.write("  </testsuite>\n</testsuites>\n")
            out.commit()
        except BaseException:
            out.abort()
            raise
        finally:
            if self.cases is not None:
                self.cases.close()
            self.cases = None

    def _case(self, suite: ET.Element, result: ItemResult) -> None:
        name = result.item if self.iterations == 1 else f"{result.item} [iteration {result.iteration + 1}]"
        seconds = (result.response.time_ms / 1000) if result.response else 0.0
        case = ET.SubElement(suite, "testcase", name=_clean(name), classname=_clean(self.name), time=f"{seconds:.3f}")
        mask = self.redactor.text
        failed = result.failed_checks
        if result.outcome == "error":
            element = ET.SubElement(case, "error", message=_clean(mask(result.error or "error")), type="error")
            element.text = _clean(mask("\n".join(filter(None, [result.error, result.hint and f"hint: {result.hint}"]))))
        elif result.outcome == "failed":
            element = ET.SubElement(case, "failure", message=_clean(mask(failed[0].message if failed else "failed")),
                                    type="contract")
            element.text = _clean(mask("\n".join(f"{c.name}: {c.message}" for c in failed)))
        elif result.outcome in ("skipped", "unchecked"):
            ET.SubElement(case, "skipped", message=_clean(mask(result.reason)), type=result.outcome)
        lines = []
        if result.request is not None:
            lines.append(f"{result.request.method} {self.redactor.url(result.request.url)}")
        if result.response is not None:
            lines.append(f"{result.response.code} {result.response.reason} {result.response.time_ms:.0f} ms")
        lines += [f"{c.mark} {c.name}: {mask(c.message)}" for c in result.checks]
        lines += [f"note: {mask(n)}" for n in result.notes]
        if result.compat:  # what --compat newman let through: a property per case, and in the output
            properties = ET.SubElement(case, "properties")
            for compat in result.compat:
                ET.SubElement(properties, "property", name=f"compat-newman.{compat.kind}",
                              value=_clean(mask(compat.message)))
            lines += [f"compat: {mask(n.message)}" for n in result.compat]
        lines += [mask(line) for line in result.console]
        if lines:
            ET.SubElement(case, "system-out").text = _clean("\n".join(lines))


def _clean(text: str) -> str:
    """XML 1.0 cannot carry most control characters; replace them rather than write a broken file."""
    return "".join(ch if ch in "\t\n\r" or ord(ch) >= 0x20 and ch not in "\ufffe\uffff" else "?" for ch in text)


def _open_tag(element: ET.Element) -> str:
    """`<name a="…">` with ElementTree's escaping, for a container whose children are streamed."""
    text = ET.tostring(element, encoding="unicode", short_empty_elements=False)
    return text[: text.rindex("</")]
