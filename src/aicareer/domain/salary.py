"""Salary ranges side by side, with level and location estimates, and the BLS base wages beside them.

Method (the same for every place; shown under every adjusted figure):
- level: the article's range is cut into bands (entry = bottom third, mid = middle third, senior = top
  third); the band's ends are the estimate;
- location: both ends are multiplied by the place's ratio to the nation of the BLS OEWS (May 2025) median
  annual wage of the role's occupations (data/roles.yaml `occupations`), weighted by national employment
  (catalogue.wages.WageTable.ratios). A thin or unpublished local cell falls back to the state, then the
  nation, and the note says so. "remote" and the nation use the national figures (no adjustment);
- estimates are rounded to the nearest $1,000.

Pure: the place index and the wage table are passed in (the CLI opens them).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, TypeVar

import msgspec

from aicareer.catalogue.index import Catalogue
from aicareer.catalogue.models import LevelAdjustment, LocationAdjustment, Role, SalaryRange, SurveyPay
from aicareer.catalogue.places import Ambiguous, Place, PlaceIndex, Resolved
from aicareer.catalogue.wages import NATION, WageTable
from aicareer.core.errors import InputError
from aicareer.core.suggest import unknown

T = TypeVar("T")
SortKey = Literal["midpoint", "low", "high", "name"]
SORT_KEYS: tuple[str, ...] = ("midpoint", "low", "high", "name")
RATIO_PERCENTILE = "median"  # the percentile whose local/national ratio moves a range
WAGE_SOURCE = "bls-oews-2025"


class Estimate(msgspec.Struct, frozen=True):
    """A salary range, published or derived; `estimate` says which."""

    low: int
    high: int
    open_top: bool
    basis: str
    estimate: bool

    @property
    def midpoint(self) -> int:
        return (self.low + self.high) // 2


class PlaceChoice(msgspec.Struct, frozen=True):
    """The place pay is shown for: what the person typed, the BLS area standing for it, and the method."""

    id: str  # "us", "remote", or the name as typed, normalized ("seattle")
    place: Place
    name: str
    method: str
    sources: tuple[str, ...]
    claim: str | None = None  # the article's sentence about this place (a claim, not the method)

    @property
    def code(self) -> str:
        return self.place.code

    @property
    def adjusts(self) -> bool:
        """True when the place moves pay (not the nation, not remote)."""
        return self.place.kind not in ("nation", "remote")

    # Compatibility for views that still test the old per-place premiums: non-zero when the place adjusts.
    # The adjustment itself is per role (its occupations' ratio): see LocalPay.
    @property
    def premium_low(self) -> float:
        return 1.0 if self.adjusts else 0.0

    @property
    def premium_high(self) -> float:
        return self.premium_low


class LocalWages(msgspec.Struct, frozen=True):
    """BLS base-wage percentiles of one occupation for the place (after the fallback chain)."""

    soc: str
    title: str
    mapping_note: str
    requested: str
    area: str | None  # the BLS area whose figures are used; None: no published figure anywhere
    area_kind: str | None
    employment: int | None
    p10: int | None
    p25: int | None
    median: int | None
    p75: int | None
    p90: int | None
    national_median: int | None
    fallback: str  # "" or the note saying what was missing and what was used


class LocalPay(msgspec.Struct, frozen=True):
    """How one role's pay moves for a place: the ratio, its occupations, and their local percentiles."""

    ratio: float | None
    ratios: dict[str, float | None]
    socs: tuple[str, ...]
    weights: dict[str, int]
    occupations: tuple[LocalWages, ...]
    notes: tuple[str, ...]
    period: str
    sources: tuple[str, ...]

    def method(self, place_name: str) -> str:
        names = " + ".join(f"{o.title} ({o.soc})" for o in self.occupations)
        weighted = ", weighted by US employment" if len(self.socs) > 1 else ""
        if self.ratio is None:
            return f"{names}: no published {place_name} / US median ratio; range not moved"
        return f"{names}: {place_name} / US median wage ×{self.ratio:.2f}{weighted}"


