"""The plan as Markdown, JSON-ready data, and iCalendar (via the icalendar library)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from typing import Any

from aicareer.catalogue.index import Catalogue
from aicareer.core.safe_text import printable
from aicareer.domain.roadmap import Plan
from aicareer.render.roadmap_text import FREE_MONTH, STATUS_NOTE, month_heading, pacing_text, task_details

_AUTOLINK = re.compile(r"<(https?://[^\s<>]+)>")
_LINK_END = re.compile(r"\](?=[(\[:])")  # the "](" or "][" that would close a link's text


def md_inline(text: str) -> str:
    """Text from data made inert inside one Markdown line: newlines become spaces (no
    injected heading, list item or checked task), HTML is escaped (no raw <script>),
    a "](" that would close a link is escaped (no injected link), control characters are
    shown as escapes. An autolink <https://...> that the plan text carries stays a link."""
    text = " ".join(printable(str(text), one_line=True).splitlines())
    parts = _AUTOLINK.split(text)  # even: text; odd: the address inside <...>
    return "".join(f"<{md_url(part)}>" if i % 2 else
                   _LINK_END.sub(r"\\]", part).replace("<", "&lt;").replace(">", "&gt;")
                   for i, part in enumerate(parts))


def md_url(url: str) -> str:
    """An address for <...>: no space, angle bracket or control character can end it early."""
    return re.sub(r"[\s<>\x00-\x1f\x7f-\x9f]", lambda m: f"%{ord(m.group()):02X}", url)


def markdown(cat: Catalogue, plan: Plan, background_label: str, marks: Mapping[str, str]) -> str:
    esc = md_inline
    start = f", starting {plan.start:%B %Y}" if plan.start else ""
    out = [f"# 12-month roadmap: {esc(plan.track.name)}", "",
           f"From {esc(background_label.lower())}, {plan.pacing.hours_per_week} h a week{start}.", "",
           esc(pacing_text(plan.pacing)), ""]
    if plan.retired_certifications:
        out += ["> **Note:** the article recommends AWS Certified Machine Learning – Specialty, which AWS retired "
                "on 31 March 2026. Month 7 names current options.", ""]
    phase = None
    for m in plan.months:
        if m.phase.id != phase:
            phase = m.phase.id
            out += [f"## {esc(m.phase.name)} (months {m.phase.first}–{m.phase.last})", ""]
        out += [f"### {esc(month_heading(m))}", "", f"**Goal:** {esc(m.goal)}", ""]
        for t in m.tasks:
            mark = marks.get(t.id)
            box_ = "x" if mark == "done" or t.status == "known" else " "
            title = f"~~{esc(t.title)}~~" if t.status == "known" else esc(t.title)
            note = f" *({STATUS_NOTE[t.status]})*" if t.status in STATUS_NOTE else ""
            skipped = " *(skipped)*" if mark == "skipped" else ""
            out.append(f"- [{box_}] `{t.id.replace('`', '')}` {title} ({t.hours} h){note}{skipped}")
            out += [f"  - {esc(line)}" for line in task_details(plan, t)]
        if m.hours == 0:
            out += ["", FREE_MONTH]
        out += ["", f"**Deliverable:** {esc(m.deliverable)}", ""]
        if m.milestones:
            out += [f"**Milestones:** {'; '.join(esc(x) for x in m.milestones)}", ""]
    out += ["---", "", "Hours are editorial estimates of focused work. Sources:", ""]
    ids = ["article"] + [s for t in plan.tasks for c in t.certifications for s in c.sources]
    ids += [s for t in plan.tasks for e in t.events for s in e.sources]
    for src in cat.cited(ids):
        url = f" <{md_url(src.url)}>" if src.url else ""
        out.append(f"- [{esc(src.id)}] {esc(src.title)} ({esc(src.period)}; {esc(src.kind)}){url}")
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
