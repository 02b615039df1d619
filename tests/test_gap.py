"""`aicareer gap`: skills found in postings and resumes, section weights, match %, role gaps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aicareer.domain.gaps import role_gap
from aicareer.domain.postings import PREFERRED, REQUIRED, analyse, heading_weight

FIX = Path(__file__).parent / "fixtures"


def read(name: str) -> str:
    return (FIX / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def find(cat):
    return cat.vocabulary.recogniser.find


@pytest.mark.parametrize("text,expected", [
    ("We run k8s", ["kubernetes"]),
    ("retrieval-augmented generation", ["rag"]),
    ("Retrieval Augmented Generation (RAG)", ["rag"]),
    ("PyTorch/TensorFlow", ["pytorch", "tensorflow"]),
    ("HF transformers and W&B", ["hf-transformers", "wandb"]),
    ("Weights & Biases", ["wandb"]),
    ("CI/CD and A/B tests", ["ci-cd", "ab-testing"]),
    ("scikit-learn, sklearn", ["scikit-learn"]),
    ("PRDs", ["technical-writing"]),
    ("pythonic mydocker dockerish", []),  # whole words only
])
def test_synonyms_and_whole_words(find, text, expected):  # noqa: D103
    assert find(text) == expected


@pytest.mark.parametrize("line,weight", [
    ("Requirements:", REQUIRED), ("## Must have", REQUIRED), ("WHAT YOU BRING", REQUIRED),
    ("Nice to have", PREFERRED), ("**Bonus**", PREFERRED), ("Preferred qualifications:", PREFERRED),
    ("Benefits", 1.0), ("- Weights & Biases", None), ("We use Python every day.", None),
])
def test_heading_weights(line, weight):
    assert heading_weight(line) == weight


def _weights(cat, text: str) -> dict[str, float]:
    return {t.id: r.weight for r in analyse(cat, text, []).requirements for t in r.terms}


def test_section_weights_in_a_posting(cat):
    w = _weights(cat, read("posting_mle.txt"))
    assert w["pytorch"] == w["kubernetes"] == w["mlflow"] == REQUIRED
    assert w["langchain"] == w["wandb"] == PREFERRED
    assert w["triton"] == w["rag"] == 1.0  # under "What you'll do", not a requirement


def test_inline_label_weighs_its_own_line(cat):
    assert _weights(cat, "Intro\nNice to have: MLflow\nDocker everywhere\n") == {"mlflow": PREFERRED, "docker": 1.0}


@pytest.mark.parametrize("posting,best,must_find", [
    ("posting_mle.txt", "mle", {"pytorch", "tensorflow", "kubernetes", "docker", "rag", "wandb"}),
    ("posting_nlp.txt", "nlp", {"hf-transformers", "whisper", "rag", "langchain", "llamaindex"}),
])
def test_realistic_postings(cat, posting, best, must_find):
    result = analyse(cat, read(posting), [])
    assert must_find <= set(result.term_ids)
    assert result.best_role is not None and result.best_role.id == best
    weights = [r.weight for r in result.requirements]
    assert weights == sorted(weights, reverse=True)


def test_match_is_matched_weight_over_total_weight(cat):
    text = read("posting_mle.txt")
    known = cat.vocabulary.from_text(read("resume_swe.txt"))
    assert {"python", "docker", "kubernetes", "prometheus", "grafana", "aws"} <= known.terms
    result = analyse(cat, text, known)
    reqs = result.requirements
    expected = sum(r.weight for r in reqs if r.known) / sum(r.weight for r in reqs)
    assert result.match == pytest.approx(expected)
    assert 0 < result.match < 1
    assert {r.ids for r in result.missing} == {r.ids for r in reqs if not set(r.ids) & known.terms}


def test_role_gap_is_ordered_by_importance(cat):
    gap = role_gap(cat, cat.roles["mle"], {"python", "docker"})
    missing = [n.skill.id for n in gap.missing]
    assert missing[0] == "pytorch" and missing[1] == "rag"  # the role's must-have order
    kinds = [n.kind for n in gap.missing]
    assert kinds == sorted(kinds, key=lambda k: k != "must-have")
    assert 0 < gap.coverage < 1
    assert role_gap(cat, cat.roles["mle"], [*cat.roles["mle"].must_have, *cat.roles["mle"].nice_to_have]).coverage == 1


# --- through the CLI ----------------------------------------------------------------


def test_gap_with_skills(run):
    r = run("gap", "mle", "--skills", "Python, torch, Docker")
    assert r.exit_code == 0, r.output
    for needle in ("Skill gap: Machine Learning Engineer", "3 of 9", "RAG", "#1 skill", "hours", "estimates",
                   "aicareer roadmap --track mle"):
        assert needle in r.stdout, needle


def test_gap_json_posting_and_resume(run):
    r = run("gap", "--job", str(FIX / "posting_prompt.txt"), "--resume", str(FIX / "resume_swe.txt"), "--json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)["posting"]
    assert data["best_role"] == "prompt"
    assert 0 < data["match"] < 1
    assert data["keywords_to_add"] and "coverage" in data
    assert any(r["terms"] == ["python"] and r["known"] for r in data["requirements"])


def test_gap_reads_posting_from_stdin(run):
    r = run("gap", "--job", "-", "--skills", "python", "--json", input=read("posting_nlp.txt"))
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["posting"]["best_role"] == "nlp"


def test_gap_uses_the_saved_profile(run, tmp_path):
    answers = tmp_path / "a.yaml"
    answers.write_text("background: software-engineer\nexperience_years: 5\nskills: [python, rag]\n"
                       "interests: [build-models]\nlocation: us\nhours_per_week: 10\n")
    assert run("assess", "--answers", str(answers)).exit_code == 0
    data = json.loads(run("gap", "mle", "--json").stdout)["role_gap"]
    assert "saved profile" in data["known_from"]
    assert {h["skill"] for h in data["have"]} == {"python", "rag"}
    assert "weeks at 10 h a week" in run("gap", "mle").stdout


def test_non_utf8_resume_still_reads(run):
    r = run("gap", "nlp", "--resume", str(FIX / "resume_latin1.txt"), "--json")
    assert r.exit_code == 0, r.output
    have = {h["skill"] for h in json.loads(r.stdout)["role_gap"]["have"]}
    assert {"python", "hf-transformers"} <= have


def test_a_posting_with_no_known_skill(run):
    r = run("gap", "--job", str(FIX / "posting_none.txt"))
    assert r.exit_code == 0 and "no known skills found in" in r.stderr


def test_a_one_megabyte_posting(run, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text((read("posting_mle.txt") + "\n") * (1_000_000 // len(read("posting_mle.txt"))))
    assert big.stat().st_size > 900_000
    r = run("gap", "--job", str(big), "--skills", "python", "--json")
    assert r.exit_code == 0 and json.loads(r.stdout)["posting"]["best_role"] == "mle"


@pytest.mark.parametrize("args,needle", [
    (["gap"], "give a ROLE"),
    (["gap", "mlee"], "did you mean mle"),
    (["gap", "--job", "MISSING"], "does not exist"),
    (["gap", "--job", "FOLDER"], "is a folder"),
    (["gap", "--job", "EMPTY"], "is empty"),
    (["gap", "--job", "BINARY"], "binary"),
    (["gap", "--job", "-", "--resume", "-"], "standard input"),
])
def test_gap_bad_input_exits_2(run, tmp_path, args, needle):
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "bin.dat").write_bytes(b"\x7fELF\x00\x00\x01")
    subst = {"MISSING": str(tmp_path / "nope.txt"), "FOLDER": str(tmp_path), "EMPTY": str(tmp_path / "empty.txt"),
             "BINARY": str(tmp_path / "bin.dat")}
    r = run(*[subst.get(a, a) for a in args])
    assert r.exit_code == 2, r.output
    assert needle in r.stderr and "Traceback" not in r.output
