"""Read the speaker phrase of an attribution: "Leon Wu, chairman of Velmora", "she",
"the two companies", "a spokeswoman for Acme", "Chief executive Jane Roe".

Pure text work, no spaCy. The phrase is classified (a name, a pronoun, an organisation
reference, a group of organisations) and, for a name, split from the role and organisation its
appositive gives. Resolving it to the article's people and companies is ``quote_resolve``'s job.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

from extractor.errors import LexiconError
from extractor.lexicons import load_lexicon

PhraseKind = Literal["name", "names", "pronoun", "org_ref", "org_group", "plural_pronoun", "org_it"]

#: A word (letters, digits, inner hyphens/apostrophes/dots/ampersands) or a comma.
_TOKEN = re.compile(r"[^\W_](?:[\w&.’'-]*[\w&])?\.?|,|&")
#: Lower-case particles inside personal and company names.
_PARTICLES = frozenset(
    [
        "de",
        "da",
        "del",
        "della",
        "di",
        "dos",
        "das",
        "du",
        "van",
        "von",
        "der",
        "den",
        "le",
        "la",
        "al",
        "bin",
        "ibn",
        "ben",
        "el",
        "y",
        "e",
        "of",
    ]
)
#: Words that close a subject clause from the left: the subject comes after them.
_CLAUSE_WORDS = frozenset(
    [
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "while",
        "whereas",
        "because",
        "although",
        "though",
        "when",
        "if",
        "since",
        "as",
        "but",
        "so",
        "after",
        "before",
        "where",
        "once",
        "until",
    ]
)
#: Prepositions introducing the organisation in an appositive ("analyst at X").
_ORG_PREP = re.compile(r"\b(?:at|of|for|with|from)\s+(?:the\s+)?(?=[^\W\d_])")
#: A place after the organisation ("at Acme Research in Lisbon") is not part of its name.
_PLACE_TAIL = re.compile(r"\s+(?:in|based in|in the)\s+[^\W\d_].*$")
_POSSESSIVE = re.compile(r"[’']s?$")
#: An article opening an appositive ("a fund manager at X").
_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)
#: "Acme's chief executive": the organisation, then the role.
_POSSESSIVE_ROLE = re.compile(r"^([^\W\d_][\w&. -]*?)[’']s\s+(.+)$")
_ABBREVIATIONS = frozenset(
    [
        "mr.",
        "ms.",
        "mrs.",
        "dr.",
        "prof.",
        "inc.",
        "corp.",
        "ltd.",
        "co.",
        "jr.",
        "sr.",
        "st.",
        "plc.",
        "llc.",
        "bros.",
        "sen.",
        "gov.",
        "gen.",
    ]
)
_LEGAL_WORDS = frozenset(
    ["inc", "ltd", "llc", "plc", "corp", "co", "sa", "ag", "nv", "n.v", "s.a", "se", "spa", "bv"]
)
_NUMBERS = {"two": 2, "both": 2, "three": 3, "four": 4, "all": 0}


@dataclass(frozen=True)
class SpeakerPhrase:
    """A speaker as the text names it.

    Attributes:
        kind: what sort of phrase it is.
        text: the name (for ``name``), the organisation's name (for a spokesperson), or the
            phrase as printed.
        start: offset of ``text`` in the article.
        end: offset just past it.
        role: the role an appositive or a title gives ("fund manager"), if any.
        organization: the organisation an appositive gives, if any.
        gender: from a pronoun or an honorific, if any.
        count: for a group ("the two companies"), how many (0 when not said).
        names: for ``names`` ("Acme and Bolt said"), each name with its offsets.
    """

    kind: PhraseKind
    text: str
    start: int
    end: int
    role: str | None = None
    organization: str | None = None
    gender: str | None = None
    count: int = 0
    names: tuple[tuple[str, int, int], ...] = ()


@functools.cache
def _words() -> dict[str, frozenset[str]]:
    lex = load_lexicon("quote_speakers")
    return {
        "pronouns": frozenset(lex["pronouns"]),
        "plural_pronouns": frozenset(lex["plural_pronouns"]),
        "org": frozenset(lex["organisation_nouns"]),
        "org_plural": frozenset(lex["plural_organisation_nouns"]),
        "spokes": frozenset(lex["spokesperson_nouns"]),
        "intro": frozenset(lex["intro_words"]),
        "roles": frozenset(lex["role_words"]),
        "honorifics": frozenset(h.rstrip(".") for h in lex["honorifics"]),
        "anonymous": frozenset(lex["anonymous"]),
    }


@functools.cache
def _first_names() -> dict[str, str]:
    """The people issue's first-name list ({name: 'm'|'f'|''}), or {} where it is absent."""
    try:
        names = load_lexicon("first_names").get("names", {})
    except LexiconError:
        return {}
    return names if isinstance(names, dict) else {}


