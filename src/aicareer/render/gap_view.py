"""Skill gaps: for a role, and for a job posting."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from aicareer.catalogue import Catalogue
from aicareer.gaps import RoleGap, why
from aicareer.postings import PostingAnalysis
from aicareer.render.common import RangeBar, Responsive, as_of, spaced


def coverage_line(label: str, share: float) -> Table:
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(no_wrap=True)
    grid.add_column(justify="right", no_wrap=True, style="bold")
    grid.add_column(ratio=1, min_width=10, no_wrap=True)
    grid.add_row(label, f"{round(share * 100)}%", RangeBar(0, share * 100, (0, 100), style="green"))
    return grid


def role_gap_view(cat: Catalogue, gap: RoleGap, known_from: str, hours_per_week: int | None) -> RenderableType:
    head = Text.assemble(("Skill gap: ", "bold"), (gap.role.name, "bold"), f"  ({gap.role.id})")
    source = Text(f"Your skills: {known_from}", style="dim")
    have = Table.grid(padding=(0, 1))
    have.add_column(no_wrap=True, style="green")
    have.add_column(overflow="fold")
    for kind in ("must-have", "nice-to-have"):
        names = [n.skill.name for n in gap.have_of(kind)]
        total = len(gap.all_of(kind))
        have.add_row(f"✓ {kind}", Text(f"{len(names)} of {total}" + (f": {', '.join(names)}" if names else "")))

    missing = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, expand=True,
                    title="What you lack, most important first", title_justify="left")
    missing.add_column("Skill", ratio=2, overflow="fold")
    missing.add_column("", no_wrap=True)
    missing.add_column("Why it matters", ratio=4, overflow="fold", style="dim")
    missing.add_column("~hours", justify="right", no_wrap=True)
    for need in gap.missing:
        missing.add_row(Text(need.skill.name.split(" (")[0]), need.kind.split("-")[0],
                        Text(why(cat, gap.role, need)), str(need.skill.learn_hours))
    total = gap.hours_to_close
    tail = Text(f"~{total} hours in all", style="bold")
    if hours_per_week:
        tail.append(f", about {-(-total // hours_per_week)} weeks at {hours_per_week} h a week")
    tail.append(". Hours are editorial estimates of focused study and practice (data/skills.yaml).", style="dim")
    parts: list[RenderableType] = [
        Group(head, source), coverage_line("Coverage (importance-weighted):", gap.coverage), have,
    ]
    if gap.missing:
        parts += [Responsive(missing), tail]
    else:
        parts.append(Text("You hold every skill the catalogue lists for this role.", style="green"))
    parts.append(Text(f"Next: aicareer roadmap --track {gap.role.id}", style="bold"))
    return spaced([*parts, as_of(cat)])


def posting_view(cat: Catalogue, name: str, result: PostingAnalysis, known_from: str) -> RenderableType:
    head = Text.assemble(("Job posting: ", "bold"), name,
                         f"  ({len(result.skills)} catalogue skill{'s' if len(result.skills) != 1 else ''} found)")
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, expand=True)
    table.add_column("Skill", ratio=3, overflow="fold")
    table.add_column("Section", no_wrap=True)
    table.add_column("Weight", justify="right", no_wrap=True)
    table.add_column("You", no_wrap=True)
    for s in result.skills:
        table.add_row(Text(s.skill.name), s.section, f"{s.weight:g}",
                      Text("✓ have", style="green") if s.known else Text("missing", style="red"))
    parts: list[RenderableType] = [
        Group(head, Text(f"Your skills: {known_from}", style="dim")),
        Responsive(table),
        coverage_line("Match (matched weight / total weight):", result.match),
        Text("Weights: required / must-have sections 3, preferred / nice-to-have / bonus 2, the rest 1.",
             style="dim"),
    ]
    if result.missing:
        parts.append(Text.assemble(("Keywords to add to your resume, where they are true: ", "bold"),
                                   ", ".join(s.skill.name for s in result.missing)))
    if result.best_role is not None:
        fit = round(result.role_fit[result.best_role.id] * 100)
        parts.append(Text.assemble(("Best-matching role: ", "bold"),
                                   f"{result.best_role.name} ({result.best_role.id}, covers {fit}% of the posting's "
                                   f"weight)", ("   aicareer gap " + result.best_role.id, "dim")))
    return spaced([*parts, as_of(cat)])
