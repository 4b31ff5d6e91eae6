"""Run events: what the runner tells reporters. Frozen values; no HTTP objects beyond the model."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from .model import ItemResult


@dataclass(frozen=True, slots=True)
class RunStarted:
    collection: str
    source: str | None
    items: int
    iterations: int
    dry_run: bool = False


@dataclass(frozen=True, slots=True)
class ItemStarted:
    item: str
    iteration: int


@dataclass(frozen=True, slots=True)
class ItemFinished:
    result: ItemResult


@dataclass(frozen=True, slots=True)
class Summary:
    total: int = 0
    passed: int = 0
    failed: int = 0
    errors: int = 0
    skipped: int = 0

    @classmethod
    def of(cls, results: list[ItemResult] | tuple[ItemResult, ...]) -> "Summary":
        counts = {"passed": 0, "failed": 0, "error": 0, "skipped": 0}
        for result in results:
            counts[result.outcome] += 1
        return cls(len(results), counts["passed"], counts["failed"], counts["error"], counts["skipped"])

    @property
    def ok(self) -> bool:
        return self.failed == 0 and self.errors == 0


@dataclass(frozen=True, slots=True)
class RunFinished:
    summary: Summary
    results: tuple[ItemResult, ...] = field(default=())
    duration_ms: float = 0.0
    interrupted: bool = False


Event = RunStarted | ItemStarted | ItemFinished | RunFinished


class Reporter(Protocol):
    """Anything that listens to a run: cli, json, junit, the pytest plugin, a user's own."""

    def handle(self, event: object) -> None: ...
