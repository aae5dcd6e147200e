"""The reading modules' doctests are examples users read: run them as tests."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "extractor.reading.dates",
    "extractor.reading.repair",
    "extractor.reading.wire",
    "extractor.reading.boilerplate",
    "extractor.reading.html",
]


@pytest.mark.parametrize("name", MODULES)
def test_module_doctests_pass(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
