"""Progress through the saved plan: marks on task ids, how far along each month is, where today
falls against the plan's pace, and re-pacing what is left from today. Pure: `today` is an argument.

Pace: hours_per_week for every week since the plan was paced (its start, or the day of the last
replan, when `done_before` hours were already done). Expected by today = done_before + weeks since
then x hours a week, never more than the plan's hours. Within one week's hours of that is on track.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any, Literal

import msgspec

from aicareer.core import months as cal
from aicareer.core.errors import InputError
from aicareer.core.suggest import did_you_mean
from aicareer.domain.roadmap import WEEKS_PER_MONTH, Plan, flow, month_pieces

Mark = Literal["done", "skipped"]


class SavedMonth(msgspec.Struct):
    number: int
    label: str
    phase: str
    goal: str
    count: int = 1
    start: str | None = None
    end: str | None = None


class SavedTask(msgspec.Struct):
    id: str
    title: str
    month: int
    hours: int
    status: str
    kind: str = "learn"
    phase: str = ""
    goal: str = ""
    pin: str | None = None
    work: list[tuple[int, float]] = []  # (plan month, hours) for each month the task is worked in


class SavedPlan(msgspec.Struct):
    """The shape plan_record writes; a progress file that does not match it is damaged."""

    track: str
    background: str
    hours_per_week: int
    months: list[SavedMonth]
    tasks: list[SavedTask]
    start: str | None = None
    saved: str = ""
    track_name: str = ""
    paced_from: str | None = None
    done_before: int = 0
    replanned: str | None = None


def is_valid_state(plan: object, marks: object) -> bool:
    try:
        msgspec.convert(plan, SavedPlan)
        msgspec.convert(marks, dict[str, Mark])
    except msgspec.ValidationError:
        return False
    return True


def plan_record(plan: Plan, saved_at: str, today: datetime.date | None = None) -> dict[str, Any]:
    """What the progress file keeps of a plan: enough to track and re-pace it without the data.
    Tasks are listed in the order the plan works through them; `month` is the plan month in which
    a task's work ends; `pin` the month (YYYY-MM) of a conference a task was moved to. A plan
    without a start month is paced from `today` (else the day it was saved)."""
    stage = {s.number: s for s in plan.stages}
    pins = {p.task.id: f"{m.start:%Y-%m}" for m in plan.months if m.events and m.start
            for p in m.pieces if p.task.events and p.part == 1}
    order = list(dict.fromkeys([*(t.id for m in plan.months for t in m.tasks), *(t.id for t in plan.tasks)]))
    by_id = {t.id: t for t in plan.tasks}
    tasks = []
    for tid in order:
        t, m = by_id[tid], plan.month_of(tid)
        work = [[c.number, round(p.hours, 2)] for c in plan.months for p in c.pieces if p.task.id == tid]
        tasks.append({"id": t.id, "title": t.title, "month": m.number if m else 0, "hours": t.hours, "work": work,
                      "status": t.status, "kind": t.kind, "phase": stage[t.stage].phase.name if t.stage in stage
                      else "", "goal": stage[t.stage].goal if t.stage in stage else "", "pin": pins.get(t.id)})
    return {
        "track": plan.track.id,
        "track_name": plan.track.name,
        "background": plan.background,
        "start": plan.start.isoformat() if plan.start else None,
        "hours_per_week": plan.pacing.hours_per_week,
        "saved": saved_at,
        "paced_from": _iso(plan.start or today) or saved_at[:10],
        "done_before": 0,
        "months": [{"number": m.number, "count": m.count, "label": m.label, "phase": m.phase.name, "goal": m.goal,
                    "start": m.start.isoformat() if m.start else None, "end": m.end.isoformat() if m.end else None}
                   for m in plan.months],
        "tasks": tasks,
    }


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def carry_marks(marks: Mapping[str, str], plan: Mapping[str, Any]) -> tuple[dict[str, str], list[str]]:
    """The marks whose task ids remain in the new plan, and the ids that were dropped."""
    ids = {t["id"] for t in plan["tasks"]}
    return {k: v for k, v in marks.items() if k in ids}, sorted(k for k in marks if k not in ids)


def apply(marks: Mapping[str, str], plan: Mapping[str, Any], action: str, ids: Iterable[str]) -> dict[str, str]:
    """New marks after `done`, `skip` or `undo` on task ids; an unknown id is an InputError."""
    valid = [t["id"] for t in plan["tasks"]]
    out = dict(marks)
    for tid in ids:
        if tid not in valid:
            hint = did_you_mean(tid, valid)
            raise InputError(f"unknown task id {tid!r}{hint} (ids are shown in aicareer roadmap and progress)")
        if action == "undo":
            out.pop(tid, None)
        else:
            out[tid] = "done" if action == "done" else "skipped"
    return out


class MonthProgress(msgspec.Struct, frozen=True):
    number: int
    label: str
    phase: str
    goal: str
    done_hours: float
    total_hours: float
    open_tasks: tuple[dict[str, Any], ...]

    @property
    def share(self) -> float:
        return self.done_hours / self.total_hours if self.total_hours else 1.0


class Progress(msgspec.Struct, frozen=True):
    months: tuple[MonthProgress, ...]
    done_tasks: int
    skipped_tasks: int
    open_tasks: int
    done_hours: int
    total_hours: int

    @property
    def share(self) -> float:
        return self.done_hours / self.total_hours if self.total_hours else 1.0

    @property
    def next_tasks(self) -> list[dict[str, Any]]:
        return list({t["id"]: t for m in self.months for t in m.open_tasks}.values())[:3]


def _share_in(task: Mapping[str, Any], month: int) -> float:
    """The hours of a task worked in a plan month (card number): its `work` pieces, else all of
    it in its `month`."""
    work = task.get("work")
    if work:
        return float(sum(h for n, h in work if n == month))
    return float(task["hours"]) if task["month"] == month else 0.0


def summarise(plan: Mapping[str, Any], marks: Mapping[str, str]) -> Progress:
    """Hours done over hours planned, per month (the hours the plan puts in that month) and
    overall. Tasks you already knew and tasks you skip count in neither."""
    months = []
    rows = list(plan["months"])
    if any(t["month"] == 0 for t in plan["tasks"]):
        rows.insert(0, {"number": 0, "label": f"Before {plan.get('replanned') or 'the replan'}", "phase": "",
                        "goal": "tasks done, skipped or known before the plan was re-paced"})
    tasks = [t for t in plan["tasks"] if t["status"] != "known"]
    kept = [t for t in tasks if marks.get(t["id"]) != "skipped"]
    for m in rows:
        here = [(t, _share_in(t, m["number"])) for t in kept]
        here = [(t, h) for t, h in here if h > 0]
        done_hours = sum(h for t, h in here if marks.get(t["id"]) == "done")
        still = tuple(t for t, _ in here if marks.get(t["id"]) != "done")
        months.append(MonthProgress(m["number"], m["label"], m["phase"], m["goal"], done_hours,
                                    sum(h for _, h in here), still))
    done = [t for t in tasks if marks.get(t["id"]) == "done"]
    return Progress(tuple(months), len(done), sum(1 for t in tasks if marks.get(t["id"]) == "skipped"),
                    len(kept) - len(done), sum(t["hours"] for t in done), sum(t["hours"] for t in kept))


def counted(plan: Mapping[str, Any], marks: Mapping[str, str]) -> list[dict[str, Any]]:
    """The tasks that count, in the plan's order: not known before, not skipped."""
    return [t for t in plan["tasks"] if t["status"] != "known" and marks.get(t["id"]) != "skipped"]


