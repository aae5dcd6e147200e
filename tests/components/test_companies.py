"""extractor_companies: candidates, typing by evidence, aliases, anaphora, helpers.

Every text here is invented for the test; the company names are deliberately hard (ordinary
words, abbreviations, legal suffixes, symbols).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

import extractor
from extractor.components.companies import (
    companies_in,
    company_at,
    find_company,
    resolve_reference,
)
from extractor.evaluation.run import evaluate_corpus
from extractor.nlp import get_nlp


@pytest.fixture(scope="module")
def ent_nlp() -> Language:
    """Sentences, companies and people only, so these tests do not depend on other parts."""
    nlp = spacy.blank("en")
    for name in ("extractor_sentences", "extractor_companies", "extractor_people"):
        nlp.add_pipe(name)
    return nlp


def names(doc: Doc) -> dict[str, list[str]]:
    return {c.name: c.aliases for c in doc._.extractor_companies}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # legal suffixes
        ("Brno Mills Ltd. reported higher sales.", "Brno Mills Ltd."),
        ("The deal was struck with Tolvane S.p.A. last year.", "Tolvane S.p.A."),
        ("Analysts praised Yuzuha K.K. for the move.", "Yuzuha K.K."),
        # contexts
        ("Sunward has agreed to buy a 20% stake in Gosford.", "Gosford"),
        ("Investors sold shares of Firwood after the warning.", "Firwood"),
        ("The sale lifted Firwood's shares by 4%.", "Firwood"),
        ("Many Firwood shareholders opposed the plan.", "Firwood"),
        ("Orla Finch, chairman of Tarnwick, declined to comment.", "Tarnwick"),
        ("Bram Okwuosa, an analyst at Kelderly, said the price was high.", "Kelderly"),
        ("The buyer is the parent company of Zenlo, a payments app.", "Zenlo"),
        ("They met Quarrel, the Oslo-based shipping group, on Friday.", "Quarrel"),
        ("Harrow, Norway's largest lender, was not involved.", "Harrow"),
        ("The new owner is a Calder-backed fund.", "Calder"),
        ("Its rival is a Velmont-owned chain.", "Velmont"),
        ("The round drew investors including Ferncliff.", "Ferncliff"),
        ("Brightmoor said in a statement that talks had ended.", "Brightmoor"),
        ("Shares in Corvane (NYSE: CRVN) fell 3%.", "Corvane"),
        ("The retailer was bought by online broker Stackwise.", "Stackwise"),
        # deal contexts around a sentence-initial name with no company word
        ("Hexley Vale is being acquired by a rival for $30m.", "Hexley Vale"),
        ("Orwen Stone was sold to a buyout fund last May.", "Orwen Stone"),
        ("Cobalt Ridge walked away from its bid for a rival.", "Cobalt Ridge"),
        ("A fund has invested $12m in Marram Bay over two years.", "Marram Bay"),
        # ordinary words as names, capitalised mid-sentence
        ("A 12% stake in Harvest was sold to Beacon for $40m.", "Harvest"),
        ("A 12% stake in Harvest was sold to Beacon for $40m.", "Beacon"),
        # symbols in names
        ("Quennell & Hart, the London broker, lost the mandate.", "Quennell & Hart"),
        ("ko&, the telecoms group, raised its stake in Vantor.", "ko&"),
        ("The board of QRT&X has agreed to buy Gleno.net outright.", "QRT&X"),
        ("The board of QRT&X has agreed to buy Gleno.net outright.", "Gleno.net"),
        ("Vire-Haut Composites agreed to buy Tamsin.", "Vire-Haut Composites"),
        ("Analysts expect SKARN to gain from a stake in LOFT.", "LOFT"),
        ("BrightVale advised the seller on the sale.", "BrightVale"),  # camel case
        ("The buyer is Nordic infrastructure investor Fjell Kapital.", "Fjell Kapital"),
    ],
)
def test_company_found(ent_nlp: Language, text: str, expected: str) -> None:
    doc = ent_nlp(text)
    found = {n for c in doc._.extractor_companies for n in [c.name, *c.aliases]}
    assert expected in found


@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        ("In March, Tarnwick bought a stake in Gosford.", "March"),
        ("On Tuesday, Tarnwick bought a stake in Gosford.", "Tuesday"),
        ("According to Tarnwick, the stake in Gosford was cheap.", "According"),
        ("The sale closed in Norway and Brazil after a stake in Gosford was sold.", "Norway"),
        ("Tarnwick sold its stake in Gosford to a Norwegian fund.", "Norwegian"),
        ("Gosford moved its head office to Toronto from Lagos.", "Toronto"),
        ("Tarnwick was fined by the Competition Authority on Monday.", "Competition Authority"),
        ("The competition regulator, Verdana, blocked the stake in Gosford.", "Verdana"),
        ("Rates were left unchanged by the Ruritanian National Bank.", "Ruritanian National Bank"),
        ("Tilda Varga, an analyst at Kelderly, was upbeat.", "Tilda Varga"),
        ("Kelderly paid CHF 30m for a stake in Gosford.", "CHF"),
        ("Brands such as Crumbly and Tarn Tea were sold by Gosford.", "Crumbly"),
        ("The Minister of Mines praised the deal.", "Minister of Mines"),
        ("Gosford, maker of the Crumbly and Tarn Tea brands, was sold.", "Crumbly"),
        ("Gosford, maker of the Crumbly and Tarn Tea brands, was sold.", "Tarn Tea"),
        ("Gosford abandoned its Velo 7 phone after a recall.", "Velo"),
        ("The studio behind Starfall was bought by Gosford.", "Starfall"),
        ("Gosford is owned by the Zwahlen and Vogt families.", "Vogt"),
        ("Gosford is controlled by the Zwahlen family.", "Zwahlen"),
        ("Gosford shares fell on the Ruritania Stock Exchange.", "Ruritania Stock Exchange"),
        ("The rest is held by the Kgotla Community Trust.", "Kgotla Community Trust"),
    ],
)
def test_not_a_company(ent_nlp: Language, text: str, not_expected: str) -> None:
    doc = ent_nlp(text)
    found = {n for c in doc._.extractor_companies for n in [c.name, *c.aliases]}
    assert not_expected not in found


def test_alias_by_acronym_in_brackets(ent_nlp: Language) -> None:
    doc = ent_nlp(
        "Gannet Port Logistics (GPL) has agreed to sell its ferry arm. "
        "GPL said the buyer would keep all staff."
    )
    assert names(doc) == {"GPL": ["Gannet Port Logistics"]}
    assert len(doc._.extractor_companies[0].mentions) == 3


def test_alias_by_acronym_without_brackets(ent_nlp: Language) -> None:
    doc = ent_nlp(
        "Kilbride-Dunlavin Bank has sold its 8% stake in Brockhurst Corp. "
        "KD said it would use the money to buy back shares."
    )
    assert names(doc)["KD"] == ["Kilbride-Dunlavin Bank"]


def test_canonical_is_the_shortest_name_used(ent_nlp: Language) -> None:
    doc = ent_nlp(
        "Sandpiper Group plc agreed to buy a stake in Orrel Midstream Ltd. on Monday. "
        "Sandpiper will pay cash. Orrel is a pipeline operator."
    )
    assert names(doc) == {
        "Sandpiper": ["Sandpiper Group plc"],
        "Orrel": ["Orrel Midstream Ltd."],
    }


def test_a_place_after_a_name_makes_another_company(ent_nlp: Language) -> None:
    doc = ent_nlp(
        "Nordwind will buy a 40% stake in Nordwind Norway from its founders. Nordwind shares rose."
    )
    assert set(names(doc)) == {"Nordwind", "Nordwind Norway"}


def test_a_distinctive_word_after_an_established_name_makes_another_company(
    ent_nlp: Language,
) -> None:
    doc = ent_nlp(
        "Brockton has held a stake in Lowry since 2019. "
        "Lowry bought the broker Brockton Ameriflex in 2020."
    )
    assert {"Brockton", "Brockton Ameriflex"} <= set(names(doc))


def test_title_case_headline_is_cut_at_common_words(ent_nlp: Language) -> None:
    doc = ent_nlp(
        "Harrow Foods Agrees To Buy Beacon Stake\n"
        "Harrow Foods has agreed to buy a stake in Beacon, the Leeds bakery chain."
    )
    assert set(names(doc)) == {"Harrow Foods", "Beacon"}


def test_a_subsidiary_named_after_its_parent_is_another_company(ent_nlp: Language) -> None:
    doc = ent_nlp(
        "Hanro Heavy Industries will sell 10% of its solar subsidiary, Hanro Solar, to "
        "Fjell Kapital. Hanro said the sale would cut its debt."
    )
    assert set(names(doc)) == {"Hanro", "Hanro Solar", "Fjell Kapital"}


def test_defined_terms_and_the_group(ent_nlp: Language) -> None:
    doc = ent_nlp(
        'Marrow Foods Holdings Limited ("Marrow" or "the Group") today announced a buyback.\n'
        "The Group expects revenue to rise. Marrow shares are listed in Nairobi."
    )
    assert names(doc) == {"Marrow": ["Marrow Foods Holdings Limited"]}
    refs = [(r.text, r.companies) for r in doc._.extractor_company_refs]
    assert ("The Group", ["Marrow"]) in refs


def test_formerly_known_as_is_an_alias(ent_nlp: Language) -> None:
    doc = ent_nlp(
        "ko&, the Gulf telecoms group formerly known as Qitel, bought 2% of Vantor's shares."
    )
    assert names(doc)["ko&"] == ["Qitel"]


def test_document_consistency_sentence_initial_mentions(ent_nlp: Language) -> None:
    doc = ent_nlp(
        "Harvest rose. Beacon bought a 5% stake in Harvest on Friday. Harvest declined to comment."
    )
    harvest = find_company(doc, "Harvest")
    assert harvest is not None
    assert len(harvest.mentions) == 3


def test_list_of_companies_types_its_members(ent_nlp: Language) -> None:
    doc = ent_nlp(
        "The group already includes Danish, Tarn Airways and Lofoten Airlines. "
        "New investors Corrie Capital, Whinstone and Brae Ventures joined the round."
    )
    found = set(names(doc))
    assert {"Danish", "Whinstone"} <= found
    assert "New" not in found


def test_ent_spans_are_orgs(ent_nlp: Language) -> None:
    doc = ent_nlp("Beacon bought a stake in Harvest. Harvest shares rose.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Beacon", "ORG"),
        ("Harvest", "ORG"),
        ("Harvest", "ORG"),
    ]


def test_references_resolve(ent_nlp: Language) -> None:
    doc = ent_nlp(
        "Tarnwick has agreed to buy a 30% stake in Gosford, the Brazilian lender. "
        "Tarnwick will pay $2bn. It also owns Pelmark. "
        "The firm said the deal would close in May. "
        "The two companies said they would cooperate. "
        "The bank said its clients would not be affected."
    )
    refs = {r.text: r.companies for r in doc._.extractor_company_refs}
    assert refs["The firm"] == ["Tarnwick"]
    assert refs["The two companies"] == ["Tarnwick", "Gosford"]
    assert refs["The bank"] == ["Gosford"]


def test_reference_with_nationality_skips_a_company_of_another_nation(ent_nlp: Language) -> None:
    doc = ent_nlp(
        "Kranich has agreed to buy 36% of Serrata, the Spanish bus operator. "
        "Serrata's founders will keep the remaining shares. "
        "The German group will name two directors."
    )
    refs = {r.text: r.companies for r in doc._.extractor_company_refs}
    assert refs["The German group"] == ["Kranich"]


def test_lender_and_carrier_follow_what_the_article_calls_each_company(
    ent_nlp: Language,
) -> None:
    doc = ent_nlp(
        "Sorrel Bank will lend $300m to Volare, the Italian carrier, and to Pelmark, a software "
        "maker. Pelmark will use the money for hiring. The lender said demand was strong. "
        "Pelmark said the carrier would repay first."
    )
    refs = {r.text: r.companies for r in doc._.extractor_company_refs}
    assert refs["The lender"] == ["Sorrel Bank"]
    assert refs["the carrier"] == ["Volare"]


def test_appositive_reference_is_the_company_before_it(ent_nlp: Language) -> None:
    doc = ent_nlp(
        "Gosford is the biggest shareholder of Tarnwick. It agreed a takeover by Lomond Capital, "
        "the investment company founded by a Scottish family."
    )
    refs = {r.text: r.companies for r in doc._.extractor_company_refs}
    assert refs["the investment company"] == ["Lomond Capital"]


def test_helpers(ent_nlp: Language) -> None:
    text = (
        "Tarnwick Group has agreed to buy a stake in Gosford. "
        "The company said both companies would gain."
    )
    doc = ent_nlp(text)
    start = text.index("Gosford")
    assert company_at(doc, start, start + 7) == "Gosford"
    ref = text.index("The company")
    assert company_at(doc, ref, ref + 11) == "Tarnwick Group"  # the only name it is given
    both = text.index("both companies")
    assert resolve_reference(doc, both, both + 14) == ["Tarnwick Group", "Gosford"]
    assert resolve_reference(doc, 0, 4) == []
    assert [n for _, _, n in companies_in(doc, 0, len(text))] == [
        "Tarnwick Group",
        "Gosford",
        "Tarnwick Group",
    ]
    fact = find_company(doc, "Tarnwick Group plc's")
    assert fact is not None and fact.name == "Tarnwick Group"
    assert find_company(doc, "Nobody Ltd") is None


def test_boilerplate_and_related_links_are_skipped(ent_nlp: Language) -> None:
    doc = ent_nlp(
        "NORTHERN LEDGER\n"
        "Tarnwick has agreed to buy a stake in Gosford.\n"
        "Analysts welcomed the stake in Gosford.\n"
        "(Reporting by Dunlavin Wire staff)\n"
        "Related stories\n"
        "Pelmark buys a stake in Sorrel\n"
    )
    assert set(names(doc)) == {"Tarnwick", "Gosford"}


def test_messy_text_never_raises(ent_nlp: Language) -> None:
    for text in ["", "\n\n\n", "(((((", "’s ’s", "A & B & C", "THE THE THE", "q& q& q&"]:
        doc = ent_nlp(text)
        assert isinstance(doc._.extractor_companies, list)


def test_end_to_end_record_has_companies() -> None:
    record = extractor.extract(
        "Beacon Capital Partners has agreed to buy a 25% stake in Harvest for $90m. "
        "Beacon said the deal valued Harvest at $360m."
    )
    by_name = {c.name: c for c in record.companies}
    assert set(by_name) == {"Beacon", "Harvest"}
    assert by_name["Beacon"].aliases == ["Beacon Capital Partners"]
    assert [m.text for m in by_name["Harvest"].mentions] == ["Harvest", "Harvest"]


@pytest.mark.slow
def test_dev_corpus_companies_people_and_roles(dev_corpus: Path) -> None:
    """Issue target on the dev corpus: companies and people F1 >= 0.90, roles >= 0.85.

    Scored with the project's evaluator (forgiving legal suffixes, possessives and aliases
    on both sides). Measured: companies F1 1.00, people F1 1.00, roles 1.00 (13 articles).
    """
    metrics = evaluate_corpus(dev_corpus).metrics()
    assert metrics["companies_f1"] >= 0.90
    assert metrics["people_f1"] >= 0.90
    assert (metrics["role_accuracy"] or 0.0) >= 0.85


@pytest.mark.parametrize("repeats", [1, 4, 7])
def test_a_known_persons_surname_is_never_a_company_however_often_it_speaks(
    repeats: int,
) -> None:
    text = (
        "Corvane Mills bought Ashlow Yarns in March.\n\n"
        '"We paid a fair price," Petra Quenby told reporters.\n\n'
        + '"The mills will stay open," Quenby said.\n\n'
        * repeats
    )
    record = extractor.extract(text)
    assert "Quenby" not in {c.name for c in record.companies}
    assert {q.speaker for q in record.quotes} == {"Petra Quenby"}
    assert [len(p.mentions) for p in record.people if p.name == "Petra Quenby"] == [repeats + 1]


def test_set_entities_replaces_overlapping_and_decided_labels_and_keeps_the_rest() -> None:
    from spacy.tokens import Span

    from extractor.components.companies import set_entities

    doc = spacy.blank("en")("Ann Lee of Dovecote Partners met Bryn Holt in Leeds on Monday")
    # A user NER's guesses: a PERSON cut short, a wrong ORG, a place and a date.
    doc.ents = [
        Span(doc, 0, 1, "PERSON"),
        Span(doc, 3, 5, "GPE"),
        Span(doc, 6, 8, "ORG"),
        Span(doc, 9, 10, "GPE"),
        Span(doc, 11, 12, "DATE"),
    ]
    text = doc.text
    set_entities(doc, [(0, 7), (11, 28)], "ORG", replace=("PERSON",))
    got = [(e.text, e.label_) for e in doc.ents]
    assert got == [
        ("Ann Lee", "ORG"),
        ("Dovecote Partners", "ORG"),
        ("Leeds", "GPE"),
        ("Monday", "DATE"),
    ]
    assert [t.ent_iob_ for t in doc][6:8] == ["O", "O"]  # the dropped ORG is cleared
    assert doc.text == text


_BLANK = spacy.blank("en")


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(["Ann", "Lee", "Co.", "of", " ", "\n", ",", "Dove-cote", "(", "42"]),
        min_size=1,
        max_size=14,
    ),
    spaces=st.lists(st.booleans(), min_size=14, max_size=14),
    cuts=st.lists(st.tuples(st.integers(-2, 60), st.integers(-2, 60)), max_size=6),
)
def test_set_entities_fast_path_equals_char_span_filter_spans_and_set_ents(
    words: list[str], spaces: list[bool], cuts: list[tuple[int, int]]
) -> None:
    """On a Doc without entities, ``set_entities`` leaves every token as spaCy's own
    ``char_span(expand)`` + ``filter_spans`` + ``set_ents(default="outside")`` would."""
    from spacy.util import filter_spans

    from extractor.components.companies import set_entities

    ours = Doc(_BLANK.vocab, words=words, spaces=spaces[: len(words)])
    plain = Doc(_BLANK.vocab, words=words, spaces=spaces[: len(words)])
    ours[0].ent_kb_id_ = plain[0].ent_kb_id_ = "Q1"  # a stray knowledge-base id is kept
    offsets = [(min(a, b), max(a, b)) for a, b in cuts]
    set_entities(ours, offsets, "ORG")
    spans = [plain.char_span(s, e, label="ORG", alignment_mode="expand") for s, e in offsets]
    plain.set_ents(filter_spans([s for s in spans if s is not None]), default="outside")
    assert [(t.ent_iob, t.ent_type, t.ent_kb_id) for t in ours] == [
        (t.ent_iob, t.ent_type, t.ent_kb_id) for t in plain
    ]


def test_a_generic_reference_needs_no_description_of_the_companies() -> None:
    from extractor.components.entity_references import _specific

    assert not _specific("company", None)
    assert not _specific("firm", "combined")
    assert _specific("bank", None)
    assert _specific("group", "German")


def test_a_specific_reference_still_picks_the_company_described_so() -> None:
    text = (
        "Ostra Bank, the Norwegian lender, and Quernby Mills, a brokerage firm, talked. "
        "Quernby Mills said the lender wanted more."
    )
    doc = get_nlp()(text)
    refs = doc._.extractor_company_refs
    assert (refs[-1].text, refs[-1].companies) == ("the lender", ["Ostra Bank"])