class RoleRow(msgspec.Struct, frozen=True):
    role: Role
    published: SalaryRange | None
    pay: Estimate | None
    local: LocalPay | None = None

    @property
    def survey(self) -> SurveyPay | None:
        return self.role.survey_pay[0] if self.role.survey_pay else None


class Comparison(msgspec.Struct, frozen=True):
    rows: tuple[RoleRow, ...]
    location: PlaceChoice | None
    level: LevelAdjustment | None
    wages_period: str | None = None

    @property
    def adjusted(self) -> bool:
        return any(r.pay is not None and r.pay.estimate for r in self.rows)

    @property
    def methods(self) -> list[str]:
        out = []
        if self.level is not None:
            out.append(f"{self.level.name}: {self.level.method}")
        if self.location is not None:
            out.append(f"{self.location.name}: {self.location.method}")
            if self.location.adjusts:
                for r in self.rows:
                    if r.pay is not None and r.local is not None:
                        out.append(f"{r.role.short_name}: {r.local.method(self.location.place.name)}")
        if self.adjusted:
            out.append("estimates are rounded to the nearest $1,000")
        return out

    @property
    def fallback_notes(self) -> list[str]:
        return list(dict.fromkeys(n for r in self.rows if r.local for n in r.local.notes))


def _round(value: float) -> int:
    return int(round(value / 1000.0)) * 1000


def estimate(salary: SalaryRange, ratio: float | LocationAdjustment | None = None,
             level: LevelAdjustment | None = None) -> Estimate:
    """The role's range for a level and a location ratio (local_pay(...).ratio); published as-is when neither
    moves it. A market.yaml LocationAdjustment is still accepted (its premiums; only us/remote remain, at 0)."""
    if isinstance(ratio, LocationAdjustment):
        low_r, high_r = 1 + ratio.premium_low / 100, 1 + ratio.premium_high / 100
        banded = estimate(salary, None, level)
        if low_r == high_r == 1.0:
            return banded
        return Estimate(_round(banded.low * low_r), _round(banded.high * high_r), banded.open_top, banded.basis,
                        True)
    low, high, open_top = float(salary.low), float(salary.high), salary.open_top
    changed = False
    if level is not None:
        span = high - low
        base = low
        low, high = base + span * level.band_low, base + span * level.band_high
        open_top = open_top and level.band_high >= 1.0
        changed = True
    if ratio is not None and ratio != 1.0:
        low *= ratio
        high *= ratio
        changed = True
    if not changed:
        return Estimate(salary.low, salary.high, salary.open_top, salary.basis, estimate=False)
    return Estimate(_round(low), _round(high), open_top, salary.basis, estimate=True)


def _find(kind: str, items: Iterable[T], wanted: str | None) -> T | None:
    """The item whose id is `wanted` (any case), None for none, or an InputError with the closest."""
    if wanted is None:
        return None
    by_id = {item.id: item for item in items}  # type: ignore[attr-defined]
    key = wanted.strip().lower()
    if key not in by_id:
        raise unknown(kind, wanted, by_id)
    return by_id[key]


def find_level(cat: Catalogue, level_id: str | None) -> LevelAdjustment | None:
    return _find("level", cat.market.adjustments.levels, level_id)


# --- places -----------------------------------------------------------------------------------------------------
def resolve_place(places: PlaceIndex, query: str) -> Resolved:
    """The place a name stands for; InputError listing the candidates (ambiguous) or close names (unknown)."""
    res = places.resolve(query)
    if isinstance(res, Resolved):
        return res
    if isinstance(res, Ambiguous):
        shown = "; ".join(f"'{p.name}'" for p in res.candidates[:8])
        more = f" (+{len(res.candidates) - 8} more)" if len(res.candidates) > 8 else ""
        raise InputError(f"location {query!r} is ambiguous: {shown}{more}; give one of these names "
                         f"(aicareer locations {query.strip()!r} lists them)")
    hint = f"; did you mean {' or '.join(repr(p.name) for p in res.suggestions[:3])}?" if res.suggestions else ""
    raise InputError(f"unknown location {query!r}{hint} (aicareer locations QUERY lists US metros and states)")


