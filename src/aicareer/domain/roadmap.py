"""The personal plan: roadmap data + background + known skills + pace, laid on real months. Pure.

- The roadmap has twelve stages (the article's months), each a goal, a deliverable and tasks.
- Only a `learn` task is skipped when you know all its skills ("you know PyTorch"). Other kinds
  (practice, project, exam, network, apply) are never skipped; known skills shorten them, and the
  plan says so. A stage whose tasks are all skipped loses its deliverable (the plan says why).
- The role's must-have skills that no task teaches and you lack are added as tasks; nice-to-have
  ones are added while they fit in the hours freed by what you know. Posting skills you lack (--job)
  go into the specialization stages. Added tasks go to the least-loaded eligible stage.
- Pace: hours_per_week, 52 weeks a year, so 52/12 weeks a calendar month. The work flows in order
  through calendar months, each holding one month of work at that pace; a task longer than what is
  left of a month continues in the next. Plan month n is the n-th calendar month from the start;
  a card is one month, or several consecutive months spent on one long task. The plan is as long
  as the work needs (14 months at 4 h a week, 6 at 20 h), never a fixed twelve.
- With a start month, a conference task is moved to the month of one of its events (a cited
  edition's dates when a source gives them, else the usual month).
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

import msgspec

from aicareer.catalogue.index import Catalogue
from aicareer.catalogue.models import (
    Certification,
    Event,
    EventDates,
    Month,
    Phase,
    Resource,
    Role,
    Task,
    TaskKind,
)
from aicareer.catalogue.names import choice_id
from aicareer.core import months as cal
from aicareer.core.errors import InputError
from aicareer.core.suggest import unknown

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


def parse_start(text: str | None) -> datetime.date | None:
    """'2027-01' -> 1 January 2027; anything else is an InputError (see core.months.parse)."""
    return cal.parse(text)


def _names(cat: Catalogue, ids: Iterable[str]) -> str:
    return ", ".join(cat.skills[s].name.split(" (")[0] for s in ids)


def background_id(cat: Catalogue, background: str) -> str:
    """The background's id, given by id, label or synonym ('pm', 'Career changer', 'SWE')."""
    question = cat.questions.get("background")
    if background not in cat.roadmaps.foundation and question is not None:
        return choice_id(question, cat.choices(question), background, "--background: ")
    return background


def _month_sources(cat: Catalogue, role: Role, background: str) -> list[Month]:
    rm = cat.roadmaps
    if background not in rm.foundation:
        raise unknown("background", background, rm.foundation)
    if role.id not in rm.specialization:
        raise InputError(f"no roadmap for track {role.id!r} (tracks with a roadmap: {', '.join(rm.specialization)})")
    return [*rm.foundation[background], *rm.specialization[role.id], *rm.later]


def personal_task(cat: Catalogue, task: Task, stage: int, known: frozenset[str],
                  certs: Mapping[str, Certification], events: Mapping[str, Event]) -> PlanTask:
    """A roadmap task for this person: a `learn` task whose skills are all known is skipped; any
    other kind keeps its place and is shortened by the share of its skills already known."""
    have = [s for s in task.skills if s in known]
    status: Status = "todo"
    reason = None
    hours = task.hours
    if task.skills and len(have) == len(task.skills) and task.kind == "learn":
        status, reason = "known", f"you know {_names(cat, have)}"
    elif have and task.kind != "learn":
        hours = max(1, round(task.hours * (1 - SHORTEN * len(have) / len(task.skills))))
        if hours < task.hours:
            reason = f"shortened from {task.hours} h: you know {_names(cat, have)}"
    return PlanTask(task.id, task.title, hours, task.skills, task.resources, status, reason,
                    tuple(certs[c] for c in task.certifications), tuple(events[e] for e in task.events),
                    task.kind, task.hours if hours < task.hours else 0, stage)


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
    background = background_id(cat, background)
    for month in sorted(_month_sources(cat, role, background), key=lambda m: m.month):
        meta[month.month] = month
        months[month.month] = [personal_task(cat, t, month.month, known, certs, events)
                               for t in month.tasks if not t.tracks or role.id in t.tracks]

    def taught() -> set[str]:
        return {s for ts in months.values() for t in ts if t.active for s in t.skills}

    def place(task: PlanTask, eligible: range) -> None:
        target = min(eligible, key=lambda n: (sum(t.hours for t in months[n] if t.active), n))
        months[target].append(msgspec.structs.replace(task, stage=target))

    emptied = {n for n, ts in months.items() if ts and not any(t.active for t in ts)}
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

    phases = {m: p for p in rm.phases for m in range(p.first, p.last + 1)}
    stages = tuple(
        Stage(n, phases[n], meta[n].goal,
              None if n in emptied else meta[n].deliverable,
              tuple(months[n]))
        for n in sorted(months))
    return lay_out(role, background, stages, hours_per_week, start, known)


# ---------------------------------------------------------------- laying work on calendar months

