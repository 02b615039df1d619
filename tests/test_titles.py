"""Issue 13: titles resolve in any spelling, BLS occupations say what they are, and every
role works in role, roles, gap, roadmap and report (with no invented pay)."""

from __future__ import annotations

import json
import re

import pytest

from aicareer.catalogue import names
from aicareer.catalogue.checks import role_reach_checks
from aicareer.core.errors import InputError

NEW_ROLES = ("ai-engineer", "data-scientist", "mlops", "research-scientist", "data-engineer", "cv-engineer",
             "solutions-architect")

# Titles as people type them (job boards, O*NET 30.3 job titles, LinkedIn), and the role each must find.
REAL_TITLES = {
    "AI Engineer": "ai-engineer",
    "ai-engineer": "ai-engineer",
    "A.I. engineer": "ai-engineer",
    "Artificial Intelligence Engineer": "ai-engineer",
    "Senior AI Engineer": "ai-engineer",
    "Generative AI Engineer": "ai-engineer",
    "LLM Engineer": "ai-engineer",
    "Machine-Learning Engineer": "mle",
    "Sr. Machine Learning Engineer": "mle",
    "Machine Learning Engineer II": "mle",
    "Software Engineer, Machine Learning": "mle",
    "ML/AI engineer": "mle",
    "AI/ML Engineer": "mle",
    "Staff ML Engineer": "mle",
    "prompt_engineer": "prompt",
    "Product Manager, AI/ML": "aipm",
    "Technical Product Manager, AI": "aipm",
    "Natural-Language-Processing Engineer": "nlp",
    "Lead Data Scientist": "data-scientist",
    "Data Scientists": "data-scientist",
    "Marketing Data Scientist": "data-scientist",
    "MLOps Engineer": "mlops",
    "ML-Ops engineer": "mlops",
    "ML Platform Engineer": "mlops",
    "Principal Applied Scientist": "research-scientist",
    "Research Scientist": "research-scientist",
    "Machine Learning Researcher": "research-scientist",
    "Big Data Engineer": "data-engineer",
    "ETL developer": "data-engineer",
    "Analytics Engineer": "data-engineer",
    "Computer Vision Engineer": "cv-engineer",
    "Perception Engineer": "cv-engineer",
    "Forward-Deployed Engineer": "solutions-architect",
    "Forward Deployed Software Engineer": "solutions-architect",
    "AI Solutions Engineer": "solutions-architect",
}


@pytest.mark.parametrize("title,expected", list(REAL_TITLES.items()))
def test_real_job_titles_find_the_right_role(cat, title, expected):
    assert cat.resolve_role(title).id == expected


def test_at_least_twenty_real_titles_are_tested():
    assert len(REAL_TITLES) >= 20


@pytest.mark.parametrize("query", ["zzzz", "qwerty", "astronaut", "banana bread",
                                   "chief happiness officer", "xyzzy engineer"])
def test_nonsense_gets_no_suggestion(cat, query):
    with pytest.raises(InputError) as err:
        cat.resolve_role(query)
    assert "did you mean" not in str(err.value)
    assert f"unknown role {query!r}" in str(err.value)


@pytest.mark.parametrize("query,near", [("data scientst", "data-scientist"), ("mlee", "mle"),
                                        ("computer vison engineer", "cv-engineer"), ("mlops enginer", "mlops")])
def test_a_typo_suggests_the_close_role(cat, query, near):
    with pytest.raises(InputError, match=f"did you mean {near}"):
        cat.resolve_role(query)


@pytest.mark.parametrize("query,occupation,soc", [
    ("software developer", "Software Developers", "15-1252"),
    ("Software Developers", "Software Developers", "15-1252"),
    ("operations research analyst", "Operations Research Analysts", "15-2031"),
    ("IT manager", "Computer and Information Systems Managers", "11-3021"),
    ("CS Research Scientist", "Computer and Information Research Scientists", "15-1221"),
])
def test_a_bls_occupation_says_it_is_not_a_role(cat, query, occupation, soc):
    with pytest.raises(InputError) as err:
        cat.resolve_role(query)
    msg = str(err.value)
    assert "is a BLS reference occupation shown in compare" in msg and "not an AI role" in msg
    assert occupation in msg and soc in msg and "closest roles:" in msg


