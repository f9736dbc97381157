"""A store-sized graph shaped like a real build, written by kgraph's own RDF writer.

Synthetic documents with actors drawn from a pool (a few very active, most rare),
letters, meetings and defections with dates, modalities, evidence and roles.
"""

from __future__ import annotations

import random

from kgraph.graph.rdf import extraction_graph
from kgraph.types import Document, Entity, Evidence, Extraction, Relation

COUNTRIES = ["North Korea", "South Korea", "China", "United States", "Soviet Union", "Japan"]
RELATIONS = ("sentLetterTo", "metWith", "defectedFrom")


def _actor(number: int) -> Entity:
    country = COUNTRIES[number % len(COUNTRIES)]
    if number % 10 == 9:
        name = f"Ministry {number} of {country}"
        return Entity(f"Ministry/ministry-{number}", name, "Ministry", country=country)
    return Entity(f"Person/actor-{number}", f"Actor {number}", "Person", aliases=[f"A. {number}"],
                  roles=[f"Minister ({country})"] if number % 7 == 0 else [], country=country)


def _document(rng: random.Random, number: int, pool: int, source: str) -> Extraction:
    sentences, relations, entities = [], [], {}
    countries = {c: Entity(f"Country/{c.lower().replace(' ', '-')}", c, "Country")
                 for c in COUNTRIES}
    for k in range(6):
        a = _actor(int(rng.paretovariate(1.2)) % pool)
        b = _actor(int(rng.paretovariate(1.2) * 7) % pool)
        if a.id == b.id:
            continue
        kind = RELATIONS[k % 3]
        target = countries[a.country] if kind == "defectedFrom" else b
        entities.update({a.id: a, target.id: target})
        text = f"{a.name} and {b.name} in sentence {k} of report {number}."
        start = sum(len(s) + 1 for s in sentences)
        sentences.append(text)
        year = rng.randint(1950, 2019)
        relations.append(Relation(
            kind, a.id, target.id, Evidence(text, start, start + len(text)),
            date=f"{year}-{rng.randint(1, 12):02d}" if k % 4 else str(year),
            modality=rng.choice(("asserted",) * 6 + ("planned", "negated")),
            medium="letter" if kind == "sentLetterTo" else None, confidence=0.8,
            extractor="dep:benchmark"))
    for entity in list(entities.values()):
        if entity.country:
            entities.setdefault(countries[entity.country].id, countries[entity.country])
    document = Document(f"report-{number:06d}", " ".join(sentences), title=f"Report {number}",
                        date=f"{rng.randint(1950, 2019)}-01-01", source=source,
                        format="text")
    return Extraction(document, list(entities.values()), relations)


def synthetic_documents(triples: int, seed: int = 3, source: str = "synthetic"
                        ) -> tuple[list[tuple[str, bytes, int]], dict[str, str]]:
    """(document id, N-Triples, triple count) until `triples`, and query parameters that
    name actors present in them. Every document says it was read from `source` (a
    build keeps documents whose file exists and lies outside what it reads)."""
    rng = random.Random(seed)
    pool = max(1000, triples // 50)
    documents, total, number = [], 0, 0
    while total < triples:
        graph = extraction_graph(_document(rng, number, pool, source), "0.1.0",
                                 "en_core_web_sm-3.8.0")
        documents.append((f"report-{number:06d}", graph.ntriples(),
                          len(graph)))
        total += len(graph)
        number += 1
    # A typical actor, not the biggest hub: Actor 25 takes part in ~0.2% of relations.
    params = {"person": "Actor 25", "a": "Actor 25", "b": "Actor 7", "from": "1960-03",
              "to": "1960-04", "country": "China", "subject": "Actor 25",
              "relation": "sentLetterTo", "object": "Actor 7"}
    return documents, params
