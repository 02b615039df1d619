"""Pieces shared by every view: consoles, money, range bars, source notes."""

from __future__ import annotations

import os
from collections.abc import Iterable

from rich.console import Console, Group
from rich.text import Text

from aicareer.catalogue.index import Catalogue
from aicareer.core.fmt import dollars, money, money_range, percent  # noqa: F401 (re-exported for views)
from aicareer.render.bars import Axis, RangeBar  # noqa: F401 (re-exported for views)
from aicareer.render.grid import Col, Grid


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


def nice_scale(values: Iterable[float], step: int = 50_000) -> tuple[int, int]:
    """A scale from a round number below the smallest value to one above the largest."""
    vals = list(values)
    lo = int(min(vals) // step * step)
    hi = int(-(-max(vals) // step) * step)
    return lo, hi if hi > lo else lo + step


def source_lines(cat: Catalogue, ids: Iterable[str]) -> Grid:
    """'Sources' then one row per cited source: [id], title, period, kind, address."""
    rows = []
    for src in cat.cited(ids):
        rows.append((f"[{src.id}]", f"{src.title} ({src.period}; {src.kind})" + (f" {src.url}" if src.url else "")))
    return Grid([Col(wrap=False, style="dim"), Col()], rows, title="Sources", header=False, gap=1, narrow=0)


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


#: the colour of a role's demand word (compare, role)
DEMAND_STYLE = {"rising": "green", "growing": "green", "booming": "green", "evolving": "yellow"}
