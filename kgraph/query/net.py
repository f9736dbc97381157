"""Loopback helpers for the endpoint and its tests: a free port, a server that answers."""

from __future__ import annotations

import http.client
import socket
import subprocess
import time


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def wait_for(host: str, port: int, server: subprocess.Popen, seconds: float = 30) -> None:
    """Return once `server` answers a trivial query; raise if it exits or stays silent."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the SPARQL server exited with code {server.returncode}")
        connection = http.client.HTTPConnection(host, port, timeout=1)
        try:
            connection.request("GET", "/query?query=ASK%7B%7D")
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.1)
        finally:
            connection.close()
    raise RuntimeError(f"the SPARQL server did not start within {seconds:g} s")


def port_taken(host: str, port: int) -> str | None:
    """Why `host`:`port` cannot be listened on (in use, no such address), or None.

    Binds the way the relay does (address reuse on), so a port in TIME_WAIT is free.
    """
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as error:
            return error.strerror or str(error)
    return None