#: The first-name list's gender codes.
_GENDERS = {"m": "male", "f": "female"}


def first_name_gender(word: str) -> str | None:
    """'male'/'female' for a known first name, '' for a unisex one, None for an unknown word."""
    value = _first_names().get(word)
    if value is None:
        return None
    return _GENDERS.get(value, "")


_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
#: Two to four capitalised words in a row (Latin scripts): candidate personal names. The
#: look-behind (no word character before the first capital) comes after that capital, so
#: ``re`` scans for the capital letters alone ("." stands for the capital itself).
_NAME_RUN = re.compile(rf"[{_UPPER}](?<![\w'’-].)[\w'’-]*(?: [{_UPPER}][\w'’-]*){{1,3}}")


def name_runs(text: str) -> list[tuple[str, int, str | None]]:
    """People named with a known first name: (name, start, gender), in text order."""
    first_names = _first_names()
    if not first_names:
        return []
    out = []
    for m in _NAME_RUN.finditer(text):
        words = m.group().split(" ")
        offset = 0
        for k in range(len(words) - 1):
            code = first_names.get(words[k])  # ``first_name_gender``, inlined
            if code is not None:
                name = words[k:]
                if name[-1][-2:] in {"'s", "’s"}:
                    name[-1] = name[-1][:-2]
                out.append((" ".join(name), m.start() + offset, _GENDERS.get(code) or None))
                break
            offset += len(words[k]) + 1
    return out


def honorific_gender(word: str) -> str | None:
    """'Ms' -> 'female', 'Mr.' -> 'male', other words -> None."""
    value = load_lexicon("quote_speakers")["honorifics"].get(word.lower())
    return value if isinstance(value, str) else None


def pronoun_gender(word: str) -> str | None:
    value = load_lexicon("quote_speakers")["pronouns"].get(word.lower())
    return value if isinstance(value, str) else None


def _tokens(text: str, begin: int, stop: int) -> list[tuple[str, int, int]]:
    """The words and commas of ``text[begin:stop]`` (offsets in ``text``; both >= 0).

    ``_TOKEN`` looks neither behind nor ahead of its match, so searching between ``begin``
    and ``stop`` finds what it finds in the slice, without copying it.
    """
    out = []
    for m in _TOKEN.finditer(text, begin, stop):
        word = m.group()
        start, end = m.span()
        if (
            word[-1] == "."
            and len(word) > 2
            and "." not in word[:-1]
            and word.lower() not in _ABBREVIATIONS
        ):
            word, end = word[:-1], end - 1  # a full stop, not an abbreviation
        out.append((word, start, end))
    return out


def _is_cap(word: str) -> bool:
    return word[:1].isupper() or (word[:1].isdigit() and any(c.isupper() for c in word))


