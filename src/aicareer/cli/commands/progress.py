"""progress: how far along the saved plan the person is; marking tasks."""

from typing import Annotated, Any

import typer

from aicareer.cli.app import Json, app, command, handled, notice, print_json, show
from aicareer.core.errors import InputError

progress_app = typer.Typer(
    help="How far along your saved plan you are; mark tasks done, skipped or undone.",
    context_settings={"help_option_names": ["-h", "--help"]},
    invoke_without_command=True,
)
app.add_typer(progress_app, name="progress")


def _progress_state() -> tuple[dict[str, Any], dict[str, str]]:
    from aicareer.state import progress_store

    state = progress_store.load_progress()
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
      aicareer progress replan --hours-per-week 6

    \b
    Today is the computer's date; AICAREER_TODAY=YYYY-MM-DD sets another (for tests and demos).
    """
    if ctx.invoked_subcommand is not None:
        return
    from aicareer.core import months as cal
    from aicareer.domain import progress as prog

    plan, marks = _progress_state()
    summary = prog.summarise(plan, marks)
    standing = prog.standing(plan, marks, cal.today())
    if json_out:
        from aicareer.render import json_shapes

        print_json(json_shapes.progress(plan, summary, marks, standing))
        return
    from aicareer.render.progress_view import progress_view

    show(progress_view(plan, summary, standing))


def _mark(action: str, ids: list[str]) -> None:
    from aicareer.domain import progress as prog
    from aicareer.state import progress_store

    plan, marks = _progress_state()
    new = prog.apply(marks, plan, action, ids)
    progress_store.save_progress(plan, new)
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


@command("replan", on=progress_app)
def progress_replan(
    hours_per_week: Annotated[int | None, typer.Option("--hours-per-week", "-w", help="A new pace (default: the "
                                                       "plan's).", show_default=False, metavar="HOURS")] = None,
) -> None:
    """Re-pace the tasks still open from today, at the plan's hours a week or a new one; every mark is kept.

    \b
    Example: aicareer progress replan -w 6
    """
    from aicareer.core import months as cal
    from aicareer.domain import progress as prog
    from aicareer.state import progress_store

    plan, marks = _progress_state()
    today = cal.today()
    new = prog.replan(plan, marks, today, hours_per_week)
    progress_store.save_progress(new, marks)
    months = new["months"]
    end = f"; the last month is {months[-1]['label']}" if months else ""
    notice(f"re-paced {sum(1 for t in new['tasks'] if t['month'])} open task(s) from {today:%-d %B %Y} at "
           f"{new['hours_per_week']} h a week: {len(months)} month(s){end}; {len(marks)} mark(s) kept")
