"""Pieces shared by every view: consoles, money, range bars, source notes."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from rich.cells import cell_len, chop_cells
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from aicareer.catalogue.index import Catalogue
from aicareer.core.fmt import dollars, money, money_range, percent  # noqa: F401 (re-exported for views)
from aicareer.core.safe_text import is_printable, printable
from aicareer.render.bars import Axis, RangeBar  # noqa: F401 (re-exported for views)
from aicareer.render.grid import Col, Grid, wrap_cells


def no_color() -> bool:
    """NO_COLOR set to anything but the empty string turns off every style (no-color.org)."""
    return bool(os.environ.get("NO_COLOR"))


class SafeConsole(Console):
    """A console that shows control characters in the text it prints escaped (\\x1b).

    Names, titles and file names come from data folders, hand-edited saved state and
    the command line; an ESC or OSC sequence among them would clear the screen or set
    the window title. Each text segment is made printable (core.safe_text) just before
    it is styled, so the data is escaped while the colours rich adds stay intact.
    """

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        segments = list(buffer)
        if is_printable("".join(seg.text for seg in segments if not seg.control)):  # the usual case: one scan
            return super()._render_buffer(segments)
        safe = (seg if seg.control else Segment(printable(seg.text), seg.style) for seg in segments)
        return super()._render_buffer(safe)


MAX_WIDTH = 1000
"""COLUMNS beyond this (99999999999999999999) would overflow rich's layout: clamp it."""


def env_size(name: str, limit: int) -> int | None:
    """$COLUMNS or $LINES when it is a number too large to lay out: `limit` then; else None
    (rich reads the variable itself, or asks the terminal)."""
    value = os.environ.get(name, "")
    return limit if value.isdigit() and int(value) > limit else None


def make_console(stderr: bool = False) -> Console:
    """A console that prints plain text when piped or when NO_COLOR is set, and escapes
    control characters from data (SafeConsole)."""
    return SafeConsole(
        stderr=stderr,
        color_system=None if no_color() else "auto",
        highlight=False,
        emoji=False,
        soft_wrap=False,
        width=env_size("COLUMNS", MAX_WIDTH),
        height=env_size("LINES", 10_000),
    )


def nice_scale(values: Iterable[float], step: int = 50_000) -> tuple[int, int]:
    """A scale from a round number below the smallest value to one above the largest."""
    vals = list(values)
    lo = int(min(vals) // step * step)
    hi = int(-(-max(vals) // step) * step)
    return lo, hi if hi > lo else lo + step


#: print an address longer than the terminal whole, past the edge (copyable in one piece, but
#: wider than the terminal), rather than cut into linked pieces of the terminal's width
OVERFLOW_URLS = False


class SourceList:
    """'Sources', then for each source '[id] title (period; kind)' wrapped under itself, and
    its address on a line of its own, whole whenever it fits the terminal (indented, else from
    the left edge), so it can be copied or clicked. The address is a terminal hyperlink where
    the terminal shows them (rich leaves it plain when piped or with NO_COLOR). An address
    longer than the terminal is wide (6 of 22 bundled ones are over 80) is cut into lines of
    the full width, each piece a hyperlink to the whole address; with OVERFLOW_URLS it
    would run past the edge instead, whole (the terminal wraps it)."""

    def __init__(self, entries: Iterable[tuple[str, str, str | None]]) -> None:
        self.entries = list(entries)  # (id, text, url)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(min(20, options.max_width), options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        label = max((cell_len(f"[{sid}]") for sid, _, _ in self.entries), default=0)
        hang = label + 1 if label + 1 <= width // 3 else 2
        dim = console.get_style("dim")
        yield Segment("Sources", console.get_style("bold"))
        yield Segment.line()
        for sid, text, url in self.entries:
            tag = f"[{sid}]"
            lines = wrap_cells(text, max(8, width - hang))
            if cell_len(tag) + 1 <= hang:
                yield Segment(tag.ljust(hang), dim)
            else:  # a long id: on its own line
                yield Segment(tag, dim)
                yield Segment.line()
                yield Segment(" " * hang)
            for n, line in enumerate(lines):
                if n:
                    yield Segment(" " * hang)
                yield Segment(line)
                yield Segment.line()
            if url:
                indent = next((i for i in (hang, 2) if i + cell_len(url) <= width), 0)
                if indent:
                    yield Segment(" " * indent)
                link = Style(link=url)
                pieces = [url] if OVERFLOW_URLS or indent or cell_len(url) <= width else chop_cells(url, width)
                for piece in pieces:
                    yield Segment(piece, link)
                    yield Segment.line()


def source_lines(cat: Catalogue, ids: Iterable[str]) -> SourceList:
    """'Sources' then each cited source: [id], title, period, kind, and its address on its own line."""
    return SourceList((src.id, f"{src.title} ({src.period}; {src.kind})", src.url) for src in cat.cited(ids))


def bullets(title: str, lines: Iterable[str], style: str = "bold") -> Grid:
    """A titled list whose wrapped lines stay indented under their bullet."""
    grid = Grid([Col(wrap=False), Col()], ((" -", line) for line in lines), title=title, header=False, gap=1,
                narrow=0)
    grid.title_style = style
    return grid


def as_of(cat: Catalogue) -> Text:
    return Text(f"Data as of {cat.reviewed.isoformat()} (last reviewed).", style="dim")


def spaced(parts: list[object]) -> Group:
    """The parts one under the other with a blank line between them (cheaper than
    Padding, which re-wraps every line of what it holds)."""
    out: list[Any] = []
    for part in parts:
        if out:
            out.append(Text())
        out.append(part)
    return Group(*out)


def render_text(renderable: object, width: int = 100) -> str:
    """A renderable as plain text (no styles), e.g. for a file."""
    import io

    console = SafeConsole(file=io.StringIO(), width=width, color_system=None, highlight=False, emoji=False)
    console.print(renderable)
    return str(console.file.getvalue())  # type: ignore[attr-defined]


#: the colour of a role's demand word (compare, role)
DEMAND_STYLE = {"rising": "green", "growing": "green", "booming": "green", "evolving": "yellow"}
