"""`--workers N`: top-level folders run concurrently, the items of a folder in order.

Each folder starts from the same snapshot of the variables (as the `--setup` items left them),
so what a folder's scripts set is seen inside that folder only and no outcome depends on which
thread wins; when the folders are done their changes are merged back in collection order (the
last folder that set a name decides it). Results are published in collection order; on Ctrl-C
every result that had finished is still published before the interrupt goes on.
"""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass, replace
from typing import Callable

from .model import ItemResult, Located
from .variables import Scopes

Execute = Callable[[Located, Scopes], "tuple[ItemResult, object]"]
Publish = Callable[[Located, ItemResult], None]


@dataclass
class PoolSettings:
    """How the pool runs: threads, the delay between items, whether to stop at a failure."""

    workers: int
    delay_ms: int = 0
    bail: bool = False
    first_iteration: bool = True  # no delay before the very first item of the run


def folder_key(located: Located) -> str:
    """Items at the top level form one group; every top-level folder is its own."""
    return located.folders[0].pointer if located.folders else ""


def run_folders(selected: list[Located], scopes: Scopes, execute: Execute, publish: Publish,
                stop: threading.Event, settings: PoolSettings) -> None:
    """Run `selected` folder by folder on up to `settings.workers` threads; see the module docstring."""
    groups: dict[str, list[int]] = {}
    for index, located in enumerate(selected):
        groups.setdefault(folder_key(located), []).append(index)
    before = scopes.snapshot()
    copies = {key: before.snapshot() for key in groups}
    slots: list[ItemResult | None] = [None] * len(selected)
    done = [threading.Event() for _ in selected]
    failures: list[BaseException] = []
    pending: queue.SimpleQueue[str] = queue.SimpleQueue()
    for key in groups:
        pending.put(key)

    def work(key: str) -> None:
        for position, index in enumerate(groups[key]):
            if stop.is_set():
                break
            if (position or not settings.first_iteration) and settings.delay_ms:
                stop.wait(settings.delay_ms / 1000)
            try:
                result, jump = execute(selected[index], copies[key])
                if jump is not ...:  # folders run independently: there is no "next" across them
                    result = replace(result, notes=result.notes + ("setNextRequest is ignored with --workers",))
                slots[index] = result
                if settings.bail and result.counts_as_failure:
                    stop.set()
            finally:
                done[index].set()

    def worker() -> None:
        while True:
            try:
                key = pending.get_nowait()
            except queue.Empty:
                return
            try:
                if not stop.is_set():
                    work(key)
            except BaseException as exc:  # re-raised in the calling thread below
                failures.append(exc)
                stop.set()
            finally:
                for index in groups[key]:
                    done[index].set()  # whatever no one will run is released

    # daemon threads, not a ThreadPoolExecutor: its threads are joined on the way out, so Ctrl-C
    # would wait for a hanging request's whole timeout instead of stopping within seconds
    threads = [threading.Thread(target=worker, name=f"replay-worker-{n}", daemon=True)
               for n in range(min(settings.workers, len(groups)))]
    for thread in threads:
        thread.start()
    cursor = 0
    try:
        while cursor < len(selected):
            done[cursor].wait()
            cursor += 1
            result = slots[cursor - 1]
            if result is not None:
                publish(selected[cursor - 1], result)
    except KeyboardInterrupt:
        stop.set()
        for index in range(cursor, len(selected)):  # every result that had finished reaches the reports
            result = slots[index]
            if result is not None:
                publish(selected[index], result)
        raise
    finally:
        _merge(scopes, before, [copies[key] for key in groups])
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]


def _merge(scopes: Scopes, before: Scopes, copies: list[Scopes]) -> None:
    """Each folder's changes onto the shared scopes, in collection order."""
    for copy in copies:
        scopes.apply(copy.changes_since(before))
