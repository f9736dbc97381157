"""What the endpoint's relay refuses before a request reaches Oxigraph.

* SPARQL federation (``SERVICE``): Oxigraph would fetch any URL the query names,
  from the machine that serves, and relay the answer (server-side request forgery);
  refused unless ``kgraph serve --allow-service``.
* A ``Host`` header other than the address served (DNS rebinding: a web page whose
  name now points at 127.0.0.1 would otherwise read the endpoint).
* A request from a web page of another origin (a cross-site form POST runs the query
  even though the page cannot read the answer).

>>> uses_service('SELECT * { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }')
True
>>> uses_service('SELECT * { ?s kg:service "SERVICE" } # SERVICE in a comment')
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote_plus, urlsplit

# Strings, IRIs and comments: where the word SERVICE means nothing.
_INERT = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
# The keyword, not a prefixed name (kg:service), a variable (?service) or a prefix.
_SERVICE = re.compile(r"(?<![\w:?$-])SERVICE(?![\w:-])", re.I)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


def _unescaped(sparql: str) -> str:
    """SPARQL's \\uXXXX escapes decoded, as a parser may do before reading the query."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), sparql)


def uses_service(sparql: str) -> bool:
    """Whether a query or update may call ``SERVICE`` (erring on the side of yes)."""
    return any(_SERVICE.search(_INERT.sub(" ", text)) for text in (sparql, _unescaped(sparql)))


@dataclass(frozen=True)
class Policy:
    """Who may ask what: `hosts` the accepted Host headers (None: any)."""

    hosts: frozenset[str] | None
    allow_service: bool = False

    @classmethod
    def for_address(cls, host: str, port: int, allow_service: bool = False) -> Policy:
        """Host headers naming the bound address; any when bound to every interface."""
        if host in {"0.0.0.0", "::", ""}:
            return cls(None, allow_service)
        names = LOOPBACK if host in LOOPBACK else {host}
        hosts = {f"{name}:{port}" for name in names} | {f"[{host}]:{port}"}
        return cls(frozenset(hosts), allow_service)

    def refusal(self, headers, path: str, body: bytes | None) -> str | None:
        """Why this request is refused (one line), or None to let it through."""
        host = headers.get("Host", "")
        if self.hosts is not None and host.lower() not in self.hosts:
            return f"Host {host!r} is not this endpoint's address"
        origin = headers.get("Origin")
        if origin is not None and urlsplit(origin).netloc.lower() != host.lower():
            return f"requests from web pages of another origin ({origin}) are refused"
        if not self.allow_service and _asks_service(path, body):
            return ("SPARQL SERVICE (federation) is refused by this endpoint "
                    "(kgraph serve --allow-service)")
        return None


def _asks_service(path: str, body: bytes | None) -> bool:
    """Any SERVICE in the query string or the body, raw or form-decoded."""
    texts = [unquote_plus(urlsplit(path).query)]
    if body:
        raw = body.decode("utf-8", "replace")
        texts += [raw, unquote_plus(raw)]
    return any(uses_service(text) for text in texts)
