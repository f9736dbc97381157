"""Pronouns and bare titles bound to the actors they stand for, inside one document.

* ``I``, ``me``, ``my``: the document's author (the person who signs or sends it);
* ``we``, ``our``: the sending party (``[We] received your telegram``: the ministry);
* ``you``, ``your``: the addressee;
* ``he``, ``him``, ``his``: the last person named before, other than the author;
* ``the President``, ``the Secretary``, ``PriMin``: the last person named with that
  role, else the one the persons list says held it that year;
* ``the Minister of National Defense``: the person holding that office (persons list);
* ``the Department``, ``the Embassy``: the last organisation so named.

Only tokens that no entity already covers are bound, and a binding is a
mention like any other: the relation rules do not know the difference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from kgraph.extract.doctext import doc_text
from kgraph.extract.entities import Actors
from kgraph.extract.lexicon import lexicon
from kgraph.extract.persons import Names
from kgraph.extract.quotes import quoted_speakers
from kgraph.types import Entity


@dataclass
class Speakers:
    """Who "I", "we" and "you" are in one document."""

    author: Entity | None = None
    sender: Entity | None = None
    addressee: Entity | None = None
    extra: dict[str, Entity] = field(default_factory=dict)


@lru_cache(maxsize=1)
def _titles() -> dict[str, list[tuple[list[str], str, str]]]:
    """Last word of a bare title → (its words, as written, the title it stands for)."""
    by_last: dict[str, list[tuple[list[str], str, str]]] = {}
    for item in lexicon()["anaphoric_titles"]:
        written, title = item.split(":", 1)
        by_last.setdefault(written.split()[-1], []).append((written.split(), written, title))
    return by_last


def _holds(entity: Entity, title: str) -> bool:
    """Whether one of the entity's roles is the office a bare title stands for: from the
    title's head word on, the role is the title, a part of it or more of it ("Ambassador
    to Korea" is "the Ambassador"; "Secretary of Labor" is not "the Secretary" of State)."""
    head = title.split()[0]
    for role in entity.roles:
        words = role.split()
        if head in words:
            held = " ".join(words[words.index(head):])
            if title.startswith(held) or held.startswith(title):
                return True
    return False


def _title_at(token: Token) -> tuple[str, int] | None:
    """The title a bare title ending at `token` stands for, and where the title starts.

    Only titles used without a name count: "the President", "the Prime Minister",
    "Secretary's meeting", telegraphese "PriMin".
    """
    doc = token.doc
    for words, written, title in _titles().get(token.text, ()):
        start = token.i - len(words) + 1
        if start < 0 or [t.text for t in doc[start:token.i + 1]] != words:
            continue
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if following is not None and (following.ent_type_ == "PERSON" or following.is_title
                                      and following.pos_ == "PROPN"):
            return None  # "President Pak": the name is there
        previous = doc[start - 1] if start > 0 else None
        if previous is not None and previous.text in lexicon()["title_prefixes"]:
            return None  # "Assistant Secretary of State … Bundy": part of a longer title
        if previous is not None and previous.ent_type_ == "NORP" and start > 1:
            previous = doc[start - 2]  # "the Korean Foreign Minister"
        if written in {"PriMin", "FonMin", "Amb"} or token.dep_ == "amod" and written[0].isupper():
            return title, start  # telegraphese, or "Presidential message": the President's
        if following is not None and following.text in {"'s", "’s"}:
            return title, start  # "Secretary's meeting with …"
        if token.dep_ == "nsubj" and (previous is None or previous.is_sent_start
                                      or previous.is_punct or previous.is_space
                                      or _LIST_MARK.match(previous.text)):
            return title, start  # telegraphese drops the article: "President had summoned …"
        if token.dep_ in {"dobj", "dative", "pobj"} and previous is not None \
                and written[0].isupper() and (previous.pos_ == "VERB" or previous.pos_ == "ADP"
                                              and previous.lower_ not in {"of", "as"}):
            return title, start  # and before an object: "which Menshikov handed President"
        if previous is not None and previous.lower_ in {"the", "then"}:
            return title, start
    return None


