"""The --json models of assess: see the package docstring."""

from __future__ import annotations

import datetime
from typing import Literal

from aicareer.catalogue.models import Weights
from aicareer.render.json_models.base import Doc, Figure, SourceRecord


class Answers(Doc):
    """The answers the assessment used (ids: background, skills, interests, location, industries)."""

    background: str
    experience_years: int
    skills: list[str]
    interests: list[str]
    location: str
    hours_per_week: int
    industries: list[str]
    salary_goal: int | None
    relevant_years: int | None


class AssessMethod(Doc):
    weights: Weights
    level: str
    location: str
    described_in: str


class Reason(Doc):
    """A reason for the score: `+` for, `-` against, `·` neutral."""

    sign: Literal["+", "-", "·"]
    text: str


class SkillGap(Doc):
    """A skill the person lacks for the role: `skill` is its id; `weight` its importance in the fit."""

    skill: str
    name: str
    kind: str
    weight: float
    learn_hours_estimate: int
    note: str | None


class SkillHave(Doc):
    skill: str
    name: str
    kind: str


class MatchSalary(Doc):
    """The role's range for the person's level (id) and location (id); an estimate when adjusted."""

    low: int
    high: int
    open_top: bool
    basis: str
    estimate: bool
    level: str
    location: str
    sources: list[str]


class MatchLevel(Doc):
    """The person's pay level for this role and why (relevant years, skill coverage, or --level)."""

    id: str
    name: str
    why: str
    overridden: bool


class Match(Doc):
    """A role (`role`: its id) with its fit score 0-100 and why."""

    rank: int
    role: str
    name: str
    score: int
    components: dict[str, float | None]
    reasons: list[Reason]
    gaps: list[SkillGap]
    have: list[SkillHave]
    salary: MatchSalary | None
    level: MatchLevel | None
    next: list[str]
    top: bool


class AssessNote(Doc):
    text: str
    figure: Figure | None


class AssessDoc(Doc):
    """`aicareer assess --json`: the roles ranked by fit."""

    reviewed: datetime.date
    data_period: str
    answers: Answers
    level: str
    method: AssessMethod
    matches: list[Match]
    notes: list[AssessNote]
    profile: str | None
    sources: list[SourceRecord]
