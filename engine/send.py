"""PreparedRequest → Exchange over one requests.Session: the only module that touches the network.

The URL that resolve built goes on the wire unchanged; redirects are followed here, by hand,
so credentials never cross to another origin; every transport failure becomes one SendError.
"""

from __future__ import annotations

import contextlib
import heapq
import http.cookiejar
import os
import re
import socket
import threading
import time
import warnings
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, cast
from urllib.parse import urlsplit

import requests
import requests.adapters
import requests.auth
import requests.cookies
import requests.hooks
import requests.structures
import requests.utils
import urllib3.connection
import urllib3.connectionpool
import urllib3.exceptions
import urllib3.util
from urllib3 import HTTPHeaderDict

from .errors import ItemError, SendError
from .model import Exchange, FilePart, PreparedRequest, Record, Response
from .redact import SECRET_HEADERS as CREDENTIAL_HEADERS
from .tls import decrypted_key, url_matcher

CHUNK = 64 * 1024
# What Newman 6.2.2 (postman-runtime 7.39.1) sends: servers that sniff the client see what they saw
# under Newman. `br` only when a brotli module lets urllib3 decode the answer.
USER_AGENT = "PostmanRuntime/7.39.1"
ACCEPT_ENCODING = "gzip, deflate, br" if "br" in urllib3.util.request.ACCEPT_ENCODING else "gzip, deflate"
# Node sends `Content-Length: 0` for a request without a body, except for these methods
NO_EMPTY_LENGTH = frozenset({"GET", "HEAD", "DELETE", "OPTIONS", "TRACE", "CONNECT"})
# the system headers urllib3 or http.client would add on their own unless told to skip them
SKIPPABLE = frozenset({"user-agent", "host", "accept-encoding"})


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class SendOptions(Record):
    """Transport settings shared by every request of a run."""

    timeout_ms: int = 30_000
    insecure: bool = False
    ca_cert: str | None = None
    client_cert: str | None = None
    client_key: str | None = None
    client_key_passphrase: str | None = None  # the client key is encrypted (PEM); decrypted once per run
    extra_ca_certs: str | None = None  # PEM, trusted besides ca_cert or the usual bundle
    # --ssl-client-cert-list: (URL patterns, cert, key, passphrase); the first match wins over client_cert
    client_cert_list: tuple[tuple[tuple[str, ...], str, str | None, str | None], ...] = ()
    max_body_bytes: int = 10 * 1024 * 1024
    pool_size: int = 10
    file_root: str | None = None  # formdata/file sources must stay below it (None: anywhere)


class CookieScope:
    """One folder's cookie jar under --workers: a copy of the run's jar as the folders started,
    over the run's connections. What the folder's responses and scripts set stays in it until the
    folders are merged back, so no folder's cookies depend on which thread was faster."""

    def __init__(self, session: requests.Session) -> None:
        self.session = session
        self._copied = _cookies(session.cookies)  # as the folder started (kept: compared by identity)

    def changes(self) -> tuple[list[http.cookiejar.Cookie], list[tuple[str, str, str]]]:
        """What the folder set (new cookie objects) and what it removed (domain, path, name)."""
        now = _cookies(self.session.cookies)
        copied = {id(cookie) for cookie in self._copied}
        kept = {(c.domain, c.path, c.name) for c in now}
        return ([c for c in now if id(c) not in copied],
                [(c.domain, c.path, c.name) for c in self._copied if (c.domain, c.path, c.name) not in kept])


def _cookies(jar: requests.cookies.RequestsCookieJar) -> list[http.cookiejar.Cookie]:
    """The jar's Cookie objects (iterating a CookieJar gives them; its Mapping stub says names)."""
    return list(cast(Iterable[http.cookiejar.Cookie], jar))


