from __future__ import annotations

import extractor


def test_all_is_sorted_and_complete() -> None:
    assert extractor.__all__ == sorted(extractor.__all__)
    for name in extractor.__all__:
        assert hasattr(extractor, name), name


def test_every_error_derives_from_extractor_error() -> None:
    for name in ("InputError", "ConfigError", "LexiconError"):
        assert issubclass(getattr(extractor, name), extractor.ExtractorError)
