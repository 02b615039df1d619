"""A table laid out by hand and drawn as segments.

rich's Table measures and renders every cell several times (18-27 ms for the
market view); this computes the column widths once from the content and the
console width, wraps cells with textwrap, and emits lines. Below `narrow`
columns each row becomes a small record (its heading cell, then 'Header:
value' lines) instead of words cut in pieces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

import msgspec
from rich.cells import cell_len, chop_cells
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment

from aicareer.render.bars import RangeBar

ELLIPSIS = "…"


NUMBER = re.compile(r"^[~≈$]?[\d.,]+[%k]?$")


def _units(text: str, width: int) -> list[str]:
    """The words of `text`, a number kept with the word after it ("32 h", "~1.2 months")
    when the two fit on one line."""
    out: list[str] = []
    for word in text.split():
        if out and NUMBER.match(out[-1]) \
                and cell_len(out[-1]) + 1 + cell_len(word) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    return out


def wrap_cells(text: str, width: int) -> list[str]:
    """Greedy word wrap measured in terminal cells (a CJK character or an emoji takes two);
    a number stays with its unit; a word wider than the line is cut between characters,
    never past the width."""
    width = max(1, width)
    lines: list[str] = []
    line = ""
    for word in _units(text, width):
        size = cell_len(word)
        if line and cell_len(line) + 1 + size <= width:
            line += " " + word
            continue
        if line:
            lines.append(line)
            line = ""
        if size <= width:
            line = word
            continue
        pieces = chop_cells(word, width)
        lines += pieces[:-1]
        line = pieces[-1]
    if line:
        lines.append(line)
    return lines or [""]


def fit_cells(text: str, width: int) -> str:
    """The text if it fits `width` cells, else cut to width - 1 cells and ended with "…"
    (so a cut is visible: "32 h" never silently becomes "3")."""
    if cell_len(text) <= width:
        return text
    if width <= 0:
        return ""
    head = chop_cells(text, width - 1)[0] if width > 1 else ""
    return head.rstrip() + ELLIPSIS


def pad_cells(text: str, width: int, justify: str = "left") -> str:
    """The text padded with spaces to `width` cells (never cut: a wider text is returned as is)."""
    room = max(0, width - cell_len(text))
    return " " * room + text if justify == "right" else text + " " * room


class Col(msgspec.Struct, frozen=True):
    header: str = ""
    wrap: bool = True  # a column that may wrap gives up width first
    justify: str = "left"
    style: str = ""
    bar: bool = False  # holds RangeBars: takes the width that is left (at least 10)


class Grid:
    def __init__(self, columns: Sequence[Col], rows: Iterable[Sequence[object]], *, title: str = "",
                 header: bool = True, sections: Iterable[int] = (), narrow: int = 60, heading: int = 0,
                 gap: int = 2, indent: int = 0) -> None:
        self.columns, self.rows = list(columns), [list(r) for r in rows]
        self.title, self.header, self.sections = title, header, set(sections)
        self.narrow, self.heading, self.gap, self.indent = narrow, heading, gap, indent
        self.title_style = "bold"

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(min(20, options.max_width), options.max_width)

    # --- cells -------------------------------------------------------------------------

    def _text(self, cell: object, col: Col) -> tuple[str, str]:
        if isinstance(cell, tuple):
            return str(cell[0]), cell[1] or col.style
        return ("" if cell is None else str(cell)), col.style

    def _natural(self, i: int) -> int:
        col = self.columns[i]
        if col.bar:
            return 10
        cells = [cell_len(self._text(r[i], col)[0]) for r in self.rows if not isinstance(r[i], RangeBar)]
        return max([cell_len(col.header) if self.header else 0, *cells, 1])

    def widths(self, width: int) -> list[int]:
        n = len(self.columns)
        natural = [self._natural(i) for i in range(n)]
        room = width - self.indent - self.gap * (n - 1)
        widths = list(natural)
        bars = [i for i, c in enumerate(self.columns) if c.bar]
        wraps = [i for i, c in enumerate(self.columns) if c.wrap and not c.bar]
        over = sum(widths) - room
        if over > 0 and wraps:  # shrink the wrapping columns, widest first, to no less than 8
            for _ in range(over):
                widest = max(wraps, key=lambda i: widths[i])
                if widths[widest] <= 8:
                    break
                widths[widest] -= 1
        if bars:  # bars share what is left, ten cells each at least while there is room
            spare = max(0, room - sum(w for i, w in enumerate(widths) if i not in bars))
            for i in bars:
                widths[i] = max(min(10, max(4, room // 4)), spare // len(bars))
        # still too wide (a narrow terminal): cut the widest other columns, down to 4 cells
        others = [i for i in range(n) if i not in bars]
        for _ in range(max(0, sum(widths) - room)):
            cut = max(others, key=lambda i: widths[i], default=None)
            if cut is None or widths[cut] <= 4:
                break
            widths[cut] -= 1
        return widths

    def _lines(self, cell: object, col: Col, width: int) -> list[tuple[str, str]]:
        if isinstance(cell, RangeBar):
            bar = cell.render(width)
            return [(bar.plain, str(bar.style))]
        text, style = self._text(cell, col)
        if not col.wrap or cell_len(text) <= width:
            return [(fit_cells(text, width), style)]
        return [(line, style) for line in wrap_cells(text, width)]

    # --- drawing -------------------------------------------------------------------------

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        lines = self._records(width) if width < self.narrow else self._table(width)
        for line in lines:
            for text, style in line:
                yield Segment(text, console.get_style(style) if style else None)
            yield Segment.line()

    def _table(self, width: int) -> Iterator[list[tuple[str, str]]]:
        widths = self.widths(width)
        pad = " " * self.gap
        total = self.indent + sum(widths) + self.gap * (len(widths) - 1)
        if self.title:
            yield from ([(line, self.title_style)] for line in wrap_cells(self.title, width))
        if self.header:
            yield [(" " * self.indent + pad.join(self._fit(c.header, w, c.justify) for c, w in zip(
                self.columns, widths, strict=True)).rstrip(), "bold")]
            yield [("─" * min(width, total), "")]
        for r, row in enumerate(self.rows):
            if r in self.sections:
                yield []
            cells = [self._lines(cell, col, w) for cell, col, w in zip(row, self.columns, widths, strict=True)]
            for k in range(max(len(c) for c in cells)):
                line: list[tuple[str, str]] = [(" " * self.indent, "")] if self.indent else []
                for j, (cell, col, w) in enumerate(zip(cells, self.columns, widths, strict=True)):
                    text, style = cell[k] if k < len(cell) else ("", "")
                    last = j == len(widths) - 1
                    line.append((self._fit(text, w, col.justify) if not last or col.justify == "right"
                                 else text, style))
                    if not last:
                        line.append((pad, ""))
                while line and not line[-1][0].strip():  # no trailing blanks in piped output
                    line.pop()
                if line:
                    line[-1] = (line[-1][0].rstrip(), line[-1][1])
                yield line

    @staticmethod
    def _fit(text: str, width: int, justify: str) -> str:
        return pad_cells(text, width, justify)

    def _records(self, width: int) -> Iterator[list[tuple[str, str]]]:
        if self.title:
            yield from ([(line, self.title_style)] for line in wrap_cells(self.title, width))
        others = [i for i in range(len(self.columns)) if i != self.heading]
        label = max((cell_len(self.columns[i].header) for i in others), default=0)
        for row in self.rows:
            head, style = self._text(row[self.heading], self.columns[self.heading])
            if head.strip():
                yield from ([(line, style or "bold")] for line in wrap_cells(head, width))
            for i in others:
                col = self.columns[i]
                if not isinstance(row[i], RangeBar) and not self._text(row[i], col)[0].strip():
                    continue
                prefix = f"  {pad_cells(col.header, label)} " if col.header else "  "
                room = max(8, width - cell_len(prefix))
                for n, (text, st) in enumerate(self._lines(row[i], col, room)):
                    yield [((prefix if n == 0 else " " * len(prefix)), "dim"), (text, st)]
