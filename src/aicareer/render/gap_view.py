"""Skill gaps: for a role, and for a job posting."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from aicareer.catalogue.index import Catalogue
from aicareer.domain.gaps import RoleGap, why
from aicareer.domain.postings import PostingAnalysis
from aicareer.render.bars import RangeBar
from aicareer.render.common import as_of, spaced
from aicareer.render.grid import Col, Grid


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


def resume_skills_view(cat: Catalogue, term_ids: list[str]) -> RenderableType:
    """The skills read from a resume, so the person can correct them with --skills."""
    voc = cat.vocabulary
    if not term_ids:
        return Text("Skills found in your resume: none the tool knows. Give them with --skills \"Python, SQL\".",
                    style="yellow")
    return Text.assemble(("Skills found in your resume: ", "bold"), ", ".join(voc.display(t) for t in term_ids),
                         ("\n(not right? add or replace them with --skills \"...\")", "dim"))


def _what_was_read(result: PostingAnalysis) -> RenderableType:
    lines = Text()
    read = result.requirement_lines - len(result.unread)
    if result.requirement_lines:
        lines.append(f"Read: a known skill in {read} of {result.requirement_lines} requirement lines", style="bold")
        if result.unread:
            shown = "; ".join(_cut(u) for u in result.unread[:4])
            more = f" (+{len(result.unread) - 4} more)" if len(result.unread) > 4 else ""
            lines.append(f"\nLines with no skill the tool knows: {shown}{more}", style="dim")
    else:
        lines.append("Read: no requirements heading found; every line was read with the same weight", style="bold")
    if result.unknown_terms:
        shown = ", ".join(result.unknown_terms[:12])
        more = f" (+{len(result.unknown_terms) - 12} more)" if len(result.unknown_terms) > 12 else ""
        lines.append(f"\nTerms seen but not known (not counted): {shown}{more}", style="dim")
    return lines


def _cut(line: str, width: int = 60) -> str:
    return line if len(line) <= width else line[:width - 1].rstrip() + "…"


def posting_view(cat: Catalogue, name: str, result: PostingAnalysis, known_from: str) -> RenderableType:
    n = len(result.requirements)
    head = Text.assemble(("Job posting: ", "bold"), name, f"  ({n} requirement{'s' if n != 1 else ''} recognised)")
    table = Grid([Col("Requirement"), Col("Section", wrap=False), Col("Weight", wrap=False, justify="right"),
                  Col("You", wrap=False), Col("Learn", style="dim")],
                 [(r.name, r.section, f"{r.weight:g}", ("✓ have", "green") if r.known else ("missing", "red"),
                   _teaches(cat, r)) for r in result.requirements])
    label = "Match (matched weight / total weight):"
    parts: list[RenderableType] = [
        Group(head, Text(f"Your skills: {known_from}", style="dim")),
        table,
        coverage_line(label, result.shown_match),
    ]
    if result.caveat:  # yellow when most requirement lines could not be read
        parts.append(Text(f"≈ {'Low confidence: ' if result.mostly_unread else ''}{result.caveat}.",
                          style="yellow" if result.mostly_unread else "dim"))
    parts += [
        _what_was_read(result),
        Text("Weights: required / must-have sections 3, preferred / nice-to-have / bonus 2, the rest 1. "
             "\"X or Y\" is one requirement that either meets.", style="dim"),
    ]
    if result.missing:
        parts.append(Text.assemble(("Keywords to add to your resume, where they are true: ", "bold"),
                                   ", ".join(r.name for r in result.missing)))
    if result.best_role is not None:
        fit = round(result.role_fit[result.best_role.id] * 100)
        parts.append(Text.assemble(("Best-matching role: ", "bold"),
                                   f"{result.best_role.name} ({result.best_role.id}, covers {fit}% of the posting's "
                                   f"weight)", ("   aicareer gap " + result.best_role.id, "dim")))
    return spaced([*parts, as_of(cat)])


def _teaches(cat: Catalogue, req: object) -> str:
    """The learning catalogue's hours for a requirement, or '—' when the tool has no course for it."""
    hours = [cat.skills[t.skill or t.id].learn_hours for t in req.terms  # type: ignore[attr-defined]
             if (t.skill or t.id) in cat.skills]
    return f"~{min(hours)} h" if hours else "—"
