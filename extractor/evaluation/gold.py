"""Gold annotation files: their pydantic models, and loading a whole corpus with validation.

A gold corpus is a folder with ``articles/NAME.txt|html`` (the article as saved) and
``gold/NAME.json`` (what a careful reader takes out of it). The format is documented in
``corpus/README.md``. Loading validates every file and collects every problem, so that an
annotator sees the whole list at once instead of fixing one error per run.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from extractor.errors import ExtractorError
from extractor.evaluation.matching import money_match, normalise_name
from extractor.lexicons import load_lexicon
from extractor.models import DealKind, DealStatus, Qualifier

logger = logging.getLogger(__name__)

GOLD_DIR = "gold"
ARTICLES_DIR = "articles"


class GoldFormatError(ExtractorError):
    """One or more gold files do not follow the format; ``problems`` lists every one."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        listing = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the gold data:\n{listing}")


@functools.cache
def _iso_codes() -> frozenset[str]:
    return frozenset(load_lexicon("eval_iso4217")["codes"])


class _Gold(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GoldAmount(_Gold):
    """A money figure in whole currency units with its ISO 4217 code."""

    amount: float = Field(ge=0)
    currency: str

    @field_validator("currency")
    @classmethod
    def _known_currency(cls, value: str) -> str:
        if value not in _iso_codes():
            raise ValueError(f"{value!r} is not an ISO 4217 currency code (e.g. 'USD', 'EUR')")
        return value


class GoldValuation(GoldAmount):
    qualifier: Qualifier | None = None


class GoldNonDealAmount(GoldAmount):
    what: str | None = None


class GoldCompany(_Gold):
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)


class GoldPerson(_Gold):
    name: str = Field(min_length=1)
    role: str | None = None
    organization: str | None = None


class GoldDeal(_Gold):
    # Every key is required (null where the article does not say): an explicit null is a
    # statement the scorer relies on, a forgotten key is a mistake.
    acquirer: str | None
    target: str | None
    seller: str | None
    kind: DealKind
    stake_percent: float | None = Field(ge=0, le=100)
    stake_after_percent: float | None = Field(ge=0, le=100)
    price: GoldAmount | None
    price_alternates: list[GoldAmount]
    valuation: GoldValuation | None
    implied_valuation: GoldAmount | None
    valuation_consistent: bool | None
    year: int | None = Field(ge=1800, le=2100)
    status: DealStatus


class GoldQuote(_Gold):
    starts_with: str = Field(min_length=1)
    speaker: str | list[str] | None


class GoldArticle(_Gold):
    """One gold file. ``facts_from`` optionally lists where the facts of the story come from."""

    file: str = Field(min_length=1)
    title: str | None
    publisher: str | None
    published: dt.date | None
    companies: list[GoldCompany]
    people: list[GoldPerson]
    deals: list[GoldDeal]
    quotes: list[GoldQuote]
    non_deal_amounts: list[GoldNonDealAmount]
    facts_from: list[str] = Field(default_factory=list)


def _json_path(loc: tuple[int | str, ...]) -> str:
    path = "$"
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def _describe(error: dict[str, object]) -> str:
    kind = error.get("type")
    if kind == "missing":
        return "required key is missing (use null when the article does not say)"
    if kind == "extra_forbidden":
        return "unknown key (not part of the gold format)"
    message = str(error.get("msg", "invalid value"))
    message = message.removeprefix("Value error, ")
    return f"{message}, got {error.get('input')!r}"


def _deal_arithmetic(deal: GoldDeal) -> list[str]:
    """The derived deal fields must follow from the printed ones, as the format defines them."""
    price, stake, implied = deal.price, deal.stake_percent, deal.implied_valuation
    problems = []
    if price is not None and stake:
        expected = price.amount / (stake / 100)
        if implied is None:
            problems.append(f"implied_valuation: missing, expected about {expected:,.0f}")
        elif implied.currency != price.currency or not money_match(
            implied.amount, implied.currency, expected, price.currency
        ):
            problems.append(
                f"implied_valuation: {implied.currency} {implied.amount:,.0f} is not price / "
                f"(stake_percent / 100) = {price.currency} {expected:,.0f}"
            )
    elif implied is not None:
        problems.append("implied_valuation: must be null when price or stake_percent is null")
    if deal.valuation_consistent is not None and (deal.valuation is None or implied is None):
        problems.append(
            "valuation_consistent: must be null when there is no valuation and implied "
            "valuation to compare"
        )
    return problems


