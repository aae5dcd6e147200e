"""The entry points: ``extract`` (one string or bytes) and ``extract_file`` (one path)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from extractor.assemble import assemble_record
from extractor.components.sentences import TEXT_KEY
from extractor.errors import InputError
from extractor.models import ArticleRecord
from extractor.nlp import get_nlp
from extractor.reading import Article, read_article

logger = logging.getLogger(__name__)

#: Largest input accepted, in bytes (UTF-8 size for str input). News articles are a few tens of
#: kB and saved pages rarely pass 2 MB; past this the input is almost surely not an article, and
#: the pipeline's time and memory grow with it. Larger input raises ``InputError`` at once.
MAX_INPUT_BYTES = 5_000_000

#: Most bytes UTF-8 takes for one character (what a str input's size is counted in).
_MAX_UTF8_BYTES_PER_CHAR = 4


def extract(
    data: str | bytes,
    *,
    source: str | None = None,
    model: str | None = None,
    nlp: Language | None = None,
) -> ArticleRecord:
    """Extract one article's record from plain text or HTML, as ``str`` or raw ``bytes``.

    Args:
        data: the article; HTML is detected, bytes are decoded with encoding detection.
        source: where it came from (a path or URL), copied into the record.
        model: name or path of an installed spaCy pipeline whose NER feeds ours.
        nlp: a pipeline built with ``extractor.nlp.build_nlp`` (overrides ``model``).

    Empty or whitespace-only input gives an empty record with a warning, not an error.

    Raises:
        InputError: the input is not text, is binary data, is larger than
            ``MAX_INPUT_BYTES``, or its body is longer than
            ``extractor.reading.MAX_BODY_CHARS`` (see ``extractor.reading`` for all limits).
        ConfigError: ``model`` cannot be loaded.
    """
    if not isinstance(data, (str, bytes, bytearray)):
        raise InputError(f"extract() takes str or bytes, not {type(data).__name__}")
    if isinstance(data, (bytes, bytearray)):
        size = len(data)
    elif len(data) * _MAX_UTF8_BYTES_PER_CHAR <= MAX_INPUT_BYTES:
        size = 0  # within the limit whatever its characters: no need to encode it to count
    else:
        size = len(data.encode("utf-8", "replace"))
    if size > MAX_INPUT_BYTES:
        raise InputError(
            f"input of {size:,} bytes is larger than the limit of {MAX_INPUT_BYTES:,} bytes; "
            "split it into articles first"
        )
    article = read_article(bytes(data) if isinstance(data, bytearray) else data, source=source)
    pipeline = nlp if nlp is not None else get_nlp(model)
    doc = process_article(pipeline, article)
    return assemble_record(doc, article)


def extract_file(
    path: str | os.PathLike[str], *, model: str | None = None, nlp: Language | None = None
) -> ArticleRecord:
    """Read a file's bytes (never assuming UTF-8) and extract its record.

    Raises:
        InputError: the file cannot be read, or its content is not an article.
    """
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read {str(file)!r}: {e.strerror or e}") from e
    return extract(data, source=str(file), model=model, nlp=nlp)


def process_article(nlp: Language, article: Article) -> Doc:
    """Run the pipeline over an article's body, with its publication date on the Doc."""
    doc = nlp.make_doc(article.text)
    # The tokenizer keeps the text exactly; components read it from here instead of
    # rebuilding ``doc.text`` token by token (see ``doc_text``).
    doc.user_data[TEXT_KEY] = article.text
    doc._.extractor_published = article.published
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
