"""Actors in one document: typed, named canonically, short mentions resolved.

`find_actors` turns spaCy entity spans into `Mention`s grouped into `Entity`s.
Inside a document a short mention ("Kim", "Chairman Kim", "Trump") is bound,
at its first occurrence, to the full name it most likely stands for (the most
often named candidate so far), and later identical short forms keep that
binding: one sense per discourse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from kgraph.extract.doctext import doc_text
from kgraph.extract.gazetteer import Gazetteer
from kgraph.extract.lexicon import east_asian_surnames, lexicon
from kgraph.extract.nonactors import (
    after_article,
    ends_with_adjective,
    newspaper,
    only_places,
    shouted_surname,
    thing_named,
    title_only,
    without_cable_instruction,
)
from kgraph.extract.persons import Names
from kgraph.extract.roles import find_role
from kgraph.normalize.names import TITLES, clean_name, initials_first, name_after_title, strip_title
from kgraph.normalize.quality import name_problem, tidy_name
from kgraph.types import Entity

_ORG_KEYWORDS: tuple[tuple[str, str], ...] = (
    # "Seoul National University's Department of Political Science": a university's part
    (r"\b(University|College|Institute|Academy)['’]s\b", "Institution"),
    (r"\b(Embassy|Consulate|Legation|Mission to)\b", "Embassy"),
    (r"\b(Ministry|Department|Foreign Office|Office of|Bureau|Secretariat)\b", "Ministry"),
    (r"\b(Party|Committee of the|Politburo|Central Committee)\b", "Party"),
    (r"\b(Government|Cabinet|Administration|Council of Ministers)\b", "Government"),
    (r"\b(Archives?|University|Institute|Library|Center|Centre|Club|Foundation|"
     r"Agency|Council|Command|Chiefs of Staff|Assembly|Congress)\b", "Institution"),
)
_GOOD_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
_LIST_MARKS = {f"{letter}." for letter in "ABCDEFGHIJ"}


@dataclass
class Mention:
    start: int  # character offsets in the NLP text
    end: int
    token_start: int
    token_end: int
    entity: Entity


@dataclass
class Actors:
    """The document's entities and, per token, the mention covering it."""

    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    by_token: dict[int, Mention] = field(default_factory=dict)

    def at(self, token_index: int) -> Entity | None:
        mention = self.by_token.get(token_index)
        return mention.entity if mention else None

    def add(self, span: Span, entity: Entity) -> None:
        entity = self.entities.setdefault(entity.id, entity)
        mention = Mention(span.start_char, span.end_char, span.start, span.end, entity)
        self.mentions.append(mention)
        for i in range(span.start, span.end):
            self.by_token[i] = mention


def organization_type(name: str) -> str:
    for pattern, kind in _ORG_KEYWORDS:
        if re.search(pattern, name):
            return kind
    return "Organization"


def _add_alias(entity: Entity, alias: str) -> None:
    if alias != entity.name and alias not in entity.aliases:
        entity.aliases.append(alias)


def _add_role(entity: Entity, role: str | None) -> None:
    if role and role not in entity.roles:
        entity.roles.append(role)


