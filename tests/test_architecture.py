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
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

ENGINE = Path(__file__).resolve().parent.parent / "engine"
MAY_IMPORT_REQUESTS = {"send.py", "pytest_plugin.py"}


def modules() -> list[Path]:
    return sorted(p for p in ENGINE.rglob("*.py") if "__pycache__" not in p.parts)


def imported_modules(path: Path, *, type_checking: bool = True) -> set[str]:
    """Absolute dotted names of every import, at any depth (lazy imports inside functions count
    too); `type_checking=False` leaves out what sits under `if TYPE_CHECKING:`."""
    package = ["engine", *path.relative_to(ENGINE).parent.parts]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    skipped = set() if type_checking else {
        id(node) for block in ast.walk(tree) if isinstance(block, ast.If)
        and getattr(block.test, "id", getattr(block.test, "attr", None)) == "TYPE_CHECKING"
        for child in block.body for node in ast.walk(child)}
    names: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
                if node.module:
                    names.add(module)
                else:  # `from . import x`: the submodule x (or a name of the package itself)
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
    assert json.loads(result.stdout) == ["engine", "engine.version"]


REPORTER_MAY_IMPORT = {"engine.events", "engine.model", "engine.redact", "engine.curl", "engine.atomic",
                       "engine.errors", "engine.reporters"} | {
    f"engine.reporters.{path.stem}" for path in (ENGINE / "reporters").glob("*.py") if path.stem != "__init__"}


@pytest.mark.parametrize("path", sorted((ENGINE / "reporters").glob("*.py")), ids=relative)
def test_reporters_listen_to_events_and_never_reach_into_the_run(path: Path) -> None:
    engine_imports = {name for name in imported_modules(path) if name.startswith("engine")}
    assert engine_imports <= REPORTER_MAY_IMPORT, f"{relative(path)} imports {engine_imports - REPORTER_MAY_IMPORT}"


@pytest.mark.parametrize("name", ["resolve.py", "check.py", "variables.py", *AUTH, "select.py"])
def test_pure_stages_do_not_import_the_runner_or_an_adapter(name: str) -> None:
    engine_imports = {n for n in imported_modules(ENGINE / name) if n.startswith("engine")}
    forbidden = {"engine.runner", "engine.send", "engine.cli", "engine.pytest_plugin", "engine.reporters"}
    assert not engine_imports & forbidden, f"{name} imports {engine_imports & forbidden}"


# ---------------------------------------------------------------- the table in docs/architecture.md
#
# The table is the allow-list. Each row names modules (`load`, `schema`; `auth/` is a package) and
# what they may import: module names in backticks, "the above" / "everything above" (every row
# above it), "anything", or "stdlib only" (then no third-party import either, except the ones the
# cell names). Only runtime imports count: those under `if TYPE_CHECKING:` are for the type
# checker. Modules of one row, or of one package, may import each other; between rows the import
# graph must have no cycle, so the data flow stays one way.

DOC = ENGINE.parent / "docs" / "architecture.md"
_TICKED = re.compile(r"`([^`]+)`")


@dataclass(frozen=True)
class Row:
    modules: tuple[str, ...]  # dotted names under engine ("load", "auth" for `auth/`)
    packages: tuple[str, ...]  # the row's `name/` packages
    allowed: frozenset[str]
    anything: bool
    stdlib_only: bool
    third_party: frozenset[str]


def table() -> list[Row]:
    rows: list[Row] = []
    lines = [line for line in DOC.read_text(encoding="utf-8").splitlines() if line.startswith("| `")]
    for line in lines:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        names = _TICKED.findall(cells[0])
        modules = tuple(name.rstrip("/") for name in names)
        packages = tuple(name.rstrip("/") for name in names if name.endswith("/"))
        may = cells[-1]
        allowed = {name.rstrip("/") for name in _TICKED.findall(may)}
        if "the above" in may or "everything above" in may:
            allowed |= {m for row in rows for m in row.modules}
        rows.append(Row(modules, packages, frozenset(allowed), "anything" in may, "stdlib only" in may,
                        frozenset(allowed)))
    return rows


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ENGINE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts) or "engine"


def row_of(name: str, rows: list[Row]) -> Row | None:
    for row in rows:
        if name in row.modules or any(name == p or name.startswith(p + ".") for p in row.packages):
            return row
    return None


def runtime_imports(path: Path) -> set[str]:
    return imported_modules(path, type_checking=False)


def engine_edges(path: Path) -> set[str]:
    """The engine modules `path` imports at run time, as table names (`engine.load` → `load`)."""
    known = {module_name(p) for p in modules()}
    out = set()
    for name in runtime_imports(path):
        if name == "engine" or name.startswith("engine."):
            short = name[len("engine."):] if name != "engine" else "engine"
            while short not in known and "." in short:  # `from .x import y` names y too
                short = short.rsplit(".", 1)[0]
            if short in known:
                out.add(short)
    return out


def test_the_table_is_read() -> None:
    rows = table()
    assert row_of("model", rows) is not None and row_of("model", rows).stdlib_only  # type: ignore[union-attr]
    assert row_of("auth.grant", rows) is not None and row_of("reporters.json", rows) is not None
    runner = row_of("runner", rows)
    assert runner is not None and {"load", "resolve", "send", "check"} <= runner.allowed
    assert "requests" in runtime_imports(ENGINE / "send.py")
    assert "engine.send" in runtime_imports(ENGINE / "pipeline.py")  # lazily, inside a method
    assert "engine.contract" not in runtime_imports(ENGINE / "runner.py")  # only under TYPE_CHECKING there
    assert "stream" in engine_edges(ENGINE / "load.py")  # `from . import stream as streaming`


