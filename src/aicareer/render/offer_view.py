"""offer: each offer's four years (cash and equity apart), the ranking, a chart of yearly pay, the market
placement and the assumptions, laid out as plain lines for the console's width (at most 100 columns)."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator, Sequence

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from aicareer.core.fmt import dollars, money, money_range, percent
from aicareer.domain.offer_market import INTERPOLATION, Placement, WageCheck
from aicareer.domain.offers import Comparison, OfferValue

MAX_WIDTH = 100
CASH, EQUITY = "█", "▒"
ARTICLE_SOURCE = "source: the article, 2025"


def _lines(text: str, width: int, indent: str = "", first: str | None = None, style: str = "") -> Iterator[Text]:
    """Text wrapped to width; first (if given) starts the first line instead of indent."""
    lead = indent if first is None else first
    for line in textwrap.wrap(text, width, initial_indent=lead, subsequent_indent=indent,
                              break_on_hyphens=False) or [""]:
        yield Text(line, style=style)


def _years_table(value: OfferValue) -> Iterator[Text]:
    """Year 1-4 rows: cash (base, bonus, sign-on), equity (grant, refresher), total."""
    years = value.years
    yield Text(f"  {'Year':<10}" + "".join(f"{y.year:>12}" for y in years), style="bold")
    rows: list[tuple[str, list[float], str]] = [("Cash", [y.cash for y in years], "")]
    parts = [("base", "base"), ("bonus", "bonus"), ("sign-on", "sign_on")]
    rows += [(f"  {name}", [getattr(y, attr) for y in years], "dim") for name, attr in parts
             if any(getattr(y, attr) for y in years)]
    rows.append(("Equity", [y.equity for y in years], ""))
    if any(y.refresh for y in years):
        rows += [("  grant", [y.grant for y in years], "dim"), ("  refresher", [y.refresh for y in years], "dim")]
    rows.append(("Total", [y.total for y in years], "bold"))
    for name, figures, style in rows:
        yield Text(f"  {name:<10}" + "".join(f"{dollars(f):>12}" for f in figures), style=style)


def _ranking(comp: Comparison, width: int) -> Iterator[Text]:
    name_width = max(12, min(width - 40, max(len(r.value.offer.label) for r in comp.ranked)))
    yield Text("Ranked by four-year average (a year, before tax)", style="bold")
    yield Text(f"  #  {'Offer':<{name_width}} {'Average':>10}  vs the best", style="dim")
    for r in comp.ranked:
        label = textwrap.shorten(r.value.offer.label, name_width, placeholder="…")
        diff = "best" if r.difference == 0 else (
            f"{'−' + dollars(-r.difference)} ({percent(r.difference_percent, signed=True)})")
        yield Text(f"  {r.rank}  {label:<{name_width}} {dollars(r.value.average):>10}  {diff}")


def _chart(values: Sequence[OfferValue], width: int) -> Iterator[Text]:
    """Yearly pay as stacked bars on one scale: cash then equity."""
    top = max(y.total for v in values for y in v.years) or 1.0
    room = width - 5 - 9  # "  Y1 " + bar + " $323.5k" and a spare column
    yield Text(f"Yearly pay, one scale ({CASH} cash  {EQUITY} equity)", style="bold")
    for v in values:
        yield from _lines(v.offer.label, width, "  ")
        for y in v.years:
            cash = round(room * y.cash / top)
            equity = round(room * y.total / top) - cash
            line = Text(f"  Y{y.year} ")
            line.append(CASH * cash, style="cyan")
            line.append(EQUITY * equity, style="magenta")
            line.append(f" {_short(y.total)}")
            yield line


def _short(value: float) -> str:
    """$324k is not $323,500: a thousand and a half shows its half ($323.5k)."""
    return money(value) if value % 1000 == 0 or value >= 1_000_000 else f"${value / 1000:,.1f}k"


def _wage_sentence(base: float, w: WageCheck, period: str, first: bool) -> str:
    """The brief's sentence for the role's first occupation, a shorter one for the others."""
    if w.area is None:
        return f"{w.occupation} ({w.soc}): no published BLS figure ({w.fallback})"
    around = [f"{point[0]} {money(point[1])}" for point in (w.lower, w.upper) if point is not None]
    where = ("between " + " and ".join(around)) if len(around) == 2 else around[0]
    if first:
        text = f"base {money(base)} is at {w.position} of {w.occupation} in {w.area} ({period}; {where})"
    else:
        text = f"{w.position} of {w.occupation} ({where})"
    return text + (f"; {w.fallback}" if w.fallback else "")


def _placement(value: OfferValue, placement: Placement, width: int) -> Iterator[Text]:
    if placement.note:
        yield from _lines(f"Market: {placement.note} (give role and location, e.g. --role mle --location seattle)",
                          width, "    ", first="  ", style="dim")
        return
    level = f", {_level(placement.level)}"
    yield from _lines(f"Market: {placement.role}{level}, {placement.place}", width, "    ", first="  ")
    a = placement.article
    if a is not None and a.range is None:
        yield from _lines(a.note, width, "    ", first="  - ")
    elif a is not None and a.range is not None:
        rng = ("≈" if a.range.estimate else "") + money_range(a.range.low, a.range.high, a.range.open_top)
        how = f"; ≈ estimate for {_level(placement.level)}, method below" if a.range.estimate else ""
        note = f"; {a.note}" if a.note else ""
        yield from _lines(f"base + equity {money(a.figure)} a year (base + four-year average equity) is {a.position} "
                          f"the article's base + equity range {rng} ({ARTICLE_SOURCE}{how}{note})",
                          width, "    ", first="  - ")
    if not placement.wages:
        yield from _lines("base against base: no BLS occupation is mapped to this role", width, "    ", first="  - ")
    for i, w in enumerate(placement.wages):
        text = _wage_sentence(value.offer.base, w, placement.period, i == 0)
        yield from _lines(("base against base: " if i == 0 else "also ") + text, width, "    ", first="  - ")


def _level(level: str | None) -> str:
    return f"{level} level" if level else "any level"


class OfferView:
    """The whole offer output; placements are in the comparison's order."""

    def __init__(self, comp: Comparison, placements: dict[str, Placement], saved_to: str | None = None) -> None:
        self.comp, self.placements, self.saved_to = comp, placements, saved_to

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(60, min(MAX_WIDTH, options.max_width))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(60, min(MAX_WIDTH, options.max_width))
        values = [r.value for r in self.comp.ranked]
        if len(values) > 1:
            yield from _ranking(self.comp, width)
            yield Text("")
        for r in self.comp.ranked:
            v = r.value
            head = f"{r.rank}. {v.offer.label}" if len(values) > 1 else v.offer.label
            yield from _lines(f"{head}: four-year average {dollars(v.average)} a year, {dollars(v.total)} in all",
                              width, "   ", first="", style="bold")
            yield from _years_table(v)
            yield from _placement(v, self.placements[v.offer.label], width)
            yield Text("")
        yield from _chart(values, width)
        yield Text("")
        yield from self._assumptions(width)

    def _assumptions(self, width: int) -> Iterator[Text]:
        yield Text("Assumptions", style="bold")
        for a in self.comp.common:
            yield from _lines(a.text, width, "    ", first="  - ")
        for v in (r.value for r in self.comp.ranked):
            own = [a.text for a in v.assumptions if a not in self.comp.common]
            if own:
                yield from _lines(f"{v.offer.label}: {'; '.join(own)}", width, "    ", first="  - ")
        if any(v.offer.equity or v.offer.refresh for v in (r.value for r in self.comp.ranked)):
            yield from _lines("years count from the start date: a vest at month 12 falls in year 1, at month 13 "
                              "in year 2; the cliff holds back the initial grant only", width, "    ", first="  - ")
        methods = dict.fromkeys(m for p in self.placements.values() if p.article for m in p.article.method)
        for method in sorted(methods, key=lambda m: m.startswith("estimates")):  # the rounding note last
            yield from _lines(f"the article's range, {method}", width, "    ", first="  - ")
        if any(p.wages for p in self.placements.values()):
            yield from _lines(f"BLS percentiles are base wages (no bonus, no equity), BLS OEWS May 2025; the "
                              f"offer's percentile is {INTERPOLATION}", width, "    ", first="  - ")
        if self.saved_to:
            yield from _lines(f"saved to {self.saved_to} (aicareer report shows them)", width, style="dim")
