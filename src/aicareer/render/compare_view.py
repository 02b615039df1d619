"""compare: the roles' pay side by side on one scale, with BLS reference rows."""

from __future__ import annotations

import textwrap

import msgspec
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text

from aicareer.catalogue.index import Catalogue
from aicareer.catalogue.models import Occupation
from aicareer.domain.salary import Comparison
from aicareer.render.common import (
    DEMAND_STYLE,
    Axis,
    RangeBar,
    as_of,
    bullets,
    money,
    money_range,
    nice_scale,
    percent,
    source_lines,
    spaced,
)


def median_change(occ: Occupation) -> str:
    if not occ.median_prior:
        return ""
    return f"median {percent((occ.wages.median / occ.median_prior - 1) * 100, signed=True)} y/y"


class CompareRow(msgspec.Struct, frozen=True):
    name: str
    sub: str
    pay: str
    basis: str
    mid: str
    bar: RangeBar
    trend: str
    trend_style: str = ""
    section: bool = False  # a rule above this row


class CompareTable:
    """The compare table, laid out by hand: one pass of plain lines, so it draws 1,000
    roles as fast as 10 (a rich Table measures every cell several times). Above
    COMPACT rows, each row takes one line instead of two."""

    COMPACT = 40

    def __init__(self, rows: list[CompareRow], scale: tuple[int, int], title: str) -> None:
        self.rows, self.scale, self.title = rows, scale, title

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(40, options.max_width)

    NARROW = 64

    def narrow(self, width: int) -> Text:
        """Below NARROW columns: a few lines a row, the bar under the figures."""
        out = Text(no_wrap=True, overflow="ellipsis")
        out.append(self.title + "\n", style="bold")
        out.append(f"bars: {money(self.scale[0])} … {money(self.scale[1])}\n", style="dim")
        for row in self.rows:
            if row.section:
                out.append("\n")
            out.append(row.name, style="bold")
            out.append(f"  {row.pay}\n")
            out.append(f"  mid {row.mid} · {row.basis} · {row.sub}\n", style="dim")
            out.append("  ")
            out.append_text(row.bar.render(max(8, width - 2)))
            out.append("\n")
        out.rstrip()
        return out

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        if width < self.NARROW:
            yield self.narrow(width)
            return
        compact = len(self.rows) > self.COMPACT
        w_name = min(22, max([4] + [len(r.name) for r in self.rows] + [len(r.sub) for r in self.rows]))
        w_pay = max([5] + [len(r.pay) for r in self.rows] + [0 if compact else len(r.basis) for r in self.rows])
        w_mid = max([3] + [len(r.mid) for r in self.rows])
        w_trend = 14 if width < 100 else 26
        w_bar = max(10, width - (w_name + w_pay + w_mid + w_trend + 8))
        axis = Axis(money(self.scale[0]), money(self.scale[1]))
        head = f"{'Role':<{w_name}}  {'Range':<{w_pay}}  {'Mid':>{w_mid}}  "
        gap = max(1, w_bar - len(axis.low) - len(axis.high))
        lines: list[list[tuple[str, str]]] = [
            [(self.title, "bold")],
            [(head + axis.low + " " * gap + axis.high + "  Trend", "bold")],
            [("─" * min(width, w_name + w_pay + w_mid + w_bar + w_trend + 8), "")],
        ]
        for row in self.rows:
            if row.section:
                lines.append([])
            trend = textwrap.wrap(row.trend, w_trend) or [""]
            bar = row.bar.render(w_bar)
            lines.append([(f"{row.name[:w_name]:<{w_name}}  {row.pay:<{w_pay}}  {row.mid:>{w_mid}}  ", ""),
                          (bar.plain, str(bar.style)), (" " * (w_bar - len(bar.plain)) + "  ", ""),
                          (trend[0], row.trend_style)])
            if not compact:
                rest = " ".join(trend[1:])[:w_trend]
                line = [(f"{row.sub[:w_name]:<{w_name}}  {row.basis:<{w_pay}}".rstrip(), "dim")]
                if rest:
                    line[0] = (f"{row.sub[:w_name]:<{w_name}}  {row.basis:<{w_pay}}", "dim")
                    line.append((" " * (w_mid + w_bar + 6) + rest, row.trend_style))
                lines.append(line)
        # Segments straight out: every line is laid out to fit already, so nothing
        # needs wrapping or measuring (what makes a 1,000-row table cheap to draw)
        for line in lines:
            for text, style in line:
                yield Segment(text, console.get_style(style) if style else None)
            yield Segment.line()


def compare_view(cat: Catalogue, comp: Comparison, references: list[Occupation]) -> RenderableType:
    """Salary ranges side by side on one scale, with reference rows and notes."""
    # an open top reaches past its high end, so leave room for its arrow
    values = [v for r in comp.rows for v in (r.pay.low, r.pay.high + (1 if r.pay.open_top else 0))]
    values += [v for o in references for v in (o.wages.p10, o.wages.p90)]
    scale = nice_scale(values)
    rows = []
    for row in comp.rows:
        pay = row.pay
        approx = "≈" if pay.estimate else ""
        rows.append(CompareRow(
            row.role.short_name, row.role.track, approx + money_range(pay.low, pay.high, pay.open_top),
            pay.basis, approx + money(pay.midpoint), RangeBar(pay.low, pay.high, scale, open_top=pay.open_top),
            row.role.trend.summary, DEMAND_STYLE.get(row.role.trend.demand, "")))
    for n, occ in enumerate(references):
        w = occ.wages
        rows.append(CompareRow(
            occ.short_name, "BLS reference", money_range(w.p10, w.p90, occ.p90_open), "base wage", money(w.median),
            RangeBar(w.p10, w.p90, scale, inner=(w.p25, w.p75), open_top=occ.p90_open, style="blue"),
            median_change(occ), "dim", section=n == 0))
    table = CompareTable(rows, scale, "AI role salaries, side by side")

    notes = Text(style="")
    notes.append("Mid = (low + high) / 2; for BLS rows, the median. ", style="dim")
    notes.append("Article ranges are base + equity (2025). ", style="dim")
    if references:
        notes.append("BLS rows are national base wages, May 2024, no equity: not comparable "
                     "one-to-one with base + equity; bar ░ P10–P90, █ P25–P75.", style="dim")
    parts: list[RenderableType] = [table, notes]
    if comp.adjusted or comp.location or comp.level:
        lines = list(comp.methods)
        if comp.location is not None and references:
            lines.append("BLS rows are national figures and are not adjusted.")
        parts.append(bullets("≈ = estimate, derived from the published range. Method:", lines, "bold yellow"))
    ids = [s for r in comp.rows for s in r.published.sources]
    ids += [s for o in references for s in o.sources]
    if comp.location is not None:
        ids += list(comp.location.sources)
    parts += [source_lines(cat, ids), as_of(cat)]
    return spaced(parts)
