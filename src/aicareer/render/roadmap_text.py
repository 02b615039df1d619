"""Plain-text pieces of a plan, shared by the terminal view, Markdown, HTML and iCalendar."""

from __future__ import annotations

from aicareer.catalogue.models import Certification
from aicareer.core.fmt import money
from aicareer.domain.roadmap import WEEKS_PER_MONTH, Pacing, Piece, Plan, PlanMonth, PlanTask, event_occurrence

STATUS_NOTE = {"known": "skip", "added": "added", "posting": "from posting"}


def certification_line(c: Certification) -> str:
    if c.status == "retired":
        day = c.retired_on.strftime("%-d %B %Y") if c.retired_on else "?"
        return f"RETIRED {day}: {c.name}. {c.note} [{', '.join(c.sources)}]"
    price = ""
    if c.price_usd is not None:
        price = f" · {'about ' if c.price_approximate else ''}{money(c.price_usd)}"
    return f"{c.name}{price}. {c.note} [{', '.join(c.sources)}]"


def event_lines(plan: Plan, task: PlanTask) -> list[str]:
    """The chosen event with its dates and plan month; without one, each event's usual month."""
    chosen = event_occurrence(plan, task.id)
    if chosen:
        month, occurrence = chosen
        return [f"{occurrence.text()} → in your {month.numbers.lower()} ({month.label})"]
    return [f"{e.name}: {e.when} [{', '.join(e.sources)}]" for e in task.events]


def task_details(plan: Plan, task: PlanTask) -> list[str]:
    """Lines under a task: why it was added, skipped or shortened, certifications, conferences, resources."""
    lines = []
    if task.reason:
        lines.append(task.reason)
    lines += [certification_line(c) for c in task.certifications]
    lines += event_lines(plan, task)
    if task.resources:
        lines.append("Resources: " + "; ".join(f"{r.name} <{r.url}>" for r in task.resources))
    return lines


def hours(value: float) -> str:
    """Whole hours, but never '0 h' for a little work."""
    return f"{value:.1f}" if value < 0.95 else f"{round(value)}"


def piece_hours(piece: Piece) -> str:
    """'12 h', or '8 of 30 h, part 1 of 4' when the task runs over several cards."""
    if piece.parts == 1:
        return f"{piece.task.hours} h"
    return f"{hours(piece.hours)} of {piece.task.hours} h, part {piece.part} of {piece.parts}"


def pacing_text(p: Pacing) -> str:
    base = f"{p.total_hours} h of work: {p.months} month{'s' if p.months != 1 else ''} at {p.hours_per_week} h a week"
    if p.months > 12:
        return f"{base}; {p.hours_per_week_to_fit} h a week would fit it in the article's 12 months."
    if p.months < 12:
        return f"{base}, shorter than the article's 12 months."
    return f"{base}, the article's 12 months."


def headline(plan: Plan) -> str:
    return f"{plan.pacing.headline}: {plan.track.name}"


def month_heading(m: PlanMonth) -> str:
    """'Month 3 · Mar 2027 · Foundation · 35 h' (see month_pace for a card of several months)."""
    title = m.numbers if m.start is None else f"{m.numbers} · {m.label}"
    return f"{title} · {m.phase.name} · {hours(m.hours)} h"


def month_pace(m: PlanMonth) -> str | None:
    """For a card of several months, its work against the pace: '35 h: ≈4.0 months at 2 h a week'."""
    if m.count == 1:
        return None
    pace = round(m.capacity / WEEKS_PER_MONTH)
    return f"{hours(m.hours)} h of work: ≈{m.length:.1f} months at {pace} h a week, one task at a time."


FREE_STAGE = "You know everything “{goal}” teaches: its tasks are skipped and its deliverable is dropped."
FREE_MONTH = "You already have every skill this month teaches."  # kept for the report's template


def free_lines(m: PlanMonth) -> list[str]:
    """A line for each stage in this card whose tasks were all skipped."""
    return [FREE_STAGE.format(goal=s.goal) for s in m.stages if s.deliverable is None]