def _claim(cat: Catalogue, places: PlaceIndex, place: Place) -> str | None:
    """The article's sentence about this place (market.yaml hotspots), when it names one."""
    for spot in cat.market.hotspots:
        res = places.resolve(spot.id)
        if isinstance(res, Resolved) and res.place == place:
            return f"{spot.name}: {spot.summary} (the article's claim, {', '.join(spot.sources)})"
    return None


def choose_place(cat: Catalogue, places: PlaceIndex, query: str) -> PlaceChoice:
    """The PlaceChoice for what a person typed (InputError when unknown or ambiguous)."""
    res = resolve_place(places, query)
    place = res.place
    if place.kind == "remote":
        remote = next((f for f in cat.market.figures if f.id == "remote-roles"), None)
        trend = (f"; remote AI roles {remote.value:+g}% year over year ({remote.period}, {', '.join(remote.sources)})"
                 if remote else "")
        return PlaceChoice("remote", place, "Remote",
                           f"national figures (BLS publishes no 'remote' area; no location adjustment){trend}",
                           (WAGE_SOURCE, *(remote.sources if remote else ())))
    if place.kind == "nation":
        return PlaceChoice("us", place, "United States", "national figures (no location adjustment)",
                           (WAGE_SOURCE,))
    method = ("each range × the local / US ratio of the BLS OEWS May 2025 median annual wage of the role's "
              "occupations (thin or unpublished cells fall back to the state, then the nation)")
    return PlaceChoice(res.matched, place, place.name, method, (WAGE_SOURCE,), _claim(cat, places, place))


def place_estimate(cat: Catalogue, wages: WageTable, role: Role, place: Place,
                   level: LevelAdjustment | None = None) -> tuple[Estimate, LocalPay | None]:
    """The role's article range for a place and level by the one method (for other features, e.g. offers)."""
    assert role.salary is not None
    local = local_pay(cat, wages, role, place.code) if place.kind not in ("nation", "remote") else None
    return estimate(role.salary, local.ratio if local else None, level), local


def local_pay(cat: Catalogue, wages: WageTable, role: Role, area_code: str) -> LocalPay | None:
    """The role's occupations' wages at a place and the ratio that moves its range; None when it maps to none."""
    socs = tuple(link.soc for link in role.occupations)
    if not socs:
        return None
    rat = wages.ratios(area_code, socs)
    meta = wages.meta
    occupations = []
    for link, lk in zip(role.occupations, rat.lookups, strict=True):
        cell, area = lk.cell, lk.area
        national = wages.cell(NATION, link.soc)
        occupations.append(LocalWages(
            link.soc, meta.occupations.get(link.soc, link.soc), link.note, lk.requested.name,
            area.name if area else None, area.kind if area else None,
            cell.employment if cell else None, cell.p10 if cell else None, cell.p25 if cell else None,
            cell.median if cell else None, cell.p75 if cell else None, cell.p90 if cell else None,
            national.median if national else None, lk.note() if lk.fell_back else ""))
    return LocalPay(rat.ratios.get(RATIO_PERCENTILE), dict(rat.ratios), socs, dict(rat.weights),
                    tuple(occupations), tuple(rat.notes), f"BLS OEWS {meta.period}", (WAGE_SOURCE,))


