"""The HTML report at 10,000 items: time to write it, file size, and time to open and filter it in
headless Chromium (Debian's `chromium`; skipped with a note when it is not installed).

    python benchmarks/bench_html_report.py [--items 10000]

The results are synthetic (no network): a mix of passed, failed and errored items with JSON bodies,
fed to the reporter as run events, which is all the reporter ever sees.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engine.events import ItemFinished, RunFinished, RunStarted, Summary  # noqa: E402
from engine.model import CheckResult, ItemResult, PreparedRequest, Response  # noqa: E402
from engine.redact import Redactor  # noqa: E402
from engine.reporters.html import HtmlReporter  # noqa: E402

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def results(count: int) -> list[ItemResult]:
    out = []
    for n in range(count):
        outcome = "failed" if n % 50 == 7 else "error" if n % 97 == 3 else "passed"
        request = PreparedRequest(method="GET", url=f"http://127.0.0.1:8080/users/{n}?page=2",
                                  headers=(("Accept", "application/json"),))
        body = json.dumps({"id": n, "name": f"user {n}", "tags": ["a", "b"], "address": {"city": "Paris"}}).encode()
        response = None if outcome == "error" else Response(
            code=500 if outcome == "failed" else 200, reason="OK", headers=(("Content-Type", "application/json"),),
            body=body, size=len(body), time_ms=5 + (n * 7919) % 300)
        checks = () if outcome == "error" else (CheckResult(
            "status", outcome == "passed",
            "200 OK — example 200" if outcome == "passed" else "undocumented status 500 — documented: 200"),)
        out.append(ItemResult(f"Folder {n // 100}/Get user {n}", 0, outcome, request=request, response=response,
                              checks=checks, error="unresolved variable {{token}}" if outcome == "error" else None))
    return out


def write_report(path: Path, items: list[ItemResult]) -> float:
    reporter = HtmlReporter(str(path), Redactor())
    start = time.perf_counter()
    reporter.handle(RunStarted("bench", None, len(items), 1))
    for result in items:
        reporter.handle(ItemFinished(result))
    reporter.handle(RunFinished(Summary.of(items), (), 1000.0))
    return time.perf_counter() - start


def chromium_seconds(chromium: str, page: Path, profile: Path) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
                          capture_output=True, text=True, timeout=300)
    return time.perf_counter() - start, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=10_000)
    args = parser.parse_args()
    items = results(args.items)
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        seconds = write_report(page, items)
        size = page.stat().st_size
        print(f"{args.items} items: report written in {seconds:.2f} s, {size / 1e6:.1f} MB "
              f"({size / args.items:.0f} B per item)")
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if chromium is None:
            print("note: no Chromium installed; skipped the time to open and filter")
            return
        blank = Path(folder) / "blank.html"
        blank.write_text("<!DOCTYPE html><p>x</p>", encoding="utf-8")
        baseline, _ = chromium_seconds(chromium, blank, Path(folder) / "p0")
        opened, dom = chromium_seconds(chromium, page, Path(folder) / "p1")
        shown = re.search(r"(\d+) of (\d+) shown", dom)
        print(f"headless Chromium: open + run the page's script {opened:.2f} s "
              f"(an empty page: {baseline:.2f} s); counter reads '{shown.group(0) if shown else '?'}'")
        # filter and search, timed inside the page: a copy that clicks 'failed' and types a query
        probe = page.read_text(encoding="utf-8").replace("</body>", """<script>
var t0 = performance.now(), ready = t0;
document.querySelector('[data-filter="failed"]').click();
var t1 = performance.now();
var box = document.getElementById('search'); box.value = 'user 4'; box.dispatchEvent(new Event('input'));
var t2 = performance.now();
document.title = 'page ready ' + ready.toFixed(0) + ' ms after navigation start; filter ' + (t1 - t0).toFixed(1) + ' ms, search ' + (t2 - t1).toFixed(1) + ' ms, ' +
  document.getElementById('shown').textContent;
</script></body>""")
        probed = Path(folder) / "probe.html"
        probed.write_text(probe, encoding="utf-8")
        _, dom = chromium_seconds(chromium, probed, Path(folder) / "p2")
        title = re.search(r"<title>(.*?)</title>", dom)
        print(f"in the page: {title.group(1) if title else '?'}")


if __name__ == "__main__":
    main()
