"""Snapshots of every command's help and main output at 80 and 120 columns.

A changed help text, table or message shows up in review as a diff of a file under
tests/snapshots/. After a deliberate change, regenerate them with

    AICAREER_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_snapshots.py

and read the diff before committing it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

SNAPSHOTS = Path(__file__).parent / "snapshots"
FIX = Path(__file__).parent / "fixtures"
UPDATE = bool(os.environ.get("AICAREER_UPDATE_SNAPSHOTS"))
TODAY = "2026-11-26"  # a fixed clock: outputs that know today do not drift

ANSWERS = FIX / "answers_swe.yaml"

#: name -> the command line (help of every command and subcommand, and the main outputs)
COMMANDS: dict[str, list[str]] = {
    "help": ["--help"],
    "compare-help": ["compare", "--help"],
    "roles-help": ["roles", "--help"],
    "role-help": ["role", "--help"],
    "market-help": ["market", "--help"],
    "locations-help": ["locations", "--help"],
    "assess-help": ["assess", "--help"],
    "gap-help": ["gap", "--help"],
    "roadmap-help": ["roadmap", "--help"],
    "progress-help": ["progress", "--help"],
    "report-help": ["report", "--help"],
    "offer-help": ["offer", "--help"],
    "profile-help": ["profile", "--help"],
    "data-help": ["data", "--help"],
    "compare": ["compare"],
    "compare-mle-seattle-senior": ["compare", "mle", "--location", "seattle", "--level", "senior"],
    "roles": ["roles"],
    "role-mle": ["role", "mle"],
    "role-ai-engineer": ["role", "ai-engineer"],
    "market": ["market"],
    "locations-port": ["locations", "port"],
    "assess-answers": ["assess", "--answers", str(ANSWERS), "--no-save"],
    "gap-mle-skills": ["gap", "mle", "--skills", "Python, Docker, SQL, Go"],
    "roadmap-mle": ["roadmap", "--track", "mle", "--start", "2027-01", "--no-save"],
    "offer-two": ["offer", "--offers", str(FIX / "offers_two.yaml")],
}

#: commands whose snapshot is taken only if the command exists (built by a later issue)
OPTIONAL = {"locations", "offer", "profile"}


def _normalise(text: str) -> str:
    # the fixture folder's absolute path differs between checkouts
    return text.replace(str(FIX), "<fixtures>")


@pytest.mark.parametrize("columns", [80, 120])
@pytest.mark.parametrize("name", list(COMMANDS))
def test_snapshot(run, name, columns, monkeypatch):
    argv = COMMANDS[name]
    monkeypatch.setenv("AICAREER_TODAY", TODAY)
    result = run(*argv, env={"COLUMNS": str(columns), "NO_COLOR": "1", "AICAREER_TODAY": TODAY})
    if argv[0] in OPTIONAL and result.exit_code == 2 and "No such command" in result.output:
        pytest.skip(f"aicareer {argv[0]} does not exist yet")
    assert result.exit_code == 0, result.output
    out = _normalise(result.stdout)
    assert all(len(line) <= columns for line in out.splitlines()), f"a line wider than {columns} columns"
    assert not re.search(r"\x1b\[", out), "escape codes in piped output"
    path = SNAPSHOTS / f"{name}.{columns}.txt"
    if UPDATE or not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(out, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"no snapshot yet: wrote {path.name}; review it and commit it")
    assert out == path.read_text(encoding="utf-8"), f"output differs from {path.name} (see the module docstring)"
