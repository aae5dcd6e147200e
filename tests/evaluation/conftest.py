"""Fixtures of the evaluation tests: a small invented gold corpus and ways to vary it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

MINI = Path(__file__).resolve().parent.parent / "data" / "evaluation" / "mini"


@pytest.fixture
def mini_corpus() -> Path:
    """Two invented articles with gold: a stake purchase with a past deal, a divestment."""
    return MINI


@pytest.fixture
def mini_copy(tmp_path: Path) -> Path:
    """A writable copy of the mini corpus, for tests that break its gold files."""
    target = tmp_path / "mini"
    shutil.copytree(MINI, target)
    return target