class Sender:
    """Owns the session: keep-alive and cookies carry across the items of a run."""

    def __init__(self, options: SendOptions = SendOptions()) -> None:
        self.options = options
        self.session = requests.Session()
        adapter = _ExactAdapter(pool_connections=options.pool_size, pool_maxsize=options.pool_size, max_retries=0)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        # every header is written by _wire_headers, in postman-runtime's order: requests adds none
        self.session.headers = requests.structures.CaseInsensitiveDict()
        # verification is off only when the user asked for it (-k, strictSSL: false): urllib3's
        # per-request warning would repeat that choice back on stderr once per item
        warnings.filterwarnings("ignore", category=urllib3.exceptions.InsecureRequestWarning)
        self._environment: dict[tuple, dict] = {}
        self._local = threading.local()  # the CookieScope this thread is `using`, if any
        self._bundle: str | None = None  # --ssl-extra-ca-certs: the combined CA file, made on first use
        self._private_dir: Any = None  # a TemporaryDirectory for the files only this run reads (close removes it)
        self._bundle_lock = threading.Lock()
        if options.client_cert:
            key = options.client_key
            if options.client_key_passphrase:
                key = self._private_file("client.key", decrypted_key(key or options.client_cert,
                                                                     options.client_key_passphrase))
            self.session.cert = (options.client_cert, key) if key else options.client_cert
        self._cert_list = [(url_matcher(patterns), self._client_cert(cert, key, passphrase, f"client-{number}.key"))
                           for number, (patterns, cert, key, passphrase) in enumerate(options.client_cert_list)]
        # protocolProfileBehavior.disableCookies: a session over the same connections whose jar
        # takes nothing in (and so has nothing to send)
        self._cookieless = requests.Session()
        self._cookieless.cookies = requests.cookies.RequestsCookieJar(policy=_NoCookies())
        self._cookieless.headers = self.session.headers
        self._cookieless.cert = self.session.cert
        self._cookieless.mount("http://", adapter)
        self._cookieless.mount("https://", adapter)

    def close(self) -> None:
        self.session.close()
        if self._private_dir is not None:
            self._private_dir.cleanup()
            self._private_dir = None

    def _ca_bundle(self) -> str:
        """--ca-cert alone is the bundle; --ssl-extra-ca-certs adds to it, or to the usual bundle
        (certifi's, as requests uses): the two are written once into one file for the run."""
        if not self.options.extra_ca_certs:
            assert self.options.ca_cert is not None
            return self.options.ca_cert
        with self._bundle_lock:
            if self._bundle is None:
                base = self.options.ca_cert or requests.utils.DEFAULT_CA_BUNDLE_PATH
                try:
                    with open(base, "rb") as first, open(self.options.extra_ca_certs, "rb") as extra:
                        pem = first.read() + b"\n" + extra.read()
                except OSError as exc:
                    raise SendError(f"cannot read the CA certificates: {exc}",
                                    hint="check --ca-cert / --ssl-extra-ca-certs") from None
                self._bundle = self._private_file("bundle.pem", pem)
            return self._bundle

    def _private_file(self, name: str, data: bytes) -> str:
        """A file only this run reads (0600, in a folder removed by close()): requests and OpenSSL
        take certificates and keys by path."""
        if self._private_dir is None:
            import tempfile

            self._private_dir = tempfile.TemporaryDirectory(prefix="postman-replay-tls-")
        path = os.path.join(self._private_dir.name, name)
        with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as out:
            out.write(data)
        return path

    # ------------------------------------------------------------ --workers: a jar per folder

    @property
    def cookies(self) -> requests.cookies.RequestsCookieJar:
        """The jar this thread's requests use: its folder's under --workers, else the run's."""
        scope = getattr(self._local, "cookies", None)
        return scope.session.cookies if scope is not None else self.session.cookies

    def cookie_list(self) -> list[http.cookiejar.Cookie]:
        """The run's cookies (not a folder's), for --export-cookie-jar."""
        return _cookies(self.session.cookies)

    def cookie_scope(self) -> CookieScope:
        """A copy of the run's jar as it stands now, for one folder (see CookieScope)."""
        session = requests.Session()
        session.cookies = self.session.cookies.copy()
        session.headers = self.session.headers
        session.cert = self.session.cert
        adapter = self.session.get_adapter("http://")  # the same connections as every other folder
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        return CookieScope(session)

    @contextlib.contextmanager
    def using(self, scope: CookieScope) -> Iterator[None]:
        """This thread's requests read and fill `scope`'s jar within the block."""
        before = getattr(self._local, "cookies", None)
        self._local.cookies = scope
        try:
            yield
        finally:
            self._local.cookies = before

    def merge(self, scopes: list[CookieScope]) -> None:
        """What each folder set or removed, onto the run's jar in the order given (collection
        order): for a cookie two folders set, the later folder's wins, as in a sequential run."""
        jar = self.session.cookies
        for scope in scopes:
            changed, removed = scope.changes()
            for domain, path, name in removed:
                with contextlib.suppress(KeyError):
                    jar.clear(domain, path, name)
            for cookie in changed:
                jar.set_cookie(cookie)

    def send(self, prepared: PreparedRequest) -> Exchange:
        """Send and read the response within the timeout; raise SendError on any transport fault.

        The timeout bounds the whole exchange, headers included: socket timeouts bound each read
        only, so a server trickling a header byte every half second would otherwise hold the item
        forever; the watchdog closes the connection at the deadline."""
        timeout = self.options.timeout_ms / 1000
        ticket = WATCHDOG.watch(time.monotonic() + timeout)
        _TICKET.value = ticket
        try:
            return self._send(prepared, timeout, ticket.deadline)
        except SendError:
            if ticket.expired:
                raise SendError(f"timed out after {timeout * 1000:.0f} ms: the whole response (headers and body) "
                                f"must arrive within the request timeout",
                                hint="raise --timeout-request (milliseconds)") from None
            raise
        finally:
            _TICKET.value = None
            ticket.cancel()

    def _send(self, prepared: PreparedRequest, timeout: float, deadline: float) -> Exchange:
        start = time.perf_counter()
        body, content_type = _payload(prepared, self.options)
        headers = list(prepared.headers)
        if content_type:  # multipart: the boundary goes where the Content-Type is, or is added
            at = next((i for i, (name, _) in enumerate(headers) if name.lower() == "content-type"), None)
            if at is None:
                headers.append(("Content-Type", content_type))
            elif "boundary=" not in headers[at][1]:
                headers[at] = (headers[at][0], content_type)
        token = _postman_token()  # one per request, kept across its redirects
        method, url = prepared.method, prepared.url
        redirects: list[str] = []
        if prepared.sign_at_send is not None:
            url, headers, body = _sign_now(prepared, url, headers, body)
        verify: bool | str = prepared.verify_tls and not self.options.insecure
        if verify and (self.options.ca_cert or self.options.extra_ca_certs):
            verify = self._ca_bundle()
        with_auth = True  # digest/NTLM handshakes: off once a redirect has left the origin
        while True:
            response = self._send_once(method, url, headers, body, prepared, with_auth, verify, timeout, token,
                                       bool(redirects))
            location = response.headers.get("Location")
            if not (prepared.follow_redirects and response.is_redirect and location):
                break
            response.close()
            if len(redirects) >= prepared.max_redirects:
                raise SendError(
                    f"more than {prepared.max_redirects} redirects (last to {location})",
                    hint="raise protocolProfileBehavior.maxRedirects or fix the redirect loop",
                )
            next_url = _redirect_target(url, location)
            method, body, headers, with_auth = _follow(response.status_code, method, body, headers, with_auth,
                                                       url, next_url, prepared)
            redirects.append(next_url)
            url = next_url
        content, size, truncated = self._read(response, deadline, timeout)
        elapsed = (time.perf_counter() - start) * 1000
        return Exchange(
            request=prepared,
            response=Response(
                code=response.status_code,
                reason=response.reason or "",
                headers=tuple(response.headers.items()),
                body=content,
                size=size,
                time_ms=elapsed,
                truncated=truncated,
                url=url,
            ),
            redirects=tuple(redirects),
        )

    def _send_once(self, method, url, headers, body, prepared, with_auth, verify, timeout,
                   token, hop) -> requests.Response:
        auth: requests.auth.AuthBase | None = None
        if with_auth:
            auth = requests.auth.HTTPDigestAuth(*prepared.digest) if prepared.digest else _ntlm(prepared)
        scope = getattr(self._local, "cookies", None)
        session = self._cookieless if prepared.disable_cookies else scope.session if scope else self.session
        try:
            wire = _wire_request(method, url, body, auth, session.cookies)
            # requests added Content-Length and, from the jar or an auth handshake, Cookie/Authorization
            added = [(name, value if isinstance(value, str) else value.decode("latin-1"))
                     for name, value in wire.headers.items() if name.lower() != "content-length"]
            # urllib3's dict keeps a repeated name on lines of its own (requests' would join them)
            wire.headers = _wire_headers(prepared, method, url, headers, body, token, added, hop)  # type: ignore[assignment]
            settings = self._settings(url, verify)
            return session.send(wire, allow_redirects=False, timeout=(timeout, timeout), **settings)
        except (requests.exceptions.RequestException, ValueError) as exc:
            # ValueError covers what urllib3 and http.client raise for a URL or header they refuse
            raise _send_error(exc, url, timeout) from None
        except PermissionError as exc:  # requests-ntlm, when the server breaks off the handshake
            raise SendError(f"{urlsplit(url).netloc} refused the authentication handshake: {exc}",
                            hint="check the credentials and the auth type the server expects") from None

    def _settings(self, url: str, verify: bool | str) -> dict:
        """Proxies and TLS settings from the environment, worked out once per origin: requests
        would scan os.environ on every call, a fifth of a run's time on a fast server."""
        start = url.find("//") + 2
        end = url.find("/", start)
        key = (url[: end if end >= 0 else len(url)].lower(), verify)  # the origin as written: cheap to cut
        settings = self._environment.get(key)
        if settings is None:
            settings = dict(self.session.merge_environment_settings(url, {}, True, verify, None))
            self._environment[key] = settings
        if self._cert_list:  # --ssl-client-cert-list: the first entry whose pattern matches the URL
            chosen = next((cert for matches, cert in self._cert_list if matches(url)), None)
            if chosen is not None:
                settings = {**settings, "cert": chosen}
        return settings

    def _client_cert(self, cert: str, key: str | None, passphrase: str | None, name: str) -> str | tuple[str, str]:
        """What requests takes as `cert`; an encrypted key is decrypted once, into a private file."""
        if passphrase:
            key = self._private_file(name, decrypted_key(key or cert, passphrase))
        return (cert, key) if key else cert

    def _read(self, response: requests.Response, deadline: float, timeout: float) -> tuple[bytes, int, bool]:
        """Keep up to the bound in memory, count the rest; a trickling server cannot pass the deadline."""
        kept: list[bytes] = []
        kept_size = size = 0
        limit = self.options.max_body_bytes
        try:
            for chunk in _chunks(response.raw):
                size += len(chunk)
                if kept_size < limit:
                    piece = chunk[: limit - kept_size]
                    kept.append(piece)
                    kept_size += len(piece)
                if time.monotonic() > deadline:
                    raise SendError(
                        f"timed out after {timeout * 1000:.0f} ms while reading the response body",
                        hint="raise --timeout-request (milliseconds)",
                    )
        except SendError:
            response.close()
            raise
        except Exception as exc:  # urllib3 raises its own protocol/read errors while streaming
            response.close()
            raise _send_error(exc, response.url, timeout) from None
        finally:
            response.close()
        return b"".join(kept), size, size > kept_size


