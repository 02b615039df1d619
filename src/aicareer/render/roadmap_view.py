"""The plan in the terminal: a timeline of its months in phase bands, then a card per month."""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.text import Text

from aicareer.catalogue.index import Catalogue
from aicareer.domain.roadmap import Plan, PlanMonth
from aicareer.render.card import Card, Paragraph
from aicareer.render.common import as_of, source_lines, spaced
from aicareer.render.roadmap_text import (
    STATUS_NOTE,
    free_lines,
    headline,
    month_heading,
    month_pace,
    pacing_text,
    piece_hours,
    task_details,
)

PHASE_STYLE = {"foundation": "black on cyan", "specialization": "black on green",
               "certification": "black on yellow", "job-search": "black on magenta"}
BLOCKS = " ▁▂▃▄▅▆▇█"


class Timeline:
    """One stretch of columns per plan month: the phase bands, month (or year) names, and a bar
    of each month's hours."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(20, options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        per_month = [(m, m.hours / m.count) for m in self.plan.months for _ in range(m.count)]
        n = len(per_month)
        cols = min(options.max_width, n * 10)
        edge = [i * cols // n for i in range(n + 1)]
        bands, labels, bars = Text(), Text(), Text()
        i = 0
        while i < n:
            j = i
            while j + 1 < n and per_month[j + 1][0].phase.id == per_month[i][0].phase.id:
                j += 1
            phase = per_month[i][0].phase
            width = edge[j + 1] - edge[i]
            name = phase.name if len(phase.name) < width else phase.name[: max(0, width - 2)] + "…"
            bands.append(f" {name}"[:width].ljust(width), style=PHASE_STYLE.get(phase.id, "reverse"))
            i = j + 1
        peak = max((h for _, h in per_month), default=1) or 1
        line = [" "] * cols
        wide = cols // n >= 4
        for k, (m, h) in enumerate(per_month):
            width = edge[k + 1] - edge[k]
            if wide or k % 12 == 0:
                name = f"M{k + 1}" if m.start is None else _month_name(m, k + 1 - m.number, year=not wide)
                text = name.center(width)[:width] if wide else name
                for c, ch in enumerate(text):
                    if edge[k] + c < cols:
                        line[edge[k] + c] = ch
            level = max(1, round(h / peak * (len(BLOCKS) - 1))) if h else 0
            bars.append((BLOCKS[level] * max(1, width - (1 if width > 2 else 0))).ljust(width), style="cyan")
        labels.append("".join(line))
        yield bands
        yield labels
        yield bars
        yield Text(f"bars: hours of work each month (most: {round(peak)} h)", style="dim")


def _month_name(m: PlanMonth, offset: int, year: bool = False) -> str:
    from aicareer.core import months as cal

    assert m.start is not None
    day = cal.add(m.start, offset)
    return f"{day:%b %Y}" if year else f"{day:%b}"


def month_panel(plan: Plan, index: int, marks: Mapping[str, str]) -> Card:
    """One card: the goal(s), each piece of work (its details indented under its first part),
    skipped tasks, the deliverables of the stages finished here, and the milestones."""
    m = plan.months[index]
    goals = [s.goal for s in m.stages]
    label = "Goal: " if len(goals) <= 1 else "Goals: "
    paragraphs = [Paragraph([(label, "bold"), ("; ".join(goals) or "catch up", "")], hang=2)]
    pace = month_pace(m)
    if pace:
        paragraphs.append(Paragraph([(pace, "dim")]))
    rows = [(p.task, piece_hours(p), p.part == 1) for p in m.pieces]
    rows += [(t, f"{t.hours} h", True) for t in m.known]
    for t, hours, first in rows:
        mark = marks.get(t.id)
        box_ = "[x]" if mark == "done" else "[-]" if mark == "skipped" or t.status == "known" else "[ ]"
        runs: list[tuple[str, str]] = [(box_, "green" if mark == "done" else ""), (" ", ""), (t.id, "bold"),
                                       (f" · {hours} · ", "dim"),
                                       (t.title, "dim strike" if t.status == "known" else "")]
        note = STATUS_NOTE.get(t.status)
        if note:
            runs.append((f"  ({note})", "yellow" if t.status != "known" else "dim"))
        if t.kind != "learn":
            runs.append((f"  [{t.kind}]", "dim"))
        paragraphs.append(Paragraph(runs, hang=4))
        if not first:
            continue
        for line in task_details(plan, t):
            style = "bold red" if line.startswith("RETIRED") else "dim"
            paragraphs.append(Paragraph([("↳ ", "dim"), (line, style)], indent=4, hang=6))
    for line in free_lines(m):
        paragraphs.append(Paragraph([(line, "green")]))
    if m.deliverable:
        paragraphs.append(Paragraph([("Deliverable: ", "bold"), (m.deliverable, "")], hang=2))
    if m.milestones:
        paragraphs.append(Paragraph([("Milestones: ", "bold"), ("; ".join(m.milestones), "")], hang=2))
    return Card(month_heading(m), paragraphs, border=PHASE_STYLE.get(m.phase.id, "").replace("black on ", ""))


def roadmap_view(cat: Catalogue, plan: Plan, background_label: str, marks: Mapping[str, str],
                 saved_to: str | None) -> RenderableType:
    start = f" · starts {plan.start:%B %Y}" if plan.start else ""
    head = Text.assemble((headline(plan), "bold"), f" · from {background_label.lower()}{start}")
    known = [t for t in plan.tasks if t.status == "known"]
    shortened = [t for t in plan.tasks if t.shortened]
    added = [t for t in plan.tasks if t.status in ("added", "posting")]
    pers = []
    if known:
        pers.append(f"{len(known)} learning task(s) skipped for skills you know")
    if shortened:
        pers.append(f"{len(shortened)} task(s) shortened (practice, projects and exams are never skipped)")
    if added:
        pers.append(f"{len(added)} added for skills you lack")
    parts: list[object] = [
        head,
        Text(pacing_text(plan.pacing), style="green" if plan.pacing.fits else "yellow"),
    ]
    if pers:
        parts.append(Text("Personalised: " + "; ".join(pers) + ".", style="dim"))
    if plan.retired_certifications:
        parts.append(Text("Note: the article recommends AWS Certified Machine Learning – Specialty, which AWS "
                          "retired on 31 March 2026; the certification step names current options.",
                          style="bold red"))
    parts.append(Timeline(plan))
    parts += [month_panel(plan, i, marks) for i in range(len(plan.months))]
    ids = ["article"] + [s for t in plan.tasks for c in t.certifications for s in c.sources]
    ids += [s for t in plan.tasks for e in t.events for s in e.sources]
    parts.append(Text("Hours are editorial estimates of focused work (data/roadmaps.yaml); a month holds "
                      f"{plan.pacing.hours_per_week} h a week × 52/12 weeks.", style="dim"))
    parts.append(source_lines(cat, ids))
    tail = [as_of(cat)]
    if saved_to:
        tail.append(Text(f"Saved as your current plan ({saved_to}). Mark tasks: aicareer progress done TASK-ID",
                         style="dim"))
    parts.append(Group(*tail))
    return spaced(parts)
