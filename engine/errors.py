"""The errors a user can meet, each carrying where it happened and how to fix it.

    ReplayError                  base: everything the command line prints without a traceback
    ├── InputError               a file or argument is unusable: the run cannot start (exit 2)
    └── ItemError                one item cannot be sent or completed: that item is an error,
        │                        the run goes on (exit 1)
        └── SendError            the transport failed (refused, DNS, timeout, reset, TLS)
"""

from __future__ import annotations


class ReplayError(Exception):
    """Base of all user-facing errors; `str()` is the one-sentence reason."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class InputError(ReplayError):
    """Bad input: names the file, a JSON pointer or line:column, the problem and the fix."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        pointer: str | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
        title: str = "invalid input",
    ) -> None:
        super().__init__(message, hint)
        self.file = file
        self.pointer = pointer
        self.line = line
        self.column = column
        self.title = title

    @property
    def location(self) -> str:
        place = self.file or "<input>"
        if self.line is not None:
            place += f":{self.line}" + (f":{self.column}" if self.column is not None else "")
        if self.pointer is not None:
            place += f"#{self.pointer}"
        return place

    def render(self) -> str:
        """Title, location, sentence, hint: the layout hurl uses for its errors."""
        lines = [f"error: {self.title}", f"  --> {self.location}", f"  {self.message}"]
        if self.hint:
            lines.append(f"  hint: {self.hint}")
        return "\n".join(lines)


class ItemError(ReplayError):
    """An item could not be sent or run; `problems` lists every reason found."""

    def __init__(
        self, message: str, hint: str | None = None, problems: tuple[str, ...] = (), missing: tuple[str, ...] = ()
    ) -> None:
        super().__init__(message, hint)
        self.problems = problems or (message,)
        self.missing = missing  # the unresolved {{names}}, when that is (part of) the problem


class SendError(ItemError):
    """The transport failed; the sentence says what happened in words a user reads."""


def not_found(file: str, what: str) -> InputError:
    """A file that is not there; a URL gets told that nothing is fetched (Newman and the Postman CLI
    fetch links and API ids; here every input is a file), shown without its query, which often
    carries an API key."""
    if file.lower().startswith(("http://", "https://")):
        shown = file.split("?", 1)[0] + ("?…" if "?" in file else "")
        return InputError(f"{what} is a URL: inputs are read from files here, nothing is fetched", file=shown,
                          hint="download it first (curl -o FILE URL) or export it from Postman, and pass the file",
                          title=f"cannot read {what}")
    return InputError(f"{what} not found", file=file, hint="check the path", title=f"cannot read {what}")


def pointer_parts(pointer: str) -> list[str]:
    """A JSON pointer's tokens, unescaped (`~1` is `/`, `~0` is `~`); the inverse of pointer_join."""
    return [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]] if pointer else []


def pointer_join(*parts: object) -> str:
    """RFC 6901 pointer from raw segments, escaping `~` and `/`."""
    out = []
    for part in parts:
        text = str(part).replace("~", "~0").replace("/", "~1")
        out.append("/" + text)
    return "".join(out)


def json_type(value: object, *, integers: bool = False) -> str:
    """The JSON name of a parsed value's type, for messages; `integers` tells 3 from 3.5, as
    JSON Schema's `integer` does."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int) and integers:
        return "integer"
    if isinstance(value, (int, float)):
        return "number"
    return {dict: "object", list: "array", str: "string", type(None): "null"}.get(type(value), "value")
