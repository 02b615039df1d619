"""The validated catalogue: every data file's model, indexes by id, name resolution.

Pure: no file I/O. `loader.py` reads the YAML and builds a Catalogue.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING

import msgspec

if TYPE_CHECKING:  # built on first use only: most commands read no free text
    from aicareer.catalogue.skillset import SkillSet
    from aicareer.catalogue.vocabulary import Vocabulary

from aicareer.catalogue import names
from aicareer.catalogue.models import (
    Industry,
    MarketFile,
    Occupation,
    OccupationsFile,
    Question,
    QuestionsFile,
    RoadmapsFile,
    Role,
    RolesFile,
    ScoringFile,
    Skill,
    SkillsFile,
    Source,
    SourcesFile,
    VocabularyFile,
)


class Catalogue(msgspec.Struct, frozen=True, dict=True, kw_only=True):
    """Every data file's validated model. This is also what the cache stores (msgpack);
    the indexes by id are derived on first use."""

    sources_file: SourcesFile
    skills_file: SkillsFile
    roles_file: RolesFile
    occupations_file: OccupationsFile
    market: MarketFile
    questions_file: QuestionsFile
    scoring: ScoringFile
    roadmaps: RoadmapsFile
    vocabulary_file: VocabularyFile

    @cached_property
    def sources(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources_file.sources}

    @cached_property
    def skills(self) -> dict[str, Skill]:
        return {s.id: s for s in self.skills_file.skills}

    @cached_property
    def roles(self) -> dict[str, Role]:
        return {r.id: r for r in self.roles_file.roles}

    @cached_property
    def occupations(self) -> dict[str, Occupation]:
        return {o.id: o for o in self.occupations_file.occupations}

    # --- facts about the data ---------------------------------------------------

    @property
    def reviewed(self) -> datetime.date:
        """The oldest review date of any file: the data is no fresher than that."""
        return min(
            f.reviewed
            for f in (self.sources_file, self.skills_file, self.roles_file, self.occupations_file, self.market,
                      self.questions_file, self.scoring, self.roadmaps)
        )

    @property
    def industries(self) -> dict[str, Industry]:
        return {i.id: i for i in self.market.industries}

    @property
    def questions(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions_file.questions}

    def choices(self, question: Question) -> list[tuple[str, str]]:
        """(id, label) pairs a question accepts, from the question or from the data."""
        if question.choices_from == "industries":
            return [(i.id, i.name) for i in self.market.industries]
        if question.choices_from == "locations":
            return [(loc.id, loc.name) for loc in self.market.adjustments.locations]
        return [(c.id, c.label) for c in question.choices]

    def cited(self, ids: Iterable[str]) -> list[Source]:
        return [self.sources[i] for i in dict.fromkeys(ids) if i in self.sources]

    # --- name resolution ----------------------------------------------------------


    @cached_property
    def _role_index(self) -> names.Names:
        return names.role_names(self.roles.values())

    @cached_property
    def _occupation_index(self) -> names.Names:
        return names.occupation_names(self.occupations.values())

    @cached_property
    def _skill_index(self) -> names.Names:
        return names.skill_names(self.skills.values())

    def find_role(self, query: str) -> Role | None:
        """The role a title stands for (id, name, alias or other title, any spelling), or None."""
        rid = self._role_index.find(query)
        return self.roles[rid] if rid is not None else None

    def resolve_role(self, query: str) -> Role:
        """The role a title stands for. When a role and a BLS reference occupation share a name, the
        role wins; a title that is only an occupation gets its own message; otherwise close matches."""
        found = self.find_role(query)
        if found is not None:
            return found
        oid = self._occupation_index.find(query)
        if oid is not None:
            occ = self.occupations[oid]
            raise names.not_a_role(query, occ, names.roles_for_soc(self.roles.values(), occ.soc))
        raise names.unknown_name("role", query, self._role_index)

    def resolve_skill(self, query: str) -> Skill:
        return self.skills[names.resolve("skill", query, self._skill_index)]

    # --- recognition vocabulary (data/vocabulary.yaml) -----------------------------

    @cached_property
    def vocabulary(self) -> Vocabulary:
        """The terms the tool recognises in text, with their links to learning skills (built once)."""
        from aicareer.catalogue.vocabulary import Vocabulary

        return Vocabulary(self.vocabulary_file, self.skills)

    def read_skills(self, names: Iterable[object]) -> SkillSet:
        """Skills as people write them (Vocabulary.read_skills); no names builds no vocabulary index."""
        given = [str(n) for n in names if str(n).strip()]
        if not given:
            from aicareer.catalogue.skillset import SkillSet

            return SkillSet()
        return self.vocabulary.read_skills(given)
