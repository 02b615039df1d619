"""The personal plan's data: tasks, stages, months, pacing (see domain/roadmap.py). Pure."""

from __future__ import annotations

import datetime
import math
from typing import Literal

import msgspec

from aicareer.catalogue.models import Certification, Event, EventDates, Phase, Resource, Role, TaskKind
from aicareer.core import months as cal

WEEKS_PER_MONTH = 52 / 12
SLIVER = 0.5  # hours: a task's part smaller than this stays with the rest of it
TAIL = 0.05  # months: work this far past the last whole month is done in that month
Status = Literal["todo", "known", "added", "posting"]
SHORTEN = 0.5  # a known skill takes this share of its part of a practice/project/... task away


class PlanTask(msgspec.Struct, frozen=True):
    id: str
    title: str
    hours: int  # after shortening; what the plan counts
    skills: tuple[str, ...]
    resources: tuple[Resource, ...]
    status: Status
    reason: str | None = None
    certifications: tuple[Certification, ...] = ()
    events: tuple[Event, ...] = ()
    kind: TaskKind = "learn"
    full_hours: int = 0  # the roadmap's hours before a known skill shortened the task (0: not shortened)
    stage: int = 0

    @property
    def active(self) -> bool:
        return self.status != "known"

    @property
    def shortened(self) -> bool:
        return self.full_hours > self.hours


class Piece(msgspec.Struct, frozen=True):
    """The part of a task worked on in one card: `hours` of the task's hours, part `part` of `parts`."""

    task: PlanTask
    hours: float
    part: int
    parts: int


class Occurrence(msgspec.Struct, frozen=True):
    """An event in a given year: its cited edition when a source gives one, else its usual month."""

    event: Event
    year: int
    month: int
    edition: EventDates | None

    @property
    def day(self) -> datetime.date:
        return self.edition.start if self.edition else datetime.date(self.year, self.month, 1)

    def text(self) -> str:
        e = self.edition
        if e is None:
            return (f"{self.event.name} {self.year}: usually in {cal.MONTH_NAMES[self.month - 1]}; "
                    f"check the dates [{', '.join(self.event.sources)}]")
        days = (f"{e.start.day}–{e.end:%-d %B %Y}" if e.start.month == e.end.month
                else f"{e.start:%-d %B}–{e.end:%-d %B %Y}")
        return f"{self.event.name} {self.year}: {days}, {e.place} [{e.source}]"


class Stage(msgspec.Struct, frozen=True):
    """One of the roadmap's twelve steps (the article's months)."""

    number: int
    phase: Phase
    goal: str
    deliverable: str | None  # None: every roadmap task was skipped for skills you know
    tasks: tuple[PlanTask, ...]

    @property
    def hours(self) -> int:
        return sum(t.hours for t in self.tasks if t.active)


class PlanMonth(msgspec.Struct, frozen=True):
    """A card: plan month `number` and `count` - 1 more, with the pieces of work done in them."""

    number: int
    count: int
    phase: Phase
    stages: tuple[Stage, ...]  # stages with work (or skipped tasks) in this card
    finished: tuple[Stage, ...]  # stages whose last piece is in this card: their deliverables
    pieces: tuple[Piece, ...]
    known: tuple[PlanTask, ...]  # skipped tasks shown here
    capacity: float  # hours of work a month at the plan's pace
    start: datetime.date | None
    end: datetime.date | None
    events: tuple[Occurrence, ...]
    milestones: tuple[str, ...]

    @property
    def last(self) -> int:
        return self.number + self.count - 1

    @property
    def hours(self) -> float:
        return sum(p.hours for p in self.pieces)

    @property
    def length(self) -> float:
        """Months of work at the plan's pace."""
        return self.hours / self.capacity

    @property
    def goal(self) -> str:
        return "; ".join(dict.fromkeys(s.goal for s in self.stages))

    @property
    def deliverable(self) -> str:
        return "; ".join(s.deliverable for s in self.finished if s.deliverable)

    @property
    def tasks(self) -> tuple[PlanTask, ...]:
        seen = dict.fromkeys(p.task for p in self.pieces)
        return (*self.known, *seen)

    @property
    def numbers(self) -> str:
        return f"Month {self.number}" if self.count == 1 else f"Months {self.number}–{self.last}"

    @property
    def label(self) -> str:
        if self.start is None or self.end is None:
            return self.numbers
        return cal.label(self.start, self.end)


class Pacing(msgspec.Struct, frozen=True):
    hours_per_week: int
    total_hours: int
    months: int  # calendar months the plan takes

    @property
    def per_month(self) -> float:
        return self.hours_per_week * WEEKS_PER_MONTH

    @property
    def months_needed(self) -> float:
        return self.total_hours / self.per_month

    @property
    def fits(self) -> bool:
        """Whether the work fits in the article's twelve months."""
        return self.months <= 12

    @property
    def hours_per_week_to_fit(self) -> int:
        """The fewest whole hours a week that finish the plan in twelve months."""
        return max(1, math.ceil(self.total_hours / (12 * WEEKS_PER_MONTH) / (1 + TAIL / 12)))

    @property
    def headline(self) -> str:
        return f"{self.months}-month plan at {self.hours_per_week} h a week"


class Plan(msgspec.Struct, frozen=True):
    track: Role
    background: str
    start: datetime.date | None
    stages: tuple[Stage, ...]
    months: tuple[PlanMonth, ...]
    pacing: Pacing
    known: frozenset[str]

    @property
    def tasks(self) -> list[PlanTask]:
        return [t for s in self.stages for t in s.tasks]

    @property
    def retired_certifications(self) -> list[Certification]:
        seen: dict[str, Certification] = {}
        for t in self.tasks:
            for c in t.certifications:
                if c.status == "retired":
                    seen[c.id] = c
        return list(seen.values())

    def month_of(self, task_id: str) -> PlanMonth | None:
        """The card in which a task's work ends (a skipped task: the card that shows it)."""
        found = None
        for m in self.months:
            if any(t.id == task_id for t in m.tasks):
                found = m
        return found
