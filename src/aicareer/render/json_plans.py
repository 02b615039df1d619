"""The --json shapes of assess, roadmap and progress (re-exported by render/json_shapes.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aicareer.catalogue.index import Catalogue
from aicareer.render.json_common import (
    ARTICLE_PERIOD,
    BLS_PERIOD,
    figure,
    need,
    plain,
    with_sources,
)


def assessment(cat: Catalogue, result: Any, saved_to: str | None) -> dict[str, Any]:
    w = cat.scoring.weights
    matches = []
    for rank, m in enumerate(result.matches, 1):
        matches.append({
            "rank": rank,
            "role": m.role.id,
            "name": m.role.name,
            "score": m.score,
            "components": {k: (None if v is None else round(v, 4)) for k, v in m.components.items()},
            "reasons": [{"sign": "-" if r.sign == "−" else r.sign, "text": r.text} for r in m.reasons],
            "gaps": [{**need(n), "note": n.note} for n in m.gap.missing],
            "have": [{"skill": n.skill.id, "name": n.skill.name, "kind": n.kind} for n in m.gap.have],
            "salary": None if m.pay is None else {
                "low": m.pay.low, "high": m.pay.high, "open_top": m.pay.open_top, "basis": m.pay.basis,
                "estimate": m.pay.estimate, "level": (m.level.level if m.level else result.level).id,
                "location": result.location.id,
                "sources": list(m.role.salary.sources) if m.role.salary else []},
            "level": None if m.level is None else {"id": m.level.level.id, "name": m.level.level.name,
                                                   "why": m.level.why, "overridden": m.level.overridden},
            "next": [f"aicareer roadmap --track {m.role.id}", f"aicareer gap {m.role.id}"],
            "top": rank <= result.top,
        })
    return with_sources(cat, {
        "reviewed": cat.reviewed.isoformat(),
        "data_period": f"{ARTICLE_PERIOD}; {BLS_PERIOD}",
        "answers": result.answers.to_dict(),
        "level": result.level.id,
        "method": {"weights": plain(w), "level": result.level.method, "location": result.location.method,
                   "described_in": "data/scoring.yaml"},
        "matches": matches,
        "notes": [{"text": n.text, "figure": figure(n.figure) if n.figure else None} for n in result.notes],
        "profile": saved_to,
    })


def progress(plan: dict[str, Any], summary: Any, marks: dict[str, str], standing: Any = None) -> dict[str, Any]:
    """`aicareer progress --json`: the saved plan's pace today, per month and overall; tasks by id and title."""
    titles = {str(t.get("id")): t.get("title") for t in plan.get("tasks") or [] if isinstance(t, dict)}
    today = None
    if standing is not None:
        s = standing
        today = {"date": s.today.isoformat(), "paced_from": s.paced_from.isoformat(), "month": s.month,
                 "month_name": s.month_label or None, "state": s.state, "done_hours": s.done_hours,
                 "expected_hours": round(s.expected_hours, 1), "difference_hours": round(s.difference, 1),
                 "difference_weeks": round(s.weeks, 2),
                 "this_week": [{"id": t.id, "title": t.title, "hours": round(t.hours, 1), "task_hours": t.task_hours}
                               for t in s.this_week]}
    return {"plan": {k: plan.get(k) for k in ("track", "track_name", "background", "start", "hours_per_week",
                                              "saved", "paced_from", "replanned")},
            "today": today,
            "done_hours": summary.done_hours, "total_hours": summary.total_hours,
            "share": round(summary.share, 4), "done_tasks": summary.done_tasks,
            "skipped_tasks": summary.skipped_tasks, "open_tasks": summary.open_tasks,
            "months": [{"number": m.number, "name": m.label, "done_hours": round(m.done_hours, 1),
                        "total_hours": round(m.total_hours, 1), "share": round(m.share, 4)}
                       for m in summary.months],
            "next": [{"id": t["id"], "title": t.get("title") or titles.get(t["id"])} for t in summary.next_tasks],
            "marks": [{"id": k, "title": titles.get(k), "mark": v} for k, v in marks.items()]}


