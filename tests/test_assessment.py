"""The assessment domain: answers parsing, scoring, reasons, notes."""

from __future__ import annotations

import pytest

from aicareer.core.errors import InputError
from aicareer.domain.assessment import assess, missing_keys, parse_answers

PERSONAS = {
    "experienced software engineer": (dict(
        background="software-engineer", experience_years=8, skills="Python, PyTorch, Docker, Kubernetes",
        interests=["build-models", "deploy-systems"], location="us", hours_per_week=10), "mle"),
    "product manager": (dict(
        background="product-manager", experience_years=6, skills=["A/B testing", "stakeholder management"],
        interests=["product-strategy"], location="nyc", hours_per_week=6), "aipm"),
    "data scientist into speech for healthcare": (dict(
        background="data-scientist", experience_years=4, skills=["HF transformers", "Whisper", "python"],
        interests=["language-speech"], industries=["healthcare"], location="austin", hours_per_week=8), "nlp"),
    "career changer into prompt design": (dict(
        background="other", experience_years=10, skills=[], interests=["prompt-design", "llm-evaluation"],
        location="remote", hours_per_week=12), "prompt"),
}


@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_personas_get_their_expected_top_match(cat, persona):
    raw, expected = PERSONAS[persona]
    result = assess(cat, parse_answers(cat, raw))
    assert result.matches[0].role.id == expected
    assert result.matches[0].score > result.matches[1].score
    scores = [m.score for m in result.matches]
    assert scores == sorted(scores, reverse=True) and all(0 <= s <= 100 for s in scores)


def test_four_personas_get_four_different_top_matches(cat):
    tops = {assess(cat, parse_answers(cat, raw)).matches[0].role.id for raw, _ in PERSONAS.values()}
    assert len(tops) == 4


def test_reasons_name_the_skills_had_and_missing(cat):
    raw, _ = PERSONAS["experienced software engineer"]
    mle = assess(cat, parse_answers(cat, raw)).matches[0]
    texts = [f"{r.sign} {r.text}" for r in mle.reasons]
    assert any(t.startswith("+ you have 4 of 9 must-have skills") and "Kubernetes" in t for t in texts), texts
    assert any(t.startswith("− RAG is missing") and "#1 skill" in t for t in texts), texts
    assert "+ interests: build-models, deploy-systems" in texts


def test_nice_to_haves_read_on_from_the_must_have_line(cat):
    pm = {**PERSONAS["product manager"][0], "skills": ["SQL", "Python"]}
    aipm = next(m for m in assess(cat, parse_answers(cat, pm)).matches if m.role.id == "aipm")
    texts = [f"{r.sign} {r.text}" for r in aipm.reasons]
    assert texts[:2] == ["− you have none of the 7 must-have skills yet", "+ but you have 2 nice-to-have: SQL, Python"]
    swe = assess(cat, parse_answers(cat, {**PERSONAS["experienced software engineer"][0],
                                          "skills": "Python, MLflow"})).matches
    mle = [f"{r.sign} {r.text}" for r in next(m for m in swe if m.role.id == "mle").reasons]
    assert mle[1] == "+ and 1 nice-to-have: MLflow", mle


def test_more_matching_skills_raise_the_score(cat):
    raw, _ = PERSONAS["experienced software engineer"]
    before = assess(cat, parse_answers(cat, raw)).matches[0]
    after = assess(cat, parse_answers(cat, {**raw, "skills": "Python, PyTorch, Docker, Kubernetes, RAG"})).matches[0]
    assert after.role.id == "mle" and after.score > before.score
    assert after.components["skills"] > before.components["skills"]


def test_score_is_the_documented_weighted_mean(cat):
    raw, _ = PERSONAS["product manager"]
    m = assess(cat, parse_answers(cat, raw)).matches[0]
    w = cat.scoring.weights
    c = m.components
    assert c["salary"] is None  # no goal: left out, weights re-normalised
    expected = (w.skills * c["skills"] + w.interests * c["interests"] + w.background * c["background"]) / (
        w.skills + w.interests + w.background)
    assert m.score == round(expected * 100)


