"""Finding catalogue skills in free text: every skill name and alias as token sequences
and as one trie-shaped regex, built once per catalogue.

Matching: the text and every skill name and alias are cut into the same
tokens (lower case; '/', '&', '.', '+' and '#' stay inside a token such as
'ci/cd', 'w&b', 'c++'), and a skill is found where its tokens appear in a
row: whole words, any case, '-' and spaces alike ('retrieval-augmented
generation' is RAG; a plural such as 'PRDs' is its singular). One pass over
the text by the regex engine, then one dictionary lookup per distinct spelling.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, NamedTuple

import msgspec

from aicareer.catalogue.models import Skill

TOKEN = re.compile(r"[a-z0-9][a-z0-9+#]*(?:[/&.][a-z0-9][a-z0-9+#]*)*")


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text.lower())


def _trie_pattern(words: Iterable[str]) -> str:
    """One regex for many names, factored as a character trie so the engine never tries
    the names one by one; a space in a name matches any run of separators."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [(_SEP if ch == " " else re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


_SEP = r"[^a-z0-9+#\n]+"


class Matcher(msgspec.Struct, frozen=True):
    """Every skill name and alias, as token sequences and as one trie regex."""

    names: dict[tuple[str, ...], str]
    pattern: re.Pattern[str]

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
        body = _trie_pattern(" ".join(t) for t in names)
        pattern = re.compile(r"(?<![a-z0-9+#])(?:" + body + r")s?(?![a-z0-9+#])")
        return cls(names, pattern)

    def lookup(self, hit: str) -> str | None:
        toks = tuple(tokens(hit))
        found = self.names.get(toks)
        if found is None and toks and toks[-1].endswith("s"):  # a plural: "PRDs", "A/B tests"
            found = self.names.get((*toks[:-1], toks[-1][:-1]))
        return found

    def ids(self, lowered: str) -> list[str]:
        """Distinct skill ids found in lower-cased text, in order of first appearance.

        The regex engine collects every match; Python then looks up each distinct
        spelling once, so the cost per mention stays in C.
        """
        found = (self.lookup(hit) for hit in dict.fromkeys(self.pattern.findall(lowered)))
        return list(dict.fromkeys(sid for sid in found if sid))

    def find(self, text: str) -> list[str]:
        """Skill ids found anywhere in `text`, each once, in order of first appearance."""
        return self.ids(text.lower())


# --- the recognition vocabulary: terms, with case and context rules -------------------

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#]*")
_CASED_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#]*(?:[/&.][A-Za-z0-9][A-Za-z0-9+#]*)*")
#: words next to an ambiguous term that make the line technical ("Spark jobs", "Airflow DAGs", "Go services")
_CUES_NEAR = frozenset(
    "jobs job pipelines pipeline dags dag clusters cluster services microservices code codebase sdk sdks api apis "
    "scripts scripting queries programming language libraries library framework frameworks models tables streaming "
    "workflows developer developers engineer engineers backend backends stack server servers deployment deployments "
    "applications apps".split())
#: words right before an ambiguous term that make it technical ("written in Go", "experience with Airflow")
_CUES_BEFORE = frozenset("in with using via".split())
#: how far (characters) a known term may be from an ambiguous one and still vouch for it
WINDOW = 60


class Hit(NamedTuple):
    """A term found in a line: its id and where (characters of the line)."""

    term: str
    start: int
    end: int
    text: str


class _Spec(NamedTuple):
    ambiguous: bool
    forms: frozenset[tuple[str, ...]]  # case-sensitive terms: the token sequences as written
    strong: frozenset[tuple[str, ...]]  # ambiguous terms: spellings that need no context ("Apache Spark")
    not_in: tuple[str, ...]  # lower-case phrases in which the word is not this term


