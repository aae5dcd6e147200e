"""The cheap tests that run before costly patterns must never reject a line a pattern accepts.

Each pre-test (a substring of the folded line, the line's opening word, a dash before the
dateline pattern, a digit or month stem before the date patterns) is a necessary condition
of its pattern; the pure-Python name search agrees with the case-insensitive regex it
replaces. Hypothesis mixes the letters that IGNORECASE treats specially (dotted and dotless
I, long s, the Kelvin sign) and odd whitespace into the lines.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.reading import boilerplate as bp
from extractor.reading import dates, decoding, plaintext, repair, wire

#: Pieces of furniture lines and prose, and characters that case-folding treats specially.
_PIECES = [
    "Copyright",
    "(c)",
    "©",
    "All Rights Reserved",
    "Reporting by",
    "(Additional reporting by",
    "Image source,",
    "Photo credit:",
    "is not responsible for the content of external sites.",
    "Read more:",
    "ALSO READ |",
    "Sign up for our",
    "newsletter",
    "http://x.example/a",
    "www.example.org",
    "Write to Jo at jo@example.com",
    "Share",
    "Subscribe",
    "Acme",
    "Holloway",
    "Other",
    "theme",
    "the",
    "4 March 2024",
    "Jan. 5, 2023",
    "2024-03-04",
    "2024/03/04",
    "2024年3月4日",
    "Tue.,",
    "of",
    "LONDON, Jan 5 (Reuters) -",
    "—",
    "•",
    "-",
    ">",
    "İ",
    "ı",
    "ſ",
    "\u212a",
    "_",
]
_SPACES = st.sampled_from([" ", "  ", "\t", "\u00a0", "\u2003", "\n", ""])
_LINES = st.lists(
    st.tuples(st.sampled_from(_PIECES) | st.text(max_size=4), _SPACES), max_size=8
).map(lambda parts: "".join(a + b for a, b in parts))


@settings(max_examples=200, deadline=None)
@given(_LINES)
def test_folded_keeps_positions_and_finds_every_ignorecase_word(line: str) -> None:
    low = bp.folded(line)
    assert len(low) == len(line)
    for word in ("responsible", "reserved", "copyright", "acme", "rights", "sign"):
        if re.search(re.escape(word), line, re.IGNORECASE):
            assert word in low


@settings(max_examples=200, deadline=None)
@given(_LINES)
def test_line_pretests_never_reject_a_pattern_match(line: str) -> None:
    opening = bp._opening(line)
    link, _reading_time, promo = bp._furniture_patterns()
    checks = [
        (bp.COPYRIGHT, bp._COPYRIGHT_OPENINGS),
        (bp.CREDITS, bp._CREDIT_OPENINGS),
        (bp.PHOTO_LABEL, bp._PHOTO_OPENINGS),
        (bp.URL_LINE, bp._URL_OPENINGS),
        (link, bp._first_words()[0]),
        (promo, bp._first_words()[1]),
    ]
    for pattern, openings in checks:
        if pattern.match(line):
            assert opening.startswith(openings), pattern.pattern
    if bp.NOT_RESPONSIBLE.match(line):
        assert "responsible" in bp.folded(line)
    if bp.BREADCRUMB.match(line):
        assert bp._has_breadcrumb_arrow(line)
    if bp.CONTACT_LINE.match(line):
        assert "@" in line


@settings(max_examples=150, deadline=None)
@given(_LINES)
def test_date_pretests_keep_every_pattern_that_matches(text: str) -> None:
    kept = dates._patterns_for(text)
    for pattern in (dates.ISO_DATE, dates.YEAR_FIRST_DATE, dates.DAY_MONTH_YEAR):
        if pattern.search(text):
            assert pattern in kept
    if dates.MONTH_DAY_YEAR.search(text):
        assert dates.MONTH_DAY_YEAR in kept


@settings(max_examples=150, deadline=None)
@given(_LINES)
def test_dateline_needs_a_dash(line: str) -> None:
    if wire._DATELINE.match(line[:200]):
        assert any(dash in line[:200] for dash in "-–—")
        assert wire._DATELINE_END.search(line[:200]) is not None


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["LONDON", "São Paulo", ",", "Jan 5", "(Reuters)", "/PRNewswire/", "-"])
        | st.sampled_from(["--", "–", "—", "Acme", "acme", "“Yes", "'No", "_x", "5", "a-b", "."])
        | _SPACES,
        max_size=10,
    ).map("".join)
)
def test_dateline_end_is_in_every_dateline(line: str) -> None:
    if wire._DATELINE.match(line[:200]):
        assert wire._DATELINE_END.search(line[:200]) is not None
    assert (wire.find_dateline(line) is None) or wire._DATELINE_END.search(line[:200])


_NAME_WORDS = st.lists(
    st.sampled_from(["ACME", "NEWS", "THE", "SKY", "KIT", "A&B", "X_Y", "WHY?", "?"])
)


@settings(max_examples=200, deadline=None)
@given(_NAME_WORDS.filter(bool), _LINES, st.data())
def test_name_search_agrees_with_the_case_insensitive_pattern(
    words: list[str], filler: str, data: st.DataObject
) -> None:
    # Spell the name inside the filler with random case, special letters and spaces.
    spelled = ""
    for word in words:
        chars = [data.draw(st.sampled_from([c, c.lower(), *_VARIANTS.get(c, "")])) for c in word]
        spelled += "".join(chars) + data.draw(_SPACES)
    text = filler + spelled + filler
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)", re.I)
    expected = [m.group() for m in pattern.finditer(text)]
    assert list(wire._spellings(words, text)) == expected


#: Characters IGNORECASE takes for an ASCII letter that str.lower() does not give.
_VARIANTS = {"I": "İı", "S": "ſ", "K": "\u212a"}


_MOJIBAKE_BITS = st.sampled_from(["Ã©", "â€œ", "Ã ", "é", "é\n", "\x85", "ção", "\n", " ", "ok"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_MOJIBAKE_BITS | st.text(max_size=3), max_size=12).map("".join))
def test_one_scan_finds_the_lines_a_scan_per_line_finds(text: str) -> None:
    lines = text.split("\n")
    per_line = [i for i, line in enumerate(lines) if repair._MOJIBAKE_SUSPECT.search(line)]
    assert repair._suspect_lines(text) == per_line


def test_detect_counts_high_bytes_like_a_loop() -> None:
    sample = bytes(range(256)) * 3
    assert len(sample) - len(sample.translate(None, decoding._HIGH_BYTES)) == sum(
        1 for byte in sample if byte >= 0x80
    )


def _all_caps_reference(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha() and ch.lower() != ch.upper()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("AZaz09 -&.ÉéßǅǄªİıſ\u212aΣσ漢"), max_size=8))
def test_is_all_caps_fast_paths_agree_with_the_definition(text: str) -> None:
    assert wire.is_all_caps(text) == _all_caps_reference(text)


def _date_line_reference(line: str) -> object:
    rest = plaintext._PUBLISHED_PREFIX.sub("", line, count=1)
    found = dates.find_date(rest)
    if found is None:
        return None
    date, match = found
    extra = rest[: match.start()] + " " + rest[match.end() :]
    return None if len(re.findall(r"[^\W\d_]+", extra)) > 5 else date


_DATE_BITS = st.sampled_from(
    [
        "Tuesday",
        "5th",
        "of",
        "March",
        "2024",
        "Tue.,",
        "Sept",
        "12",
        "2024年3月4日",
        "2024-03-04",
        "Published",
        "Updated:",
        "by",
        "Jo",
        "Roe",
        "|",
        "10:30",
        "GMT",
        ",",
        "a",
        "b",
        "c",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_DATE_BITS, _SPACES), max_size=14))
def test_date_line_word_bound_changes_no_answer(parts: list[tuple[str, str]]) -> None:
    line = "".join(a + b for a, b in parts)
    assert plaintext.date_line(line) == _date_line_reference(line)


#: Characters around the edges the byte tests rely on: controls, C1 controls, Latin-1,
#: the first characters past it, a lone surrogate, the replacement mark, CJK, emoji.
_EDGE_CHARS = st.sampled_from(
    [
        *("\x01", "\x08", "\t", "\n", "\x0b", "\x0c", "\r", "\x0e", "\x1f", " ", "~", "\x7f"),
        *("\x80", "\x9f", "\xa0", "£", "é", "\xff", "\u0100", "Ł", "“", "\ud800", "\udfff"),
        *("\ufffd", "漢", "\U0001f600", "a"),
    ]
)
_EDGE_TEXT = st.lists(_EDGE_CHARS | st.text(max_size=3), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(_EDGE_TEXT)
def test_latin1_byte_test_agrees_with_the_high_char_pattern(text: str) -> None:
    assert repair.has_latin1_high(text) == (repair._HIGH_CHAR.search(text) is not None)


@settings(max_examples=300, deadline=None)
@given(_EDGE_TEXT)
def test_control_byte_test_agrees_with_the_control_pattern(text: str) -> None:
    assert decoding.has_control(text) == bool(decoding._CONTROL.findall(text))


@settings(max_examples=300, deadline=None)
@given(
    _EDGE_TEXT
    | st.lists(_MOJIBAKE_BITS | _EDGE_CHARS | st.sampled_from(["ÐÂÐÇ´«Ã½", "ÐÂÐÇ", " "])).map(
        "".join
    )
)
def test_repair_text_skips_only_repairs_that_change_nothing(text: str) -> None:
    """Skipping a repair that the text's Latin-1 characters rule out changes nothing."""
    warnings: list[str] = []
    expected = repair.repair_mojibake(repair.repair_cjk(text, warnings), warnings)
    expected = repair.unicodedata.normalize("NFC", expected)
    assert repair.repair_text(text, []) == expected