def _cross_check(gold: GoldArticle) -> list[str]:
    """Problems that no single field shows.

    Deal parties and speakers must be listed names, names are listed once, and derived deal
    figures must follow from the printed ones.
    """
    names = {c.name for c in gold.companies} | {p.name for p in gold.people}
    problems = []
    for i, deal in enumerate(gold.deals):
        for role in ("acquirer", "target", "seller"):
            value = getattr(deal, role)
            if value is not None and value not in names:
                problems.append(
                    f"$.deals[{i}].{role}: {value!r} is not the name of a company or person "
                    "listed in this file"
                )
    for i, deal in enumerate(gold.deals):
        problems.extend(f"$.deals[{i}].{p}" for p in _deal_arithmetic(deal))
    for key, items in (("companies", gold.companies), ("people", gold.people)):
        seen: set[str] = set()
        for i, item in enumerate(items):
            form = normalise_name(item.name)
            if form in seen:
                problems.append(f"$.{key}[{i}].name: {item.name!r} is listed twice")
            seen.add(form)
    for i, quote in enumerate(gold.quotes):
        speakers = [quote.speaker] if isinstance(quote.speaker, str) else quote.speaker or []
        for name in speakers:
            if name not in names:
                problems.append(
                    f"$.quotes[{i}].speaker: {name!r} is not the name of a company or person "
                    "listed in this file"
                )
    return problems


def _raw_checks(raw: object, articles_dir: Path) -> list[str]:
    """Unlisted names and a missing article, read from a gold file that failed validation.

    Tolerant of any shape: whatever is not where the format puts it is skipped (validation
    has already reported it).
    """
    if not isinstance(raw, dict):
        return []

    def items(key: str) -> list[dict[str, object]]:
        value = raw.get(key)
        return [x for x in value if isinstance(x, dict)] if isinstance(value, list) else []

    names = {x.get("name") for x in items("companies") + items("people")}
    problems = []
    for i, deal in enumerate(items("deals")):
        for role in ("acquirer", "target", "seller"):
            value = deal.get(role)
            if isinstance(value, str) and value not in names:
                problems.append(
                    f"$.deals[{i}].{role}: {value!r} is not the name of a company or person "
                    "listed in this file"
                )
    for i, quote in enumerate(items("quotes")):
        speaker = quote.get("speaker")
        speakers = speaker if isinstance(speaker, list) else [speaker]
        for name in speakers:
            if isinstance(name, str) and name not in names:
                problems.append(
                    f"$.quotes[{i}].speaker: {name!r} is not the name of a company or person "
                    "listed in this file"
                )
    file = raw.get("file")
    if isinstance(file, str) and file and not (articles_dir / file).is_file():
        problems.append(f"$.file: {file!r} does not exist in {articles_dir}")
    return problems


def load_gold_file(path: Path, articles_dir: Path) -> tuple[GoldArticle | None, list[str]]:
    """Validate one gold file.

    Returns:
        The parsed gold (None when invalid) and its problems, each "file: JSON path: what".
    """
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        return None, [f"{path.name}: not readable as UTF-8 JSON: {e}"]
    try:
        gold = GoldArticle.model_validate(raw)
    except ValidationError as e:
        # Also report the name and file problems, so that one run lists every problem at once.
        problems = [
            f"{path.name}: {_json_path(tuple(err['loc']))}: {_describe(dict(err))}"
            for err in e.errors()
        ]
        return None, problems + [f"{path.name}: {p}" for p in _raw_checks(raw, articles_dir)]
    problems = [f"{path.name}: {p}" for p in _cross_check(gold)]
    if not (articles_dir / gold.file).is_file():
        problems.append(f"{path.name}: $.file: {gold.file!r} does not exist in {articles_dir}")
    return (None if problems else gold), problems


def load_gold_corpus(corpus_dir: str | Path) -> list[tuple[Path, GoldArticle]]:
    """Load and validate every ``gold/*.json`` of a corpus folder.

    Returns:
        (article path, gold) pairs sorted by gold file name.

    Raises:
        GoldFormatError: the folder is not a corpus, or any file breaks the format; the error
            lists every problem of every file.
    """
    root = Path(corpus_dir)
    gold_dir, articles_dir = root / GOLD_DIR, root / ARTICLES_DIR
    if not gold_dir.is_dir() or not articles_dir.is_dir():
        raise GoldFormatError(
            [f"{root}: a gold corpus needs the sub-folders {ARTICLES_DIR}/ and {GOLD_DIR}/"]
        )
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise GoldFormatError([f"{gold_dir}: no gold files (*.json)"])
    problems: list[str] = []
    loaded: list[tuple[Path, GoldArticle]] = []
    for path in files:
        gold, found = load_gold_file(path, articles_dir)
        problems.extend(found)
        if gold is not None:
            loaded.append((articles_dir / gold.file, gold))
    if problems:
        raise GoldFormatError(problems)
    annotated = {path.name for path, _ in loaded}
    for article in sorted(articles_dir.iterdir()):
        if article.is_file() and article.name not in annotated:
            logger.warning("%s has no gold file: it is not evaluated", article.name)
    return loaded
