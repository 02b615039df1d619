"""Pay where you live (issue 12): any US place, one method (the BLS ratio), BLS percentiles beside the
article's range, and a pay level that fits the person. Expected figures are recomputed here from the raw
data/wages/cells.tsv, not taken from the code under test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aicareer.domain.assessment import assess, parse_answers

WAGES = Path(__file__).resolve().parents[1] / "data" / "wages"


STATE_OF: dict[str, str | None] = {}


def raw() -> tuple[dict[str, str], dict[tuple[str, str], list[str]]]:
    """(area code -> BLS name, (area, SOC) -> cells.tsv fields), read without aicareer."""
    names = {}
    for line in (WAGES / "areas.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        f = line.split("\t")
        names[f[0]] = f[4]
        STATE_OF[f[0]] = f[2] + "00000" if f[1] == "M" else None
    cells = {}
    for line in (WAGES / "cells.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        f = line.split("\t")
        cells[(f[0], f[1])] = f
    return names, cells


NAMES, CELLS = raw()

# 24 metros across the country: what a person types -> the start of the BLS area name
METROS = [
    ("seattle", "Seattle-Tacoma-Bellevue, WA"), ("bay area", "San Francisco-Oakland-Fremont, CA"),
    ("san jose", "San Jose-Sunnyvale-Santa Clara, CA"), ("nyc", "New York-Newark-Jersey City"),
    ("boston", "Boston-Cambridge-Newton"), ("austin", "Austin-Round Rock"), ("raleigh", "Raleigh-Cary, NC"),
    ("los angeles", "Los Angeles-Long Beach-Anaheim, CA"), ("chicago", "Chicago-Naperville-Elgin"),
    ("denver", "Denver-Aurora"), ("atlanta", "Atlanta-Sandy Springs"), ("dc", "Washington-Arlington-Alexandria"),
    ("miami", "Miami-Fort Lauderdale"), ("houston", "Houston-"), ("dallas", "Dallas-Fort Worth-Arlington, TX"),
    ("phoenix", "Phoenix-Mesa-Chandler, AZ"), ("san diego", "San Diego-"), ("minneapolis", "Minneapolis-St. Paul"),
    ("detroit", "Detroit-Warren-Dearborn, MI"), ("pittsburgh", "Pittsburgh, PA"), ("salt lake city", "Salt Lake City"),
    ("Portland, OR", "Portland-Vancouver-Hillsboro, OR-WA"), ("st louis", "St. Louis, MO-IL"),
    ("anchorage", "Anchorage, AK"),
]


def hand_median_ratio(area: str, socs: list[str]) -> float | None:
    """The method, by hand: national-employment-weighted local medians over national medians; a local cell
    that is missing, unpublished or thin (wage RSE > 10%, < 50 workers or employment RSE > 30%) is replaced by
    the state's, then the nation's."""
    num = den = 0.0
    state = STATE_OF[area]
    for soc in socs:
        nat = CELLS[("0000000", soc)]
        local = None
        for code in (area, state, "0000000"):
            c = CELLS.get((code, soc)) if code else None
            if c is None or not all(c[i] for i in range(5, 10)):
                continue
            thin = (c[10] and float(c[10]) > 10) or not c[2] or int(c[2]) < 50 or (c[3] and float(c[3]) > 30)
            if thin and code != "0000000":
                continue
            local = c
            break
        if local is None:
            continue
        num += int(nat[2]) * int(local[7])
        den += int(nat[2]) * int(nat[7])
    return num / den if den else None


@pytest.mark.parametrize("query,name", METROS)
def test_compare_mle_in_a_metro_gives_the_adjusted_range_and_local_bls_percentiles(run, query, name):
    r = run("compare", "mle", "--location", query, "--json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    loc = data["location"]
    assert loc["kind"] == "metro" and loc["bls_area_name"].startswith(name)
    assert NAMES[loc["bls_area_code"]] == loc["bls_area_name"]
    row = data["roles"][0]
    socs = row["bls"]["socs"]
    assert socs == ["15-1221", "15-2051", "15-1299"]
    ratio = hand_median_ratio(loc["bls_area_code"], socs)
    assert row["bls"]["ratio"] == pytest.approx(ratio, abs=1e-4)
    assert (row["low"], row["high"]) == (round(150000 * ratio / 1000) * 1000, round(350000 * ratio / 1000) * 1000)
    assert row["estimate"] is True and f"×{ratio:.2f}" in row["method"]
    for occ in row["bls"]["occupations"]:
        assert occ["period"] == "BLS OEWS May 2025" and occ["sources"] == ["bls-oews-2025"]
        assert occ["basis"] == "base wage"
        assert occ["p10"] <= occ["p25"] <= occ["median"] <= occ["p75"] <= occ["p90"]
        if not occ["fallback"]:
            cell = CELLS[(loc["bls_area_code"], occ["soc"])]
            assert (occ["median"], occ["employment"]) == (int(cell[7]), int(cell[2]))
        else:
            assert "used" in occ["fallback"] and occ["area"] != loc["bls_area_name"]
    assert data["data_period"] == "2025 (article); BLS OEWS May 2025"
    assert "bls-oews-2025" in {s["id"] for s in data["sources"]}


@pytest.mark.parametrize("query,kind,name", [
    ("seattle", "metro", "Seattle-Tacoma-Bellevue, WA"), ("Seattle, WA", "metro", "Seattle-Tacoma-Bellevue, WA"),
    ("bay area", "metro", "San Francisco-Oakland-Fremont, CA"),
    ("san francisco", "metro", "San Francisco-Oakland-Fremont, CA"), ("sf", "metro", "San Francisco-Oakland-Fremont, CA"),
    ("san jose", "metro", "San Jose-Sunnyvale-Santa Clara, CA"), ("nyc", "metro", "New York-Newark-Jersey City, NY-NJ"),
    ("new york", "metro", "New York-Newark-Jersey City, NY-NJ"), ("WA", "state", "Washington"),
    ("texas", "state", "Texas"), ("boston", "metro", "Boston-Cambridge-Newton, MA-NH"),
    ("raleigh", "metro", "Raleigh-Cary, NC"), ("us", "nation", "National"),
])
def test_the_issues_spellings_resolve(run, query, kind, name):
    data = json.loads(run("compare", "nlp", "-l", query, "--json").stdout)
    assert (data["location"]["kind"], data["location"]["bls_area_name"]) == (kind, name)


def test_a_state_and_the_nation(run):
    texas = json.loads(run("compare", "nlp", "-l", "texas", "--json").stdout)["roles"][0]
    assert texas["estimate"] is True and texas["bls"]["occupations"][0]["area"] == "Texas"
    us = json.loads(run("compare", "nlp", "-l", "us", "--json").stdout)["roles"][0]
    assert us["estimate"] is False and (us["low"], us["high"]) == (130000, 300000)


@pytest.mark.parametrize("query,names", [
    ("portland", ["Portland-South Portland, ME", "Portland-Vancouver-Hillsboro, OR-WA"]),
    ("washington", ["Washington", "Washington-Arlington-Alexandria, DC-VA-MD-WV"]),
])
def test_an_ambiguous_place_lists_the_candidates_and_exits_2(run, query, names):
    r = run("compare", "mle", "--location", query)
    assert r.exit_code == 2 and r.stdout == ""
    assert "ambiguous" in r.stderr and all(n in r.stderr for n in names)
    assert len(r.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("query,hint", [("seatle", "Seattle-Tacoma-Bellevue, WA"), ("zzzz", None),
                                        ("paris", None)])
def test_an_unknown_place_exits_2_suggesting_only_close_names(run, query, hint):
    r = run("compare", "--location", query)
    assert r.exit_code == 2 and "unknown location" in r.stderr
    if hint:
        assert f"did you mean '{hint}'" in r.stderr
    else:
        assert "did you mean" not in r.stderr


def test_boston_no_longer_suggests_austin(run):
    r = run("compare", "-l", "boston", "--json")
    assert r.exit_code == 0 and json.loads(r.stdout)["location"]["bls_area_name"].startswith("Boston")


def test_locations_port_lists_the_portlands(run):
    r = run("locations", "port")
    assert r.exit_code == 0
    out = " ".join(r.stdout.split())
    assert "Portland-South Portland, ME" in out and "Portland-Vancouver-Hillsboro, OR-WA" in out
    data = json.loads(run("locations", "port", "--json").stdout)
    names = {p["name"] for p in data["places"]}
    assert {"Portland-South Portland, ME", "Portland-Vancouver-Hillsboro, OR-WA"} <= names
    assert all(NAMES[p["bls_area_code"]] == p["name"] for p in data["places"])


def test_locations_finds_a_nickname_and_says_when_nothing_matches(run):
    data = json.loads(run("locations", "bay area", "--json").stdout)
    assert data["places"][0]["name"] == "San Francisco-Oakland-Fremont, CA"
    assert json.loads(run("locations", "qqqqq", "--json").stdout)["places"] == []


def test_remote_is_national_and_says_so(run):
    data = json.loads(run("compare", "mle", "-l", "remote", "--json").stdout)
    assert data["location"]["adjusts"] is False and "national figures" in data["location"]["method"]
    assert data["roles"][0]["estimate"] is False


def test_roles_without_an_article_range_show_bls_base_wages(run):
    r = run("compare", "ai-engineer", "-l", "seattle", "--json")
    row = json.loads(r.stdout)["roles"][0]
    assert row["low"] is None and row["note"] == "no published base+equity range"
    assert row["bls"]["occupations"] and row["bls"]["occupations"][0]["basis"] == "base wage"
    assert all(s["secondary"] and s["self_reported"] and s["n"] > 0 for s in row["survey_pay"])
    out = " ".join(run("compare", "ai-engineer", "-l", "seattle", env={"COLUMNS": "80"}).stdout.split())
    assert "no published base+equity range" in out and "self-reported" in out and "base wage" in out


@pytest.mark.parametrize("cols", [80, 120])
def test_compare_with_a_place_fits_the_terminal(run, cols):
    for args in (["compare", "mle", "-l", "seattle"], ["compare", "-l", "texas"], ["locations", "port"],
                 ["compare", "ai-engineer", "-l", "sf"]):
        out = run(*args, env={"COLUMNS": str(cols), "NO_COLOR": "1"}).stdout
        assert max(len(line) for line in out.splitlines()) <= cols, args


def test_compare_without_bls_rows_does_not_open_the_wage_table(run, monkeypatch):
    from aicareer.catalogue import wages

    def refuse(self):
        raise AssertionError("the wage table was read")

    monkeypatch.setattr(wages.WageTable, "_load_areas", refuse)
    r = run("compare", "mle", "prompt", "--json")
    assert r.exit_code == 0, r.output


def test_market_shows_may_2025_metros_by_median_and_employment(run):
    data = json.loads(run("market", "--json").stdout)
    occs = {o["soc"]: o for o in data["occupation_metros"]["occupations"]}
    assert data["occupation_metros"]["period"] == "BLS OEWS May 2025"
    sd = occs["15-1252"]
    assert sd["national_median"] == int(CELLS[("0000000", "15-1252")][7])
    top = sd["by_employment"][0]
    metro_emp = [(int(f[2]), NAMES[a]) for (a, s), f in CELLS.items()
                 if s == "15-1252" and a.startswith("00") and a != "0000000" and "nonmetropolitan" not in NAMES[a]
                 and f[2] and f[7] and (not f[10] or float(f[10]) <= 10)]
    assert (top["employment"], top["area"]) == max(metro_emp)
    assert [m["median"] for m in sd["by_median"]] == sorted((m["median"] for m in sd["by_median"]), reverse=True)
    out = " ".join(run("market", env={"COLUMNS": "120"}).stdout.split())
    assert "BLS OEWS May 2025" in out and "data reviewed" in out


# --- the pay level: personas ----------------------------------------------------------------------------------
CHANGER = dict(background="other", experience_years=10, skills=[], interests=["product-strategy"],
               location="sf", hours_per_week=8)


def test_a_career_changer_with_10_years_in_marketing_is_not_shown_senior_pay(cat):
    result = assess(cat, parse_answers(cat, CHANGER))
    for m in result.matches:
        assert m.level.level.id == "entry", (m.role.id, m.level.why)
    top = result.matches[0]
    assert "none of your 10 years counted" in top.level.why and "% of this role's skills" in top.level.why
    assert result.level.id == "entry"


def test_a_career_changer_who_counts_10_years_but_has_few_skills_is_capped(cat):
    result = assess(cat, parse_answers(cat, {**CHANGER, "relevant_years": 10}))
    assert all(m.level.level.id != "senior" for m in result.matches)
    prompt = next(m for m in result.matches if m.role.id == "prompt")
    assert "so not senior" in prompt.level.why


def test_an_ml_engineer_with_8_years_and_most_skills_is_senior(cat):
    mle = cat.roles["mle"]
    answers = dict(background="software-engineer", experience_years=8, relevant_years=8,
                   skills=list(mle.must_have) + list(mle.nice_to_have), interests=["build-models", "deploy-systems"],
                   location="seattle", hours_per_week=5)
    result = assess(cat, parse_answers(cat, answers))
    m = next(m for m in result.matches if m.role.id == "mle")
    assert m.level.level.id == "senior" and m.gap.coverage >= 0.6
    assert m.pay.high > 350000 and m.pay.open_top  # the top third, moved up by Seattle's ratio


def test_level_override_wins(cat):
    result = assess(cat, parse_answers(cat, CHANGER), level="senior")
    assert all(m.level.level.id == "senior" and m.level.overridden for m in result.matches)


def test_the_assess_view_says_why_the_level(run, tmp_path):
    answers = tmp_path / "a.yaml"
    answers.write_text(json.dumps(CHANGER))
    r = run("assess", "--answers", str(answers), "--no-save", env={"COLUMNS": "120"})
    assert r.exit_code == 0, r.output
    out = " ".join(r.stdout.replace("│", " ").split())
    assert "Level: entry level — none of your 10 years counted" in out
    assert "senior" not in out.lower().split("method")[0]


@pytest.mark.parametrize("place,msg", [("portland", "ambiguous"), ("mars", "unknown value 'mars'")])
def test_a_bad_location_answer_exits_2(run, tmp_path, place, msg):
    answers = tmp_path / "a.yaml"
    answers.write_text(json.dumps({**CHANGER, "location": place}))
    r = run("assess", "--answers", str(answers), "--no-save")
    assert r.exit_code == 2 and msg in r.stderr


def test_a_coachs_places_yaml_adds_names_and_data_validate_reports_bad_codes(run, overlay):
    folder = overlay({"places.yaml": 'aliases:\n  hq: "0042660"\n  mars base: "0099999"\n',
                      "sources.yaml": (Path(__file__).resolve().parents[1] / "data" / "sources.yaml").read_text()})
    r = run("data", "validate", str(folder))
    assert r.exit_code == 2 and "mars base" in r.stdout and "0099999" in r.stdout
    # like any other broken data file, a bad alias refuses the folder, naming the problem
    bad = run("compare", "mle", "-l", "hq", "--data-dir", str(folder))
    assert bad.exit_code == 2 and "0099999" in bad.stderr
    (folder / "places.yaml").write_text('aliases:\n  hq: "0042660"\n')
    data = json.loads(run("compare", "mle", "-l", "hq", "--data-dir", str(folder), "--json").stdout)
    assert data["location"]["bls_area_name"] == "Seattle-Tacoma-Bellevue, WA"
    assert run("compare", "mle", "-l", "hq").exit_code == 2  # the bundled data has no such name
