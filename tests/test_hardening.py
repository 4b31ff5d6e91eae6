"""Reliability probes: a server trickling its response headers cannot hold an item past
`--timeout-request`; a missing dependency at start exits 2 with the command that installs it."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from factory import example, make_item

ROOT = Path(__file__).resolve().parent.parent


def test_trickled_headers_cannot_hold_an_item_past_its_timeout(server, cli, write_collection, tmp_path) -> None:
    server.route("/slow-head", 200, "ok", {"Content-Type": "text/plain"}, behaviour="trickle-headers",
                 trickle_interval=0.5)
    server.route("/fine", 200, "ok")
    path = write_collection([make_item("Slow head", "GET", f"{server.url}/slow-head", responses=[example(200)]),
                             make_item("Fine", "GET", f"{server.url}/fine", responses=[example(200)])])
    started = time.monotonic()
    code, _, err = cli("run", path, "--timeout-request", "1000", "-r", "json", "--reporter-json-export",
                       tmp_path / "r.json")
    took = time.monotonic() - started
    results = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["results"]
    assert code == 1, err
    assert took < 4, f"the item was held {took:.1f} s"  # headers alone would take ~50 s at this pace
    assert results[0]["outcome"] == "error"
    assert "timed out after 1000 ms: the whole response (headers and body)" in results[0]["error"]
    assert results[1]["outcome"] == "passed"  # the run goes on, over a fresh connection


def test_a_fast_response_is_not_cut_by_the_watchdog(server, cli, write_collection, tmp_path) -> None:
    server.route("/a", 200, "a" * 100_000)
    path = write_collection([make_item(f"A{n}", "GET", f"{server.url}/a", responses=[example(200)]) for n in range(30)])
    code, out, err = cli("run", path, "--timeout-request", "200")
    assert code == 0, out + err


BLOCK_IMPORT = """
import sys, importlib.abc
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == {module!r} or name.startswith({module!r} + "."):
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None
sys.meta_path.insert(0, Block())
sys.modules.pop({module!r}, None)
from engine.cli import main
sys.exit(main(sys.argv[1:]))
"""


def run_without(module: str, *args: object) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", BLOCK_IMPORT.format(module=module), *map(str, args)],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)


def test_a_missing_dependency_exits_2_with_the_install_command(server, write_collection, tmp_path) -> None:
    path = write_collection([make_item("A", "GET", f"{server.url}/a", responses=[example(200)])])
    for module, package in (("yaml", "pyyaml"), ("jsonschema", "jsonschema"), ("requests", "requests")):
        done = run_without(module, "run", path)
        assert done.returncode == 2, (module, done.stdout, done.stderr)
        assert "internal error" not in done.stderr and "Traceback" not in done.stderr
        assert f"the Python package '{package}' is not installed" in done.stderr, done.stderr
        assert f"-m pip install '{package}" in done.stderr
    assert not server.requests
