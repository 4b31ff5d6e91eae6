"""pytest plugin: every selected collection item × iteration is one test (registered via `pytest11`).

    pytest --postman collections/x.postman_collection.json --postman-env env.yaml
    pytest                      # with `postman_collections = collections/*.json` in the ini file

Node ids read `x.postman_collection.json::Folder/Item` (`…[iteration 2]` when there are several
iterations). Each test runs through `Runner.execute`, the same code path and checks as
`postman-replay run`; one Runner (one `requests.Session`) serves all items of a collection in a
process. An item that fails its checks fails its test; an item that cannot be run (unresolved
variable, network error) is a test *error*. Items carry an `xdist_group` marker named after their
top-level folder, so `pytest -n 4 --dist loadgroup` keeps each folder on one worker, in order.

`--postman` given with no test paths runs only the collections; `postman_collections` from the
ini file is added to a plain `pytest` run. Command-line options replace the ini values.

The engine is imported inside hooks only: loading this plugin never imports `requests`.
"""

from __future__ import annotations

import glob
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

import pytest

from .options import OPTIONS, RUN, add_plugin_options, run_options

if TYPE_CHECKING:
    from .model import Collection, ItemResult, Located
    from .redact import Redactor
    from .runner import Runner, RunOptions
    from .variables import Scopes

BODY_PREVIEW_CHARS = 500


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("postman", "postman-replay contract checks")
    group.addoption("--postman", action="append", default=[], metavar="COLLECTION",
                    help="replay this Postman collection as tests (repeatable)")
    add_plugin_options(group)  # every `run` option the plugin honours, from the one option table
    parser.addini("postman_collections", type="linelist", help="globs of Postman collections to replay as tests")
    parser.addini("postman_environment", type="linelist", help="Postman environment file(s) for the collections")


# ---------------------------------------------------------------- configuration


@dataclass
class _Settings:
    """What every collection of this session shares, read once at configure time."""

    collections: list[Path]
    options: "RunOptions"
    mock: bool
    rows: list[dict[str, str]] = field(default_factory=list)


_SETTINGS = pytest.StashKey["_Settings | None"]()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "postman: a Postman collection item replayed by postman-replay")
    config.addinivalue_line("markers", "xdist_group(name): pytest-xdist --dist loadgroup keeps a group on one worker")
    collections = _collection_paths(config)
    config.stash[_SETTINGS] = None
    if not collections:
        return
    from .errors import InputError

    try:
        config.stash[_SETTINGS] = _settings(config, collections)
    except InputError as exc:
        raise pytest.UsageError(exc.render()) from None
    _add_to_args(config, collections)


def _collection_paths(config: pytest.Config) -> list[Path]:
    given = config.getoption("postman")
    if given:
        paths = [config.invocation_params.dir / p for p in given]
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            raise pytest.UsageError(f"--postman: collection not found: {', '.join(missing)}")
        return list(dict.fromkeys(c for p in paths for c in _expand(p.resolve())))
    found: list[Path] = []
    for pattern in config.getini("postman_collections"):
        matches = sorted(glob.glob(pattern, root_dir=_ini_dir(config), recursive=True))
        if not matches:
            config.issue_config_time_warning(
                pytest.PytestConfigWarning(f"postman_collections: '{pattern}' matches no file"), stacklevel=2
            )
        found += [c for m in matches for c in _expand((_ini_dir(config) / m).resolve())]
    return list(dict.fromkeys(found))


def _expand(path: Path) -> list[Path]:
    """A v3 collection directory is one collection; a folder holding postman/collections/ is all of them."""
    if not path.is_dir():
        return [path]
    from .errors import InputError
    from .load_v3 import collection_dirs

    try:
        return [p.resolve() for p in collection_dirs(path)]
    except InputError as exc:
        raise pytest.UsageError(exc.render()) from None


def _ini_dir(config: pytest.Config) -> Path:
    return config.inipath.parent if config.inipath else config.rootpath


