"""Parallel folders (`--workers`) and memory growth with collection size.

Run: /work/venv/bin/python benchmarks/bench_workers.py [--quick]

  1. Speed-up: N items spread evenly over 20 tag folders against a loopback server (own process,
     threaded, HTTP/1.1 keep-alive) that answers after 20 ms. The library's
     `run(collection, RunOptions(workers=…))` is timed sequentially and with 8 workers in the
     same run. Target (issue 3): 8 workers ≥ 6× faster than sequential. With 20 equal folders
     on 8 workers the folders run in 3 waves, so the ideal is 20/3 = 6.67×.
  2. Peak memory: peak RSS of `postman-replay run FILE -r json --reporter-json-export …`
     (a subprocess, measured from outside) for S and 10×S items against a server that answers
     at once. Target: the larger run within 20% of the smaller one.

Default sizes: 1,000 items (speed-up), 1,000 vs 10,000 items (memory); about 1 minute on
2 cores. `--quick` uses 200 items and 500 vs 5,000.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import CLI, ServerProcess, collections_gen, peak_rss_mb, timed, verdict  # noqa: E402

FOLDERS = 20
WORKERS = 8
SPEEDUP_TARGET = 6.0
MEMORY_TARGET = 1.20


def speedup(items: int, delay_ms: float) -> None:
    from engine.load import load_collection
    from engine.runner import RunOptions, run

    with tempfile.TemporaryDirectory(prefix="bench-workers-") as tmp, ServerProcess(delay_ms=delay_ms) as base_url:
        path = Path(tmp) / "workers.postman_collection.json"
        path.write_text(json.dumps(collections_gen.generate(items, FOLDERS, base_url=base_url)), encoding="utf-8")
        collection = load_collection(path)
        run(collection, RunOptions(), items=(collection.items[0].items[0].name,))  # warm-up, one item
        seq_wall, seq_cpu, seq = timed(lambda: run(collection, RunOptions(workers=1)))
        par_wall, par_cpu, par = timed(lambda: run(collection, RunOptions(workers=WORKERS)))
    ideal = items * delay_ms / 1000
    waves = -(-FOLDERS // WORKERS)
    print(f"  speed-up: {items} items in {FOLDERS} folders, server answers after {delay_ms:.0f} ms "
          f"(library run(), no reporters)")
    print(f"    {'workers':<8} {'wall s':>8} {'CPU s':>7} {'passed':>7}")
    print(f"    {1:<8} {seq_wall:>8.2f} {seq_cpu:>7.2f} {seq.summary.passed:>7}   (server time alone: {ideal:.1f} s)")
    print(f"    {WORKERS:<8} {par_wall:>8.2f} {par_cpu:>7.2f} {par.summary.passed:>7}   "
          f"(ideal: {waves} waves × {items // FOLDERS} items × {delay_ms:.0f} ms = "
          f"{waves * (items // FOLDERS) * delay_ms / 1000:.1f} s)")
    if seq.summary.passed != items or par.summary.passed != items:
        print("    warning: not every item passed; the figures may not compare like with like")
    ratio = seq_wall / par_wall
    print(f"    speed-up {ratio:.2f}×  (ideal {FOLDERS / waves:.2f}×)  target ≥ {SPEEDUP_TARGET:.0f}×: "
          f"{verdict(ratio >= SPEEDUP_TARGET)}")


def memory(sizes: tuple[int, int]) -> None:
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp, ServerProcess(delay_ms=0) as base_url:
        for items in sizes:
            path = Path(tmp) / f"memory-{items}.postman_collection.json"
            path.write_text(json.dumps(collections_gen.generate(items, FOLDERS, base_url=base_url)), encoding="utf-8")
            report = Path(tmp) / f"report-{items}.json"
            cmd = [CLI, "run", str(path), "-r", "json", "--reporter-json-export", str(report)]
            rss, wall, code = peak_rss_mb(cmd, timeout=600)
            rows.append((items, rss, wall, code, path.stat().st_size / 2**20,
                         report.stat().st_size / 2**20 if report.exists() else 0.0))
    print("  peak memory: postman-replay run FILE -r json --reporter-json-export …, server answers at once")
    print(f"    {'items':>7} {'peak RSS MB':>12} {'wall s':>8} {'exit':>5} {'collection MB':>14} {'report MB':>10}")
    for items, rss, wall, code, size, report_size in rows:
        print(f"    {items:>7} {rss:>12.1f} {wall:>8.2f} {code:>5} {size:>14.1f} {report_size:>10.1f}")
    growth = rows[1][1] / rows[0][1]
    print(f"    growth {growth:.2f}× for {sizes[1] // sizes[0]}× the items  target ≤ {MEMORY_TARGET:.2f}×: "
          f"{verdict(growth <= MEMORY_TARGET)}")


def memory_iterations(items: int, factor: int) -> None:
    """The same collection run for `items` and for `factor` × `items` requests (-n): what the run
    itself holds, apart from the size of the collection it loads."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp, ServerProcess(delay_ms=0) as base_url:
        path = Path(tmp) / "memory.postman_collection.json"
        path.write_text(json.dumps(collections_gen.generate(items, FOLDERS, base_url=base_url)), encoding="utf-8")
        for count in (1, factor):
            report = Path(tmp) / f"report-{count}.json"
            cmd = [CLI, "run", str(path), "-n", str(count), "-r", "json", "--reporter-json-export", str(report)]
            rss, wall, code = peak_rss_mb(cmd, timeout=900)
            rows.append((items * count, rss, wall, code))
    print(f"  peak memory: one {items}-item collection, -n 1 vs -n {factor} (requests sent grow, collection does not)")
    print(f"    {'requests':>9} {'peak RSS MB':>12} {'wall s':>8} {'exit':>5}")
    for sent, rss, wall, code in rows:
        print(f"    {sent:>9} {rss:>12.1f} {wall:>8.2f} {code:>5}")
    growth = rows[1][1] / rows[0][1]
    print(f"    growth {growth:.2f}× for {factor}× the requests  target ≤ {MEMORY_TARGET:.2f}×: "
          f"{verdict(growth <= MEMORY_TARGET)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller sizes, well under a minute")
    parser.add_argument("--delay-ms", type=float, default=20)
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--skip-speedup", action="store_true")
    args = parser.parse_args()
    print(f"bench_workers (python {sys.version.split()[0]}, {os.cpu_count()} CPUs)")
    if not args.skip_speedup:
        speedup(200 if args.quick else 1000, args.delay_ms)
    if not args.skip_memory:
        memory((500, 5000) if args.quick else (1000, 10_000))
        memory_iterations(500 if args.quick else 1000, 10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
