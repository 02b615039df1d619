"""Pieces shared by every view: consoles, money, range bars, source notes."""

from __future__ import annotations

import os
from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from aicareer.catalogue import Catalogue
from aicareer.fmt import dollars, money, money_range, percent  # noqa: F401 (re-exported for views)


def no_color() -> bool:
    """NO_COLOR set to anything but the empty string turns off every style (no-color.org)."""
    return bool(os.environ.get("NO_COLOR"))


def make_console(stderr: bool = False) -> Console:
    """A console that prints plain text when piped or when NO_COLOR is set."""
    return Console(
        stderr=stderr,
        color_system=None if no_color() else "auto",
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )


class RangeBar:
    """A horizontal bar from low to high on a scale shared by every row.

    `inner` (optional) is drawn heavier inside the range (e.g. P25-P75 inside
    P10-P90); an open top ends in an arrow. It takes whatever width the table
    gives it.
    """

    def __init__(self, low: float, high: float, scale: tuple[float, float], *,
                 inner: tuple[float, float] | None = None, open_top: bool = False,
                 style: str = "cyan", min_width: int = 8) -> None:
        self.low, self.high, self.scale = low, high, scale
        self.inner, self.open_top, self.style, self.min_width = inner, open_top, style, min_width

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(self.min_width, max(self.min_width, options.max_width))

    def _pos(self, value: float, width: int) -> int:
        lo, hi = self.scale
        frac = 0.0 if hi <= lo else (value - lo) / (hi - lo)
        return max(0, min(width - 1, round(frac * (width - 1))))

    def render(self, width: int) -> Text:
        start, end = self._pos(self.low, width), self._pos(self.high, width)
        cells = [" "] * width
        for i in range(start, end + 1):
            cells[i] = "░" if self.inner else "█"
        if self.inner:
            for i in range(self._pos(self.inner[0], width), self._pos(self.inner[1], width) + 1):
                cells[i] = "█"
        if self.open_top and end < width - 1:
            cells[end + 1] = "▶"
        return Text("".join(cells).rstrip(), style=self.style)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.render(max(self.min_width, options.max_width))


class Axis:
    """A bar column's header: the scale's two ends, at the column's two edges."""

    def __init__(self, low: str, high: str) -> None:
        self.low, self.high = low, high

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        need = len(self.low) + len(self.high) + 1
        return Measurement(need, max(need, options.max_width))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        gap = max(1, options.max_width - len(self.low) - len(self.high))
        yield Text(self.low + " " * gap + self.high)


def nice_scale(values: Iterable[float], step: int = 50_000) -> tuple[int, int]:
    """A scale from a round number below the smallest value to one above the largest."""
    vals = list(values)
    lo = int(min(vals) // step * step)
    hi = int(-(-max(vals) // step) * step)
    return lo, hi if hi > lo else lo + step


def source_lines(cat: Catalogue, ids: Iterable[str]) -> Table:
    """'Sources:' then one row per cited source: [id], title, period, kind, address."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style="dim")
    grid.add_column(overflow="fold")
    grid.title = "Sources"
    grid.title_justify = "left"
    grid.title_style = "bold"
    for src in cat.cited(ids):
        text = Text(f"{src.title} ({src.period}; {src.kind})")
        if src.url:
            text.append(f" {src.url}", style="dim")
        grid.add_row(Text(f"[{src.id}]"), text)
    return grid


def bullets(title: str, lines: Iterable[str], style: str = "bold") -> Table:
    """A titled list whose wrapped lines stay indented under their bullet."""
    grid = Table.grid(padding=(0, 1))
    grid.title, grid.title_justify, grid.title_style = title, "left", style
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for line in lines:
        grid.add_row(Text(" -"), Text(line))
    return grid


def as_of(cat: Catalogue) -> Text:
    return Text(f"Data as of {cat.reviewed.isoformat()} (last reviewed).", style="dim")


class Responsive:
    """A table that, below `narrow` columns, prints each row as a small record
    (the first cell as its heading, then 'Header: value' lines) instead of
    squeezing its columns into words cut in pieces."""

    def __init__(self, table: Table, narrow: int = 60, heading: int = 0) -> None:
        self.table, self.narrow, self.heading = table, narrow, heading

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        if options.max_width >= self.narrow:
            return Measurement.get(console, options, self.table)
        return Measurement(min(20, options.max_width), options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width >= self.narrow:
            yield self.table
            return
        columns = self.table.columns
        if self.table.title:
            yield Text(str(self.table.title), style="bold")
        rows = max((len(c._cells) for c in columns), default=0)
        for i in range(rows):
            cells = [c._cells[i] if i < len(c._cells) else "" for c in columns]
            head = cells[self.heading]
            others = [(c, cell) for n, (c, cell) in enumerate(zip(columns, cells, strict=True)) if n != self.heading]
            grid = Table.grid(padding=(0, 1))
            grid.add_column(no_wrap=True, style="dim")
            grid.add_column(overflow="fold")
            for column, cell in others:
                if isinstance(cell, (str, Text)) and not str(cell).strip():
                    continue
                header = column.header if isinstance(column.header, str) else ""
                grid.add_row(f"  {header}" if header else "  ", cell)
            if isinstance(head, (str, Text)) and str(head).strip():
                yield Text(str(head), style="bold") if isinstance(head, str) else head
            yield grid


def spaced(parts: list[object]) -> Group:
    """The parts one under the other with a blank line between them (cheaper than
    Padding, which re-wraps every line of what it holds)."""
    out: list[object] = []
    for part in parts:
        if out:
            out.append(Text())
        out.append(part)
    return Group(*out)


def render_text(renderable: object, width: int = 100) -> str:
    """A renderable as plain text (no styles), e.g. for a file."""
    import io

    console = Console(file=io.StringIO(), width=width, color_system=None, highlight=False, emoji=False)
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined]
