"""Atomic file writes: a temporary file in the same folder, then rename, so a crash never leaves half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import InputError


def write_atomic(path: str | Path, text: str) -> None:
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=str(target.parent), prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", errors="backslashreplace") as out:
                out.write(text)
            os.replace(temporary, target)
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise
    except OSError as exc:
        raise InputError(
            f"cannot write {target}: {exc.strerror}",
            file=str(target),
            title="cannot write file",
            hint="check that the folder exists and is writable",
        )


class AtomicWriter:
    """A report written piece by piece as items finish, appearing under its name only when complete."""

    def __init__(self, path: str | Path) -> None:
        self.target = Path(path)
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            handle, self.temporary = tempfile.mkstemp(
                dir=str(self.target.parent), prefix=f".{self.target.name}.", suffix=".tmp"
            )
        except OSError as exc:
            raise InputError(
                f"cannot write {self.target}: {exc.strerror}",
                file=str(self.target),
                title="cannot write file",
                hint="check that the folder exists and is writable",
            )
        self.stream = os.fdopen(handle, "w", encoding="utf-8", errors="backslashreplace")

    def write(self, text: str) -> None:
        self.stream.write(text)

    def commit(self) -> None:
        self.stream.close()
        try:
            os.replace(self.temporary, self.target)
        except OSError as exc:
            os.unlink(self.temporary)
            raise InputError(f"cannot write {self.target}: {exc.strerror}", file=str(self.target),
                             title="cannot write file", hint="give a file path, not a folder") from None

    def abort(self) -> None:
        self.stream.close()
        if os.path.exists(self.temporary):
            os.unlink(self.temporary)
