"""Errors the command line reports in one line, importable without loading spaCy."""

from __future__ import annotations


class ModelNotFound(RuntimeError):
    """No usable spaCy model; the message says how to install one."""


class OutFolderError(ValueError):
    """A build's output folder it must not write into; the message says what to do."""


class NoDocuments(ValueError):
    """The inputs hold no document to build."""


class NoFinishedBuild(RuntimeError):
    """A build folder whose first build has not published yet: nothing whole to read."""


class SchemaError(ValueError):
    """A relation schema, rules or word-set file that cannot be used; the message names it."""
