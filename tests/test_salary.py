"""Salary estimates: the method in salary.py's docstring, checked by hand arithmetic on the raw wage file."""

from __future__ import annotations

from pathlib import Path

import pytest

from aicareer.catalogue.wages import WageTable
from aicareer.core.errors import InputError
from aicareer.domain.salary import compare, estimate, find_level

CELLS = Path(__file__).resolve().parents[1] / "data" / "wages" / "cells.tsv"


def raw_cells() -> dict[tuple[str, str], list[str]]:
    """(area code, SOC) -> the fields of cells.tsv, read here without the code under test."""
    out = {}
    for line in CELLS.read_text(encoding="utf-8").splitlines()[1:]:
        f = line.split("\t")
        out[(f[0], f[1])] = f
    return out


def hand_ratio(area: str, socs: list[str]) -> float:
    """sum(N_s x local median) / sum(N_s x national median), N_s = national employment (column 3, median col 8)."""
    cells = raw_cells()
    num = den = 0.0
    for soc in socs:
        nat, loc = cells[("0000000", soc)], cells[(area, soc)]
        weight = int(nat[2])
        num += weight * int(loc[7])
        den += weight * int(nat[7])
    return num / den


@pytest.fixture(scope="module")
def wages() -> WageTable:
    return WageTable.open()


def test_no_adjustment_returns_the_published_range(cat):
    pay = estimate(cat.roles["mle"].salary)
    assert (pay.low, pay.high, pay.open_top, pay.estimate) == (150000, 350000, True, False)


@pytest.mark.parametrize("loc", ["us", "remote", "USA", "nationwide"])
def test_us_and_remote_do_not_move_the_range_and_are_not_estimates(cat, wages, loc):
    comp = compare(cat, ["aipm"], location=loc, wages=wages)
    pay = comp.rows[0].pay
    assert (pay.low, pay.high, pay.estimate) == (140000, 280000, False)
    assert not comp.location.adjusts


def test_remote_is_described_as_national_figures(cat, wages):
    comp = compare(cat, ["mle"], location="remote", wages=wages)
    assert "national figures" in comp.location.method and "-12%" in comp.location.method


def test_level_bands_cut_the_range_in_thirds(cat):
    s = cat.roles["mle"].salary  # 150k-350k+, span 200k
    entry = estimate(s, level=find_level(cat, "entry"))
    senior = estimate(s, level=find_level(cat, "senior"))
    assert entry.low == 150000 and entry.high == round((150000 + 200000 * 0.3333) / 1000) * 1000
    assert not entry.open_top
    assert senior.high == 350000 and senior.open_top
    assert entry.estimate and senior.estimate


def test_seattle_moves_mle_by_the_bls_median_ratio_of_its_occupations(cat, wages):
    socs = [o.soc for o in cat.roles["mle"].occupations]
    ratio = hand_ratio("0042660", socs)
    comp = compare(cat, ["mle"], location="seattle", wages=wages)
    row = comp.rows[0]
    assert row.local.ratio == pytest.approx(ratio, abs=1e-4)
    assert (row.pay.low, row.pay.high) == (round(150000 * ratio / 1000) * 1000, round(350000 * ratio / 1000) * 1000)
    assert row.pay.estimate and row.pay.open_top
    assert any(f"×{ratio:.2f}" in m and "15-1221" in m for m in comp.methods)


def test_sf_uses_the_bls_ratio_not_the_articles_20_30_percent(cat, wages):
    socs = [o.soc for o in cat.roles["prompt"].occupations]
    ratio = hand_ratio("0041860", socs)
    comp = compare(cat, ["prompt"], location="sf", wages=wages)
    pay = comp.rows[0].pay
    assert (pay.low, pay.high) == (round(120000 * ratio / 1000) * 1000, round(250000 * ratio / 1000) * 1000)
    assert (pay.low, pay.high) != (144000, 325000)  # the old +20% / +30%
    assert "20-30%" in comp.location.claim and "claim" in comp.location.claim


def test_location_applies_after_level(cat, wages):
    socs = [o.soc for o in cat.roles["nlp"].occupations]
    ratio = hand_ratio("0035620", socs)
    comp = compare(cat, ["nlp"], location="nyc", level="mid", wages=wages)
    span = 300000 - 130000
    low = (130000 + span * 0.3333) * ratio
    high = (130000 + span * 0.6667) * ratio
    pay = comp.rows[0].pay
    assert (pay.low, pay.high) == (round(low / 1000) * 1000, round(high / 1000) * 1000)


def test_compare_sorts_and_dedupes(cat, wages):
    comp = compare(cat, ["mle", "MLE", "prompt"], sort="low")
    assert [r.role.id for r in comp.rows] == ["mle", "prompt"]
    by_name = compare(cat, sort="name")
    assert [r.role.name for r in by_name.rows] == sorted((r.role.name for r in by_name.rows), key=str.lower)
    by_mid = compare(cat)
    mids = [r.pay.midpoint for r in by_mid.rows if r.pay]
    assert mids == sorted(mids, reverse=True)
    assert all(r.pay is None for r in by_mid.rows[len(mids):])  # roles with no range come last


def test_roles_without_a_range_get_bls_rows_only(cat, wages):
    comp = compare(cat, wages=wages)
    unpriced = [r for r in comp.rows if r.pay is None]
    assert len(unpriced) == 7
    for r in unpriced:
        assert r.local is not None and r.local.occupations
        assert all(o.area == "U.S." or o.area for o in r.local.occupations)


def test_methods_are_stated_for_every_adjustment(cat, wages):
    comp = compare(cat, location="sf", level="entry", wages=wages)
    text = " ".join(comp.methods)
    assert "bottom third" in text and "median" in text and "rounded" in text and "+20%" not in text
    assert compare(cat).methods == []


@pytest.mark.parametrize("kwargs,needle", [
    ({"location": "paris"}, "unknown location 'paris'"),
    ({"location": "portland"}, "ambiguous.*Portland-South Portland, ME.*Portland-Vancouver-Hillsboro, OR-WA"),
    ({"level": "principal"}, "unknown level 'principal'"),
    ({"sort": "salary"}, "unknown sort key"),
])
def test_bad_options_are_input_errors(cat, kwargs, needle):
    with pytest.raises(InputError, match=needle):
        compare(cat, **kwargs)


def test_location_suggests_only_close_names(cat):
    with pytest.raises(InputError, match="did you mean 'Seattle-Tacoma-Bellevue, WA'"):
        compare(cat, location="seatle")
    with pytest.raises(InputError) as exc:
        compare(cat, location="boston ma xyz qq")
    assert "Austin" not in exc.value.message


def test_a_market_yaml_location_adjustment_is_still_accepted(cat):
    us = next(loc for loc in cat.market.adjustments.locations if loc.id == "us")
    pay = estimate(cat.roles["mle"].salary, us)
    assert (pay.low, pay.high, pay.estimate) == (150000, 350000, False)


def test_place_estimate_is_the_compare_method(cat, wages):
    from aicareer.catalogue.places import default_index
    from aicareer.domain.salary import place_estimate

    place = default_index().resolve("seattle").place
    pay, local = place_estimate(cat, wages, cat.roles["mle"], place, find_level(cat, "mid"))
    row = compare(cat, ["mle"], location="seattle", level="mid", wages=wages).rows[0]
    assert (pay.low, pay.high) == (row.pay.low, row.pay.high) and local.ratio == row.local.ratio
