"""Correspondence rules: who sent a letter, telegram, cable or message to whom.

"X sent a letter to Y", "X wrote to Y", "X's letter to Y", "a letter from X to Y
was delivered by Z" (Z only carried it), "letters exchanged between X and Y" (both
ways), "[We] received your telegram" (the addressee wrote it), "the Department
notified the Embassy" (offices write to offices by telegram).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kgraph.extract.arguments import (
    Found,
    actors_of,
    addressed_by,
    child_of,
    distinct_pairs,
    doers_of,
    parties_between,
    prep_objects,
    previous_plural_subject,
    recipients_of,
)
from kgraph.extract.citations import citation_after
from kgraph.extract.entities import Actors, organization_entity
from kgraph.extract.gazetteer import load_gazetteer
from kgraph.extract.lexicon import lexicon
from kgraph.types import Entity


def _following(verb: Token) -> Token | None:
    """Telegraphese "Deliver following message to X": the parser makes "following" a verb
    that holds the message and its parties."""
    return next((c for c in verb.children if c.lower_ == "following"
                 and c.dep_ in {"prep", "xcomp", "advcl"}), None)


def _correspondence_noun(token: Token) -> Token | None:
    """The letter-like noun a verb is about (object, passive subject or the noun it modifies)."""
    nouns = lexicon()["correspondence_nouns"]
    if (following := _following(token)) is not None:
        held = child_of(following, "dobj")
        if held is not None and held.lemma_.lower() in nouns:
            return held
    if token.dep_ in {"acl", "relcl"} and token.head.lemma_.lower() in nouns:
        return token.head
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in {"on", "over", "along"} and (
                obj := child_of(child, "pobj")) is not None and obj.lemma_.lower() in nouns:
            return obj  # "passed on a letter": the particle read as a preposition
        if child.dep_ not in {"dobj", "nsubjpass", "nsubj", "attr"}:
            continue
        if child.lemma_.lower() in nouns:
            return child
        inner = child_of(child, "prep")  # "one of these letters was sent"
        obj = child_of(inner, "pobj") if inner is not None else None
        if obj is not None and obj.lemma_.lower() in nouns:
            return obj
    return None


def letters_from_verb(verb: Token, actors: Actors) -> Iterator[Found]:
    lemma = verb.lemma_.lower()
    lex = lexicon()
    noun = _correspondence_noun(verb)
    if lemma in lex["exchange_words"] and noun is not None:
        # "X and Y exchanged letters": both directions.
        parties = doers_of(verb, actors) + parties_between(verb, actors)
        for s, r in distinct_pairs(parties, parties):
            yield Found("sentLetterTo", s, r, verb, noun.lemma_.lower(), "dep:exchange", 0.8)
        return
    if lemma in lex["sending_verbs"] and noun is None:
        return
    if lemma not in lex["sending_verbs"] and lemma not in lex["writing_verbs"]:
        return
    medium = noun.lemma_.lower() if noun is not None else "letter"
    # "A letter from X was delivered to Y by Z": X wrote it, Z only carried it.
    authors = _noun_senders(noun, actors) if noun is not None else []
    following = _following(verb)
    if following is not None:  # "Deliver following message to X from the President"
        authors = authors or [e for o in prep_objects(following, "from")
                              for e in actors_of(o, actors)]
        verb_recipients = recipients_of(following, actors)
    else:
        verb_recipients = []
    doers = doers_of(verb, actors)
    senders = authors or doers
    if verb.dep_ == "pcomp" and verb.head.lower_ == "in" and (kind := _kindness_of(verb)):
        senders = actors_of(kind, actors) or senders  # "your courtesy in sending me a message"
    # "gave him a message for President Kennedy": the one it is for, not the one given it.
    recipients = [e for o in prep_objects(noun, "for") for e in actors_of(o, actors)] \
        if noun is not None else []
    if lemma in lex["answering_verbs"]:
        # "X replied to a letter from Y", "X answered Y's telegram": X wrote back to Y.
        letter = noun or next((o for o in prep_objects(verb, "to")
                               if o.lemma_.lower() in lex["correspondence_nouns"]), None)
        answered = _noun_senders(letter, actors) if letter is not None else []
        for s, r in distinct_pairs(doers, answered):
            yield Found("sentLetterTo", s, r, verb, "letter", f"dep:{lemma}-answer", 0.75)
        if answered:
            return
    handed_to = recipients_of(verb, actors)  # whom the letter was given to
    if not handed_to and lemma in lex["handing_verbs"]:  # telegraphese "… handed me by X"
        handed_to = [e for e in addressed_by(verb, actors) if e.type == "Person"]
    if authors and lemma in lex["handing_verbs"] and noun is not None and noun.i < verb.i:
        # "letter to President Kennedy from Khrushchev handed me by Semenov": the letter's
        # own addressee; "me" is only whom its carrier gave it to.
        recipients = recipients or recipients_of(noun, actors)
    recipients = recipients or verb_recipients or handed_to or (
        recipients_of(noun, actors) or _addressed_to(noun, actors) if noun else [])
    if not recipients and lemma in lex["writing_verbs"]:  # (a handing verb tried it above)
        recipients = addressed_by(verb, actors)
    if _to_each_other(verb):  # "letters X and Y sent to each other": both ways
        recipients = senders
    subject = child_of(verb, "nsubj")
    if not recipients and authors and lemma in lex["handing_verbs"]:
        # "Kim passed on a letter from Choe" in a journal: handed to its writer; "the purpose
        # of my visit was to deliver a message from the President": to whom the writer met
        # (both filled in by `kgraph.extract`).
        carried = any(d.type == "Person" and d.id not in {a.id for a in authors} for d in doers)
        for s in authors:
            yield Found("sentLetterTo", s, s, verb, medium,
                        f"dep:{lemma}-{'handed+speaker' if carried else 'verb+partner'}", 0.6)
        return
    if not recipients and not authors and subject is not None \
            and subject.text in lex["second_person"]:
        # "the letter you have sent on April 7": the addressee wrote to this document's writer.
        for s in senders:
            yield Found("sentLetterTo", s, s, verb, medium, f"dep:{lemma}-verb+speaker", 0.6)
        return
    # "Please pass following message": the telegram carries the message, sent as it is.
    relayed = "asserted" if following is not None else None
    # "I send you this message": the document itself, dated by it.
    this_one = noun is not None and verb.tag_ in {"VBP", "VBZ"} and any(
        c.dep_ == "det" and c.lower_ == "this" for c in noun.children)
    for s, r in distinct_pairs(senders, recipients):
        yield Found("sentLetterTo", s, r, verb, medium, f"dep:{lemma}-verb", 0.85, relayed,
                    sent_now=relayed is not None or this_one)
    if authors and lemma in lex["handing_verbs"]:
        # The one who hands over another's letter meets its addressee.
        by = [e for o in prep_objects(verb, "by") for e in actors_of(o, actors)]
        carriers = [d for d in doers or by
                    if d.type == "Person" and d.id not in {a.id for a in authors}]
        for carrier, r in distinct_pairs(carriers, [r for r in handed_to or recipients
                                                    if r.type == "Person"]):
            yield Found("metWith", carrier, r, verb, None, f"dep:{lemma}-handover", 0.7)


def _kindness_of(verb: Token) -> Token | None:
    """The owner of the courtesy a gerund tells ("your courtesy in sending me …")."""
    for token in verb.sent:
        if token.i < verb.i and token.lemma_.lower() in lexicon()["kindness_nouns"] \
                and (owner := child_of(token, "poss")) is not None:
            return owner
    return None


def _to_each_other(verb: Token) -> bool:
    return any(o.lower_ == "other" and any(c.lower_ in {"each", "one"} for c in o.children)
               or o.lower_ == "another" and o.i > 0 and o.doc[o.i - 1].lower_ == "one"
               for o in prep_objects(verb, "to"))


def _noun_senders(noun: Token, actors: Actors) -> list[Entity]:
    """Who wrote a letter-like noun: "X's letter", "a letter from X", "the telegram of X",
    "the Presidential message". (Children read once: a noun heading a long list has many.)"""
    children = list(noun.children)
    possessor = next((c for c in children if c.dep_ == "poss"), None) or _phrase_possessor(noun)
    if possessor is not None:
        return actors_of(possessor, actors)
    preps = [c for c in children if c.dep_ == "prep" and c.lower_ in {"from", "of"}]
    found = [e for p in preps if p.lower_ == "from" and (obj := _first_object(p)) is not None
             for e in actors_of(obj, actors)]
    if not found:  # "the telegram of Mao Zedong addressed to you"
        found = [e for p in preps if p.lower_ == "of" and (obj := _first_object(p)) is not None
                 for e in actors_of(obj, actors) if e.type != "Country"]
    if not found:  # "the Presidential message": an office's adjective bound to its holder
        found = [e for c in children if c.dep_ == "amod" and (e := actors.at(c.i))
                 and e.type == "Person"]
    if not found and (thanked := _thanked_for(noun)) is not None:
        found = actors_of(thanked, actors)
    return found


def _sent_to_under(noun: Token) -> bool:
    """ "the message which was delivered to me": the verb rule states it, with its date."""
    return any(c.dep_ in {"relcl", "acl"} and c.lemma_.lower() in lexicon()["sending_verbs"]
               and prep_objects(c, "to") for c in noun.children)


def _phrase_head(noun: Token) -> Token:
    """ "your message conveying congratulations" read as compounds: the phrase's head."""
    while noun.dep_ == "compound" and noun.head.i != noun.i:
        noun = noun.head
    return noun


