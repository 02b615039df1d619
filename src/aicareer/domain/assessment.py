"""The assessment: answers in, ranked role matches with reasons out. Pure.

The scoring method is documented in data/scoring.yaml, whose weights it reads:
fit = 100 x sum(weight x component) / sum(weights of components that apply),
with components skills, interests, background and salary, each 0..1.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import msgspec

from aicareer.catalogue.index import Catalogue
from aicareer.catalogue.models import Figure, LevelAdjustment, LocationAdjustment, Question, Role
from aicareer.catalogue.names import comma_list
from aicareer.core.errors import InputError
from aicareer.core.fmt import figure_value, money, money_range
from aicareer.core.suggest import did_you_mean
from aicareer.domain.gaps import RoleGap, role_gap
from aicareer.domain.salary import Estimate, estimate, find_level, find_location


class Answers(msgspec.Struct, frozen=True):
    background: str
    experience_years: int
    skills: tuple[str, ...]
    interests: tuple[str, ...]
    location: str
    hours_per_week: int
    industries: tuple[str, ...] = ()
    salary_goal: int | None = None

    def to_dict(self) -> dict[str, Any]:
        data = msgspec.structs.asdict(self)
        return {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}


# --- reading answers from any source ------------------------------------------------


def missing_keys(cat: Catalogue, raw: Mapping[str, Any], *, optional: bool = False) -> list[str]:
    """Question ids with no answer yet, in questionnaire order (optional ones too if asked)."""
    return [q.id for q in cat.questions_file.questions
            if raw.get(q.id) is None and (q.required or optional)]


def _as_list(key: str, value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return comma_list(value)
    if isinstance(value, (list, tuple)) and all(isinstance(v, (str, int, float)) for v in value):
        return [str(v).strip() for v in value if str(v).strip()]
    raise InputError(f"answers: {key}: expected a list of names, got {type(value).__name__}")


#: integer questions answered in dollars, parsed as money ('400k')
MONEY_QUESTIONS = frozenset({"salary_goal"})


def _key(text: str) -> str:
    """A choice name compared ignoring case, and '_' or spaces written for '-'."""
    return "-".join(text.strip().lower().replace("_", " ").split())


def _choice(cat: Catalogue, q: Question, value: str) -> str:
    """The choice id for a value given by id, label or synonym, in any case ('PM', 'swe', 'Career changer')."""
    choices = cat.choices(q)
    by_name: dict[str, str] = {}
    for c in q.choices:  # synonyms first, so an id or a label always wins
        by_name |= {_key(s): c.id for s in c.synonyms}
    by_name |= {_key(label): c for c, label in choices}
    by_name |= {_key(c): c for c, _ in choices}
    key = _key(value)
    if key in by_name:
        return by_name[key]
    hint = did_you_mean(key, [c for c, _ in choices] + [s for c in q.choices for s in c.synonyms])
    raise InputError(f"answers: {q.id}: unknown value {value!r}{hint} (valid: {', '.join(c for c, _ in choices)})")


def _money(q: Question, value: Any) -> int:
    """Dollars as people write them ('400k', '$400,000', 400000), within the question's range."""
    from aicareer.core.money import parse_money

    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise InputError(f"answers: {q.id}: expected an amount of dollars, got {value!r}")
    try:
        number = round(parse_money(value))
    except ValueError as exc:
        raise InputError(f"answers: {q.id}: {exc}") from None
    if (q.min is not None and number < q.min) or (q.max is not None and number > q.max):
        raise InputError(f"answers: {q.id}: {number} is outside {q.min}..{q.max}")
    return number


