"""What a job offer is worth year by year, and several offers side by side.

Conventions (also returned as data in OfferValue.assumptions, for renderers to print):
- Years 1 to 4 count from the start date: a vest at month 12 falls in year 1, at month 13 in year 2.
- Cash: base unchanged every year (no raises), bonus at target (percent of base or dollars), sign-on in year 1.
- Equity: the grant's value in dollars at the start. A yearly schedule (25/25/25/25, 5/15/40/40) vests a share
  at each anniversary; monthly vesting splits each year's share into twelve equal monthly parts.
- Cliff (months, initial grant only): every part due before the cliff vests at the cliff, at once. Monthly over
  4 years with a 12-month cliff: 12/48 at month 12. Yearly with an 18-month cliff: year 1's share at month 18.
- Refresher: a grant of that value at the end of each year from year 1 (months 12, 24, 36), vesting on the same
  schedule counted from its grant date, without a cliff; so the refresher given at the end of year 1 adds its
  first share in year 2.
- Growth g% a year compounds from each grant's date: a part vesting in year y from a grant made at the end of
  year k (k = 0 for the initial grant) is worth its grant value x (1 + g/100)^(y - k).
- Everything before tax.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import msgspec

from aicareer.core.money import MAX_MONEY, AmountOrPercent, quote

YEARS = 4
FIELDS = ("label", "base", "bonus", "sign_on", "equity", "vesting", "cliff", "refresh", "growth",
          "role", "location", "level")


class OfferError(ValueError):
    """A bad offer or offers file; the message is one line naming the offer and the field."""


class Vesting(msgspec.Struct, frozen=True):
    """Yearly shares of a grant in percent; monthly=True spreads each year's share over its twelve months."""

    yearly: tuple[float, ...] = (25.0, 25.0, 25.0, 25.0)
    monthly: bool = False

    @property
    def months(self) -> int:
        return 12 * len(self.yearly)

    def parts(self) -> list[tuple[int, float]]:
        """(month counted from the grant, fraction of the grant) for every vest."""
        if not self.monthly:
            return [(12 * (i + 1), p / 100) for i, p in enumerate(self.yearly)]
        return [(12 * i + m, p / 1200) for i, p in enumerate(self.yearly) for m in range(1, 13)]

    def __str__(self) -> str:
        if self.monthly and len(set(self.yearly)) == 1:
            return f"monthly over {len(self.yearly)} years"
        return "/".join(f"{p:g}" for p in self.yearly) + (" monthly" if self.monthly else "")


class Offer(msgspec.Struct, frozen=True, kw_only=True):
    """One offer. Money in dollars a year (equity and refresh: grant value); growth in percent a year."""

    label: str
    base: float
    bonus: AmountOrPercent = AmountOrPercent(0.0, percent=False)
    sign_on: float = 0.0
    equity: float = 0.0
    vesting: Vesting = Vesting()
    cliff: int = 12
    """Months; applies to the initial grant only and means nothing without equity."""
    refresh: float = 0.0
    growth: float = 0.0
    role: str | None = None
    location: str | None = None
    level: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.label, str) or not self.label.strip():
            raise OfferError(f"label: expected some text, got {quote(self.label)}")
        for name in ("base", "sign_on", "equity", "refresh"):
            _check_amount(name, getattr(self, name))
        if self.base <= 0:
            raise OfferError("base: must be more than 0")
        _check_amount("bonus", self.bonus.value, limit=1000 if self.bonus.percent else MAX_MONEY)
        if not self.bonus.percent and 0 < self.bonus.value < 100:
            raise OfferError(f"bonus: {self.bonus.value:g} dollars? write {self.bonus.value:g}% for a share of base")
        if not (isinstance(self.growth, (int, float)) and -100 < self.growth <= 1000):
            raise OfferError(f"growth: expected a percentage above -100% and up to 1000%, got {quote(self.growth)}")
        check_vesting(self.vesting)
        if isinstance(self.cliff, bool) or not isinstance(self.cliff, int) or self.cliff < 0:
            raise OfferError(f"cliff: expected whole months (0 or more), got {quote(self.cliff)}")
        if self.cliff > self.vesting.months:
            raise OfferError(f"cliff: {self.cliff} months is longer than the {self.vesting.months}-month vesting")
        for name in ("role", "location", "level"):
            if getattr(self, name) is not None and not isinstance(getattr(self, name), str):
                raise OfferError(f"{name}: expected a name, got {quote(getattr(self, name))}")


def _check_amount(name: str, value: object, limit: float = MAX_MONEY) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise OfferError(f"{name}: expected an amount, got {quote(value)}")
    if value < 0:
        raise OfferError(f"{name}: a negative amount: {quote(value)}")
    if value > limit:
        raise OfferError(f"{name}: {quote(value)} is over {limit:,.0f}; is there a typo?")


def check_vesting(vesting: Vesting) -> None:
    shares = vesting.yearly
    if not 1 <= len(shares) <= 10 or any(not isinstance(p, (int, float)) or not p >= 0 for p in shares):
        raise OfferError(f"vesting: expected 1 to 10 yearly percentages of 0 or more, got {quote(vesting)}")
    if abs(sum(shares) - 100) > 0.01:
        raise OfferError(f"vesting: {vesting} adds up to {sum(shares):g}%, not 100%")


