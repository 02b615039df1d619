"""The plan as Markdown and JSON-ready data, and the one dispatch from a format to its text."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from aicareer.catalogue.index import Catalogue
from aicareer.domain.roadmap import Plan
from aicareer.render.roadmap_text import (
    STATUS_NOTE,
    free_lines,
    headline,
    month_heading,
    month_pace,
    pacing_text,
    piece_hours,
    task_details,
)

FORMATS = ("table", "markdown", "json", "ics")


def markdown(cat: Catalogue, plan: Plan, background_label: str, marks: Mapping[str, str]) -> str:
    start = f", starting {plan.start:%B %Y}" if plan.start else ""
    out = [f"# {headline(plan)}", "", f"From {background_label.lower()}{start}.", "",
           pacing_text(plan.pacing), ""]
    if plan.retired_certifications:
        out += ["> **Note:** the article recommends AWS Certified Machine Learning – Specialty, which AWS retired "
                "on 31 March 2026. The certification step names current options.", ""]
    phase = None
    for m in plan.months:
        if m.phase.id != phase:
            phase = m.phase.id
            out += [f"## {m.phase.name}", ""]
        out += [f"### {month_heading(m)}", ""]
        if month_pace(m):
            out += [f"*{month_pace(m)}*", ""]
        out += [f"**Goal:** {m.goal}", ""]
        rows = [(p.task, piece_hours(p), p.part == 1) for p in m.pieces]
        rows += [(t, f"{t.hours} h", True) for t in m.known]
        for t, hours, first in rows:
            mark = marks.get(t.id)
            box_ = "x" if mark == "done" or t.status == "known" else " "
            title = f"~~{t.title}~~" if t.status == "known" else t.title
            note = f" *({STATUS_NOTE[t.status]})*" if t.status in STATUS_NOTE else ""
            skipped = " *(skipped)*" if mark == "skipped" else ""
            out.append(f"- [{box_}] `{t.id}` {title} ({hours}, {t.kind}){note}{skipped}")
            if first:
                out += [f"  - {_linked(line)}" for line in task_details(plan, t)]
        for line in free_lines(m):
            out += ["", line]
        if m.deliverable:
            out += ["", f"**Deliverable:** {m.deliverable}"]
        out.append("")
        if m.milestones:
            out += [f"**Milestones:** {'; '.join(m.milestones)}", ""]
    out += ["---", "", "Hours are editorial estimates of focused work. Sources:", ""]
    ids = ["article"] + [s for t in plan.tasks for c in t.certifications for s in c.sources]
    ids += [s for t in plan.tasks for e in t.events for s in e.sources]
    for src in cat.cited(ids):
        url = f" <{src.url}>" if src.url else ""
        out.append(f"- [{src.id}] {src.title} ({src.period}; {src.kind}){url}")
    out += ["", f"Data as of {cat.reviewed.isoformat()}. Made with aicareer.", ""]
    return "\n".join(out)


def _linked(line: str) -> str:
    """'Resources: A <https://a>; B <https://b>' as Markdown links."""
    if not line.startswith("Resources: "):
        return line
    links = []
    for part in line.removeprefix("Resources: ").split("; "):
        name, _, url = part.rpartition(" <")
        links.append(f"[{name}]({url.rstrip('>')})" if name else part)
    return "Resources: " + "; ".join(links)


def as_data(cat: Catalogue, plan: Plan, marks: Mapping[str, str]) -> dict[str, Any]:
    """The plan as JSON-ready data: the one shape lives in render.json_shapes."""
    from aicareer.render import json_shapes

    return json_shapes.roadmap(cat, plan, marks)


def render(fmt: str, cat: Catalogue, plan: Plan, background_label: str, marks: Mapping[str, str], *,
           now: datetime.datetime, calendar: Any = None, saved_to: str | None = None) -> Any:
    """The plan in one format: a rich renderable for 'table', text for 'markdown' and 'json',
    bytes for 'ics' (`calendar`: a render.ics.CalendarOptions)."""
    if fmt == "markdown":
        return markdown(cat, plan, background_label, marks)
    if fmt == "json":
        import json

        return json.dumps(as_data(cat, plan, marks), indent=2, ensure_ascii=False) + "\n"
    if fmt == "ics":
        from aicareer.render import ics

        return ics.calendar(plan, now, calendar or ics.CalendarOptions())
    from aicareer.render.roadmap_view import roadmap_view

    return roadmap_view(cat, plan, background_label, marks, saved_to)
