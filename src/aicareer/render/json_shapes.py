"""The documented --json shapes (plain dicts; money in whole US dollars).

One vocabulary for every command, described in docs/json.md and checked against the models in
render/json_models.py: `reviewed` (the date the data was last reviewed), `data_period` (the period the
figures refer to, one string), `sources` at the top level (every source record the document cites;
nested `sources` are lists of those records' ids), ids always beside their names, and no key that is a
jq keyword (so `{name, value}` works on jq 1.6).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import msgspec

from aicareer.catalogue.index import Catalogue
from aicareer.catalogue.models import Occupation, Role, Source
from aicareer.domain.salary import Comparison

ARTICLE_PERIOD = "2025 (article)"
BLS_PERIOD = "BLS OEWS May 2025"


def plain(obj: Any) -> Any:
    """A model as JSON-ready builtins."""
    return msgspec.to_builtins(obj)


def source_record(s: Source) -> dict[str, Any]:
    """A cited source: {id, title, publisher, period, kind, url, note}."""
    return {"id": s.id, "title": s.title, "publisher": s.publisher, "period": s.period, "kind": s.kind,
            "url": s.url, "note": s.note}


def sources(cat: Catalogue, ids: Iterable[str]) -> list[dict[str, Any]]:
    return [source_record(s) for s in cat.cited(ids)]


def cited_ids(data: Any) -> list[str]:
    """Every source id the data names: the items of each nested `sources` list and each `source` value."""
    found: list[str] = []
    if isinstance(data, Mapping):
        for key, value in data.items():
            if key == "sources" and isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
                found += list(value)
            elif key == "source" and isinstance(value, str):
                found.append(value)
            else:
                found += cited_ids(value)
    elif isinstance(data, list | tuple):
        for item in data:
            found += cited_ids(item)
    return found


def with_sources(cat: Catalogue, doc: dict[str, Any], extra: Iterable[str] = ()) -> dict[str, Any]:
    """The document with its top-level `sources`: the record of every id it cites, in order of first use."""
    doc["sources"] = sources(cat, [*extra, *cited_ids(doc)])
    return doc


def _renamed(data: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    """The dict with key `old` renamed `new`, in place of it (key order kept)."""
    return {(new if k == old else k): v for k, v in data.items()}


def figure(f: Any) -> dict[str, Any]:
    """A market figure; its `label` is called `name` as everywhere else."""
    return _renamed(plain(f), "label", "name")


def survey(s: Any) -> dict[str, Any]:
    """A self-reported survey figure (Stack Overflow): secondary to the published ranges."""
    return {**_renamed(plain(s), "label", "name"), "secondary": True, "self_reported": True}


def occupation(occ: Occupation) -> dict[str, Any]:
    data: dict[str, Any] = plain(occ)
    data["basis"] = "base wage"
    return data


def _place(choice: Any) -> dict[str, Any] | None:
    if choice is None:
        return None
    p = choice.place
    return {"id": choice.id, "name": choice.name, "bls_area_code": p.code, "kind": p.kind,
            "bls_area_name": p.name, "adjusts": choice.adjusts, "method": choice.method,
            "article_claim": choice.claim, "sources": list(choice.sources)}


def _local(local: Any) -> dict[str, Any] | None:
    if local is None:
        return None
    return {"ratio_percentile": "median", "ratio": local.ratio, "ratios": local.ratios, "socs": list(local.socs),
            "weights_national_employment": local.weights, "notes": list(local.notes),
            "period": local.period, "sources": list(local.sources),
            "occupations": [{**plain(o), "basis": "base wage", "period": local.period,
                             "sources": list(local.sources)} for o in local.occupations]}


def comparison(cat: Catalogue, comp: Comparison, references: list[Occupation]) -> dict[str, Any]:
    roles = []
    for row in comp.rows:
        pay = row.pay
        item: dict[str, Any] = {"id": row.role.id, "name": row.role.name, "track": row.role.track}
        if pay is None:
            item.update({"basis": None, "low": None, "high": None, "open_top": None, "midpoint": None,
                         "estimate": None, "published": None, "note": "no published base+equity range"})
        else:
            assert row.published is not None
            item.update({
                "basis": pay.basis, "low": pay.low, "high": pay.high, "open_top": pay.open_top,
                "midpoint": pay.midpoint, "estimate": pay.estimate,
                "published": {"low": row.published.low, "high": row.published.high,
                              "open_top": row.published.open_top, "period": row.published.period,
                              "sources": list(row.published.sources)},
                "note": None,
            })
        item["method"] = (row.local.method(comp.location.place.name)
                          if row.local and pay and pay.estimate and comp.location and comp.location.adjusts else None)
        item["bls"] = _local(row.local)
        item["survey_pay"] = [survey(s) for s in row.role.survey_pay]
        item["trend"] = plain(row.role.trend)
        roles.append(item)
    refs = [] if comp.location is not None else references
    level = comp.level
    return with_sources(cat, {
        "reviewed": cat.reviewed.isoformat(),
        "data_period": f"{ARTICLE_PERIOD}; {comp.wages_period or BLS_PERIOD}",
        "currency": "USD",
        "location": _place(comp.location),
        "level": {"id": level.id, "name": level.name} if level else None,
        "methods": comp.methods,
        "notes": comp.fallback_notes,
        "roles": roles,
        "reference": [occupation(o) for o in refs],
    })


def _bls_base(r: Role, table: Any = None) -> list[dict[str, Any]]:
    from aicareer.render.role_view import national_base

    notes = {link.soc: link.note for link in r.occupations}
    return [{"soc": b.soc, "name": b.name, "median": b.median, "p10": b.p10, "p90": b.p90, "area": "national",
             "period": "May 2025", "basis": "base wage", "sources": ["bls-oews-2025"],
             "mapping": {"note": " ".join(notes[b.soc].split()), "sources": list(b.sources)}}
            for b in national_base(r, table)]


def locations(query: str | None, found: list[Any]) -> dict[str, Any]:
    return {"query": query, "count": len(found), "data_period": BLS_PERIOD,
            "places": [{"name": p.name, "kind": p.kind, "bls_area_code": p.code, "states": list(p.states),
                        "note": p.note or None} for p in found]}


def roles(cat: Catalogue) -> dict[str, Any]:
    """Every role; `bls_base_median` is the national median base wage of the first mapped occupation
    that has one (null when BLS publishes none), so a role without a published range shows no invented one."""
    from aicareer.catalogue.wages import WageTable

    table = WageTable.open()
    out = []
    for r in cat.roles.values():
        base = next((b for b in _bls_base(r, table) if b["median"] is not None), None)
        out.append({"id": r.id, "name": r.name, "track": r.track, "aliases": list(r.aliases),
                    "other_titles": list(r.other_titles), "salary": plain(r.salary),
                    "bls_base_median": {k: base[k] for k in ("soc", "name", "median", "period", "basis", "sources")}
                    if base else None})
    return with_sources(cat, {"reviewed": cat.reviewed.isoformat(), "data_period": f"{ARTICLE_PERIOD}; {BLS_PERIOD}",
                              "roles": out})


def market(cat: Catalogue, metros: list[Any] | None = None, period: str | None = None) -> dict[str, Any]:
    m = cat.market
    return with_sources(cat, {
        "reviewed": cat.reviewed.isoformat(),
        "data_period": f"{ARTICLE_PERIOD}; {period or BLS_PERIOD}",
        "figures": [figure(f) for f in m.figures],
        "hotspots": plain(m.hotspots),
        "metro_medians": plain(m.metro_medians),
        "industries": plain(m.industries),
        "adjustments": plain(m.adjustments),
        "occupation_metros": {"period": period, "sources": ["bls-oews-2025"], "basis": "base wage",
                              "occupations": plain(metros or [])},
    }, extra=list(cat.sources))


def role(cat: Catalogue, r: Role) -> dict[str, Any]:
    """`aicareer role ID --json`: the role (its own `sources` are ids), its skills by name, BLS base wages."""
    data: dict[str, Any] = plain(r)
    data["survey_pay"] = [survey(s) for s in r.survey_pay]
    data["skills"] = {
        kind: [{"id": sid, "name": cat.skills[sid].name, "note": r.skill_notes.get(sid)} for sid in ids]
        for kind, ids in (("must_have", r.must_have), ("nice_to_have", r.nice_to_have))
    }
    return with_sources(cat, {"reviewed": cat.reviewed.isoformat(),
                              "data_period": f"{ARTICLE_PERIOD}; {BLS_PERIOD}",
                              "role": data, "bls_base": _bls_base(r)})


def _need(n: Any) -> dict[str, Any]:
    """A skill the user lacks for a role (a gaps.SkillNeed)."""
    return {"skill": n.skill.id, "name": n.skill.name, "kind": n.kind, "weight": round(n.weight, 3),
            "learn_hours_estimate": n.skill.learn_hours}



def role_gap(cat: Catalogue, gap: Any, known_from: str) -> dict[str, Any]:
    from aicareer.domain.gaps import why

    return {
        "role": gap.role.id,
        "name": gap.role.name,
        "known_from": known_from,
        "coverage": round(gap.coverage, 4),
        "have": [{"skill": n.skill.id, "name": n.skill.name, "kind": n.kind} for n in gap.have],
        "missing": [{**_need(n), "why": why(cat, gap.role, n)} for n in gap.missing],
        "hours_to_close_estimate": gap.hours_to_close,
    }


def posting(name: str, result: Any, known_from: str) -> dict[str, Any]:
    return {
        "posting": name,
        "known_from": known_from,
        "match": round(result.match, 4),
        "shown_match": round(result.shown_match, 4),
        "match_caveat": result.caveat,
        "requirements": [{"terms": list(r.ids), "name": r.name, "section": r.section, "weight": r.weight,
                          "known": r.known, "learning_skills": [t.skill for t in r.terms if t.skill]}
                         for r in result.requirements],
        "coverage": {"requirement_lines": result.requirement_lines,
                     "lines_with_a_known_skill": result.requirement_lines - len(result.unread),
                     "unread_lines": list(result.unread),
                     "unknown_terms": list(result.unknown_terms)},
        "keywords_to_add": [r.name for r in result.missing],
        "best_role": result.best_role.id if result.best_role else None,
        "best_role_name": result.best_role.name if result.best_role else None,
        "role_fit": {k: round(v, 4) for k, v in result.role_fit.items()},
    }


def gap(cat: Catalogue, known: Any, from_resume: list[str], known_from: str, role_gap_: Any = None,
        posting_: tuple[str, Any] | None = None) -> dict[str, Any]:
    """`aicareer gap --json`: what the user knows, and the role gap and/or the posting against it. Cited:
    the article and O*NET 30.3 (skill order and flags), the role's sources, the recognition vocabulary's."""
    doc: dict[str, Any] = {"reviewed": cat.reviewed.isoformat(),
                           "data_period": f"{ARTICLE_PERIOD}; O*NET 30.3; learning hours: editorial estimates",
                           "your_skills": skill_set(cat, known, from_resume)}
    if role_gap_ is not None:
        doc["role_gap"] = role_gap(cat, role_gap_, known_from)
    if posting_ is not None:
        doc["posting"] = posting(posting_[0], posting_[1], known_from)
    role_ids = list(role_gap_.role.sources) if role_gap_ is not None else []
    return with_sources(cat, doc, ["article", "onet-30.3", *role_ids])


def skill_set(cat: Catalogue, known: Any, from_resume: list[str]) -> dict[str, Any]:
    """What the user knows: terms, learning skills, names not in the catalogue, and the resume's finds."""
    voc = cat.vocabulary
    return {
        "terms": sorted(known.terms),
        "learning_skills": sorted(known.skills),
        "not_in_catalogue": [{"name": n, "did_you_mean": list(known.suggestions.get(n) or ())} for n in known.unknown],
        "found_in_resume": [{"term": t, "name": voc.display(t)} for t in from_resume],
    }


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
            "gaps": [{**_need(n), "note": n.note} for n in m.gap.missing],
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


