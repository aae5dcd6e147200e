"""The quality gate: evaluation scores on the gold corpora must not fall below their floors.

Floors and gold-data fingerprints are in scripts/eval_floors.json. When the gold data
changes, re-run ``python scripts/update_floors.py`` (floors only go up; lowering one needs
``--allow-lower --reason``) and commit the new floors with the data.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from extractor.evaluation import evaluate_corpus, fingerprint_corpus
from extractor.evaluation.gate import HEADLINE_METRICS, below_floors, headline

REPO = Path(__file__).resolve().parent.parent
FLOORS = REPO / "scripts" / "eval_floors.json"
CORPORA = {
    "corpus": REPO / "corpus",
    "heldout": REPO / "corpus" / "heldout",  # scored only: never tuned on
    "dev-corpus": REPO.parent / "shared" / "dev-corpus",
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CORPORA))
def test_eval_gate_scores_stay_above_floors(name: str, nlp: Language) -> None:
    root = CORPORA[name]
    if not any((root / "gold").glob("*.json")):
        pytest.skip(f"{root} has no gold files")
    entry = json.loads(FLOORS.read_text(encoding="utf-8"))["corpora"].get(name)
    assert entry is not None, (
        f"{name} has no floors in {FLOORS.name}: run python scripts/update_floors.py"
    )
    assert fingerprint_corpus(root) == entry["fingerprint"], (
        f"the gold data of {name} changed since its floors were set: re-run "
        "python scripts/update_floors.py and commit scripts/eval_floors.json with the data"
    )
    assert set(entry["floors"]) == set(HEADLINE_METRICS), "floors file lacks metrics: update it"
    scores = headline(evaluate_corpus(root, nlp=nlp).metrics())
    failures = below_floors(scores, entry["floors"])
    assert not failures, f"{name} scores fell below their floors:\n" + "\n".join(failures)
