"""What the model labels an actor but names a thing, a place, a title, a session or two
people (kgraph.extract.nonactors, normalize.quality), on the project's own sentences."""

from __future__ import annotations

import pytest

from kgraph.extract.entities import find_actors, organization_type
from kgraph.extract.gazetteer import load_gazetteer
from kgraph.extract.headers import signer
from kgraph.extract.nonactors import newspaper, shouted_surname, thing_named, title_only
from kgraph.extract.persons import Names
from kgraph.normalize.quality import name_problem
from kgraph.types import Document, Markup


def test_names_of_things_titles_and_sessions():
    for thing in ("Geneva Treaty", "Military Assistance Program", "Armistice Line",
                  "Status of Forces", "Normalization of Trade Relations", "Free World",
                  "MAP", "CINCPAC OPLAN", "Forward Floating Depot"):
        assert thing_named(thing) == "a thing, not an actor", thing
    for title in ("Senate Speaker", "Ministers in Assembly", "Chiefs of Armed Services"):
        assert thing_named(title) == "an office holder's title", title
    for session in ("Twentieth Party Congress", "22nd Party Congress", "Third Plenum"):
        assert thing_named(session) == "a session, not an actor", session
    for actor in ("Joint Committee", "Country Team", "North Atlantic Treaty Organization",
                  "Tenth Department", "National Assembly", "Workers' Party of Korea", "CINCPAC",
                  "Economic Planning Board", "Department of State"):
        assert thing_named(actor) is None, actor


def test_title_only_newspapers_shouted_surnames_and_typed_countries():
    assert title_only("Deputy Assistant Under-Secretary") and title_only("Vice Minister")
    assert not title_only("Deputy Kim") and not title_only("Irén Rózsa")
    assert newspaper("Hankook Ilbo") and newspaper("Asahi Shimbun")
    assert not newspaper("Ilbo") and not newspaper("Kim Il Sung")
    assert shouted_surname("MOROZOV") and shouted_surname("KOVALEVSKY")
    assert not shouted_surname("CINCPAC") and not shouted_surname("Morozov") \
        and not shouted_surname("USSR")
    gazetteer = load_gazetteer()
    assert gazetteer.country_misspelt("United Stated") == "United States"
    assert gazetteer.country_misspelt("Sooth Korea") == "South Korea"
    assert gazetteer.country_misspelt("Iraq") is None  # one-word names are too close
    assert gazetteer.country_misspelt("North Korea") is None  # a name, not a misspelling


def test_two_signatures_and_classifications_are_no_persons():
    assert name_problem("N. Petrov K. Sidorov", "Person") == "two names joined"
    assert name_problem("Top Secret", "Person") == "document furniture"
    assert name_problem("Eyes Only", "Person") == "document furniture"
    assert name_problem("B.N. Vereshchagin", "Person") is None
    assert organization_type("Kyoto University's Department of Law") == "Institution"


def _actors(nlp, text: str) -> dict[str, str]:
    return {e.name: e.type for e in find_actors(nlp(text), load_gazetteer()).entities.values()}


@pytest.mark.parametrize(("text", "absent", "present"), [
    # agreements, programmes and topics the model calls organisations
    ("The ambassador asked for more funds under the Military Assistance Program and the SOFA.",
     {"Military Assistance Program", "SOFA"}, {}),
    ("They spoke about Normalization of Trade Relations and the Peace Zone.",
     {"Normalization of Trade Relations"}, {}),
    # a name ending in a common noun in lower case; a capitalised "Reserve" is a name
    ("The planners moved the Pacific Command area reserve to Okinawa.",
     {"Pacific Command area reserve"}, {}),
    ("The Federal Reserve said it would act soon.", set(), {"Federal Reserve": "Organization"}),
    # the venue of a meeting, named only as the place of "at"
    ("Their first round of talks took place at Maison Verte, a villa by the lake.",
     {"Maison Verte"}, {}),
    # a capitalised common noun after "a"
    ("He was nominated for a Ford Foundation Leader Grant next year.",
     {"Grant"}, {"Ford Foundation": "Institution"}),
    # one session of a party's congress
    ("The Nineteenth Party Congress closed on Sunday.", {"Nineteenth Party Congress"}, {}),
    # two signatures on one line
    ("Respectfully, N. Petrov K. Sidorov", {"N. Petrov K. Sidorov"}, {}),
    # a cable's instruction read into the name after it
    ("1402. Pass White House, CIA, USIA.", {"Pass White House"}, {"White House": "Organization"}),
    # a shouted Russian surname is a person; a misspelt country is the country
    ("Please acquaint MOROZOV with the content of point three of this telegram.",
     {"MOROZOV"}, {"Morozov": "Person"}),
    ("Talks between North Korea and the United Stated resumed on Monday.",
     {"United Stated"}, {"United States": "Country"}),
    # a post named in lower case after its country's demonym; "at" or "in" its capital
    ("The defector asked for asylum at the South Korean embassy in Beijing on Wednesday.",
     {"embassy in Beijing"}, {"South Korean Embassy in China": "Embassy"}),
    ("If he was in the South Korean embassy at Beijing, he was safe.",
     {"embassy at Beijing"}, {"South Korean Embassy in China": "Embassy"}),
    # a newspaper the model calls a person
    ("Troops broke into the Hankook Ilbo office on Tuesday.", set(),
     {"Hankook Ilbo": "Organization"}),
])
def test_spans_that_are_not_actors(nlp, text, absent, present):
    found = _actors(nlp, text)
    assert not absent & found.keys(), found
    for name, kind in present.items():
        assert found.get(name) == kind, found


def test_an_actor_named_as_a_place_and_as_an_agent_stays(nlp):
    found = _actors(nlp, "The talks were held at Maison Verte. Maison Verte said it would "
                         "host the next round.")
    assert found.get("Maison Verte") == "Organization", found


def test_a_signature_title_takes_the_name_above_it(nlp):
    text = "We thank you for your cooperation.\n\nOlga Varga\nDeputy Assistant Under-Secretary\n"
    start = text.index("Deputy")
    document = Document("letter", text, markup=[Markup(start, start + 32, "signature")])
    names = [e.name for e in signer(document, Names(load_gazetteer()))]
    assert names == ["Olga Varga"]
    closing = "Regards,\n\nBy order of the Minister\nDeputy Assistant Under-Secretary\n"
    start = closing.index("Deputy")
    document = Document("letter", closing, markup=[Markup(start, start + 32, "signature")])
    assert signer(document, Names(load_gazetteer())) == []
