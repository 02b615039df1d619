"""roles and role: the catalogue one line a role, and one role's profile."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from aicareer.catalogue.index import Catalogue
from aicareer.catalogue.models import Role
from aicareer.render.common import (
    DEMAND_STYLE,
    Col,
    Grid,
    as_of,
    bullets,
    money_range,
    source_lines,
    spaced,
)


def roles_view(cat: Catalogue) -> RenderableType:
    rows = [(r.id, r.name, r.track, money_range(r.salary.low, r.salary.high, r.salary.open_top)
             if r.salary else "no published range") for r in cat.roles.values()]
    table = Grid([Col("id", wrap=False, style="bold"), Col("Role"), Col("Track", wrap=False), Col("Pay", wrap=False)],
                 rows, title="AI roles in the catalogue")
    hint = Text("Pay: the article's base + equity ranges, 2025 [article]. "
                "More: aicareer role ID, aicareer compare.", style="dim")
    return Group(table, hint, as_of(cat))


def _skills_table(cat: Catalogue, role: Role) -> Grid:
    rows = []
    for label, ids in (("must-have", role.must_have), ("nice-to-have", role.nice_to_have)):
        for sid in ids:
            skill = cat.skills[sid]
            hot = " ★" if any(f.hot or f.in_demand for f in skill.onet) else ""
            rows.append((skill.name + hot, label, role.skill_notes.get(sid, "")))
    return Grid([Col("Skill"), Col("", wrap=False), Col("Why / note", style="dim")], rows,
                title="Skills (most important first)", sections={len(role.must_have)})


def role_view(cat: Catalogue, role: Role) -> RenderableType:
    s = role.salary
    head = Text.assemble((role.name, "bold"), f"  ({role.id}, {role.track} track)")
    pay = Text.assemble(
        ("Pay: ", "bold"), f"{money_range(s.low, s.high, s.open_top)} {s.basis}, {s.period} ",
        (f"[{', '.join(s.sources)}]", "dim"),
    ) if s else Text.assemble(("Pay: ", "bold"), "no published base+equity range")
    facts = [f"{' '.join(f.text.split())}" + (f" ({f.via})" if f.via else "") + f" [{', '.join(f.sources)}]"
             for f in role.facts]
    pay_block = Group(pay, bullets("", ([s.note] if s and s.note else []) + facts, ""))
    other = ", ".join(role.other_titles) or "-"
    body: list[RenderableType] = [
        head,
        pay_block,
        _skills_table(cat, role),
        Text("★ O*NET 29.2 flags this technology as Hot or In Demand for at least one related "
             "occupation [onet-29.2].", style="dim"),
        Text.assemble(("Tools: ", "bold"), ", ".join(role.tools) or "-"),
        Text.assemble(("Trend: ", "bold"), (role.trend.demand, DEMAND_STYLE.get(role.trend.demand, "")),
                      f". {' '.join(role.trend.detail.split())}"),
        Text.assemble(("Example: ", "bold"), " ".join(role.example.split())),
        Text.assemble(("Who hires: ", "bold"), ", ".join(role.hiring) or "-"),
        Text.assemble(("Also called: ", "bold"), other),
        Text.assemble(("Next: ", "bold"), f"aicareer gap {role.id}   aicareer roadmap --track {role.id}"),
        source_lines(cat, [*role.sources, *(s.sources if s else ()), "onet-29.2"]),
        as_of(cat),
    ]
    return spaced(body)