def _postman_token() -> str:
    """A random UUID (RFC 4122 version 4) as text, as Postman-Token carries: the 16 random bytes
    with the version and variant bits set. Written here because importing `uuid` (and `platform`
    with it) costs a one-item run more start-up than every token of a long run."""
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40
    raw[8] = (raw[8] & 0x3F) | 0x80
    text = raw.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def _wire_request(method: str, url: str, body: bytes | None, auth: requests.auth.AuthBase | None,
                  jar: requests.cookies.RequestsCookieJar) -> requests.PreparedRequest:
    """requests' PreparedRequest built directly from what resolve made: Session.prepare_request
    would re-quote the URL, copy the whole cookie jar and read ~/.netrc (credentials Newman never
    sends) on every request. What is left is the jar's Cookie header and an auth handshake's hooks."""
    wire = requests.PreparedRequest()
    wire.method = method.upper()
    wire.url = url
    wire.headers = requests.structures.CaseInsensitiveDict()
    wire.body = body
    wire.hooks = requests.hooks.default_hooks()
    wire.prepare_cookies(jar)
    if auth is not None:
        wire.prepare_auth(auth, url)
    return wire


def _sign_now(prepared: PreparedRequest, url: str, headers: list[tuple[str, str]],
              body: bytes | None) -> tuple[str, list[tuple[str, str]], bytes | None]:
    """Sign over the bytes that go out (a file's content, the encoded multipart body)."""
    assert prepared.sign_at_send is not None
    try:
        url, pairs, body = prepared.sign_at_send(prepared.method, url, tuple(headers), body)
    except ItemError as exc:
        raise SendError(exc.message, hint=exc.hint) from None
    return url, list(pairs), body


