"""The output contract: published JSON Schema in sync, extra fields refused, round trips."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest
from pydantic import ValidationError

from extractor.models import ArticleRecord, Deal, Money, Percent

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("schema_generate", SCHEMA_DIR / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_published_schema_is_in_sync_with_the_models() -> None:
    published = (SCHEMA_DIR / "article_record.schema.json").read_text(encoding="utf-8")
    assert published == _generator().render_schema(), "run: python schema/generate.py"


def test_published_schema_lists_the_contract_fields() -> None:
    schema = json.loads((SCHEMA_DIR / "article_record.schema.json").read_text(encoding="utf-8"))
    assert schema["additionalProperties"] is False
    assert {"source", "title", "publisher", "published", "text", "companies", "people"} <= set(
        schema["properties"]
    )
    assert {"quotes", "amounts", "percentages", "deals", "warnings"} <= set(schema["properties"])


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (Money, {"amount": 5, "currency": "USD", "colour": "green"}),
        (Percent, {"value": 20.0, "stake": True}),
        (ArticleRecord, {"text": "", "summary": "no such field"}),
        (Deal, {"kind": "acquisition", "status": "agreed", "price_usd": 5}),
    ],
    ids=["money", "percent", "record", "deal"],
)
def test_models_forbid_extra_fields(model: type, fields: dict[str, object]) -> None:
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        model(**fields)


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (Money, {"amount": 5, "currency": "usd"}),  # ISO 4217 codes are upper case
        (Money, {"amount": -1}),
        (Percent, {"value": 120.0}),
        (Deal, {"kind": "takeover", "status": "agreed"}),  # not in the gold vocabulary
        (Deal, {"kind": "acquisition", "status": "rumoured"}),
    ],
    ids=["currency-case", "negative", "over-100", "kind", "status"],
)
def test_models_reject_values_outside_the_contract(model: type, fields: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        model(**fields)


def test_records_are_frozen() -> None:
    record = ArticleRecord(text="x")
    with pytest.raises(ValidationError):
        record.text = "y"  # type: ignore[misc]


#: A gold-like record of an invented article, in the wire format.
GOLD_LIKE = {
    "source": "anvil.txt",
    "title": "Acme buys a fifth of Widget Works",
    "publisher": "The Anvil Times",
    "published": "2024-06-03",
    "dateline": "LONDON",
    "text": "Acme has bought 20% of Widget Works for $5m, valuing it at $25m.",
    "companies": [
        {
            "name": "Acme",
            "aliases": ["Acme Holdings"],
            "mentions": [{"start": 0, "end": 4, "text": "Acme"}],
        },
        {"name": "Widget Works", "aliases": [], "mentions": []},
    ],
    "people": [{"name": "Jo Bloggs", "role": "chief executive", "organization": "Acme"}],
    "quotes": [
        {
            "text": "We like widgets",
            "speaker": "Jo Bloggs",
            "start": 10,
            "end": 25,
            "attribution": "explicit",
        }
    ],
    "amounts": [
        {
            "amount": 5000000,
            "currency": "USD",
            "text": "$5m",
            "low": 4500000,
            "high": 5500000,
            "start": 39,
            "end": 42,
            "role": "price",
        },
        {
            "amount": 25000000,
            "currency": "USD",
            "text": "$25m",
            "start": 59,
            "end": 63,
            "role": "valuation",
        },
    ],
    "percentages": [{"value": 20.0, "text": "20%", "start": 16, "end": 19, "role": "stake"}],
    "deals": [
        {
            "acquirer": "Acme",
            "target": "Widget Works",
            "seller": None,
            "kind": "stake_purchase",
            "status": "completed",
            "year": None,
            "stake": {"value": 20.0, "text": "20%", "start": 16, "end": 19, "role": "stake"},
            "price": {"amount": 5000000, "currency": "USD", "text": "$5m", "role": "price"},
            "valuation": {"amount": 25000000, "currency": "USD", "role": "valuation"},
            "implied_valuation": {"amount": 25000000, "currency": "USD", "role": "valuation"},
            "valuation_consistent": True,
            "checks": [{"name": "valuation", "status": "pass", "detail": "25m vs 25m"}],
            "evidence": [{"start": 0, "end": 63, "text": "Acme has bought ..."}],
        }
    ],
    "warnings": ["input is not UTF-8; decoded as cp1252 (detected)"],
}


def test_gold_like_record_round_trips_through_json() -> None:
    record = ArticleRecord.model_validate(GOLD_LIKE)
    wire = json.loads(json.dumps(record.model_dump(mode="json")))
    assert ArticleRecord.model_validate(wire) == record
    assert wire["published"] == "2024-06-03"
    assert wire["deals"][0]["stake"]["value"] == 20.0
    assert wire["companies"][0]["mentions"][0] == {"start": 0, "end": 4, "text": "Acme"}


def test_money_keeps_fractional_units_and_rounds_large_figures() -> None:
    from decimal import Decimal

    from extractor.assemble import currency_units

    assert currency_units(Decimal("4.5")) == 4.5  # "450p" is 4.50 pounds, not 5
    assert currency_units(Decimal("32.755")) == 32.755
    assert currency_units(Decimal("2841666666.6667")) == 2841666667
    assert isinstance(currency_units(Decimal("412000000")), int)
    assert currency_units(None) is None


def test_interval_bounds_are_exact_and_percent_changes_are_linked() -> None:
    from extractor import extract

    record = extract(
        "Tolbay paid $1,200 for the domain. Later Tolbay lifted its holding in Marrow Lane "
        "from 42.5 per cent to 47.25 per cent."
    )
    price = record.amounts[0]
    assert (price.amount, price.low, price.high) == (1200, 1199.5, 1200.5)
    before, after = record.percentages
    assert (before.value, before.changed_to, before.changed_from) == (42.5, 1, None)
    assert (after.value, after.changed_from, after.changed_to) == (47.25, 0, None)
