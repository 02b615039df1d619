"""profile: see, locate or delete what aicareer has saved (answers, plan, offers)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from aicareer.cli.app import Json, app, command, notice, print_json, show
from aicareer.cli.output import JSON_META, wants_json
from aicareer.core.errors import InputError

profile_app = typer.Typer(
    help="See, locate or delete your saved answers, plan and offers.\n\n\b\nExamples:\n"
         "  aicareer profile show\n  aicareer profile path\n  aicareer profile reset --yes",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
)
# listed with the other groups, just before `data`
_groups = [g.name for g in app.registered_groups]
app.registered_groups.insert(_groups.index("data") if "data" in _groups else len(_groups),
                             typer.models.TyperInfo(profile_app, name="profile"))



@profile_app.callback()
def _profile_group(ctx: typer.Context, json_out: Json = False) -> None:
    ctx.meta[JSON_META] = json_out  # `profile --json show` = `profile show --json`


#: the files aicareer writes in its folder, with what each holds
SAVED = {"profile.json": "your answers and your last assessment",
         "progress.json": "your plan and what you marked done or skipped",
         "offers.yaml": "your saved offers", "offers.json": "your saved offers"}


def _saved_files(folder: Path) -> list[Path]:
    """aicareer's files in the folder (and the damaged copies it kept aside), in a fixed order."""
    if not folder.is_dir():
        return []
    known = [folder / name for name in SAVED if (folder / name).is_file()]
    aside = sorted(p for p in folder.iterdir() if p.is_file() and p.name.split(".corrupt-")[0] in SAVED
                   and ".corrupt-" in p.name)
    return known + aside


def _summary() -> dict[str, Any]:
    """What is saved, as data: the folder, the answers, the plan in brief, the files."""
    from aicareer.state import profile, progress_store
    from aicareer.state.store import home

    folder = home()
    saved = profile.load_profile() or {}
    answers = saved["answers"] if isinstance(saved.get("answers"), dict) else None
    result: dict[str, Any] = saved["result"] if isinstance(saved.get("result"), dict) else {}
    state = progress_store.load_progress() or {}
    plan = state["plan"] if isinstance(state.get("plan"), dict) else None
    marks: dict[str, Any] = state["marks"] if isinstance(state.get("marks"), dict) else {}
    plan_out = None
    if plan is not None:
        tasks = plan.get("tasks") or []
        plan_out = {"track": plan.get("track"), "start": plan.get("start"), "tasks": len(tasks),
                    "done": sum(1 for v in marks.values() if v == "done"),
                    "skipped": sum(1 for v in marks.values() if v == "skipped")}
    return {
        "folder": str(folder),
        "saved": saved.get("saved"),
        "answers": answers,
        "top": [str(t) for t in result.get("top", [])] if isinstance(result.get("top"), list) else [],
        "plan": plan_out,
        "files": [{"name": p.name, "path": str(p), "bytes": p.stat().st_size,
                   "holds": SAVED.get(p.name, "a damaged copy kept aside")} for p in _saved_files(folder)],
    }


def _value(value: Any) -> str:
    if value is None or value == [] or value == "":
        return "-"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _view(data: dict[str, Any]) -> Any:
    from rich.text import Text

    from aicareer.render.common import spaced
    from aicareer.render.grid import Col, Grid

    parts: list[Any] = [Text.assemble(("Saved in ", "bold"), (data["folder"], "bold"))]
    if data["answers"]:
        rows = [(key.replace("_", " "), _value(value)) for key, value in data["answers"].items()]
        title = "Your answers" + (f" (saved {data['saved']})" if data["saved"] else "")
        parts.append(Grid([Col(wrap=False, style="dim"), Col()], rows, title=title, header=False, narrow=0))
        if data["top"]:
            parts.append(Text(f"Top matches then: {', '.join(data['top'])}"))
    else:
        parts.append(Text("No saved answers (aicareer assess saves them).", style="dim"))
    plan = data["plan"]
    if plan:
        start = f", starting {str(plan['start'])[:7]}" if plan.get("start") else ""
        parts.append(Text(f"Your plan: track {plan['track']}{start}; {plan['tasks']} tasks, "
                          f"{plan['done']} done, {plan['skipped']} skipped (aicareer progress)"))
    else:
        parts.append(Text("No saved plan (aicareer roadmap --track ID saves one).", style="dim"))
    if data["files"]:
        parts.append(Grid([Col(wrap=False), Col(style="dim")], [(f["name"], f["holds"]) for f in data["files"]],
                          title="Files", header=False, narrow=0))
    return spaced(parts)


@command("show", on=profile_app)
def profile_show(ctx: typer.Context, json_out: Json = False) -> None:
    """What is saved: your answers, your plan, the files.

    Your answers, your plan in brief, and the files that hold them.

    \b
    Examples:
      aicareer profile show
      aicareer profile show --json
    """
    json_out = wants_json(ctx, json_out)
    data = _summary()
    if json_out:
        print_json(data)
    else:
        show(_view(data))


@command("path", on=profile_app)
def profile_path(ctx: typer.Context, json_out: Json = False) -> None:
    """Print the folder where aicareer saves your data.

    Your answers, plan and offers live there; $AICAREER_HOME sets another.

    \b
    Examples:
      aicareer profile path
      ls "$(aicareer profile path)"
    """
    json_out = wants_json(ctx, json_out)
    from aicareer.state.store import home

    if json_out:
        print_json({"folder": str(home())})
    else:
        sys.stdout.write(f"{home()}\n")


@command("reset", on=profile_app)
def profile_reset(
    ctx: typer.Context,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask; delete at once.")] = False,
    json_out: Json = False,
) -> None:
    """Delete everything saved, after you confirm.

    Your answers, plan and offers; --yes deletes without asking (for scripts).

    \b
    Examples:
      aicareer profile reset          (asks first)
      aicareer profile reset --yes    (no question: for scripts)
    """
    json_out = wants_json(ctx, json_out)
    from aicareer.state.store import home

    folder = home()
    files = _saved_files(folder)
    if not files:
        if json_out:
            print_json({"folder": str(folder), "deleted": []})
        notice(f"nothing saved in {folder}")
        return
    if not yes:
        if not sys.stdin.isatty():
            raise InputError("profile reset deletes your saved files: confirm in a terminal, or add --yes")
        names = ", ".join(p.name for p in files)
        if not typer.confirm(f"Delete {names} from {folder}?", default=False, err=True):
            notice("nothing deleted")
            return
    deleted = []
    for path in files:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            from aicareer.core.errors import AicareerError

            raise AicareerError(f"cannot delete {path}: {exc.strerror or exc}") from None
        deleted.append(path.name)
    if json_out:
        print_json({"folder": str(folder), "deleted": deleted})
    notice(f"deleted {', '.join(deleted)} from {folder}")