def _segments(tokens: list[tuple[str, int, int]]) -> list[list[tuple[str, int, int]]]:
    out: list[list[tuple[str, int, int]]] = [[]]
    for tok in tokens:
        if tok[0] == ",":
            out.append([])
        else:
            out[-1].append(tok)
    segs: list[list[tuple[str, int, int]]] = []
    for seg in out:
        if len(seg) == 1 and seg[0][0].lower().rstrip(".") in _LEGAL_WORDS and segs:
            segs[-1].extend(seg)  # "Acme Holdings, Inc." is one name
        elif seg:
            segs.append(seg)
    return segs


def subject_before(text: str, start: int, end: int) -> SpeakerPhrase | None:
    """The speaker phrase that ends ``text[start:end]``, the words before a speech verb.

    "Fiona Roe, a fund manager at Acme Capital," -> name "Fiona Roe" with its appositive;
    "In a statement, Acme" -> "Acme"; "the two companies" -> a group of two.
    """
    # "Jane Roe, who founded the firm in 1998, said": the parenthesis right before the verb
    # may hold a relative clause; the subject is before it.
    body = text[start:end].rstrip()
    if body.endswith(","):
        k = body.rfind(",", 0, len(body) - 1)
        between = body[k + 1 : -1].strip()
        first = between.split(" ", 1)[0].lower()
        clause = first in _CLAUSE_WORDS or first in _words()["intro"] or between.isdigit()
        # The subject before the parenthesis is read only where the parenthesis can be one.
        if k > 0 and (clause or first in {"a", "an", "the"}):
            head = subject_before(text, start, start + k)
            if head is not None and head.kind == "name":
                if clause:
                    return head  # "Jane Roe, who runs it," / "Jane Roe, 54,"
                if first in {"a", "an", "the"}:
                    # "Acme, an investment fund that owns 9% of Bolt," -> "an investment fund"
                    words = between.split()
                    cut = next((i for i, x in enumerate(words) if x in _CLAUSE_WORDS), len(words))
                    role, org = parse_role(" ".join(words[:cut]))
                    return SpeakerPhrase(
                        head.kind, head.text, head.start, head.end, role or head.role,
                        org or head.organization, head.gender,
                    )  # fmt: skip
    tokens = _tokens(text, start, end)
    # Only the clause next to the verb: cut after a subordinating word or a semicolon.
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k][0].lower() in _CLAUSE_WORDS or tokens[k][0] == ";":
            tokens = tokens[k + 1 :]
            break
    # Auxiliaries and adverbs between subject and verb ("has also said").
    while tokens and tokens[-1][0].lower() in {
        "has", "have", "had", "also", "later", "then", "once", "previously", "recently",
        "separately", "further", "would", "will", "is", "was", "were", "been", "has been",
        "reportedly", "again", "publicly", "repeatedly", "first",
    }:  # fmt: skip
        tokens.pop()
    while tokens and tokens[-1][0] == ",":
        tokens.pop()
    segs = _segments(tokens)
    if not segs:
        return None
    if len(segs) >= 2 and _is_appositive(segs[-1]):
        head = _phrase(segs[-2], last=True)
        if head is not None and head.kind == "name":
            return _with_appositive(head, segs[-1])
    head = _phrase(segs[-1], last=True)
    if head is not None and head.kind == "name" and len(segs) >= 2 and _is_appositive(segs[-2]):
        return _with_appositive(head, segs[-2])  # "Acme's chief executive, Jane Roe"
    return head


def phrase_after(text: str, start: int, end: int) -> SpeakerPhrase | None:
    """The speaker phrase that starts ``text[start:end]`` ("said Jane Roe, analyst at X.")."""
    segs = _segments(_tokens(text, start, end))
    if not segs:
        return None
    head = _phrase(segs[0], last=False)
    if head is None:
        return None
    if head.kind == "name" and len(segs) >= 2 and _is_appositive(segs[1]):
        return _with_appositive(head, segs[1])
    rest = [t for t in segs[0] if t[1] >= head.end]
    if head.kind == "name" and len(rest) > 1 and rest[0][0] in {"at", "of", "from", "with"}:
        org = _cap_run(rest[1:], last=False)  # "said Jane Roe at Acme Securities"
        if org is not None and org.start == rest[1][1] and head.organization is None:
            return SpeakerPhrase(
                head.kind, head.text, head.start, head.end, head.role, org.text, head.gender
            )
    return head


