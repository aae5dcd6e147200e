"""Mojibake and CJK-shown-as-Latin-1 repair: what is repaired, and what is never touched."""

from __future__ import annotations

import pytest

from extractor.reading.repair import decode_cjk_run, repair_text


def _as_latin1(text: str, codec: str) -> str:
    """CJK text saved in ``codec`` and shown as Latin-1 (the damage we undo)."""
    return text.encode(codec).decode("latin-1")


CJK_CASES = [
    ("gbk", "华光日报", "gbk"),
    ("big5", "臺灣經濟新報", "big5"),
    ("shift_jis", "東京経済新聞", "shift_jis"),
    ("euc_kr", "한국경제신문", "euc_kr"),
]


@pytest.mark.parametrize(
    ("codec", "cjk", "expected_codec"), CJK_CASES, ids=[c[0] for c in CJK_CASES]
)
def test_cjk_shown_as_latin1_is_repaired(codec: str, cjk: str, expected_codec: str) -> None:
    damaged = _as_latin1(cjk, codec)
    warnings: list[str] = []
    assert repair_text(f"{damaged}\n\nThe {damaged} is a newspaper.", warnings) == (
        f"{cjk}\n\nThe {cjk} is a newspaper."
    )
    assert any(expected_codec.upper() in w and cjk in w for w in warnings)


UNTOUCHED = [
    "Milan Střížovský bought a stake.",
    "Ipanú Serrabanco agreed the deal.",
    "Tietê Capital Gestão in Rio.",
    "Rivière-Sombre Composites makes parts.",
    "A ação subiu; as negociações começaram.",
    "Zürich, Malmö and Ærøskøbing «Über» ½ © ®",
    "Curly “quotes” and ‘single’ ones – with dashes — stay.",
    "Fullwidth （括号） and 中文 text stay.",
]


@pytest.mark.parametrize("text", UNTOUCHED, ids=range(len(UNTOUCHED)))
def test_clean_text_is_never_changed(text: str) -> None:
    warnings: list[str] = []
    assert repair_text(text, warnings) == text
    assert warnings == []


def test_utf8_read_as_cp1252_is_repaired_by_ftfy() -> None:
    clean = "Ipanú’s offer – São Paulo’s biggest – was fair, the analyst said."
    damaged = clean.encode().decode("cp1252")  # "IpanÃºâ€™s offer â€“ SÃ£o ..."
    assert damaged != clean
    warnings: list[str] = []
    assert repair_text(f"Headline\n{damaged}", warnings) == f"Headline\n{clean}"
    assert warnings == ["repaired mis-decoded text (mojibake) on 1 line(s) with ftfy"]


def test_accented_latin_word_inside_text_is_not_cjk() -> None:
    assert decode_cjk_run("çã") is None  # too short to be two CJK characters
    warnings: list[str] = []
    assert repair_text("negociação", warnings) == "negociação"


@pytest.mark.parametrize(
    ("line", "suspect"),
    [
        # accented letters before letters (the class once took in its comments' letters)
        ("Gonçalves joined Société.", False),
        ("Renée Citroën", False),
        ("the deal â€“ worth Â£5m", True),  # UTF-8 dash and pound read as cp1252
        ("SÃ£o Paulo", True),
        ("an undecoded \x96 dash", True),  # a C1 control
    ],
)
def test_suspect_lines_need_a_lead_byte_then_a_continuation_byte(line: str, suspect: bool) -> None:
    from extractor.reading.repair import _suspect_lines

    assert bool(_suspect_lines(line)) is suspect