def test_salary_goal_above_the_range_counts_against(cat):
    raw, _ = PERSONAS["career changer into prompt design"]
    low = assess(cat, parse_answers(cat, {**raw, "salary_goal": 100000})).matches
    high = assess(cat, parse_answers(cat, {**raw, "salary_goal": 900000})).matches
    prompt_low = next(m for m in low if m.role.id == "prompt")
    prompt_high = next(m for m in high if m.role.id == "prompt")
    assert prompt_low.components["salary"] == 1.0 and prompt_high.components["salary"] == 0.0
    assert any(r.sign == "−" and "above" in r.text for r in prompt_high.reasons)


def test_level_follows_experience_and_location_adjusts_pay(cat):
    raw, _ = PERSONAS["career changer into prompt design"]
    junior = assess(cat, parse_answers(cat, {**raw, "experience_years": 0, "location": "sf"}))
    assert junior.level.id == "entry"
    prompt = next(m for m in junior.matches if m.role.id == "prompt")
    ratio = prompt.local.ratio  # the BLS San Francisco / US median ratio of the role's occupations
    assert ratio is not None and ratio > 1.2
    assert prompt.pay.estimate and prompt.pay.low == round(120000 * ratio / 1000) * 1000
    assert any("rare at entry level" in r.text for r in prompt.reasons)


def test_market_notes_follow_the_answers(cat):
    raw, _ = PERSONAS["career changer into prompt design"]
    notes = [n.text for n in assess(cat, parse_answers(cat, raw)).notes]
    assert any("Remote AI roles" in t for t in notes)
    assert not any("Bay Area" in t for t in notes)
    raw2, _ = PERSONAS["data scientist into speech for healthcare"]
    notes2 = assess(cat, parse_answers(cat, raw2)).notes
    assert any("healthcare" in n.text for n in notes2)
    remote = next(n for n in assess(cat, parse_answers(cat, raw)).notes if n.figure and n.figure.id == "remote-roles")
    assert remote.figure.value == -12


def test_answers_accept_names_aliases_and_any_case(cat):
    a = parse_answers(cat, {"background": "Software Engineer", "experience_years": "5", "skills": "K8S, torch",
                            "interests": "BUILD-MODELS", "location": "SF", "hours_per_week": 5})
    assert a.background == "software-engineer" and a.skills == ("kubernetes", "pytorch")
    assert a.interests == ("build-models",) and a.location == "sf" and a.experience_years == 5


@pytest.mark.parametrize("change,needles", [
    ({"interests": ["build-model"]}, ["interests", "'build-model'", "build-models"]),
    ({"background": "engineer"}, ["background", "'engineer'", "valid:"]),
    ({"experience_years": "lots"}, ["experience_years", "whole number"]),
    ({"hours_per_week": 0}, ["hours_per_week", "outside"]),
    ({"skils": []}, ["unknown key 'skils'", "did you mean skills"]),
    ({"location": "mars"}, ["location", "'mars'"]),
])
def test_bad_answers_name_key_value_and_closest(cat, change, needles):
    raw = {**PERSONAS["product manager"][0], **change}
    with pytest.raises(InputError) as info:
        parse_answers(cat, raw)
    for needle in needles:
        assert needle in info.value.message, info.value.message


def test_missing_keys_in_questionnaire_order(cat):
    assert missing_keys(cat, {"skills": []}) == ["background", "experience_years", "interests", "location",
                                                  "hours_per_week"]
    assert "salary_goal" in missing_keys(cat, {}, optional=True)


def test_relevant_years_default_to_the_years_just_given_in_the_questionnaire(cat):
    # a software engineer who presses enter at "years in a technical role" keeps their 8 years:
    # a fixed default of 0 would have made every such person entry level
    from aicareer.cli import questionnaire

    relevant = cat.questions["relevant_years"]
    assert relevant.default is None and relevant.default_from == "experience_years"
    specs = {s["name"]: s for s in questionnaire.specs(cat, ["experience_years", "relevant_years"], {})}
    assert specs["relevant_years"]["default"] == ""  # filled in from the answer while asking
