"""Money and percentages as people write them: 400k, $185,000, 1.2m, 10%.

The one place that turns such text into numbers. Every failure is a ValueError
with a one-line message that quotes the input (shortened to about 40 characters).
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

import msgspec

MAX_MONEY = 100_000_000
"""Anything above this is taken for a typo (an extra zero, cents for dollars)."""
MAX_PERCENT = 1000.0

_MULTIPLIER = {"": 1, "k": 1_000, "m": 1_000_000}
_MONEY = re.compile(
    r"(?P<minus>-)?\s*\$?\s*(?P<minus2>-)?\s*"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*(?P<suffix>[km]?)",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"(?P<number>[+-]?(?:\d+(?:\.\d+)?|\.\d+))\s*%?")
_NOT_FINITE = {"nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"}
_MONEY_HINT = "write e.g. 185000, $185,000, 185k or 1.2m"


class AmountOrPercent(msgspec.Struct, frozen=True):
    """A figure that is either a percentage of something (10 means 10%) or dollars."""

    value: float
    percent: bool

    def of(self, base: float) -> float:
        """Dollars: the percentage of base, or the dollar amount itself."""
        return base * self.value / 100 if self.percent else self.value

    def __str__(self) -> str:
        return f"{self.value:g}%" if self.percent else f"${self.value:,.0f}"


def quote(value: object, limit: int = 40) -> str:
    """The input as it was given, quoted on one line and cut to about limit characters."""
    text = str(value)
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def _finite_number(value: object, what: str) -> float | None:
    """A float for int/float input (None for text); refuses bools and NaN/inf."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(f"not {what}: {quote(value)}")
    if isinstance(value, str):
        if value.strip().lower() in _NOT_FINITE:
            raise ValueError(f"not a finite number: {quote(value)}")
        return None
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"not a finite number: {quote(value)}")
    return float(value)


def parse_money(value: str | int | float) -> float:
    """Dollars from '400k', '$400,000', '150000', '1.2m', '$185K' or a plain number."""
    number = _finite_number(value, f"an amount of money ({_MONEY_HINT})")
    if number is None:
        match = _MONEY.fullmatch(str(value).strip())
        if match is None:
            raise ValueError(f"not an amount of money: {quote(value)} ({_MONEY_HINT})")
        if match["minus"] and match["minus2"]:
            raise ValueError(f"not an amount of money: {quote(value)} ({_MONEY_HINT})")
        scaled = Decimal(match["number"].replace(",", "")) * _MULTIPLIER[match["suffix"].lower()]
        number = -float(scaled) if (match["minus"] or match["minus2"]) else float(scaled)
    if number < 0:
        raise ValueError(f"a negative amount: {quote(value)}")
    if number > MAX_MONEY:
        raise ValueError(f"an absurd amount: {quote(value)} is over ${MAX_MONEY:,}; is there a typo?")
    return number


def parse_percent(value: str | int | float, *, allow_negative: bool = False) -> float:
    """A percentage from '10%', '12.5 %', '10' or 10 (all meaning ten percent)."""
    number = _finite_number(value, "a percentage (write e.g. 10%)")
    if number is None:
        match = _PERCENT.fullmatch(str(value).strip())
        if match is None:
            raise ValueError(f"not a percentage: {quote(value)} (write e.g. 10%)")
        number = float(match["number"])
    if number < 0 and not allow_negative:
        raise ValueError(f"a negative percentage: {quote(value)}")
    if abs(number) > MAX_PERCENT:
        raise ValueError(f"an absurd percentage: {quote(value)} is beyond {MAX_PERCENT:g}%; is there a typo?")
    return number


def parse_amount_or_percent(value: str | int | float) -> AmountOrPercent:
    """'10%' is a percentage; '15k', '$15,000' or a bare number are dollars."""
    if isinstance(value, str) and value.strip().endswith("%"):
        return AmountOrPercent(parse_percent(value), percent=True)
    return AmountOrPercent(parse_money(value), percent=False)
