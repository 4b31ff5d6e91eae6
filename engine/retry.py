"""`--retries N`: transport errors and 502/503/504 of idempotent methods are tried again, with
exponential backoff (a server's Retry-After wins, capped); every attempt is recorded on the exchange."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from typing import Callable

from .errors import SendError
from .model import Exchange, PreparedRequest

IDEMPOTENT = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"})
RETRY_CODES = frozenset({502, 503, 504})


def send_with_retries(send: Callable[[PreparedRequest], Exchange], prepared: PreparedRequest, retries: int,
                      stop: threading.Event) -> Exchange:
    """Retries transport errors and 502/503/504 of idempotent methods; every attempt is recorded."""
    retries = retries if prepared.method in IDEMPOTENT else 0
    earlier: list[str] = []
    while True:
        attempt = len(earlier) + 1
        try:
            exchange = send(prepared)
        except SendError as exc:
            if attempt > retries or stop.is_set():
                exc.attempts = attempt  # type: ignore[attr-defined]
                if earlier:
                    exc.message = f"{exc.message} (after {attempt} attempts; earlier: {'; '.join(earlier)})"
                raise
            earlier.append(exc.message)
            backoff(attempt, None, stop)
            continue
        response = exchange.response
        if response.code in RETRY_CODES and attempt <= retries and not stop.is_set():
            earlier.append(f"{response.code} {response.reason}".strip())
            backoff(attempt, response.header("Retry-After"), stop)
            continue
        return replace(exchange, attempts=attempt, earlier_attempts=tuple(earlier))


def backoff(attempt: int, retry_after: str | None, stop: threading.Event) -> None:
    """Exponential from 0.1 s; a server's Retry-After (seconds or an HTTP date) wins, capped at 30 s."""
    delay = min(0.1 * 2 ** (attempt - 1), 10.0)
    asked = retry_after_seconds(retry_after)
    if asked is not None:
        delay = min(asked, 30.0)
    stop.wait(delay)


def retry_notes(exchange: Exchange) -> list[str]:
    """One note saying what each attempt got, when there was more than one."""
    if exchange.attempts <= 1:
        return []
    last = f"{exchange.response.code} {exchange.response.reason}".strip()
    steps = [f"{n}: {what}" for n, what in enumerate(exchange.earlier_attempts + (last,), start=1)]
    return [f"{exchange.attempts} attempts — " + "; ".join(steps)]


def retry_after_seconds(value: str | None) -> float | None:
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
