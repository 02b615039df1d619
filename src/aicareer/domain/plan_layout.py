"""Laying a plan's work on calendar months at a pace, and pinning conference tasks to their events
(see the domain/roadmap.py docstring). Pure."""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable, Mapping, Sequence

import msgspec

from aicareer.catalogue.models import Event, Role
from aicareer.core import months as cal
from aicareer.domain.plan_model import (
    SLIVER,
    TAIL,
    WEEKS_PER_MONTH,
    Occurrence,
    Pacing,
    Piece,
    Plan,
    PlanMonth,
    PlanTask,
    Stage,
)

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
