"""Measure the extractor against gold annotations: validation, matching, scoring, reports.

A runner-level package: it uses the public API and the output models, and nothing in the
extraction pipeline imports it.
"""

from __future__ import annotations

from extractor.evaluation.convert import gold_to_record
from extractor.evaluation.fingerprint import fingerprint_corpus
from extractor.evaluation.gold import GoldArticle, GoldFormatError, load_gold_corpus
from extractor.evaluation.run import evaluate_corpus
from extractor.evaluation.scoring import ArticleScore, CorpusScore, score_article

__all__ = [
    "ArticleScore",
    "CorpusScore",
    "GoldArticle",
    "GoldFormatError",
    "evaluate_corpus",
    "fingerprint_corpus",
    "gold_to_record",
    "load_gold_corpus",
    "score_article",
]