def _phrase_possessor(noun: Token) -> Token | None:
    head = _phrase_head(noun)
    return child_of(head, "poss") if head.i != noun.i else None


def _thanked_for(noun: Token) -> Token | None:
    """ "thank you for the message": the one thanked, who wrote it."""
    noun = _phrase_head(noun)
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" \
            or prep.head.lemma_.lower() not in lexicon()["thanking_verbs"]:
        return None
    return child_of(prep.head, "dobj")


def _first_object(prep: Token) -> Token | None:
    """A preposition's object, looked for left to right (listing a preposition's children
    scans its whole subtree, long under "of" heading a list)."""
    doc = prep.doc
    for i in range(prep.i + 1, min(prep.right_edge.i, prep.i + 12) + 1):  # "of the last two"
        if doc[i].head.i == prep.i and doc[i].dep_ == "pobj":
            return doc[i]
    return None


def _addressed_to(noun: Token, actors: Actors) -> list[Entity]:
    """ "a telegram addressed to you", "the letter sent to Kim": recipients under the noun."""
    verbs = lexicon()["sending_verbs"]
    # The parser hangs "addressed to …" on the noun, on its verb, or makes the noun its subject.
    near = [c for c in noun.children if c.dep_ == "acl"]
    near += [c for c in noun.head.children if c.dep_ in {"advcl", "acl"} and c.i > noun.i]
    if noun.dep_ in {"nsubj", "nsubjpass"}:
        near.append(noun.head)
    return [e for verb in near if verb.lemma_.lower() in verbs
            for e in recipients_of(verb, actors)]


