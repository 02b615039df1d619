"""compare: the AI roles' pay side by side, adjusted by place and level."""

from typing import Annotated

import typer

from aicareer.cli.app import (
    DataDir,
    Json,
    Level,
    command,
    load_data,
    print_json,
    show,
)

Place = Annotated[
    str | None,
    typer.Option("--location", "-l", help="A US metro, state or the nation ('seattle', 'Seattle, WA', 'bay area', "
                 "'texas', 'us'; 'remote' = national figures): adjusts pay by BLS wages (an estimate). "
                 "aicareer locations lists them.", show_default=False, metavar="PLACE"),
]


@command()
def compare(
    roles: Annotated[
        list[str] | None, typer.Argument(help="Roles by id, alias or name (default: all).", show_default=False,
                                      metavar="ROLE...")
    ] = None,
    location: Place = None,
    level: Level = None,
    sort: Annotated[str, typer.Option(help="midpoint, low, high or name; any case.", metavar="KEY",
                                      autocompletion=lambda: ["midpoint", "low", "high", "name"])] = "midpoint",
    reference: Annotated[
        bool, typer.Option("--reference/--no-reference", help="Show BLS reference occupations under the roles.")
    ] = True,
    json_out: Json = False,
    data_dir: DataDir = None,
) -> None:
    """Salary ranges of the AI roles side by side, on one scale.

    Adjusted by place (BLS wage ratios) and level: estimates, with their method.

    \b
    Examples:
      aicareer compare
      aicareer compare mle --location seattle
      aicareer compare mle prompt --location "bay area" --level senior
      aicareer compare --sort low --no-reference --json
    """
    from aicareer.catalogue.wages import WageTable
    from aicareer.domain import salary

    sort = sort.strip().lower()
    cat = load_data(data_dir)
    places = None
    if location is not None:
        from aicareer.catalogue.places import index_for

        places = index_for(data_dir)
    comp = salary.compare(cat, roles, location=location, level=level, sort=sort, places=places,
                          wages=WageTable.open())
    refs = list(cat.occupations.values()) if reference else []
    if json_out:
        from aicareer.render import json_shapes

        print_json(json_shapes.comparison(cat, comp, refs))
        return
    from aicareer.render.compare_view import compare_view

    show(compare_view(cat, comp, refs))
