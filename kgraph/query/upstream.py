"""The Oxigraph server processes behind ``kgraph serve``'s relay.

A pool of servers, each answering one request at a time: a query that runs past
the timeout is stopped by ending its own server alone (Oxigraph cannot stop a
running query otherwise), while the others go on answering. Each server is
(re)started lazily, when a request takes it, on the snapshot ``current`` names at
that moment: so the endpoint follows new builds, and a server that stopped or
whose snapshot is gone is replaced instead of leaving the endpoint answering
nothing. The snapshot a server reads is pinned (`kgraph.graph.snapshot.pin`) so
that builds do not delete it under the server.
"""

from __future__ import annotations

import queue
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from kgraph.children import die_with_parent
from kgraph.graph.snapshot import pin
from kgraph.query.net import free_port, wait_for

CommandFor = Callable[[Path, int], list[str]]


class PoolBusy(Exception):
    """Every server stayed busy for the whole wait."""


def _pass_on_log(stream) -> None:
    """Oxigraph's log to our stderr, without its line naming the private port: users
    should only ever see (and use) the public address kgraph printed."""
    for line in stream:
        if not line.startswith("Listening for requests at"):
            sys.stderr.write(line)


class Upstream:
    """One Oxigraph server process on a loopback port, serving one store at a time."""

    def __init__(self, command_for: CommandFor, port: int, spawner: ThreadPoolExecutor) -> None:
        self.command_for, self.port = command_for, port
        self.spawner = spawner
        self.process: subprocess.Popen | None = None
        self.location: Path | None = None
        self._pin: Path | None = None

    def start(self, location: Path) -> None:
        self._pin = pin(location, str(self.port))
        self.location = location
        self.process = self.spawner.submit(subprocess.Popen, self.command_for(
            location, self.port), preexec_fn=die_with_parent, stderr=subprocess.PIPE,
            text=True).result()
        threading.Thread(target=_pass_on_log, args=(self.process.stderr,), daemon=True).start()
        wait_for("127.0.0.1", self.port, self.process)

    def stop(self) -> None:
        """End the server (and whatever query it runs)."""
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        if self._pin is not None:
            self._pin.unlink(missing_ok=True)
            self._pin = None

    def ready(self, location: Path) -> None:
        """Up and serving `location`: restarted if it stopped or serves another store."""
        if self.process is None or self.process.poll() is not None or self.location != location:
            self.stop()
            self.start(location)


class Pool:
    """`size` servers on the store `locate()` names; one request per server at a time."""

    def __init__(self, command_for: CommandFor, locate: Callable[[], Path], size: int) -> None:
        self.locate = locate
        # Servers are started from one long-lived thread: a server ends with the thread
        # that started it (die_with_parent), and request threads end after each request.
        self.spawner = ThreadPoolExecutor(1)
        self.upstreams = [Upstream(command_for, free_port(), self.spawner)
                          for _ in range(size)]
        self._idle: queue.Queue[Upstream] = queue.Queue()
        for upstream in self.upstreams:
            self._idle.put(upstream)

    def start(self) -> None:
        """Start one server now, so that a store that cannot be served fails at once."""
        with self.checkout(wait=0):
            pass

    @contextmanager
    def checkout(self, wait: float) -> Iterator[Upstream]:
        """A server up on the current store, for one request; PoolBusy after `wait` s."""
        try:
            upstream = self._idle.get(timeout=wait) if wait else self._idle.get_nowait()
        except queue.Empty:
            raise PoolBusy from None
        try:
            try:
                upstream.ready(self.locate())
            except RuntimeError:  # its store vanished meanwhile: once more, on the newest
                upstream.stop()
                upstream.ready(self.locate())
            yield upstream
        finally:
            self._idle.put(upstream)

    def stop(self) -> None:
        for upstream in self.upstreams:
            upstream.stop()
        self.spawner.shutdown()
