"""extractor: business news in, structured and checked deal records out.

>>> from extractor import extract
>>> record = extract("Velmora will pay $240m for a 15% stake in Pellwick.")  # doctest: +SKIP
"""

import logging

from extractor.api import MAX_INPUT_BYTES, extract, extract_file
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

logging.getLogger(__name__).addHandler(logging.NullHandler())
