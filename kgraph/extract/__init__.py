"""The extraction stage: `Document`s in, `Extraction`s (entities, relations) out.

>>> from kgraph.readers import read_paths                     # doctest: +SKIP
>>> for result in extract_documents(read_paths(["corpus/"])):  # doctest: +SKIP
...     print(result.document.id, len(result.relations))

Documents stream through `nlp.pipe` in batches: nothing holds every parsed Doc.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from kgraph.extract.coref import Speakers, bind_references
from kgraph.extract.dating import StoryTime, after, cited_date, report_date
from kgraph.extract.doctext import doc_text
from kgraph.extract.entities import Actors, canonical_foreign_ministry, find_actors
from kgraph.extract.gazetteer import Gazetteer, load_gazetteer
from kgraph.extract.headers import document_speakers, heading_relations, home_country
from kgraph.extract.lexicon import lexicon
from kgraph.extract.nlp import load_pipeline, one_blas_thread
from kgraph.extract.persons import Names, names_for
from kgraph.extract.qualify import defection_origin, modality, past_tense, relation_date
from kgraph.extract.relations import Found, find_relations
from kgraph.memory import release_free_memory
from kgraph.normalize.brackets import CleanText, resolve_brackets
from kgraph.normalize.names import slug
from kgraph.normalize.roles import parse_role
from kgraph.schema import relation_schema
from kgraph.types import Document, Entity, Evidence, Extraction, Relation

__all__ = ["extract_document", "extract_documents", "load_pipeline"]


PIECE = 20_000  # characters per spaCy Doc: a 20 MB volume goes through in small pieces
BATCH_CHARS = 80_000  # characters per nlp.pipe batch, whatever the number of documents


@dataclass
class _Prepared:
    document: Document
    clean: CleanText
    offset: int  # where the NLP text starts in document.text
    piece: int  # where this piece starts and ends in clean.text
    end: int
    first: bool


def _cuts(text: str) -> list[int]:
    """Piece starts: at a paragraph break, else a sentence end, before each PIECE chars."""
    starts = [0]
    while len(text) - starts[-1] > PIECE:
        window = text[starts[-1]:starts[-1] + PIECE]
        cut = max(window.rfind("\n\n"), window.rfind(". "))
        starts.append(starts[-1] + (cut + 2 if cut > PIECE // 2 else PIECE))
    return starts


def _prepare(document: Document) -> list[_Prepared]:
    body = next((m for m in document.markup if m.tag == "body"), None)
    start, end = (body.start, body.end) if body else (0, len(document.text))
    clean = resolve_brackets(document.text[start:end])
    starts = _cuts(clean.text)
    ends = [*starts[1:], len(clean.text)]
    return [_Prepared(document, clean, start, piece, end, i == 0)
            for i, (piece, end) in enumerate(zip(starts, ends, strict=True))]


def _piece_text(prepared: _Prepared) -> str:
    return prepared.clean.text[prepared.piece:prepared.end]


def _evidence(prepared: _Prepared, sentence: Span) -> Evidence:
    start, end = prepared.clean.original_span(prepared.piece + sentence.start_char,
                                              prepared.piece + sentence.end_char)
    return Evidence.from_span(prepared.document.text, start + prepared.offset,
                              end + prepared.offset)


def _resolve_origin(found: Found, actors: Actors, gazetteer: Gazetteer) -> Entity | None:
    if found.type != "defectedFrom" or found.object.id != found.subject.id:
        return found.object
    origin = defection_origin(found.subject, actors, gazetteer)
    if origin is not None:
        actors.entities.setdefault(origin.id, origin)
    return origin


def _sentence_relations(prepared: _Prepared, doc: Doc, actors: Actors,
                        gazetteer: Gazetteer) -> list[Relation]:
    relations: list[Relation] = []
    time = StoryTime(prepared.document)
    entities = _entities_by_sentence(doc)
    for sentence in doc.sents:
        dates = entities.get(sentence.start, [])
        time.enter(sentence, dates)
        for found in find_relations(sentence, actors):
            target = _resolve_origin(found, actors, gazetteer)
            if target is None:
                continue
            mode = found.modality or modality(found.trigger, sentence)
            date = relation_date(found.trigger, sentence, time.here,
                                 strict=_own_date_only(found), entities=dates,
                                 forward=mode == "planned")
            if mode == "asserted" and after(date, prepared.document.date) \
                    and not past_tense(found.trigger):
                mode = "planned"  # "Trump's June 12 meeting with Kim" in a May article
            if date is None and found.sent_now:
                date = prepared.document.date  # the message this telegram relays
            if date is None and found.type == "sentLetterTo":
                date = cited_date(sentence, time.here)
            if date is None and mode == "asserted":
                date = report_date(found, prepared.document) or time.narrative(found)
            relations.append(Relation(
                type=found.type,
                subject=found.subject.id,
                object=target.id,
                evidence=_evidence(prepared, sentence),
                date=date,
                modality=mode,
                medium=found.medium,
                confidence=found.confidence,
                extractor=found.extractor,
            ))
        time.leave()
    return relations




def _entities_by_sentence(doc: Doc) -> dict[int, list[Span]]:
    """Entity spans grouped by the first token of their sentence, in one pass."""
    grouped: dict[int, list[Span]] = {}
    for entity in doc.ents:
        grouped.setdefault(doc[entity.start].sent.start, []).append(entity)
    return grouped


def _own_date_only(found: Found) -> bool:
    """Whether only a date inside the trigger's own phrase may date the relation.

    A meeting or letter named by a noun inside a sentence about something else
    ("sent a letter on the 21st, after his summit with Moon") is not dated by it.
    """
    if found.extractor.endswith("+context"):
        return True
    trigger = found.trigger
    return trigger.pos_ in {"NOUN", "PROPN"} and trigger.dep_ not in {"nsubj", "nsubjpass"}


def _with_context_recipients(relations: list[Relation], speakers: Speakers) -> list[Relation]:
    """Give a letter with no stated addressee the one its sender writes to elsewhere,
    and a letter "received" with no agent the document's own sender."""
    kept = []
    for relation in relations:
        if relation.extractor.endswith("+reply"):  # "[I] have received the telegram"
            addressee, author = speakers.addressee, speakers.sender
            if addressee is not None and author is not None and addressee.id != author.id:
                relation.subject, relation.object = addressee.id, author.id
                kept.append(relation)
            continue
        if relation.extractor.endswith("+back"):  # "Telegraph the fulfillment."
            addressee = speakers.extra.get("relay") or speakers.addressee
            author = speakers.sender
            if addressee is not None and author is not None and addressee.id != author.id:
                relation.subject, relation.object = addressee.id, author.id
                kept.append(relation)
            continue
        if relation.extractor.endswith("+us"):  # "our meeting": the writer and the addressee
            author, addressee, sender = speakers.author, speakers.addressee, speakers.sender
            if author is not None and addressee is not None and author.id != addressee.id \
                    and author.type == addressee.type == "Person" \
                    and sender is not None and sender.type == "Person":
                relation.subject, relation.object = author.id, addressee.id
                kept.append(relation)
            continue
        if relation.extractor.endswith("+partner"):  # a message the writer delivered
            met = _partner_of(speakers.author, relations, relation.subject)
            if met is not None:  # delivered at that meeting: its day, unless the text says
                relation.object, relation.date = met.object if met.subject == \
                    speakers.author.id else met.subject, relation.date or met.date
                kept.append(relation)
            continue
        if relation.extractor.endswith("+addressee"):  # the writer's envoy meets the reader
            addressee = speakers.addressee
            if addressee is not None and addressee.type == "Person" \
                    and addressee.id != relation.subject:
                relation.object = addressee.id
                kept.append(relation)
            continue
        if relation.extractor.endswith("+meeting"):  # "X was present at the talk"
            kept.extend(_present_at(relation, relations, speakers))
            continue
        if relation.extractor.endswith("+speaker"):
            if relation.extractor.endswith(("-noun+speaker", "-handed+speaker")) and (
                    speakers.sender is None or speakers.sender.type != "Person"):
                continue  # "your message" inside a telegram that relays it: whose is unclear
            if speakers.sender is not None and speakers.sender.id != relation.subject:
                relation.object = speakers.sender.id
                kept.append(relation)
            continue
        if not relation.extractor.endswith("+context"):
            kept.append(relation)
            continue
        known = [r for r in relations if r.type == "sentLetterTo"
                 and r.subject == relation.subject and r.object != relation.subject]
        if known:
            relation.object = max({r.object for r in known},
                                  key=[r.object for r in known].count)
            if relation.date is not None and all(  # not the letter told already
                    r.date != relation.date for r in known if r.object == relation.object):
                kept.append(relation)
    return kept


