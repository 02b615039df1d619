"""Every catalogue command through Typer's CliRunner: output, --json shapes, exit codes."""

from __future__ import annotations

import json
import re

import pytest

from aicareer import __version__

ANSI = re.compile(r"\x1b\[")


def test_version_and_help(run):
    r = run("--version")
    assert r.exit_code == 0 and __version__ in r.stdout
    for args in (["-h"], ["--help"], ["compare", "-h"], ["roles", "-h"], ["role", "-h"], ["market", "-h"],
                 ["data", "validate", "-h"]):
        r = run(*args)
        assert r.exit_code == 0, (args, r.output)
        assert "Example" in r.stdout, args


def test_no_arguments_shows_help(run):
    r = run()
    assert "compare" in r.output and "market" in r.output


def test_compare_shows_every_role_with_basis_sources_and_date(run, cat):
    r = run("compare")
    assert r.exit_code == 0, r.output
    out = r.stdout
    for role in cat.roles.values():
        if role.salary is not None:
            assert role.short_name in out
    assert "$150k–$350k+" in out and "base+equity" in out and "base wage" in out
    assert "Software Developer" in out and "Data Scientist" in out
    assert f"Data as of {cat.reviewed.isoformat()}" in out
    assert "[article]" in out and "[bls-oews-2025]" in out
    assert "█" in out
    assert not ANSI.search(out)


def test_compare_marks_estimates_and_states_the_method(run):
    out = run("compare", "mle", "--location", "sf", "--level", "senior").stdout
    assert "≈$" in out and "Method" in out and "top third" in out
    flat = " ".join(out.split())
    assert "San Francisco-Oakland-Fremont, CA / US median wage ×" in flat  # the BLS ratio is the method
    assert "20-30%" in flat and "claim" in flat  # the article's sentence, as its claim
    plain = run("compare", "mle").stdout
    assert "≈" not in plain and "Method" not in plain


@pytest.mark.parametrize("cols", [80, 120])
def test_compare_fits_the_terminal(run, cols):
    for args in (["compare"], ["compare", "-l", "sf", "--level", "entry"], ["role", "mle"], ["market"], ["roles"]):
        out = run(*args, env={"COLUMNS": str(cols)}).stdout
        widest = max(len(line) for line in out.splitlines())
        assert widest <= cols, (args, widest)


def test_no_color_prints_no_escape_codes(run):
    r = run("compare", env={"NO_COLOR": "1", "COLUMNS": "80"})
    assert r.exit_code == 0 and not ANSI.search(r.stdout)


def test_compare_json_shape(run, cat):
    r = run("compare", "--json", "--location", "nyc")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert set(data) >= {"reviewed", "data_period", "currency", "location", "level", "methods", "roles", "reference", "sources"}
    assert data["location"]["id"] == "nyc" and data["location"]["bls_area_code"] == "0035620"
    assert data["currency"] == "USD" and data["data_period"] == "2025 (article); BLS OEWS May 2025"
    first = data["roles"][0]
    assert set(first) >= {"id", "name", "track", "basis", "low", "high", "open_top", "midpoint", "estimate",
                          "published", "trend"}
    priced = [row for row in data["roles"] if row["published"] is not None]
    assert {row["id"] for row in priced} == {"mle", "prompt", "aipm", "nlp"}
    for row in priced:
        assert isinstance(row["low"], int) and isinstance(row["high"], int) and row["estimate"] is True
        assert "New York-Newark-Jersey City, NY-NJ / US median wage ×" in row["method"]
    for row in data["roles"]:
        if row["published"] is None:
            assert row["note"] == "no published base+equity range" and row["bls"]["occupations"]
    assert {s["id"] for s in data["sources"]} >= {"article", "bls-oews-2025"}
    assert data["reference"] == []  # with a place, the roles' own local BLS rows replace the national ones


def test_compare_json_without_reference(run):
    data = json.loads(run("compare", "--json", "--no-reference", "prompt").stdout)
    assert data["reference"] == [] and [r["id"] for r in data["roles"]] == ["prompt"]


def test_roles_and_role(run, cat):
    out = run("roles").stdout
    for rid in cat.roles:
        assert rid in out
    r = run("role", "Machine Learning Engineer")
    assert r.exit_code == 0
    for needle in ("must-have", "nice-to-have", "PyTorch", "Triton", "Copilot", "Who hires", "Also called",
                   "$400k", "#1 skill"):
        assert needle in r.stdout, needle