def _is_appositive(seg: list[tuple[str, int, int]]) -> bool:
    """'a fund manager at X', 'chairman of X', "X's chief executive", 'the RFS chairman'."""
    words = [w.lower() for w, _, _ in seg]
    roles = _words()["roles"]
    if words[0] in {"a", "an", "the"}:
        words = words[1:]
    if not words:
        return False
    if any(_POSSESSIVE.search(w) for w, _, _ in seg[:3]):
        return any(w in roles for w in words)
    return words[0] in roles or (len(words) > 1 and words[1] in roles)


def _with_appositive(head: SpeakerPhrase, seg: list[tuple[str, int, int]]) -> SpeakerPhrase:
    role, org = parse_role(" ".join(w for w, _, _ in seg))
    return SpeakerPhrase(
        head.kind, head.text, head.start, head.end, role or head.role,
        org or head.organization, head.gender,
    )  # fmt: skip


def parse_role(appositive: str) -> tuple[str | None, str | None]:
    """Split 'a fund manager at Acme Capital in Lisbon' into ('fund manager', 'Acme Capital').

    Also "Acme's chief executive" -> ('chief executive', 'Acme') and 'chairman Acme'.
    """
    text = appositive.strip(" ,.")
    text = _ARTICLE.sub("", text)
    pos = _POSSESSIVE_ROLE.match(text)
    if pos:
        # "Acme's chief executive" names the organisation; "the company's founder" does not.
        org = pos.group(1).strip() if pos.group(1)[:1].isupper() else None
        return pos.group(2).strip() or None, org
    m = next((m for m in _ORG_PREP.finditer(text) if text[m.end()].isupper()), None)
    if m:
        role = text[: m.start()].strip()
        org = _PLACE_TAIL.sub("", text[m.end() :]).strip(" ,.")
        org = org if org[:1].isupper() else ""
        return role or None, org or None
    words = text.split()
    role_words = _words()["roles"]
    k = 0
    while k < len(words) and words[k].lower() in role_words and not words[k][:1].isupper():
        k += 1
    if 0 < k < len(words) and words[k][:1].isupper():
        return " ".join(words[:k]), " ".join(words[k:])
    return text or None, None


def _phrase(seg: list[tuple[str, int, int]], *, last: bool) -> SpeakerPhrase | None:
    """Classify one comma-free word group as a speaker phrase, or None."""
    w = _words()
    words = [t[0] for t in seg]
    lower = [x.lower() for x in words]
    start, end = seg[0][1], seg[-1][2]
    text = " ".join(words)
    if len(seg) == 1 and lower[0] in w["pronouns"]:
        return SpeakerPhrase("pronoun", words[0], start, end, gender=pronoun_gender(words[0]))
    if len(seg) == 1 and lower[0] == "it":
        return SpeakerPhrase("org_it", words[0], start, end)
    if len(seg) == 1 and lower[0] in w["plural_pronouns"]:
        return SpeakerPhrase("plural_pronoun", words[0], start, end)
    # A spokesperson for an organisation: the organisation speaks (unless the person is named).
    for k, x in enumerate(lower):
        if x in w["spokes"] and x != "statement":
            after = seg[k + 1 :]
            if after and after[0][0].lower() in {"for", "at", "of", "from"}:
                org = _cap_run(after[1:], last=False)
                if org:
                    return org
            named = _cap_run(after, last=False)
            if named:
                return SpeakerPhrase(
                    "name", named.text, named.start, named.end, role=words[k].lower()
                )
            org = _cap_run(seg[:k], last=True)
            if org:
                return SpeakerPhrase("name", _POSSESSIVE.sub("", org.text), org.start, org.end)
    if (lower[-1] in w["org_plural"] or (len(lower) > 1 and lower[-1] == "pair")) and (
        lower[0] in {"the", "their"} or lower[0] in _NUMBERS
    ):
        count = next((_NUMBERS[x] for x in lower if x in _NUMBERS), 0)
        return SpeakerPhrase("org_group", text, start, end, count=count)
    if lower[-1] in w["org"] and lower[0] in {"the", "its", "their", "our"}:
        return SpeakerPhrase("org_ref", text, start, end)
    names = _names(seg, last=last) if not last or len(seg) > 2 else []
    if len(names) > 1:
        return SpeakerPhrase(
            "names", text, start, end, names=tuple((n.text, n.start, n.end) for n in names)
        )
    return _cap_run(seg, last=last)


