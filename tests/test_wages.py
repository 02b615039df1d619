"""aicareer.catalogue.wages: cells, the metro -> state -> nation fallback, thin cells, local/national ratios.

Expected figures are BLS May 2025 values as printed in ../shared/sources/oews-may2025/ (README and CSV).
"""

from __future__ import annotations

import pytest

from aicareer.catalogue.places import Resolved, resolve
from aicareer.catalogue.wages import NATION, PERCENTILES, THIN_EMPLOYMENT, THIN_WAGE_RSE, Cell, WageTable

SEATTLE, SAN_JOSE, DALLAS, ABILENE, BOWLING_GREEN, AGUADILLA = (
    "0042660", "0041940", "0019100", "0010180", "0014540", "0010380")
TEXAS, KENTUCKY = "4800000", "2100000"


@pytest.fixture(scope="module")
def table() -> WageTable:
    return WageTable.open()


def make_cell(**changes) -> Cell:
    base = dict(area_code="0000001", soc="15-1252", employment=1000, emp_rse=5.0, mean=100000, p10=50000,
                p25=70000, median=90000, p75=120000, p90=150000, wage_rse=2.0, footnotes={})
    base.update(changes)
    return Cell(**base)


def test_cell_as_published(table):
    cell = table.cell(SEATTLE, "15-1252")
    assert (cell.employment, cell.emp_rse, cell.mean, cell.wage_rse) == (92770, 1.9, 174920, 1.3)
    assert (cell.p10, cell.p25, cell.median, cell.p75, cell.p90) == (99190, 132800, 167280, 211860, 257960)
    assert cell.footnotes == {}
    assert table.cell(SAN_JOSE, "15-2051").median == 185080
    assert table.cell(NATION, "15-1252").median == 135980
    assert table.cell(NATION, "15-1252").p90 == 214670


def test_area_names_types_and_states(table):
    seattle = table.area(SEATTLE)
    assert (seattle.name, seattle.kind, seattle.state_fips) == ("Seattle-Tacoma-Bellevue, WA", "metro", "53")
    assert table.state_of(seattle).name == "Washington"
    assert [a.name for a in table.chain(seattle)] == ["Seattle-Tacoma-Bellevue, WA", "Washington", "National"]
    assert table.area("0500001").kind == "nonmetro"
    assert table.area(TEXAS).kind == "state" and table.chain(table.area(TEXAS))[-1].kind == "nation"
    assert table.area("9999999") is None


def test_a_published_cell_is_used_without_fallback(table):
    lookup = table.lookup(SEATTLE, "15-2051")
    assert not lookup.fell_back
    assert lookup.area.code == SEATTLE and lookup.cell.median == 164740
    assert lookup.note() == ""


def test_unpublished_cell_falls_back_to_the_state_and_says_so(table):
    # BLS printed "-" for Computer and Information Research Scientists in Dallas-Fort Worth (footnote 8).
    assert table.cell(DALLAS, "15-1221").median is None
    assert table.cell(DALLAS, "15-1221").footnotes["median"] == "8"
    lookup = table.lookup(DALLAS, "15-1221")
    assert [s.status for s in lookup.steps] == ["not_published", "used"]
    assert lookup.area.code == TEXAS and lookup.cell.median == 121210
    assert lookup.note() == "Dallas-Fort Worth-Arlington, TX: not published for 15-1221; used Texas"


def test_missing_cell_goes_on_to_the_nation_when_the_state_lacks_it_too(table):
    lookup = table.lookup(AGUADILLA, "15-1221")
    assert [s.status for s in lookup.steps] == ["missing", "missing", "used"]
    assert lookup.area.code == NATION and lookup.cell.median == 140300
    assert lookup.note().endswith("used National")


def test_thin_cells_fall_back(table):
    few = table.lookup(ABILENE, "15-2051")  # 40 data scientists
    assert few.steps[0].status == "thin" and few.steps[0].cell.employment == 40
    assert "40 workers" in few.note() and few.area.code == TEXAS
    noisy = table.lookup(BOWLING_GREEN, "15-1252")  # wage RSE 10.3%
    assert noisy.steps[0].status == "thin" and "10.3%" in noisy.steps[0].reason
    assert noisy.area.code == KENTUCKY


def test_thin_rule():
    assert make_cell().thin_reason() is None
    assert make_cell(wage_rse=THIN_WAGE_RSE).thin_reason() is None
    assert "relative standard error" in make_cell(wage_rse=THIN_WAGE_RSE + 0.1).thin_reason()
    assert make_cell(employment=THIN_EMPLOYMENT).thin_reason() is None
    assert "workers" in make_cell(employment=THIN_EMPLOYMENT - 10).thin_reason()
    assert make_cell(employment=None).thin_reason() == "employment not published"
    assert not make_cell(median=None).published


