"""A result cap and a hard timeout in front of the Oxigraph server.

The Oxigraph server sends answers of any size, and its ``--timeout-s`` does
not stop a query that streams rows or counts a huge join (measured with
0.5.13: both ran on past 20 s with a 1 s timeout). So ``kgraph serve`` runs it
on a private loopback port and answers on the public one through this small
relay: every request goes through unchanged; an answer is held until it is
complete and replaced by ``413`` with a one-line reason once it grows past
the cap; an answer not complete within the timeout is replaced by ``503``
and the server that ran it is ended, the only way to stop a running Oxigraph
query (each request has a server of its own from a pool, `kgraph.query.upstream`,
so the other requests go on). The relay refuses what `kgraph.query.guard` refuses
and adds no SPARQL of its own; read-only mode and the protocol stay Oxigraph's.
"""

from __future__ import annotations

import http.client
import signal
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from kgraph.query.guard import Policy
from kgraph.query.net import free_port, port_taken, wait_for
from kgraph.query.upstream import CommandFor, Pool, PoolBusy, Upstream

__all__ = ["Gateway", "free_port", "port_taken", "serve_capped", "wait_for"]

# Request and answer headers worth passing on; hop-by-hop ones are not.
REQUEST_HEADERS = ("Content-Type", "Accept", "Accept-Encoding")
ANSWER_HEADERS = ("Content-Type", "Content-Disposition", "Content-Encoding")
CHUNK = 1 << 16
MAX_REQUEST_BYTES = 16 << 20  # a query or an update body; more is refused (413)
IDLE_SECONDS = 60  # a client silent this long is disconnected


class QueryTimeout(Exception):
    """The answer was not complete within the timeout."""


class Gateway(ThreadingHTTPServer):
    """Relay HTTP to a server of `pool`, answers capped at `max_bytes` and `timeout` s."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], pool: Pool, max_bytes: int,
                 timeout: float, policy: Policy | None = None) -> None:
        super().__init__(address, _Relay)
        self.pool = pool
        self.max_bytes = max_bytes or None  # 0: no cap
        self.timeout_s = timeout
        self.policy = policy or Policy.for_address(*address[:2])


class _Relay(BaseHTTPRequestHandler):
    server: Gateway
    protocol_version = "HTTP/1.1"
    timeout = IDLE_SECONDS  # a connection that sends nothing is closed, its thread freed

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._relay()

    def do_POST(self) -> None:  # noqa: N802
        self._relay()

    def do_PUT(self) -> None:  # noqa: N802
        self._relay()

    def do_DELETE(self) -> None:  # noqa: N802
        self._relay()

    def do_HEAD(self) -> None:  # noqa: N802
        self._relay()

    def _body(self) -> bytes | None:
        """The request body, or None after answering 400/413 for a bad length."""
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0:
            self.close_connection = True
            self._plain(400, "bad Content-Length")
            return None
        if length > MAX_REQUEST_BYTES:
            self.close_connection = True
            self._plain(413, f"the request is larger than {MAX_REQUEST_BYTES >> 20} MB")
            return None
        return self.rfile.read(length)

    def _relay(self) -> None:
        body = self._body()
        if body is None:
            return
        refusal = self.server.policy.refusal(self.headers, self.path, body)
        if refusal:
            self._plain(403, refusal)
            return
        limit = self.server.timeout_s
        try:
            # Long enough for a runaway query to be stopped and its server restarted.
            with self.server.pool.checkout(wait=2 * limit + 10) as upstream:
                self._forward(upstream, body, limit)
        except PoolBusy:
            self._plain(503, "every server of this endpoint stayed busy; try again")
        except RuntimeError as error:  # the server would not start
            self._plain(502, f"the SPARQL server did not start: {error}")

    def _forward(self, upstream: Upstream, body: bytes, limit: float) -> None:
        headers = {k: v for k in REQUEST_HEADERS if (v := self.headers.get(k)) is not None}
        connection = http.client.HTTPConnection("127.0.0.1", upstream.port, timeout=limit)
        try:
            deadline = time.monotonic() + limit
            connection.request(self.command, self.path, body=body or None, headers=headers)
            answer = connection.getresponse()
            content = _read_capped(answer, self.server.max_bytes, deadline)
            if content is None:
                self._refuse()
                return
            self.send_response(answer.status, answer.reason)
            for name in ANSWER_HEADERS:
                if (value := answer.getheader(name)) is not None:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(content)
        except (TimeoutError, QueryTimeout):
            connection.close()
            upstream.stop()  # its query alone: the next request restarts this server
            self._plain(503, f"the query ran past the {limit:g} s timeout of this endpoint "
                             "and was stopped (kgraph serve --timeout)")
        except OSError as error:
            self._plain(502, f"the SPARQL server did not answer: {error}")
        finally:
            connection.close()

    def _refuse(self) -> None:
        limit = self.server.max_bytes / 1e6
        self._plain(413, f"the result is larger than the {limit:g} MB cap of this endpoint; "
                         "add LIMIT or narrow the query (kgraph serve --max-result-mb)")

    def _plain(self, status: int, message: str) -> None:
        content = (message + "\n").encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # Oxigraph's own log is enough; a relay line per request is noise.


def _read_capped(answer: http.client.HTTPResponse, max_bytes: int | None,
                 deadline: float) -> bytes | None:
    """The whole answer, or None as soon as it passes `max_bytes` (None: no cap)."""
    parts, size = [], 0
    while chunk := answer.read1(CHUNK):
        if time.monotonic() > deadline:
            raise QueryTimeout
        size += len(chunk)
        if max_bytes is not None and size > max_bytes:
            return None
        parts.append(chunk)
    return b"".join(parts)


def serve_capped(command_for: CommandFor, locate: Callable[[], Path], host: str, port: int,
                 max_bytes: int, timeout: float, allow_service: bool = False,
                 servers: int = 4) -> None:
    """Serve the store `locate()` names through `servers` Oxigraph servers
    (`command_for(store, port)` starts one) behind the relay on host:port.

    Blocks until SIGINT or SIGTERM, then stops the servers too.
    """
    pool = Pool(command_for, locate, servers)
    gateway = Gateway((host, port), pool, max_bytes, timeout,
                      Policy.for_address(host, port, allow_service))
    signal.signal(signal.SIGTERM, _exit_on_signal)
    try:
        pool.start()
        gateway.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        gateway.server_close()
        pool.stop()


def _exit_on_signal(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