def _wire_headers(prepared: PreparedRequest, method: str, url: str, headers: list[tuple[str, str]],
                  body: bytes | None, token: str, added: list[tuple[str, str]], hop: bool = False) -> HTTPHeaderDict:
    """The header lines in the order postman-runtime writes them: the request's own (the user's,
    auth's, the Content-Type a raw or GraphQL body implies), each repeated name on its own line;
    then each system header the user did not set and disabledSystemHeaders does not turn off;
    then a form's Content-Type and Content-Length (a file body's Content-Type after it). On a
    redirect hop, Referer then Host come last, as postman-request writes them."""
    off = prepared.disabled_system_headers
    out = HTTPHeaderDict()
    late: tuple[str, str] | None = None
    referer = [(n, v) for n, v in headers if n.lower() == "referer"] if hop else []
    if referer:
        headers = [(n, v) for n, v in headers if n.lower() != "referer"]
    deferred_host: str | None = None
    for name, value in headers:
        if name.lower() == "content-type" and prepared.implicit_content_type:
            if "content-type" in off:
                continue
            if prepared.body_mode in ("urlencoded", "formdata", "file"):
                late = (name, value)
                continue
        out.add(name, value)
    own = {name.lower() for name, _ in headers}
    for name, value in (("User-Agent", USER_AGENT), ("Accept", "*/*"), ("Cache-Control", "no-cache"),
                        ("Postman-Token", token), ("Host", _host(url)), ("Accept-Encoding", ACCEPT_ENCODING),
                        ("Connection", "keep-alive")):
        key = name.lower()
        if key in own:
            continue
        if hop and key == "host" and key not in off:
            deferred_host = value
            continue
        if key in off:
            if key in SKIPPABLE:
                out[name] = urllib3.util.SKIP_HEADER  # so urllib3 and http.client do not add their own
            continue
        out.add(name, value)
    for name, value in added:
        if name.lower() not in own:
            out.add(name, value)
    if late is not None and prepared.body_mode != "file":
        out.add(*late)
    length = str(len(body)) if body is not None else None if method.upper() in NO_EMPTY_LENGTH else "0"
    if "content-length" in own:
        if length is not None:  # the true length, where the user put the header
            out["Content-Length"] = length
    elif length is not None:
        out.add("Content-Length", length)
    if late is not None and prepared.body_mode == "file":
        out.add(*late)
    for name, value in referer:
        out.add(name, value)
    if deferred_host is not None:
        out.add("Host", deferred_host)
    return out