def _lower(text: str) -> str:
    """text.lower(), keeping every character's position (a few letters lengthen when lowered)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


def _written_forms(name: str) -> list[tuple[str, ...]]:
    """A name and, for "RAG (retrieval-augmented generation)", each part, as case-kept tokens."""
    forms = [tuple(_CASED_TOKEN.findall(name))]
    if "(" in name:
        forms += [tuple(_CASED_TOKEN.findall(part)) for part in re.split(r"[()]", name)]
    return [f for f in forms if f]


def _distinctive(form: tuple[str, ...]) -> bool:
    """A spelling that is not ordinary English: several words with a capital or digit ("Apache Spark",
    "Llama 3"), or one CamelCase word, one with a dot, or a word of three letters or more with a digit
    ("PyFlink", "Node.js", "YOLOv8"; not "SAS", "S3")."""
    if len(form) > 1:
        return any(any(c.isupper() or c.isdigit() for c in tok) for tok in form)
    tok = form[0]
    camel = any(a.islower() and b.isupper() for a, b in zip(tok, tok[1:], strict=False))
    letters = sum(c.isalpha() for c in tok)
    return camel or "." in tok or (letters >= 3 and any(c.isdigit() for c in tok))


class Recogniser:
    """Every vocabulary term's spellings as one trie regex, with the rules a recruiter reads by:

    - case: a case-sensitive term counts only as written ("R", "Go", "LoRA"; not "go", "LoRa");
    - compounds: an ambiguous or short word glued by '-' or '&' to another word is not the term
      ("TF-IDF", "NP-hard", "go-to-market", "R&D", "Excel-style");
    - context: an ambiguous term ("Spark", "Bedrock", "pandas", "agents") counts only where the line
      reads as technical: a distinctive spelling ("Apache Spark", "AWS Bedrock"), an unambiguous term
      within WINDOW characters, or a technical neighbour word ("Spark jobs", "in Go");
    - a few phrases are never the term ("RAG status", "support agents", "tip of the iceberg").

    `scan` runs the regex once over the distinct lines of a text and judges each line once.
    """

    def __init__(self, names: dict[tuple[str, ...], str], specs: dict[str, _Spec]) -> None:
        self.names = names
        self.specs = specs
        body = _trie_pattern(" ".join(t) for t in names)
        self.pattern = re.compile(r"(?<![a-z0-9+#])(?:" + body + r")s?(?![a-z0-9+#])")

    @classmethod
    def build(cls, terms: Iterable[Any], not_in: dict[str, tuple[str, ...]] | None = None) -> Recogniser:
        """`terms`: objects with id, name, aliases, ambiguous and case_sensitive (models.Term)."""
        names: dict[tuple[str, ...], str] = {}
        specs: dict[str, _Spec] = {}
        terms = list(terms)
        parts: list[tuple[tuple[str, ...], str]] = []
        for term in terms:
            spellings = (term.name, *term.aliases)
            forms = [f for s in spellings for f in _written_forms(s)]
            for spelling in spellings:  # whole spellings first, parts of "X (Y)" names only after all of them
                whole, *rest = _written_forms(spelling) or [()]
                if whole:
                    names.setdefault(tuple(t.lower() for t in whole), term.id)
                parts += [(tuple(t.lower() for t in p), term.id) for p in rest]
            if not term.case_sensitive:
                names.setdefault(tuple(tokens(term.id)), term.id)
            specs[term.id] = _Spec(
                term.ambiguous,
                frozenset(forms) if term.case_sensitive else frozenset(),
                frozenset(f for f in forms if _distinctive(f)) if term.ambiguous else frozenset(),
                tuple(p.lower() for p in (not_in or {}).get(term.id, ())),
            )
        for key, tid in parts:
            names.setdefault(key, tid)
        return cls(names, specs)

    def lookup(self, hit: str) -> str | None:
        toks = tuple(tokens(hit))
        found = self.names.get(toks)
        if found is None and toks and toks[-1].endswith("s"):  # a plural: "LLMs", "Helm charts"
            found = self.names.get((*toks[:-1], toks[-1][:-1]))
        return found

    def scan(self, lines: Iterable[str]) -> dict[str, tuple[Hit, ...]]:
        """Each distinct line -> the terms recognised in it, in order."""
        import bisect

        distinct = list(dict.fromkeys(lines))
        starts, pos = [], 0
        for line in distinct:
            starts.append(pos)
            pos += len(line) + 1
        lowered = _lower("\n".join(distinct))
        found: dict[int, list[tuple[int, int, str]]] = {}
        spelled: dict[str, str | None] = {}
        for m in self.pattern.finditer(lowered):
            word = m.group()
            term = spelled[word] if word in spelled else spelled.setdefault(word, self.lookup(word))
            if term is not None:
                a = m.start()
                i = bisect.bisect_right(starts, a) - 1
                found.setdefault(i, []).append((a - starts[i], m.end() - starts[i], term))
        return {line: self._judge(line, found.get(i, [])) for i, line in enumerate(distinct)}

    def find(self, text: str) -> list[str]:
        """Term ids recognised in `text`, each once, in order of first appearance."""
        lines = text.split("\n")
        hits = self.scan(lines)
        return list(dict.fromkeys(h.term for line in dict.fromkeys(lines) for h in hits[line]))

    def _judge(self, line: str, candidates: list[tuple[int, int, str]]) -> tuple[Hit, ...]:
        if not candidates:
            return ()
        sure: list[Hit] = []
        pending: list[Hit] = []
        for a, b, term in candidates:
            spec = self.specs[term]
            text = line[a:b]
            form = tuple(_CASED_TOKEN.findall(text))
            if spec.forms and not _in_forms(form, spec.forms):
                continue
            if (spec.ambiguous or b - a <= 3) and _glued(line, a, b):
                continue
            if spec.not_in and _inside_phrase(line.lower(), a, b, spec.not_in):
                continue
            hit = Hit(term, a, b, text)
            if spec.ambiguous and not _in_forms(form, spec.strong):
                pending.append(hit)
            else:
                sure.append(hit)
        for _ in range(2):  # an ambiguous term vouched for may vouch for its neighbour ("Go and Rust")
            still = []
            for hit in pending:
                if _cued(line, hit) or any(o.term != hit.term and _near(o, hit) for o in sure):
                    sure.append(hit)
                else:
                    still.append(hit)
            if len(still) == len(pending):
                break
            pending = still
        return tuple(sorted(sure, key=lambda h: h.start))


def _in_forms(form: tuple[str, ...], forms: frozenset[tuple[str, ...]]) -> bool:
    if form in forms:
        return True
    return bool(form) and form[-1].endswith("s") and (*form[:-1], form[-1][:-1]) in forms


def _glued(line: str, a: int, b: int) -> bool:
    """The word is part of a compound: 'TF-IDF', 'NP-hard', 'go-to', 'R&D', 'Excel-style'."""
    after = b + 1 < len(line) and line[b] in "-&" and line[b + 1].isalnum()
    before = a >= 2 and line[a - 1] in "-&" and line[a - 2].isalnum()
    return after or before


def _inside_phrase(lowered: str, a: int, b: int, phrases: tuple[str, ...]) -> bool:
    for phrase in phrases:
        lo = max(0, a - len(phrase))
        at = lowered.find(phrase, lo, b + len(phrase))
        while at != -1 and at < b:
            if at <= a and at + len(phrase) >= b - 1:
                return True
            at = lowered.find(phrase, at + 1, b + len(phrase))
    return False


def _near(one: Hit, other: Hit) -> bool:
    return max(0, other.start - one.end, one.start - other.end) <= WINDOW


def _cued(line: str, hit: Hit) -> bool:
    before = [w.lower() for w in _WORD.findall(line[max(0, hit.start - 40):hit.start])][-2:]
    after = [w.lower() for w in _WORD.findall(line[hit.end:hit.end + 40])][:2]
    return bool(before and before[-1] in _CUES_BEFORE) or any(w in _CUES_NEAR for w in (*before, *after))
