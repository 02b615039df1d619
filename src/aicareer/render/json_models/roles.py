"""The --json models of roles, role: see the package docstring."""

from __future__ import annotations

import datetime
from typing import Literal

from aicareer.catalogue.models import Fact, OccupationLink, SalaryRange, Track, Trend
from aicareer.render.json_models.base import Doc, SourceRecord, SurveyFigure


class BlsMedian(Doc):
    """The national BLS OEWS median base wage of a role's first mapped occupation."""

    soc: str
    name: str
    median: int
    period: str
    basis: Literal["base wage"]
    sources: list[str]


class RoleSummary(Doc):
    id: str
    name: str
    track: Track
    aliases: list[str]
    other_titles: list[str]
    salary: SalaryRange | None
    bls_base_median: BlsMedian | None


class RolesDoc(Doc):
    """`aicareer roles --json`: every role."""

    reviewed: datetime.date
    data_period: str
    roles: list[RoleSummary]
    sources: list[SourceRecord]


class SkillNote(Doc):
    """A skill by id and name, with the article's note about it for this role."""

    id: str
    name: str
    note: str | None


class RoleSkills(Doc):
    must_have: list[SkillNote]
    nice_to_have: list[SkillNote]


class RoleDetail(Doc):
    """The role as the data holds it (`sources`: ids of the records it cites), and its skills by name."""

    id: str
    name: str
    short_name: str
    track: Track
    must_have: list[str]
    nice_to_have: list[str]
    trend: Trend
    example: str
    sources: list[str]
    aliases: list[str]
    facts: list[Fact]
    skill_notes: dict[str, str]
    tools: list[str]
    hiring: list[str]
    other_titles: list[str]
    salary: SalaryRange | None
    occupations: list[OccupationLink]
    survey_pay: list[SurveyFigure]
    skills: RoleSkills


class Mapping(Doc):
    """Why the role maps to this occupation (O*NET)."""

    note: str
    sources: list[str]


class BlsBase(Doc):
    """A mapped occupation's national BLS OEWS base wages (null where BLS publishes none)."""

    soc: str
    name: str
    median: int | None
    p10: int | None
    p90: int | None
    area: Literal["national"]
    period: str
    basis: Literal["base wage"]
    sources: list[str]
    mapping: Mapping


class RoleDoc(Doc):
    """`aicareer role ID --json`: one role in full."""

    reviewed: datetime.date
    data_period: str
    role: RoleDetail
    bls_base: list[BlsBase]
    sources: list[SourceRecord]
