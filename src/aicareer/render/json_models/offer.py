"""The --json models of offer: see the package docstring."""

from __future__ import annotations

import datetime
from typing import Literal

from aicareer.render.json_models.base import Doc, Ref, SourceRecord


class AmountOrPercent(Doc):
    value: float
    percent: bool


class Vesting(Doc):
    yearly: list[float]
    monthly: bool


class OfferInput(Doc):
    """The offer as given (`name`: its label in the offers file; role, location and level as typed)."""

    name: str
    base: float
    bonus: AmountOrPercent
    sign_on: float
    equity: float
    vesting: Vesting
    cliff: int
    refresh: float
    growth: float
    role: str | None
    location: str | None
    level: str | None


class YearPay(Doc):
    year: int
    base: float
    bonus: float
    sign_on: float
    cash: float
    grant: float
    refresh: float
    equity: float
    total: float


class Assumption(Doc):
    key: str
    text: str


class Range(Doc):
    low: int
    high: int
    open_top: bool
    basis: str
    estimate: bool


class ArticleCheck(Doc):
    """Base + four-year average equity (`figure`) against the article's range for the role, level and place."""

    figure: float
    range: Range | None
    position: str
    method: list[str]
    note: str


class WageCheck(Doc):
    """The base salary against one occupation's BLS percentiles; `lower`/`upper`: [percentile, wage]."""

    soc: str
    occupation: str
    area: str | None
    percentile: int | None
    position: str
    lower: tuple[str, int] | None
    upper: tuple[str, int] | None
    fallback: str


class Placement(Doc):
    """The offer against the market: `article` and `wages` are null / empty without a role and a place."""

    name: str
    role: Ref | None
    place: str | None
    level: str | None
    article: ArticleCheck | None
    wages: list[WageCheck]
    period: str
    note: str
    sources: list[str]


class RankedOffer(Doc):
    rank: int
    name: str
    offer: OfferInput
    years: list[YearPay]
    total: float
    average: float
    difference: float
    difference_percent: float | None
    assumptions: list[Assumption]
    market: Placement


class OfferDoc(Doc):
    """`aicareer offer --json`: offers side by side over four years."""

    reviewed: datetime.date
    data_period: str
    currency: Literal["USD"]
    basis: str
    years: int
    offers: list[RankedOffer]
    common_assumptions: list[Assumption]
    saved_to: str | None
    sources: list[SourceRecord]