def _settings(config: pytest.Config, collections: list[Path]) -> _Settings:
    from .runner import iterations

    values = {option.dest: config.getoption(option.plugin_dest) for option in OPTIONS
              if RUN in option.commands and option.plugin is not None}
    if not values.get("environment"):
        values["environment"] = [str(_ini_dir(config) / p) for p in config.getini("postman_environment")]
    options = run_options(values, base=config.invocation_params.dir)
    return _Settings(collections, options, bool(values.get("mock")), iterations(options))


def _add_to_args(config: pytest.Config, collections: list[Path]) -> None:
    """Make the collections part of the run even when they lie outside the test paths.

    `pytest --postman X` with no test paths runs only X, as `pytest x.py` would; collections
    from the ini file join a plain `pytest` run; explicit test paths keep the user's choice.
    """
    explicit = config.args_source == pytest.Config.ArgsSource.ARGS
    if config.getoption("postman") and not explicit:
        config.args = [str(p) for p in collections]
        return
    if explicit and not config.getoption("postman"):
        return
    covered = [(config.invocation_params.dir / a.split("::")[0]).resolve() for a in config.args]
    extra = [str(p) for p in collections if not any(p == c or c in p.parents for c in covered)]
    config.args = list(config.args) + extra


@pytest.hookimpl(tryfirst=True)
def pytest_collect_directory(path: Path, parent: pytest.Collector) -> "PostmanFile | None":
    """A v3 collection is a directory: it is collected as one collection, not searched for tests."""
    settings = parent.config.stash.get(_SETTINGS, None)
    if settings is not None and path.resolve() in settings.collections:
        return PostmanFile.from_parent(parent, path=path)
    return None


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> "PostmanFile | None":
    settings = parent.config.stash.get(_SETTINGS, None)
    if settings is not None and file_path.resolve() in settings.collections:
        return PostmanFile.from_parent(parent, path=file_path)
    return None


# ---------------------------------------------------------------- collection and items


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    """A contract rule that matches no collected item is reported, as `run --contract` does."""
    settings = config.stash.get(_SETTINGS, None)
    if settings is None or settings.options.contract is None:
        return
    paths = [item.located.path for item in items if isinstance(item, PostmanItem)]
    if not paths:
        return
    for key in settings.options.contract.unused(paths):
        warnings.warn(pytest.PytestWarning(f"contract rule '{key}' matches no item of the collections"), stacklevel=1)


class PostmanFile(pytest.File):
    """A Postman collection: one test per item × iteration, in collection order."""

    replay: "_Replay | None" = None

    def collect(self) -> Iterator["PostmanItem"]:
        from .errors import InputError
        from .load import load_collection

        settings = self.config.stash[_SETTINGS]
        assert settings is not None
        try:
            collection = load_collection(self.path)
            options = settings.options
            names = tuple(options.setup) + (options.contract.setup if options.contract else ())
            if names:  # a misspelt --postman-setup is one collection error, not an error per test
                from .select import select_setup

                select_setup(collection, names, source="--postman-setup")
        except InputError as exc:
            raise self.CollectError(exc.render()) from None
        self.collection = collection
        selected = list(collection.walk())
        count = len(settings.rows)
        for iteration in range(count):
            for located in selected:
                name = located.path + (f"[iteration {iteration + 1}]" if count > 1 else "")
                group = group_of(located, self.path)
                if _xdist_loadgroup_worker(self.config):
                    name += f"@{group}"
                item = PostmanItem.from_parent(self, name=name, located=located, iteration=iteration)
                item.add_marker(pytest.mark.xdist_group(name=group))
                yield item

    def shared(self) -> "_Replay":
        """The Runner (and mock server) of this collection, made on first use in this process."""
        if self.replay is None:
            settings = self.config.stash[_SETTINGS]
            assert settings is not None
            self.replay = _Replay.start(self.collection, settings)
        return self.replay

    def teardown(self) -> None:
        if self.replay is not None:
            self.replay.close()
            self.replay = None


