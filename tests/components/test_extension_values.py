"""extension_values reads Doc and Span extensions from ``doc.user_data``: same as ``_``.

These fail if a spaCy release changes where ``Underscore`` keeps plain values.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from extractor.components.extension_values import doc_value, span_values

_PLAIN = "test_extension_values_plain"
_GETTER = "test_extension_values_getter"
_MUTABLE = "test_extension_values_mutable"
_SPAN_VALUE = "test_extension_values_span"
_SPAN_GETTER = "test_extension_values_span_getter"
_SPAN_DEFAULT = "test_extension_values_span_default"


def _doc() -> Doc:
    if not Doc.has_extension(_PLAIN):
        Doc.set_extension(_PLAIN, default=None)
        Doc.set_extension(_GETTER, getter=lambda doc: len(doc))
        Doc.set_extension(_MUTABLE, default=[])
        Span.set_extension(_SPAN_VALUE, default=None)
        Span.set_extension(_SPAN_GETTER, getter=lambda span: span.text.upper() or None)
        Span.set_extension(_SPAN_DEFAULT, default="none set")
    return spacy.blank("en")("Tolvik paid $5m and then $7m for the Brenna yard.")


def test_doc_values_equal_the_underscore_reads() -> None:
    doc = _doc()
    assert doc_value(doc, _PLAIN) is None  # unset: the default
    doc._.set(_PLAIN, {(0, 6): "price"})
    for name in (_PLAIN, _GETTER):
        assert doc_value(doc, name) == getattr(doc._, name)
    assert doc_value(doc, _PLAIN) == {(0, 6): "price"}
    assert doc_value(doc, _MUTABLE) == [] == getattr(doc._, _MUTABLE)
    assert doc_value(doc, "test_extension_values_never_registered") is None


def test_span_values_equal_the_underscore_reads() -> None:
    doc = _doc()
    spans = [doc[2:4], doc[5:7], doc[0:1], Span(doc, 2, 4, label="AGAIN")]
    spans[0]._.set(_SPAN_VALUE, "five")
    spans[2]._.set(_SPAN_VALUE, "name")
    spans[1]._.set(_SPAN_DEFAULT, "seven")
    for name in (_SPAN_VALUE, _SPAN_GETTER, _SPAN_DEFAULT):
        assert span_values(doc, spans, name) == [getattr(s._, name) for s in spans]
    # values are keyed by character offsets: a second span over the same text shares them
    assert span_values(doc, spans, _SPAN_VALUE) == ["five", None, "name", "five"]
    assert span_values(doc, spans, _SPAN_DEFAULT)[2] == "none set"
    assert span_values(doc, [], _SPAN_VALUE) == []
