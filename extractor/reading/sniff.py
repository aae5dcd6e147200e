"""Is a text an HTML page? Kept apart from html.py so that reading plain text never imports lxml."""

from __future__ import annotations

import re

#: Does this text look like an HTML document (rather than text that mentions a tag)?
_HTML_START = re.compile(
    r"""
    \A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*   # optional XML declaration and comments
    <(?:!doctype\s+html|html|head|body|meta|title|article|div|p)\b   # a document-level tag
    """,
    re.VERBOSE | re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(r"</(?:p|div|html|body|article|span|a|li|h[1-6])>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """An HTML document, or a fragment with several closing block tags."""
    head = text[:5000]
    return _HTML_START.match(head) is not None or len(_HTML_TAGS.findall(head)) >= 3
