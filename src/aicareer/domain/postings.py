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
A line that qualifies itself ("... is a plus", "nice to have", "bonus points")
weighs its own skills as preferred.

`analyse` reads a posting against the recognition vocabulary (data/vocabulary.yaml):
alternatives written as such ("PyTorch/TensorFlow", "PyTorch or JAX", "one of AWS,
Azure or GCP", "a vector store such as pgvector, Pinecone or similar") are ONE
requirement that any member meets; it also says what it could not read (requirement
lines with no known term, tech-looking words it does not know) and never shows a
high match when most requirement lines were not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import msgspec

from aicareer.catalogue.index import Catalogue
from aicareer.catalogue.matcher import Hit
from aicareer.catalogue.models import Role, Term
from aicareer.catalogue.skillset import SkillSet
from aicareer.catalogue.vocabulary import Vocabulary, short_name
from aicareer.domain.posting_sections import OTHER as OTHER  # re-exported
from aicareer.domain.posting_sections import PREFERRED as PREFERRED  # re-exported
from aicareer.domain.posting_sections import REQUIRED, SECTION_NAMES, sections
from aicareer.domain.posting_sections import heading_weight as heading_weight  # re-exported

_OR_GAP = re.compile(r"^\s*(?:/|,?\s*\(?\s*or\s*|,?\s*and/or\s*)\s*$", re.I)
_OR_SIMILAR = re.compile(r"^\s*,?\s*(?:or|and/or)\s+(?:similar|equivalent|other|another|comparable|a similar|"
                         r"one you|something|any)\b", re.I)
_COMMA_GAP = re.compile(r"^\s*,\s*$")
_INTRO_GAP = re.compile(r"^\s*(?:\(|such as|like|e\.g\.,?|\(e\.g\.,?|including|:|, e\.g\.,?|, such as|"
                        r"\((?:e\.g\.,?|such as|like)|(?:a|an|any|one) of)\s*$", re.I)
_TECHY = re.compile(r"(?<![\w./@-])(?:[A-Z]{2,}[a-z]?|[A-Z]?[a-z]+[A-Z][A-Za-z0-9]*|[A-Za-z]+\d[A-Za-z0-9]*|"
                    r"[A-Za-z]+\.[A-Za-z][A-Za-z.]*)(?![\w@/]|\.\w)")
#: tech-looking words that are not skills: degrees, places, currencies, business abbreviations
_NOT_TECH = frozenset("""AI ML US USA UK EU EEA BS BA MS MA MSc BSc MEng PhD MBA CEO CTO CFO COO CPO VP SVP HR PTO EEO
FAQ OK NYC SF LA CA WA NY TX MA ON QC BC DC LLC INC USD GBP EUR CAD UX UI KPI KPIs OKR OKRs ROI B2B B2C SaaS IPO
Q1 Q2 Q3 Q4 H1 H2 401k 401K IRL ID IDs OR II III IV FTE GPA TL DR TL;DR AM PM EST PST CET UTC ET PT WFH RSU RSUs
NDA SOC PII GDPR HIPAA FDA US-based ADA DEI ESG COVID LGBTQ LGBTQIA APAC EMEA LATAM NA NGO AND THE ASAP FYI ie eg
e.g i.e etc. AL AK AZ AR CO CT DE FL GA HI IA IL IN KS KY LA ME MD MI MN MO MS MT NE NV NH NJ NM NC ND OH OK OR
PA RI SC SD TN UT VT VA WV WI WY AB MB NB NL NS PE SK""".split())


class Requirement(msgspec.Struct, frozen=True):
    """One thing a posting asks for: a term, or alternatives any of which meets it."""

    terms: tuple[Term, ...]
    weight: float
    known: bool

    @property
    def section(self) -> str:
        return SECTION_NAMES[self.weight]

    @property
    def name(self) -> str:
        return " or ".join(short_name(t.name) for t in self.terms)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.terms)


