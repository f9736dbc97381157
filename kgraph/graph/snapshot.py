"""What readers open: a snapshot of the store taken when a build finished.

Oxigraph (RocksDB) does not let a reader open a store another process is
writing. So a build writes ``build/store`` alone and, when it has finished,
publishes a checkpoint (RocksDB hard links: instant, no copy) as
``build/snapshots/<stamp>`` and points ``build/current`` at it with an atomic
rename. Queries, ``kgraph serve`` and the API open ``current``: during a build
they see the previous finished build, whole; after it, the new one; before the
first build has finished, nothing ("no finished build yet").

>>> reading_store("build")          # doctest: +SKIP
PosixPath('build/snapshots/20261122T211502-123456')
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

from kgraph.errors import NoFinishedBuild

KEEP = 2  # snapshots kept: the current one and the one before (readers may hold it open),
# and any that a running `kgraph serve` still serves (see `pin`)


def reading_store(folder: str | Path) -> Path:
    """The store a reader should open in a build folder (or `folder` itself).

    Raises `NoFinishedBuild` for a build folder with no published snapshot yet:
    its live store holds a build in progress (or one that stopped), never for readers.
    """
    folder = Path(folder)
    current = folder / "current"
    if current.is_dir():  # the link, or a copy of the build folder that followed it
        return current.resolve()
    if (folder / "store").is_dir():
        raise NoFinishedBuild(f"{folder}: no finished build yet (a build is running, or "
                              "stopped before its end: run 'kgraph build' to finish it)")
    return folder


UNFINISHED = "unfinished"  # in the build folder: the store changed and is not yet published


def mark_unfinished(build_folder: Path) -> None:
    """Record, before a build first changes the store, that it is not yet published: a
    build killed before `mark_finished` leaves the mark, and the next build redoes the
    actors graph, the page and the publish step even with nothing to extract. (Kept
    beside the store, not in it, so that no snapshot or export carries it.)"""
    marker = build_folder / UNFINISHED
    if not marker.exists():
        with marker.open("w") as file:
            file.write("a build changed the store and has not published it yet\n")
            file.flush()
            os.fsync(file.fileno())


def mark_finished(build_folder: Path) -> None:
    """Record that what the store holds has been published."""
    (build_folder / UNFINISHED).unlink(missing_ok=True)


def unfinished(build_folder: Path) -> bool:
    """Whether a build changed the store and stopped before publishing it."""
    return (build_folder / UNFINISHED).exists()


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
        if not _pinned(old):
            shutil.rmtree(old, ignore_errors=True)
    return target


def pin(location: Path, tag: str) -> Path | None:
    """Keep snapshot `location` while this process serves it: a marker file naming
    the process, which `publish` respects until the process ends. None for a store
    that is not a snapshot."""
    if location.parent.name != "snapshots":
        return None
    marker = location.parent / f"{location.name}.pin-{os.getpid()}-{tag}"
    marker.touch()
    return marker


def _pinned(snapshot: Path) -> bool:
    """Whether a live process still serves `snapshot` (markers of dead ones removed)."""
    pinned = False
    for marker in snapshot.parent.glob(f"{snapshot.name}.pin-*"):
        pid = int(marker.name.rsplit(".pin-", 1)[1].split("-")[0])
        if _alive(pid):
            pinned = True
        else:
            marker.unlink(missing_ok=True)
    return pinned


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True
