"""extractor: business news in, structured and checked deal records out.

>>> from extractor import extract
>>> record = extract("Velmora will pay $240m for a 15% stake in Pellwick.")  # doctest: +SKIP
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

from extractor.errors import ConfigError, ExtractorError, InputError, LexiconError
from extractor.models import (
    ArticleRecord,
    Check,
    Company,
    Deal,
    Mention,
    Money,
    Percent,
    Person,
    Quote,
)

if TYPE_CHECKING:
    from extractor.api import MAX_INPUT_BYTES, extract, extract_file
    from extractor.runners.batch import extract_many

__version__ = "0.1.0"

__all__ = [
    "MAX_INPUT_BYTES",
    "ArticleRecord",
    "Check",
    "Company",
    "ConfigError",
    "Deal",
    "ExtractorError",
    "InputError",
    "LexiconError",
    "Mention",
    "Money",
    "Percent",
    "Person",
    "Quote",
    "__version__",
    "extract",
    "extract_file",
    "extract_many",
]

#: Imported on first use (PEP 562): the pipeline pulls in spaCy (about a second) and the
#: batch runners their pools, which ``extractor --help`` or a models-only user never needs.
_LAZY = {
    "MAX_INPUT_BYTES": "extractor.api",
    "extract": "extractor.api",
    "extract_file": "extractor.api",
    "extract_many": "extractor.runners.batch",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'extractor' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


logging.getLogger(__name__).addHandler(logging.NullHandler())
