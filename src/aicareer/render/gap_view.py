"""Skill gaps: for a role, and for a job posting."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from aicareer.catalogue.index import Catalogue
from aicareer.domain.gaps import RoleGap, why
from aicareer.domain.postings import PostingAnalysis
from aicareer.render.common import Col, Grid, RangeBar, as_of, spaced


def coverage_line(label: str, share: float) -> Grid:
    return Grid([Col(wrap=False), Col(wrap=False, justify="right", style="bold"), Col(bar=True)],
                [(label, f"{round(share * 100)}%", RangeBar(0, share * 100, (0, 100), style="green"))],
                header=False, gap=1, narrow=len(label) + 20)


def role_gap_view(cat: Catalogue, gap: RoleGap, known_from: str, hours_per_week: int | None) -> RenderableType:
    head = Text.assemble(("Skill gap: ", "bold"), (gap.role.name, "bold"), f"  ({gap.role.id})")
    source = Text(f"Your skills: {known_from}", style="dim")
    rows = []
    for kind in ("must-have", "nice-to-have"):
        names = [n.skill.name for n in gap.have_of(kind)]
        rows.append((f"✓ {kind}", f"{len(names)} of {len(gap.all_of(kind))}" + (f": {', '.join(names)}" if names else "")))
    have = Grid([Col(wrap=False, style="green"), Col()], rows, header=False, gap=1, narrow=0)

    missing = Grid([Col("Skill"), Col("", wrap=False), Col("Why it matters", style="dim"),
                    Col("~hours", wrap=False, justify="right")],
                   [(n.skill.name.split(" (")[0], n.kind.split("-")[0], why(cat, gap.role, n), str(n.skill.learn_hours))
                    for n in gap.missing], title="What you lack, most important first")
    total = gap.hours_to_close
    tail = Text(f"~{total} hours in all", style="bold")
    if hours_per_week:
        tail.append(f", about {-(-total // hours_per_week)} weeks at {hours_per_week} h a week")
    tail.append(". Hours are editorial estimates of focused study and practice (data/skills.yaml).", style="dim")
    parts: list[RenderableType] = [
        Group(head, source), coverage_line("Coverage (importance-weighted):", gap.coverage), have,
    ]
    if gap.missing:
        parts += [missing, tail]
    else:
        parts.append(Text("You hold every skill the catalogue lists for this role.", style="green"))
    parts.append(Text(f"Next: aicareer roadmap --track {gap.role.id}", style="bold"))
    return spaced([*parts, as_of(cat)])


def posting_view(cat: Catalogue, name: str, result: PostingAnalysis, known_from: str) -> RenderableType:
    head = Text.assemble(("Job posting: ", "bold"), name,
                         f"  ({len(result.skills)} catalogue skill{'s' if len(result.skills) != 1 else ''} found)")
    table = Grid([Col("Skill"), Col("Section", wrap=False), Col("Weight", wrap=False, justify="right"),
                  Col("You", wrap=False)],
                 [(s.skill.name, s.section, f"{s.weight:g}", ("✓ have", "green") if s.known else ("missing", "red"))
                  for s in result.skills])
    parts: list[RenderableType] = [
        Group(head, Text(f"Your skills: {known_from}", style="dim")),
        table,
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
