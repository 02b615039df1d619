"""What a person knows, as the vocabulary reads it: term ids, learning skill ids and the names neither
knows (kept as written). Its own module so that an empty one costs no vocabulary import."""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

if TYPE_CHECKING:
    from aicareer.catalogue.models import Term


class SkillSet(msgspec.Struct, frozen=True):
    """What a person knows: vocabulary term ids, learning skill ids, and names neither knows."""

    terms: frozenset[str] = frozenset()
    skills: frozenset[str] = frozenset()
    unknown: tuple[str, ...] = ()  # as written
    suggestions: dict[str, tuple[str, ...]] = {}  # unknown name -> close known names (may be empty)
    listed: tuple[str, ...] = ()  # what was given, in order: a skill id, else a term id, else the name

    def __or__(self, other: SkillSet) -> SkillSet:
        return SkillSet(self.terms | other.terms, self.skills | other.skills,
                        tuple(dict.fromkeys((*self.unknown, *other.unknown))),
                        {**self.suggestions, **other.suggestions}, (*self.listed, *other.listed))

    def knows_term(self, term: Term) -> bool:
        return term.id in self.terms or term.id in self.skills

    @property
    def stored(self) -> tuple[str, ...]:
        """What to save in a profile: learning skill ids, then term ids with no learning entry, then the
        unknown names as written (so nothing the person typed is lost)."""
        if self.listed:
            return tuple(dict.fromkeys(self.listed))
        return tuple(dict.fromkeys((*sorted(self.skills), *sorted(self.terms - self.skills), *self.unknown)))
