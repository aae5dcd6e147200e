"""role_anchor: a cheap test that lets the people component skip its job-title patterns."""

from __future__ import annotations

import re

import pytest

from extractor.components.entity_patterns import role_anchor, role_pattern

TITLED = [
    "its Chief Executive said on Monday",
    "the bank's head of research, who",
    "a senior telecoms analyst at Harlowmere",
    "CHIEF FINANCIAL OFFICER",
    "co-founder and managing director of the firm",
    "the chief strategy officer",
    ", a partner at Ostrander Hale",
]
UNTITLED = [
    "said on Monday that the deal would close",
    "shares rose 4% in early trading",
    "",
]


@pytest.mark.parametrize("text", TITLED)
def test_anchor_finds_a_title_wherever_the_role_pattern_does(text: str) -> None:
    assert re.search(f"(?i:{role_pattern()})", text)
    assert role_anchor().search(text)


@pytest.mark.parametrize("text", UNTITLED)
def test_no_anchor_and_no_title(text: str) -> None:
    assert role_anchor().search(text) is None
    assert re.search(f"(?i:{role_pattern(boundary=False)})", text) is None


def test_anchor_is_a_necessary_condition_on_every_window_of_a_text() -> None:
    text = " ".join(TITLED + UNTITLED) + " the vice-president and chairwoman of Tessaly Oil"
    role = re.compile(f"(?i:{role_pattern(boundary=False)})")
    for start in range(len(text)):
        window = text[start : start + 40]
        if role.search(window):
            assert role_anchor().search(window), window


def test_role_pattern_is_built_once() -> None:
    assert role_pattern() is role_pattern()
    assert role_pattern(boundary=False) is not role_pattern()
