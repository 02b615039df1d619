"""offer: what a job offer is worth over four years, several offers side by side, and where each stands."""

from pathlib import Path
from typing import Annotated, Any

import typer

from aicareer.cli.app import DataDir, Json, command, load_data, notice, print_json, show
from aicareer.core.errors import InputError


def _opt(help_text: str, metavar: str = "TEXT", *names: str) -> Any:
    return typer.Option(*names, help=help_text, show_default=False, metavar=metavar, rich_help_panel="One offer")


@command()
def offer(
    base: Annotated[str | None, _opt("Yearly base salary: 185000, $185,000 or 185k.", "AMOUNT")] = None,
    bonus: Annotated[str | None, _opt("Target bonus: a share of base (10%) or dollars (15k).", "AMOUNT|%")] = None,
    sign_on: Annotated[str | None, _opt("One-off sign-on bonus, paid in year 1.", "AMOUNT")] = None,
    equity: Annotated[str | None, _opt("The whole equity grant's value in dollars when granted.", "AMOUNT")] = None,
    vesting: Annotated[str | None, _opt("25/25/25/25 (default), 5/15/40/40, monthly or 'monthly 3y'.",
                                        "SCHEDULE")] = None,
    cliff: Annotated[str | None, _opt("Months before anything vests (default 12 with equity; 0 = none).",
                                      "MONTHS")] = None,
    refresh: Annotated[str | None, _opt("A refresher grant's value, given at the end of each year.",
                                        "AMOUNT")] = None,
    growth: Annotated[str | None, _opt("Assumed yearly change in the equity's value (10%, -20%; default 0).",
                                       "PERCENT")] = None,
    role: Annotated[str | None, _opt("The role, as 'aicareer roles' lists it (for the market placement).",
                                     "ROLE")] = None,
    location: Annotated[str | None, _opt("Where: a US city, metro or state, us or remote (e.g. seattle, sf).",
                                         "PLACE", "--location", "-l")] = None,
    level: Annotated[str | None, _opt("entry, mid or senior (narrows the article's range).", "LEVEL")] = None,
    label: Annotated[str | None, _opt("The offer's name (default: Offer).")] = None,
    offers_file: Annotated[
        Path | None,
        typer.Option("--offers", help="Several offers in a YAML/JSON file ('-' = standard input; see --template).",
                     show_default=False, metavar="FILE"),
    ] = None,
    template: Annotated[bool, typer.Option("--template", help="Print a commented offers file and exit.")] = False,
    save: Annotated[bool, typer.Option("--save", help="Save these offers (aicareer report shows them).")] = False,
    json_out: Json = False,
    data_dir: DataDir = None,
) -> None:
    """What a job offer is worth, year by year; offers side by side.

    Cash and equity apart, several offers ranked side by side, and where each
    stands against the market.

    Without an offer, shows the offers you saved with --save.

    \b
    Examples:
      aicareer offer --base 185k --bonus 10% --equity 400k --role mle -l seattle
      aicareer offer --base 160k --equity 240k --vesting 5/15/40/40 --growth 10%
      aicareer offer --base 170k --equity 300k --vesting monthly --cliff 0
      aicareer offer --template > offers.yaml     (edit it, then:)
      aicareer offer --offers offers.yaml --save
      aicareer offer --offers offers.yaml --json
    """
    from aicareer.domain.offer_input import TEMPLATE

    if template:
        typer.echo(TEMPLATE, nl=False)
        return
    flags = {"base": base, "bonus": bonus, "sign_on": sign_on, "equity": equity, "vesting": vesting,
             "cliff": cliff, "refresh": refresh, "growth": growth, "role": role, "location": location,
             "level": level, "label": label}
    given = {k: v for k, v in flags.items() if v is not None}
    offers = _offers(offers_file, given)
    cat = load_data(data_dir)
    from aicareer.catalogue.places import PlaceIndex
    from aicareer.catalogue.wages import WageTable
    from aicareer.domain.offer_market import place_offer
    from aicareer.domain.offers import OfferError, compare_offers

    try:
        comp = compare_offers(offers)
    except OfferError as exc:
        raise InputError(str(exc)) from None
    overlays = [data_dir / "places.yaml"] if data_dir is not None else []
    places, table = PlaceIndex.load(overlays=overlays), WageTable.open()
    placements = {r.value.offer.label: place_offer(cat, r.value, places, table) for r in comp.ranked}
    saved_to = None
    if save:
        from aicareer.state.offers_store import save_offers

        saved_to = str(save_offers(offers))
    if json_out:
        from aicareer.render import json_shapes

        print_json(json_shapes.offers(cat, comp, placements, saved_to))
    else:
        from aicareer.render.offer_view import OfferView

        show(OfferView(comp, placements))
    if saved_to:
        notice(f"saved {len(offers)} offer{'s' * (len(offers) > 1)} to {saved_to} (aicareer report shows them)")


def _offers(offers_file: Path | None, given: dict[str, str]) -> list[Any]:
    """The offers from --offers, from the flags, or the saved ones; OfferError -> InputError (exit 2)."""
    from aicareer.domain.offer_input import offer_from_mapping, offers_from_mapping
    from aicareer.domain.offers import OfferError

    try:
        if offers_file is not None:
            if given:
                raise InputError(f"give either --offers FILE or one offer's flags (--{next(iter(given))}...), "
                                 "not both")
            return offers_from_mapping(_read(offers_file))
        if given:
            return [offer_from_mapping({"label": "Offer", **given}, "offer")]
    except OfferError as exc:
        raise InputError(str(exc)) from None
    from aicareer.state.offers_store import load_offers

    saved = load_offers()
    if not saved:
        raise InputError("no offer: give --base AMOUNT (and more), or --offers FILE (see --template)")
    return saved


def _read(path: Path) -> Any:
    from aicareer.core.yaml_safe import safe_yaml
    from aicareer.readers.user_files import read_user_text

    text, name = read_user_text(path, "offers file")
    if not text.strip():
        raise InputError(f"offers file {name} is empty (aicareer offer --template prints one)")
    yaml, loader = safe_yaml()
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise InputError(f"offers file {name}{f':{mark.line + 1}' if mark else ''}: invalid YAML/JSON: "
                         f"{exc.problem}") from None
    except yaml.YAMLError as exc:
        raise InputError(f"offers file {name}: invalid YAML/JSON: {exc}") from None