def _partner_of(author: Entity | None, relations: list[Relation], other_than: str
                ) -> Relation | None:
    """The writer's first meeting in the document (a memorandum of conversation's, with its
    counterpart) with someone other than the letter's author."""
    if author is None:
        return None
    return next((r for r in relations if r.type == "metWith" and author.id in (
        r.subject, r.object) and other_than not in (r.subject, r.object)), None)


def _present_at(relation: Relation, relations: list[Relation], speakers: Speakers
                ) -> list[Relation]:
    """Who was present at a meeting met its other participants: the document's author and
    whoever its meetings name."""
    present = relation.subject
    others = {e for r in relations if r.type == "metWith" and not r.extractor.endswith(
        "+meeting") for e in (r.subject, r.object)}
    if speakers.author is not None:
        others.add(speakers.author.id)
    dates: dict[str, str] = {}  # each participant's meeting date, the most precise told
    for r in relations:
        if r.type == "metWith" and r.date and not r.extractor.endswith("+meeting"):
            for e in (r.subject, r.object):
                if len(r.date) > len(dates.get(e, "")):
                    dates[e] = r.date
    return [replace(relation, object=other, date=dates.get(other) or relation.date)
            for other in sorted(others - {present})]


def _bound(doc: Doc, actors: Actors, context: _Context) -> tuple[Actors, Speakers]:
    """Pronouns and bare titles bound; in an office's telegram relaying a person's message,
    bound again with the message's own writer and addressee."""
    first = Actors(dict(actors.entities), list(actors.mentions), dict(actors.by_token))
    bind_references(doc, first, context.speakers, context.names)
    speakers, starts = _relayed_speakers(doc, first, context.speakers)
    if speakers is context.speakers:
        return first, speakers
    # The sentence introducing the message ("… handed me by Semenov") is the office's voice.
    bind_references(doc, actors, speakers, context.names, (context.speakers, starts))
    return actors, speakers


