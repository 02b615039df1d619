"""The loader: good data loads, broken data fails with file, line and field."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from aicareer.catalogue.loader import bundled_data_dir, load_catalogue, validate
from aicareer.core.errors import DataError, InputError

from tests.conftest import bundled_text

ROLE = """
roles:
  - id: {id}
    name: {name}
    short_name: {name}
    track: technical
    salary: {{low: {low}, high: {high}, basis: base+equity, period: "2025", sources: [article]}}
    must_have: [{skills}]
    nice_to_have: []
    trend: {{demand: rising, summary: s, detail: d}}
    example: e
    sources: [article]
"""


def line_of(text: str, needle: str) -> int:
    return next(i for i, t in enumerate(text.splitlines(), 1) if needle in t)


def role_yaml(id="cv", name="Robotics Perception Engineer", low=140000, high=260000, skills="python, pytorch"):
    return ROLE.format(id=id, name=name, low=low, high=high, skills=skills)


def track_yaml(*ids: str) -> str:
    """A roadmaps.yaml overlay with a minimal specialization track (months 4 to 6) for each role id:
    a role without a track is a data error (`data validate`), so a test that adds a role adds one."""
    months = "".join(f"    - {{month: {m}, goal: g, deliverable: d, tasks: []}}\n" for m in (4, 5, 6))
    return "specialization:\n" + "".join(f"  {rid}:\n{months}" for rid in ids)


def test_bundled_data_is_valid(cat):
    assert validate() == []
    assert {"mle", "prompt", "aipm", "nlp"} <= set(cat.roles)
    assert isinstance(cat.reviewed, datetime.date)


def test_every_role_skill_and_figure_cites_a_known_source(cat):
    for role in cat.roles.values():
        if role.salary is not None:  # the article's four roles
            assert role.salary.sources and set(role.salary.sources) <= set(cat.sources)
        else:  # the others: BLS occupations and survey pay only, each cited
            assert role.occupations
            for pay in role.survey_pay:
                assert pay.sources and set(pay.sources) <= set(cat.sources)
        for sid in (*role.must_have, *role.nice_to_have):
            assert sid in cat.skills
    for fig in cat.market.figures:
        assert fig.sources and fig.period
    for occ in cat.occupations.values():
        assert occ.sources and occ.period


def test_article_salary_ranges_are_held(cat):
    # the article's published ranges, read from the seed article by hand
    expected = {"mle": (150000, 350000, True), "prompt": (120000, 250000, False),
                "aipm": (140000, 280000, False), "nlp": (130000, 300000, False)}
    got = {r.id: (r.salary.low, r.salary.high, r.salary.open_top) for r in cat.roles.values() if r.salary}
    assert got == expected
    assert any(f.value == 400000 for f in cat.roles["mle"].facts)


def test_bls_reference_rows_match_the_public_facts_sheet(cat):
    sw = cat.occupations["software-developer"].wages
    # BLS OEWS May 2025, national, 15-1252 (../shared/sources/oews-may2025/oews_may2025.csv)
    assert (sw.p10, sw.p25, sw.median, sw.p75, sw.p90) == (82460, 105210, 135980, 171980, 214670)
    # May 2025 publishes the IT managers' P90 ($297,510); May 2024 top-coded it
    it = cat.occupations["it-manager"]
    assert not it.p90_open and it.wages.p90 == 297510


@pytest.mark.parametrize("query,expected", [
    ("mle", "mle"), ("MLE", "mle"), ("ml-engineer", "mle"), ("Machine Learning Engineer", "mle"),
    ("machine_learning_engineer", "mle"), ("prompt engineer", "prompt"), ("LLM Specialist", "prompt"),
    ("ai pm", "aipm"), ("speech ai engineer", "nlp"),
])
def test_roles_resolve_by_id_alias_or_name(cat, query, expected):
    assert cat.resolve_role(query).id == expected


@pytest.mark.parametrize("query,expected", [
    ("k8s", "kubernetes"), ("torch", "pytorch"), ("retrieval-augmented generation", "rag"),
    ("HF transformers", "hf-transformers"), ("Weights and Biases", "wandb"), ("sklearn", "scikit-learn"),
])
def test_skills_resolve_by_alias(cat, query, expected):
    assert cat.resolve_skill(query).id == expected


def test_unknown_role_suggests_the_closest(cat):
    with pytest.raises(InputError, match="did you mean mle"):
        cat.resolve_role("mlee")


def test_overlay_same_id_replaces_and_new_id_adds(overlay):
    text = role_yaml() + role_yaml(id="mle", name="ML Engineer Custom", low=100000, high=200000)[len("\nroles:"):]
    cat = load_catalogue(overlay({"roles.yaml": text, "roadmaps.yaml": track_yaml("cv")}))
    assert cat.roles["cv"].salary.low == 140000
    assert cat.roles["mle"].name == "ML Engineer Custom"
    assert cat.roles["mle"].salary.high == 200000
    assert {"prompt", "aipm", "nlp"} <= set(cat.roles)  # untouched bundled roles stay


# --- broken data: each case names file, field and (where it can) line -----------------

BROKEN = {
    "invalid yaml": ("roles.yaml", "roles:\n  - id: x\n    name: [unclosed\n", ["roles.yaml:", "invalid YAML"]),
    "wrong type": ("roles.yaml", role_yaml(low='"lots"'),
                   [f"roles.yaml:{line_of(role_yaml(low='lots'), 'lots')}:", "salary.low", "Expected `int`"]),
    "missing field": ("roles.yaml", role_yaml().replace("    example: e\n", ""), ["roles[cv]", "example"]),
    "unknown item key": ("roles.yaml", role_yaml().replace("    example: e\n", "    example: e\n    colour: red\n"),
                         [f"roles.yaml:{line_of(role_yaml(), 'example') + 1}:", "colour"]),
    "unknown top-level key": ("roles.yaml", "rolez: []\n", ["roles.yaml:1", "rolez", "did you mean 'roles'"]),
    "dangling skill id": ("roles.yaml", role_yaml(skills="python, pytorchh"),
                          ["roles.yaml", "roles[cv].must_have", "'pytorchh'", "did you mean 'pytorch'"]),
    "inverted range": ("roles.yaml", role_yaml(low=300000, high=100000), ["roles[cv].salary", "above high"]),
    "negative salary": ("roles.yaml", role_yaml(low=-5, high=100000), ["roles[cv].salary", "positive"]),
    "duplicate id": ("roles.yaml", role_yaml() + role_yaml()[len("\nroles:"):], ["duplicate id 'cv'"]),
    "not utf-8": ("skills.yaml", b"skills:\n  - id: caf\xe9\n", ["skills.yaml", "not UTF-8"]),
    "empty file": ("market.yaml", "", ["market.yaml", "empty"]),
    "top level is a list": ("roles.yaml", "- a\n- b\n", ["roles.yaml:1", "mapping"]),
    "unknown source": ("roles.yaml", role_yaml().replace("    sources: [article]\n", "    sources: [wikipedia]\n"),
                       ["roles[cv].sources", "unknown source id 'wikipedia'"]),
    "alias clash": ("roles.yaml", role_yaml(name="MLE"), ["aliases", "'MLE'", "also used by role"]),
    "bad track": ("roles.yaml", role_yaml().replace("track: technical", "track: magic"), ["track", "magic"]),
    "unknown skill category": ("skills.yaml",
                               "skills:\n  - {id: zig, name: Zig, category: langs, learn_hours: 5, sources: [article]}\n",
                               ["skills[zig].category", "unknown category 'langs'"]),
    "percentiles out of order": ("occupations.yaml", """occupations:
  - id: x
    name: X
    short_name: X
    soc: "1"
    employment: 1
    mean: 1
    wages: {p10: 5, p25: 4, median: 3, p75: 2, p90: 1}
    period: May 2024
    sources: [bls-oews-2024]