class Segment(msgspec.Struct, frozen=True):
    """A stretch of one task's work in the flow: `hours` starting at `at` (hours since the start)."""

    key: int  # the task's index in the work list
    at: float
    hours: float


def flow(hours: Sequence[float], per_month: float, *, offset: float = 0.0,
         pins: Mapping[int, int] | None = None) -> list[Segment]:
    """Work items in order, one after the other from `offset` hours, at `per_month` hours a month.

    `pins` maps an item's index to a month index (0-based): that item starts at the beginning of
    that month (or at once if the flow is already past it), the item running then pauses for it.
    """
    waiting = sorted((pins or {}).items(), key=lambda kv: kv[1])
    pinned = set(pins or {})
    out: list[Segment] = []
    cursor = offset

    def due(limit: float) -> None:
        nonlocal cursor
        while waiting and waiting[0][1] * per_month <= limit:
            key, _ = waiting.pop(0)
            out.append(Segment(key, cursor, hours[key]))
            cursor += hours[key]

    for key, h in enumerate(hours):
        if key in pinned:
            continue
        left = h
        due(cursor)
        while waiting and left > 0 and waiting[0][1] * per_month < cursor + left:
            part = waiting[0][1] * per_month - cursor
            if part > 0:
                out.append(Segment(key, cursor, part))
                cursor += part
                left -= part
            due(cursor)
        if left > 0:
            out.append(Segment(key, cursor, left))
            cursor += left
    due(math.inf)
    return out


def month_pieces(segments: Iterable[Segment], per_month: float) -> dict[int, list[tuple[int, float]]]:
    """Month index -> (item, hours) cut at month boundaries; a last sliver under TAIL joins its month."""
    segments = list(segments)
    end = max((s.at + s.hours for s in segments), default=0.0)
    last = max(0, math.ceil(end / per_month - TAIL) - 1)
    out: dict[int, list[tuple[int, float]]] = {}
    for s in segments:
        at, left = s.at, s.hours
        while left > 1e-9:
            index = min(last, int(at / per_month + 1e-9))
            room = left if index == last else min(left, (index + 1) * per_month - at)
            if room < SLIVER < left and index < last:  # no sliver of a task at the end of a month
                at += room
                continue
            if left - room < SLIVER:  # nor a sliver left over for the next one
                room = left
            bucket = out.setdefault(index, [])
            if bucket and bucket[-1][0] == s.key:
                bucket[-1] = (s.key, bucket[-1][1] + room)
            else:
                bucket.append((s.key, room))
            at += room
            left -= room
    return out


def occurrences(event: Event, start: datetime.date, count: int) -> list[tuple[int, Occurrence]]:
    """(plan month index, occurrence) for each time the event falls within the plan's months."""
    out = []
    for year in range(start.year, cal.add(start, count).year + 1):
        edition = event.edition(year)
        month = edition.start.month if edition else event.usual_month
        if not 1 <= month <= 12:
            continue
        index = cal.between(start, datetime.date(year, month, 1))
        if 0 <= index < count:
            out.append((index, Occurrence(event, year, month, edition)))
    return out


def choose_event(task: PlanTask, start: datetime.date, count: int, natural: int) -> tuple[int, Occurrence] | None:
    """The occurrence of one of the task's events nearest after the month it would fall in,
    else the latest one before it; None when no event falls within the plan."""
    found = [o for e in task.events for o in occurrences(e, start, count)]
    after = [o for o in found if o[0] >= natural]
    if after:
        return min(after, key=lambda o: (o[0], o[1].day))
    return max(found, key=lambda o: (o[0], o[1].day)) if found else None


def lay_out(role: Role, background: str, stages: tuple[Stage, ...], hours_per_week: int,
            start: datetime.date | None, known: frozenset[str]) -> Plan:
    """Put the stages' work on calendar months at the pace (see the module docstring)."""
    per_month = hours_per_week * WEEKS_PER_MONTH
    work = [t for s in stages for t in s.tasks if t.active]
    hours = [float(t.hours) for t in work]
    total = sum(t.hours for t in work)
    count = max(1, math.ceil(total / per_month - TAIL))
    pins: dict[int, int] = {}
    chosen: dict[int, Occurrence] = {}
    if start is not None:
        natural = {s.key: int(s.at / per_month) for s in flow(hours, per_month)}
        for key, task in enumerate(work):
            if task.events:
                pick = choose_event(task, start, count, min(natural[key], count - 1))
                if pick:
                    pins[key], chosen[key] = pick
    by_month = month_pieces(flow(hours, per_month, pins=pins), per_month)
    return Plan(role, background, start, stages,
                cards(stages, work, by_month, per_month, start, chosen),
                Pacing(hours_per_week, total, max(by_month, default=0) + 1), known)


