"""HTML pages -> title, publisher, date and body paragraphs (beautifulsoup4 with lxml).

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
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import warnings
from typing import Any

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag, XMLParsedAsHTMLWarning
from bs4.element import NavigableString

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


def read_html(html: str) -> PageParts:
    """Read an HTML page: metadata cascade, then the article body's paragraphs.

    Args:
        html: the page as text (already decoded and repaired).

    Returns:
        The page's parts. Truncated or invalid HTML is read as far as lxml recovers it.
    """
    with warnings.catch_warnings():
        # Feeds and XHTML parse fine as HTML here; bs4's advice to the caller is not ours to show.
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(html, "lxml")
    parts = PageParts()
    metas = _meta_tags(soup)
    ld, ld_items = _json_ld(soup)
    title_tag = soup.find("title")
    page_title = _text(title_tag) if isinstance(title_tag, Tag) else None
    # The headline as printed: the page's <h1>, unless that is the site's logo.
    h1_text = _headline(soup, metas.get("og:site_name"))

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
    parts.published = parse_date(published_raw) or _first_time(soup)

    for tag in soup.find_all(["script", "style", "noscript", "template"]):
        tag.decompose()
    container = _container(soup)
    if container is None:
        return parts
    _remove_furniture(container)
    for br in container.find_all("br"):
        br.replace_with("\n")
    paragraphs = _paragraphs(container)
    notes, noted_date = leading_notes(paragraphs)
    paragraphs = paragraphs[notes:]
    if paragraphs and parts.title and _same_text(paragraphs[0], parts.title):
        paragraphs = paragraphs[1:]  # the headline printed as an <h2> inside the article
    parts.published = parts.published or noted_date or url_date(_page_url(soup, metas))
    if not parts.publisher:
        parts.publisher = _footer_publisher(soup, html)
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


def _page_url(soup: BeautifulSoup, metas: dict[str, str]) -> str | None:
    """The article's own address: its canonical link or og:url."""
    link = soup.find("link", rel="canonical")
    href = link.get("href") if isinstance(link, Tag) else None
    return href if isinstance(href, str) else metas.get("og:url")


def _text(tag: Tag) -> str:
    return " ".join(tag.get_text().split())


def _str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _meta_tags(soup: BeautifulSoup) -> dict[str, str]:
    """``<meta>`` values by lower-case property/name/itemprop (first one wins)."""
    metas: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        name = tag.get("property") or tag.get("name") or tag.get("itemprop")
        content = tag.get("content")
        if isinstance(name, str) and isinstance(content, str) and content.strip():
            metas.setdefault(name.strip().lower(), " ".join(content.split()))
    return metas


def _json_ld(soup: BeautifulSoup) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The first JSON-LD object of an article type (or the first object at all), and all."""
    found: list[dict[str, Any]] = []
    for tag in soup.find_all("script", attrs={"type": re.compile("ld\\+json", re.I)}):
        try:
            data = json.loads(tag.get_text() or "null")
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


def _headline(soup: BeautifulSoup, site: str | None) -> str | None:
    """The first <h1> that is not the site's name: not in the page banner, not a logo."""
    site_words = bp.lexicon().site_name_class_words
    for h1 in soup.find_all("h1", limit=10):
        if not isinstance(h1, Tag) or not _class_words(h1).isdisjoint(site_words):
            continue
        names = {p.name for p in h1.parents}
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


def _first_time(soup: BeautifulSoup) -> dt.date | None:
    for tag in soup.find_all("time", limit=20):
        value = tag.get("datetime")
        date = parse_date(value if isinstance(value, str) else _text(tag))
        if date is not None:
            return date
    return None


