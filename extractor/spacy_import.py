"""Import spaCy without its command-line app, to start the ``extractor`` command faster.

spaCy 3.x runs ``from .cli.info import info`` in ``spacy/__init__.py`` only to offer
``spacy.info()``; that one line imports spaCy's whole command-line app (typer, weasel, the
project and training commands: ~300 modules, about a third of a cold ``extractor extract``).
spaCy 4 loads it lazily (explosion/spaCy#12962); until then, :func:`import_spacy_without_cli`
hands spaCy a stand-in ``spacy.cli.info`` for the duration of the import. The stand-in's
``info`` imports the real one on first call, and the stand-in is removed as soon as spaCy is
imported, so ``spacy.info()``, ``import spacy.cli`` and ``spacy`` commands all behave as usual.

Only the ``extractor`` command calls this (its start-up time is user-visible); importing
:mod:`extractor` as a library leaves spaCy's import alone.
"""

from __future__ import annotations

import sys
import types
from typing import Any

_INFO_MODULE = "spacy.cli.info"


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: imports spaCy's real one (and its command-line app) on first call."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy_without_cli() -> None:
    """Import spaCy, skipping its command-line app; a no-op when spaCy is already imported."""
    if "spacy" in sys.modules or _INFO_MODULE in sys.modules:
        return
    stand_in = types.ModuleType(_INFO_MODULE, "Stand-in used while spaCy is imported.")
    stand_in.info = _info  # type: ignore[attr-defined]
    sys.modules[_INFO_MODULE] = stand_in
    try:
        import spacy  # noqa: F401
    finally:
        if sys.modules.get(_INFO_MODULE) is stand_in:
            del sys.modules[_INFO_MODULE]
