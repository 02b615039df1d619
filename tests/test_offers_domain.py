"""The offer arithmetic against examples worked out by hand (in the comments), money parsing, and bad input.

Expected figures are computed by hand here, never by calling the code under test.
"""

from __future__ import annotations

import json

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from aicareer.core.money import AmountOrPercent, parse_amount_or_percent, parse_money, parse_percent
from aicareer.domain.offer_input import (
    TEMPLATE,
    offer_from_mapping,
    offer_to_mapping,
    offers_from_mapping,
    parse_vesting,
)
from aicareer.domain.offers import (
    Offer,
    OfferError,
    Vesting,
    compare_offers,
    value_offer,
)


def offer(**fields: object) -> Offer:
    """An offer read the way a file or the flags give it (money as text allowed)."""
    return offer_from_mapping({"label": "test", **fields})


def column(value, name: str) -> list[float]:
    return [getattr(year, name) for year in value.years]


# --- the arithmetic, worked by hand ------------------------------------------------------------------


def test_one_year_cliff_with_yearly_vesting_pays_the_first_quarter_in_year_1():
    # base 150,000; grant 200,000 vesting 25/25/25/25; cliff 12 months.
    # The first 25% (50,000) is due at month 12, which is the cliff and still year 1.
    # Each year: 150,000 cash + 50,000 equity = 200,000. Four-year average 200,000.
    value = value_offer(offer(base="150k", equity="200k", vesting="25/25/25/25", cliff=12))
    assert column(value, "equity") == [50_000, 50_000, 50_000, 50_000]
    assert column(value, "total") == [200_000, 200_000, 200_000, 200_000]
    assert value.total == 800_000
    assert value.average == 200_000


def test_back_loaded_5_15_40_40_schedule():
    # base 180,000; bonus 10% of base = 18,000; cash 198,000 a year.
    # grant 400,000: 5% = 20,000; 15% = 60,000; 40% = 160,000; 40% = 160,000.
    # totals: 218,000; 258,000; 358,000; 358,000 -> sum 1,192,000 -> average 298,000.
    value = value_offer(offer(base=180_000, bonus="10%", equity="$400,000", vesting="5/15/40/40"))
    assert column(value, "bonus") == [18_000] * 4
    assert column(value, "cash") == [198_000] * 4
    assert column(value, "equity") == [20_000, 60_000, 160_000, 160_000]
    assert column(value, "total") == [218_000, 258_000, 358_000, 358_000]
    assert value.total == 1_192_000
    assert value.average == 298_000


def test_monthly_vesting_over_4_years_with_a_12_month_cliff():
    # grant 480,000 over 48 months = 10,000 a month. Months 1..12 are held to month 12
    # and vest at once: year 1 = 12/48 = 120,000; then 12 months a year = 120,000.
    value = value_offer(offer(base="100k", equity="480k", vesting="monthly", cliff=12))
    assert column(value, "equity") == pytest.approx([120_000] * 4)


def test_monthly_vesting_with_an_18_month_cliff_releases_18_months_at_once_in_year_2():
    # 10,000 a month; nothing before month 18; at month 18 months 1..18 = 180,000 vest,
    # then months 19..24 = 60,000: year 2 = 240,000. Years 3 and 4: 120,000 each.
    value = value_offer(offer(base="100k", equity="480k", vesting="monthly", cliff=18))
    assert column(value, "equity") == pytest.approx([0, 240_000, 120_000, 120_000])


def test_monthly_vesting_over_3_years_leaves_year_4_empty():
    # 360,000 over 36 months = 10,000 a month: 120,000 in years 1-3, nothing in year 4.
    value = value_offer(offer(base="100k", equity="360k", vesting="monthly 3y"))
    assert column(value, "equity") == pytest.approx([120_000, 120_000, 120_000, 0])


def test_eighteen_month_cliff_with_yearly_vesting():
    # grant 400,000, 25/25/25/25. Year 1's 100,000 (due month 12) waits for month 18 (year 2),
    # joining year 2's own 100,000: 0; 200,000; 100,000; 100,000.
    value = value_offer(offer(base="100k", equity="400k", cliff=18))
    assert column(value, "equity") == [0, 200_000, 100_000, 100_000]
    assert value.total == 4 * 100_000 + 400_000