@pytest.mark.parametrize("path", modules(), ids=relative)
def test_every_module_is_in_the_table(path: Path) -> None:
    assert row_of(module_name(path), table()) is not None, (
        f"{relative(path)} is not in docs/architecture.md: add a row saying what it owns and may import")


@pytest.mark.parametrize("path", modules(), ids=relative)
def test_modules_import_only_what_the_table_allows(path: Path) -> None:
    rows = table()
    name = module_name(path)
    row = row_of(name, rows)
    assert row is not None
    if row.anything:
        return
    own = set(row.modules)
    wrong = {m for m in engine_edges(path) if not any(m == a or m.startswith(a + ".") for a in row.allowed)
             and row_of(m, rows) is not row
             and not any(m == p or m.startswith(p + ".") for p in row.packages) and m not in own}
    assert not wrong, f"{relative(path)} imports {sorted(wrong)}; docs/architecture.md allows {sorted(row.allowed)}"
    if row.stdlib_only:
        third = {r for r in imported_roots(path) if r not in sys.stdlib_module_names
                 and r not in ("__future__", "engine") and r not in row.third_party}
        assert not third, f"{relative(path)} imports {sorted(third)}; its row says stdlib only"


def test_the_rows_import_each_other_without_a_cycle() -> None:
    rows = table()
    index = {id(row): number for number, row in enumerate(rows)}
    graph: dict[int, set[int]] = {number: set() for number in range(len(rows))}
    for path in modules():
        source = row_of(module_name(path), rows)
        if source is None or source.anything:
            continue
        for target in engine_edges(path):
            row = row_of(target, rows)
            if row is not None and row is not source and not row.anything:
                graph[index[id(source)]].add(index[id(row)])
    cycle = _find_cycle(graph)
    names = [" ".join(rows[n].modules) for n in cycle]
    assert not cycle, "import cycle between rows of docs/architecture.md: " + " → ".join(names)


def _find_cycle(graph: dict[int, set[int]]) -> list[int]:
    """A cycle as a list of nodes (first repeated at the end), or [] — iterative depth-first search."""
    state: dict[int, int] = {}
    for start in graph:
        if start in state:
            continue
        stack: list[tuple[int, Iterator[int]]] = [(start, iter(sorted(graph[start])))]
        path = [start]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
                path.pop()
            elif state.get(child) == 1:
                return path[path.index(child):] + [child]
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(sorted(graph[child]))))
                path.append(child)
    return []


def test_the_cycle_finder_finds_cycles() -> None:
    assert _find_cycle({0: {1}, 1: {2}, 2: {0}}) == [0, 1, 2, 0]
    assert _find_cycle({0: {1}, 1: {2}, 2: set()}) == []


# what a plain run (one GET, no auth, no script, a JSON file, a documented JSON body that fits,
# the JSON reporter) has no use for: each is imported only where its feature is used
NOT_FOR_A_PLAIN_RUN = {"jsonschema", "yaml", "faker", "quickjs", "jinja2", "ijson", "botocore", "oauthlib",
                       "mohawk", "jwt", "cryptography", "akamai", "spnego", "requests_ntlm", "requests_oauthlib",
                       "engine.scripts", "engine.auth.simple", "engine.openapi", "engine.contract", "engine.mock",
                       "engine.reporters.html", "engine.reporters.junit", "engine.load_v3", "difflib",
                       "engine.scripting", "engine.auth.grant", "uuid", "platform"}


def test_a_plain_run_loads_only_what_it_uses(server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The console entry point, as a whole process: the item passes (its body checked, so genson
    and fastjsonschema are in), the collector is on again for the run, nothing optional is loaded."""
    from factory import example, make_collection, make_item

    server.route("/thing", 200, b'{"id": 1, "name": "a"}', {"Content-Type": "application/json"})
    item = make_item(responses=[example(200, '{"id": 2, "name": "b"}', "application/json")])
    path = tmp_path / "one.json"
    path.write_text(json.dumps(make_collection([item])), encoding="utf-8")
    report = tmp_path / "report.json"
    probe = ("import atexit, gc, json, sys\n"
             "atexit.register(lambda: sys.stderr.write('MODULES ' + json.dumps([sorted(sys.modules), gc.isenabled()])))\n"
             "from engine.cli import entry\n"
             f"sys.argv = ['postman-replay', 'run', {str(path)!r}, '--env-var', 'baseUrl={server.url}', '-r', 'json',"
             f" '--reporter-json-export', {str(report)!r}]\n"
             "entry()\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    modules, collecting = json.loads(result.stderr.split("MODULES ", 1)[1])
    loaded = set(modules)
    assert {"genson", "fastjsonschema", "engine.send"} <= loaded  # the probe sees what a run imports
    assert not loaded & NOT_FOR_A_PLAIN_RUN, sorted(loaded & NOT_FOR_A_PLAIN_RUN)
    assert collecting, "start-up turns the collector off; the run must turn it on again"
    assert len(server.requests) == 1


def test_start_up_turns_the_collector_back_on() -> None:
    import gc

    from engine import cli

    assert gc.isenabled()
    cli._end_startup_gc()  # nothing turned it off: nothing to do
    assert gc.isenabled()
    gc.disable()
    cli._startup_gc_off = True
    try:
        cli._end_startup_gc()
        assert gc.isenabled() and not cli._startup_gc_off
    finally:
        gc.enable()
        gc.unfreeze()
