"""The pytest plugin on v3 directories: `--postman DIR`, a project folder, ini globs naming directories, xdist."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import CONFLUENCE

pytest_plugins = ["pytester"]

PROJECT = CONFLUENCE.parent / "v3"
UNRELATED_PLUGINS = ("-p", "no:hypothesispytest", "-p", "no:faker")


@pytest.fixture
def project(pytester: pytest.Pytester) -> Path:
    """The reference project (postman/collections/…, postman/environments/…) in the pytester directory,
    with a second collection beside it."""
    shutil.copytree(PROJECT / "postman", pytester.path / "postman")
    second = pytester.path / "postman" / "collections" / "Second"
    shutil.copytree(pytester.path / "postman" / "collections" / "Confluence Cloud", second)
    (second / ".resources" / "definition.yaml").write_text(
        "$kind: collection\nname: Second\nvariables:\n  baseUrl: https://your-domain.atlassian.net/wiki/rest\n",
        encoding="utf-8")
    return pytester.path


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest_subprocess(*args, *UNRELATED_PLUGINS)


def test_a_v3_collection_directory_under_xdist(pytester: pytest.Pytester, project: Path) -> None:
    result = run(pytester, "--postman", "postman/collections/Confluence Cloud", "--postman-env",
                 "postman/environments/Mock.environment.yaml", "--postman-mock", "-n", "2", "-v")
    result.assert_outcomes(passed=1)
    assert "Confluence Cloud::Remove content watcher" in result.stdout.str()


def test_a_project_folder_collects_every_collection(pytester: pytest.Pytester, project: Path) -> None:
    result = run(pytester, "--postman", ".", "--postman-env", "postman/environments/Mock.environment.yaml",
                 "--postman-mock", "-n", "2", "-v")
    result.assert_outcomes(passed=2)
    out = result.stdout.str()
    assert "Confluence Cloud::Remove content watcher" in out and "Second::Remove content watcher" in out


def test_ini_globs_may_name_directories(pytester: pytest.Pytester, project: Path) -> None:
    pytester.makeini("[pytest]\npostman_collections = postman/collections/*\n"
                     "postman_environment = postman/environments/Mock.environment.yaml\n")
    result = run(pytester, "--postman-mock", "--collect-only", "-q")
    out = result.stdout.str()
    assert "Confluence Cloud::Remove content watcher" in out and "Second::Remove content watcher" in out


def test_a_bad_v3_file_is_a_collection_error(pytester: pytest.Pytester, project: Path) -> None:
    bad = project / "postman" / "collections" / "Second" / "broken.request.yaml"
    bad.write_text("$kind: http-request\nurl: {{baseUrl}}/x\n", encoding="utf-8")
    result = run(pytester, "--postman", "postman/collections/Second")
    assert "broken.request.yaml:2:" in result.stdout.str()
    assert result.ret != 0