def offers(cat: Catalogue, comp: Any, placements: dict[str, Any], saved_to: str | None = None) -> dict[str, Any]:
    """`aicareer offer --json`: every offer's input, years, totals, rank, difference, placement, assumptions.
    An offer's `label` (its name in the offers file) is `name` here, as everywhere in the JSON."""
    ranked = []
    for r in comp.ranked:
        value = r.value
        placement = _renamed(plain(placements[value.offer.label]), "label", "name")
        if placement["role"] is not None:
            name = placement["role"]
            placement["role"] = {"id": next((x.id for x in cat.roles.values() if x.name == name), value.offer.role),
                                 "name": name}
        if placement["period"].startswith("BLS ") and not placement["period"].startswith("BLS OEWS"):
            placement["period"] = "BLS OEWS " + placement["period"].removeprefix("BLS ")
        placement["sources"] = (["article"] if placement["article"] else []) + (["bls-oews-2025"] if placement["wages"] else [])
        ranked.append({
            "rank": r.rank,
            "name": value.offer.label,
            "offer": _renamed(plain(value.offer), "label", "name"),
            "years": plain(value.years),
            "total": value.total,
            "average": value.average,
            "difference": r.difference,
            "difference_percent": r.difference_percent,
            "assumptions": plain(value.assumptions),
            "market": placement,
        })
    doc: dict[str, Any] = {
        "reviewed": cat.reviewed.isoformat(),
        "data_period": f"{ARTICLE_PERIOD}; {BLS_PERIOD}",
        "currency": "USD",
        "basis": "before tax; cash = base + bonus at target + sign-on (year 1); equity at grant value unless growth",
        "years": len(comp.ranked[0].value.years),
        "offers": ranked,
        "common_assumptions": plain(comp.common),
        "saved_to": saved_to,
    }
    return with_sources(cat, doc)


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
