"""A long volume goes through the real pipeline in pieces: memory stays flat as it grows.

The whole 20 MB volume takes ~15 minutes here; `make bench-volume` measures it
(figures in BENCHMARKS.md). This test runs 0.25 MB and 1 MB of the same text
through `kgraph build` in a subprocess and samples the resident memory of it.
"""

from __future__ import annotations

from benchmarks.long_document import write_volume
from benchmarks.run import measured_build

BOUND_MB = 1536


def test_memory_does_not_grow_with_the_length_of_a_document(tmp_path):
    peaks = {}
    for megabytes in (0.25, 1.0):
        folder = tmp_path / f"volume-{megabytes}"
        folder.mkdir()
        write_volume(folder / "volume.txt", megabytes)
        peaks[megabytes] = measured_build(folder, tmp_path / f"out-{megabytes}")["peak_mb"]
    assert peaks[1.0] <= BOUND_MB
    assert peaks[1.0] - peaks[0.25] < 200, peaks  # four times the text, about the same memory