def _relayed_speakers(doc: Doc, actors: Actors, speakers: Speakers) -> tuple[Speakers, int]:
    """An office's telegram that relays a person's message ("Please pass following message
    from the President to Khrushchev: …"): in the message, "I" is its writer and "you" its
    addressee, not the telegram's offices. Also where the message starts (a token)."""
    if speakers.sender is not None and speakers.sender.type == "Person":
        return speakers, 0
    for sentence in list(doc.sents)[:6]:
        if not any(t.lower_ in {"following", "text"} for t in sentence):
            continue
        for found in find_relations(sentence, actors):
            if found.type == "sentLetterTo" and found.subject.type == found.object.type \
                    == "Person" and found.subject.id != found.object.id:
                return Speakers(author=found.subject, sender=found.subject,
                                addressee=found.object, extra=speakers.extra), sentence.end
    return speakers, 0


def _add_marked_persons(prepared: _Prepared, doc: Doc, actors: Actors, names: Names) -> None:
    """Persons the source's editors marked (FRUS ``persName`` linked to the persons list)
    are mentions even where the model saw no name ("Deliver message to Khrushchev")."""
    start = prepared.offset + prepared.clean.original_offset(prepared.piece) \
        if prepared.clean.text else prepared.offset
    for mark in prepared.document.markup:
        if mark.tag != "persName" or not mark.value or mark.start < start:
            continue
        before = prepared.document.text[max(0, mark.start - 20):mark.start].split()
        # A link the title before it contradicts ("President" + a deputy's id) is not followed.
        display = names.people.linked_name(mark.value, before[-1] if before else None)
        if display is None:
            continue
        begin = prepared.clean.clean_offset(mark.start - prepared.offset) - prepared.piece
        end = prepared.clean.clean_offset(mark.end - prepared.offset) - prepared.piece
        span = doc.char_span(begin, end, alignment_mode="expand") \
            if 0 <= begin < end <= len(doc_text(doc)) else None
        if span is not None and all(actors.at(i) is None for i in range(span.start, span.end)):
            actors.add(span, names.person(display))


def _about_a_call(document: Document) -> bool:
    """A document titled as a call ("Readout of the President's Call with …", "… Discuss
    North Korea in Phone Conversation"): its "spoke with" and "discussed with" are calls."""
    words = set(re.findall(r"[a-z]+", (document.title or "").lower()))
    return bool(words & (lexicon()["remote_words"] | {"call", "calls"}))


