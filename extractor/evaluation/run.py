"""Run the extractor over a gold corpus and score it: the evaluation entry point."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from spacy.language import Language

from extractor.api import extract_file
from extractor.errors import ExtractorError
from extractor.evaluation.gold import GoldArticle, load_gold_corpus
from extractor.evaluation.scoring import CorpusScore, score_article
from extractor.models import ArticleRecord
from extractor.nlp import build_nlp

logger = logging.getLogger(__name__)

Predictor = Callable[[Path, GoldArticle], ArticleRecord]


def evaluate_corpus(
    corpus_dir: str | Path,
    *,
    model: str | None = None,
    nlp: Language | None = None,
    predict: Predictor | None = None,
) -> CorpusScore:
    """Extract every article of a gold corpus and score the records against the gold.

    The pipeline is built once. An article the extractor cannot read is scored as an empty
    record (everything missed) and its error kept in the report, so one bad file never hides
    the scores of the others.

    Args:
        corpus_dir: folder with ``articles/`` and ``gold/``.
        model: spaCy pipeline whose NER feeds ours (as in ``extract``).
        nlp: a ready pipeline (overrides ``model``).
        predict: replaces the extractor, e.g. ``lambda path, gold: gold_to_record(gold)``.

    Raises:
        GoldFormatError: the gold data does not follow the format (every problem listed).
    """
    corpus = load_gold_corpus(corpus_dir)
    if predict is None:
        pipeline = nlp if nlp is not None else build_nlp(model)

        def predict(path: Path, gold: GoldArticle) -> ArticleRecord:
            return extract_file(path, nlp=pipeline)

    result = CorpusScore()
    for path, gold in corpus:
        error = None
        try:
            record = predict(path, gold)
        except ExtractorError as e:
            logger.warning("%s: extraction failed: %s", path.name, e)
            record, error = ArticleRecord(source=str(path)), str(e)
        score = score_article(record, gold)
        score.error = error
        result.articles.append(score)
    return result