def test_an_occupation_names_the_roles_mapped_to_it(cat):
    with pytest.raises(InputError) as err:
        cat.resolve_role("software developer")
    listed = str(err.value).split("closest roles: ")[1].split(", ")
    assert "ai-engineer" in listed and "mle" not in listed  # mle maps to 15-1221, 15-2051, 15-1299 only


def test_a_role_wins_over_an_occupation_of_the_same_id(cat):
    assert "data-scientist" in cat.occupations and cat.resolve_role("data-scientist").id == "data-scientist"
    assert "research-scientist" in cat.occupations
    assert cat.resolve_role("research-scientist").id == "research-scientist"


@pytest.mark.parametrize("text,key", [("A.I. Engineer", "ai engineer"), ("ML/AI-engineer", "ml ai engineer"),
                                      ("  Machine_Learning   Engineer ", "machine learning engineer"),
                                      ("C++", "c++"), ("C#", "c#"), ("U.S.", "us")])
def test_norm(text, key):
    assert names.norm(text) == key


def test_a_title_x_paren_y_is_found_by_x_and_by_y():
    assert names.variants("AI Engineer (Artificial Intelligence Engineer)") == [
        "ai engineer artificial intelligence engineer", "ai engineer", "artificial intelligence engineer"]


def test_the_bundled_data_has_no_title_claimed_twice(cat):
    owners = [(n, r.id) for r in cat.roles.values() for n in names.role_name_list(r)]
    assert list(names.clashes(owners)) == []
    assert list(role_reach_checks(cat)) == []


def test_clashes_finds_a_title_two_roles_claim():
    found = list(names.clashes([("Research Engineer", "research-scientist"), ("research-engineer", "cv")]))
    assert found == [("research-engineer", "cv", "research-scientist")]


# --- role and roles -----------------------------------------------------------------


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("rid", ["mle", "prompt", "aipm", "nlp", *NEW_ROLES])
def test_every_role_view_shows_the_bls_base_wage(run, rid):
    r = run("role", rid)
    assert r.exit_code == 0, r.output
    out = flat(r.stdout)
    assert "BLS base wage, national, May 2025 [bls-oews-2025]" in out
    assert "★ O*NET 30.3 flags" in out and "O*NET 29.2 flags" not in out


def test_role_view_shows_bls_figures_from_the_wage_table(run):
    # BLS OEWS May 2025, national, 15-2051 Data Scientists: median $120,230, P10 $67,240, P90 $199,130.
    out = flat(run("role", "data-scientist").stdout)
    assert "Data Scientists (15-2051) $120k $67k–$199k" in out
    assert "no published base+equity range" in out


def test_article_roles_keep_their_range_and_gain_the_bls_line(run):
    out = flat(run("role", "mle").stdout)
    assert "Pay: $150k–$350k+ base+equity, 2025" in out
    # BLS OEWS May 2025, national, 15-1221: median $140,300.
    assert "Computer and Information Research Scientists (15-1221) $140k" in out


def test_survey_pay_is_labelled_secondary_and_self_reported_with_n(run):
    out = flat(run("role", "mle").stdout)
    assert "Stack Overflow 2025, self-reported, secondary, n=77: AI/ML engineer, United States: median $180k" in out


def test_a_title_with_a_comma_is_printed_as_one_title(run):
    out = flat(run("role", "aipm").stdout)
    assert "Also called: Product Manager, AI/ML; Technical Product Manager, AI; AI/ML Product Manager" in out


def test_role_json_carries_the_bls_base_and_its_mapping(run):
    data = json.loads(run("role", "cv-engineer", "--json").stdout)
    first = data["bls_base"][0]
    assert (first["soc"], first["basis"], first["period"], first["area"]) == ("17-2061", "base wage", "May 2025",
                                                                              "national")
    assert first["median"] == 161740  # BLS OEWS May 2025, Computer Hardware Engineers, national median
    assert first["mapping"]["sources"] == ["onet-30.3"] and first["mapping"]["note"]
    assert "bls-oews-2025" in {s["id"] for s in data["sources"]}


