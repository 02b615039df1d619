"""The plan as Markdown, JSON-ready data, and iCalendar (via the icalendar library)."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from aicareer.catalogue.index import Catalogue
from aicareer.domain.roadmap import Plan
from aicareer.render.roadmap_text import FREE_MONTH, STATUS_NOTE, month_heading, pacing_text, task_details


def markdown(cat: Catalogue, plan: Plan, background_label: str, marks: Mapping[str, str]) -> str:
    start = f", starting {plan.start:%B %Y}" if plan.start else ""
    out = [f"# 12-month roadmap: {plan.track.name}", "",
           f"From {background_label.lower()}, {plan.pacing.hours_per_week} h a week{start}.", "",
           pacing_text(plan.pacing), ""]
    if plan.retired_certifications:
        out += ["> **Note:** the article recommends AWS Certified Machine Learning – Specialty, which AWS retired "
                "on 31 March 2026. Month 7 names current options.", ""]
    phase = None
    for m in plan.months:
        if m.phase.id != phase:
            phase = m.phase.id
            out += [f"## {m.phase.name} (months {m.phase.first}–{m.phase.last})", ""]
        out += [f"### {month_heading(m)}", "", f"**Goal:** {m.goal}", ""]
        for t in m.tasks:
            mark = marks.get(t.id)
            box_ = "x" if mark == "done" or t.status == "known" else " "
            title = f"~~{t.title}~~" if t.status == "known" else t.title
            note = f" *({STATUS_NOTE[t.status]})*" if t.status in STATUS_NOTE else ""
            skipped = " *(skipped)*" if mark == "skipped" else ""
            out.append(f"- [{box_}] `{t.id}` {title} ({t.hours} h){note}{skipped}")
            out += [f"  - {line}" for line in task_details(plan, t)]
        if m.hours == 0:
            out += ["", FREE_MONTH]
        out += ["", f"**Deliverable:** {m.deliverable}", ""]
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


def as_data(cat: Catalogue, plan: Plan, marks: Mapping[str, str]) -> dict[str, Any]:
    from aicareer.domain.roadmap import event_months

    return {
        "data_as_of": cat.reviewed.isoformat(),
        "track": plan.track.id,
        "background": plan.background,
        "start": plan.start.isoformat() if plan.start else None,
        "pacing": {"hours_per_week": plan.pacing.hours_per_week, "total_hours": plan.pacing.total_hours,
                   "months_needed": round(plan.pacing.months_needed, 2), "fits": plan.pacing.fits,
                   "hours_are": "editorial estimates"},
        "event_months": event_months(plan),
        "months": [{
            "number": m.number, "label": m.label, "phase": m.phase.id, "goal": m.goal,
            "deliverable": m.deliverable, "hours": m.hours, "length_months": round(m.length, 2),
            "start": m.start.isoformat() if m.start else None, "end": m.end.isoformat() if m.end else None,
            "milestones": list(m.milestones),
            "tasks": [{"id": t.id, "title": t.title, "hours": t.hours, "skills": list(t.skills),
                       "status": t.status, "reason": t.reason, "mark": marks.get(t.id),
                       "certifications": [c.id for c in t.certifications],
                       "events": [e.id for e in t.events], "resources": [{"name": r.name, "url": r.url} for r in t.resources]} for t in m.tasks],
        } for m in plan.months],
    }


def ics(cat: Catalogue, plan: Plan, now: datetime.datetime) -> bytes:
    """One all-day event per plan month, plus the conferences' months and the exam target."""
    from icalendar import Calendar, Event

    assert plan.start is not None, "an iCalendar plan needs a start month"
    cal = Calendar()
    cal.add("prodid", "-//aicareer//roadmap//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"aicareer: {plan.track.short_name} roadmap")
    uid_base = f"{plan.track.id}-{plan.background}-{plan.start:%Y%m}"

    def add(uid: str, summary: str, first: datetime.date, last: datetime.date, description: str) -> None:
        event = Event()
        event.add("uid", f"{uid}@aicareer")
        event.add("dtstamp", now)
        event.add("summary", summary)
        event.add("dtstart", first)
        event.add("dtend", last + datetime.timedelta(days=1))  # all-day: DTEND is exclusive
        event.add("description", description)
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)

    for m in plan.months:
        assert m.start is not None and m.end is not None
        lines = [f"Goal: {m.goal}", ""]
        for t in m.tasks:
            if t.active:
                lines.append(f"[ ] {t.id}: {t.title} ({t.hours} h)")
        lines += ["", f"Deliverable: {m.deliverable}"]
        add(f"{uid_base}-m{m.number}", f"{plan.track.short_name} plan, month {m.number}: {m.goal}",
            m.start, m.end, "\n".join(lines))
        for e in m.events:
            first = datetime.date(m.start.year if e.month >= m.start.month else m.start.year + 1, e.month, 1)
            nxt = datetime.date(first.year + (first.month == 12), first.month % 12 + 1, 1)
            add(f"{uid_base}-{e.id}", f"{e.name} is usually held this month",
                first, nxt - datetime.timedelta(days=1),
                f"{e.name}: {e.when}. Exact dates: check the conference's site. Sources: {', '.join(e.sources)}")
        if any(t.id == "cert-exam" and t.active for t in m.tasks):
            add(f"{uid_base}-exam", "Target: take your certification exam", m.end, m.end,
                "Planned in your aicareer roadmap (month 8).")
    return cal.to_ical()
