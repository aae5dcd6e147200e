"""HTML pages -> title, publisher, date and body paragraphs (lxml's HTML parser).

Metadata follows a cascade, as trafilatura does: Open Graph / article meta tags, then JSON-LD,
then the page itself (``<h1>``, ``<time>``, the ``<title>`` without its " | Section | Site"
suffix). Title: the headline as printed, i.e. the first ``<h1>`` that is not the site's logo
or banner (nor a one- or two-word section label when the metadata has a headline), because
og:title is often an SEO variant; else og:title, twitter:title, JSON-LD headline, <title>.
Publisher: og:site_name, JSON-LD publisher (also by ``@id``), application-name, the <title>
suffix, the JSON-LD WebSite name, the copyright footer, a release issuer or wire agency, a
camel-case twitter:site handle. Date: meta tags, JSON-LD, ``<time>``, a date line at the top
of the body ("By X | 4 March 2024", "Published on ..."), a /YYYY/MM/DD/ page URL.

The body is the text of the paragraphs (``<p>``, crossheads ``<h2>``-``<h6>``, list items,
block quotes) inside the article container (``itemprop=articleBody``, else the ``<article>``
with the most paragraph text, else ``<main>``, else the page), after removing furniture:
scripts and styles, nav/header/footer/aside/figure/form elements, and any element whose class
or id names a cookie banner, an ad, a byline, a standfirst ("dek"), related links, tags or
sharing buttons. Text inside ``<script>`` never reaches the body: scripts are removed before
anything is read, and JSON-LD is only ever parsed for metadata.

The tree is lxml's own (libxml2, the parser BeautifulSoup's "lxml" mode drives), read with a
few helpers that see text as BeautifulSoup's ``get_text()`` does: comments and the text of
``<script>``, ``<style>``, ``<template>``, ``<rt>`` and ``<rp>`` left out, a whitespace-only
string (outside ``<pre>``/``<textarea>``) counted as one space or newline, and a removed
element's neighbours kept as separate strings (the reader was first written on BeautifulSoup, and
reads pages exactly as it did); a page costs ~0.7 ms to read this way, ~4.5 ms through it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Iterator
from itertools import islice
from typing import Any

from lxml import etree

from extractor.reading import boilerplate as bp
from extractor.reading.dates import parse_date, url_date
from extractor.reading.plaintext import PageParts, fallback_publisher, leading_notes
from extractor.reading.sniff import looks_like_html
from extractor.reading.wire import find_dateline, mixed_case_name

__all__ = ["looks_like_html", "read_html"]

logger = logging.getLogger(__name__)

#: Elements that are never article text.
_DROP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "embed"}
    | {"video", "audio", "map", "nav", "header", "footer", "aside", "figure", "figcaption"}
    | {"form", "button", "input", "select", "textarea", "label"}
)

#: Block elements whose text makes the body, in document order.
_PARAGRAPH_TAGS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre")

#: JSON-LD @type values that describe an article.
_ARTICLE_TYPES = frozenset(
    {"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle"}
)


#: Elements whose text BeautifulSoup types apart from the page's text (its "string
#: containers"): their strings are not part of any other element's text.
_STRING_CONTAINERS = frozenset({"rt", "rp", "style", "script", "template"})

#: Elements inside which whitespace is kept as it is.
_PRESERVE_WHITESPACE = frozenset({"pre", "textarea"})

#: What BeautifulSoup counts as whitespace when it shortens a whitespace-only string.
_ASCII_SPACES = frozenset("\x20\x0a\x09\x0c\x0d")


def read_html(html: str) -> PageParts:
    """Read an HTML page: metadata cascade, then the article body's paragraphs.

    Args:
        html: the page as text (already decoded and repaired).

    Returns:
        The page's parts. Truncated or invalid HTML is read as far as lxml recovers it.
    """
    page = _parse(html)
    parts = PageParts()
    metas = _meta_tags(page)
    ld, ld_items = _json_ld(page)
    title_tag = next(page.iter("title"), None)
    page_title = _text(title_tag) if title_tag is not None else None
    # The headline as printed: the page's <h1>, unless that is the site's logo.
    h1_text = _headline(page, metas.get("og:site_name"))

    parts.publisher = (
        metas.get("og:site_name")
        or _ld_name(ld.get("publisher"), ld_items)
        or metas.get("application-name")
        or metas.get("publisher")
        or metas.get("dc.publisher")
        or _title_suffix(page_title, h1_text or metas.get("og:title"))
        or _ld_site_name(ld_items)
    )
    meta_title = metas.get("og:title") or metas.get("twitter:title") or _str(ld.get("headline"))
    if h1_text and (
        (parts.publisher and _same_text(h1_text, parts.publisher))
        or bp.is_section_label(h1_text)
        or (meta_title and len(h1_text.split()) < _MIN_H1_WORDS)
    ):
        h1_text = None  # the site's name or a section label ("Business"), not the headline
    title = (
        h1_text
        or metas.get("og:title")
        or metas.get("twitter:title")
        or _str(ld.get("headline"))
        or _strip_site(page_title, parts.publisher)
    )
    parts.title = _strip_site(title, parts.publisher) if title else None
    published_raw = (
        metas.get("article:published_time")
        or metas.get("og:published_time")
        or metas.get("datepublished")
        or metas.get("pubdate")
        or metas.get("publish-date")
        or metas.get("date")
        or metas.get("dc.date")
        or metas.get("parsely-pub-date")
        or _str(ld.get("datePublished"))
    )
    parts.published = parse_date(published_raw) or _first_time(page)

    for tag in list(page.iter("script", "style", "noscript", "template")):
        _remove(tag)
    # Checked once: removing furniture below takes elements out, never puts any in.
    plain = _is_plain(page)
    # Attribute names come from the source as written, in any case: without "itemprop" in
    # the lower-cased page, no element has that attribute.
    # (``ascii_folded``: "itemprop" is ASCII; no other character lower-cases into its letters.)
    itemprop = b"itemprop" in bp.ascii_folded(html)
    container = _container(page, plain=plain, itemprop=itemprop)
    if container is None:
        return parts
    _remove_furniture(container)
    paragraphs = _paragraphs(container, plain=plain)
    notes, noted_date = leading_notes(paragraphs)
    paragraphs = paragraphs[notes:]
    if paragraphs and parts.title and _same_text(paragraphs[0], parts.title):
        paragraphs = paragraphs[1:]  # the headline printed as an <h2> inside the article
    parts.published = parts.published or noted_date or url_date(_page_url(page, metas))
    if not parts.publisher:
        parts.publisher = _footer_publisher(page, html)
    if paragraphs:
        year = parts.published.year if parts.published else None
        dateline = find_dateline(paragraphs[0], year=year)
        if dateline is not None:
            parts.dateline = dateline.place or None
            parts.agency = dateline.agency
            parts.published = parts.published or dateline.date
            paragraphs[0] = paragraphs[0][dateline.end :]
    parts.paragraphs = paragraphs
    if not parts.publisher:
        parts.publisher = fallback_publisher(parts, is_release=False) or _handle_name(
            metas.get("twitter:site")
        )
    return parts


def _parse(html: str) -> etree._Element:
    """The page as one tree under a bare ``<document>`` element.

    The wrapper stands for the document itself (its ``<html>`` and the comments around it),
    so the whole page can be a container like any element.
    """
    # huge_tree lifts libxml2's limit of 256 nested elements when it builds a tree (a
    # BeautifulSoup target never hit it); pages stay under the API's 5 MB input limit.
    parser = etree.HTMLParser(recover=True, huge_tree=True)
    parser.feed(html)
    page = etree.Element("document")
    try:
        root = parser.close()
    except etree.XMLSyntaxError:  # nothing lxml could build a tree from
        return page
    if root is None:  # only end tags and comments ("</p></p>"): the comments are the page
        for text in _comments(html):
            mark = etree.Comment("")
            mark.text = text  # set, not passed: the constructor rejects "--" in a comment
            page.append(mark)
        return page
    before = list(root.itersiblings(preceding=True))[::-1]
    after = list(root.itersiblings())
    for node in (*before, root, *after):
        page.append(node)
    return page


class _CommentCollector:
    """An lxml parser target that keeps the comments of a page and nothing else."""

    def __init__(self) -> None:
        self.comments: list[str] = []

    def comment(self, text: str) -> None:
        self.comments.append(text)

    def close(self) -> list[str]:
        return self.comments


def _comments(html: str) -> list[str]:
    """The comments of a page that has no element lxml keeps."""
    parser = etree.HTMLParser(target=_CommentCollector(), recover=True)
    parser.feed(html)
    comments: list[str] = parser.close()
    return comments


def _remove(tag: etree._Element) -> None:
    """Take an element out of the page; the text after it stays a string of its own.

    An empty comment takes the element's place and keeps its tail, as BeautifulSoup keeps
    the strings on either side of a removed element apart (they read as separate lines).
    """
    parent = tag.getparent()
    if parent is None:
        return
    mark = etree.Comment("")
    mark.tail = tag.tail
    parent.replace(tag, mark)


def _strings(tag: etree._Element, *, br_newlines: bool = False) -> list[str]:
    """The element's text strings in document order, as BeautifulSoup's ``get_text()``.

    Args:
        tag: the element.
        br_newlines: read each ``<br>`` as a newline string (inside the article container).

    Returns:
        The strings: the text of comments and of string containers (``<script>``, ``<rt>``
        ...) other than ``tag``'s own kind left out; whitespace-only strings shortened.
    """
    kind = None
    keep = False
    for node in (tag, *tag.iterancestors()):
        if kind is None and node.tag in _STRING_CONTAINERS:
            kind = node.tag
        keep = keep or node.tag in _PRESERVE_WHITESPACE
    want = tag.tag if tag.tag in _STRING_CONTAINERS else None
    out: list[str] = []
    _collect(tag, kind, keep, want, br_newlines, out)
    return out


def _collect(
    tag: etree._Element,
    kind: str | None,
    keep: bool,
    want: str | None,
    br_newlines: bool,
    out: list[str],
) -> None:
    """Append the strings of ``tag`` of kind ``want`` to ``out`` (see ``_strings``).

    A loop over a stack, not recursion: pages can nest elements thousands deep. An entry is
    an element to read, or (element None) a string to append: a tail, or a ``<br>``'s newline.
    """
    stack: list[tuple[etree._Element | None, str, str | None, bool]] = [(tag, "", kind, keep)]
    while stack:
        node, text, kind, keep = stack.pop()
        if node is None:
            if kind == want:
                out.append(text if keep else _shorten(text))
            continue
        if node.text and kind == want:
            out.append(node.text if keep else _shorten(node.text))
        for child in reversed(node):  # pushed last to first: read first to last
            if child.tail:
                stack.append((None, child.tail, kind, keep))
            name = child.tag
            if not isinstance(name, str):
                continue  # a comment: only its tail is text
            if br_newlines and name == "br":
                # The newline is page text of no container's kind: read when ``want`` is None.
                stack.append((None, "\n", None, True))
            else:
                child_kind = name if name in _STRING_CONTAINERS else kind
                stack.append((child, "", child_kind, keep or name in _PRESERVE_WHITESPACE))


def _shorten(text: str) -> str:
    """A whitespace-only string as BeautifulSoup stores it: one newline or one space."""
    if not _ASCII_SPACES.issuperset(text):
        return text
    return "\n" if "\n" in text else " "


#: Elements that make ``_strings`` read text otherwise than lxml's ``itertext()``.
_SPECIAL_TEXT_TAGS = (*sorted(_STRING_CONTAINERS), *sorted(_PRESERVE_WHITESPACE))


def _is_plain(page: etree._Element) -> bool:
    """Does the page hold no string container (``<rt>``, ``<style>``...), ``<pre>`` or
    ``<textarea>``? Then no string of any element is typed apart or kept as it is, and an
    element's ``_strings`` (without ``br_newlines``) are its ``itertext()`` strings, empty ones
    left out and whitespace-only ones shortened: both read the element's text, then each
    child's text and tail in document order, and skip the text (not the tail) of comments.
    """
    return next(page.iter(*_SPECIAL_TEXT_TAGS), None) is None


def _all_strings(tag: etree._Element) -> Iterator[str]:
    """Every string below ``tag`` in document order, comments and scripts included."""
    stack: list[etree._Element | str] = [tag]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            yield node  # a tail
            continue
        if node.text:
            yield node.text  # an element's first text, or a comment's text
        if not isinstance(node.tag, str):
            continue
        for child in reversed(node):
            if child.tail:
                stack.append(child.tail)
            stack.append(child)


def _page_url(page: etree._Element, metas: dict[str, str]) -> str | None:
    """The article's own address: its canonical link or og:url."""
    link = next((t for t in page.iter("link") if _has_value(t.get("rel"), "canonical")), None)
    href = link.get("href") if link is not None else None
    return href if isinstance(href, str) else metas.get("og:url")


