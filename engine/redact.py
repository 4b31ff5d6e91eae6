"""Masking of secrets where text leaves the program: by header/parameter name and by known value."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import quote, quote_plus

from .urls import ENCODERS as URL_ENCODERS

MASK = "****"
# Headers that carry credentials: masked by name in every output, dropped on a cross-origin redirect.
SECRET_HEADERS = frozenset({
    "authorization", "cookie", "proxy-authorization", "set-cookie", "x-api-key", "api-key", "apikey",
    "x-auth-token", "x-access-token", "x-api-token", "api-token", "private-token", "x-csrf-token",
    "ocp-apim-subscription-key", "x-goog-api-key", "x-amz-security-token",
})
# The safe sets with which a value may reach the wire (strict, path segment, query value), so a
# secret is masked however resolve encoded it; quote_plus covers urlencoded bodies.
ENCODINGS = ("", "!$&'()*+,;=:@-._~", "!$'()*+,;:@/?-._~[]=")
MIN_SECRET_LENGTH = 3  # shorter values would mask ordinary text; their headers are masked by name


@dataclass
class Redactor:
    show: bool = False
    values: set[str] = field(default_factory=set)
    header_names: set[str] = field(default_factory=set)
    query_names: set[str] = field(default_factory=set)
    _pattern: re.Pattern[str] | None = None

    def learn(self, values=(), headers=(), query=()) -> None:
        """Add secrets found while resolving; later output masks them too."""
        new = {v for v in values if v and len(v) >= MIN_SECRET_LENGTH} - self.values
        for value in list(new):
            new |= {quote(value, safe=safe) for safe in ENCODINGS} | {quote_plus(value)}
            new |= {encode(value) for encode in URL_ENCODERS}
        if new:
            self.values |= new
            self._pattern = None
        self.header_names |= {h.lower() for h in headers}
        self.query_names |= {q.lower() for q in query}

    def text(self, text: str) -> str:
        if self.show or not text or not self.values:
            return text
        if self._pattern is None:
            ordered = sorted(self.values, key=len, reverse=True)
            self._pattern = re.compile("|".join(re.escape(v) for v in ordered))
        return self._pattern.sub(MASK, text)

    def learn_headers(self, pairs) -> None:
        """Values sent in credential headers are secrets wherever else they turn up (an echoed body)."""
        values = set()
        for name, value in pairs:
            if name.lower() in SECRET_HEADERS or name.lower() in self.header_names:
                scheme, sep, rest = value.partition(" ")
                values.add(rest if sep and scheme.lower() in ("bearer", "basic", "digest", "token") else value)
        self.learn(values)

    def header(self, name: str, value: str) -> str:
        if self.show:
            return value
        lowered = name.lower()
        if lowered in SECRET_HEADERS or lowered in self.header_names:
            scheme, sep, rest = value.partition(" ")
            if sep and scheme.lower() in ("bearer", "basic", "digest", "token") and rest:
                return f"{scheme} {MASK}"
            return MASK if value else value
        return self.text(value)

    def headers(self, pairs) -> list[tuple[str, str]]:
        return [(name, self.header(name, value)) for name, value in pairs]

    def url(self, url: str) -> str:
        if self.show:
            return url
        if "?" in url and self.query_names:
            base, _, query = url.partition("?")
            parts = []
            for pair in query.split("&"):
                key, eq, value = pair.partition("=")
                if eq and value and key.lower() in self.query_names:
                    value = MASK
                parts.append(f"{key}{eq}{value}")
            url = base + "?" + "&".join(parts)
        return self.text(url)
