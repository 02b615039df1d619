"""What you have and what you lack for a role, ordered by importance.

Importance: must-have skills come first, in the order the role lists them
(the data lists the most important first); a must-have weighs from
`must_have_weight.first` (first listed) down to `.last` (last listed), a
nice-to-have weighs `nice_to_have_weight` (data/scoring.yaml).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import msgspec

from aicareer.catalogue.index import Catalogue
from aicareer.catalogue.models import Role, Skill

Kind = Literal["must-have", "nice-to-have"]


class SkillNeed(msgspec.Struct, frozen=True):
    skill: Skill
    kind: Kind
    weight: float
    note: str | None
    known: bool


class RoleGap(msgspec.Struct, frozen=True):
    role: Role
    needs: tuple[SkillNeed, ...]

    @property
    def have(self) -> list[SkillNeed]:
        return [n for n in self.needs if n.known]

    @property
    def missing(self) -> list[SkillNeed]:
        """Missing skills, most important first."""
        return sorted((n for n in self.needs if not n.known), key=lambda n: -n.weight)

    def have_of(self, kind: Kind) -> list[SkillNeed]:
        return [n for n in self.needs if n.kind == kind and n.known]

    def all_of(self, kind: Kind) -> list[SkillNeed]:
        return [n for n in self.needs if n.kind == kind]

    @property
    def coverage(self) -> float:
        """Importance-weighted share of the role's skills you have, 0..1."""
        total = sum(n.weight for n in self.needs)
        return sum(n.weight for n in self.needs if n.known) / total if total else 0.0

    @property
    def hours_to_close(self) -> int:
        """Editorial estimate: the sum of the missing skills' learn_hours."""
        return sum(n.skill.learn_hours for n in self.missing)


def why(cat: Catalogue, role: Role, need: SkillNeed) -> str:
    """One line on why a skill matters for a role: the article's note, its rank, O*NET's flags."""
    listed = role.must_have if need.kind == "must-have" else role.nice_to_have
    order = "article" if role.salary is not None and "article" in role.salary.sources else "editorial order"
    text = need.note or f"{need.kind} #{listed.index(need.skill.id) + 1} of {len(listed)} for {role.short_name} ({order})"
    by_soc = {o.soc: o.short_name for o in cat.occupations.values()}
    flagged = [f for f in need.skill.onet if (f.hot or f.in_demand) and f.occupation in by_soc]
    if flagged:
        first = flagged[0]
        labels = " and ".join(label for label, on in (("Hot", first.hot), ("In Demand", first.in_demand)) if on)
        more = f" (+{len(flagged) - 1} more)" if len(flagged) > 1 else ""
        text += f"; O*NET 30.3: {labels} for {by_soc[first.occupation]}{more}"
    return text


def skill_weights(cat: Catalogue, role: Role) -> list[tuple[str, Kind, float]]:
    sc = cat.scoring
    first, last = sc.must_have_weight.first, sc.must_have_weight.last
    n = len(role.must_have)
    out: list[tuple[str, Kind, float]] = []
    for i, sid in enumerate(role.must_have):
        out.append((sid, "must-have", first - (first - last) * (i / (n - 1) if n > 1 else 0.0)))
    out += [(sid, "nice-to-have", sc.nice_to_have_weight) for sid in role.nice_to_have]
    return out


def role_gap(cat: Catalogue, role: Role, known: Iterable[str]) -> RoleGap:
    """Each of the role's skills, weighed, with whether `known` (skill ids) holds it."""
    known = set(known)
    needs = tuple(
        SkillNeed(cat.skills[sid], kind, weight, role.skill_notes.get(sid), sid in known)
        for sid, kind, weight in skill_weights(cat, role)
    )
    return RoleGap(role, needs)