def test_cliff_equal_to_the_vesting_period_puts_everything_in_the_last_year():
    # a 48-month cliff on a 4-year yearly schedule: all 400,000 at month 48 (year 4).
    value = value_offer(offer(base="100k", equity="400k", cliff=48))
    assert column(value, "equity") == [0, 0, 0, 400_000]


def test_a_refresher_each_year_vesting_from_the_next_year():
    # base 100,000; grant 400,000 25/25/25/25 -> 100,000 a year.
    # refresher 40,000 at the end of years 1, 2 and 3, each vesting 10,000 a year from the next year:
    #   end of year 1 -> 10,000 in years 2, 3, 4; end of year 2 -> 10,000 in years 3, 4;
    #   end of year 3 -> 10,000 in year 4.  Refresh by year: 0; 10,000; 20,000; 30,000.
    # totals 200,000; 210,000; 220,000; 230,000 -> sum 860,000 -> average 215,000.
    value = value_offer(offer(base="100k", equity="400k", refresh="40k"))
    assert column(value, "refresh") == [0, 10_000, 20_000, 30_000]
    assert column(value, "grant") == [100_000] * 4
    assert column(value, "total") == [200_000, 210_000, 220_000, 230_000]
    assert value.average == 215_000


def test_the_cliff_does_not_hold_back_refreshers():
    # grant 480,000 monthly with an 18-month cliff: 0; 240,000; 120,000; 120,000 (as above).
    # refresher 48,000 monthly = 1,000 a month over 48 months, no cliff:
    #   end of year 1 -> 12,000 in each of years 2, 3, 4; end of year 2 -> 12,000 in years 3, 4;
    #   end of year 3 -> 12,000 in year 4. Refresh: 0; 12,000; 24,000; 36,000.
    value = value_offer(offer(base="100k", equity="480k", vesting="monthly", cliff=18, refresh="48k"))
    assert column(value, "grant") == pytest.approx([0, 240_000, 120_000, 120_000])
    assert column(value, "refresh") == pytest.approx([0, 12_000, 24_000, 36_000])


def test_a_sign_on_bonus_is_paid_in_year_1_only():
    # base 120,000 + sign-on 30,000 in year 1: 150,000; then 120,000 a year.
    # sum 150,000 + 3 x 120,000 = 510,000 -> average 127,500.
    value = value_offer(offer(base="120k", sign_on="30k"))
    assert column(value, "sign_on") == [30_000, 0, 0, 0]
    assert column(value, "total") == [150_000, 120_000, 120_000, 120_000]
    assert value.average == 127_500


def test_growth_compounds_the_vest_value_year_by_year():
    # grant 100,000, 25/25/25/25 -> 25,000 of grant value a year; +10% a year from the grant:
    #   year 1: 25,000 x 1.1    = 27,500
    #   year 2: 25,000 x 1.21   = 30,250
    #   year 3: 25,000 x 1.331  = 33,275
    #   year 4: 25,000 x 1.4641 = 36,602.50
    # with base 100,000: sum 400,000 + 127,627.50 = 527,627.50 -> average 131,906.875.
    value = value_offer(offer(base="100k", equity="100k", growth="10%"))
    assert column(value, "equity") == pytest.approx([27_500, 30_250, 33_275, 36_602.5])
    assert value.total == pytest.approx(527_627.5)
    assert value.average == pytest.approx(131_906.875, abs=0.01)


def test_growth_on_a_refresher_counts_from_its_own_grant():
    # refresher 40,000 a year, 25/25/25/25, +10% a year, no initial grant:
    #   end of year 1: 10,000 x 1.1 = 11,000 (y2); x 1.21 = 12,100 (y3); x 1.331 = 13,310 (y4)
    #   end of year 2: 11,000 (y3); 12,100 (y4).   end of year 3: 11,000 (y4)
    # refresh by year: 0; 11,000; 23,100; 36,410.
    value = value_offer(offer(base="100k", refresh="40k", growth=10))
    assert column(value, "refresh") == pytest.approx([0, 11_000, 23_100, 36_410])


