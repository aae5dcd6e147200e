"""Plain-text page dumps, wire copy and press releases -> title, publisher, date and body.

A page dump (text copied from a news page) has a header, a body and a trailer:

    site chrome ("Skip to content", "Home > Business", a URL line)  -> dropped
    MASTHEAD / The Masthead — Section  -> publisher (section cut; mixed case as the text
                                   spells it elsewhere); "Headline | The Site" -> both
    SECTION KICKER ("MARKETS")     -> dropped
    Headline                       -> title ("UPDATE 2-" wire tags removed)
    Standfirst                     -> dropped (a sentence too, when a byline or date follows)
    By Jane Roe | 4 March 2024     -> published (an "Updated" date only without another)
    * summary bullets, "4 min read", share bar -> dropped
    photo line, "Image caption,", caption -> the marker is dropped; the photo line and the
                                   caption are kept as body paragraphs (see below)
    Body paragraphs ...            -> body; crossheads ("'Natural partners'") stay in it;
                                   "Advertisement", "Read more: ...", newsletter prompts go
    Related internet links / Related Topics / More on this story + their list lines -> dropped
    "X is not responsible ...", "(c) X 2021", "(Reporting by ...)"                  -> dropped

Without a masthead the publisher is, in order: the holder named in the page's copyright or
"not responsible" line; a release's issuer (the subject of its "today announced" sentence);
the agency its dateline names ("(Reuters) -", "LONDON (AFP) -"); else unknown.

Paragraphs: a blank line separates them; so does a first-line indent in a block that mixes
indented and flush lines. A block whose lines are cut at a fixed width (hard-wrapped at
~70 characters, see ``_wrapped_blocks``) is joined back into one line.

A press release has generic markers ("MEDIA RELEASE", "FOR IMMEDIATE RELEASE") and listing
lines ("Share code: X", "JSE share code: X", "(Incorporated in ...)") instead of a masthead;
its publisher is the issuing company's name line. "ENDS", "About X", "Forward-looking
statements", "Media enquiries:" end the body: everything after them is dropped.

Decisions: a standfirst (a second headline-like line after the title) is not body; crossheads
are kept in the body, so downstream components see the text as printed; the wire dateline is
stripped from the body and its place kept in ``dateline``.

Captions: the photo line above an "Image caption," marker and the caption below it are written
by the newsroom and can report facts the story does not repeat (a page may carry "Acme paid $1bn
for a stake in Widget in 2005" only under its photo). They are kept, each as a paragraph of its
own, where they stand; only the marker is page furniture. HTML ``<figcaption>`` elements are
different: marked up as figures, they stay out of the body (see ``html.py``).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field

from extractor.reading import boilerplate as bp
from extractor.reading.dates import find_date, url_date
from extractor.reading.wire import (
    find_dateline,
    is_all_caps,
    mixed_case_name,
    release_issuer,
    strip_wire_prefix,
)

#: A line that reads as a sentence of body text: ends like a sentence, possibly in a quote.
_SENTENCE_END = re.compile(r"""[.!?…:;。！？]["”’')\]」』]*\s*$""")

#: A summary bullet line before the body ("* Deal to be paid ...", "• Shares jump").
_BULLET = re.compile(r"^\s*(?:[*•·\u25cf\u25aa]|-|–)\s+\S")

#: "Published", "Updated:", "Last updated" at the start of a line, before a date.
_PUBLISHED_PREFIX = re.compile(
    r"^[\s•·*\u2022-]*(?:first\s+|last\s+)?(?:published|updated|posted|modified)(?:\s+on)?\s*:?\s*",
    re.IGNORECASE,
)

#: Longest masthead: "The Wyeside Chronicle", "Trans-Kalahari Newswire", "Financial Times".
_MAX_MASTHEAD_WORDS = 6
#: A masthead with no headline after it: ALL CAPS and at most this many words.
_MAX_LONE_MASTHEAD_WORDS = 4

#: "By Jane Roe", "By Jane Roe and John Doe, Banking Reporters" above the story.
_BYLINE = re.compile(r"^By\s+[^\W\d_a-z][\w.'’-]*(?:\s+\S+){0,8}$")

