"""Child processes that end with kgraph: extraction workers, Oxigraph servers."""

from __future__ import annotations

import ctypes
import os
import signal
import sys


def die_with_parent(parent: int | None = None) -> None:
    """Call in a child: it gets SIGTERM when the thread that started it ends, even by
    SIGKILL of the whole parent (Linux PR_SET_PDEATHSIG; elsewhere nothing). With the
    `parent` pid, a child whose parent already died before this call ends at once."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # 1: PR_SET_PDEATHSIG
    if parent is not None and os.getppid() != parent:
        os.kill(os.getpid(), signal.SIGTERM)
