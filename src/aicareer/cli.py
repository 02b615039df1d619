"""The command line: parse options, call the domain, hand the result to render.

Only this module prints, exits or maps errors to exit codes:
0 ok, 1 error, 2 usage / bad input, 130 interrupted.
"""


import functools
import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from aicareer import __version__
from aicareer.errors import EXIT_ERROR, EXIT_INTERRUPTED, AicareerError, InputError

app = typer.Typer(
    name="aicareer",
    epilog="Start with: aicareer compare    Data and sources: aicareer market",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click help: rich help imports markdown-it (~40 ms)
)
data_app = typer.Typer(
    help="Check a custom data folder.",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
)
app.add_typer(data_app, name="data")

# --- shared options (declared once) ------------------------------------------------

DataDir = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        envvar="AICAREER_DATA_DIR",
        help="A folder of YAML files layered over the bundled data (same id replaces, new id adds).",
        metavar="DIR",
        show_default=False,
        rich_help_panel="Data",
    ),
]
Json = Annotated[bool, typer.Option("--json", help="Print the data as JSON on stdout (messages go to stderr).")]
Location = Annotated[
    str | None,
    typer.Option("--location", "-l", help="sf, nyc, austin, remote or us: adjusts pay (an estimate).",
                 show_default=False, metavar="PLACE"),
]
Level = Annotated[
    str | None,
    typer.Option("--level", help="entry, mid or senior: narrows the range (an estimate).", show_default=False,
                 metavar="LEVEL"),
]

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int) -> typer.Exit:
    """Print a one-line message on stderr and return the Exit to raise."""
    sys.stderr.write(f"aicareer: {' '.join(message.split())}\n")  # one line, whatever the message
    return typer.Exit(code)


