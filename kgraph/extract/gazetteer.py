"""The bundled gazetteer (``kgraph/data/gazetteer.yaml``) as lookup tables.

>>> g = load_gazetteer()
>>> g.country("DPRK")
'North Korea'
>>> g.country_of_demonym("Chinese")
'China'
>>> g.canonical_person("Kim Jong Un")
'Kim Jong-un'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

import yaml

from kgraph.normalize.names import name_key, slug
from kgraph.types import Entity


def name_key_spaced(text: str) -> str:
    """Text folded like `name_key` but keeping word boundaries as single spaces."""
    return " " + " ".join(name_key(w) for w in text.split()) + " "


@dataclass
class GazetteerEntry:
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    ids: dict[str, str] = field(default_factory=dict)


@dataclass
class Gazetteer:
    entries: list[GazetteerEntry]
    demonyms: dict[str, str]
    _by_key: dict[tuple[str, str], GazetteerEntry] = field(default_factory=dict)
    _demonyms_longest_first: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Longest first, so that "North Korean" wins over "Korean".
        self._demonyms_longest_first = sorted(self.demonyms, key=len, reverse=True)
        for entry in self.entries:
            kind = "Person" if entry.type == "Person" else (
                "Country" if entry.type == "Country" else "Organization")
            for alias in [entry.name, *entry.aliases]:
                self._by_key.setdefault((kind, name_key(alias)), entry)

    def lookup(self, kind: str, name: str) -> GazetteerEntry | None:
        """Entry for a name of kind Person, Country or Organization; a country the gazetteer
        does not list may be any of ISO 3166's, current or former (`_iso_countries`)."""
        key = name_key(name)
        found = self._by_key.get((kind, key))
        if found is None and kind == "Country" and len(key) > 3:
            found = self._iso_countries.get(key)
        return found

    @cached_property
    def _iso_countries(self) -> dict[str, GazetteerEntry]:
        """ISO 3166 countries (pycountry) by each of their names: "Mexico", "Iran" for "Iran,
        Islamic Republic of", former ones ("Czechoslovakia"). Looked up only, never matched
        in text by the entity ruler: "Jordan" or "Chad" in a text may be a person."""
        import pycountry

        listed = {entry.ids.get("iso") for entry in self.entries if entry.type == "Country"}
        found: dict[str, list[GazetteerEntry]] = {}
        for country in [*pycountry.countries, *pycountry.historic_countries]:
            if country.alpha_3 in listed:
                continue
            names = [getattr(country, field, None) for field in
                     ("common_name", "name", "official_name")]
            names = [n for n in names if n] + [n.split(",")[0] for n in names if n and "," in n]
            entry = GazetteerEntry(names[0].split(",")[0], "Country", names[1:],
                                   ids={"iso": country.alpha_3})
            for name in names:
                found.setdefault(name_key(name), []).append(entry)
        # "Congo" is two states, "Korea" two: a name shared by several names none of them
        return {key: entries[0] for key, entries in found.items()
                if len({e.ids["iso"] for e in entries}) == 1}

    def entity(self, kind: str, name: str) -> Entity:
        """An `Entity` of `kind` for `name`, canonical name, type and ids from the gazetteer.

        >>> load_gazetteer().entity("Person", "Kim Jong Un").id
        'Person/kim-jong-un'
        """
        lookup_kind = kind if kind in {"Person", "Country"} else "Organization"
        entry = self.lookup(lookup_kind, name)
        if entry:
            kind = entry.type if lookup_kind == "Organization" else kind
            name = entry.name
        entity = Entity(id=f"{kind}/{slug(name)}", name=name, type=kind)
        if entry:
            entity.external_ids = dict(entry.ids)
            entity.country = entry.country
            entity.aliases = [a for a in entry.aliases if a != entity.name]
        return entity

    def country(self, name: str) -> str | None:
        entry = self.lookup("Country", name)
        return entry.name if entry else None

    def country_misspelt(self, name: str) -> str | None:
        """ "United Stated" → United States: a name of two words or more one letter away from
        a country's name or alias (one-word names are too close to each other: Iran, Iraq)."""
        words = name.split()
        if len(words) < 2:
            return None
        for entry in self.entries:
            if entry.type == "Country" and any(
                    len(known.split()) == len(words) and _one_edit(name, known)
                    for known in (entry.name, *entry.aliases)):
                return entry.name
        return None

    def country_of_demonym(self, word: str) -> str | None:
        return self.demonyms.get(name_key_spaced(word).strip())

    def country_in_text(self, text: str) -> str | None:
        """The first country named or implied by a demonym in `text`, longest names first."""
        folded = name_key_spaced(text)
        for demonym in self._demonyms_longest_first:
            if f" {demonym} " in folded:
                return self.demonyms[demonym]
        return None

    def canonical_person(self, name: str) -> str | None:
        entry = self.lookup("Person", name)
        return entry.name if entry else None

    def ruler_patterns(self) -> list[dict[str, Any]]:
        """EntityRuler patterns: every name and alias, labelled GPE, PERSON or ORG."""
        labels = {"Country": "GPE", "Person": "PERSON"}
        patterns = []
        for entry in self.entries:
            label = labels.get(entry.type, "ORG")
            for alias in [entry.name, *entry.aliases]:
                if len(alias) <= 2 and label != "GPE":
                    continue  # two-letter person/org initials are too ambiguous
                patterns.append({"label": label, "pattern": alias})
        return patterns


def _one_edit(a: str, b: str) -> bool:
    """`a` and `b` differ by exactly one letter changed, added or dropped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return a[i + 1:] == b[i + 1:] or a[i:] == b[i + 1:] or a[i + 1:] == b[i:]


def _entry(raw: dict[str, Any], kind: str) -> GazetteerEntry:
    ids = {k: str(raw[k]) for k in ("wikidata", "iso") if raw.get(k)}
    return GazetteerEntry(
        name=raw["name"],
        type=raw.get("type", kind),
        aliases=[str(a) for a in raw.get("aliases", [])],
        country=raw.get("country"),
        ids=ids,
    )


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    text = resources.files("kgraph").joinpath("data/gazetteer.yaml").read_text("utf-8")
    raw = yaml.safe_load(text)
    entries = [_entry(c, "Country") for c in raw.get("countries", [])]
    entries += [_entry(p, "Person") for p in raw.get("persons", [])]
    entries += [_entry(o, "Organization") for o in raw.get("organizations", [])]
    demonyms = {
        name_key_spaced(d).strip(): c["name"]
        for c in raw.get("countries", []) for d in c.get("demonyms", [])
    }
    return Gazetteer(entries, demonyms)
