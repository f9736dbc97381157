"""Curation: a file of corrections (merge, keep apart, remove, reject, rename) with
reasons, applied to the graph at every build. See `kgraph.curation.entries`."""

from kgraph.curation.apply import CurationReport, apply_curation, stale_documents
from kgraph.curation.entries import (
    ACTIONS,
    FILE_NAME,
    CurationError,
    Entry,
    add_entry,
    find_curation,
    load_curation,
)

__all__ = ["ACTIONS", "FILE_NAME", "CurationError", "CurationReport", "Entry", "add_entry",
           "apply_curation", "find_curation", "load_curation", "stale_documents"]
