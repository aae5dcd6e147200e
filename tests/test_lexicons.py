from __future__ import annotations

import json
from importlib import resources

import pytest

from extractor.errors import LexiconError
from extractor.lexicons import load_lexicon

NAMES = sorted(
    p.name.removesuffix(".json")
    for p in resources.files("extractor.lexicons").iterdir()
    if p.name.endswith(".json")
)


@pytest.mark.parametrize("name", NAMES)
def test_every_bundled_lexicon_loads_and_names_its_source(name: str) -> None:
    data = load_lexicon(name)
    assert data["source"]
    json.dumps(data)  # plain JSON data, nothing else


def test_missing_lexicon_raises_lexicon_error() -> None:
    with pytest.raises(LexiconError, match="no-such-list"):
        load_lexicon("no-such-list")