_INSTITUTIONS = {"Ministry", "Embassy", "Government", "Institution"}


def letters_received(verb: Token, actors: Actors) -> Iterator[Found]:
    """`[We] received your telegram`, `he had received letters from Ohno`: sender → receiver."""
    if verb.lemma_.lower() not in lexicon()["receiving_verbs"]:
        return
    noun = child_of(verb, "dobj")
    passive = noun is None
    noun = noun or child_of(verb, "nsubjpass")  # "Your telegram of 6 March has been received."
    if noun is None or noun.lemma_.lower() not in lexicon()["correspondence_nouns"]:
        return
    # "received two letters from X": the parser may hang "from X" on the verb.
    senders = _noun_senders(noun, actors) or [
        e for obj in prep_objects(verb, "from") for e in actors_of(obj, actors)]
    # "I received the telegram of Mao addressed to you": its addressee, not its relay.
    receivers = _addressed_to(noun, actors) or doers_of(verb, actors)
    subject = child_of(verb, "nsubj")
    if not senders and child_of(noun, "poss") is None and subject is not None \
            and subject.text in lexicon()["first_person"] and receivers:
        # "[I] have received the November 6 telegram": a reply cites the addressee's.
        yield Found("sentLetterTo", receivers[0], receivers[0], noun, noun.lemma_.lower(),
                    "dep:receive-verb+reply", 0.6)
        return
    if passive and not prep_objects(verb, "by") or not passive and not receivers \
            and subject is None:
        # Received by whoever writes this document: `kgraph.extract` fills it in.
        for s in senders:
            yield Found("sentLetterTo", s, s, noun, noun.lemma_.lower(),
                        "dep:receive-verb+speaker", 0.7)
        return
    for s, r in distinct_pairs(senders, receivers):
        yield Found("sentLetterTo", s, r, noun, noun.lemma_.lower(), "dep:receive-verb", 0.8)


