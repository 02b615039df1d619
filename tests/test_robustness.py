"""Saved state, user files and terminals under stress (the rest of the robustness suite:
fuzzing in test_fuzz_cli.py, broken data in test_broken_corpus.py, interruption in
test_questionnaire_pty.py)."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pexpect
import pytest

from aicareer.core.atomic import atomic_write
from aicareer.core.errors import AicareerError
from aicareer.state import store
from aicareer.state.profile import profile_path
from aicareer.state.progress_store import progress_path

FIX = Path(__file__).parent / "fixtures"
ANSI = re.compile(r"\x1b\[")
SE = ("background: software-engineer\nexperience_years: 6\nskills: [python]\ninterests: [build-models]\n"
      "location: sf\nhours_per_week: 10\n")


# --- saved state -----------------------------------------------------------------------


@pytest.mark.parametrize("breaks", ["fsync", "replace", "write"])
def test_a_write_that_fails_half_way_leaves_the_old_file(tmp_path, monkeypatch, breaks):
    target = tmp_path / "state.json"
    target.write_text("old contents\n")

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as m:
        fail_write(m, breaks, boom)
        with pytest.raises(AicareerError, match="No space left"):
            atomic_write(target, "new contents\n")
    assert target.read_text() == "old contents\n"
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]  # no temporary file left behind


def fail_write(m: pytest.MonkeyPatch, breaks: str, boom) -> None:
    if breaks == "write":  # half the bytes reach the disk, then the disk is full
        real_fdopen = os.fdopen

        class HalfWriter:
            def __init__(self, fd, *args, **kwargs):
                self.file = real_fdopen(fd, *args, **kwargs)

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.file.close()

            def write(self, data):
                self.file.write(data[: len(data) // 2])
                self.file.flush()
                boom()

        m.setattr(os, "fdopen", HalfWriter)
    else:
        m.setattr(os, breaks, boom)


def test_assess_does_not_touch_the_profile_when_saving_fails(run, tmp_path, monkeypatch):
    answers = tmp_path / "a.yaml"
    answers.write_text(SE)
    assert run("assess", "--answers", str(answers)).exit_code == 0
    before = profile_path().read_bytes()
    with monkeypatch.context() as m:
        m.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError(5, "I/O error")))
        r = run("assess", "--answers", str(answers), "--location", "nyc")
    assert r.exit_code == 1 and "cannot write" in r.stderr and "I/O error" in r.stderr
    assert profile_path().read_bytes() == before
    # the lock file (.profile.json.lock) stays by design; no temporary file may
    assert sorted(p.name for p in profile_path().parent.iterdir() if not p.name.endswith(".lock")) == ["profile.json"]


def test_corrupt_progress_is_moved_aside_and_roadmap_starts_afresh(run):
    path = progress_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xff\xfe not json")
    r = run("roadmap", "-t", "mle")
    assert r.exit_code == 0 and "damaged" in r.stderr
    assert json.loads(path.read_text())["plan"]["track"] == "mle"
    aside = list(path.parent.glob("progress.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == b"\xff\xfe not json"


def test_an_unwritable_config_folder_is_a_clear_error(run, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("AICAREER_HOME", str(blocker / "config"))
    r = run("roadmap", "-t", "mle")
    assert r.exit_code == 1 and "cannot create folder" in r.stderr and "Traceback" not in r.output
    assert run("roadmap", "-t", "mle", "--no-save").exit_code == 0  # and the way around it works


def test_home_override_and_default_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("AICAREER_HOME", str(tmp_path))
    assert store.home() == tmp_path
    monkeypatch.delenv("AICAREER_HOME")
    assert "aicareer" in str(store.home())


# --- files given by the user -----------------------------------------------------------------


def unreadable(tmp_path: Path) -> str:
    """A path that exists but cannot be read, even by root."""
    if os.geteuid() == 0:
        return "/proc/self/mem"  # exists; reading it from offset 0 fails with an I/O error
    path = tmp_path / "secret.txt"
    path.write_text("Python")
    path.chmod(0)
    return str(path)


@pytest.mark.parametrize("option", ["--job", "--resume"])
def test_awkward_files_for_gap(run, tmp_path, option):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.dat").write_bytes(bytes(range(256)) * 4)
    cases = {
        str(tmp_path / "missing.txt"): "does not exist",
        str(tmp_path): "is a folder",
        unreadable(tmp_path): "cannot read",
        str(tmp_path / "bin.dat"): "binary",
        "x" * 300: "too long",
    }
    for path, needle in cases.items():
        r = run("gap", "mle", option, path)
        assert r.exit_code == 2, (path, r.output)
        assert needle in r.stderr, (path, r.stderr)
        assert len(r.stderr.strip().splitlines()) == 1
    r = run("gap", "mle", option, str(tmp_path / "empty.txt"), "--json")
    if option == "--job":
        assert r.exit_code == 2 and "is empty" in r.stderr
    else:
        assert r.exit_code == 0 and json.loads(r.stdout)["role_gap"]["have"] == []


def test_ten_megabyte_files_give_a_correct_result(run, tmp_path):
    seed = (FIX / "posting_nlp.txt").read_text()
    big = tmp_path / "big.txt"
    big.write_text((seed + "\n") * (10_000_000 // len(seed)))
    assert big.stat().st_size >= 9_900_000
    r = run("gap", "--job", str(big), "--resume", str(big), "--json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)["posting"]
    assert data["best_role"] == "nlp" and data["match"] == 1.0


def test_a_file_too_large_is_refused(run, tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(25 * 1024 * 1024)  # sparse: 25 MB of zeros without writing them
    r = run("gap", "--job", str(huge))
    assert r.exit_code == 2 and "larger than" in r.stderr


@pytest.mark.parametrize("args", [["compare", "--data-dir", "y" * 300], ["assess", "--answers", "z" * 300],
                                  ["roadmap", "-t", "mle", "-f", "markdown", "-o", "w" * 300],
                                  ["data", "validate", "v" * 300]])
def test_names_too_long_for_the_file_system(run, tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    r = run(*args)
    assert r.exit_code == 2, r.output
    assert "internal error" not in r.stderr and "too long" in r.stderr


# --- terminals --------------------------------------------------------------------------------


COMMANDS = [["compare"], ["compare", "-l", "sf", "--level", "entry"], ["roles"], ["role", "nlp"], ["market"],
            ["gap", "mle", "--skills", "python"], ["gap", "--job", str(FIX / "posting_mle.txt")],
            ["roadmap", "-t", "aipm", "--start", "2027-01"], ["progress"], ["assess", "--answers", "ANSWERS"]]


@pytest.mark.parametrize("columns", [40, 80, 120])
def test_every_command_fits_the_terminal_and_prints_no_escape_codes_when_piped(run, tmp_path, columns):
    answers = tmp_path / "a.yaml"
    answers.write_text(SE)
    for args in COMMANDS:
        args = [str(answers) if a == "ANSWERS" else a for a in args]
        r = run(*args, env={"COLUMNS": str(columns)})
        assert r.exit_code == 0, (args, r.output)
        assert not ANSI.search(r.stdout), args
        widest = max(len(line) for line in r.stdout.splitlines())
        assert widest <= columns, (args, columns, widest)


def spawn(args: list[str], env: dict[str, str]) -> str:
    child = pexpect.spawn(sys.executable, ["-m", "aicareer", *args], env=env, encoding="utf-8",
                          dimensions=(40, 100), timeout=20)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    return child.before


def test_no_color_in_a_real_terminal(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env.update({"TERM": "xterm-256color", "AICAREER_HOME": str(tmp_path), "AICAREER_CACHE_DIR": str(tmp_path)})
    colored = spawn(["compare"], env)
    assert ANSI.search(colored), "a terminal without NO_COLOR gets colours (else this test proves nothing)"
    plain = spawn(["compare"], {**env, "NO_COLOR": "1"})
    assert not ANSI.search(plain)
    assert "ML Engineer" in plain


def test_a_hand_edited_profile_with_odd_values_does_not_crash(run):
    path = profile_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"version": 1, "answers": {"hours_per_week": "lots", "skills": ["python"],
                                                          "background": "student"}, "result": {"top": ["nlp"]}}))
    assert run("roadmap", "--no-save").exit_code == 0
    r = run("roadmap")
    assert r.exit_code == 0, r.output
    assert "track nlp" in r.stderr
    r = run("gap", "mle", "--json")
    assert r.exit_code == 0 and json.loads(r.stdout)["role_gap"]["have"][0]["skill"] == "python"


def test_a_profile_whose_result_is_not_a_mapping(run):
    path = profile_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"version": 1, "answers": [], "result": "x"}))
    r = run("roadmap")
    assert r.exit_code == 2 and "--track" in r.stderr


@pytest.mark.parametrize("state", [
    {"version": 1, "plan": {}, "marks": {}},
    {"version": 1, "plan": {"track": "mle", "background": "x", "hours_per_week": 8, "months": [{}], "tasks": []},
     "marks": {}},
    {"version": 1, "plan": {"track": "mle", "background": "x", "hours_per_week": 8, "months": [], "tasks": []},
     "marks": {"se-python": "finished"}},
])
def test_a_progress_file_of_the_wrong_shape_is_moved_aside(run, state):
    path = progress_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(state))
    r = run("progress")
    assert r.exit_code == 1 and "damaged" in r.stderr and "internal error" not in r.stderr  # no plan: exit 1
    assert list(path.parent.glob("progress.json.corrupt-*"))
