"""extractor_quotes: attribution forms, speaker resolution, continuation and the dev corpus.

Unit tests build Docs by hand: the entity extensions are set here, so that these tests do not
depend on the entity components (and check how the speakers are resolved against them).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extractor import extract
from extractor.facts import CompanyFact, PersonFact, QuoteFact, ReferenceFact


def _mentions(text: str, form: str) -> list[tuple[int, int]]:
    out, i = [], text.find(form)
    while i != -1:
        out.append((i, i + len(form)))
        i = text.find(form, i + 1)
    return out


def person(text: str, name: str, *forms: str, gender: str | None = None, **kw: str) -> PersonFact:
    mentions = sorted(m for f in (name, *forms) for m in _mentions(text, f))
    return PersonFact(name=name, mentions=mentions, gender=gender, **kw)  # type: ignore[arg-type]


def company(text: str, name: str, *aliases: str) -> CompanyFact:
    mentions = sorted(m for f in (name, *aliases) for m in _mentions(text, f))
    return CompanyFact(name=name, aliases=list(aliases), mentions=mentions)


def run(
    nlp: Language,
    text: str,
    people: list[PersonFact] | None = None,
    companies: list[CompanyFact] | None = None,
    refs: list[ReferenceFact] | None = None,
) -> list[QuoteFact]:
    doc: Doc = nlp.make_doc(text)
    component = nlp.get_pipe("extractor_quotes")
    doc._.extractor_people = people or []
    doc._.extractor_companies = companies or []
    doc._.extractor_company_refs = refs or []
    return list(component(doc)._.extractor_quotes)


def speakers(quotes: list[QuoteFact]) -> list[object]:
    return [q.speaker for q in quotes]


# --- explicit attribution ----------------------------------------------------------------------


def test_said_after_with_appositive_gives_speaker_role_and_organization(nlp: Language) -> None:
    text = "“We expect the merger to close by June,” said Tomas Varga, chairman of Pellworth."
    (q,) = run(nlp, text)
    assert q.text == "We expect the merger to close by June"
    assert (q.speaker, q.attribution) == ("Tomas Varga", "explicit")
    assert (q.speaker_role, q.speaker_organization) == ("chairman", "Pellworth")
    assert text[q.start : q.end] == q.text


def test_inverted_surname_resolves_to_the_canonical_person(nlp: Language) -> None:
    text = (
        "Tomas Varga runs Pellworth.\n\n"
        "“The price reflects what the business will earn next year,” Varga said."
    )
    people = [
        person(text, "Tomas Varga", "Varga", role="chief executive", organization="Pellworth")
    ]
    (q,) = run(nlp, text, people=people)
    assert (q.speaker, q.attribution) == ("Tomas Varga", "explicit")
    assert (q.speaker_role, q.speaker_organization) == ("chief executive", "Pellworth")


def test_inverted_surname_without_entity_facts_finds_the_full_name(nlp: Language) -> None:
    text = (
        "Tomas Varga, the chairman, signed on Friday.\n\n"
        '"The price reflects what the business will earn next year," Varga said.'
    )
    assert speakers(run(nlp, text)) == ["Tomas Varga"]


def test_said_before_with_colon_and_appositive(nlp: Language) -> None:
    text = (
        "Lena Ostrova, a fund manager at Tiercel Capital in Oslo, said: "
        "‘The price is fair for both sides and the timing is right.’"
    )
    (q,) = run(nlp, text)
    assert q.speaker == "Lena Ostrova"
    assert (q.speaker_role, q.speaker_organization) == ("fund manager", "Tiercel Capital")


def test_title_before_the_name_is_not_part_of_it(nlp: Language) -> None:
    text = "Chief Financial Officer Hugo Gerlach said the loan could be repaid “well before 2030”."
    (q,) = run(nlp, text)
    assert (q.speaker, q.speaker_role) == ("Hugo Gerlach", "chief financial officer")


def test_according_to_after_a_partial_quote(nlp: Language) -> None:
    text = (
        "The bid is “a generous offer for a tired business”, according to Ines Moura, an analyst."
    )
    (q,) = run(nlp, text)
    assert (q.text, q.speaker) == ("a generous offer for a tired business", "Ines Moura")


def test_speaker_after_a_dash(nlp: Language) -> None:
    text = '"We will not sell this unit at any price." – Mira Holt, chief executive of Dornfield'
    (q,) = run(nlp, text)
    assert (q.speaker, q.speaker_organization) == ("Mira Holt", "Dornfield")


@pytest.mark.parametrize(
    ("sentence", "quoted"),
    [
        ("Mira Holt called the offer “an insult to our shareholders”.", "an insult"),
        ("Mira Holt described the bid as “opportunistic and far too low”.", "opportunistic"),
        ("Mira Holt told reporters: “There is no deal on the table today.”", "There is no"),
        ("Mira Holt warned that rivals would “copy the model within a year”.", "copy the"),
        (
            "Mira Holt declined to name the buyer, saying only that it was “a long-term investor”.",
            "a long",
        ),
    ],
)
def test_speech_verbs_before_a_quote(nlp: Language, sentence: str, quoted: str) -> None:
    (q,) = run(nlp, sentence)
    assert q.text.startswith(quoted)
    assert (q.speaker, q.attribution) == ("Mira Holt", "explicit")


@pytest.mark.parametrize(
    "verb",
    [
        "said", "says", "added", "told reporters", "explained", "noted", "stated",
        "commented", "insisted", "warned", "argued", "wrote", "announced",
    ],
)  # fmt: skip
def test_speech_verbs_after_a_quote(nlp: Language, verb: str) -> None:
    after = run(nlp, f"“The plant will reopen in the spring,” {verb} Mira Holt.")
    inverted = run(nlp, f"“The plant will reopen in the spring,” Mira Holt {verb}.")
    assert speakers(after) == speakers(inverted) == ["Mira Holt"]


def test_named_spokesperson_is_the_speaker(nlp: Language) -> None:
    text = "Corvane spokesman Idris Vale said: “We will not comment on market rumours.”"
    companies = [company(text, "Corvane")]
    (q,) = run(nlp, text, companies=companies)
    assert q.speaker == "Idris Vale"


# --- pronouns, continuation --------------------------------------------------------------------


def test_pronoun_goes_to_the_most_recent_person_of_that_gender(nlp: Language) -> None:
    text = (
        "Clara Weiss, the chief executive, met Paul Okoro, the finance director, on Monday.\n\n"
        "“We are ready to spend the money where it earns the most,” she said.\n\n"
        "“The balance sheet can carry it without strain,” he added."
    )
    people = [
        person(text, "Clara Weiss", gender="female"),
        person(text, "Paul Okoro", gender="male"),
    ]
    quotes = run(nlp, text, people=people)
    assert speakers(quotes) == ["Clara Weiss", "Paul Okoro"]
    assert [q.attribution for q in quotes] == ["pronoun", "pronoun"]


def test_pronoun_skips_a_name_after_at_even_if_called_a_person(nlp: Language) -> None:
    text = (
        "Ilse Brandvik, a partner at Fjord Kapital, said the fund had waited years. "
        "“This is the asset we wanted,” she said."
    )
    people = [
        person(text, "Ilse Brandvik", gender="female"),
        person(text, "Fjord Kapital", gender="female"),  # a wrong people fact
    ]
    assert speakers(run(nlp, text, people=people)) == ["Ilse Brandvik"]


def test_pronoun_without_people_uses_the_last_person_named(nlp: Language) -> None:
    text = (
        "“Margins will recover next year,” said Ravi Nair, an analyst at Grebe Securities.\n\n"
        "Dana Kell, a fund manager, said the shares were cheap.\n\n"
        "“Nobody is pricing in the upside from the new plant,” she said."
    )
    assert speakers(run(nlp, text)) == ["Ravi Nair", "Dana Kell"]


def test_unattributed_quote_paragraph_continues_the_previous_speaker(nlp: Language) -> None:
    text = (
        "“We know this market well,” said Ada Lorne, chief executive of Fenwick.\n\n"
        "“It is the right time to grow in it.”\n\n"
        "The shares closed higher.\n\n"
        "“This sentence stands alone and nobody is said to have said it.”"
    )
    quotes = run(nlp, text)
    assert speakers(quotes) == ["Ada Lorne", "Ada Lorne", None]
    assert [q.attribution for q in quotes] == ["explicit", "continuation", "none"]
    assert quotes[1].speaker_organization == "Fenwick"


def test_short_sentence_continuing_a_quote_is_kept(nlp: Language) -> None:
    text = "Ada Lorne spoke. “We are in this for twenty years,” she said. “Maybe more.”"
    people = [person(text, "Ada Lorne", gender="female")]
    assert [q.text for q in run(nlp, text, people=people)] == [
        "We are in this for twenty years",
        "Maybe more.",
    ]


def test_multi_paragraph_quote_named_in_its_last_paragraph(nlp: Language) -> None:
    text = (
        "“We looked at every option for the unit.\n\n"
        "“In the end, selling it was the only one that made sense,” said Ada Lorne."
    )
    quotes = run(nlp, text)
    assert speakers(quotes) == ["Ada Lorne", "Ada Lorne"]
    assert [q.attribution for q in quotes] == ["continuation", "explicit"]


def test_second_quote_in_the_same_paragraph(nlp: Language) -> None:
    text = "“We are pleased,” said Ada Lorne. “The board backed the plan in full.”"
    assert speakers(run(nlp, text)) == ["Ada Lorne", "Ada Lorne"]


# --- companies and groups ----------------------------------------------------------------------


def test_company_in_a_statement_resolves_to_its_canonical_name(nlp: Language) -> None:
    text = (
        "Corvane Holdings was fined on Monday.\n\n"
        'In a statement, Corvane Holdings said: "We accept the ruling and will not appeal."'
    )
    companies = [company(text, "Corvane", "Corvane Holdings")]
    (q,) = run(nlp, text, companies=companies)
    assert (q.speaker, q.attribution) == ("Corvane", "explicit")
    assert q.speaker_role is None


def test_the_company_said_resolves_to_the_company_of_the_story(nlp: Language) -> None:
    text = (
        "Corvane agreed to buy Lisk. Corvane will pay cash. Lisk makes valves.\n\n"
        "“The deal doubles our reach in Asia,” the company said in a statement."
    )
    companies = [company(text, "Corvane"), company(text, "Lisk")]
    (q,) = run(nlp, text, companies=companies)
    assert (q.speaker, q.attribution) == ("Corvane", "group")


def test_the_group_said_uses_a_defined_term(nlp: Language) -> None:
    text = (
        'Tarrow Mining Limited ("Tarrow" or "the Group") sold a mine to Brisk Metals. Brisk '
        "Metals paid cash and Brisk Metals will run it.\n\n"
        "“The sale lets us focus on copper for the next decade,” the Group said."
    )
    companies = [company(text, "Tarrow", "Tarrow Mining Limited"), company(text, "Brisk Metals")]
    quotes = run(nlp, text, companies=companies)
    assert speakers(quotes) == ["Tarrow"]  # the defined terms themselves are not quotes


def test_the_two_companies_give_a_list(nlp: Language) -> None:
    text = (
        "Corvane is buying a stake in Lisk. Corvane and Lisk make valves.\n\n"
        "In a joint statement, the two companies said they would “share factories and "
        "sales teams across Europe”."
    )
    companies = [company(text, "Corvane"), company(text, "Lisk")]
    (q,) = run(nlp, text, companies=companies)
    assert sorted(q.speaker) == ["Corvane", "Lisk"]  # type: ignore[arg-type]
    assert q.attribution == "group"


def test_company_reference_from_the_entity_component_wins(nlp: Language) -> None:
    text = "The partners said they would “build three plants together by 2030”."
    start = text.index("The partners")
    refs = [ReferenceFact(start, start + 12, "The partners", ["Corvane", "Lisk"])]
    (q,) = run(nlp, text, refs=refs)
    assert q.speaker == ["Corvane", "Lisk"]


def test_it_said_is_the_company_the_paragraph_is_about(nlp: Language) -> None:
    text = (
        "Lisk agreed to sell a plant to Corvane last year.\n\n"
        "Lisk’s board said it would study the new offer from Corvane. “Shareholders need "
        "not do anything yet,” it said in a statement."
    )
    companies = [company(text, "Lisk"), company(text, "Corvane")]
    (q,) = run(nlp, text, companies=companies)
    assert (q.speaker, q.attribution) == ("Lisk", "pronoun")


def test_the_companys_statement_speaks_for_the_company(nlp: Language) -> None:
    text = (
        "Corvane agreed to buy Lisk. Corvane will pay in cash.\n\n"
        "“The combination creates a leader in valves,” its statement said."
    )
    companies = [company(text, "Corvane"), company(text, "Lisk")]
    assert speakers(run(nlp, text, companies=companies)) == ["Corvane"]


def test_they_said_after_a_group_quote(nlp: Language) -> None:
    text = (
        "Corvane and Lisk said they would “share factories across Europe from next year”. "
        "“Customers will see no change at all,” they said."
    )
    companies = [company(text, "Corvane"), company(text, "Lisk")]
    quotes = run(nlp, text, companies=companies)
    assert speakers(quotes) == [["Corvane", "Lisk"], ["Corvane", "Lisk"]]
    assert quotes[1].attribution == "pronoun"


def test_they_said_with_nobody_to_refer_to_is_no_speaker(nlp: Language) -> None:
    text = "Shares fell.\n\n“We expect a long and costly fight over this,” they said."
    (q,) = run(nlp, text)
    assert q.speaker is None


def test_spokeswoman_for_a_company(nlp: Language) -> None:
    text = "A spokeswoman for Corvane said: “We do not comment on market rumours at all.”"
    companies = [company(text, "Corvane")]
    assert speakers(run(nlp, text, companies=companies)) == ["Corvane"]


def test_two_named_companies(nlp: Language) -> None:
    text = "Corvane and Lisk said they would “share factories across Europe from next year”."
    companies = [company(text, "Corvane"), company(text, "Lisk")]
    assert speakers(run(nlp, text, companies=companies)) == [["Corvane", "Lisk"]]


def test_subject_with_a_relative_clause_between_commas(nlp: Language) -> None:
    text = (
        "Brenna Castell, who founded the firm in 2001 and still runs it, said: "
        "“We were never going to sell to a rival.”\n\n"
        "Quarrow Partners, a fund that owns 8% of the firm, said the offer was "
        "“far below what the business is worth”."
    )
    quotes = run(nlp, text)
    assert speakers(quotes) == ["Brenna Castell", "Quarrow Partners"]


def test_possessive_appositive_between_quote_and_verb(nlp: Language) -> None:
    text = "“We have room to grow in Asia,” Fenwick’s chief executive, Ada Lorne, said."
    (q,) = run(nlp, text)
    assert (q.speaker, q.speaker_role, q.speaker_organization) == (
        "Ada Lorne",
        "chief executive",
        "Fenwick",
    )


def test_age_and_lower_case_possessive_in_the_appositive(nlp: Language) -> None:
    text = (
        "“We built this to last,” Ada Lorne, 61, said.\n\n"
        "Omar Rahal, the company's founder, told reporters: “It was never for sale.”"
    )
    quotes = run(nlp, text)
    assert speakers(quotes) == ["Ada Lorne", "Omar Rahal"]
    assert (quotes[1].speaker_role, quotes[1].speaker_organization) == ("founder", None)


def test_earlier_verb_when_the_last_one_has_no_speaker(nlp: Language) -> None:
    text = (
        "Corvane bought Lisk in May. Corvane said the purchase would add to earnings "
        "“from the first full year of ownership”."
    )
    companies = [company(text, "Corvane"), company(text, "Lisk")]
    assert speakers(run(nlp, text, companies=companies)) == ["Corvane"]


def test_role_given_once_holds_for_the_speakers_other_quotes(nlp: Language) -> None:
    text = (
        "“Prices will settle by the summer,” said Ada Lorne, a trader at Pike Markets.\n\n"
        "Omar Rahal disagreed.\n\n“Not before the autumn, in my view,” Lorne said."
    )
    quotes = run(nlp, text)
    assert speakers(quotes) == ["Ada Lorne", "Ada Lorne"]
    assert quotes[1].speaker_role == "trader" and quotes[1].speaker_organization == "Pike Markets"


def test_person_of_an_organisation(nlp: Language) -> None:
    text = "“The price looks low,” said Lars Engel of Kormoran Research, “but few would bid.”"
    quotes = run(nlp, text)
    assert speakers(quotes) == ["Lars Engel", "Lars Engel"]
    assert quotes[0].speaker_organization == "Kormoran Research"


def test_it_said_without_a_company_nearby_is_no_speaker(nlp: Language) -> None:
    text = (
        "Corvane bought Lisk.\n\nThe deal closed in May.\n\n"
        "The rating agency reviewed it. It called the outlook “stable with some upside”."
    )
    companies = [company(text, "Corvane"), company(text, "Lisk")]
    (q,) = run(nlp, text, companies=companies)
    assert q.speaker is None


def test_press_release_attribution_ending_the_paragraph_before(nlp: Language) -> None:
    text = (
        "Commenting on the sale, Quarrow's Managing Director, Fay Tolland, said:\n\n"
        "“The sale lets us focus on our copper assets in the north.”\n\n"
        "“We will update shareholders on the next steps soon.”"
    )
    quotes = run(nlp, text)
    assert speakers(quotes) == ["Fay Tolland", "Fay Tolland"]
    assert [q.attribution for q in quotes] == ["explicit", "continuation"]
    assert quotes[0].speaker_organization == "Quarrow"


def test_two_named_people_with_titles_speak_together(nlp: Language) -> None:
    text = (
        "“Together we will lead the market,” Vantor chief executive Anna Berg and Dalmo "
        "chief executive Tomas Lind said in a joint statement."
    )
    assert speakers(run(nlp, text)) == [["Anna Berg", "Tomas Lind"]]


def test_adverb_between_commas_and_organisation_after_at(nlp: Language) -> None:
    text = (
        "“It makes sense for both,” said Ruth Kaye at Pell Securities.\n\n"
        "Kaye, however, warned that joining two cultures “is never easy for anyone”."
    )
    quotes = run(nlp, text)
    assert speakers(quotes) == ["Ruth Kaye", "Ruth Kaye"]
    assert quotes[0].speaker_organization == "Pell Securities"


def test_anonymous_sources_are_no_speaker(nlp: Language) -> None:
    text = (
        "Two people familiar with the talks said a deal was near. One of them described the "
        "talks as “advanced but not yet final”."
    )
    (q,) = run(nlp, text)
    assert (q.speaker, q.attribution) == (None, "none")


def test_company_name_with_an_ampersand(nlp: Language) -> None:
    text = "“Our clients want more of this,” said Pike & Rowe, the broker, in a note."
    assert speakers(run(nlp, text)) == ["Pike & Rowe"]


def test_cut_off_entity_mention_does_not_shorten_a_hyphenated_name(nlp: Language) -> None:
    text = "“Rents have stopped falling in the city,” said Lau Mei-ling, the chairman."
    start = text.index("Lau Mei")
    cut = CompanyFact(name="Lau Mei", mentions=[(start, start + 7)])
    assert speakers(run(nlp, text, companies=[cut])) == ["Lau Mei-ling"]


def test_family_name_first_with_an_honorific(nlp: Language) -> None:
    text = (
        "The shares were sold by the founder, Wong Kar Ho, who stays as chairman.\n\n"
        "“Whoever took over had to promise to keep the whole crew,” Mr Wong said."
    )
    assert speakers(run(nlp, text)) == ["Wong Kar Ho"]


def test_defined_terms_in_parentheses_are_not_quotes(nlp: Language) -> None:
    text = 'Brisk Metals Inc. ("Brisk") today announced that it will buy Tarrow Ltd. ("Tarrow").'
    assert run(nlp, text) == []


# --- no speaker, scare quotes, messy text ------------------------------------------------------


def test_quoted_phrase_in_reported_fact_has_no_speaker(nlp: Language) -> None:
    text = (
        "“We are pleased,” said Ada Lorne.\n\n"
        "Under the agreement, Fenwick may raise its stake at a price to be set "
        "“within an agreed window after the first audit”."
    )
    quotes = run(nlp, text)
    assert speakers(quotes) == ["Ada Lorne", None]
    assert quotes[1].attribution == "none"


def test_scare_quotes_and_nicknames_are_not_quotations(nlp: Language) -> None:
    text = (
        "Mr Lorne, known as the 'Quiet Banker' in the City, built the stake slowly.\n\n"
        "Fenwick calls its plan “Project Arc” internally."
    )
    assert run(nlp, text) == []


def test_unbalanced_marks_still_yield_the_other_quotes(nlp: Language) -> None:
    text = (
        "Fenwick shares rose 5\" after the news, and a 'note from brokers went out.\n\n"
        "“We are buying for the long term,” said Ada Lorne, chief executive of Fenwick.\n\n"
        'Analysts said the " price was high.\n\n'
        "‘It is a full price,’ said Omar Rahal, an analyst at Grebe Securities.\n\n"
        "“She paid too much,” he said."
    )
    quotes = run(nlp, text)
    assert [q.text for q in quotes] == [
        "We are buying for the long term",
        "It is a full price",
        "She paid too much",
    ]
    assert speakers(quotes) == ["Ada Lorne", "Omar Rahal", "Omar Rahal"]


def test_crosshead_is_not_a_quote(nlp: Language) -> None:
    text = "Fenwick buys Lisk\n\n'Perfect match'\n\n“We are pleased with it,” said Ada Lorne."
    assert [q.text for q in run(nlp, text)] == ["We are pleased with it"]


def test_empty_doc(nlp: Language) -> None:
    assert run(nlp, "") == []


def test_end_to_end_through_extract() -> None:
    record = extract(
        "Fenwick buys Lisk\n\n"
        "Fenwick has agreed to buy Lisk, a valve maker.\n\n"
        "“Lisk gives us the factories we were missing,” said Ada Lorne, chief executive of "
        "Fenwick.\n\n“We will keep every one of them open.”\n"
    )
    assert [q.text[:20] for q in record.quotes] == ["Lisk gives us the fa", "We will keep every o"]
    assert [q.attribution for q in record.quotes] == ["explicit", "continuation"]
    assert all(q.speaker and "Lorne" in q.speaker for q in record.quotes)  # type: ignore[operator]
    assert all(record.text[q.start : q.end] == q.text for q in record.quotes)


def test_cost_stays_linear_on_long_and_odd_text(nlp: Language) -> None:
    """A long run-on paragraph full of quotes and possessives must not be quadratic."""
    import time

    component = nlp.get_pipe("extractor_quotes")
    for unit in (
        "the investors' view, “a fair price for all,” said Ada Lorne, and 'so on ",
        "“Fine,” Lorne said. “Fine,” she said. It said: “yes indeed we agree.” ",
    ):
        small, large = nlp.make_doc(unit * 200), nlp.make_doc(unit * 1600)
        times = []
        for doc in (small, large):
            t0 = time.process_time()
            component(doc)
            times.append(time.process_time() - t0)
        assert len(large._.extractor_quotes) >= 1000
        assert times[1] < 8 * 3 * times[0] + 0.5  # 8x the text: far from 64x


# --- dev corpus ----------------------------------------------------------------------------------


@pytest.mark.slow
def test_dev_corpus_quote_recall_and_speaker_accuracy(dev_corpus: Path, nlp: Language) -> None:
    from extractor.evaluation.run import evaluate_corpus

    metrics = evaluate_corpus(dev_corpus, nlp=nlp).metrics()
    print(
        f"quotes recall={metrics['quotes_recall']:.3f} "
        f"precision={metrics['quotes_precision']:.3f} "
        f"speaker accuracy={metrics['speaker_accuracy']:.3f}"
    )
    assert metrics["quotes_recall"] >= 0.95
    assert metrics["speaker_accuracy"] is not None and metrics["speaker_accuracy"] >= 0.92
