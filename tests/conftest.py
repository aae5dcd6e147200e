"""Shared fixtures: one pipeline per session, and the location of ../shared when present."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from extractor.nlp import build_nlp

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DEV_CORPUS = SHARED / "dev-corpus"
SEED = SHARED / "seed" / "000_02f1129fe093dec1.txt"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The default pipeline (blank English + our components), built once."""
    return build_nlp()


@pytest.fixture(scope="session")
def dev_corpus() -> Path:
    """The team's annotated dev corpus; tests using it skip cleanly when ../shared is absent."""
    if not (DEV_CORPUS / "articles").is_dir():
        pytest.skip("../shared/dev-corpus is not present")
    return DEV_CORPUS


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip("../shared/seed is not present")
    return SEED
