"""Recognise page furniture and release legalese line by line (plain text and HTML alike).

The word lists are data (``extractor/lexicons/boilerplate.json``); the patterns here describe
the shapes of lines ("(c) Site 2021", "(Reporting by ...)", "X is not responsible for the
content of external sites."), never particular sites.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from extractor.errors import LexiconError
from extractor.lexicons import load_lexicon

#: Bullets, dashes and spaces that page dumps put before a line ("  • Published").
_LEAD = re.compile(r"^[\s•·*\u2022\u25cf\u25aa>-]+")


@dataclass(frozen=True)
class Boilerplate:
    """The boilerplate lexicon, as sets of normalised lines."""

    caption_markers: frozenset[str]
    published_markers: frozenset[str]
    related_markers: frozenset[str]
    end_markers: frozenset[str]
    trailer_headings: frozenset[str]
    release_markers: frozenset[str]
    release_header_prefixes: tuple[str, ...]
    release_header_labels: tuple[str, ...]
    wire_title_prefixes: tuple[str, ...]
    html_furniture_class_words: frozenset[str]
    name_small_words: frozenset[str]
    furniture_lines: frozenset[str]
    link_prefixes: tuple[str, ...]
    promo_openers: tuple[str, ...]
    promo_words: tuple[str, ...]
    reading_time_words: tuple[str, ...]
    site_name_class_words: frozenset[str]
    section_names: frozenset[str]


@functools.cache
def lexicon() -> Boilerplate:
    """The boilerplate word lists, validated once.

    Raises:
        LexiconError: a key is missing or is not a list of strings.
    """
    data = load_lexicon("boilerplate")
    fields: dict[str, list[str]] = {}
    for key in Boilerplate.__dataclass_fields__:
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise LexiconError(f"lexicon 'boilerplate' needs {key!r} as a list of strings")
        fields[key] = [v.lower() for v in value]
    return Boilerplate(
        caption_markers=frozenset(fields["caption_markers"]),
        published_markers=frozenset(fields["published_markers"]),
        related_markers=frozenset(fields["related_markers"]),
        end_markers=frozenset(fields["end_markers"]),
        trailer_headings=frozenset(fields["trailer_headings"]),
        release_markers=frozenset(fields["release_markers"]),
        release_header_prefixes=tuple(fields["release_header_prefixes"]),
        release_header_labels=tuple(fields["release_header_labels"]),
        wire_title_prefixes=tuple(fields["wire_title_prefixes"]),
        html_furniture_class_words=frozenset(fields["html_furniture_class_words"]),
        name_small_words=frozenset(fields["name_small_words"]),
        furniture_lines=frozenset(fields["furniture_lines"]),
        link_prefixes=tuple(fields["link_prefixes"]),
        promo_openers=tuple(fields["promo_openers"]),
        promo_words=tuple(fields["promo_words"]),
        reading_time_words=tuple(fields["reading_time_words"]),
        site_name_class_words=frozenset(fields["site_name_class_words"]),
        section_names=frozenset(fields["section_names"]),
    )


@functools.lru_cache(maxsize=1024)
def key(line: str) -> str:
    """A line reduced for lexicon lookup: no leading bullets, lower case, no final colon.

    Cached: each line is looked up by several tests (end marker, related links, furniture).
    """
    if not line[:1].isalnum():  # a letter or digit first: no bullet to drop (most lines)
        line = _LEAD.sub("", line)
    return line.strip().rstrip(":").strip().lower()


#: The characters that IGNORECASE matching takes for ASCII letters but ``str.lower()`` does not
#: turn into them: dotted and dotless I, long s ("K", the Kelvin sign, lowers to "k" itself).
_IGNORECASE_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def folded(line: str) -> str:
    """``line`` in lower case, with every character an IGNORECASE regex reads as an ASCII
    letter turned into that letter: ``"word" in folded(line)`` holds whenever
    ``re.search("word", line, re.IGNORECASE)`` would (a cheap test before costly patterns).
    """
    if not line.isascii() and ("\u0130" in line or "\u0131" in line or "\u017f" in line):
        line = line.translate(_IGNORECASE_FOLD)
    return line.lower()


def has_ascii_lookalike(text: str) -> bool:
    """Does ``text`` hold a character that IGNORECASE matching or ``str.lower()`` takes for
    an ASCII letter (dotted and dotless I, long s, the Kelvin sign)? No other character does
    (checked over all of Unicode by a test)."""
    return "\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text


def ascii_folded(text: str) -> bytes:
    """``text`` as bytes, one per character: ASCII in lower case, anything else ``b"?"``.

    For a text without ``has_ascii_lookalike`` characters, a lower-case ASCII word without
    "?" is at ``i`` in this image exactly where it is at ``i`` in ``folded(text)``: no other
    character lower-cases to an ASCII letter. Encoding and ``bytes.lower`` run in C; a text
    with curly quotes or accents makes ``str.lower`` look up every character (~5x slower).
    """
    return text.encode("ascii", "replace").lower()


#: "(c) Trans-Kalahari Newswire 2021. All rights reserved.", "© 2024 Site Ltd", "Copyright 2020 X".
COPYRIGHT = re.compile(
    r"""
    ^\s*(?:\(c\)|©|copyright\b)            # the copyright sign or word
    \s*(?:©|\(c\))?\s*                       # "Copyright © ..."
    (?P<rest>.*)$
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: A copyright sign or word anywhere in a string (to find the footer line of a page).
COPYRIGHT_ANYWHERE = re.compile(r"©|\(c\)\s+\w|\bcopyright\b", re.IGNORECASE)

