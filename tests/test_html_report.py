"""The HTML report: self-contained, masked, failures first; rendered in headless Chromium when installed."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from factory import example, make_item

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.fixture
def three_items(server, write_collection) -> Path:
    """One item passes, one fails (undocumented 500), one errors (unresolved variable)."""
    server.route("/ok", 200, json.dumps({"id": 1, "name": "Ada"}), {"Content-Type": "application/json"})
    server.route("/boom", 500, "exploded")
    return write_collection([
        make_item("Get user", "GET", f"{server.url}/ok", responses=[example(200, '{"id": 1, "name": "x"}')],
                  headers=[{"key": "Authorization", "value": "Bearer s3cr3t-token-value"}]),
        make_item("Delete user", "DELETE", f"{server.url}/boom", responses=[example(204)]),
        make_item("Needs token", "GET", f"{server.url}/ok?id={{{{missingThing}}}}", responses=[example(200)]),
    ])


def test_html_report_of_pass_fail_error(cli, three_items: Path, tmp_path: Path) -> None:
    path = tmp_path / "out" / "report.html"
    code, _, err = cli("run", three_items, "-r", "cli,html", "--reporter-html-export", path)
    assert code == 1, err
    page = path.read_text(encoding="utf-8")
    # self-contained: nothing is fetched from anywhere
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page
    # failures first, with their reasons, before the item list
    failures, items = page.index("Failures (2)"), page.index("<h2>Items</h2>")
    assert failures < items
    assert "undocumented status 500" in page[failures:items]
    assert "missingThing" in page[failures:items]
    # secrets masked in the embedded data
    assert "s3cr3t-token-value" not in page
    data = json.loads(re.search(r'<script type="application/json" id="data">(.*?)</script>', page, re.S).group(1))
    assert [v["outcome"] for v in data] == ["passed", "failed", "error"]
    assert json.loads(data[0]["response"]["body"]["text"]) == {"id": 1, "name": "Ada"}
    assert "\n  " in data[0]["response"]["body"]["text"]  # pretty-printed
    assert "<svg" in page and "avg response" in page


def test_html_export_path_turns_the_reporter_on(cli, three_items: Path, tmp_path: Path) -> None:
    path = tmp_path / "r.html"
    code, _, _ = cli("run", three_items, "--reporter-html-export", path)
    assert code == 1 and path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_html_report_lists_what_never_ran(server, write_collection, cli, tmp_path: Path) -> None:
    server.route("/bad", 500, "no")
    path = write_collection([make_item(f"I{n}", "GET", f"{server.url}/bad", responses=[example(200, "ok")])
                             for n in range(3)])
    report = tmp_path / "r.html"
    code, _, _ = cli("run", path, "--bail", "--reporter-html-export", report)
    page = report.read_text(encoding="utf-8")
    assert code == 1
    assert "Never ran (2): the run stopped (--bail)" in page
    listed = page[page.index('id="not-run"'):]
    assert "<li>I1</li>" in listed and "<li>I2</li>" in listed and "<li>I0</li>" not in listed


def test_a_script_tag_in_a_body_cannot_break_out_of_the_data(server, cli, write_collection, tmp_path: Path) -> None:
    server.route("/x", 200, "</script><script>alert(1)</script>", {"Content-Type": "text/html"})
    path = write_collection([make_item("X", "GET", f"{server.url}/x", responses=[example(200, "<p/>")])])
    report = tmp_path / "x.html"
    cli("run", path, "--reporter-html-export", report)
    page = report.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page
    assert page.count("<script") == 2


def test_large_bodies_are_cut_with_a_marker(server, cli, write_collection, tmp_path: Path) -> None:
    server.route("/big", 200, "a" * 200_000)
    path = write_collection([make_item("Big", "GET", f"{server.url}/big", responses=[example(200, "a")])])
    report = tmp_path / "big.html"
    cli("run", path, "--reporter-html-export", report)
    page = report.read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="data">(.*?)</script>', page, re.S).group(1))
    assert data[0]["response"]["body"]["cut"] == 65536 and data[0]["response"]["body"]["total"] == 200_000
    assert len(page) < 120_000


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (.ci/run installs Debian's chromium)")
def test_html_report_renders_in_headless_chromium(cli, three_items: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    cli("run", three_items, "--reporter-html-export", report)
    profile = tmp_path / "profile"
    flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}"]
    dom = subprocess.run(flags + ["--dump-dom", report.as_uri()], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    # after the page's script ran: the counter it fills in, the outcomes and a failure reason
    assert "3 of 3 shown" in dom.stdout
    assert "undocumented status 500" in dom.stdout
    for outcome in ("passed", "failed", "error"):
        assert re.search(rf'data-outcome="{outcome}"><b>1</b>{outcome}', dom.stdout), outcome
    shot = tmp_path / "report.png"
    done = subprocess.run(flags + [f"--screenshot={shot}", "--window-size=1200,900", report.as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and shot.stat().st_size > 10_000
