"""Bytes -> str: BOMs, UTF-8, cp1252, detection, and binary garbage."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.errors import InputError
from extractor.reading import read_article
from extractor.reading.decoding import check_not_binary, decode_bytes

DATA = Path(__file__).resolve().parent.parent / "data" / "reading"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Acme’s deal".encode(), "Acme’s deal"),
        ("\ufeffAcme’s deal".encode(), "Acme’s deal"),
        ("Acme’s deal".encode("utf-16"), "Acme’s deal"),
        ("Acme bought Widget for $5m.".encode("utf-16-le"), "Acme bought Widget for $5m."),
        ("Acme bought Widget for $5m.".encode("utf-16-be"), "Acme bought Widget for $5m."),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-no-bom", "utf16be-no-bom"],
)
def test_decode_bytes(data: bytes, expected: str) -> None:
    assert decode_bytes(data, []) == expected


def test_cp1252_page_dump_decodes_quotes_and_pound_sign() -> None:
    article = read_article((DATA / "dump-cp1252.txt").read_bytes())
    assert article.title == "Orchard Mills’ owner agrees £40m sale"
    assert article.publisher == "Hilltop Trade Weekly"
    assert article.text.startswith("Orchard Mills has agreed to sell its flour unit")
    assert "£40m – a price the board called “fair”." in article.text
    assert any("cp1252" in w for w in article.warnings)


def test_gbk_masthead_shown_as_latin1_is_repaired_and_reported() -> None:
    article = read_article((DATA / "dump-gbk-masthead.txt").read_bytes())
    assert article.publisher == "新华财经"
    assert article.title == "Copperline agrees to buy Redwater Pumps"
    assert article.text == (
        "A pump on a test bench\n\nRedwater makes pumps for mines\n\n"
        "Copperline has agreed to buy Redwater Pumps for $80m in cash.\n\n"
        "The deal values Redwater at about twice its annual sales."
    )
    assert any("GBK" in w and "新华财经" in w for w in article.warnings)


def test_unknown_encoding_is_read_with_a_warning() -> None:
    # Bytes undefined in cp1252 and invalid in UTF-8: some guess is made, and reported.
    data = b"Acme bought Widget for \xa35m.\n\nJunk \x81\x8d\x8f\x90\x9d here."
    article = read_article(data)
    assert article.text.startswith("Acme bought Widget for ")
    assert any("not UTF-8" in w for w in article.warnings)


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 4,
        b"\x00" * 100,
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(200)),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    ],
    ids=["all-bytes", "nul", "zip", "png"],
)
def test_binary_garbage_raises_input_error(data: bytes) -> None:
    with pytest.raises(InputError, match="binary"):
        read_article(data)


def test_mostly_control_characters_are_binary() -> None:
    with pytest.raises(InputError, match="binary"):
        check_not_binary("a\x01\x02\x03\x04\x05\x06b" * 10, [])


def test_a_few_stray_controls_are_removed_with_a_warning() -> None:
    warnings: list[str] = []
    text = "Acme bought Widget for $5m on Monday, the company said in a statement.\x07"
    assert check_not_binary(text, warnings) == text[:-1]
    assert warnings == ["removed 1 stray control characters"]