def _clause_subjects(token: Token, actors: Actors) -> set[str]:
    """Actors already subject of the clause an object pronoun sits in ("Jiang received him")."""
    if token.dep_ not in {"dobj", "pobj", "dative"}:
        return set()
    verb = token.head if token.dep_ != "pobj" else token.head.head
    # "X will travel to Washington … to hand him a letter": the subject "hand" shares with
    # "travel" is not "him" either.
    for _ in range(3):
        subjects = {e.id for c in verb.children if c.dep_ == "nsubj" and (e := actors.at(c.i))}
        if subjects or verb.dep_ not in {"xcomp", "conj", "advcl"} or verb.head.i == verb.i:
            return subjects
        verb = verb.head
    return set()


_LIST_MARK = re.compile(r"^(?:[A-Z]|\d{1,2})\.$")  # "D. President had summoned …"


def _antecedent(persons: list[tuple[Entity, bool]], author: Entity | None,
                excluded: set[str]) -> Entity | None:
    """The last person named as a subject, else the last person named.

    Never the author (that is "I"), nor the subject of the pronoun's own clause.
    """
    recent = [(p, subject) for p, subject in persons[-6:]
              if p is not author and p.id not in excluded]
    for person, subject in reversed(recent):
        if subject:
            return person
    return recent[-1][0] if recent else None


_JOINERS = {"of", "for", "the", "and"}


def _title_phrase(token: Token) -> tuple[str, int, int] | None:
    """`the Minister of National Defense` (no name after it): the title and its token span."""
    doc = token.doc
    if token.lower_ != "the":
        return None
    start = token.i + 1
    if start < len(doc) and doc[start].ent_type_ == "NORP":
        start += 1  # "the Korean Foreign Minister"
    if start >= len(doc) or doc[start].text not in lexicon()["role_heads"]:
        return None
    end = start
    while end < len(doc) and (doc[end].is_title and doc[end].pos_ in {"PROPN", "NOUN", "ADJ"}
                              or doc[end].lower_ in _JOINERS and end + 1 < len(doc)
                              and doc[end + 1].is_title):
        end += 1
    while end > start and doc[end - 1].lower_ in _JOINERS:
        end -= 1
    if end - start < 2 or (end < len(doc) and doc[end].ent_type_ == "PERSON"):
        return None
    return doc[start:end].text, start, end


def _national_title(token: Token, names: Names) -> tuple[Entity, int] | None:
    """ "the North Korean leader", "the Chinese premier" (no name after it): the holder of
    that country's office at the document's date, and where the phrase ends."""
    doc = token.doc
    if token.lower_ != "the" or token.i + 2 >= len(doc):
        return None
    if doc[token.i + 1].lower_ in lexicon()["nation_words"] and doc[token.i + 2].text in {
            "'s", "’s"}:
        # "the country's ailing dictator": the country the story last named
        country, end = _last_country(token, names), token.i + 3
        while end < len(doc) and doc[end].dep_ == "amod" and end - token.i <= 5:
            end += 1
    elif doc[token.i + 1].ent_type_ == "NORP":
        end = token.i + 1
        while end < len(doc) and doc[end].ent_type_ == "NORP" and end - token.i <= 3:
            end += 1
        country = names.gazetteer.country_of_demonym(doc[token.i + 1:end].text)
    else:
        return None
    titles = lexicon()["national_titles"]
    for length in (2, 1):
        words = " ".join(t.lower_ for t in doc[end:end + length])
        if country is None or words not in titles:
            continue
        after = doc[end + length] if end + length < len(doc) else None
        if after is not None and (after.ent_type_ == "PERSON" or after.pos_ == "PROPN"):
            return None  # "the Chinese president Xi Jinping": the name is there
        offices = lexicon()["leader_offices"] if titles[words] == "@leader" else [titles[words]]
        for office in offices:
            if (holder := names.office_titled(office, country)) is not None:
                return holder, end + length
        return None
    return None