def check_labels(offers: Sequence[Offer]) -> None:
    seen: set[str] = set()
    for offer in offers:
        if offer.label.casefold() in seen:
            raise OfferError(f"two offers are labelled {quote(offer.label)}; give each its own label")
        seen.add(offer.label.casefold())


# --- the computation -----------------------------------------------------------------------------------


class YearPay(msgspec.Struct, frozen=True):
    """One year of an offer, in dollars: cash = base + bonus + sign_on; equity = grant + refresh."""

    year: int
    base: float
    bonus: float
    sign_on: float
    cash: float
    grant: float
    refresh: float
    equity: float
    total: float


class Assumption(msgspec.Struct, frozen=True):
    """A stated assumption: a stable key (tax, base, bonus, equity, vesting, cliff, refresh) and its text."""

    key: str
    text: str


class OfferValue(msgspec.Struct, frozen=True):
    offer: Offer
    years: tuple[YearPay, ...]
    total: float
    """Years 1 to 4 added up."""
    average: float
    """The four-year average a year."""
    assumptions: tuple[Assumption, ...]


class RankedOffer(msgspec.Struct, frozen=True):
    """An offer's place; difference is its four-year average minus the best one's (0 or less)."""

    rank: int
    value: OfferValue
    difference: float
    difference_percent: float


class Comparison(msgspec.Struct, frozen=True):
    """Offers ranked by four-year average (ties share a rank); common = assumptions every offer shares."""

    ranked: tuple[RankedOffer, ...]
    common: tuple[Assumption, ...]


def _vested(grant: float, vesting: Vesting, granted_year: int, cliff: int, growth: float) -> list[float]:
    """Dollars of one grant (made at the end of granted_year; 0 = the start) vesting in each year 1..YEARS."""
    out = [0.0] * YEARS
    for month, share in vesting.parts():
        year = granted_year + (max(month, cliff) - 1) // 12 + 1
        if year <= YEARS:
            out[year - 1] += grant * share * (1 + growth / 100) ** (year - granted_year)
    return out


def value_offer(offer: Offer) -> OfferValue:
    """Cash and equity for years 1 to 4, their total and average, and the assumptions made."""
    bonus = offer.bonus.of(offer.base)
    grant = _vested(offer.equity, offer.vesting, 0, offer.cliff, offer.growth)
    refresh = [0.0] * YEARS
    for granted_year in range(1, YEARS) if offer.refresh else ():
        for i, dollars in enumerate(_vested(offer.refresh, offer.vesting, granted_year, 0, offer.growth)):
            refresh[i] += dollars
    years = []
    for i in range(YEARS):
        sign_on = offer.sign_on if i == 0 else 0.0
        cash, equity = offer.base + bonus + sign_on, grant[i] + refresh[i]
        figures = (offer.base, bonus, sign_on, cash, grant[i], refresh[i], equity, cash + equity)
        years.append(YearPay(i + 1, *(round(f, 2) for f in figures)))
    total = sum(y.total for y in years)
    return OfferValue(offer, tuple(years), round(total, 2), round(total / YEARS, 2), _assumptions(offer))


def _assumptions(offer: Offer) -> tuple[Assumption, ...]:
    said = [Assumption("tax", "before tax"), Assumption("base", "base unchanged for four years (no raises assumed)")]
    if offer.bonus.value:
        said.append(Assumption("bonus", f"bonus at target ({offer.bonus}{' of base' * offer.bonus.percent})"))
    if not (offer.equity or offer.refresh):
        return (*said, Assumption("equity", "no equity"))
    said.append(Assumption("equity", "equity at grant value (no change in its value assumed)" if not offer.growth else
                           f"equity value changing {offer.growth:+g}% a year, compounded from each grant's date"))
    said.append(Assumption("vesting", f"vesting {offer.vesting}"))
    if offer.equity:
        said.append(Assumption("cliff", f"a {offer.cliff}-month cliff: shares due before month {offer.cliff} vest "
                               f"then, at once" if offer.cliff else "no cliff"))
    if offer.refresh:
        said.append(Assumption("refresh", f"a ${offer.refresh:,.0f} refresher granted at the end of each year from "
                               "year 1, vesting on the same schedule from the next year, without a cliff"))
    return tuple(said)


def compare_offers(offers: Sequence[Offer]) -> Comparison:
    """Offers ranked by four-year average, each with its difference from the best in dollars and percent."""
    if not offers:
        raise OfferError("no offers to compare")
    check_labels(offers)
    values = sorted((value_offer(o) for o in offers), key=lambda v: -v.average)
    best = values[0].average
    ranked = tuple(
        RankedOffer(1 + sum(other.average > v.average for other in values), v,
                    round(v.average - best, 2), round((v.average - best) / best * 100, 2))
        for v in values)
    common = tuple(a for a in values[0].assumptions if all(a in v.assumptions for v in values))
    return Comparison(ranked, common)
