"""Line shapes of page furniture: what is dropped, and body sentences that look alike."""

from __future__ import annotations

import pytest

from extractor.reading import boilerplate as bp

FURNITURE = [
    "Advertisement",
    "Share this article",
    "Copy link",
    "Listen to this article",
    "Save",
    "4 min read",
    "5 minute read",
    "Reading time: 3 minutes",
    "Read more: Bakers brace for another rise in flour prices",
    "ALSO READ | Rates held for a third month",
    "Tags: Manufacturing, Mergers",
    "Sign up for our free Morning Markets newsletter and get the top stories in your inbox.",
    "Get our free Business Briefing newsletter delivered to your inbox every morning.",
    "Home > Business > Energy",
    "https://www.example.org/business/2024/05/02/a-story",
    "Write to Helen Marsh at helen.marsh@example.org",
    "Story continues below",
    "Skip to main content",
]

BODY = [
    "More than half of the shares were sold.",
    "Read more about the deal in our analysis.",
    "Subscribers to the newsletter rose 20% last year.",
    "Subscribe-and-save plans lifted sales by a fifth, the company said.",
    "Profit rose > 10% in the quarter, it said.",
    "Save the Children received $5m from the foundation.",
    "The newsletter business was sold for $40m, people familiar with the matter said.",
    "It took 4 minutes to read the statement, the chairman said.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_lines_are_dropped(line: str) -> None:
    assert bp.is_always_boilerplate(line)


@pytest.mark.parametrize("line", BODY)
def test_body_sentences_that_look_alike_are_kept(line: str) -> None:
    assert not bp.is_always_boilerplate(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("MARKETS", True),
        ("Business | Deals", True),
        ("Exclusive:", True),
        ("Markets rally on rate hopes", False),
        ("The Harbour Post", False),
    ],
)
def test_section_labels(line: str, expected: bool) -> None:
    assert bp.is_section_label(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("JSE share code: MKP", True),
        ("ASX code: HLM", True),
        ("Share code: ACM", True),
        ("Code of conduct: new rules for brokers", False),
        ("Acme share code rises", False),
    ],
)
def test_release_header_lines(line: str, expected: bool) -> None:
    assert bp.is_release_header(line) is expected
