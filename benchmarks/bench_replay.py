"""Sequential replay cost against a plain `requests.Session` loop, side by side in one run.

Run: /work/venv/bin/python benchmarks/bench_replay.py [--items 1000] [--repeat 3]

A keep-alive HTTP/1.1 server (stdlib ThreadingHTTPServer, own process) answers every request
with 200 and a small JSON body. A generated collection of N GET items documents exactly that
response. Each variant is run `--repeat` times, round-robin, and the median is reported:

  (a) requests  a plain requests.Session loop sending the same N requests (the URLs and headers
                the engine resolves, taken from a dry run) and reading every body
  (b) library   engine.runner.run(collection, RunOptions(...)), no reporters
  (c) cli       `postman-replay run FILE -r json --reporter-json-export …` as a subprocess,
                whole wall time including interpreter start-up, loading and writing the report
  (d) newman    `newman run FILE -r json --reporter-json-export …` where newman is installed

Target (issue 2): engine wall time ≤ 1.5× the requests loop.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import CLI, ServerProcess, collections_gen, find_newman, median, run_child, timed, verdict  # noqa: E402

TARGET = 1.5


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per variant (use 5+ on a busy machine)")
    parser.add_argument("--no-newman", action="store_true", help="skip newman even when installed")
    args = parser.parse_args()
    items, repeat = max(1, args.items), max(1, args.repeat)

    import requests

    from engine.load import load_collection
    from engine.runner import RunOptions, run

    newman = None if args.no_newman else find_newman()
    work = Path(tempfile.mkdtemp(prefix="bench-replay-"))
    with ServerProcess(delay_ms=0) as base_url:
        path = work / "replay.postman_collection.json"
        path.write_text(json.dumps(collections_gen.generate(items, 20, base_url=base_url)), encoding="utf-8")
        load_s, _, collection = timed(lambda: load_collection(path))

        # The exact requests the engine sends, for the plain loop.
        planned = run(collection, RunOptions(dry_run=True)).results
        wire = [(r.request.url, dict(r.request.headers)) for r in planned]
        assert len(wire) == items, f"dry run resolved {len(wire)} of {items} items"

        def plain_loop() -> int:
            ok = 0
            with requests.Session() as session:
                for url, headers in wire:
                    response = session.get(url, headers=headers, timeout=30)
                    ok += response.status_code == 200 and len(response.content) > 0
            return ok

        def library() -> int:
            return run(collection, RunOptions()).summary.passed

        report = work / "report.json"
        cli_cmd = [CLI, "run", str(path), "-r", "json", "--reporter-json-export", str(report)]
        newman_cmd = [newman, "run", str(path), "-r", "json", "--reporter-json-export", str(work / "newman.json"),
                      "--disable-unicode"] if newman else None

        plain_loop()  # warm the server and both code paths once, untimed
        library()

        samples: dict[str, list[tuple[float, float]]] = {"requests": [], "library": [], "cli": [], "newman": []}
        bad: list[str] = []
        for _ in range(repeat):  # round-robin so drift on the machine hits every variant alike
            wall, cpu, ok = timed(plain_loop)
            samples["requests"].append((wall, cpu))
            bad += [] if ok == items else [f"requests loop: {ok}/{items} ok"]
            wall, cpu, passed = timed(library)
            samples["library"].append((wall, cpu))
            bad += [] if passed == items else [f"library: {passed}/{items} passed"]
            wall, cpu, code = run_child(cli_cmd)
            samples["cli"].append((wall, cpu))
            bad += [] if code == 0 else [f"cli exited {code}"]
            if newman_cmd:
                wall, cpu, code = run_child(newman_cmd, env={**os.environ, "NO_COLOR": "1"})
                samples["newman"].append((wall, cpu))
                bad += [] if code == 0 else [f"newman exited {code}"]

    print(f"bench_replay: {items} sequential GET requests, keep-alive loopback server in its own process, "
          f"median of {repeat} (python {sys.version.split()[0]}, {os.cpu_count()} CPUs)")
    print(f"  collection load (library, untimed in (b)): {load_s * 1000:.0f} ms")
    print(f"  {'variant':<10} {'wall s':>8} {'ms/req':>8} {'client CPU s':>13} {'× requests':>11}")
    base = median([w for w, _ in samples["requests"]])
    base_cpu = median([c for _, c in samples["requests"]])
    rows: dict[str, float] = {}
    cpu_rows: dict[str, float] = {}
    for name, runs in samples.items():
        if not runs:
            continue
        wall = median([w for w, _ in runs])
        cpu = median([c for _, c in runs])
        rows[name] = wall / base
        cpu_rows[name] = cpu / base_cpu
        print(f"  {name:<10} {wall:>8.3f} {wall / items * 1000:>8.2f} {cpu:>13.3f} {wall / base:>10.2f}×")
    if args.no_newman:
        print("  newman     skipped (--no-newman)")
    elif not newman_cmd:
        print("  newman     newman not installed (see benchmarks/README.md to install it in /tmp/newman, or set NEWMAN=path)")
    for problem in bad:
        print(f"  warning: {problem} — the figures above may not compare like with like")
    print(f"target ≤ {TARGET}× the requests loop:")
    print(f"  library/requests = {rows['library']:.2f}×  {verdict(rows['library'] <= TARGET)} "
          f"(client CPU: {cpu_rows['library']:.2f}×)")
    print(f"  cli/requests     = {rows['cli']:.2f}×  {verdict(rows['cli'] <= TARGET)} "
          "(includes interpreter start-up, loading and the JSON report)")
    if "newman" in rows:
        print(f"  newman/requests  = {rows['newman']:.2f}×  (reference only; the cli run is "
              f"{rows['newman'] / rows['cli']:.1f}× faster than newman)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