#: Pieces of HTML around what ``_strings`` treats apart: comments, processing instructions,
#: whitespace-only strings (ASCII and not), entities, inline elements, line breaks.
_HTML_PIECES = st.sampled_from(
    [
        *("<b>", "</b>", "<i>", "</i>", "<span class='x'>", "</span>", "<a href='/x'>", "</a>"),
        *("<!-- note -->", "<!---->", "<?pi z?>", "<br>", "<br/>", "<img src='x'>", "<u></u>"),
        *("  ", "\n", " \t\n ", "\xa0", "\u2003", "&amp;", "&nbsp;", "&#65;", "word", "Acme"),
        *("<pre> a  b </pre>", "<ruby>X<rt>x</rt></ruby>", "<textarea> t </textarea>"),
    ]
)
_HTML_BODY = st.lists(_HTML_PIECES | st.text(alphabet="ab <>&/", max_size=3), max_size=12).map(
    "".join
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_HTML_BODY, min_size=1, max_size=3))
def test_itertext_reading_of_plain_pages_agrees_with_strings(bodies: list[str]) -> None:
    from extractor.reading import html

    page = html._parse(
        "<html><body><div>" + "".join(f"<p>{b}</p>" for b in bodies) + "</div></body></html>"
    )
    plain = html._is_plain(page)
    for p in page.iter("p"):
        assert html._text_length(p, plain) == html._text_length(p)
        if plain and next(page.iter("br"), None) is None:
            fast = " ".join("".join(p.itertext()).split())
            assert fast == " ".join("".join(html._strings(p, br_newlines=True)).split())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("abAZ-_ :.09éÉ"), max_size=12))