def group_of(located: "Located", collection_path: Path) -> str:
    """The xdist group: the top-level folder, or the collection file for items at the top."""
    return located.folders[0].name if located.folders else collection_path.name


def _xdist_loadgroup_worker(config: pytest.Config) -> bool:
    """On an xdist worker with `--dist loadgroup` the group goes into the node id ourselves.

    pytest-xdist appends `@group` by assigning `item._nodeid`, which pytest 9 no longer reads
    (node ids come from `Node._id`), so its grouping silently does nothing there; naming the item
    `Folder/Item@Folder` gives the controller the id it schedules by.
    """
    if not hasattr(config, "workerinput") or not getattr(config.option, "loadgroup", False):
        return False
    return not any("_nodeid" in getattr(cls, "__slots__", ()) for cls in pytest.Item.__mro__)  # pytest < 9 works


class PostmanItem(pytest.Item):
    """One item × iteration. Runs in setup (so "could not run" is a pytest error); checks fail in call."""

    def __init__(self, *, located: "Located", iteration: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.located = located
        self.iteration = iteration
        self.result: ItemResult | None = None
        self.add_marker(pytest.mark.postman)
        self.extra_keyword_matches.add(located.item.request.method.upper())

    def setup(self) -> None:
        replay = self.parent.shared()  # type: ignore[union-attr]
        runner = replay.runner
        self.redactor = runner.redactor
        self.result = replay.setup_result(self.iteration, self.located)  # a setup item ran as the fixture
        if self.result is None:
            scopes = replay.folder_scopes(self.iteration, self.located)
            with runner.using_cookies(replay.folder_jar(self.iteration, self.located)):
                self.result = runner.execute(self.located, scopes, self.iteration, len(replay.rows))
        self.user_properties.append(("postman_outcome", self.result.outcome))
        self.user_properties += [("postman_compat", note.message) for note in self.result.compat]
        for note in self.result.notes:
            if note.startswith("setNextRequest("):
                warnings.warn(pytest.PytestWarning(f"{self.located.path}: {note}"), stacklevel=1)
        if self.result.outcome == "error":
            pytest.fail(render(self.result, self.redactor), pytrace=False)

    def runtest(self) -> None:
        result = self.result
        assert result is not None
        if result.outcome == "skipped":
            pytest.skip(next((n for n in result.notes if n.startswith("skipped")), "skipped"))
        if result.outcome == "unchecked":  # ran, but nothing documented to compare with: never a silent pass
            pytest.skip(f"unchecked: {self.redactor.text(result.reason)}")
        if result.outcome == "failed":
            raise ItemFailed(result, self.redactor)
        self.add_report_section("call", "postman-replay", render(result, self.redactor))  # shown by -rP

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, ItemFailed):
            return excinfo.value.render()
        return super().repr_failure(excinfo, style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"postman: {self.name}"


class ItemFailed(Exception):
    """The item ran and broke its contract; `render()` is what the user reads."""

    def __init__(self, result: "ItemResult", redactor: "Redactor") -> None:
        super().__init__(f"{result.item}: {result.outcome}")  # repr_failure shows render()
        self.result = result
        self.redactor = redactor

    def render(self) -> str:
        return render(self.result, self.redactor)


@dataclass
class _Replay:
    """One collection's Runner, its per-iteration scopes and its optional mock server."""

    runner: "Runner"
    rows: list[dict[str, str]]
    server: Any = None
    _scopes: dict[int, "Scopes"] = field(default_factory=dict)
    _setup: dict[int, dict[tuple[str, str], "ItemResult"]] = field(default_factory=dict)
    _folders: dict[tuple[int, str], "Scopes"] = field(default_factory=dict)
    _jars: dict[tuple[int, str], Any] = field(default_factory=dict)

    @classmethod
    def start(cls, collection: "Collection", settings: _Settings) -> "_Replay":
        from dataclasses import replace

        from .runner import Runner

        options, server = settings.options, None
        if settings.mock:
            from .mock import MockServer, mock_base_path

            server = MockServer(collection, base_path=mock_base_path(collection)).start()
            if "baseUrl" not in options.env_vars:
                options = replace(options, env_vars={**options.env_vars, "baseUrl": server.url})
        return cls(Runner(collection, options, []), settings.rows, server)

    def scopes(self, iteration: int) -> "Scopes":
        """The iteration's scopes, as the setup items left them."""
        if iteration not in self._scopes:
            self._scopes[iteration] = self.runner.scopes.with_data(self.rows[iteration])
            self._run_setup(iteration)
        return self._scopes[iteration]

    def _run_setup(self, iteration: int) -> None:
        """The session fixture: `--postman-setup` / the contract's `setup:` items run once per
        process and iteration, in order, before any other item, whichever tests were selected
        (`-k`, `--lf`) and wherever xdist sent them; their tests report these results."""
        results = self._setup.setdefault(iteration, {})
        for located in self.runner.setup_items():
            result = self.runner.execute(located, self._scopes[iteration], iteration, len(self.rows))
            results[(located.path, located.item.pointer)] = result

    def setup_result(self, iteration: int, located: "Located") -> "ItemResult | None":
        self.scopes(iteration)
        return self._setup.get(iteration, {}).get((located.path, located.item.pointer))

    def folder_scopes(self, iteration: int, located: "Located") -> "Scopes":
        """Each top-level folder starts from the same snapshot (taken after setup) and keeps its
        writes to itself, as `run --workers` does: outcomes do not depend on which tests run
        together in a process (`-n 4`, `-k`, `--lf`)."""
        from .pool import folder_key

        key = (iteration, folder_key(located))
        if key not in self._folders:
            self._folders[key] = self.scopes(iteration).snapshot()
        return self._folders[key]

    def folder_jar(self, iteration: int, located: "Located") -> Any:
        """The folder's cookie jar, copied from the run's after setup, as `run --workers` keeps one."""
        from .pool import folder_key

        key = (iteration, folder_key(located))
        if key not in self._jars:
            self.scopes(iteration)  # setup first: its cookies are in every folder's copy
            self._jars[key] = next(iter(self.runner.folder_cookies(1)), None)
        return self._jars[key]

    def close(self) -> None:
        self.runner.close()
        if self.server is not None:
            self.server.stop()


# ---------------------------------------------------------------- what a failure shows


def render(result: "ItemResult", redactor: "Redactor") -> str:
    """Request as sent (masked), response summary and body start, every check, error and fix."""
    from .curl import to_http

    reason = result.reason or result.outcome
    iteration = f" [iteration {result.iteration + 1}]" if result.iteration else ""
    lines = [f"{result.item}{iteration}: {redactor.text(reason)}"]  # first line: pytest's short summary
    if result.request is not None:
        lines += ["request as sent:"] + to_http(result.request, redactor, indent="  ")
    elif result.outcome == "error":
        lines.append("nothing was sent")
    response = result.response
    if response is not None:
        lines.append(f"response: {response.code} {response.reason} · {response.time_ms:.0f} ms · {response.size} B")
        body = response.body.decode("utf-8", "replace")
        if body.strip():
            shown = body[:BODY_PREVIEW_CHARS] + ("…" if len(body) > BODY_PREVIEW_CHARS else "")
            lines += ["  " + line for line in redactor.text(shown).splitlines()]
    if result.checks:
        lines.append("checks:")
    for check in result.checks:
        lines.append(f"  {check.mark} {check.name:<13} {redactor.text(check.message)}")
    if result.error:
        lines.append(f"error: {redactor.text(result.error)}")
        if result.hint:
            lines.append(f"fix: {_plugin_flags(redactor.text(result.hint))}")
    lines += [f"compat: {redactor.text(note.message)}" for note in result.compat]
    lines += [f"note: {_plugin_flags(redactor.text(note))}" for note in result.notes]
    return "\n".join(lines)


def _plugin_flags(text: str) -> str:
    """Hints name the command line's options; under pytest the same option has a prefix."""
    return re.sub(r"(?<![\w-])--env-var\b", "--postman-env-var", text)
