"""The data types every stage shares: Document, Entity, Relation, Evidence.

Readers produce `Document`s, the extraction stage turns each into an
`Extraction` (entities and relations), the graph stage turns that into RDF.
They are plain dataclasses so that they pickle, compare and print well.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from kgraph.normalize.spans import trim_span

RelationType = str  # a type declared in kgraph/data/relations.yaml (see kgraph.schema)
Modality = Literal["asserted", "negated", "planned"]
MODALITIES: tuple[str, ...] = ("asserted", "planned", "negated")

# Entity types; the four organisation subtypes are kinds of "Organization".
ENTITY_TYPES: tuple[str, ...] = (
    "Person",
    "Organization",
    "Ministry",
    "Embassy",
    "Party",
    "Government",
    "Institution",
    "Country",
)


def date_precision(iso: str | None) -> str | None:
    """Precision of an ISO date: ``"1997-03-19"`` → ``"day"``, ``"2018-09"`` → ``"month"``."""
    if not iso:
        return None
    return {10: "day", 7: "month", 4: "year"}.get(len(iso))


@dataclass(frozen=True)
class Markup:
    """A span of the document text that the source itself marked up.

    FRUS TEI, for example, links ``<persName corresp="#p_RD1">Rusk</persName>``
    to the volume's persons list: ``Markup(start, end, "persName", "p_RD1")``.
    """

    start: int
    end: int
    tag: str
    value: str = ""


@dataclass
class Document:
    """One source document as a reader found it.

    `text` is the reading text; every offset kgraph reports (evidence,
    mentions) points into it. `date` is ISO 8601 at day, month or year
    precision (see `date_precision`).
    """

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    source: str = ""
    format: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    markup: list[Markup] = field(default_factory=list)

    @property
    def date_precision(self) -> str | None:
        return date_precision(self.date)


@dataclass(frozen=True)
class Evidence:
    """The sentence that states a relation, with offsets into `Document.text`."""

    text: str
    start: int
    end: int

    @classmethod
    def from_span(cls, text: str, start: int, end: int) -> Evidence:
        """Evidence for text[start:end], surrounding white space left out."""
        start, end = trim_span(text, start, end)
        return cls(text[start:end], start, end)


@dataclass
class Entity:
    """An actor found in one document.

    `id` is a stable key derived from type and canonical name
    (``"Person/kim-jong-un"``), the same in every document that names the actor.
    """

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    country: str | None = None
    external_ids: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "roles": list(self.roles),
        }


@dataclass
class Relation:
    """A directed statement ``subject --type--> object`` with its provenance."""

    type: str
    subject: str
    object: str
    evidence: Evidence
    date: str | None = None
    modality: str = "asserted"
    medium: str | None = None
    confidence: float = 0.5
    extractor: str = ""

    def key(self) -> tuple[str, str, str, str | None, str]:
        """What makes two relations the same statement (evidence aside)."""
        return (self.type, self.subject, self.object, self.date, self.modality)

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "subject": self.subject,
            "object": self.object,
            "date": self.date,
            "modality": self.modality,
            "medium": self.medium,
            "evidence": asdict(self.evidence),
            "confidence": round(self.confidence, 3),
            "extractor": self.extractor,
        }


@dataclass
class Extraction:
    """What the extraction stage found in one document."""

    document: Document
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The fixed `kgraph extract` shape, one object per document."""
        return {
            "document": self.document.id,
            "title": self.document.title,
            "date": self.document.date,
            "entities": [e.to_json() for e in self.entities],
            "relations": [r.to_json() for r in self.relations],
        }
