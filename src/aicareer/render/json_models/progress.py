"""The --json models of progress: see the package docstring."""

from __future__ import annotations

import datetime

from aicareer.render.json_models.base import Doc


class PlanBrief(Doc):
    """The saved plan: `track` is its id, `track_name` its name (null in plans saved before names were kept)."""

    track: str | None
    track_name: str | None
    background: str | None
    start: str | None
    hours_per_week: int | None
    saved: str | None
    paced_from: str | None
    replanned: str | None


class WeekTask(Doc):
    id: str
    title: str
    hours: float
    task_hours: int


class Today(Doc):
    """Where today falls against the plan's pace."""

    date: datetime.date
    paced_from: datetime.date
    month: int | None
    month_name: str | None
    state: str
    done_hours: float
    expected_hours: float
    difference_hours: float
    difference_weeks: float
    this_week: list[WeekTask]


class ProgressMonth(Doc):
    number: int
    name: str | None
    done_hours: float
    total_hours: float
    share: float


class TaskRef(Doc):
    id: str
    title: str | None


class TaskMark(Doc):
    id: str
    title: str | None
    mark: str


class ProgressDoc(Doc):
    """`aicareer progress --json`: how far along the saved plan the person is."""

    plan: PlanBrief
    today: Today | None
    done_hours: float
    total_hours: float
    share: float
    done_tasks: int
    skipped_tasks: int
    open_tasks: int
    months: list[ProgressMonth]
    next: list[TaskRef]
    marks: list[TaskMark]
