"""Name resolution: a role or skill found by id, name, alias or other title, in any case
and spelling of spaces, hyphens and punctuation; an unknown name suggests only close ones."""

from __future__ import annotations

from collections.abc import Iterable

from aicareer.catalogue.models import Role, Skill
from aicareer.core.errors import InputError
from aicareer.core.suggest import closest


def comma_list(text: str) -> list[str]:
    """The names in a comma-separated list: 'Python, k8s,' -> ['Python', 'k8s']."""
    return [v.strip() for v in text.split(",") if v.strip()]


def norm(name: str) -> str:
    """Case-, space- and dash-insensitive form of a name, for lookups."""
    return " ".join(name.lower().replace("_", " ").replace("-", " ").split())


def role_names(roles: Iterable[Role]) -> dict[str, str]:
    names: dict[str, str] = {}
    for role in roles:
        for name in (role.id, role.name, role.short_name, *role.aliases):
            names.setdefault(norm(name), role.id)
    return names


def skill_names(skills: Iterable[Skill]) -> dict[str, str]:
    names: dict[str, str] = {}
    for skill in skills:
        for name in (skill.id, skill.name, *skill.aliases):
            names.setdefault(norm(name), skill.id)
    return names


def resolve(kind: str, query: str, names: dict[str, str]) -> str:
    key = norm(query)
    if key in names:
        return names[key]
    ids = list(dict.fromkeys(names.values()))
    near = list(dict.fromkeys(names[n] for n in closest(key, names, n=5)))[:3]
    hint = f"; did you mean {' or '.join(near)}?" if near else ""
    shown = ", ".join(ids) if len(ids) <= 12 else ", ".join(ids[:12]) + ", ..."
    raise InputError(f"unknown {kind} {query!r}{hint} (valid: {shown})")