def cards(stages: tuple[Stage, ...], work: list[PlanTask], by_month: Mapping[int, list[tuple[int, float]]],
          per_month: float, start: datetime.date | None, chosen: Mapping[int, Occurrence]) -> tuple[PlanMonth, ...]:
    """Months to cards: consecutive months spent on one task only make one card."""
    index_of = {t.id: k for k, t in enumerate(work)}
    groups: list[list[int]] = []
    for n in sorted(by_month):
        keys = [k for k, _ in by_month[n]]
        if groups and len(keys) == 1 and [k for k, _ in by_month[groups[-1][-1]]] == keys:
            groups[-1].append(n)
        else:
            groups.append([n])
    parts: dict[int, int] = {}  # how many cards each task's work is spread over
    for group in groups:
        for key in {k for n in group for k, _ in by_month[n]}:
            parts[key] = parts.get(key, 0) + 1
    last_month = {k: n for n in sorted(by_month) for k, _ in by_month[n]}
    # skipped tasks show in the card where the work before them ends (or the first card)
    shown_at: dict[str, int] = {}
    previous = 0
    for t in (t for s in stages for t in s.tasks):
        if t.active:
            previous = last_month.get(index_of[t.id], previous)
        else:
            shown_at[t.id] = previous
    stage_end = {s.number: max((last_month[index_of[t.id]] if t.active else shown_at[t.id] for t in s.tasks),
                               default=0) for s in stages}
    seen_part: dict[int, int] = {}
    out = []
    for group in groups:
        pieces: list[tuple[int, float]] = []
        for n in group:
            for key, h in by_month[n]:
                if pieces and pieces[-1][0] == key:
                    pieces[-1] = (key, pieces[-1][1] + h)
                else:
                    pieces.append((key, h))
        made = []
        for key, h in pieces:
            seen_part[key] = seen_part.get(key, 0) + 1
            made.append(Piece(work[key], h, seen_part[key], parts[key]))
        known = tuple(t for s in stages for t in s.tasks if not t.active and shown_at[t.id] in group)
        numbers = {p.task.stage for p in made} | {t.stage for t in known}
        here = tuple(s for s in stages if s.number in numbers)
        finished = tuple(s for s in here if stage_end[s.number] in group)
        first, last = (cal.span(start, group[0] + 1, len(group)) if start else (None, None))
        held = tuple(chosen[k] for k, _ in pieces if k in chosen and seen_part[k] == 1)
        weight = {s.number: sum(h for k, h in pieces if work[k].stage == s.number) for s in here}
        main = max(here, key=lambda s: (weight[s.number], -s.number)) if here else stages[0]
        out.append(PlanMonth(group[0] + 1, len(group), main.phase, here,
                             finished, tuple(made), known, per_month, first, last, held,
                             _milestones(made, held)))
    return tuple(out)


def _milestones(pieces: list[Piece], held: tuple[Occurrence, ...]) -> tuple[str, ...]:
    out = [o.text() for o in held]
    for p in pieces:
        if p.task.id == "cert-exam" and p.part == p.parts:
            out.append("Exam: take your certification exam")
        if p.task.id.startswith("js-apply") and p.part == 1:
            out.append("30-50 applications")
    return tuple(dict.fromkeys(out))


def event_months(plan: Plan) -> dict[str, int]:
    """Event id -> the plan month it is held in (empty without a start month)."""
    return {o.event.id: m.number for m in plan.months for o in m.events}


def event_occurrence(plan: Plan, task_id: str) -> tuple[PlanMonth, Occurrence] | None:
    """The card and event chosen for a conference task, when the plan has dates."""
    for m in plan.months:
        for o in m.events:
            if any(p.task.id == task_id and p.part == 1 and o.event in p.task.events for p in m.pieces):
                return m, o
    return None


# ---------------------------------------------------------------- a plan request from options + profile

class PlanRequest(msgspec.Struct, frozen=True):
    """What to plan, once options and the saved profile are combined; `notes` say what was assumed."""

    track: str
    background: str
    hours_per_week: int
    start: datetime.date | None
    notes: tuple[str, ...] = ()


def plan_request(*, track: str | None, background: str | None, hours_per_week: int | None,
                 start: str | None, profile: Mapping[str, object], top: Sequence[str],
                 needs_dates: bool, today: datetime.date) -> PlanRequest:
    """Options win over the saved profile; a calendar export without --start begins next month."""
    notes = []
    if track is None:
        if not top:
            raise InputError("give a track with --track (aicareer roles lists them), or run aicareer assess first")
        track = top[0]
        notes.append(f"track {track} (your top match; change it with --track)")
    if background is None:
        background = str(profile.get("background") or "software-engineer")
    saved_hours = profile.get("hours_per_week")
    hours = hours_per_week if hours_per_week is not None else (saved_hours if isinstance(saved_hours, int) else 8)
    day = cal.parse(start)
    if day is None and needs_dates:
        day = cal.next_month(today)
        notes.append(f"no --start given; the calendar starts {day:%B %Y}")
    return PlanRequest(track, background.strip().lower(), hours, day, tuple(notes))
