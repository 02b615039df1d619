"""Progress through the saved plan: a bar per month and overall."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from aicareer.domain.progress import Progress
from aicareer.render.common import Col, Grid, RangeBar


def progress_view(plan: Mapping[str, Any], p: Progress) -> RenderableType:
    start = f", from {plan['start'][:7]}" if plan.get("start") else ""
    head = Text.assemble(("Progress: ", "bold"), (plan.get("track_name", plan["track"]), "bold"),
                         f" plan ({plan['background']}, {plan['hours_per_week']} h a week{start})")
    rows: list[tuple[object, ...]] = [
        (m.label, m.phase, f"{round(m.share * 100)}%",
         RangeBar(0, m.share * 100, (0, 100), style="green") if m.done_hours else "",
         f"{m.done_hours}/{m.total_hours}") for m in p.months]
    rows.append((("Overall", "bold"), "", (f"{round(p.share * 100)}%", "bold"),
                 RangeBar(0, p.share * 100, (0, 100), style="bold green") if p.done_hours else "",
                 f"{p.done_hours}/{p.total_hours}"))
    right = {"wrap": False, "justify": "right"}
    table = Grid([Col("Month", wrap=False), Col("Phase", wrap=False), Col("Done", **right), Col("0 … 100%", bar=True),
                  Col("Hours", **right)], rows, sections={len(p.months)})
    counts = Text(f"{p.done_tasks} done, {p.skipped_tasks} skipped, {p.open_tasks} open. Hours are editorial "
                  "estimates; tasks you already knew and tasks you skip are not counted.", style="dim")
    nxt = Grid([Col(wrap=False, style="bold"), Col()], [(t["id"], f"{t['title']} ({t['hours']} h)")
                                                         for t in p.next_tasks],
               title="Next up", header=False, gap=1, narrow=0)
    hint = Text("Mark tasks: aicareer progress done ID...   skip ID...   undo ID...", style="dim")
    parts: list[RenderableType] = [head, Text(), table, counts, Text()]
    if p.next_tasks:
        parts += [nxt, Text()]
    return Group(*parts, hint)
