"""Salary ranges side by side, with level and location estimates.

Method (also in data/market.yaml, shown under every adjusted figure):
- level: the article's range is cut into bands (entry = bottom third, mid =
  middle third, senior = top third); the band's ends are the estimate;
- location: the low end is raised by the location's low premium and the high
  end by its high premium (e.g. SF Bay Area +20% / +30%, from the article);
- estimates are rounded to the nearest $1,000.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, TypeVar

import msgspec

from aicareer.catalogue.index import Catalogue
from aicareer.catalogue.models import LevelAdjustment, LocationAdjustment, Role, SalaryRange
from aicareer.core.errors import InputError
from aicareer.core.suggest import unknown

T = TypeVar("T")
SortKey = Literal["midpoint", "low", "high", "name"]
SORT_KEYS: tuple[str, ...] = ("midpoint", "low", "high", "name")


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


class RoleRow(msgspec.Struct, frozen=True):
    role: Role
    published: SalaryRange
    pay: Estimate


class Comparison(msgspec.Struct, frozen=True):
    rows: tuple[RoleRow, ...]
    location: LocationAdjustment | None
    level: LevelAdjustment | None

    @property
    def adjusted(self) -> bool:
        return any(r.pay.estimate for r in self.rows)

    @property
    def methods(self) -> list[str]:
        out = []
        if self.level is not None:
            out.append(f"{self.level.name}: {self.level.method}")
        if self.location is not None:
            out.append(f"{self.location.name}: {self.location.method}")
        if self.adjusted:
            out.append("estimates are rounded to the nearest $1,000")
        return out


def _round(value: float) -> int:
    return int(round(value / 1000.0)) * 1000


def estimate(salary: SalaryRange, location: LocationAdjustment | None = None,
             level: LevelAdjustment | None = None) -> Estimate:
    """The role's range for a level and location; published as-is when neither moves it."""
    low, high, open_top = float(salary.low), float(salary.high), salary.open_top
    changed = False
    if level is not None:
        span = high - low
        base = low
        low, high = base + span * level.band_low, base + span * level.band_high
        open_top = open_top and level.band_high >= 1.0
        changed = True
    if location is not None and (location.premium_low or location.premium_high):
        low *= 1 + location.premium_low / 100
        high *= 1 + location.premium_high / 100
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


def find_location(cat: Catalogue, location_id: str | None) -> LocationAdjustment | None:
    return _find("location", cat.market.adjustments.locations, location_id)


def find_level(cat: Catalogue, level_id: str | None) -> LevelAdjustment | None:
    return _find("level", cat.market.adjustments.levels, level_id)


def compare(cat: Catalogue, queries: list[str] | None = None, *, location: str | None = None,
            level: str | None = None, sort: str = "midpoint") -> Comparison:
    """The roles asked for (all when none) with their pay for a level and location, sorted."""
    if sort not in SORT_KEYS:
        raise unknown("sort key", sort, SORT_KEYS)
    roles = list(cat.roles.values()) if not queries else list(
        {r.id: r for r in (cat.resolve_role(q) for q in queries)}.values())
    if not roles:
        raise InputError("the catalogue holds no roles")
    loc, lvl = find_location(cat, location), find_level(cat, level)
    rows = [RoleRow(r, r.salary, estimate(r.salary, loc, lvl)) for r in roles if r.salary is not None]
    key = {
        "midpoint": lambda r: -r.pay.midpoint,
        "low": lambda r: -r.pay.low,
        "high": lambda r: -r.pay.high,
        "name": lambda r: r.role.name.lower(),
    }[sort]
    return Comparison(tuple(sorted(rows, key=key)), loc, lvl)
