"""Shared fixtures: the recording loopback servers, proxy-free environment, in-process CLI runs."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

from factory import make_collection
from servers import RecordingServer, emptied, serving

ROOT = Path(__file__).resolve().parent.parent
CONFLUENCE = ROOT / "collections" / "confluence-cloud.postman_collection.json"
PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


@pytest.fixture(autouse=True)
def _no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    """Traffic goes straight to 127.0.0.1, whatever proxy the machine running the tests has."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture(scope="session")
def _server_session() -> Iterator[RecordingServer]:
    yield from serving(RecordingServer())


@pytest.fixture(scope="session")
def _other_session() -> Iterator[RecordingServer]:
    yield from serving(RecordingServer())


@pytest.fixture
def server(_server_session: RecordingServer) -> Iterator[RecordingServer]:
    """The recording server, empty at the start of each test; releases hung handlers at the end."""
    yield from emptied(_server_session)


@pytest.fixture
def other_server(_other_session: RecordingServer) -> Iterator[RecordingServer]:
    """A second origin (another port), for cross-origin redirects."""
    yield from emptied(_other_session)


def run_cli(*args: object) -> tuple[int, str, str]:
    """`postman-replay ARGS` in-process: (exit code, stdout, stderr)."""
    from engine.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in args], stdout=out, stderr=err)
    return int(code), out.getvalue(), err.getvalue()


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., tuple[int, str, str]]:
    """run_cli with the working directory in tmp_path, so default report files land there."""
    monkeypatch.chdir(tmp_path)
    return run_cli


@pytest.fixture
def write_collection(tmp_path: Path) -> Callable[..., Path]:
    """Write a collection document (or items) to tmp_path and return its path."""
    counter = iter(range(10_000))

    def write(document_or_items: Any, **top: Any) -> Path:
        document = document_or_items
        if isinstance(document_or_items, list):
            document = make_collection(document_or_items, **top)
        path = tmp_path / f"collection{next(counter)}.postman_collection.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        return path

    return write
