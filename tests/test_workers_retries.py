"""`--workers`, `--retries`, `--max-response-time` and `--delay-request` against the recording server."""

from __future__ import annotations

import json
import time
import threading
from pathlib import Path

import pytest

from factory import example, folder, make_item
from servers import Route, closed_port

FOLDERS, PER_FOLDER = 4, 3


def report(tmp_path: Path, name: str = "report.json") -> dict:
    return json.loads((tmp_path / name).read_text(encoding="utf-8"))


def run_json(cli, tmp_path: Path, path: Path, *extra: object, name: str = "report.json") -> tuple[int, str, str, dict]:
    code, out, err = cli("run", path, "-r", "cli,json", "--reporter-json-export", tmp_path / name, *extra)
    return code, out, err, report(tmp_path, name)


# ---------------------------------------------------------------- workers


def grid_collection(write_collection, server, *, failing: set[tuple[int, int]] = frozenset(),
                    delays: dict[tuple[int, int], float] | None = None) -> Path:
    """4 folders × 3 items, /f{folder}/{item}; `failing` answer an undocumented 500."""
    delays = delays or {}
    folders = []
    for f in range(FOLDERS):
        items = []
        for i in range(PER_FOLDER):
            server.route(f"/f{f}/{i}", 500 if (f, i) in failing else 200, f"{f}.{i}", delay=delays.get((f, i), 0.0))
            items.append(make_item(f"Item {i}", "GET", f"{{{{baseUrl}}}}/f{f}/{i}", responses=[example(200)]))
        folders.append(folder(f"Folder {f}", items))
    return write_collection(folders, variable=[{"key": "baseUrl", "value": server.url}])


COLLECTION_ORDER = [f"Folder {f}/Item {i}" for f in range(FOLDERS) for i in range(PER_FOLDER)]


def test_workers_report_in_collection_order_and_keep_folder_order(server, cli, write_collection, tmp_path) -> None:
    # later folders answer faster than earlier ones, so finishing order differs from collection order
    delays = {(f, i): 0.01 * (FOLDERS - f) for f in range(FOLDERS) for i in range(PER_FOLDER)}
    path = grid_collection(write_collection, server, failing={(1, 2), (3, 0)}, delays=delays)
    code, out, err, doc = run_json(cli, tmp_path, path, "--workers", "4")
    assert code == 1
    assert [r["item"] for r in doc["results"]] == COLLECTION_ORDER
    for f in range(FOLDERS):
        arrived = [r.path for r in server.requests if r.path.startswith(f"/f{f}/")]
        assert arrived == [f"/f{f}/{i}" for i in range(PER_FOLDER)]
    # the cli output comes in collection order too
    positions = [out.index(f"{name}\n") for name in COLLECTION_ORDER]
    assert positions == sorted(positions)

    workers_summary = doc["summary"]
    server.reset()
    path = grid_collection(write_collection, server, failing={(1, 2), (3, 0)})
    code_seq, _, _, sequential = run_json(cli, tmp_path, path, name="sequential.json")
    assert code_seq == code
    assert sequential["summary"] == workers_summary == {"total": 12, "passed": 10, "failed": 2, "errors": 0,
                                                        "skipped": 0, "unchecked": 0}
    assert [r["outcome"] for r in sequential["results"]] == [r["outcome"] for r in doc["results"]]


def test_workers_run_folders_concurrently(server, cli, write_collection, tmp_path) -> None:
    """Folder 0's first item is slow: with workers, every other folder is done before its second item."""
    path = grid_collection(write_collection, server, delays={(0, 0): 1.0})
    code, out, err, doc = run_json(cli, tmp_path, path, "--workers", "4")
    assert code == 0, out
    arrived = [r.path for r in server.requests]
    later = arrived.index("/f0/1")
    others = [p for p in arrived if not p.startswith("/f0/")]
    assert len(others) == (FOLDERS - 1) * PER_FOLDER
    assert all(arrived.index(p) < later for p in others), arrived