def compare(cat: Catalogue, queries: list[str] | None = None, *, location: str | None = None,
            level: str | None = None, sort: str = "midpoint", places: PlaceIndex | None = None,
            wages: WageTable | None = None) -> Comparison:
    """The roles asked for (all when none) with their pay for a level and place, sorted.

    Roles with no published range come last, with their BLS base wages only. `places` is needed when a
    location is given; `wages` when BLS rows are wanted (the nation's figures without a location).
    """
    if sort not in SORT_KEYS:
        raise unknown("sort key", sort, SORT_KEYS)
    roles = list(cat.roles.values()) if not queries else list(
        {r.id: r for r in (cat.resolve_role(q) for q in queries)}.values())
    if not roles:
        raise InputError("the catalogue holds no roles")
    lvl = find_level(cat, level)
    choice = None
    if location is not None:
        if places is None:
            from aicareer.catalogue.places import default_index

            places = default_index()
        choice = choose_place(cat, places, location)
    area = choice.code if choice is not None else NATION
    rows = []
    for r in roles:
        # the wage table is read only for rows that show BLS figures: with a place, or a role with no range
        wanted = wages is not None and (choice is not None or r.salary is None)
        local = local_pay(cat, wages, r, area) if wanted and wages is not None else None
        ratio = local.ratio if (local is not None and choice is not None and choice.adjusts) else None
        pay = estimate(r.salary, ratio, lvl) if r.salary is not None else None
        rows.append(RoleRow(r, r.salary, pay, local))
    key = {
        "midpoint": lambda r: -r.pay.midpoint,
        "low": lambda r: -r.pay.low,
        "high": lambda r: -r.pay.high,
        "name": lambda r: r.role.name.lower(),
    }[sort]
    if sort == "name":
        return Comparison(tuple(sorted(rows, key=lambda r: r.role.name.lower())), choice, lvl,
                          f"BLS OEWS {wages.meta.period}" if wages is not None else None)
    priced = sorted((r for r in rows if r.pay is not None), key=key)
    unpriced = sorted((r for r in rows if r.pay is None), key=lambda r: r.role.name.lower())
    period = f"BLS OEWS {wages.meta.period}" if wages is not None else None
    return Comparison(tuple(priced + unpriced), choice, lvl, period)


# --- market: metro figures per occupation ------------------------------------------------------------------------
class MetroFigure(msgspec.Struct, frozen=True):
    area: str
    median: int
    employment: int


class OccupationMetros(msgspec.Struct, frozen=True):
    """One occupation the roles map to: the nation, and the metros paying most and employing most."""

    soc: str
    title: str
    roles: tuple[str, ...]
    national_median: int | None
    national_employment: int | None
    by_median: tuple[MetroFigure, ...]
    by_employment: tuple[MetroFigure, ...]


def metro_figures(cat: Catalogue, wages: WageTable, top: int = 5) -> list[OccupationMetros]:
    """For each occupation of the roles (data/roles.yaml), the top metros by median wage and by employment.

    Only metropolitan areas whose cell is published and not thin (catalogue.wages thin-cell rule) count."""
    roles_of: dict[str, list[str]] = {}
    for role in cat.roles.values():
        for link in role.occupations:
            roles_of.setdefault(link.soc, []).append(role.short_name)
    areas = {a.code: a for a in wages.areas()}
    metros: dict[str, list[MetroFigure]] = {soc: [] for soc in roles_of}
    for code, soc, employment, median in wages.medians(roles_of):
        area = areas.get(code)
        if area is not None and area.kind == "metro":
            metros[soc].append(MetroFigure(area.name, median, employment))
    out = []
    for soc, roles in roles_of.items():
        national = wages.cell(NATION, soc)
        found = metros[soc]
        out.append(OccupationMetros(
            soc, wages.meta.occupations.get(soc, soc), tuple(roles),
            national.median if national else None, national.employment if national else None,
            tuple(sorted(found, key=lambda m: (-m.median, m.area))[:top]),
            tuple(sorted(found, key=lambda m: (-m.employment, m.area))[:top])))
    return sorted(out, key=lambda o: -(o.national_employment or 0))
