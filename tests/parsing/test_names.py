"""Name helpers: normalising, legal suffixes, acronyms, aliases, titles; name runs."""

from __future__ import annotations

import doctest
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.parsing import entity_text, names
from extractor.parsing.entity_text import find_name_runs
from extractor.parsing.names import (
    clean_name,
    core_name,
    is_acronym_of,
    name_key,
    person_matches,
    same_company,
    split_title,
    strip_legal_suffixes,
    title_gender,
)


@pytest.mark.parametrize("module", [names, entity_text], ids=["names", "entity_text"])
def test_module_doctests_pass(module: object) -> None:
    result = doctest.testmod(module)  # type: ignore[arg-type]
    assert result.attempted > 0
    assert result.failed == 0


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("Bramblewood's", "Bramblewood"),
        ("Quillfeather’s", "Quillfeather"),
        ("Quillfeather\ufffds", "Quillfeather"),  # a curly apostrophe lost in decoding
        ("the Cowslip Group", "Cowslip Group"),
        ('"Brno Mills"', "Brno Mills"),
        ("  Ferncliff   Holdings  ", "Ferncliff Holdings"),
        ("Partners'", "Partners"),
    ],
)
def test_clean_name_strips_possessives_quotes_and_the(printed: str, expected: str) -> None:
    assert clean_name(printed) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Harrowgate Mining Ltd.", "Harrowgate Mining"),
        ("Tolvane S.p.A.", "Tolvane"),
        ("Kestrin (Pty) Ltd", "Kestrin"),
        ("Marrow Foods Holdings Limited", "Marrow Foods Holdings"),
        ("Yuzuha K.K.", "Yuzuha"),
        ("Ltd", "Ltd"),  # nothing would be left
    ],
)
def test_strip_legal_suffixes(name: str, expected: str) -> None:
    assert strip_legal_suffixes(name) == expected


def test_core_name_drops_group_words_too() -> None:
    assert core_name("Marrow Foods Holdings Limited") == "Marrow Foods"
    assert core_name("Sandpiper Group plc") == "Sandpiper"


def test_name_key_ignores_case_accents_and_hyphens() -> None:
    assert name_key("Société Générique") == name_key("SOCIETE GENERIQUE")
    assert name_key("Vire-Haut") == name_key("Vire Haut")


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("GPL", "Gannet Port Logistics", True),
        ("WRH", "Westmoor Rail Holdings", True),
        ("KD", "Kilbride-Dunlavin Bank", True),  # initials of a hyphenated name, no "Bank"
        ("BSW", "Bank of South Wessex", True),  # "of" does not count
        ("SKG", "Skyeglen", False),  # one word, no compound: not an acronym
        ("BGG", "Bluegate Group", True),  # compound word: Blue|gate
        ("BLG", "Bluegate Group", False),  # "L" starts no part of the word
        ("GPL", "Gannet Port", False),
        ("gpl", "Gannet Port Logistics", False),  # acronyms are upper case
    ],
)
def test_is_acronym_of(short: str, long: str, expected: bool) -> None:
    assert is_acronym_of(short, long) is expected


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("Harvest", "Harvest Group", True),  # group word
        ("Beacon", "Beacon Capital Partners", True),  # descriptor words
        ("Brno", "Brno Mills Ltd.", True),  # a full legal name contains it
        ("Pelham", "Arthur Pelham Corp.", True),  # named after its founder, legal form
        ("Tolvane", "Tolvane Energia", True),  # industry word in another language
        ("Nordwind", "Nordwind Norway", False),  # a place makes another company
        ("Nordwind", "Nordwind Norway", False),
        ("KT", "KT Brightline", False),  # a distinctive word makes another company
        ("GPL", "Gannet Port Logistics", True),
        ("Apple", "Applewood Ltd", False),  # not a word prefix
        ("Umber", "Umber.com", False),  # a web name is its own company
    ],
)
def test_same_company(short: str, long: str, expected: bool) -> None:
    assert same_company(short, long) is expected


def test_same_company_long_name_introduced_first() -> None:
    # "Tiercel Brightline ... Tiercel": the long name came first, then its short form.
    assert same_company("Tiercel", "Tiercel Brightline", long_first=True)
    assert not same_company("Tiercel", "Tiercel Brightline")
    # Dropping a place still makes another company.
    assert not same_company("Nordwind", "Nordwind Norway", long_first=True)


