"""locations: the places a query finds, with their BLS area names and codes."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text

from aicareer.catalogue.places import Place, PlaceIndex, Resolved
from aicareer.render.common import spaced
from aicareer.render.grid import Col, Grid

KIND_LABEL = {"nation": "nation", "remote": "remote", "state": "state", "metro": "metro", "nonmetro": "nonmetro"}


def places_found(index: PlaceIndex, query: str) -> list[Place]:
    """The place the query resolves to first (a nickname such as 'bay area'), then every name match."""
    found = index.search(query)
    if query.strip():
        res = index.resolve(query)
        if isinstance(res, Resolved) and res.place not in found:
            found.insert(0, res.place)
        elif not isinstance(res, Resolved) and hasattr(res, "candidates"):
            found = list(dict.fromkeys([*res.candidates, *found]))
    return found


def locations_view(query: str | None, found: list[Place]) -> RenderableType:
    if not found:
        return Text(f"No place matches {query!r}. Try part of a city or state name, or a postal code.",
                    style="yellow")
    title = f"Places matching {query!r}" if query else "Places"
    grid = Grid([Col("Place (BLS area name)"), Col("Kind", wrap=False), Col("BLS code", wrap=False, style="dim")],
                [(p.label, KIND_LABEL[p.kind], p.code) for p in found], title=f"{title}: {len(found)}")
    note = Text("Give any of these names to --location (e.g. aicareer compare mle --location 'Seattle, WA'). "
                "Wages: BLS OEWS May 2025; 'remote' uses the national figures.", style="dim")
    return spaced([grid, note])
