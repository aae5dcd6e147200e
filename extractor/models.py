"""The output contract: pydantic models of one article's record.

Field names and meanings are fixed so that users and scoring tools can rely on them.
Vocabularies (deal kind, status, qualifier) follow the gold annotation format documented in
``corpus/README.md``. ``ArticleRecord.model_dump(mode="json")`` is the wire format; the JSON
Schema of it is published as ``schema/article_record.schema.json`` (kept in sync by a test).

All character offsets (``start``/``end``) refer to ``ArticleRecord.text``, the clean body.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Qualifier = Literal["over", "under", "about", "up_to", "at_least"]
DealKind = Literal["stake_purchase", "acquisition", "merger", "investment", "buyback", "divestment"]
DealStatus = Literal["completed", "agreed", "proposed", "cancelled", "historical"]
AmountRole = Literal[
    "price",
    "price_alternate",
    "valuation",
    "per_share_price",
    "revenue",
    "profit",
    "market_value",
    "funding",
    "fine",
    "debt",
    "other",
]
PercentRole = Literal["stake", "stake_after", "change", "other"]
Attribution = Literal["explicit", "continuation", "pronoun", "group", "none"]
CheckStatus = Literal["pass", "fail", "unknown"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Mention(_Record):
    """A stretch of the body text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Money(_Record):
    """A money figure as printed, normalised.

    ``low``/``high`` give the interval the printed figure stands for, from its printed
    precision and its qualifier ("$3.2bn" is 3.15bn to 3.25bn; "over $3.2bn" is 3.2bn and up,
    ``high`` null). Derived figures (an implied valuation) have ``start``/``end`` null.
    """

    amount: int | float = Field(
        ge=0,
        description="In currency units, not millions: 586000000 for '$586m'; an int unless the "
        "figure has a fractional part (4.5 for '450p', 32.75 for '$32.75 a share').",
    )
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    text: str = ""
    qualifier: Qualifier | None = None
    low: int | float | None = None
    high: int | float | None = None
    start: int | None = None
    end: int | None = None
    role: AmountRole = "other"
    per_share: bool = False
    alternates: list[int] = Field(
        default_factory=list,
        description="Indexes in ArticleRecord.amounts of the same figure in other currencies.",
    )


class Percent(_Record):
    """A percentage as printed, normalised to 0..100 (``value`` null for 'majority' etc.)."""

    value: float | None = Field(default=None, ge=0, le=100)
    text: str = ""
    qualifier: Qualifier | None = None
    low: float | None = None
    high: float | None = None
    start: int | None = None
    end: int | None = None
    role: PercentRole = "other"
    points: bool = Field(default=False, description="'percentage points': a change, not a stake.")
    qualitative: Literal["majority", "minority", "controlling"] | None = None
    changed_from: int | None = Field(
        default=None, description="Index in ArticleRecord.percentages of the 'from X%' figure."
    )
    changed_to: int | None = Field(
        default=None, description="Index in ArticleRecord.percentages of the 'to Y%' figure."
    )


class Company(_Record):
    name: str
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)


class Person(_Record):
    name: str
    role: str | None = None
    organization: str | None = None
    mentions: list[Mention] = Field(default_factory=list)


class Quote(_Record):
    text: str
    speaker: str | list[str] | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    attribution: Attribution = "none"
    speaker_role: str | None = None
    speaker_organization: str | None = None


class Check(_Record):
    name: str
    status: CheckStatus
    detail: str = ""


class Deal(_Record):
    acquirer: str | None = None
    target: str | None = None
    seller: str | None = None
    kind: DealKind
    status: DealStatus
    year: int | None = None
    stake: Percent | None = None
    stake_after: Percent | None = None
    price: Money | None = None
    price_alternates: list[Money] = Field(default_factory=list)
    valuation: Money | None = None
    implied_valuation: Money | None = None
    valuation_consistent: bool | None = None
    checks: list[Check] = Field(default_factory=list)
    evidence: list[Mention] = Field(default_factory=list)


class ArticleRecord(_Record):
    source: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    dateline: str | None = Field(default=None, description="Place named in a wire dateline.")
    text: str = Field(default="", description="The clean body that all offsets refer to.")
    companies: list[Company] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    amounts: list[Money] = Field(default_factory=list)
    percentages: list[Percent] = Field(default_factory=list)
    deals: list[Deal] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