def test_a_falling_equity_value():
    # 100,000 grant, -50% a year: 25,000 x 0.5 = 12,500; x 0.25 = 6,250; x 0.125 = 3,125; x 0.0625 = 1,562.50.
    value = value_offer(offer(base="100k", equity="100k", growth="-50%"))
    assert column(value, "equity") == pytest.approx([12_500, 6_250, 3_125, 1_562.5])


def test_no_equity_makes_the_cliff_irrelevant():
    # base 100,000 + bonus 15,000 dollars = 115,000 every year; a cliff changes nothing.
    with_cliff = value_offer(offer(base="100k", bonus="15k", cliff=12))
    assert column(with_cliff, "equity") == [0, 0, 0, 0]
    assert column(with_cliff, "total") == [115_000] * 4
    assert offer(base="100k").cliff == 0  # no equity: no default cliff
    assert ("equity", "no equity") in [(a.key, a.text) for a in with_cliff.assumptions]


def test_a_cliff_of_zero_is_kept_and_the_default_is_12_with_equity():
    assert offer(base="100k", equity="400k").cliff == 12
    no_cliff = offer(base="100k", equity="480k", vesting="monthly", cliff=0)
    assert no_cliff.cliff == 0
    # 10,000 a month from month 1: 120,000 in each year
    assert column(value_offer(no_cliff), "equity") == pytest.approx([120_000] * 4)
    assert "no cliff" in [a.text for a in value_offer(no_cliff).assumptions]


def test_assumptions_are_stated_as_data():
    flat = {a.key: a.text for a in value_offer(offer(base="100k", bonus="10%", equity="100k")).assumptions}
    assert flat["tax"] == "before tax"
    assert "at target" in flat["bonus"] and "10%" in flat["bonus"]
    assert "grant value" in flat["equity"]
    grown = {a.key: a.text for a in value_offer(offer(base="100k", equity="100k", growth="10%")).assumptions}
    assert "+10%" in grown["equity"]
    refreshed = {a.key: a.text for a in value_offer(offer(base="100k", refresh="40k")).assumptions}
    assert "$40,000" in refreshed["refresh"] and "end of each year" in refreshed["refresh"]


# --- comparing offers --------------------------------------------------------------------------------


def test_compare_ranks_by_four_year_average_with_differences_from_the_best():
    # A (the 5/15/40/40 example) averages 298,000; B (the refresher example) 215,000.
    # B - A = -83,000 a year; -83,000 / 298,000 = -27.852% -> -27.85.
    a = offer(label="A", base=180_000, bonus="10%", equity="400k", vesting="5/15/40/40")
    b = offer(label="B", base="100k", equity="400k", refresh="40k")
    result = compare_offers([b, a])
    assert [r.value.offer.label for r in result.ranked] == ["A", "B"]
    assert [r.rank for r in result.ranked] == [1, 2]
    assert [r.difference for r in result.ranked] == [0, -83_000]
    assert [r.difference_percent for r in result.ranked] == [0, -27.85]
    assert "before tax" in [c.text for c in result.common]


def test_tied_offers_share_a_rank():
    same = [offer(label=name, base="100k") for name in ("x", "y")]
    result = compare_offers([*same, offer(label="z", base="90k")])
    assert [r.rank for r in result.ranked] == [1, 1, 3]
    assert result.ranked[2].difference_percent == -10.0  # 90,000 vs 100,000


def test_compare_refuses_nothing_and_duplicate_labels():
    with pytest.raises(OfferError, match="no offers"):
        compare_offers([])
    with pytest.raises(OfferError, match="labelled 'a'"):  # labels differing only in case are the same
        compare_offers([offer(label="A", base="1k"), offer(label="a", base="2k")])


# --- the offers file and the template ----------------------------------------------------------------


