"""The parsers' doctests are examples users read: run them as tests."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "extractor.parsing.numbers",
    "extractor.parsing.currencies",
    "extractor.parsing.intervals",
    "extractor.parsing.qualifiers",
    "extractor.parsing.money",
    "extractor.parsing.percents",
    "extractor.parsing.dates",
    "extractor.parsing.word_trie",
]


@pytest.mark.parametrize("name", MODULES)
def test_module_doctests_pass(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
