"""The text of a parsed Doc, read once.

spaCy's ``Doc.text`` joins every token's text at each call (a Python object per token);
the extraction asks for it from several places, so it is kept in ``Doc.user_data``.
"""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "kgraph.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed on the first call only."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text
