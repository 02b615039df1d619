"""Fuzzed argument vectors for every command: each ends in exit 0, 1 or 2, never a traceback.
Arguments and file names include bytes that are not UTF-8 (as Python passes them on:
lone surrogates) and escape sequences, which must never reach the output raw.

Hypothesis draws option names (valid and invalid) and values (valid names,
near misses, odd unicode, empty strings, huge and negative numbers, files of
every awkward kind) for each command and runs them through the CLI. About
2,000 cases in all; the files it may write go to a temporary folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aicareer.cli.all_commands import app

EXAMPLES = 230  # per command; nine commands

ROLES = ["mle", "MLE", "prompt", "aipm", "nlp", "ml-engineer", "machine learning engineer", "mlee", "cv"]
SKILLS = ["Python, PyTorch", "k8s", "torch,,", "pythn", "RAG, retrieval-augmented generation", " , "]
NAMES = ["software-engineer", "product-manager", "data-scientist", "student", "other", "astronaut", "SE"]
LOCATIONS = ["sf", "nyc", "austin", "remote", "us", "paris", "SF"]
FORMATS = ["table", "markdown", "json", "ics", "pdf"]
STARTS = ["2027-01", "2027-13", "1999-12", "2027-1", "jan", "9999-99"]
NUMBERS = ["0", "1", "8", "-3", "40", "168", "169", "99999999999999999999", "1e3", "3.5", "nan"]


def files(tmp: Path) -> list[str]:
    (tmp / "posting.txt").write_text("Requirements:\n- Python, PyTorch and k8s\nNice to have: MLflow\n")
    (tmp / "empty.txt").write_text("")
    (tmp / "binary.bin").write_bytes(b"\x00\xff\x00binary")
    (tmp / "latin1.txt").write_bytes("Résumé: Python, pandas".encode("latin1"))
    (tmp / "answers.yaml").write_text("background: student\nexperience_years: 1\nskills: [python]\n"
                                      "interests: [research]\nlocation: us\nhours_per_week: 5\n")
    (tmp / "bad.yaml").write_text("background: [\n")
    (tmp / "folder").mkdir(exist_ok=True)
    # a file name that is not UTF-8 (as Python sees it: lone surrogates), and one with an escape sequence
    (tmp / NON_UTF8_NAME).write_text("Requirements: Python\n")
    (tmp / "cv\x1b]0;x\x07.txt").write_text("Python\n")
    return [str(tmp / n) for n in ("posting.txt", "empty.txt", "binary.bin", "latin1.txt", "answers.yaml",
                                   "bad.yaml", "folder", "missing.txt", NON_UTF8_NAME, "cv\x1b]0;x\x07.txt",
                                   "missing-\udce9.txt")] + ["-", ""]


NON_UTF8_NAME = os.fsdecode(b"cv-\xe9\xff.txt")  # 'cv-\udce9\udcff.txt'
NON_UTF8 = ["caf\udce9", "\udcff\udcfe", "py\udce9thon, k8s", "2027-0\udcb1"]  # argv bytes that are not UTF-8


def values(pool: list[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(pool),
        st.sampled_from(NON_UTF8),
        st.binary(max_size=8).filter(lambda b: b"\x00" not in b).map(os.fsdecode),
        st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=12),
        st.sampled_from(["", " ", "--", "-", "é", "💥", "\u202e", "a" * 300, "../../etc/passwd"]),
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
    )


def spec(tmp: Path) -> dict[str, tuple[list[str], dict[str, list[str] | None]]]:
    """command words -> (positional pool, {option: value pool or None for a flag})."""
    f = files(tmp)
    out = [str(tmp / "plan.out"), str(tmp / "no" / "plan.md"), str(tmp / "folder"), "plan.md"]
    data_dirs = [str(tmp / "folder"), str(tmp / "missing"), str(Path(__file__).parent / "broken_data" / "14-inverted-salary")]
    return {
        "compare": (ROLES, {"--location": LOCATIONS, "-l": LOCATIONS, "--level": ["entry", "mid", "senior", "guru"],
                            "--sort": ["midpoint", "low", "high", "name", "pay"], "--json": None,
                            "--no-reference": None, "--reference": None, "--data-dir": data_dirs}),
        "roles": ([], {"--json": None}),
        "role": (ROLES, {"--json": None}),
        "market": ([], {"--json": None}),
        "assess": ([], {"--answers": f, "-a": f, "--template": None, "--background": NAMES, "--experience": NUMBERS,
                        "--skills": SKILLS, "--interests": ["build-models", "research, prompt-design", "x"],
                        "--industries": ["finance", "healthcare, legal", "mining"], "--location": LOCATIONS,
                        "--hours-per-week": NUMBERS, "--salary-goal": NUMBERS, "--reuse": None, "--top": NUMBERS,
                        "--no-save": None, "--json": None}),
        "gap": (ROLES, {"--skills": SKILLS, "--resume": f, "--job": f, "--json": None}),
        "roadmap": ([], {"--track": ROLES, "-t": ROLES, "--background": NAMES, "--skills": SKILLS, "--job": f,
                         "--hours-per-week": NUMBERS, "-w": NUMBERS, "--start": STARTS, "--format": FORMATS,
                         "-f": FORMATS, "-o": out, "--output": out, "--no-save": None}),
        "progress": (["done", "skip", "undo"], {"--json": None}),
        "data validate": (data_dirs, {"--json": None}),
    }


BOGUS = ["--bogus", "-x", "--json=1", "--help-me", "--", "---"]


@st.composite
def argv(draw: st.DrawFn, command: str, tmp: Path) -> list[str]:
    positional, options = spec(tmp)[command]
    out = command.split()
    for _ in range(draw(st.integers(0, 4))):
        choice = draw(st.sampled_from(sorted(options) + BOGUS + ["<arg>"]))
        if choice == "<arg>":
            out.append(draw(values(positional or ["x"])))
        elif choice in options and options[choice] is not None:
            out += [choice, draw(values(options[choice]))]
        else:
            out.append(choice)
    if command == "progress" and draw(st.booleans()):
        out += [draw(st.sampled_from(["se-python", "nope", "js-apply-10", ""]))]
    return out


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def check(args: list[str], monkeypatch: pytest.MonkeyPatch, tmp: Path) -> None:
    from typer.testing import CliRunner

    monkeypatch.chdir(tmp)
    result = CliRunner().invoke(app, args, env={"COLUMNS": "70"})
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, repr(result.exception))
    assert "Traceback" not in result.output, args
    assert "internal error" not in result.stderr, (args, result.stderr)
    assert "\x1b]" not in result.output and "\x07" not in result.output, args


@pytest.mark.parametrize("command", ["compare", "roles", "role", "market", "assess", "gap", "roadmap", "progress",
                                     "data validate"])
def test_fuzzed_arguments(command: str, fuzz_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                     HealthCheck.data_too_large])
    @given(args=argv(command, fuzz_dir))
    def run(args: list[str]) -> None:
        seen.append(args)
        check(args, monkeypatch, fuzz_dir)

    seen: list[list[str]] = []
    run()
    assert len(seen) >= EXAMPLES * 0.9  # the cases really ran (about 2,000 over the nine commands)
