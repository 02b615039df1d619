"""The 2026 roles (issue 13): personas, roadmap tracks, occupations, sources, titles.

Two kinds of test:
- data invariants, read straight from the bundled YAML (no aicareer code), so
  they hold whatever the code layout;
- behaviour through the CLI (`assess --answers - --json`, `roadmap --track`,
  `role`, `data validate`), which needs the code to accept a role without a
  `salary` and a roadmap resource given as {name, url}.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parents[1] / "data"
ARTICLE_ROLES = {"mle": (150000, 350000, True), "prompt": (120000, 250000, False),
                 "aipm": (140000, 280000, False), "nlp": (130000, 300000, False)}
NEW_ROLES = ("ai-engineer", "data-scientist", "mlops", "research-scientist", "data-engineer", "cv-engineer",
             "solutions-architect")
# SOC codes with BLS OEWS May 2025 wages in the bundled wage data (issue 12).
WAGE_SOCS = {"15-1252", "15-2051", "15-1221", "11-3021", "15-2031", "15-1211", "15-1299", "15-1243", "15-1242",
             "15-1212", "15-2041", "11-2021", "13-1111", "27-3042", "15-1253", "11-9121", "17-2061", "15-1241",
             "15-1244"}

# One persona per new role: the answers a person in that situation would give.
PERSONAS = {
    "ai-engineer": """background: software-engineer
experience_years: 5
skills: [Python, OpenAI API, FastAPI, RAG, LangChain]
interests: [llm-apps, llm-evaluation]
location: us
hours_per_week: 8
""",
    "data-scientist": """background: data-analyst
experience_years: 4
skills: [SQL, Python, pandas, Tableau, statistics]
interests: [data-analysis]
location: nyc
hours_per_week: 6
""",
    "mlops": """background: devops-engineer
experience_years: 7
skills: [Docker, Kubernetes, Terraform, AWS, Python, Prometheus, Grafana]
interests: [infrastructure, deploy-systems]
location: us
hours_per_week: 8
""",
    "research-scientist": """background: researcher
experience_years: 3
skills: [Python, statistics, linear algebra, PyTorch]
interests: [research, build-models]
location: us
hours_per_week: 15
""",
    "data-engineer": """background: data-engineer
experience_years: 5
skills: [SQL, Python, Spark, Airflow, Snowflake]
interests: [data-pipelines]
location: austin
hours_per_week: 6
""",
    "cv-engineer": """background: software-engineer
experience_years: 4
skills: [Python, C++, OpenCV]
interests: [computer-vision, build-models]
location: sf
hours_per_week: 10
""",
    "solutions-architect": """background: software-engineer