def _has_value(value: str | None, wanted: str) -> bool:
    """Does a space-separated attribute (``rel``) hold ``wanted`` as one of its values?"""
    return value is not None and (value == wanted or wanted in value.split())


def _text(tag: etree._Element) -> str:
    return " ".join("".join(_strings(tag)).split())


def _str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _meta_tags(page: etree._Element) -> dict[str, str]:
    """``<meta>`` values by lower-case property/name/itemprop (first one wins)."""
    metas: dict[str, str] = {}
    for tag in page.iter("meta"):
        name = tag.get("property") or tag.get("name") or tag.get("itemprop")
        content = tag.get("content")
        if isinstance(name, str) and isinstance(content, str) and content.strip():
            metas.setdefault(name.strip().lower(), " ".join(content.split()))
    return metas


#: The ``type`` of a JSON-LD script.
_LD_JSON = re.compile("ld\\+json", re.I)


def _json_ld(page: etree._Element) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The first JSON-LD object of an article type (or the first object at all), and all."""
    found: list[dict[str, Any]] = []
    for tag in page.iter("script"):
        kind = tag.get("type")
        if kind is None or not _LD_JSON.search(kind):
            continue
        try:
            data = json.loads("".join(_strings(tag)) or "null")
        except (ValueError, RecursionError):
            logger.debug("skipping a JSON-LD block that is not valid JSON")
            continue
        stack = [data]
        while stack and len(found) < 50:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                found.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(reversed(item["@graph"]))
    for item in found:
        kinds = item.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds):
            return item, found
    return (found[0] if found else {}), found


def _ld_name(value: Any, items: list[dict[str, Any]]) -> str | None:
    """A JSON-LD name: inline, or through an ``@id`` reference to another item."""
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        name = _str(value.get("name"))
        ref = value.get("@id")
        if name is None and isinstance(ref, str):
            target = next((i for i in items if i.get("@id") == ref and i is not value), None)
            return _str(target.get("name")) if target else None
        return name
    return _str(value)


def _ld_site_name(items: list[dict[str, Any]]) -> str | None:
    """The name of the page's ``WebSite`` item, when the article names no publisher."""
    for item in items:
        kinds = item.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if "WebSite" in kinds:
            return _str(item.get("name"))
    return None


