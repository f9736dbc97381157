"""Gold annotations: one JSON object per document, with the relations it states.

Two spellings of a type are read, the project's own and the FRUS dev set's (a type's
``gold`` labels in ``kgraph/data/relations.yaml``)::

    {"id": "s01", "text": "…", "relations": [
        {"type": "sentLetterTo", "subject": "Kim Young-sam", "object": "Jiang Zemin",
         "date": "1997-03-19", "modality": "asserted", "aliases": {"Kim": "Kim Young-sam"}}]}
    {"id": "d1", "volume": "frus1964-68v29p1", "gold": [
        {"type": "SENT_LETTER_TO", "subject": "Embassy in Korea", "subject_aliases": [...],
         "source": "header", ...}]}

A gold line with a ``text`` is also a document (the JSON Lines reader reads it),
so a gold file can be its own corpus. ``participants`` (one list per meeting, each person
a list of acceptable names) and ``doubtful`` (leftover cases, shaped like gold) are read
as ANNOTATION.md's "Scoring" section says; prose ``doubtful`` entries are skipped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from kgraph.evaluation.names import NameForms
from kgraph.readers.base import ReaderError
from kgraph.schema import relation_schema

MEETING = "metWith"  # the type ANNOTATION.md's ``participants`` lists are about


@dataclass
class GoldRelation:
    type: str
    subject: NameForms  # the names the subject may appear under
    object: NameForms
    subject_name: str
    object_name: str
    date: str | None = None
    modality: str = "asserted"
    source: str = "body"  # "header" (heading, participants, address) or "body"
    evidence: str | None = None


@dataclass
class GoldDocument:
    ids: tuple[str, ...]  # any of these matches a document's id
    relations: list[GoldRelation] = field(default_factory=list)
    doubtful: list[GoldRelation] = field(default_factory=list)
    # One entry per meeting: the names of each participant.
    participants: list[list[NameForms]] = field(default_factory=list)


def _names(record: dict, side: str) -> NameForms:
    names = [record[side], *record.get(f"{side}_aliases", [])]
    return NameForms.of([n for n in names if isinstance(n, str)], [record.get(f"{side}_id")])


def _relation(record: dict) -> GoldRelation:
    kind = relation_schema().from_gold(record["type"])
    if kind is None:
        raise ValueError(f"unknown relation type {record['type']!r}")
    return GoldRelation(
        type=kind,
        subject=_names(record, "subject"),
        object=_names(record, "object"),
        subject_name=record["subject"],
        object_name=record["object"],
        date=record.get("date"),
        modality=record.get("modality") or "asserted",
        source=record.get("source") or "body",
        evidence=record.get("evidence"),
    )


def _header_meetings(relations: list[GoldRelation]) -> list[list[NameForms]]:
    """Without a ``participants`` field, the header meetings of one date are one meeting."""
    by_date: dict[str | None, list[NameForms]] = {}
    for r in relations:
        if r.type == MEETING and r.source == "header":
            by_date.setdefault(r.date, []).extend([r.subject, r.object])
    return list(by_date.values())


def _document(record: dict) -> GoldDocument:
    ids = [str(record["id"])]
    if record.get("volume") and not ids[0].startswith(record["volume"]):
        ids.append(f"{record['volume']}_{record['id']}")
    relations = [_relation(r) for r in record.get("relations", record.get("gold", []))]
    doubtful = [_relation(r) for r in record.get("doubtful") or []
                if isinstance(r, dict) and relation_schema().from_gold(str(r.get("type")))]
    if "participants" in record:
        meetings = [[NameForms.of(list(person)) for person in meeting]
                    for meeting in record["participants"] or []]
    else:
        meetings = _header_meetings(relations)
    return GoldDocument(tuple(ids), relations, doubtful, meetings)


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Every gold document in a JSON Lines file; a bad line raises `ReaderError` naming it."""
    path = Path(path)
    documents = []
    for number, line in enumerate(path.read_text("utf-8").split("\n"), start=1):
        if not line.strip():
            continue
        try:
            documents.append(_document(json.loads(line)))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
            raise ReaderError(path, f"line {number}: bad gold record ({error})") from None
    return documents
