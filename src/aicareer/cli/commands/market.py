"""market: the hiring market's figures, places and industries."""

from aicareer.cli.app import (
    DataDir,
    Json,
    command,
    load_data,
    print_json,
    show,
)


@command()
def market(json_out: Json = False, data_dir: DataDir = None) -> None:
    """The hiring market: figures, hotspots, metro pay, industries.

    Macro numbers, where AI jobs are, metro pay (BLS), industries hiring and cooling.

    \b
    Examples:
      aicareer market
      aicareer market --json
    """
    from aicareer.catalogue.wages import WageTable
    from aicareer.domain.salary import metro_figures

    cat = load_data(data_dir)
    wages = WageTable.open()
    occs = metro_figures(cat, wages)
    period = f"BLS OEWS {wages.meta.period}"
    if json_out:
        from aicareer.render import json_shapes

        print_json(json_shapes.market(cat, occs, period))
        return
    from aicareer.render.market_view import market_view

    show(market_view(cat, occs, period))
