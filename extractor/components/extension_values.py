"""Reading the pipeline's ``Doc._`` and ``Span._`` values without an ``Underscore`` per read.

``obj._.name`` of a plain extension (no getter or method, an immutable default) is
``doc.user_data.get(("._.", name, start_char, end_char), default)`` in spaCy's ``Underscore``,
with both offsets None for the Doc itself. Reading that key directly skips building an
``Underscore`` object for every span and every read, which the deal finder and the record
builder do hundreds of times per article. Any other extension (a getter, a method, a mutable
default that ``Underscore`` copies and stores on first read) is read the ordinary way.

This relies on spaCy's storage layout; ``tests/components/test_extension_values.py`` compares
every path with ``obj._`` and fails if a spaCy release changes it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc, Span

#: ``_stored_default``'s answer for an extension that is not a plain stored value.
_NOT_STORED: Any = object()


def _stored_default(owner: type[Doc] | type[Span], name: str) -> Any:
    """The default of a plain extension of ``owner``, or ``_NOT_STORED`` for any other (or
    an unregistered one)."""
    if not owner.has_extension(name):
        return _NOT_STORED
    default, method, getter, _setter = owner.get_extension(name)
    if method is not None or getter is not None or isinstance(default, (dict, list, set)):
        return _NOT_STORED
    return default


def doc_value(doc: Doc, name: str) -> Any:
    """``doc._.name``; None when no component registered the extension."""
    default = _stored_default(Doc, name)
    if default is _NOT_STORED:
        return getattr(doc._, name) if Doc.has_extension(name) else None
    return doc.user_data.get(("._.", name, None, None), default)


def span_values(doc: Doc, spans: Iterable[Span], name: str) -> list[Any]:
    """``span._.name`` of each of ``spans`` (spans of ``doc``), in order."""
    default = _stored_default(Span, name)
    if default is _NOT_STORED:
        return [getattr(s._, name) for s in spans]
    data = doc.user_data
    return [data.get(("._.", name, s.start_char, s.end_char), default) for s in spans]