def roadmap(cat: Catalogue, plan: Any, marks: Mapping[str, str]) -> dict[str, Any]:
    """`aicareer roadmap --format json`: the plan, month by month; certifications and events by id, name
    and dates; every cited source at the end."""
    from aicareer.domain.roadmap import event_months

    events = {e.id: e for t in plan.tasks for e in t.events}
    return with_sources(cat, {
        "reviewed": cat.reviewed.isoformat(),
        "data_period": ARTICLE_PERIOD,
        "track": {"id": plan.track.id, "name": plan.track.name},
        "background": plan.background,
        "start": plan.start.isoformat() if plan.start else None,
        "headline": plan.pacing.headline,
        "pacing": {"hours_per_week": plan.pacing.hours_per_week, "total_hours": plan.pacing.total_hours,
                   "months": plan.pacing.months, "months_needed": round(plan.pacing.months_needed, 2),
                   "fits_in_12_months": plan.pacing.fits,
                   "hours_per_week_for_12_months": plan.pacing.hours_per_week_to_fit,
                   "hours_are": "editorial estimates"},
        "event_months": [{"event": eid, "name": events[eid].name if eid in events else None, "plan_month": n}
                         for eid, n in event_months(plan).items()],
        "tasks": [_task(plan, t, marks) for t in plan.tasks],
        "months": [{
            "number": m.number, "count": m.count, "name": m.label, "phase": {"id": m.phase.id, "name": m.phase.name},
            "goal": m.goal, "stages": [s.number for s in m.stages],
            "deliverable": m.deliverable or None, "hours": round(m.hours, 1),
            "first_day": m.start.isoformat() if m.start else None,
            "last_day": m.end.isoformat() if m.end else None,
            "milestones": list(m.milestones),
            "events": [{"id": o.event.id, "name": o.event.name, "year": o.year, "month": o.month,
                        "cited": o.edition is not None,
                        "first_day": o.edition.start.isoformat() if o.edition else None,
                        "last_day": o.edition.end.isoformat() if o.edition else None,
                        "place": o.edition.place if o.edition else None,
                        "sources": [o.edition.source] if o.edition else list(o.event.sources),
                        "text": o.text()}
                       for o in m.events],
            "work": [{"task": p.task.id, "title": p.task.title, "hours": round(p.hours, 1), "part": p.part,
                      "parts": p.parts} for p in m.pieces],
            "tasks": [_task(plan, t, marks) for t in m.tasks],
        } for m in plan.months],
    }, extra=["article"])


def _task(plan: Any, t: Any, marks: Mapping[str, str]) -> dict[str, Any]:
    month = plan.month_of(t.id)
    return {"id": t.id, "title": t.title, "kind": t.kind, "hours": t.hours,
            "roadmap_hours": t.full_hours or t.hours, "stage": t.stage, "month": month.last if month else None,
            "skills": list(t.skills), "status": t.status, "reason": t.reason, "mark": marks.get(t.id),
            "certifications": [{"id": c.id, "name": c.name, "status": c.status,
                                "retired_on": c.retired_on.isoformat() if c.retired_on else None,
                                "price_usd": c.price_usd, "price_approximate": c.price_approximate,
                                "note": c.note or None, "sources": list(c.sources)} for c in t.certifications],
            "events": [{"id": e.id, "name": e.name, "usual_month": e.usual_month,
                        "dates": [{"year": d.year, "first_day": d.start.isoformat(), "last_day": d.end.isoformat(),
                                   "place": d.place, "sources": [d.source]} for d in e.dates],
                        "note": e.note, "sources": list(e.sources)} for e in t.events],
            "resources": [{"name": r.name, "url": r.url} for r in t.resources]}
