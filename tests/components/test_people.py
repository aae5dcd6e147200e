"""extractor_people: names, roles, organisations, later mentions, gender, helpers.

Every text here is invented for the test.
"""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

import extractor
from extractor.components import people as people_module
from extractor.components.companies import find_company
from extractor.components.people import person_at, person_by_name
from extractor.facts import CompanyFact, PersonFact


@pytest.fixture(scope="module")
def ent_nlp() -> Language:
    nlp = spacy.blank("en")
    for name in ("extractor_sentences", "extractor_companies", "extractor_people"):
        nlp.add_pipe(name)
    return nlp


def person(doc: Doc, name: str) -> PersonFact:
    found = {p.name: p for p in doc._.extractor_people}
    assert name in found, f"{name!r} not in {sorted(found)}"
    return found[name]


@pytest.mark.parametrize(
    ("text", "name", "role", "organization"),
    [
        (
            '"We are pleased," said Emeka Nwachukwu, chairman of Tarnwick.',
            "Emeka Nwachukwu", "chairman", "Tarnwick",
        ),
        (
            "Tarnwick's chief executive, Tilda Varga, said the price was fair.",
            "Tilda Varga", "chief executive", "Tarnwick",
        ),
        (
            "Ines Borrow, a banking analyst at Firwood Securities in Lisbon, was wary.",
            "Ines Borrow", "banking analyst", "Firwood Securities",
        ),
        (
            "Tarnwick founder Jonas Wetherall bought more shares in Gosford.",
            "Jonas Wetherall", "founder", "Tarnwick",
        ),
        (
            "Amara Osei, the chairman of Gosford, backed the offer from Tarnwick.",
            "Amara Osei", "chairman", "Gosford",
        ),
        (
            "Karl Weissmann, the Gosford chief executive, will run the new group.",
            "Karl Weissmann", "chief executive", "Gosford",
        ),
        (
            "Lomond Bank is selling its stake in Gosford, the first big move under chief "
            "executive officer Kwame Mensah.",
            "Kwame Mensah", "chief executive officer", "Lomond Bank",
        ),
        (
            "The Gosford board, led by chairman Piet Laan, approved the deal.",
            "Piet Laan", "chairman", "Gosford",
        ),
        (
            "Voting power remains with Pelmark's partners, who are led by founder and chief "
            "executive Rui Tavora.",
            "Rui Tavora", "founder and chief executive", "Pelmark",
        ),
        (
            "Vellin sells in nine countries. Its chief executive and co-founder is Ade Bankole.",
            "Ade Bankole", "chief executive and co-founder", "Vellin",
        ),
        (
            "Ngaire Tomo, a partner at Kowhai Ventures, said the round was large.",
            "Ngaire Tomo", "partner", "Kowhai Ventures",
        ),
        (
            "The outlook is bright, according to Sefa Oduro, head of research at Akwaaba Capital.",
            "Sefa Oduro", "head of research", "Akwaaba Capital",
        ),
        (
            "Daniel Okoro, chief executive of the Rivers Standards Authority, said fines rise.",
            "Daniel Okoro", "chief executive", "Rivers Standards Authority",
        ),
        (
            "Finance minister Lotte Brandvold said the state would not block the sale of Gosford.",
            "Lotte Brandvold", "finance minister", None,
        ),
        (
            "Hana Sorel, Brisk's chief executive, said the purchase would give Brisk more capital.",
            "Hana Sorel", "chief executive", "Brisk",
        ),
        (
            "Quennell agreed a takeover by Lomond Group, the investment company founded and "
            "chaired by the Scottish billionaire Fergus Baird.",
            "Fergus Baird", "founder and chairman", "Lomond Group",
        ),
        (
            "Pelmark will pay $4m, said Anil Mehra, the company's chief financial officer.",
            "Anil Mehra", "chief financial officer", "Pelmark",
        ),
        (
            "Joan Pike, 54, chief executive of Lantern, welcomed the offer.",
            "Joan Pike", "chief executive", "Lantern",
        ),
        (
            '"It is the right outcome," said Ana Voss, M.D., President and Chief Executive '
            "Officer of Quellin.",
            "Ana Voss", "president and chief executive officer", "Quellin",
        ),
        (
            "Sorrel Bank said Ivo Gerlach will remain Sorrel Bank's chief executive.",
            "Ivo Gerlach", "chief executive", "Sorrel Bank",
        ),
        (
            "Gosford's sale was backed by Tarnwick partners Ida Moe and Per Lunde.",
            "Per Lunde", "partner", "Tarnwick",
        ),
        (
            '"It is the best port," said Fjell managing partner Erik Sol.',
            "Erik Sol", "managing partner", "Fjell",
        ),
        (
            "Chief Financial Officer Johan Marais said the buyback of Tarnwick shares was funded.",
            "Johan Marais", "chief financial officer", "Tarnwick",
        ),
    ],
)  # fmt: skip
def test_role_and_organization(
    ent_nlp: Language, text: str, name: str, role: str, organization: str | None
) -> None:
    found = person(ent_nlp(text), name)
    assert (found.role, found.organization) == (role, organization)