def test_role_json(run):
    data = json.loads(run("role", "nlp", "--json").stdout)
    assert data["role"]["id"] == "nlp"
    assert [s["id"] for s in data["role"]["skills"]["must_have"]][:2] == ["python", "hf-transformers"]
    assert data["role"]["salary"]["low"] == 130000


def test_market_shows_figures_hotspots_and_industries(run):
    out = run("market", env={"COLUMNS": "120"}).stdout
    for needle in ("+300%", "1.5%", "−40%", "+15–20%", "70%", "−12%", "San Francisco Bay Area", "Austin",
                   "JPMorgan", "Autonomous vehicles", "cooling", "$170,110", "Data Scientists (15-2051)",
                   "US median $120,230", "Top by median", "Top by employment", "BLS OEWS May 2025"):
        assert needle in out, needle
    assert "Data as of" in out and "data reviewed" in out  # the review date never stands alone


def test_market_json(run):
    data = json.loads(run("market", "--json").stdout)
    ids = {f["id"] for f in data["figures"]}
    assert {"postings-growth", "remote-roles", "applied-share"} <= ids
    assert {"article", "bls-oews-2025"} <= {s["id"] for s in data["sources"]}


@pytest.mark.parametrize("args,needle", [
    (["role", "mlee"], "did you mean mle"),
    (["compare", "promt"], "did you mean prompt"),
    (["compare", "--location", "paris"], "unknown location"),
    (["compare", "--level", "guru"], "unknown level"),
    (["compare", "--sort", "pay"], "unknown sort key"),
])
def test_bad_input_exits_2_with_one_line(run, args, needle):
    r = run(*args)
    assert r.exit_code == 2, r.output
    assert needle in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert "Traceback" not in r.output


def test_bad_data_dir_exits_2(run, tmp_path, overlay):
    r = run("compare", "--data-dir", str(tmp_path / "missing"))
    assert r.exit_code == 2 and "does not exist" in r.stderr
    folder = overlay({"roles.yaml": "roles: [\n"})
    r = run("compare", "--data-dir", str(folder))
    assert r.exit_code == 2 and "invalid YAML" in r.stderr and "roles.yaml" in r.stderr
    r = run("compare", env={"AICAREER_DATA_DIR": str(folder)})
    assert r.exit_code == 2 and "roles.yaml" in r.stderr


def test_data_validate(run, overlay):
    r = run("data", "validate")
    assert r.exit_code == 0 and "valid" in r.stderr
    bad = overlay({"roles.yaml": "roles:\n  - id: x\n", "market.yaml": "figures: 3\n"})
    r = run("data", "validate", str(bad))
    assert r.exit_code == 2
    lines = r.stdout.strip().splitlines()
    assert len(lines) >= 2 and any("roles.yaml" in x for x in lines) and any("market.yaml" in x for x in lines)
    data = json.loads(run("data", "validate", str(bad), "--json").stdout)
    assert data["ok"] is False and len(data["problems"]) >= 2


def test_custom_data_shows_up_in_compare(run, overlay):
    from tests.test_loader import role_yaml, track_yaml

    folder = overlay({"roles.yaml": role_yaml(), "roadmaps.yaml": track_yaml("cv")})
    out = run("compare", "--data-dir", str(folder), "--json").stdout
    assert "cv" in [r["id"] for r in json.loads(out)["roles"]]


def test_internal_errors_are_one_line_not_tracebacks(run, monkeypatch):
    import aicareer.domain.salary

    def boom(*a, **k):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(aicareer.domain.salary, "compare", boom)
    r = run("compare")
    assert r.exit_code == 1 and "internal error" in r.stderr and "Traceback" not in r.output


def test_a_big_catalogue_prints_one_line_a_role(run, overlay):
    from tests.test_loader import role_yaml, track_yaml

    text = "roles:\n" + "".join(role_yaml(id=f"r{i}", name=f"Role {i}", low=100000 + i * 1000)[len("\nroles:\n"):]
                                 for i in range(60))
    folder = overlay({"roles.yaml": text, "roadmaps.yaml": track_yaml(*(f"r{i}" for i in range(60)))})
    out = run("compare", "--data-dir", str(folder), "--no-reference", env={"COLUMNS": "80"}).stdout
    lines = [line for line in out.splitlines() if re.match(r"Role \d+ ", line)]
    assert len(lines) == 60 and all("$" in line for line in lines)
    assert max(len(line) for line in out.splitlines()) <= 80
