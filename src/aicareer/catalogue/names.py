"""Name resolution: a role or skill found by id, name, alias or other title, in any case
and spelling of spaces, hyphens and punctuation; an unknown name suggests only close ones.

How a typed title is matched (first hit wins):
1. its normal form (`norm`): lower case, dotted abbreviations joined ("A.I." -> "ai"),
   every run of other characters than letters, digits, + and # made one space;
2. the same with the parts of "Software Engineer, Machine Learning" turned round
   ("machine learning software engineer"), with level words dropped ("Senior",
   "Sr.", "Staff", "Lead", "II" ...), and with a plural last word made singular;
3. each of those without any spaces ("Data-Base Engineer" = "database engineer").
A listed title "X (Y)" is also found by X and by Y alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import msgspec

from aicareer.catalogue.models import Occupation, Question, Role, Skill
from aicareer.core.errors import InputError
from aicareer.core.suggest import closest, did_you_mean

_ABBREVIATION = re.compile(r"\b[a-z](?:\.[a-z])+\b\.?")
_OTHER = re.compile(r"[^a-z0-9+#]+")
_PARENS = re.compile(r"^(?P<outer>[^()]+)\((?P<inner>[^()]+)\)\s*$")
LEVEL_WORDS = frozenset({"senior", "sr", "junior", "jr", "staff", "principal", "lead", "associate",
                         "i", "ii", "iii", "iv", "1", "2", "3", "4"})


def comma_list(text: str) -> list[str]:
    """The names in a comma-separated list: 'Python, k8s,' -> ['Python', 'k8s']."""
    return [v.strip() for v in text.split(",") if v.strip()]


def norm(name: str) -> str:
    """Case-, space-, hyphen- and punctuation-insensitive form of a name, for lookups.

    >>> norm("A.I. Engineer"), norm("ML/AI-engineer"), norm("C++")
    ('ai engineer', 'ml ai engineer', 'c++')
    """
    low = _ABBREVIATION.sub(lambda m: m.group().replace(".", ""), name.lower())
    return " ".join(_OTHER.sub(" ", low).split())


def compact(key: str) -> str:
    """A normal form without spaces: the last resort of a lookup."""
    return key.replace(" ", "")


def variants(name: str) -> list[str]:
    """The normal forms a listed name is found by: itself, and for "X (Y)" also X and Y."""
    out = [norm(name)]
    m = _PARENS.match(name.strip())
    if m:
        out += [norm(m["outer"]), norm(m["inner"])]
    return [k for k in dict.fromkeys(out) if k]


def _without_levels(key: str) -> str:
    words = key.split()
    while len(words) > 1 and words[0] in LEVEL_WORDS:
        words.pop(0)
    while len(words) > 1 and words[-1] in LEVEL_WORDS:
        words.pop()
    return " ".join(words)


def _singular(key: str) -> str:
    words = key.split()
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    return " ".join(words)


def query_keys(query: str) -> list[str]:
    """The normal forms tried for a typed name, most literal first."""
    forms = [query]
    if "," in query:
        head, _, tail = query.rpartition(",")
        forms.append(f"{tail} {head}")
    keys: list[str] = []
    for form in forms:
        key = norm(form)
        bare = _without_levels(key)
        keys += [key, bare, _singular(key), _singular(bare)]
    return [k for k in dict.fromkeys(keys) if k]


class Names(msgspec.Struct, frozen=True):
    """Normal form -> id, and the same without spaces (built from the first form of each name).
    (A Struct, not a dataclass: building a dataclass costs ~0.7 ms of every command's start-up.)"""

    exact: dict[str, str] = msgspec.field(default_factory=dict)
    spaceless: dict[str, str] = msgspec.field(default_factory=dict)

    def add(self, name: str, ident: str) -> None:
        for key in variants(name):
            self.exact.setdefault(key, ident)
            self.spaceless.setdefault(compact(key), ident)

    def find(self, query: str) -> str | None:
        """The id a typed name stands for, or None."""
        keys = query_keys(query)
        for key in keys:
            if key in self.exact:
                return self.exact[key]
        for key in keys:
            if compact(key) in self.spaceless:
                return self.spaceless[compact(key)]
        return None

    def ids(self) -> list[str]:
        return list(dict.fromkeys(self.exact.values()))

    def near(self, query: str, n: int = 3) -> list[str]:
        """Ids whose names are really close to the query (core.suggest's rule), best first."""
        found: list[str] = []
        for key in query_keys(query)[:2]:
            found += [self.exact[k] for k in closest(key, self.exact, n=5)]
        return list(dict.fromkeys(found))[:n]


def role_name_list(role: Role) -> list[str]:
    """Every name a role is found by: id, name, short name, aliases and other titles."""
    return [role.id, role.name, role.short_name, *role.aliases, *role.other_titles]


def role_names(roles: Iterable[Role]) -> Names:
    """Every role's names. Names come before other titles, so a title never hides a name."""
    roles = list(roles)
    names = Names()
    for role in roles:
        for name in (role.id, role.name, role.short_name, *role.aliases):
            names.add(name, role.id)
    for role in roles:
        for name in role.other_titles:
            names.add(name, role.id)
    return names


def occupation_names(occupations: Iterable[Occupation]) -> Names:
    """Every BLS reference occupation's id, name and short name (plural names are found singular too)."""
    names = Names()
    for occ in occupations:
        for name in (occ.id, occ.name, occ.short_name):
            names.add(name, occ.id)
            names.add(_singular(norm(name)), occ.id)
    return names


def skill_names(skills: Iterable[Skill]) -> Names:
    names = Names()
    for skill in skills:
        for name in (skill.id, skill.name, *skill.aliases):
            names.add(name, skill.id)
    return names


def roles_for_soc(roles: Iterable[Role], soc: str) -> list[str]:
    """Ids of the roles whose pay maps to an occupation, the ones that list it first before the others."""
    ranked = [(next(i for i, link in enumerate(r.occupations) if link.soc == soc), n, r.id)
              for n, r in enumerate(roles) if any(link.soc == soc for link in r.occupations)]
    return [rid for _, _, rid in sorted(ranked)]


def unknown_name(kind: str, query: str, names: Names) -> InputError:
    """'unknown role ...; did you mean ...? (valid: ...)': suggestions only when really close."""
    near = names.near(query)
    hint = f"; did you mean {' or '.join(near)}?" if near else ""
    ids = names.ids()
    shown = ", ".join(ids) if len(ids) <= 12 else ", ".join(ids[:12]) + ", ..."
    return InputError(f"unknown {kind} {query!r}{hint} (valid: {shown})")


def not_a_role(query: str, occ: Occupation, closest_roles: list[str]) -> InputError:
    """The message for a BLS reference occupation typed where a role was asked for."""
    near = ", ".join(closest_roles[:4]) if closest_roles else "none maps to it (see aicareer roles)"
    return InputError(f"{query!r} is a BLS reference occupation shown in compare ({occ.name}, SOC {occ.soc}), "
                      f"not an AI role; closest roles: {near}")


def resolve(kind: str, query: str, names: Names) -> str:
    """The id a typed name stands for; InputError (exit 2) naming close matches when none."""
    found = names.find(query)
    if found is None:
        raise unknown_name(kind, query, names)
    return found


def clashes(owners: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str, str]]:
    """(name, id, earlier id) for every name two ids claim, compared in normal form."""
    seen: dict[str, str] = {}
    for name, ident in owners:
        for key in variants(name):
            first = seen.setdefault(key, ident)
            if first != ident:
                yield name, ident, first
                break


def _key(text: str) -> str:
    """A choice name compared ignoring case, and '_' or spaces written for '-'."""
    return "-".join(text.strip().lower().replace("_", " ").split())


def choice_id(q: Question, choices: list[tuple[str, str]], value: str, where: str = "") -> str:
    """The choice id for a value given by id, label or synonym, in any case ('PM', 'swe', 'Career changer');
    `choices` are the question's (id, label) pairs (Catalogue.choices). An unknown value is an InputError
    starting with `where` (e.g. 'answers: background: ')."""
    by_name: dict[str, str] = {}
    for c in q.choices:  # synonyms first, so an id or a label always wins
        by_name |= {_key(s): c.id for s in c.synonyms}
    by_name |= {_key(label): c for c, label in choices}
    by_name |= {_key(c): c for c, _ in choices}
    key = _key(value)
    if key in by_name:
        return by_name[key]
    hint = did_you_mean(key, [c for c, _ in choices] + [s for c in q.choices for s in c.synonyms])
    raise InputError(f"{where}unknown value {value!r}{hint} (valid: {', '.join(c for c, _ in choices)})")
