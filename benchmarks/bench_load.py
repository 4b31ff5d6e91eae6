"""Load replay speed: one Locust process replaying a collection through the engine, next to a plain
Locust `HttpUser` sending the same resolved requests to the same server, in the same run.

Both sides run under Locust's own command line (`locust -f FILE --headless --json-file`), one
process each, round-robin, so only the User class differs: (a) a plain `HttpUser` whose task sends
the requests the engine resolved (method, URL, headers, body), item after item; (b) the locustfile
`postman-replay locustfile` writes, whose users go through resolve → send → check → scripts.
Requests per second are Locust's counts over the span between the first and the last request.

The server is an asyncio loopback server in its own process that answers every request with a
canned 200 JSON body (the documented example's shape), so the clients, not the server, are the
limit. It also counts what it received, which must equal what Locust counted.

Then the cost of the contract checks alone: the runner's check step (status, content type, JSON
Schema from the documented example) timed in-process over real exchanges, in ms per request.

    python benchmarks/bench_load.py            # ~1 min
    python benchmarks/bench_load.py --quick    # ~25 s
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

BODY = json.dumps({"id": 1, "name": "rex", "status": "available", "tags": [{"id": 2, "label": "a"}]}).encode()
RESPONSE = (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(BODY)) + BODY


# ---------------------------------------------------------------- the server (its own process)


class _Http(asyncio.Protocol):
    """Keep-alive HTTP/1.1: every request (headers, Content-Length body) gets the canned answer."""

    count = 0
    connections = 0

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        _Http.connections += 1
        self.transport = transport  # type: ignore[assignment]
        self.buffer = b""

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        answers = 0
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                break
            head = self.buffer[:end].lower()
            length = 0
            at = head.find(b"content-length:")
            if at >= 0:
                length = int(head[at + 15:].split(b"\r\n", 1)[0].strip() or 0)
            if len(self.buffer) < end + 4 + length:
                break
            self.buffer = self.buffer[end + 4 + length:]
            answers += 1
        if answers:
            _Http.count += answers
            self.transport.write(RESPONSE * answers)  # type: ignore[attr-defined]


def serve(port_file: str) -> None:
    async def main() -> None:
        loop = asyncio.get_running_loop()
        server = await loop.create_server(_Http, "127.0.0.1", 0, backlog=256)
        Path(port_file).write_text(str(server.sockets[0].getsockname()[1]))
        reader = asyncio.StreamReader()
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
        while True:  # "count" on stdin: print how many requests arrived; EOF: stop
            line = await reader.readline()
            if not line:
                return
            print(_Http.count, _Http.connections, flush=True)

    asyncio.run(main())


class Server:
    def __enter__(self) -> "Server":
        self.port_file = tempfile.mktemp(prefix="bench-load-port-")
        self.proc = subprocess.Popen([sys.executable, __file__, "--serve", self.port_file], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 20
        while not (Path(self.port_file).exists() and Path(self.port_file).read_text()):
            if time.monotonic() > deadline:
                raise RuntimeError("benchmark server did not start")
            time.sleep(0.05)
        self.url = f"http://127.0.0.1:{Path(self.port_file).read_text()}"
        return self

    def count(self) -> tuple[int, int]:
        """(requests, connections) received so far."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write("count\n")
        self.proc.stdin.flush()
        requests, connections = self.proc.stdout.readline().split()
        return int(requests), int(connections)

    def __exit__(self, *exc: object) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        Path(self.port_file).unlink(missing_ok=True)


# ---------------------------------------------------------------- the two locustfiles


def collection(path: Path) -> None:
    """Four items as an OpenAPI converter writes them: path variable, query, headers, a documented
    200 JSON example (so the schema check runs), bearer auth from the collection."""
    example = {"id": "<long>", "name": "<string>", "status": "<string>", "tags": [{"id": "<long>", "label": "<string>"}]}

    def item(name: str, method: str, path: list[str], body: str | None = None) -> dict:
        request: dict = {"method": method, "header": [{"key": "Accept", "value": "application/json"}],
                         "url": {"raw": "{{baseUrl}}/" + "/".join(path) + "?limit=10", "host": ["{{baseUrl}}"],
                                 "path": path, "query": [{"key": "limit", "value": "10"}],
                                 "variable": [{"key": "petId", "value": "<long>",
                                               "description": "(Required) the pet"}]}}
        if body is not None:
            request["header"].append({"key": "Content-Type", "value": "application/json"})
            request["body"] = {"mode": "raw", "raw": body}
        return {"name": name, "request": request, "response": [
            {"name": "ok", "code": 200, "status": "OK", "header": [{"key": "Content-Type", "value": "application/json"}],
             "body": json.dumps(example)}]}

    document = {
        "info": {"name": "bench", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{bearerToken}}", "type": "string"}]},
        "variable": [{"key": "petId", "value": "42"}],
        "item": [{"name": "pets", "item": [
            item("Get pet", "GET", ["pets", ":petId"]),
            item("Update pet", "PUT", ["pets", ":petId"], '{"name": "rex"}'),
            item("List pets", "GET", ["pets"]),
            item("Create pet", "POST", ["pets"], '{"name": "{{$randomFirstName}}"}'),
        ]}],
    }
    path.write_text(json.dumps(document), encoding="utf-8")


