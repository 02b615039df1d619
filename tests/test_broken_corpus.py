"""The broken-data corpus (tests/broken_data): every case fails cleanly, naming file and field.

Each folder is a custom data folder with one broken file, and an expect.txt
listing what the message must contain (the file's name, then the field or
the reason).
"""

from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "broken_data"
CASES = sorted(p for p in CORPUS.iterdir() if p.is_dir())


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_data_validate_names_file_and_field(run, case, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # where an executed tag would leave its file
    expect = [line for line in (case / "expect.txt").read_text().splitlines() if line]
    r = run("data", "validate", str(case))
    assert r.exit_code == 2, r.output
    for needle in expect:
        assert needle in r.stdout, (case.name, needle, r.stdout)
    assert "Traceback" not in r.output
    assert not (tmp_path / "aicareer-pwned").exists()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_normal_command_fails_with_exit_2_and_one_line(run, case, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("compare", "--data-dir", str(case))
    assert r.exit_code == 2, r.output
    first = (case / "expect.txt").read_text().splitlines()[0]
    assert first in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert r.stdout == ""
    assert not (tmp_path / "aicareer-pwned").exists()
