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
  (c') loop process  (a) as a whole process (`python loop.py`: interpreter start-up, `import
                requests`, the same N requests): what (c) compares with like for like
  (d) newman    `newman run FILE -r json --reporter-json-export …` where newman is installed
  (e) openapi   (b) with `--openapi`: an OpenAPI 3.1 description of every item (written from the
                collection), so every response is checked against its operation's schema
  (f) one item  `postman-replay run` on a one-item collection against `python -c` sending the same
                request with requests.Session: both whole processes (start-up included), --one-runs
                each, alternating; the median of the side-by-side differences, and best against best

Targets (issue 10): (b) ≤ 1.25× the requests loop, (c) ≤ 1.25× the loop process (c') — (c) over
the in-process loop (a) is printed too; (e) ≤ 1.5×; (f) ≤ the loop + 0.06 s.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (CLI, ServerProcess, collections_gen, find_newman, installed_env, median,  # noqa: E402
                     run_child, timed, verdict)

TARGET = 1.25
OPENAPI_TARGET = 1.5
ONE_ITEM_EXTRA_S = 0.06


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per variant (use 5+ on a busy machine)")
    parser.add_argument("--no-newman", action="store_true", help="skip newman even when installed")
    parser.add_argument("--one-runs", type=int, default=9, help="processes per side for the one-item figure")
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

        from engine.openapi import load_openapi

        spec_path = work / "openapi.json"
        spec_path.write_text(json.dumps(openapi_for(collection)), encoding="utf-8")
        openapi = load_openapi(spec_path)

        def with_openapi() -> int:
            return run(collection, RunOptions(openapi=openapi)).summary.passed

        report = work / "report.json"
        wire_file = work / "wire.json"
        wire_file.write_text(json.dumps(wire), encoding="utf-8")
        loop_script = work / "loop.py"
        loop_script.write_text(LOOP_PROCESS, encoding="utf-8")
        loop_cmd = [sys.executable, str(loop_script), str(wire_file)]
        cli_cmd = [CLI, "run", str(path), "-r", "json", "--reporter-json-export", str(report)]
        newman_cmd = [newman, "run", str(path), "-r", "json", "--reporter-json-export", str(work / "newman.json"),
                      "--disable-unicode"] if newman else None

        plain_loop()  # warm the server and every code path once, untimed (the CLI: its bytecode cache)
        library()
        with_openapi()
        run_child(cli_cmd)
        run_child(loop_cmd)

        samples: dict[str, list[tuple[float, float]]] = {"requests": [], "library": [], "openapi": [], "cli": [],
                                                         "loop proc": [], "newman": []}
        bad: list[str] = []
        for _ in range(repeat):  # round-robin so drift on the machine hits every variant alike
            wall, cpu, ok = timed(plain_loop)
            samples["requests"].append((wall, cpu))
            bad += [] if ok == items else [f"requests loop: {ok}/{items} ok"]
            wall, cpu, passed = timed(library)
            samples["library"].append((wall, cpu))
            bad += [] if passed == items else [f"library: {passed}/{items} passed"]
            wall, cpu, passed = timed(with_openapi)
            samples["openapi"].append((wall, cpu))
            bad += [] if passed == items else [f"openapi: {passed}/{items} passed"]
            wall, cpu, code = run_child(cli_cmd)
            samples["cli"].append((wall, cpu))
            bad += [] if code == 0 else [f"cli exited {code}"]
            wall, cpu, code = run_child(loop_cmd)
            samples["loop proc"].append((wall, cpu))
            bad += [] if code == 0 else [f"loop process exited {code}"]
            if newman_cmd:
                wall, cpu, code = run_child(newman_cmd, env=installed_env({"NO_COLOR": "1"}))
                samples["newman"].append((wall, cpu))
                bad += [] if code == 0 else [f"newman exited {code}"]

        one = one_item(work, base_url, wire[0], max(3, args.one_runs))

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
    process = rows["cli"] / rows["loop proc"]
    process_cpu = cpu_rows["cli"] / cpu_rows["loop proc"]
    print(f"  cli/loop process = {process:.2f}×  {verdict(process <= TARGET)} (client CPU: {process_cpu:.2f}×; "
          "both whole processes: start-up, imports, the 1,000 requests; the cli also loads and writes the JSON report)")
    print(f"  cli/requests     = {rows['cli']:.2f}×  (the whole cli process over the in-process loop, which "
          "pays no start-up)")
    print(f"target ≤ {OPENAPI_TARGET}× the requests loop with --openapi on every item:")
    print(f"  openapi/requests = {rows['openapi']:.2f}×  {verdict(rows['openapi'] <= OPENAPI_TARGET)} "
          f"(client CPU: {cpu_rows['openapi']:.2f}×)")
    print(f"one item, whole processes, {one['runs']} each (median / best):")
    for name in ("loop", "cli"):
        print(f"  {name:<5} wall {one[name]['wall'][0]:.3f} / {one[name]['wall'][1]:.3f} s   "
              f"cpu {one[name]['cpu'][0]:.3f} / {one[name]['cpu'][1]:.3f} s")
    extra, extra_cpu = one["paired"]
    print(f"  cli − loop = {extra:+.3f} s wall, {extra_cpu:+.3f} s CPU (median of the {one['runs']} side-by-side "
          f"differences)  {verdict(extra <= ONE_ITEM_EXTRA_S)} (target ≤ +{ONE_ITEM_EXTRA_S} s)")
    print(f"  best against best: {one['cli']['wall'][1] - one['loop']['wall'][1]:+.3f} s wall")
    if "newman" in rows:
        print(f"  newman/requests  = {rows['newman']:.2f}×  (reference only; the cli run is "
              f"{rows['newman'] / rows['cli']:.1f}× faster than newman)")
    return 0


LOOP_PROCESS = """import json, sys
import requests
wire = json.load(open(sys.argv[1], encoding="utf-8"))
ok = 0
with requests.Session() as session:
    for url, headers in wire:
        response = session.get(url, headers=headers, timeout=30)
        ok += response.status_code == 200 and len(response.content) > 0
sys.exit(0 if ok == len(wire) else 1)
"""


def openapi_for(collection: object) -> dict:
    """An OpenAPI 3.1 description with one operation per item, answering what the server sends."""
    from engine.openapi import item_segments

    thing = {"type": "object", "required": ["id", "name", "status", "tags"], "properties": {
        "id": {"type": "integer", "format": "int64"}, "name": {"type": "string"},
        "status": {"type": "string", "enum": ["available", "sold"]},
        "tags": {"type": "array", "items": {"$ref": "#/components/schemas/Tag"}}}}
    tag = {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}, "label": {"type": "string"}}}
    paths: dict = {}
    for located in collection.walk():  # type: ignore[attr-defined]
        request = located.item.request
        parts = [f"{{{p[1:]}}}" if p.startswith(":") else p for p in request.url.path or ()]
        assert item_segments(request.url)  # the path the mapping reads
        paths.setdefault("/" + "/".join(parts), {})[request.method.lower()] = {"responses": {"200": {
            "description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}
    return {"openapi": "3.1.0", "info": {"title": "bench", "version": "1"}, "paths": paths,
            "components": {"schemas": {"Thing": thing, "Tag": tag}}}


def one_item(work: Path, base_url: str, first: tuple[str, dict], runs: int) -> dict:
    """Whole-process wall and CPU: `postman-replay run` on one item against a plain requests script."""
    single = work / "one.postman_collection.json"
    single.write_text(json.dumps(collections_gen.generate(1, 1, base_url=base_url)), encoding="utf-8")
    url, headers = first  # the first item of both collections is the same request
    script = ("import requests\nwith requests.Session() as s:\n"
              f"    r = s.get({url!r}, headers={headers!r}, timeout=30)\n    r.content\n")
    loop_cmd = [sys.executable, "-c", script]
    cli_cmd = [CLI, "run", str(single), "-r", "json", "--reporter-json-export", str(work / "one.json")]
    env = installed_env()  # as installed: bytecode cached
    run_child(cli_cmd, env=env)
    run_child(loop_cmd, env=env)
    samples: dict[str, list[tuple[float, float]]] = {"loop": [], "cli": []}
    for _ in range(runs):
        for name, cmd in (("loop", loop_cmd), ("cli", cli_cmd)):
            wall, cpu, _ = run_child(cmd, env=env)
            samples[name].append((wall, cpu))
    # each cli run next to the loop run just before it: drift on a shared machine hits both alike
    pairs = list(zip(samples["cli"], samples["loop"]))
    out: dict = {"runs": runs, "paired": (median([c[0] - l[0] for c, l in pairs]), median([c[1] - l[1] for c, l in pairs]))}
    for name, values in samples.items():
        walls, cpus = [w for w, _ in values], [c for _, c in values]
        out[name] = {"wall": (median(walls), min(walls)), "cpu": (median(cpus), min(cpus))}
    return out


if __name__ == "__main__":
    sys.exit(main())
