"""Pre-request and test scripts: the sandboxed `pm` API behind a plain-data boundary."""

from engine.scripts.sandbox import (
    Sandbox,
    ScriptFailure,
    ScriptInput,
    ScriptOutcome,
    TestResult,
)

__all__ = ["Sandbox", "ScriptFailure", "ScriptInput", "ScriptOutcome", "TestResult"]
