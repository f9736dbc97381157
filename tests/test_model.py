import pytest

from kgraph.extract.nlp import ModelNotFound, load_pipeline, model_name


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