def test_template_round_trips_through_the_parser():
    offers = offers_from_mapping(yaml.safe_load(TEMPLATE))
    assert len(offers) == 2
    assert offers[0].location != offers[1].location
    assert offers[0].base == 185_000 and offers[0].bonus == AmountOrPercent(10, percent=True)
    assert offers[1].vesting.monthly and offers[1].refresh == 40_000
    assert offers_from_mapping({"offers": [offer_to_mapping(o) for o in offers]}) == offers
    as_json = json.dumps({"offers": [offer_to_mapping(o) for o in offers]})
    assert offers_from_mapping(json.loads(as_json)) == offers


def test_keys_may_use_hyphens_and_labels_default_to_their_position():
    offers = offers_from_mapping({"offers": [{"base": "100k", "sign-on": "5k"}, {"base": "90k"}]})
    assert [o.label for o in offers] == ["offer 1", "offer 2"]
    assert offers[0].sign_on == 5_000


@pytest.mark.parametrize(("text", "yearly", "monthly"), [
    ("25/25/25/25", (25, 25, 25, 25), False),
    ("5, 15, 40, 40", (5, 15, 40, 40), False),
    ([10, "20%", 30, 40], (10, 20, 30, 40), False),
    ("100", (100,), False),
    ("monthly", (25, 25, 25, 25), True),
    ("Monthly over 2 years", (50, 50), True),
    ("5/15/40/40 monthly", (5, 15, 40, 40), True),
])
def test_vesting_forms(text, yearly, monthly):
    assert parse_vesting(text) == Vesting(yearly=tuple(float(p) for p in yearly), monthly=monthly)


# --- money as people write it ------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "dollars"), [
    ("400k", 400_000), ("$400,000", 400_000), ("150000", 150_000), ("1.2m", 1_200_000),
    ("$185K", 185_000), ("1.15M", 1_150_000), (" 90 k ", 90_000), ("$0.5k", 500), ("0", 0),
    ("1,234,567.89", 1_234_567.89), (250_000, 250_000), (99.5, 99.5), ("100m", 100_000_000),
])
def test_parse_money(text, dollars):
    assert parse_money(text) == dollars


@pytest.mark.parametrize(("text", "message"), [
    ("abc", "not an amount"), ("", "not an amount"), ("1,2345", "not an amount"), ("1.2.3", "not an amount"),
    ("$", "not an amount"), ("k", "not an amount"), ("2b", "not an amount"), (True, "not an amount"),
    (None, "not an amount"), ([1], "not an amount"), ("--5", "not an amount"),
    ("-5k", "negative"), ("$-5k", "negative"), ("-$5,000", "negative"), (-100, "negative"),
    ("200m", "absurd"), (100_000_001, "absurd"),
    ("nan", "not a finite"), ("inf", "not a finite"), (float("nan"), "not a finite"), (float("-inf"), "not a finite"),
])
def test_parse_money_refuses(text, message):
    with pytest.raises(ValueError, match=message) as caught:
        parse_money(text)
    assert "\n" not in str(caught.value)


def test_error_quotes_the_input_shortened_on_one_line():
    with pytest.raises(ValueError) as caught:
        parse_money("x" * 100 + "\nmore")
    assert "'" + "x" * 37 + "...'" in str(caught.value)
    assert "\n" not in str(caught.value) and len(str(caught.value)) < 120


def test_parse_amount_or_percent():
    assert parse_amount_or_percent("10%") == AmountOrPercent(10, percent=True)
    assert parse_amount_or_percent(" 12.5 % ") == AmountOrPercent(12.5, percent=True)
    assert parse_amount_or_percent("15k") == AmountOrPercent(15_000, percent=False)
    assert parse_amount_or_percent(15_000) == AmountOrPercent(15_000, percent=False)
    assert AmountOrPercent(10, percent=True).of(185_000) == 18_500
    assert AmountOrPercent(15_000, percent=False).of(185_000) == 15_000
    for bad, message in [("-5%", "negative"), ("2000%", "absurd"), ("abc%", "not a percentage"), ("nan%", "not a")]:
        with pytest.raises(ValueError, match=message):
            parse_amount_or_percent(bad)