def _integer(q: Question, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise InputError(f"answers: {q.id}: expected a whole number, got {value!r}")
    try:
        number = int(str(value).strip().replace(",", "").replace("_", "").lstrip("$"))
    except ValueError:
        raise InputError(f"answers: {q.id}: expected a whole number, got {value!r}") from None
    if (q.min is not None and number < q.min) or (q.max is not None and number > q.max):
        raise InputError(f"answers: {q.id}: {number} is outside {q.min}..{q.max}")
    return number


def parse_answers(cat: Catalogue, raw: Mapping[str, Any]) -> Answers:
    """Validate an answers mapping (from a file, flags, a profile or prompts) into Answers."""
    values = check_given(cat, raw)
    missing = missing_keys(cat, values)
    if missing:
        raise InputError(f"answers: missing {', '.join(missing)}")
    goal = values.get("salary_goal")
    values["salary_goal"] = goal or None
    known = set(Answers.__struct_fields__)
    return Answers(**{k: v for k, v in values.items() if k in known})


def check_given(cat: Catalogue, raw: Mapping[str, Any]) -> dict[str, Any]:
    """The answers given so far, validated (unknown keys and bad values are errors; missing ones are not),
    so a typo in an answers file is reported before any question is asked."""
    questions = cat.questions
    raw = {k: v for k, v in raw.items() if v is not None}  # an empty answer is no answer
    for key in raw:
        if key not in questions:
            hint = did_you_mean(str(key), questions, n=1)
            raise InputError(f"answers: unknown key {key!r}{hint} (valid: {', '.join(questions)})")
    values: dict[str, Any] = {}
    for key, value in raw.items():
        q = questions[key]
        if q.kind == "integer":
            values[key] = _money(q, value) if key in MONEY_QUESTIONS else _integer(q, value)
        elif q.kind == "select":
            if not isinstance(value, str):
                raise InputError(f"answers: {key}: expected one name, got {value!r}")
            values[key] = _choice(cat, q, value)
        elif q.kind == "checkbox":
            values[key] = tuple(dict.fromkeys(_choice(cat, q, v) for v in _as_list(key, value)))
        else:  # skills: any skill as people write it; names the catalogue does not know are kept as written
            values[key] = cat.vocabulary.read_skills(_as_list(key, value)).stored
    return values


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
    level: LevelAdjustment
    location: LocationAdjustment
    top: int

    @property
    def top_matches(self) -> tuple[Match, ...]:
        return self.matches[: self.top]


def level_for(cat: Catalogue, years: int) -> LevelAdjustment:
    lv = cat.scoring.levels
    level_id = "senior" if years >= lv.senior_from else "mid" if years >= lv.mid_from else "entry"
    found = find_level(cat, level_id)
    assert found is not None
    return found


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


def score_role(cat: Catalogue, answers: Answers, role: Role, level: LevelAdjustment,
               location: LocationAdjustment) -> Match:
    """One role's fit for the answers, with its components and the reasons in words."""
    sc = cat.scoring
    gap = role_gap(cat, role, answers.skills)
    pay = estimate(role.salary, location, level) if role.salary is not None else None
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
    return Match(role, round(100 * fit), components, tuple(reasons), gap, pay)


def _notes(cat: Catalogue, answers: Answers, tracks: set[str]) -> list[Note]:
    figures = {f.id: f for f in cat.market.figures}
    out = []
    for rule in cat.scoring.notes:
        w = rule.when
        if w is not None:
            if w.location is not None and w.location != answers.location:
                continue
            if w.industries and not set(w.industries) & set(answers.industries):
                continue
            if w.track is not None and w.track not in tracks:
                continue
        out.append(Note(rule.text, figures.get(rule.figure) if rule.figure else None))
    return out


def assess(cat: Catalogue, answers: Answers, top: int = 2) -> Assessment:
    """Every role ranked by fit (ties broken by name), with market notes for the answers."""
    level = level_for(cat, answers.experience_years)
    location = find_location(cat, answers.location)
    assert location is not None
    matches = sorted((score_role(cat, answers, r, level, location) for r in cat.roles.values()),
                     key=lambda m: (-m.score, m.role.name))
    tracks = {m.role.track for m in matches[:top]}
    return Assessment(answers, tuple(matches), tuple(_notes(cat, answers, tracks)), level, location, top)
