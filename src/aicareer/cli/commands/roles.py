"""roles and role: the catalogue, and one role's profile."""

from typing import Annotated

import typer

from aicareer.cli.app import (
    DataDir,
    Json,
    command,
    load_data,
    print_json,
    show,
)


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
    from aicareer.render.role_view import roles_view

    show(roles_view(cat))


@command("role")
def role_cmd(
    role: Annotated[str, typer.Argument(
        help="A role by id, name, alias or job title, in any spelling: mle, 'AI engineer', 'Sr. Data Scientist'.",
        metavar="ROLE")],
    json_out: Json = False,
    data_dir: DataDir = None,
) -> None:
    """One role's profile: pay, skills, tools, trend, who hires.

    Pay: the published range, BLS base wages and survey pay, each with its source.

    \b
    Examples:
      aicareer role mle
      aicareer role "A.I. Engineer"
      aicareer role "Software Engineer, Machine Learning"
      aicareer role "AI product manager" --json
    """
    cat = load_data(data_dir)
    found = cat.resolve_role(role)
    if json_out:
        from aicareer.render import json_shapes

        print_json(json_shapes.role(cat, found))
        return
    from aicareer.render.role_view import role_view

    show(role_view(cat, found))
