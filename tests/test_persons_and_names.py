"""Persons lists, telegraphese names and the tokenizer rule for Korean given names."""

from __future__ import annotations

import pytest

from kgraph.extract.entities import organization_entity
from kgraph.extract.gazetteer import load_gazetteer
from kgraph.extract.persons import PersonsList

PEOPLE = {
    "p_CDS": {"name": "Choi Doo Sun", "role": "Republic of Korea Prime Minister until May 1964",
              "display_name": "Choi Doo Sun"},
    "p_CIK": {"name": "Chong Il-kwon (Chung Il-kwon)",
              "role": "Republic of Korea Prime Minister from May 1964",
              "display_name": "Chong Il-kwon"},
    "p_IH": {"name": "Ikeda, Hayato", "role": "Japanese Prime Minister until November 1964",
             "display_name": "Hayato Ikeda"},
    "p_KCP": {"name": "Kim Chong-pil", "role": "Chairman of the Democratic Republican Party",
              "display_name": "Kim Chong-pil"},
    "p_LTW": {"name": "Lee Tong-won (Yi Tong-won)",
              "role": "Republic of Korea Foreign Minister until May 1964; and July 1964–December 1966",
              "display_name": "Lee Tong-won"},
    "p_YTW": {"name": "Yi Tong-won", "role": "see Lee Tong Won", "display_name": "Yi Tong-won"},
}


def test_office_holder_at_the_document_month_and_in_its_country():
    before, after = PersonsList(PEOPLE, (1964, 3)), PersonsList(PEOPLE, (1964, 7))
    text = "Korea Korea Korean"
    assert before.by_title("Prime Minister", text) == "Choi Doo Sun"
    assert after.by_title("the Prime Minister", text) == "Chong Il-kwon"
    assert PersonsList(PEOPLE, (1964, 9)).by_title("Foreign Minister", text) == "Lee Tong-won"


def test_initials_cross_references_and_titled_surnames():
    people = PersonsList(PEOPLE, (1964, 7))
    assert people.by_initials("KCP") == "Kim Chong-pil"
    assert people.resolve("p_YTW").display == "Lee Tong-won"
    assert people.by_surname("Yi", "Foreign Minister") == "Lee Tong-won"
    assert people.by_surname("Chong", "Prime Minister") == "Chong Il-kwon"
    assert people.by_surname("Chong", "Minister of the Economic Planning Board") is None


def test_hyphenated_given_names_stay_whole(nlp):
    doc = nlp("Moon Jae-in wrote to Kim Jong-un about Sino-Soviet co-operation.")
    assert "Jae-in" in [t.text for t in doc]
    assert {"Sino", "Soviet", "co", "operation"} <= {t.text for t in doc}
    assert {("Moon Jae-in", "PERSON"), ("Kim Jong-un", "PERSON")} <= {
        (e.text, e.label_) for e in doc.ents}


def test_kim_in_a_letter_story_binds_to_the_leader_not_the_commentator(nlp):
    from kgraph.extract import extract_document
    from kgraph.types import Document

    text = ("North Korean leader Kim Jong-un sent a letter to Donald Trump in September 2018. "
            "Former vice minister Kim Cheon-shik said the letter showed trust. "
            "In a second letter on September 21, 2018, Kim asked for another summit.")
    extraction = extract_document(Document(id="x", text=text, date="2018-09-30"), nlp)
    letters = {(r.subject, r.object, r.date) for r in extraction.relations}
    assert ("Person/kim-jong-un", "Person/donald-trump", "2018-09") in letters
    assert not any("kim-cheon-shik" in r.subject for r in extraction.relations)


def test_a_nickname_finds_the_listed_person():
    from kgraph.extract.persons import PersonsList

    people = PersonsList({"p1": {"name": "Komer, Robert W.", "display_name": "Robert W. Komer",
                                 "role": "National Security Council Staff"},
                          "p2": {"name": "Bundy, William P.", "display_name": "William P. Bundy",
                                 "role": "Assistant Secretary of State"}}, (1964, 5))
    assert people.by_name("Bob Komer") == "Robert W. Komer"
    assert people.by_name("Bill Bundy") == "William P. Bundy"
    assert people.by_name("Bill Komer") is None


def test_an_embassy_is_named_by_its_country():
    from kgraph.extract.entities import organization_entity
    from kgraph.extract.gazetteer import load_gazetteer

    seoul = organization_entity(load_gazetteer(), "Embassy", "Embassy in Seoul")
    assert (seoul.name, seoul.aliases) == ("Embassy in Korea", ["Embassy in Seoul"])
    assert organization_entity(load_gazetteer(), "Embassy", "Chinese Embassy in Pyongyang"
                               ).name == "Chinese Embassy in North Korea"


@pytest.mark.parametrize(("written", "canonical"), [
    ("USSR Foreign Ministry", "Ministry of Foreign Affairs (Soviet Union)"),
    ("the Chinese Foreign Ministry", "Ministry of Foreign Affairs (China)"),
    ("Ministry of Foreign Affairs of the USSR", "Ministry of Foreign Affairs (Soviet Union)"),
    ("Foreign Ministry", "Foreign Ministry"),  # whose: the document's home decides later
])
def test_foreign_ministries_get_the_one_canonical_name(written, canonical):
    assert organization_entity(load_gazetteer(), "Ministry", written).name == canonical