def _host(url: str) -> str:
    """Host as http.client writes it: the port only when it is not the scheme's default."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    default = {"http": 80, "https": 443}.get(parts.scheme.lower())
    try:
        port = parts.port
    except ValueError:
        port = None
    return host if port is None or port == default else f"{host}:{port}"


def _ntlm(prepared: PreparedRequest) -> requests.auth.AuthBase | None:
    """NTLM is a handshake on one connection: requests-ntlm (pyspnego) answers the server's challenge."""
    if prepared.ntlm is None:
        return None
    try:
        from requests_ntlm import HttpNtlmAuth
    except ImportError:
        raise SendError("ntlm auth needs the Python package 'requests-ntlm'",
                        hint="pip install requests-ntlm") from None
    user, password, domain, _workstation = prepared.ntlm
    return HttpNtlmAuth(f"{domain}\\{user}" if domain else user, password)


def _chunks(raw: Any) -> Iterator[bytes]:
    """Whatever has arrived, up to CHUNK: `stream()` would block until a full CHUNK came in,
    so a server trickling bytes faster than the read timeout could hold the item indefinitely."""
    while True:
        data = raw.read1(CHUNK, decode_content=True)
        if not data:
            return
        yield data


def _redirect_target(url: str, location: str) -> str:
    """Location against the URL it answered, encoded like any URL we send (a server may put
    spaces or non-ASCII text in it); the fragment is never sent. As in Newman, a relative
    Location's dot segments are kept (`../b` from `/a/r` goes to `/a/../b`)."""
    from .urls import join, split

    location = location.strip()
    parts = urlsplit(url)
    if re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*:", location):
        target = location
    elif location.startswith("//"):
        target = f"{parts.scheme}:{location}"
    elif location.startswith("/"):
        target = f"{parts.scheme}://{parts.netloc}{location}"
    elif location.startswith("?"):
        target = f"{parts.scheme}://{parts.netloc}{parts.path}{location}"
    else:
        directory = parts.path.rsplit("/", 1)[0]
        target = f"{parts.scheme}://{parts.netloc}{directory}/{location}"
    return join(split(target))