#: "All rights reserved" anywhere in a short line.
RIGHTS_RESERVED = re.compile(r"\ball rights reserved\b", re.IGNORECASE)

#: "(Reporting by X; Editing by Y)", "Reporting by X in London", "Additional reporting by X".
CREDITS = re.compile(
    r"""
    ^\s*\(?\s*
    (?:additional\s+)?(?:reporting|writing|editing|compiled|written|edited)\s+by\b
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: "The Site is not responsible for the content of external (internet) sites."
NOT_RESPONSIBLE = re.compile(
    r"""
    ^\s*(?P<name>.{1,80}?)\s+is\s+not\s+responsible\s+for\s+the\s+content\s+of\s+
    external\s+(?:internet\s+)?(?:web\s*)?sites\.?\s*$
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: A heading that opens an "About <Company>" boilerplate section.
ABOUT_HEADING = re.compile(r"^\s*about\s+(?P<name>\S.{0,80})$", re.IGNORECASE)

#: "Image source, Getty Images", "Image caption, Staff at work", "Photo credit: X": a photo's
#: label with its text on the same line.
PHOTO_LABEL = re.compile(
    r"^\s*(?:image|media|video|photo|picture)\s+(?:source|credit|caption)s?\s*[,:]\s*\S",
    re.IGNORECASE,
)

#: "Media enquiries: Jane Doe, +27 ...", "For further information contact: ...".
TRAILER_LINE = re.compile(
    r"""
    ^\s*(?:media|press|investor|analyst)s?\s+(?:enquiries|inquiries|contacts?|relations)\s*:
    | ^\s*for\s+(?:further|more)\s+information\b.*\bcontact
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: "(Incorporated in the Republic of South Africa)", "(Registration number 1999/...)".
INCORPORATED = re.compile(
    r"^\s*\(\s*(?:incorporated|registered|registration)\b.*\)\s*$", re.IGNORECASE
)


#: Where the holder's name ends in a copyright line: a sentence stop, a bar, a comma.
_HOLDER_END = re.compile(r"\.\s|\.$|\||,|;|\ball rights reserved")
#: A year or a span of years ("2019-21") in a copyright line.
_YEARS = re.compile(r"(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?")


def copyright_holder(line: str) -> str | None:
    """The name in a copyright line, without years, legal form or trailing sentences.

    >>> copyright_holder("(c) Trans-Kalahari Newswire 2021. All rights reserved.")
    'Trans-Kalahari Newswire'
    >>> copyright_holder("© 2022 Acacia Tech Journal Ltd. Registered in Lagos.")
    'Acacia Tech Journal Ltd'
    """
    match = COPYRIGHT.match(line)
    if match is None:
        return None
    rest = _HOLDER_END.split(match.group("rest"), maxsplit=1)[0]
    rest = _YEARS.sub(" ", rest)
    rest = " ".join(rest.split()).strip(" .-–")
    return rest or None


#: How the line (folded, without leading spaces and bullets) starts when a pattern can match:
#: cheap ``startswith`` tests that spare most lines the case-insensitive patterns.
_COPYRIGHT_OPENINGS = ("(c)", "©", "copyright")
_CREDIT_OPENINGS = (
    "(",
    "additional",
    "reporting",
    "writing",
    "editing",
    "compiled",
    "written",
    "edited",
)
_PHOTO_OPENINGS = ("image", "media", "video", "photo", "picture")
_URL_OPENINGS = ("http", "www.")


def is_copyright(line: str) -> bool:
    low = folded(line)
    return _is_copyright(line, low, _opening_of(low))


def _is_copyright(line: str, low: str, opening: str) -> bool:
    if opening.startswith(_COPYRIGHT_OPENINGS) and COPYRIGHT.match(line) is not None:
        return True
    return len(line) < 200 and "reserved" in low and RIGHTS_RESERVED.search(line) is not None


def is_credit(line: str) -> bool:
    return CREDITS.match(line) is not None


def is_caption_marker(line: str) -> bool:
    k = key(line)
    return k in lexicon().caption_markers or k.rstrip(",") in lexicon().caption_markers


def is_related_marker(line: str) -> bool:
    return key(line) in lexicon().related_markers


#: What an end marker may be wrapped in ("-ENDS-", "### ENDS ###").
_END_MARKER_WRAP = "-–—# "


@functools.cache
def _longest_end_marker() -> int:
    return max(map(len, lexicon().end_markers), default=0)


def is_end_marker(line: str) -> bool:
    """ "ENDS", "-ENDS-", "###": the end of a release's body.

    Body lines are long and lower-casing them is costly (``str.lower`` looks up every
    character of a non-ASCII line), so a line too long to be a marker is ruled out first:
    ``str.lower`` never shortens a string and neither makes nor removes the wrapping
    characters, so the lower-cased candidates are at least as long as ``core``.
    """
    markers = lexicon().end_markers
    if key(line) in markers:
        return True
    core = line.strip().strip(_END_MARKER_WRAP)
    if len(core) > _longest_end_marker():
        return False
    plain = line.strip().lower()
    return plain in markers or plain.strip(_END_MARKER_WRAP) in markers


#: The distribution notice that heads takeover announcements: "NOT FOR RELEASE, PUBLICATION OR
#: DISTRIBUTION, IN WHOLE OR IN PART, IN, INTO OR FROM ANY JURISDICTION WHERE ...".
DISTRIBUTION_NOTICE = re.compile(
    r"^\s*not\s+for\s+(?:release|publication|distribution)\b.*(?:publication|distribution)",
    re.IGNORECASE,
)


def is_release_marker(line: str) -> bool:
    return key(line) in lexicon().release_markers or DISTRIBUTION_NOTICE.match(line) is not None


def is_release_header(line: str) -> bool:
    """Listing lines under a release's company name: "Share code: MZR", "(Incorporated in...)"."""
    k = key(line)
    if INCORPORATED.match(line):
        return True
    if len(k) >= 120:
        return False
    prefixes = lexicon().release_header_prefixes
    if k.startswith(prefixes) and any(_starts_with_word(k, prefix) for prefix in prefixes):
        return True
    # A label after an exchange's name, with its colon: "JSE share code: X", "ASX code: X".
    first, _, rest = k.partition(" ")
    label = rest.partition(":")[0].strip()
    return len(first) <= 8 and ":" in rest and label in lexicon().release_header_labels


def _starts_with_word(text: str, prefix: str) -> bool:
    return text.startswith(prefix) and (len(text) == len(prefix) or not text[len(prefix)].isalpha())


#: "Home > Business > Energy", "News › Markets": a breadcrumb trail of short section names.
BREADCRUMB = re.compile(
    r"""
    ^\s*[^\s>›»]+(?:\s+[^\s>›»]+){0,2}            # a section of one to three words
    (?:\s*[>›»]\s*[^\s>›»]+(?:\s+[^\s>›»]+){0,2}){1,5}\s*$   # then more, after > › »
    """,
    re.VERBOSE,
)


def _has_breadcrumb_arrow(line: str) -> bool:
    """Does the line hold a ``BREADCRUMB`` separator? (Cheap test before the regex.)"""
    return ">" in line or "›" in line or "»" in line


#: What a ``TRAILER_LINE`` match starts with after white space: the first letter of "media",
#: "press", "investor", "analyst" or "for" in either case, or a dotted or dotless I, which
#: IGNORECASE also takes for "i" (checked over all characters by a test).
_TRAILER_FIRST = frozenset("mpiafMPIAF\u0130\u0131")


def is_trailer_heading(line: str) -> bool:
    """A heading after which a release has only legalese and contacts."""
    if key(line) in lexicon().trailer_headings:
        return True
    # ``lstrip`` drops what ``\s*`` matches (str.isspace is the regex's \s); a line that does
    # not start with white space is its own ``lstrip()`` (no copy of a long line needed).
    first = line[:1]
    if first.isspace():
        first = line.lstrip()[:1]
    return first in _TRAILER_FIRST and TRAILER_LINE.match(line) is not None


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len)[::-1])