experience_years: 9
skills: [Python, AWS, OpenAI API, stakeholder management, technical writing]
interests: [customer-facing, llm-apps]
location: us
hours_per_week: 5
""",
}


def load(name: str) -> dict:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def roles() -> dict[str, dict]:
    return {r["id"]: r for r in load("roles.yaml")["roles"]}


@pytest.fixture(scope="module")
def source_ids() -> set[str]:
    return {s["id"] for s in load("sources.yaml")["sources"]}


def norm(name: str) -> str:
    """A name as resolution compares it: case, spaces and punctuation ignored."""
    return " ".join(re.sub(r"[^a-z0-9+]+", " ", name.lower()).split())


# --- data invariants ---------------------------------------------------------------


def test_the_catalogue_holds_the_article_roles_and_the_new_ones(roles):
    assert set(ARTICLE_ROLES) | set(NEW_ROLES) <= set(roles)
    assert len(roles) >= 10


def test_article_roles_keep_the_article_ranges_and_new_roles_invent_none(roles):
    for rid, (low, high, open_top) in ARTICLE_ROLES.items():
        sal = roles[rid]["salary"]
        assert (sal["low"], sal["high"], bool(sal.get("open_top"))) == (low, high, open_top), rid
        assert sal["sources"] == ["article"]
    for rid in NEW_ROLES:
        assert "salary" not in roles[rid], f"{rid}: no source publishes a range; none may be invented"


@pytest.mark.parametrize("rid", [*ARTICLE_ROLES, *NEW_ROLES])
def test_every_role_maps_to_wage_occupations_with_a_reason(roles, source_ids, rid):
    links = roles[rid]["occupations"]
    assert links, f"{rid} has no occupation"
    for link in links:
        assert link["soc"] in WAGE_SOCS, (rid, link["soc"])
        assert len(link["note"]) > 20 and link["sources"] and set(link["sources"]) <= source_ids


@pytest.mark.parametrize("rid", [*ARTICLE_ROLES, *NEW_ROLES])
def test_every_role_cites_only_known_sources(roles, source_ids, rid):
    role = roles[rid]
    cited = set(role["sources"])
    cited |= {s for f in role.get("facts", []) for s in f["sources"]}
    cited |= {s for p in role.get("survey_pay", []) for s in p["sources"]}
    assert role["sources"] and cited <= source_ids, cited - source_ids


def test_survey_pay_is_the_cited_kind_of_figure(roles):
    seen = 0
    for rid, role in roles.items():
        for pay in role.get("survey_pay", []):
            seen += 1
            assert pay["sources"] == ["so-2025"] and pay["basis"] == "total compensation", rid
            assert pay["p25"] <= pay["median"] <= pay["p75"] and pay["n"] > 0, rid
            if pay["n"] < 30:
                assert "low n" in pay.get("note", ""), f"{rid}: n={pay['n']} must be marked low n"
    assert seen >= 6


def test_article_roles_gain_a_sourced_2026_fact(roles):
    for rid in ARTICLE_ROLES:
        outside = [f for f in roles[rid]["facts"] if set(f["sources"]) - {"article"}]
        assert outside, f"{rid} has no fact from a source other than the article"
    prompt_facts = " ".join(f["text"] for f in roles["prompt"]["facts"])
    assert "20,662" in prompt_facts and "Applied AI Engineer" in prompt_facts


def test_every_name_alias_and_title_belongs_to_one_role(roles):
    owner: dict[str, str] = {}
    for rid, role in roles.items():
        for name in (role["id"], role["name"], role["short_name"], *role.get("aliases", []),
                     *role.get("other_titles", [])):
            assert owner.setdefault(norm(name), rid) == rid, f"{name!r}: {owner[norm(name)]} and {rid}"


# Real job titles (O*NET 30.3 job titles and common posting titles) and the role each must find.
TITLES = {
    "Machine Learning Engineer": "mle", "ML Engineer": "mle", "Machine Learning Software Engineer": "mle",
    "AI Engineer": "ai-engineer", "Applied AI Engineer": "ai-engineer", "LLM Engineer": "ai-engineer",
    "Generative AI Engineer": "ai-engineer", "Prompt Engineer": "prompt", "AI Product Manager": "aipm",
    "Product Manager, AI/ML": "aipm", "NLP Engineer": "nlp", "Natural Language Processing Engineer": "nlp",
    "Speech AI Engineer": "nlp", "Computational Linguist": "nlp", "Data Scientist": "data-scientist",
    "Machine Learning Data Scientist": "data-scientist", "Statistical Analyst": "data-scientist",
    "MLOps Engineer": "mlops", "ML Platform Engineer": "mlops", "Research Scientist": "research-scientist",
    "Applied Scientist": "research-scientist", "Machine Learning Research Scientist": "research-scientist",
    "Research Engineer": "research-scientist", "Data Engineer": "data-engineer", "Big Data Engineer": "data-engineer",
    "ETL Developer": "data-engineer", "Analytics Engineer": "data-engineer",
    "Computer Vision Engineer": "cv-engineer", "Computer Vision Scientist": "cv-engineer",
    "Perception Engineer": "cv-engineer", "Solutions Architect": "solutions-architect",
    "Forward Deployed Engineer": "solutions-architect",
}


def test_real_job_titles_are_names_of_the_right_role(roles):
    names = {norm(n): rid for rid, r in roles.items()
             for n in (r["id"], r["name"], r["short_name"], *r.get("aliases", []), *r.get("other_titles", []))}
    wrong = {t: names.get(norm(t)) for t, rid in TITLES.items() if names.get(norm(t)) != rid}
    assert not wrong, wrong
    assert len(TITLES) >= 20


def test_a_title_with_a_comma_stays_one_title(roles):
    assert "Product Manager, AI/ML" in roles["aipm"]["other_titles"]
    assert "Technical Product Manager, AI" in roles["aipm"]["other_titles"]


def test_every_role_has_a_specialization_track_with_a_portfolio_project(roles):
    spec = load("roadmaps.yaml")["specialization"]
    for rid in roles:
        months = spec.get(rid)
        assert months, f"no roadmap track for {rid}"
        assert sorted(m["month"] for m in months) == [4, 5, 6]
        assert any(t.get("kind") == "project" or "Portfolio project" in m["goal"]
                   for m in months for t in m["tasks"]), rid


def test_new_tasks_use_the_task_schema():
    rm = load("roadmaps.yaml")
    new = [t for rid in NEW_ROLES for m in rm["specialization"][rid] for t in m["tasks"]]
    new += [t for bg in ("data-analyst", "data-engineer", "devops-engineer", "researcher")
            for m in rm["foundation"][bg] for t in m["tasks"]]
    assert len(new) >= 30
    for t in new:
        assert t["kind"] in {"learn", "practice", "project", "exam", "network", "apply"}, t["id"]
        for res in t["resources"]:
            assert set(res) == {"name", "url"} and res["url"].startswith("https://"), t["id"]


def test_every_background_has_a_foundation_and_every_answer_is_read():
    questions = {q["id"]: q for q in load("questions.yaml")["questions"]}
    scoring, rm = load("scoring.yaml"), load("roadmaps.yaml")
    backgrounds = {c["id"] for c in questions["background"]["choices"]}
    interests = {c["id"] for c in questions["interests"]["choices"]}
    assert backgrounds == set(scoring["backgrounds"]) == set(rm["foundation"])
    assert interests == set(scoring["interests"])


def test_every_scoring_row_names_every_role_and_each_new_role_has_its_own_way_in(roles):
    scoring = load("scoring.yaml")
    for table in ("interests", "backgrounds"):
        for choice, row in scoring[table].items():
            assert set(row) == set(roles), (table, choice, set(roles) ^ set(row))
    for rid in NEW_ROLES:
        best = [i for i, row in scoring["interests"].items() if row[rid] == 1.0 and max(row.values()) == 1.0
                and sorted(row.values())[-2] < 1.0]
        assert best, f"no interest leads to {rid} alone"
    assert scoring["interests"]["research"]["research-scientist"] == 1.0
    assert scoring["backgrounds"]["data-analyst"]["data-scientist"] == max(scoring["backgrounds"]["data-analyst"].values())


def test_every_role_skill_exists_and_new_skills_cite_a_source(roles, source_ids):
    skills = {s["id"]: s for s in load("skills.yaml")["skills"]}
    for rid, role in roles.items():
        missing = {*role["must_have"], *role["nice_to_have"]} - set(skills)
        assert not missing, (rid, missing)
    for s in skills.values():
        assert s["learn_hours"] > 0 and set(s["sources"]) <= source_ids, s["id"]


def test_stale_facts_are_corrected():
    market = load("market.yaml")
    av = next(i for i in market["industries"] if i["id"] == "autonomous-vehicles")
    assert "2024-12-10" in av["summary"] and "ap-cruise-2024" in av["sources"]
    assert market["metro_medians"]["period"] == "May 2025"
    occupations = load("occupations.yaml")["occupations"]
    assert {o["period"] for o in occupations} == {"May 2025"}
    ds = next(o for o in occupations if o["soc"] == "15-2051")
    assert (ds["employment"], ds["wages"]["median"], ds["median_prior"]) == (262440, 120230, 112590)


# --- behaviour through the CLI -------------------------------------------------------


@pytest.mark.parametrize("expected", NEW_ROLES)
def test_persona_ranks_its_role_first(run, expected):
    r = run("assess", "--answers", "-", "--json", "--no-save", input=PERSONAS[expected])
    assert r.exit_code == 0, r.output
    matches = json.loads(r.stdout)["matches"]
    assert matches[0]["role"] == expected, [(m["role"], m["score"]) for m in matches[:3]]
    assert matches[0]["score"] > matches[1]["score"]
    assert len(matches) >= 11


def test_the_personas_reach_seven_different_roles(run):
    tops = set()
    for text in PERSONAS.values():
        r = run("assess", "--answers", "-", "--json", "--no-save", input=text)
        tops.add(json.loads(r.stdout)["matches"][0]["role"])
    assert tops == set(NEW_ROLES)


def test_a_student_interested_in_research_gets_the_research_role(run):
    text = "background: student\nexperience_years: 0\nskills: [Python]\ninterests: [research]\n" \
           "location: us\nhours_per_week: 10\n"
    r = run("assess", "--answers", "-", "--json", "--no-save", input=text)
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["matches"][0]["role"] == "research-scientist"


@pytest.mark.parametrize("rid", NEW_ROLES)
def test_roadmap_track_works_for_every_new_role(run, rid):
    r = run("roadmap", "--track", rid)
    assert r.exit_code == 0, r.output
    assert "Month 5" in r.stdout and "Month 12" in r.stdout


@pytest.mark.parametrize("rid", NEW_ROLES)
def test_role_view_of_a_new_role_says_no_range_is_published(run, roles, rid):
    r = run("role", rid)
    assert r.exit_code == 0, r.output
    assert roles[rid]["tools"][0] in r.stdout
    assert "no published base+equity range" in " ".join(r.stdout.split())


def test_bundled_data_validates(run):
    r = run("data", "validate")
    assert r.exit_code == 0, r.output