def test_bail_with_workers_stops_every_worker(server, cli, write_collection, tmp_path) -> None:
    # the failure comes first; every other folder's items take long enough to see the stop
    delays = {(f, i): 0.2 for f in range(1, FOLDERS) for i in range(PER_FOLDER)}
    path = grid_collection(write_collection, server, failing={(0, 0)}, delays=delays)
    code, out, err, doc = run_json(cli, tmp_path, path, "--workers", "4", "--bail")
    assert code == 1
    items = [r["item"] for r in doc["results"]]
    assert len(items) < FOLDERS * PER_FOLDER
    assert items == [name for name in COLLECTION_ORDER if name in items]  # still in collection order
    assert doc["results"][0] == {**doc["results"][0], "item": "Folder 0/Item 0", "outcome": "failed"}
    assert "/f0/1" not in [r.path for r in server.requests]
    assert len(server.requests) == len(items)


def test_workers_with_dry_run_send_nothing(server, cli, write_collection, tmp_path) -> None:
    path = grid_collection(write_collection, server)
    code, out, err, doc = run_json(cli, tmp_path, path, "--workers", "4", "--dry-run")
    assert code == 0
    assert server.requests == []
    assert [r["item"] for r in doc["results"]] == COLLECTION_ORDER


# ---------------------------------------------------------------- retries


def one_item(write_collection, server, method: str = "GET", route: str = "/flaky", url: str | None = None) -> Path:
    return write_collection(
        [make_item("Flaky", method, url or f"{{{{baseUrl}}}}{route}", responses=[example(200)])],
        variable=[{"key": "baseUrl", "value": server.url}],
    )


def unavailable(retry_after: str | None = "0") -> Route:
    headers = [("Retry-After", retry_after)] if retry_after is not None else []
    return Route(503, headers, b"busy")


def test_503_twice_then_200_passes_after_three_attempts(server, cli, write_collection, tmp_path) -> None:
    server.route_sequence("/flaky", [unavailable(), unavailable(), Route(200, [], b"ok")])
    code, out, err, doc = run_json(cli, tmp_path, one_item(write_collection, server), "--retries", "2")
    assert code == 0, out
    (result,) = doc["results"]
    assert result["outcome"] == "passed"
    assert result["attempts"] == 3
    assert result["response"]["code"] == 200
    assert len(server.requests) == 3
    assert "3 attempts" in out
    assert "3 attempts — 1: 503 Service Unavailable; 2: 503 Service Unavailable; 3: 200 OK" in result["notes"]


def test_retries_exhausted_reports_the_last_answer(server, cli, write_collection, tmp_path) -> None:
    server.route_sequence("/flaky", [unavailable(), unavailable(), Route(200, [], b"ok")])
    code, out, err, doc = run_json(cli, tmp_path, one_item(write_collection, server), "--retries", "1")
    assert code == 1
    (result,) = doc["results"]
    assert result["outcome"] == "failed"
    assert result["attempts"] == 2
    assert result["response"]["code"] == 503
    assert len(server.requests) == 2


def test_without_retries_a_503_is_not_retried(server, cli, write_collection, tmp_path) -> None:
    server.route_sequence("/flaky", [unavailable(), Route(200, [], b"ok")])
    code, out, err, doc = run_json(cli, tmp_path, one_item(write_collection, server))
    assert code == 1
    assert doc["results"][0]["attempts"] == 1
    assert len(server.requests) == 1


@pytest.mark.parametrize("method", ["POST", "PATCH"])
def test_non_idempotent_method_is_not_retried(server, cli, write_collection, tmp_path, method: str) -> None:
    server.route_sequence("/flaky", [unavailable(), Route(200, [], b"ok")])
    code, out, err, doc = run_json(cli, tmp_path, one_item(write_collection, server, method), "--retries", "2")
    assert code == 1
    (result,) = doc["results"]
    assert result["outcome"] == "failed"
    assert result["attempts"] == 1
    assert [r.method for r in server.requests] == [method]


def test_non_retryable_status_is_not_retried(server, cli, write_collection, tmp_path) -> None:
    server.route_sequence("/flaky", [Route(500, [], b"boom"), Route(200, [], b"ok")])
    code, out, err, doc = run_json(cli, tmp_path, one_item(write_collection, server), "--retries", "2")
    assert code == 1
    assert doc["results"][0]["attempts"] == 1
    assert len(server.requests) == 1


def test_refused_connection_with_one_retry_says_two_attempts(server, cli, write_collection, tmp_path) -> None:
    port = closed_port()
    path = one_item(write_collection, server, url=f"http://127.0.0.1:{port}/nothing")
    code, out, err, doc = run_json(cli, tmp_path, path, "--retries", "1")
    assert code == 1
    (result,) = doc["results"]
    assert result["outcome"] == "error"
    assert "refused" in result["error"]
    assert "2 attempts" in result["error"]
    assert result["attempts"] == 2
    assert "2 attempts" in out