#: A social-media handle written in camel case: "@HarbourPost" -> "Harbour Post".
_CAMEL_WORD = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|\d+")


def _handle_name(handle: str | None) -> str | None:
    """The site name spelled by a camel-case handle ("@OakfieldTimes"), else None.

    >>> _handle_name("@OakfieldTimes")
    'Oakfield Times'
    >>> _handle_name("@oakfield") is None
    True
    """
    if not handle or not handle.startswith("@"):
        return None
    words = _CAMEL_WORD.findall(handle[1:])
    if len(words) < 2 or "".join(words) != handle[1:]:
        return None
    return " ".join(words)


#: Fewest words of an <h1> preferred over the metadata's headline ("Business" is a section).
_MIN_H1_WORDS = 3

#: Ancestors of an <h1> that make it the site's banner, not the story's headline.
_BANNER_TAGS = frozenset({"header", "nav", "footer", "aside"})


def _headline(page: etree._Element, site: str | None) -> str | None:
    """The first <h1> that is not the site's name: not in the page banner, not a logo."""
    site_words = bp.lexicon().site_name_class_words
    for h1 in islice(page.iter("h1"), 10):
        if not _class_words(h1).isdisjoint(site_words):
            continue
        names = {p.tag for p in h1.iterancestors()}
        if names & _BANNER_TAGS and not names & {"article", "main"}:
            continue
        text = _text(h1)
        if text and not (site and _same_text(text, site)):
            return text
    return None


