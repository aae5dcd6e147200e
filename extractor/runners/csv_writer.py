"""CSV output for spreadsheets: one row per deal, flat columns, one row for a deal-less article.

An article's rows are appended in one write. Each row carries ``deals_in_article``, so that on
resume an article whose rows were cut short by a crash is recognised and dropped (it can only
be the last one in the file), then extracted again.
"""

from __future__ import annotations

import csv
import io
import logging
from pathlib import Path
from typing import Any

from extractor.errors import ConfigError
from extractor.runners.writers import AppendLog, Writer

logger = logging.getLogger(__name__)

#: NOTE: keep ``writers.sniff_format`` in sync with the first two columns.
COLUMNS: tuple[str, ...] = (
    "source",
    "sha256",
    "title",
    "publisher",
    "published",
    "deals_in_article",
    "deal_index",
    "kind",
    "status",
    "acquirer",
    "target",
    "seller",
    "year",
    "stake_percent",
    "stake_after_percent",
    "price_amount",
    "price_currency",
    "price_text",
    "valuation_amount",
    "valuation_currency",
    "implied_valuation_amount",
    "implied_valuation_currency",
    "valuation_consistent",
    "failed_checks",
    "evidence",
)


def deal_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The flat CSV rows of one article record: one per deal, or one with empty deal columns."""
    article = {
        "source": record.get("source"),
        "sha256": record.get("sha256"),
        "title": record.get("title"),
        "publisher": record.get("publisher"),
        "published": record.get("published"),
        "deals_in_article": len(record.get("deals") or []),
    }
    rows = []
    for index, deal in enumerate(record.get("deals") or []):
        price = deal.get("price") or {}
        valuation = deal.get("valuation") or {}
        implied = deal.get("implied_valuation") or {}
        rows.append(
            {
                **article,
                "deal_index": index,
                "kind": deal.get("kind"),
                "status": deal.get("status"),
                "acquirer": deal.get("acquirer"),
                "target": deal.get("target"),
                "seller": deal.get("seller"),
                "year": deal.get("year"),
                "stake_percent": (deal.get("stake") or {}).get("value"),
                "stake_after_percent": (deal.get("stake_after") or {}).get("value"),
                "price_amount": price.get("amount"),
                "price_currency": price.get("currency"),
                "price_text": price.get("text"),
                "valuation_amount": valuation.get("amount"),
                "valuation_currency": valuation.get("currency"),
                "implied_valuation_amount": implied.get("amount"),
                "implied_valuation_currency": implied.get("currency"),
                "valuation_consistent": deal.get("valuation_consistent"),
                "failed_checks": ";".join(
                    c["name"] for c in deal.get("checks") or [] if c.get("status") == "fail"
                ),
                "evidence": " | ".join(m.get("text", "") for m in deal.get("evidence") or []),
            }
        )
    return rows or [article]


def _cell(value: Any) -> Any:
    # One physical line per row: the partial-tail repair on resume relies on it.
    if isinstance(value, str):
        return " ".join(value.splitlines())
    return value


class CsvWriter(Writer):
    """Appends each article's rows in one write; a header on a new file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._log = AppendLog(path)
        self.done = {}
        header = ",".join(COLUMNS) + "\n"
        block_start = 0
        block: tuple[str, int, int] | None = None  # (sha256, rows expected, rows seen)
        saw_header = False
        for offset, line in self._log.lines():
            if not saw_header:
                if line.decode("utf-8", "replace") != header:
                    self._log.close()
                    raise ConfigError(
                        f"{str(path)!r} has other columns than an extractor batch CSV; "
                        "refusing to append to it"
                    )
                saw_header = True
                continue
            row = next(csv.DictReader(io.StringIO(line.decode("utf-8")), fieldnames=COLUMNS))
            sha, expected = row["sha256"], max(1, int(row["deals_in_article"] or 0))
            if block is None or block[0] != sha or block[2] >= block[1]:
                block_start, block = offset, (sha, expected, 0)
            block = (block[0], block[1], block[2] + 1)
            if block[2] == block[1]:
                self.done[sha] = row["source"]
        if block is not None and block[2] < block[1]:
            self._log.truncate_partial_tail(keep=block_start)  # an article cut short
        if not saw_header:
            self._log.append(header)

    def write(self, record: dict[str, Any]) -> None:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
        for row in deal_rows(record):
            writer.writerow({key: _cell(value) for key, value in row.items()})
        self._log.append(buffer.getvalue())

    def commit(self) -> None:
        self._log.commit()

    def close(self) -> None:
        self._log.close()
