"""Progress through the saved plan: a bar per month and overall."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from aicareer.progress import Progress
from aicareer.render.common import RangeBar, Responsive


def progress_view(plan: Mapping[str, Any], p: Progress) -> RenderableType:
    start = f", from {plan['start'][:7]}" if plan.get("start") else ""
    head = Text.assemble(("Progress: ", "bold"), (plan.get("track_name", plan["track"]), "bold"),
                         f" plan ({plan['background']}, {plan['hours_per_week']} h a week{start})")
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, expand=True)
    table.add_column("Month", no_wrap=True)
    table.add_column("Phase", no_wrap=True)
    table.add_column("Done", justify="right", no_wrap=True)
    table.add_column("0 … 100%", ratio=1, min_width=10, no_wrap=True)
    table.add_column("Hours", justify="right", no_wrap=True)
    for m in p.months:
        table.add_row(m.label, m.phase, f"{round(m.share * 100)}%",
                      RangeBar(0, m.share * 100, (0, 100), style="green") if m.done_hours else Text(""),
                      f"{m.done_hours}/{m.total_hours}")
    table.add_section()
    table.add_row(Text("Overall", style="bold"), "", Text(f"{round(p.share * 100)}%", style="bold"),
                  RangeBar(0, p.share * 100, (0, 100), style="bold green") if p.done_hours else Text(""),
                  f"{p.done_hours}/{p.total_hours}")
    counts = Text(f"{p.done_tasks} done, {p.skipped_tasks} skipped, {p.open_tasks} open. Hours are editorial "
                  "estimates; tasks you already knew and tasks you skip are not counted.", style="dim")
    nxt = Table.grid(padding=(0, 1))
    nxt.title, nxt.title_justify, nxt.title_style = "Next up", "left", "bold"
    nxt.add_column(no_wrap=True, style="bold")
    nxt.add_column(overflow="fold")
    for t in p.next_tasks:
        nxt.add_row(t["id"], Text(f"{t['title']} ({t['hours']} h)"))
    hint = Text("Mark tasks: aicareer progress done ID...   skip ID...   undo ID...", style="dim")
    parts: list[RenderableType] = [head, Text(), Responsive(table), counts, Text()]
    if p.next_tasks:
        parts += [nxt, Text()]
    return Group(*parts, hint)