class WeekTask(msgspec.Struct, frozen=True):
    id: str
    title: str
    hours: float  # this week
    task_hours: int


class Standing(msgspec.Struct, frozen=True):
    """Where today falls against the plan's pace."""

    today: datetime.date
    paced_from: datetime.date
    hours_per_week: int
    done_hours: int
    expected_hours: float
    total_hours: int
    month: int | None  # the plan month today falls in (None: before the start or after the end)
    month_label: str
    state: Literal["not started", "ahead", "on track", "behind", "finished"]
    this_week: tuple[WeekTask, ...]

    @property
    def difference(self) -> float:
        """Hours ahead (positive) or behind (negative) the pace."""
        return self.done_hours - self.expected_hours

    @property
    def weeks(self) -> float:
        return abs(self.difference) / self.hours_per_week


def _paced_from(plan: Mapping[str, Any]) -> datetime.date:
    text = plan.get("paced_from") or plan.get("start") or str(plan.get("saved", ""))[:10]
    try:
        return datetime.date.fromisoformat(str(text)[:10])
    except ValueError:
        raise InputError("the saved plan has no start date; make it again with aicareer roadmap --start YYYY-MM") \
            from None


def current_month(plan: Mapping[str, Any], today: datetime.date, paced_from: datetime.date) -> tuple[int | None, str]:
    """The plan month today falls in, and its card's label."""
    months = plan["months"]
    for m in months:
        if m.get("start") and m.get("end"):
            if datetime.date.fromisoformat(m["start"]) <= today <= datetime.date.fromisoformat(m["end"]):
                return m["number"] + cal.between(datetime.date.fromisoformat(m["start"]), today), m["label"]
        elif not plan.get("start"):
            n = cal.between(paced_from, today) + 1
            if m["number"] <= n < m["number"] + m.get("count", 1):
                return n, m["label"]
    return None, ""


