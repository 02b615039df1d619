"""The assessment result: ranking with fit bars, then a panel per top match."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from aicareer.catalogue.index import Catalogue
from aicareer.core.fmt import percent
from aicareer.domain.assessment import Assessment, Match
from aicareer.render.common import Col, Grid, RangeBar, as_of, bullets, money, money_range, source_lines, spaced

SIGN_STYLE = {"+": "green", "−": "red", "·": "dim"}


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{round(value * 100)}%"


def ranking(result: Assessment) -> Grid:
    rows = []
    for n, m in enumerate(result.matches, 1):
        c, top = m.components, n <= result.top
        rows.append((str(n), (m.role.short_name, "bold" if top else ""), str(m.score),
                     RangeBar(0, m.score, (0, 100), style="green" if top else "cyan"),
                     _pct(c["skills"]), _pct(c["interests"]), _pct(c["background"]), _pct(c["salary"])))
    right = {"wrap": False, "justify": "right"}
    return Grid([Col("#", wrap=False), Col("Role", wrap=False), Col("Fit", **right), Col("0 … 100", bar=True),
                 Col("skills", **right), Col("interests", **right), Col("backgr.", **right), Col("salary", **right)],
                rows, title="Your AI role matches", heading=1)


def method_note(cat: Catalogue) -> Text:
    w = cat.scoring.weights
    return Text(
        f"Fit = weighted mean of skills {w.skills:g}, interests {w.interests:g}, background "
        f"{w.background:g}, salary goal {w.salary:g} (n/a parts left out). Skills: importance-weighted "
        "share of the role's skills you have. Editorial weights, written down in data/scoring.yaml.",
        style="dim",
    )


def match_panel(cat: Catalogue, result: Assessment, m: Match, rank: int) -> Panel:
    reasons = Grid([Col(wrap=False), Col()], [((r.sign, SIGN_STYLE[r.sign]), r.text) for r in m.reasons],
                   header=False, gap=1, narrow=0)

    pay = m.pay
    if pay is None:
        from aicareer.render.role_view import BLS_SOURCE, NO_RANGE, base_summary, national_base

        salary = Text.assemble(("Salary for you: ", "bold"), f"{NO_RANGE}; national {base_summary(national_base(m.role))}"
                               f", May 2025, no equity ", (f"[{BLS_SOURCE}]", "dim"))
    else:
        shown = ("≈" if pay.estimate else "") + money_range(pay.low, pay.high, pay.open_top)
        salary = Text.assemble(("Salary for you: ", "bold"), shown, f" {pay.basis}")
    if pay is None:
        pass
    elif pay.estimate:
        salary.append(f" (estimate for {result.level.name.lower()}, {result.location.name}: see method below)",
                      style="yellow")
    elif m.role.salary is not None:
        salary.append(f" ({m.role.salary.period}, as published)", style="dim")

    gaps = Grid([Col(wrap=False, style="dim"), Col(), Col(wrap=False, justify="right", style="dim")],
                [(n.kind, n.skill.name, f"~{n.skill.learn_hours} h") for n in m.gap.missing[:5]],
                header=False, gap=1, narrow=0)
    missing_title = Text("Top missing skills", style="bold")
    if m.gap.missing:
        missing_title.append(f" (of {len(m.gap.missing)}; hours are editorial estimates)", style="dim")
    else:
        missing_title.append(": none; you hold every listed skill", style="green")

    body = Group(
        reasons,
        Text(),
        salary,
        Text(),
        missing_title,
        gaps,
        Text(),
        Text.assemble(("Next: ", "bold"), f"aicareer roadmap --track {m.role.id}",
                      ("   then ", "dim"), f"aicareer gap {m.role.id}"),
    )
    return Panel(body, title=Text(f"#{rank} {m.role.name} · fit {m.score}"), title_align="left",
                 border_style="green" if rank == 1 else "cyan", box=box.ROUNDED)


def assess_view(cat: Catalogue, result: Assessment, saved_to: str | None) -> RenderableType:
    parts: list[RenderableType] = [ranking(result), method_note(cat)]
    for rank, m in enumerate(result.top_matches, 1):
        parts.append(match_panel(cat, result, m, rank))
    if any(m.pay is not None and m.pay.estimate for m in result.top_matches):
        lines = [f"{result.level.name} (from {result.answers.experience_years} years of experience): "
                 f"{result.level.method}"]
        if result.location.premium_low or result.location.premium_high:
            lines.append(f"{result.location.name}: {result.location.method}")
        lines.append("estimates are rounded to the nearest $1,000")
        parts.append(bullets("≈ = estimate. Method:", lines, "bold yellow"))
    if result.notes:
        parts.append(bullets("Market notes for your answers", [n.full_text for n in result.notes]))
    ids = ["article"] + [s for n in result.notes if n.figure for s in n.figure.sources]
    ids += list(result.location.sources)
    if any(m.pay is None and m.role.occupations for m in result.top_matches):
        ids.append("bls-oews-2025")
    parts.append(source_lines(cat, ids))
    tail: list[RenderableType] = [as_of(cat)]
    if saved_to:
        tail.append(Text(f"Profile saved to {saved_to} (aicareer gap and roadmap will use it).", style="dim"))
    parts.append(Group(*tail))
    return spaced(parts)


__all__ = ["assess_view", "money", "percent"]
