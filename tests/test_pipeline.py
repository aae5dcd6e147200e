from __future__ import annotations

from spacy.language import Language

from extractor.nlp import PIPE_ORDER, get_nlp


def test_pipeline_has_components_in_order(nlp: Language) -> None:
    assert tuple(nlp.pipe_names) == PIPE_ORDER


def test_pipeline_analysis_has_no_unmet_requirements(nlp: Language) -> None:
    analysis = nlp.analyze_pipes(pretty=False)
    assert analysis["problems"] == {name: [] for name in nlp.pipe_names}


def test_get_nlp_is_built_once() -> None:
    assert get_nlp() is get_nlp()


def test_scale_letter_before_full_stop_is_its_own_token(nlp: Language) -> None:
    doc = nlp.make_doc("Revenue was £742m. Profit rose.")
    assert [t.text for t in doc][3:6] == ["742", "m", "."]
    assert [t.text for t in nlp.make_doc("It opens at 9 a.m. daily.")][4] == "a.m."
