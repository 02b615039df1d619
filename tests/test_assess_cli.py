"""`aicareer assess` through CliRunner: files, flags, profile, JSON, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from aicareer.state.profile import profile_path

SE = """background: software-engineer
experience_years: 6
skills: [Python, PyTorch, Docker, k8s]
interests: [build-models, deploy-systems]
location: sf
hours_per_week: 10
"""


def write(tmp_path: Path, text: str, name: str = "answers.yaml") -> str:
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def test_assess_from_file_prints_matches_reasons_and_saves_profile(run, tmp_path):
    r = run("assess", "--answers", write(tmp_path, SE))
    assert r.exit_code == 0, r.output
    out = r.stdout
    for needle in ("Your AI role matches", "#1 Machine Learning Engineer", "+ you have 4 of 9 must-have skills",
                   "RAG is missing", "aicareer roadmap --track mle", "≈$", "Method", "Market notes",
                   "Bay Area"):
        assert needle in out, needle
    assert "profile saved to" in r.stderr and "saved" not in out  # a message: on stderr, not in the data
    saved = json.loads(profile_path().read_text())
    assert saved["answers"]["skills"] == ["python", "pytorch", "docker", "kubernetes"]
    assert saved["result"]["top"][0] == "mle"


def test_assess_json_shape(run, tmp_path):
    r = run("assess", "--answers", write(tmp_path, SE), "--json", "--no-save")
    data = json.loads(r.stdout)
    assert set(data) >= {"answers", "matches", "notes", "method", "reviewed", "data_period", "sources", "level"}
    first = data["matches"][0]
    assert first["role"] == "mle" and first["top"] is True
    assert set(first) >= {"score", "components", "reasons", "gaps", "salary", "next"}
    assert first["salary"]["estimate"] is True and isinstance(first["salary"]["low"], int)
    assert first["gaps"][0]["skill"] == "rag"
    assert data["profile"] is None and not profile_path().exists()


def test_json_answers_file_and_flags_override_the_file(run, tmp_path):
    answers = yaml.safe_load(SE)
    path = write(tmp_path, json.dumps(answers), "a.json")
    data = json.loads(run("assess", "--answers", path, "--background", "product-manager",
                          "--interests", "product-strategy", "--json", "--no-save").stdout)
    assert data["answers"]["background"] == "product-manager"
    assert data["matches"][0]["role"] == "aipm"


def test_answers_from_stdin(run):
    r = run("assess", "--answers", "-", "--json", "--no-save", input=SE)
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["matches"][0]["role"] == "mle"


def test_template_is_a_valid_answers_file(run, tmp_path):
    r = run("assess", "--template")
    assert r.exit_code == 0 and "# " in r.stdout
    data = yaml.safe_load(r.stdout)
    assert set(data) >= {"background", "skills", "interests", "location", "hours_per_week"}
    r2 = run("assess", "--answers", write(tmp_path, r.stdout), "--no-save")
    assert r2.exit_code == 0, r2.output


def test_no_terminal_names_missing_keys_and_the_way_out(run, tmp_path):
    r = run("assess", "--answers", write(tmp_path, "background: student\n"))
    assert r.exit_code == 2
    assert "experience_years" in r.stderr and "--answers" in r.stderr and "skills" in r.stderr
    r = run("assess")
    assert r.exit_code == 2 and "no terminal" in r.stderr


def test_a_typo_in_a_partial_answers_file_is_named_before_anything_is_asked(run, tmp_path):
    r = run("assess", "--answers", write(tmp_path, "backgroud: student\n"))
    assert r.exit_code == 2
    assert "unknown key 'backgroud'; did you mean background?" in r.stderr, r.stderr
    r = run("assess", "--answers", write(tmp_path, "location: mars\n"))
    assert r.exit_code == 2 and "location" in r.stderr and "mars" in r.stderr and "no terminal" not in r.stderr


def test_reuse_takes_missing_answers_from_the_profile(run, tmp_path):
    assert run("assess", "--answers", write(tmp_path, SE)).exit_code == 0
    r = run("assess", "--reuse", "--location", "remote", "--json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["answers"]["location"] == "remote" and data["answers"]["background"] == "software-engineer"


def test_damaged_profile_is_moved_aside_with_a_warning(run, tmp_path):
    path = profile_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json")
    r = run("assess", "--reuse", "--answers", write(tmp_path, SE), "--no-save")
    assert r.exit_code == 0, r.output
    assert "damaged" in r.stderr
    aside = list(path.parent.glob("profile.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_text() == "{not json"


def test_bad_answer_files(run, tmp_path):
    cases = {
        "": "is empty",
        "- a\n- b\n": "expected keys",
        "background: [\n": "invalid YAML",
    }
    for text, needle in cases.items():
        r = run("assess", "--answers", write(tmp_path, SE + text if text.startswith("skills") else text))
        assert r.exit_code == 2, (text, r.output)
        assert needle in r.stderr, (text, r.stderr)
        assert len(r.stderr.strip().splitlines()) == 1
    assert "does not exist" in run("assess", "--answers", str(tmp_path / "nope.yaml")).stderr
    assert "is a folder" in run("assess", "--answers", str(tmp_path)).stderr
    binary = tmp_path / "b.yaml"
    binary.write_bytes(b"\x00\x01\x02background")
    assert "binary" in run("assess", "--answers", str(binary)).stderr


def test_unwritable_profile_folder_is_a_clear_error(run, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("AICAREER_HOME", str(blocker / "sub"))
    r = run("assess", "--answers", write(tmp_path, SE))
    assert r.exit_code == 1 and "cannot create folder" in r.stderr


def test_level_flag_overrides_and_each_match_says_why(run, tmp_path):
    import json

    data = json.loads(run("assess", "--answers", write(tmp_path, SE), "--json", "--no-save", "--level", "senior").stdout)
    first = data["matches"][0]
    assert first["level"]["id"] == "senior" and first["level"]["overridden"] and "--level" in first["level"]["why"]
    plain = json.loads(run("assess", "--answers", write(tmp_path, SE), "--json", "--no-save").stdout)
    assert not plain["matches"][0]["level"]["overridden"] and "skills" in plain["matches"][0]["level"]["why"]
