"""When an event happened, where its sentence gives no date: the policies of each genre
(telegrams report what just happened; a news story goes on from the day its lead names)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as date_cls

from spacy.tokens import Span, Token

from kgraph.extract.arguments import Found
from kgraph.extract.citations import citation_after
from kgraph.extract.qualify import past_tense
from kgraph.extract.titles import title_parts
from kgraph.normalize.dates import dates_with_year, normalize_date
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
    if not past_tense(verb):
        return None
    # A journal's entry tells that day ("Journal of … for 26 May 1957"); a report, lately.
    return document.date if _a_journal(document) else document.date[:7]


def _a_journal(document: Document) -> bool:
    return bool(document.title and title_parts(document.title).author)


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
             if span.label_ in {"DATE", "TIME"})  # "this morning" is a TIME
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


def cited_date(sentence: Span, reference: str | None) -> str | None:
    """The day of the telegram an editorial note cites after the sentence telling of it
    ("… reported … (Telegram 1748 from Seoul, June 30; ibid.)"), in the story's year."""
    citation = citation_after(sentence)
    if citation is None or citation.day is None:
        return None
    return normalize_date(citation.day, reference)


def _finite_verb(found: Found) -> Token:
    """The clause's finite verb ("spoke … following a meeting": spoke)."""
    verb = found.trigger
    while (verb.pos_ not in {"VERB", "AUX"} or verb.tag_ == "VBG" and verb.dep_ == "prep") \
            and verb.head.i != verb.i:
        verb = verb.head
    return verb


@dataclass
class StoryTime:
    """What a document's sentences have said about time so far, read in order.

    `here` resolves partial dates ("September 19") in the sentence being read: its own
    first full date, else the last day written before it, else the document's date.
    """

    document: Document
    reference: str | None = None  # the last full day written
    recent: str | None = None  # news: the last day named within a week of the article
    previous: str | None = None  # the day (news) or date (undated notes) the last sentence named
    here: str | None = None
    named: list[str] = field(default_factory=list)  # news: the days this sentence names
    said: str | None = None  # the first date this sentence names, at its precision

    def __post_init__(self) -> None:
        self.reference = self.document.date

    def enter(self, sentence: Span, dates: list[Span]) -> None:
        self.written = dates_with_year(sentence.text)
        self.here = self.written[0] if self.written else self.reference
        self.named = days_named(dates, self.document)
        self.said = None
        if not self.document.date and self.document.format != "news":  # only notes need it
            said = (normalize_date(_with_year_after(d), self.here) for d in dates
                    if d.label_ == "DATE")
            self.said = next((iso for iso in said if iso), None)

    def narrative(self, found: Found) -> str | None:
        """An undated event told in the simple past happened when the story last said:
        a news story's day (this sentence's, the one before's, or lately: "… on Saturday
        delivered an invitation. Moon met with Kim …"); in an undated editorial note, the
        date of the sentence before ("… visited Seoul October 1–3, 1964. During his visit
        he held meetings …")."""
        if self.document.format == "news":
            day = (self.named[-1] if self.named else None) or self.previous or self.recent
        elif not self.document.date:
            day = self.previous
        else:
            return None
        return day if day is not None and past_tense(_finite_verb(found)) else None

    def leave(self) -> None:
        """After a sentence: a day carries the story's time on ("to be held in April
        1965" is a plan, not a day)."""
        days = [d for d in self.written if len(d) == 10]
        self.reference = days[-1] if days else self.reference or (
            self.written[-1] if self.written else None)
        self.recent = recent_date(self.named, self.document) or self.recent
        if self.document.format == "news":
            self.previous = self.named[-1] if self.named else None
        else:
            self.previous = self.said
