"""Load replay on Locust against a real loopback server: counts Locust reports equal what the server saw.

Every run here is short (1–3 s of load) and talks only to 127.0.0.1. The in-process `cli` runs the
load in a fresh interpreter (Locust's gevent patching must not touch the test session); the
distributed test starts a master and two workers as subprocesses and always kills them.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import time
from collections import Counter
from importlib.util import find_spec
from pathlib import Path

import pytest

from conftest import CONFLUENCE, ROOT
from factory import example, make_item
from servers import Route, closed_port

# find_spec, not an import: importing Locust monkey-patches the standard library for gevent,
# which must never happen inside the test session (the load runs are subprocesses). Locust is in
# the test extra, so a missing one is a broken test environment, not a reason to skip.
assert find_spec("locust") is not None, 'the load tests need Locust: pip install -e ".[test]"'

WATCH_PATH = "/wiki/rest/api/user/watch/content/12345"
ITEM = "Remove content watcher"


def seed_args(server, *extra: object) -> list[str]:
    return ["load", str(CONFLUENCE), "--env-var", "accountId=384093:abc", "--env-var",
            f"baseUrl={server.url}/wiki/rest", "--env-var", "contentId=12345", "--env-var", "accessToken=T",
            *map(str, extra)]


def stats_rows(prefix: Path) -> dict[str, dict[str, str]]:
    """Locust's own CSV statistics (written through --csv), by item path."""
    with open(f"{prefix}_stats.csv", newline="", encoding="utf-8") as handle:
        return {row["Name"]: row for row in csv.DictReader(handle)}


# ---------------------------------------------------------------- one process


def test_reference_item_counts_equal_what_the_server_saw(server, cli, tmp_path: Path) -> None:
    server.route(WATCH_PATH, 204)
    started = time.monotonic()
    code, out, err = cli(*seed_args(server, "--users", 3, "--spawn-rate", 30, "--run-time", "3s",
                                    "--csv", tmp_path / "seed", "--html", tmp_path / "seed.html"))
    elapsed = time.monotonic() - started
    assert code == 0, out + err
    received = server.requests
    assert received and all(r.method == "DELETE" and r.path == WATCH_PATH for r in received)
    assert {r.header("Authorization") for r in received} == {"Bearer T"}
    rows = stats_rows(tmp_path / "seed")
    assert int(rows[ITEM]["Request Count"]) == len(received)
    assert int(rows[ITEM]["Failure Count"]) == 0
    assert f"load: {len(received)} requests, 0 failures" in out and "passed" in out
    assert "95%" in out and "99%" in out  # Locust's percentile table
    assert "<html" in (tmp_path / "seed.html").read_text(encoding="utf-8").lower()
    assert elapsed < 3 + 20, elapsed  # the run stops at its run time (plus start-up and a graceful stop)


def test_an_undocumented_500_is_a_locust_failure_and_exit_1(server, cli, tmp_path: Path) -> None:
    server.route(WATCH_PATH, 500, "boom")
    code, out, err = cli(*seed_args(server, "--users", 2, "--spawn-rate", 20, "--run-time", "1.5",
                                    "--csv", tmp_path / "fail"))
    assert code == 1, out + err
    rows = stats_rows(tmp_path / "fail")
    assert int(rows[ITEM]["Request Count"]) == len(server.requests) > 0
    assert int(rows[ITEM]["Failure Count"]) == len(server.requests)
    assert "undocumented status 500" in out  # Locust's error report, named by the item
    assert "above --fail-ratio" in out and "FAILED" in out


def test_fail_ratio_tolerates_a_share_of_failures(server, cli, tmp_path: Path) -> None:
    server.route_sequence(WATCH_PATH, [Route(500), Route(204)])  # one failure, then passes
    code, out, err = cli(*seed_args(server, "--users", 1, "--spawn-rate", 10, "--run-time", "1.5",
                                    "--fail-ratio", "50%", "--csv", tmp_path / "ratio"))
    rows = stats_rows(tmp_path / "ratio")
    assert int(rows[ITEM]["Failure Count"]) == 1 and int(rows[ITEM]["Request Count"]) > 2
    assert code == 0, out + err