def _names_of(tmp_path, text: str):
    from kgraph.extract.persons import names_for
    from kgraph.readers import read_paths

    (tmp_path / "telegram.txt").write_text(text, "utf-8")
    return names_for(next(read_paths([tmp_path])), load_gazetteer())


def test_a_lone_surname_is_the_leader_of_the_country_written_from(tmp_path):
    """A telegram from Seoul in 1965 says "Pak" for the President; East Asian surnames are
    otherwise too common to resolve alone, and another surname stays as written."""
    names = _names_of(tmp_path, (
        "Telegram From the Embassy in Korea to the Department of State\n\n"
        "Seoul, March 9, 1965.\n\nPak will receive the mission next week. Kim will not."))
    assert names.person("Pak").name == "Park Chung-hee"
    assert names.person("Kim").name == "Kim"
    assert names.home_leader("Chung") == "Chung Il-kwon"  # the Prime Minister then


def test_a_lone_surname_abroad_is_not_bound_to_the_leader(tmp_path):
    names = _names_of(tmp_path, (
        "Telegram From the Embassy in Japan to the Department of State\n\n"
        "Tokyo, March 9, 1965.\n\nPak will arrive on Monday."))
    assert names.person("Pak").name == "Pak"


def _actors(tmp_path, text: str, name: str = "memo.txt") -> dict[str, tuple[str, list[str]]]:
    """Actor name → (type, roles) of one written document."""
    from kgraph.extract import extract_document
    from kgraph.readers import read_paths

    (tmp_path / name).write_text(text, "utf-8")
    extraction = extract_document(next(read_paths([tmp_path / name])))
    return {e.name: (e.type, e.roles) for e in extraction.entities}


def test_a_department_and_its_secretary_read_as_one_organisation_are_the_secretary(tmp_path):
    actors = _actors(tmp_path, (
        "Memorandum for the Record\n\nWashington, May 4, 1965.\n\n"
        "The talks were attended by Secretary of Agriculture Freeman, Secretary of "
        "Treasury Dillon and the Ambassador."))
    assert not {"Agriculture Freeman", "Treasury Dillon"} & actors.keys()
    assert actors["Freeman"] == ("Person", ["Secretary of Agriculture"])


def test_a_cable_abbreviation_is_the_organisation_written_out(tmp_path):
    actors = _actors(tmp_path, (
        "Telegram From the Embassy in Korea to the Department of State\n\n"
        "Seoul, March 9, 1965.\n\nThe Korean Govt has asked for more aid."))
    assert "Korean Govt" not in actors and actors["Korean Government"][0] == "Government"


def test_a_heading_is_no_actor_but_an_organisation_on_its_own_line_is(nlp):
    """Whatever the model tags: a mention that is its line's heading is a section of the
    document, unless its head word names an organisation."""
    from spacy.tokens import Span

    from kgraph.extract.entities import _organization
    from kgraph.extract.persons import Names

    doc = nlp("Washington, May 4, 1965.\n\nTreasury Department Views\n\nThe loan should "
              "wait.\n\n2. The Supply of Fertilizer Plants\n\nBudget Consequences—As for "
              "the costs, they grow.\n\nDepartment of State\n\nThe Treasury Department "
              "Views are known.")
    gazetteer = load_gazetteer()

    def organization(words: str, occurrence: int = 0):
        start = [i for i in range(len(doc)) if doc[i:i + len(words.split())].text == words]
        span = Span(doc, start[occurrence], start[occurrence] + len(words.split()), "ORG")
        return _organization(span, gazetteer, Names(gazetteer))

    for heading in ("Treasury Department Views", "Supply of Fertilizer Plants",
                    "Budget Consequences"):
        assert organization(heading) is None, heading
    assert organization("Department of State").name == "Department of State"
    assert organization("Treasury Department Views", 1) is not None  # inside a sentence


@pytest.mark.parametrize("spelled", ["Yun Tae-shik", "Yun Tae-sik"])
def test_korean_romanisations_of_one_name_give_one_actor(spelled):
    from kgraph.normalize.names import name_key, slug

    assert slug(spelled) == "yun-tae-sik" and name_key(spelled) == "yuntaesik"
    assert slug("Chiang Kai-shek") == "chiang-kai-shek"  # Wade-Giles, and pinyin's Shi,
    assert slug("Shi Yinhong") != slug("Si Yinhong")      # keep their spelling


def test_a_bare_title_stands_for_its_office_not_any_office_with_its_head_word():
    from kgraph.extract.coref import _holds
    from kgraph.types import Entity

    def person(*roles: str) -> Entity:
        return Entity("Person/x", "X", "Person", roles=list(roles))

    assert _holds(person("Secretary of State"), "Secretary of State")
    assert _holds(person("Secretary"), "Secretary of State")
    assert not _holds(person("Secretary of Labor"), "Secretary of State")
    assert _holds(person("Ambassador to Korea"), "Ambassador")
    assert _holds(person("President of the Republic of Korea"), "President")
