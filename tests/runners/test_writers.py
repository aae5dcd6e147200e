"""Each output format: read back what was written, resume from it, repair a torn tail."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from extractor.errors import ConfigError
from extractor.models import ArticleRecord
from extractor.runners.csv_writer import COLUMNS
from extractor.runners.parquet_writer import ParquetWriter, record_schema
from extractor.runners.writers import (
    ErrorLog,
    check_can_write,
    errors_path_for,
    format_for,
    open_writer,
    sniff_format,
)

from .conftest import make_record


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("out.jsonl", "jsonl"),
        ("out.NDJSON", "jsonl"),
        ("out.parquet", "parquet"),
        ("out.csv", "csv"),
        ("out.sqlite", "sqlite"),
        ("out.db", "sqlite"),
    ],
)
def test_format_for_extension(name: str, fmt: str) -> None:
    assert format_for(Path(name)) == fmt


def test_format_for_rejects_unknown() -> None:
    with pytest.raises(ConfigError, match="--format"):
        format_for(Path("out.txt"))
    with pytest.raises(ConfigError, match="expected one of"):
        format_for(Path("out.jsonl"), "xml")
    assert format_for(Path("out.txt"), "csv") == "csv"


def test_errors_path_sits_next_to_output() -> None:
    assert errors_path_for(Path("run/out.jsonl")) == Path("run/out.errors.jsonl")
    assert errors_path_for(Path("run/out.parquet")) == Path("run/out.errors.jsonl")
    assert errors_path_for(Path("run/out")) == Path("run/out.errors.jsonl")


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "sqlite", "parquet"])
def test_writer_resume_lists_what_is_recorded(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    with open_writer(out, fmt) as writer:
        assert writer.done == {}
        writer.write(make_record("a.txt", "h1", deals=0))
        writer.write(make_record("b.txt", "h2", deals=3))
    assert sniff_format(out) == fmt
    with open_writer(out, fmt) as writer:
        assert writer.done == {"h1": "a.txt", "h2": "b.txt"}
        writer.write(make_record("c.txt", "h3"))
    with open_writer(out, fmt) as writer:
        assert set(writer.done) == {"h1", "h2", "h3"}


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "sqlite", "parquet"])
@pytest.mark.parametrize("existing", ["jsonl", "csv", "sqlite", "parquet"])
def test_existing_output_of_another_format_is_refused(
    tmp_path: Path, fmt: str, existing: str
) -> None:
    out = tmp_path / "out.data"
    with open_writer(out, existing) as writer:
        writer.write(make_record("a.txt", "h1"))
    if fmt == existing:
        check_can_write(out, fmt)
        return
    before = sorted(p.stat().st_size for p in [out, *out.glob("*")] if p.is_file())
    # A Parquet output is a folder, the others are files: the kind of path already differs.
    with pytest.raises(ConfigError, match=f"is a {existing} output|is a (folder|file);"):
        open_writer(out, fmt)
    after = sorted(p.stat().st_size for p in [out, *out.glob("*")] if p.is_file())
    assert before == after


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "sqlite"])
def test_a_file_that_is_not_ours_is_refused(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "notes.txt"
    out.write_text("my own notes\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not an extractor output"):
        open_writer(out, fmt)
    assert out.read_text(encoding="utf-8") == "my own notes\n"


def test_jsonl_lines_are_whole_records(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with open_writer(out, "jsonl") as writer:
        writer.write(make_record("a.txt", "h1"))
    (line,) = out.read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    assert record["source"] == "a.txt"
    assert record["sha256"] == "h1"
    assert record["deals"][0]["price"]["amount"] == 12_000_000


def test_jsonl_torn_tail_is_dropped_on_resume(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with open_writer(out, "jsonl") as writer:
        writer.write(make_record("a.txt", "h1"))
    whole = out.read_bytes()
    torn = json.dumps(make_record("b.txt", "h2")).encode()[:50]
    out.write_bytes(whole + torn)  # what a kill in the middle of a write leaves
    with open_writer(out, "jsonl") as writer:
        assert writer.done == {"h1": "a.txt"}
        writer.write(make_record("b.txt", "h2"))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["sha256"] for line in lines] == ["h1", "h2"]


def test_jsonl_with_a_foreign_line_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"name": "mine"}\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="line 1"):
        open_writer(out, "jsonl")


def test_csv_has_one_row_per_deal_with_flat_columns(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    with open_writer(out, "csv") as writer:
        writer.write(make_record("a.txt", "h1", deals=2))
        writer.write(make_record("b.txt", "h2", deals=0))
    with open(out, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == list(COLUMNS)
    assert [(r["source"], r["deal_index"]) for r in rows] == [
        ("a.txt", "0"),
        ("a.txt", "1"),
        ("b.txt", ""),
    ]
    first = rows[0]
    assert first["price_amount"] == "12000000"
    assert first["price_currency"] == "USD"
    assert first["stake_percent"] == "30.0"
    assert first["acquirer"] == "Harbor Lane Foods"
    assert rows[1]["failed_checks"] == "valuation"
    assert "\n" not in first["evidence"]  # one physical line per row
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4


def test_csv_article_cut_short_is_dropped_on_resume(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    with open_writer(out, "csv") as writer:
        writer.write(make_record("a.txt", "h1", deals=1))
    good = out.read_bytes()
    with open_writer(out, "csv") as writer:
        writer.write(make_record("b.txt", "h2", deals=3))
    lines = out.read_bytes().splitlines(keepends=True)
    # The process died after the second of b.txt's three rows (and inside the third).
    out.write_bytes(b"".join(lines[:3]) + lines[3][:20])
    with open_writer(out, "csv") as writer:
        assert writer.done == {"h1": "a.txt"}
    assert out.read_bytes() == good


def test_sqlite_tables_and_keys(tmp_path: Path) -> None:
    out = tmp_path / "out.sqlite"
    with open_writer(out, "sqlite") as writer:
        writer.write(make_record("a.txt", "h1", deals=2))
        writer.write(make_record("b.txt", "h2", deals=0))
    db = sqlite3.connect(out)
    db.execute("PRAGMA foreign_keys = ON")
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "companies", "people", "deals", "quotes", "amounts"} <= tables
    assert db.execute("SELECT source, sha256 FROM articles ORDER BY id").fetchall() == [
        ("a.txt", "h1"),
        ("b.txt", "h2"),
    ]
    deals = db.execute(
        "SELECT a.source, d.idx, d.acquirer, d.price_amount, d.failed_checks "
        "FROM deals d JOIN articles a ON a.id = d.article_id ORDER BY d.idx"
    ).fetchall()
    assert deals == [
        ("a.txt", 0, "Harbor Lane Foods", 12_000_000, 0),
        ("a.txt", 1, "Harbor Lane Foods", 12_000_000, 1),
    ]
    assert db.execute("SELECT count(*) FROM companies").fetchone() == (4,)
    speakers = [s for (s,) in db.execute("SELECT speaker FROM quotes ORDER BY id LIMIT 2")]
    assert speakers[0] == "Ada Brook"
    assert json.loads(speakers[1]) == ["Ada Brook", "Tom Reed"]
    assert db.execute("SELECT amount, currency FROM amounts").fetchone() == (12_000_000, "USD")
    with pytest.raises(sqlite3.IntegrityError):  # keys are enforced
        db.execute(
            "INSERT INTO deals (article_id, idx, kind, status, failed_checks, record) "
            "VALUES (999, 0, 'merger', 'agreed', 0, '{}')"
        )
    with pytest.raises(sqlite3.IntegrityError):  # one row per content hash
        db.execute("INSERT INTO articles (sha256) VALUES ('h1')")
    db.close()


def test_sqlite_uncommitted_article_is_not_recorded(tmp_path: Path) -> None:
    out = tmp_path / "out.sqlite"
    writer = open_writer(out, "sqlite")
    writer.write(make_record("a.txt", "h1"))
    writer.commit()
    writer.write(make_record("b.txt", "h2"))
    reader = sqlite3.connect(out)
    assert reader.execute("SELECT sha256 FROM articles").fetchall() == [("h1",)]
    reader.close()
    writer.close()


def test_sqlite_record_too_big_fails_alone(tmp_path: Path) -> None:
    out = tmp_path / "out.sqlite"
    huge = make_record("big.txt", "h9")
    huge["amounts"][0]["amount"] = 10**30
    with open_writer(out, "sqlite") as writer:
        writer.write(make_record("a.txt", "h1"))
        with pytest.raises(OverflowError):
            writer.write(huge)
        writer.write(make_record("b.txt", "h2"))
    db = sqlite3.connect(out)
    assert db.execute("SELECT count(*) FROM articles").fetchone() == (2,)
    assert db.execute("SELECT count(*) FROM amounts").fetchone() == (2,)
    db.close()


def test_sqlite_database_of_someone_else_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "theirs.sqlite"
    db = sqlite3.connect(out)
    db.execute("CREATE TABLE invoices (id INTEGER)")
    db.commit()
    db.close()
    with pytest.raises(ConfigError, match="invoices"):
        open_writer(out, "sqlite")


def test_parquet_dataset_has_nested_records(tmp_path: Path) -> None:
    out = tmp_path / "out.parquet"
    writer = ParquetWriter(out, rows_per_part=2)
    writer.write(make_record("a.txt", "h1", deals=2))
    writer.write(make_record("b.txt", "h2", deals=0))
    writer.write(make_record("c.txt", "h3", deals=1))
    writer.close()
    assert sorted(p.name for p in out.iterdir()) == ["part-000000.parquet", "part-000001.parquet"]
    rows = pq.read_table(out).to_pylist()
    assert [r["source"] for r in rows] == ["a.txt", "b.txt", "c.txt"]
    deal = rows[0]["deals"][1]
    assert deal["price"]["amount"] == 12_000_000
    assert deal["stake"]["value"] == 30.0
    assert deal["checks"] == [{"name": "valuation", "status": "fail", "detail": ""}]
    assert rows[0]["published"].isoformat() == "2024-03-01"
    assert rows[0]["quotes"][0]["speaker"] == ["Ada Brook"]
    assert rows[0]["quotes"][1]["speaker"] == ["Ada Brook", "Tom Reed"]
    assert rows[1]["deals"] == []


def test_parquet_half_written_part_is_discarded(tmp_path: Path) -> None:
    out = tmp_path / "out.parquet"
    with open_writer(out, "parquet") as writer:
        writer.write(make_record("a.txt", "h1"))
    (out / ".part-000001.parquet.tmp").write_bytes(b"PAR1 torn")
    with open_writer(out, "parquet") as writer:
        assert writer.done == {"h1": "a.txt"}
        writer.write(make_record("b.txt", "h2"))
    assert sorted(p.name for p in out.iterdir()) == ["part-000000.parquet", "part-000001.parquet"]
    assert pq.read_table(out).column("sha256").to_pylist() == ["h1", "h2"]


def test_error_log_starts_afresh_each_run(tmp_path: Path) -> None:
    path = tmp_path / "out.errors.jsonl"
    log = ErrorLog(path)
    log.add("x.bin", "binary file", sha256="h")
    log.close()
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "path": "x.bin",
        "reason": "binary file",
        "kind": "error",
        "sha256": "h",
    }
    ErrorLog(path).close()
    assert path.read_text(encoding="utf-8") == ""


@pytest.mark.parametrize(("kind", "fmt"), [("folder", "jsonl"), ("file", "parquet")])
def test_output_of_the_wrong_kind_is_refused(tmp_path: Path, kind: str, fmt: str) -> None:
    out = tmp_path / "out"
    if kind == "folder":
        out.mkdir()
    else:
        out.write_bytes(b"PAR1 someone else's single Parquet file")
    with pytest.raises(ConfigError, match=f"is a {kind}"):
        open_writer(out, fmt)


def test_parquet_schema_follows_the_models_and_takes_fractional_amounts(tmp_path: Path) -> None:
    schema = record_schema()  # raises TypeError when a model field has no Arrow mapping
    assert set(schema.names) == {*ArticleRecord.model_fields, "sha256"}
    record = make_record("a.txt", "h1")
    record["amounts"][0]["amount"] = 4.5  # "450p a share"
    with open_writer(tmp_path / "out.parquet", "parquet") as writer:
        writer.write(record)
    (row,) = pq.read_table(tmp_path / "out.parquet").to_pylist()
    assert row["amounts"][0]["amount"] == 4.5
