"""extract() and extract_file() on good and bad input: records, warnings, errors, time bounds."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from spacy.language import Language

from extractor import (
    MAX_INPUT_BYTES,
    ArticleRecord,
    ExtractorError,
    InputError,
    extract,
    extract_file,
)

ARTICLE = """\
THE ANVIL TIMES

Acme buys a fifth of Widget Works

Published 3 June 2024

Acme has bought 20% of Widget Works for $5m, the company said on Monday.

Related Topics

Anvils
"""


def test_extract_reads_a_page_dump(nlp: Language) -> None:
    record = extract(ARTICLE, source="anvil.txt", nlp=nlp)
    assert isinstance(record, ArticleRecord)
    assert record.source == "anvil.txt"
    assert record.title == "Acme buys a fifth of Widget Works"
    assert record.publisher == "The Anvil Times"
    assert record.published is not None and record.published.isoformat() == "2024-06-03"
    assert record.text == "Acme has bought 20% of Widget Works for $5m, the company said on Monday."


def test_extract_reads_bytes_in_cp1252(nlp: Language) -> None:
    record = extract(ARTICLE.replace("$5m", "£5m").encode("cp1252"), nlp=nlp)
    assert "£5m" in record.text
    assert any("cp1252" in w for w in record.warnings)


@pytest.mark.parametrize("data", ["", "   \n\t ", b"", b"\n\n"], ids=["str", "ws", "bytes", "nl"])
def test_empty_input_gives_empty_record_with_warning(nlp: Language, data: str | bytes) -> None:
    record = extract(data, nlp=nlp)
    assert record.text == ""
    assert record.title is None
    assert record.companies == [] and record.deals == []
    assert record.warnings == ["input is empty or whitespace only; nothing to extract"]


@pytest.mark.parametrize(
    "data",
    [b"\x00\x01\x02\xff" * 1000, b"\x7fELF\x02\x01\x01\x00" + bytes(range(256))],
    ids=["garbage", "elf"],
)
def test_binary_garbage_raises_input_error(nlp: Language, data: bytes) -> None:
    with pytest.raises(InputError, match="binary data"):
        extract(data, nlp=nlp)


def test_truncated_html_gives_best_effort_record(nlp: Language) -> None:
    html = '<html><head><meta property="og:title" content="Acme buys Widget"><body><p>Acme pa'
    record = extract(html, nlp=nlp)
    assert record.title == "Acme buys Widget"
    assert record.text == "Acme pa"


def test_unknown_encoding_gives_record_with_warning(nlp: Language) -> None:
    data = b"Acme bought Widget for \xa35m on Monday.\n\nMore \x81\x8d\x90 bytes."
    record = extract(data, nlp=nlp)
    assert record.text.startswith("Acme bought Widget for ")
    assert any("not UTF-8" in w for w in record.warnings)


@pytest.mark.parametrize("kind", ["str", "bytes"])
def test_twenty_megabytes_fail_fast(nlp: Language, kind: str) -> None:
    text = "Acme bought Widget for $5m on Monday. " * 550_000  # about 20 MB
    data: str | bytes = text if kind == "str" else text.encode()
    assert len(data) > 4 * MAX_INPUT_BYTES
    start = time.perf_counter()
    with pytest.raises(InputError, match="limit"):
        extract(data, nlp=nlp)
    assert time.perf_counter() - start < 2.0


def test_str_input_is_measured_in_utf8_bytes(nlp: Language) -> None:
    # Fewer characters than the limit, but more bytes: three for each euro sign.
    text = "€" * (MAX_INPUT_BYTES // 3 + 1)
    assert len(text) < MAX_INPUT_BYTES < len(text.encode())
    with pytest.raises(InputError, match=f"input of {len(text.encode()):,} bytes"):
        extract(text, nlp=nlp)


def test_just_under_the_byte_limit_is_refused_by_the_body_limit_quickly(nlp: Language) -> None:
    text = "Acme bought Widget for $5m on Monday. " * (MAX_INPUT_BYTES // 40)
    start = time.perf_counter()
    with pytest.raises(InputError, match="split the input"):
        extract(text, nlp=nlp)
    assert time.perf_counter() - start < 2.0


def test_not_text_raises_input_error(nlp: Language) -> None:
    with pytest.raises(InputError, match="str or bytes"):
        extract(["not", "text"], nlp=nlp)  # type: ignore[arg-type]


def test_errors_share_one_base_class(tmp_path: Path) -> None:
    with pytest.raises(ExtractorError, match="cannot read"):
        extract_file(tmp_path / "missing.txt")


def test_extract_file_reads_bytes_not_assuming_utf8(tmp_path: Path, nlp: Language) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(ARTICLE.replace("$5m", "€5m").encode("cp1252"))
    record = extract_file(path, nlp=nlp)
    assert record.source == str(path)
    assert "€5m" in record.text


def test_seed_article_record(seed_path: Path, nlp: Language) -> None:
    record = extract_file(seed_path, nlp=nlp)
    assert record.title == "Alibaba buys stake in China's Twitter-type Weibo service"
    assert record.publisher == "大象传媒"
    assert any("repaired" in w for w in record.warnings)
    for boilerplate in ("Published", "Image caption", "Related internet links", "responsible"):
        assert boilerplate not in record.text
    assert "大象传媒" not in record.text


@pytest.mark.slow
def test_dev_corpus_titles_dates_and_publishers(dev_corpus: Path, nlp: Language) -> None:
    titles = dates = publishers = total = 0
    for gold_file in sorted((dev_corpus / "gold").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        record = extract_file(dev_corpus / "articles" / gold["file"], nlp=nlp)
        published = record.published.isoformat() if record.published else None
        total += 1
        titles += record.title == gold["title"]
        dates += published == gold["published"]
        publishers += record.publisher == gold["publisher"]
    # Measured when written: 13/13 titles, 13/13 dates, 13/13 publishers.
    assert total == 13
    assert titles >= 12
    assert dates >= 12
    assert publishers >= 11
