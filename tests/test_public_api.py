from __future__ import annotations

import extractor
from extractor import errors

PUBLIC_API = {
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
}


def test_all_lists_exactly_the_public_api() -> None:
    # Sorting is enforced by ruff (RUF022); here: nothing missing, nothing extra, no duplicate.
    assert len(extractor.__all__) == len(set(extractor.__all__))
    assert set(extractor.__all__) >= PUBLIC_API
    for name in extractor.__all__:
        assert hasattr(extractor, name), name


def test_every_error_derives_from_extractor_error() -> None:
    for name in ("InputError", "ConfigError", "LexiconError"):
        assert issubclass(getattr(errors, name), extractor.ExtractorError)
