"""The report's offers section (render/report/offers.html.j2): the offers saved with `aicareer offer --save`,
ranked, year by year, with a stacked chart of yearly pay and each offer's market placement.

Computed with the same domain functions as `aicareer offer`; nothing is computed a second time here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from aicareer.catalogue.index import Catalogue
from aicareer.catalogue.places import PlaceIndex
from aicareer.catalogue.wages import WageTable
from aicareer.core.errors import InputError
from aicareer.core.fmt import dollars, money, money_range, percent
from aicareer.domain.offers import Offer, OfferValue


@dataclass(frozen=True)
class PayBar:
    label: str
    y: float
    cash: float  # width of the cash part, % of the chart's track
    equity: float  # width of the equity part, % of the chart's track
    text: str


@dataclass(frozen=True)
class OfferRow:
    rank: int
    label: str
    years: tuple[str, ...]
    average: str
    versus: str
    market: tuple[str, ...]
    assumptions: str


@dataclass(frozen=True)
class OffersSection:
    rows: tuple[OfferRow, ...]
    bars: tuple[PayBar, ...]
    height: float
    common: tuple[str, ...]


def _market(cat: Catalogue, value: OfferValue, places: PlaceIndex, table: WageTable) -> tuple[str, ...]:
    from aicareer.domain.offer_market import place_offer

    try:
        p = place_offer(cat, value, places, table)
    except InputError as exc:  # a saved role or place the current data no longer knows
        return (f"no market placement: {exc.message}",)
    if p.note:
        return (p.note,)
    out = []
    a = p.article
    if a is not None and a.range is None:
        out.append(a.note)
    elif a is not None and a.range is not None:
        rng = ("≈" if a.range.estimate else "") + money_range(a.range.low, a.range.high, a.range.open_top)
        extra = f"; {a.note}" if a.note else ""
        out.append(f"base + equity {money(a.figure)} a year is {a.position} the article's base + equity range "
                   f"{rng} ({p.role}, {p.level or 'any level'}, {p.place}; the article, 2025{extra})")
    for w in p.wages:
        if w.area is None:
            out.append(f"{w.occupation}: no published BLS figure")
            continue
        around = " and ".join(f"{q[0]} {money(q[1])}" for q in (w.lower, w.upper) if q is not None)
        note = f"; {w.fallback}" if w.fallback else ""
        out.append(f"base {money(value.offer.base)} is at {w.position} of {w.occupation} in {w.area} "
                   f"({p.period}, base wages; {'between ' if w.lower and w.upper else ''}{around}{note})")
    return tuple(out)


def saved_offers_section(cat: Catalogue, offers: Sequence[Offer]) -> OffersSection | None:
    """The section for the saved offers, or None when none were saved."""
    from aicareer.domain.offers import compare_offers

    if not offers:
        return None
    comp = compare_offers(offers)
    places, table = PlaceIndex.load(), WageTable.open()
    rows, bars = [], []
    top = max(y.total for r in comp.ranked for y in r.value.years) or 1.0
    span = 80.0  # the largest year fills 80% of the track; its amount is written after it
    y = 4.0
    for r in comp.ranked:
        v = r.value
        rows.append(OfferRow(
            r.rank, v.offer.label, tuple(dollars(yp.total) for yp in v.years), dollars(v.average),
            "best" if r.difference == 0 else f"−{dollars(-r.difference)} ({percent(r.difference_percent, True)})",
            _market(cat, v, places, table),
            "; ".join(a.text for a in v.assumptions if a not in comp.common)))
        for yp in v.years:
            bars.append(PayBar(f"{v.offer.label} · Y{yp.year}", y, span * yp.cash / top, span * yp.equity / top,
                               money(yp.total)))
            y += 20
        y += 8
    return OffersSection(tuple(rows), tuple(bars), y + 4, tuple(a.text for a in comp.common))
