"""progress: how far along the saved plan the person is; marking tasks."""

from typing import Annotated, Any

import typer

from aicareer.cli.app import Json, app, command, handled, notice, print_json, show
from aicareer.cli.output import HOURS, JSON_META, check_hours, wants_json
from aicareer.core.errors import AicareerError

progress_app = typer.Typer(
    help=("How far along your saved plan you are; mark tasks.\n\n"
          "Shows a bar per month and overall. Today is the computer's date; AICAREER_TODAY=YYYY-MM-DD "
          "sets another (for tests and demos).\n\n\b\nExamples:\n"
          "  aicareer progress\n  aicareer progress --json\n  aicareer progress done se-python se-sklearn\n"
          "  aicareer progress skip net-conference\n  aicareer progress undo se-python\n"
          "  aicareer progress replan --hours-per-week 6"),
    context_settings={"help_option_names": ["-h", "--help"]},
    invoke_without_command=True,
)
app.add_typer(progress_app, name="progress")


def _progress_state() -> tuple[dict[str, Any], dict[str, str]]:
    from aicareer.state import progress_store

    state = progress_store.load_progress()
    if state is None:
        raise AicareerError("no saved plan yet; make one with aicareer roadmap --track mle (aicareer roles lists the tracks)")
    return state["plan"], {str(k): str(v) for k, v in state["marks"].items()}


@progress_app.callback()
@handled
def progress_show(ctx: typer.Context, json_out: Json = False) -> None:
    """How far along your saved plan you are; mark tasks.

    Shows a bar per month and overall. `progress --json done ID` and
    `progress done ID --json` both print the result as JSON.

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
        ctx.meta[JSON_META] = json_out  # `progress --json done ID`: the subcommand prints JSON
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


def _print_result(action: str, ids: list[str], plan: dict[str, Any], marks: dict[str, str]) -> None:
    """The plan's progress after an action, as `progress --json` prints it, with the action and its tasks."""
    from aicareer.core import months as cal
    from aicareer.domain import progress as prog
    from aicareer.render import json_shapes

    summary = prog.summarise(plan, marks)
    shape = json_shapes.progress(plan, summary, marks, prog.standing(plan, marks, cal.today()))
    print_json({"action": action, "tasks": ids, **shape})


def _mark(action: str, ids: list[str], json_out: bool = False) -> None:
    from aicareer.domain import progress as prog
    from aicareer.state import progress_store

    plan, marks = _progress_state()
    new = prog.apply(marks, plan, action, ids)
    progress_store.save_progress(plan, new)
    summary = prog.summarise(plan, new)
    word = {"done": "marked done", "skip": "skipped", "undo": "unmarked"}[action]
    notice(f"{word}: {', '.join(ids)}. Overall {round(summary.share * 100)}% "
           f"({summary.done_hours} of {summary.total_hours} h)")
    if json_out:
        _print_result(action, ids, plan, new)


TaskIds = Annotated[list[str], typer.Argument(help="Task ids, as shown in the plan.", metavar="TASK...")]


@command("done", on=progress_app)
def progress_done(ctx: typer.Context, tasks: TaskIds, json_out: Json = False) -> None:
    """Mark tasks done.

    \b
    Examples:
      aicareer progress done se-python
      aicareer progress done se-python se-sklearn --json
    """
    _mark("done", tasks, wants_json(ctx, json_out))


@command("skip", on=progress_app)
def progress_skip(ctx: typer.Context, tasks: TaskIds, json_out: Json = False) -> None:
    """Skip tasks: they no longer count.

    \b
    Examples:
      aicareer progress skip net-conference
      aicareer progress skip net-conference --json
    """
    _mark("skip", tasks, wants_json(ctx, json_out))


@command("undo", on=progress_app)
def progress_undo(ctx: typer.Context, tasks: TaskIds, json_out: Json = False) -> None:
    """Clear the marks of tasks.

    \b
    Examples:
      aicareer progress undo se-python
      aicareer progress undo se-python --json
    """
    _mark("undo", tasks, wants_json(ctx, json_out))


@command("replan", on=progress_app)
def progress_replan(
    ctx: typer.Context,
    hours_per_week: Annotated[int | None, typer.Option("--hours-per-week", "-w", help=f"A new pace, {HOURS[0]}-"
                                                       f"{HOURS[1]} hours a week (default: the plan's).",
                                                       show_default=False, metavar="HOURS")] = None,
    json_out: Json = False,
) -> None:
    """Re-pace the open tasks from today; every mark is kept.

    The pace is the plan's hours a week, or a new one with -w.

    \b
    Examples:
      aicareer progress replan
      aicareer progress replan -w 6 --json
    """
    from aicareer.core import months as cal
    from aicareer.domain import progress as prog
    from aicareer.state import progress_store

    check_hours(hours_per_week)
    plan, marks = _progress_state()
    today = cal.today()
    new = prog.replan(plan, marks, today, hours_per_week)
    progress_store.save_progress(new, marks)
    months = new["months"]
    end = f"; the last month is {months[-1]['label']}" if months else ""
    notice(f"re-paced {sum(1 for t in new['tasks'] if t['month'])} open task(s) from {today:%-d %B %Y} at "
           f"{new['hours_per_week']} h a week: {len(months)} month(s){end}; {len(marks)} mark(s) kept")
    if wants_json(ctx, json_out):
        _print_result("replan", [], new, marks)
