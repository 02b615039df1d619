"""Find catalogue skills in free text (job postings, resumes) and weigh them.

Matching: the text and every skill name and alias are cut into the same
tokens (lower case; '/', '&', '.', '+' and '#' stay inside a token such as
'ci/cd', 'w&b', 'c++'), and a skill is found where its tokens appear in a
row: whole words, any case, '-' and spaces alike ('retrieval-augmented
generation' is RAG; a plural such as 'PRDs' is its singular). A token such as 'pytorch/tensorflow' that is not a name
itself is split at '/' and both halves are looked up. One pass over the
tokens, with a set lookup per token: linear in the text.

Sections: a short line that reads as a heading sets the weight of what
follows: requirements / must have (3), preferred / nice to have / bonus (2),
any other heading (1). A skill's weight is its highest weight in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import msgspec

from aicareer.catalogue.index import Catalogue
from aicareer.catalogue.matcher import Matcher
from aicareer.catalogue.models import Role, Skill

REQUIRED, PREFERRED, OTHER = 3.0, 2.0, 1.0
SECTION_NAMES = {REQUIRED: "required", PREFERRED: "preferred", OTHER: "other"}
_PREFERRED = re.compile(r"\b(preferred|nice[\s-]to[\s-]have|bonus|pluses|plus|desired|desirable|good to have|"
                        r"extra credit|ideally)\b")
_REQUIRED = re.compile(r"\b(requirements?|required|must[\s-]haves?|minimum qualifications|basic qualifications|"
                       r"qualifications|what you(?:'ll)? (?:need|bring)|you (?:have|bring)|who you are|"
                       r"essential|skills)\b")
_HEADING_SHAPE = re.compile(r"^\s*(?:#{1,6}\s*|\*\*|__)?(?P<title>[^.!?,;:]{2,60}?)(?:\*\*|__)?\s*:?\s*$")
_BULLET = re.compile(r"^\s*(?:[-*•·▪◦–]|\d+[.)])\s")
_INLINE_LABEL = re.compile(r"^\s*(?:[-*•]\s*)?(?P<label>[A-Za-z][\w' /-]{1,40}):\s+\S")


def heading_weight(line: str) -> float | None:
    """The weight a heading line sets, or None when the line is not a heading.

    A bullet ('- ...', '1. ...') is never a heading.
    """
    stripped = line.strip()
    if not stripped or len(stripped) > 70 or _BULLET.match(line):
        return None
    m = _HEADING_SHAPE.match(line)
    if not m or len(m["title"].split()) > 7:
        return None
    title = m["title"].lower()
    looks_like_heading = stripped.endswith(":") or stripped.startswith(("#", "**", "__")) or stripped.isupper() \
        or stripped.istitle()
    if _PREFERRED.search(title):
        return PREFERRED
    if _REQUIRED.search(title):
        return REQUIRED
    return OTHER if looks_like_heading else None


def weigh(matcher: Matcher, text: str) -> dict[str, float]:
    """Each skill found in `text` with its highest section weight.

    A line such as "Nice to have: MLflow, Triton" weighs its own skills; every
    other line takes the weight of the section (heading) it is under. Each
    distinct line is classified once, and each distinct section scanned once.
    """
    lowered = text.lower()
    weights: dict[str, float] = {}

    def bump(ids: Iterable[str], weight: float) -> None:
        for sid in ids:
            if weights.get(sid, 0.0) < weight:
                weights[sid] = weight

    sections: list[tuple[int, float]] = [(0, OTHER)]
    labelled: list[tuple[int, int, float]] = []
    kinds: dict[str, tuple[float | None, float | None]] = {}
    pos = 0
    for line in text.split("\n"):
        kind = kinds.get(line)
        if kind is None:
            heading = heading_weight(line)
            kind = kinds[line] = (heading, None if heading is not None else _inline_weight(line))
        if kind[0] is not None:
            sections.append((pos, kind[0]))
        elif kind[1] is not None:
            labelled.append((pos, pos + len(line), kind[1]))
        pos += len(line) + 1

    for a, b, weight in labelled:
        bump(matcher.ids(lowered[a:b]), weight)
    if labelled:  # blank those lines out of their sections
        pieces, last = [], 0
        for a, b, _ in labelled:
            pieces += [lowered[last:a], " " * (b - a)]
            last = b
        lowered = "".join(pieces) + lowered[last:]

    ends = [start for start, _ in sections[1:]] + [len(lowered)]
    found: dict[str, list[str]] = {}  # a section repeated word for word is scanned once
    for (start, weight), end in zip(sections, ends, strict=True):
        chunk = lowered[start:end]
        bump(found[chunk] if chunk in found else found.setdefault(chunk, matcher.ids(chunk)), weight)
    return weights


def _inline_weight(line: str) -> float | None:
    label = _INLINE_LABEL.match(line) if ":" in line else None
    if not label:
        return None
    title = label["label"].lower()
    return PREFERRED if _PREFERRED.search(title) else REQUIRED if _REQUIRED.search(title) else None


class PostingSkill(msgspec.Struct, frozen=True):
    skill: Skill
    weight: float
    known: bool

    @property
    def section(self) -> str:
        return SECTION_NAMES[self.weight]


class PostingAnalysis(msgspec.Struct, frozen=True):
    skills: tuple[PostingSkill, ...]  # by weight, then catalogue order
    best_role: Role | None
    role_fit: dict[str, float]

    @property
    def match(self) -> float:
        """Matched weight over total weight, 0..1."""
        total = sum(s.weight for s in self.skills)
        return sum(s.weight for s in self.skills if s.known) / total if total else 0.0

    @property
    def missing(self) -> list[PostingSkill]:
        return [s for s in self.skills if not s.known]


def role_fit(cat: Catalogue, weights: dict[str, float]) -> dict[str, float]:
    """How well each role's skill list covers a posting: must-have counts 1, nice-to-have 0.5."""
    total = sum(weights.values())
    out = {}
    for role in cat.roles.values():
        must, nice = set(role.must_have), set(role.nice_to_have)
        covered = sum(w * (1.0 if sid in must else 0.5 if sid in nice else 0.0) for sid, w in weights.items())
        out[role.id] = covered / total if total else 0.0
    return out


def analyse(cat: Catalogue, text: str, known: Iterable[str], matcher: Matcher | None = None) -> PostingAnalysis:
    matcher = matcher or cat.skill_matcher
    weights = weigh(matcher, text)
    known = set(known)
    order = {sid: n for n, sid in enumerate(cat.skills)}
    skills = tuple(sorted((PostingSkill(cat.skills[sid], w, sid in known) for sid, w in weights.items()),
                          key=lambda s: (-s.weight, order[s.skill.id])))
    fits = role_fit(cat, weights)
    best = max(fits, key=lambda rid: fits[rid]) if weights else None
    return PostingAnalysis(skills, cat.roles[best] if best and fits[best] > 0 else None, fits)
