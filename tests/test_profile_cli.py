"""`aicareer profile show | path | reset`, choices with synonyms, money as people write it,
the weak-fit warning and the questionnaire's intro (issue 18)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aicareer.catalogue.models import Choice
from aicareer.cli import questionnaire
from aicareer.core.errors import InputError
from aicareer.domain.assessment import check_given

ANSWERS = ["--background", "student", "--experience", "0", "--skills", "python", "--interests", "research",
           "--location", "us", "--hours-per-week", "8"]


def test_path_prints_the_folder(run, _isolated: Path):
    r = run("profile", "path")
    assert r.exit_code == 0 and r.stdout == f"{_isolated}\n"
    assert json.loads(run("profile", "path", "--json").stdout) == {"folder": str(_isolated)}


def test_show_with_nothing_saved(run, _isolated: Path):
    r = run("profile", "show")
    assert r.exit_code == 0, r.output
    assert "No saved answers" in r.stdout and "No saved plan" in r.stdout
    data = json.loads(run("profile", "show", "--json").stdout)
    assert data["answers"] is None and data["plan"] is None and data["files"] == []


def test_show_what_assess_and_roadmap_saved(run, _isolated: Path):
    assert run("assess", *ANSWERS).exit_code == 0
    assert run("roadmap", "--track", "mle").exit_code == 0
    r = run("profile", "show", env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.output
    assert "student" in r.stdout and "Your plan: track mle" in r.stdout and "profile.json" in r.stdout
    data = json.loads(run("profile", "show", "--json").stdout)
    assert data["answers"]["background"] == "student" and data["answers"]["skills"] == ["python"]
    assert data["plan"]["track"] == "mle" and data["plan"]["tasks"] > 0
    assert [f["name"] for f in data["files"]] == ["profile.json", "progress.json"]


def test_reset_needs_a_terminal_or_yes(run, _isolated: Path):
    assert run("assess", *ANSWERS).exit_code == 0
    r = run("profile", "reset")  # CliRunner: no terminal
    assert r.exit_code == 2 and "--yes" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert (_isolated / "profile.json").exists()
    r = run("profile", "reset", "--yes", "--json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["deleted"] == ["profile.json"]
    assert not (_isolated / "profile.json").exists()
    assert "nothing saved" in run("profile", "reset", "--yes").stderr


def test_reset_keeps_files_that_are_not_aicareer_s(run, _isolated: Path):
    (_isolated / "notes.txt").write_text("mine")
    (_isolated / "profile.json.corrupt-20260101-000000").write_text("{")
    r = run("profile", "reset", "--yes")
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in _isolated.iterdir()) == ["notes.txt"]


def test_profile_is_in_the_help_with_examples(run):
    assert "profile" in run("--help").stdout
    for sub in ("show", "path", "reset"):
        assert "Examples:" in run("profile", sub, "--help").stdout


# --- choices and money as people write them ----------------------------------------------------


@pytest.mark.parametrize("given, expected", [
    ("pm", "product-manager"), ("PM", "product-manager"), ("swe", "software-engineer"),
    ("career-changer", "other"), ("Career changer", "other"), ("Software Engineer", "software-engineer"),
    ("data_scientist", "data-scientist"), ("SRE", "devops-engineer"),
])
def test_background_synonyms_and_case(cat, given, expected):
    assert check_given(cat, {"background": given})["background"] == expected


def test_interest_synonyms_and_location_case(cat):
    values = check_given(cat, {"interests": "NLP, cv", "location": "SF"})
    assert values["interests"] == ("language-speech", "computer-vision") and values["location"] == "sf"


def test_an_unknown_choice_still_suggests_and_lists(cat):
    with pytest.raises(InputError, match=r"did you mean pm\?.*valid: software-engineer"):
        check_given(cat, {"background": "pmm"})


def test_synonyms_are_unique_within_a_question(cat):
    for q in cat.questions.values():
        names = [s.lower() for c in q.choices for s in (c.id, *c.synonyms)]
        assert len(names) == len(set(names)), q.id
    assert Choice(id="x", label="X").synonyms == ()


@pytest.mark.parametrize("given", ["400k", "$400,000", "400000", 400000, "400K"])
def test_salary_goal_as_people_write_it(cat, given):
    assert check_given(cat, {"salary_goal": given})["salary_goal"] == 400_000


@pytest.mark.parametrize("given, message", [("lots", "not an amount of money"), ("-5k", "negative"),
                                            ("9m", "outside 0..5000000")])
def test_a_bad_salary_goal_is_one_line(cat, given, message):
    with pytest.raises(InputError, match=message):
        check_given(cat, {"salary_goal": given})


def test_salary_goal_flag_takes_400k(run):
    r = run("assess", *ANSWERS, "--salary-goal", "400k", "--no-save", "--json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["answers"]["salary_goal"] == 400_000
    r = run("assess", *ANSWERS, "--salary-goal", "a lot", "--no-save")
    assert r.exit_code == 2 and "salary_goal" in r.stderr


def test_hours_a_week_is_1_to_80(run):
    assert run("assess", *ANSWERS[:-1], "80", "--no-save").exit_code == 0
    r = run("assess", *ANSWERS[:-1], "81", "--no-save")
    assert r.exit_code == 2 and "1..80" in r.stderr


# --- the weak-fit warning and the questionnaire's intro ----------------------------------------------


def test_every_fit_weak_is_said_plainly(run):
    r = run("assess", "--background", "student", "--experience", "0", "--skills", "", "--interests",
            "customer-facing", "--location", "us", "--hours-per-week", "8", "--no-save")
    assert r.exit_code == 0, r.output
    assert "every fit is weak" in r.stderr and "every fit is weak" not in r.stdout
    strong = run("assess", "--background", "software-engineer", "--experience", "6", "--skills",
                 "python, pytorch, docker, kubernetes, mlflow", "--interests", "deploy-systems", "--location", "us",
                 "--hours-per-week", "8", "--no-save")
    assert strong.exit_code == 0 and "every fit is weak" not in strong.stderr


def test_intro_says_how_many_how_long_how_to_stop_and_where(tmp_path):
    line = questionnaire.intro(8, tmp_path / "profile.json")
    assert line.startswith("8 questions, about 3 min") and "Ctrl-C" in line and str(tmp_path) in line
    assert "not saved" in questionnaire.intro(1, None) and questionnaire.intro(1, None).startswith("1 question,")


def test_every_skills_page_fits_a_24_row_terminal(cat):
    areas = questionnaire.skill_areas(cat)
    assert sum(len(members) for _, _, members in areas) == len(cat.skills)  # none left out
    # the page: its question line, its choices, and the answers above still in view
    assert max(len(members) for _, _, members in areas) <= 16
    assert len(areas) <= 16  # the areas question too


def test_every_question_has_a_counter_and_one_style_of_hint(cat):
    ids = [q.id for q in cat.questions_file.questions]
    specs = questionnaire.specs(cat, ids, {})
    assert [s["qmark"] for s in specs] == [f"{n}/{len(ids)}" for n in range(1, len(ids) + 1)]
    assert all(s["instruction"].startswith("(") and s["instruction"].endswith(")") for s in specs)