def _last_country(token: Token, names: Names) -> str | None:
    """The country (or a capital's country) named last before `token`, within a paragraph."""
    doc = token.doc
    capitals = lexicon()["capitals"]
    for i in range(token.i - 1, max(-1, token.i - 80), -1):
        if doc[i].ent_type_ != "GPE":
            continue
        text = doc[i].text
        if country := names.gazetteer.country(capitals.get(text, text).removeprefix("the ")):
            return country
    return None


def bind_references(doc: Doc, actors: Actors, speakers: Speakers, names: Names,
                    before: tuple[Speakers, int] | None = None) -> None:
    """Add mentions for pronouns and bare titles to `actors`, in text order. `before`: other
    speakers for the tokens before a position (a telegram's own words before the message it
    relays)."""
    relayed = speakers
    lex = lexicon()
    quoted = quoted_speakers(doc, actors)  # '"In my talks with Kim …," Pompeo said.'
    persons: list[tuple[Entity, bool]] = []  # named persons, most recent last; as subject?
    offices: list[Entity] = []  # named organisations, most recent last
    for token in doc:
        speakers = before[0] if before is not None and token.i < before[1] else relayed
        entity = actors.at(token.i)
        if entity is not None and entity.type != "Person" and (
                not offices or offices[-1] is not entity):
            offices.append(entity)
        if entity is not None:
            if entity.type == "Person" and (not persons or persons[-1][0] is not entity
                                            or token.dep_.startswith("nsubj")):
                persons.append((entity, token.dep_.startswith("nsubj")))
            continue
        bound: Entity | None = None
        start = token.i
        if (national := _national_title(token, names)) is not None:
            holder, end = national  # "the North Korean leader": who led it then
            if not any(actors.at(i) for i in range(token.i, end)):
                actors.add(doc[token.i + 1:end], holder)
                persons.append((holder, doc[end - 1].dep_.startswith("nsubj")))
            continue
        if (phrase := _title_phrase(token)) and not any(
                actors.at(i) for i in range(phrase[1], phrase[2])):
            title, first, end = phrase
            holder = next((p for p, _ in reversed(persons) if title in p.roles), None)
            if holder is None and (listed := names.people.by_title(title, doc_text(doc))):
                holder = names.person(listed, title)
            if holder is not None:
                actors.add(doc[first:end], holder)
                persons.append((holder, False))
            continue
        if token.text in lex["first_person"]:
            bound = quoted.get(token.i) or speakers.author
        elif token.text in lex["first_person_plural"]:
            bound = speakers.sender
        elif token.text in lex["second_person"]:
            bound = speakers.addressee
        elif token.text in lex["third_person"]:
            bound = _antecedent(persons, speakers.author, _clause_subjects(token, actors))
        elif found := _title_at(token):
            title, start = found
            bound = next((p for p, _ in reversed(persons) if _holds(p, title)), None)
            if bound is None and (holder := names.people.by_title(title, doc_text(doc))):
                bound = names.person(holder, title)
            if bound is None and names.home:
                bound = names.office_titled(title, names.home)
            if bound is None and names.post:  # an American document written abroad: an
                bound = names.office_titled(title, "United States")  # office only it has
            if bound is None and title == "Ambassador":
                bound = names.our_ambassador()
        elif token.text in lex["anaphoric_offices"] and token.i > 0 \
                and doc[token.i - 1].lower_ == "the":
            bound = next((e for e in reversed(offices) if e.name.startswith(token.text)), None)
        if bound is not None:
            actors.add(doc[start:token.i + 1], bound)
            if bound.type == "Person" and bound is not speakers.author:
                persons.append((bound, token.dep_.startswith("nsubj")))  # "He said … him"
