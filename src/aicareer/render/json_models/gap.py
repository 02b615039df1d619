"""The --json models of gap: see the package docstring."""

from __future__ import annotations

import datetime

import msgspec

from aicareer.render.json_models.assess import SkillHave
from aicareer.render.json_models.base import Doc, SourceRecord


class NotInCatalogue(Doc):
    name: str
    did_you_mean: list[str]


class FoundTerm(Doc):
    term: str
    name: str


class SkillSet(Doc):
    """What the user knows: vocabulary terms, the catalogue's learning skills, names not recognised."""

    terms: list[str]
    learning_skills: list[str]
    not_in_catalogue: list[NotInCatalogue]
    found_in_resume: list[FoundTerm]


class MissingSkill(Doc):
    skill: str
    name: str
    kind: str
    weight: float
    learn_hours_estimate: int
    why: str


class RoleGap(Doc):
    """The role (`role`: its id) against the user's skills; `coverage` 0-1 of the weighted skills."""

    role: str
    name: str
    known_from: str
    coverage: float
    have: list[SkillHave]
    missing: list[MissingSkill]
    hours_to_close_estimate: int


class Requirement(Doc):
    terms: list[str]
    name: str
    section: str
    weight: float
    known: bool
    learning_skills: list[str]


class PostingCoverage(Doc):
    requirement_lines: int
    lines_with_a_known_skill: int
    unread_lines: list[str]
    unknown_terms: list[str]


class PostingGap(Doc):
    """A job posting against the user's skills; `role_fit`: role id -> share of the posting's skills."""

    posting: str
    known_from: str
    match: float
    shown_match: float
    match_caveat: str | None
    requirements: list[Requirement]
    coverage: PostingCoverage
    keywords_to_add: list[str]
    best_role: str | None
    best_role_name: str | None
    role_fit: dict[str, float]


class GapDoc(Doc):
    """`aicareer gap --json`: `role_gap` with a role, `posting` with --job (either or both)."""

    reviewed: datetime.date
    data_period: str
    your_skills: SkillSet
    role_gap: RoleGap | msgspec.UnsetType = msgspec.UNSET
    posting: PostingGap | msgspec.UnsetType = msgspec.UNSET
    sources: list[SourceRecord] = []
