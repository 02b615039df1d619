"""The documented --json shapes (plain dicts; money in whole US dollars)."""

from __future__ import annotations

from typing import Any

import msgspec

from aicareer.catalogue.index import Catalogue
from aicareer.catalogue.models import Occupation, Role
from aicareer.domain.salary import Comparison


def plain(obj: Any) -> Any:
    """A model as JSON-ready builtins."""
    return msgspec.to_builtins(obj)


def sources(cat: Catalogue, ids: list[str]) -> list[dict[str, Any]]:
    return [plain(s) for s in cat.cited(ids)]


def occupation(occ: Occupation) -> dict[str, Any]:
    data = plain(occ)
    data["basis"] = "base wage"
    return data


def comparison(cat: Catalogue, comp: Comparison, references: list[Occupation]) -> dict[str, Any]:
    roles = []
    for row in comp.rows:
        pay = row.pay
        roles.append({
            "id": row.role.id,
            "name": row.role.name,
            "track": row.role.track,
            "basis": pay.basis,
            "low": pay.low,
            "high": pay.high,
            "open_top": pay.open_top,
            "midpoint": pay.midpoint,
            "estimate": pay.estimate,
            "published": {"low": row.published.low, "high": row.published.high,
                          "open_top": row.published.open_top, "period": row.published.period,
                          "sources": list(row.published.sources)},
            "trend": plain(row.role.trend),
        })
    ids = [s for r in comp.rows for s in r.published.sources] + [s for o in references for s in o.sources]
    return {
        "data_as_of": cat.reviewed.isoformat(),
        "currency": "USD",
        "location": comp.location.id if comp.location else None,
        "level": comp.level.id if comp.level else None,
        "methods": comp.methods,
        "roles": roles,
        "reference": [occupation(o) for o in references],
        "sources": sources(cat, ids),
    }


def roles(cat: Catalogue) -> dict[str, Any]:
    return {"data_as_of": cat.reviewed.isoformat(),
            "roles": [{"id": r.id, "name": r.name, "track": r.track, "aliases": list(r.aliases),
                       "salary": plain(r.salary)} for r in cat.roles.values()]}


def market(cat: Catalogue) -> dict[str, Any]:
    data = plain(cat.market)
    data["data_as_of"] = cat.reviewed.isoformat()
    data["cited"] = sources(cat, list(cat.sources))
    return data


def role(cat: Catalogue, r: Role) -> dict[str, Any]:
    data = plain(r)
    data["skills"] = {
        kind: [{"id": sid, "name": cat.skills[sid].name, "note": r.skill_notes.get(sid)} for sid in ids]
        for kind, ids in (("must_have", r.must_have), ("nice_to_have", r.nice_to_have))
    }
    data["data_as_of"] = cat.reviewed.isoformat()
    data["cited"] = sources(cat, [*r.sources, *(r.salary.sources if r.salary else ())])
    return data


def _need(n: Any) -> dict[str, Any]:
    """A skill the user lacks for a role (a gaps.SkillNeed)."""
    return {"skill": n.skill.id, "name": n.skill.name, "kind": n.kind, "weight": round(n.weight, 3),
            "learn_hours_estimate": n.skill.learn_hours}


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
            "have": [n.skill.id for n in m.gap.have],
            "salary": None if m.pay is None else {"low": m.pay.low, "high": m.pay.high, "open_top": m.pay.open_top, "basis": m.pay.basis,
                       "estimate": m.pay.estimate, "level": result.level.id, "location": result.location.id},
            "next": [f"aicareer roadmap --track {m.role.id}", f"aicareer gap {m.role.id}"],
            "top": rank <= result.top,
        })
    return {
        "data_as_of": cat.reviewed.isoformat(),
        "answers": result.answers.to_dict(),
        "level": result.level.id,
        "method": {"weights": plain(w), "level": result.level.method, "location": result.location.method,
                   "described_in": "data/scoring.yaml"},
        "matches": matches,
        "notes": [{"text": n.text, "figure": plain(n.figure) if n.figure else None} for n in result.notes],
        "profile": saved_to,
    }


def role_gap(cat: Catalogue, gap: Any, known_from: str) -> dict[str, Any]:
    from aicareer.domain.gaps import why

    return {
        "role": gap.role.id,
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
        "role_fit": {k: round(v, 4) for k, v in result.role_fit.items()},
    }


def skill_set(cat: Catalogue, known: Any, from_resume: list[str]) -> dict[str, Any]:
    """What the user knows: terms, learning skills, names not in the catalogue, and the resume's finds."""
    voc = cat.vocabulary
    return {
        "terms": sorted(known.terms),
        "learning_skills": sorted(known.skills),
        "not_in_catalogue": [{"name": n, "did_you_mean": list(known.suggestions.get(n) or ())} for n in known.unknown],
        "found_in_resume": [{"term": t, "name": voc.display(t)} for t in from_resume],
    }


def progress(plan: dict[str, Any], summary: Any, marks: dict[str, str]) -> dict[str, Any]:
    return {"plan": {k: plan[k] for k in ("track", "background", "start", "hours_per_week", "saved")},
            "done_hours": summary.done_hours, "total_hours": summary.total_hours,
            "share": round(summary.share, 4), "done_tasks": summary.done_tasks,
            "skipped_tasks": summary.skipped_tasks, "open_tasks": summary.open_tasks,
            "months": [{"number": m.number, "label": m.label, "done_hours": m.done_hours,
                        "total_hours": m.total_hours, "share": round(m.share, 4)} for m in summary.months],
            "next": [t["id"] for t in summary.next_tasks], "marks": marks}
