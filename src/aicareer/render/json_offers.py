"""The --json shape of offer (re-exported by render/json_shapes.py)."""

from __future__ import annotations

from typing import Any

from aicareer.catalogue.index import Catalogue
from aicareer.render.json_common import (
    ARTICLE_PERIOD,
    BLS_PERIOD,
    plain,
    renamed,
    with_sources,
)


def offers(cat: Catalogue, comp: Any, placements: dict[str, Any], saved_to: str | None = None) -> dict[str, Any]:
    """`aicareer offer --json`: every offer's input, years, totals, rank, difference, placement, assumptions.
    An offer's `label` (its name in the offers file) is `name` here, as everywhere in the JSON."""
    ranked = []
    for r in comp.ranked:
        value = r.value
        placement = renamed(plain(placements[value.offer.label]), "label", "name")
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
            "offer": renamed(plain(value.offer), "label", "name"),
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