def test_a_broken_p95_budget_exits_1_naming_the_item(server, cli, tmp_path: Path) -> None:
    server.route(WATCH_PATH, 204, delay=0.03)
    code, out, err = cli(*seed_args(server, "--users", 2, "--spawn-rate", 20, "--run-time", "1.5", "--p95", 5))
    assert code == 1, out + err
    assert f"{ITEM}: p95" in out and "above --p95 5 ms" in out


LOGIN_SCRIPT = [
    {"listen": "prerequest", "script": {"exec": ["if (pm.environment.get('token')) pm.execution.skipRequest();"]}},
    {"listen": "test", "script": {"exec": [
        "pm.test('token issued', () => pm.expect(pm.response.json().token).to.be.a('string'));",
        "pm.environment.set('token', pm.response.json().token);"]}},
]


def login_chain(write_collection) -> Path:
    json_200 = [example(200, '{"name": "x"}', "application/json")]
    return write_collection([
        make_item("Login", "POST", "{{baseUrl}}/login", event=LOGIN_SCRIPT,
                  responses=[example(200, '{"token": "t"}', "application/json")]),
        make_item("Me", "GET", "{{baseUrl}}/me", headers=[{"key": "Authorization", "value": "Bearer {{token}}"}],
                  responses=json_200),
    ])


def test_a_login_item_per_user_feeds_that_users_later_items(server, cli, tmp_path: Path, write_collection) -> None:
    """Each user logs in once (its pre-request script skips the login when it has a token) and
    sends its own token afterwards: three users, three logins, three distinct tokens on /me."""
    server.route_sequence("/login", [Route(200, [("Content-Type", "application/json")],
                                           json.dumps({"token": f"tok-{n}"}).encode()) for n in (1, 2, 3)])
    server.route("/me", 200, '{"name": "ada"}', {"Content-Type": "application/json"})
    code, out, err = cli("load", login_chain(write_collection), "--env-var", f"baseUrl={server.url}",
                         "--users", 3, "--spawn-rate", 30, "--run-time", "2", "--csv", tmp_path / "chain")
    assert code == 0, out + err
    received = server.requests
    by_path = Counter(r.path for r in received)
    assert by_path["/login"] == 3
    tokens = Counter(r.header("Authorization") for r in received if r.path == "/me")
    assert set(tokens) == {"Bearer tok-1", "Bearer tok-2", "Bearer tok-3"}, tokens
    rows = stats_rows(tmp_path / "chain")
    assert int(rows["Login"]["Request Count"]) == 3
    assert int(rows["Me"]["Request Count"]) == by_path["/me"]
    assert int(rows["Aggregated"]["Failure Count"]) == 0


def test_a_failing_pm_test_is_a_locust_failure(server, cli, tmp_path: Path, write_collection) -> None:
    server.route("/login", 200, '{"nope": 1}', {"Content-Type": "application/json"})
    server.route("/me", 200, '{"name": "ada"}', {"Content-Type": "application/json"})
    code, out, err = cli("load", login_chain(write_collection), "--item", "Login", "--env-var",
                         f"baseUrl={server.url}", "--users", 1, "--run-time", "1", "--csv", tmp_path / "t")
    assert code == 1, out + err
    rows = stats_rows(tmp_path / "t")
    assert int(rows["Login"]["Failure Count"]) == int(rows["Login"]["Request Count"]) > 0
    assert "token issued" in out


def test_bad_input_exits_2_before_any_load(server, cli) -> None:
    code, _, err = cli(*seed_args(server, "--item", "No such item", "--run-time", "1"))
    assert code == 2 and "No such item" in err
    code, _, err = cli(*seed_args(server, "--master", "--worker", "--run-time", "1"))
    assert code == 2 and "exclude each other" in err
    code, _, err = cli(*seed_args(server, "--run-time", "soon"))
    assert code == 2 and "--run-time" in err
    assert server.requests == []


