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
