"""Give freed heap memory back to the operating system between batches.

spaCy frees a batch's working arrays, but glibc keeps the freed pages: measured on
a 20 MB volume, the resident size climbed to 1.3 GB while live data stayed near
250 MB. `malloc_trim` returns them; elsewhere (macOS, musl) this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import lru_cache


@lru_cache(maxsize=1)
def _malloc_trim():
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):
        return None


def release_free_memory() -> None:
    """Return the heap's free pages to the system (glibc only; cheap, ~1 ms)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
