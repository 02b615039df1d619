"""Models of roadmaps.yaml: phases, months, tasks, events, certifications (re-exported by catalogue/models.py)."""

import datetime
from typing import Literal

from aicareer.catalogue.model_base import Model

# --- roadmaps --------------------------------------------------------------------


TaskKind = Literal["learn", "practice", "project", "exam", "network", "apply"]
"""learn: a skill the person already knows may skip it. The other kinds are never
skipped by a known skill (practice, project, exam, network, apply)."""


class Resource(Model, frozen=True):
    """An official page or free course for a task, with its address (a fact to cite)."""

    name: str
    url: str

    def __post_init__(self) -> None:
        if not self.url.startswith("https://"):
            raise ValueError(f"resource url must start with https://, got {self.url!r}")


class Task(Model, frozen=True):
    id: str
    title: str
    hours: int
    kind: TaskKind
    skills: tuple[str, ...] = ()
    resources: tuple[Resource, ...] = ()
    tracks: tuple[str, ...] = ()
    certifications: tuple[str, ...] = ()
    events: tuple[str, ...] = ()


class Month(Model, frozen=True):
    month: int
    goal: str
    deliverable: str
    tasks: tuple[Task, ...]


class Phase(Model, frozen=True):
    id: str
    name: str
    first: int
    last: int


class EventDates(Model, frozen=True):
    """One edition of an event whose dates a source gives (source: a sources.yaml id)."""

    year: int
    start: datetime.date
    end: datetime.date
    place: str
    source: str

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        if self.start.year != self.year:
            raise ValueError(f"year {self.year} does not match start {self.start}")


class Event(Model, frozen=True):
    """A recurring conference: the month it usually falls in, plus the editions with cited dates.

    Editions not listed have no confirmed dates: show "usually in <month>; check the dates".
    """

    id: str
    name: str
    usual_month: int
    sources: tuple[str, ...]
    dates: tuple[EventDates, ...] = ()
    note: str | None = None

    @property
    def month(self) -> int:
        """Compatibility with code written for the old single `month:` field."""
        return self.usual_month

    @property
    def when(self) -> str:
        """Compatibility text for the old `when:` field; it never names a year."""
        if not 1 <= self.usual_month <= 12:
            return "dates not known; check the conference's site"
        return f"usually in {_MONTH_NAMES[self.usual_month - 1]}; check the dates"

    def edition(self, year: int) -> EventDates | None:
        """The cited dates of the edition held in `year`, if a source gives them."""
        return next((d for d in self.dates if d.year == year), None)


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July",
                "August", "September", "October", "November", "December")


class Certification(Model, frozen=True):
    id: str
    name: str
    status: Literal["current", "retired"]
    sources: tuple[str, ...]
    note: str = ""
    price_usd: int | None = None
    price_approximate: bool = False
    retired_on: datetime.date | None = None


class RoadmapsFile(Model, frozen=True):
    reviewed: datetime.date
    phases: tuple[Phase, ...]
    foundation: dict[str, tuple[Month, ...]]
    specialization: dict[str, tuple[Month, ...]]
    later: tuple[Month, ...]
    events: tuple[Event, ...] = ()
    certifications: tuple[Certification, ...] = ()
