"""The --json shapes of compare, roles, role, market and locations (re-exported by render/json_shapes.py)."""

from __future__ import annotations

from typing import Any

from aicareer.catalogue.index import Catalogue
from aicareer.catalogue.models import Occupation, Role
from aicareer.domain.salary import Comparison
from aicareer.render.json_common import (
    ARTICLE_PERIOD,
    BLS_PERIOD,
    figure,
    occupation,
    plain,
    survey,
    with_sources,
)


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
