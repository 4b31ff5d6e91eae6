"""Postman dynamic variables: every name yields text, and the common ones have Postman's shape."""

from __future__ import annotations

import ipaddress
import re
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from engine.dynamic import dynamic_names, dynamic_value, is_dynamic

REPO = Path(__file__).resolve().parents[1]
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


@pytest.mark.parametrize("name", dynamic_names())
def test_every_name_gives_non_empty_text(name: str) -> None:
    assert is_dynamic(name)
    value = dynamic_value(name)
    assert isinstance(value, str) and value != ""


def test_names_cover_postman_list_and_are_sorted() -> None:
    names = dynamic_names()
    assert len(names) >= 110
    assert list(names) == sorted(set(names))
    assert all(name.startswith("$") for name in names)


@pytest.mark.parametrize("name", ["$guid", "$randomUUID"])
def test_uuid_shape_and_freshness(name: str) -> None:
    first, second = dynamic_value(name), dynamic_value(name)
    assert first is not None and UUID.match(first)
    assert second is not None and UUID.match(second)
    assert first != second


def test_timestamp_is_now_in_unix_seconds() -> None:
    value = dynamic_value("$timestamp")
    assert value is not None and value.isdigit()
    assert abs(int(value) - time.time()) < 5


def test_iso_timestamp_is_utc_with_milliseconds() -> None:
    value = dynamic_value("$isoTimestamp")
    assert value is not None and value.endswith("Z")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", value)
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    assert abs(parsed.timestamp() - time.time()) < 5


def test_random_int_range() -> None:
    for _ in range(200):
        value = dynamic_value("$randomInt")
        assert value is not None and value.isdigit()
        assert 0 <= int(value) <= 1000


def test_random_boolean_uses_javascript_spelling() -> None:
    seen = {dynamic_value("$randomBoolean") for _ in range(50)}
    assert seen <= {"true", "false"}


def test_random_email_has_at_sign() -> None:
    value = dynamic_value("$randomEmail")
    assert value is not None and "@" in value


def test_random_ip_is_ipv4() -> None:
    value = dynamic_value("$randomIP")
    assert value is not None
    assert isinstance(ipaddress.ip_address(value), ipaddress.IPv4Address)


def test_random_ipv6_is_ipv6() -> None:
    value = dynamic_value("$randomIPV6")
    assert value is not None
    assert isinstance(ipaddress.ip_address(value), ipaddress.IPv6Address)


def test_a_few_shapes() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", dynamic_value("$randomSemver") or "")
    assert re.fullmatch(r"#[0-9a-f]{6}", dynamic_value("$randomHexColor") or "")
    assert re.fullmatch(r"[a-z0-9]", dynamic_value("$randomAlphaNumeric") or "")
    assert re.fullmatch(r"[a-z]{2}", dynamic_value("$randomLocale") or "")
    assert re.fullmatch(r"[A-Za-z0-9]{15}", dynamic_value("$randomPassword") or "")
    assert dynamic_value("$randomProtocol") in {"http", "https"}


def test_unknown_name() -> None:
    assert dynamic_value("$noSuchThing") is None
    assert dynamic_value("randomFirstName") is None
    assert not is_dynamic("$noSuchThing")
    assert not is_dynamic("guid")


def test_import_does_not_load_faker() -> None:
    code = (
        "import sys, engine.dynamic as d\n"
        "assert 'faker' not in sys.modules, 'import loaded faker'\n"
        "for n in ('$guid', '$randomUUID', '$timestamp', '$isoTimestamp', '$randomInt'):\n"
        "    d.dynamic_value(n)\n"
        "assert 'faker' not in sys.modules, 'stdlib names loaded faker'\n"
        "d.dynamic_value('$randomFirstName')\n"
        "assert 'faker' in sys.modules\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
