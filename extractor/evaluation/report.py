"""Reports of an evaluation: a summary table, per-article differences, and a JSON form.

These functions return strings and dicts; only the CLI prints them.
"""

from __future__ import annotations

from typing import Any

from extractor.evaluation.scoring import (
    ACCURACY_METRICS,
    COUNT_METRICS,
    ArticleScore,
    CorpusScore,
)

_LABELS = {
    "companies": "companies",
    "people": "people",
    "deals_roles": "deals (roles)",
    "deals_strict": "deals (strict)",
    "quotes": "quotes",
}


def _pct(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:5.3f}"


def format_summary(score: CorpusScore, *, title: str = "") -> str:
    """The corpus table: P/R/F1 per matched category, then accuracies with their counts."""
    counts, accuracy = score.totals()
    metrics = score.metrics()
    lines = []
    if title:
        lines.append(title)
    lines.append(f"{metrics['articles']} articles, {metrics['failed_articles']} failed to extract")
    lines.append(f"{'':22} {'prec':>6} {'recall':>6} {'F1':>6}   {'tp':>4} {'fp':>4} {'fn':>4}")
    for key in COUNT_METRICS:
        c = counts[key]
        lines.append(
            f"{_LABELS[key]:22} {_pct(c.precision):>6} {_pct(c.recall):>6} {_pct(c.f1):>6}"
            f"   {c.tp:4d} {c.fp:4d} {c.fn:4d}"
        )
    lines.append(f"{'':22} {'acc':>6} {'overall':>7}   right/judged/gold")
    for key in ACCURACY_METRICS:
        a = accuracy[key]
        lines.append(
            f"{key.replace('_', ' '):22} {_pct(a.value):>6} {_pct(a.overall):>7}"
            f"   {a.correct:5d}/{a.total}/{a.possible}"
        )
    lines.append(
        f"{'false deals':22} {metrics['false_deals']:>6}   "
        "(predicted deal prices that are gold non-deal amounts)"
    )
    return "\n".join(line.rstrip() for line in lines)


def format_article(article: ArticleScore) -> str:
    """What one article got wrong, in words: missed and extra items, wrong fields."""
    lines = [f"== {article.name}"]
    if article.error:
        lines.append(f"  extraction failed: {article.error}")
    for key in COUNT_METRICS:
        if key == "deals_strict":
            continue
        c = article.counts[key]
        lines.append(f"  {_LABELS[key]}: P {_pct(c.precision)} R {_pct(c.recall)} F1 {_pct(c.f1)}")
    strict = article.counts["deals_strict"]
    lines.append(f"  deals (strict): {strict.tp} of {strict.tp + strict.fn} gold deals right")
    for category in ("companies", "people", "quotes", "deals"):
        missed = article.missed.get(category, [])
        extra = article.extra.get(category, [])
        if missed:
            lines.append(f"  missed {category}: " + "; ".join(missed))
        if extra:
            lines.append(f"  extra {category}: " + "; ".join(extra))
    lines.extend(f"  wrong {item}" for item in article.wrong)
    lines.extend(f"  false deal: {item}" for item in article.false_deals)
    if len(lines) == 1 + len(COUNT_METRICS):
        lines.append("  all right")
    return "\n".join(lines)


def format_report(score: CorpusScore, *, title: str = "", articles: bool = False) -> str:
    """The summary, preceded by every article's differences when ``articles`` is true."""
    parts = [format_article(a) for a in score.articles] if articles else []
    parts.append(format_summary(score, title=title))
    return "\n\n".join(parts)


def to_json(score: CorpusScore, *, corpus: str = "") -> dict[str, Any]:
    """Everything, for machines: headline metrics, raw counts and per-article details."""
    counts, accuracy = score.totals()
    return {
        "corpus": corpus,
        "metrics": score.metrics(),
        "counts": {k: vars(c) for k, c in counts.items()},
        "accuracy": {k: vars(a) for k, a in accuracy.items()},
        "articles": [
            {
                "file": a.name,
                "error": a.error,
                "counts": {k: vars(c) for k, c in a.counts.items()},
                "accuracy": {k: vars(x) for k, x in a.accuracy.items() if x.total},
                "missed": a.missed,
                "extra": a.extra,
                "wrong": a.wrong,
                "false_deals": a.false_deals,
            }
            for a in score.articles
        ],
    }
