"""roadmap, progress and report: the personal plan, its marks and the printable page."""

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from aicareer.app import (
    DataDir,
    Json,
    NoSave,
    SkillsOpt,
    app,
    command,
    handled,
    load_data,
    notice,
    print_json,
    show,
    warn,
    write_output,
)
from aicareer.errors import InputError


class Format(str, Enum):
    table = "table"
    markdown = "markdown"
    json = "json"
    ics = "ics"




@command()
def roadmap(
    track: Annotated[str | None, typer.Option("--track", "-t", help="mle, prompt, aipm or nlp (default: your "
                                                 "top match from aicareer assess).", show_default=False,
                                                 metavar="TRACK")] = None,
    background: Annotated[str | None, typer.Option(help="software-engineer, product-manager, data-scientist, "
                                                      "student or other (default: your profile's).",
                                                      show_default=False, metavar="NAME")] = None,
    skills: SkillsOpt = None,
    job: Annotated[Path | None, typer.Option("--job", help="A job posting: its missing skills join months 4-6.",
                                                show_default=False, metavar="FILE")] = None,
    hours_per_week: Annotated[int | None, typer.Option("--hours-per-week", "-w", help="Hours a week you can "
                                                          "give (default: your profile's, else 8).",
                                                          show_default=False, metavar="HOURS")] = None,
    start: Annotated[str | None, typer.Option(help="First month, YYYY-MM: months get calendar names.",
                                                 show_default=False, metavar="YYYY-MM")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table, markdown, json or ics.", metavar="FORMAT")] = Format.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE instead of the terminal.",
                                                   show_default=False, metavar="FILE")] = None,
    no_save: NoSave = False,
    data_dir: DataDir = None,
) -> None:
    """Your month-by-month plan for a track: what you know is skipped, what you lack is added.

    \b
    Examples:
      aicareer roadmap --track mle
      aicareer roadmap -t aipm --background product-manager --start 2027-01 -w 8
      aicareer roadmap -t mle --skills "Python, PyTorch" --job posting.txt
      aicareer roadmap -t mle --format markdown -o plan.md
      aicareer roadmap --track nlp --format ics -o plan.ics
    """
    import datetime

    from aicareer import plan as planning
    from aicareer import profile
    from aicareer import progress as prog
    from aicareer.catalogue import comma_list

    cat = load_data(data_dir)
    start_day = planning.parse_start(start)
    saved, top, warning = profile.saved_profile()
    warn(warning)
    if track is None:
        if not top:
            raise InputError("give a track with --track (mle, prompt, aipm or nlp), or run aicareer assess first")
        track = top[0]
        notice(f"track {track} (your top match; change it with --track)")
    if background is None:
        background = str(saved.get("background") or "software-engineer")
    background = background.strip().lower()
    saved_hours = saved.get("hours_per_week")
    hours = hours_per_week if hours_per_week is not None else (saved_hours if isinstance(saved_hours, int) else 8)
    if skills is not None:
        known = {cat.resolve_skill(n).id for n in comma_list(skills)}
    else:
        known = {cat.resolve_skill(str(n)).id for n in saved.get("skills") or []}
    job_skills = None
    if job is not None:
        from aicareer import postings
        from aicareer.files import read_user_text

        text, name = read_user_text(job, "posting")
        job_skills = postings.weigh(cat.skill_matcher, text)
        if not job_skills:
            notice(f"no catalogue skills found in {name}")
    if fmt is Format.ics and start_day is None:
        today = datetime.date.today()
        start_day = datetime.date(today.year + (today.month == 12), today.month % 12 + 1, 1)
        notice(f"no --start given; the calendar starts {start_day:%B %Y}")
    plan = planning.build_plan(cat, track, background, known=known, job_skills=job_skills,
                               hours_per_week=hours, start=start_day)

    state, warning = profile.load_progress()
    warn(warning)
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    record = prog.plan_record(plan, now.isoformat())
    marks, dropped = prog.carry_marks((state or {}).get("marks", {}), record)
    saved_to = None
    if not no_save:
        saved_to = str(profile.save_progress(record, marks))
        if dropped:
            notice(f"{len(dropped)} mark(s) dropped: tasks no longer in the plan ({', '.join(dropped[:5])})")
    question = cat.questions.get("background")
    label = dict(cat.choices(question)).get(plan.background, plan.background) if question else plan.background

    content: str | bytes | None = None
    if fmt is not Format.table:
        from aicareer.render import plan_writers
    if fmt is Format.markdown:
        content = plan_writers.markdown(cat, plan, label, marks)
    elif fmt is Format.json:
        import json

        content = json.dumps(plan_writers.as_data(cat, plan, marks), indent=2, ensure_ascii=False) + "\n"
    elif fmt is Format.ics:
        content = plan_writers.ics(cat, plan, now)
    if content is not None:
        if output is not None:
            write_output(output, content)
            notice(f"wrote {output}")
        elif isinstance(content, bytes):
            sys.stdout.write(content.decode("utf-8"))
        else:
            sys.stdout.write(content)
        return
    from aicareer.render.roadmap_view import roadmap_view

    view = roadmap_view(cat, plan, label, marks, saved_to)
    if output is not None:
        from aicareer.render.common import render_text

        write_output(output, render_text(view))
        notice(f"wrote {output}")
        return
    show(view)