@functools.cache
def _furniture_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Link lines, reading-time notes and newsletter prompts, built from the lexicon once."""
    lex = lexicon()
    link = re.compile(
        rf"""
        ^[\s•·*>-]*(?:{_alternation(lex.link_prefixes)})   # "Read more", "Also read"
        \s*[:|»›>–—-]\s*                                   # its colon or arrow
        (?P<rest>\S.*)$                                     # the linked headline
        """,
        re.VERBOSE | re.IGNORECASE,
    )
    reading_time = re.compile(
        rf"""
        ^[\s•·*|-]*(?:(?:estimated\s+)?reading\s+time\s*:?\s*)?
        (?:less\s+than\s+(?:a|one)|\d{{1,3}})\s*-?\s*(?:{_alternation(lex.reading_time_words)})\.?
        (?:\s+(?:read|reading|listen|long\s+read))?\s*$
        """,
        re.VERBOSE | re.IGNORECASE,
    )
    promo = re.compile(
        rf"""
        ^[\s•·*>-]*(?:{_alternation(lex.promo_openers)})\b   # an imperative opening
        .{{0,200}}?\b(?:{_alternation(lex.promo_words)})\b    # that names a newsletter
        """,
        re.VERBOSE | re.IGNORECASE,
    )
    return link, reading_time, promo


#: Longest headline a "Read more: ..." line links to, in words.
_MAX_LINK_WORDS = 20
#: Longest newsletter prompt, in words: a longer line is a sentence of the story.
_MAX_PROMO_WORDS = 35


#: Separators between the levels of a section label ("Business | Markets", "Markets / Deals").
_SECTION_SEPARATOR = re.compile(r"\s*[|/>›»:•·–—]\s*|\s+-\s+")


#: Characters every ``_SECTION_SEPARATOR`` match holds one of.
_SECTION_SEPARATOR_CHARS = "|/>›»:•·–—-"


def _has_section_separator(k: str) -> bool:
    """Does ``k`` hold one of ``_SECTION_SEPARATOR_CHARS``? Spelled out: eleven substring
    tests cost a fifth of ``any(ch in k for ch in ...)``'s generator or a class regex scan."""
    return (
        "|" in k
        or "/" in k
        or ">" in k
        or "›" in k
        or "»" in k
        or ":" in k
        or "•" in k
        or "·" in k
        or "–" in k
        or "—" in k
        or "-" in k
    )


