"""Exceptions raised by extractor.

All of them derive from one base class, so callers can catch everything the library raises
on purpose with ``except ExtractorError``::

    ExtractorError          base class: misuse of the API or input that cannot be read
    ├── InputError          the input cannot be read: undecodable, not text, too large
    ├── ConfigError         a bad option: unknown spaCy model, unknown output format, ...
    └── LexiconError        a bundled word list is malformed (also a ValueError)

Messy but readable text never raises: odd quote marks, strange numbers or a missing parse give
empty results and a warning in the record instead.
"""

from __future__ import annotations


class ExtractorError(Exception):
    """Base class of every error extractor raises on purpose."""


class InputError(ExtractorError):
    """The input cannot be read as an article (undecodable, binary, too large)."""


class ConfigError(ExtractorError):
    """An option has a value the library cannot use."""


class LexiconError(ExtractorError, ValueError):
    """A bundled word list does not have the expected form."""