def report_back(verb: Token, actors: Actors) -> Iterator[Found]:
    """ "Telegraph the fulfillment.", "Report implementation.": the addressee is to write
    back to the sender (a planned letter, parties filled in by `kgraph.extract`)."""
    lex = lexicon()
    if verb.lemma_.lower() not in lex["report_back_verbs"]:
        return
    imperative = verb.tag_ == "VB" and verb.dep_ == "ROOT" and child_of(
        verb, "nsubj", "aux") is None
    # The model reads a two-word order as a noun: "Telegraph implementation."
    headline = verb.dep_ == "compound" and verb.head.dep_ == "ROOT" and len(verb.sent) <= 5 \
        and not verb.is_upper and not any(t.like_num for t in verb.sent)  # not "CABLE Nº 2220"
    first = next((t for t in verb.sent if not t.is_punct), None)
    if not (imperative or headline) or first is None or (
            first.i != verb.i and first.lower_ not in lex["polite_openers"]):
        return
    if verb.lemma_.lower() in lex["sending_verbs"] and not any(
            t.lemma_.lower() in lex["correspondence_nouns"] | lex["writing_verbs"]
            for t in verb.subtree):
        return  # "Send troops": only "send by cable …" is writing back
    placeholder = actors.entities.get(next(iter(actors.entities), ""), None)
    if placeholder is not None:
        yield Found("sentLetterTo", placeholder, placeholder, verb, "telegram",
                    f"dep:{verb.lemma_.lower()}-back+back", 0.6, modality="planned")


def notices(verb: Token, actors: Actors) -> Iterator[Found]:
    """`The Department of State informed the Embassy in Seoul`: a telegram between offices;
    `The Embassy in Seoul also reported … (Telegram 1748 from Seoul, June 30)`: the cited
    telegram's other end."""
    lemma = verb.lemma_.lower()
    lex = lexicon()
    if lemma not in lex["notifying_verbs"] and lemma not in lex["cited_reply_verbs"]:
        return
    obj = child_of(verb, "dobj")
    recipients = actors_of(obj, actors) if obj is not None else recipients_of(verb, actors)
    senders = doers_of(verb, actors)
    if not recipients and lemma not in lex["cited_reply_verbs"] | {"report", "advise", "cable"}:
        return
    recipients = recipients or _cited_counterpart(verb, senders, actors)
    for s, r in distinct_pairs(senders, recipients):
        if s.type in _INSTITUTIONS and r.type in _INSTITUTIONS:
            yield Found("sentLetterTo", s, r, verb, "telegram", f"dep:{lemma}-office", 0.6)


def _cited_counterpart(verb: Token, senders: list[Entity], actors: Actors) -> list[Entity]:
    """The other end of the telegram an editorial note cites after the sentence: an
    embassy's telegram "from Seoul" went to the Department of State, the Department's
    "to Seoul" went to the Embassy there."""
    citation = citation_after(verb.sent)
    if citation is None or citation.place is None or not senders:
        return []
    sender = senders[0]
    gazetteer = load_gazetteer()
    if citation.direction == "from" and sender.type == "Embassy":
        other = gazetteer.entity("Ministry", "Department of State")
    elif citation.direction == "to" and sender.name == "Department of State":
        other = organization_entity(gazetteer, "Embassy", f"Embassy in {citation.place}")
    else:
        return []
    return [actors.entities.setdefault(other.id, other)]


