"""Postman v3 directories at scale: load, list and a run's memory, measured side by side in one run.

1. Generates an OpenAPI-style collection of N requests (one documented 200 each), writes it as a v3
   directory with `postman-replay convert` (N request files, N example files), and the same
   collection as v2.1 JSON next to it.
2. Load: `load_collection(DIR, stream=None)` (what `run` does) and the whole load (stream=False,
   what `list` does), in a fresh interpreter each: wall time and peak RSS, with the v2.1 JSON load
   of the same collection beside it.
3. `postman-replay list DIR`: wall time and peak RSS.
4. A run's memory: peak RSS of `postman-replay run DIR -r json --reporter-json-export …` for N/10
   and N request files against a loopback server that answers at once.

    python benchmarks/bench_v3.py              # N = 10,000; ~2 min
    python benchmarks/bench_v3.py --items 2000 --skip-run
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import CLI, ROOT, ServerProcess, peak_rss_mb, run_child, verdict

LOAD_SECONDS = 2.0
LOAD_MB = 150.0

PROBE = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from engine.load import load_collection
start, cpu = time.perf_counter(), time.process_time()
collection = load_collection(sys.argv[1], stream={stream})
wall, cpu = time.perf_counter() - start, time.process_time() - cpu
items = sum(1 for _ in collection.walk())
print(json.dumps({{"wall": wall, "cpu": cpu, "items": items,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def write_v3(items: int, directory: Path) -> tuple[Path, Path]:
    """Generated in child processes: a fork inherits the parent's peak RSS on Linux, so the probes
    below must start from a small parent, not one that held the generated collection."""
    source = directory / f"generated-{items}.postman_collection.json"
    subprocess.run([sys.executable, str(Path(__file__).with_name("_collections.py")), str(items), str(source)],
                   check=True, capture_output=True)
    target = directory / f"v3-{items}" / "postman" / "collections" / "Generated"
    result = subprocess.run([CLI, "convert", str(source), "--to", "v3", str(target)], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"convert failed: {result.stderr}")
    return source, target


def probe(path: Path, stream: str) -> dict:
    """Load in a fresh interpreter: its wall time and peak RSS are the load's alone."""
    code = PROBE.format(root=str(ROOT), stream=stream)
    result = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        sys.exit(f"load failed: {result.stderr[-500:]}")
    return json.loads(result.stdout)


def best(path: Path, stream: str, repeat: int) -> dict:
    runs = [probe(path, stream) for _ in range(repeat)]
    return min(runs, key=lambda r: r["wall"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3, help="loads per variant; the fastest counts")
    parser.add_argument("--skip-run", action="store_true", help="skip the run-memory measurement")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-v3-") as tmp, ServerProcess() as base_url:
        directory = Path(tmp)
        source, target = write_v3(args.items, directory)
        files = sum(1 for p in target.rglob("*.yaml"))
        print(f"v3 directory: {args.items:,} requests, {files:,} YAML files")
        print(f"  {'load':<34} {'wall s':>8} {'CPU s':>8} {'peak MB':>8}   (machine load {os.getloadavg()[0]:.1f})")
        figures = {}
        for label, path, stream in (("v3, as run loads (stubs)", target, "None"),
                                    ("v3, whole (as validate loads)", target, "False"),
                                    ("v2.1 JSON, whole (same items)", source, "False")):
            figures[label] = best(path, stream, args.repeat)
            print(f"  {label:<34} {figures[label]['wall']:>8.2f} {figures[label]['cpu']:>8.2f} "
                  f"{figures[label]['rss_mb']:>8.1f}")
        run_load = figures["v3, as run loads (stubs)"]
        whole = figures["v3, whole (as validate loads)"]
        json_load = figures["v2.1 JSON, whole (same items)"]
        print(f"  v3 whole / v2.1 JSON: {whole['wall'] / json_load['wall']:.1f}× the time")
        print(f"  load as run does ≤ {LOAD_SECONDS:.0f} s and ≤ {LOAD_MB:.0f} MB: wall "
              f"{verdict(run_load['wall'] <= LOAD_SECONDS and run_load['rss_mb'] <= LOAD_MB)}, CPU "
              f"{verdict(run_load['cpu'] <= LOAD_SECONDS and run_load['rss_mb'] <= LOAD_MB)} "
              "(on a shared machine CPU time is the fairer figure)")
        mb, _, code = peak_rss_mb([CLI, "list", str(target)])
        wall, cpu, _ = run_child([CLI, "list", str(target)])
        print(f"  postman-replay list DIR: {wall:.2f} s wall, {cpu:.2f} s CPU, {mb:.1f} MB peak (exit {code}); "
              f"≤ {LOAD_SECONDS:.0f} s: wall {verdict(wall <= LOAD_SECONDS)}, CPU {verdict(cpu <= LOAD_SECONDS)}")
        if args.skip_run:
            return
        small_source, small = write_v3(max(1, args.items // 10), directory)
        print("  a run's peak memory: postman-replay run DIR -r json --reporter-json-export …")
        rows = []
        for path, count in ((small, max(1, args.items // 10)), (target, args.items)):
            report = directory / f"report-{count}.json"
            mb, wall, code = peak_rss_mb([CLI, "run", str(path), "--env-var", f"baseUrl={base_url}", "-r", "json",
                                          "--reporter-json-export", str(report)])
            rows.append(mb)
            print(f"    {count:>7,} request files: {mb:7.1f} MB peak, {wall:6.1f} s (exit {code})")
        print(f"    {args.items:,} / {max(1, args.items // 10):,} files: {rows[1] / rows[0]:.2f}× the memory "
              f"(flat means close to 1×)")


if __name__ == "__main__":
    main()