""", ["occupations[x].wages", "rise"]),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_data_is_reported_with_file_and_field(case, overlay):
    name, content, needles = BROKEN[case]
    folder = overlay({name: content})
    with pytest.raises(DataError) as info:
        load_catalogue(folder)
    everything = "\n".join(info.value.problems)
    for needle in needles:
        assert needle in everything, (case, everything)
    assert str(folder / name) in everything or name in everything


def test_python_tag_executes_nothing(overlay, tmp_path):
    marker = tmp_path / "pwned"
    text = f"roles: !!python/object/apply:os.system ['touch {marker}']\n"
    with pytest.raises(DataError, match="roles.yaml"):
        load_catalogue(overlay({"roles.yaml": text}))
    assert not marker.exists()


def test_validate_reports_every_problem_not_only_the_first(overlay):
    text = role_yaml(id="a", name="A", skills="nope1") + role_yaml(id="b", name="B", low=9, high=1)[len("\nroles:"):]
    problems = validate(overlay({"roles.yaml": text}))
    assert any("nope1" in p for p in problems)
    assert any("roles[b].salary" in p for p in problems)


def test_missing_folder_and_folder_without_data_files(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        load_catalogue(tmp_path / "nowhere")
    with pytest.raises(InputError, match="none of the data files"):
        load_catalogue(tmp_path)


def test_a_folder_where_a_file_should_be(overlay):
    folder = overlay({})
    (folder / "roles.yaml").mkdir()
    with pytest.raises(DataError, match="is a folder"):
        load_catalogue(folder)


def test_a_whole_broken_copy_of_the_bundled_data(tmp_path):
    """Line numbers point into the real file: break the real roles.yaml's first salary."""
    folder = tmp_path / "copy"
    folder.mkdir()
    text = bundled_text("roles.yaml").replace("      low: 150000", "      low: lots", 1)
    (folder / "roles.yaml").write_text(text)
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "low: lots" in t)
    problems = validate(folder)
    assert any(f"roles.yaml:{line}:" in p and "salary.low" in p for p in problems), problems


