"""Precision, recall and F1 of extracted relations against gold, per type and source.

A prediction and a gold relation match when they agree on type and modality and
both ends name the same actors (the entity's name or any alias, compared as
`kgraph.evaluation.names` says; a symmetric type such as ``metWith`` in either order).
Each gold relation matches at most one prediction, preferring the one with the same date.
Dates are then compared at the gold's precision ("2018-09" accepts "2018-09-19"). Unmatched
predictions are false positives, except a meeting of two co-participants of one
listed meeting and a prediction that matches a ``doubtful`` entry: those count
neither way (ANNOTATION.md, "Scoring").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from kgraph.evaluation.gold import MEETING, GoldDocument, GoldRelation
from kgraph.evaluation.names import NameForms, names_match
from kgraph.extract.rules import rule_id
from kgraph.schema import relation_schema
from kgraph.types import Document, Extraction, Relation

HEADER_EXTRACTORS = ("heading", "participants", "address", "signature")


@dataclass
class Counts:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.true_positives += other.true_positives
        self.false_positives += other.false_positives
        self.false_negatives += other.false_negatives

    def to_json(self) -> dict:
        return {"tp": self.true_positives, "fp": self.false_positives,
                "fn": self.false_negatives, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


@dataclass
class Miss:
    kind: str  # "missed", "wrong modality" (gold), "spurious" (not in gold) or "wrong date"
    document: str
    type: str
    subject: str
    object: str
    date: str | None
    evidence: str | None


@dataclass
class Report:
    by_type: dict[str, Counts] = field(default_factory=dict)
    by_source: dict[str, Counts] = field(default_factory=dict)
    overall: Counts = field(default_factory=Counts)
    by_rule: dict[str, Counts] = field(default_factory=dict)  # precision of each rule
    dates_matched: int = 0  # matched relations whose gold date is known
    dates_correct: int = 0
    modality_wrong: int = 0  # gold relations found only with another modality
    misses: list[Miss] = field(default_factory=list)
    documents: int = 0
    unmatched_gold_documents: list[str] = field(default_factory=list)

    @property
    def date_accuracy(self) -> float:
        return self.dates_correct / self.dates_matched if self.dates_matched else 1.0

    @property
    def modality_accuracy(self) -> float:
        tp = self.overall.true_positives
        return tp / (tp + self.modality_wrong) if tp + self.modality_wrong else 1.0

    def count(self, kind: str, relation_type: str, source: str) -> None:
        for counts in (self.by_type.setdefault(relation_type, Counts()),
                       self.by_source.setdefault(source, Counts()), self.overall):
            setattr(counts, kind, getattr(counts, kind) + 1)

    def count_rule(self, kind: str, relation: Relation) -> None:
        name = rule_id(relation.extractor) or relation.extractor or "unknown"
        counts = self.by_rule.setdefault(name, Counts())
        setattr(counts, kind, getattr(counts, kind) + 1)

    def add(self, other: Report) -> None:
        """Fold another report into this one (micro totals over corpora)."""
        for mine, theirs in ((self.by_type, other.by_type), (self.by_source, other.by_source),
                             (self.by_rule, other.by_rule)):
            for key, counts in theirs.items():
                mine.setdefault(key, Counts()).add(counts)
        self.overall.add(other.overall)
        for name in ("dates_matched", "dates_correct", "modality_wrong", "documents"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses.extend(other.misses)
        self.unmatched_gold_documents.extend(other.unmatched_gold_documents)

    def to_json(self) -> dict:
        return {
            "documents": self.documents,
            "overall": self.overall.to_json(),
            "by_type": {k: v.to_json() for k, v in sorted(self.by_type.items())},
            "by_source": {k: v.to_json() for k, v in sorted(self.by_source.items())},
            "date_accuracy": round(self.date_accuracy, 3), "dates_compared": self.dates_matched,
            "modality_accuracy": round(self.modality_accuracy, 3),
            "by_rule": {k: v.to_json() for k, v in sorted(self.by_rule.items())},
            "unmatched_gold_documents": self.unmatched_gold_documents,
            "misses": [vars(m) for m in self.misses],
        }


def source_of(relation: Relation) -> str:
    """``header`` for relations read from headings, participant lists or address lines."""
    return "header" if relation.extractor.startswith(HEADER_EXTRACTORS) else "body"


_NOBODY = NameForms(frozenset())


def _keys(extraction: Extraction) -> dict[str, NameForms]:
    keys: dict[str, NameForms] = {}
    for entity in extraction.entities:
        bare = entity.type == "Person" and len(entity.name.replace("-", " ").split()) == 1
        keys[entity.id] = NameForms.of([entity.name, *entity.aliases],
                                       list(entity.external_ids.values()), bare)
    return keys


def _ends_match(gold: GoldRelation, relation: Relation, keys: dict[str, NameForms]) -> bool:
    subject, obj = keys.get(relation.subject, _NOBODY), keys.get(relation.object, _NOBODY)
    if names_match(subject, gold.subject) and names_match(obj, gold.object):
        return True
    return relation_schema()[gold.type].symmetric and names_match(obj, gold.subject) \
        and names_match(subject, gold.object)


def _matches(gold: GoldRelation, relation: Relation, keys: dict[str, NameForms]) -> bool:
    return relation.type == gold.type and relation.modality == gold.modality \
        and _ends_match(gold, relation, keys)


def _neutral(gold: GoldDocument, relation: Relation, keys: dict[str, NameForms]) -> bool:
    """A prediction that counts neither way: a doubtful case, or two co-participants."""
    if any(_matches(d, relation, keys) for d in gold.doubtful):
        return True
    if relation.type != MEETING:
        return False
    subject, obj = keys.get(relation.subject, _NOBODY), keys.get(relation.object, _NOBODY)
    for meeting in gold.participants:
        a = {i for i, person in enumerate(meeting) if names_match(subject, person)}
        b = {i for i, person in enumerate(meeting) if names_match(obj, person)}
        if a and b and (len(a | b) > 1):
            return True
    return False


def _same_date(gold: str | None, found: str | None) -> bool:
    return gold is None or (found is not None and found.startswith(gold))


def _score_document(report: Report, gold: GoldDocument, extraction: Extraction) -> None:
    keys = _keys(extraction)
    predicted = list(extraction.relations)
    used: set[int] = set()
    for g in gold.relations:
        candidates = [i for i, r in enumerate(predicted)
                      if i not in used and _matches(g, r, keys)]
        candidates.sort(key=lambda i: not _same_date(g.date, predicted[i].date))
        if not candidates:
            report.count("false_negatives", g.type, g.source)
            other_modality = any(r.type == g.type and _ends_match(g, r, keys) for r in predicted)
            report.modality_wrong += other_modality
            report.misses.append(Miss("wrong modality" if other_modality else "missed",
                                      gold.ids[0], g.type, g.subject_name, g.object_name,
                                      g.date, g.evidence))
            continue
        found = predicted[candidates[0]]
        used.add(candidates[0])
        report.count("true_positives", g.type, g.source)
        report.count_rule("true_positives", found)
        if g.date is not None:
            report.dates_matched += 1
            report.dates_correct += _same_date(g.date, found.date)
            if not _same_date(g.date, found.date):
                report.misses.append(Miss("wrong date", gold.ids[0], g.type, g.subject_name,
                                          g.object_name, f"{g.date} (found {found.date})",
                                          found.evidence.text))
    names = {e.id: e.name for e in extraction.entities}
    for i, r in enumerate(predicted):
        if i in used or _neutral(gold, r, keys):
            continue
        report.count("false_positives", r.type, source_of(r))
        report.count_rule("false_positives", r)
        report.misses.append(Miss("spurious", gold.ids[0], r.type, names.get(r.subject, r.subject),
                                  names.get(r.object, r.object), r.date, r.evidence.text))


def score(gold: Iterable[GoldDocument], extractions: Iterable[Extraction]) -> Report:
    """Compare extractions with the gold documents that share their id.

    Documents without gold are not scored; gold documents with no extraction
    are listed in `Report.unmatched_gold_documents` and count as misses.
    """
    by_id: dict[str, GoldDocument] = {}
    for document in gold:
        for key in document.ids:
            by_id[key] = document
    report = Report()
    seen: set[int] = set()
    for extraction in extractions:
        document = by_id.get(extraction.document.id)
        if document is None:
            continue
        seen.add(id(document))
        report.documents += 1
        _score_document(report, document, extraction)
    for document in {id(d): d for d in by_id.values()}.values():
        if id(document) not in seen:
            report.unmatched_gold_documents.append(document.ids[0])
            _score_document(report, document, Extraction(Document(document.ids[0], ""), [], []))
    return report

