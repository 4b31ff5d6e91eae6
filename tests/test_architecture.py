"""The module map of STYLE.md, checked by reading `engine/` imports with `ast`.

- only `send` touches the network library (`requests`); the pytest plugin and the script
  sandbox are adapters allowed to as well;
- `model` and `errors` import only the standard library;
- `resolve` is pure: no `requests`, `socket` or `urllib3`;
- importing the command line loads none of the heavy libraries, so `--version` stays fast.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ENGINE = Path(__file__).resolve().parent.parent / "engine"
MAY_IMPORT_REQUESTS = {"send.py", "pytest_plugin.py"}


def modules() -> list[Path]:
    return sorted(p for p in ENGINE.rglob("*.py") if "__pycache__" not in p.parts)


def imported_modules(path: Path) -> set[str]:
    """Absolute dotted names of every import, at any depth (lazy imports inside functions count too)."""
    package = ["engine", *path.relative_to(ENGINE).parent.parts]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
                names.add(module)
                if not node.module:  # `from . import x` imports submodules
                    names |= {f"{module}.{alias.name}" for alias in node.names}
            else:
                names.add(node.module or "")
    return names


def imported_roots(path: Path) -> set[str]:
    """Top-level names of every import; engine's own modules come back as `engine`."""
    return {name.split(".")[0] for name in imported_modules(path)}


def relative(path: Path) -> str:
    return path.relative_to(ENGINE).as_posix()


def test_the_module_walk_sees_the_package() -> None:
    names = {relative(p) for p in modules()}
    assert {"send.py", "resolve.py", "model.py", "errors.py", "cli.py", "reporters/cli.py"} <= names
    # the import reader itself: positive controls, so the rules below cannot pass vacuously
    assert "requests" in imported_roots(ENGINE / "send.py")
    assert "engine.model" in imported_modules(ENGINE / "reporters" / "json.py")
    assert "engine.reporters.cli" in imported_modules(ENGINE / "reporters" / "__init__.py")
    assert "engine.dynamic" in imported_modules(ENGINE / "variables.py")  # lazy import inside a method


@pytest.mark.parametrize("path", modules(), ids=relative)
def test_only_send_imports_requests(path: Path) -> None:
    if relative(path) in MAY_IMPORT_REQUESTS or relative(path).startswith("scripts/"):
        return
    assert "requests" not in imported_roots(path), f"{relative(path)} imports requests; only send.py may"


@pytest.mark.parametrize("name", ["model.py", "errors.py"])
def test_model_and_errors_import_only_the_standard_library(name: str) -> None:
    roots = imported_roots(ENGINE / name)
    third_party = {r for r in roots if r not in sys.stdlib_module_names and r != "__future__"}
    assert not third_party, f"{name} imports {third_party}"


def test_resolve_does_no_io() -> None:
    roots = imported_roots(ENGINE / "resolve.py")
    assert not roots & {"requests", "socket", "urllib3", "http", "subprocess"}, roots


AUTH = sorted(p.relative_to(ENGINE).as_posix() for p in (ENGINE / "auth").glob("*.py"))


@pytest.mark.parametrize("name", ["variables.py", *AUTH, "check.py", "select.py", "redact.py", "curl.py"])
def test_pure_stages_stay_off_the_network(name: str) -> None:
    assert not imported_roots(ENGINE / name) & {"requests", "socket", "urllib3"}


@pytest.mark.parametrize("path", [p for p in modules() if p.parent.name == "reporters"], ids=relative)
def test_reporters_know_nothing_of_http_internals(path: Path) -> None:
    assert not imported_roots(path) & {"requests", "urllib3", "socket", "http"}
    assert not imported_modules(path) & {"engine.send", "engine.runner"}


@pytest.mark.parametrize("path", modules(), ids=relative)
def test_nothing_imports_the_adapters(path: Path) -> None:
    if relative(path) in ("cli.py", "pytest_plugin.py"):
        return
    assert not imported_modules(path) & {"engine.cli", "engine.pytest_plugin"}, f"{relative(path)} imports an adapter"


def test_importing_the_cli_loads_no_heavy_library() -> None:
    probe = "import sys, json, engine.cli; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    loaded = set(json.loads(result.stdout))
    heavy = {"requests", "jsonschema", "yaml", "faker", "urllib3", "genson", "quickjs",
             "botocore", "oauthlib", "mohawk", "jwt", "cryptography", "akamai", "spnego", "requests_ntlm"}
    assert not loaded & heavy, sorted(loaded & heavy)


def test_importing_the_package_loads_no_stage() -> None:
    probe = "import sys, json, engine; print(json.dumps(sorted(m for m in sys.modules if m.startswith('engine'))))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert json.loads(result.stdout) == ["engine"]


REPORTER_MAY_IMPORT = {"engine.events", "engine.model", "engine.redact", "engine.curl", "engine.atomic",
                       "engine.errors", "engine.reporters", "engine.reporters.cli", "engine.reporters.json",
                       "engine.reporters.junit", "engine.reporters.html", "engine.reporters.stats"}


@pytest.mark.parametrize("path", sorted((ENGINE / "reporters").glob("*.py")), ids=relative)
def test_reporters_listen_to_events_and_never_reach_into_the_run(path: Path) -> None:
    engine_imports = {name for name in imported_modules(path) if name.startswith("engine")}
    assert engine_imports <= REPORTER_MAY_IMPORT, f"{relative(path)} imports {engine_imports - REPORTER_MAY_IMPORT}"


@pytest.mark.parametrize("name", ["resolve.py", "check.py", "variables.py", *AUTH, "select.py"])
def test_pure_stages_do_not_import_the_runner_or_an_adapter(name: str) -> None:
    engine_imports = {n for n in imported_modules(ENGINE / name) if n.startswith("engine")}
    forbidden = {"engine.runner", "engine.send", "engine.cli", "engine.pytest_plugin", "engine.reporters"}
    assert not engine_imports & forbidden, f"{name} imports {engine_imports & forbidden}"
