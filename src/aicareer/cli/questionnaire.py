"""The one adapter from question data (data/questions.yaml) to questionary prompts.

`specs` builds plain question configs (tests can inspect them); `ask` turns
each into a questionary question, adds Ctrl-D as end of input where
questionary has no binding for it, and lets Ctrl-C through as
KeyboardInterrupt, so the CLI can answer "Aborted." with exit 130.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aicareer.catalogue.index import Catalogue
from aicareer.catalogue.models import Question


def _integer_validator(q: Question):
    def validate(text: str) -> bool | str:
        try:
            value = int(text.strip().replace(",", "").lstrip("$") or "x")
        except ValueError:
            return "Please type a whole number"
        if (q.min is not None and value < q.min) or (q.max is not None and value > q.max):
            return f"Please type a number from {q.min} to {q.max}"
        return True

    return validate


def specs(cat: Catalogue, ids: list[str], defaults: Mapping[str, Any]) -> list[dict[str, Any]]:
    """questionary configs for the questions `ids`, pre-filled from `defaults` (answer ids)."""
    import questionary

    out = []
    for qid in ids:
        q = cat.questions[qid]
        default = defaults.get(qid, q.default)
        spec: dict[str, Any] = {"name": q.id, "message": q.prompt}
        if q.kind == "integer":
            spec.update(type="text", default="" if default is None else str(default),
                        validate=_integer_validator(q),
                        filter=lambda t: int(t.strip().replace(",", "").lstrip("$")))
        elif q.kind == "select":
            choices = [questionary.Choice(label, value=cid) for cid, label in cat.choices(q)]
            spec.update(type="select", choices=choices,
                        default=next((c for c in choices if c.value == default), None))
        elif q.kind == "checkbox":
            chosen = set(default or ())
            spec.update(type="checkbox", choices=[questionary.Choice(label, value=cid, checked=cid in chosen)
                                                  for cid, label in cat.choices(q)])
        else:  # skills: one checkbox over the catalogue, grouped by category
            chosen = set(default or ())
            choices: list[Any] = []
            for category in cat.skills_file.categories:
                members = [s for s in cat.skills.values() if s.category == category.id]
                if members:
                    choices.append(questionary.Separator(f"── {category.name} ──"))
                    choices += [questionary.Choice(s.name, value=s.id, checked=s.id in chosen) for s in members]
            spec.update(type="checkbox", choices=choices)
        if q.help and spec["type"] == "checkbox":
            spec["instruction"] = f"({q.help})"
        out.append(spec)
    return out


def ask(cat: Catalogue, ids: list[str], defaults: Mapping[str, Any]) -> dict[str, Any]:
    """Ask the questions `ids` in the terminal; raises KeyboardInterrupt (Ctrl-C) or
    EOFError (Ctrl-D) when cut short, so the CLI answers "Aborted." with exit 130."""
    import questionary
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    end_of_input = KeyBindings()

    @end_of_input.add("c-d", eager=True)
    def _eof(event: Any) -> None:  # select and checkbox prompts ignore Ctrl-D by themselves
        event.app.exit(exception=EOFError(), style="class:aborting")

    answers: dict[str, Any] = {}
    for spec in specs(cat, ids, defaults):
        config = dict(spec)
        kind, name, convert = config.pop("type"), config.pop("name"), config.pop("filter", None)
        question = getattr(questionary, kind)(**config)
        if kind != "text":  # a text prompt already ends on Ctrl-D at an empty line
            app = question.application
            app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), end_of_input])
        value = question.unsafe_ask()
        answers[name] = convert(value) if convert else value
    return answers