def test_parse_percent_allows_a_fall_only_when_asked():
    assert parse_percent("-20%", allow_negative=True) == -20
    assert parse_percent("7") == 7
    with pytest.raises(ValueError, match="negative"):
        parse_percent("-20%")


@given(st.integers(min_value=0, max_value=100_000_000))
def test_parse_money_reads_comma_grouped_dollars(n):
    assert parse_money(f"${n:,}") == n


@given(st.lists(st.integers(min_value=0, max_value=10), min_size=1, max_size=4).filter(lambda w: sum(w) > 0),
       st.integers(min_value=0, max_value=48), st.booleans())
def test_with_no_growth_a_vesting_within_four_years_pays_the_whole_grant(weights, cliff, monthly):
    # Whatever the schedule and cliff, 400,000 granted and fully vested by year 4 is 400,000 over the 4 years.
    shares = [100 * w / sum(weights) for w in weights]
    cliff = min(cliff, 12 * len(shares))
    value = value_offer(Offer(label="p", base=1, equity=400_000, vesting=Vesting(tuple(shares), monthly), cliff=cliff))
    assert sum(column(value, "equity")) == pytest.approx(400_000, abs=0.05)


# --- every bad input: one line, an OfferError (a ValueError) naming the field --------------------------


@pytest.mark.parametrize(("entry", "message"), [
    ({"base": "100k", "equity": "1k", "vesting": "33/33/33"}, r"vesting: 33/33/33 adds up to 99%, not 100%"),
    ({"base": "100k", "vesting": "25/25/25/26"}, "adds up to 101%"),
    ({"base": "100k", "vesting": "a/b"}, "vesting: 'a/b': not a percentage"),
    ({"base": "100k", "vesting": 5}, "vesting: expected yearly percentages"),
    ({"base": "100k", "vesting": "monthly 0y"}, "monthly vesting over 1 to 10 years"),
    ({"base": "100k", "vesting": "monthly 11 years"}, "monthly vesting over 1 to 10 years"),
    ({"base": "100k", "vesting": "-10/110"}, "negative percentage"),
    ({"base": "-5k"}, "base: a negative amount: '-5k'"),
    ({"base": "100k", "equity": -1}, "equity: a negative amount"),
    ({"base": "100k", "refresh": "-$1"}, "refresh: a negative amount"),
    ({"base": "100k", "sign_on": "500m"}, "sign_on: an absurd amount"),
    ({"base": 0}, "base: must be more than 0"),
    ({"base": "100k", "equity": "400k", "cliff": 49}, "cliff: 49 months is longer than the 48-month vesting"),
    ({"base": "100k", "equity": "1k", "vesting": "100", "cliff": "13"}, "longer than the 12-month vesting"),
    ({"base": "100k", "cliff": "1 year"}, "cliff: expected whole months"),
    ({"base": "100k", "cliff": -1}, "cliff: expected whole months"),
    ({"base": "100k", "cliff": True}, "cliff: expected whole months"),
    ({"base": "100k", "equty": "1k"}, "unknown key 'equty'; did you mean equity"),
    ({"base": "100k", "stock_price": 12}, "unknown key 'stock_price'"),
    ({"base": "100k", "sign-off": "5k"}, "unknown key 'sign-off'; did you mean sign_on"),
    ({"base": [1, 2]}, "base: not an amount"),
    ({"base": "100k", "bonus": {"pct": 10}}, "bonus: not an amount"),
    ({"base": "100k", "role": 3}, "role: expected text"),
    ({"label": 5, "base": "100k"}, "label: expected text"),
    ({"equity": "100k"}, "base: missing"),
    ({"base": "100k", "bonus": 15}, "write 15% for a share of base"),
    ({"base": "100k", "bonus": "1001%"}, "bonus: an absurd percentage"),
    ({"base": "100k", "growth": "-100%"}, "growth: expected a percentage above -100%"),
    ({"base": "100k", "growth": "fast"}, "growth: not a percentage"),
])
def test_bad_offers_are_refused_in_one_line(entry, message):
    with pytest.raises(OfferError, match=message.replace("(", r"\(").replace("?", r"\?")) as caught:
        offers_from_mapping({"offers": [{"label": "ok", "base": "1k"}, entry]})
    text = str(caught.value)
    assert isinstance(caught.value, ValueError)
    assert "\n" not in text
    assert text.startswith("offer 2")  # the offer is named by its position (and label when it has one)