def test_bundled_data_dir_exists():
    assert (bundled_data_dir() / "roles.yaml").is_file()
    assert isinstance(bundled_data_dir(), Path)


# --- the validated-catalogue cache ---------------------------------------------------


def test_cache_is_used_and_never_stale(overlay, tmp_path, monkeypatch):
    from aicareer.catalogue import loader

    monkeypatch.setenv("AICAREER_CACHE_DIR", str(tmp_path / "cache"))
    folder = overlay({"roles.yaml": role_yaml(low=111000), "roadmaps.yaml": track_yaml("cv")})
    first = load_catalogue(folder)
    entries = list((tmp_path / "cache").glob("catalogue-*.msgpack"))
    assert len(entries) == 1 and first.roles["cv"].salary.low == 111000
    # a hit decodes the cache without reading YAML
    monkeypatch.setattr(loader, "_load", lambda *a: (_ for _ in ()).throw(AssertionError("YAML was read")))
    assert load_catalogue(folder).roles["cv"].salary.low == 111000
    monkeypatch.undo()
    monkeypatch.setenv("AICAREER_CACHE_DIR", str(tmp_path / "cache"))
    # change the file: the old entry must not be served
    (folder / "roles.yaml").write_text(role_yaml(low=122000))
    assert load_catalogue(folder).roles["cv"].salary.low == 122000
    # a file that breaks after being cached is reported, not served from the cache
    (folder / "roles.yaml").write_text(role_yaml(low=300000, high=100000))
    with pytest.raises(DataError, match="above high"):
        load_catalogue(folder)


def test_a_damaged_cache_entry_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("AICAREER_CACHE_DIR", str(tmp_path / "cache"))
    load_catalogue()
    entry = next((tmp_path / "cache").glob("catalogue-*.msgpack"))
    entry.write_bytes(b"\x00garbage")
    assert "mle" in load_catalogue().roles
    assert entry.read_bytes() != b"\x00garbage"


def test_an_unwritable_cache_only_costs_speed(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("AICAREER_CACHE_DIR", str(blocker / "cache"))
    assert "mle" in load_catalogue().roles


def test_roadmap_problems_point_at_the_month(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    text = bundled_text("roadmaps.yaml").replace("skills: [torchserve, triton]", "skills: [torchserve, tritonn]", 1)
    (folder / "roadmaps.yaml").write_text(text)
    lines = text.splitlines()
    task_line = next(i for i, t in enumerate(lines, 1) if "tritonn" in t)
    month_line = max(i for i, t in enumerate(lines[:task_line], 1) if t.strip().startswith("- month:"))
    problems = validate(folder)
    assert any(f"roadmaps.yaml:{month_line}:" in p and "tritonn" in p for p in problems), problems
