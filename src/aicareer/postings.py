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
from dataclasses import dataclass

from aicareer.catalogue import Catalogue
from aicareer.models import Role, Skill

TOKEN = re.compile(r"[a-z0-9][a-z0-9+#]*(?:[/&.][a-z0-9][a-z0-9+#]*)*")

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


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text.lower())


@dataclass(frozen=True)
class Matcher:
    """Token sequences of every skill name and alias, for one pass over a text."""

    names: dict[tuple[str, ...], str]
    first_tokens: frozenset[str]
    longest: int

    @classmethod
    def build(cls, skills: Iterable[Skill]) -> Matcher:
        names: dict[tuple[str, ...], str] = {}
        for skill in skills:
            for name in (skill.name, skill.id, *skill.aliases):
                toks = tuple(tokens(name))
                if toks:
                    names.setdefault(toks, skill.id)
                # "RAG (retrieval-augmented generation)": each part on its own too
                for part in re.split(r"[()]", name):
                    part_toks = tuple(tokens(part))
                    if part_toks and len(part_toks) < len(toks):
                        names.setdefault(part_toks, skill.id)
        return cls(names, frozenset(t[0] for t in names), max((len(t) for t in names), default=1))

    def find(self, toks: list[str]) -> list[str]:
        """Skill ids found in a token list, in order of appearance (repeats kept)."""
        found: list[str] = []
        n, i = len(toks), 0
        while i < n:
            tok = toks[i]
            if tok not in self.first_tokens and tok.endswith("s") and tok[:-1] in self.first_tokens:
                toks = [*toks[:i], tok[:-1], *toks[i + 1:]]  # a plural: "PRDs", "A/B tests"
                tok = toks[i]
            if tok in self.first_tokens:
                for length in range(min(self.longest, n - i), 0, -1):
                    hit = self.names.get(tuple(toks[i:i + length]))
                    if hit:
                        found.append(hit)
                        i += length - 1
                        break
            elif "/" in tok:
                found += self.find(tok.split("/"))
            i += 1
        return found


def heading_weight(line: str) -> float | None:
    """The weight a heading line sets, or None when the line is not a heading.

    A bullet ('- ...', '1. ...') is never a heading.
    """
    if _BULLET.match(line):
        return None
    m = _HEADING_SHAPE.match(line)
    if not m or len(m["title"].split()) > 7:
        return None
    title = m["title"].lower()
    stripped = line.strip()
    looks_like_heading = stripped.endswith(":") or stripped.startswith(("#", "**", "__")) or stripped.isupper() \
        or stripped.istitle()
    if _PREFERRED.search(title):
        return PREFERRED
    if _REQUIRED.search(title):
        return REQUIRED
    return OTHER if looks_like_heading else None


def weigh(matcher: Matcher, text: str) -> dict[str, float]:
    """Each skill found in `text` with its highest section weight."""
    weights: dict[str, float] = {}
    current = OTHER
    for line in text.splitlines():
        heading = heading_weight(line)
        if heading is not None:
            current = heading
        weight = current
        label = _INLINE_LABEL.match(line)  # "Nice to have: MLflow, Triton" weighs this line alone
        if label and heading is None:
            title = label["label"].lower()
            weight = PREFERRED if _PREFERRED.search(title) else REQUIRED if _REQUIRED.search(title) else current
        for sid in matcher.find(tokens(line)):
            if weights.get(sid, 0.0) < weight:
                weights[sid] = weight
    return weights


def found_in(matcher: Matcher, text: str) -> list[str]:
    """Skill ids found anywhere in `text`, each once, in order of first appearance."""
    return list(dict.fromkeys(matcher.find(tokens(text))))


@dataclass(frozen=True)
class PostingSkill:
    skill: Skill
    weight: float
    known: bool

    @property
    def section(self) -> str:
        return SECTION_NAMES[self.weight]


@dataclass(frozen=True)
class PostingAnalysis:
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
    matcher = matcher or Matcher.build(cat.skills.values())
    weights = weigh(matcher, text)
    known = set(known)
    order = {sid: n for n, sid in enumerate(cat.skills)}
    skills = tuple(sorted((PostingSkill(cat.skills[sid], w, sid in known) for sid, w in weights.items()),
                          key=lambda s: (-s.weight, order[s.skill.id])))
    fits = role_fit(cat, weights)
    best = max(fits, key=lambda rid: fits[rid]) if weights else None
    return PostingAnalysis(skills, cat.roles[best] if best and fits[best] > 0 else None, fits)
