"""assess: the questionnaire and the ranked, explained role matches."""

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from aicareer.cli.app import (
    DataDir,
    Json,
    Level,
    Location,
    NoSave,
    SkillsOpt,
    command,
    load_data,
    notice,
    print_json,
    show,
)
from aicareer.cli.output import (
    HOURS,
    Industries,
    Interests,
    background_help,
    check_hours,
    completer,
)
from aicareer.core.errors import InputError

#: below this fit score (of 100) a match is called weak (an editorial threshold)
WEAK_FIT = 40


def weak_fit(result: Any) -> str | None:
    """A plain warning when every role fits weakly, with what would raise the scores; else None."""
    best = result.matches[0] if result.matches else None
    if best is None or best.score >= WEAK_FIT:
        return None
    none = "" if result.answers.skills else "no skills given, "
    return (f"every fit is weak: the best, {best.role.short_name}, scores {best.score} of 100 "
            f"({none}all below {WEAK_FIT}); add the skills you have (--skills) or see what to learn "
            f"first with aicareer gap {best.role.id}")


@command()
def assess(
    answers_file: Annotated[
        Path | None,
        typer.Option("--answers", "-a", help="Answers as YAML or JSON ('-' for stdin); see --template.",
                     show_default=False, metavar="FILE"),
    ] = None,
    template: Annotated[bool, typer.Option("--template", help="Print a commented answers file and exit.")] = False,
    background: Annotated[str | None, typer.Option(help=background_help(), show_default=False, metavar="NAME",
                                                   autocompletion=completer("background"))] = None,
    experience: Annotated[int | None, typer.Option("--experience", help="Years of experience.",
                                                      show_default=False, metavar="YEARS")] = None,
    skills: SkillsOpt = None,
    interests: Interests = None,
    industries: Industries = None,
    location: Location = None,
    level: Level = None,
    hours_per_week: Annotated[int | None, typer.Option("--hours-per-week", "-w", help=f"Hours a week for learning, "
                                                       f"{HOURS[0]}-{HOURS[1]}.", show_default=False,
                                                       metavar="HOURS")] = None,
    salary_goal: Annotated[str | None, typer.Option("--salary-goal", help="US dollars a year, as you write it: "
                                                       "250000, $250,000 or 250k.",
                                                       show_default=False, metavar="USD")] = None,
    reuse: Annotated[bool, typer.Option("--reuse", help="Take answers still missing from your saved profile.")] = False,
    top: Annotated[int, typer.Option(help="How many top matches to explain.", min=1, max=10, metavar="N")] = 2,
    no_save: NoSave = False,
    json_out: Json = False,
    data_dir: DataDir = None,
) -> None:
    """Which AI roles fit you: a few questions, ranked matches.

    Each match comes with its reasons, your gaps and its pay.

    Answers come from --answers and the flags first, then (with --reuse) your
    saved profile, and only then from prompts, which ask just what is missing.

    \b
    Examples:
      aicareer assess                        (the questionnaire, about 3 minutes)
      aicareer assess --template > me.yaml     then edit me.yaml
      aicareer assess --answers me.yaml --json
      aicareer assess --reuse --location sf    (change one answer)
    """
    from aicareer.domain import assessment
    from aicareer.readers.user_files import read_answers_file
    from aicareer.render import json_shapes
    from aicareer.state import profile

    cat = load_data(data_dir)
    if template:
        from aicareer.render.answers_template import answers_template

        sys.stdout.write(answers_template(cat))
        return
    check_hours(hours_per_week)
    raw: dict[str, Any] = read_answers_file(answers_file) if answers_file is not None else {}
    flags = {"background": background, "experience_years": experience, "skills": skills,
             "interests": interests, "industries": industries, "location": location,
             "hours_per_week": hours_per_week, "salary_goal": salary_goal}
    raw.update({k: v for k, v in flags.items() if v is not None})
    saved: dict[str, Any] = {}
    if reuse:
        saved = profile.saved_answers()
        for key, value in saved.items():
            if key in cat.questions:
                raw.setdefault(key, value)
    assessment.check_given(cat, raw)  # a typo fails now, not after the questions
    given = answers_file is not None or any(v is not None for v in flags.values()) or reuse
    missing = assessment.missing_keys(cat, raw, optional=not given)
    if missing:
        if not sys.stdin.isatty():
            raise InputError(f"no terminal to ask the questions; missing: {', '.join(missing)}. "
                             "Give them with --answers FILE (aicareer assess --template prints one) or flags.")
        from aicareer.cli import questionnaire as prompts

        intro = prompts.intro(len(missing), None if no_save else profile.profile_path())
        raw.update(prompts.ask(cat, missing, saved, intro_line=intro, out=sys.stderr))
    result = assessment.assess(cat, assessment.parse_answers(cat, raw), top=top, level=level)
    weak = weak_fit(result)
    if weak:
        notice(weak)
    saved_to = None
    if not no_save:
        summary = {"top": [m.role.id for m in result.top_matches],
                   "scores": {m.role.id: m.score for m in result.matches}}
        saved_to = str(profile.save_profile(result.answers.to_dict(), summary))
    if json_out:
        print_json(json_shapes.assessment(cat, result, saved_to))
        return
    from aicareer.render.assess_view import assess_view

    show(assess_view(cat, result, None))
    if saved_to:
        notice(f"profile saved to {saved_to} (aicareer gap and roadmap will use it)")
