"""Response-time figures every reporter shows the same way: min, average, p95, max."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Timings:
    min: float
    avg: float
    p95: float
    max: float

    @classmethod
    def of(cls, times: list[float]) -> "Timings | None":
        """None when nothing was answered; p95 is the nearest-rank percentile."""
        if not times:
            return None
        ordered = sorted(times)
        p95 = ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]
        return cls(ordered[0], sum(ordered) / len(ordered), p95, ordered[-1])

    def line(self) -> str:
        return f"response time min {self.min:.0f} · avg {self.avg:.0f} · p95 {self.p95:.0f} · max {self.max:.0f} ms"
