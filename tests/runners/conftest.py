"""Helpers for the batch tests: article folders and hand-built records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from extractor.models import (
    ArticleRecord,
    Check,
    Company,
    Deal,
    Mention,
    Money,
    Percent,
    Person,
    Quote,
)

#: Invented articles, short enough to extract in milliseconds.
ARTICLES = {
    "a.txt": "Harbor Lane Foods agreed to buy a 30% stake in Quillfield Dairy for $12m.\n",
    "b.txt": "Marrow Systems said on Tuesday that it will sell its printing unit.\n",
    "c.html": "<html><head><title>Deal</title></head><body><p>Tessaly Group bought "
    "Brindle Works for €40 million.</p></body></html>\n",
}


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """A folder of three small articles (two .txt, one .html) and a file to ignore."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "notes.md").write_text("not an article by default\n", encoding="utf-8")
    return folder


def make_record(source: str, sha256: str, *, deals: int = 1, text: str = "x") -> dict[str, Any]:
    """A full record as the batch writes it: nested parts, ``deals`` deals, a content hash."""
    price = Money(amount=12_000_000, currency="USD", text="$12m", start=0, end=4, role="price")
    stake = Percent(value=30.0, text="30%", start=5, end=8, role="stake")
    record = ArticleRecord(
        source=source,
        title="A title",
        published="2024-03-01",
        text=text,
        companies=[
            Company(
                name="Harbor Lane Foods",
                aliases=["Harbor Lane"],
                mentions=[Mention(start=0, end=4, text="x")],
            ),
            Company(name="Quillfield Dairy"),
        ],
        people=[Person(name="Ada Brook", role="chief executive", organization="Harbor Lane Foods")],
        quotes=[
            Quote(text="We like it", speaker="Ada Brook", start=0, end=10, attribution="explicit"),
            Quote(text="Good", speaker=["Ada Brook", "Tom Reed"], start=11, end=15),
        ],
        amounts=[price],
        percentages=[stake],
        deals=[
            Deal(
                acquirer="Harbor Lane Foods",
                target="Quillfield Dairy",
                kind="stake_purchase",
                status="agreed",
                stake=stake,
                price=price,
                valuation_consistent=index != 1,
                checks=[Check(name="valuation", status="fail" if index == 1 else "pass")],
                evidence=[Mention(start=0, end=10, text="line one\nline two")],
            )
            for index in range(deals)
        ],
    ).model_dump(mode="json")
    record["sha256"] = sha256
    return record
