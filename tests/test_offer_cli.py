"""`aicareer offer` through the CLI: flags, offers files, --template, --json, --save and the report, bad input.

Expected figures are worked out by hand in the comments (or read from the BLS table, which is data); none
is produced by calling the code under test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

TWO_CITIES = """\
offers:
  - label: Acme AI, San Francisco
    base: 185k
    bonus: 10%
    sign_on: 20k
    equity: 400k
    vesting: 25/25/25/25
    role: mle
    location: sf
    level: mid
  - label: Borealis Labs, Austin
    base: $160,000
    bonus: 15k
    equity: 240k
    vesting: monthly
    cliff: 12
    refresh: 40k
    role: mle
    location: austin
    level: senior
"""
# Acme: cash 185,000 + 18,500 = 203,500 a year, + 20,000 sign-on in year 1; equity 400k / 4 = 100,000 a year.
#   totals 323,500 / 303,500 / 303,500 / 303,500 -> average 308,500.
# Borealis: cash 175,000; grant 240k monthly over 4 years with a 12-month cliff = 60,000 a year; a 40k refresher
#   at the end of years 1, 2, 3, monthly over 4 years = 10,000 a year each from the next year: 0/10k/20k/30k.
#   totals 235,000 / 245,000 / 255,000 / 265,000 -> average 250,000; vs Acme -58,500 = -18.96% -> -19%.


def flat(text: str) -> str:
    """The output with line breaks and runs of spaces as single spaces (views wrap to the width)."""
    return " ".join(text.split())


def bad(result) -> str:
    """The exit code is 2, stdout is empty and stderr is one line; returns that line."""
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.fixture
def two(tmp_path: Path) -> Path:
    path = tmp_path / "offers.yaml"
    path.write_text(TWO_CITIES, encoding="utf-8")
    return path


def test_one_offer_from_flags(run):
    r = run("offer", "--base", "185k", "--bonus", "10%", "--sign-on", "20k", "--equity", "400k")
    assert r.exit_code == 0, r.stderr
    out = flat(r.stdout)
    assert "Year 1 2 3 4" in out
    assert "Total $323,500 $303,500 $303,500 $303,500" in out
    assert "four-year average $308,500 a year, $1,234,000 in all" in out
    assert "sign-on $20,000 $0 $0 $0" in out
    assert "no market placement: no role and location given" in out
    assert "before tax" in out and "equity at grant value" in out and "bonus at target (10% of base)" in out
    assert "a 12-month cliff" in out


def test_back_loaded_vesting_growth_and_no_cliff(run):
    # 5/15/40/40 of 400k: 20,000 / 60,000 / 160,000 / 160,000; base 100,000; --growth 10%: year y x 1.1^y
    # -> 22,000 / 72,600 / 212,960 / 234,256; totals 122,000 / 172,600 / 312,960 / 334,256
    r = run("offer", "--base", "100000", "--equity", "$400,000", "--vesting", "5/15/40/40", "--growth", "10%",
            "--cliff", "0", "--json")
    assert r.exit_code == 0, r.stderr
    years = json.loads(r.stdout)["offers"][0]["years"]
    assert [y["total"] for y in years] == [122000, 172600, 312960, 334256]
    assert [y["cash"] for y in years] == [100000] * 4


def test_monthly_vesting_with_a_cliff(run):
    # monthly over 4 years, 12-month cliff: 12/48 of 48k at month 12 = 12,000 in year 1, then 12,000 a year
    r = run("offer", "--base", "90k", "--equity", "48k", "--vesting", "monthly", "--json")
    assert r.exit_code == 0, r.stderr
    assert [y["equity"] for y in json.loads(r.stdout)["offers"][0]["years"]] == [12000] * 4


def test_template_round_trip_through_offers(run, tmp_path: Path):
    t = run("offer", "--template")
    assert t.exit_code == 0 and t.stdout.startswith("# Offers for")
    path = tmp_path / "mine.yaml"
    path.write_text(t.stdout, encoding="utf-8")
    r = run("offer", "--offers", str(path))
    assert r.exit_code == 0, r.stderr
    assert "Acme AI, San Francisco" in r.stdout and "Borealis Labs, Austin" in r.stdout


def test_offers_from_stdin_as_json(run):
    doc = {"offers": [{"label": "A", "base": "150k"}, {"label": "B", "base": 160000, "bonus": "5%"}]}
    r = run("offer", "--offers", "-", "--json", input=json.dumps(doc))
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    # B: 160,000 + 8,000 = 168,000 a year; A: 150,000 -> A is 18,000 (10.71%) behind
    assert [(o["rank"], o["name"], o["average"]) for o in data["offers"]] == [(1, "B", 168000), (2, "A", 150000)]
    assert data["offers"][1]["difference"] == -18000
    assert data["offers"][1]["difference_percent"] == pytest.approx(-10.71, abs=0.01)


def test_two_offers_in_two_cities_fit_80_columns(run, two: Path):
    r = run("offer", "--offers", str(two), env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    out = flat(r.stdout)
    assert "1 Acme AI, San Francisco $308,500 best" in out
    assert "2 Borealis Labs, Austin $250,000 −$58,500 (−19%)" in out
    assert "Total $235,000 $245,000 $255,000 $265,000" in out
    assert "refresher $0 $10,000 $20,000 $30,000" in out
    # the chart: one bar per year per offer, cash blocks then equity blocks
    bars = [line for line in lines if line.lstrip().startswith(("Y1 ", "Y2 ", "Y3 ", "Y4 "))]
    assert len(bars) == 8 and all("█" in b and "▒" in b for b in bars)
    assert "San Francisco-Oakland-Fremont, CA" in out and "Austin-Round Rock-San Marcos, TX" in out


def test_wide_terminal_stays_readable(run, two: Path):
    r = run("offer", "--offers", str(two), env={"COLUMNS": "160"})
    assert r.exit_code == 0 and max(len(line) for line in r.stdout.splitlines()) <= 100


def _sf_mid_range() -> tuple[int, int]:
    """ML Engineer's mid third in the SF metro: the article's range times the BLS median ratio."""
    from aicareer.catalogue.wages import WageTable

    ratio = WageTable.open().ratios("0041860", ("15-1221", "15-2051", "15-1299")).ratios["median"]
    span = 350_000 - 150_000
    return (round((150_000 + span / 3) * ratio / 1000) * 1000, round((150_000 + span * 2 / 3) * ratio / 1000) * 1000)


def test_market_placement_article_range_and_bls(run):
    r = run("offer", "--base", "185k", "--equity", "400k", "--role", "mle", "-l", "sf", "--level", "mid")
    assert r.exit_code == 0, r.stderr
    out = flat(r.stdout)
    # article: mle $150k-$350k, mid = the middle third 216,667-283,333, moved by the SF / US ratio of the
    # BLS median of mle's occupations (tested on its own in test_pay_places); rounded to $1,000
    low, high = _sf_mid_range()
    # base + average equity = 185,000 + 100,000 = 285,000: below the SF range
    assert 285_000 < low
    assert ("base + equity $285k a year (base + four-year average equity) is below the article's base + equity "
            f"range ≈${low // 1000}k–${high // 1000}k") in out
    # BLS May 2025, SF metro, 15-1221: P50 171,440, P75 219,630; 50 + 25 x 13,560 / 48,190 = 57.0 -> about 55
    assert ("base $185k is at about the 55th percentile of Computer and Information Research Scientists in "
            "San Francisco-Oakland-Fremont, CA (BLS May 2025; between P50 $171k and P75 $220k)") in out
    assert "linear interpolation" in out


def test_place_outside_the_articles_locations(run):
    r = run("offer", "--base", "185k", "--role", "prompt", "-l", "seattle")
    assert r.exit_code == 0, r.stderr
    out = flat(r.stdout)
    assert "Seattle-Tacoma-Bellevue, WA / US median wage ×" in out  # the one method, for any place
    # prompt maps to 15-1221 then 15-1252; Seattle 15-1252: P50 167,280, P75 211,860 -> 50 + 25 x 0.397 = 60
    assert "about the 60th percentile of Software Developers (between P50 $167k and P75 $212k)" in out


def test_a_bls_fallback_is_said(run):
    r = run("offer", "--base", "120k", "--role", "mle", "-l", "boise", "--json")
    assert r.exit_code == 0, r.stderr
    wage = json.loads(r.stdout)["offers"][0]["market"]["wages"][0]
    assert wage["soc"] == "15-1221" and wage["area"] == "National"
    assert "Boise City, ID: no BLS estimate for 15-1221" in wage["fallback"] and "used National" in wage["fallback"]
    text = run("offer", "--base", "120k", "--role", "mle", "-l", "boise")
    assert "used National" in flat(text.stdout)


def test_a_role_without_a_published_range(run):
    r = run("offer", "--base", "150k", "--role", "mlops", "-l", "us")
    assert r.exit_code == 0, r.stderr
    assert "the article publishes no range for" in flat(r.stdout)


def test_json_shape(run, two: Path):
    r = run("offer", "--offers", str(two), "--json")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["currency"] == "USD" and data["years"] == 4 and data["saved_to"] is None
    first = data["offers"][0]
    assert set(first) >= {"rank", "name", "offer", "years", "total", "average", "difference",
                          "difference_percent", "assumptions", "market"}
    assert first["total"] == 1234000 and first["average"] == 308500
    assert set(first["years"][0]) == {"year", "base", "bonus", "sign_on", "cash", "grant", "refresh", "equity",
                                      "total"}
    assert first["years"][0]["sign_on"] == 20000 and first["years"][1]["sign_on"] == 0
    market = first["market"]
    assert market["article"]["range"]["low"] == _sf_mid_range()[0] and market["article"]["position"] == "below"
    assert [w["soc"] for w in market["wages"]] == ["15-1221", "15-2051", "15-1299"]
    assert {a["key"] for a in data["common_assumptions"]} >= {"tax", "equity"}


def test_save_then_show_then_report(run, two: Path, tmp_path: Path, _isolated: Path):
    r = run("offer", "--offers", str(two), "--save")
    assert r.exit_code == 0, r.stderr
    assert "saved 2 offers" in r.stderr
    saved = json.loads((_isolated / "offers.json").read_text(encoding="utf-8"))
    assert [o["label"] for o in saved["offers"]] == ["Acme AI, San Francisco", "Borealis Labs, Austin"]
    again = run("offer")  # no offer given: the saved ones
    assert again.exit_code == 0 and "Borealis Labs, Austin" in again.stdout
    answers = tmp_path / "answers.yaml"
    answers.write_text(run("assess", "--template").stdout, encoding="utf-8")
    html = tmp_path / "report.html"
    rep = run("report", "--answers", str(answers), "-o", str(html))
    assert rep.exit_code == 0, rep.stderr
    page = html.read_text(encoding="utf-8")
    assert '<section id="offers">' in page and "Borealis Labs, Austin" in page and "$308,500" in page


def test_report_without_saved_offers_has_no_offers_section(run, tmp_path: Path):
    answers = tmp_path / "answers.yaml"
    answers.write_text(run("assess", "--template").stdout, encoding="utf-8")
    html = tmp_path / "report.html"
    assert run("report", "--answers", str(answers), "-o", str(html)).exit_code == 0
    assert 'id="offers"' not in html.read_text(encoding="utf-8")


def test_a_damaged_saved_file_is_moved_aside(run, _isolated: Path):
    (_isolated / "offers.json").write_text('{"version": 1, "offers": [{"label": "x"}]}', encoding="utf-8")
    r = run("offer")
    assert r.exit_code == 2  # nothing left to show
    assert "damaged" in r.stderr and "no offer" in r.stderr
    assert list(_isolated.glob("offers.json.corrupt-*"))


def test_help_has_examples_and_the_command_sits_after_report(run):
    h = run("offer", "--help")
    assert h.exit_code == 0 and "aicareer offer --offers offers.yaml --save" in h.stdout
    top = run("--help").stdout
    assert top.index(" report ") < top.index(" offer ") < top.index(" progress ")


@pytest.mark.parametrize(("args", "words"), [
    (["--base", "185k", "--equity", "100k", "--vesting", "10/10"], "adds up to 20%, not 100%"),
    (["--base=-5"], "negative"),
    (["--base", "185k", "--bonus=-10%"], "negative"),
    (["--base", "185k", "--equity", "100k", "--cliff", "60"], "longer than the 48-month vesting"),
    (["--base", "185k", "--cliff", "soon"], "cliff"),
    (["--base", "lots"], "not an amount of money"),
    (["--base", "185k", "--role", "mlx"], "unknown role 'mlx'; did you mean mle?"),
    (["--base", "185k", "-l", "seatle"], "unknown place 'seatle'; did you mean Seattle"),
    (["--base", "185k", "-l", "portland"], "fits several places"),
    (["--base", "185k", "--level", "guru"], "unknown level 'guru'"),
    (["--bonus", "10%"], "base: missing"),
    ([], "no offer"),
])
def test_bad_flags(run, args: list[str], words: str):
    assert words in bad(run("offer", *args))


@pytest.mark.parametrize(("text", "words"), [
    ("offers:\n  - label: A\n    base: 100k\n    salary: 5\n", "unknown key 'salary'"),
    ("offers:\n  - label: A\n    base: 100k\n    bonsu: 5%\n", "did you mean bonus?"),
    ("offers:\n  - label: A\n    base: 100k\n  - label: a\n    base: 90k\n", "two offers are labelled"),
    ("offers:\n  - label: A\n    base: 100k\n    equity: 10k\n    vesting: 50/40\n", "not 100%"),
    ("offers: []\n", "non-empty list"),
    ("offer:\n  - base: 1\n", "unknown key 'offer'"),
    ("offers: [\n", "invalid YAML/JSON"),
    ("", "is empty"),
    ("offers:\n  - label: A\n    base: 100k\n    location: atlantis\n", "unknown place 'atlantis'"),
])
def test_bad_offers_files(run, tmp_path: Path, text: str, words: str):
    path = tmp_path / "offers.yaml"
    path.write_text(text, encoding="utf-8")
    assert words in bad(run("offer", "--offers", str(path)))


def test_offers_file_and_flags_together_or_a_missing_file(run, two: Path, tmp_path: Path):
    assert "not both" in bad(run("offer", "--offers", str(two), "--base", "100k"))
    assert "does not exist" in bad(run("offer", "--offers", str(tmp_path / "nope.yaml")))