PLAIN = '''"""A plain Locust HttpUser sending the requests the engine resolved, item after item."""
import json
from locust import HttpUser, constant, task

REQUESTS = json.loads(open({path!r}, encoding="utf-8").read())


class PlainUser(HttpUser):
    wait_time = constant(0)
    host = {host!r}

    def on_start(self):
        self.position = 0

    @task
    def step(self):
        r = REQUESTS[self.position]
        self.position = (self.position + 1) % len(REQUESTS)
        self.client.request(r["method"], r["url"], headers=r["headers"], data=r["body"], name=r["name"])
'''


CPU_PLUGIN = '''"""Loaded beside each locustfile: CPU seconds this process spent between its first and last request."""
import json
import time

from locust import events

seen = {{"first": None, "last": None, "count": 0}}


@events.request.add_listener
def on_request(**_):
    now = time.process_time()
    if seen["first"] is None:
        seen["first"] = now
    seen["last"] = now
    seen["count"] += 1


@events.quitting.add_listener
def on_quitting(**_):
    with open({path!r}, "w", encoding="utf-8") as handle:
        json.dump(seen, handle)
'''


def resolved_requests(path: Path, env_vars: dict[str, str], out: Path) -> None:
    """What the engine would send for each item (a dry run: resolve only), for the plain user."""
    from engine.load import load_collection
    from engine.runner import run

    result = run(load_collection(path), dry_run=True, env_vars=env_vars, show_secrets=True)
    requests = []
    for item in result.results:
        assert item.request is not None, item.error
        body = item.request.body
        requests.append({"name": item.item, "method": item.request.method, "url": item.request.url,
                         "headers": dict(item.request.headers),
                         "body": body.decode() if isinstance(body, bytes) else None})
    out.write_text(json.dumps(requests), encoding="utf-8")


def run_locust(locustfile: Path, users: int, seconds: float, work: Path, env: dict[str, str]) -> dict:
    report = work / f"{locustfile.stem}-{time.monotonic_ns()}"
    cpu_file = Path(f"{report}-cpu.json")
    plugin = work / f"cpu_{report.name.replace('-', '_')}.py"
    plugin.write_text(CPU_PLUGIN.format(path=str(cpu_file)), encoding="utf-8")
    command = [sys.executable, "-m", "locust", "-f", f"{locustfile},{plugin}", "--headless", "--users", str(users),
               "--spawn-rate", str(users * 10), "--run-time", f"{seconds}s", "--stop-timeout", "5",
               "--json-file", str(report), "--loglevel", "WARNING"]
    subprocess.run(command, cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=seconds + 60)
    entries = json.loads(Path(f"{report}.json").read_text(encoding="utf-8"))
    requests = sum(e["num_requests"] for e in entries)
    failures = sum(e["num_failures"] for e in entries)
    start = min(e["start_time"] for e in entries)
    end = max(e["last_request_timestamp"] for e in entries)
    cpu = json.loads(cpu_file.read_text(encoding="utf-8"))
    spent = (cpu["last"] or 0) - (cpu["first"] or 0)
    return {"requests": requests, "failures": failures, "rps": requests / (end - start) if end > start else 0.0,
            "per_cpu_s": (cpu["count"] - 1) / spent if spent > 0 else 0.0}


# ---------------------------------------------------------------- contract checks alone


