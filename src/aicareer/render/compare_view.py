"""compare: the roles' pay side by side on one scale, with BLS reference rows."""

from __future__ import annotations

import msgspec
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text

from aicareer.catalogue.index import Catalogue
from aicareer.catalogue.models import Occupation
from aicareer.core.fmt import money, money_range, percent
from aicareer.domain.salary import Comparison, LocalWages
from aicareer.render.bars import Axis, RangeBar
from aicareer.render.common import DEMAND_STYLE, as_of, bullets, nice_scale, source_lines, spaced
from aicareer.render.grid import fit_cells, pad_cells, wrap_cells


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
        # widths in terminal cells (a CJK character or an emoji takes two), never len()
        w_name = min(22, max([4] + [cell_len(r.name) for r in self.rows] + [cell_len(r.sub) for r in self.rows]))
        w_pay = max([5] + [cell_len(r.pay) for r in self.rows]
                    + [0 if compact else cell_len(r.basis) for r in self.rows])
        w_mid = max([3] + [cell_len(r.mid) for r in self.rows])
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
            trend = wrap_cells(row.trend, w_trend) or [""]
            bar = row.bar.render(w_bar)
            name = pad_cells(fit_cells(row.name, w_name), w_name)
            lines.append([(f"{name}  {pad_cells(row.pay, w_pay)}  {pad_cells(row.mid, w_mid, 'right')}  ", ""),
                          (bar.plain, str(bar.style)), (" " * (w_bar - cell_len(bar.plain)) + "  ", ""),
                          (fit_cells(trend[0], w_trend), row.trend_style)])
            if not compact:
                rest = fit_cells(" ".join(trend[1:]), w_trend)
                sub = f"{pad_cells(fit_cells(row.sub, w_name), w_name)}  {pad_cells(row.basis, w_pay)}"
                line = [(sub.rstrip(), "dim")]
                if rest:
                    line[0] = (sub, "dim")
                    line.append((" " * (w_mid + w_bar + 6) + rest, row.trend_style))
                lines.append(line)
        # Segments straight out: every line is laid out to fit already, so nothing
        # needs wrapping or measuring (what makes a 1,000-row table cheap to draw)
        for line in lines:
            for text, style in line:
                yield Segment(text, console.get_style(style) if style else None)
            yield Segment.line()


def _bls_row(title: str, sub: str, w: LocalWages, scale: tuple[int, int], section: bool) -> CompareRow | None:
    """One occupation's local base-wage percentiles (None when BLS published none for it anywhere)."""
    if None in (w.p10, w.p25, w.median, w.p75, w.p90):
        return None
    assert w.p10 is not None and w.p25 is not None and w.median is not None and w.p75 is not None
    assert w.p90 is not None
    jobs = f"{w.employment:,} jobs" if w.employment is not None else "jobs n/a"
    where = "" if not w.fallback else f"; {w.area_kind} figure"
    return CompareRow(title, sub, money_range(w.p10, w.p90), "base wage", money(w.median),
                      RangeBar(w.p10, w.p90, scale, inner=(w.p25, w.p75), style="blue"),
                      jobs + where, "dim", section=section)


def data_periods(cat: Catalogue, wages_period: str | None) -> Text:
    """The period of each kind of figure, beside the review date (a review does not make figures newer)."""
    parts = ["Article ranges: 2025"]
    if wages_period:
        parts.append(wages_period)
    parts.append(f"data reviewed {cat.reviewed.isoformat()}")
    return Text("Figures: " + "; ".join(parts) + ".", style="dim")


