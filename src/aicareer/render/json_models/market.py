"""The --json models of market, locations: see the package docstring."""

from __future__ import annotations

import datetime
from typing import Literal

from aicareer.catalogue.models import Adjustments, Hotspot, Industry, MetroMedians
from aicareer.render.json_models.base import Doc, Figure, SourceRecord


class AreaWage(Doc):
    area: str
    median: int
    employment: int


class MetroOccupation(Doc):
    """One occupation the roles map to (`roles`: their names): the metros paying most and employing most."""

    soc: str
    title: str
    roles: list[str]
    national_median: int | None
    national_employment: int | None
    by_median: list[AreaWage]
    by_employment: list[AreaWage]


class OccupationMetros(Doc):
    period: str | None
    sources: list[str]
    basis: Literal["base wage"]
    occupations: list[MetroOccupation]


class MarketDoc(Doc):
    """`aicareer market --json`: the market figures, hotspots, industries and BLS metro wages."""

    reviewed: datetime.date
    data_period: str
    figures: list[Figure]
    hotspots: list[Hotspot]
    metro_medians: MetroMedians
    industries: list[Industry]
    adjustments: Adjustments
    occupation_metros: OccupationMetros
    sources: list[SourceRecord]


class PlaceFound(Doc):
    name: str
    kind: str
    bls_area_code: str
    states: list[str]
    note: str | None


class LocationsDoc(Doc):
    """`aicareer locations [QUERY] --json`: the BLS areas a place name can mean."""

    query: str | None
    count: int
    data_period: str
    places: list[PlaceFound]
