"""market: macro figures, hotspots, metro pay, industries hiring and cooling."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from aicareer.catalogue.index import Catalogue
from aicareer.core.fmt import dollars, figure_value, percent
from aicareer.domain.salary import OccupationMetros
from aicareer.render.common import as_of, source_lines, spaced
from aicareer.render.grid import Col, Grid


def short_area(name: str) -> str:
    """"San Jose-Sunnyvale-Santa Clara, CA" -> "San Jose, CA" (the first principal city and the states)."""
    cities, _, states = name.partition(", ")
    return f"{cities.split('-')[0]}, {states}" if states else name


def metros_view(occs: list[OccupationMetros], period: str) -> RenderableType:
    """For each role occupation: the nation, then the top metros by median wage and by employment."""
    parts: list[object] = [Text(f"BLS base wages by metro, {period}: the roles' occupations", style="bold")]
    for o in occs:
        nat = (f"US median {dollars(o.national_median)}, {o.national_employment:,} jobs"
               if o.national_median is not None and o.national_employment is not None else "US: not published")
        head = Text.assemble((f"{o.title} ({o.soc})", "bold"), f" · {nat} · roles: {', '.join(o.roles)}")
        rows: list[tuple[str, ...]] = []
        for n in range(max(len(o.by_median), len(o.by_employment))):
            a = o.by_median[n] if n < len(o.by_median) else None
            b = o.by_employment[n] if n < len(o.by_employment) else None
            rows.append((short_area(a.area) if a else "", dollars(a.median) if a else "", f"{a.employment:,}" if a else "",
                         short_area(b.area) if b else "", f"{b.employment:,}" if b else "", dollars(b.median) if b else ""))
        grid = Grid([Col("Top by median"), Col("Median", wrap=False, justify="right"),
                     Col("Jobs", wrap=False, justify="right", style="dim"), Col("Top by employment"),
                     Col("Jobs", wrap=False, justify="right"), Col("Median", wrap=False, justify="right",
                                                                   style="dim")], rows)
        parts.append(Group(head, grid))
    parts.append(Text("Metros only; a cell BLS did not publish, or with a wage RSE above 10% or under 50 "
                      "workers, is left out. Base wages, no equity [bls-oews-2025].", style="dim"))
    return spaced(parts)


def market_view(cat: Catalogue, occs: list[OccupationMetros] | None = None, period: str | None = None
                ) -> RenderableType:
    m = cat.market
    figs = Grid(
        [Col("Figure"), Col("Value", wrap=False, justify="right", style="bold"), Col("Period", wrap=False),
         Col("Src", wrap=False, style="dim")],
        [(f.label + (f" ({f.via})" if f.via else ""), figure_value(f.value, f.unit, f.value_high), f.period,
          ", ".join(f.sources)) for f in m.figures],
        title="The AI hiring market")
    spots = Grid([Col("#", wrap=False), Col("Where", wrap=False), Col("What the article says")],
                 [(str(h.rank or "-"), h.name, h.summary) for h in m.hotspots], title="Geographic hotspots",
                 heading=1)
    mm = m.metro_medians
    metros = Grid(
        [Col("Metro"), Col("Median", wrap=False, justify="right"), Col("vs US", wrap=False, justify="right")],
        [(metro.name, dollars(metro.median), percent((metro.median / mm.national_median - 1) * 100, signed=True))
         for metro in mm.metros],
        title=f"Second signal: {mm.occupation} median pay by metro, {mm.period}")
    metros_note = Text(f"US median {dollars(mm.national_median)}; 'vs US' is computed from the two medians "
                       f"[{', '.join(mm.sources)}].", style="dim")
    rows: list[tuple[object, ...]] = []
    sections: set[int] = set()
    for status in ("hiring", "cooling"):
        group = [i for i in m.industries if i.status == status]
        if rows:
            sections.add(len(rows))
        for n, ind in enumerate(group):
            what = ind.summary or "; ".join(f"{e.name}: {e.focus}" for e in ind.employers)
            rows.append(((status if n == 0 else "", "green" if status == "hiring" else "yellow"), ind.name, what))
    inds = Grid([Col("", wrap=False), Col("Industry", wrap=False), Col("Who and what")], rows, title="Industries",
                sections=sections, heading=1)

    ids = [s for f in m.figures for s in f.sources] + list(mm.sources)
    parts: list[object] = [figs, spots]
    if not occs:  # the May 2025 table of every role occupation below replaces the one-occupation table
        parts.append(Group(metros, metros_note))
    else:
        parts.append(metros_view(occs, period or "BLS OEWS"))
        ids.append("bls-oews-2025")
    parts += [inds, source_lines(cat, ids)]
    periods = Text(f"Figures: each with its period above (article 2025; {period or 'BLS OEWS May 2025'}); "
                   f"data reviewed {cat.reviewed.isoformat()}.", style="dim")
    return spaced([*parts, Group(periods, as_of(cat))])