@pytest.mark.parametrize(("data", "message"), [
    ([{"base": "100k"}], "expected a mapping with one key, 'offers'"),
    ({"offers": [{"base": "1k"}], "extra": 1}, "unknown key 'extra'"),
    ({"offer": []}, "unknown key 'offer'"),
    ({"offers": []}, "non-empty list"),
    ({"offers": "abc"}, "non-empty list"),
    ({"offers": ["abc"]}, "offer 1: expected a mapping"),
    ({"offers": [{"label": "A", "base": "1k"}, {"label": "A", "base": "2k"}]}, "two offers are labelled 'A'"),
])
def test_bad_offers_files_are_refused(data, message):
    with pytest.raises(OfferError, match=message):
        offers_from_mapping(data)


def test_the_label_names_the_offer_in_errors():
    with pytest.raises(OfferError, match=r"^offer 1 \(Acme\): bonus: not an amount"):
        offers_from_mapping({"offers": [{"label": "Acme", "base": "100k", "bonus": "lots"}]})


def test_building_an_offer_directly_is_checked_too():
    with pytest.raises(OfferError, match="base: a negative amount"):
        Offer(label="x", base=-1)
    with pytest.raises(OfferError, match="adds up to 90%"):
        Offer(label="x", base=1, vesting=Vesting((30, 30, 30)))
    with pytest.raises(OfferError, match="label"):
        Offer(label=" ", base=1)
    with pytest.raises(OfferError, match="base: expected an amount"):
        Offer(label="x", base=float("nan"))


# --- market placement (domain/offer_market.py) ---------------------------------------------------------------
# BLS May 2025, San Francisco-Oakland-Fremont, CA (0041860), 15-1221: P10 96,440  P25 108,670  P50 171,440
# P75 219,630  P90 281,020 (data/wages/cells.tsv).


@pytest.fixture(scope="module")
def market():
    from aicareer.catalogue.loader import load_catalogue
    from aicareer.catalogue.places import default_index
    from aicareer.catalogue.wages import WageTable

    return load_catalogue(), default_index(), WageTable.open()


@pytest.mark.parametrize(("base", "position", "lower", "upper"), [
    (171_440, "about the 50th percentile", ("P50", 171_440), ("P75", 219_630)),  # exactly P50
    (121_224, "about the 30th percentile", ("P25", 108_670), ("P50", 171_440)),  # a fifth of the way: 25 + 5
    (90_000, "below the 10th percentile", None, ("P10", 96_440)),
    (300_000, "above the 90th percentile", ("P90", 281_020), None),
])
def test_base_against_bls_percentiles(market, base, position, lower, upper):
    from aicareer.domain.offer_market import place_offer

    cat, places, table = market
    placed = place_offer(cat, value_offer(offer(base=base, role="mle", location="sf")), places, table)
    first = placed.wages[0]
    assert (first.soc, first.position, first.lower, first.upper) == ("15-1221", position, lower, upper)
    assert first.fallback == ""


def test_no_placement_without_role_or_location(market):
    from aicareer.domain.offer_market import place_offer

    cat, places, table = market
    placed = place_offer(cat, value_offer(offer(base=100_000, role="mle")), places, table)
    assert placed.article is None and placed.wages == () and placed.note == "no market placement: no location given"


def test_unknown_names_are_input_errors(market):
    from aicareer.core.errors import InputError
    from aicareer.domain.offer_market import place_offer

    cat, places, table = market
    for fields in ({"role": "nope"}, {"location": "atlantis"}, {"level": "guru"}):
        with pytest.raises(InputError):
            place_offer(cat, value_offer(offer(base=100_000, **fields)), places, table)
