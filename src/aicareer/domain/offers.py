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

import difflib
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

import msgspec

from aicareer.core.money import MAX_MONEY, AmountOrPercent, parse_amount_or_percent, parse_money, parse_percent, quote

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
        _check_vesting(self.vesting)
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


def _check_vesting(vesting: Vesting) -> None:
    shares = vesting.yearly
    if not 1 <= len(shares) <= 10 or any(not isinstance(p, (int, float)) or not p >= 0 for p in shares):
        raise OfferError(f"vesting: expected 1 to 10 yearly percentages of 0 or more, got {quote(vesting)}")
    if abs(sum(shares) - 100) > 0.01:
        raise OfferError(f"vesting: {vesting} adds up to {sum(shares):g}%, not 100%")


# --- reading offers from a YAML/JSON document or from flags -------------------------------------------

_MONTHLY = re.compile(r"monthly(?:\s*(?:over|:|/)?\s*(\d+)\s*(?:y|yr|yrs|years?)?)?", re.IGNORECASE)


def parse_vesting(value: object) -> Vesting:
    """'25/25/25/25', '5,15,40,40', [25, 25, 25, 25], 'monthly' (4 years) or 'monthly 3y'."""
    if isinstance(value, str) and (match := _MONTHLY.fullmatch(value.strip())):
        years = int(match[1] or 4)
        if not 1 <= years <= 10:
            raise OfferError(f"vesting: {quote(value)}: monthly vesting over 1 to 10 years")
        return Vesting(yearly=(100 / years,) * years, monthly=True)
    if isinstance(value, str) and value.strip().lower().endswith("monthly"):
        return Vesting(yearly=parse_vesting(value.strip()[:-7]).yearly, monthly=True)
    parts = re.split(r"\s*[/,]\s*", value.strip()) if isinstance(value, str) else value
    if not isinstance(parts, (list, tuple)):
        raise OfferError(f"vesting: expected yearly percentages like 25/25/25/25, or monthly; got {quote(value)}")
    try:
        vesting = Vesting(yearly=tuple(parse_percent(p) for p in parts))
    except ValueError as exc:
        raise OfferError(f"vesting: {quote(value)}: {exc}") from None
    _check_vesting(vesting)
    return vesting


def _parse_cliff(value: object) -> int:
    text = str(value).strip() if isinstance(value, (int, str)) and not isinstance(value, bool) else ""
    match = re.fullmatch(r"(\d+)\s*(?:m|months?)?", text)
    if match is None:
        raise OfferError(f"cliff: expected whole months like 12 or 0, got {quote(value)}")
    return int(match[1])


