"""Any locale, any stdout encoding, closed and failing standard streams (issue 17)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from hardening_util import CLI, cli, env

SE = ("background: software-engineer\nexperience_years: 6\nskills: [python]\ninterests: [build-models]\n"
      "location: sf\nhours_per_week: 10\n")
COMMANDS = [["compare"], ["roles"], ["role", "mle"], ["market"], ["gap", "mle", "--skills", "python"],
            ["roadmap", "-t", "mle"], ["progress"], ["assess", "--answers", "ANSWERS"], ["data", "validate"],
            ["assess", "--template"], ["compare", "--json"]]
LOCALES = [{"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
           {"PYTHONIOENCODING": "ascii"}, {"PYTHONIOENCODING": "latin-1"}]


@pytest.mark.parametrize("extra", LOCALES, ids=["C", "ascii", "latin-1"])
def test_every_command_works_in_any_locale(tmp_path, extra):
    answers = tmp_path / "a.yaml"
    answers.write_text(SE)
    for args in COMMANDS:
        args = [str(answers) if a == "ANSWERS" else a for a in args]
        r = cli(tmp_path, *args, extra_env=extra)
        assert r.returncode == 0, (args, r.stderr[-300:])
        assert b"internal error" not in r.stderr and b"Traceback" not in r.stderr


def test_a_file_name_that_is_not_utf8(tmp_path):
    name = os.fsencode(tmp_path) + b"/cv-\xe9\xff.txt"
    with open(name, "wb") as handle:
        handle.write(b"Python, PyTorch, Docker\n")
    for extra in ({}, LOCALES[0], LOCALES[1]):
        r = subprocess.run([*CLI, "gap", "mle", "--resume", name], env=env(tmp_path, **extra), capture_output=True,
                           timeout=60)
        assert r.returncode == 0, r.stderr
        assert b"internal error" not in r.stderr
        missing = subprocess.run([*CLI, "gap", "mle", "--resume", name + b"x"], env=env(tmp_path, **extra),
                                 capture_output=True, timeout=60)
        assert missing.returncode == 2 and b"\\xe9" in missing.stderr, missing.stderr


def shell(tmp_path: Path, line: str, **extra: str) -> subprocess.CompletedProcess[bytes]:
    cmd = " ".join(f"'{a}'" for a in CLI)
    return subprocess.run(["sh", "-c", line.replace("AIC", cmd)], env=env(tmp_path, **extra), capture_output=True,
                          timeout=60, cwd=tmp_path)


def test_stdout_on_a_full_disk_is_an_error(tmp_path):
    r = shell(tmp_path, "AIC compare > /dev/full")
    assert r.returncode == 1 and b"standard output" in r.stderr and b"internal error" not in r.stderr, r.stderr
    r = shell(tmp_path, "AIC compare --json > /dev/full")
    assert r.returncode == 1 and b"internal error" not in r.stderr, r.stderr
    r = shell(tmp_path, "AIC assess --template > /dev/full")
    assert r.returncode == 1 and b"internal error" not in r.stderr, r.stderr


def test_stdout_closed_is_an_error(tmp_path):
    r = shell(tmp_path, "AIC compare >&-")
    assert r.returncode == 1 and b"standard output" in r.stderr and b"Traceback" not in r.stderr, r.stderr


@pytest.mark.parametrize("args", ["assess --no-save", "assess --no-save --answers -", "gap mle --resume -",
                                  "gap mle --job -"])
def test_stdin_closed_is_missing_input(tmp_path, args):
    r = shell(tmp_path, f"AIC {args} <&-")
    assert r.returncode == 2, r.stderr
    assert b"internal error" not in r.stderr and b"Traceback" not in r.stderr


@pytest.mark.parametrize("redirect", ["2>&-", "2>/dev/full"])
def test_stderr_closed_or_full_keeps_the_exit_code(tmp_path, redirect):
    r = shell(tmp_path, f"AIC compare nosuchrole {redirect}")
    assert r.returncode == 2
    r = shell(tmp_path, f"AIC compare {redirect}")
    assert r.returncode == 0


def test_json_stays_exact_on_an_ascii_output(tmp_path):
    import json

    from conftest import bundled_text

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "roles.yaml").write_text(bundled_text("roles.yaml").replace(
        "name: Machine Learning Engineer", "name: Machine Learning Engineer – é", 1), encoding="utf-8")
    args = ["role", "mle", "--json", "--data-dir", str(tmp_path / "data")]
    utf8 = cli(tmp_path, *args)
    assert "– é" in utf8.stdout.decode("utf-8")
    for extra in LOCALES:
        r = cli(tmp_path, *args, extra_env=extra)
        assert r.returncode == 0 and r.stdout.isascii(), r.stderr
        assert json.loads(r.stdout) == json.loads(utf8.stdout)
