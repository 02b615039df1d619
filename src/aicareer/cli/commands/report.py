"""report: one printable HTML page of the person's whole result."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from aicareer.cli.app import DataDir, Level, Location, SkillsOpt, command, load_data, notice, write_output
from aicareer.cli.output import HOURS, Industries, Interests, background_help, check_hours, completer, target
from aicareer.core.errors import AicareerError, InputError


@command()
def report(
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write (.html; '-' = stdout).",
                                         metavar="FILE")] = Path("aicareer-report.html"),
    answers_file: Annotated[
        Path | None,
        typer.Option("--answers", "-a", help="Answers as YAML or JSON (default: your saved profile).",
                     show_default=False, metavar="FILE"),
    ] = None,
    name: Annotated[str | None, typer.Option("--name", help="Whose report it is (shown at the top).",
                                             show_default=False)] = None,
    track: Annotated[str | None, typer.Option("--track", "-t", help="The plan's track (default: your top match).",
                                              show_default=False, metavar="TRACK")] = None,
    start: Annotated[str | None, typer.Option(help="First month of the plan, YYYY-MM.", show_default=False,
                                              metavar="YYYY-MM")] = None,
    background: Annotated[str | None, typer.Option(help=background_help("What if: overrides the answers."),
                                                   show_default=False, metavar="NAME",
                                                   autocompletion=completer("background"))] = None,
    experience: Annotated[int | None, typer.Option("--experience", help="Years of experience (what if).",
                                                   show_default=False, metavar="YEARS")] = None,
    skills: SkillsOpt = None,
    interests: Interests = None,
    industries: Industries = None,
    salary_goal: Annotated[str | None, typer.Option("--salary-goal", help="US dollars a year (what if): 400k, "
                                                    "$400,000.", show_default=False, metavar="AMOUNT")] = None,
    location: Location = None,
    level: Level = None,
    hours_per_week: Annotated[int | None, typer.Option("--hours-per-week", "-w", help=f"Hours a week, {HOURS[0]}-{HOURS[1]} "
                                                          "(what if: overrides the answers).", show_default=False,
                                                          metavar="HOURS")] = None,
    data_dir: DataDir = None,
) -> None:
    """One printable HTML page of your whole result, with charts.

    Your matches, pay, skill gap and plan, from your saved profile (aicareer
    assess) or an answers file.

    \b
    Examples:
      aicareer report -o my-ai-career.html     (from your saved profile)
      aicareer report --answers me.yaml -o report.html --name "Sam Lee"
      aicareer report -o - > report.html
      aicareer report -l seattle --level mid -w 10 -o what-if.html
    """
    import datetime

    from aicareer.domain import assessment, gaps
    from aicareer.domain import roadmap as planning
    from aicareer.readers.user_files import read_answers_file
    from aicareer.render.report import model as reporting
    from aicareer.render.report.html import render
    from aicareer.render.roadmap_text import pacing_text
    from aicareer.state import profile, progress_store

    out = target(None, output, ("html",), default="html")
    check_hours(hours_per_week)
    cat = load_data(data_dir)
    if answers_file is not None:
        raw = read_answers_file(answers_file)
    else:
        raw = profile.saved_answers()
        if not raw:
            raise AicareerError("no saved profile: run aicareer assess first, or give --answers FILE")
    what_if = {"background": background, "experience_years": experience, "skills": skills, "interests": interests,
               "industries": industries, "salary_goal": salary_goal, "location": location,
               "hours_per_week": hours_per_week}
    raw = {**raw, **{k: v for k, v in what_if.items() if v is not None}}  # what if: the flags win
    result = assessment.assess(cat, assessment.parse_answers(cat, raw), level=level)
    role = cat.resolve_role(track) if track else result.matches[0].role
    answers = result.answers
    state = progress_store.load_progress()
    saved_plan = (state or {}).get("plan", {})
    same_track = saved_plan.get("track") == role.id
    start_day = planning.parse_start(start) if start else None
    if start_day is None and same_track and saved_plan.get("start"):
        try:  # the saved plan's start month, when it is still readable
            start_day = planning.parse_start(str(saved_plan["start"])[:7])
        except InputError:
            start_day = None
    plan = planning.build_plan(cat, role.id, answers.background, known=answers.skills,
                               hours_per_week=answers.hours_per_week, start=start_day)
    marks = (state or {}).get("marks", {}) if same_track else {}
    from aicareer.state.offers_store import load_offers

    model = reporting.build(cat, result, gaps.role_gap(cat, role, answers.skills), plan, marks,
                            pacing_text(plan.pacing), name, datetime.date.today(), offers=load_offers())
    html = render(model)
    if out.path is None:
        sys.stdout.write(html)
        return
    write_output(out.path, html)
    notice(f"wrote {out.path} (open it in a browser; it prints too)")
