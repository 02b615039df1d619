"""The assessment: answers in, ranked role matches with reasons out. Pure.

The scoring method is documented in data/scoring.yaml, whose weights it reads:
fit = 100 x sum(weight x component) / sum(weights of components that apply),
with components skills, interests, background and salary, each 0..1.
"""

from __future__ import annotations

from typing import Any, Literal

import msgspec

from aicareer.catalogue.index import Catalogue
from aicareer.catalogue.models import Figure, LevelAdjustment, Role
from aicareer.catalogue.places import PlaceIndex, default_index
from aicareer.catalogue.wages import WageTable
from aicareer.core.fmt import figure_value, money, money_range
from aicareer.domain.answers import MONEY_QUESTIONS as MONEY_QUESTIONS  # re-exported
from aicareer.domain.answers import Answers
from aicareer.domain.answers import check_given as check_given  # re-exported
from aicareer.domain.answers import location_answer as location_answer  # re-exported
from aicareer.domain.answers import missing_keys as missing_keys  # re-exported
from aicareer.domain.answers import parse_answers as parse_answers  # re-exported
from aicareer.domain.gaps import RoleGap, role_gap
from aicareer.domain.salary import Estimate, LocalPay, PlaceChoice, choose_place, estimate, find_level, local_pay

# --- scoring -----------------------------------------------------------------------------


class Reason(msgspec.Struct, frozen=True):
    sign: Literal["+", "−", "·"]
    text: str


class Match(msgspec.Struct, frozen=True):
    role: Role
    score: int
    components: dict[str, float | None]
    reasons: tuple[Reason, ...]
    gap: RoleGap
    pay: Estimate | None
    level: LevelFit | None = None
    local: LocalPay | None = None


class Note(msgspec.Struct, frozen=True):
    text: str
    figure: Figure | None

    @property
    def full_text(self) -> str:
        """The note with its figure's value, period and source in front."""
        if self.figure is None:
            return self.text
        f = self.figure
        return (f"{f.label}: {figure_value(f.value, f.unit, f.value_high)} ({f.period}) "
                f"[{', '.join(f.sources)}]. {self.text}")


class Assessment(msgspec.Struct, frozen=True):
    answers: Answers
    matches: tuple[Match, ...]
    notes: tuple[Note, ...]
    level: LevelAdjustment  # the top match's level (see Match.level for each role's, with the reason)
    location: PlaceChoice
    top: int

    @property
    def top_matches(self) -> tuple[Match, ...]:
        return self.matches[: self.top]


# --- pay level and place -----------------------------------------------------------------

#: backgrounds whose years count as years in a technical, data or AI role when `relevant_years` is not given
TECHNICAL_BACKGROUNDS = frozenset({"software-engineer", "data-scientist", "data-analyst", "data-engineer",
                                   "devops-engineer", "researcher"})
#: skill coverage (gaps.RoleGap.coverage) below which the level is capped: at mid below SENIOR, entry below MID
COVERAGE_FOR_SENIOR = 0.6
#: a background's affinity to a role (scoring.yaml) from which its years count for that role's level
OWN_PATH = 0.9
COVERAGE_FOR_MID = 0.3
_ORDER = ("entry", "mid", "senior")


class LevelFit(msgspec.Struct, frozen=True):
    """The pay level for one role and why: relevant years, capped by the share of the role's skills held."""

    level: LevelAdjustment
    years: int
    coverage: float
    why: str
    overridden: bool = False


def relevant_years(cat: Catalogue, answers: Answers, role: Role | None = None) -> tuple[int, str]:
    """Years that count towards the role's pay level: the relevant_years answer, else all years for a
    technical or data background, or for a background that is this role's own path (an affinity of
    at least OWN_PATH in scoring.yaml: a product manager's years count for the AI PM role)."""
    if answers.relevant_years is not None:
        return answers.relevant_years, f"{answers.relevant_years} years in a technical, data or AI role"
    who = _label(cat, "background", answers.background).lower()
    own_path = role is not None and cat.scoring.backgrounds.get(answers.background, {}).get(role.id, 0) >= OWN_PATH
    if answers.background in TECHNICAL_BACKGROUNDS or own_path:
        return answers.experience_years, f"{answers.experience_years} years as a {who}"
    return 0, (f"none of your {answers.experience_years} years counted (background: {who}; "
               "answer relevant_years to count technical work)")


