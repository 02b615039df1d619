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

This module builds the plan and the plan request; domain/plan_model.py holds the plan's data and
domain/plan_layout.py lays the work on months. Their names are re-exported here.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence

import msgspec

from aicareer.catalogue.index import Catalogue
from aicareer.catalogue.models import Certification, Event, Month, Role, Task
from aicareer.catalogue.names import choice_id
from aicareer.core import months as cal
from aicareer.core.errors import InputError
from aicareer.core.suggest import unknown
from aicareer.domain.plan_layout import (
    Segment,
    cards,
    choose_event,
    event_months,
    event_occurrence,
    flow,
    lay_out,
    month_pieces,
    occurrences,
)
from aicareer.domain.plan_model import (
    SHORTEN,
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
    Status,
)

__all__ = [  # the plan API; callers import these names from here
    "Occurrence",
    "Pacing",
    "Piece",
    "Plan",
    "PlanMonth",
    "PlanRequest",
    "PlanTask",
    "SHORTEN",
    "SLIVER",
    "Segment",
    "Stage",
    "Status",
    "TAIL",
    "WEEKS_PER_MONTH",
    "background_id",
    "build_plan",
    "cards",
    "choose_event",
    "event_months",
    "event_occurrence",
    "flow",
    "lay_out",
    "month_pieces",
    "occurrences",
    "parse_start",
    "personal_task",
    "plan_request",
]


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