def _follow(status: int, method: str, body: bytes | None, headers: list[tuple[str, str]], with_auth: bool,
            url: str, next_url: str, prepared: PreparedRequest) -> tuple[str, bytes | None, list[tuple[str, str]], bool]:
    """The next hop as postman-runtime sends it: 301/302/303 turn into a GET without a body or
    Content-Type (HEAD stays HEAD) unless followOriginalHttpMethod; 307/308 keep everything;
    Referer names the previous URL unless removeRefererHeaderOnRedirect. Another origin never
    gets credentials (nor a digest or NTLM handshake), except Authorization when
    followAuthorizationHeader says so."""
    if status in (301, 302, 303) and not prepared.follow_original_method:
        method = method if method == "HEAD" else "GET"
        body = None
        headers = [(k, v) for k, v in headers if k.lower() not in ("content-type", "content-length")]
    if _origin(next_url) != _origin(url):
        keep = {"authorization"} if prepared.follow_authorization else set()
        headers = [(k, v) for k, v in headers if k.lower() in keep or not _credential(k, prepared)]
        with_auth = with_auth and prepared.follow_authorization
    headers = [(k, v) for k, v in headers if k.lower() != "referer"]
    if prepared.referer_on_redirect:
        headers.append(("Referer", url))
    return method, body, headers, with_auth


class _NoCookies(http.cookiejar.DefaultCookiePolicy):
    def set_ok(self, cookie, request) -> bool:  # type: ignore[no-untyped-def]
        return False

    def return_ok(self, cookie, request) -> bool:  # type: ignore[no-untyped-def]
        return False


# ---------------------------------------------------------------- the request line as resolve wrote it

_TARGET = threading.local()
_TICKET = threading.local()


class _Ticket:
    """One exchange under watch: its deadline and the connection it is using."""

    __slots__ = ("deadline", "connection", "expired", "done")

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.connection: Any = None
        self.expired = False
        self.done = False

    def cancel(self) -> None:
        self.done = True

    def expire(self) -> None:
        sock = getattr(self.connection, "sock", None)
        if self.done or sock is None:
            return
        self.expired = True
        try:
            sock.shutdown(socket.SHUT_RDWR)  # the blocked read returns at once; the pool drops the connection
        except OSError:
            pass