def _text(name: str, value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise OfferError(f"{name}: expected text, got {quote(value)}")
    return value.strip() or None


def offer_from_mapping(entry: object, where: str = "offer") -> Offer:
    """One offer from a mapping of FIELDS whose money may be text ('185k', '10%'); flags use this too."""
    if not isinstance(entry, Mapping):
        raise OfferError(f"{where}: expected a mapping of {', '.join(FIELDS)}; got {quote(entry)}")
    given = {str(k).strip().replace("-", "_"): v for k, v in entry.items()}
    label = given.get("label")
    where = f"{where} ({label})" if isinstance(label, str) and label.strip() else where
    for key in entry:
        if str(key).strip().replace("-", "_") not in FIELDS:
            near = difflib.get_close_matches(str(key).replace("-", "_"), FIELDS, n=1)
            hint = f"; did you mean {near[0]}?" if near else f" (known: {', '.join(FIELDS)})"
            raise OfferError(f"{where}: unknown key {quote(key)}{hint}")
    if given.get("base") is None:
        raise OfferError(f"{where}: base: missing (the yearly base salary, e.g. 185k)")
    try:
        fields: dict[str, Any] = {"label": _text("label", label) or where}
        for name, value in given.items():
            if value is None or name == "label":
                continue
            if name in ("base", "sign_on", "equity", "refresh"):
                fields[name] = _prefixed(name, parse_money, value)
            elif name == "bonus":
                fields[name] = _prefixed(name, parse_amount_or_percent, value)
            elif name == "growth":
                fields[name] = _prefixed(name, lambda v: parse_percent(v, allow_negative=True), value)
            elif name == "vesting":
                fields[name] = parse_vesting(value)
            elif name == "cliff":
                fields[name] = _parse_cliff(value)
            else:
                fields[name] = _text(name, value)
        fields.setdefault("cliff", 12 if fields.get("equity") else 0)
        return Offer(**fields)
    except OfferError as exc:
        raise OfferError(f"{where}: {exc}") from None


def _prefixed(name: str, parse: Any, value: object) -> Any:
    try:
        return parse(value)
    except ValueError as exc:
        raise OfferError(f"{name}: {exc}") from None


def offers_from_mapping(data: object) -> list[Offer]:
    """The offers of a document {offers: [{label:, base:, bonus: "10%", ...}, ...]}."""
    if not isinstance(data, Mapping) or set(data) != {"offers"}:
        extra = sorted(str(k) for k in data if k != "offers") if isinstance(data, Mapping) else []
        raise OfferError(f"offers file: unknown key {quote(extra[0])}; only 'offers' is allowed" if extra
                         else "offers file: expected a mapping with one key, 'offers' (see --template)")
    entries = data["offers"]
    if not isinstance(entries, list) or not entries:
        raise OfferError(f"offers file: 'offers' must be a non-empty list, got {quote(entries)}")
    offers = [offer_from_mapping(e, f"offer {i}") for i, e in enumerate(entries, 1)]
    _check_labels(offers)
    return offers


def offer_to_mapping(offer: Offer) -> dict[str, Any]:
    """The offer as a plain mapping that offer_from_mapping reads back unchanged (for saving)."""
    data = {name: getattr(offer, name) for name in FIELDS}
    data["bonus"] = f"{offer.bonus.value!r}%" if offer.bonus.percent else offer.bonus.value
    data["vesting"] = str(offer.vesting) if offer.vesting.monthly else list(offer.vesting.yearly)
    return {k: v for k, v in data.items() if v is not None}


def _check_labels(offers: Sequence[Offer]) -> None:
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
    _check_labels(offers)
    values = sorted((value_offer(o) for o in offers), key=lambda v: -v.average)
    best = values[0].average
    ranked = tuple(
        RankedOffer(1 + sum(other.average > v.average for other in values), v,
                    round(v.average - best, 2), round((v.average - best) / best * 100, 2))
        for v in values)
    common = tuple(a for a in values[0].assumptions if all(a in v.assumptions for v in values))
    return Comparison(ranked, common)


TEMPLATE = """\
# Offers for 'aicareer offer --offers FILE' (YAML; JSON with the same keys works too).
# The numbers below are made-up examples: put your own offers' figures in their place.
# Money: 185000, $185,000, 185k or 1.2m. Only label and base are needed; leave out the rest.
offers:
  - label: Acme AI, San Francisco
    base: 185k              # yearly base salary
    bonus: 10%              # target bonus: a percent of base (10%) or dollars (15k)
    sign_on: 20k            # one-off, paid in year 1
    equity: 400k            # the whole grant's value in dollars when granted
    vesting: 25/25/25/25    # yearly percentages adding to 100 (5/15/40/40), or monthly, or monthly 3y
    cliff: 12               # months before anything vests (default 12 with equity; 0 for no cliff)
    refresh: 0              # a refresher grant's value each year (given at each year's end from year 1)
    growth: 0%              # assumed yearly change in the equity's value (10%, -20%); 0 = grant value
    role: mle               # as 'aicareer roles' lists them
    location: sf            # sf, nyc, austin, remote or us
    level: mid              # entry, mid or senior
  - label: Borealis Labs, Austin
    base: $160,000
    bonus: 15k
    equity: 240k
    vesting: monthly        # equal monthly parts over 4 years; the cliff releases the first 12 at once
    cliff: 12
    refresh: 40k
    role: mle
    location: austin
    level: senior
"""
