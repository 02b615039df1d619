"""locations: the places --location understands (BLS OEWS areas), found by name."""

from typing import Annotated

import typer

from aicareer.cli.app import DataDir, Json, command, print_json, show


@command()
def locations(
    query: Annotated[
        str | None, typer.Argument(help="Part of a place name ('port', 'seattle', 'tx'); default: every place.",
                                   show_default=False, metavar="QUERY")
    ] = None,
    json_out: Json = False,
    data_dir: DataDir = None,
) -> None:
    """The US places --location accepts, found by name.

    The nation, states, metro and nonmetro areas, with their BLS names.

    \b
    Examples:
      aicareer locations port
      aicareer locations "bay area"
      aicareer locations --json
    """
    from aicareer.catalogue.places import index_for
    from aicareer.render.locations_view import places_found

    index = index_for(data_dir)
    found = places_found(index, query or "")
    if json_out:
        from aicareer.render import json_shapes

        print_json(json_shapes.locations(query, found))
        return
    from aicareer.render.locations_view import locations_view

    show(locations_view(query, found))