def _talk(relation: Relation) -> bool:
    verb = relation.extractor.removeprefix("dep:").removesuffix("-verb")
    return relation.type == "metWith" and verb in lexicon()["talking_verbs"]


def _lone_surname(entity: Entity) -> bool:
    return entity.type == "Person" and entity.id.count("/") > 1  # see _scope_lone_surnames


def _add_referenced_countries(entities: dict[str, Entity], gazetteer: Gazetteer) -> None:
    """Countries an actor or a role points to are actors of the document too."""
    for entity in list(entities.values()):
        named = [entity.country] if entity.country and entity.type != "Country" else []
        named += [parse_role(role).country for role in entity.roles]
        for name in filter(None, named):
            country = gazetteer.entity("Country", name)
            entities.setdefault(country.id, country)


def _scope_lone_surnames(entities: dict[str, Entity], relations: list[Relation],
                         document_id: str) -> tuple[dict[str, Entity], list[Relation]]:
    """A bare surname the document never completes ("Monroney", "Kim") names someone only
    this document knows: its id carries the document, so it never merges across documents.
    """
    renamed: dict[str, str] = {}
    result: dict[str, Entity] = {}
    for entity in entities.values():
        if entity.type == "Person" and len(entity.name.replace("-", " ").split()) == 1 \
                and not entity.external_ids:
            new_id = f"Person/{slug(document_id)}/{slug(entity.name)}"
            renamed[entity.id] = new_id
            entity = replace(entity, id=new_id)
        result[entity.id] = entity
    for relation in relations:
        relation.subject = renamed.get(relation.subject, relation.subject)
        relation.object = renamed.get(relation.object, relation.object)
    return result, relations


def _qualify_ministries(entities: dict[str, Entity], relations: list[Relation], country: str
                        ) -> tuple[dict[str, Entity], list[Relation]]:
    """``Ministry of Foreign Affairs`` → ``Ministry of Foreign Affairs (China)``.

    Ministry names are the same in every country; the country keeps them apart.
    """
    renamed: dict[str, str] = {}
    result: dict[str, Entity] = {}
    for entity in entities.values():
        if entity.type == "Ministry" and entity.country is None and "(" not in entity.name:
            # "the Foreign Ministry" of a Chinese cable: Ministry of Foreign Affairs (China)
            name = canonical_foreign_ministry(f"{entity.name} of {country}", load_gazetteer())
            if name.endswith(f" of {country}"):
                name = f"{entity.name} ({country})"
            new_id = f"Ministry/{slug(name)}"
            renamed[entity.id] = new_id
            entity = replace(entity, id=new_id, name=name, country=country,
                             aliases=[*entity.aliases, entity.name])
        result[entity.id] = entity
    for relation in relations:
        relation.subject = renamed.get(relation.subject, relation.subject)
        relation.object = renamed.get(relation.object, relation.object)
    return result, relations


def _deduplicate(relations: list[Relation]) -> list[Relation]:
    """One relation per (type, ends, date, modality): the most confident.

    Undated mentions stay beside dated ones: a telegram's "previous conversation
    with him" is not the meeting it reports.
    """
    best: dict[tuple, Relation] = {}
    # A person defects from a place once: an undated mention ("the defection of X") is the
    # dated one told again; so is "the letter" between two that the document dates elsewhere
    # (the schema's `once`).
    schema = relation_schema()
    dated_once = {(r.type, r.subject, r.object, r.modality) for r in relations
                  if schema[r.type].once and r.date}
    relations = [r for r in relations if not schema[r.type].once or r.date
                 or (r.type, r.subject, r.object, r.modality) not in dated_once]
    # A meeting still planned is the one being planned: "our meeting" told again undated
    # in the letter that dates it elsewhere.
    planned = {_pair_key(r) for r in relations if r.modality == "planned" and r.date}
    relations = [r for r in relations if r.modality != "planned" or r.date
                 or _pair_key(r) not in planned]
    # One sentence tells one relation of a pair once: "X and Y met … their summits".
    dated_here = {_sentence_key(r) for r in relations if r.date}
    relations = [r for r in relations if r.date or _sentence_key(r) not in dated_here]
    for relation in relations:
        key = (*_pair_key(relation), relation.date, relation.modality)
        if key not in best or relation.confidence > best[key].confidence:
            best[key] = relation
    return sorted(best.values(), key=lambda r: (r.evidence.start, r.type, r.subject, r.object))


def _pair_key(relation: Relation) -> tuple:
    ends = (relation.subject, relation.object)
    if relation_schema()[relation.type].symmetric:
        ends = tuple(sorted(ends))
    return relation.type, *ends