#: " | Site", " - Site", " — Site", " :: Site" at the end of a <title>.
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|•|«|»)\s+")


def _title_suffix(page_title: str | None, headline: str | None) -> str | None:
    """The site name after the last separator of the <title>, when the rest is the headline.

    A section between them is allowed: "Headline | Markets | Site".
    """
    if not page_title:
        return None
    pieces = _TITLE_SEPARATOR.split(page_title)
    if len(pieces) < 2:
        return None
    head, site = " ".join(pieces[:-1]), pieces[-1].strip()
    if headline and not (_same_text(head, headline) or _same_text(pieces[0], headline)):
        return None
    if len(site.split()) > 6:
        return None
    return site or None


#: Longest section name between a headline and the site name in a <title>.
_MAX_SECTION_WORDS = 3


def _strip_site(title: str | None, site: str | None) -> str | None:
    """Remove a trailing " | Site" (and a " | Section" before it) from a title."""
    if not title:
        return None
    pieces = _TITLE_SEPARATOR.split(title)
    if len(pieces) >= 2:
        last = pieces[-1].strip()
        if (site and _same_text(last, site)) or (site is None and len(last.split()) <= 4):
            stripped = title[: title.rfind(last)].rstrip(" |-–—:·•«»") or title
            # "Headline | Markets": a short section left between pipes goes too.
            head, bar, section = stripped.rpartition(" | ")
            if bar and head and len(section.split()) <= _MAX_SECTION_WORDS:
                return head.rstrip()
            return stripped
    return title


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _first_time(page: etree._Element) -> dt.date | None:
    for tag in islice(page.iter("time"), 20):
        value = tag.get("datetime")
        date = parse_date(value if isinstance(value, str) else _text(tag))
        if date is not None:
            return date
    return None


