"""Progress through the saved plan: a bar per month and overall."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from aicareer.domain.progress import Progress, Standing
from aicareer.render.bars import RangeBar
from aicareer.render.grid import Col, Grid

STATE_STYLE = {"ahead": "green", "on track": "green", "finished": "green", "behind": "yellow", "not started": ""}


def standing_lines(plan: Mapping[str, Any], s: Standing) -> list[RenderableType]:
    """Where today falls: the plan month, hours done against expected, ahead or behind."""
    if s.state == "not started":
        when = f"the plan starts on {s.paced_from:%-d %B %Y}"
    elif s.month is None:
        when = "past the plan's last month"
    else:
        total = max(m["number"] + m.get("count", 1) - 1 for m in plan["months"])
        shown = s.month_label and not s.month_label.startswith("Month")
        when = f"month {s.month} of {total}" + (f" ({s.month_label})" if shown else "")
    out: list[RenderableType] = [Text.assemble(("Today, ", "bold"), (f"{s.today:%-d %B %Y}: ", "bold"), when)]
    out.append(Text(f"Done {s.done_hours} h of {s.total_hours} h; expected by today ({s.hours_per_week} h a week "
                    f"since {s.paced_from:%-d %B %Y}): {s.expected_hours:.0f} h."))
    if s.state in ("ahead", "behind"):
        out.append(Text(f"{s.state.capitalize()} by {abs(s.difference):.0f} h: ≈{s.weeks:.1f} weeks at "
                        f"{s.hours_per_week} h a week.", style=STATE_STYLE[s.state]))
    elif s.state != "not started":
        out.append(Text(f"{s.state.capitalize()}.", style=STATE_STYLE[s.state]))
    return out


def week_grid(s: Standing) -> Grid:
    rows = [(t.id, f"{t.title} ({t.hours:.0f} h this week" + (f", of {t.task_hours} h)" if t.task_hours > t.hours
                                                               else ")")) for t in s.this_week]
    return Grid([Col(wrap=False, style="bold"), Col()], rows,
                title=f"This week ({s.hours_per_week} h)", header=False, gap=1, narrow=0)


def progress_view(plan: Mapping[str, Any], p: Progress, s: Standing | None = None) -> RenderableType:
    start = f", from {plan['start'][:7]}" if plan.get("start") else ""
    head = Text.assemble(("Progress: ", "bold"), (plan.get("track_name", plan["track"]), "bold"),
                         f" plan ({plan['background']}, {plan['hours_per_week']} h a week{start})")
    rows: list[tuple[object, ...]] = [
        (m.label, m.phase, f"{round(m.share * 100)}%" if m.total_hours else "–",
         RangeBar(0, m.share * 100, (0, 100), style="green") if m.done_hours else "",
         f"{m.done_hours:.0f}/{m.total_hours:.0f}") for m in p.months]
    rows.append((("Overall", "bold"), "", (f"{round(p.share * 100)}%", "bold"),
                 RangeBar(0, p.share * 100, (0, 100), style="bold green") if p.done_hours else "",
                 f"{p.done_hours}/{p.total_hours}"))
    table = Grid([Col("Month", wrap=False), Col("Phase", wrap=False), Col("Done", wrap=False, justify="right"),
                  Col("0 … 100%", bar=True), Col("Hours", wrap=False, justify="right")], rows,
                 sections={len(p.months)})
    counts = Text(f"{p.done_tasks} done, {p.skipped_tasks} skipped, {p.open_tasks} open. Hours are editorial "
                  "estimates; tasks you already knew and tasks you skip are not counted.", style="dim")
    nxt = Grid([Col(wrap=False, style="bold"), Col()], [(t["id"], f"{t['title']} ({t['hours']} h)")
                                                         for t in p.next_tasks],
               title="Next up", header=False, gap=1, narrow=0)
    hint = Text("Mark tasks: aicareer progress done ID...   skip ID...   undo ID...", style="dim")
    parts: list[RenderableType] = [head]
    if s is not None:
        parts += standing_lines(plan, s)
    parts += [Text(), table, counts, Text()]
    if s is not None and s.this_week:
        parts += [week_grid(s), Text()]
    elif p.next_tasks:
        parts += [nxt, Text()]
    if s is not None and s.state == "behind":
        parts.append(Text("Re-pace what is left from today (marks are kept): aicareer progress replan "
                          "[--hours-per-week N]", style="yellow"))
    return Group(*parts, hint)