def test_class_words_skip_the_camel_case_split_only_when_it_changes_nothing(value: str) -> None:
    from extractor.reading import html

    spaced = html._CAMEL_BOUNDARY.sub(r"\1 \2", value)
    if value.islower():
        assert spaced == value


def test_a_line_opening_with_a_letter_or_digit_is_never_a_rule() -> None:
    """Every ``str.isalnum`` character is ``\\w``, so ``RULE_LINE`` cannot match from it."""
    word = re.compile(r"\w")
    assert all(word.match(ch) for ch in map(chr, range(0x110000)) if ch.isalnum())


@settings(max_examples=300, deadline=None)
@given(_EDGE_TEXT)
def test_latin1_high_bytes_are_the_high_half_characters(text: str) -> None:
    expected = "".join(ch for ch in text if "\x80" <= ch <= "\xff").encode("latin-1")
    assert repair.latin1_high_bytes(text) == expected


def test_no_leading_bullet_character_is_a_letter_or_digit() -> None:
    """``key`` skips the bullet pattern for a line that opens with a letter or digit."""
    assert not any(ch.isalnum() for ch in map(chr, range(0x110000)) if bp._LEAD.match(ch))


@settings(max_examples=200, deadline=None)
@given(_LINES)
def test_key_agrees_with_the_plain_reduction(line: str) -> None:
    expected = bp._LEAD.sub("", line).strip().rstrip(":").strip().lower()
    assert bp.key.__wrapped__(line) == expected


def test_trailer_line_first_letters_cover_every_ignorecase_match() -> None:
    first = re.compile(r"m|p|i|a|f", re.IGNORECASE)
    matched = {ch for ch in map(chr, range(0x110000)) if first.match(ch)}
    assert matched == set(bp._TRAILER_FIRST)
    space = re.compile(r"\s")
    assert all(ch.isspace() == bool(space.match(ch)) for ch in map(chr, range(0x110000)))


