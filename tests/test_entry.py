"""The console script registers only the command module a command line names."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from aicareer.cli.entry import COMMAND_MODULES, modules_for

ALL = list(dict.fromkeys(COMMAND_MODULES.values()))


@pytest.mark.parametrize("argv,expected", [
    (["compare", "--json"], ["compare"]),
    (["data", "validate", "x"], ["data"]),
    (["progress", "done", "se-python"], ["progress"]),
    (["roadmap", "-h"], ["roadmap"]),
    (["assess", "--answers", "compare"], ["assess"]),
    ([], ALL),
    (["-h"], ALL),
    (["--version"], ALL),
    (["comapre"], ALL),  # an unknown name: all, so the suggestion can name the right one
])
def test_modules_for(argv, expected):
    assert modules_for(argv) == expected


def run_script(*args: str, tmp_path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "AICAREER_HOME": str(tmp_path), "AICAREER_CACHE_DIR": str(tmp_path), "COLUMNS": "100"}
    return subprocess.run([sys.executable, "-m", "aicareer", *args], capture_output=True, text=True, env=env)


def test_the_script_runs_one_command_and_lists_all(tmp_path):
    one = run_script("compare", "--json", tmp_path=tmp_path)
    assert one.returncode == 0 and '"roles"' in one.stdout
    listing = run_script("--help", tmp_path=tmp_path)
    for name in ("compare", "assess", "gap", "roadmap", "report", "progress", "data"):
        assert name in listing.stdout
    typo = run_script("comapre", tmp_path=tmp_path)
    assert typo.returncode == 2 and "compare" in typo.stderr


def test_the_collector_is_paused_for_start_up_only(tmp_path):
    """Start-up objects are frozen, but the command itself (the questionnaire too) runs with
    the cyclic collector on, so a long interactive session cannot pile up garbage."""
    probe = (
        "import gc, sys\n"
        "import typer, aicareer.cli.entry\n"
        "seen = {}\n"
        "def fake(self, *args, **kwargs):\n"
        "    seen['enabled'] = gc.isenabled()\n"
        "    seen['frozen'] = gc.get_freeze_count()\n"
        "    raise SystemExit(0)\n"
        "typer.Typer.__call__ = fake\n"
        "sys.argv = ['aicareer', 'compare']\n"
        "try:\n"
        "    aicareer.cli.entry.main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(seen['enabled'], seen['frozen'] > 1000, gc.isenabled())\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         env={**os.environ, "AICAREER_HOME": str(tmp_path)})
    assert out.stdout.split() == ["True", "True", "True"]


@pytest.mark.parametrize("argv,expected", [
    (["--json", "roles"], ["roles", "--json"]),
    (["--json", "progress", "done", "x"], ["progress", "--json", "done", "x"]),
    (["roles", "--json"], ["roles", "--json"]),
    (["compare", "mle"], ["compare", "mle"]),
])
def test_json_before_the_command_moves_after_it(argv, expected):
    from aicareer.cli.entry import json_after_command

    assert json_after_command(argv) == expected


def test_json_before_the_command_in_a_real_process():
    r = subprocess.run([sys.executable, "-m", "aicareer", "--json", "roles"], capture_output=True, text=True,
                       env={**os.environ, "COLUMNS": "80"}, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.lstrip().startswith("{")
