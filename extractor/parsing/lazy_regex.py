"""Regexes compiled on first use, for the large word-list patterns of the components.

Compiling a pattern that embeds a long alternation (every job title, every industry noun)
costs 10-25 ms in ``re``; the entity and people components hold dozens of them, and a
command-line run on one short article uses only some. ``LazyPattern`` keeps the source and
compiles it the first time a method is called; after that its methods are the compiled
pattern's own (bound once, so a call costs no more than on a ``re.Pattern``).
"""

from __future__ import annotations

import re
import weakref
from typing import Any

#: The ``re.Pattern`` attributes a ``LazyPattern`` hands over once compiled.
_DELEGATED = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "scanner",
    "groups",
    "groupindex",
)


class LazyPattern:
    """A regex compiled on first use; same matching as ``re.compile(pattern, flags)``.

    >>> p = LazyPattern(r"(?P<role>chief\\s+executive)", re.IGNORECASE)
    >>> p.compiled is None
    True
    >>> p.search("its Chief  Executive said")["role"]
    'Chief  Executive'
    >>> p.compiled is not None
    True
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self.compiled: re.Pattern[str] | None = None
        _PATTERNS.add(self)

    def __getattr__(self, name: str) -> Any:
        # Called only for attributes not set yet: the first use of a delegated method.
        if name not in _DELEGATED:
            raise AttributeError(name)
        return getattr(self.compile(), name)

    def compile(self) -> re.Pattern[str]:
        """The compiled pattern, compiled now if it was not yet."""
        if self.compiled is None:
            self.compiled = re.compile(self.pattern, self.flags)
            for attr in _DELEGATED:
                setattr(self, attr, getattr(self.compiled, attr))
        return self.compiled

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern[:40]!r}{'...' if len(self.pattern) > 40 else ''})"


#: Every LazyPattern alive, for ``compile_pending``.
_PATTERNS: weakref.WeakSet[LazyPattern] = weakref.WeakSet()


def compile_pending() -> int:
    """Compile every pattern not compiled yet; returns how many were.

    For a long-running process (or a benchmark timing articles) that would rather pay the
    compile time up front than on the first article that needs a pattern.
    """
    pending = [p for p in list(_PATTERNS) if p.compiled is None]
    for pattern in pending:
        pattern.compile()
    return len(pending)
