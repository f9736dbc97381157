"""The bundled gazetteer is data the project owns: check it like code."""

from __future__ import annotations

import re

import pycountry

from kgraph.extract.gazetteer import load_gazetteer
from kgraph.normalize.names import name_key


def test_country_codes_are_iso_3166():
    gazetteer = load_gazetteer()
    for entry in (e for e in gazetteer.entries if e.type == "Country"):
        code = entry.ids.get("iso")
        if code is None:  # South Vietnam, West Germany: no ISO code of their own
            assert "wikidata" in entry.ids, entry.name
            continue
        known = pycountry.countries.get(alpha_3=code) or pycountry.historic_countries.get(
            alpha_3=code)
        assert known is not None, f"{entry.name}: {code} is not an ISO 3166 code"


def test_identifiers_are_well_formed_and_aliases_unambiguous():
    gazetteer = load_gazetteer()
    owners: dict[tuple[str, str], str] = {}
    for entry in gazetteer.entries:
        if "wikidata" in entry.ids:
            assert re.fullmatch(r"Q\d+", entry.ids["wikidata"]), entry.name
        kind = "Person" if entry.type == "Person" else entry.type
        for name in (entry.name, *entry.aliases):
            key = (kind, name_key(name))
            assert owners.setdefault(key, entry.name) == entry.name, (name, entry.name)


def test_the_kims_are_six_people():
    gazetteer = load_gazetteer()
    names = ["Kim Il Sung", "Kim Jong-il", "Kim Jong-un", "Kim Young-sam", "Kim Dae-jung"]
    assert len({gazetteer.canonical_person(n) for n in names}) == 5
    assert gazetteer.canonical_person("Kim Cheon-shik") is None
    assert gazetteer.canonical_person("Kim Jong Un") == "Kim Jong-un"
    assert gazetteer.canonical_person("Chou En-lai") == "Zhou Enlai"


def test_states_history_keeps_apart_stay_apart():
    gazetteer = load_gazetteer()
    for a, b in [("North Korea", "South Korea"), ("North Vietnam", "South Vietnam"),
                 ("East Germany", "West Germany"), ("China", "Taiwan"),
                 ("Soviet Union", "Russia"), ("Federal Republic of Germany", "GDR"),
                 ("South Viet Nam", "Democratic Republic of Vietnam")]:
        assert gazetteer.country(a) != gazetteer.country(b), (a, b)
    assert gazetteer.country("Viet Nam") == "Vietnam"


def test_any_iso_country_is_a_country_but_never_matched_in_text():
    gazetteer = load_gazetteer()
    mexico = gazetteer.entity("Country", "Mexico")
    assert (mexico.name, mexico.external_ids) == ("Mexico", {"iso": "MEX"})
    assert gazetteer.country("Iran") == "Iran"  # ISO: "Iran, Islamic Republic of"
    assert gazetteer.country("Czechoslovakia") == "Czechoslovakia"  # a former state
    assert gazetteer.country("Congo") is None  # two states by that name: neither
    assert gazetteer.country("Ohio") is None
    assert gazetteer.country("Korea") == "South Korea"  # the gazetteer's own entries first
    patterns = {p["pattern"] for p in gazetteer.ruler_patterns()}
    assert "Jordan" not in patterns and "Chad" not in patterns  # may be a person's name


def test_a_country_the_gazetteer_does_not_list_is_an_actor(nlp):
    from kgraph.extract.entities import find_actors

    doc = nlp("Talks between Guatemala and Thailand on rice exports began in Ohio.")
    found = {e.name: (e.type, e.external_ids.get("iso"))
             for e in find_actors(doc, load_gazetteer()).entities.values()}
    assert found == {"Guatemala": ("Country", "GTM"), "Thailand": ("Country", "THA")}