def level_for(cat: Catalogue, years: int) -> LevelAdjustment:
    """The level for years of relevant experience alone (data/scoring.yaml levels)."""
    lv = cat.scoring.levels
    level_id = "senior" if years >= lv.senior_from else "mid" if years >= lv.mid_from else "entry"
    found = find_level(cat, level_id)
    assert found is not None
    return found


def level_fit(cat: Catalogue, answers: Answers, coverage: float, override: str | None = None,
              role: Role | None = None) -> LevelFit:
    """The level for one role: relevant years, capped by skill coverage; `override` (--level) wins."""
    years, said = relevant_years(cat, answers, role)
    if override is not None:
        found = find_level(cat, override)
        assert found is not None
        return LevelFit(found, years, coverage, f"{found.name.lower()} — set with --level", overridden=True)
    by_years = level_for(cat, years)
    cap = "senior" if coverage >= COVERAGE_FOR_SENIOR else "mid" if coverage >= COVERAGE_FOR_MID else "entry"
    level_id = min(by_years.id, cap, key=_ORDER.index)
    level = find_level(cat, level_id)
    assert level is not None
    why = f"{level.name.lower()} — {said}; you hold {round(coverage * 100)}% of this role's skills"
    if level_id != by_years.id:
        need = COVERAGE_FOR_SENIOR if by_years.id == "senior" and cap == "mid" else COVERAGE_FOR_MID
        why += f" (below {round(need * 100)}%, so not {by_years.name.lower()})"
    return LevelFit(level, years, coverage, why)


def _same_place(places: PlaceIndex, rule: str, choice: PlaceChoice) -> bool:
    """A market note's `when.location` (a place name) names the answer's place."""
    from aicareer.catalogue.places import Resolved

    if rule == choice.id:
        return True
    res = places.resolve(rule)
    return isinstance(res, Resolved) and res.place == choice.place


def _label(cat: Catalogue, question: str, choice_id: str) -> str:
    q = cat.questions.get(question)
    labels = dict(cat.choices(q)) if q else {}
    return labels.get(choice_id, choice_id)


def _names(needs: list[Any], limit: int = 4) -> str:
    names = [n.skill.name.split(" (")[0] for n in needs]
    extra = f" (+{len(names) - limit} more)" if len(names) > limit else ""
    return ", ".join(names[:limit]) + extra


def _skill_reasons(gap: RoleGap) -> list[Reason]:
    must = gap.all_of("must-have")
    have = gap.have_of("must-have")
    out = []
    if have:
        out.append(Reason("+", f"you have {len(have)} of {len(must)} must-have skills: {_names(have)}"))
    else:
        out.append(Reason("−", f"you have none of the {len(must)} must-have skills yet"))
    nice = gap.have_of("nice-to-have")
    if nice:
        lead = "and " if have else "but you have "  # follows the must-have line, + or −
        out.append(Reason("+", f"{lead}{len(nice)} nice-to-have: {_names(nice, 3)}"))
    missing_must = [n for n in gap.missing if n.kind == "must-have"]
    noted = next((n for n in missing_must if n.note), None)
    if noted:
        out.append(Reason("−", f"{noted.skill.name.split(' (')[0]} is missing; {noted.note}"))
    rest = [n for n in missing_must if n is not noted]
    if rest:
        out.append(Reason("−", f"missing must-haves: {_names(rest)}"))
    return out


def _salary_fit(goal: int | None, pay: Estimate | None) -> float | None:
    if not goal or pay is None:
        return None
    if goal <= pay.midpoint:
        return 1.0
    if goal <= pay.high:
        return 1.0 - 0.5 * (goal - pay.midpoint) / max(1, pay.high - pay.midpoint)
    return 0.5 if pay.open_top else 0.0


