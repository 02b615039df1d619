"""The questionnaire in a real terminal (pexpect): answer, accept defaults, interrupt."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pexpect
import pytest

ENTER, SPACE, DOWN, CTRL_C, CTRL_D = "\r", " ", "\x1b[B", "\x03", "\x04"
PROMPTS = [
    "What best describes you",
    "Years of professional experience",
    "Which skill areas do you know",
    "What kind of work do you want more of",
    "Any industries",
    "Where will you work",
    "Hours a week",
    "Salary goal",
]


def spawn(home: Path, *args: str) -> pexpect.spawn:
    # no cursor-position requests: pexpect does not answer them, prompt_toolkit would wait
    env = {**os.environ, "AICAREER_HOME": str(home), "TERM": "xterm", "COLUMNS": "80", "LINES": "24",
           "PROMPT_TOOLKIT_NO_CPR": "1"}
    env.pop("NO_COLOR", None)
    return pexpect.spawn(sys.executable, ["-m", "aicareer", "assess", *args], env=env, encoding="utf-8",
                         dimensions=(24, 80), timeout=15)


def answer(child: pexpect.spawn, prompt: str, keys: str) -> None:
    child.expect_exact(prompt)
    child.send(keys)


def test_answering_every_question(tmp_path):
    child = spawn(tmp_path)
    answer(child, PROMPTS[0], DOWN + DOWN + ENTER)  # data scientist
    answer(child, PROMPTS[1], "\x7f" + "4" + ENTER)  # replace the default 3 with 4
    answer(child, PROMPTS[2], SPACE + ENTER)  # the first area, Programming & data
    answer(child, "Programming & data: which can you use at work?", SPACE + ENTER)  # Python
    answer(child, PROMPTS[3], DOWN * 6 + SPACE + ENTER)  # language-speech
    answer(child, PROMPTS[4], DOWN * 2 + SPACE + ENTER)  # healthcare
    answer(child, PROMPTS[5], ENTER)  # us
    answer(child, PROMPTS[6], ENTER)
    answer(child, PROMPTS[7], ENTER)
    child.expect_exact("Your AI role matches")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    saved = json.loads((tmp_path / "profile.json").read_text())
    assert saved["answers"]["background"] == "data-scientist"
    assert saved["answers"]["experience_years"] == 4
    assert saved["answers"]["skills"] == ["python"]
    assert saved["answers"]["interests"] == ["language-speech"]
    assert saved["answers"]["industries"] == ["healthcare"]
    assert saved["result"]["top"][0] == "nlp"


def test_accepting_every_default(tmp_path):
    child = spawn(tmp_path)
    for prompt in PROMPTS:
        answer(child, prompt, ENTER)
    child.expect_exact("Your AI role matches")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    saved = json.loads((tmp_path / "profile.json").read_text())["answers"]
    assert saved["background"] == "software-engineer" and saved["experience_years"] == 3
    assert saved["location"] == "us" and saved["hours_per_week"] == 8 and saved["salary_goal"] is None


def test_prompts_ask_only_what_is_missing(tmp_path):
    answers = tmp_path / "partial.yaml"
    answers.write_text("background: student\nexperience_years: 0\nskills: [python]\ninterests: [research]\n")
    child = spawn(tmp_path, "--answers", str(answers), "--no-save")
    child.expect_exact(PROMPTS[5])  # location is the first missing question
    before = child.before
    assert PROMPTS[0] not in before and PROMPTS[2] not in before
    child.send(ENTER)
    answer(child, PROMPTS[6], ENTER)
    child.expect_exact("Your AI role matches")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_a_bad_answer_in_the_file_is_reported_before_the_first_question(tmp_path):
    answers = tmp_path / "partial.yaml"
    answers.write_text("background: student\nlocation: mars\n")
    child = spawn(tmp_path, "--answers", str(answers))
    index = child.expect_exact(["unknown value 'mars'", PROMPTS[1]])
    child.expect(pexpect.EOF)
    child.close()
    assert index == 0 and child.exitstatus == 2


def test_intro_line_and_a_counter_on_every_question(tmp_path):
    child = spawn(tmp_path)
    child.expect_exact("8 questions, about 3 min; Ctrl-C stops without saving.")
    child.expect_exact(f"Answers are saved to {tmp_path / 'profile.json'}")
    for n, prompt in enumerate(PROMPTS, 1):
        child.expect_exact(f"{n}/8")  # styled apart from the question
        answer(child, prompt, ENTER)
    child.expect_exact("Your AI role matches")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_skills_in_pages_one_per_area_ticked(tmp_path):
    child = spawn(tmp_path, "--no-save")
    child.expect_exact("Answers are not saved (--no-save).")
    answer(child, PROMPTS[0], ENTER)
    answer(child, PROMPTS[1], ENTER)
    answer(child, PROMPTS[2], DOWN + SPACE + DOWN * 2 + SPACE + ENTER)  # ML frameworks, LLM applications
    answer(child, "ML frameworks (1 of 2): which can you use at work?", SPACE + ENTER)
    answer(child, "LLM applications (2 of 2): which can you use at work?", DOWN + SPACE + ENTER)
    for prompt in PROMPTS[3:]:
        answer(child, prompt, ENTER)
    child.expect_exact("Your AI role matches")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_a_salary_goal_typed_as_people_write_it(tmp_path):
    child = spawn(tmp_path)
    for prompt in PROMPTS[:-1]:
        answer(child, prompt, ENTER)
    answer(child, PROMPTS[-1], "\x7f" + "250k" + ENTER)
    child.expect_exact("Your AI role matches")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert json.loads((tmp_path / "profile.json").read_text())["answers"]["salary_goal"] == 250_000


@pytest.mark.parametrize("at", range(len(PROMPTS)))
def test_ctrl_c_at_each_prompt_aborts_and_keeps_the_profile(tmp_path, at):
    profile = tmp_path / "profile.json"
    profile.write_text('{"version": 1, "answers": {"background": "student"}, "result": {}}\n')
    progress = tmp_path / "progress.json"
    progress.write_text('{"version": 1, "plan": {"tasks": []}, "marks": {"se-python": "done"}}\n')
    before, before_progress = profile.read_bytes(), progress.read_bytes()
    child = spawn(tmp_path)
    for prompt in PROMPTS[:at]:
        answer(child, prompt, ENTER)
    child.expect_exact(PROMPTS[at])
    child.send(CTRL_C)
    child.expect_exact("Aborted.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in (child.before or "")
    assert profile.read_bytes() == before and progress.read_bytes() == before_progress
    assert sorted(p.name for p in tmp_path.iterdir()) == ["profile.json", "progress.json"]


@pytest.mark.parametrize("at", range(len(PROMPTS)))
def test_ctrl_d_at_each_prompt_aborts(tmp_path, at):
    child = spawn(tmp_path)
    for prompt in PROMPTS[:at]:
        answer(child, prompt, ENTER)
    child.expect_exact(PROMPTS[at])
    if at in (1, 6, 7):  # a text prompt: clear the default, then end of input on an empty line
        child.send("\x7f")
    child.send(CTRL_D)
    child.expect_exact("Aborted.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert not (tmp_path / "profile.json").exists()
