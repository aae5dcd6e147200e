"""LazyPattern: compiled on first use, then the same as the compiled pattern."""

from __future__ import annotations

import doctest
import re

import pytest

import extractor.parsing.lazy_regex as lazy_regex
from extractor.parsing.lazy_regex import LazyPattern

SOURCE = r"\b(?P<head>chief|head)\s+(?P<field>[a-z]+)\s+officer\b"
TEXTS = [
    "Their Chief Risk Officer and the head people officer met.",
    "no title here",
    "chief data officer, chief legal officer",
]


def test_not_compiled_until_used() -> None:
    pattern = LazyPattern(SOURCE, re.IGNORECASE)
    assert pattern.compiled is None
    assert pattern.pattern == SOURCE
    pattern.search("x")
    assert isinstance(pattern.compiled, re.Pattern)


@pytest.mark.parametrize("text", TEXTS)
def test_same_results_as_re(text: str) -> None:
    eager = re.compile(SOURCE, re.IGNORECASE)
    lazy = LazyPattern(SOURCE, re.IGNORECASE)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.findall(text) == eager.findall(text)
    assert lazy.sub("<T>", text) == eager.sub("<T>", text)
    assert lazy.split(text) == eager.split(text)
    assert (lazy.match(text) is None) == (eager.match(text) is None)
    assert (lazy.fullmatch(text) is None) == (eager.fullmatch(text) is None)
    lazy_m, eager_m = lazy.search(text, 3), eager.search(text, 3)
    assert (lazy_m and lazy_m.groupdict()) == (eager_m and eager_m.groupdict())
    assert lazy.groupindex == eager.groupindex and lazy.groups == eager.groups


def test_first_use_can_be_any_method() -> None:
    assert LazyPattern(r"\d+").findall("a1b22") == ["1", "22"]
    assert LazyPattern(r"(a)(b)").groups == 2
    assert dict(LazyPattern(r"(?P<x>a)").groupindex) == {"x": 1}


def test_bad_pattern_fails_on_first_use_and_unknown_attributes_raise() -> None:
    broken = LazyPattern(r"(unclosed")
    with pytest.raises(re.error):
        broken.search("x")
    with pytest.raises(AttributeError):
        LazyPattern("a").no_such_method  # noqa: B018


def test_doctests() -> None:
    result = doctest.testmod(lazy_regex)
    assert result.attempted > 0 and result.failed == 0


def test_compile_pending_compiles_every_waiting_pattern() -> None:
    from extractor.parsing.lazy_regex import compile_pending

    waiting = [LazyPattern(r"\bmerger\b"), LazyPattern(r"\btakeover\b", re.IGNORECASE)]
    used = LazyPattern(r"\bbid\b")
    used.search("a bid")
    assert compile_pending() >= 2
    assert all(isinstance(p.compiled, re.Pattern) for p in waiting)
    assert waiting[1].search("A TAKEOVER")
    assert compile_pending() == 0  # nothing left: each pattern is compiled once
    assert used.compile() is used.compiled