def test_same_company_ignores_a_leading_place() -> None:
    assert same_company("Lanvale", "Shenzhen Lanvale Technology")


def test_same_company_expands_abbreviated_places() -> None:
    assert same_company("U.S. Tinplate", "United States Tinplate Corp")


@pytest.mark.parametrize(
    ("printed", "title", "bare", "gender"),
    [
        ("Mr Nwachukwu", "Mr", "Nwachukwu", "male"),
        ("Mr. Nwachukwu", "Mr.", "Nwachukwu", "male"),
        ("Ms Varga", "Ms", "Varga", "female"),
        ("Dr Hallqvist", "Dr", "Hallqvist", None),
        ("Tilda Varga", None, "Tilda Varga", None),
    ],
)
def test_split_title(printed: str, title: str | None, bare: str, gender: str | None) -> None:
    assert split_title(printed) == (title, bare)
    assert title_gender(title) == gender


@pytest.mark.parametrize(
    ("short", "full", "expected"),
    [
        ("Mr Nwachukwu", "Emeka Nwachukwu", True),
        ("Nwachukwu", "Emeka Nwachukwu", True),
        ("Emeka", "Emeka Nwachukwu", True),
        ("Della Rosa", "Carla Della Rosa", True),
        ("Ms Varga", "Emeka Nwachukwu", False),
        ("Emeka Nwachukwu Jnr", "Emeka Nwachukwu", False),
    ],
)
def test_person_matches(short: str, full: str, expected: bool) -> None:
    assert person_matches(short, full) is expected


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("Shares in Quennell & Hart rose.", ["Shares", "Quennell & Hart"]),
        ("He bought QRT&X and q& stock.", ["He", "QRT&X", "q&"]),
        ("Vire-Haut and Gleno.net grew.", ["Vire-Haut", "Gleno.net"]),
        ("A Calder-backed fund", ["A Calder"]),  # the component drops "A"
        ("Bank of Wessex said", ["Bank of Wessex"]),
        ("the Ministry of Ports and Harbours", ["Ministry of Ports", "Harbours"]),
        ("Brno Mills Ltd. said", ["Brno Mills Ltd."]),
        ("Kestin (Pty) Ltd bought it", ["Kestin (Pty) Ltd"]),
        ("Lee Min-jun, Alba's boss", ["Lee Min-jun", "Alba"]),
        ("said Ms. Varga.", ["Ms. Varga"]),
        ("Revenue rose 3% at Tarnwick", ["Revenue", "Tarnwick"]),
    ],
)
def test_find_name_runs(text: str, runs: list[str]) -> None:
    assert [r.text for r in find_name_runs(text, of_heads=frozenset({"Bank", "Ministry"}),
                                            keep_dots={"ltd"})] == runs  # fmt: skip


def test_find_name_runs_marks_sentence_starts_possessives_and_modifiers() -> None:
    runs = find_name_runs("Profits fell. Tarnwick's Calder-owned unit grew.")
    assert [(r.text, r.sentence_initial) for r in runs] == [
        ("Profits", True),
        ("Tarnwick", True),
        ("Calder", False),
    ]
    assert runs[1].possessive
    assert runs[2].hyphen_tail == "owned"


def test_find_name_runs_skips_shouting_lines_and_skipped_ranges() -> None:
    text = "NORTHERN MARKETS WEEKLY\nTarnwick grew.\nRelated: Gosford fell."
    skip = [(text.index("Related"), len(text))]
    assert [r.text for r in find_name_runs(text, skip=skip)] == ["Tarnwick"]


def test_find_name_runs_never_raises_on_odd_text() -> None:
    for text in ["", "\n\n", "(((", "’s", "- - -", "A", "&", "'s's", "\ufffd" * 5]:
        find_name_runs(text)
        clean_name(text)
        same_company(text, text + " Ltd")


def _person_matches_plain(short: str, full: str) -> bool:
    """``person_matches`` as one function, the reference for the split-up version."""
    _, bare = split_title(clean_name(short))
    s = [name_key(w) for w in bare.split()]
    f = [name_key(w) for w in clean_name(full).split()]
    if not s or not f or len(s) > len(f):
        return False
    return f[-len(s) :] == s or (len(s) == 1 and s[0] == f[0])


