"""Who speaks inside quotation marks (kgraph/extract/quotes.py)."""

from __future__ import annotations

from kgraph.extract.entities import find_actors
from kgraph.extract.gazetteer import load_gazetteer
from kgraph.extract.quotes import quote_spans, quoted_speakers


def _speakers(nlp, text):
    doc = nlp(text)
    actors = find_actors(doc, load_gazetteer())
    return doc, {doc[i].text: e.name for i, e in quoted_speakers(doc, actors).items()
                 if doc[i].lower_ in {"i", "my", "me"}}


def test_a_quote_is_its_attributed_speaker_s_and_the_next_one_goes_on(nlp):
    doc, found = _speakers(nlp, '"We are ready," Mike Pompeo said. "My talks went well," '
                                'he added. "I am sure of it."')
    assert found == {"My": "Mike Pompeo", "I": "Mike Pompeo"}
    assert len(quote_spans(doc)) == 3


def test_an_unattributed_quote_has_no_speaker(nlp):
    _, found = _speakers(nlp, 'The banner read "My country first" in red letters.')
    assert found == {}


def test_empty_quotation_marks_after_a_quote_are_no_quote(nlp):
    doc, found = _speakers(nlp, '"My offer stands," Mike Pompeo said. " " and nothing else.')
    assert found == {"My": "Mike Pompeo"}
