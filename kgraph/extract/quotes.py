"""Who speaks inside quotation marks: a news story's "I" and "my" are its quoted speaker's.

'"In my conversations with Chairman Kim …," Pompeo said.': the quote is attributed by a verb
of saying whose subject is a person, in the quote's sentence; a quote that opens the next
sentence without attribution goes on in the same voice.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kgraph.extract.doctext import doc_text
from kgraph.extract.entities import Actors
from kgraph.extract.lexicon import lexicon
from kgraph.types import Entity

_OPENING, _CLOSING, _STRAIGHT = "“", "”", '"'


def quote_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges [start, end) inside quotation marks, marks excluded."""
    if not any(mark in doc_text(doc) for mark in (_OPENING, _STRAIGHT)):
        return []
    spans, start = [], None
    for token in doc:
        text = token.text
        if start is None and text in {_OPENING, _STRAIGHT}:
            start = token.i + 1
        elif start is not None and text in {_CLOSING, _STRAIGHT}:
            spans.append((start, token.i))
            start = None
    return spans


def _speaker(sentence: Span, inside: range, actors: Actors) -> Entity | None:
    """The person a verb of saying outside the quote gives as its subject."""
    saying = lexicon()["saying_verbs"]
    for token in sentence:
        if token.i in inside or token.lemma_.lower() not in saying:
            continue
        for child in token.children:
            entity = actors.at(child.i)
            if child.dep_ == "nsubj" and child.i not in inside and entity is not None \
                    and entity.type == "Person":
                return entity
    return None


def quoted_speakers(doc: Doc, actors: Actors) -> dict[int, Entity]:
    """Token index → the person speaking there, for tokens inside attributed quotes."""
    found: dict[int, Entity] = {}
    last: tuple[Entity, int] | None = None  # the last speaker, and where their quote ended
    for start, end in quote_spans(doc):
        if end <= start:  # '" "': quotation marks with nothing between them
            continue
        inside = range(start, end)
        sentences = {doc[start].sent.start: doc[start].sent, doc[end - 1].sent.start:
                     doc[end - 1].sent}
        speaker = next((s for sent in sentences.values()
                        if (s := _speaker(sent, inside, actors)) is not None), None)
        if speaker is None and last is not None and start - last[1] <= 12:
            speaker = last[0]  # '"…," Pompeo said. "In my conversations …"'
        if speaker is None:
            continue
        for i in inside:
            found[i] = speaker
        last = (speaker, max(end, max(s.end for s in sentences.values())))
    return found
