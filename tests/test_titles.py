"""The title grammar (kgraph/extract/titles.py) and the office-holder tables, by example."""

from __future__ import annotations

import pytest

from kgraph.extract.offices import load_office_holders
from kgraph.extract.titles import title_parts

# Titles written for these tests in the shapes archives use.
LETTERS = [
    ("12. Telegram From the Embassy in Japan to the Department of State",
     ["the Embassy in Japan"], ["the Department of State"]),
    ("Cable, Gromyko to Zhou Enlai [via Yudin]", ["Gromyko"], ["Zhou Enlai"]),
    ("Ciphered Telegram No. 1234, Molotov to Kuznetsov, for Liu Shaoqi",
     ["Molotov"], ["Liu Shaoqi"]),
    ("Report, Embassy of Poland in China to the Polish Foreign Ministry (Excerpt)",
     ["Embassy of Poland in China"], ["the Polish Foreign Ministry"]),
    ("Letter From Chairmen Kosygin and Brezhnev to President Johnson",
     ["Chairmen Kosygin", "Brezhnev"], ["President Johnson"]),
    ("Letter From the Ambassador to Japan (Reischauer) to the Secretary of State (Rusk)",
     ["the Ambassador to Japan (Reischauer)"], ["the Secretary of State (Rusk)"]),
    ("Telegram from Nam Il to Chen Yi, 'On the Question of the Armistice Talks'",
     ["Nam Il"], ["Chen Yi"]),
    ("Telegram from the Ministry of Foreign Affairs on the Issue of Border Crossings",
     ["the Ministry of Foreign Affairs"], []),
    ("Memorandum From the President's Special Assistant (Rostow) to President Johnson",
     ["the President's Special Assistant (Rostow)"], ["President Johnson"]),
]


@pytest.mark.parametrize(("title", "senders", "recipients"), LETTERS)
def test_letter_titles(title, senders, recipients):
    parts = title_parts(title)
    assert (parts.senders, parts.recipients) == (senders, recipients)


def test_via_names_the_literal_addressee():
    assert title_parts("Cable, Gromyko to Zhou Enlai [via Yudin]").via == ["Yudin"]
    assert title_parts("Telegram from Kim Il Sung to Stalin (via Shtykov)").via == ["Shtykov"]
    # "to X, for Y": the message is Y's, X passes it on
    assert title_parts("Ciphered Telegram No. 1234, Molotov to Kuznetsov, for Liu Shaoqi"
                       ).via == ["Kuznetsov"]


def test_conversation_journal_and_draft_titles():
    assert title_parts("Record of Conversation between Zhou Enlai and Ambassador Yudin"
                       ).met == ["Zhou Enlai", "Ambassador Yudin"]
    assert title_parts("Memorandum of Conversation with Premier Zhou").partner == "Premier Zhou"
    assert title_parts("Diary of Ambassador P.F. Yudin for 3 June 1955").author == "P.F. Yudin"
    assert title_parts("Draft Letter From President Johnson to Prime Minister Sato").planned
    assert not title_parts("Editorial Note").senders


def test_office_holders_resolve_surnames_by_date():
    holders = load_office_holders()
    assert holders.by_surname("Yudin", "1955-06").name == "Pavel Yudin"
    assert holders.by_surname("Vyshinskii", "1951").name == "Andrei Vyshinsky"
    assert holders.by_surname("Gromyko", "1990").name == "Andrei Gromyko"  # the only one
    assert holders.by_surname("Ivanov", "1980") is None  # two, neither in office then
    assert holders.by_surname("Kim", "2018-05") is None  # too common to resolve
    assert holders.by_surname("Ivanov", "1956-10", initials="V").name == "Vasily Ivanov"
    assert holders.by_surname("Ivanov", "1956-10", initials="A") is None
    brown = holders.by_surname("Brown", "1965-03")
    assert "Winthrop G. Brown" in holders.usual_names(brown)
