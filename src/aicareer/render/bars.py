"""Bars drawn in character cells: a range on a shared scale, and a scale's two ends.

A bar that starts at the scale's start (a share, a score) is a fill: 0 is drawn as no
block at all, never as one cell that reads like a little progress."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text


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
        lo, hi = self.scale
        if self.low <= lo and self.high <= lo and not self.inner:  # nothing: no block at all
            return Text("", style=self.style)
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
        need = cell_len(self.low) + cell_len(self.high) + 1
        return Measurement(need, max(need, options.max_width))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        gap = max(1, options.max_width - cell_len(self.low) - cell_len(self.high))
        yield Text(self.low + " " * gap + self.high)
