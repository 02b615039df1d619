"""The personal 12-month plan: roadmap data + background + known skills + pace. Pure.

- Tasks whose skills you all know are kept but marked known ("you know PyTorch").
- The role's must-have skills that no task teaches and you lack are added as
  tasks; nice-to-have ones are added while they fit in the hours freed by what
  you know. Posting skills you lack (--job) go into the specialization months.
  Added tasks go to the least-loaded eligible month.
- Pace: you work hours_per_week, 52 weeks a year, through the tasks in order.
  Month n ends when its work is done at that pace, but never before the end
  of its calendar slot (n months in): a heavy month runs late, and lighter
  months after it win the time back. The plan fits when month 12 ends by
  month 12. With a start month, every month gets dates from this pace.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from typing import Literal

import msgspec

from aicareer.catalogue.index import Catalogue
from aicareer.catalogue.models import Certification, Event, Month, Phase, Role
from aicareer.core.errors import InputError
from aicareer.core.suggest import unknown

WEEKS_PER_MONTH = 52 / 12
DAYS_PER_MONTH = 365.25 / 12
TOLERANCE = 0.05  # months: a plan that ends this close to twelve still fits
Status = Literal["todo", "known", "added", "posting"]


class PlanTask(msgspec.Struct, frozen=True):
    id: str
    title: str
    hours: int
    skills: tuple[str, ...]
    resources: tuple[str, ...]
    status: Status
    reason: str | None = None
    certifications: tuple[Certification, ...] = ()
    events: tuple[Event, ...] = ()

    @property
    def active(self) -> bool:
        return self.status != "known"


class PlanMonth(msgspec.Struct, frozen=True):
    number: int
    phase: Phase
    goal: str
    deliverable: str
    tasks: tuple[PlanTask, ...]
    length: float  # in months, at the plan's pace
    start: datetime.date | None
    end: datetime.date | None
    events: tuple[Event, ...]
    milestones: tuple[str, ...]

    @property
    def hours(self) -> int:
        return sum(t.hours for t in self.tasks if t.active)

    @property
    def label(self) -> str:
        if self.start is None or self.end is None:
            return f"Month {self.number}"
        shown_end = self.end - datetime.timedelta(days=9)  # a few days into a month do not name it
        if (self.start.year, self.start.month) >= (shown_end.year, shown_end.month):
            return self.start.strftime("%b %Y")
        if self.start.year == shown_end.year:
            return f"{self.start:%b}–{shown_end:%b %Y}"
        return f"{self.start:%b %Y}–{shown_end:%b %Y}"


class Pacing(msgspec.Struct, frozen=True):
    hours_per_week: int
    total_hours: int
    months_needed: float

    @property
    def capacity(self) -> float:
        """Hours that fit in twelve months at this pace."""
        return self.hours_per_week * 52

    @property
    def fits(self) -> bool:
        return self.months_needed <= 12.0 + TOLERANCE

    @property
    def spare_hours(self) -> float:
        """Hours left over in the year (none when the plan only fits within the tolerance)."""
        return max(0.0, self.capacity - self.total_hours)

    @property
    def spare_per_week(self) -> float:
        return self.spare_hours / 52

    @property
    def hours_per_week_to_fit(self) -> int:
        """The fewest whole hours a week that finish the plan in twelve months."""
        return max(1, -(-self.total_hours // 52))


class Plan(msgspec.Struct, frozen=True):
    track: Role
    background: str
    start: datetime.date | None
    months: tuple[PlanMonth, ...]
    pacing: Pacing
    known: frozenset[str]

    @property
    def tasks(self) -> list[PlanTask]:
        return [t for m in self.months for t in m.tasks]

    @property
    def retired_certifications(self) -> list[Certification]:
        seen: dict[str, Certification] = {}
        for t in self.tasks:
            for c in t.certifications:
                if c.status == "retired":
                    seen[c.id] = c
        return list(seen.values())


def parse_start(text: str | None) -> datetime.date | None:
    """'2027-01' -> 1 January 2027; anything else is an InputError."""
    if text is None:
        return None
    m = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", text)
    if not m or not 1 <= int(m[2]) <= 12 or not 1900 < int(m[1]) < 3000:
        raise InputError(f"bad start month {text!r}: use YYYY-MM, e.g. 2027-01")
    return datetime.date(int(m[1]), int(m[2]), 1)


def _add_months(day: datetime.date, months: float) -> datetime.date:
    """Whole months by the calendar (1 Jan + 1 = 1 Feb), the fraction in average days."""
    whole = int(months)
    index = day.year * 12 + day.month - 1 + whole
    base = datetime.date(index // 12, index % 12 + 1, 1) + datetime.timedelta(days=day.day - 1)
    return base + datetime.timedelta(days=round((months - whole) * DAYS_PER_MONTH))


def _names(cat: Catalogue, ids: Iterable[str]) -> str:
    return ", ".join(cat.skills[s].name.split(" (")[0] for s in ids)


def _month_sources(cat: Catalogue, role: Role, background: str) -> list[Month]:
    rm = cat.roadmaps
    if background not in rm.foundation:
        raise unknown("background", background, rm.foundation)
    if role.id not in rm.specialization:
        raise InputError(f"no roadmap for track {role.id!r} (tracks with a roadmap: {', '.join(rm.specialization)})")
    return [*rm.foundation[background], *rm.specialization[role.id], *rm.later]


def build_plan(cat: Catalogue, track: str, background: str = "software-engineer", *,
               known: Iterable[str] = (), job_skills: Mapping[str, float] | None = None,
               hours_per_week: int = 8, start: datetime.date | None = None) -> Plan:
    if hours_per_week <= 0 or hours_per_week > 168:
        raise InputError(f"hours per week must be between 1 and 168, got {hours_per_week}")
    role = cat.resolve_role(track)
    known = frozenset(known)
    rm = cat.roadmaps
    certs = {c.id: c for c in rm.certifications}
    events = {e.id: e for e in rm.events}

    months: dict[int, list[PlanTask]] = {}
    meta: dict[int, Month] = {}
    for month in sorted(_month_sources(cat, role, background), key=lambda m: m.month):
        meta[month.month] = month
        tasks = []
        for t in month.tasks:
            if t.tracks and role.id not in t.tracks:
                continue
            knows = bool(t.skills) and all(s in known for s in t.skills)
            tasks.append(PlanTask(
                t.id, t.title, t.hours, t.skills, t.resources, "known" if knows else "todo",
                f"you know {_names(cat, t.skills)}" if knows else None,
                tuple(certs[c] for c in t.certifications), tuple(events[e] for e in t.events)))
        months[month.month] = tasks

    def taught() -> set[str]:
        return {s for ts in months.values() for t in ts if t.active for s in t.skills}

    def place(task: PlanTask, eligible: range) -> None:
        target = min(eligible, key=lambda n: (sum(t.hours for t in months[n] if t.active), n))
        months[target].append(task)

    freed = sum(t.hours for ts in months.values() for t in ts if not t.active)
    lacking = [s for s in (*role.must_have, *role.nice_to_have) if s not in known and s not in taught()]
    for sid in lacking:
        skill = cat.skills[sid]
        must = sid in role.must_have
        if not must and skill.learn_hours > freed:
            continue
        if not must:
            freed -= skill.learn_hours
        why = (f"a must-have for {role.short_name} that no task above teaches" if must
               else "a nice-to-have, in the time freed by what you know")
        place(PlanTask(f"learn-{sid}", f"Learn {skill.name}", skill.learn_hours, (sid,), (), "added", why),
              range(1, 7))

    for sid, weight in sorted((job_skills or {}).items(), key=lambda kv: -kv[1]):
        if sid in known or sid in taught():
            continue
        skill = cat.skills[sid]
        section = {3.0: "requires", 2.0: "prefers"}.get(weight, "mentions")
        place(PlanTask(f"job-{sid}", f"Learn {skill.name}", skill.learn_hours, (sid,), (), "posting",
                       f"the job posting {section} it"), range(4, 7))

    capacity = hours_per_week * WEEKS_PER_MONTH
    # month n ends when its work is done at this pace, but never before its calendar slot
    ends, worked = {}, 0.0
    for n in sorted(months):
        worked += sum(t.hours for t in months[n] if t.active)
        ends[n] = max(float(n), worked / capacity)
    phases = {m: p for p in rm.phases for m in range(p.first, p.last + 1)}

    out: list[PlanMonth] = []
    elapsed = 0.0
    lengths = {n: ends[n] - (ends[n - 1] if n > 1 else 0.0) for n in ends}
    for n in sorted(months):
        first = _add_months(start, elapsed) if start else None
        last = (_add_months(start, elapsed + lengths[n]) - datetime.timedelta(days=1)) if start else None
        tasks = tuple(months[n])
        held = _held(first, last, rm.events)
        out.append(PlanMonth(n, phases[n], meta[n].goal, meta[n].deliverable, tasks, lengths[n], first, last,
                             held, _milestones(tasks, held)))
        elapsed += lengths[n]
    total = sum(m.hours for m in out)
    pacing = Pacing(hours_per_week, total, elapsed)
    return Plan(role, background, start, tuple(out), pacing, known)


def _held(first: datetime.date | None, last: datetime.date | None, events: Iterable[Event]) -> tuple[Event, ...]:
    """Events whose usual calendar month falls within [first, last] (the 15th is the test day)."""
    if first is None or last is None:
        return ()
    out = []
    for event in events:
        day = datetime.date(first.year, event.month, 15)
        if day < first:
            day = datetime.date(first.year + 1, event.month, 15)
        if day <= last:
            out.append(event)
    return tuple(out)


def _milestones(tasks: tuple[PlanTask, ...], held: tuple[Event, ...]) -> tuple[str, ...]:
    out = [f"{e.name}: {e.when}" for e in held]
    for t in tasks:
        if t.id == "cert-exam" and t.active:
            out.append("Exam: take your certification exam")
        if t.id.startswith("js-apply") and t.active:
            out.append("30-50 applications this month")
    return tuple(out)


def event_months(plan: Plan) -> dict[str, int]:
    """Event id -> the plan month it is held in (empty without a start month)."""
    return {e.id: m.number for m in plan.months for e in m.events}