class _Watchdog:
    """One daemon thread for every exchange of the process: a heap of deadlines, cheaper than a
    timer thread per request."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, _Ticket]] = []
        self._wake = threading.Condition()
        self._count = 0
        self._thread: threading.Thread | None = None

    def watch(self, deadline: float) -> _Ticket:
        ticket = _Ticket(deadline)
        with self._wake:
            self._count += 1
            heapq.heappush(self._heap, (deadline, self._count, ticket))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="replay-deadlines", daemon=True)
                self._thread.start()
            elif self._heap[0][2] is ticket:
                self._wake.notify()
        return ticket

    def _run(self) -> None:
        while True:
            with self._wake:
                while self._heap and self._heap[0][2].done:
                    heapq.heappop(self._heap)
                if not self._heap:
                    self._wake.wait()
                    continue
                deadline, _, ticket = self._heap[0]
                wait = deadline - time.monotonic()
                if wait > 0:
                    self._wake.wait(wait)
                    continue
                heapq.heappop(self._heap)
            ticket.expire()


WATCHDOG = _Watchdog()


class _ExactConnectionMixin:
    def _encode_request(self, request: str) -> bytes:
        """http.client writes the request line as ASCII; with disableUrlEncoding a URL may hold
        UTF-8 text, which Newman sends as is."""
        return request.encode("utf-8")


class _ExactHTTPConnection(_ExactConnectionMixin, urllib3.connection.HTTPConnection):
    pass


class _ExactHTTPSConnection(_ExactConnectionMixin, urllib3.connection.HTTPSConnection):
    pass


class _ExactPoolMixin:
    """urllib3 re-encodes the request target (upper-cases `%2a`, escapes `[ ] ^ |`); the pool
    keeps the target it was given and puts that on the request line instead."""

    def urlopen(self, method, url, *args, **kwargs):  # type: ignore[no-untyped-def]
        _TARGET.value = url if url.startswith("/") else None
        try:
            return super().urlopen(method, url, *args, **kwargs)  # type: ignore[misc]
        finally:
            _TARGET.value = None

    def _make_request(self, conn, method, url, *args, **kwargs):  # type: ignore[no-untyped-def]
        ticket = getattr(_TICKET, "value", None)
        if ticket is not None:
            ticket.connection = conn  # what the watchdog closes when the deadline passes
        exact = getattr(_TARGET, "value", None)
        return super()._make_request(conn, method, exact or url, *args, **kwargs)  # type: ignore[misc]


class _ExactHTTPPool(_ExactPoolMixin, urllib3.connectionpool.HTTPConnectionPool):
    ConnectionCls = _ExactHTTPConnection


class _ExactHTTPSPool(_ExactPoolMixin, urllib3.connectionpool.HTTPSConnectionPool):
    ConnectionCls = _ExactHTTPSConnection


class _ExactAdapter(requests.adapters.HTTPAdapter):
    """An adapter whose request line is the URL's path and query exactly as resolve built them
    (requests drops a trailing `?`; urllib3 re-encodes). Through an HTTP proxy the absolute URL
    goes out as urllib3 writes it."""

    def init_poolmanager(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _ExactHTTPPool, "https": _ExactHTTPSPool}

    def request_url(self, request, proxies) -> str:  # type: ignore[no-untyped-def]
        url = super().request_url(request, proxies)
        return _request_target(request.url) if url.startswith("/") else url


def _request_target(url: str) -> str:
    start = url.find("://")
    start = start + 3 if start >= 0 else 0
    cut = min((i for i in (url.find("/", start), url.find("?", start)) if i >= 0), default=len(url))
    target = url[cut:].partition("#")[0]
    return target if target.startswith("/") else "/" + target


def _credential(name: str, prepared: PreparedRequest) -> bool:
    return name.lower() in CREDENTIAL_HEADERS or name.lower() in {h.lower() for h in prepared.secret_headers}


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme, (parts.hostname or "").lower(), port


def _payload(prepared: PreparedRequest, options: SendOptions) -> tuple[bytes | None, str | None]:
    if prepared.form is not None:
        return multipart(prepared.form, options.file_root)
    if prepared.body_file is not None:
        return read_attachment(prepared.body_file, options.file_root), None
    return prepared.body, None


def multipart(form: tuple, file_root: str | None, boundary: str | None = None) -> tuple[bytes, str]:
    """The multipart body as Newman's form-data writer lays it out: a boundary of 26 dashes and 24
    digits; per part `Content-Disposition` (name and filename quoted as they are, UTF-8) then
    `Content-Type` for a file or a text part that names one; CRLF
    line ends. A file part without a source goes out with `filename=""` and no content."""
    if boundary is None:
        import secrets

        boundary = "-" * 26 + "".join(str(secrets.randbelow(10)) for _ in range(24))
    chunks: list[bytes] = []
    for part in form:
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{part.name}"'
        if isinstance(part, FilePart):
            filename = os.path.basename(part.path)
            data = read_attachment(part.path, file_root) if part.path else b""
            head += f'; filename="{filename}"'
            content_type = part.content_type  # resolve named it by the extension when the row did not
        else:
            data = part.value.encode("utf-8")
            content_type = part.content_type
        if content_type:
            head += f"\r\nContent-Type: {content_type}"
        chunks += [head.encode("utf-8"), b"\r\n\r\n", data, b"\r\n"]
    chunks.append(f"--{boundary}--\r\n".encode("ascii"))
    return b"".join(chunks), f"multipart/form-data; boundary={boundary}"


def read_attachment(path: str, root: str | None) -> bytes:
    """Read a formdata/file source; a link that leads out of `root` is refused like `../` is."""
    if root is not None:
        real_root = os.path.realpath(root)
        real = os.path.realpath(path)
        if os.path.commonpath([real_root, real]) != real_root:
            raise SendError(
                f"file '{path}' leads outside the working directory {root} (through a link)",
                hint="pass --allow-outside-files if you trust this collection",
            )
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise SendError(f"file '{path}' does not exist", hint="fix the `src` path or --working-dir "
                        "(--compat newman sends the request without it, as Newman does)") from None
    except OSError as exc:
        raise SendError(f"file '{path}' cannot be read: {exc.strerror}") from None


def _send_error(exc: BaseException, url: str, timeout: float) -> SendError:
    """One readable sentence for every way a transport can fail."""
    where = urlsplit(url).netloc or url
    text = _innermost(exc)
    low = text.lower()
    if isinstance(exc, requests.exceptions.SSLError) or "certificate" in low or "ssl" in low:
        return SendError(
            f"TLS problem talking to {where}: {text}",
            hint="pass --ca-cert FILE for a private CA, or -k/--insecure to skip verification",
        )
    if isinstance(exc, requests.exceptions.InvalidHeader):
        return SendError(f"invalid header: {text}", hint="a header value may not hold a line break; check the variables it uses")
    if isinstance(exc, (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema, ValueError)):
        return SendError(f"invalid URL {url}: {text}", hint="check baseUrl and the request URL")
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return SendError(f"timed out after {timeout * 1000:.0f} ms connecting to {where}", hint="raise --timeout-request")
    if isinstance(exc, requests.exceptions.ReadTimeout) or "timed out" in low:
        return SendError(
            f"timed out after {timeout * 1000:.0f} ms waiting for {where} to answer", hint="raise --timeout-request"
        )
    if "refused" in low:
        return SendError(f"connection refused by {where}", hint="is the server running, and is baseUrl right?")
    if "name or service not known" in low or "nodename nor servname" in low or "getaddrinfo" in low or "resolve" in low:
        return SendError(f"cannot resolve host {urlsplit(url).hostname}", hint="check baseUrl and your DNS")
    if "reset" in low or "aborted" in low or "closed" in low or "remotedisconnected" in low or "incomplete" in low:
        return SendError(
            f"connection to {where} was closed before the response was complete ({text})",
            hint="the server dropped the connection; check its logs",
        )
    return SendError(f"request to {where} failed: {text}")


def _innermost(exc: BaseException) -> str:
    """Dig through requests/urllib3 wrappers for the sentence that names the cause."""
    seen = exc
    for _ in range(6):
        args = getattr(seen, "args", ())
        inner = getattr(seen, "reason", None)  # urllib3 keeps the cause here; ssl.SSLError keeps only a code
        if not isinstance(inner, BaseException):
            inner = getattr(seen, "__context__", None)
        if inner is None and args and isinstance(args[0], BaseException):
            inner = args[0]
        if inner is None or inner is seen:
            break
        seen = inner
    text = str(seen) or type(seen).__name__
    if "Errno" in text and "]" in text:
        text = text[text.index("]") + 1 :].strip()
    if ": " in text and text.startswith("<"):
        text = text.split(": ", 1)[1]
    text = re.sub(r"\s*\(_ssl\.c:\d+\)$", "", text)  # OpenSSL's source line helps nobody
    return text.strip("() ") or type(exc).__name__