def is_section_label(line: str) -> bool:
    """A kicker above a headline: "MARKETS", "Business | Deals", "Exclusive:"."""
    k = key(line)
    if not _has_section_separator(k):
        return bool(k) and k in lexicon().section_names  # one piece: the split is not needed
    pieces = [p for p in _SECTION_SEPARATOR.split(k) if p]
    return bool(pieces) and all(p in lexicon().section_names for p in pieces)


#: A line that is only a web address (the page's URL, copied with the text).
URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)

#: "Write to Jane Roe at jane@example.com", "Contact the reporter: jroe@example.com".
CONTACT_LINE = re.compile(
    r"""
    ^\s*(?:(?:write|e-?mail|contact|reach)\b.{0,80}?(?:\s+at|:)\s*)?  # "Write to X at"
    [\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?\s*$                             # the address
    """,
    re.VERBOSE | re.IGNORECASE,
)


#: The bullets and spaces that link lines and newsletter prompts may start with.
_PROMPT_LEAD = re.compile(r"[\s•·*>-]*")


@functools.cache
def _first_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The first words of the link prefixes and of the promo openers (lower case).

    ``folded`` is exact for ASCII letters only: a list with another word is not pre-tested
    (its tuple holds "", which every line starts with).
    """
    lex = lexicon()
    out = []
    for phrases in (lex.link_prefixes, lex.promo_openers):
        words = {w.split()[0] if w.split() else "" for w in phrases}
        out.append(tuple(sorted(words)) if all(w.isascii() for w in words) else ("",))
    return out[0], out[1]


def _opening(line: str) -> str:
    """The folded line without its leading bullets and spaces, for ``startswith`` tests.

    Link and promo patterns are long case-insensitive alternations: most lines fail the
    test on their opening word at the cost of one ``startswith``.
    """
    return _opening_of(folded(line))


def _opening_of(low: str) -> str:
    if low[:1].isalnum():
        return low  # no bullets or spaces to skip (most lines)
    return low[_PROMPT_LEAD.match(low).end() :]  # type: ignore[union-attr]


def is_link_line(line: str, opening: str | None = None) -> bool:
    """ "Read more: Bakers brace for costs", "Also read | Rates hold": a link to another story.

    ``opening`` is ``_opening(line)`` when the caller has it.
    """
    if not (_opening(line) if opening is None else opening).startswith(_first_words()[0]):
        return False
    match = _furniture_patterns()[0].match(line)
    return match is not None and len(match.group("rest").split()) <= _MAX_LINK_WORDS


#: Longest reading-time note ("Estimated reading time: 12 minutes").
_MAX_READING_TIME_CHARS = 60


def is_reading_time(line: str) -> bool:
    """ "4 min read", "Reading time: 5 minutes", "5 minute read"."""
    return len(line) < _MAX_READING_TIME_CHARS and _furniture_patterns()[1].match(line) is not None


def is_promo(line: str, opening: str | None = None) -> bool:
    """ "Sign up for our free Markets newsletter ...": a subscription prompt inside a story.

    ``opening`` is ``_opening(line)`` when the caller has it.
    """
    if not (_opening(line) if opening is None else opening).startswith(_first_words()[1]):
        return False
    return (
        len(line.split()) <= _MAX_PROMO_WORDS and _furniture_patterns()[2].match(line) is not None
    )


#: Separators of a navigation bar's items ("Money | Markets | Companies", "News · Sport · Weather").
_MENU_SEPARATOR = re.compile(r"\s+[|·•]\s+")
#: A navigation bar has at least this many items, each a short name with no sentence stop.
_MIN_MENU_ITEMS = 3
_MAX_MENU_ITEM_WORDS = 3


def is_menu_line(line: str) -> bool:
    """A site's navigation bar copied with the page: "Money | Markets | Companies | Opinion".

    >>> is_menu_line("Energía · Banca · Infraestructura · Opinión")
    True
    >>> is_menu_line("Acme buys Widget | The Daily Lantern")
    False
    """
    if "|" not in line and "·" not in line and "•" not in line:
        return False  # no separator: one item (most lines; skips the split)
    items = _MENU_SEPARATOR.split(line.strip())
    return len(items) >= _MIN_MENU_ITEMS and all(
        0 < len(item.split()) <= _MAX_MENU_ITEM_WORDS
        and not item.rstrip().endswith((".", "!", "?"))
        and not any(ch.isdigit() for ch in item)  # "By Jo Roe | Sept. 18, 2023 | 5 min read"
        for item in items
    )


@functools.cache
def _furniture_labels() -> dict[str, tuple[str, ...]]:
    """The furniture labels by their first character."""
    labels: dict[str, list[str]] = {}
    for label in lexicon().furniture_lines:
        labels.setdefault(label[:1], []).append(label)
    return {first: tuple(group) for first, group in labels.items()}


#: A rule drawn with dashes, equals signs, underscores or box characters: no letter or digit.
RULE_LINE = re.compile(r"^[\W_]+$")
#: Buttons copied side by side ("Sign in   Subscribe"): items apart by two or more spaces.
_BUTTON_GAP = re.compile(r"\s{2,}|\t")


def is_button_row(line: str) -> bool:
    """Several page buttons on one line, each a known furniture label."""
    return _is_button_row(line, key(line))


def _is_button_row(line: str, k: str) -> bool:
    """``is_button_row`` for a line whose ``key`` the caller has.

    A label "" would start every key: ``_furniture_labels`` files it under "" (``k[:1]`` of
    an empty key), so ``"" in labels`` says whether the lexicon has it.
    """
    labels = _furniture_labels()
    if not k.startswith(labels.get(k[:1], ())) and "" not in labels:
        return False  # the first button's label would start the line's key
    line = line.strip()
    if _BUTTON_GAP.search(line) is None:
        return False  # one item (most lines; skips the split)
    items = [item for item in _BUTTON_GAP.split(line) if item]
    return len(items) >= 2 and all(key(item) in lexicon().furniture_lines for item in items)


def is_always_boilerplate(line: str) -> bool:
    """Lines that are never body text, wherever they are."""
    lex, k, low = lexicon(), key(line), folded(line)
    if (
        k in lex.furniture_lines
        or k in lex.caption_markers
        or k.rstrip(",") in lex.caption_markers
        or is_menu_line(line)
        # A rule has no letter or digit: one at the start rules it out without the pattern.
        or (not line[:1].isalnum() and RULE_LINE.match(line) is not None)
        or _is_button_row(line, k)
        or (len(line) < 200 and "reserved" in low and RIGHTS_RESERVED.search(line) is not None)
        or ("responsible" in low and NOT_RESPONSIBLE.match(line) is not None)
        or (_has_breadcrumb_arrow(line) and BREADCRUMB.match(line) is not None)
        or ("@" in line and CONTACT_LINE.match(line) is not None)
        or (len(line) < _MAX_READING_TIME_CHARS and is_reading_time(line))
    ):
        return True
    opening = _opening_of(low)
    if not _may_open(opening):
        return False  # none of the patterns tied to the line's first word can match (most lines)
    return (
        (opening.startswith(_COPYRIGHT_OPENINGS) and COPYRIGHT.match(line) is not None)
        or (opening.startswith(_CREDIT_OPENINGS) and is_credit(line))
        or (opening.startswith(_PHOTO_OPENINGS) and PHOTO_LABEL.match(line) is not None)
        or is_link_line(line, opening)
        or (opening.startswith(_URL_OPENINGS) and URL_LINE.match(line) is not None)
        or is_promo(line, opening)
    )


@functools.cache
def _all_openings() -> tuple[str, ...]:
    """Every opening some start-of-line furniture pattern needs (see ``_COPYRIGHT_OPENINGS``)."""
    links, promos = _first_words()
    return (
        *_COPYRIGHT_OPENINGS,
        *_CREDIT_OPENINGS,
        *_PHOTO_OPENINGS,
        *_URL_OPENINGS,
        *links,
        *promos,
    )


@functools.cache
def _openings_by_first() -> dict[str, tuple[str, ...]] | None:
    """``_all_openings`` by their first character; None when one of them is "" (which every
    line starts with)."""
    table: dict[str, list[str]] = {}
    for opening in _all_openings():
        if not opening:
            return None
        table.setdefault(opening[0], []).append(opening)
    return {first: tuple(group) for first, group in table.items()}


def _may_open(opening: str) -> bool:
    """``opening.startswith(_all_openings())``, testing only the openings that share its first
    character: a line starts with a non-empty prefix only if their first characters agree, and
    most lines start with a letter that few or none of the ~50 openings start with."""
    table = _openings_by_first()
    return table is None or opening.startswith(table.get(opening[:1], ()))
