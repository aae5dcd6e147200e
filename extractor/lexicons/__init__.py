"""Word lists kept as data: one JSON file per list in this folder.

Every file is an object with a ``"source"`` key (where the list comes from: a public standard,
a style guide, or "general English") and its data under other keys. ``load_lexicon`` reads a
file once per process; callers validate the shape they need (see each component).
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

from extractor.errors import LexiconError


@functools.cache
def load_lexicon(name: str) -> dict[str, Any]:
    """Load ``extractor/lexicons/<name>.json``.

    Raises:
        LexiconError: the file is missing, not JSON, or has no ``"source"`` key.
    """
    try:
        raw = resources.files(__name__).joinpath(f"{name}.json").read_text(encoding="utf-8")
        data = json.loads(raw)
    except (OSError, json.JSONDecodeError) as e:
        raise LexiconError(f"cannot load lexicon {name!r}: {e}") from e
    if not isinstance(data, dict) or "source" not in data:
        raise LexiconError(f"lexicon {name!r} must be a JSON object with a 'source' key")
    return data
