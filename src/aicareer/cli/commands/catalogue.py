"""compare, roles, role, market and data validate: views of the catalogue."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from aicareer.cli.app import (
    DataDir,
    Json,
    Level,
    Location,
    command,
    data_app,
    load_data,
    notice,
    print_json,
    show,
)


@command()
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
    from aicareer.domain import salary

    cat = load_data(data_dir)
    comp = salary.compare(cat, roles, location=location, level=level, sort=sort)
    refs = list(cat.occupations.values()) if reference else []
    if json_out:
        from aicareer.render import json_shapes

        print_json(json_shapes.comparison(cat, comp, refs))
        return
    from aicareer.render.catalogue_views import compare_view

    show(compare_view(cat, comp, refs))


@command("roles")
def roles_cmd(json_out: Json = False, data_dir: DataDir = None) -> None:
    """The catalogue of AI roles, one line a role.

    \b
    Examples:
      aicareer roles
      aicareer roles --json
    """
    cat = load_data(data_dir)
    if json_out:
        from aicareer.render import json_shapes

        print_json(json_shapes.roles(cat))
        return
    from aicareer.render.catalogue_views import roles_view

    show(roles_view(cat))


@command("role")
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
    cat = load_data(data_dir)
    found = cat.resolve_role(role)
    if json_out:
        from aicareer.render import json_shapes

        print_json(json_shapes.role(cat, found))
        return
    from aicareer.render.catalogue_views import role_view

    show(role_view(cat, found))


@command()
def market(json_out: Json = False, data_dir: DataDir = None) -> None:
    """The hiring market: macro numbers, hotspots, metro pay, industries hiring and cooling.

    \b
    Examples:
      aicareer market
      aicareer market --json
    """
    cat = load_data(data_dir)
    if json_out:
        from aicareer.render import json_shapes

        print_json(json_shapes.market(cat))
        return
    from aicareer.render.catalogue_views import market_view

    show(market_view(cat))



@command("validate", on=data_app)
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
    from aicareer.catalogue.loader import bundled_data_dir, validate
    from aicareer.core.errors import EXIT_USAGE

    problems = validate(folder)
    if json_out:
        print_json({"folder": str(folder or bundled_data_dir()), "ok": not problems, "problems": problems})
    else:
        for p in problems:
            sys.stdout.write(p + "\n")
        notice(f"{len(problems)} problem(s) found" if problems else f"{folder or bundled_data_dir()}: data is valid")
    if problems:
        raise typer.Exit(EXIT_USAGE)
