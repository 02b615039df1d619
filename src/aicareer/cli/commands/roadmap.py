"""roadmap: the personal month-by-month plan, in the terminal or exported."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from aicareer.cli.app import (
    DataDir,
    Json,
    NoSave,
    SkillsOpt,
    command,
    load_data,
    notice,
    show,
    write_output,
)
from aicareer.cli.output import (
    HOURS,
    TRACKS,
    background_help,
    check_hours,
    completer,
    format_choices,
    target,
    track_help,
)

#: what roadmap writes, by format name (aliases: md, ical, txt; see cli/output.py)
FORMATS = ("table", "markdown", "json", "ics")
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@command()
def roadmap(
    track: Annotated[str | None, typer.Option("--track", "-t", help=track_help("Default: your top match "
                                              "(aicareer assess)."), show_default=False, metavar="TRACK",
                                              autocompletion=lambda: list(TRACKS))] = None,
    background: Annotated[str | None, typer.Option(help=background_help("Default: your profile's."),
                                                   show_default=False, metavar="NAME",
                                                   autocompletion=completer("background"))] = None,
    skills: SkillsOpt = None,
    job: Annotated[Path | None, typer.Option("--job", help="A job posting (PDF, DOCX, HTML or text): what it asks "
                                                "and you lack joins months 4-6.",
                                                show_default=False, metavar="FILE")] = None,
    hours_per_week: Annotated[int | None, typer.Option("--hours-per-week", "-w", help=f"Hours a week you can "
                                                       f"give, {HOURS[0]}-{HOURS[1]} (default: your profile's, "
                                                       "else 8).", show_default=False, metavar="HOURS")] = None,
    start: Annotated[str | None, typer.Option(help="First month, YYYY-MM: months get calendar names.",
                                                 show_default=False, metavar="YYYY-MM")] = None,
    fmt: Annotated[str | None, typer.Option("--format", "-f", help=f"{format_choices(FORMATS)}; any case. "
                                            "Default: from -o's extension, else table.", show_default=False,
                                            metavar="FORMAT", autocompletion=lambda: list(FORMATS))] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE (.txt, .md, .json or .ics: "
                                                "the format follows) instead of the terminal; '-' = stdout.",
                                                show_default=False, metavar="FILE")] = None,
    json_out: Json = False,
    study_day: Annotated[str, typer.Option("--study-day", help="ics: the weekday of your study blocks: "
                                           f"{', '.join(DAYS)} (or mon, tue...).", metavar="DAY",
                                           autocompletion=lambda: list(DAYS))] = "saturday",
    study_time: Annotated[str, typer.Option("--study-time", help="ics: when study blocks start, HH:MM.",
                                            metavar="HH:MM")] = "09:00",
    reminder: Annotated[int, typer.Option("--reminder", help="ics: minutes of warning before study blocks "
                                          "and month starts; 0 for none.", metavar="MINUTES")] = 30,
    no_save: NoSave = False,
    data_dir: DataDir = None,
) -> None:
    """Your month-by-month plan for a track, as text or a file.

    What you know is skipped and what you lack is added. The plan is as long as
    its work needs at your hours a week. AICAREER_TODAY=YYYY-MM-DD fixes today's
    date (for tests).

    \b
    Examples:
      aicareer roadmap --track mle
      aicareer roadmap -t aipm --background pm --start 2027-01 -w 8
      aicareer roadmap -t mle --skills "Python, PyTorch" --job posting.txt
      aicareer roadmap -t mle -o plan.md          (Markdown: from the extension)
      aicareer roadmap -t mle --json | jq .pacing
      aicareer roadmap -t nlp -o plan.ics --study-day sun --study-time 18:30
    """
    import datetime

    from aicareer.catalogue.names import comma_list
    from aicareer.core import months as cal
    from aicareer.domain import progress as prog
    from aicareer.domain import roadmap as planning
    from aicareer.render import roadmap_export
    from aicareer.state import profile, progress_store

    out = target(fmt, output, FORMATS, default="table", json=json_out)
    check_hours(hours_per_week)
    cat = load_data(data_dir)
    if background is not None:
        background = planning.background_id(cat, background)
    saved, top = profile.saved_profile()
    calendar = None
    if out.fmt == "ics":
        from aicareer.render.ics import calendar_options

        calendar = calendar_options(study_day, study_time, reminder)
    request = planning.plan_request(track=track, background=background, hours_per_week=hours_per_week,
                                    start=start, profile=saved, top=top, needs_dates=out.fmt == "ics",
                                    today=cal.today())
    for note in request.notes:
        notice(note)
    have = cat.read_skills(comma_list(skills) if skills is not None else
                                      [str(n) for n in saved.get("skills") or []])
    if have.unknown and skills is not None:
        from aicareer.cli.commands.gap import not_in_catalogue

        notice(not_in_catalogue(have))
    known = set(have.skills)
    job_skills = None
    if job is not None:
        from aicareer.domain import postings
        from aicareer.readers.inputs import read_input

        doc = read_input(job, "posting")
        notice(doc.summary)
        job_skills = postings.plan_skills(cat, postings.analyse(cat, doc.text, have), have)
        if not job_skills:
            notice(f"nothing in {doc.name} to add: no skill it asks for is missing, or none the catalogue teaches")
    plan = planning.build_plan(cat, request.track, request.background, known=known, job_skills=job_skills,
                               hours_per_week=request.hours_per_week, start=request.start)

    state = progress_store.load_progress()
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    record = prog.plan_record(plan, now.isoformat(), cal.today())
    marks, dropped = prog.carry_marks((state or {}).get("marks", {}), record)
    saved_to = None
    if not no_save:
        saved_to = str(progress_store.save_progress(record, marks))
        if dropped:
            notice(f"{len(dropped)} mark(s) dropped: tasks no longer in the plan ({', '.join(dropped[:5])})")
    question = cat.questions.get("background")
    label = dict(cat.choices(question)).get(plan.background, plan.background) if question else plan.background
    content = roadmap_export.render(out.fmt, cat, plan, label, marks, now=now, calendar=calendar)
    if out.path is not None:
        if out.fmt == "table":
            from aicareer.render.common import render_text

            content = render_text(content)
        write_output(out.path, content)
        notice(f"wrote {out.path}")
    elif out.fmt == "table":
        show(content)
    else:
        sys.stdout.write(content.decode("utf-8") if isinstance(content, bytes) else content)
    if saved_to:
        notice(f"saved as your current plan ({saved_to}); mark tasks: aicareer progress done TASK-ID")
