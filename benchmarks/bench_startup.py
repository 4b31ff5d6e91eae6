"""Start-up time and the cost of `list` on a large collection.

Run: /work/venv/bin/python benchmarks/bench_startup.py [--runs 21] [--items 10000]

  1. `postman-replay --version`: median wall time of `--runs` subprocess runs (target < 150 ms),
     next to a bare `python -c pass` for the interpreter's own floor.
  2. `python -X importtime -c "import engine.cli"`: the slowest imports (cumulative).
  3. `postman-replay list` on a generated OpenAPI-style collection of `--items` items:
     median wall time of 3 runs (target < 1 s) and peak RSS (target < 150 MB).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import CLI, collections_gen, median, peak_rss_mb, verdict  # noqa: E402

VERSION_TARGET_MS = 150
LIST_TARGET_S = 1.0
LIST_RSS_TARGET_MB = 150


def wall_ms(cmd: list[str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, timeout=60)
        samples.append((time.perf_counter() - start) * 1000)
    return median(samples)


def import_times(module: str, top: int) -> list[tuple[int, int, str]]:
    """(cumulative µs, self µs, module) for the slowest imports of `module` in a fresh interpreter."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {module}"],
                          capture_output=True, text=True, timeout=60, check=True)
    rows = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        self_us, cumulative_us, name = (part.strip() for part in line[len("import time:"):].split("|", 2))
        rows.append((int(cumulative_us), int(self_us), name))
    return sorted(rows, reverse=True)[:top]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    runs = max(1, args.runs)

    print(f"bench_startup (python {sys.version.split()[0]}, {os.cpu_count()} CPUs)")
    subprocess.run([CLI, "--version"], stdout=subprocess.DEVNULL, check=True)  # warm the page cache
    floor = wall_ms([sys.executable, "-c", "pass"], runs)
    version = wall_ms([CLI, "--version"], runs)
    print(f"  python -c pass            median of {runs}: {floor:7.1f} ms  (interpreter floor)")
    print(f"  postman-replay --version  median of {runs}: {version:7.1f} ms  "
          f"target < {VERSION_TARGET_MS} ms: {verdict(version < VERSION_TARGET_MS)}")

    print(f"  python -X importtime -c 'import engine.cli', top {args.top} by cumulative time:")
    print(f"    {'cumul. ms':>9} {'self ms':>8}  module")
    for cumulative, own, name in import_times("engine.cli", args.top):
        print(f"    {cumulative / 1000:>9.1f} {own / 1000:>8.1f}  {name}")

    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        path = collections_gen.write(Path(tmp) / "large.postman_collection.json", args.items, 40, mixed_methods=True)
        size_mb = path.stat().st_size / 2**20
        cmd = [CLI, "list", str(path)]
        results = [peak_rss_mb(cmd) for _ in range(3)]
        codes = {code for _, _, code in results}
        wall = median([w for _, w, _ in results])
        rss = max(r for r, _, _ in results)
    print(f"  postman-replay list, {args.items} items in 40 tag folders ({size_mb:.1f} MB JSON), median of 3:")
    if codes != {0}:
        print(f"    warning: list exited {sorted(codes)}")
    print(f"    wall {wall:.3f} s   target < {LIST_TARGET_S:.0f} s: {verdict(wall < LIST_TARGET_S)}")
    print(f"    peak RSS {rss:.1f} MB   target < {LIST_RSS_TARGET_MB} MB: {verdict(rss < LIST_RSS_TARGET_MB)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