@pytest.mark.parametrize(
    "text",
    [
        '"Costs will fall," Nadia Ferrant, 61, told analysts at a dinner in Lyon.',
        "Owen Pellow, 47, warned analysts that Gosford would miss its target.",
        "Owen Pellow, 47, briefed analysts in Leeds.",
    ],
)
def test_an_age_and_a_speech_verb_are_not_a_role(ent_nlp: Language, text: str) -> None:
    doc = ent_nlp(text)
    assert [(p.role, p.organization) for p in doc._.extractor_people] == [(None, None)]


def test_the_other_co_founder_shares_the_first_ones_company(ent_nlp: Language) -> None:
    doc = ent_nlp(
        "Gosford will stay with its co-founder Rhea Kapoor. Tarnwick invested in Gosford in "
        "2019. Arjun Mehra, the other co-founder, will leave."
    )
    assert person(doc, "Arjun Mehra").organization == "Gosford"


def test_role_changes_later_in_the_text(ent_nlp: Language) -> None:
    doc = ent_nlp(
        "Gosford's shares have fallen since Tarnwick invested. Piers Lane stepped down as "
        "chief executive in May, and finance director Moira Quist has taken over as interim "
        "chief executive."
    )
    assert person(doc, "Piers Lane").role == "former chief executive"
    assert person(doc, "Piers Lane").organization == "Gosford"
    assert person(doc, "Moira Quist").role == "interim chief executive"


def test_later_mentions_join_the_full_name(ent_nlp: Language) -> None:
    doc = ent_nlp(
        "Tilda Varga, an analyst at Kelderly, was upbeat. Ms Varga said the price was fair. "
        '"It is cheap," Varga added. Mr. Adebiyi disagreed.'
    )
    varga = person(doc, "Tilda Varga")
    assert len(varga.mentions) == 3
    assert varga.gender == "female"
    adebiyi = person(doc, "Adebiyi")  # a title alone makes a person, without the title
    assert adebiyi.gender == "male"
    assert all("Ms" not in p.name and "Mr" not in p.name for p in doc._.extractor_people)


def test_gender_from_pronouns_when_the_first_name_is_unknown(ent_nlp: Language) -> None:
    doc = ent_nlp('Zorbek Talgatuly, an analyst at Kelderly, called it cheap. "Buy it," he said.')
    assert person(doc, "Zorbek Talgatuly").gender == "male"


def test_a_speaker_at_the_end_of_a_sentence_is_a_person(ent_nlp: Language) -> None:
    doc = ent_nlp(
        '"We are happy with the price," said Zoltan Kovacsik. Harbour Knoll said in a filing '
        'that it would sell. "It is fair," said Harbour Knoll.'
    )
    assert [p.name for p in doc._.extractor_people] == ["Zoltan Kovacsik"]
    assert [c.name for c in doc._.extractor_companies] == ["Harbour Knoll"]


def test_people_and_companies_are_kept_apart(ent_nlp: Language) -> None:
    doc = ent_nlp(
        "Marina Feld, a fund manager at Marina Bay Capital, said Marina Bay Capital would "
        "sell its stake in Gosford."
    )
    assert [p.name for p in doc._.extractor_people] == ["Marina Feld"]
    companies = {c.name for c in doc._.extractor_companies}
    assert "Marina Bay Capital" in companies
    assert "Marina Feld" not in companies