def letters_from_noun(noun: Token, actors: Actors) -> Iterator[Found]:
    if noun.dep_ in {"nsubjpass", "dobj"} and noun.head.lemma_.lower() in (
        lexicon()["sending_verbs"] | lexicon()["writing_verbs"]
    ):
        return  # the verb rule covers it, with better arguments
    senders = _noun_senders(noun, actors)
    recipients = recipients_of(noun, actors) or _addressed_to(noun, actors)
    if not senders and recipients and noun.dep_ == "dobj" \
            and noun.head.lemma_.lower() in lexicon()["publishing_verbs"]:
        senders = doers_of(noun.head, actors)  # "Trump released a letter to Kim"
    medium = noun.lemma_.lower()
    if not senders and noun.dep_ == "pobj" and noun.head.lower_ == "in" \
            and noun.head.head.pos_ == "VERB":
        senders = doers_of(noun.head.head, actors)  # "In a letter to Y, X wrote …"
        # "In a telegram, X asked Y …": the one addressed is the addressee.
        recipients = recipients or [e for e in addressed_by(noun.head.head, actors)
                                    if e.type == "Person"]
    for s, r in distinct_pairs(senders, recipients):
        yield Found("sentLetterTo", s, r, noun, medium, f"dep:{medium}-noun", 0.75)
    if not recipients and prep_objects(noun, "to"):
        return  # "the message to Congress": addressed to someone who is no actor here
    possessor = child_of(noun, "poss") or _phrase_possessor(noun) or _thanked_for(noun)
    if senders and not recipients and possessor is not None \
            and possessor.text in lexicon()["second_person"] and not _sent_to_under(noun):
        # "your message of congratulations": the addressee wrote to whoever writes this;
        # a letter thanked for was sent, whatever the thanks' own mood ("May I thank you").
        thanked = "asserted" if _thanked_for(noun) is not None else None
        for s in senders:
            yield Found("sentLetterTo", s, s, noun, medium, f"dep:{medium}-noun+speaker", 0.7,
                        thanked)
    # "In telegram 2043 the Department informed U.S. Ambassadors": addressed there.
    addressed = noun.head.head.lemma_.lower() in lexicon()["notifying_verbs"] and child_of(
        noun.head.head, "dobj", "dative") is not None
    if senders and not recipients and noun.dep_ == "pobj" and noun.head.lower_ == "in" \
            and child_of(noun, "poss") is None and not addressed:
        # "In a personal letter on September 6, Kim said …": the addressee is whoever
        # this sender writes to elsewhere in the document (see `kgraph.extract.context`).
        for s in senders:
            yield Found("sentLetterTo", s, s, noun, medium, f"dep:{medium}-noun+context", 0.6)
    exchanged = _exchange_between(noun, actors)
    for s, r in distinct_pairs(exchanged, exchanged):
        yield Found("sentLetterTo", s, r, noun, medium, "dep:exchange", 0.75)


def _exchange_between(noun: Token, actors: Actors) -> list[Entity]:
    """Letters exchanged between X and Y: both directions."""
    verb = next((c for c in noun.children if c.lemma_.lower() in lexicon()["exchange_words"]),
                None)
    if verb is None and noun.head.lemma_.lower() in lexicon()["exchange_words"]:
        verb = noun.head
    if verb is None and noun.lemma_.lower() in lexicon()["two_way_correspondence_nouns"]:
        return parties_between(noun, actors) or _correspondents(noun, actors)
    if verb is None:
        return []
    return parties_between(verb, actors) or parties_between(noun, actors)


def _correspondents(noun: Token, actors: Actors) -> list[Entity]:
    """ "X's correspondence with Y"; "their correspondence" (the last plural subject)."""
    possessor = child_of(noun, "poss")
    if possessor is None:
        return []
    if possessor.lower_ == "their":  # (not the last two persons named: measured, wrong)
        return previous_plural_subject(possessor, actors)
    partners = [e for obj in prep_objects(noun, "with") for e in actors_of(obj, actors)]
    return [*actors_of(possessor, actors), *partners] if partners else []


def your_instruction(noun: Token, actors: Actors) -> Iterator[Found]:
    """ "Your order No. 48 has been fulfilled.", "your request in NSAM No. 298": the
    addressee's written instruction to whoever writes this (filled in by `kgraph.extract`)."""
    possessor = child_of(noun, "poss")
    if possessor is None or possessor.text not in lexicon()["second_person"]:
        return
    for sender in actors_of(possessor, actors):
        yield Found("sentLetterTo", sender, sender, noun, noun.lemma_.lower(),
                    f"dep:{noun.lemma_.lower()}-noun+speaker", 0.6, "asserted")
