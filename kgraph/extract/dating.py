"""When an event happened, where its sentence gives no date: the policies of each genre
(telegrams report what just happened; a news story goes on from the day its lead names)."""

from __future__ import annotations

from datetime import date as date_cls

from spacy.tokens import Span

from kgraph.extract.arguments import Found
from kgraph.extract.citations import citation_after
from kgraph.extract.qualify import past_tense
from kgraph.normalize.dates import normalize_date
from kgraph.types import Document


def report_date(found: Found, document: Document) -> str | None:
    """The date of an event a dated document tells in the past with no date of its own.

    Telegrams and memoranda report what just happened: the report's month. News tells in
    the present perfect what happened that day ("Kim has walked across the border"): the
    article's date; a simple past in news may be any time, so it stays undated.
    """
    if not document.date or len(document.date) < 7:
        return None
    verb = found.trigger if found.trigger.pos_ in {"VERB", "AUX"} else found.trigger.head
    if document.format == "news":
        if found.trigger.pos_ not in {"VERB", "AUX"}:
            return None  # "has released letters exchanged in 1997": the release is today's
        # "Kim has walked across the border to meet Moon": the perfect governs the meeting.
        chain = [verb]
        while chain[-1].dep_ in {"xcomp", "advcl"} and len(chain) < 4:
            chain.append(chain[-1].head)
        perfect = any(v.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in {"has", "have"}
                                              for c in v.children) for v in chain)
        return document.date if perfect else None
    return document.date[:7] if past_tense(verb) else None


def after(date: str | None, written: str | None) -> bool:
    """Whether an event's date falls after the document was written (at both precisions)."""
    if not date or not written:
        return False
    precision = min(len(date), len(written))
    return date[:precision] > written[:precision]



# How close to a news article's date a date told earlier must be to carry on to the
# undated events after it: a story's lead fixes "on Saturday", its body goes on in the past.
NARRATIVE_DAYS = 7


def days_named(dates: list[Span], document: Document) -> list[str]:
    """The days a news sentence names, up to the article's date ("on Saturday", "on this
    day in 1985")."""
    if document.format != "news" or not document.date or len(document.date) != 10:
        return []
    named = (normalize_date(_with_year_after(span), document.date) for span in dates
             if span.label_ == "DATE")
    return [iso for iso in named if iso and len(iso) == 10 and iso <= document.date]


def _with_year_after(span: Span) -> str:
    """ "this day" + "in 1985" (the model cuts them apart): one expression."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].lower_ == "in" \
            and doc[span.end + 1].ent_type_ == "DATE" and doc[span.end + 1].like_num:
        return f"{span.text} in {doc[span.end + 1].text}"
    return span.text


def recent_date(days: list[str], document: Document) -> str | None:
    """The last of `days` within a week before the article's date."""
    if not days or not document.date or len(document.date) != 10:
        return None
    written = date_cls.fromisoformat(document.date)
    recent = [d for d in days if (written - date_cls.fromisoformat(d)).days <= NARRATIVE_DAYS]
    return recent[-1] if recent else None


def narrative_date(found: Found, document: Document, recent: str | None) -> str | None:
    """A news story's undated event told in the simple past happened on the day its
    story last named: in the sentence before, or lately ("… on Saturday delivered an
    invitation. Moon met with Kim …")."""
    if recent is None or document.format != "news":
        return None
    verb = found.trigger  # the clause's finite verb ("spoke … following a meeting")
    while (verb.pos_ not in {"VERB", "AUX"} or verb.tag_ == "VBG" and verb.dep_ == "prep") \
            and verb.head.i != verb.i:
        verb = verb.head
    return recent if past_tense(verb) else None


def cited_date(sentence: Span, reference: str | None) -> str | None:
    """The day of the telegram an editorial note cites after the sentence telling of it
    ("… reported … (Telegram 1748 from Seoul, June 30; ibid.)"), in the story's year."""
    citation = citation_after(sentence)
    if citation is None or citation.day is None:
        return None
    return normalize_date(citation.day, reference)
