"""The --json models of compare: see the package docstring."""

from __future__ import annotations

import datetime
from typing import Literal

from aicareer.catalogue.models import Basis, Track, Trend, Wages
from aicareer.render.json_models.base import Doc, Ref, SourceRecord, SurveyFigure


class PlaceOut(Doc):
    """The place the figures were moved to: the user's word (`id`), its name, and the BLS area used."""

    id: str
    name: str
    bls_area_code: str
    kind: str
    bls_area_name: str
    adjusts: bool
    method: str | None
    article_claim: str | None
    sources: list[str]


class Published(Doc):
    """The article's published base + equity range for the role, as printed."""

    low: int
    high: int
    open_top: bool
    period: str
    sources: list[str]


class LocalOccupation(Doc):
    """One occupation's BLS OEWS base wages in the requested place (or the state or nation it fell back to)."""

    soc: str
    title: str
    mapping_note: str
    requested: str
    area: str | None
    area_kind: str | None
    employment: int | None
    p10: int | None
    p25: int | None
    median: int | None
    p75: int | None
    p90: int | None
    national_median: int | None
    fallback: str
    basis: Literal["base wage"]
    period: str
    sources: list[str]


class LocalBlock(Doc):
    """The local / US ratio of BLS median wages that moves a range to a place (the method of every estimate)."""

    ratio_percentile: Literal["median"]
    ratio: float | None
    ratios: dict[str, float | None]
    socs: list[str]
    weights_national_employment: dict[str, int]
    notes: list[str]
    period: str
    sources: list[str]
    occupations: list[LocalOccupation]


class CompareRole(Doc):
    """One role's range: published, or an estimate (`estimate`: true) by `method`; nulls without a published one."""

    id: str
    name: str
    track: Track
    basis: Basis | None
    low: int | None
    high: int | None
    open_top: bool | None
    midpoint: int | None
    estimate: bool | None
    published: Published | None
    note: str | None
    method: str | None
    bls: LocalBlock | None
    survey_pay: list[SurveyFigure]
    trend: Trend


class ReferenceOccupation(Doc):
    """A BLS reference occupation, national, base wage."""

    id: str
    name: str
    short_name: str
    soc: str
    employment: int
    mean: int
    wages: Wages
    period: str
    sources: list[str]
    p90_open: bool
    median_prior: int | None
    note: str | None
    basis: Literal["base wage"]


class CompareDoc(Doc):
    """`aicareer compare --json`: salary ranges side by side."""

    reviewed: datetime.date
    data_period: str
    currency: Literal["USD"]
    location: PlaceOut | None
    level: Ref | None
    methods: list[str]
    notes: list[str]
    roles: list[CompareRole]
    reference: list[ReferenceOccupation]
    sources: list[SourceRecord]
