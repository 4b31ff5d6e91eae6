"""Report and export paths: regular files atomically, symlinks followed, FIFOs and devices written
through, `-` is standard output, the user's umask for reports and 0600 for exports holding secrets."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from factory import example, make_item

ROOT = Path(__file__).resolve().parent.parent


def small_collection(write_collection, server) -> Path:
    server.route("/ok", 200, '{"id": 1}', {"Content-Type": "application/json"})
    return write_collection([make_item("Ok", "GET", f"{server.url}/ok",
                                       responses=[example(200, '{"id": 1}', "application/json")])], name="Writes")


def replay(*args: object, umask: int | None = None, stdout: int | None = subprocess.PIPE) -> subprocess.CompletedProcess:
    """The command line in a child process, so umask and the real standard output are its own."""
    def set_umask() -> None:
        if umask is not None:
            os.umask(umask)

    return subprocess.run([sys.executable, str(ROOT / "run.py"), *map(str, args)], stdout=stdout,
                          stderr=subprocess.PIPE, text=True, timeout=120, preexec_fn=set_umask)


def test_a_symlink_is_followed_and_kept(server, cli, write_collection, tmp_path) -> None:
    (tmp_path / "reports").mkdir()
    target = tmp_path / "reports" / "real.json"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    code, _, err = cli("run", small_collection(write_collection, server), "--reporter-json-export", link)
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["passed"] == 1
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporary left


def test_a_dangling_symlink_creates_its_target(server, cli, write_collection, tmp_path) -> None:
    target = tmp_path / "made" / "report.xml"
    link = tmp_path / "report.xml"
    target.parent.mkdir()
    link.symlink_to(target)
    code, _, err = cli("run", small_collection(write_collection, server), "--reporter-junit-export", link)
    assert code == 0, err
    assert link.is_symlink() and "<testsuite" in target.read_text(encoding="utf-8")


def test_a_fifo_reader_gets_the_whole_report(server, cli, write_collection, tmp_path) -> None:
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")), daemon=True)
    reader.start()
    code, _, err = cli("run", small_collection(write_collection, server), "--reporter-json-export", fifo)
    reader.join(30)
    assert code == 0, err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still the FIFO, not a file renamed over it
    assert json.loads(received[0])["summary"]["total"] == 1


def test_dash_is_standard_output(server, cli, write_collection) -> None:
    code, out, err = cli("run", small_collection(write_collection, server), "-r", "json", "--reporter-json-export", "-")
    assert code == 0, err
    assert json.loads(out)["results"][0]["outcome"] == "passed"
    assert not Path("-").exists() and "report written to -" not in err


def test_dash_exports_the_environment_to_standard_output(server, cli, write_collection, tmp_path) -> None:
    code, out, err = cli("run", small_collection(write_collection, server), "-r", "json",
                         "--reporter-json-export", tmp_path / "r.json", "--env-var", "x=1", "--export-environment", "-")
    assert code == 0, err
    assert {"key": "x", "value": "1", "type": "default", "enabled": True} in json.loads(out)["values"]


def test_dev_stdout_is_written_through_and_stays_a_symlink(server, write_collection) -> None:
    path = small_collection(write_collection, server)
    was_link = os.path.islink("/dev/stdout")
    done = replay("run", path, "-r", "json", "--reporter-json-export", "/dev/stdout")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["summary"]["passed"] == 1
    assert os.path.islink("/dev/stdout") == was_link


def test_process_substitution_gets_the_report(server, write_collection, tmp_path) -> None:
    out = tmp_path / "through-cat.json"
    script = (f"{sys.executable} {ROOT / 'run.py'} run {small_collection(write_collection, server)} -r json "
              f"--reporter-json-export >(cat > {out}); status=$?; wait; exit $status")
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    for _ in range(100):  # cat finishes after the run
        if out.exists() and out.read_text(encoding="utf-8").rstrip().endswith("}"):
            break
        threading.Event().wait(0.05)
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["passed"] == 1


def test_reports_get_the_umask_and_secret_exports_are_private(server, write_collection, tmp_path) -> None:
    path = small_collection(write_collection, server)
    report, env, plain = tmp_path / "r.json", tmp_path / "env.json", tmp_path / "plain.json"
    done = replay("run", path, "-r", "json", "--reporter-json-export", report, "--env-var", "apiToken=abc",
                  "--export-environment", env, umask=0o027)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(os.stat(report).st_mode) == 0o640
    assert stat.S_IMODE(os.stat(env).st_mode) == 0o600
    done = replay("run", path, "-r", "json", "--reporter-json-export", report, "--env-var", "region=eu",
                  "--export-environment", plain, umask=0o022)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(os.stat(plain).st_mode) == 0o644


def test_replacing_a_file_keeps_its_mode(server, cli, write_collection, tmp_path) -> None:
    report = tmp_path / "r.json"
    report.write_text("{}", encoding="utf-8")
    report.chmod(0o604)
    code, _, err = cli("run", small_collection(write_collection, server), "--reporter-json-export", report)
    assert code == 0, err
    assert stat.S_IMODE(os.stat(report).st_mode) == 0o604 and json.loads(report.read_text())["summary"]["total"] == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_an_unwritable_folder_is_refused_before_sending(server, cli, write_collection, tmp_path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    code, _, err = cli("run", small_collection(write_collection, server), "--reporter-json-export", locked / "r.json")
    assert code == 2 and "cannot write" in err and not server.requests