def test_roles_lists_every_role_with_a_labelled_pay_column(run, cat):
    r = run("roles", env={"COLUMNS": "140"})
    assert r.exit_code == 0
    lines = {line.split()[0]: line for line in r.stdout.splitlines() if line.split()}
    for rid, role in cat.roles.items():
        assert rid in lines, rid
        pay = lines[rid]
        if role.salary:
            assert "article" in pay
        else:
            assert re.search(r"\$\d+k median, BLS base", pay), pay
    assert len(cat.roles) >= 11


def test_roles_json_never_gives_a_range_the_data_does_not_hold(run):
    for role in json.loads(run("roles", "--json").stdout)["roles"]:
        if role["id"] in NEW_ROLES:
            assert role["salary"] is None
        base = role["bls_base_median"]
        assert base["basis"] == "base wage" and base["sources"] == ["bls-oews-2025"] and base["median"] > 0


@pytest.mark.parametrize("query", ["AI Engineer", "A.I. engineer", "Machine-Learning Engineer"])
def test_role_command_finds_titles(run, query):
    r = run("role", query)
    assert r.exit_code == 0, r.output


def test_role_command_on_an_occupation_exits_2_with_one_line(run):
    r = run("role", "operations research analyst")
    assert r.exit_code == 2 and r.stdout == ""
    assert len(r.stderr.strip().splitlines()) == 1 and "BLS reference occupation" in r.stderr


# --- every new role in gap, roadmap, report --------------------------------------------


@pytest.mark.parametrize("rid", NEW_ROLES)
def test_gap_works_for_every_new_role(run, rid):
    r = run("gap", rid, "--skills", "python, sql")
    assert r.exit_code == 0, r.output
    assert "O*NET 29.2" not in r.stdout


@pytest.mark.parametrize("rid", NEW_ROLES)
def test_roadmap_track_accepts_a_title(run, cat, rid):
    r = run("roadmap", "--track", cat.roles[rid].name, "--no-save")
    assert r.exit_code == 0, r.output


ANSWERS = ("background: data-analyst\nexperience_years: 4\nskills: [SQL, Python, pandas, Tableau, statistics]\n"
           "interests: [data-analysis]\nlocation: nyc\nhours_per_week: 6\n")


@pytest.mark.parametrize("rid", NEW_ROLES)
def test_report_works_for_every_new_role(run, tmp_path, rid):
    answers = tmp_path / "a.yaml"
    answers.write_text(ANSWERS)
    out = tmp_path / "r.html"
    r = run("report", "--answers", str(answers), "--track", rid, "-o", str(out))
    assert r.exit_code == 0, r.output
    assert out.stat().st_size > 1000


def test_report_leaves_roles_without_a_range_out_of_the_pay_chart_and_says_so(run, tmp_path):
    answers = tmp_path / "a.yaml"
    answers.write_text(ANSWERS)
    out = tmp_path / "r.html"
    assert run("report", "--answers", str(answers), "-o", str(out)).exit_code == 0
    html = out.read_text()
    salary = html[html.index('id="salary"'):html.index("</section>", html.index('id="salary"'))]
    assert "left out, no published base+equity range" in salary and "Data Scientist" in salary


def test_assess_top_match_without_a_range_shows_the_bls_base(run):
    r = run("assess", "--answers", "-", "--no-save", input=ANSWERS)
    assert r.exit_code == 0, r.output
    out = flat(r.stdout.replace("│", " "))
    assert "no published base+equity range; national BLS base median $120k (Data Scientists)" in out
    assert "[bls-oews-2025]" in out


def test_gap_says_whose_order_the_skills_are_in(run):
    new = flat(run("gap", "cv-engineer", "--skills", "python").stdout)
    assert "of 6 for CV Engineer (editorial order)" in new and "(article)" not in new.split("Sources")[0]
    old = flat(run("gap", "mle", "--skills", "python").stdout)
    assert "for ML Engineer (article)" in old
