"""Per-item cost of a test script: 500 items with a 5-line test script against the same 500 without.

Both runs go through `engine.runner.run` against a local keep-alive HTTP/1.1 server on
127.0.0.1 (tests/script_corpus/make_corpus.py, in a child process so that its threads do not
compete with the runner for the GIL), with no reporters, so the difference is the script
step: building the sandbox input, running the script in QuickJS, folding results back.

    /work/venv/bin/python benchmarks/bench_scripts_overhead.py [--items 500] [--runs 3]

Prints the median wall time of each kind of run, the per-item time, the per-item overhead of the
script in milliseconds, and the ratio.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from script_corpus.make_corpus import CorpusServer, collection, item  # noqa: E402

TEST_SCRIPT = """
pm.test("status is 200", function () {
    pm.response.to.have.status(200);
    var body = pm.response.json();
    pm.expect(body.ok).to.eql(true);
});
"""


class _Remote:
    def __init__(self, url: str) -> None:
        self.url = url


@contextlib.contextmanager
def served(in_process: bool) -> Iterator[Any]:
    """The corpus server in a child process (default) or in this one."""
    if in_process:
        with CorpusServer() as server:
            yield server
        return
    child = subprocess.Popen([sys.executable, str(ROOT / "tests" / "script_corpus" / "make_corpus.py"), "--serve"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        yield _Remote(child.stdout.readline().strip())
    finally:
        assert child.stdin is not None
        child.stdin.close()
        child.wait(timeout=10)


def build(items: int, with_scripts: bool):
    from engine.load import load_collection  # the document goes through the real loader
    import json
    import tempfile

    document = collection(
        "overhead " + ("with scripts" if with_scripts else "plain"),
        [item(f"item {n}", "GET", f"{{{{baseUrl}}}}/bench/{n}", test=TEST_SCRIPT if with_scripts else None)
         for n in range(items)],
    )
    with tempfile.NamedTemporaryFile("w", suffix=".postman_collection.json", delete=False) as handle:
        json.dump(document, handle)
    try:
        return load_collection(handle.name)
    finally:
        Path(handle.name).unlink()


def timed_run(loaded, base_url: str, items: int, with_scripts: bool) -> float:
    from engine.runner import run

    started = time.perf_counter()
    result = run(loaded, env_vars={"baseUrl": base_url})
    elapsed = time.perf_counter() - started
    if result.summary.total != items or result.summary.passed != items:
        raise SystemExit(f"unexpected results: {result.summary}")
    if with_scripts:
        tests = sum(1 for r in result.results for c in r.checks if c.name == "test" and c.passed)
        if tests != items:
            raise SystemExit(f"expected {items} passing pm.test checks, got {tests}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--in-process", action="store_true",
                        help="run the server in this process (its threads then compete for the GIL)")
    args = parser.parse_args(argv)

    plain, scripted = build(args.items, False), build(args.items, True)
    with served(args.in_process) as server:
        # Warm-up: imports, the QuickJS engine, the connection pool.
        timed_run(plain, server.url, args.items, False)
        timed_run(scripted, server.url, args.items, True)
        times: dict[bool, list[float]] = {False: [], True: []}
        for _ in range(args.runs):  # interleaved, so drift hits both kinds alike
            for kind, loaded in ((False, plain), (True, scripted)):
                times[kind].append(timed_run(loaded, server.url, args.items, kind))

    plain_s, scripted_s = statistics.median(times[False]), statistics.median(times[True])
    per_plain, per_scripted = plain_s / args.items * 1000, scripted_s / args.items * 1000
    print(f"{args.items} items, median of {args.runs} runs (Python {sys.version.split()[0]})")
    print(f"{'':<24}{'run (s)':>10}{'per item (ms)':>16}")
    print(f"{'without scripts':<24}{plain_s:>10.3f}{per_plain:>16.3f}")
    print(f"{'5-line test script':<24}{scripted_s:>10.3f}{per_scripted:>16.3f}")
    print(f"per-item overhead of the script: {per_scripted - per_plain:.3f} ms")
    print(f"ratio (with / without): {scripted_s / plain_s:.2f}x")
    best_plain, best_scripted = min(times[False]), min(times[True])
    print(f"best runs: overhead {(best_scripted - best_plain) / args.items * 1000:.3f} ms per item, "
          f"ratio {best_scripted / best_plain:.2f}x (less sensitive to a busy machine)")
    print("all runs (s): without " + ", ".join(f"{t:.3f}" for t in times[False])
          + "; with " + ", ".join(f"{t:.3f}" for t in times[True]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
