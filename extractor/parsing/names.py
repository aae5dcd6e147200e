"""Pure helpers for company and person names: normalising, suffixes, aliases and acronyms.

No spaCy here: these functions take and return strings, never raise on odd text, and are
shared by the companies and people components (and the evaluation) so that "Velmora Group",
"Velmora's" and "VELMORA" all meet at one key.

- ``clean_name``: strips possessives, a leading "the", quotes and stray punctuation.
- ``strip_legal_suffixes`` / ``core_name``: "Ipanú Serrabanco Holding SA" -> "Ipanú Serrabanco".
- ``name_key``: case- and accent-insensitive comparison key.
- ``is_acronym_of``: "RFS" for "Regional Freight Services", "HA" for
  "Halifax-Atlantic Bank".
- ``same_company``: whether a short name the article uses stands for a longer one
  ("RL" / "RL Group", "Tamarack" / "Tamarack Midstream Ltd.") rather than naming a different
  company ("Telvanta" / "Telvanta Kenya").
- ``split_title``: "Mr. Tsang" -> ("Mr.", "Tsang").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from extractor.lexicons import load_lexicon

#: Possessive endings, including the U+FFFD that a mis-decoded curly apostrophe leaves.
_POSSESSIVE = re.compile(
    r"""
    (?: ['’\ufffd] s? )   # 's, ’s, �s, or a bare apostrophe (plural possessive)
    $
    """,
    re.VERBOSE,
)
_EDGE_PUNCT = "\"'“”‘’«»()[]{}.,;:!?*•–—-"
#: Abbreviated places at the start of a name: "U.S. Tinplate" is "United States Tinplate".
_PLACE_ABBREVIATIONS = (("U.S. ", "United States "), ("U.K. ", "United Kingdom "))
#: Words that join the parts of a name and do not count for its initials.
_JOINERS = frozenset({"of", "and", "&", "the", "de", "da", "do", "dos", "das", "del", "der", "y"})


@dataclass(frozen=True)
class NameWords:
    """Word lists about names, compiled into sets once per process."""

    legal_suffixes: frozenset[str]
    group_words: frozenset[str]
    designators: frozenset[str]
    places: frozenset[str]
    demonyms: frozenset[str]
    titles: dict[str, str]


@functools.cache
def name_words() -> NameWords:
    """The lexicons this module needs (cached; see ``extractor/lexicons``)."""
    legal = load_lexicon("legal_suffixes")
    words = load_lexicon("company_words")
    places = load_lexicon("places")
    place_names: set[str] = set()
    for key, values in places.items():
        if key != "source" and isinstance(values, list):
            place_names.update(values)
    return NameWords(
        legal_suffixes=frozenset(s.casefold() for s in legal["suffixes"]),
        group_words=frozenset(s.casefold() for s in legal["group_words"]),
        designators=frozenset(s.casefold() for s in words["designators"]),
        places=frozenset(place_names),
        demonyms=frozenset(load_lexicon("demonyms")["demonyms"]),
        titles=dict(load_lexicon("person_titles")["titles"]),
    )


def strip_possessive(text: str) -> str:
    """Drop a possessive ending.

    >>> strip_possessive("Velmora's"), strip_possessive("Telvanta’s"), strip_possessive("Ross")
    ('Velmora', 'Telvanta', 'Ross')
    """
    if len(text) > 2 and _POSSESSIVE.search(text):
        return _POSSESSIVE.sub("", text)
    return text


@functools.lru_cache(maxsize=8192)
def clean_name(text: str) -> str:
    """Normalise a name as printed: whitespace, quotes, possessive, a leading "the".

    >>> clean_name('  the  "Velmora Group\\'s" ')
    'Velmora Group'
    >>> clean_name("Edward Lathrop Corp.")
    'Edward Lathrop Corp.'
    """
    name = " ".join(text.split())
    name = name.strip("\"'“”‘’«»()[]{},;:!?*•–— ")
    name = strip_possessive(name).strip("\"'“”‘’ ")
    if name[:4].casefold() == "the ":
        name = name[4:].strip("\"'“”‘’ ")
    return name


def _words(name: str) -> list[str]:
    return name.replace("(", " ").replace(")", " ").replace(",", " ").split()


def _is_suffix(word: str, lexicon: frozenset[str]) -> bool:
    w = word.casefold()
    return w in lexicon or w.strip(".()") in lexicon or f"({w.strip('()')})" in lexicon


@functools.lru_cache(maxsize=8192)
def strip_legal_suffixes(name: str, *, group_words: bool = False) -> str:
    """Remove trailing legal forms ("Ltd", "(Pty) Ltd", "S.p.A.", "Holding SA").

    Args:
        name: a cleaned company name.
        group_words: also remove "Group", "Holdings" and similar trailing words.

    Returns:
        The name without them, or the name unchanged when nothing would be left.

    >>> strip_legal_suffixes("Umhlanga Cold Stores (Pty) Ltd")
    'Umhlanga Cold Stores'
    >>> strip_legal_suffixes("Ukhozi Vale Holdings Limited", group_words=True)
    'Ukhozi Vale'
    >>> strip_legal_suffixes("Ltd")
    'Ltd'
    """
    words = name.split()
    lex = name_words()
    changed = True
    while changed and len(words) > 1:
        changed = False
        last = words[-1].rstrip(",")
        if _is_suffix(last, lex.legal_suffixes) or (
            group_words and _is_suffix(last, lex.group_words)
        ):
            words.pop()
            changed = True
        elif len(words) > 2 and f"{words[-2]} {last}".casefold() in lex.legal_suffixes:
            del words[-2:]
            changed = True
    if len(words) == len(name.split()):
        return name
    out = " ".join(words).rstrip(" ,&")
    return out or name


@functools.lru_cache(maxsize=8192)
def has_legal_suffix(name: str) -> bool:
    """True when the name ends in a legal form ("Inc.", "plc", "(Pty) Ltd").

    >>> has_legal_suffix("Brackley Industries Inc."), has_legal_suffix("Brackley Industries")
    (True, False)
    """
    words = name.split()
    return len(words) > 1 and _is_suffix(words[-1].rstrip(","), name_words().legal_suffixes)


@functools.lru_cache(maxsize=8192)
def core_name(name: str) -> str:
    """The distinctive part of a company name: no legal form, no "Group"/"Holdings".

    >>> core_name("Telkari Group"), core_name("Ipanú Serrabanco Holding SA")
    ('Telkari', 'Ipanú Serrabanco')
    """
    return strip_legal_suffixes(clean_name(name), group_words=True)


@functools.lru_cache(maxsize=8192)
def _expand_places(name: str) -> str:
    for short, full in _PLACE_ABBREVIATIONS:
        if name.startswith(short):
            return full + name[len(short) :]
    return name


#: Dashes and slashes that separate the words of a key.
_KEY_SPACES = re.compile(r"[\-‐‑–/]")
#: Characters a key drops.
_KEY_DROPPED = re.compile(r"[^\w&\s.]")
#: ``_KEY_SPACES`` then ``_KEY_DROPPED`` on ASCII text, as one ``str.translate`` table (built
#: by asking both patterns about every ASCII character, so it cannot disagree with them).
_ASCII_KEY_TABLE = {
    i: " " if _KEY_SPACES.match(chr(i)) else None
    for i in range(128)
    if _KEY_SPACES.match(chr(i)) or _KEY_DROPPED.match(chr(i))
}


@functools.lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key.

    >>> name_key("Ipanú"), name_key("IPANU"), name_key("Rolls-Royce")
    ('ipanu', 'ipanu', 'rolls royce')
    """
    name = _expand_places(name)
    if name.isascii():
        # NFKD leaves ASCII text as it is and it has no combining marks; ``casefold`` is
        # ``lower`` on it, and the two substitutions are one translation.
        plain = name.lower().translate(_ASCII_KEY_TABLE)
    else:
        decomposed = unicodedata.normalize("NFKD", name)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
        plain = _KEY_DROPPED.sub("", _KEY_SPACES.sub(" ", plain.casefold()))
    return " ".join(plain.replace(".", " ").split()) if " " in plain else plain.strip(".")


def _initial_variants(name: str) -> set[str]:
    """Initials of a name, with and without its trailing suffix and group words."""
    variants: set[str] = set()
    designators = name_words().designators
    for form in {name, strip_legal_suffixes(name), core_name(name)}:
        words = [w for w in re.split(r"[\s\-]+", form) if w]
        letters = [w[0] for w in words if w.casefold() not in _JOINERS and w[0].isalnum()]
        with_joiners = [w[0] for w in words if w[0].isalnum() and w != "&"]
        variants.add("".join(letters).upper())
        variants.add("".join(with_joiners).upper())
        # "Halifax-Atlantic Bank" -> "HA": initials without trailing industry words.
        while len(words) > 2 and words[-1].casefold() in designators:
            words = words[:-1]
            variants.add("".join(w[0] for w in words if w.casefold() not in _JOINERS).upper())
    return {v for v in variants if len(v) >= 2}


@functools.lru_cache(maxsize=8192)
def is_acronym_of(short: str, long: str) -> bool:
    """Whether ``short`` is the initials of ``long`` (all its words, or all but its suffix).

    >>> is_acronym_of("RFS", "Regional Freight Services")
    True
    >>> is_acronym_of("HA", "Halifax-Atlantic Bank")
    True
    >>> is_acronym_of("RIVH", "Regional Infrastructure Ventures Holdings")
    True
    >>> is_acronym_of("VBS", "Vantor Bank")
    False
    """
    if not has_acronym_shape(short):
        return False
    letters = short.replace(".", "").replace("&", "")
    return letters in _initial_variants(long) or _spread_acronym(letters, long)


def has_acronym_shape(short: str) -> bool:
    """Could ``short`` be an acronym at all: one word of 2-8 capitals ("RFS", "A.B.C.")?"""
    letters = short.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 8 and letters.isupper() and " " not in short.strip()


def _spread_acronym(letters: str, long: str) -> bool:
    """ "EMG" for "Eastmoor Group": every word's initial, in order, plus letters that start
    the parts of a compound word ("East|moor")."""
    words = [w for w in re.split(r"[\s\-]+", strip_legal_suffixes(long)) if w]
    words = [w for w in words if w.casefold() not in _JOINERS]
    if not words or len(letters) > len(words) + 2 or len(letters) <= len(words):
        return False
    i = 0
    for word in words:
        if i >= len(letters) or word[0].upper() != letters[i]:
            return False
        i += 1
        rest = word[1:].upper()
        # Extra letters may come from inside this word, in order, before the next initial.
        while i < len(letters) and (len(letters) - i) > (len(words) - words.index(word) - 1):
            pos = rest.find(letters[i])
            if pos < 2:
                break
            rest = rest[pos + 1 :]
            i += 1
    return i == len(letters)


def _descriptor_only(words: Sequence[str]) -> bool:
    lex = name_words()
    return bool(words) and all(
        _is_suffix(w, lex.legal_suffixes)
        or _is_suffix(w, lex.group_words)
        or w.casefold() in lex.designators
        or w.casefold() in _JOINERS
        for w in words
    )


@dataclass(frozen=True, slots=True)
class _Form:
    """What ``same_company`` reads of one name, worked out once per name rather than once
    per pair of names (an article's names are compared pairwise)."""

    text: str  # ``_expand_places(clean_name(name))``
    key: str  # ``name_key(text)``
    raw: tuple[str, ...]  # ``text.split()``
    words: tuple[str, ...]  # ``name_key`` of each of ``raw``
    acronym: bool  # passes ``is_acronym_of``'s test of the short name's shape
    n_place: int  # words of a place in front ("Wuxi Yunfeng Technology": 1), else 0
    core: tuple[str, ...] | None  # with a legal suffix: word keys without suffix and group words


@functools.lru_cache(maxsize=8192)
def _form(name: str) -> _Form:
    text = _expand_places(clean_name(name))
    raw = tuple(text.split())
    places = name_words().places
    core = None
    if has_legal_suffix(text):
        core = tuple(name_key(w) for w in strip_legal_suffixes(text, group_words=True).split())
    return _Form(
        text=text,
        key=name_key(text),
        raw=raw,
        words=tuple(name_key(w) for w in raw),
        acronym=has_acronym_shape(text),
        n_place=next(
            (n for n in range(len(raw) - 1, 0, -1) if " ".join(raw[:n]) in places),
            0,
        ),
        core=core,
    )


@functools.lru_cache(maxsize=8192)
def same_company(short: str, long: str, *, long_first: bool = False) -> bool:
    """Whether an article's ``short`` name stands for the company it also calls ``long``.

    True when the long name is the short one plus descriptor words ("RL Group", "Tamarack
    Midstream Ltd.", "Brightfell Infrastructure Partners"), when it is a full legal name that
    contains the short one ("Edward Lathrop Corp." / "Lathrop", "Ipanú Serrabanco Holding SA" /
    "Ipanú"), or when the short one is its acronym. A place after the name makes another
    company ("Telvanta Kenya"), as does any other distinctive word ("HA Tradeline").

    >>> same_company("RL", "RL Group"), same_company("Telvanta", "Telvanta Kenya")
    (True, False)
    >>> same_company("Lathrop", "Edward Lathrop Corp."), same_company("HA", "HA Tradeline")
    (True, False)

    Args:
        short: the shorter name.
        long: the longer name.
        long_first: the article used the long name first, so a short form of it later is a
            short form of the same company ("Questline Tempest ... Questline") unless it
            only drops a place ("Telvanta Kenya ... Telvanta").
    """
    s, l_form = _form(short), _form(long)
    if not s.text or not l_form.text:
        return False
    if s.key == l_form.key:
        return True
    # (``is_acronym_of`` is False for a short name without the shape)
    if s.acronym and is_acronym_of(s.text, l_form.text):
        return True
    s_words, l_words, l_raw = s.words, l_form.words, l_form.raw
    n = len(s_words)
    if n >= len(l_words):
        return False
    if l_words[:n] == s_words:
        rest = l_raw[n:]
        if any(" ".join(rest[:k]) in name_words().places for k in range(1, len(rest) + 1)):
            return False
        if _descriptor_only(rest):
            return True
        if long_first and not _descriptor_only(s_words):
            return True
        return l_form.core is not None and not _descriptor_only(s_words)
    # "Wuxi Yunfeng Technology" / "Yunfeng": a place in front is no part of the name.
    n_place = l_form.n_place
    if n_place and len(l_raw) - n_place > n:
        return same_company(s.text, " ".join(l_raw[n_place:]), long_first=long_first)
    if l_form.core is not None:  # a legal suffix
        core = l_form.core
        return any(core[i : i + n] == s_words for i in range(len(core) - n + 1))
    return False


@functools.lru_cache(maxsize=8192)
def split_title(name: str) -> tuple[str | None, str]:
    """Separate a courtesy title from a person's name.

    >>> split_title("Mr. Tsang"), split_title("Regula Imfeld")
    (('Mr.', 'Tsang'), (None, 'Regula Imfeld'))
    """
    words = name.split()
    if len(words) > 1 and words[0] in name_words().titles:
        return words[0], " ".join(words[1:])
    return None, name


def title_gender(title: str | None) -> str | None:
    """ "male"/"female" for a gendered courtesy title, else None.

    >>> title_gender("Ms"), title_gender("Dr")
    ('female', None)
    """
    code = name_words().titles.get(title or "", "")
    return {"m": "male", "f": "female"}.get(code)


@functools.lru_cache(maxsize=8192)
def person_matches(short: str, full: str) -> bool:
    """Whether a later mention ("Wu", "Mr Wu", "Leon") refers to the person ``full``.

    >>> person_matches("Mr Wu", "Leon Wu"), person_matches("Tsang", "Vincent Tsang")
    (True, True)
    >>> person_matches("Dalla Costa", "Benedetta Dalla Costa"), person_matches("Wu", "Ann Lee")
    (True, False)
    """
    return name_keys_match(mention_keys(short), full_name_keys(full))


@functools.lru_cache(maxsize=8192)
def mention_keys(short: str) -> tuple[str, ...]:
    """The word keys of a later mention without its title ("Mr Wu" -> ("wu",)).

    ``person_matches`` is ``name_keys_match(mention_keys(short), full_name_keys(full))``:
    a caller matching one mention against many people computes these keys once.
    """
    _, bare = split_title(clean_name(short))
    return tuple(name_key(w) for w in bare.split())


@functools.lru_cache(maxsize=8192)
def full_name_keys(full: str) -> tuple[str, ...]:
    """The word keys of a person's full name ("Leon Wu" -> ("leon", "wu"))."""
    return tuple(name_key(w) for w in clean_name(full).split())


def name_keys_match(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """The test of ``person_matches`` on word keys: the surname(s), or the first name alone."""
    if not short or not full or len(short) > len(full):
        return False
    return full[-len(short) :] == short or (len(short) == 1 and short[0] == full[0])