class _PersonResolver:
    """Binds short person mentions to full names seen in the same document."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.full: dict[str, Entity] = {}
        self.bound: dict[str, Entity] = {}

    def full_name(self, entity: Entity) -> Entity:
        known = self.full.setdefault(entity.id, entity)
        for alias in entity.aliases:
            _add_alias(known, alias)
        entity = known
        self.counts[entity.id] = self.counts.get(entity.id, 0) + 1
        return entity

    def short_name(self, word: str) -> Entity | None:
        if word in self.bound:
            return self.bound[word]
        candidates = [
            e for e in self.full.values()
            if word in re.split(r"[\s]+", e.name.replace("-", " ")) or
            any(word in a.split() for a in e.aliases)
        ]
        if not candidates:
            return None
        best = max(candidates, key=lambda e: self.counts[e.id])
        self.bound[word] = best
        return best


def _person(span: Span, gazetteer: Gazetteer, resolver: _PersonResolver,
            names: Names, role: str | None) -> Entity | None:
    if span[0].text in _LIST_MARKS and len(span) > 1:  # "B. Pak": item B of a list
        span = span[1:]
    if any(t.text in lexicon()["not_names"] for t in span):
        return None
    while len(span) > 1 and span[-1].text in lexicon()["role_heads"]:
        span = span[:-1]  # "Philip C. Habib Counselor"
    written = initials_first(titlecase_shouted(tidy_name(clean_name(span.text))))
    name, title = strip_title(written)
    title = title or role
    if not name or not any(ch.isupper() for ch in name) or name_problem(name, "Person"):
        return None
    if name.lower() in STOP_WORDS or title_only(name) or after_article(span):
        return None  # "No." read as a name; a title alone; "a Leader Grant"
    if newspaper(name):
        return organization_entity(gazetteer, "Organization", name)  # "Donga Ilbo"
    # "President Johnson" is a known person even where a link says otherwise.
    canonical = gazetteer.canonical_person(written) or gazetteer.canonical_person(name)
    if canonical and len(name.split()) == 1:
        name = canonical
    name = names.linked.get(name, name)
    if len(name.replace("-", " ").split()) == 1 and not canonical:
        entity = resolver.short_name(name)
        if entity is None:
            listed = names.listed_surname(name, title)
            entity = resolver.full_name(names.person(listed or name) if listed or
                                        names.office_holder(name) else
                                        gazetteer.entity("Person", name))
        return entity
    return resolver.full_name(names.person(name))


def _title_before(span: Span, role: str | None) -> str | None:
    """The role written before a name (not an appositive after it), without its country."""
    doc = span.doc
    if span.start > 1 and doc[span.start - 1].text in {"'s", "’s"} \
            and doc[span.start - 2].text in TITLES:
        return doc[span.start - 2].text  # "President's Pak's meeting"
    if not role or span.start == 0 or doc[span.start - 1].text in {",", "(", ")"}:
        return None
    return role.split(" (")[0]


def _country(span: Span, gazetteer: Gazetteer) -> Entity | None:
    name = clean_name(span.text)
    country = gazetteer.country(name) or gazetteer.country(span.text.strip())
    if country is None:
        return None  # a city or region: a place, not an actor
    entity = gazetteer.entity("Country", country)
    return entity


def titlecase_shouted(name: str) -> str:
    """ "KIM IL SUNG" → "Kim Il Sung" (telegrams shout names); acronyms stay."""
    if name.isupper() and len(name.replace(" ", "")) > 5 and " " in name.strip():
        return " ".join(w.capitalize() if len(w) > 2 else w for w in name.split())
    return name


def _organization(span: Span, gazetteer: Gazetteer, names: Names) -> Entity | None:
    name = spelled_out(tidy_name(clean_name(span.text)))
    if span[0].ent_type_ == "NORP":  # "South Korean embassy in Beijing" (see _with_owner)
        name = " ".join(w.capitalize() if w in _POSTS else w for w in name.split())
    if name_problem(name) and not gazetteer.country(name):  # "Trinidad and Tobago" is one
        return None
    known = gazetteer.lookup("Organization", name)
    if _heading(span, name) and not known:
        return None
    if not known and (thing_named(name) or ends_with_adjective(span)):
        return None  # "Havana Treaty", "Assembly Speaker", "the Far Eastern delegation"
    if not known and shouted_surname(name):
        return names.person(name.capitalize())  # "familiarize ARKHIPOV with …"
    if organization_type(name) == "Organization" and (titled := name_after_title(name)) \
            and len(titled.split()) > 1 and not gazetteer.lookup("Organization", name):
        return names.person(titled)  # "DVO Attaché I. V. Andreyev" filed under ORG
    shouted = titlecase_shouted(name)
    if shouted != name and (gazetteer.canonical_person(shouted) or names.people.by_name(shouted)
                            or names.office_holder(shouted.split()[-1])):
        return names.person(shouted)  # "KIM IL SUNG" filed under ORG
    if listed := names.people.by_initials(name):  # "KCP": Kim Chong-pil in telegraphese
        return names.person(listed)
    if len(name) < 3 or not any(ch.isupper() for ch in name):
        return None
    entry = gazetteer.lookup("Organization", name)
    if entry is None and len(name.split()) == 1 and not name.isupper():
        return None  # single capitalised words labelled ORG are mostly noise
    if entry is None and (country := gazetteer.country(name)
                          or gazetteer.country_misspelt(name)):
        return gazetteer.entity("Country", country)
    kind = entry.type if entry else organization_type(name)
    return organization_entity(gazetteer, kind, name)


def _department_title_before(span: Span) -> str | None:
    """ "Secretary of [Commerce Hodges]": the model took the department and the holder's
    surname for one name. The title the department completes ("Secretary of Commerce");
    the person is the span's last word."""
    if len(span) != 2 or span.start < 2 or span.doc[span.start - 1].text != "of":
        return None
    title = span.doc[span.start - 2].text
    department, surname = span[0].text, span[1].text
    if title not in lexicon()["department_titles"] or not surname.istitle() \
            or not department.istitle():
        return None
    return f"{title} of {department}"


# Before a heading on its line: a list number or letter, "The"; after it: the line's end
# or a dash running into the paragraph ("Financial Consequences—As for …").
_HEADING_BEFORE = re.compile(r"[ \t]*(?:\(?(?:\d{1,2}|[a-zA-Z])[.)][ \t]*)?(?:The[ \t]+)?")
_HEADING_AFTER = re.compile(r"[ \t]*(?:[—–:.][^\n]*)?$")