#: "Updated 2 hours ago", "Published 5 mins ago", "Updated: today": a time note, not a
#: headline ("Published accounts show losses" is a headline).
_PUBLISHED_NOTE = re.compile(
    r"""
    ^[\s•·*\u2022-]*(?:first\s+|last\s+)?(?:published|updated|posted)\b\s*:?\s*
    (?:$                                      # the word alone
      | (?=.{0,40}$)                          # or a short note that is a time:
        (?:.*\bago\b | .*\d | today\b | yesterday\b | just\s+now\b)
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: Longest headline-like line (a title, a masthead): longer lines are body text.
_MAX_HEAD_WORDS = 40
_MAX_HEAD_CHARS = 300
#: Words a date line may carry besides the date ("| 11:32 GMT", ", 6:15 a.m. MT").
_MAX_DATE_LINE_EXTRA_WORDS = 5
#: A list line after "Related Topics": a headline (no final full stop) or a few words.
_MAX_LIST_LINE_WORDS = 6


@dataclass
class PageParts:
    """What a reader found in one page: metadata and body paragraphs."""

    title: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    dateline: str | None = None
    agency: str | None = None  # the agency or distributor a wire dateline names ("Reuters")
    paragraphs: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Line:
    text: str
    block: int  # index of the blank-line separated block the line belongs to
    caption: bool = False  # a photo line or caption: body text, never a headline
    indent: bool = False  # printed indented (a tab or two spaces): may open a paragraph


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    block = 0
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            block += 1
            continue
        out.append(_Line(line, block, indent=raw.startswith(("\t", "  "))))
    return out


def _split_indented(lines: list[_Line]) -> list[_Line]:
    """Paragraphs marked by a first-line indent and no blank line: each indent opens a block.

    Only blocks that mix indented and flush lines are split; a block indented as a whole
    (a quoted passage, a dump with every line indented) stays as it is.
    """
    first_indent: dict[int, bool] = {}
    if all(first_indent.setdefault(line.block, line.indent) == line.indent for line in lines):
        return lines  # no block mixes indents: the blocks stay as they are (most texts)
    by_block: dict[int, set[bool]] = {}
    for line in lines:
        by_block.setdefault(line.block, set()).add(line.indent)
    out: list[_Line] = []
    block, previous = -1, None
    for line in lines:
        mixed = len(by_block[line.block]) == 2
        if previous is None or line.block != previous.block or (mixed and line.indent):
            block += 1
        previous = line
        out.append(_Line(line.text, block, line.caption, line.indent))
    return out


#: A hard-wrapped paragraph: lines cut at a fixed width. Every line but the last is at least
#: this long, and at least this share of the longest one.
_MIN_WRAP_WIDTH = 50
_MIN_WRAP_SHARE = 0.6
#: Longest line of a hard-wrapped paragraph (typewriter and e-mail widths are 60-80).
_MAX_WRAP_WIDTH = 100


def _wrapped_blocks(lines: list[_Line]) -> set[int]:
    """Blocks whose lines are one paragraph cut at a fixed width, to be joined with spaces.

    The last line ends like a sentence, and every other line is about as long as the longest;
    a list, an address or a headline with its standfirst has uneven lines or no full stop.
    """
    blocks: dict[int, list[str]] = {}
    for line in lines:
        blocks.setdefault(line.block, []).append(line.text)
    wrapped: set[int] = set()
    for block, texts in blocks.items():
        if len(texts) < 2 or not _is_sentence(texts[-1]):
            continue
        widths = [len(t) for t in texts[:-1]]
        widest = max(widths)
        if (
            min(widths) >= max(_MIN_WRAP_WIDTH, _MIN_WRAP_SHARE * widest)
            and widest <= _MAX_WRAP_WIDTH
            and not any(_BULLET.match(t) for t in texts)
        ):
            wrapped.add(block)
    return wrapped


def _is_sentence(line: str) -> bool:
    return _SENTENCE_END.search(line) is not None


def _is_head(line: str) -> bool:
    """Headline-like: short, and not ending like a sentence (a "?" or "!" is allowed)."""
    return (
        len(line) <= _MAX_HEAD_CHARS
        and len(line.split()) <= _MAX_HEAD_WORDS
        and (not _is_sentence(line) or line.rstrip("\"”’' ").endswith(("?", "!")))
    )


def date_line(line: str) -> dt.date | None:
    """The date of a line that is only a date ("Published 26 May 2023, 07:45 CEST")."""
    rest = _PUBLISHED_PREFIX.sub("", line, count=1)
    # More words than the limit: a word past it exists. A sentence need not be split into all
    # its words for that.
    limit = _MAX_DATE_LINE_EXTRA_WORDS + _MAX_DATE_WORDS
    if next(itertools.islice(_LETTER_RUN.finditer(rest), limit, None), None) is not None:
        return None  # too many words even without a date (a sentence): skip the date search
    found = find_date(rest)
    if found is None:
        return None
    date, match = found
    extra = rest[: match.start()] + " " + rest[match.end() :]
    if len(_LETTER_RUN.findall(extra)) > _MAX_DATE_LINE_EXTRA_WORDS:
        return None
    return date


#: A word of letters (digits and underscores split words: "5th" has the word "th").
_LETTER_RUN = re.compile(r"[^\W\d_]+")
#: Most words a printed date holds: weekday, day suffix, "of", month ("Tuesday 5th of March").
_MAX_DATE_WORDS = 4


def _mark_captions(lines: list[_Line]) -> list[_Line]:
    """Drop "Image caption," markers; mark the caption after each and the photo line before.

    Each marked line becomes a block (a paragraph) of its own.
    """
    marked: set[int] = set()
    markers: set[int] = set()
    for i, line in enumerate(lines):
        if not bp.is_caption_marker(line.text):
            continue
        markers.add(i)
        if i + 1 < len(lines):
            marked.add(i + 1)
        # The photo line sits directly above the marker, in the same block.
        if i > 0 and lines[i - 1].block == line.block and len(lines[i - 1].text) < 200:
            prev = lines[i - 1].text
            if bp.key(prev) not in bp.lexicon().published_markers and date_line(prev) is None:
                marked.add(i - 1)
    if not markers:
        return lines  # nothing to drop or mark (the block numbers are renumbered later)
    out: list[_Line] = []
    block, previous = -1, None
    for i, line in enumerate(lines):
        if i in markers:
            continue
        # Renumber blocks so that each marked line is a block of its own.
        if i in marked or previous is None or previous.caption or line.block != previous.block:
            block += 1
        previous = _Line(line.text, line.block, caption=i in marked, indent=line.indent)
        out.append(_Line(line.text, block, caption=i in marked, indent=line.indent))
    return out


def read_plaintext(text: str) -> PageParts:
    """Split a plain-text article into metadata and body paragraphs.

    Args:
        text: decoded, repaired text.

    Returns:
        The page's parts; ``paragraphs`` joined by blank lines make the body.
    """
    parts = PageParts()
    lines = _split_indented(_mark_captions(_lines(text)))
    wrapped = _wrapped_blocks(lines)
    heads: list[str] = []
    is_release = False
    updated: dt.date | None = None
    start = len(lines)
    for i, line in enumerate(lines):
        t = line.text
        if line.caption or line.block in wrapped:
            start = i
            break
        if bp.is_release_marker(t):
            is_release = True
        elif (
            bp.is_release_header(t)
            or bp.key(t) in bp.lexicon().published_markers
            or bp.is_always_boilerplate(t)
            or bp.is_related_marker(t)
        ):
            pass
        elif (d := date_line(t)) is not None:
            # "Updated" dates only stand in when no first publication date is printed.
            if _UPDATED_PREFIX.match(t):
                updated = updated or d
            else:
                parts.published = parts.published or d
            if not heads and (name := _masthead_before_date(t)):
                heads.append(name)  # "THE HARBOUR POST   Monday, 4 March 2024"
        elif _is_header_note(t) or bp.is_section_label(t):
            pass  # bullets, "By Jane Roe", "Updated 2 hours ago", "MARKETS" above the story
        elif (dl := find_dateline(t)) is not None and _opens_story(t[dl.end :]):
            start = i
            break
        elif not _is_head(t):
            if _is_standfirst(lines, i):
                # A sentence above the byline: the headline when none came yet (some sites
                # end headlines with a full stop), else the standfirst.
                no_title = not heads or (len(heads) == 1 and is_all_caps(heads[0]))
                if no_title and len(t.split()) <= _MAX_STOP_HEADLINE_WORDS:
                    heads.append(t)
                continue
            start = i
            break
        else:
            heads.append(t)
    parts.published = parts.published or updated or _url_line_date(lines[:start])
    _read_heads(parts, heads, is_release=is_release, text=text)
    _read_body(parts, lines[start:], wrapped)
    _find_publisher(parts, lines, text, is_release=is_release)
    return parts


#: "Updated", "Last updated" at the start of a date line: a revision, not first publication.
_UPDATED_PREFIX = re.compile(
    r"^[\s•·*\u2022-]*(?:last\s+)?(?:updated|modified|edited|revised|amended)\b", re.IGNORECASE
)

#: Most leading paragraphs of an HTML body read as header notes (byline, date, "4 min read").
_MAX_LEADING_NOTES = 6


def leading_notes(paragraphs: list[str]) -> tuple[int, dt.date | None]:
    """Bylines, date lines and page notes at the top of a body (HTML puts them in ``<p>``s).

    Args:
        paragraphs: the body's paragraphs, in order.

    Returns:
        How many leading paragraphs are notes, and the publication date they print (an
        "Updated" date only when no other is printed).
    """
    published: dt.date | None = None
    updated: dt.date | None = None
    count = 0
    for text in paragraphs[:_MAX_LEADING_NOTES]:
        if not _is_sentence(text) and (d := date_line(text)) is not None:
            if _UPDATED_PREFIX.match(text):
                updated = updated or d
            else:
                published = published or d
        elif not (
            _is_header_note(text)
            or bp.key(text) in bp.lexicon().published_markers
            or bp.is_always_boilerplate(text)
            or bp.is_related_marker(text)
        ):
            break
        count += 1
    return count, published or updated


#: Lines a standfirst may be followed by before the story starts.
_STANDFIRST_LOOKAHEAD = 3


#: Longest headline printed with a full stop ("Acme buys Widget for $5m.").
_MAX_STOP_HEADLINE_WORDS = 20


def _masthead_before_date(line: str) -> str | None:
    """The ALL-CAPS site name printed on the date's line ("THE POST   4 March 2024"), if any."""
    found = find_date(_PUBLISHED_PREFIX.sub("", line, count=1))
    if found is None:
        return None
    before = line[: line.find(found[1].group())].strip(" |-–—•·,:")
    return before if is_all_caps(before) and len(before.split()) >= 2 else None


def _url_line_date(header: list[_Line]) -> dt.date | None:
    """The date in the page's address, when the dump starts with it and prints no date."""
    for line in header:
        if bp.URL_LINE.match(line.text) and (date := url_date(line.text)) is not None:
            return date
    return None


#: Fewest words after a dateline for the line to open the story (fewer: "MASTHEAD — Business").
_MIN_STORY_WORDS_AFTER_DATELINE = 6


def _opens_story(rest: str) -> bool:
    """What follows a dateline is the story: a sentence, or more than a few words."""
    return _is_sentence(rest) or len(rest.split()) > _MIN_STORY_WORDS_AFTER_DATELINE


def _is_header_note(line: str) -> bool:
    return bool(_BULLET.match(line) or _BYLINE.match(line) or _PUBLISHED_NOTE.match(line))


def _is_standfirst(lines: list[_Line], i: int) -> bool:
    """A sentence under the headline that a byline or date line follows: the standfirst.

    The story itself starts after the byline, so a full sentence above it is the summary
    the page prints under the headline, not the first paragraph. A long paragraph is a lede
    printed above the byline, and stays body.
    """
    if len(lines[i].text.split()) > _MAX_HEAD_WORDS:
        return False
    for line in lines[i + 1 : i + 1 + _STANDFIRST_LOOKAHEAD]:
        t = line.text
        if _is_header_note(t) or date_line(t) is not None:
            return True
        if not bp.is_always_boilerplate(t) and not bp.is_related_marker(t):
            return False
    return False


def _read_heads(parts: PageParts, heads: list[str], *, is_release: bool, text: str) -> None:
    """Masthead, company line and headline among the header's headline-like lines."""
    if not heads:
        return
    if is_release:
        company = next((h for h in heads if is_all_caps(h)), None)
        if company is None and len(heads) > 1 and _is_masthead(heads[0]):
            company = heads[0]  # the issuer's name line in mixed case, above the headline
        rest = [h for h in heads if h is not company]
        if company is not None:
            parts.publisher = mixed_case_name(company, text)
        if rest:
            parts.title = strip_wire_prefix(rest[0])
        return
    tab_title = _split_tab_title(heads[0])
    if tab_title is not None:  # "Headline | The Site": a browser tab's title, copied
        parts.title, parts.publisher = tab_title
        return
    lone = len(heads) == 1
    name = _masthead_name(heads[0])
    if not (_is_lone_masthead(name) if lone else _is_masthead(name)):
        parts.title = strip_wire_prefix(heads[0])  # later lines are a standfirst: not body
        return
    parts.publisher = mixed_case_name(name, text)
    if len(heads) > 1:
        parts.title = strip_wire_prefix(heads[1])  # a third line is a standfirst: not body


#: The separator between a masthead and its section or tagline ("The Post — Business").
_MASTHEAD_SEPARATOR = re.compile(r"\s+(?:\||—|–|-|::|·|•|/)\s+")
#: Longest section name after a masthead ("Money & Markets", "Business").
_MAX_SECTION_WORDS = 3


def _masthead_name(line: str) -> str:
    """A masthead without its section: "The Harbour Post — Business" -> "The Harbour Post".

    Only a short capitalised section is cut, so a headline with a dash keeps its words.
    """
    pieces = _MASTHEAD_SEPARATOR.split(line)
    if len(pieces) < 2:
        return line
    section = " ".join(pieces[1:]).split()
    if len(section) > _MAX_SECTION_WORDS or not all(w[:1].isupper() or w == "&" for w in section):
        return line
    return pieces[0]


#: What a headline has and a site's name has not: currency signs, a question; and figures,
#: unless the line is in capitals (a masthead such as "CITY 24 NEWS").
_NOT_IN_MASTHEAD = re.compile(r"[$€£¥₹%?!]")
_DIGIT = re.compile(r"\d")


#: Fewest words of the headline part of a "Headline | Site" line.
_MIN_TAB_TITLE_WORDS = 3


def _split_tab_title(line: str) -> tuple[str, str] | None:
    """ "Acme buys Widget | The Anvil Times" -> (headline, site), else None.

    The last piece after a separator must read as a site's name (a few capitalised words,
    no figures) and the rest as a headline (not itself a name: it has a lower-case word).
    """
    pieces = _MASTHEAD_SEPARATOR.split(line)
    if len(pieces) < 2:
        return None
    site = pieces[-1]
    head = line[: line.rfind(site)].rstrip(" |—–-:·•/")
    head_words = head.split()
    if (
        len(head_words) < _MIN_TAB_TITLE_WORDS
        or all(w[:1].isupper() or not w[:1].isalpha() for w in head_words)
        or not _is_masthead(site)
        or is_all_caps(site)
        or bp.is_section_label(site)
        or any(w[:1].islower() for w in site.split()[:1])
        or (len(site.split()) < 2 and " | " not in line)  # "Acme falls - Report": a dash
    ):
        return None
    return strip_wire_prefix(head), site


def _is_masthead(line: str) -> bool:
    """A site's name line: ALL CAPS or without letter case (CJK), or a few capitalised words.

    A lone line counts only when it is ALL CAPS or without case and short: a headline is
    rarely printed in capitals, a masthead usually is.
    """
    words = line.split()
    if (
        len(words) > _MAX_MASTHEAD_WORDS
        or _NOT_IN_MASTHEAD.search(line)
        or (_DIGIT.search(line) and not is_all_caps(line))
    ):
        return False
    cased = [ch for ch in line if ch.lower() != ch.upper()]
    return (
        not cased or is_all_caps(line) or all(w[:1].isupper() or not w[:1].isalpha() for w in words)
    )


def _is_lone_masthead(line: str) -> bool:
    cased = [ch for ch in line if ch.lower() != ch.upper()]
    return len(line.split()) <= _MAX_LONE_MASTHEAD_WORDS and (not cased or is_all_caps(line))


def _read_body(parts: PageParts, lines: list[_Line], wrapped: set[int]) -> None:
    """Body paragraphs from the first body line on, without trailers and furniture."""
    kept: list[_Line] = []
    in_related = False
    for i, line in enumerate(lines):
        t = line.text
        if bp.is_end_marker(t) or bp.is_trailer_heading(t) or _is_about_section(lines, i):
            break
        if bp.is_related_marker(t):
            in_related = True
            continue
        if bp.is_always_boilerplate(t) or (_BYLINE.match(t) and not _is_sentence(t)):
            continue  # furniture, or a byline printed below the lede
        if in_related and not line.caption:  # a photo's caption ends a share bar's list
            if len(t.split()) <= _MAX_LIST_LINE_WORDS or not _is_sentence(t):
                continue
            in_related = False
        kept.append(line)
    if kept:
        year = parts.published.year if parts.published else None
        dateline = find_dateline(kept[0].text, year=year)
        if dateline is not None:
            parts.dateline = dateline.place or None
            parts.agency = dateline.agency
            parts.published = parts.published or dateline.date
            kept[0] = _Line(kept[0].text[dateline.end :], kept[0].block)
    # Lines of one block stay one paragraph (joined by "\n"); lists then one join, never a
    # growing string, so a huge single block costs linear time.
    blocks: list[list[str]] = []
    block = None
    for line in kept:
        if line.block != block or not blocks:
            blocks.append([])
        blocks[-1].append(line.text)
        block = line.block
    # A hard-wrapped paragraph is one line of text; other blocks keep their line breaks.
    parts.paragraphs = [
        _unwrap(lines) if kept_block in wrapped else "\n".join(lines)
        for kept_block, lines in zip(_block_ids(kept), blocks, strict=True)
    ]


def _unwrap(lines: list[str]) -> str:
    """Join a hard-wrapped paragraph; a line broken after a hyphen joins without a space."""
    pieces = [lines[0]]
    for previous, line in itertools.pairwise(lines):
        hyphen = previous.endswith("-") and previous[-2:-1].isalpha()
        pieces.append(line if hyphen else " " + line)
    return "".join(pieces)


def _block_ids(lines: list[_Line]) -> list[int]:
    """The block id of each run of lines, in order (one entry per paragraph)."""
    ids: list[int] = []
    for line in lines:
        if not ids or ids[-1] != line.block:
            ids.append(line.block)
    return ids


def _is_about_section(lines: list[_Line], i: int) -> bool:
    """ "About Acme" followed by a paragraph that starts with "Acme": a boilerplate section."""
    match = bp.ABOUT_HEADING.match(lines[i].text)
    if match is None or _is_sentence(lines[i].text) or len(lines[i].text.split()) > 8:
        return False
    if i + 1 >= len(lines):
        return True
    first_word = match.group("name").split()[0].lower()
    return lines[i + 1].text.lower().startswith(first_word)


def _find_publisher(
    parts: PageParts, lines: list[_Line], text: str, *, is_release: bool = False
) -> None:
    """Without a masthead: the page's own boilerplate, a release's issuer, the wire agency."""
    if parts.publisher:
        return
    for line in reversed(lines):
        match = bp.NOT_RESPONSIBLE.match(line.text)
        name = match.group("name") if match else bp.copyright_holder(line.text)
        if name:
            parts.publisher = mixed_case_name(name, text)
            return
    parts.publisher = fallback_publisher(parts, is_release=is_release)


def fallback_publisher(parts: PageParts, *, is_release: bool) -> str | None:
    """A release's issuer (the subject of its "today announced" sentence), else the agency.

    A release (marked as one, or opened by a dateline) is published by the company that
    announces; wire copy without a masthead by the agency its dateline names.
    """
    if parts.paragraphs and (is_release or parts.dateline or parts.agency):
        issuer = release_issuer(parts.paragraphs[0])
        if issuer:
            return issuer
    return parts.agency