def test_names_with_particles_and_hyphens(ent_nlp: Language) -> None:
    doc = ent_nlp(
        "Yusuf Al Harbi, chief executive of Qamra, and Lee Min-jun, an analyst at Hanbo "
        "Securities, spoke. Carla Della Rosa, a fund manager at Tevere Capital, agreed."
    )
    names = [p.name for p in doc._.extractor_people]
    assert names == ["Yusuf Al Harbi", "Lee Min-jun", "Carla Della Rosa"]


def test_person_entities_and_helpers(ent_nlp: Language) -> None:
    text = "Tilda Varga, an analyst at Kelderly, spoke. Ms Varga said Kelderly liked it."
    doc = ent_nlp(text)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Tilda Varga", "PERSON"),
        ("Kelderly", "ORG"),
        ("Varga", "PERSON"),
        ("Kelderly", "ORG"),
    ]
    found = person_by_name(doc, "Ms Varga")
    assert found is not None and found.name == "Tilda Varga"
    assert person_by_name(doc, "Varga") is found
    assert person_by_name(doc, "Nobody Here") is None
    start = text.index("Ms Varga")
    assert person_at(doc, start, start + 8) is found
    assert person_at(doc, 0, 1) is found
    assert person_at(doc, text.index("Kelderly"), text.index("Kelderly") + 8) is None


def test_end_to_end_record_has_people() -> None:
    record = extractor.extract(
        "Lantern Capital Partners has agreed to buy a 25% stake in Orchard. "
        '"It is a good fit," said Ilse Gerlach, chief executive of Lantern.'
    )
    assert [(p.name, p.role, p.organization) for p in record.people] == [
        ("Ilse Gerlach", "chief executive", "Lantern")
    ]


# Texts before a name, each ending the way one left-hand role pattern needs (and some near
# misses); every stretch of them that ends at a name's place is tried below.
_BEFORE_NAMES = (
    "Tarnwick's chief executive, Quarry's Vice-Chairman  the company's founder "
    "Wren Fell partners Ann Lee and Gosford managing directors its Head of M&A, "
    "Its co-founder and chief executive is Orla's global head of equities was "
    "chaired by the Czech billionaire Velmora founder chief strategy officer "
    "head of gaming partnerships, senior telecoms analysts the analyst, this "
    "mischief,  co-owner was  was chairman,, chairwoman\t Orla’s chairman "
    "Ærø’s head of gaming Zoë’s  CHIEF EXECUTIVE OFFICER "
)


def test_left_pattern_tails_are_necessary() -> None:
    """A left-hand pattern is skipped where its tail does not fit: it could not match there."""
    patterns = people_module._patterns()
    text = _BEFORE_NAMES
    ends = [k + 1 for k, ch in enumerate(text) if ch.isspace()]
    tried = matched = 0
    for end in ends:
        for start in (0, max(0, end - 40), max(0, end - 12)):
            window = text[start:end]
            for _, pattern, tail in patterns.left:
                tried += 1
                if pattern.search(window):
                    matched += 1
                    assert people_module._tail_fits(tail, window), (tail, window)
    assert matched > 50 and tried > matched


@pytest.mark.parametrize(
    ("tail", "window", "fits"),
    [
        ("title", "its chief executive, ", True),
        ("title", "the chief executive", False),  # no white space before the name
        ("title", "said on Monday ", False),
        ("title", "the head of gaming ", True),
        ("titles", "Acme managing directors ", True),
        ("titles", "Acme managing director ", False),
        ("is", "Its chief executive is ", True),
        ("is", "Its chief executive this ", False),
        ("and", "partners Ann Lee and ", True),
        ("", "anything", True),
    ],
)
def test_tail_fits(tail: str, window: str, fits: bool) -> None:
    assert people_module._tail_fits(tail, window) is fits


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *("Chief", "CHAIRMAN", "analyst", "co-founder", "Head", "vice", "mischief"),
                *("the", "said", " ", ", ", "ſ", "K", "İ", "’s", "é", "x"),
            ]
        ),
        max_size=12,
    )
)
def test_title_word_test_is_role_anchor(parts: list[str]) -> None:
    text = "".join(parts)
    expected = people_module.role_anchor().search(text) is not None
    assert people_module._has_title_word(text) is expected


