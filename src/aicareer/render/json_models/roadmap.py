"""The --json models of roadmap: see the package docstring."""

from __future__ import annotations

import datetime
from typing import Literal

from aicareer.catalogue.models import TaskKind
from aicareer.render.json_models.base import Doc, Ref, SourceRecord


class Pacing(Doc):
    hours_per_week: int
    total_hours: int
    months: int
    months_needed: float
    fits_in_12_months: bool
    hours_per_week_for_12_months: int | None
    hours_are: str


class EventMonth(Doc):
    """The plan month (1 = the first) in which an event (`event`: its id) falls."""

    event: str
    name: str | None
    plan_month: int


class CertificationOut(Doc):
    """A certification a task names: current or retired (with the day it was retired), price in USD."""

    id: str
    name: str
    status: Literal["current", "retired"]
    retired_on: datetime.date | None
    price_usd: int | None
    price_approximate: bool
    note: str | None
    sources: list[str]


class Edition(Doc):
    """An edition of an event whose dates a source gives."""

    year: int
    first_day: datetime.date
    last_day: datetime.date
    place: str
    sources: list[str]


class EventOut(Doc):
    """A recurring conference a task names: the month it usually falls in and the cited editions."""

    id: str
    name: str
    usual_month: int
    dates: list[Edition]
    note: str | None
    sources: list[str]


class ResourceOut(Doc):
    name: str
    url: str


class PlanTaskOut(Doc):
    """A task of the plan; `month` is the plan month it ends in; `mark` is done, skipped or null."""

    id: str
    title: str
    kind: TaskKind
    hours: int
    roadmap_hours: int
    stage: int | None
    month: int | None
    skills: list[str]
    status: str
    reason: str | None
    mark: str | None
    certifications: list[CertificationOut]
    events: list[EventOut]
    resources: list[ResourceOut]


class MonthEvent(Doc):
    """An event in a plan month (`year`, `month`: its calendar month): its cited edition's days (`cited`:
    true), else only the month it usually falls in."""

    id: str
    name: str
    year: int
    month: int
    cited: bool
    first_day: datetime.date | None
    last_day: datetime.date | None
    place: str | None
    sources: list[str]
    text: str


class Work(Doc):
    """Hours of a task (`task`: its id) done in this month; `part` of `parts` when it spans months."""

    task: str
    title: str
    hours: float
    part: int
    parts: int


class PlanMonthOut(Doc):
    """A card of the plan: one calendar month, or `count` months spent on one long task."""

    number: int
    count: int
    name: str | None
    phase: Ref
    goal: str
    stages: list[int]
    deliverable: str | None
    hours: float
    first_day: datetime.date | None
    last_day: datetime.date | None
    milestones: list[str]
    events: list[MonthEvent]
    work: list[Work]
    tasks: list[PlanTaskOut]


class RoadmapDoc(Doc):
    """`aicareer roadmap --format json`: the personal plan, month by month."""

    reviewed: datetime.date
    data_period: str
    track: Ref
    background: str
    start: datetime.date | None
    headline: str
    pacing: Pacing
    event_months: list[EventMonth]
    tasks: list[PlanTaskOut]
    months: list[PlanMonthOut]
    sources: list[SourceRecord]
