"""One option table: --help texts, did-you-mean, global options, and the pytest plugin built from it."""

from __future__ import annotations

import argparse

import pytest

from conftest import CONFLUENCE
from engine.cli import build_parser
from engine.options import OPTIONS, RUN, add_plugin_options

pytest_plugins = ["pytester"]


def _subparser(name: str) -> argparse.ArgumentParser:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return action.choices[name]


@pytest.mark.parametrize("command", ["run", "list", "curl", "validate", "mock"])
def test_every_option_and_argument_has_a_description(command: str) -> None:
    parser = _subparser(command)
    missing = [a.dest for a in parser._actions if not a.help]
    assert missing == []


def test_defaults_and_units_are_shown() -> None:
    text = " ".join(_subparser("run").format_help().split())
    assert "(default: 30000 ms)" in text  # --timeout-request
    assert "(default: 5000 ms)" in text  # --timeout-script
    assert "(default: documented)" in text  # --expect


def test_run_help_ends_with_three_examples(cli) -> None:
    code, out, _ = cli("run", "--help")
    assert code == 0
    tail = out[out.index("examples:"):].splitlines()[1:]
    assert len([line for line in tail if line.strip().startswith("postman-replay run")]) == 3


def test_a_mistyped_option_gets_a_suggestion(cli) -> None:
    code, _, err = cli("run", str(CONFLUENCE), "--enviroment", "x.json")
    assert code == 2
    assert "did you mean --environment?" in err


def test_debug_and_color_work_after_the_command(cli) -> None:
    code, out, err = cli("list", str(CONFLUENCE), "--debug", "--color", "off")
    assert code == 0, err
    assert "Remove content watcher" in out
    code, out, err = cli("--debug", "list", str(CONFLUENCE))
    assert code == 0, err


def test_plugin_options_come_from_the_same_table(pytester: pytest.Pytester) -> None:
    """Every `run` option the plugin honours is registered under --postman-…; none is declared twice."""
    registered: list[tuple[tuple[str, ...], dict]] = []

    class Group:
        def addoption(self, *flags: str, **kwargs: object) -> None:
            registered.append((flags, kwargs))

    add_plugin_options(Group())
    flags = {flag for names, _ in registered for flag in names}
    expected = {o.plugin_flags[0] for o in OPTIONS if RUN in o.commands and o.plugin is not None}
    assert expected <= flags
    for wanted in ("--postman-globals", "--postman-ssl-client-cert", "--postman-ssl-client-key",
                   "--postman-working-dir", "--postman-timeout-script", "--postman-delay-request",
                   "--postman-env", "--postman-timeout"):
        assert wanted in flags, wanted
    help_text = pytester.runpytest_subprocess("--help", "-p", "no:hypothesispytest").stdout.str()
    for flag in sorted(expected):
        assert flag in help_text, flag


def test_cli_and_plugin_share_help_texts() -> None:
    registered: dict[str, str] = {}

    class Group:
        def addoption(self, *flags: str, **kwargs: object) -> None:
            registered[flags[0]] = str(kwargs["help"])

    add_plugin_options(Group())
    run_help = {a.option_strings[-1]: a.help for a in _subparser("run")._actions if a.option_strings}
    for option in OPTIONS:
        if RUN in option.commands and option.plugin is not None:
            assert registered[option.plugin_flags[0]] == run_help[option.long]
