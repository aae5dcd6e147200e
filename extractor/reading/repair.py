"""Repair text that was decoded with the wrong encoding somewhere upstream.

Two kinds of damage, two repairs, each reported in the warnings:

* UTF-8 read as Latin-1/cp1252 ("â€œ", "Ã©"): ftfy, line by line and only on lines that hold
  a character such damage always produces, so clean text costs one regex scan.
* CJK text in a double-byte encoding (GBK, Big5, Shift-JIS, EUC-KR) shown as Latin-1
  ("ÐÂÐÇ´«Ã½" is the GBK bytes of 新星传媒). ftfy does not undo this. A run of Latin-1
  characters is turned back into bytes and re-decoded; it is replaced only when the result
  is made of CJK characters, mostly the common ones, and the run is not part of a Latin word.
  Accented Latin words ("Ipanú", "Comércio", "Lumière") never qualify: their accented letters
  sit next to ASCII letters, and a word of four or more Latin-1 letters with no ASCII letter
  in it is not a European spelling.
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections.abc import Callable
from typing import Any

from extractor.errors import LexiconError
from extractor.lexicons import load_lexicon

logger = logging.getLogger(__name__)

#: A run of Latin-1 high-half characters: a double-byte character shown as Latin-1 is a
#: high-half lead byte and a trail byte that may be ASCII from "@" on (Big5 "»O" is 臺,
#: Shift-JIS "\x8co" is 経). ASCII digits, punctuation and spaces may sit between characters.
_LATIN1_RUN = re.compile(
    r"""
    [\x80-\xff]                        # a lead byte
    (?:
        [\x80-\xff]                    # more high bytes
      | (?<=[\x80-\xff])[\x40-\x7e]    # an ASCII trail byte, right after a high byte
      | [\x20-\x3f]                    # single-byte digits, punctuation, spaces
    )*
    """,
    re.VERBOSE,
)

#: Single-byte characters that may end a run but are not part of it.
_RUN_TAIL = "".join(chr(c) for c in range(0x20, 0x40))

_HIGH_CHAR = re.compile(r"[\x80-\xff]")

#: Fewest high-half characters for a repair: two double-byte characters.
_MIN_HIGH_CHARS = 4

#: A continuation byte (80-BF) as Latin-1 or cp1252 shows it ("â€", "Ã©"), or a space ("Ã ").
_CONTINUATION = (
    r"\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    r"\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
    r"\u20ac\u2122\x20"
)
#: Lines that UTF-8 mojibake always touches: a UTF-8 lead byte (C2-F4) shown as Latin-1/cp1252
#: ("Â", "Ã", "â"...) followed by a continuation byte (80-BF) as cp1252 shows it, or a C1
#: control. Curly quotes or accented letters alone ("Ipanú", "“x”") never import ftfy.
# Not re.VERBOSE: white space and "#" inside a character class are literal even then, so a
# class spread over commented lines would take in the comments' letters.
_MOJIBAKE_SUSPECT = re.compile(rf"[\x80-\x9f]|[\xc2-\xf4][{_CONTINUATION}]")


#: The characters a ``_MOJIBAKE_SUSPECT`` match starts with: one class, which the regex
#: engine scans for in C (the two-branch pattern is tried at every position).
_SUSPECT_START = re.compile(r"[\x80-\x9f\xc2-\xf4]")


@functools.cache
def _ftfy() -> tuple[Any, Callable[[str], bool], Any]:
    """ftfy's fixer, badness test and config, imported on first suspect line only.

    ftfy costs ~0.1 s to import; most articles never need it, and the CLI's cold start does.
    """
    import ftfy
    from ftfy.badness import is_bad

    config = ftfy.TextFixerConfig(
        unescape_html=False,  # HTML entities are the HTML reader's job
        fix_latin_ligatures=False,  # keep the text as printed apart from the repair
        fix_character_width=False,  # fullwidth CJK punctuation is correct text
        uncurl_quotes=False,  # curly quotes carry meaning for the quote extractor
        fix_line_breaks=False,
        normalization=None,
        explain=False,
    )
    return ftfy.fix_text, is_bad, config


#: Most warnings listed one by one; past this they are summarised.
_MAX_LISTED = 5


def _is_cjk(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x4E00 <= cp <= 0x9FFF  # CJK unified ideographs
        or 0x3400 <= cp <= 0x4DBF  # extension A
        or 0xF900 <= cp <= 0xFAFF  # compatibility ideographs
        or 0x3040 <= cp <= 0x30FF  # hiragana, katakana
        or 0xAC00 <= cp <= 0xD7AF  # hangul syllables
        or 0x3000 <= cp <= 0x303F  # CJK punctuation
        or 0xFF01 <= cp <= 0xFF5E  # fullwidth forms
    )


def _encodes(ch: str, codec: str, lead: tuple[int, int] | None = None) -> bool:
    try:
        raw = ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return lead is None or (len(raw) == 2 and lead[0] <= raw[0] <= lead[1])


#: For each codec: is a decoded character one of its common ones (the first level of the
#: national standard: GB2312; Big5 level 1; JIS X 0208 level 1 and kana; KS X 1001 hangul)?
_COMMON: dict[str, Callable[[str], bool]] = {
    "gbk": lambda ch: _encodes(ch, "gb2312"),
    "big5": lambda ch: _encodes(ch, "big5", (0xA1, 0xC6)),
    "shift_jis": lambda ch: 0x3040 <= ord(ch) <= 0x30FF or _encodes(ch, "shift_jis", (0x81, 0x9F)),
    "euc_kr": lambda ch: 0xAC00 <= ord(ch) <= 0xD7AF or _encodes(ch, "euc_kr", (0xA1, 0xAC)),
}


@functools.cache
def _frequent_chars() -> tuple[frozenset[str], frozenset[str]]:
    data = load_lexicon("cjk_frequent")
    hanzi, hangul = data.get("hanzi"), data.get("hangul")
    if not isinstance(hanzi, str) or not isinstance(hangul, str):
        raise LexiconError("lexicon 'cjk_frequent' needs 'hanzi' and 'hangul' strings")
    return frozenset(hanzi), frozenset(hangul)


def _frequent_share(chars: list[str], *, korean: bool) -> float:
    hanzi, hangul = _frequent_chars()
    common = hangul if korean else hanzi
    hits = sum(ch in common or (not korean and 0x3040 <= ord(ch) <= 0x30FF) for ch in chars)
    return hits / len(chars)


@functools.lru_cache(maxsize=4096)
def decode_cjk_run(run: str) -> tuple[str, str] | None:
    """Re-decode a run of Latin-1 characters as CJK text, when that is plausible.

    Args:
        run: characters all below U+0100.

    Returns:
        ``(repaired, codec)``, or None when no codec gives plausible CJK text.

    >>> decode_cjk_run("ÐÂÐÇ´«Ã½")
    ('新星传媒', 'gbk')
    >>> decode_cjk_run("ção") is None
    True
    """
    if sum(ch >= "\x80" for ch in run) < _MIN_HIGH_CHARS:
        return None
    raw = run.encode("latin-1")
    best: tuple[tuple[float, float], str, str] | None = None
    for codec, is_common in _COMMON.items():
        try:
            decoded = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        wide = [ch for ch in decoded if not ch.isascii()]
        if len(wide) < 2 or not all(_is_cjk(ch) for ch in wide):
            continue
        common = sum(map(is_common, wide)) / len(wide)
        if common < 0.5:
            continue
        # Korean bytes are always valid GB2312 too: frequent characters break such ties.
        frequent = _frequent_share(wide, korean=codec == "euc_kr")
        if best is None or (frequent, common) > best[0]:
            best = ((frequent, common), decoded, codec)
    return None if best is None else (best[1], best[2])


def has_latin1_high(text: str) -> bool:
    """Does ``text`` hold a character in U+0080..U+00FF (what ``_HIGH_CHAR`` finds)?

    Both repairs need one: a double-byte run and a mojibake sequence start with such a
    character. In UTF-8 exactly these characters start with the byte C2 or C3 (continuation
    bytes are 80-BF, every other character has another lead byte; ``surrogatepass`` encodes a
    lone surrogate as ED xx xx). Encoding and two byte searches run in C, several times
    faster than a regex scan of the string.
    """
    if text.isascii():
        return False
    raw = text.encode("utf-8", "surrogatepass")
    return b"\xc2" in raw or b"\xc3" in raw


#: The bytes of ASCII, deleted to keep the Latin-1 high half.
_ASCII_BYTES = bytes(range(0x80))
#: Every byte but those ``_SUSPECT_START`` matches as Latin-1 characters (80-9F, C2-F4).
_NOT_SUSPECT_START_BYTES = bytes(
    b for b in range(256) if not (0x80 <= b <= 0x9F or 0xC2 <= b <= 0xF4)
)


def latin1_high_bytes(text: str) -> bytes:
    """The characters U+0080..U+00FF of ``text``, in order, as their Latin-1 bytes.

    Encoding drops every other character ("ignore": curly quotes, CJK, lone surrogates) and
    ``translate`` the ASCII ones, both in C: a few microseconds where a regex scan of the
    text costs tens.
    """
    if text.isascii():
        return b""
    return text.encode("latin-1", "ignore").translate(None, _ASCII_BYTES)


def repair_cjk(text: str, warnings: list[str]) -> str:
    """Replace runs of CJK text that were shown as Latin-1 by the CJK text itself."""
    if not has_latin1_high(text):
        return text  # fast path: nothing to repair
    repairs: dict[str, tuple[str, str]] = {}

    def fix(match: re.Match[str]) -> str:
        run = match.group().rstrip(_RUN_TAIL)
        start = match.start()
        end = start + len(run)
        tail = match.group()[len(run) :]
        # Part of a Latin word ("ação"): an ASCII letter touches the run.
        if (start > 0 and text[start - 1].isascii() and text[start - 1].isalpha()) or (
            not tail and end < len(text) and text[end].isascii() and text[end].isalpha()
        ):
            return match.group()
        result = decode_cjk_run(run)
        if result is None:
            return match.group()
        repairs[run] = result
        return result[0] + tail

    fixed = _LATIN1_RUN.sub(fix, text)
    for i, (run, (cjk, codec)) in enumerate(repairs.items()):
        if i == _MAX_LISTED:
            warnings.append(f"... and {len(repairs) - i} more CJK repairs")
            break
        warnings.append(
            f"repaired {codec.upper()} text shown as Latin-1: {_clip(run)!r} -> {_clip(cjk)!r}"
        )
    return fixed


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _suspect_lines(text: str) -> list[int]:
    """Indices of the lines (split at "\\n") in which ``_MOJIBAKE_SUSPECT`` finds a match.

    One scan of the whole text instead of one per line. A match that takes in the newline
    after a line is not one inside the line, so it does not count.
    """
    first = _SUSPECT_START.search(text)
    if first is None:
        return []  # no character a suspect sequence starts with (most texts)
    found: list[int] = []
    line, position = 0, 0
    for match in _MOJIBAKE_SUSPECT.finditer(text, first.start()):
        line += text.count("\n", position, match.start())
        position = match.start()
        if "\n" not in match.group() and (not found or found[-1] != line):
            found.append(line)
    return found


def repair_mojibake(text: str, warnings: list[str]) -> str:
    """Undo UTF-8-read-as-Latin-1/cp1252 damage with ftfy, on suspect lines only."""
    suspects = _suspect_lines(text)
    if not suspects:
        return text
    lines = text.split("\n")
    changed = 0
    fix_text, is_bad, config = _ftfy()
    for i in suspects:
        line = lines[i]
        # ftfy's own badness test is a cheap gate: fix_text costs far more on clean lines.
        if not is_bad(line):
            continue
        fixed = fix_text(line, config)
        if fixed != line:
            lines[i] = fixed
            changed += 1
    if not changed:
        return text
    warnings.append(f"repaired mis-decoded text (mojibake) on {changed} line(s) with ftfy")
    return "\n".join(lines)


def repair_text(text: str, warnings: list[str]) -> str:
    """All repairs in order: CJK runs first (ftfy would misread "Ã½" in them), then ftfy.

    Text is also put in NFC form (not reported: it changes no visible character).
    """
    # Each repair is skipped when the text's Latin-1 characters show it would change nothing.
    high = latin1_high_bytes(text)
    if len(high) >= _MIN_HIGH_CHARS:  # fewer: no run holds enough for ``decode_cjk_run``
        text = repair_cjk(text, warnings)
        high = latin1_high_bytes(text)
    if high.translate(None, _NOT_SUSPECT_START_BYTES):  # else ``_suspect_lines`` finds none
        text = repair_mojibake(text, warnings)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text