@command()
def report(
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.", metavar="FILE")] = Path(
        "aicareer-report.html"),
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
    data_dir: DataDir = None,
) -> None:
    """One printable page with your whole result: matches, pay, skill gap and plan, as charts.

    \b
    Examples:
      aicareer report -o my-ai-career.html          (from your saved profile)
      aicareer report --answers answers.yaml -o report.html --name "Sam Lee"
    """
    import datetime

    from aicareer import assessment, gaps, profile
    from aicareer import plan as planning
    from aicareer import report as reporting
    from aicareer.files import read_answers_file
    from aicareer.render.plan_text import pacing_text
    from aicareer.render.report_html import render

    cat = load_data(data_dir)
    if answers_file is not None:
        raw = read_answers_file(answers_file)
    else:
        raw, warning = profile.saved_answers()
        warn(warning)
        if not raw:
            raise InputError("no saved profile: run aicareer assess first, or give --answers FILE")
    result = assessment.assess(cat, assessment.parse_answers(cat, raw))
    role = cat.resolve_role(track) if track else result.matches[0].role
    answers = result.answers
    state, _ = profile.load_progress()
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
    model = reporting.build(cat, result, gaps.role_gap(cat, role, answers.skills), plan, marks,
                            pacing_text(plan.pacing), name, datetime.date.today())
    write_output(output, render(model))
    notice(f"wrote {output} (open it in a browser; it prints too)")


progress_app = typer.Typer(
    help="How far along your saved plan you are; mark tasks done, skipped or undone.",
    context_settings={"help_option_names": ["-h", "--help"]},
    invoke_without_command=True,
)
app.add_typer(progress_app, name="progress")


def _progress_state() -> tuple[dict[str, Any], dict[str, str]]:
    from aicareer import profile

    state, warning = profile.load_progress()
    warn(warning)
    if state is None:
        raise InputError("no saved plan yet; make one with aicareer roadmap --track mle (or prompt, aipm, nlp)")
    return state["plan"], {str(k): str(v) for k, v in state["marks"].items()}


@progress_app.callback()
@handled
def progress_show(ctx: typer.Context, json_out: Json = False) -> None:
    """Show a bar per month and overall for your saved plan.

    \b
    Examples:
      aicareer progress
      aicareer progress done se-python se-sklearn
      aicareer progress skip net-conference
      aicareer progress undo se-python
    """
    if ctx.invoked_subcommand is not None:
        return
    from aicareer import progress as prog

    plan, marks = _progress_state()
    summary = prog.summarise(plan, marks)
    if json_out:
        from aicareer import jsonshape

        print_json(jsonshape.progress(plan, summary, marks))
        return
    from aicareer.render.progress_view import progress_view

    show(progress_view(plan, summary))


def _mark(action: str, ids: list[str]) -> None:
    from aicareer import profile
    from aicareer import progress as prog

    plan, marks = _progress_state()
    new = prog.apply(marks, plan, action, ids)
    profile.save_progress(plan, new)
    summary = prog.summarise(plan, new)
    word = {"done": "marked done", "skip": "skipped", "undo": "unmarked"}[action]
    notice(f"{word}: {', '.join(ids)}. Overall {round(summary.share * 100)}% "
           f"({summary.done_hours} of {summary.total_hours} h)")


TaskIds = Annotated[list[str], typer.Argument(help="Task ids, as shown in the plan.", metavar="TASK...")]


@command("done", on=progress_app)
def progress_done(tasks: TaskIds) -> None:
    """Mark tasks done. Example: aicareer progress done se-python"""
    _mark("done", tasks)


@command("skip", on=progress_app)
def progress_skip(tasks: TaskIds) -> None:
    """Skip tasks: they no longer count. Example: aicareer progress skip net-conference"""
    _mark("skip", tasks)


@command("undo", on=progress_app)
def progress_undo(tasks: TaskIds) -> None:
    """Clear the marks of tasks. Example: aicareer progress undo se-python"""
    _mark("undo", tasks)
