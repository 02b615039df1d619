"""An offer against the market: the article's range for its role, level and place, and BLS base wages.

Two comparisons, never mixed:
- base + equity against the article's base + equity range (the role's published range, cut to the level and
  moved for the place by domain.salary.estimate: an estimate whenever it is adjusted). The offer's figure is
  its base plus its four-year average of vested equity (bonus and sign-on left out: the range has none).
- base against base: the offer's base salary against the BLS OEWS base-wage percentiles (no bonus, no equity)
  of each occupation the role maps to, in the offer's place (metro -> state -> nation fallback, stated).
  The percentile is ≈ a linear interpolation between the two published percentiles around the base, rounded
  to 5; below P10 or above P90 it is said so, never extrapolated.
Unknown roles, places and levels raise InputError (exit 2) with the closest names.
"""

from __future__ import annotations

import msgspec

from aicareer.catalogue.index import Catalogue
from aicareer.catalogue.models import LocationAdjustment, Role
from aicareer.catalogue.places import Ambiguous, Place, PlaceIndex, Unknown
from aicareer.catalogue.wages import WageTable
from aicareer.core.errors import InputError
from aicareer.domain import salary
from aicareer.domain.offers import OfferValue

POINTS = (("P10", 10, "p10"), ("P25", 25, "p25"), ("P50", 50, "median"), ("P75", 75, "p75"), ("P90", 90, "p90"))
INTERPOLATION = "≈ linear interpolation between the two published percentiles around the base, rounded to 5"


class ArticleCheck(msgspec.Struct, frozen=True):
    """base + average equity against the article's base + equity range (None when the role has no range)."""

    figure: float
    range: salary.Estimate | None
    position: str  # below, within, above, or "" without a range
    method: tuple[str, ...]
    note: str = ""


class WageCheck(msgspec.Struct, frozen=True):
    """The base against one occupation's BLS percentiles in one place."""

    soc: str
    occupation: str
    area: str | None  # the area whose figures are used (None: no published figure)
    percentile: int | None  # ≈, rounded to 5; None below P10 / above P90 / without figures
    position: str  # "about the 70th percentile", "below the 10th percentile", ...
    lower: tuple[str, int] | None  # the published percentile below the base ("P50", 167000)
    upper: tuple[str, int] | None
    fallback: str  # the Lookup note when a cell fell back, else ""


class Placement(msgspec.Struct, frozen=True):
    label: str
    role: str | None
    place: str | None
    level: str | None
    article: ArticleCheck | None
    wages: tuple[WageCheck, ...]
    period: str
    note: str  # why there is no placement, or ""


def resolve_place(places: PlaceIndex, query: str) -> Place:
    """The place a person named; InputError for an unknown or ambiguous name."""
    found = places.resolve(query)
    if isinstance(found, Unknown):
        near = f"; did you mean {' or '.join(p.name for p in found.suggestions[:3])}?" if found.suggestions else ""
        raise InputError(f"unknown place {query!r}{near} (a US city, metro, state, us or remote)")
    if isinstance(found, Ambiguous):
        names = "; ".join(p.name for p in found.candidates[:4])
        first = found.candidates[0]
        example = f" (e.g. '{query} {first.states[0].lower()}')" if first.states else ""
        raise InputError(f"{query!r} fits several places: {names}; name the state too{example}")
    return found.place


def _article_location(cat: Catalogue, places: PlaceIndex, place: Place) -> LocationAdjustment | None:
    """The article's adjustment for the same BLS area (sf, nyc, austin, us, remote), if it has one."""
    for loc in cat.market.adjustments.locations:
        found = places.resolve(loc.id)
        if not isinstance(found, (Unknown, Ambiguous)) and (found.place.code, found.place.kind) == (
                place.code, place.kind):
            return loc
    return None


def article_range(cat: Catalogue, role: Role, level: str | None, place: Place,
                  places: PlaceIndex) -> tuple[salary.Estimate, tuple[str, ...], str]:
    """The one call into domain.salary's estimate: (range, methods, note about the place)."""
    assert role.salary is not None
    loc = _article_location(cat, places, place)
    lvl = salary.find_level(cat, level)
    pay = salary.estimate(role.salary, loc, lvl)
    methods = tuple(f"{a.name}: {a.method}" for a in (lvl, loc) if a is not None)
    if pay.estimate:
        methods += ("estimates are rounded to the nearest $1,000",)
    note = "" if loc is not None else f"the article gives no adjustment for {place.name}: its national range"
    return pay, methods, note


def _article_check(cat: Catalogue, value: OfferValue, role: Role, level: str | None, place: Place,
                   places: PlaceIndex) -> ArticleCheck:
    figure = value.offer.base + sum(y.equity for y in value.years) / len(value.years)
    if role.salary is None:
        return ArticleCheck(round(figure), None, "", (), f"the article publishes no range for {role.name}")
    pay, methods, note = article_range(cat, role, level, place, places)
    position = "below" if figure < pay.low else "above" if figure > pay.high and not pay.open_top else "within"
    return ArticleCheck(round(figure), pay, position, methods, note)


def _wage_check(table: WageTable, code: str, soc: str, base: float) -> WageCheck:
    lookup = table.lookup(code, soc)
    name = table.meta.occupations.get(soc, soc)
    cell = lookup.cell
    fallback = lookup.note() if lookup.fell_back else ""
    if cell is None:
        return WageCheck(soc, name, None, None, "no published figure", None, None, fallback)
    points = [(label, rank, getattr(cell, field)) for label, rank, field in POINTS]
    area = lookup.area.name if lookup.area else None
    if base < points[0][2]:
        return WageCheck(soc, name, area, None, "below the 10th percentile", None, points[0][::2], fallback)
    if base > points[-1][2]:
        return WageCheck(soc, name, area, None, "above the 90th percentile", points[-1][::2], None, fallback)
    for (lo_label, lo_rank, lo), (hi_label, hi_rank, hi) in zip(points, points[1:], strict=False):
        if lo <= base < hi or (base == hi and hi_label == "P90"):
            rank = lo_rank + (hi_rank - lo_rank) * ((base - lo) / (hi - lo) if hi > lo else 0)
            pct = int(5 * round(rank / 5))
            return WageCheck(soc, name, area, pct, f"about the {_ordinal(pct)} percentile", (lo_label, lo),
                             (hi_label, hi), fallback)
    raise AssertionError("unreachable: base between P10 and P90")


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def place_offer(cat: Catalogue, value: OfferValue, places: PlaceIndex, table: WageTable) -> Placement:
    """Where one offer stands (InputError for an unknown role, place or level, even without a placement)."""
    offer = value.offer
    role = cat.resolve_role(offer.role) if offer.role else None
    place = resolve_place(places, offer.location) if offer.location else None
    if offer.level:
        salary.find_level(cat, offer.level)
    period = f"BLS {table.meta.period}"
    if role is None or place is None:
        missing = " and ".join(w for w, v in (("role", role), ("location", place)) if v is None)
        return Placement(offer.label, role.name if role else None, place.label if place else None, offer.level,
                         None, (), period, f"no market placement: no {missing} given")
    article = _article_check(cat, value, role, offer.level, place, places)
    wages = tuple(_wage_check(table, place.code, o.soc, offer.base) for o in role.occupations)
    return Placement(offer.label, role.name, place.label, offer.level, article, wages, period, "")
