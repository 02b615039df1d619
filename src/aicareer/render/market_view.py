"""market: macro figures, hotspots, metro pay, industries hiring and cooling."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from aicareer.catalogue.index import Catalogue
from aicareer.core.fmt import figure_value
from aicareer.render.common import (
    Col,
    Grid,
    as_of,
    dollars,
    percent,
    source_lines,
    spaced,
)


def market_view(cat: Catalogue) -> RenderableType:
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
    rows, sections = [], set()
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
    parts: list[RenderableType] = [figs, spots, Group(metros, metros_note), inds, source_lines(cat, ids)]
    return spaced([*parts, as_of(cat)])