def _container(
    page: etree._Element, *, plain: bool = False, itemprop: bool = True
) -> etree._Element | None:
    """The element that holds the article's paragraphs.

    ``itemprop=articleBody``; else the ``<article>`` (or ``<main>``) with the most paragraph
    text, if it holds at least ``_MIN_CONTAINER_SHARE`` of the page's paragraph text (teaser
    cards are ``<article>`` elements too); else the element whose own ``<p>`` children carry
    the most text, as readability-style extractors do; else the whole body. ``plain``: the
    page passes ``_is_plain``; ``itemprop`` False: no element has an ``itemprop``.
    """
    if itemprop:
        elements = page.iterdescendants(etree.Element)
        body = next((t for t in elements if t.get("itemprop") == "articleBody"), None)
        if body is not None:
            return body
    direct: dict[etree._Element, int] = {}
    total = 0
    sizes: dict[etree._Element, int] = {}  # each <p>'s text length, read once
    all_paragraphs = list(page.iter("p"))
    # Paragraphs inside comments, footers or promos never make the article's container
    # (a long comment thread would outweigh a short story); all of them when no other exist.
    furniture: dict[etree._Element, bool] = {}
    paragraphs = [p for p in all_paragraphs if not _in_furniture(p, furniture)] or all_paragraphs
    for p in paragraphs:
        size = sizes[p] = _text_length(p, plain)
        total += size
        parent = p.getparent()
        if parent is not None:
            direct[parent] = direct.get(parent, 0) + size

    def paragraph_chars(tag: etree._Element) -> int:
        return sum(
            sizes[p] if p in sizes else _text_length(p, plain) for p in tag.iterdescendants("p")
        )

    def chosen(candidates: list[etree._Element]) -> etree._Element | None:
        if not candidates:
            return None
        best = max(candidates, key=paragraph_chars)
        if total == 0 or paragraph_chars(best) >= _MIN_CONTAINER_SHARE * total:
            return best
        return None

    # An <article> first: <main> also holds the sidebar (the mains are only looked for then).
    found = chosen(list(page.iter("article")))
    if found is None:
        elements = page.iterdescendants(etree.Element)
        found = chosen([*page.iter("main"), *(t for t in elements if t.get("role") == "main")])
    if found is not None:
        return found
    if direct:
        return max(direct, key=direct.__getitem__)
    return next(page.iter("body"), page)


def _text_length(tag: etree._Element, plain: bool = False) -> int:
    """The length of the element's text as ``_strings`` reads it (see ``_is_plain``)."""
    if plain:
        return sum(len(_shorten(s)) for s in tag.itertext() if s)
    return sum(map(len, _strings(tag)))


