"""The one adapter from question data (data/questions.yaml) to questionary prompts.

`specs` builds plain question configs (tests can inspect them); `ask` turns
each into a questionary question, adds Ctrl-D as end of input where
questionary has no binding for it, and lets Ctrl-C through as
KeyboardInterrupt, so the CLI can answer "Aborted." with exit 130.

Every prompt carries a counter ("3/8") where questionary puts its "?", and one
style of hint: the keys to use, in parentheses. The skills question is asked in
pages that fit a 24-row terminal: first the areas you know something of, then
the skills of each area you ticked (the longest area holds 13 skills).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from aicareer.catalogue.index import Catalogue
from aicareer.catalogue.models import Question
from aicareer.domain.assessment import MONEY_QUESTIONS

#: about how long one question takes, for the intro line (an editorial guess, not a measurement)
SECONDS_A_QUESTION = 20
AREAS_PROMPT = "Which skill areas do you know something of?"
PAGE_PROMPT = "which can you use at work?"

HINT_SELECT = "(↑↓ to move, enter to choose)"
HINT_CHECKBOX = "(space ticks, enter ends)"


def intro(count: int, saved_to: Path | None) -> str:
    """The line before the first question: how many, about how long, how to stop, where answers go."""
    minutes = max(1, round(count * SECONDS_A_QUESTION / 60))
    where = f"answers are saved to {saved_to}" if saved_to else "answers are not saved (--no-save)"
    questions = "1 question" if count == 1 else f"{count} questions"
    return f"{questions}, about {minutes} min; Ctrl-C stops without saving.\n{where[0].upper()}{where[1:]}."


def _number(q: Question, text: str) -> int:
    """A typed answer as a whole number; dollars for a money question ('250k', '$250,000')."""
    if q.id in MONEY_QUESTIONS:
        from aicareer.core.money import parse_money

        return round(parse_money(text.strip() or "x"))
    return int(text.strip().replace(",", "").lstrip("$") or "x")


def _integer_validator(q: Question) -> Callable[[str], bool | str]:
    def validate(text: str) -> bool | str:
        try:
            value = _number(q, text)
        except ValueError:
            return "Please type an amount, e.g. 250000 or 250k" if q.id in MONEY_QUESTIONS \
                else "Please type a whole number"
        if (q.min is not None and value < q.min) or (q.max is not None and value > q.max):
            return f"Please type a number from {q.min} to {q.max}"
        return True

    return validate


def _integer_hint(q: Question, default: Any) -> str:
    keep = f"enter keeps {default}" if default not in (None, "") else "then enter"
    if q.id in MONEY_QUESTIONS:
        return "(e.g. 250k; 0 for none)"
    return f"({q.min} to {q.max}; {keep})"


def skill_areas(cat: Catalogue) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(area id, area name, [(skill id, skill name)...]) for every area that has skills."""
    out = []
    for category in cat.skills_file.categories:
        members = [(s.id, s.name) for s in cat.skills.values() if s.category == category.id]
        if members:
            out.append((category.id, category.name, members))
    return out


def specs(cat: Catalogue, ids: list[str], defaults: Mapping[str, Any]) -> list[dict[str, Any]]:
    """questionary configs for the questions `ids`, pre-filled from `defaults` (answer ids), each
    with its counter. The skills question is one config of type 'skills' holding its pages."""
    import questionary

    out = []
    total = len(ids)
    for n, qid in enumerate(ids, 1):
        q = cat.questions[qid]
        default = defaults.get(qid, q.default)
        spec: dict[str, Any] = {"name": q.id, "message": q.prompt, "qmark": f"{n}/{total}"}
        if q.kind == "integer":
            shown = "" if default is None else str(default)
            spec.update(type="text", default=shown, validate=_integer_validator(q),
                        instruction=_integer_hint(q, shown), filter=lambda t, q=q: _number(q, t))
        elif q.kind == "select":
            choices = [questionary.Choice(label, value=cid) for cid, label in cat.choices(q)]
            spec.update(type="select", choices=choices, instruction=HINT_SELECT,
                        default=next((c for c in choices if c.value == default), None))
        elif q.kind == "checkbox":
            chosen = set(default or ())
            spec.update(type="checkbox", instruction=HINT_CHECKBOX,
                        choices=[questionary.Choice(label, value=cid, checked=cid in chosen)
                                 for cid, label in cat.choices(q)])
        else:  # skills: the areas first, then a page for each area ticked
            chosen = set(default or ())
            areas = skill_areas(cat)
            spec.update(type="skills", instruction=HINT_CHECKBOX, areas=[
                (area, name, [questionary.Choice(label, value=sid, checked=sid in chosen) for sid, label in members])
                for area, name, members in areas])
            spec["area_choices"] = [
                questionary.Choice(f"{name} ({len(members)} skills)", value=area,
                                   checked=any(sid in chosen for sid, _ in members))
                for area, name, members in areas]
        out.append(spec)
    return out


def _with_eof(question: Any) -> Any:
    """Ctrl-D ends a select or checkbox prompt as end of input (a text prompt does so itself)."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    end_of_input = KeyBindings()

    @end_of_input.add("c-d", eager=True)
    def _eof(event: Any) -> None:
        event.app.exit(exception=EOFError(), style="class:aborting")

    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), end_of_input])
    return question


def _ask_skills(spec: dict[str, Any]) -> list[str]:
    """The skills question in pages: the areas, then one page of skills per area ticked."""
    import questionary

    areas = _with_eof(questionary.checkbox(AREAS_PROMPT, choices=spec["area_choices"], qmark=spec["qmark"],
                                           instruction=spec["instruction"])).unsafe_ask()
    picked = [a for a in spec["areas"] if a[0] in set(areas)]
    skills: list[str] = []
    for k, (_, name, choices) in enumerate(picked, 1):
        page = f" ({k} of {len(picked)})" if len(picked) > 1 else ""
        message = f"{name}{page}: {PAGE_PROMPT}"
        skills += _with_eof(questionary.checkbox(message, choices=choices, qmark=spec["qmark"],
                                                 instruction=spec["instruction"])).unsafe_ask()
    return skills


def ask(cat: Catalogue, ids: list[str], defaults: Mapping[str, Any], *, intro_line: str | None = None,
        out: Any = None) -> dict[str, Any]:
    """Ask the questions `ids` in the terminal (after `intro_line`, written to `out`); raises
    KeyboardInterrupt (Ctrl-C) or EOFError (Ctrl-D) when cut short, so the CLI answers
    "Aborted." with exit 130."""
    import questionary

    if intro_line and out is not None:
        out.write(intro_line + "\n")
        out.flush()
    answers: dict[str, Any] = {}
    follows = {q.id: q.default_from for q in cat.questions.values() if q.default_from}
    for spec in specs(cat, ids, defaults):
        config = dict(spec)
        kind, name, convert = config.pop("type"), config.pop("name"), config.pop("filter", None)
        source = follows.get(name)
        if source in answers and name not in defaults:  # e.g. relevant years start at the years given
            config["default"] = str(answers[source])
            config["instruction"] = _integer_hint(cat.questions[name], answers[source])
        if kind == "skills":
            answers[name] = _ask_skills(spec)
            continue
        question = getattr(questionary, kind)(**config)
        if kind != "text":  # a text prompt already ends on Ctrl-D at an empty line
            _with_eof(question)
        value = question.unsafe_ask()
        answers[name] = convert(value) if convert else value
    return answers
