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

import spacy
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
        nlp = spacy.blank("en")
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
    rules = dict(nlp.tokenizer.rules or {})
    for key in _SCALE_LETTER_EXCEPTIONS:
        rules.pop(key, None)
    nlp.tokenizer.rules = rules


@functools.lru_cache(maxsize=4)
def get_nlp(model: str | None = None) -> Language:
    """The shared pipeline for ``model``, built once per process and reused."""
    logger.debug("building pipeline for model %r", model)
    return build_nlp(model)
