"""Salary estimates: the method in salary.py's docstring, checked by hand arithmetic."""

from __future__ import annotations

import pytest

from aicareer.core.errors import InputError
from aicareer.domain.salary import compare, estimate, find_level, find_location


def test_no_adjustment_returns_the_published_range(cat):
    pay = estimate(cat.roles["mle"].salary)
    assert (pay.low, pay.high, pay.open_top, pay.estimate) == (150000, 350000, True, False)


def test_us_and_remote_do_not_move_the_range_and_are_not_estimates(cat):
    for loc in ("us", "remote"):
        pay = estimate(cat.roles["aipm"].salary, find_location(cat, loc))
        assert (pay.low, pay.high, pay.estimate) == (140000, 280000, False)


def test_level_bands_cut_the_range_in_thirds(cat):
    s = cat.roles["mle"].salary  # 150k-350k+, span 200k
    entry = estimate(s, level=find_level(cat, "entry"))
    senior = estimate(s, level=find_level(cat, "senior"))
    assert entry.low == 150000 and entry.high == round((150000 + 200000 * 0.3333) / 1000) * 1000
    assert not entry.open_top
    assert senior.high == 350000 and senior.open_top
    assert entry.estimate and senior.estimate


def test_sf_raises_low_end_20_and_high_end_30_percent(cat):
    pay = estimate(cat.roles["prompt"].salary, find_location(cat, "sf"))
    assert (pay.low, pay.high) == (144000, 325000)  # 120k * 1.2, 250k * 1.3


def test_location_applies_after_level(cat):
    pay = estimate(cat.roles["nlp"].salary, find_location(cat, "nyc"), find_level(cat, "mid"))
    span = 300000 - 130000
    low = (130000 + span * 0.3333) * 1.131
    high = (130000 + span * 0.6667) * 1.131
    assert (pay.low, pay.high) == (round(low / 1000) * 1000, round(high / 1000) * 1000)


def test_compare_sorts_and_dedupes(cat):
    comp = compare(cat, ["mle", "MLE", "prompt"], sort="low")
    assert [r.role.id for r in comp.rows] == ["mle", "prompt"]
    by_name = compare(cat, sort="name")
    assert [r.role.name for r in by_name.rows] == sorted(r.role.name for r in by_name.rows)
    by_mid = compare(cat)
    mids = [r.pay.midpoint for r in by_mid.rows]
    assert mids == sorted(mids, reverse=True)


def test_methods_are_stated_for_every_adjustment(cat):
    comp = compare(cat, location="sf", level="entry")
    text = " ".join(comp.methods)
    assert "bottom third" in text and "+20%" in text and "rounded" in text
    assert compare(cat).methods == []


@pytest.mark.parametrize("kwargs,needle", [
    ({"location": "paris"}, "unknown location 'paris'"),
    ({"level": "principal"}, "unknown level 'principal'"),
    ({"sort": "salary"}, "unknown sort key"),
])
def test_bad_options_are_input_errors(cat, kwargs, needle):
    with pytest.raises(InputError, match=needle):
        compare(cat, **kwargs)


def test_location_suggests_closest(cat):
    with pytest.raises(InputError, match="did you mean nyc"):
        find_location(cat, "nycc")