def compare_view(cat: Catalogue, comp: Comparison, references: list[Occupation]) -> RenderableType:
    """Salary ranges side by side on one scale; BLS base wages of the roles' occupations; notes."""
    located = comp.location is not None
    # with a place: every occupation of every role; without: the first (main) occupation of a role with no range
    bls_rows = [(r, w) for r in comp.rows if r.local and (located or r.pay is None)
                for w in (r.local.occupations if located else r.local.occupations[:1])]
    # an open top reaches past its high end, so leave room for its arrow
    values = [v for r in comp.rows if r.pay for v in (r.pay.low, r.pay.high + (1 if r.pay.open_top else 0))]
    values += [v for o in references for v in (o.wages.p10, o.wages.p90)]
    values += [v for _, w in bls_rows for v in (w.p10, w.p90) if v is not None]
    scale = nice_scale(values or [0, 100_000])
    rows = []
    for row in comp.rows:
        pay = row.pay
        if pay is None:
            continue
        approx = "≈" if pay.estimate else ""
        rows.append(CompareRow(
            row.role.short_name, row.role.track, approx + money_range(pay.low, pay.high, pay.open_top),
            pay.basis, approx + money(pay.midpoint), RangeBar(pay.low, pay.high, scale, open_top=pay.open_top),
            row.role.trend.summary, DEMAND_STYLE.get(row.role.trend.demand, "")))
    first = True
    for role_row, w in bls_rows:
        sub = f"BLS {w.soc}"
        bls = _bls_row(role_row.role.short_name, sub, w, scale, section=first)
        if bls is not None:
            rows.append(bls)
            first = False
    if not located:
        for n, occ in enumerate(references):
            w2 = occ.wages
            rows.append(CompareRow(
                occ.short_name, "BLS reference", money_range(w2.p10, w2.p90, occ.p90_open), "base wage",
                money(w2.median), RangeBar(w2.p10, w2.p90, scale, inner=(w2.p25, w2.p75), open_top=occ.p90_open,
                                           style="blue"),
                median_change(occ), "dim", section=n == 0 and first))
    where = f", {comp.location.name}" if comp.location is not None else ""
    table = CompareTable(rows, scale, f"AI role salaries, side by side{where}")

    notes = Text(style="")
    notes.append("Mid = (low + high) / 2; for BLS rows, the median. ", style="dim")
    notes.append("Article ranges are base + equity (2025). ", style="dim")
    if bls_rows or references:
        place = comp.location.place.name if comp.location is not None else "United States"
        notes.append(f"BLS rows: base wages of the role's occupation (SOC code), {place}, "
                     f"{comp.wages_period or 'BLS OEWS'}, no equity: not comparable one-to-one with base + "
                     "equity; bar ░ P10–P90, █ P25–P75.", style="dim")
    parts: list[object] = [table, notes]
    unpriced = [r for r in comp.rows if r.pay is None]
    if unpriced:
        lines = []
        for r in unpriced:
            line = f"{r.role.name}: no published base+equity range"
            s = r.survey
            if s is not None:
                low_n = " (low n)" if s.n < 30 else ""
                line += (f"; {s.label}: median {money(s.median)} {s.basis} (Stack Overflow {s.period}, "
                         f"secondary, self-reported, n={s.n}{low_n}) [{', '.join(s.sources)}]")
            lines.append(line)
        title = ("Roles without an article range (BLS base wages above):" if located else
                 "Roles without an article range (BLS above: the first of their occupations; all of them with "
                 "--location us):")
        parts.append(bullets(title, lines))
    if comp.adjusted or comp.location or comp.level:
        parts.append(bullets("≈ = estimate, derived from the published range. Method:", comp.methods,
                             "bold yellow"))
    extra = list(comp.fallback_notes)
    if comp.location is not None and comp.location.claim:
        extra.append(comp.location.claim)
    if extra:
        parts.append(bullets("Notes:", extra))
    ids = [s for r in comp.rows if r.published for s in r.published.sources]
    ids += [s for o in references for s in o.sources] if not located else []
    ids += [s for r in comp.rows if r.local for s in r.local.sources]
    ids += [s for r in unpriced if r.survey for s in r.survey.sources]
    if comp.location is not None:
        ids += list(comp.location.sources)
    parts += [source_lines(cat, ids), Group(data_periods(cat, comp.wages_period), as_of(cat))]
    return spaced(parts)