class PostingAnalysis(msgspec.Struct, frozen=True):
    requirements: tuple[Requirement, ...]  # by weight, then order of first appearance
    best_role: Role | None
    role_fit: dict[str, float]
    requirement_lines: int  # lines under a requirements / preferred heading, or qualified inline
    unread: tuple[str, ...]  # of those, the lines in which no term was recognised
    unknown_terms: tuple[str, ...]  # tech-looking words the vocabulary does not know

    @property
    def match(self) -> float:
        """Matched weight over the weight of the recognised requirements, 0..1."""
        total = sum(r.weight for r in self.requirements)
        return sum(r.weight for r in self.requirements if r.known) / total if total else 0.0

    @property
    def read_share(self) -> float:
        """Share of requirement lines in which at least one term was recognised (1.0 when there are none)."""
        if not self.requirement_lines:
            return 1.0
        return 1 - len(self.unread) / self.requirement_lines

    @property
    def mostly_unread(self) -> bool:
        return self.requirement_lines > 0 and len(self.unread) * 2 > self.requirement_lines

    @property
    def shown_match(self) -> float:
        """The match to show: each requirement line in which no skill was recognised counts as one required
        item not met, so the % is never computed over only what happened to be recognised (on postings the
        vocabulary was not tuned on, this brings the shown % closer to a recruiter's: benchmarks/eval/)."""
        if not self.unread:
            return self.match
        total = sum(r.weight for r in self.requirements) + REQUIRED * len(self.unread)
        return sum(r.weight for r in self.requirements if r.known) / total if total else 0.0

    @property
    def caveat(self) -> str | None:
        """What the shown match counts as not met without having read it, or None when every
        requirement line was read."""
        if not self.unread:
            return None
        n = len(self.unread)
        return (f"{n} of {self.requirement_lines} requirement line{'s' if self.requirement_lines != 1 else ''} "
                f"name{'s' if n == 1 else ''} no skill the tool knows; "
                f"{'each counts' if n != 1 else 'it counts'} as a required skill not met "
                f"(of what was recognised you match {round(self.match * 100)}%)")

    @property
    def missing(self) -> list[Requirement]:
        return [r for r in self.requirements if not r.known]

    @property
    def term_ids(self) -> list[str]:
        return list(dict.fromkeys(t for r in self.requirements for t in r.ids))


def role_fit(cat: Catalogue, weights: dict[str, float]) -> dict[str, float]:
    """How well each role's skill list covers a posting: must-have counts 1, nice-to-have 0.5."""
    total = sum(weights.values())
    out = {}
    for role in cat.roles.values():
        must, nice = set(role.must_have), set(role.nice_to_have)
        covered = sum(w * (1.0 if sid in must else 0.5 if sid in nice else 0.0) for sid, w in weights.items())
        out[role.id] = covered / total if total else 0.0
    return out


def alternatives(line: str, hits: tuple[Hit, ...]) -> list[tuple[str, ...]]:
    """The requirements of one line: single terms, and alternatives as one tuple of term ids.

    "X/Y", "X or Y", "X, Y or Z", "X (or Y)" are alternatives; so is a general term followed by
    examples that end in "or": "a vector store such as pgvector, Pinecone or similar".
    """
    out: list[tuple[str, ...]] = []
    if len(hits) < 2:
        return [(h.term,) for h in hits]
    chain: list[Hit] = [hits[0]]
    links: list[str] = []
    intro: Hit | None = None

    def flush(until: int) -> None:
        grouped = (bool(links) and links[-1] == "or") or (len(chain) + (intro is not None) > 1 and bool(
            _OR_SIMILAR.match(line[chain[-1].end:until])))
        if grouped:
            members = ([intro] if intro is not None else []) + chain
            out.append(tuple(dict.fromkeys(h.term for h in members)))
        else:
            if intro is not None:
                out.append((intro.term,))
            out.extend((h.term,) for h in chain)

    for prev, hit in zip(hits, hits[1:], strict=False):
        gap = line[prev.end:hit.start]
        if _OR_GAP.match(gap):
            links.append("or")
            chain.append(hit)
        elif _COMMA_GAP.match(gap) or (gap.strip() == "" and links and links[-1] == "comma"):
            links.append("comma")
            chain.append(hit)
        elif _INTRO_GAP.match(gap) and len(chain) == 1 and not links:
            intro = chain[0]
            chain = [hit]
        else:
            flush(hit.start)
            chain, links, intro = [hit], [], None
    flush(len(line))
    return out


def _shouted(line: str) -> bool:
    """Three or more words and no lower-case letter: a heading written in capitals."""
    return not any(c.islower() for c in line) and len(re.findall(r"[A-Z]{2,}", line)) >= 3


