"""Every command's --json document against its model (render/json_models/) and committed JSON Schema.

- each document converts to its model with unknown keys forbidden, so an undocumented key fails here;
- every source id cited anywhere in a document is a record of its top-level `sources`;
- no key is a jq keyword (`{label}` is a syntax error on jq 1.6);
- docs/json-schema/<command>.json is exactly what the models generate, so a change shows in review;
- the jq examples of docs/json.md run (when a jq is installed).
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Any

import msgspec
import pytest

from aicareer.render import json_models
from aicareer.render.json_shapes import cited_ids

REPO = Path(__file__).resolve().parents[1]
TODAY = {"AICAREER_TODAY": "2027-02-10"}
ANSWERS = """background: software-engineer
experience_years: 6
skills: [Python, PyTorch, Docker, k8s]
interests: [build-models, deploy-systems]
location: sf
hours_per_week: 10
salary_goal: 400k
"""
OFFERS = """offers:
  - label: Acme AI, San Francisco
    base: 200k
    bonus: 10%
    equity: 400k
    role: mle
    location: sf
  - label: Borealis Labs, Austin
    base: 180k
    sign-on: 20k
    role: aipm
    location: austin
    level: senior
"""
#: the key words jq 1.6 refuses as an object-construction shorthand ({label}) or after a dot
JQ_KEYWORDS = {"label", "end", "if", "then", "elif", "else", "def", "reduce", "foreach", "try", "catch",
               "import", "include", "and", "or", "not", "as", "__loc__"}

CASES: list[tuple[str, list[str]]] = [
    ("compare", ["compare", "--json"]),
    ("compare", ["compare", "-l", "austin", "--level", "senior", "--json"]),
    ("compare", ["compare", "-l", "texas", "--sort", "low", "--json"]),
    ("compare", ["compare", "-l", "remote", "--no-reference", "--json"]),
    ("roles", ["roles", "--json"]),
    ("role", ["role", "mle", "--json"]),
    ("role", ["role", "cv-engineer", "--json"]),
    ("market", ["market", "--json"]),
    ("locations", ["locations", "--json"]),
    ("locations", ["locations", "portland", "--json"]),
    ("assess", ["assess", "--answers", "{answers}", "--json", "--no-save"]),
    ("assess", ["assess", "--answers", "{answers}", "--background", "product-manager", "-l", "us", "--json",
                "--no-save"]),
    ("roadmap", ["roadmap", "-t", "mle", "--format", "json", "--no-save"]),
    ("roadmap", ["roadmap", "-t", "nlp", "--start", "2027-03", "-w", "6", "--format", "json", "--no-save"]),
    ("roadmap", ["roadmap", "-t", "aipm", "--background", "product-manager", "--start", "2026-09", "--format",
                 "json", "--no-save"]),
    ("offer", ["offer", "--base", "185k", "--json"]),
    ("offer", ["offer", "--offers", "{offers}", "--json"]),
    ("profile-path", ["profile", "path", "--json"]),
    ("gap", ["gap", "mle", "--skills", "Python, RAG, k8s", "--json"]),
    ("gap", ["gap", "--job", "{fixtures}/posting_mle.txt", "--resume", "{fixtures}/resume_swe.txt", "--json"]),
    ("gap", ["gap", "nlp", "--job", "{fixtures}/posting_none.txt", "--skills", "python", "--json"]),
    ("data-validate", ["data", "validate", "--json"]),
]


def _args(args: list[str], tmp_path: Path) -> list[str]:
    answers = tmp_path / "answers.yaml"
    answers.write_text(ANSWERS, encoding="utf-8")
    offers = tmp_path / "offers.yaml"
    offers.write_text(OFFERS, encoding="utf-8")
    return [a.format(answers=answers, offers=offers, fixtures=REPO / "tests" / "fixtures") for a in args]


def _keys(data: Any, path: str = "$") -> list[tuple[str, str]]:
    """(path, key) for every key of every object in the document."""
    if isinstance(data, dict):
        return [(path, k) for k in data] + [p for k, v in data.items() for p in _keys(v, f"{path}.{k}")]
    if isinstance(data, list):
        return [p for i, v in enumerate(data) for p in _keys(v, f"{path}[{i}]")]
    return []


def _check_document(command: str, data: Any) -> None:
    json_models.check(data, command)
    words = [f"{p}.{k}" for p, k in _keys(data) if k in JQ_KEYWORDS]
    assert not words, f"jq keywords as keys: {words}"
    if isinstance(data.get("sources"), list):
        listed = {s["id"] for s in data["sources"]}
        cited = set(cited_ids({k: v for k, v in data.items() if k != "sources"}))
        assert cited <= listed, f"cited but not in sources: {cited - listed}"


@pytest.mark.parametrize("command,args", CASES, ids=[" ".join(a) for _, a in CASES])
def test_command_json_matches_its_model(run, tmp_path, command, args):
    r = run(*_args(args, tmp_path), env=TODAY)
    assert r.exit_code == 0, r.output
    _check_document(command, json.loads(r.stdout))


def test_saved_state_commands_match_their_models(run, tmp_path):
    """progress and profile read what assess and roadmap saved."""
    assert run("assess", "--answers", _args(["{answers}"], tmp_path)[0], env=TODAY).exit_code == 0
    assert run("roadmap", "-t", "mle", "--start", "2027-01", env=TODAY).exit_code == 0
    assert run("progress", "done", "se-python", env=TODAY).exit_code == 0
    assert run("progress", "skip", "net-conference", env=TODAY).exit_code == 0
    for command, args in (("progress", ["progress", "--json"]), ("profile-show", ["profile", "show", "--json"])):
        r = run(*args, env=TODAY)
        assert r.exit_code == 0, r.output
        _check_document(command, json.loads(r.stdout))
    progress = json.loads(run("progress", "--json", env=TODAY).stdout)
    assert {"id": "se-python", "title": progress["marks"][0]["title"], "mark": "done"} in progress["marks"]
    assert progress["marks"][0]["title"], "a mark names its task"
    r = run("profile", "reset", "--yes", "--json")
    assert r.exit_code == 0, r.output
    reset = json.loads(r.stdout)
    _check_document("profile-reset", reset)
    assert "profile.json" in {Path(p).name for p in reset["deleted"]}


def test_failed_validation_still_matches_its_model(run):
    r = run("data", "validate", str(REPO / "tests" / "broken_data" / "02-bad-enum-track"), "--json")
    assert r.exit_code == 2
    data = json.loads(r.stdout)
    _check_document("data-validate", data)
    assert data["ok"] is False and data["problems"]


def test_an_undocumented_or_missing_key_fails(run):
    data = json.loads(run("market", "--json").stdout)
    with pytest.raises(msgspec.ValidationError, match="unknown field `data_as_of`"):
        json_models.check({**data, "data_as_of": data["reviewed"]}, "market")
    del data["figures"][0]["name"]
    with pytest.raises(msgspec.ValidationError, match="name"):
        json_models.check(data, "market")


def test_the_vocabulary_is_shared():
    """`reviewed`, `data_period` and `sources` mean the same in every document that has them."""
    for command, model in json_models.DOCUMENTS.items():
        fields = {f.name: f.type for f in msgspec.structs.fields(model)}
        if "sources" in fields:
            assert fields["sources"] == list[json_models.SourceRecord], command
            assert "reviewed" in fields and "data_period" in fields, command
        if "data_period" in fields:
            assert fields["data_period"] is str, command


def test_a_plan_names_its_certifications_and_events(run):
    data = json.loads(run("roadmap", "-t", "mle", "--start", "2026-04", "-f", "json", "--no-save").stdout)
    certs = [c for t in data["tasks"] for c in t["certifications"]]
    assert {"aws-mls", "aws-mla"} <= {c["id"] for c in certs}
    retired = next(c for c in certs if c["id"] == "aws-mls")
    assert retired["status"] == "retired" and retired["retired_on"] == "2026-03-31" and "Specialty" in retired["name"]
    events = [e for t in data["tasks"] for e in t["events"]]
    assert events and all(e["name"] and 1 <= e["usual_month"] <= 12 for e in events)
    for month in data["months"]:
        for e in month["events"]:
            assert e["name"] and (e["first_day"] is not None) == e["cited"]
    listed = {s["id"] for s in data["sources"]}
    assert {s for c in certs for s in c["sources"]} <= listed


@pytest.mark.parametrize("command", sorted(json_models.DOCUMENTS))
def test_committed_schema_is_the_models(command):
    path = REPO / "docs" / "json-schema" / f"{command}.json"
    assert path.is_file(), f"missing {path}: run python -m aicareer.render.json_models"
    assert path.read_text(encoding="utf-8") == json_models.schema_text(command), (
        f"{path} differs from the model: run python -m aicareer.render.json_models")


def test_no_schema_without_a_model():
    files = {p.stem for p in (REPO / "docs" / "json-schema").glob("*.json")}
    assert files == set(json_models.DOCUMENTS)


def _jq_examples() -> list[str]:
    """The `aicareer ... | jq '...'` lines of docs/json.md."""
    text = (REPO / "docs" / "json.md").read_text(encoding="utf-8")
    return re.findall(r"^\s*(aicareer [^\n|]*\| jq [^\n]*)$", text, flags=re.M)


def test_docs_have_jq_examples():
    assert len(_jq_examples()) >= 3


@pytest.mark.skipif(shutil.which("jq") is None, reason="no jq installed")
@pytest.mark.parametrize("line", _jq_examples())
def test_jq_examples_run(run, tmp_path, line):
    command, _, filt = line.partition(" | jq ")
    args = shlex.split(command)[1:]
    r = run(*_args(args, tmp_path), env=TODAY)
    assert r.exit_code == 0, r.output
    jq_args = shlex.split(filt)
    out = subprocess.run(["jq", *jq_args], input=r.stdout, capture_output=True, text=True, timeout=30)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() and not re.search(r"(:\s*null\b|^null$)", out.stdout, flags=re.M), out.stdout[:500]
