"""One node per real letter, meeting or defection, however many documents tell it.

Each document states its relations as event nodes of its own (`kgraph.graph.rdf`).
Here they are grouped: the same kind of relation between the same parties (sender and
addressee; the two participants of a symmetric type, in either order; the defector and the
state left), with the same modality and compatible dates, is one event. Dates are
compatible when one is the other at a coarser precision (``2019-02`` and ``2019-02-28``),
or, for meetings, days at most VISIT_DAYS apart (one visit told by its days); a coarse
date that fits two events stays an event of its own, and so does an undated
report when more than one dated event could be the one it tells, unless exactly
one of them is dated to the day within a month before the document telling the
report (the meeting a telegram reports without a date). The groups go
to the ``kgg:events`` graph: a `kg:MergedEvent` per group, with its kind, date,
modality and how many reports it has, and ``kg:partOf`` from each document's event.

>>> rows = [{"event": "e1", "relation": "metWith", "source": "a", "target": "b",
...          "modality": "asserted", "date": "2019-02-28"},
...         {"event": "e2", "relation": "metWith", "source": "a", "target": "b",
...          "modality": "asserted", "date": "2019-02"},
...         {"event": "e3", "relation": "metWith", "source": "a", "target": "b",
...          "modality": "asserted", "date": "2018-06-12"}]
>>> [e.reports for e in merge_events(rows)]
[['e3'], ['e1', 'e2']]
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import unquote

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from kgraph.graph.namespaces import KG, KGR, hashed_iri
from kgraph.graph.rdf import Triples, typed_date
from kgraph.schema import relation_schema


@dataclass
class MergedEvent:
    """One real event: its kind, parties, modality, most precise date and reports."""

    relation: str
    source: str
    target: str
    modality: str
    date: str | None
    reports: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # document ids, first report's first

    @property
    def iri(self) -> URIRef:
        return hashed_iri("merged", self.relation, self.source, self.target, self.modality,
                          self.date or "", min(self.reports))


def _document_id(iri: str) -> str:
    """``kgr:document/frus1964-68v29p1_d3`` → ``frus1964-68v29p1_d3``."""
    return unquote(str(iri).rsplit("/document/", 1)[-1])


def _key(row: dict[str, Any]) -> tuple[str, str, str, str]:
    ends = (row["source"], row["target"])
    if relation_schema()[row["relation"]].symmetric:  # a meeting has no direction
        ends = tuple(sorted(ends))
    return (row["relation"], *ends, row["modality"])


def _by_date(rows: list[dict[str, Any]]) -> list[tuple[str | None, list[dict[str, Any]]]]:
    """`rows` (one kind, same parties) split into events by compatible dates."""
    events: list[tuple[str | None, list[dict[str, Any]]]] = []
    dated = sorted((r for r in rows if r.get("date")), key=lambda r: (-len(r["date"]), r["date"]))
    for row in dated:  # the most precise first: coarser dates then join what they fit
        fits = [event for event in events if event[0].startswith(row["date"])]
        if not fits and row["relation"] == "metWith":
            fits = _same_visit(events, row["date"])
        if len(fits) == 1:
            fits[0][1].append(row)
        else:
            events.append((row["date"], [row]))
    for row in (r for r in rows if not r.get("date")):
        recent = _recent(events, row.get("document_date"))
        if len(events) == 1 and events[0][0] is not None:
            events[0][1].append(row)  # the one event these parties had: this report tells it
        elif not dated and events:
            events[0][1].append(row)  # no report dated: all undated reports are one event
        elif recent is not None:
            recent[1].append(row)
        else:
            events.append((None, [row]))
    return events


RECENT_DAYS = 31
# Meetings of the same two a few days apart are one visit or summit told by its days
# ("Kim visited Beijing from Sunday to Wednesday": reports date it to different days).
VISIT_DAYS = 3


def _same_visit(events: list[tuple[str | None, list]], day: str) -> list[tuple[str | None, list]]:
    if len(day) != 10:
        return []
    when = date.fromisoformat(day)
    return [event for event in events if event[0] and len(event[0]) == 10
            and abs((when - date.fromisoformat(event[0])).days) <= VISIT_DAYS]


def _recent(events: list[tuple[str | None, list]], written: str | None
            ) -> tuple[str | None, list] | None:
    """The one event dated to the day within RECENT_DAYS before `written` (the date of
    the document telling an undated report), or None: a telegram that says "the
    Secretary met President Park" without a date tells of the meeting just before it."""
    if not written or len(written) != 10:
        return None
    day = date.fromisoformat(written)
    near = [event for event in events if event[0] and len(event[0]) == 10
            and 0 <= (day - date.fromisoformat(event[0])).days <= RECENT_DAYS]
    return near[0] if len(near) == 1 else None


def merge_events(rows: Iterable[dict[str, Any]]) -> list[MergedEvent]:
    """Document events (rows with event, relation, source, target, modality, date and,
    optionally, document_date) grouped into real events, in a stable order."""
    groups: dict[tuple[str, str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[_key(row)].append(row)
    merged = []
    for (relation, source, target, modality), members in sorted(groups.items()):
        for when, reports in _by_date(members):
            reports = sorted(reports, key=lambda r: (str(r.get("document", "")),
                                                     r.get("start") or 0, r["event"]))
            sources = [_document_id(r["document"]) for r in reports if r.get("document")]
            merged.append(MergedEvent(relation, source, target, modality, when,
                                      [r["event"] for r in reports],
                                      list(dict.fromkeys(sources))))
    return merged


def pair_iri(writer: str, addressee: str) -> URIRef:
    """The node counting the letters `writer` sent `addressee` (a hash of both ends)."""
    return KGR[f"pair/{hashlib.sha1(f'{writer} {addressee}'.encode()).hexdigest()}"]


def letter_counts(events: Iterable[MergedEvent]) -> Counter[tuple[str, str]]:
    """(writer, addressee) → asserted letters, each counted once however often told."""
    return Counter((e.source, e.target) for e in events
                   if e.relation == "sentLetterTo" and e.modality == "asserted")


def events_graph(events: list[MergedEvent]) -> Triples:
    """The ``kgg:events`` graph: each merged event and the document events it gathers;
    and who wrote to whom how often, one `kg:CorrespondencePair` per ordered pair (what
    mutual-correspondents reads, instead of joining every letter with every other)."""
    graph = Triples()
    for (writer, addressee), count in sorted(letter_counts(events).items()):
        pair = pair_iri(writer, addressee)
        graph.add((pair, RDF.type, KG.CorrespondencePair))
        graph.add((pair, KG.writer, URIRef(writer)))
        graph.add((pair, KG.addressee, URIRef(addressee)))
        graph.add((pair, KG.letterCount, count))
    for event in events:
        node = event.iri
        graph.add((node, RDF.type, KG.MergedEvent))
        graph.add((node, KG.relation, KG[event.relation]))
        graph.add((node, KG.modality, KG[event.modality]))
        graph.add((node, KG.reportCount, len(event.reports)))
        if date := typed_date(event.date):
            graph.add((node, KG.date, date))
            graph.add((node, KG.year, Literal(event.date[:4], datatype=XSD.gYear)))
        graph.add((node, KG.firstReport, URIRef(event.reports[0])))
        if event.sources:  # for queries that list sources without grouping every report
            graph.add((node, KG.sources, " ".join(event.sources)))
        for report in event.reports:
            graph.add((URIRef(report), KG.partOf, node))
    graph.flush()
    return graph


def event_of(events: list[MergedEvent]) -> dict[str, MergedEvent]:
    """Document event IRI → the merged event it is part of."""
    return {report: event for event in events for report in event.reports}
