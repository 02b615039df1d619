"""The assessment's answers: read and checked from any source (an answers file, flags, the saved
profile, the questionnaire) into Answers. Pure. Re-exported by domain/assessment.py."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import msgspec

from aicareer.catalogue.index import Catalogue
from aicareer.catalogue.models import Question
from aicareer.catalogue.names import choice_id, comma_list
from aicareer.catalogue.places import default_index
from aicareer.core.errors import InputError
from aicareer.core.suggest import did_you_mean


class Answers(msgspec.Struct, frozen=True):
    background: str
    experience_years: int
    skills: tuple[str, ...]
    interests: tuple[str, ...]
    location: str
    hours_per_week: int
    industries: tuple[str, ...] = ()
    salary_goal: int | None = None
    relevant_years: int | None = None

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


def _choice(cat: Catalogue, q: Question, value: str) -> str:
    return choice_id(q, cat.choices(q), value, f"answers: {q.id}: ")


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
        elif q.choices_from == "locations":
            values[key] = location_answer(value)
        elif q.kind == "select":
            if not isinstance(value, str):
                raise InputError(f"answers: {key}: expected one name, got {value!r}")
            values[key] = _choice(cat, q, value)
        elif q.kind == "checkbox":
            values[key] = tuple(dict.fromkeys(_choice(cat, q, v) for v in _as_list(key, value)))
        else:  # skills: any skill as people write it; names the catalogue does not know are kept as written
            values[key] = cat.read_skills(_as_list(key, value)).stored
    return values


def location_answer(value: Any) -> str:
    """The `location` answer: any place PlaceIndex knows (InputError listing candidates or close names)."""
    from aicareer.domain.salary import resolve_place

    if not isinstance(value, str) or not value.strip():
        raise InputError(f"answers: location: expected a place name, got {value!r}")
    try:
        res = resolve_place(default_index(), value)
    except InputError as exc:
        detail = exc.message.replace(f"unknown location {value!r}", f"unknown value {value!r}", 1)
        raise InputError(f"answers: location: {detail}") from None
    return "remote" if res.place.kind == "remote" else "us" if res.place.kind == "nation" else res.matched