def _in_furniture(tag: etree._Element, seen: dict[etree._Element, bool]) -> bool:
    """Is the tag inside a furniture element (comments, footer, promo)? Memoised per element."""
    path: list[etree._Element] = []
    verdict = False
    for parent in tag.iterancestors():
        if parent.tag in {"body", "html"} or parent.getparent() is None:
            break  # the page itself
        if parent in seen:
            verdict = seen[parent]
            break
        path.append(parent)
        if _is_furniture(parent):
            verdict = True
            break
    for parent in path:
        seen[parent] = verdict
    return verdict


#: Share of the page's paragraph text an <article>/<main> must hold to be the container.
_MIN_CONTAINER_SHARE = 0.3

#: A lower-case letter then a capital, inside a camel-case class name ("shareBar").
_CAMEL_BOUNDARY = re.compile(r"([a-z])([A-Z])")
#: What separates the words of a class name or id.
_CLASS_SEPARATOR = re.compile(r"[\s_\-:.]+")


def _class_words(tag: etree._Element) -> set[str]:
    words: set[str] = set()
    for attr in ("class", "id", "role"):
        value = tag.get(attr)
        if value:
            # A value without capitals has no camel-case boundary (most class names).
            spaced = value if value.islower() else _CAMEL_BOUNDARY.sub(r"\1 \2", value)
            words.update(w for w in _CLASS_SEPARATOR.split(spaced.lower()) if w)
    return words


def _is_furniture(tag: etree._Element) -> bool:
    if tag.tag in _DROP_TAGS:
        return True
    if tag.get("aria-hidden") == "true" or tag.get("hidden") is not None:
        return True
    return not _class_words(tag).isdisjoint(bp.lexicon().html_furniture_class_words)


def _remove_furniture(container: etree._Element) -> None:
    # Collect first, then remove: removing while iterating skips elements.
    doomed = [t for t in container.iterdescendants(etree.Element) if _is_furniture(t)]
    for tag in doomed:
        _remove(tag)


def _paragraphs(container: etree._Element, *, plain: bool = False) -> list[str]:
    """Paragraph texts in document order, innermost block only, without boilerplate lines.

    ``plain``: the page passes ``_is_plain``.
    """
    out: list[str] = []
    blocks = list(container.iterdescendants(*_PARAGRAPH_TAGS))
    if not blocks:
        return _loose_lines(container)
    # Without <br> (whose newline ``_strings`` adds), a plain page's block text is its
    # ``itertext()``: the strings ``_strings`` shortens are white space, and stay white space,
    # so joining and splitting at white space gives the same words either way.
    itertext = plain and next(container.iter("br"), None) is None
    # A block that holds other blocks (<li><p>..</p></li>) is read through its inner ones.
    # Each block marks its nearest block ancestor: linear, where a search per block is not.
    ids = set(blocks)
    outer: set[etree._Element] = set()
    for tag in blocks:
        for parent in tag.iterancestors():
            if parent is container:
                break
            if parent in ids:
                outer.add(parent)
                break
    for tag in blocks:
        if tag in outer:
            continue
        strings = tag.itertext() if itertext else _strings(tag, br_newlines=True)
        text = " ".join("".join(strings).split())
        if not text:
            continue
        if bp.is_end_marker(text) or bp.is_trailer_heading(text):
            break
        if bp.is_always_boilerplate(text) or bp.is_related_marker(text):
            continue
        out.append(text)
    return out


def _loose_lines(container: etree._Element) -> list[str]:
    """Text outside paragraph tags (``<br>``-separated pages): one paragraph per line."""
    text = "\n".join(_strings(container, br_newlines=True))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return [line for line in lines if line and not bp.is_always_boilerplate(line)]


def _footer_publisher(page: etree._Element, html: str) -> str | None:
    """Last resort: the holder named in a copyright line of the page."""
    strings = (s for s in _all_strings(page) if bp.COPYRIGHT_ANYWHERE.search(s))
    for string in islice(strings, 5):
        found = bp.COPYRIGHT_ANYWHERE.search(string)
        name = bp.copyright_holder(string[found.start() :]) if found else None
        if name:
            return mixed_case_name(name, html)
    return None