def unknown_terms(voc: Vocabulary, lines: list[str], hits: dict[str, tuple[Hit, ...]], limit: int = 30) -> list[str]:
    """Tech-looking words (acronyms, CamelCase, names with digits or dots) that no term covers."""
    seen: dict[str, None] = {}
    for line in dict.fromkeys(lines):
        if "://" in line or "@" in line and " " not in line.strip():
            continue
        if _shouted(line):  # "DATA ANALYST II — SERVICE PLANNING": a heading in capitals, not acronyms
            continue
        spans = [(h.start, h.end) for h in hits.get(line, ())]
        for m in _TECHY.finditer(line):
            word = m.group().rstrip(".")
            if word in seen or word in _NOT_TECH or len(word) < 2 or word.isdigit():
                continue
            if any(a <= m.start() < b for a, b in spans) or voc.recogniser.lookup(word) is not None:
                continue
            if re.fullmatch(r"\d+[A-Za-z]{0,2}|[A-Z]\d|v?\d+(\.\d+)*|[a-z]+\.[a-z]+", word):
                continue  # 5x, 10k, v2.1, "e.g" forms and ordinary "word.word" typos
            seen[word] = None
            if len(seen) >= limit:
                return list(seen)
    return list(seen)


def _known(voc: Vocabulary, members: tuple[str, ...], known: SkillSet) -> bool:
    return any(known.knows_term(voc.terms[t]) for t in members)


def analyse(cat: Catalogue, text: str, known: SkillSet | Iterable[str] = ()) -> PostingAnalysis:
    """Read a posting: its requirements (alternatives as one), what you meet, what was not read."""
    voc = cat.vocabulary
    have = known if isinstance(known, SkillSet) else voc.read_skills(known)
    lines = sections(text)
    hits = voc.recogniser.scan(ln.text for ln in lines)
    singles: dict[str, float] = {}
    groups: dict[tuple[str, ...], float] = {}
    order: dict[tuple[str, ...], int] = {}
    req_lines = 0
    unread: dict[str, None] = {}
    for ln in lines:
        found = hits[ln.text]
        if ln.requirement and len(ln.text.strip()) > 3:
            req_lines += 1
            if not found:
                unread[ln.text.strip().lstrip("-*•·▪◦– ").strip()] = None
        for req in alternatives(ln.text, found):
            order.setdefault(req, len(order))
            bucket = singles if len(req) == 1 else groups
            key: Any = req[0] if len(req) == 1 else req
            if bucket.get(key, 0.0) < ln.weight:
                bucket[key] = ln.weight
    reqs: list[tuple[tuple[str, ...], float]] = [((sid,), w) for sid, w in singles.items()]
    seen_groups: set[frozenset[str]] = set()
    for members, w in groups.items():
        key = frozenset(members)
        if key in seen_groups:
            continue
        seen_groups.add(key)
        reqs.append((members, w))
    reqs.sort(key=lambda r: (-r[1], order.get(r[0], 0)))
    requirements = tuple(Requirement(tuple(voc.terms[t] for t in members), w, _known(voc, members, have))
                         for members, w in reqs)
    weights: dict[str, float] = {}
    for r in requirements:
        for t in r.terms:
            sid = t.skill or (t.id if t.id in cat.skills else None)
            if sid and weights.get(sid, 0.0) < r.weight:
                weights[sid] = r.weight
    fits = role_fit(cat, weights)
    best = max(fits, key=lambda rid: fits[rid]) if weights else None
    unknown = unknown_terms(voc, [ln.text for ln in lines], hits)
    return PostingAnalysis(requirements, cat.roles[best] if best and fits[best] > 0 else None, fits,
                           req_lines, tuple(unread), tuple(unknown))


def plan_skills(cat: Catalogue, result: PostingAnalysis, known: SkillSet) -> dict[str, float]:
    """The learning skills a roadmap should add for a posting: for each requirement you do not meet,
    the cheapest member that the catalogue can teach, unless you already know any member's skill."""
    out: dict[str, float] = {}
    for req in result.requirements:
        if req.known:
            continue
        teachable = [t.skill or t.id for t in req.terms if (t.skill or t.id) in cat.skills]
        if not teachable or any(s in known.skills for s in teachable):
            continue
        cheapest = min(teachable, key=lambda s: cat.skills[s].learn_hours)
        if out.get(cheapest, 0.0) < req.weight:
            out[cheapest] = req.weight
    return out
