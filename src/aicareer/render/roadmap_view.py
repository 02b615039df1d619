"""The plan in the terminal: a twelve-month timeline in phase bands, then a panel per month."""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.text import Text

from aicareer.catalogue.index import Catalogue
from aicareer.domain.roadmap import Plan
from aicareer.render.card import Card, Paragraph
from aicareer.render.common import as_of, source_lines, spaced
from aicareer.render.roadmap_text import FREE_MONTH, STATUS_NOTE, month_heading, pacing_text, task_details

PHASE_STYLE = {"foundation": "black on cyan", "specialization": "black on green",
               "certification": "black on yellow", "job-search": "black on magenta"}
BLOCKS = " ▁▂▃▄▅▆▇█"


class Timeline:
    """Twelve equal cells: the phase bands, the month names, and a bar of each month's hours."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(36, options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        months = self.plan.months
        cell = max(3, min(10, options.max_width // len(months)))
        bands = Text()
        for phase in {m.phase.id: m.phase for m in months}.values():
            width = cell * (phase.last - phase.first + 1)
            name = phase.name if len(phase.name) < width else phase.name[: width - 2] + "…"
            bands.append(f" {name}".ljust(width), style=PHASE_STYLE.get(phase.id, "reverse"))
        labels = Text()
        peak = max((m.hours for m in months), default=1) or 1
        bars = Text()
        for m in months:
            short = f"M{m.number}" if m.start is None else m.start.strftime("%b")
            labels.append(short.center(cell)[:cell])
            level = round(m.hours / peak * (len(BLOCKS) - 1))
            bars.append((BLOCKS[level] * (cell - 1)).center(cell), style="cyan")
        yield bands
        yield labels
        yield bars
        yield Text(f"bars: hours of work each month (most: {peak} h)", style="dim")


def month_panel(plan: Plan, index: int, marks: Mapping[str, str]) -> Card:
    """One month as a card of paragraphs: the goal, each task (its details indented under
    it), the deliverable and the milestones."""
    m = plan.months[index]
    paragraphs = [Paragraph([("Goal: ", "bold"), (m.goal, "")], hang=2)]
    for t in m.tasks:
        mark = marks.get(t.id)
        box_ = "[x]" if mark == "done" else "[-]" if mark == "skipped" or t.status == "known" else "[ ]"
        runs: list[tuple[str, str]] = [(box_, "green" if mark == "done" else ""), (" ", ""), (t.id, "bold"),
                                       (f" · {t.hours} h · ", "dim"),
                                       (t.title, "dim strike" if t.status == "known" else "")]
        note = STATUS_NOTE.get(t.status)
        if note:
            runs.append((f"  ({note})", "yellow" if t.status != "known" else "dim"))
        paragraphs.append(Paragraph(runs, hang=4))
        for line in task_details(plan, t):
            style = "bold red" if line.startswith("RETIRED") else "dim"
            paragraphs.append(Paragraph([("↳ ", "dim"), (line, style)], indent=4, hang=6))
    if m.hours == 0:
        paragraphs.append(Paragraph([(FREE_MONTH, "green")]))
    paragraphs.append(Paragraph([("Deliverable: ", "bold"), (m.deliverable, "")], hang=2))
    if m.milestones:
        paragraphs.append(Paragraph([("Milestones: ", "bold"), ("; ".join(m.milestones), "")], hang=2))
    return Card(month_heading(m), paragraphs, border=PHASE_STYLE.get(m.phase.id, "").replace("black on ", ""))


def roadmap_view(cat: Catalogue, plan: Plan, background_label: str, marks: Mapping[str, str],
                 saved_to: str | None) -> RenderableType:
    start = f" · starts {plan.start:%B %Y}" if plan.start else ""
    head = Text.assemble(("12-month roadmap: ", "bold"), (plan.track.name, "bold"),
                         f" · from {background_label.lower()} · {plan.pacing.hours_per_week} h a week{start}")
    known = [t for t in plan.tasks if t.status == "known"]
    added = [t for t in plan.tasks if t.status in ("added", "posting")]
    pers = []
    if known:
        pers.append(f"{len(known)} task(s) skipped for skills you know")
    if added:
        pers.append(f"{len(added)} added for skills you lack")
    parts: list[RenderableType] = [
        head,
        Text(pacing_text(plan.pacing), style="green" if plan.pacing.fits else "yellow"),
    ]
    if pers:
        parts.append(Text("Personalised: " + "; ".join(pers) + ".", style="dim"))
    if plan.retired_certifications:
        parts.append(Text("Note: the article recommends AWS Certified Machine Learning – Specialty, which AWS "
                          "retired on 31 March 2026; month 7 names current options.", style="bold red"))
    parts.append(Timeline(plan))
    parts += [month_panel(plan, i, marks) for i in range(len(plan.months))]
    ids = ["article"] + [s for t in plan.tasks for c in t.certifications for s in c.sources]
    ids += [s for t in plan.tasks for e in t.events for s in e.sources]
    parts.append(Text("Hours are editorial estimates of focused work (data/roadmaps.yaml).", style="dim"))
    parts.append(source_lines(cat, ids))
    tail = [as_of(cat)]
    if saved_to:
        tail.append(Text(f"Saved as your current plan ({saved_to}). Mark tasks: aicareer progress done TASK-ID",
                         style="dim"))
    parts.append(Group(*tail))
    return spaced(parts)
