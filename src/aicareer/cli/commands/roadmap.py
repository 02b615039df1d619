"""roadmap: the personal month-by-month plan, in the terminal or exported."""

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from aicareer.cli.app import (
    DataDir,
    NoSave,
    SkillsOpt,
    command,
    load_data,
    notice,
    show,
    write_output,
)
from aicareer.core.errors import InputError


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
    job: Annotated[Path | None, typer.Option("--job", help="A job posting (PDF, DOCX, HTML or text): what it asks "
                                                "and you lack joins months 4-6.",
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

    from aicareer.catalogue.names import comma_list
    from aicareer.domain import progress as prog
    from aicareer.domain import roadmap as planning
    from aicareer.state import profile, progress_store

    cat = load_data(data_dir)
    start_day = planning.parse_start(start)
    saved, top = profile.saved_profile()
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
    have = cat.vocabulary.read_skills(comma_list(skills) if skills is not None else
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
    if fmt is Format.ics and start_day is None:
        today = datetime.date.today()
        start_day = datetime.date(today.year + (today.month == 12), today.month % 12 + 1, 1)
        notice(f"no --start given; the calendar starts {start_day:%B %Y}")
    plan = planning.build_plan(cat, track, background, known=known, job_skills=job_skills,
                               hours_per_week=hours, start=start_day)

    state = progress_store.load_progress()
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    record = prog.plan_record(plan, now.isoformat())
    marks, dropped = prog.carry_marks((state or {}).get("marks", {}), record)
    saved_to = None
    if not no_save:
        saved_to = str(progress_store.save_progress(record, marks))
        if dropped:
            notice(f"{len(dropped)} mark(s) dropped: tasks no longer in the plan ({', '.join(dropped[:5])})")
    question = cat.questions.get("background")
    label = dict(cat.choices(question)).get(plan.background, plan.background) if question else plan.background

    content: str | bytes | None = None
    if fmt is not Format.table:
        from aicareer.render import roadmap_export
    if fmt is Format.markdown:
        content = roadmap_export.markdown(cat, plan, label, marks)
    elif fmt is Format.json:
        import json

        content = json.dumps(roadmap_export.as_data(cat, plan, marks), indent=2, ensure_ascii=False) + "\n"
    elif fmt is Format.ics:
        content = roadmap_export.ics(cat, plan, now)
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