_AFTER_NAMES = (
    ", an analyst at Firwood Securities",
    ", Marvento's chief executive, said",
    ", Marvento’s chief executive",
    ", the KRB chief executive",
    ", chairman VORA, said",
    ", the company's chief financial officer",
    ", its’s odd",
    ", who founded it in 1998 and remains its chief executive",
    " will remain Questline’s chief executive",
    " became Questline\ufffds chairman",
    ", who has taken over as interim chief executive",
    " took over as chairman",
    ", who will remain as chairman",
    ", who stays on as chief executive",
    ", who stepped down as chief executive",
    " resigned as finance director",
    ", who quit as the chairman",
    " said on Monday",
)


@pytest.mark.parametrize("window", _AFTER_NAMES)
def test_right_pattern_cues_are_necessary(window: str) -> None:
    """A right-hand pattern or override is skipped where none of its cue words is."""
    patterns = people_module._patterns()
    checks = [(p, cues) for _, p, cues in patterns.right]
    checks += [(p, cues) for p, _, cues in patterns.overrides]
    for pattern, cues in checks:
        if pattern.search(window) and cues:
            assert any(cue in window for cue in cues), (pattern, window)


def test_right_pattern_cue_windows_match_something() -> None:
    patterns = people_module._patterns()
    every = [p for _, p, _ in patterns.right] + [p for p, _, _ in patterns.overrides]
    matched = [w for w in _AFTER_NAMES if any(p.search(w) for p in every)]
    assert len(matched) >= len(_AFTER_NAMES) - 2


def _left_searches(window: str) -> list[tuple[object, object]]:
    """Each title-tailed left pattern's match in ``window``: from 0, and from ``_left_start``."""
    patterns = people_module._patterns()
    found = []
    for (_, pattern, _), run in zip(patterns.left, patterns.left_runs, strict=True):
        if run is None:
            continue
        full = pattern.search(window)
        late = pattern.search(window, people_module._left_start(window, run))
        found.append(
            tuple((m.span(), m.groupdict()) if m else None for m in (full, late))  # type: ignore[arg-type]
        )
    return found


def test_left_start_finds_the_same_match_on_every_window() -> None:
    text = _BEFORE_NAMES + "Ms Roe, the Acme Co. managing director, "
    ends = [k + 1 for k, ch in enumerate(text) if ch.isspace()]
    matched = 0
    for end in ends:
        for start in (0, max(0, end - 50)):
            for full, late in _left_searches(text[start:end]):
                assert full == late, text[start:end]
                matched += full is not None
    assert matched > 30


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *("Acme", "Co.", "Velmora's", "Orla’s", "the", "company's", "its", "and"),
                *("chief", "executive", "senior", "vice-president", "head", "of", "m&a"),
                *(" ", " ", ", ", ". ", "(", "—", "analyst", "telecoms", "Ltd", "x1"),
            ]
        ),
        max_size=14,
    )
)
def test_left_start_keeps_the_leftmost_match(parts: list[str]) -> None:
    window = "".join(parts) + " "
    for full, late in _left_searches(window):
        assert full == late, window


def test_context_company_index_finds_what_find_company_finds(ent_nlp: Language) -> None:
    doc = ent_nlp("Ferrow Quay Holdings and Ferrow Bank traded. Talmont rose.")
    doc._.extractor_companies = [
        CompanyFact("Ferrow Quay Holdings", aliases=["Ferrow Quay", "FQH"]),
        CompanyFact("Ferrow Bank", aliases=["FQH"]),  # a key two companies share
        CompanyFact("Talmont Group plc"),
    ]
    context = people_module._Context(doc, doc.text, doc._.extractor_companies, [], {})
    names = ["FQH", "Ferrow Quay", "ferrow bank", "Talmont", "Talmont Group", "Ferrow", "Nobody"]
    for name in names:
        assert context._company(name) == find_company(doc, name), name
