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
            "data_period": local.period, "sources": list(local.sources),
            "occupations": [{**plain(o), "basis": "base wage", "data_period": local.period,
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
            })
        item["method"] = (row.local.method(comp.location.place.name)
                          if row.local and pay and pay.estimate and comp.location and comp.location.adjusts else None)
        item["bls"] = _local(row.local)
        item["survey_pay"] = [{**plain(s), "secondary": True, "self_reported": True} for s in row.role.survey_pay]
        item["trend"] = plain(row.role.trend)
        roles.append(item)
    located = comp.location is not None
    refs = [] if located else references
    ids = [s for r in comp.rows if r.published for s in r.published.sources] + [s for o in refs for s in o.sources]
    ids += [s for r in comp.rows if r.local for s in r.local.sources]
    ids += [s for r in comp.rows for sp in r.role.survey_pay for s in sp.sources]
    if comp.location is not None:
        ids += list(comp.location.sources)
    return {
        "data_as_of": cat.reviewed.isoformat(),
        "data_period": {"article": "2025", "bls": comp.wages_period},
        "currency": "USD",
        "location": _place(comp.location),
        "level": comp.level.id if comp.level else None,
        "methods": comp.methods,
        "notes": comp.fallback_notes,
        "roles": roles,
        "reference": [occupation(o) for o in refs],
        "sources": sources(cat, ids),
    }


def _bls_base(r: Role, table: Any = None) -> list[dict[str, Any]]:
    from aicareer.render.role_view import national_base

    notes = {link.soc: link.note for link in r.occupations}
    return [{"soc": b.soc, "name": b.name, "median": b.median, "p10": b.p10, "p90": b.p90, "area": "national",
             "period": "May 2025", "basis": "base wage", "sources": ["bls-oews-2025"],
             "mapping": {"note": " ".join(notes[b.soc].split()), "sources": list(b.sources)}}
            for b in national_base(r, table)]


def locations(query: str | None, found: list[Any]) -> dict[str, Any]:
    return {"query": query, "count": len(found), "data_period": "BLS OEWS May 2025",
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
    return {"data_as_of": cat.reviewed.isoformat(), "roles": out}


def market(cat: Catalogue, metros: list[Any] | None = None, period: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = plain(cat.market)
    data["data_as_of"] = cat.reviewed.isoformat()
    data["data_period"] = {"article": "2025", "bls": period}
    data["occupation_metros"] = {"data_period": period, "sources": ["bls-oews-2025"], "basis": "base wage",
                                 "occupations": plain(metros or [])}
    data["cited"] = sources(cat, list(cat.sources))
    return data


def role(cat: Catalogue, r: Role) -> dict[str, Any]:
    from aicareer.render.role_view import pay_sources

    data: dict[str, Any] = plain(r)
    data["skills"] = {
        kind: [{"id": sid, "name": cat.skills[sid].name, "note": r.skill_notes.get(sid)} for sid in ids]
        for kind, ids in (("must_have", r.must_have), ("nice_to_have", r.nice_to_have))
    }
    data["bls_base"] = _bls_base(r)
    data["data_as_of"] = cat.reviewed.isoformat()
    data["cited"] = sources(cat, [*r.sources, *pay_sources(r)])
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


def progress(plan: dict[str, Any], summary: Any, marks: dict[str, str], standing: Any = None) -> dict[str, Any]:
    today = None
    if standing is not None:
        s = standing
        today = {"date": s.today.isoformat(), "paced_from": s.paced_from.isoformat(), "month": s.month,
                 "month_label": s.month_label or None, "state": s.state, "done_hours": s.done_hours,
                 "expected_hours": round(s.expected_hours, 1), "difference_hours": round(s.difference, 1),
                 "difference_weeks": round(s.weeks, 2),
                 "this_week": [{"id": t.id, "hours": round(t.hours, 1), "task_hours": t.task_hours}
                               for t in s.this_week]}
    return {"plan": {k: plan.get(k) for k in ("track", "background", "start", "hours_per_week", "saved",
                                              "paced_from", "replanned")},
            "today": today,
            "done_hours": summary.done_hours, "total_hours": summary.total_hours,
            "share": round(summary.share, 4), "done_tasks": summary.done_tasks,
            "skipped_tasks": summary.skipped_tasks, "open_tasks": summary.open_tasks,
            "months": [{"number": m.number, "label": m.label, "done_hours": round(m.done_hours, 1),
                        "total_hours": round(m.total_hours, 1), "share": round(m.share, 4)}
                       for m in summary.months],
            "next": [t["id"] for t in summary.next_tasks], "marks": marks}


def offers(comp: Any, placements: dict[str, Any], saved_to: str | None = None) -> dict[str, Any]:
    """`aicareer offer --json`: every offer's input, years, totals, rank, difference, placement, assumptions."""
    ranked = []
    for r in comp.ranked:
        value = r.value
        placement = plain(placements[value.offer.label])
        ranked.append({
            "rank": r.rank,
            "label": value.offer.label,
            "offer": plain(value.offer),
            "years": plain(value.years),
            "total": value.total,
            "average": value.average,
            "difference": r.difference,
            "difference_percent": r.difference_percent,
            "assumptions": plain(value.assumptions),
            "market": placement,
        })
    return {
        "currency": "USD",
        "basis": "before tax; cash = base + bonus at target + sign-on (year 1); equity at grant value unless growth",
        "years": len(comp.ranked[0].value.years),
        "offers": ranked,
        "common_assumptions": plain(comp.common),
        "sources": {"article_range": "the article (2025): the role's base + equity range",
                    "wages": "U.S. Bureau of Labor Statistics, OEWS, May 2025 (base wages)"},
        "saved_to": saved_to,
    }
