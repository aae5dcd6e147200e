"""A user's spaCy pipeline (by path) feeds its NER into the company and people components.

The test trains a tiny NER on a few invented sentences, saves it with ``nlp.to_disk`` and
loads it by path through ``extractor.extract(..., model=...)`` and the CLI's ``--model``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.training import Example
from spacy.util import fix_random_seed

import extractor
from extractor.cli import main

#: Sentences with the spans the tiny NER learns. Lower-case and ordinary-word names carry no
#: evidence our rules can see, so only the NER can make them entities.
TRAIN = [
    ("Analysts say kelpworks will grow fast.", [(13, 22, "ORG")]),
    ("Harvest said profits rose.", [(0, 7, "ORG")]),
    ("We met tomas ferro yesterday.", [(7, 18, "PERSON")]),
    ("Prices in Oslo rose.", []),
    ("The weather was fine.", []),
]


@pytest.fixture(scope="module")
def model_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    fix_random_seed(0)
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner")
    for label in ("ORG", "PERSON"):
        ner.add_label(label)
    examples = [Example.from_dict(nlp.make_doc(text), {"entities": ents}) for text, ents in TRAIN]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(40):
        nlp.update(examples, sgd=optimizer, drop=0.0)
    path = tmp_path_factory.mktemp("user_model") / "tiny_ner"
    nlp.to_disk(path)
    return path


def _companies(record: extractor.ArticleRecord) -> set[str]:
    return {c.name for c in record.companies}


def test_ner_org_makes_a_lower_case_name_a_company(model_path: Path) -> None:
    text = TRAIN[0][0]
    assert "kelpworks" not in _companies(extractor.extract(text))
    assert "kelpworks" in _companies(extractor.extract(text, model=str(model_path)))


def test_ner_org_makes_an_ordinary_word_a_company(model_path: Path) -> None:
    text = TRAIN[1][0]
    assert "Harvest" not in _companies(extractor.extract(text))
    assert "Harvest" in _companies(extractor.extract(text, model=str(model_path)))


def test_ner_person_makes_a_person(model_path: Path) -> None:
    text = TRAIN[2][0]
    assert extractor.extract(text).people == []
    people = extractor.extract(text, model=str(model_path)).people
    assert [p.name for p in people] == ["tomas ferro"]


def test_cli_model_option(
    model_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(TRAIN[0][0], encoding="utf-8")
    assert main(["extract", str(article), "--model", str(model_path)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert "kelpworks" in {c["name"] for c in record["companies"]}