def test_retry_after_is_honoured(server, cli, write_collection, tmp_path) -> None:
    server.route_sequence("/flaky", [unavailable("1"), Route(200, [], b"ok")])
    code, out, err, doc = run_json(cli, tmp_path, one_item(write_collection, server), "--retries", "1")
    assert code == 0, out
    first, second = server.requests
    assert second.at - first.at >= 0.9  # the default first backoff is 0.1 s


def test_backoff_grows_between_attempts(server, cli, write_collection, tmp_path) -> None:
    server.route_sequence("/flaky", [unavailable(None), unavailable(None), Route(200, [], b"ok")])
    code, out, err, doc = run_json(cli, tmp_path, one_item(write_collection, server), "--retries", "2")
    assert code == 0, out
    times = [r.at for r in server.requests]
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert gaps[0] >= 0.09 and gaps[1] >= 0.19, gaps


# ---------------------------------------------------------------- response-time budget and delay


def test_max_response_time_fails_a_slow_answer(server, cli, write_collection, tmp_path) -> None:
    server.route("/slow", 200, "late", delay=0.05)
    path = one_item(write_collection, server, route="/slow")
    code, out, err, doc = run_json(cli, tmp_path, path, "--max-response-time", "1")
    assert code == 1
    (result,) = doc["results"]
    assert result["outcome"] == "failed"
    (budget,) = [c for c in result["checks"] if c["name"] == "response-time"]
    assert budget["passed"] is False
    assert "budget 1 ms" in budget["message"]
    assert [c["passed"] for c in result["checks"] if c["name"] == "status"] == [True]
    assert "response-time" in out


def test_max_response_time_passes_a_fast_answer(server, cli, write_collection, tmp_path) -> None:
    server.route("/fast", 200, "quick")
    path = one_item(write_collection, server, route="/fast")
    code, out, err, doc = run_json(cli, tmp_path, path, "--max-response-time", "10000")
    assert code == 0, out
    assert [c["passed"] for c in doc["results"][0]["checks"] if c["name"] == "response-time"] == [True]


@pytest.mark.parametrize("workers", [None, "2"], ids=["sequential", "workers"])
def test_delay_request_spaces_the_requests(server, cli, write_collection, tmp_path, workers) -> None:
    server.route("/a", 200, "a")
    server.route("/b", 200, "b")
    path = write_collection(
        [folder("Only", [make_item("A", "GET", "{{baseUrl}}/a", responses=[example(200)]),
                         make_item("B", "GET", "{{baseUrl}}/b", responses=[example(200)])])],
        variable=[{"key": "baseUrl", "value": server.url}],
    )
    code, out, err, doc = run_json(cli, tmp_path, path, "--delay-request", "100", *(["--workers", workers] if workers else []))
    assert code == 0, out
    first, second = server.requests
    assert (first.path, second.path) == ("/a", "/b")
    assert second.at - first.at >= 0.1


def test_an_exception_inside_a_worker_reaches_the_caller(server, write_collection, monkeypatch) -> None:
    """An unexpected exception inside a worker reaches the caller instead of hanging the run."""
    from engine.runner import Runner, run

    path = grid_collection(write_collection, server)

    def boom(self, located, scopes, iteration, count):
        raise RuntimeError("worker blew up")

    monkeypatch.setattr(Runner, "_execute", boom)
    finished = threading.Event()
    caught: list[BaseException] = []

    def target() -> None:
        try:
            run(str(path), workers=4)
        except BaseException as exc:  # noqa: BLE001 - the test inspects it
            caught.append(exc)
        finally:
            finished.set()

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    assert finished.wait(10), "the parallel run hung after a worker raised"
    assert caught and isinstance(caught[0], RuntimeError)


def test_retry_after_is_read_as_seconds_or_as_an_http_date() -> None:
    import email.utils

    from engine.retry import retry_after_seconds as _retry_after_seconds

    assert _retry_after_seconds("7") == 7.0
    assert _retry_after_seconds(None) is None and _retry_after_seconds("soon") is None
    later = _retry_after_seconds(email.utils.formatdate(time.time() + 20, usegmt=True))
    assert later is not None and 15 < later <= 20
    assert _retry_after_seconds(email.utils.formatdate(time.time() - 60, usegmt=True)) == 0.0
