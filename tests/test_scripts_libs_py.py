"""Sandbox libraries: the module loader, timers and the Python-backed libraries, run through the
real sandbox; expected values come from an independent route (Python's own libraries, RFC/NIST
vectors)."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from engine.scripts import Sandbox, ScriptOutcome
from engine.scripts import libdoc
from tests.test_scripts_sandbox import make_input

LIB = Path(__file__).resolve().parent.parent / "engine" / "scripts" / "lib"


@pytest.fixture(scope="module")
def sandbox() -> Sandbox:
    box = Sandbox()
    yield box
    box.close()


def run(sandbox: Sandbox, *sources: str, **kw: Any) -> ScriptOutcome:
    return sandbox.run(make_input(*sources, **kw))


def value(sandbox: Sandbox, expression: str, **kw: Any) -> Any:
    """The JSON value of `expression`, computed in a script (through a variable, as scripts do)."""
    out = run(sandbox, f"pm.environment.set('__out', JSON.stringify({expression}));", **kw)
    assert out.failure is None, out.failure
    return json.loads(out.scopes["environment"]["__out"])


def failure(sandbox: Sandbox, source: str) -> tuple[str, int | None]:
    out = run(sandbox, source)
    assert out.failure is not None, out
    return out.failure.message, out.failure.line


# ---- the loader ---------------------------------------------------------------------------

def test_every_module_in_the_table_has_a_file_and_every_file_a_row() -> None:
    table = json.loads((LIB / "index.json").read_text(encoding="utf-8"))
    files = {p.name[:-3] for p in LIB.glob("*.js")}
    named = {name.replace("/", "__") for name in table["modules"]}
    assert named == files
    for target in table["aliases"].values():
        assert target in table["modules"]


def test_the_libraries_doc_is_current() -> None:
    assert libdoc.DOC.read_text(encoding="utf-8") == libdoc.render(), "run: python -m engine.scripts.libdoc"


def test_require_and_the_global_are_one_module(sandbox: Sandbox) -> None:
    assert value(sandbox, "require('atob') === atob && require('node:btoa') === btoa") is True


def test_an_unknown_module_is_a_located_error_even_when_caught(sandbox: Sandbox) -> None:
    assert failure(sandbox, "var a = 1;\ntry { require('left-pad'); } catch (e) {}") == (
        "require('left-pad') is not supported", 2)


def test_scripts_cannot_reach_the_loaders_internals(sandbox: Sandbox) -> None:
    message, _ = failure(sandbox, "require('#sandbox').host('x');")
    assert message == "require('#sandbox') is not supported"
    assert value(sandbox, "[typeof __host, typeof __lib_sources, typeof __lib_index]") == ["undefined"] * 3


def test_a_global_the_script_assigns_is_its_own_until_the_next_item(sandbox: Sandbox) -> None:
    assert value(sandbox, "(function () { atob = 5; return atob; })()") == 5
    assert value(sandbox, "typeof atob") == "function"


def test_atob_and_btoa_agree_with_python(sandbox: Sandbox) -> None:
    text = "h\u00e9llo \u00ff\x00!"
    encoded = base64.b64encode(text.encode("latin-1")).decode()
    assert value(sandbox, f"btoa({json.dumps(text)})") == encoded
    assert value(sandbox, f"atob({json.dumps(encoded)})") == text
    assert value(sandbox, "atob('aGk')") == "hi"  # unpadded, as the npm package accepts


# ---- the engine -----------------------------------------------------------------------------

def test_the_engine_speaks_es2023(sandbox: Sandbox) -> None:
    source = ("(function () { class A { #x = 2; get x() { return this.#x; } }"
              " return [[1, 2, 3].findLast(function (n) { return n < 3; }), [3, 1, 2].toSorted().at(-1),"
              " Object.hasOwn({a: 1}, 'a'), new A().x, Object.groupBy([1, 2, 3], function (n) { return n % 2 ? 'odd' : 'even'; }).odd]; })()")
    assert value(sandbox, source) == [2, 3, True, 2, [1, 3]]


# ---- timers ---------------------------------------------------------------------------------

def recorded(out: ScriptOutcome) -> list[tuple[str, bool, str]]:
    assert out.failure is None, out.failure
    return [(t.name, t.passed, t.message) for t in out.tests]


def test_timers_run_before_the_script_ends_in_nodes_order(sandbox: Sandbox) -> None:
    out = run(sandbox, """
        var order = [];
        setTimeout(function (a, b) { order.push('timeout ' + a + b); }, 30, 'x', 'y');
        setTimeout(function () { order.push('zero'); }, 0);
        setImmediate(function () { order.push('immediate'); });
        Promise.resolve().then(function () { order.push('microtask'); });
        order.push('body');
        setTimeout(function () { pm.environment.set('order', order.join(',')); }, 60);
    """)
    assert out.failure is None, out.failure
    assert out.scopes["environment"]["order"] == "body,microtask,immediate,zero,timeout xy"


def test_an_interval_runs_until_cleared(sandbox: Sandbox) -> None:
    out = run(sandbox, """
        var n = 0;
        var handle = setInterval(function () { n += 1; if (n === 3) clearInterval(handle); }, 5);
        var cancelled = require('timers').setTimeout(function () { n = 100; }, 1);
        clearTimeout(cancelled);
        setTimeout(function () { pm.test('three ticks', function () { pm.expect(n).to.equal(3); }); }, 60);
    """)
    assert recorded(out) == [("three ticks", True, "")]


def test_a_never_cleared_interval_ends_at_the_bound_naming_it(sandbox: Sandbox) -> None:
    out = run(sandbox, "var ticks = 0;\nsetInterval(function () { ticks++; }, 20);", timeout_ms=300)
    assert out.failure is not None
    assert out.failure.message == ("setInterval (set at line 2) was never cleared: the script was still "
                                   "waiting for it after 300 ms (--timeout-script)")
    assert out.failure.line == 2
    assert recorded(run(sandbox, "pm.test('next item is clean', function () {});")) == [("next item is clean", True, "")]


def test_a_timeout_beyond_the_bound_is_an_error_naming_it(sandbox: Sandbox) -> None:
    out = run(sandbox, "setTimeout(function () {}, 60000);", timeout_ms=300)
    assert out.failure is not None and out.failure.message == (
        "setTimeout (set at line 1) would fire after the script's 300 ms (--timeout-script)")


def test_an_error_in_a_timer_fails_the_test_waiting_for_done(sandbox: Sandbox) -> None:
    out = run(sandbox, """
        pm.test('async assertion', function (done) {
            setTimeout(function () { pm.expect(1).to.equal(2); done(); }, 5);
        });
        pm.test('still recorded', function () {});
    """)
    assert recorded(out) == [("async assertion", False, "expected 1 to equal 2"), ("still recorded", True, "")]


def test_an_uncaught_error_in_a_timer_is_the_scripts_error_with_its_line(sandbox: Sandbox) -> None:
    out = run(sandbox, "var a = 1;\nsetTimeout(function () {\n  null.x;\n}, 1);")
    assert out.failure is not None and out.failure.message.startswith("TypeError") and out.failure.line == 3


def test_a_busy_timer_callback_stops_at_the_bound(sandbox: Sandbox) -> None:
    out = run(sandbox, "setTimeout(function () { for (;;) {} }, 1);", timeout_ms=300)
    assert out.failure is not None and out.failure.message == "script timed out after 300 ms"


def test_await_on_a_timer_promise(sandbox: Sandbox) -> None:
    out = run(sandbox, """
        (async function () {
            await new Promise(function (resolve) { setTimeout(resolve, 10); });
            pm.test('after await', function () {});
        })();
    """)
    assert recorded(out) == [("after await", True, "")]


def test_a_timer_callback_must_be_a_function(sandbox: Sandbox) -> None:
    message, line = failure(sandbox, "setTimeout('alert(1)', 1);")
    assert message.startswith("TypeError: The \"callback\" argument of setTimeout must be of type function") and line == 1
