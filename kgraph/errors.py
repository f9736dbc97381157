"""Errors the command line reports in one line, importable without loading spaCy."""

from __future__ import annotations


class ModelNotFound(RuntimeError):
    """No usable spaCy model; the message says how to install one."""
