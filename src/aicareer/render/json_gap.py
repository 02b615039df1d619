"""The --json shapes of gap: skill set, role gap, posting coverage (re-exported by render/json_shapes.py)."""

from __future__ import annotations

from typing import Any

from aicareer.catalogue.index import Catalogue
from aicareer.render.json_common import ARTICLE_PERIOD, need, with_sources


def role_gap(cat: Catalogue, gap: Any, known_from: str) -> dict[str, Any]:
    from aicareer.domain.gaps import why

    return {
        "role": gap.role.id,
        "name": gap.role.name,
        "known_from": known_from,
        "coverage": round(gap.coverage, 4),
        "have": [{"skill": n.skill.id, "name": n.skill.name, "kind": n.kind} for n in gap.have],
        "missing": [{**need(n), "why": why(cat, gap.role, n)} for n in gap.missing],
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
