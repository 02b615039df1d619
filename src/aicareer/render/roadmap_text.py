"""Plain-text pieces of a plan, shared by the terminal view, Markdown and iCalendar."""

from __future__ import annotations

from aicareer.catalogue.models import Certification
from aicareer.core.fmt import money
from aicareer.domain.roadmap import Pacing, Plan, PlanMonth, PlanTask, event_months

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
    where = event_months(plan)
    out = []
    for e in task.events:
        if e.id in where:
            month = plan.months[where[e.id] - 1]
            out.append(f"{e.name}: {e.when} → your month {month.number} ({month.label}) [{', '.join(e.sources)}]")
        else:
            out.append(f"{e.name}: {e.when} [{', '.join(e.sources)}]")
    return out


def task_details(plan: Plan, task: PlanTask) -> list[str]:
    """Lines under a task: why it was added or skipped, certifications, conferences, resources."""
    lines = []
    if task.reason:
        lines.append(task.reason)
    lines += [certification_line(c) for c in task.certifications]
    lines += event_lines(plan, task)
    if task.resources:
        lines.append("Resources: " + "; ".join(f"{r.name} <{r.url}>" for r in task.resources))
    return lines


def pacing_text(p: Pacing) -> str:
    if p.fits:
        fits = f"{p.total_hours} h of work fits in 12 months at {p.hours_per_week} h a week"
        if p.spare_hours < 1:
            return f"{fits}, with nothing to spare."
        if p.spare_per_week < 0.5:  # "0.0 h a week" would read as none
            return f"{fits}, with about {p.spare_hours:.0f} h to spare over the year."
        return f"{fits}, with about {p.spare_per_week:.1f} h a week to spare."
    extra = p.months_needed - 12
    return (f"{p.total_hours} h of work does not fit in 12 months at {p.hours_per_week} h a week: it needs "
            f"about {p.months_needed:.1f} months ({extra:.1f} more). Dates are stretched to match; "
            f"{p.hours_per_week_to_fit} h a week would fit it in 12.")


def month_heading(m: PlanMonth) -> str:
    length = f", ~{m.length:.1f} months at your pace" if m.length > 1.05 else ""
    title = m.label if m.label.startswith("Month") else f"Month {m.number} · {m.label}"
    return f"{title} · {m.phase.name} · {m.hours} h{length}"


FREE_MONTH = ("You already have every skill this month teaches: a month to catch up, or to go deeper on your "
              "portfolio project.")