def standing(plan: Mapping[str, Any], marks: Mapping[str, str], today: datetime.date) -> Standing:
    """Hours done against hours expected by today at the plan's pace, and this week's work."""
    tasks = counted(plan, marks)
    total = sum(t["hours"] for t in tasks)
    done = sum(t["hours"] for t in tasks if marks.get(t["id"]) == "done")
    since = _paced_from(plan)
    per_week = int(plan["hours_per_week"])
    weeks = max(0, (today - since).days) / 7
    expected = min(float(total), plan.get("done_before", 0) + weeks * per_week)
    month, label = current_month(plan, today, since)
    week: list[WeekTask] = []
    room = float(per_week)
    for t in tasks:
        if marks.get(t["id"]) == "done" or room <= 0:
            continue
        take = min(room, float(t["hours"]))
        week.append(WeekTask(t["id"], t["title"], take, t["hours"]))
        room -= take
    state: Literal["not started", "ahead", "on track", "behind", "finished"]
    if done >= total:
        state = "finished"
    elif today < since:
        state = "not started"
    elif done - expected >= per_week:
        state = "ahead"
    elif expected - done >= per_week:
        state = "behind"
    else:
        state = "on track"
    return Standing(today, since, per_week, done, expected, total, month, label, state, tuple(week))


def replan(plan: Mapping[str, Any], marks: Mapping[str, str], today: datetime.date,
           hours_per_week: int | None = None) -> dict[str, Any]:
    """The plan re-paced from today: open tasks flow again, in order, from today at the pace (this
    month only has the rest of its days); done, skipped and known tasks keep their marks and show
    as month 0 ("before today"). A conference task keeps its month while that month is still ahead.
    Every mark is kept: ids do not change."""
    per_week = hours_per_week or int(plan["hours_per_week"])
    if not 1 <= per_week <= 168:
        raise InputError(f"hours per week must be between 1 and 168, got {per_week}")
    per_month = per_week * WEEKS_PER_MONTH
    start = cal.first_of(today)
    offset = (cal.elapsed(start, today)) * per_month
    open_ = [t for t in counted(plan, marks) if marks.get(t["id"]) != "done"]
    pins = {}
    for k, t in enumerate(open_):
        if t.get("pin"):
            index = cal.between(start, datetime.date.fromisoformat(t["pin"] + "-01"))
            if index >= 0:
                pins[k] = index
    by_month = month_pieces(flow([float(t["hours"]) for t in open_], per_month, offset=offset, pins=pins), per_month)
    ends = {key: n for n in sorted(by_month) for key, _ in by_month[n]}
    done_now = sum(t["hours"] for t in counted(plan, marks) if marks.get(t["id"]) == "done")
    tasks = [dict(t, month=ends[k] + 1, work=[[n + 1, round(h, 2)] for n in sorted(by_month)
                                             for key, h in by_month[n] if key == k])
             for k, t in enumerate(open_)]
    moved = {t["id"] for t in tasks}
    tasks = [dict(t, month=0, work=[[0, t["hours"]]]) for t in plan["tasks"] if t["id"] not in moved] + tasks
    months = []
    for n in sorted(by_month):
        first, last = cal.span(start, n + 1)
        lead = open_[by_month[n][0][0]]
        months.append({"number": n + 1, "count": 1, "label": cal.label(first, last), "phase": lead.get("phase", ""),
                       "goal": lead.get("goal", ""), "start": first.isoformat(), "end": last.isoformat()})
    return dict(plan, start=start.isoformat(), hours_per_week=per_week, paced_from=today.isoformat(),
                done_before=done_now, months=months, tasks=tasks, replanned=today.isoformat())
