"""SQLite output: one table per kind of thing, keyed to ``articles``, ready for SQL.

Each article is inserted inside a savepoint (all its rows or none) and ``commit`` ends the
transaction, so a run killed at any moment leaves the database as of its last commit.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path
from typing import Any

from extractor.errors import ConfigError
from extractor.runners.writers import Writer

logger = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    source TEXT,
    title TEXT,
    publisher TEXT,
    published TEXT,
    dateline TEXT,
    text TEXT,
    warnings TEXT                         -- JSON list of strings
);
CREATE TABLE IF NOT EXISTS companies (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,                 -- position in the record's list
    name TEXT NOT NULL,
    aliases TEXT,                         -- JSON list of strings
    UNIQUE (article_id, idx)
);
CREATE TABLE IF NOT EXISTS people (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    name TEXT NOT NULL,
    role TEXT,
    organization TEXT,
    UNIQUE (article_id, idx)
);
CREATE TABLE IF NOT EXISTS quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT,                         -- one name, or a JSON list for a group
    attribution TEXT,
    speaker_role TEXT,
    speaker_organization TEXT,
    start INTEGER,
    "end" INTEGER,
    UNIQUE (article_id, idx)
);
CREATE TABLE IF NOT EXISTS amounts (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,                 -- index in ArticleRecord.amounts
    amount NUMERIC NOT NULL,             -- whole units, or fractional ('450p' = 4.5)
    currency TEXT,
    text TEXT,
    qualifier TEXT,
    low NUMERIC,
    high NUMERIC,
    role TEXT,
    per_share INTEGER,
    start INTEGER,
    "end" INTEGER,
    UNIQUE (article_id, idx)
);
CREATE TABLE IF NOT EXISTS deals (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    acquirer TEXT,
    target TEXT,
    seller TEXT,
    year INTEGER,
    stake_percent REAL,
    stake_after_percent REAL,
    price_amount NUMERIC,
    price_currency TEXT,
    valuation_amount NUMERIC,
    valuation_currency TEXT,
    implied_valuation_amount NUMERIC,
    implied_valuation_currency TEXT,
    valuation_consistent INTEGER,
    failed_checks INTEGER NOT NULL,
    record TEXT NOT NULL,                 -- the whole deal as JSON (checks, evidence, ...)
    UNIQUE (article_id, idx)
);
"""


class SqliteWriter(Writer):
    """Writes each article and its parts in a savepoint; commits once per chunk."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        # Autocommit mode: transactions are ours to open and close, explicitly.
        self._db = sqlite3.connect(path, isolation_level=None)
        try:
            tables = {name for (name,) in self._db.execute("SELECT name FROM sqlite_master")}
            if tables and "articles" not in tables:
                raise sqlite3.DatabaseError(f"it has other tables: {', '.join(sorted(tables))}")
            self._db.executescript(SCHEMA)
            self.done = dict(self._db.execute("SELECT sha256, source FROM articles"))
        except sqlite3.DatabaseError as e:
            self._db.close()
            raise ConfigError(
                f"{str(path)!r} is a SQLite database without extractor's tables ({e}); "
                "refusing to write to it"
            ) from e
        self._db.execute("PRAGMA foreign_keys = ON")
        self._open = False

    def write(self, record: dict[str, Any]) -> None:
        if not self._open:
            self._db.execute("BEGIN")
            self._open = True
        self._db.execute("SAVEPOINT article")
        try:
            _insert(self._db, record)
        except (sqlite3.Error, OverflowError):
            self._db.execute("ROLLBACK TO article")
            self._db.execute("RELEASE article")
            raise
        self._db.execute("RELEASE article")

    def commit(self) -> None:
        if self._open:
            self._db.execute("COMMIT")
            self._open = False

    def close(self) -> None:
        self.commit()
        self._db.close()


def _insert(db: sqlite3.Connection, record: dict[str, Any]) -> None:
    cursor = db.execute(
        "INSERT INTO articles (sha256, source, title, publisher, published, dateline, text, "
        "warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            record["sha256"],
            record.get("source"),
            record.get("title"),
            record.get("publisher"),
            record.get("published"),
            record.get("dateline"),
            record.get("text"),
            json.dumps(record.get("warnings") or [], ensure_ascii=False),
        ),
    )
    article_id = cursor.lastrowid
    db.executemany(
        "INSERT INTO companies (article_id, idx, name, aliases) VALUES (?, ?, ?, ?)",
        [
            (article_id, i, c["name"], json.dumps(c.get("aliases") or [], ensure_ascii=False))
            for i, c in enumerate(record.get("companies") or [])
        ],
    )
    db.executemany(
        "INSERT INTO people (article_id, idx, name, role, organization) VALUES (?, ?, ?, ?, ?)",
        [
            (article_id, i, p["name"], p.get("role"), p.get("organization"))
            for i, p in enumerate(record.get("people") or [])
        ],
    )
    db.executemany(
        "INSERT INTO quotes (article_id, idx, text, speaker, attribution, speaker_role, "
        'speaker_organization, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [
            (
                article_id,
                i,
                q["text"],
                q["speaker"]
                if not isinstance(q.get("speaker"), list)
                else json.dumps(q["speaker"]),
                q.get("attribution"),
                q.get("speaker_role"),
                q.get("speaker_organization"),
                q.get("start"),
                q.get("end"),
            )
            for i, q in enumerate(record.get("quotes") or [])
        ],
    )
    db.executemany(
        "INSERT INTO amounts (article_id, idx, amount, currency, text, qualifier, low, high, "
        'role, per_share, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [
            (
                article_id,
                i,
                m["amount"],
                m.get("currency"),
                m.get("text"),
                m.get("qualifier"),
                m.get("low"),
                m.get("high"),
                m.get("role"),
                int(bool(m.get("per_share"))),
                m.get("start"),
                m.get("end"),
            )
            for i, m in enumerate(record.get("amounts") or [])
        ],
    )
    db.executemany(
        "INSERT INTO deals (article_id, idx, kind, status, acquirer, target, seller, year, "
        "stake_percent, stake_after_percent, price_amount, price_currency, valuation_amount, "
        "valuation_currency, implied_valuation_amount, implied_valuation_currency, "
        "valuation_consistent, failed_checks, record) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [_deal_row(article_id, i, d) for i, d in enumerate(record.get("deals") or [])],
    )


def _deal_row(article_id: int | None, index: int, deal: dict[str, Any]) -> tuple[Any, ...]:
    def part(key: str, field: str) -> Any:
        return (deal.get(key) or {}).get(field)

    consistent = deal.get("valuation_consistent")
    return (
        article_id,
        index,
        deal["kind"],
        deal["status"],
        deal.get("acquirer"),
        deal.get("target"),
        deal.get("seller"),
        deal.get("year"),
        part("stake", "value"),
        part("stake_after", "value"),
        part("price", "amount"),
        part("price", "currency"),
        part("valuation", "amount"),
        part("valuation", "currency"),
        part("implied_valuation", "amount"),
        part("implied_valuation", "currency"),
        None if consistent is None else int(consistent),
        sum(1 for c in deal.get("checks") or [] if c.get("status") == "fail"),
        json.dumps(deal, ensure_ascii=False),
    )
