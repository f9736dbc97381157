import pytest
from thinc.api import NumpyOps
from threadpoolctl import threadpool_info

from kgraph.extract.nlp import (
    ModelNotFound,
    load_model,
    load_pipeline,
    model_name,
    one_blas_thread,
)

from .model_texts import installed_model, own_texts, plain_model, shared_texts


def test_default_model_loads_with_kgraph_components(nlp):
    assert {"kgraph_gazetteer", "kgraph_names", "ner", "parser"} <= set(nlp.pipe_names)
    assert model_name(nlp).startswith("en_core_web_sm") and model_name(nlp).endswith("-3.8.0")


def test_missing_model_is_one_line_with_install_hint():
    with pytest.raises(ModelNotFound) as info:
        load_pipeline("no_such_model_for_kgraph")
    message = str(info.value)
    assert "\n" not in message and "requirements/model.txt" in message


def test_hyphenated_korean_names_are_whole(nlp):
    doc = nlp("President Moon Jae-in met the Minister of Foreign Affairs Pak Seong-cheol.")
    people = [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert people == ["Moon Jae-in", "Pak Seong-cheol"]


def _analyses(nlp, texts: list[str]) -> list[list[tuple]]:
    return [[(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]
            for doc in nlp.pipe(texts)]


def test_kgraph_runs_the_model_on_numpy_blas(nlp):
    """The token vectors and tagger (most of the model's matrix work) run on numpy's BLAS;
    the parser's own C loop keeps spaCy's."""
    for name in ("tok2vec", "tagger"):
        nodes = list(nlp.get_pipe(name).model.walk())
        assert nodes and all(isinstance(m.ops, NumpyOps) and not m.ops.use_blis for m in nodes)


@pytest.mark.parametrize("texts", [own_texts, shared_texts], ids=["own", "shared"])
def test_numpy_blas_gives_spacys_own_tags_parses_and_entities(texts):
    """kgraph's backend swap (numpy's BLAS for thinc's BLIS) changes no analysis: every
    token's tag, head, dependency and entity is what plain spaCy gives, on the project's
    texts and on ../shared's (skipped without it)."""
    texts = texts()
    assert _analyses(load_model(installed_model()), texts) == _analyses(plain_model(), texts)


def test_extraction_uses_one_blas_thread_and_gives_the_rest_back():
    import numpy  # noqa: F401  (its BLAS is the one limited)

    def blas_threads() -> set[int]:
        return {lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"}

    before = blas_threads()
    with one_blas_thread():
        assert blas_threads() == {1}
    assert blas_threads() == before
