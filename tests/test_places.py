"""aicareer.catalogue.places: what people type -> a BLS area (names as BLS writes them in data/wages/areas.tsv)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from aicareer.catalogue.places import (
    NATION,
    REMOTE_NOTE,
    Ambiguous,
    PlaceIndex,
    Resolved,
    Unknown,
    default_data_dir,
    normalize,
    parse_alias_text,
    read_alias_file,
    resolve,
    search,
)

REPO = Path(__file__).resolve().parents[1]

SPELLINGS = {
    "seattle": "Seattle-Tacoma-Bellevue, WA",
    "Seattle, WA": "Seattle-Tacoma-Bellevue, WA",
    "SEATTLE": "Seattle-Tacoma-Bellevue, WA",
    "  seattle  wa ": "Seattle-Tacoma-Bellevue, WA",
    "seattle-wa": "Seattle-Tacoma-Bellevue, WA",
    "seattle washington": "Seattle-Tacoma-Bellevue, WA",
    "tacoma": "Seattle-Tacoma-Bellevue, WA",
    "raleigh": "Raleigh-Cary, NC",
    "boston": "Boston-Cambridge-Newton, MA-NH",
    "Boston, MA": "Boston-Cambridge-Newton, MA-NH",
    "san jose": "San Jose-Sunnyvale-Santa Clara, CA",
    "San José": "San Jose-Sunnyvale-Santa Clara, CA",
    "sf": "San Francisco-Oakland-Fremont, CA",
    "S.F.": "San Francisco-Oakland-Fremont, CA",
    "bay area": "San Francisco-Oakland-Fremont, CA",
    "san francisco": "San Francisco-Oakland-Fremont, CA",
    "nyc": "New York-Newark-Jersey City, NY-NJ",
    "new york": "New York-Newark-Jersey City, NY-NJ",
    "New York, NY": "New York-Newark-Jersey City, NY-NJ",
    "la": "Los Angeles-Long Beach-Anaheim, CA",
    "los angeles": "Los Angeles-Long Beach-Anaheim, CA",
    "dc": "Washington-Arlington-Alexandria, DC-VA-MD-WV",
    "Washington, DC": "Washington-Arlington-Alexandria, DC-VA-MD-WV",
    "dfw": "Dallas-Fort Worth-Arlington, TX",
    "austin": "Austin-Round Rock-San Marcos, TX",
    "chicago": "Chicago-Naperville-Elgin, IL-IN",
    "denver": "Denver-Aurora-Centennial, CO",
    "atlanta": "Atlanta-Sandy Springs-Roswell, GA",
    "Portland, OR": "Portland-Vancouver-Hillsboro, OR-WA",
    "portland maine": "Portland-South Portland, ME",
    "st. louis": "St. Louis, MO-IL",
    "saint louis": "St. Louis, MO-IL",
    "winston-salem": "Winston-Salem, NC",
    "wilkes-barre": "Scranton--Wilkes-Barre, PA",
    "nashville": "Nashville-Davidson--Murfreesboro--Franklin, TN",
    "louisville": "Louisville/Jefferson County, KY-IN",
    "coeur d'alene": "Coeur d'Alene, ID",
    "springfield, il": "Springfield, IL",
    "WA": "Washington",
    "wa": "Washington",
    "washington state": "Washington",
    "texas": "Texas",
    "TX": "Texas",
    "new york state": "New York",
    "NY": "New York",
    "district of columbia": "District of Columbia",
    "puerto rico": "Puerto Rico",
    "us": "National",
    "USA": "National",
    "U.S.": "National",
    "united states": "National",
    "national": "National",
}


@pytest.mark.parametrize(("typed", "bls_name"), SPELLINGS.items())
def test_spellings_resolve_to_the_bls_area(typed, bls_name):
    result = resolve(typed)
    assert isinstance(result, Resolved), result
    assert result.place.name == bls_name


def test_kinds():
    assert resolve("seattle").place.kind == "metro"
    assert resolve("texas").place.kind == "state"
    assert resolve("us").place.kind == "nation" and resolve("us").place.code == NATION
    assert resolve("Eastern Washington nonmetropolitan area").place.kind == "nonmetro"
    assert resolve("seattle").place.states == ("WA",)
    assert resolve("dc").place.states == ("DC", "VA", "MD", "WV")


def test_remote_uses_national_figures_and_says_so():
    place = resolve("remote").place
    assert place.kind == "remote" and place.code == NATION
    assert place.note == REMOTE_NOTE == "national figures; no location adjustment"
    assert "no location adjustment" in place.label


@pytest.mark.parametrize(("typed", "names"), [
    ("portland", {"Portland-Vancouver-Hillsboro, OR-WA", "Portland-South Portland, ME"}),
    ("washington", {"Washington", "Washington-Arlington-Alexandria, DC-VA-MD-WV"}),
    ("columbus", {"Columbus, OH", "Columbus, GA-AL", "Columbus, IN"}),
    ("research triangle", {"Raleigh-Cary, NC", "Durham-Chapel Hill, NC"}),
])
def test_ambiguous_names_list_the_candidates(typed, names):
    result = resolve(typed)
    assert isinstance(result, Ambiguous)
    assert {p.name for p in result.candidates} == names


def test_springfield_lists_every_springfield():
    result = resolve("springfield")
    assert isinstance(result, Ambiguous)
    assert {"Springfield, IL", "Springfield, MA", "Springfield, MO", "Springfield, OH"} <= {
        p.name for p in result.candidates}


def test_a_name_inside_a_hyphenated_city_is_not_a_city():
    # "Winston-Salem" is one city: "salem" is Salem, Oregon only.
    assert resolve("salem").place.name == "Salem, OR"


@pytest.mark.parametrize(("typed", "suggested"), [
    ("seatle", "Seattle-Tacoma-Bellevue, WA"),
    ("bostn", "Boston-Cambridge-Newton, MA-NH"),
    ("san fransisco", "San Francisco-Oakland-Fremont, CA"),
    ("raliegh", "Raleigh-Cary, NC"),
])
def test_misspellings_suggest_the_close_place(typed, suggested):
    result = resolve(typed)
    assert isinstance(result, Unknown)
    assert result.suggestions[0].name == suggested


def test_unknown_names_suggest_only_close_names():
    assert resolve("zzzz") == Unknown("zzzz", ())
    assert resolve("").suggestions == ()
    assert resolve("qwerty city").suggestions == ()
    bostn = resolve("bostn").suggestions
    assert not any("Austin" in p.name for p in bostn)
    assert isinstance(resolve("boston"), Resolved)


def test_search_port_lists_the_portlands():
    names = [p.name for p in search("port")]
    assert "Portland-Vancouver-Hillsboro, OR-WA" in names
    assert "Portland-South Portland, ME" in names
    assert "Port St. Lucie, FL" in names
    assert not any(name.startswith("Bridgeport") for name in names)  # "port" inside a word does not count


def test_search_nicknames_and_states():
    assert "San Francisco-Oakland-Fremont, CA" in [p.name for p in search("sf")]
    assert [p.name for p in search("texas")][0] == "Texas"


def test_empty_search_lists_everything_states_before_metros():
    places = search("")
    kinds = [p.kind for p in places]
    assert kinds[:2] == ["nation", "remote"]
    assert kinds.count("state") == 54
    assert kinds.count("metro") + kinds.count("nonmetro") == 528
    assert kinds == sorted(kinds, key=["nation", "remote", "state", "metro", "nonmetro"].index)


def test_normalize():
    assert normalize("  Seattle,  WA ") == "seattle wa"
    assert normalize("Coeur d'Alene") == "coeur d alene"
    assert normalize("San José") == "san jose"
    assert normalize("A&M") == "a and m"


def test_resolving_one_name_equals_the_full_index_for_every_name():
    """The quick path (derive names only for plausible areas) must agree with the full name index."""
    full = PlaceIndex.load()
    every = full.names
    quick = PlaceIndex.load()
    for key, codes in every.items():
        assert quick._derived(key) == codes, key
    assert quick._names is None


# --- places.yaml ---------------------------------------------------------------------------------------------------
def test_fast_reader_reads_places_yaml_as_yaml_does():
    text = (REPO / "data" / "places.yaml").read_text()
    assert parse_alias_text(text) == yaml.safe_load(text)


@pytest.mark.parametrize("text", ["aliases:\n  x: 0041860\n", "nation:\n  - yes\n", "aliases: {a: b}\n",
                                  "aliases:\n  x: &anchor \"1\"\n"])
def test_fast_reader_refuses_what_yaml_reads_differently(text):
    with pytest.raises(ValueError):
        parse_alias_text(text)


def test_every_alias_points_at_a_real_area_and_every_state_has_a_postal_code():
    index = PlaceIndex.load()
    assert index.problems == []
    states = [p for p in index.places.values() if p.kind == "state"]
    assert len(states) == 54 and all(len(p.states) == 1 for p in states)
    assert default_data_dir() == REPO / "data"


def test_custom_places_add_and_override(tmp_path):
    custom = tmp_path / "places.yaml"
    custom.write_text('aliases:\n  hq: "0042660"\n  bay area: "0041940"\n  nowhere: "0099999"\n')
    index = PlaceIndex.load(overlays=[custom])
    assert index.resolve("hq").place.name == "Seattle-Tacoma-Bellevue, WA"
    assert index.resolve("bay area").place.name == "San Jose-Sunnyvale-Santa Clara, CA"
    assert index.problems == ["places alias 'nowhere': unknown BLS area code 0099999"]
    assert isinstance(index.resolve("nowhere"), Unknown)


def test_custom_places_in_full_yaml_are_read(tmp_path):
    custom = tmp_path / "places.yaml"
    custom.write_text('aliases: {hq: "0042660"}\n')
    assert read_alias_file(custom).aliases == {"hq": "0042660"}
