"""roles and role: the catalogue one line a role, and one role's profile."""

from __future__ import annotations

import msgspec
from rich.console import Group, RenderableType
from rich.text import Text

from aicareer.catalogue.index import Catalogue
from aicareer.catalogue.models import Role
from aicareer.catalogue.wages import NATION, WageTable
from aicareer.core.fmt import money, money_range
from aicareer.render.common import DEMAND_STYLE, as_of, bullets, source_lines, spaced
from aicareer.render.grid import Col, Grid

NO_RANGE = "no published base+equity range"
BLS_SOURCE = "bls-oews-2025"


class BaseWage(msgspec.Struct, frozen=True):
    """One mapped occupation's national BLS OEWS base wage (None: BLS published no figure)."""

    soc: str
    name: str
    median: int | None
    p10: int | None
    p90: int | None
    sources: tuple[str, ...]


def national_base(role: Role, table: WageTable | None = None) -> list[BaseWage]:
    """The national BLS base wage of each occupation a role maps to, most fitting first."""
    table = table or WageTable.open()
    out = []
    for link in role.occupations:
        cell = table.lookup(NATION, link.soc).cell
        out.append(BaseWage(link.soc, table.meta.occupations.get(link.soc, link.soc),
                            cell.median if cell else None, cell.p10 if cell else None, cell.p90 if cell else None,
                            link.sources))
    return out


def base_summary(rows: list[BaseWage]) -> str:
    """'BLS base median $140k (Computer and Information Research Scientists)' or 'no published figure'."""
    first = next((r for r in rows if r.median is not None), None)
    return f"BLS base median {money(first.median)} ({first.name})" if first and first.median else \
        "no published figure"


def roles_view(cat: Catalogue) -> RenderableType:
    table = WageTable.open()
    rows = []
    for r in cat.roles.values():
        if r.salary:
            pay = f"{money_range(r.salary.low, r.salary.high, r.salary.open_top)} article"
        else:
            first = next((b for b in national_base(r, table) if b.median is not None), None)
            pay = f"{money(first.median)} median, BLS base" if first and first.median else \
                "no published figure"
        rows.append((r.id, r.name, r.track, pay))
    grid = Grid([Col("id", wrap=False, style="bold"), Col("Role"), Col("Track", wrap=False), Col("Pay", wrap=False)],
                rows, title="AI roles in the catalogue")
    hint = Text("Pay: the article's base + equity range, 2025 [article]; for a role without one, the national "
                f"BLS OEWS May 2025 median base wage of its first mapped occupation [{BLS_SOURCE}] (no equity, "
                "no bonus). More: aicareer role ID, aicareer compare.", style="dim")
    return Group(grid, hint, as_of(cat))


def _skills_table(cat: Catalogue, role: Role) -> Grid:
    rows = []
    for label, ids in (("must-have", role.must_have), ("nice-to-have", role.nice_to_have)):
        for sid in ids:
            skill = cat.skills[sid]
            hot = " ★" if any(f.hot or f.in_demand for f in skill.onet) else ""
            rows.append((skill.name + hot, label, role.skill_notes.get(sid, "")))
    return Grid([Col("Skill"), Col("", wrap=False), Col("Why / note", style="dim")], rows,
                title="Skills (most important first)", sections={len(role.must_have)})


def _pay_block(cat: Catalogue, role: Role) -> RenderableType:
    s = role.salary
    head = Text.assemble(
        ("Pay: ", "bold"), f"{money_range(s.low, s.high, s.open_top)} {s.basis}, {s.period} ",
        (f"[{', '.join(s.sources)}]", "dim"),
    ) if s else Text.assemble(("Pay: ", "bold"), f"{NO_RANGE} (no source publishes one that can be checked)")
    parts: list[RenderableType] = [head]
    if s and s.note:
        parts.append(bullets("", [s.note], ""))
    base = national_base(role)
    if base:
        rows = [(f"{b.name} ({b.soc})", money(b.median) if b.median else "no published figure",
                 money_range(b.p10, b.p90) if b.p10 and b.p90 else "-", f"[{', '.join(b.sources)}]")
                for b in base]
        grid = Grid([Col("Occupation (SOC)"), Col("Median", wrap=False, justify="right"),
                     Col("P10–P90", wrap=False), Col("Mapped by", wrap=False, style="dim")], rows,
                    title=f"BLS base wage, national, May 2025 [{BLS_SOURCE}]: no equity, no bonus")
        grid.title_style = ""
        parts.append(grid)
        parts.append(Text("Mapped by: the source that files the role's title under the occupation (the reasons: "
                          f"aicareer role {role.id} --json, bls_base[].mapping).", style="dim"))
    survey = [f"{p.label}: median {money(p.median)} {p.basis}"
              + (f" (P25–P75 {money_range(p.p25, p.p75)})" if p.p25 and p.p75 else "")
              + (f"; {p.note}" if p.note else "") + f" [{', '.join(p.sources)}]"
              for p in role.survey_pay]
    for p, line in zip(role.survey_pay, survey, strict=True):
        parts.append(bullets("", [f"Stack Overflow {p.period}, self-reported, secondary, n={p.n}: {line}"], ""))
    facts = [f"{' '.join(f.text.split())}" + (f" ({f.via})" if f.via else "") + f" [{', '.join(f.sources)}]"
             for f in role.facts]
    if facts:
        parts.append(bullets("", facts, ""))
    return Group(*parts)


def pay_sources(role: Role) -> list[str]:
    """Every source the pay block cites."""
    s = role.salary
    return [*(s.sources if s else ()), *([BLS_SOURCE] if role.occupations else []),
            *(x for link in role.occupations for x in link.sources), *(x for p in role.survey_pay for x in p.sources),
            *(x for f in role.facts for x in f.sources)]


def role_view(cat: Catalogue, role: Role) -> RenderableType:
    head = Text.assemble((role.name, "bold"), f"  ({role.id}, {role.track} track)")
    body: list[object] = [
        head,
        _pay_block(cat, role),
        _skills_table(cat, role),
        Text("★ O*NET 30.3 flags this technology as Hot Technology or In Demand for at least one related "
             "occupation [onet-30.3].", style="dim"),
        Text.assemble(("Tools: ", "bold"), ", ".join(role.tools) or "-"),
        Text.assemble(("Trend: ", "bold"), (role.trend.demand, DEMAND_STYLE.get(role.trend.demand, "")),
                      f". {' '.join(role.trend.detail.split())}"),
        Text.assemble(("Example: ", "bold"), " ".join(role.example.split())),
        Text.assemble(("Who hires: ", "bold"), ", ".join(role.hiring) or "-"),
        Text.assemble(("Also called: ", "bold"), "; ".join(role.other_titles) or "-"),
        Text.assemble(("Next: ", "bold"), f"aicareer gap {role.id}   aicareer roadmap --track {role.id}"),
        source_lines(cat, [*role.sources, *pay_sources(role), "onet-30.3"]),
        as_of(cat),
    ]
    return spaced(body)