def handled(fn: F) -> F:
    """Turn the project's errors, Ctrl-C and a closed pipe into a message and an exit code."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except AicareerError as exc:
            raise fail(exc.message, exc.exit_code) from None
        except (KeyboardInterrupt, EOFError):
            sys.stderr.write("Aborted.\n")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            _silence_stdout()
            raise typer.Exit(EXIT_ERROR) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:  # the last guard: never show a traceback
            if os.environ.get("AICAREER_DEBUG"):
                raise
            raise fail(f"internal error: {type(exc).__name__}: {exc} (set AICAREER_DEBUG=1 for details)",
                       EXIT_ERROR) from None

    return wrapper  # type: ignore[return-value]


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def print_json(data: Any) -> None:
    import json

    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def show(renderable: Any) -> None:
    from aicareer.render.common import make_console

    make_console().print(renderable)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"aicareer {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", "-V", help="Show the version and exit.", callback=_version, is_eager=True)
    ] = False,
) -> None:
    """An offline AI-career advisor: which AI role fits you, what it pays, what you are
    missing, and what to do each month.

    \b
    Examples:
      aicareer compare                    salary ranges side by side
      aicareer compare mle nlp -l sf --level senior
      aicareer role mle                   one role's profile
      aicareer market --json              macro numbers as JSON
    """


# --- catalogue commands ------------------------------------------------------------


def _catalogue(data_dir: Path | None):  # -> Catalogue (import kept lazy)
    from aicareer.loader import load_catalogue, overlay_dir

    return load_catalogue(overlay_dir(data_dir))


@app.command()
@handled
def compare(
    roles: Annotated[
        list[str] | None, typer.Argument(help="Roles by id, alias or name (default: all).", show_default=False,
                                      metavar="ROLE...")
    ] = None,
    location: Location = None,
    level: Level = None,
    sort: Annotated[str, typer.Option(help="midpoint, low, high or name.", metavar="KEY")] = "midpoint",
    reference: Annotated[
        bool, typer.Option("--reference/--no-reference", help="Show BLS reference occupations under the roles.")
    ] = True,
    json_out: Json = False,
    data_dir: DataDir = None,
) -> None:
    """Salary ranges of the AI roles side by side, on one scale.

    \b
    Examples:
      aicareer compare
      aicareer compare mle prompt --location sf --level senior
      aicareer compare --sort low --no-reference --json
    """
    from aicareer import salary

    cat = _catalogue(data_dir)
    comp = salary.compare(cat, roles, location=location, level=level, sort=sort)
    refs = list(cat.occupations.values()) if reference else []
    if json_out:
        from aicareer import jsonshape

        print_json(jsonshape.comparison(cat, comp, refs))
        return
    from aicareer.render.catalogue_views import compare_view

    show(compare_view(cat, comp, refs))


@app.command("roles")
@handled
def roles_cmd(json_out: Json = False, data_dir: DataDir = None) -> None:
    """The catalogue of AI roles, one line a role.

    \b
    Examples:
      aicareer roles
      aicareer roles --json
    """
    cat = _catalogue(data_dir)
    if json_out:
        from aicareer import jsonshape

        print_json({"data_as_of": cat.reviewed.isoformat(),
                    "roles": [{"id": r.id, "name": r.name, "track": r.track, "aliases": list(r.aliases),
                               "salary": jsonshape.plain(r.salary)} for r in cat.roles.values()]})
        return
    from aicareer.render.catalogue_views import roles_view

    show(roles_view(cat))


@app.command("role")
@handled
def role_cmd(
    role: Annotated[str, typer.Argument(help="A role by id, alias or name, e.g. mle, 'prompt engineer'.", metavar="ROLE")],
    json_out: Json = False,
    data_dir: DataDir = None,
) -> None:
    """One role's profile: pay, skills (must-have / nice-to-have), tools, trend, who hires.

    \b
    Examples:
      aicareer role mle
      aicareer role "AI product manager" --json
    """
    cat = _catalogue(data_dir)
    found = cat.resolve_role(role)
    if json_out:
        from aicareer import jsonshape

        print_json(jsonshape.role(cat, found))
        return
    from aicareer.render.catalogue_views import role_view

    show(role_view(cat, found))


@app.command()
@handled
def market(json_out: Json = False, data_dir: DataDir = None) -> None:
    """The hiring market: macro numbers, hotspots, metro pay, industries hiring and cooling.

    \b
    Examples:
      aicareer market
      aicareer market --json
    """
    cat = _catalogue(data_dir)
    if json_out:
        from aicareer import jsonshape

        data = jsonshape.plain(cat.market)
        data["data_as_of"] = cat.reviewed.isoformat()
        data["cited"] = jsonshape.sources(cat, list(cat.sources))
        print_json(data)
        return
    from aicareer.render.catalogue_views import market_view

    show(market_view(cat))


SkillsOpt = Annotated[
    str | None,
    typer.Option("--skills", help="Skills you know, comma-separated, by name or alias (e.g. 'Python, k8s').",
                 show_default=False, metavar="LIST"),
]
NoSave = Annotated[bool, typer.Option("--no-save", help="Do not save anything to your profile.")]


@app.command()
@handled
def assess(
    answers_file: Annotated[
        Path | None,
        typer.Option("--answers", "-a", help="Answers as YAML or JSON ('-' for stdin); see --template.",
                     show_default=False, metavar="FILE"),
    ] = None,
    template: Annotated[bool, typer.Option("--template", help="Print a commented answers file and exit.")] = False,
    background: Annotated[str | None, typer.Option(help="software-engineer, product-manager, data-scientist, "
                                                      "student or other.", show_default=False, metavar="NAME")] = None,
    experience: Annotated[int | None, typer.Option("--experience", help="Years of experience.",
                                                      show_default=False, metavar="YEARS")] = None,
    skills: SkillsOpt = None,
    interests: Annotated[str | None, typer.Option(help="Comma-separated, e.g. 'build-models, deploy-systems'.",
                                                     show_default=False, metavar="LIST")] = None,
    industries: Annotated[str | None, typer.Option(help="Comma-separated, e.g. 'finance, healthcare'.",
                                                      show_default=False, metavar="LIST")] = None,
    location: Location = None,
    hours_per_week: Annotated[int | None, typer.Option("--hours-per-week", help="Hours a week for learning.",
                                                          show_default=False, metavar="HOURS")] = None,
    salary_goal: Annotated[int | None, typer.Option("--salary-goal", help="US dollars a year.",
                                                       show_default=False, metavar="USD")] = None,
    reuse: Annotated[bool, typer.Option("--reuse", help="Take answers still missing from your saved profile.")] = False,
    top: Annotated[int, typer.Option(help="How many top matches to explain.", min=1, max=10, metavar="N")] = 2,
    no_save: NoSave = False,
    json_out: Json = False,
    data_dir: DataDir = None,
) -> None:
    """Answer a few questions; get AI roles ranked by fit, with the reasons, gaps and pay.

    Answers come from --answers and the flags first, then (with --reuse) your
    saved profile, and only then from prompts, which ask just what is missing.

    \b
    Examples:
      aicareer assess                        (the questionnaire, about 3 minutes)
      aicareer assess --template > me.yaml     then edit me.yaml
      aicareer assess --answers me.yaml --json
      aicareer assess --reuse --location sf    (change one answer)
    """
    from aicareer import assessment, jsonshape, profile
    from aicareer.files import read_answers_file

    cat = _catalogue(data_dir)
    if template:
        from aicareer.render.template import answers_template

        sys.stdout.write(answers_template(cat))
        return
    raw: dict[str, Any] = read_answers_file(answers_file) if answers_file is not None else {}
    flags = {"background": background, "experience_years": experience, "skills": skills,
             "interests": interests, "industries": industries, "location": location,
             "hours_per_week": hours_per_week, "salary_goal": salary_goal}
    raw.update({k: v for k, v in flags.items() if v is not None})
    saved: dict[str, Any] = {}
    if reuse:
        saved, warning = profile.saved_answers()
        if warning:
            sys.stderr.write(f"aicareer: warning: {warning}\n")
        for key, value in saved.items():
            if key in cat.questions:
                raw.setdefault(key, value)
    given = answers_file is not None or any(v is not None for v in flags.values()) or reuse
    missing = assessment.missing_keys(cat, raw, optional=not given)
    if missing:
        if not sys.stdin.isatty():
            raise InputError(f"no terminal to ask the questions; missing: {', '.join(missing)}. "
                             "Give them with --answers FILE (aicareer assess --template prints one) or flags.")
        from aicareer import prompts

        raw.update(prompts.ask(cat, missing, saved))
    result = assessment.assess(cat, assessment.parse_answers(cat, raw), top=top)
    saved_to = None
    if not no_save:
        summary = {"top": [m.role.id for m in result.top_matches],
                   "scores": {m.role.id: m.score for m in result.matches}}
        saved_to = str(profile.save_profile(result.answers.to_dict(), summary))
    if json_out:
        print_json(jsonshape.assessment(cat, result, saved_to))
        return
    from aicareer.render.assess_view import assess_view

    show(assess_view(cat, result, saved_to))


def known_skills(cat: Any, skills: str | None, resume: Path | None) -> tuple[set[str], str, int | None]:
    """Skill ids the user has, where they came from, and their hours a week (if saved).

    --skills and --resume are used together; without either, the saved profile.
    """
    from aicareer import postings, profile
    from aicareer.files import read_user_text

    known: set[str] = set()
    sources: list[str] = []
    if skills is not None:
        names = [s.strip() for s in skills.split(",") if s.strip()]
        known |= {cat.resolve_skill(n).id for n in names}
        sources.append(f"--skills ({len(names)})")
    if resume is not None:
        text, name = read_user_text(resume, "resume")
        found = postings.found_in(postings.Matcher.build(cat.skills.values()), text)
        known |= set(found)
        sources.append(f"{name} ({len(found)} catalogue skills found)")
    saved, warning = profile.saved_answers()
    if warning:
        sys.stderr.write(f"aicareer: warning: {warning}\n")
    hours = saved.get("hours_per_week") if isinstance(saved.get("hours_per_week"), int) else None
    if not sources:
        if saved.get("skills"):
            known = {cat.resolve_skill(str(n)).id for n in saved["skills"]}
            sources.append(f"your saved profile ({len(known)})")
        else:
            sources.append("none given (use --skills, --resume, or run aicareer assess)")
    return known, ", ".join(sources), hours


@app.command()
@handled
def gap(
    role: Annotated[str | None, typer.Argument(help="A role by id, alias or name (optional with --job).",
                                                  show_default=False, metavar="ROLE")] = None,
    skills: SkillsOpt = None,
    resume: Annotated[Path | None, typer.Option("--resume", help="A plain-text resume to read your skills from.",
                                                   show_default=False, metavar="FILE")] = None,
    job: Annotated[Path | None, typer.Option("--job", help="A job posting (plain text; '-' for stdin).",
                                                show_default=False, metavar="FILE")] = None,
    json_out: Json = False,
    data_dir: DataDir = None,
) -> None:
    """What you have and what you lack, for a role or a job posting, most important first.

    Your skills come from --skills and --resume, or else from your saved profile.

    \b
    Examples:
      aicareer gap mle --skills "Python, PyTorch, Docker"
      aicareer gap mle                       (skills from your saved profile)
      aicareer gap mle --resume resume.txt
      aicareer gap --job posting.txt --resume resume.txt

      cat posting.txt | aicareer gap --job -
    """
    if role is None and job is None:
        raise InputError("give a ROLE (e.g. aicareer gap mle) or a posting with --job FILE")
    if str(resume) == "-" and str(job) == "-":
        raise InputError("only one of --resume and --job can read standard input")
    from aicareer import gaps, jsonshape, postings
    from aicareer.files import read_user_text

    cat = _catalogue(data_dir)
    found_role = cat.resolve_role(role) if role is not None else None
    known, known_from, hours = known_skills(cat, skills, resume)
    role_gap = gaps.role_gap(cat, found_role, known) if found_role else None
    posting = None
    if job is not None:
        text, name = read_user_text(job, "posting")
        if not text.strip():
            raise InputError(f"posting {name} is empty")
        posting = (name, postings.analyse(cat, text, known))
        if not posting[1].skills:
            sys.stderr.write(f"aicareer: no catalogue skills found in {name}\n")
    if json_out:
        out: dict[str, Any] = {"data_as_of": cat.reviewed.isoformat()}
        if role_gap:
            out["role_gap"] = jsonshape.role_gap(cat, role_gap, known_from)
        if posting:
            out["posting"] = jsonshape.posting(posting[0], posting[1], known_from)
        print_json(out)
        return
    from aicareer.render import gap_view

    if posting and posting[1].skills:
        show(gap_view.posting_view(cat, posting[0], posting[1], known_from))
    if role_gap:
        show(gap_view.role_gap_view(cat, role_gap, known_from, hours))


class Format(str, Enum):
    table = "table"
    markdown = "markdown"
    json = "json"
    ics = "ics"


def write_output(path: Path, content: str | bytes) -> None:
    """Write an export atomically; a path that cannot be written is bad input (exit 2)."""
    from aicareer.profile import atomic_write

    try:
        if path.is_dir():
            raise InputError(f"-o {path} is a folder; give a file name")
        atomic_write(path, content if isinstance(content, str) else content.decode("utf-8"), make_folder=False,
                     private=False)
    except InputError:
        raise
    except AicareerError as exc:
        raise InputError(exc.message) from None
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None


@app.command()
@handled
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
    from aicareer.files import read_user_text

    cat = _catalogue(data_dir)
    start_day = planning.parse_start(start)
    saved, warning = profile.saved_answers()
    if warning:
        sys.stderr.write(f"aicareer: warning: {warning}\n")
    if track is None:
        data, _ = profile.load_profile()
        result = (data or {}).get("result")
        top = result.get("top") if isinstance(result, dict) else None
        if not top or not isinstance(top, list):
            raise InputError("give a track with --track (mle, prompt, aipm or nlp), or run aicareer assess first")
        track = str(top[0])
        sys.stderr.write(f"aicareer: track {track} (your top match; change it with --track)\n")
    if background is None:
        background = str(saved.get("background") or "software-engineer")
    background = background.strip().lower()
    saved_hours = saved.get("hours_per_week")
    hours = hours_per_week if hours_per_week is not None else (saved_hours if isinstance(saved_hours, int) else 8)
    if skills is not None:
        known = {cat.resolve_skill(n.strip()).id for n in skills.split(",") if n.strip()}
    else:
        known = {cat.resolve_skill(str(n)).id for n in saved.get("skills") or []}
    job_skills = None
    if job is not None:
        from aicareer import postings

        text, name = read_user_text(job, "posting")
        job_skills = postings.weigh(postings.Matcher.build(cat.skills.values()), text)
        if not job_skills:
            sys.stderr.write(f"aicareer: no catalogue skills found in {name}\n")
    if fmt is Format.ics and start_day is None:
        today = datetime.date.today()
        start_day = datetime.date(today.year + (today.month == 12), today.month % 12 + 1, 1)
        sys.stderr.write(f"aicareer: no --start given; the calendar starts {start_day:%B %Y}\n")
    plan = planning.build_plan(cat, track, background, known=known, job_skills=job_skills,
                               hours_per_week=hours, start=start_day)

    state, warning = profile.load_progress()
    if warning:
        sys.stderr.write(f"aicareer: warning: {warning}\n")
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    record = prog.plan_record(plan, now.isoformat())
    marks, dropped = prog.carry_marks((state or {}).get("marks", {}), record)
    saved_to = None
    if not no_save:
        saved_to = str(profile.save_progress(record, marks))
        if dropped:
            sys.stderr.write(f"aicareer: {len(dropped)} mark(s) dropped: tasks no longer in the plan "
                             f"({', '.join(dropped[:5])})\n")
    question = cat.questions.get("background")
    label = dict(cat.choices(question)).get(plan.background, plan.background) if question else plan.background

    from aicareer.render import plan_writers

    content: str | bytes | None = None
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
            sys.stderr.write(f"aicareer: wrote {output}\n")
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
        sys.stderr.write(f"aicareer: wrote {output}\n")
        return
    show(view)


@app.command()
@handled
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

    cat = _catalogue(data_dir)
    if answers_file is not None:
        raw = read_answers_file(answers_file)
    else:
        raw, warning = profile.saved_answers()
        if warning:
            sys.stderr.write(f"aicareer: warning: {warning}\n")
        if not raw:
            raise InputError("no saved profile: run aicareer assess first, or give --answers FILE")
    result = assessment.assess(cat, assessment.parse_answers(cat, raw))
    role = cat.resolve_role(track) if track else result.matches[0].role
    answers = result.answers
    state, _ = profile.load_progress()
    saved_plan = (state or {}).get("plan", {})
    same_track = saved_plan.get("track") == role.id
    start_day = planning.parse_start(start) if start else (
        planning.parse_start(saved_plan["start"][:7]) if same_track and saved_plan.get("start") else None)
    plan = planning.build_plan(cat, role.id, answers.background, known=answers.skills,
                               hours_per_week=answers.hours_per_week, start=start_day)
    marks = (state or {}).get("marks", {}) if same_track else {}
    model = reporting.build(cat, result, gaps.role_gap(cat, role, answers.skills), plan, marks,
                            pacing_text(plan.pacing), name, datetime.date.today())
    write_output(output, render(model))
    sys.stderr.write(f"aicareer: wrote {output} (open it in a browser; it prints on one page a section)\n")


progress_app = typer.Typer(
    help="How far along your saved plan you are; mark tasks done, skipped or undone.",
    context_settings={"help_option_names": ["-h", "--help"]},
    invoke_without_command=True,
)
app.add_typer(progress_app, name="progress")


def _progress_state() -> tuple[dict[str, Any], dict[str, str]]:
    from aicareer import profile

    state, warning = profile.load_progress()
    if warning:
        sys.stderr.write(f"aicareer: warning: {warning}\n")
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
        print_json({"plan": {k: plan[k] for k in ("track", "background", "start", "hours_per_week", "saved")},
                    "done_hours": summary.done_hours, "total_hours": summary.total_hours,
                    "share": round(summary.share, 4), "done_tasks": summary.done_tasks,
                    "skipped_tasks": summary.skipped_tasks, "open_tasks": summary.open_tasks,
                    "months": [{"number": m.number, "label": m.label, "done_hours": m.done_hours,
                                "total_hours": m.total_hours, "share": round(m.share, 4)} for m in summary.months],
                    "next": [t["id"] for t in summary.next_tasks], "marks": marks})
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
    sys.stderr.write(f"aicareer: {word}: {', '.join(ids)}. Overall {round(summary.share * 100)}% "
                     f"({summary.done_hours} of {summary.total_hours} h)\n")


TaskIds = Annotated[list[str], typer.Argument(help="Task ids, as shown in the plan.", metavar="TASK...")]


@progress_app.command("done")
@handled
def progress_done(tasks: TaskIds) -> None:
    """Mark tasks done. Example: aicareer progress done se-python"""
    _mark("done", tasks)


@progress_app.command("skip")
@handled
def progress_skip(tasks: TaskIds) -> None:
    """Skip tasks: they no longer count. Example: aicareer progress skip net-conference"""
    _mark("skip", tasks)


@progress_app.command("undo")
@handled
def progress_undo(tasks: TaskIds) -> None:
    """Clear the marks of tasks. Example: aicareer progress undo se-python"""
    _mark("undo", tasks)


@data_app.command("validate")
@handled
def data_validate(
    folder: Annotated[
        Path | None,
        typer.Argument(help="The custom data folder to check (default: the bundled data).", show_default=False,
                       metavar="DIR"),
    ] = None,
    json_out: Json = False,
) -> None:
    """Check a data folder layered over the bundled data; list every problem, with file and line.

    \b
    Examples:
      aicareer data validate ./my-data
      aicareer data validate          (the bundled data)
    """
    from aicareer.errors import EXIT_USAGE
    from aicareer.loader import bundled_data_dir, validate

    problems = validate(folder)
    if json_out:
        print_json({"folder": str(folder or bundled_data_dir()), "ok": not problems, "problems": problems})
    else:
        for p in problems:
            sys.stdout.write(p + "\n")
        sys.stderr.write(f"aicareer: {len(problems)} problem(s) found\n" if problems
                         else f"aicareer: {folder or bundled_data_dir()}: data is valid\n")
    if problems:
        raise typer.Exit(EXIT_USAGE)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("Aborted.\n")
        sys.exit(EXIT_INTERRUPTED)
