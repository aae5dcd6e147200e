from __future__ import annotations

import subprocess
import sys

import pytest

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


def test_importing_the_package_leaves_spacy_and_the_runners_unloaded() -> None:
    # `extractor --help` and models-only users should not pay spaCy's second of import time.
    code = (
        "import sys, extractor\n"
        "assert 'spacy' not in sys.modules and 'extractor.runners' not in sys.modules\n"
        "extractor.extract_many\n"
        "assert 'extractor.runners.batch' in sys.modules\n"
        "print(extractor.MAX_INPUT_BYTES)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) == extractor.MAX_INPUT_BYTES


def test_an_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        extractor.no_such_name  # noqa: B018
