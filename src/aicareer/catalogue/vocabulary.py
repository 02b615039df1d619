"""The recognition vocabulary (data/vocabulary.yaml): what the tool can RECOGNISE in a posting, a
resume or a --skills list, kept apart from the learning catalogue (skills.yaml: what it can TEACH).

A term links to a learning skill with `skill:` where one exists; a term with no link is still
recognised, shown and counted. `SkillSet` is what a person says they know, in both namespaces, with
the names neither knows kept as written.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import msgspec

if TYPE_CHECKING:  # the text reader is built on first use: reading names never needs it
    from aicareer.catalogue.matcher import Recogniser

from aicareer.catalogue.models import Skill, Term, VocabularyFile
from aicareer.catalogue.names import norm
from aicareer.catalogue.skillset import SkillSet
from aicareer.core.suggest import closest

#: a break inside a line: the next part goes on in lower case, or the line before is as long as a PDF's
#: text width and ends mid-phrase ("... Computer Vision, Data\nStructures and Algorithms")
_WRAPPED = re.compile(r"(?<=[A-Za-z,])\n(?=[a-z])|^(?=.{60})(.*[A-Za-z,])\n(?=[A-Za-z])", re.M)


#: a resume line about what the person is learning, not what they know
_LEARNING_LINE = re.compile(r"^[ \t]*(?:[-*•][ \t]*)?(?:(?:currently|now|still)[ \t]+(?:learning|studying)|"
                            r"(?:learning|studying|in progress)[ \t]*:)[^\n]*", re.I | re.M)


def _unwrap(text: str) -> str:
    return _WRAPPED.sub(lambda m: f"{m.group(1) or ''} ", text)


def short_name(name: str) -> str:
    """'RAG' for 'RAG (retrieval-augmented generation)'; a name whose first part is no abbreviation keeps its
    parenthesis: 'Triton (GPU kernel language)' is not 'Triton'."""
    head, sep, _ = name.partition(" (")
    return head if sep and head.isupper() else name


_T = TypeVar("_T")


def _marshalled_dict(raw: bytes) -> dict[str, str]:
    import marshal

    out = marshal.loads(raw)
    if not isinstance(out, dict):
        raise TypeError("not a dict")
    return out


class Vocabulary:
    """Terms by id and by every spelling, their links to learning skills, and the recogniser."""

    def __init__(self, file: VocabularyFile, skills: Mapping[str, Skill]) -> None:
        self.file = file
        self.learning = skills
        self.terms: dict[str, Term] = {t.id: t for t in file.terms}
        linked = {t.skill for t in file.terms if t.skill}
        #: learning skills no term links to (soft or broad ones, e.g. stakeholder management)
        self.unlinked = frozenset(s for s in skills if s not in linked)

    @cached_property
    def _names(self) -> dict[str, str]:
        """Every term's id, name and alias, normalised -> term id (built on first use: reading a
        posting or a resume never needs it; cached: normalising ~2,900 names takes ~8 ms)."""
        import marshal

        def build() -> bytes:
            out: dict[str, str] = {}
            for t in self.file.terms:
                for name in (t.id, t.name, *t.aliases):
                    out.setdefault(norm(name), t.id)
            return marshal.dumps(out)

        return self._load_cached("termnames", build, _marshalled_dict)

    @cached_property
    def _skill_names(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for s in self.learning.values():
            for name in (s.id, s.name, *s.aliases):
                out.setdefault(norm(name), s.id)
        return out

    @cached_property
    def recogniser(self) -> Recogniser:
        """Every spelling, for reading text. Building it takes ~40 ms, so it is cached."""
        from aicareer.catalogue import matcher

        return self._load_cached("recogniser", lambda: matcher.Recogniser.build(self.file.terms).dumps(),
                                 matcher.Recogniser.loads)

    @cached_property
    def _cache_key(self) -> str:
        """A key over the vocabulary and the code that builds its indexes (marshal's format
        is the interpreter's, so its version too)."""
        from aicareer.core import cache_files as cache

        here = Path(__file__).parent  # the code's source, read, not imported (term names need no matcher)
        return cache.fingerprint({
            Path("vocabulary"): msgspec.msgpack.encode(self.file),
            Path("matcher.py"): (here / "matcher.py").read_bytes(),
            Path("names.py"): (here / "names.py").read_bytes(),
            Path("python"): sys.version.encode(),
        })

    def _load_cached(self, kind: str, build: Callable[[], bytes], load: Callable[[bytes], _T]) -> _T:
        """An index from the user's cache (`kind`-<key>.marshal), or built and stored there."""
        from aicareer.core.cache_files import load_or_build

        return load_or_build(f"{kind}-{self._cache_key}.marshal", build, load)

    def term(self, name: str, *, deep: bool = True) -> Term | None:
        """The term a name spells, in any case ('k8s', 'py torch', 'Scikit learn'), or None; `deep` also
        tries the text reader's spellings (which builds it: ~20 ms)."""
        key = norm(name)
        tid = self._names.get(key) or self._names.get(" ".join(key.replace(".", " ").split()))
        if tid is None and deep:
            found = self.recogniser.lookup(key)
            tid = found if found and " ".join(key.split()) == key else None
        return self.terms.get(tid) if tid else None

    def display(self, term_id: str) -> str:
        """A short display name: 'RAG' for 'RAG (retrieval-augmented generation)'."""
        term = self.terms.get(term_id)
        return short_name(term.name) if term else term_id

    def read_skills(self, names: Iterable[str]) -> SkillSet:
        """Skills as people write them: each name is a vocabulary term, a learning skill, or kept as
        unknown with close suggestions (core/suggest's cut-off). Never raises."""
        terms: set[str] = set()
        skills: set[str] = set()
        unknown: list[str] = []
        hints: dict[str, tuple[str, ...]] = {}
        listed: list[str] = []
        for raw in names:
            name = str(raw).strip()
            if not name:
                continue
            sid = self._skill_names.get(norm(name))
            term = self.term(name, deep=sid is None)  # a learning skill's own name needs no text reader
            if term is not None:
                terms.add(term.id)
                if term.skill:
                    skills.add(term.skill)
                if term.id in self.learning:
                    skills.add(term.id)
            if sid is not None:
                skills.add(sid)
                if sid in self.terms:
                    terms.add(sid)
            listed.append(sid or (term.skill if term and term.skill else None) or (term.id if term else name))
            if term is None and sid is None:
                unknown.append(name)
                near = closest(norm(name), [*self._names, *self._skill_names], n=6)
                shown = [self.display(self._names[n]) if n in self._names else self.learning[self._skill_names[n]].name
                         for n in near]
                hints[name] = tuple(dict.fromkeys(shown))[:3]
        return SkillSet(frozenset(terms), frozenset(skills), tuple(dict.fromkeys(unknown)), hints, tuple(listed))

    @cached_property
    def unlinked_recogniser(self) -> Recogniser:
        """The names of the learning skills no term covers (e.g. 'stakeholder management')."""
        from aicareer.catalogue.matcher import Recogniser

        return Recogniser.build(self.learning[s] for s in sorted(self.unlinked))

    def from_text(self, text: str) -> SkillSet:
        """The skills a resume names: recognised terms and their learning skills, plus the learning
        skills no term covers, found by their own names. A line that says the person is still learning
        something ("Currently learning: PyTorch") claims no skill."""
        text = _LEARNING_LINE.sub("", text)
        found = self.recogniser.find(text)
        unwrapped = _unwrap(text)  # a PDF wraps "prompt\nengineering": read it whole too
        if unwrapped != text:
            found += [t for t in self.recogniser.find(unwrapped) if t not in found]
        skills = {self.terms[t].skill for t in found if self.terms[t].skill}
        skills |= {t for t in found if t in self.learning}
        skills |= set(self.unlinked_recogniser.find(text))
        return SkillSet(frozenset(found), frozenset(s for s in skills if s))


def checks(voc: VocabularyFile, skills: Mapping[str, Skill]) -> list[tuple[str, str, str]]:
    """Cross-checks of vocabulary.yaml, as (term id, field, message): unique ids, known categories and
    sources, `skill:` links that exist in skills.yaml, no spelling shared by two terms."""
    out: list[tuple[str, str, str]] = []
    categories = {c.id for c in voc.categories}
    seen: set[str] = set()
    spellings: dict[str, str] = {}
    for t in voc.terms:
        if t.id in seen:
            out.append((t.id, "id", "duplicate id"))
        seen.add(t.id)
        if t.category not in categories:
            out.append((t.id, "category", f"unknown category {t.category!r}"))
        if t.skill is not None and t.skill not in skills:
            out.append((t.id, "skill", f"no skill {t.skill!r} in skills.yaml"))
        for src in t.sources:
            if src not in voc.sources and not src.startswith(("http://", "https://")):
                out.append((t.id, "sources", f"unknown source {src!r} (a `sources` key or an address)"))
        for name in (t.name, *t.aliases):
            other = spellings.setdefault(norm(name), t.id)
            if other != t.id:
                out.append((t.id, "aliases", f"{name!r} already spells {other!r}"))
    return out
