"""Progress through the saved plan: marks on task ids, and how far along each month is. Pure."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal

import msgspec

from aicareer.core.errors import InputError
from aicareer.core.suggest import did_you_mean
from aicareer.domain.roadmap import Plan

Mark = Literal["done", "skipped"]


class SavedMonth(msgspec.Struct):
    number: int
    label: str
    phase: str
    goal: str


class SavedTask(msgspec.Struct):
    id: str
    title: str
    month: int
    hours: int
    status: str


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


def is_valid_state(plan: object, marks: object) -> bool:
    try:
        msgspec.convert(plan, SavedPlan)
        msgspec.convert(marks, dict[str, Mark])
    except msgspec.ValidationError:
        return False
    return True


def plan_record(plan: Plan, saved_at: str) -> dict[str, Any]:
    """What the progress file keeps of a plan: enough to show progress without the data."""
    return {
        "track": plan.track.id,
        "track_name": plan.track.name,
        "background": plan.background,
        "start": plan.start.isoformat() if plan.start else None,
        "hours_per_week": plan.pacing.hours_per_week,
        "saved": saved_at,
        "months": [{"number": m.number, "label": m.label, "phase": m.phase.name, "goal": m.goal}
                   for m in plan.months],
        "tasks": [{"id": t.id, "title": t.title, "month": m.number, "hours": t.hours, "status": t.status}
                  for m in plan.months for t in m.tasks],
    }


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
    done_hours: int
    total_hours: int
    open_tasks: tuple[dict[str, Any], ...]

    @property
    def share(self) -> float:
        return self.done_hours / self.total_hours if self.total_hours else 1.0


class Progress(msgspec.Struct, frozen=True):
    months: tuple[MonthProgress, ...]
    done_tasks: int
    skipped_tasks: int
    open_tasks: int

    @property
    def done_hours(self) -> int:
        return sum(m.done_hours for m in self.months)

    @property
    def total_hours(self) -> int:
        return sum(m.total_hours for m in self.months)

    @property
    def share(self) -> float:
        return self.done_hours / self.total_hours if self.total_hours else 1.0

    @property
    def next_tasks(self) -> list[dict[str, Any]]:
        return [t for m in self.months for t in m.open_tasks][:3]


def summarise(plan: Mapping[str, Any], marks: Mapping[str, str]) -> Progress:
    """Hours done over hours planned, per month and overall. Tasks you already knew and
    tasks you skip count in neither."""
    months = []
    done = skipped = open_ = 0
    for m in plan["months"]:
        tasks = [t for t in plan["tasks"] if t["month"] == m["number"] and t["status"] != "known"]
        counted = [t for t in tasks if marks.get(t["id"]) != "skipped"]
        done_hours = sum(t["hours"] for t in counted if marks.get(t["id"]) == "done")
        still = tuple(t for t in counted if marks.get(t["id"]) != "done")
        done += sum(1 for t in tasks if marks.get(t["id"]) == "done")
        skipped += sum(1 for t in tasks if marks.get(t["id"]) == "skipped")
        open_ += len(still)
        months.append(MonthProgress(m["number"], m["label"], m["phase"], m["goal"], done_hours,
                                    sum(t["hours"] for t in counted), still))
    return Progress(tuple(months), done, skipped, open_)