def _sentence_key(relation: Relation) -> tuple:
    return *_pair_key(relation), relation.modality, relation.evidence.start


@dataclass
class _Context:
    """What a document's pieces share: its names, heading and speakers (found once)."""

    names: Names
    head_entities: list[Entity]
    head_relations: list[Relation]
    speakers: Speakers


def _document_context(document: Document, gazetteer: Gazetteer) -> _Context:
    names = names_for(document, gazetteer)
    head_entities, head_relations = heading_relations(document, names)
    speakers = document_speakers(document, names, head_entities, head_relations)
    return _Context(names, head_entities, head_relations, speakers)


def _collect(prepared: _Prepared, doc: Doc, gazetteer: Gazetteer, context: _Context
             ) -> Extraction:
    head_entities, head_relations = (context.head_entities, context.head_relations) \
        if prepared.first else ([], [])
    actors = find_actors(doc, gazetteer, context.names)
    _add_marked_persons(prepared, doc, actors, context.names)
    actors, speakers = _bound(doc, actors, context)
    relations = head_relations + _sentence_relations(prepared, doc, actors, gazetteer)
    entities: dict[str, Entity] = dict(actors.entities)
    for entity in head_entities:
        entities.setdefault(entity.id, entity)
    relations = _with_context_recipients(relations, speakers)
    for entity in (speakers.author, speakers.sender, speakers.addressee,
                   *speakers.extra.values()):
        if entity is not None:  # a relation may now end at a speaker named only in a title
            entities.setdefault(entity.id, entity)
    if _about_a_call(prepared.document):
        relations = [r for r in relations if not _talk(r)]
    entities, relations = _scope_lone_surnames(entities, relations, prepared.document.id)
    _add_referenced_countries(entities, gazetteer)
    if home := home_country(context.head_entities, context.head_relations, gazetteer):
        entities, relations = _qualify_ministries(entities, relations, home)
    used = {r.subject for r in relations} | {r.object for r in relations}
    entities = {k: e for k, e in entities.items()
                if k in used or e.roles or not _lone_surname(e)}
    ordered = sorted(entities.values(), key=lambda e: (e.id not in used, e.type, e.name))
    return Extraction(prepared.document, ordered, relations)


def _groups(pieces: Iterable[_Prepared], size: int) -> Iterator[list[_Prepared]]:
    """Pieces in groups of at most `size`, and of at most BATCH_CHARS characters."""
    group: list[_Prepared] = []
    chars = 0
    for piece in pieces:
        length = piece.end - piece.piece
        if group and (len(group) == size or chars + length > BATCH_CHARS):
            yield group
            group, chars = [], 0
        group.append(piece)
        chars += length
    if group:
        yield group


def extract_documents(documents: Iterable[Document], nlp: Language | None = None,
                      batch_size: int = 16) -> Iterator[Extraction]:
    """Extract every document, streaming them through the spaCy pipeline.

    Batches hold at most `batch_size` pieces and BATCH_CHARS characters: sixteen
    20,000-character pieces at once took ~800 MB of working memory in spaCy.
    """
    nlp = nlp or load_pipeline()
    gazetteer = load_gazetteer()
    pieces = (piece for d in documents for piece in _prepare(d))
    parts: list[Extraction] = []  # the pieces of the document in hand
    context: _Context | None = None
    for group in _groups(pieces, batch_size):
        texts = [_piece_text(p) for p in group]
        with one_blas_thread():
            docs = list(nlp.pipe(texts, batch_size=len(group)))
        for doc, item in zip(docs, group, strict=True):
            if item.first:
                if parts:
                    yield _merge(parts)
                parts, context = [], _document_context(item.document, gazetteer)
            parts.append(_collect(item, doc, gazetteer, context))
        release_free_memory()
    if parts:
        yield _merge(parts)


def _merge(parts: list[Extraction]) -> Extraction:
    """One extraction from a document's pieces (most documents have one)."""
    entities: dict[str, Entity] = {}
    for part in parts:
        for entity in part.entities:
            entities.setdefault(entity.id, entity)
    relations = [r for part in parts for r in part.relations]
    return Extraction(parts[0].document, list(entities.values()), _deduplicate(relations))


def extract_document(document: Document, nlp: Language | None = None) -> Extraction:
    """Extract one document."""
    return next(extract_documents([document], nlp))