@settings(max_examples=300, deadline=None)
@given(
    _LINES
    | st.lists(
        st.sampled_from(["Media", "enquiries", "For", "further", "information", "contact"])
        | st.sampled_from(["İnvestor", "relations", ":", "Markets", "|", "/", " - ", "News"])
        | _SPACES
    ).map("".join)
)
def test_trailer_and_section_pretests_change_no_answer(line: str) -> None:
    plain_trailer = (
        bp.key(line) in bp.lexicon().trailer_headings or bp.TRAILER_LINE.match(line) is not None
    )
    assert bp.is_trailer_heading(line) == plain_trailer
    pieces = [p for p in bp._SECTION_SEPARATOR.split(bp.key(line)) if p]
    plain_section = bool(pieces) and all(p in bp.lexicon().section_names for p in pieces)
    assert bp.is_section_label(line) == plain_section


def test_lower_never_shortens_and_keeps_the_end_marker_wrapping_apart() -> None:
    """What ``is_end_marker``'s length test relies on, over every character."""
    wrap = set(bp._END_MARKER_WRAP)
    for ch in map(chr, range(0x110000)):
        low = ch.lower()
        assert len(low) >= 1
        assert (ch in wrap) == (low in wrap) if len(low) == 1 else not wrap & set(low)


@settings(max_examples=300, deadline=None)
@given(
    _LINES
    | st.lists(
        st.sampled_from(["ENDS", "ends", "-", "–", "—", "#", " ", "###", "İ", "Σ", "x" * 30])
        | _SPACES
    ).map("".join)
)
def test_end_marker_length_test_changes_no_answer(line: str) -> None:
    markers = bp.lexicon().end_markers
    plain = line.strip().lower()
    expected = plain in markers or bp.key(line) in markers or plain.strip("-–—# ") in markers
    assert bp.is_end_marker(line) == expected


def test_section_separator_test_finds_exactly_the_separator_characters() -> None:
    chars = set(bp._SECTION_SEPARATOR_CHARS)
    assert all(bp._has_section_separator(chr(c)) == (chr(c) in chars) for c in range(0x3000))
    assert not bp._has_section_separator("")


@settings(max_examples=300, deadline=None)
@given(_LINES | st.sampled_from(bp._all_openings()).map(lambda o: o + " x") | st.text(max_size=6))
def test_openings_by_first_character_agree_with_every_opening(line: str) -> None:
    opening = bp._opening(line)
    assert bp._may_open(opening) == opening.startswith(bp._all_openings())
    assert bp._may_open(line) == line.startswith(bp._all_openings())


@settings(max_examples=300, deadline=None)
@given(
    _LINES
    | st.lists(
        st.sampled_from(sorted(bp.lexicon().furniture_lines)) | st.sampled_from(["  ", "\t", " "])
    ).map("".join)
)
def test_button_row_with_the_callers_key_agrees(line: str) -> None:
    labels = bp.lexicon().furniture_lines
    stripped = line.strip()
    items = [item for item in re.split(r"\s{2,}|\t", stripped) if item]
    plain = (
        bp.key(line).startswith(tuple(labels))
        and len(items) >= 2
        and all(bp.key(item) in labels for item in items)
    )
    assert bp._is_button_row(line, bp.key(line)) == plain == bp.is_button_row(line)


def test_only_the_lookalikes_fold_into_ascii_letters() -> None:
    """What ``ascii_folded`` relies on: no other non-ASCII character lower-cases into, or
    IGNORECASE-matches, an ASCII letter."""
    letter = re.compile(r"[a-z]", re.IGNORECASE)
    for ch in map(chr, range(0x80, 0x110000)):
        folds = letter.fullmatch(ch) is not None or any(c.isascii() for c in ch.lower())
        assert folds == bp.has_ascii_lookalike(ch), hex(ord(ch))


_WORDS = st.sampled_from(["acme", "the", "news", "k", "is", "a b"])


@settings(max_examples=300, deadline=None)
@given(
    _LINES | st.text(max_size=30),
    _WORDS,
    st.sampled_from(["", "ItemProp", "\u0130temprop", "itemproP", "item prop", "ıtemprop"]),
)
def test_ascii_image_finds_a_word_where_the_folded_text_does(
    text: str, word: str, attribute: str
) -> None:
    image, low = bp.ascii_folded(text), bp.folded(text)
    assert len(image) == len(text)
    if not bp.has_ascii_lookalike(text):
        wanted = word.encode("ascii")
        found = [i for i in range(len(text)) if image.startswith(wanted, i)]
        assert found == [i for i in range(len(text)) if low.startswith(word, i)]
    page = text + attribute + text  # the HTML reader's "itemprop" test, on any page
    assert (b"itemprop" in bp.ascii_folded(page)) == ("itemprop" in page.lower())