def _heading(span: Span, name: str) -> bool:
    """The mention is its line's heading ("Defense Department Views" alone on its line):
    a section of the document, not an actor, unless its head word names an organisation
    ("Department of State", "Korean Government" on a line of their own are actors).
    Shouted lines are a cable's address lines, not headings."""
    if name.isupper():
        return False
    text = doc_text(span.doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    end = len(text) if end < 0 else end
    if not (_HEADING_BEFORE.fullmatch(text, start, span.start_char)
            and _HEADING_AFTER.match(text[span.end_char:end])):
        return False
    head = re.split(r"\s(?:of|in|at|for|to|on)\s", name)[0].split()[-1]
    return organization_type(head) == "Organization"


def spelled_out(name: str) -> str:
    """Cable abbreviations in an organisation's name written out: "Korean Govt" →
    "Korean Government" (lexicon: cable_abbreviations)."""
    words = lexicon()["cable_abbreviations"]
    return " ".join(words.get(w.lower().rstrip("."), w) for w in name.split())


def organization_entity(gazetteer: Gazetteer, kind: str, name: str) -> Entity:
    """The gazetteer's entity; an embassy named by its country ("Embassy in Seoul" is the
    Embassy in Korea, with the written name as an alias)."""
    posted = embassy_by_country(name) if kind == "Embassy" else name
    if kind == "Ministry":
        posted = canonical_foreign_ministry(posted, gazetteer)
    entity = gazetteer.entity(kind, posted)
    if posted != name:
        entity.aliases.append(name)
    return entity


_FOREIGN_MINISTRY = re.compile(
    r"^(?:the\s+)?(?P<country>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)\s+(?:Foreign\s+Ministry|Ministry\s+"
    r"of\s+Foreign\s+Affairs|MFA)$|^(?:the\s+)?(?:Foreign\s+Ministry|Ministry\s+of\s+Foreign\s+"
    r"Affairs)\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w. ]+)$")


def canonical_foreign_ministry(name: str, gazetteer: Gazetteer) -> str:
    """ "USSR Foreign Ministry", "the Chinese MFA" → "Ministry of Foreign Affairs (Soviet
    Union)", the one name ANNOTATION.md gives a foreign ministry."""
    m = _FOREIGN_MINISTRY.match(name)
    if m is None:
        return name
    written = m.group("country") or m.group("of")
    country = gazetteer.country(written) or gazetteer.country_of_demonym(written)
    return f"Ministry of Foreign Affairs ({country})" if country else name


def embassy_by_country(name: str) -> str:
    """ "Embassy in Seoul" → "Embassy in Korea": embassies are named by the country."""
    capitals = lexicon()["capitals"]
    m = re.search(r"\b(?:in|at)\s+(?P<city>[A-Z][a-z]+)$", name)
    if m is None or m.group("city") not in capitals:
        return name
    return f"{name[:m.start()]}in {capitals[m.group('city')]}"  # "at Beijing" too


def find_actors(doc: Doc, gazetteer: Gazetteer, names: Names | None = None) -> Actors:
    """Entities of one parsed document, with roles and aliases.

    `names` carries what the source itself says about who is who (FRUS
    ``persName`` links and the volume's persons list).
    """
    names = names or Names(gazetteer)
    actors = Actors()
    resolver = _PersonResolver()
    for span in doc.ents:
        if span.label_ not in _GOOD_LABELS or span.label_ == "NORP":
            continue
        span = _with_owner(without_cable_instruction(span))
        role = find_role(doc, span, gazetteer) if span.label_ == "PERSON" else None
        if span.label_ == "PERSON" and (alternative := _alternative_name(span, actors)):
            span, entity = alternative
            actors.add(span, entity)
            _add_alias(entity, span.text)
            continue
        if (title := _department_title_before(span)) is not None:
            span, role = span[1:], title  # "Secretary of [Commerce Hodges]", either label
            entity = _person(span, gazetteer, resolver, names, title)
        elif span.label_ == "PERSON":
            entity = _person(span, gazetteer, resolver, names, _title_before(span, role))
        elif span.label_ == "GPE" and organization_type(span.text) == "Organization":
            entity = _country(span, gazetteer)
        else:
            entity = _organization(span, gazetteer, names)
        if entity is None:
            continue
        actors.add(span, entity)
        entity = actors.entities[entity.id]
        if entity.type == "Person":
            _add_role(entity, role)
        surface = clean_name(span.text)
        if entity.type != "Person" and surface != entity.name:
            _add_alias(entity, surface)
    _add_initials(doc, actors, names)
    _merge_short_names(actors)
    _add_bare_surnames(doc, actors)
    _drop_venues(doc, actors, gazetteer)
    return actors


_POSTS = {"embassy", "consulate", "legation"}


def _with_owner(span: Span) -> Span:
    """ "the South Korean [embassy in Beijing]": a post the model named without the
    demonym before it is that country's post ("South Korean Embassy in Beijing")."""
    doc, start = span.doc, span.start
    if span.label_ != "ORG" or span[0].lower_ not in _POSTS or not span[0].is_lower:
        return span
    while start > 0 and doc[start - 1].ent_type_ == "NORP":
        start -= 1
    return doc[start:span.end] if start < span.start else span


def _alternative_name(span: Span, actors: Actors) -> tuple[Span, Entity] | None:
    """ "Kim Sung-hwa (Kim Sung Hwa)": the name in parentheses right after a person's,
    opening with the same word, is another romanisation of it (the translators' brackets,
    see normalize/brackets.py); the model often tags only part of it ("Kim Sung")."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != "(":
        return None
    before = actors.by_token.get(span.start - 2)
    if before is None or before.entity.type != "Person" \
            or doc[before.token_start].text != span[0].text:
        return None
    close = next((i for i in range(span.end, min(span.end + 3, len(doc)))
                  if doc[i].text == ")"), None)
    if close is None:
        return None
    return doc[span.start:close], before.entity


def _drop_venues(doc: Doc, actors: Actors, gazetteer: Gazetteer) -> None:
    """A name every mention of which is the place of "at" ("talks at Fleur d'Eau", "at
    Sunnylands in Rancho Mirage") is this document's venue, not an actor; unless its head
    word names an organisation, it is an acronym, or the gazetteer knows it."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for mention in actors.mentions:
        spans.setdefault(mention.entity.id, []).append((mention.token_start, mention.token_end))
    for entity in list(actors.entities.values()):
        if entity.type != "Organization" or entity.name.isupper() \
                or gazetteer.lookup("Organization", entity.name) \
                or not only_places(doc, spans.get(entity.id, [])):
            continue
        del actors.entities[entity.id]
        actors.mentions = [m for m in actors.mentions if m.entity is not entity]
        actors.by_token = {i: m for i, m in actors.by_token.items() if m.entity is not entity}


def _add_bare_surnames(doc: Doc, actors: Actors) -> None:
    """ "… a personal message from Xi to Trump": a surname the model left untagged (or took
    for an organisation) names the one person of the document who bears it."""
    by_surname: dict[str, list[Entity]] = {}
    for entity in actors.entities.values():
        words = entity.name.replace("-", " ").split()
        if entity.type == "Person" and len(words) > 1:
            by_surname.setdefault(words[-1], []).append(entity)
            if words[0] in east_asian_surnames():  # "Xi Jinping": Xi
                by_surname.setdefault(words[0], []).append(entity)
    unique = {name: found[0] for name, found in by_surname.items() if len(found) == 1}
    if not unique:
        return
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, unique)) + r")\b")
    for match in pattern.finditer(doc_text(doc)):  # only where a surname is written
        span = doc.char_span(match.start(), match.end())
        if span is None or len(span) != 1:
            continue
        token = span[0]
        if not token.is_title or token.pos_ != "PROPN":
            continue
        entity = actors.at(token.i)
        if entity is None or entity.type != "Person" and token.ent_type_ == "ORG" and (
                len(entity.name.split()) == 1):
            actors.add(doc[token.i:token.i + 1], unique[token.text])
            if entity is not None and not any(m.entity is entity for m in actors.mentions
                                              if actors.at(m.token_start) is entity):
                actors.entities.pop(entity.id, None)  # "Trump" was no organisation


def _merge_short_names(actors: Actors) -> None:
    """"President Trump … Donald Trump": a surname named before the full name is the same
    person, when exactly one full name in the document carries it."""
    people = [e for e in actors.entities.values() if e.type == "Person"]
    for short in [e for e in people if len(e.name.replace("-", " ").split()) == 1]:
        fuller = [e for e in people if e is not short and short.name in e.name.split()]
        if len(fuller) != 1:
            continue
        full = fuller[0]
        for mention in actors.mentions:
            if mention.entity is short:
                mention.entity = full
        _add_alias(full, short.name)
        del actors.entities[short.id]


def _add_initials(doc: Doc, actors: Actors, names: Names) -> None:
    """Telegraphese initials the model left alone: "speak to KCP" (Kim Chong-pil)."""
    for token in doc:
        if actors.at(token.i) is None and token.is_upper and token.is_alpha and (
                listed := names.people.by_initials(token.text)):
            actors.add(doc[token.i:token.i + 1], names.person(listed))
