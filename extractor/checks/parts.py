"""Checks on the parts of a deal: cash + shares = total, holding after >= stake bought."""

from __future__ import annotations

from decimal import Decimal

from extractor.checks.intervals import Interval, money_interval, percent_interval
from extractor.facts import CheckFact
from extractor.parsing.values import MoneyValue, PercentValue


def check_parts_sum(parts: list[MoneyValue], total: MoneyValue) -> CheckFact:
    """``parts_sum``: "$4.2bn in cash and $650m in shares ... a $4.85bn deal".

    The parts' intervals are added and compared with the total's interval.
    """
    name = "parts_sum"
    currencies = {p.currency for p in parts} | {total.currency}
    if len(parts) < 2 or len(currencies - {None}) > 1:
        return CheckFact(name, "unknown", "parts are in different currencies or fewer than two")
    low = sum((money_interval(p).low for p in parts), Decimal(0))
    highs = [money_interval(p).high for p in parts]
    high = None if any(h is None for h in highs) else sum(highs, Decimal(0))  # type: ignore[arg-type]
    summed = Interval(low, high)
    stated = money_interval(total)
    ok = summed.overlaps(stated)
    figures = " + ".join(f"{p.amount:,.0f}" for p in parts)
    detail = (
        f"parts {figures} = {sum((p.amount for p in parts), Decimal(0)):,.0f} ({summed}); "
        f"stated total {total.amount:,.0f} ({stated}); " + ("they agree" if ok else "they disagree")
    )
    return CheckFact(name, "pass" if ok else "fail", detail)


def check_stake_after(stake: PercentValue, stake_after: PercentValue) -> CheckFact:
    """``stake_after_ge_stake``: the holding after a purchase is at least the stake bought."""
    name = "stake_after_ge_stake"
    bought = percent_interval(stake)
    after = percent_interval(stake_after)
    if bought is None or after is None:
        return CheckFact(name, "unknown", "a qualitative stake cannot be compared")
    ok = after.high is None or after.high >= bought.low
    detail = f"stake bought {stake.value}%, holding after {stake_after.value}%: " + (
        "holding after is at least the stake" if ok else "holding after is below the stake"
    )
    return CheckFact(name, "pass" if ok else "fail", detail)


def derive_total_from_per_share(
    per_share: MoneyValue, shares: Decimal
) -> tuple[MoneyValue, CheckFact]:
    """Total price from a per-share price and a share count, and a check saying so.

    >>> total, check = derive_total_from_per_share(
    ...     MoneyValue(Decimal("32"), "USD", per_share=True), Decimal("10000000"))
    >>> total.amount, check.status
    (Decimal('320000000'), 'pass')
    """
    iv = money_interval(per_share)
    total = MoneyValue(
        amount=per_share.amount * shares,
        currency=per_share.currency,
        qualifier=per_share.qualifier,
        low=iv.low * shares,
        high=None if iv.high is None else iv.high * shares,
    )
    detail = (
        f"price derived from {per_share.amount:f} {per_share.currency or ''} a share x "
        f"{shares:,.0f} shares = {total.amount:,.0f}; the article gives no total"
    )
    return total, CheckFact("price_from_per_share", "pass", detail)
