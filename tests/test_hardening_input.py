"""Hostile input files and values: bounded, refused at once, or a clean validation error (issue 17)."""

from __future__ import annotations

import os
import time

import pytest
from conftest import bundled_text
from hardening_util import cli

BOMB = ("background: [&a [x,x,x,x,x,x,x,x,x], &b [*a,*a,*a,*a,*a,*a,*a,*a,*a], "
        "&c [*b,*b,*b,*b,*b,*b,*b,*b,*b], &d [*c,*c,*c,*c,*c,*c,*c,*c,*c], "
        "&e [*d,*d,*d,*d,*d,*d,*d,*d,*d], &f [*e,*e,*e,*e,*e,*e,*e,*e,*e], "
        "&g [*f,*f,*f,*f,*f,*f,*f,*f,*f], &h [*g,*g,*g,*g,*g,*g,*g,*g,*g], "
        "&i [*h,*h,*h,*h,*h,*h,*h,*h,*h]]\nskills: [python]\n")


@pytest.mark.parametrize("command", [["assess", "--no-save", "--answers"], ["report", "-o", "r.html", "--answers"]])
def test_the_yaml_alias_bomb_ends_fast_with_exit_2(tmp_path, command):
    assert len(BOMB) < 460
    answers = tmp_path / "bomb.yaml"
    answers.write_text(BOMB)
    started = time.monotonic()
    r = cli(tmp_path, *command, str(answers), timeout=30, cwd=tmp_path)
    assert time.monotonic() - started < 15
    assert r.returncode == 2, r.stderr
    assert b"bomb.yaml" in r.stderr and b"alias" in r.stderr and len(r.stderr.splitlines()) == 1


def test_deeply_nested_yaml_is_refused(run, tmp_path):
    answers = tmp_path / "deep.yaml"
    answers.write_text("skills: " + "[" * 5000 + "]" * 5000 + "\n")
    r = run("assess", "--no-save", "--answers", str(answers))
    assert r.exit_code == 2 and "deep.yaml" in r.stderr and "nested" in r.stderr, r.stderr


def test_an_answers_file_that_is_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "answers.yaml"
    os.mkfifo(fifo)
    r = cli(tmp_path, "assess", "--no-save", "--answers", str(fifo), timeout=20)
    assert r.returncode == 2 and b"not a regular file" in r.stderr, r.stderr


@pytest.mark.parametrize("option", ["--resume", "--job"])
def test_gap_files_that_are_devices_are_refused(tmp_path, option):
    r = cli(tmp_path, "gap", "mle", option, "/dev/zero", timeout=20)
    assert r.returncode == 2 and b"not a regular file" in r.stderr, r.stderr


def test_a_data_file_that_is_a_fifo_or_a_device_is_refused(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    os.mkfifo(data / "roles.yaml")
    os.symlink("/dev/zero", data / "skills.yaml")
    r = cli(tmp_path, "data", "validate", str(data), timeout=20)
    assert r.returncode == 2, r.stderr
    assert (r.stdout + r.stderr).count(b"not a regular file") == 2, r.stdout
    r = cli(tmp_path, "compare", "--data-dir", str(data), timeout=20)
    assert r.returncode == 2 and b"not a regular file" in r.stderr, r.stderr


@pytest.mark.parametrize("value", ["2026-02-30", "1" * 4401, "!!float abc", "!!int 0x", "!!timestamp 2026-13-45"])
def test_odd_yaml_scalars_in_answers_are_input_errors(run, tmp_path, value):
    answers = tmp_path / "odd.yaml"
    answers.write_text(f"background: software-engineer\nexperience_years: {value}\nskills: [python]\n"
                       "interests: [build-models]\nlocation: sf\nhours_per_week: 10\n")
    r = run("assess", "--no-save", "--answers", str(answers))
    assert r.exit_code == 2, (r.exit_code, r.stderr)
    assert "odd.yaml" in r.stderr and "internal error" not in r.stderr


@pytest.mark.parametrize("value", ["2026-02-30", "1" * 4401, "!!float abc", "!!int 0x"])
def test_odd_yaml_scalars_in_data_files_are_validation_errors(run, overlay, value):
    folder = overlay({"sources.yaml": bundled_text("sources.yaml").replace("reviewed:", f"odd: {value}\nreviewed:", 1)})
    r = run("data", "validate", str(folder))
    assert r.exit_code == 2 and "sources.yaml" in (r.stdout + r.stderr), (r.stdout, r.stderr)
    assert "internal error" not in r.stderr
    r = run("compare", "--data-dir", str(folder))
    assert r.exit_code == 2 and "internal error" not in r.stderr, r.stderr


def test_a_huge_answer_value_is_not_echoed_whole(run, tmp_path):
    answers = tmp_path / "huge.yaml"
    answers.write_text("background: " + "x" * 2_000_000 + "\n")
    r = run("assess", "--no-save", "--answers", str(answers))
    assert r.exit_code == 2 and len(r.stderr) < 2000, len(r.stderr)


def test_a_very_long_custom_skill_name_is_a_validation_error(run, overlay, tmp_path):
    skills = bundled_text("skills.yaml")
    name = "Q" + "x" * 489
    marker = "skills:\n"
    assert marker in skills
    extra = (f"skills:\n  - id: longname\n    name: {name}\n    category: foundations\n    learn_hours: 10\n"
             "    sources: [article]\n")
    folder = overlay({"skills.yaml": skills.replace(marker, extra, 1)})
    r = run("data", "validate", str(folder))
    out = r.stdout + r.stderr
    assert r.exit_code == 2 and "longname" in out and "characters" in out, out
    r = run("gap", "mle", "--skills", "python", "--data-dir", str(folder))
    assert "internal error" not in r.stderr and r.exit_code == 2, r.stderr


def test_the_text_reader_survives_a_very_long_name():
    import msgspec

    from aicareer.catalogue.matcher import Recogniser
    from aicareer.catalogue.models import Skill

    long = msgspec.convert({"id": "long", "name": "a" * 490 + " b" * 300, "category": "ml", "learn_hours": 1, "sources": []}, Skill)
    short = msgspec.convert({"id": "py", "name": "Python", "category": "ml", "learn_hours": 1, "sources": []}, Skill)
    assert Recogniser.build([long, short]).find("I know python") == ["py"]


def test_a_huge_columns_value_works(run):
    r = run("compare", env={"COLUMNS": "99999999999999999999"})
    assert r.exit_code == 0, r.stderr
    r = run("compare", env={"COLUMNS": "-5"})
    assert r.exit_code == 0, r.stderr


def test_a_huge_columns_value_works_in_a_real_process(tmp_path):
    r = cli(tmp_path, "compare", extra_env={"COLUMNS": "99999999999999999999", "LINES": "99999999999999999999"})
    assert r.returncode == 0, r.stderr
