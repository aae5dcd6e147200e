"""Builds the spaCy pipeline: the only module that knows the order of the components.

The default is ``spacy.blank("en")`` plus our components, because spaCy's pretrained English
pipelines cannot be installed everywhere. A user may name an installed pipeline (package name
or path); its ``ner`` (and parser, if any) then run first and feed our components as extra
evidence.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import Any, ClassVar

import spacy
from spacy.lang.en import English
from spacy.language import Language
from spacy.tokens import Doc

import extractor.components  # noqa: F401  (registers the factories)
from extractor.errors import ConfigError

logger = logging.getLogger(__name__)

#: Our components, in the order they run. NOTE: keep in sync with each factory's ``requires``.
PIPE_ORDER: tuple[str, ...] = (
    "extractor_sentences",
    "extractor_money",
    "extractor_percents",
    "extractor_dates",
    "extractor_companies",
    "extractor_people",
    "extractor_quotes",
    "extractor_deals",
)

#: Components of a user's pipeline that we keep; the rest (lemmatizer, textcat ...) are disabled.
USER_PIPES_KEPT = frozenset(
    {"tok2vec", "transformer", "tagger", "attribute_ruler", "parser", "ner"}
)


def build_nlp(model: str | Path | None = None) -> Language:
    """Create a pipeline: a blank English one, or ``model`` with our components appended.

    Args:
        model: name of an installed spaCy pipeline package or a path to a saved one.

    Raises:
        ConfigError: ``model`` cannot be loaded.
    """
    if not Doc.has_extension("extractor_published"):
        # The article's publication date, set by the caller before the pipeline runs, so that
        # "last year" and exchange rates resolve against it.
        Doc.set_extension("extractor_published", default=None)
    if model is None:
        nlp = NewsEnglish.from_config({})
    else:
        try:
            nlp = spacy.load(model)
        except (OSError, ValueError) as e:
            raise ConfigError(
                f"cannot load spaCy pipeline {str(model)!r}: expected an installed package "
                f"name (e.g. 'en_core_web_sm') or the path of a saved pipeline ({e})"
            ) from e
        for name in list(nlp.pipe_names):
            if name not in USER_PIPES_KEPT:
                nlp.disable_pipe(name)
        _split_scale_letters(nlp)
    for name in PIPE_ORDER:
        if name == "extractor_sentences" and nlp.has_pipe("parser"):
            continue  # a parser sets sentence boundaries itself
        nlp.add_pipe(name)
    return nlp


#: English tokenizer exceptions that keep "m." / "b." / "k." as one token (initials). In
#: business news they are scale letters ending a sentence ("revenue of £742m."): split them so
#: the full stop ends the sentence and the money span stops before it.
_SCALE_LETTER_EXCEPTIONS = ("m.", "b.", "k.")


def _split_scale_letters(nlp: Language) -> None:
    """Drop the scale-letter exceptions from a loaded pipeline's tokenizer (reloads them all)."""
    rules = dict(nlp.tokenizer.rules or {})
    for key in _SCALE_LETTER_EXCEPTIONS:
        rules.pop(key, None)
    nlp.tokenizer.rules = rules


class NewsEnglishDefaults(English.Defaults):  # type: ignore[misc]
    """English defaults without the scale-letter exceptions: the blank tokenizer is built once
    with the right rules (editing ``tokenizer.rules`` afterwards loads all ~2,700 special cases
    a second time, about 0.1 s of start-up)."""

    tokenizer_exceptions: ClassVar[dict[str, Any]] = {
        key: value
        for key, value in English.Defaults.tokenizer_exceptions.items()
        if key not in _SCALE_LETTER_EXCEPTIONS
    }


class NewsEnglish(English):
    """``spacy.blank("en")`` with ``NewsEnglishDefaults``."""

    Defaults = NewsEnglishDefaults


def get_nlp(model: str | None = None) -> Language:
    """The shared pipeline for ``model``, built once per process and reused."""
    return _cached_nlp(model)  # one cache key for get_nlp() and get_nlp(None)


@functools.lru_cache(maxsize=4)
def _cached_nlp(model: str | None) -> Language:
    logger.debug("building pipeline for model %r", model)
    return build_nlp(model)
