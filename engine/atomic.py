"""Report and export writes: where the bytes go and how they land.

- a regular file (or a path that does not exist yet) is written to a temporary file in the
  same folder, then renamed over it, so a crash never leaves half a file; a new file gets the
  user's umask, an existing one keeps its mode (a file holding secrets is always 0600);
- a symlink is followed: its target is replaced, the link itself stays;
- a FIFO, a character device, a socket or anything under /dev or /proc (`/dev/stdout`,
  `>(jq .)`'s `/dev/fd/63`) is written through, never replaced;
- `-` is standard output (the stream the command line was given).
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import IO

from .errors import InputError

STDOUT = "-"


def write_atomic(path: str | Path, text: str, *, secret: bool = False, stdout: IO[str] | None = None) -> None:
    """Write `text` to `path` as the module docstring says; `secret`: the file is made 0600."""
    out = AtomicWriter(path, secret=secret, stdout=stdout)
    try:
        out.write(text)
    except BaseException:
        out.abort()
        raise
    out.commit()


def _fail(target: Path | str, exc: OSError, hint: str = "check that the folder exists and is writable") -> InputError:
    return InputError(f"cannot write {target}: {exc.strerror or exc}", file=str(target), title="cannot write file",
                      hint=hint)


def writes_through(path: str | Path) -> bool:
    """True for what must be written in place: FIFOs, devices, sockets, /dev and /proc paths."""
    text = str(path)
    if text.startswith(("/dev/", "/proc/")):
        return True
    try:
        mode = os.stat(text).st_mode  # follows symlinks: a link to a FIFO is a FIFO
    except OSError:
        return False
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        return True
    return os.path.realpath(text).startswith(("/dev/", "/proc/"))


def user_umask() -> int:
    """The process umask, read without changing it where Linux allows (/proc), else set back at once."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class AtomicWriter:
    """A report written piece by piece as items finish; it appears under its name only when
    complete (regular files), or streams straight through (FIFOs, devices, `-`)."""

    def __init__(self, path: str | Path, *, secret: bool = False, stdout: IO[str] | None = None) -> None:
        self.name = str(path)
        self.secret = secret
        self.temporary: str | None = None
        self._owned = True  # False for standard output: flushed, never closed
        if self.name == STDOUT:
            self.target = Path(STDOUT)
            self.stream: IO[str] = stdout or sys.stdout
            self._owned = False
        elif writes_through(self.name):
            self.target = Path(self.name)
            self.stream = self._open_through()
        else:
            self.target = Path(os.path.realpath(self.name)) if os.path.islink(self.name) else Path(self.name)
            self.stream = self._open_temporary()

    def _open_through(self) -> IO[str]:
        try:
            return open(self.name, "w", encoding="utf-8", errors="backslashreplace")
        except OSError as exc:
            raise _fail(self.name, exc, "check that the device or pipe is open for writing") from None

    def _open_temporary(self) -> IO[str]:
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            handle, self.temporary = tempfile.mkstemp(
                dir=str(self.target.parent), prefix=f".{self.target.name}.", suffix=".tmp"
            )
            os.chmod(self.temporary, self._mode())
        except OSError as exc:
            raise _fail(self.target, exc) from None
        return os.fdopen(handle, "w", encoding="utf-8", errors="backslashreplace")

    def _mode(self) -> int:
        if self.secret:
            return 0o600
        try:
            return stat.S_IMODE(os.stat(self.target).st_mode)  # replacing a file keeps its permissions
        except OSError:
            return 0o666 & ~user_umask()

    def write(self, text: str) -> None:
        self.stream.write(text)

    def commit(self) -> None:
        if not self._owned:
            self.stream.flush()
            return
        self.stream.close()
        if self.temporary is None:
            return
        try:
            os.replace(self.temporary, self.target)
        except OSError as exc:
            os.unlink(self.temporary)
            raise _fail(self.target, exc, "give a file path, not a folder") from None

    def abort(self) -> None:
        """Drop a half-written temporary file; a stream written through keeps what it got."""
        if not self._owned:
            self.stream.flush()
            return
        self.stream.close()
        if self.temporary is not None and os.path.exists(self.temporary):
            os.unlink(self.temporary)
