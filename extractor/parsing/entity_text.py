"""Pure text helpers for finding name candidates: capitalised runs, story region, sentences.

A *name run* is a stretch of one line made of name-like words ("Velmora", "AT&T", "q&",
"Rolls-Royce", "Velmora.com", "S.p.A.") joined by single spaces and by joiners inside names
("&", "de", "van", and "of" after heads such as "Bank"), cut at punctuation, possessives and
lower-case words. The spaCy components type these runs (company, person, place, other) from
the evidence around them; this module only finds them and says where the story is.

No spaCy here; nothing raises on odd text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

#: Opening and closing punctuation around words; a word with any of them ends a run there.
_OPENERS = "\"'“‘«([{<"
_CLOSERS = "\"'”’»)]}>,;:!?"
_ENDERS = ".!?"
_ENDER_SET = frozenset(_ENDERS)
#: Marks after a word that close it (and, for "!" and "?", end the sentence).
_FAST_CLOSERS = frozenset(",;:!?")
#: Lower-case words that may join two capitalised words inside one name.
_NAME_JOINERS = frozenset(
    {"de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "van", "von", "der",
     "den", "la", "le", "y", "bin", "al", "el"}
)  # fmt: skip
#: Lower-case word endings after a hyphen that make a modifier, not part of a name:
#: "Johannesburg-based", "Tavrin-controlled", "Twitter-like", "state-owned".
_MODIFIER_TAIL = re.compile(
    r"""
    ^(?:\w+ed|\w+ing|like|type|style|wide|era|run|made|born|led|bound|centric|friendly|
        sized|owned|backed|listed|based|focused|linked|related|level|specific|only|
        free|rich|heavy|light|scale|class|grade|market|sector|region|area|zone|
        one|two|three|four|five)$
    """,
    re.VERBOSE,
)
_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"\S+")
#: "eBay", "iPhone": lower-case first letter, capitals inside, letters only.
_CAMEL = re.compile(r"^[a-z]{1,3}[A-Z][A-Za-z]+$")
#: Legal forms written in lower case ("Sandpiper Group plc").
_LOWER_LEGAL = frozenset({"plc", "plc.", "llc", "inc.", "ltd."})
_TRAILING_JOINERS = _NAME_JOINERS | {"of", "&"}
#: "q&": short lower-case brand names built with an ampersand.
_AMP_BRAND = re.compile(r"^[a-z]{1,3}&[a-z]{0,3}$")
#: A possessive ending (also a mis-decoded curly apostrophe, U+FFFD).
_POSSESSIVE = re.compile(r"(?:['’\ufffd]s|s['’])$")
#: Dashes that start a body after a dateline ("LAGOS –", "Johannesburg, 3 March 2025 –").
_DASHES = frozenset({"-", "–", "—", "•", "*", "|"})
#: Titles after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    {"mr.", "ms.", "mrs.", "dr.", "prof.", "st.", "no.", "co.", "corp.", "inc.", "ltd.", "jr.",
     "sr.", "u.s.", "u.k.", "e.g.", "i.e.", "vs.", "feb.", "jan.", "aug.", "sept.", "oct.",
     "nov.", "dec.", "gov.", "gen.", "sen.", "rep.", "mt.", "ft."}
)  # fmt: skip


@dataclass(slots=True)
class Word:
    """One word of a line with the punctuation that touched it."""

    start: int
    end: int
    text: str
    opened: bool = False  # an opening quote or bracket right before it
    closed: bool = False  # punctuation right after it (comma, closing quote ...)
    ends_sentence: bool = False  # followed by . ! ? (not an abbreviation)
    possessive: bool = False  # "Velmora's": the 's is outside ``text``
    hyphen_tail: str = ""  # "Tavrin-controlled": "controlled"
    sentence_initial: bool = False
    legal_end: bool = False  # "Corp.": a legal form with its dot ends a name


@dataclass(slots=True)
class NameRun:
    """Consecutive name-like words of one line."""

    start: int
    end: int
    text: str
    words: list[Word] = field(default_factory=list)
    sentence_initial: bool = False
    possessive: bool = False
    hyphen_tail: str = ""
    headline: bool = False


@functools.lru_cache(maxsize=65536)
def _is_name_word(text: str) -> bool:
    """Capitalised, all-caps, "q&"-style or camel-case ("eBay"); never containing digits."""
    if not text:
        return False
    first = text[0]
    if first.isupper():
        return not _DIGIT.search(text)
    if first.islower():
        return bool(_AMP_BRAND.match(text) or _CAMEL.match(text))
    return False


def split_words(line: str, offset: int, *, keep_dots: Iterable[str] = ()) -> list[Word]:
    """Split one line into words, noting the punctuation around each.

    Args:
        line: the text of one line.
        offset: where the line starts in the document.
        keep_dots: words (case-folded, without their final dot) whose final "." belongs to
            them, such as legal suffixes ("corp", "inc").

    >>> [w.text for w in split_words('Ms. Holt said "Velmora.com\\'s" AT&T q& Corp.,', 0)]
    ['Ms.', 'Holt', 'said', 'Velmora.com', 'AT&T', 'q&', 'Corp.']
    """
    dotted = frozenset(keep_dots)
    words: list[Word] = []
    for m in _TOKEN.finditer(line):
        word = _word(m.group(), offset + m.start(), dotted)
        if word is not None:
            words.append(word)
    return words


#: The words of a line for ``find_name_runs``: a stretch of plain words is one ``plain``
#: match, so the common words of a sentence cost one regex step instead of a ``Word`` each;
#: every other word is one match. A plain word starts with a letter a-z and holds no capital
#: and no "&" (so it is no name word: not "eBay", not "q&"), and it is none of the words that
#: may join a name or belong to one ("de", "of", "plc", "inc."); with its punctuation it may
#: still end a sentence, which only its last word's marks can tell the next word.
#:
#: After the first word of a stretch, a bare joiner ("of" with white space or the line's end
#: after it, no mark) is a plain word too: no name word comes right before it, so it starts
#: no run and joins none (``_runs_of_line`` adds a joiner only to a run that is open), it is
#: no name word itself, and with no mark it tells the next word what a plain letter-only
#: word does (nothing: ``_PLAIN``). A joiner with a mark ("of,", "inc.", "de-facto") still
#: ends the stretch, as the first word of one it is still a word of its own.
_LINE_TOKENS = re.compile(
    r"""
    (?P<plain>
        # joiners and lower-case legal forms ("de", "of", "plc") are words: the trie of
        # de|da|do|dos|das|del|della|di|du|des|van|von|der|den|la|le|y|bin|al|el|of|plc|
        # llc|inc|ltd (the same words, each letter read once)
        (?!(?:al|bin|d(?:a(?:s)?|e(?:(?:l(?:la)?|n|r|s))?|i|o(?:s)?|u)|el|inc|l(?:a|e|lc|td)
            |of|plc|v(?:an|on)|y)(?![a-z]))
        [a-z][^\sA-Z&]*(?!\S)\s*  # a plain word, its punctuation and the space after it
        (?:                       # more plain words: now bare joiners too (see above)
            (?!(?:al|bin|d(?:a(?:s)?|e(?:(?:l(?:la)?|n|r|s))?|i|o(?:s)?|u)|el|inc
                |l(?:a|e|lc|td)|of|plc|v(?:an|on)|y)[^a-z\s])
            [a-z][^\sA-Z&]*(?!\S)\s*
        )*
    )
    | \S+                       # any other word, with its punctuation
    """,
    re.VERBOSE,
)
#: Stand for a ``plain`` stretch in a line's words: it cuts a run and is no name word; the
#: word after it starts a sentence as after the stretch's last word, whose marks may close
#: it ("said,") or end a sentence ("year."): ``_PLAINS[closed, ends_sentence]``.
_PLAINS = {
    (closed, ends): Word(-1, -1, "", closed=closed, ends_sentence=ends)
    for closed in (False, True)
    for ends in (False, True)
}
_PLAIN = _PLAINS[False, False]


def _line_words(line: str, offset: int, dotted: frozenset[str]) -> tuple[list[Word], int]:
    """The words of one line (one of ``_PLAINS`` for each stretch of plain words) and how
    many plain words there were; the same runs come out as from ``split_words``, at a
    fraction of the cost."""
    words: list[Word] = []
    append = words.append
    plain = 0
    for m in _LINE_TOKENS.finditer(line):
        stretch = m[1]  # the ``plain`` group
        if stretch is not None:
            tokens = stretch.split()
            plain += len(tokens)
            last = tokens[-1]
            if last.isalpha():
                append(_PLAIN)
            else:  # never None: a word starting with a letter keeps that letter
                marks = _word(last, 0, dotted) or _PLAIN
                append(_PLAINS[marks.closed, marks.ends_sentence])
            continue
        word = _word(m[0], offset + m.start(), dotted)
        if word is not None:
            append(word)
    return words, plain


def _word(raw: str, start: int, dotted: frozenset[str]) -> Word | None:
    """One word of ``split_words`` (None when only punctuation is left)."""
    # Fast paths, same result as the general case below: letters and digits only ("the",
    # "Velmora", "2024": no quote, bracket, stop, apostrophe or hyphen to look at); letters
    # and one mark after them ("said,", "said:", "year."), unless the stop belongs to the
    # word ("Corp.", "Mr.", "B."); a quote or bracket and letters ('"We').
    if raw.isalnum():
        return Word(start, start + len(raw), raw)
    last = raw[-1]
    body = raw[:-1]
    if body.isalpha():
        if last in _FAST_CLOSERS:
            return Word(start, start + len(body), body, closed=True, ends_sentence=last in "!?")
        if (
            last == "."
            and body.casefold() not in dotted
            and f"{body.casefold()}." not in _ABBREVIATIONS
            and not (len(body) == 1 and body.isupper())
        ):
            return Word(start, start + len(body), body, ends_sentence=True)
    if raw[0] in _OPENERS and raw[1:].isalpha():
        return Word(start + 1, start + len(raw), raw[1:], opened=True)
    lead = len(raw) - len(raw.lstrip(_OPENERS))
    core = raw[lead:]
    stripped = core.rstrip(_CLOSERS + _ENDERS + "…")
    trail = core[len(stripped) :]
    # Keep the final dot of "Corp.", "U.S.", "S.p.A." and initials ("B.").
    if (
        trail.startswith(".")
        and stripped
        and (
            stripped.casefold() in dotted
            or "." in stripped
            or (len(stripped) == 1 and stripped.isupper())
            or f"{stripped.casefold()}." in _ABBREVIATIONS
        )
    ):
        stripped, trail = stripped + ".", trail[1:]
        abbreviation = True
        legal_end = stripped.casefold().rstrip(".") in dotted
    else:
        abbreviation = legal_end = False
    word = Word(start + lead, start + lead + len(stripped), stripped, opened=lead > 0)
    word.legal_end = legal_end
    word.closed = bool(trail.strip("."))
    word.ends_sentence = not _ENDER_SET.isdisjoint(trail) or (
        abbreviation and stripped.casefold() not in _ABBREVIATIONS and not trail
    )
    poss = _POSSESSIVE.search(word.text)
    if poss and len(word.text) > 3:
        word.text = word.text[: poss.start()] + (
            word.text[poss.start()] if word.text.endswith(("s'", "s’")) else ""
        )
        word.end = word.start + len(word.text)
        word.possessive = True
    if "-" in word.text[1:]:
        head = word.text.partition("-")[0]
        parts = word.text.split("-")
        # "Seo-yeon" (a given name) stays whole; "Tavrin-controlled" is cut.
        cut = next(
            (i for i, p in enumerate(parts) if i and p[:1].islower() and _MODIFIER_TAIL.match(p)),
            None,
        )
        if (
            cut is None
            and any(p[:1].islower() for p in parts[1:])
            and not (
                len(parts) == 2
                and parts[0][:1].isupper()
                and parts[1].isalpha()
                and len(parts[1]) <= 4
            )
        ):
            cut = next(i for i, p in enumerate(parts) if i and p[:1].islower())
        if cut is not None and head:
            word.text = "-".join(parts[:cut])
            word.hyphen_tail = "-".join(parts[cut:]).casefold()
            word.end = word.start + len(word.text)
    return word if word.text else None


def _line_is_shouting(words: list[Word], plain: int = 0) -> bool:
    """A masthead or banner line: two or more words, every letter upper case.

    ``plain``: lower-case words of the line left out of ``words`` (any means no).
    """
    if plain:
        return False
    shouted = 0
    for word in words:
        text = word.text
        if text.upper() != text:
            if any(c.isalpha() for c in text):
                return False  # a word with letters not all upper case: most lines, at once
        elif any(c.isalpha() for c in text):
            shouted += 1
    return shouted >= 2


def _line_is_headline(words: list[Word], plain: int = 0) -> bool:
    """Title case: most words of four or more capitalised ("Telvanta Names New Chief").

    ``plain``: lower-case words of the line left out of ``words``.
    """
    if len(words) < 3 * plain:
        # At most ``len(words)`` capitalised of ``len(words) + plain``: under 3/4 (most
        # lines of an article's body).
        return False
    alpha = [w.text for w in words if w.text[:1].isalpha()]
    total = len(alpha) + plain
    if total < 4:
        return False
    capital = sum(1 for t in alpha if t[0].isupper())
    return capital / total >= 0.75 and capital < total + 1


def find_name_runs(
    text: str,
    *,
    of_heads: frozenset[str] = frozenset(),
    keep_dots: Iterable[str] = (),
    skip: Iterable[tuple[int, int]] = (),
    continuers: frozenset[str] = frozenset(),
) -> list[NameRun]:
    """Find the name runs of a text, line by line.

    Args:
        text: the document text.
        of_heads: words after which "of" continues a name ("Bank" in "Bank of America").
        keep_dots: see ``split_words``.
        skip: character ranges (boilerplate) where no run is looked for.
        continuers: words (case-folded) that may follow a legal form inside one name
            ("Merbau & Co. Logistics Pte. Ltd.").

    Returns:
        Runs in text order. All-caps lines (mastheads) give none.

    >>> [r.text for r in find_name_runs("Shares of Edward Lathrop Corp. rose, said Ms. Holt.")]
    ['Shares', 'Edward Lathrop Corp.', 'Ms. Holt']
    >>> text = "Bank of America and Tavrin-controlled RIVH"
    >>> [r.text for r in find_name_runs(text, of_heads=frozenset({"Bank"}))]
    ['Bank of America', 'Tavrin', 'RIVH']
    """
    skipped = sorted(skip)
    dotted = frozenset(keep_dots)
    runs: list[NameRun] = []
    pos = 0
    for line in text.split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        if not line or any(a <= line_start < b for a, b in skipped):
            continue
        words, plain = _line_words(line, line_start, dotted)
        if not words or _line_is_shouting(words, plain):
            continue
        headline = _line_is_headline(words, plain)
        _mark_sentence_starts(words)
        runs.extend(_runs_of_line(text, words, of_heads, headline, continuers))
    return runs


def _mark_sentence_starts(words: list[Word]) -> None:
    prev: Word | None = None
    for word in words:
        if word.start < 0:  # a plain stretch: its last word's marks count
            prev = word
            continue
        word.sentence_initial = (
            prev is None
            or prev.ends_sentence
            or prev.text in _DASHES
            or (word.opened and (prev.closed or prev.text.endswith(":")))
            or (prev.text.endswith(":") or (prev.closed and prev.text[-1:] == ":"))
        )
        prev = word


def _continues(word: str, continuers: frozenset[str]) -> bool:
    folded = word.casefold()
    return folded in continuers or folded.rstrip(".") in _LEGAL_FOLLOWERS


#: Legal forms that follow another one: "Co. Ltd.", "(Pty) Ltd".
_LEGAL_FOLLOWERS = frozenset({"ltd", "limited", "inc", "llc", "plc", "pte", "pty", "bhd", "sdn"})


def _runs_of_line(
    text: str,
    words: list[Word],
    of_heads: frozenset[str],
    headline: bool,
    continuers: frozenset[str] = frozenset(),
) -> list[NameRun]:
    runs: list[NameRun] = []
    current: list[Word] = []
    # Whether each word can be part of a name, worked out once (it is asked of a word as
    # itself and as the next word of a joiner).
    is_name = [word.start >= 0 and _is_name_word(word.text) for word in words]
    last_index = len(words) - 1
    for i, word in enumerate(words):
        if word.start < 0:  # plain words: no name word, no joiner
            if current:
                _flush(text, current, headline, runs)
                current = []
            continue
        nxt = words[i + 1] if i < last_index else None
        if current:
            prev = current[-1]
            joins = (
                not prev.closed
                and not prev.ends_sentence
                and not prev.possessive
                and nxt is not None
                and is_name[i + 1]
                and not nxt.opened
                and (
                    word.text == "&"
                    or word.text in _NAME_JOINERS
                    or (word.text == "of" and prev.text in of_heads)
                )
            )
            if joins or (word.opened and word.text.startswith("Pty")) or word.text in _LOWER_LEGAL:
                current.append(word)
                continue
        if is_name[i] and not (current and word.opened):
            current.append(word)
        else:
            if current:
                _flush(text, current, headline, runs)
                current = []
            if is_name[i]:
                current.append(word)
        if current and (
            word.closed
            or word.ends_sentence
            or word.possessive
            or word.hyphen_tail
            or (word.legal_end and not (nxt and _continues(nxt.text, continuers)))
        ):
            _flush(text, current, headline, runs)
            current = []
    if current:
        _flush(text, current, headline, runs)
    return runs


def _flush(text: str, current: list[Word], headline: bool, runs: list[NameRun]) -> None:
    """Add the run of ``current`` (without joiners at its end) to ``runs``; ``current``
    becomes that run's word list."""
    while current and current[-1].text.casefold() in _TRAILING_JOINERS:
        current.pop()
    if current:
        first, last = current[0], current[-1]
        runs.append(
            NameRun(
                first.start,
                last.end,
                text[first.start : last.end],
                current,
                first.sentence_initial,
                last.possessive,
                last.hyphen_tail,
                headline,
            )
        )