def test_unknown_area_is_a_key_error(table):
    with pytest.raises(KeyError):
        table.lookup("9999999", "15-1252")


def test_ratio_of_one_occupation_is_local_over_national(table):
    ratios = table.ratios(SEATTLE, ["15-1252"]).ratios
    assert ratios["median"] == round(167280 / 135980, 4)
    assert ratios["p90"] == round(table.cell(SEATTLE, "15-1252").p90 / 214670, 4)
    assert table.ratios(NATION, ["15-1252", "15-2051"]).ratios == {p: 1.0 for p in PERCENTILES}


def test_ratio_of_several_occupations_is_weighted_by_national_employment(table):
    # Seattle and national medians and national employment from the shared BLS CSV.
    expected = (1687890 * 167280 + 262440 * 164740) / (1687890 * 135980 + 262440 * 120230)
    result = table.ratios(SEATTLE, ["15-1252", "15-2051"])
    assert result.ratios["median"] == round(expected, 4)
    assert result.weights == {"15-1252": 1687890, "15-2051": 262440}
    assert result.notes == []


def test_ratio_uses_the_fallback_value_and_reports_it(table):
    result = table.ratios(DALLAS, ["15-1221"])
    assert result.ratios["median"] == round(121210 / 140300, 4)
    assert result.notes == ["Dallas-Fort Worth-Arlington, TX: not published for 15-1221; used Texas"]


def test_all_cells_reads_every_row(table):
    assert len(table.all_cells()) == 8194
    developers = table.all_cells(["15-1252"])
    assert {c.soc for c in developers} == {"15-1252"}
    assert max(c.median or 0 for c in developers) == 213110  # San Jose, the top metro median


def test_meta(table):
    assert table.meta.period == "May 2025"
    assert table.meta.release_code == "2025A01"
    assert table.meta.occupations["15-2051"] == "Data Scientists"


METROS = [  # what a person types, across the country
    "seattle", "san jose", "san francisco", "los angeles", "san diego", "portland, or", "denver", "phoenix",
    "salt lake city", "austin", "dallas", "houston", "chicago", "minneapolis", "detroit", "atlanta", "miami",
    "raleigh", "durham", "charlotte", "nashville", "boston", "new york", "philadelphia", "pittsburgh", "dc",
    "baltimore", "st louis", "kansas city", "columbus, oh", "boise", "albuquerque", "anchorage", "honolulu",
]


@pytest.mark.parametrize("typed", METROS)
def test_metros_resolve_and_have_developer_and_data_scientist_wages(table, typed):
    resolution = resolve(typed)
    assert isinstance(resolution, Resolved), resolution
    place = resolution.place
    assert place.kind == "metro"
    for soc in ("15-1252", "15-2051"):
        lookup = table.lookup(place.code, soc)
        assert lookup.cell is not None and lookup.cell.published, (typed, soc)
        assert lookup.area.code == place.code or lookup.note(), (typed, soc)
        assert 30000 < lookup.cell.median < 300000


def test_reading_one_place_does_not_parse_the_others(table):
    fresh = WageTable.open()
    fresh.lookup(SEATTLE, "15-1252")
    assert set(fresh._cells) == {SEATTLE}


def test_medians_are_cached_and_a_damaged_entry_is_scanned_again(monkeypatch, tmp_path):
    from aicareer.catalogue.wages import WageTable

    monkeypatch.setenv("AICAREER_CACHE_DIR", str(tmp_path))
    socs = ["15-2051", "15-1252"]
    first = WageTable.open().medians(socs)
    entries = list(tmp_path.glob("medians-*.marshal"))
    assert len(entries) == 1
    assert WageTable.open().medians(socs) == first  # from the entry
    entries[0].write_bytes(b"\x00not marshal")
    assert WageTable.open().medians(socs) == first  # scanned again
    assert WageTable.open().medians(["15-2051"]) != first  # another key for other occupations


def test_medians_is_the_lean_form_of_all_cells_with_the_thin_rule():
    from aicareer.catalogue.wages import WageTable

    table = WageTable.open()
    socs = ["15-1252", "15-2051", "15-2041"]
    lean = table.medians(socs)
    full = [(c.area_code, c.soc, c.employment, c.median) for c in table.all_cells(socs)
            if c.published and c.thin_reason() is None]
    assert lean == full and len(lean) > 300
    assert all(soc in socs for _, soc, _, _ in lean)