def score_role(cat: Catalogue, answers: Answers, role: Role, location: PlaceChoice,
               wages: WageTable | None = None, level_override: str | None = None) -> Match:
    """One role's fit for the answers, with its components and the reasons in words."""
    sc = cat.scoring
    gap = role_gap(cat, role, answers.skills)
    fit_level = level_fit(cat, answers, gap.coverage, level_override, role)
    level = fit_level.level
    local = local_pay(cat, wages, role, location.code) if (wages is not None and location.adjusts) else None
    ratio = local.ratio if local is not None else None
    pay = estimate(role.salary, ratio, level) if role.salary is not None else None
    reasons = _skill_reasons(gap)

    interests: float | None = None
    if answers.interests:
        aff = {i: sc.interests.get(i, {}).get(role.id, 0.0) for i in answers.interests}
        interests = sum(aff.values()) / len(aff)
        strong = [i for i, a in aff.items() if a >= 0.5]
        if strong:
            reasons.append(Reason("+", f"interests: {', '.join(strong)}"))
        else:
            reasons.append(Reason("−", "none of your interests is central to this role"))

    background = sc.backgrounds.get(answers.background, {}).get(role.id, 0.0)
    who = _label(cat, "background", answers.background).lower()
    if background >= 0.7:
        reasons.append(Reason("+", f"background: a {who} is close to this role"))
    elif background <= 0.3:
        reasons.append(Reason("−", f"background: a long move for a {who}"))
    else:
        reasons.append(Reason("·", f"background: a moderate move for a {who}"))

    salary = _salary_fit(answers.salary_goal, pay)
    if answers.salary_goal and salary is not None and pay is not None:
        shown = ("≈" if pay.estimate else "") + money_range(pay.low, pay.high, pay.open_top)
        if answers.salary_goal < pay.low:
            reasons.append(Reason("+", f"pays more than your salary goal of {money(answers.salary_goal)}: {shown}"))
        elif answers.salary_goal <= pay.high:
            reasons.append(Reason("+", f"salary goal {money(answers.salary_goal)} is within {shown}"))
        else:
            reasons.append(Reason("−", f"salary goal {money(answers.salary_goal)} is above {shown}"))
    if role.salary is not None and role.salary.note and level.id == "entry":
        reasons.append(Reason("−", f"at your level: {role.salary.note}"))

    components: dict[str, float | None] = {
        "skills": gap.coverage, "interests": interests, "background": background, "salary": salary,
    }
    weights = {"skills": sc.weights.skills, "interests": sc.weights.interests,
               "background": sc.weights.background, "salary": sc.weights.salary}
    applied = {k: w for k, w in weights.items() if components[k] is not None}
    total = sum(applied.values())
    fit = sum(w * (components[k] or 0.0) for k, w in applied.items()) / total if total else 0.0
    return Match(role, round(100 * fit), components, tuple(reasons), gap, pay, fit_level, local)


def _notes(cat: Catalogue, answers: Answers, tracks: set[Any], places: PlaceIndex, choice: PlaceChoice) -> list[Note]:
    figures = {f.id: f for f in cat.market.figures}
    out = []
    for rule in cat.scoring.notes:
        w = rule.when
        if w is not None:
            if w.location is not None and not _same_place(places, w.location, choice):
                continue
            if w.industries and not set(w.industries) & set(answers.industries):
                continue
            if w.track is not None and w.track not in tracks:
                continue
        out.append(Note(rule.text, figures.get(rule.figure) if rule.figure else None))
    return out


def assess(cat: Catalogue, answers: Answers, top: int = 2, *, level: str | None = None,
           places: PlaceIndex | None = None, wages: WageTable | None = None) -> Assessment:
    """Every role ranked by fit (ties broken by name), with market notes for the answers.

    Each role's pay level comes from level_fit (relevant years capped by skill coverage; `level` overrides);
    its pay moves by the BLS ratio of its occupations for the answer's place (the wage table is opened only
    for a place that adjusts)."""
    places = places or default_index()
    location = choose_place(cat, places, answers.location)
    if location.adjusts and wages is None:
        wages = WageTable.open()
    matches = sorted((score_role(cat, answers, r, location, wages, level) for r in cat.roles.values()),
                     key=lambda m: (-m.score, m.role.name))
    tracks = {m.role.track for m in matches[:top]}
    top_level = matches[0].level.level if matches and matches[0].level else level_for(cat, 0)
    notes = _notes(cat, answers, tracks, places, location)
    return Assessment(answers, tuple(matches), tuple(notes), top_level, location, top)
