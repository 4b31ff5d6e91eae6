"""Compare the embedded JavaScript engines for the script sandbox, then measure the sandbox itself.

Run: python benchmarks/bench_script_engines.py [--skip-engines] [--items N]

Part 1 (engines). `quickjs` (PetterS wrapper, last release 2023), `quickjs-ng` (the same
wrapper API over QuickJS-ng) and `mini-racer` (V8). `quickjs` and `quickjs-ng` install the same
module names, so each engine is installed with `pip install --target` into its own directory
under ~/.cache/postman-replay-bench (outside the repository; reused by later runs) and probed in
a fresh interpreter with that directory on its path. Printed per engine: installed size, import
time, new context, a 5-line script in a warm context, ES2023 features present (of 12), stopping
`for (;;) {}` at a 200 ms bound, a 64 MiB memory limit against a growing array, deep recursion,
a synchronous Python call while a time bound is armed (through the wrapper's own limit, and for
the QuickJS wrappers through the sandbox's own interrupt handler, sandbox.py `_Clock`).

Part 2 (the sandbox, engine/scripts). `Sandbox.run` per item for a 5-line test script, for a
script using lodash and CryptoJS (after the first item), and the first script of a run in a
fresh interpreter (engine import, context, pm library, the script). Targets (issue 7): 0.5 ms,
1 ms and 100 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "postman-replay-bench" / "engines"
ENGINES = {"quickjs": "quickjs==1.19.4", "quickjs-ng": "quickjs-ng", "mini-racer": "mini-racer"}

FIVE_LINES = """
var body = JSON.parse('{"id": 7, "name": "x", "tags": [1, 2, 3]}');
var ok = body.id === 7 && body.tags.length === 3;
var name = body.name.toUpperCase();
var total = body.tags.reduce(function (a, b) { return a + b; }, 0);
ok && name === 'X' && total === 6;
"""
ES2023 = [
    "[1, 2, 3].findLast(function (x) { return x < 3; }) === 2",
    "[3, 1].toSorted()[0] === 1",
    "[1, 2].toReversed()[0] === 2",
    "[1, 2].with(0, 5)[0] === 5",
    "'abc'.at(-1) === 'c'",
    "Object.hasOwn({a: 1}, 'a')",
    "typeof Object.groupBy === 'function'",
    "(function () { class A { #x = 1; static y = 2; get x() { return this.#x; } } return new A().x + A.y === 3; })()",
    "new Error('x', {cause: 1}).cause === 1",
    "'a-b-c'.replaceAll('-', '') === 'abc'",
    "typeof Promise.withResolvers === 'function'",
    "typeof structuredClone === 'function'",
]

PROBE = textwrap.dedent(r'''
    import json, statistics, sys, time
    kind, five, features = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])

    def median_ms(fn, n):
        samples = []
        for _ in range(n):
            t = time.perf_counter(); fn(); samples.append(time.perf_counter() - t)
        return statistics.median(samples) * 1000

    out = {}
    t = time.perf_counter()
    if kind == "mini-racer":
        from py_mini_racer import MiniRacer, JSTimeoutException
    else:
        import _quickjs
    out["import ms"] = (time.perf_counter() - t) * 1000

    def fresh():
        if kind == "mini-racer":
            return MiniRacer()
        return _quickjs.Context()

    out["new context ms"] = median_ms(fresh, 20 if kind == "mini-racer" else 200)
    ctx = fresh()
    run = ctx.eval
    out["5-line script ms"] = median_ms(lambda: run(five), 500)
    ok = 0
    for expr in features:
        try:
            ok += 1 if run(expr) is True else 0
        except Exception:
            pass
    out["ES2023 features (of 12)"] = ok

    # stop an endless loop at a 200 ms bound
    t = time.perf_counter()
    try:
        if kind == "mini-racer":
            run("for (;;) {}", timeout_sec=0.2)
        else:
            ctx.set_time_limit(0.2); run("for (;;) {}")
        stopped = "no"
    except Exception as exc:
        stopped = f"yes, {(time.perf_counter() - t) * 1000:.0f} ms ({type(exc).__name__})"
    if kind != "mini-racer":
        ctx.set_time_limit(-1)
    out["stops for(;;) at 200 ms"] = stopped + ("; usable after" if run("1 + 1") == 2 else "; context broken")

    # memory limit
    try:
        if kind == "mini-racer":
            m = MiniRacer(); m.set_hard_memory_limit(64 * 2**20)
            try:
                m.eval("var a = []; for (;;) a.push(new Array(100000).fill(1));", timeout_sec=10)
                out["64 MiB memory limit"] = "not reached"
            except Exception as exc:
                out["64 MiB memory limit"] = f"stops ({type(exc).__name__}; hard limit reached: {m.was_hard_memory_limit_reached()})"
        else:
            m = _quickjs.Context(); m.set_memory_limit(64 * 2**20); m.set_time_limit(10)
            try:
                m.eval("var a = []; for (;;) a.push(new Array(100000).fill(1));")
                out["64 MiB memory limit"] = "not reached"
            except Exception as exc:
                out["64 MiB memory limit"] = f"stops ({str(exc).splitlines()[0]})"
    except Exception as exc:
        out["64 MiB memory limit"] = f"probe failed: {exc}"

    # deep recursion
    try:
        run("function r() { return r() + 1; } r();")
        out["deep recursion"] = "no error"
    except Exception as exc:
        out["deep recursion"] = str(exc).splitlines()[0][:60]

    # a synchronous call into Python while a time bound is armed
    if kind == "mini-racer":
        out["sync Python call under a time bound"] = "no: wrap_py_function gives an async JS function"
    else:
        c = _quickjs.Context(); c.add_callable("py", lambda s: s + "!")
        c.set_time_limit(1)
        try:
            c.eval("py('x')"); wrapper = "yes"
        except Exception as exc:
            wrapper = "refused (" + str(exc).splitlines()[0][:45] + ")"
        c.set_time_limit(-1)
        sys.path.insert(0, sys.argv[4])
        from engine.scripts.sandbox import _Clock
        clock = _Clock(c)
        clock.limit(time.perf_counter() + 0.2)
        try:
            c.eval("py('x'); for (;;) {}")
            ours = "not stopped"
        except Exception as exc:
            ours = "works, loop stopped" if "interrupted" in str(exc) else str(exc).splitlines()[0]
        clock.limit(None)
        out["sync Python call under a time bound"] = f"wrapper limit: {wrapper}; sandbox's handler: {ours if clock.native else 'n/a'}"
    print(json.dumps(out))
''')


def install(name: str, spec: str) -> Path | None:
    target = CACHE / name
    if not (target / ".done").exists():
        target.mkdir(parents=True, exist_ok=True)
        done = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), spec],
                              capture_output=True, text=True)
        if done.returncode != 0:
            print(f"  {name}: pip install failed ({done.stderr.strip().splitlines()[-1:]})")
            return None
        (target / ".done").write_text(spec)
    return target


def size_mib(target: Path) -> float:
    return sum(p.stat().st_size for p in target.rglob("*") if p.is_file() and ".dist-info" not in str(p)) / 2**20


def bench_engines() -> None:
    rows: dict[str, dict[str, object]] = {}
    for name, spec in ENGINES.items():
        target = install(name, spec)
        if target is None:
            continue
        env = dict(os.environ, PYTHONPATH=str(target))
        done = subprocess.run([sys.executable, "-c", PROBE, name, FIVE_LINES, json.dumps(ES2023), str(ROOT)],
                              capture_output=True, text=True, env=env, cwd="/")
        if done.returncode != 0:
            print(f"  {name}: probe failed: {done.stderr.strip().splitlines()[-1:]}")
            continue
        row: dict[str, object] = {"installed MiB": size_mib(target)}
        row.update(json.loads(done.stdout.strip().splitlines()[-1]))
        rows[name] = row
    if not rows:
        return
    keys = list(next(iter(rows.values())))
    print("| measure | " + " | ".join(rows) + " |")
    print("|---|" + "---|" * len(rows))
    for key in keys:
        cells = [f"{r[key]:.2f}" if isinstance(r.get(key), float) else str(r.get(key, "")) for r in rows.values()]
        print(f"| {key} | " + " | ".join(cells) + " |")


# ---- part 2: the sandbox ---------------------------------------------------------------------

TEST_SCRIPT = (
    "pm.test('status is 200', function () {\n"
    "    pm.response.to.have.status(200);\n"
    "    var body = pm.response.json();\n"
    "    pm.expect(body.id).to.equal(7);\n"
    "});"
)
LIBRARY_SCRIPT = (
    "var body = pm.response.json();\n"
    "var ids = _.map(_.filter(body.items, function (i) { return i.n > 1; }), 'id');\n"
    "var signature = CryptoJS.HmacSHA256(ids.join(','), pm.environment.get('secret')).toString(CryptoJS.enc.Base64);\n"
    "pm.environment.set('signature', signature);\n"
    "pm.test('signed', function () { pm.expect(signature).to.have.lengthOf(44); });"
)
FIRST_RUN = textwrap.dedent('''
    import sys, time
    t0 = time.perf_counter()
    sys.path.insert(0, sys.argv[1])
    import engine.runner  # what a run has loaded before its first script
    from engine.scripts import Sandbox, ScriptInput
    data = ScriptInput(event="test", scripts=[("item 'Get'", sys.argv[2])], item_name="Get", item_path="Get",
        iteration=0, iteration_count=1, request={"method": "GET", "url": "http://127.0.0.1/x", "headers": [], "body": None},
        response={"code": 200, "status": "OK", "headers": [["Content-Type", "application/json"]],
                  "body": '{"id": 7, "items": [{"id": 1, "n": 1}, {"id": 2, "n": 2}]}', "responseTime": 3.0, "size": 9},
        scopes={"globals": {}, "collection": {}, "environment": {"secret": "s3cret"}, "data": {}, "local": {}},
        precedence=["local", "data", "environment", "collection", "globals"], cookies=[], send_request=None)
    t1, c0 = time.perf_counter(), time.process_time()
    out = Sandbox().run(data)
    t2, c1 = time.perf_counter(), time.process_time() - c0
    assert out.failure is None and all(t.passed for t in out.tests), out
    print((t2 - t1) * 1000, (t2 - t0) * 1000, c1 * 1000)
''')


def sandbox_input(script: str):  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT))
    from engine.scripts import ScriptInput

    return ScriptInput(
        event="test", scripts=[("item 'Get'", script)], item_name="Get", item_path="Get",
        iteration=0, iteration_count=1,
        request={"method": "GET", "url": "http://127.0.0.1/x", "headers": [], "body": None},
        response={"code": 200, "status": "OK", "headers": [["Content-Type", "application/json"]],
                  "body": '{"id": 7, "items": [{"id": 1, "n": 1}, {"id": 2, "n": 2}]}', "responseTime": 3.0, "size": 9},
        scopes={"globals": {}, "collection": {}, "environment": {"secret": "s3cret"}, "data": {}, "local": {}},
        precedence=["local", "data", "environment", "collection", "globals"], cookies=[], send_request=None,
    )


def per_item_ms(script: str, items: int) -> tuple[float, float]:
    """Median wall time and mean CPU time of Sandbox.run per item, after the first."""
    from engine.scripts import Sandbox

    box, data = Sandbox(), sandbox_input(script)
    first = box.run(data)
    assert first.failure is None and all(t.passed for t in first.tests), first
    samples = []
    cpu = time.process_time()
    for _ in range(items):
        t = time.perf_counter()
        box.run(data)
        samples.append(time.perf_counter() - t)
    cpu = time.process_time() - cpu
    box.close()
    return statistics.median(samples) * 1000, cpu / items * 1000


def first_run_ms(script: str, runs: int) -> tuple[float, float, float]:
    """Medians over fresh interpreters: sandbox start + first script (wall, CPU), and the whole
    process after interpreter start."""
    samples = [[float(x) for x in subprocess.check_output([sys.executable, "-c", FIRST_RUN, str(ROOT), script]).split()]
               for _ in range(runs)]
    return (statistics.median(s[0] for s in samples), statistics.median(s[2] for s in samples),
            statistics.median(s[1] for s in samples))


def bench_sandbox(items: int) -> None:
    import _quickjs  # the engine the sandbox runs on, as installed here

    engine = "quickjs-ng" if "abi3" in Path(_quickjs.__file__).name else "quickjs (not quickjs-ng: reinstall)"
    first, first_cpu, first_total = first_run_ms(TEST_SCRIPT, 5)
    libs, libs_cpu, libs_total = first_run_ms(LIBRARY_SCRIPT, 5)
    five, five_cpu = per_item_ms(TEST_SCRIPT, items)
    lib_item, lib_item_cpu = per_item_ms(LIBRARY_SCRIPT, items)
    rows = [
        ("5-line test script, per item", five, five_cpu, 0.5),
        ("lodash + CryptoJS script, per item after the first", lib_item, lib_item_cpu, 1.0),
        ("first script of a run: engine start + context + pm library + the script", first, first_cpu, 100.0),
        ("first lodash + CryptoJS script of a run (also loads both libraries)", libs, libs_cpu, 100.0),
    ]
    print(f"\nSandbox ({engine}; per item: median wall / mean CPU over {items} items; first runs: medians of 5 "
          "fresh interpreters)\n")
    print("| measure | wall ms | CPU ms | target | met (CPU) |")
    print("|---|---|---|---|---|")
    for label, wall, cpu, target in rows:
        print(f"| {label} | {wall:.3f} | {cpu:.3f} | ≤ {target:g} | {'yes' if cpu <= target else 'NO'} |")
    print(f"\nWhole process to the end of the first script, after interpreter start (imports engine.runner "
          f"first): {first_total:.0f} ms (test script), {libs_total:.0f} ms (lodash + CryptoJS)")
    print(f"Load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs "
          "(on a shared machine wall time counts other processes' turns; CPU time counts ours)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-engines", action="store_true", help="only measure the sandbox")
    parser.add_argument("--items", type=int, default=500)
    args = parser.parse_args()
    if not args.skip_engines:
        bench_engines()
    bench_sandbox(args.items)


if __name__ == "__main__":
    main()