_NAME_WORDS = st.sampled_from(["Mr", "Ms.", "Dr", "Leon", "LEON", "Wu", "wú", "Dalla", "Costa"])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_NAME_WORDS, max_size=3).map(" ".join),
    st.lists(_NAME_WORDS, max_size=4).map(" ".join),
)
def test_person_matches_on_word_keys_is_the_plain_test(short: str, full: str) -> None:
    assert person_matches(short, full) == _person_matches_plain(short, full)
    keys = names.mention_keys(short)
    assert names.name_keys_match(keys, names.full_name_keys(full)) == person_matches(short, full)


def _name_key_plain(name: str) -> str:
    """``name_key`` without its ASCII fast path: the reference for it."""
    name = names._expand_places(name)
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"[\-‐‑–/]", " ", plain.casefold())
    plain = re.sub(r"[^\w&\s.]", "", plain)
    return " ".join(plain.replace(".", " ").split()) if " " in plain else plain.strip(".")


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(st.characters(max_codepoint=127), st.sampled_from("úÅßİﬁ‐‑–—’“\u0301")),
        max_size=12,
    ).map(lambda s: s if len(s) % 3 else "U.S. " + s)
)
def test_name_key_fast_path_is_the_plain_key(name: str) -> None:
    assert names.name_key.__wrapped__(name) == _name_key_plain(name)


def _same_company_plain(short: str, long: str, *, long_first: bool = False) -> bool:
    """``same_company`` reading each name afresh for each pair (before ``_form``): the
    reference for it."""
    short_c = names._expand_places(clean_name(short))
    long_c = names._expand_places(clean_name(long))
    if not short_c or not long_c:
        return False
    if name_key(short_c) == name_key(long_c):
        return True
    if is_acronym_of(short_c, long_c):
        return True
    s_words = [name_key(w) for w in short_c.split()]
    l_raw = long_c.split()
    l_words = [name_key(w) for w in l_raw]
    if len(s_words) >= len(l_words):
        return False
    places = names.name_words().places
    if l_words[: len(s_words)] == s_words:
        rest = l_raw[len(s_words) :]
        if any(" ".join(rest[:n]) in places for n in range(1, len(rest) + 1)):
            return False
        if names._descriptor_only(rest):
            return True
        if long_first and not names._descriptor_only(s_words):
            return True
        return names.has_legal_suffix(long_c) and not names._descriptor_only(s_words)
    n_place = next((n for n in range(len(l_raw) - 1, 0, -1) if " ".join(l_raw[:n]) in places), 0)
    if n_place and len(l_raw) - n_place > len(s_words):
        return _same_company_plain(short_c, " ".join(l_raw[n_place:]), long_first=long_first)
    if names.has_legal_suffix(long_c):
        core = [name_key(w) for w in strip_legal_suffixes(long_c, group_words=True).split()]
        n = len(s_words)
        return any(core[i : i + n] == s_words for i in range(len(core) - n + 1))
    return False


_COMPANY_WORDS = st.sampled_from(
    ["Orvane", "Orvane's", "ORVANE", "Orv", "Vale", "OV", "O.V.", "OVH", "Group", "Holdings",
     "Ltd", "Ltd.", "Inc.", "(Pty)", "plc", "SA", "Bank", "of", "&", "the", "The", "U.S.",
     "Kenya", "Shenzhen", "Hong", "Kong", "Tinplate", "Rolls-Royce", "Ipanú", "Co.", "de",
     '"Orvane"', "Partners"]
)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(_COMPANY_WORDS, min_size=1, max_size=3).map(" ".join),
    st.lists(_COMPANY_WORDS, max_size=5).map(" ".join),
    st.booleans(),
    st.booleans(),
)
def test_same_company_is_the_plain_test(short: str, tail: str, prefix: bool, first: bool) -> None:
    long = f"{short} {tail}" if prefix else f"{tail} {short}"
    for a, b in ((short, long), (short, tail), (tail, short)):
        expected = _same_company_plain(a, b, long_first=first)
        assert same_company(a, b, long_first=first) == expected
