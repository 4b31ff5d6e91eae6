"""pytest plugin: every selected collection item × iteration is one test (registered via `pytest11`)."""

from __future__ import annotations


def pytest_addoption(parser) -> None:  # type: ignore[no-untyped-def]
    group = parser.getgroup("postman", "postman-replay contract checks")
    group.addoption("--postman", action="append", default=[], metavar="COLLECTION",
                    help="replay this Postman collection as tests")