def test_without_locust_the_command_names_the_extra(server, tmp_path: Path) -> None:
    """A finder that hides Locust stands for an installation without the `load` extra."""
    probe = ("import sys, importlib.abc\n"
             "class Hide(importlib.abc.MetaPathFinder):\n"
             "    def find_spec(self, name, path=None, target=None):\n"
             "        if name.split('.')[0] in ('locust', 'gevent'): raise ModuleNotFoundError(name)\n"
             "sys.meta_path.insert(0, Hide())\n"
             "from engine.cli import main\n"
             "sys.exit(main(sys.argv[1:]))\n")
    result = subprocess.run([sys.executable, "-c", probe, *seed_args(server, "--run-time", "1")], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2, result.stderr
    assert 'pip install "postman-replay[load]"' in result.stderr
    assert "Traceback" not in result.stderr
    assert server.requests == []


# ---------------------------------------------------------------- distributed and locustfile


def _start(args: list[str], cwd: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(ROOT / "run.py"), *args], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})


def test_master_and_two_workers_aggregate_what_the_server_saw(server, tmp_path: Path) -> None:
    server.route(WATCH_PATH, 204)
    port = closed_port()
    master = _start(seed_args(server, "--master", "--expect-workers", 2, "--master-bind-host", "127.0.0.1",
                              "--master-bind-port", port, "--users", 4, "--spawn-rate", 40, "--run-time", "3s",
                              "--csv", tmp_path / "dist"), tmp_path)
    workers = [_start(seed_args(server, "--worker", "--master-host", "127.0.0.1", "--master-port", port), tmp_path)
               for _ in range(2)]
    processes = [master, *workers]
    try:
        out, err = master.communicate(timeout=60)
        worker_outs = [w.communicate(timeout=30)[0] for w in workers]
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()
    assert master.returncode == 0, out + err
    received = server.requests
    rows = stats_rows(tmp_path / "dist")
    assert int(rows[ITEM]["Request Count"]) == len(received) > 0
    assert "workers: 2" in out
    sent = []
    for text in worker_outs:
        line = next(line for line in text.splitlines() if line.startswith("worker:"))
        users, requests = int(line.split()[1]), int(line.split(",")[1].split()[0])
        assert users > 0, text  # both workers took users
        sent.append(requests)
    assert sum(sent) == len(received)
    assert all(w.returncode == 0 for w in workers)


def test_a_generated_locustfile_runs_under_locust(server, cli, tmp_path: Path) -> None:
    server.route(WATCH_PATH, 204)
    args = seed_args(server)[1:]
    code, text, err = cli("locustfile", *args)
    assert code == 0, err
    assert "from engine.loadtest import locust_user" in text
    assert "accessToken=T" not in text  # a secret-looking value is read from the environment
    (tmp_path / "locustfile.py").write_text(text, encoding="utf-8")
    env = {**os.environ, "POSTMAN_REPLAY_ACCESSTOKEN": "T", "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "locust", "-f", "locustfile.py", "--headless", "--users", "2",
                             "--spawn-rate", "20", "--run-time", "2s", "--stop-timeout", "5", "--json-file", "lf"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    entries = {e["name"]: e for e in json.loads((tmp_path / "lf.json").read_text(encoding="utf-8"))}
    assert entries[ITEM]["num_requests"] == len(server.requests) > 0
    assert entries[ITEM]["num_failures"] == 0
    assert {r.header("Authorization") for r in server.requests} == {"Bearer T"}


# ---------------------------------------------------------------- option values


def test_the_test_session_is_never_monkey_patched() -> None:
    """Every load ran in a subprocess: this process has neither Locust nor gevent's patches."""
    assert "locust" not in sys.modules
    assert "gevent" not in sys.modules or not __import__("gevent.monkey").monkey.is_module_patched("socket")


@pytest.mark.parametrize("text, seconds", [("90", 90), ("90s", 90), ("1m30s", 90), ("2h", 7200), ("1.5", 1.5)])
def test_run_time_spellings(text: str, seconds: float) -> None:
    from engine.options import timespan

    assert timespan(text) == seconds


@pytest.mark.parametrize("text, share", [("0", 0), ("0.05", 0.05), ("5%", 0.05), ("100%", 1)])
def test_fail_ratio_spellings(text: str, share: float) -> None:
    from engine.options import ratio

    assert ratio(text) == pytest.approx(share)
