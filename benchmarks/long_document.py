"""One very long document (a 20 MB volume) through `kgraph build`: time and peak memory.

    python benchmarks/long_document.py [--megabytes 20]      (make bench-volume)

The volume is made of the synthetic corpus's sentences in paragraphs of eight,
so nearly every sentence is a letter, meeting or defection: a worst case for
the size of the graph (a real volume states far fewer relations per page).
Takes about 15 minutes at 20 MB on one core.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import sentence  # noqa: E402
from benchmarks.run import machine, measured_build  # noqa: E402


def write_volume(path: Path, megabytes: float, seed: int = 11) -> Path:
    """A plain-text volume of about `megabytes` MB, paragraphs of eight sentences."""
    rng = random.Random(seed)
    limit = int(megabytes * 2**20)
    with path.open("w", encoding="utf-8") as out:
        out.write("A long volume of reports\n\n")
        while out.tell() < limit:
            out.write(" ".join(sentence(rng) for _ in range(8)) + "\n\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "volume").mkdir()
        volume = write_volume(work / "volume" / "volume.txt", args.megabytes)
        words = len(volume.read_text("utf-8").split())
        result = measured_build(work / "volume", work / "out")
        from kgraph.graph.store import GraphStore

        store = GraphStore.open(work / "out" / "store", read_only=True)
        relations = store.select("SELECT (COUNT(*) AS ?n) WHERE { ?e kg:relation ?r }")[0]["n"]
        figures = {"machine": machine(), "megabytes": round(volume.stat().st_size / 2**20, 1),
                   "words": words, "seconds": result["seconds"],
                   "words_per_s": round(words / result["seconds"]),
                   "peak_mb": result["peak_mb"], "relations": relations,
                   "triples": store.triple_count()}
    print(json.dumps(figures, indent=1))
    print(f"\n{figures['megabytes']} MB volume: {figures['seconds']} s, "
          f"peak {figures['peak_mb']} MB (bound 1536 MB), {relations} relations")


if __name__ == "__main__":
    main()
