"""Immutable model of a Postman collection, normalised once by `load`.

Every node keeps the JSON pointer it came from, so later stages can cite it.
Postman's variants (url as string or object, description as string or object,
`disabled`/`enabled`) never reach past this module: later stages read one shape.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter
from pathlib import Path
from typing import Any, Callable, Iterator, Literal, Union


class Record:
    """Base of the engine's frozen records, declared `@dataclass(frozen=True, slots=True,
    eq=False, repr=False)`: equality, hash and repr are these three, shared, instead of three
    methods generated per class. Python 3.11 compiles every generated method as the class is
    created; sharing these cuts the records' part of start-up by two fifths (benchmarks/bench_startup.py).
    Same semantics as the generated ones: fields with `compare=False` take no part."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return _compared(self.__class__)(self) == _compared(self.__class__)(other)

    def __hash__(self) -> int:
        return hash(_compared(self.__class__)(self))

    def __repr__(self) -> str:
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.repr)  # type: ignore[arg-type]
        return f"{self.__class__.__qualname__}({shown})"


_COMPARED: dict[type, Callable[[Any], tuple]] = {}


def _compared(cls: type) -> Callable[[Any], tuple]:
    """The values a record's equality and hash are made of, as one C-level getter per class."""
    getter = _COMPARED.get(cls)
    if getter is None:
        names = tuple(f.name for f in fields(cls) if f.compare)
        if len(names) > 1:
            getter = attrgetter(*names)
        else:  # attrgetter of one name gives the bare value, not a tuple
            getter = lambda record: tuple(getattr(record, name) for name in names)  # noqa: E731
        _COMPARED[cls] = getter
    return getter


def as_text(value: object) -> str:
    """A value as `{{name}}` substitutes it: Postman writes numbers and booleans where it means
    text; JavaScript spelling for booleans and null, JSON for arrays and objects."""
    if type(value) is str:
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dict, list)):
        import json

        return json.dumps(value)
    return str(value)


def header_value(headers: "tuple[tuple[str, str], ...]", name: str) -> str | None:
    """First value of a header, names compared case-insensitively as HTTP does."""
    lowered = name.lower()
    return next((value for key, value in headers if key.lower() == lowered), None)


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Param(Record):
    """One key/value row: header, query parameter, path variable, form field, variable."""

    key: str
    value: str | None
    description: str = ""
    type: str | None = None  # "secret" for secret variables; "file"/"text" for form parts
    src: tuple[str, ...] = ()  # formdata file parts: paths relative to the working dir
    content_type: str | None = None


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Url(Record):
    """A URL as the collection wrote it: `raw`, and the parts (which win over `raw`) when given."""

    raw: str
    protocol: str | None = None
    host: tuple[str, ...] | None = None
    port: str | None = None
    path: tuple[str, ...] | None = None
    query: tuple[Param, ...] = ()
    variables: tuple[Param, ...] = ()
    hash: str | None = None


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Auth(Record):
    """An auth block; `params` keeps Postman's key/value rows in order."""

    type: str
    params: tuple[tuple[str, object], ...] = ()

    def get(self, key: str, default: object = None) -> object:
        for name, value in self.params:
            if name == key:
                return value
        return default


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Body(Record):
    """A request body in one of Postman's modes (raw, urlencoded, formdata, file, graphql)."""

    mode: str | None
    raw: str = ""
    language: str | None = None
    params: tuple[Param, ...] = ()  # urlencoded / formdata rows
    file_src: str | None = None
    graphql_query: str = ""
    graphql_variables: str = ""


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Request(Record):
    """The request template of an item, before any variable is substituted."""

    method: str
    url: Url
    headers: tuple[Param, ...] = ()
    body: Body | None = None
    auth: Auth | None = None  # None: inherit from the enclosing folder/collection
    description: str = ""


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class DocumentedResponse(Record):
    """A saved example response: what the item promises it may answer."""

    name: str
    code: int | None
    status: str = ""
    headers: tuple[tuple[str, str], ...] = ()
    body: str | None = None
    pointer: str = ""

    @property
    def first_line(self) -> str:
        """The name's first line: what the mock matches and sends as a status text."""
        return next((line.strip() for line in self.name.strip().splitlines() if line.strip()), "")

    @property
    def title(self) -> str:
        """First line of the example name (names converted from OpenAPI run over lines), with "…" when cut."""
        lines = [line.strip() for line in self.name.strip().splitlines() if line.strip()]
        if not lines:
            return ""
        return lines[0] + (" …" if len(lines) > 1 else "")

    def header(self, name: str) -> str | None:
        return header_value(self.headers, name)


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Script(Record):
    """One pre-request or test script, with where it came from."""

    listen: Literal["prerequest", "test"] | str
    source: str
    pointer: str = ""
    event_name: str = ""  # what pm.info.eventName says when not `listen`: v3's beforeRequest/afterResponse


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Item(Record):
    """A request with its documented responses and scripts."""

    name: str
    request: Request
    responses: tuple[DocumentedResponse, ...] = ()
    events: tuple[Script, ...] = ()
    behavior: tuple[tuple[str, object], ...] = ()  # protocolProfileBehavior
    pointer: str = ""
    id: str | None = None
    stub: bool = False  # only name, id and pointer: a streamed large collection reads the rest as it runs


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Folder(Record):
    """A folder: its items and what they inherit (auth, scripts, variables, behaviour)."""

    name: str
    items: tuple[Union["Folder", Item], ...]
    auth: Auth | None = None
    events: tuple[Script, ...] = ()
    variables: tuple[Param, ...] = ()
    behavior: tuple[tuple[str, object], ...] = ()
    description: str = ""
    pointer: str = ""


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Collection(Record):
    """The whole collection, as `load` normalised it."""

    name: str
    items: tuple[Union[Folder, Item], ...]
    auth: Auth | None = None
    events: tuple[Script, ...] = ()
    variables: tuple[Param, ...] = ()
    behavior: tuple[tuple[str, object], ...] = ()
    description: str = ""
    source: Path | None = None
    schema_version: str = "2.1.0"
    notes: tuple[str, ...] = ()  # what loading noticed that is no error (fields Postman ignores too)
    roots: tuple[tuple[str, Path], ...] = ()  # v3 workspaces: each collection's directory, by name

    def walk(self) -> Iterator["Located"]:
        """Every item in collection order, with the folders that enclose it."""
        yield from _walk(self.items, ())


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Located(Record):
    """An item together with its enclosing folders, outermost first."""

    item: Item
    folders: tuple[Folder, ...] = ()

    @property
    def path(self) -> str:
        return "/".join([f.name for f in self.folders] + [self.item.name])


def _walk(nodes: tuple[Union[Folder, Item], ...], folders: tuple[Folder, ...]) -> Iterator[Located]:
    for node in nodes:
        if isinstance(node, Item):
            yield Located(node, folders)
        else:
            yield from _walk(node.items, folders + (node,))


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Environment(Record):
    """Environment, globals export or flat mapping: the enabled entries, in order; disabled ones
    are kept apart, only so that an export can write them back."""

    name: str
    values: tuple[Param, ...] = ()
    source: Path | None = None
    disabled: tuple[Param, ...] = ()
    # What Newman applies, when that differs from `values`: it ignores `enabled: false` (not
    # `disabled: true`). Only `--compat newman` reads it.
    newman_values: tuple[Param, ...] | None = None


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class TextPart(Record):
    """A multipart text field; `content_type` when the collection gives one (JSON metadata parts)."""

    name: str
    value: str
    content_type: str | None = None


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class FilePart(Record):
    """A multipart part whose bytes are read at send time (resolve does no I/O)."""

    name: str
    path: str
    content_type: str | None = None


CompatKind = Literal[
    "unresolved-variable",  # `{{name}}` with no value, sent as written
    "path-variable",  # `:name` with no value, sent as written
    "placeholder",  # `<word>` with no value, sent as written
    "credential",  # auth with a missing credential, sent as Newman sends it
    "disabled-value",  # an environment/globals entry off by `enabled: false`, applied
    "precedence",  # iteration data won over --env-var
    "prerequest-failed",  # the pre-request script failed and the request was sent anyway
    "missing-file",  # a form-data file part or file body whose file is missing: left out / sent empty
]


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class CompatNote(Record):
    """One thing `--compat newman` let through that the default refuses. Typed, so that every
    report renders it alike and `validate` can list them; `subject` is the variable, parameter or
    auth type concerned."""

    kind: CompatKind
    subject: str
    message: str

    def __str__(self) -> str:
        return f"--compat newman: {self.message}"


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class PreparedRequest(Record):
    """The request exactly as it will go on the wire; `url` is final and already quoted."""

    method: str
    url: str
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes | None = None
    form: tuple[TextPart | FilePart, ...] | None = None  # multipart, encoded by send
    body_file: str | None = None  # mode "file": bytes read by send
    digest: tuple[str, str] | None = None  # digest auth needs the server's challenge
    ntlm: tuple[str, str, str, str] | None = None  # user, password, domain, workstation: a handshake send does
    # a signing auth (awsv4, hawk, oauth1, edgegrid) over a body send reads from disk or encodes as
    # multipart: (method, url, headers, body bytes) → (url, headers, body), called by send per attempt
    sign_at_send: Callable[[str, str, tuple[tuple[str, str], ...], bytes | None],
                           tuple[str, tuple[tuple[str, str], ...], bytes | None]] | None = field(
        default=None, compare=False)
    follow_redirects: bool = True
    max_redirects: int = 10
    verify_tls: bool = True
    # protocolProfileBehavior, as postman-runtime applies it on redirects and cookies
    follow_original_method: bool = False  # a 301/302/303 keeps the method and body
    follow_authorization: bool = False  # Authorization survives a redirect to another origin
    referer_on_redirect: bool = True  # Referer: the previous URL, on each redirect
    disable_cookies: bool = False  # the run's cookie jar is neither read nor written
    notes: tuple[str, ...] = ()
    secrets: frozenset[str] = field(default_factory=frozenset)  # values to mask wherever they appear
    secret_headers: frozenset[str] = field(default_factory=frozenset)  # apikey header names
    secret_query: frozenset[str] = field(default_factory=frozenset)  # apikey/token query names
    compat: tuple[CompatNote, ...] = ()  # what --compat newman let through
    # where send puts what postman-runtime adds itself: the body mode (a urlencoded/formdata
    # Content-Type goes after the system headers, a file's after Content-Length), whether the
    # Content-Type in `headers` is the one the body implied, and protocolProfileBehavior's
    # disabledSystemHeaders (the names whose value is truthy, as written)
    body_mode: str | None = None
    implicit_content_type: bool = False
    disabled_system_headers: frozenset[str] = field(default_factory=frozenset)

    def header(self, name: str) -> str | None:
        return header_value(self.headers, name)


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Response(Record):
    """What came back: status, headers, the body kept in memory (`size` counts all of it)."""

    code: int
    reason: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    size: int  # bytes received, including any part not kept in memory
    time_ms: float
    truncated: bool = False
    url: str = ""

    def header(self, name: str) -> str | None:
        return header_value(self.headers, name)


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Exchange(Record):
    """One request as sent and the response it got, with retries and redirects."""

    request: PreparedRequest
    response: Response
    attempts: int = 1
    redirects: tuple[str, ...] = ()
    earlier_attempts: tuple[str, ...] = ()  # what each retried attempt got, in order


CheckState = Literal["passed", "failed", "skipped", "unchecked", "known-failure"]
Outcome = Literal["passed", "failed", "error", "skipped", "unchecked"]

# The one place marks are defined: every reporter (terminal, JUnit, pytest, HTML) renders these.
CHECK_MARKS: dict[str, str] = {"passed": "✓", "failed": "✗", "skipped": "-", "unchecked": "?", "known-failure": "~"}
OUTCOME_MARKS: dict[str, str] = {"passed": "✓", "failed": "✗", "error": "✗", "skipped": "-", "unchecked": "?"}
OUTCOMES: tuple[str, ...] = ("passed", "failed", "error", "skipped", "unchecked")
FAILING_OUTCOMES = frozenset({"failed", "error"})


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class CheckResult(Record):
    """One check. `unchecked`: there was nothing to compare against (the item documents no
    responses), which is neither a pass nor a failure; `known_failure`: a failure the contract
    accepts as a baseline."""

    name: str
    passed: bool
    message: str
    skipped: bool = False
    known_failure: bool = False
    unchecked: bool = False

    @property
    def state(self) -> CheckState:
        if self.skipped:
            return "skipped"
        if self.unchecked:
            return "failed" if not self.passed else "unchecked"
        if self.passed:
            return "passed"
        return "known-failure" if self.known_failure else "failed"

    @property
    def counts_as_failure(self) -> bool:
        """The definition every reporter and the exit code share."""
        return self.state == "failed"

    @property
    def mark(self) -> str:
        return CHECK_MARKS[self.state]

    @property
    def checked(self) -> bool:
        """Something was actually compared (a known failure was compared too)."""
        return self.state in ("passed", "failed", "known-failure")


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class ScriptRequest(Record):
    """One `pm.sendRequest` call of an item's scripts: the request as resolved (None when it could
    not be built), what came back, or why nothing did. Reported under its item like the item's own."""

    event: str  # "prerequest" or "test"
    url: str  # as the script gave it, for when `request` is None
    request: PreparedRequest | None = None
    response: Response | None = None
    error: str | None = None
    sent: bool = False


def outcome_of(checks: "tuple[CheckResult, ...] | list[CheckResult]") -> Outcome:
    """An item that ran: failed when a check counts as a failure; unchecked when nothing at all
    was compared (the item documents no responses and has no other check); passed otherwise."""
    if any(c.counts_as_failure for c in checks):
        return "failed"
    if not any(c.checked for c in checks):
        return "unchecked"
    return "passed"


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class ItemResult(Record):
    """How one item × iteration ended: outcome, what was sent and received, every check."""

    item: str  # slash path
    iteration: int
    outcome: Outcome
    request: PreparedRequest | None = None
    response: Response | None = None
    checks: tuple[CheckResult, ...] = ()
    error: str | None = None
    hint: str | None = None
    notes: tuple[str, ...] = ()
    console: tuple[str, ...] = ()
    attempts: int = 1
    name: str = ""
    script_requests: tuple[ScriptRequest, ...] = ()  # pm.sendRequest calls, in order
    compat: tuple[CompatNote, ...] = ()  # what --compat newman let through on this item

    @property
    def counts_as_failure(self) -> bool:
        """Failed or error: what fails a run (exit 1), a JUnit case and a pytest test."""
        return self.outcome in FAILING_OUTCOMES

    @property
    def mark(self) -> str:
        return OUTCOME_MARKS[self.outcome]

    @property
    def failed_checks(self) -> tuple[CheckResult, ...]:
        return tuple(c for c in self.checks if c.counts_as_failure)

    @property
    def reason(self) -> str:
        """One line saying why the item ended as it did: the first failed check, the error,
        why it was skipped or unchecked; empty for a pass."""
        failed = self.failed_checks
        if self.outcome == "error":
            return self.error or "error"
        if failed:
            return f"{failed[0].name}: {failed[0].message}"
        if self.outcome == "unchecked":
            return next((c.message for c in self.checks if c.state == "unchecked"),
                        "nothing to check: the item documents no responses")
        if self.outcome == "skipped":
            return "; ".join(self.notes) or "skipped"
        return ""