def check_cost(path: Path, env_vars: dict[str, str], url: str, rounds: int) -> tuple[float, float]:
    """(ms per request for the check step, ms per request for the whole item step), in-process."""
    from engine.load import load_collection
    from engine.runner import Runner, RunOptions
    from engine.select import select

    collection = load_collection(path)
    runner = Runner(collection, RunOptions(env_vars=env_vars), [])
    scopes = runner.scopes.with_data({})
    selected = select(collection)
    exchanges = []
    for located in selected:  # real exchanges with the server, once per item
        result, _ = runner.execute_step(located, scopes, 0)
        assert result.outcome == "passed", result.reason
        exchanges.append((located, runner.sender.send(result.request)))  # type: ignore[arg-type]
    for located, exchange in exchanges:  # warm the schema cache
        runner._check(located, exchange, None)
    started = time.process_time()  # CPU time: the machine may be shared, the check is pure computation
    for _ in range(rounds):
        for located, exchange in exchanges:
            runner._check(located, exchange, None)
    checks = (time.process_time() - started) * 1000 / (rounds * len(exchanges))
    started = time.process_time()
    for _ in range(max(1, rounds // 10)):
        for located in selected:
            runner.execute_step(located, scopes, 0)
    step = (time.process_time() - started) * 1000 / (max(1, rounds // 10) * len(selected))
    runner.close()
    return checks, step


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--rounds", type=int, default=3, help="alternating runs of each side")
    parser.add_argument("--quick", action="store_true", help="one round of 4 s each")
    parser.add_argument("--serve", metavar="PORT_FILE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return 0
    if args.quick:
        args.rounds, args.seconds = 1, 5
    try:
        import locust  # noqa: F401  (only to say so early; the runs are subprocesses)
    except ImportError:
        print('Locust is not installed: pip install -e ".[load]"')
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-load-") as folder, Server() as server:
        work = Path(folder)
        env_vars = {"baseUrl": server.url, "bearerToken": "T"}
        source = work / "bench.postman_collection.json"
        collection(source)
        resolved_requests(source, env_vars, work / "requests.json")
        (work / "plain.py").write_text(PLAIN.format(path=str(work / "requests.json"), host=server.url))
        from engine.cli import main as cli

        with open(work / "engine_users.py", "w", encoding="utf-8") as handle:
            code = cli(["locustfile", str(source), "--env-var", f"baseUrl={server.url}", "--env-var",
                        "bearerToken=T", "--show-secrets"], stdout=handle, stderr=sys.stderr)
        assert code == 0
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        print(f"{args.users} users, {args.seconds:g} s per run, {args.rounds} round(s), one Locust process each, "
              f"4 items (GET/PUT/GET/POST, bearer auth, documented 200 JSON)")
        plain: list[dict] = []
        ours: list[dict] = []
        for round_ in range(args.rounds):
            for name, runs in (("plain", plain), ("engine_users", ours)):
                before = server.count()
                result = run_locust(work / f"{name}.py", args.users, args.seconds, work, env)
                after = server.count()
                result["server"], result["connections"] = after[0] - before[0], after[1] - before[1]
                runs.append(result)
                print(f"  round {round_ + 1} {name:<12} {result['rps']:7.0f} req/s wall, {result['per_cpu_s']:7.0f} req "
                      f"per CPU-second; {result['requests']:6d} requests, {result['failures']} failures, "
                      f"server saw {result['server']} on {result['connections']} connections")
        plain_rps = statistics.median(r["rps"] for r in plain)
        ours_rps = statistics.median(r["rps"] for r in ours)
        plain_cpu = statistics.median(r["per_cpu_s"] for r in plain)
        ours_cpu = statistics.median(r["per_cpu_s"] for r in ours)
        ratio = ours_rps / plain_rps if plain_rps else 0.0
        cpu_ratio = ours_cpu / plain_cpu if plain_cpu else 0.0
        print(f"plain HttpUser   {plain_rps:7.0f} req/s wall, {plain_cpu:7.0f} req per CPU-second (medians)")
        print(f"engine users     {ours_rps:7.0f} req/s wall, {ours_cpu:7.0f} req per CPU-second (medians)")
        print(f"engine / plain   {ratio:.0%} wall, {cpu_ratio:.0%} per CPU-second (target ≥ 80%: "
              f"{'met' if min(ratio, cpu_ratio) >= 0.8 else 'met per CPU-second' if cpu_ratio >= 0.8 else 'MISSED'})")
        if plain_cpu and ours_cpu:
            print(f"CPU per request  plain {1000 / plain_cpu:.3f} ms, engine {1000 / ours_cpu:.3f} ms "
                  f"(engine's own work: {1000 / ours_cpu - 1000 / plain_cpu:.3f} ms)")
        matched = all(r["requests"] == r["server"] for r in ours)
        print(f"engine counts equal what the server saw: {'yes' if matched else 'NO'}")
        checks, step = check_cost(source, env_vars, server.url, 2000 if not args.quick else 500)
        print(f"contract checks  {checks:.3f} ms per request (target ≤ 0.3 ms: {'met' if checks <= 0.3 else 'MISSED'}); "
              f"the whole item step (resolve, send, check, no scripts) {step:.3f} ms of CPU, outside Locust")
    return 0


if __name__ == "__main__":
    sys.exit(main())
