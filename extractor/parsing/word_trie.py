"""Word lists as regex alternations built as a trie ("said|says" -> "sa(?:id|ys)").

Python's ``re`` tries the branches of a flat alternation one by one at every position; a trie
shares prefixes ("chief executive", "chief executive officer"), so it reads each letter once.
The trie matches what the flat alternation sorted longest first matches: at each position both
take the longest word the rest of the pattern accepts (two words that match the same text are
one a prefix of the other), and a word that is a prefix of another becomes an optional tail.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

Trie = dict[str, "Trie"]


def trie_alternation(
    words: Iterable[str],
    *,
    space: str = r"\s+",
    ignore_case: bool = False,
    not_after: str | None = None,
) -> str:
    """A regex (no groups) matching any of ``words``, longest first.

    Args:
        words: the literal words or phrases; duplicates and empty strings are ignored.
        space: the regex a space inside a phrase stands for (any white space by default;
            ``re.escape(" ")`` for exactly one space).
        ignore_case: the pattern is read case-insensitively. Two spellings of one word ("K",
            "k") would then be separate branches, and one could be tried before a longer word
            it is a case-blind prefix of ("Rand" before "rands"); so the words are lower-cased
            first. Words that are not all ASCII (whose lower case may change length) get the
            flat longest-first alternation instead, as do words with white space other than
            single spaces between letters (the trie's equivalence needs that).
        not_after: a character class (say ``[A-Za-z]``) that must not precede a match: the
            same matches as ``(?<!not_after)`` before the alternation. The look-behind is
            placed after each word's first character (``H(?<![A-Za-z].)K\\$``), where it
            reads the same character, so that ``re`` can scan ahead for the first characters
            instead of trying the whole pattern at every offset (four times faster on an
            article). Only without ``ignore_case``, and the words must not start with
            white space (``space`` may read more than one character; ``.`` no line break).

    >>> trie_alternation(["said", "says", "say"])
    'sa(?:id|y(?:s)?)'
    >>> re.fullmatch(trie_alternation(["chief executive"]), "chief  executive") is not None
    True
    """
    unique = set(words) - {""}
    if not_after is not None and (ignore_case or any(w[0].isspace() for w in unique)):
        raise ValueError("not_after needs case-sensitive words that start with no space")
    behind = "" if not_after is None else f"(?<!{not_after}.)"
    # Only words whose white space is single spaces between non-space characters can share
    # a trie: a space run such as the "\s+" of " b" could take the spaces "  b" needs.
    plain = all(w == " ".join(w.split()) for w in unique)
    if not plain or (ignore_case and not all(w.isascii() for w in unique)):
        # Ties in code-point order: a set's order changes with the hash seed, and two words of
        # one length can match different lengths once ``space`` stands for a run ("\t", " ").
        ordered = sorted(unique, key=lambda w: (-len(w), w))
        return "|".join(
            (re.escape(w[0]) + behind + re.escape(w[1:]) if behind else re.escape(w)).replace(
                r"\ ", space
            )
            for w in ordered
        )
    if ignore_case:
        unique = {w.lower() for w in unique}
    root: Trie = {}
    for word in unique:
        if not word:
            continue
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit(root, space, behind)


def _emit(node: Trie, space: str, behind: str = "") -> str:
    """The alternation of a trie node; ``behind`` follows each first character (the root's)."""
    branches = [
        (space if char == " " else re.escape(char)) + behind + _emit(child, space)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
