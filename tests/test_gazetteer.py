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
