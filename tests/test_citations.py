"""FRUS editorial notes cite, after a sentence, the telegram it tells of."""

from __future__ import annotations

import pytest

from kgraph.extract.citations import Citation, citation_after, parse_citation


@pytest.mark.parametrize(("text", "expected"), [
    ("(Telegram 1748 from Seoul, June 30; ibid.)", Citation("from", "Seoul", "June 30")),
    ("(Telegrams 410 to Tokyo and 77 to Manila, March 3, and telegram 9 from Tokyo, March 5)",
     Citation("to", "Tokyo", "March 3")),
    ("(Circular telegram 2043, May 1; ibid., POL 27 VIET S)", Citation(None, None, "May 1")),
    ("(Airgram A–455 from Saigon, December 14; ibid.)", Citation("from", "Saigon", "December 14")),
    ("(Ibid., POL 27 VIET S)", None),
    ("(see below)", None),
])
def test_parse_citation(text, expected):
    assert parse_citation(text) == expected


def test_the_citation_must_follow_the_sentence(nlp):
    doc = nlp("The Embassy reported a delay. (Telegram 12 from Seoul, May 3; ibid.) "
              "The Department agreed. It wrote more (later).")
    found = [citation_after(s) for s in doc.sents]
    assert found[0] == Citation("from", "Seoul", "May 3")
    assert all(c is None for c in found[2:])
