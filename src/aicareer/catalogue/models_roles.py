"""Models of sources.yaml, skills.yaml, roles.yaml and occupations.yaml (re-exported by catalogue/models.py)."""

import datetime
from typing import Literal

from aicareer.catalogue.model_base import Model

# --- sources -------------------------------------------------------------------

SourceKind = Literal["article", "primary", "secondary", "editorial"]


class Source(Model, frozen=True):
    id: str
    title: str
    publisher: str
    period: str
    kind: SourceKind
    url: str | None = None
    note: str | None = None


class SourcesFile(Model, frozen=True):
    reviewed: datetime.date
    sources: tuple[Source, ...]


# --- skills --------------------------------------------------------------------


class OnetFlag(Model, frozen=True):
    occupation: str
    hot: bool
    in_demand: bool


class Category(Model, frozen=True):
    id: str
    name: str


class Skill(Model, frozen=True):
    id: str
    name: str
    category: str
    learn_hours: int
    sources: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    onet: tuple[OnetFlag, ...] = ()


class SkillsFile(Model, frozen=True):
    reviewed: datetime.date
    categories: tuple[Category, ...]
    skills: tuple[Skill, ...]


# --- roles ---------------------------------------------------------------------

Track = Literal["technical", "applied"]
Basis = Literal["base+equity", "base wage", "total compensation"]
Unit = Literal["percent", "percent_change", "usd", "count"]


class SalaryRange(Model, frozen=True):
    low: int
    high: int
    basis: Basis
    period: str
    sources: tuple[str, ...]
    open_top: bool = False
    note: str | None = None

    @property
    def midpoint(self) -> int:
        return (self.low + self.high) // 2


class Fact(Model, frozen=True):
    text: str
    period: str
    sources: tuple[str, ...]
    value: float | None = None
    unit: Unit | None = None
    via: str | None = None


class Trend(Model, frozen=True):
    demand: str
    summary: str
    detail: str


class OccupationLink(Model, frozen=True):
    """A BLS/SOC occupation whose wages stand for a role, and why (the mapping's source)."""

    soc: str
    note: str
    sources: tuple[str, ...] = ()


class SurveyPay(Model, frozen=True):
    """A cited survey figure of pay (e.g. Stack Overflow 2025 US total compensation by developer type)."""

    label: str
    median: int
    n: int
    basis: Basis
    period: str
    sources: tuple[str, ...]
    p25: int | None = None
    p75: int | None = None
    note: str | None = None


class Role(Model, frozen=True):
    id: str
    name: str
    short_name: str
    track: Track
    must_have: tuple[str, ...]
    nice_to_have: tuple[str, ...]
    trend: Trend
    example: str
    sources: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    facts: tuple[Fact, ...] = ()
    skill_notes: dict[str, str] = {}
    tools: tuple[str, ...] = ()
    hiring: tuple[str, ...] = ()
    other_titles: tuple[str, ...] = ()
    salary: SalaryRange | None = None
    occupations: tuple[OccupationLink, ...] = ()
    survey_pay: tuple[SurveyPay, ...] = ()


class RolesFile(Model, frozen=True):
    reviewed: datetime.date
    roles: tuple[Role, ...]


# --- reference occupations (BLS) ----------------------------------------------


class Wages(Model, frozen=True):
    p10: int
    p25: int
    median: int
    p75: int
    p90: int


class Occupation(Model, frozen=True):
    id: str
    name: str
    short_name: str
    soc: str
    employment: int
    mean: int
    wages: Wages
    period: str
    sources: tuple[str, ...]
    p90_open: bool = False
    median_prior: int | None = None
    note: str | None = None


class OccupationsFile(Model, frozen=True):
    reviewed: datetime.date
    occupations: tuple[Occupation, ...]