def _names(seg: list[tuple[str, int, int]], *, last: bool) -> list[SpeakerPhrase]:
    """'Acme and Bolt', 'Acme's chief Jane Roe and Bolt's chief John Doe' -> two names."""
    for k, tok in enumerate(seg):
        if tok[0] == "and" and 0 < k < len(seg) - 1:
            left, right = _cap_run(seg[:k], last=True), _cap_run(seg[k + 1 :], last=last)
            if not (left and right and left.end == seg[k - 1][2]):
                continue
            if (right.end == seg[-1][2]) if last else (right.start == seg[k + 1][1]):
                return [left, right]
    return []


def _cap_run(seg: list[tuple[str, int, int]], *, last: bool) -> SpeakerPhrase | None:
    """The last (or first) run of capitalised words, stripped of titles and roles."""
    w = _words()
    runs: list[list[tuple[str, int, int]]] = []
    cur: list[tuple[str, int, int]] = []
    for tok in seg:
        word = tok[0]
        if _is_cap(word) or (cur and (word == "&" or (word in _PARTICLES and word.islower()))):
            cur.append(tok)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    for run in reversed(runs) if last else runs:
        while run and (run[-1][0].lower() in _PARTICLES or run[-1][0] == "&"):
            run = run[:-1]
        if not run:
            continue
        if run[0][0].lower() in w["anonymous"]:
            return None  # "One of them said", "Analysts said": no named speaker
        # A possessive modifier ("Acme's chief executive Jane Roe") names the organisation.
        org = None
        for k, tok in enumerate(run[:-1]):
            if _POSSESSIVE.search(tok[0]) and tok[0][-2:] in {"'s", "’s"}:
                org = " ".join(t[0] for t in run[: k + 1])[:-2]
                run = run[k + 1 :]
                break
        # Sentence-initial lower words of the segment before the run may be a role (read
        # below, only when the run itself starts with none).
        run_start = run[0][1]
        gender = None
        lead: list[str] = []
        while run:
            lower = run[0][0].lower()
            is_role = lower in w["roles"]
            if not (
                is_role
                or lower.rstrip(".") in w["honorifics"]
                or lower in w["intro"]
                or lower in {"the", "a", "an"}
            ):
                break
            gender = gender or honorific_gender(run[0][0])
            if is_role:
                lead.append(lower)
            run = run[1:]
        if not run:
            continue
        # "Lars Engel of Kormoran Research": a person of an organisation.
        for k in range(2, len(run) - 1):
            if run[k][0] == "of" and first_name_gender(run[0][0]) is not None:
                org = " ".join(t[0] for t in run[k + 1 :])
                run = run[:k]
                break
        name = " ".join(t[0] for t in run)
        if _POSSESSIVE.search(name) and name[-2:] in {"'s", "’s"}:
            name = name[:-2]
        if not lead:
            lead = [t[0].lower() for t in seg if t[2] <= run_start and t[0].lower() in w["roles"]]
        role = " ".join(lead) or None
        return SpeakerPhrase(
            "name", name, run[0][1], run[0][1] + len(name), role=role, organization=org,
            gender=gender,
        )  # fmt: skip
    return None