def _container(soup: BeautifulSoup) -> Tag | None:
    """The element that holds the article's paragraphs.

    ``itemprop=articleBody``; else the ``<article>`` (or ``<main>``) with the most paragraph
    text, if it holds at least ``_MIN_CONTAINER_SHARE`` of the page's paragraph text (teaser
    cards are ``<article>`` elements too); else the element whose own ``<p>`` children carry
    the most text, as readability-style extractors do; else the whole body.
    """
    body = soup.find(attrs={"itemprop": "articleBody"})
    if isinstance(body, Tag):
        return body
    direct: dict[int, int] = {}
    parents: dict[int, Tag] = {}
    total = 0
    all_paragraphs = [p for p in soup.find_all("p") if isinstance(p, Tag)]
    # Paragraphs inside comments, footers or promos never make the article's container
    # (a long comment thread would outweigh a short story); all of them when no other exist.
    furniture: dict[int, bool] = {}
    paragraphs = [p for p in all_paragraphs if not _in_furniture(p, furniture)] or all_paragraphs
    for p in paragraphs:
        size = len(p.get_text())
        total += size
        parent = p.parent
        if isinstance(parent, Tag):
            direct[id(parent)] = direct.get(id(parent), 0) + size
            parents[id(parent)] = parent
    articles = [a for a in soup.find_all("article") if isinstance(a, Tag)]
    mains = [m for m in soup.find_all("main") if isinstance(m, Tag)]
    mains += [m for m in soup.find_all(attrs={"role": "main"}) if isinstance(m, Tag)]
    for candidates in (articles, mains):  # an <article> first: <main> also holds the sidebar
        if candidates:
            best = max(candidates, key=_paragraph_chars)
            if total == 0 or _paragraph_chars(best) >= _MIN_CONTAINER_SHARE * total:
                return best
    if direct:
        return parents[max(direct, key=direct.__getitem__)]
    return soup.body if isinstance(soup.body, Tag) else soup


def _in_furniture(tag: Tag, seen: dict[int, bool]) -> bool:
    """Is the tag inside a furniture element (comments, footer, promo)? Memoised per element."""
    path: list[Tag] = []
    verdict = False
    for parent in tag.parents:
        if not isinstance(parent, Tag) or parent.name in {"body", "html", "[document]"}:
            break
        if id(parent) in seen:
            verdict = seen[id(parent)]
            break
        path.append(parent)
        if _is_furniture(parent):
            verdict = True
            break
    for parent in path:
        seen[id(parent)] = verdict
    return verdict


#: Share of the page's paragraph text an <article>/<main> must hold to be the container.
_MIN_CONTAINER_SHARE = 0.3


def _paragraph_chars(tag: Tag) -> int:
    return sum(len(p.get_text()) for p in tag.find_all("p"))


def _class_words(tag: Tag) -> set[str]:
    raw = []
    for attr in ("class", "id", "role"):
        value = tag.get(attr)
        if isinstance(value, list):
            raw.extend(value)
        elif isinstance(value, str):
            raw.append(value)
    words: set[str] = set()
    for value in raw:
        spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", value)
        words.update(w for w in re.split(r"[\s_\-:.]+", spaced.lower()) if w)
    return words


def _is_furniture(tag: Tag) -> bool:
    if tag.name in _DROP_TAGS:
        return True
    if tag.get("aria-hidden") == "true" or tag.get("hidden") is not None:
        return True
    return not _class_words(tag).isdisjoint(bp.lexicon().html_furniture_class_words)


def _remove_furniture(container: Tag) -> None:
    # Collect first, then decompose: removing while iterating skips elements.
    doomed = [t for t in container.find_all(True) if isinstance(t, Tag) and _is_furniture(t)]
    for tag in doomed:
        if not tag.decomposed:
            tag.decompose()


def _paragraphs(container: Tag) -> list[str]:
    """Paragraph texts in document order, innermost block only, without boilerplate lines."""
    out: list[str] = []
    blocks = [t for t in container.find_all(_PARAGRAPH_TAGS) if isinstance(t, Tag)]
    if not blocks:
        return _loose_lines(container)
    # A block that holds other blocks (<li><p>..</p></li>) is read through its inner ones.
    # Each block marks its nearest block ancestor: linear, where tag.find() per block is not.
    ids = {id(tag) for tag in blocks}
    outer: set[int] = set()
    for tag in blocks:
        for parent in tag.parents:
            if parent is container:
                break
            if id(parent) in ids:
                outer.add(id(parent))
                break
    for tag in blocks:
        if id(tag) in outer:
            continue
        text = _text(tag)
        if not text:
            continue
        if bp.is_end_marker(text) or bp.is_trailer_heading(text):
            break
        if bp.is_always_boilerplate(text) or bp.is_related_marker(text):
            continue
        out.append(text)
    return out


def _loose_lines(container: Tag) -> list[str]:
    """Text outside paragraph tags (``<br>``-separated pages): one paragraph per line."""
    text = container.get_text("\n")
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return [line for line in lines if line and not bp.is_always_boilerplate(line)]


def _footer_publisher(soup: BeautifulSoup, html: str) -> str | None:
    """Last resort: the holder named in a copyright line of the page."""
    for node in soup.find_all(string=bp.COPYRIGHT_ANYWHERE, limit=5):
        if isinstance(node, NavigableString):
            found = bp.COPYRIGHT_ANYWHERE.search(str(node))
            name = bp.copyright_holder(str(node)[found.start() :]) if found else None
            if name:
                return mixed_case_name(name, html)
    return None
