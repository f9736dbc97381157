"""What readers open: a snapshot of the store taken when a build finished.

Oxigraph (RocksDB) does not let a reader open a store another process is
writing. So a build writes ``build/store`` alone and, when it has finished,
publishes a checkpoint (RocksDB hard links: instant, no copy) as
``build/snapshots/<stamp>`` and points ``build/current`` at it with an atomic
rename. Queries, ``kgraph serve`` and the API open ``current``: during a build
they see the previous finished build, whole; after it, the new one.

>>> reading_store("build")          # doctest: +SKIP
PosixPath('build/snapshots/20261122T211502-123456')
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

KEEP = 2  # snapshots kept: the current one and the one before (readers may hold it open)


def reading_store(folder: str | Path) -> Path:
    """The store a reader should open in a build folder (or `folder` itself)."""
    folder = Path(folder)
    current = folder / "current"
    if current.is_symlink() and current.resolve().is_dir():
        return current.resolve()
    return folder / "store" if (folder / "store").is_dir() else folder


def publish(store, build_folder: Path) -> Path:
    """Snapshot `store` (a `GraphStore`) and make it the one readers open."""
    snapshots = build_folder / "snapshots"
    snapshots.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S-%f")
    target = snapshots / stamp
    store.store.backup(str(target))
    link = build_folder / f".current-{stamp}"
    os.symlink(Path("snapshots") / stamp, link)
    os.replace(link, build_folder / "current")  # atomic: readers see old or new, never none
    for old in sorted(p for p in snapshots.iterdir() if p.is_dir())[:-KEEP]:
        shutil.rmtree(old, ignore_errors=True)
    return target
