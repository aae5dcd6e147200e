"""The one adapter to quantulum3: loaded lazily once, fed short normalised strings, cached.

quantulum3 reads number words and fractions well, but on financial shorthand it goes wrong
(measured with quantulum3 0.9): "$586m" comes out as dollar-metres, "$1bn" and "HK$5.5bn" as
(dollar) barn-newtons, "€1.2bn" as euro barn-newtons, "(US$4.6 billion)" as a negative amount,
"300 million U.S. dollars" as atomic mass units, and "¥221 billion" as yuan whatever the
article says. It also costs ~2-5 s to load and ~45 ms per article. So:

- the money/percent finders never call it on their common path (digits + scale + currency are
  read by ``numbers`` and ``money``); they fall back to it only for number words that
  ``numbers.read_number_words`` cannot read;
- ``read_money`` takes quantulum3's *number* and re-reads currency and scale with our own
  tables, which fixes each misreading above (tested in tests/parsing/test_quantities.py).
"""

from __future__ import annotations

import functools
import logging
import re
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

from extractor.parsing.currencies import CurrencyContext, currency_context
from extractor.parsing.numbers import scale_of, tidy

logger = logging.getLogger(__name__)

__all__ = ["Quantity", "quantulum_quantities", "read_money", "read_number_quantulum"]


class Quantity(NamedTuple):
    """quantulum3's reading, reduced to plain values (never its objects)."""

    value: Decimal
    unit: str
    entity: str
    currency: str | None
    surface: str


@functools.cache
def _parser() -> Any:
    """quantulum3's parser module, imported on first use only (it takes seconds to load)."""
    try:
        from quantulum3 import parser
    except ImportError as e:  # an optional speed-up, never a hard failure
        logger.warning("quantulum3 is not available: %s", e)
        return None
    return parser


_SPACES = re.compile(r"\s+")


def _normalise(text: str) -> str:
    return _SPACES.sub(" ", text.strip().strip("()[]")).strip()


@functools.lru_cache(maxsize=4096)
def quantulum_quantities(text: str) -> tuple[Quantity, ...]:
    """quantulum3's quantities in a short string, cached; () when it cannot say.

    Args:
        text: a short phrase (a figure and its currency), not an article: quantulum3 is slow.
    """
    parser = _parser()
    if parser is None or not isinstance(text, str) or not text.strip():
        return ()
    try:
        parsed = parser.parse(_normalise(text)[:200])
    except Exception as e:  # quantulum3 raises many exception types on odd text
        logger.debug("quantulum3 failed on %r: %s", text, e)
        return ()
    out: list[Quantity] = []
    for q in parsed:
        try:
            value = Decimal(str(q.value))
        except (InvalidOperation, ValueError):
            continue
        entity = q.unit.entity.name if q.unit.entity is not None else ""
        out.append(
            Quantity(value, q.unit.name, entity, getattr(q.unit, "currency_code", None), q.surface)
        )
    return tuple(out)


def read_number_quantulum(text: str) -> Decimal | None:
    """A number in words read by quantulum3 ("one hundred and twenty-five million").

    Returns None unless quantulum3 reads exactly one dimensionless (or currency) quantity.
    """
    found = quantulum_quantities(text)
    if len(found) != 1:
        return None
    return tidy(abs(found[0].value))


_SCALE_AFTER = re.compile(
    r"""
    \d[\d.,]*                     # the digits quantulum3 read
    [\s\u00a0-]?(?P<scale>[A-Za-z]+)  # a scale it may have taken for a unit: m, bn, mln
    """,
    re.VERBOSE,
)


def read_money(
    text: str, context: CurrencyContext | str | None = None
) -> tuple[Decimal, str | None] | None:
    """Amount and currency of one short money phrase, via quantulum3, corrected.

    Our own tables decide the currency (sign, code or word, with the article's context for "$"
    and "¥"); quantulum3's currency is used only when ours finds none. The scale comes from our
    table whenever quantulum3 took it for a unit ("m" as metre, "bn" as barn-newton), and
    accounting parentheses never make an amount negative.

    Args:
        text: a short phrase such as "HK$5.5bn".
        context: a ``CurrencyContext`` or the article text it is derived from.
    """
    from extractor.parsing.money import find_money  # late: money imports nothing from here

    if isinstance(context, str):
        context = currency_context(context)
    found = quantulum_quantities(text)
    if not found:
        return None
    q = found[0]
    value = abs(q.value)
    if q.entity != "currency" or q.unit.count(" ") > 0:
        # "dollar metre", "barn newton", "atomic mass unit": the letters after the digits
        # were a scale or a currency word, not a physical unit.
        m = _SCALE_AFTER.search(text)
        scale = scale_of(m["scale"]) if m is not None else None
        if scale is not None and value < 1000:
            value = value * scale
    ours = find_money(text, context or currency_context(text))
    currency = ours[0].value.currency if ours else q.currency
    return tidy(value), currency
