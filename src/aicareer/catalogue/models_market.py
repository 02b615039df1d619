"""Models of market.yaml: figures, hotspots, metro medians, industries, adjustments (re-exported by catalogue/models.py)."""

import datetime
from typing import Literal

from aicareer.catalogue.model_base import Model
from aicareer.catalogue.models_roles import Unit

# --- market --------------------------------------------------------------------


class Figure(Model, frozen=True):
    id: str
    label: str
    value: float
    unit: Unit
    period: str
    sources: tuple[str, ...]
    value_high: float | None = None
    via: str | None = None
    note: str | None = None


class Hotspot(Model, frozen=True):
    id: str
    name: str
    summary: str
    sources: tuple[str, ...]
    rank: int | None = None


class Metro(Model, frozen=True):
    name: str
    median: int
    employment: int


class MetroMedians(Model, frozen=True):
    occupation: str
    national_median: int
    period: str
    sources: tuple[str, ...]
    metros: tuple[Metro, ...]


class Employer(Model, frozen=True):
    name: str
    focus: str
    roles: tuple[str, ...] = ()


class Industry(Model, frozen=True):
    id: str
    name: str
    status: Literal["hiring", "cooling"]
    sources: tuple[str, ...]
    summary: str | None = None
    employers: tuple[Employer, ...] = ()


class LocationAdjustment(Model, frozen=True):
    id: str
    name: str
    premium_low: float
    premium_high: float
    method: str
    sources: tuple[str, ...]


class LevelAdjustment(Model, frozen=True):
    id: str
    name: str
    band_low: float
    band_high: float
    method: str


class Adjustments(Model, frozen=True):
    locations: tuple[LocationAdjustment, ...]
    levels: tuple[LevelAdjustment, ...]


class MarketFile(Model, frozen=True):
    reviewed: datetime.date
    figures: tuple[Figure, ...]
    hotspots: tuple[Hotspot, ...]
    metro_medians: MetroMedians
    industries: tuple[Industry, ...]
    adjustments: Adjustments
