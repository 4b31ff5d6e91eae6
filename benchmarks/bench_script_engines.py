"""Compare the embedded JavaScript engines considered for the script sandbox.

Run: /work/venv/bin/python benchmarks/bench_script_engines.py
Prints install size, import time, context start-up, per-script cost, timeout
behaviour, synchronous Python callbacks and default sandboxing for `quickjs`
and `mini-racer`, then the per-call cost of `engine.scripts.Sandbox.run`.
"""

from __future__ import annotations

import dataclasses
import statistics
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

SITE = Path(sysconfig.get_paths()["purelib"])
FIVE_LINES = """
var body = JSON.parse('{"id": 7, "name": "x", "tags": [1, 2, 3]}');
var ok = body.id === 7 && body.tags.length === 3;
var name = body.name.toUpperCase();
var total = body.tags.reduce(function (a, b) { return a + b; }, 0);
ok && name === 'X' && total === 6;
"""
PROBES = ["require", "process", "fetch", "XMLHttpRequest", "std", "os", "Deno", "setTimeout"]


def du(paths: list[str]) -> float:
    """Size in MiB of the given site-packages entries (files or directories)."""
    total = 0
    for name in paths:
        for path in SITE.glob(name):
            files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
            total += sum(f.stat().st_size for f in files)
    return total / 2**20


def import_ms(module: str) -> float:
    """Median wall time of `import module` in a fresh interpreter, in ms."""
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    runs = [float(subprocess.check_output([sys.executable, "-c", code])) for _ in range(5)]
    return statistics.median(runs) * 1000


def median_ms(fn, n: int) -> float:
    samples = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t)
    return statistics.median(samples) * 1000


def bench_quickjs() -> dict[str, object]:
    import _quickjs

    ctx = _quickjs.Context()
    ctx.set_time_limit(0.2)
    t = time.perf_counter()
    try:
        ctx.eval("for (;;) {}")
        stopped = "no"
    except _quickjs.JSException as exc:
        stopped = f"yes, {str(exc).splitlines()[0]} after {(time.perf_counter() - t) * 1000:.0f} ms"
    usable = ctx.eval("1 + 1") == 2
    ctx.add_callable("py_echo", lambda s: s + "!")
    try:
        ctx.eval("py_echo('hi')")
        with_limit = "allowed"
    except _quickjs.JSException as exc:
        with_limit = str(exc).splitlines()[0]
    ctx.set_time_limit(-1)
    sync_cb = ctx.eval("py_echo('hi')") == "hi!"
    ctx.set_time_limit(0.2)
    exposed = [p for p in PROBES if ctx.eval(f"typeof {p}") != "undefined"]
    return {
        "install MiB": du(["_quickjs*.so", "quickjs"]),
        "import ms": import_ms("quickjs"),
        "context ms": median_ms(_quickjs.Context, 200),
        "5-line script ms": median_ms(lambda: ctx.eval(FIVE_LINES), 500),
        "interrupt loop": f"{stopped}; usable after: {usable}",
        "sync Python callback": f"add_callable works: {sync_cb}; with a time limit set: {with_limit}",
        "globals exposed": ", ".join(exposed) or "none",
    }


def bench_mini_racer() -> dict[str, object]:
    from py_mini_racer import JSTimeoutException, MiniRacer

    ctx = MiniRacer()
    t = time.perf_counter()
    try:
        ctx.eval("for (;;) {}", timeout_sec=0.2)
        stopped = "no"
    except JSTimeoutException:
        stopped = f"yes after {(time.perf_counter() - t) * 1000:.0f} ms"
    usable = ctx.eval("1 + 1") == 2
    exposed = [p for p in PROBES if ctx.eval(f"typeof {p}") != "undefined"]
    result = {
        "install MiB": du(["py_mini_racer"]),
        "import ms": import_ms("py_mini_racer"),
        "context ms": median_ms(lambda: MiniRacer().close(), 20),
        "5-line script ms": median_ms(lambda: ctx.eval(FIVE_LINES), 500),
        "interrupt loop": f"{stopped}; usable after: {usable}",
        "sync Python callback": "no: wrap_py_function is async (returns a Promise)",
        "globals exposed": ", ".join(exposed) or "none",
    }
    ctx.close()
    return result


def bench_sandbox() -> tuple[float, float, float]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from engine.scripts import Sandbox, ScriptInput

    test = (
        "pm.test('status is 200', function () {\n"
        "    pm.response.to.have.status(200);\n"
        "    var body = pm.response.json();\n"
        "    pm.expect(body.id).to.equal(7);\n"
        "});"
    )
    data = ScriptInput(
        event="test", scripts=[("item 'Get'", test)], item_name="Get", item_path="Get",
        iteration=0, iteration_count=1,
        request={"method": "GET", "url": "http://127.0.0.1/x", "headers": [], "body": None},
        response={"code": 200, "status": "OK", "headers": [["Content-Type", "application/json"]],
                  "body": '{"id": 7}', "responseTime": 3.0, "size": 9},
        scopes={"globals": {}, "collection": {}, "environment": {"a": "1"}, "data": {}, "local": {}},
        precedence=["local", "data", "environment", "collection", "globals"],
        cookies=[], send_request=None,
    )
    t = time.perf_counter()
    box = Sandbox()
    box.run(data)
    first = (time.perf_counter() - t) * 1000
    outcome = box.run(data)
    assert outcome.failure is None and outcome.tests[0].passed, outcome
    per_call = median_ms(lambda: box.run(data), 500)
    empty = dataclasses.replace(data, scripts=[])
    per_empty = median_ms(lambda: box.run(empty), 500)
    box.close()
    return first, per_call, per_empty


def main() -> None:
    rows = {"quickjs 1.19.4": bench_quickjs(), "mini-racer 0.14.1": bench_mini_racer()}
    keys = list(next(iter(rows.values())))
    print("| measure | " + " | ".join(rows) + " |")
    print("|---|" + "---|" * len(rows))
    for key in keys:
        cells = [f"{v[key]:.3f}" if isinstance(v[key], float) else str(v[key]) for v in rows.values()]
        print(f"| {key} | " + " | ".join(cells) + " |")
    first, per_call, per_empty = bench_sandbox()
    print(f"\nSandbox first run (engine import + context + pm library): {first:.2f} ms")
    print(f"Sandbox.run, 5-line test script, median of 500: {per_call:.3f} ms")
    print(f"Sandbox.run, same input with no scripts, median of 500: {per_empty:.3f} ms")


if __name__ == "__main__":
    main()
