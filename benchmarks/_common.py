"""Shared helpers for the benchmark scripts: a loopback server process, timing, peak RSS, newman.

The server runs in its own process so the client's CPU is measured alone:
`python benchmarks/_common.py serve [--delay-ms N]` prints its port, then answers every request
with 200 and a small JSON body over HTTP/1.1 keep-alive until killed (or --max-seconds pass).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Sequence

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VENV_BIN = Path(sys.executable).parent
CLI = str(VENV_BIN / "postman-replay") if (VENV_BIN / "postman-replay").exists() else "postman-replay"
TIME_BIN = "/usr/bin/time"



def _load_generator():
    """`_collections` is also the name of a built-in CPython module, which wins over sys.path,
    so the generator next to this file is loaded by its path under another name."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_collections", HERE / "_collections.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules[spec.name] = module  # type: ignore[union-attr]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


collections_gen = _load_generator()
SERVER_BODY = collections_gen.SERVER_BODY
BODY = json.dumps(SERVER_BODY).encode()


# ---------------------------------------------------------------- server process


def _handler(delay_s: float) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body are two writes; don't let Nagle hold the second

        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            if delay_s:
                time.sleep(delay_s)
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(BODY)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(BODY)

        do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = _answer

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
            pass

    return Handler


def serve(delay_ms: float, max_seconds: float) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(delay_ms / 1000))
    server.daemon_threads = True
    server.request_queue_size = 64
    print(server.server_address[1], flush=True)
    threading.Timer(max_seconds, server.shutdown).start()  # never outlive a forgotten benchmark
    server.serve_forever(poll_interval=0.2)


class ServerProcess:
    """`with ServerProcess(delay_ms=20) as base_url:` — a loopback server in a child process."""

    def __init__(self, delay_ms: float = 0, max_seconds: float = 900) -> None:
        self.args = [sys.executable, str(Path(__file__).resolve()), "serve",
                     "--delay-ms", str(delay_ms), "--max-seconds", str(max_seconds)]
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> str:
        self.proc = subprocess.Popen(self.args, stdout=subprocess.PIPE, text=True)
        port = self.proc.stdout.readline().strip()  # type: ignore[union-attr]
        if not port.isdigit():
            self.__exit__()
            raise RuntimeError("benchmark server did not start")
        return f"http://127.0.0.1:{port}"

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)


# ---------------------------------------------------------------- measuring


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def timed(fn: Callable[[], object]) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds of this process, return value)."""
    wall, cpu = time.perf_counter(), time.process_time()
    value = fn()
    return time.perf_counter() - wall, time.process_time() - cpu, value


def installed_env(extra: dict | None = None) -> dict:
    """The environment of a child process as an installed tool runs: bytecode cached (pip writes
    it at install time; PYTHONDONTWRITEBYTECODE would make every run compile what changed)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, **(extra or {})}


def run_child(cmd: Sequence[str], *, timeout: float = 600, env: dict | None = None) -> tuple[float, float, int]:
    """Run a command, output discarded: (wall seconds, child CPU seconds, exit code). `env`
    defaults to `installed_env()`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout,
                          env=installed_env() if env is None else env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        sys.stderr.write(f"warning: {' '.join(cmd[:3])}… exited {proc.returncode}: "
                         f"{proc.stderr.decode(errors='replace')[-400:]}\n")
    return wall, cpu, proc.returncode


def peak_rss_mb(cmd: Sequence[str], *, timeout: float = 600) -> tuple[float, float, int]:
    """Peak RSS (MiB) of one command: (MiB, wall seconds, exit code).

    Uses /usr/bin/time -f %M when present; otherwise a fresh wrapper interpreter whose only child
    is the command, so RUSAGE_CHILDREN.ru_maxrss is that command's alone.
    """
    start = time.perf_counter()
    if os.access(TIME_BIN, os.X_OK):
        proc = subprocess.run([TIME_BIN, "-f", "RSSKB=%M", *cmd], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True, timeout=timeout, env=installed_env())
        lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("RSSKB=")]
        kb = int(lines[-1].split("=", 1)[1]) if lines else 0
    else:
        wrapper = ("import resource, subprocess, sys; "
                   "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
                   "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(rc)")
        proc = subprocess.run([sys.executable, "-c", wrapper, *cmd], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, timeout=timeout, env=installed_env())
        kb = int(proc.stdout.strip().splitlines()[-1])
    return kb / 1024, time.perf_counter() - start, proc.returncode


# ---------------------------------------------------------------- newman


def find_newman() -> str | None:
    """NEWMAN env var, then PATH, then the throwaway install `npm install --prefix /tmp/newman newman`."""
    candidates = [os.environ.get("NEWMAN"), shutil.which("newman"), "/tmp/newman/node_modules/.bin/newman"]
    return next((c for c in candidates if c and os.access(c, os.X_OK)), None)


def agreement(ours: list, theirs: list) -> tuple[int, int]:
    """Positions where both lists hold the same entry, and the length of the longer list."""
    same = sum(1 for a, b in zip(ours, theirs) if a == b)
    return same, max(len(ours), len(theirs))


def print_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Left-aligned columns under a header and a rule, as the comparison drivers print them."""
    widths = [max(len(str(r[i])) for r in [*rows, header]) for i in range(len(header))]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths)))


def verdict(met: bool) -> str:
    return "target met" if met else "TARGET MISSED"


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["serve"])
    parser.add_argument("--delay-ms", type=float, default=0)
    parser.add_argument("--max-seconds", type=float, default=900)
    args = parser.parse_args()
    serve(args.delay_ms, args.max_seconds)
