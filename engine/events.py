"""Run events: what the runner tells reporters. Frozen values; no HTTP objects beyond the model."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from .model import OUTCOMES, ItemResult, Record


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class RunStarted(Record):
    """The run begins: what is about to run."""

    collection: str
    source: str | None
    items: int
    iterations: int
    dry_run: bool = False
    planned: tuple[str, ...] = ()  # the selected items' paths, in order: reporters can name what never ran

    def not_run(self, done: set[tuple[str, int]]) -> list[tuple[str, int]]:
        """(path, iteration) of every planned run not in `done`, in run order: what --bail,
        Ctrl-C or setNextRequest left out, so every report's totals add up."""
        return [(path, i) for i in range(self.iterations) for path in self.planned if (path, i) not in done]


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class ItemStarted(Record):
    """An item × iteration is about to be reported."""

    item: str
    iteration: int


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class ItemFinished(Record):
    """An item × iteration ended; `result` says how."""

    result: ItemResult


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Summary(Record):
    """Items by outcome. `unchecked` items ran but had nothing to be checked against: they do
    not fail the run (`--strict` turns them into failures before they get here)."""

    total: int = 0
    passed: int = 0
    failed: int = 0
    errors: int = 0
    skipped: int = 0
    unchecked: int = 0

    @classmethod
    def of(cls, results: list[ItemResult] | tuple[ItemResult, ...]) -> "Summary":
        counts = dict.fromkeys(OUTCOMES, 0)
        for result in results:
            counts[result.outcome] += 1
        return cls.of_counts(counts)

    @classmethod
    def of_counts(cls, counts: dict[str, int]) -> "Summary":
        return cls(sum(counts.values()), counts["passed"], counts["failed"], counts["error"], counts["skipped"],
                   counts["unchecked"])

    @property
    def ok(self) -> bool:
        return self.failed == 0 and self.errors == 0

    def as_dict(self) -> dict[str, int]:
        """The JSON report's `summary`."""
        return {"total": self.total, "passed": self.passed, "failed": self.failed, "errors": self.errors,
                "skipped": self.skipped, "unchecked": self.unchecked}


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class RunFinished(Record):
    """The run ended (or was interrupted): the counts and, when kept, every result."""

    summary: Summary
    results: tuple[ItemResult, ...] = field(default=())
    duration_ms: float = 0.0
    interrupted: bool = False
    stopped_by: str | None = None  # why the run ended early: "--bail", "Ctrl-C"; None when it ran to the end
    # the variables as the run left them (environment with --env-var, globals), for the Newman-shaped
    # JSON report; reporters mask them like everything else
    environment: tuple[tuple[str, str], ...] = ()
    globals_: tuple[tuple[str, str], ...] = ()


Event = RunStarted | ItemStarted | ItemFinished | RunFinished


class Reporter(Protocol):
    """Anything that listens to a run: cli, json, junit, the pytest plugin, a user's own."""

    def handle(self, event: object) -> None: ...
