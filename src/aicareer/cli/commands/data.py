"""data validate: check a custom data folder."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from aicareer.cli.app import (
    Json,
    command,
    data_app,
    notice,
    print_json,
)
from aicareer.cli.output import JSON_META, wants_json

data_app.info.help = ("Check a custom data folder (see --data-dir).\n\n\b\nExamples:\n"
                      "  aicareer data validate ./my-data\n  aicareer data validate --json")


@data_app.callback()
def _data_group(ctx: typer.Context, json_out: Json = False) -> None:
    ctx.meta[JSON_META] = json_out  # `data --json validate` = `data validate --json`


@command("validate", on=data_app)
def data_validate(
    ctx: typer.Context,
    folder: Annotated[
        Path | None,
        typer.Argument(help="The custom data folder to check (default: the bundled data).", show_default=False,
                       metavar="DIR"),
    ] = None,
    json_out: Json = False,
) -> None:
    """Check a data folder layered over the bundled data.

    Lists every problem with its file and line (as a list with --json); exits 2
    if there is any.

    \b
    Examples:
      aicareer data validate ./my-data
      aicareer data validate          (the bundled data)
      aicareer data validate ./my-data --json
    """
    json_out = wants_json(ctx, json_out)
    from aicareer.catalogue import places
    from aicareer.catalogue.loader import bundled_data_dir, validate
    from aicareer.core.errors import EXIT_USAGE

    problems = validate(folder) + places.check(folder)
    if json_out:
        print_json({"folder": str(folder or bundled_data_dir()), "ok": not problems, "problems": problems})
    else:
        from aicareer.core.safe_text import printable

        for p in problems:  # a folder or file name may hold control characters: shown escaped
            sys.stdout.write(printable(p, one_line=True) + "\n")
        notice(f"{len(problems)} problem(s) found" if problems else f"{folder or bundled_data_dir()}: data is valid")
    if problems:
        raise typer.Exit(EXIT_USAGE)
