"""Finding vocabulary terms in free text (postings, resumes, --skills): every term's name and
aliases as word sequences, with the case and context rules a recruiter reads by (see Recogniser).

A text is cut into lower-case words once (in C); a line none of whose words can start a spelling is
skipped by one set test; otherwise the longest spelling is taken at each word and judged against its
line. Plurals, singulars and British spellings of every name are spellings too (`_variants`).
"""

from __future__ import annotations

import marshal
import re
from collections.abc import Iterable
from typing import Any, NamedTuple

# --- the recognition vocabulary: terms, with case and context rules -------------------

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#]*")
_CASED_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#]*(?:[/&.][A-Za-z0-9][A-Za-z0-9+#]*)*")
#: words next to an ambiguous term that make the line technical ("Spark jobs", "Airflow DAGs", "Go services")
_CUES_NEAR = frozenset(
    "jobs job pipelines pipeline dags dag clusters cluster services microservices code codebase sdk sdks api apis "
    "scripts scripting queries programming language libraries library framework frameworks models tables streaming "
    "workflows developer developers engineer engineers backend backends stack server servers deployment deployments "
    "applications apps llm llms prompt prompts retrieval inference embeddings firmware drivers dashboards "
    "dashboard warehouse warehouses database databases orchestrator orchestration streams topics connectors "
    "consumers producers".split())
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
    category: str = ""
    written: frozenset[tuple[str, ...]] = frozenset()  # every spelling as written (case kept)

    @property
    def plain(self) -> bool:
        """Nothing to check: not ambiguous, any case, no excluded phrase."""
        return not (self.ambiguous or self.forms or self.not_in)


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


def _sentence_case(form: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A phrase written in sentence case ("Diffusion models", "fine-tuning LLMs" is not one) is as
    written in lower case and capitalised too."""
    if len(form) < 2 or not all(tok.islower() for tok in form[1:]):
        return []
    first = form[0]
    return [(first[:1].lower() + first[1:], *form[1:]), (first[:1].upper() + first[1:], *form[1:])]


def _apart(form: tuple[str, ...], name: str) -> bool:
    """A phrase of two words or more that shares no word with the term's name (the word that makes the
    term ambiguous): "prompt injection" for "Red teaming", "tracking plans" for "Event tracking" is not."""
    stems = {w.lower().rstrip("s") for w in _CASED_TOKEN.findall(name.partition(" (")[0])}
    return len(form) >= 2 and not any(tok.lower().rstrip("s") in stems for tok in form)


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


_BRITISH = re.compile(r"(?<=[a-z])iz(?=(?:ation|ations|e|es|ed|ing|er|ers)$)|(?<=[a-z])yz(?=(?:e|ed|es|ing)$)"
                      r"|(?<=[a-z][^aeiou][eo])l(?=(?:ing|ed)$)|(?<=behavi)o(?=(?:r|rs|ral)$)")
_BRITISH_FOR = {"iz": "is", "yz": "ys", "l": "ll", "o": "ou"}
_NOT_SINGULAR = ("ss", "us", "is", "ics", "as", "ys", "os")


def _british(word: str) -> str:
    """'tokenization' -> 'tokenisation', 'modeling' -> 'modelling', 'analyze' -> 'analyse',
    'behavior' -> 'behaviour'; other words unchanged."""
    return _BRITISH.sub(lambda m: _BRITISH_FOR[m.group(0)], word)


def _variants(key: tuple[str, ...], *, singular: bool = True) -> list[tuple[str, ...]]:
    """Other spellings of a name's words that mean the same: its plural ("LLMs", "Helm charts") or
    singular ("RAG pipeline"; not for one ambiguous word: "agents" is AI, "agent" mostly a person),
    and its British spelling ("tokenisation", "data modelling")."""
    if not key:
        return []
    *head, last = key
    out = []
    if last.endswith("sis"):  # "analysis" -> "analyses"
        out.append((*head, last[:-2] + "es"))
    elif not last.endswith("s"):
        out.append((*head, last + "s"))
    elif singular and len(last) >= 5 and not last.endswith(_NOT_SINGULAR):
        out.append((*head, last[:-1]))
    british = tuple(_british(w) for w in key)
    if british != key:
        out += [british, *([(*british[:-1], british[-1] + "s")] if not british[-1].endswith("s") else [])]
    return out


_NAME_WORD = re.compile(r"[a-z0-9][a-z0-9+#]*")
_BREAK = re.compile(r"[\n(),;:!?\"\[\]{}|·•—]|\. ")  # punctuation a multi-word spelling does not run across


def _words(text: str) -> tuple[str, ...]:
    """The words of a name or a hit, as the recogniser compares them: lower case; '-', '/', '.', '&' and
    spaces all separate ('Py-Torch', 'py torch' and 'PyTorch' differ; 'CI/CD' is ci + cd)."""
    return tuple(_NAME_WORD.findall(text.lower()))


class Recogniser:
    """Every vocabulary term's spellings as word sequences, with the rules a recruiter reads by:

    - case: a case-sensitive term counts only as written ("R", "Go", "LoRA"; not "go", "LoRa");
    - compounds: an ambiguous or short word glued by '-' or '&' to another word is not the term
      ("TF-IDF", "NP-hard", "go-to-market", "R&D", "Excel-style");
    - context: an ambiguous term ("Spark", "Bedrock", "pandas", "agents") counts only where the line
      reads as technical: a distinctive spelling ("Apache Spark", "AWS Bedrock"), an unambiguous term
      within WINDOW characters, or a technical neighbour word ("Spark jobs", "in Go");
    - a few phrases are never the term ("RAG status", "support agents", "tip of the iceberg").

    Finding: each distinct line is cut into words once (in C); a line none of whose words can start
    a spelling is skipped by one set test; otherwise the longest spelling is taken at each word.
    Linear in the text, and no regex to compile at start-up (a trie regex of ~1,300 spellings takes
    ~0.4 s to compile).
    """

    def __init__(self, names: dict[tuple[str, ...], str], specs: dict[str, _Spec]) -> None:
        self.names = names
        self.specs = specs
        self.longest: dict[str, int] = {}
        for key in names:
            self.longest[key[0]] = max(self.longest.get(key[0], 0), len(key))
        self.firsts = frozenset(self.longest)

    def dumps(self) -> bytes:
        """The recogniser as marshal bytes, for the cache (loads() is ~10x quicker than build())."""
        return marshal.dumps((self.names, {k: tuple(v) for k, v in self.specs.items()}))

    @classmethod
    def loads(cls, raw: bytes) -> Recogniser:
        """Raises ValueError, EOFError or TypeError on bytes that are not a dumped recogniser."""
        names, specs = marshal.loads(raw)
        return cls(names, {k: _Spec(*v) for k, v in specs.items()})

    @classmethod
    def build(cls, terms: Iterable[Any]) -> Recogniser:
        """`terms`: objects with id, name and aliases, and optionally ambiguous and case_sensitive
        (models.Term, or models.Skill for the learning catalogue's own names)."""
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
                    names.setdefault(_words(" ".join(whole)), term.id)
                parts += [(_words(" ".join(p)), term.id) for p in rest]
            if not getattr(term, "case_sensitive", False):
                names.setdefault(_words(term.id), term.id)
            ambiguous = getattr(term, "ambiguous", False)
            # a phrase id ("product-analytics") is a lower-case spelling too; a one-word id ("rust") is not
            phrase_id = "-" in term.id and not getattr(term, "case_sensitive", False)
            written = [*forms, *_written_forms(term.id.replace("-", " "))] if phrase_id else forms
            specs[term.id] = _Spec(
                ambiguous,
                # case-sensitive: as written, and a lower-case phrase capitalised ("Retrieval-augmented generation")
                frozenset(forms + [f for form in forms for f in _sentence_case(form)])
                if getattr(term, "case_sensitive", False) else frozenset(),
                # three words or more are no accident of ordinary English ("retrieval-augmented generation"),
                # nor are two without the ambiguous word itself ("prompt injection" for Red teaming)
                frozenset(f for f in forms if _distinctive(f) or len(f) >= 3 or _apart(f, term.name))
                if ambiguous else frozenset(),
                tuple(p.lower() for p in getattr(term, "not_in", ())),
                getattr(term, "category", ""),
                frozenset(written + [f for form in written for f in _sentence_case(form)]) if ambiguous else frozenset(),
            )
        for key, tid in parts:
            names.setdefault(key, tid)
        for key, tid in list(names.items()):  # plurals, singulars, British spellings
            for variant in _variants(key, singular=len(key) > 1 or not specs[tid].ambiguous):
                names.setdefault(variant, tid)
        names.pop((), None)
        return cls(names, specs)

    def lookup(self, hit: str) -> str | None:
        """The term a spelling names ('py torch', 'LLMs'), or None."""
        return self.names.get(_words(hit))

    def scan(self, lines: Iterable[str]) -> dict[str, tuple[Hit, ...]]:
        """Each distinct line -> the terms recognised in it, in order.

        The distinct lines are cut into words in one pass; Python then looks only at the words
        that can start a spelling, and judges only the lines with a candidate.
        """
        import bisect

        distinct = list(dict.fromkeys(lines))
        out: dict[str, tuple[Hit, ...]] = dict.fromkeys(distinct, ())
        low = _lower("\n".join(distinct))
        firsts, longest, names = self.firsts, self.longest, self.names
        words = _NAME_WORD.findall(low)
        candidates = [i for i, w in enumerate(words) if w in firsts]
        if not candidates:
            return out
        starts = [m.start() for m in _NAME_WORD.finditer(low)]
        line_starts, pos = [], 0
        for line in distinct:
            line_starts.append(pos)
            pos += len(line) + 1
        found: dict[int, list[tuple[int, int, str]]] = {}
        n, after = len(words), 0
        for i in candidates:
            if i < after:  # inside the previous hit
                continue
            for size in range(min(longest[words[i]], n - i), 0, -1):
                term = names.get(tuple(words[i:i + size]))
                if term is None:
                    continue
                a = starts[i]
                b = starts[i + size - 1] + len(words[i + size - 1])
                if size > 1 and _BREAK.search(low, a, b):  # "AWS (EC2" is not "AWS EC2"
                    continue
                k = bisect.bisect_right(line_starts, a) - 1
                found.setdefault(k, []).append((a - line_starts[k], b - line_starts[k], term))
                after = i + size
                break
        persons = self._persons("\n".join(distinct))
        for k, cands in found.items():
            out[distinct[k]] = self._judge(distinct[k], cands, persons)
        return out

    def _persons(self, text: str) -> frozenset[str]:
        """Names of ambiguous terms that this document uses as a person's first name: "report to Ray
        Okafor, Director" or "Gemma, our recruiting partner" makes every "Ray" or "Gemma" of it that needs
        context a person ("a conversation with Ray")."""
        out = set()
        for m in _PERSON.finditer(text):
            first, last, comma = m.groups()
            before = text[max(0, m.start() - 12):m.start()].split()
            if not (comma or (before and before[-1].lower() in _INTRO)):
                continue
            term = self.names.get((first.lower(),))
            if (term is not None and self.specs[term].ambiguous and last.lower() not in self.firsts
                    and last.lower() not in _CUES_NEAR and (first.lower(), last.lower()) not in self.names):
                out.add(first)
        out.update(m.group(1) for m in _NAMED.finditer(text) if (m.group(1).lower(),) in self.names)
        return frozenset(out)

    def find(self, text: str) -> list[str]:
        """Term ids recognised in `text`, each once, in order of first appearance."""
        lines = text.split("\n")
        hits = self.scan(lines)
        return list(dict.fromkeys(h.term for line in dict.fromkeys(lines) for h in hits[line]))

    def _judge(self, line: str, candidates: list[tuple[int, int, str]],
               persons: frozenset[str] = frozenset()) -> tuple[Hit, ...]:
        if not candidates:
            return ()
        specs = self.specs
        if not persons and "." not in line and "@" not in line and not _NEGATION.search(line) and all(
                b - a > 3 and specs[t].plain and line[a:b].lower() not in _DISCIPLINES for a, b, t in candidates):
            return tuple(Hit(t, a, b, line[a:b]) for a, b, t in candidates)
        sure: list[Hit] = []
        pending: list[Hit] = []
        for a, b, term in candidates:
            spec = specs[term]
            text = line[a:b]
            form = tuple(_CASED_TOKEN.findall(text))
            if spec.forms and not _in_forms(form, spec.forms):
                continue
            if ((spec.ambiguous or spec.forms or b - a <= 3) and _glued(line, a, b)) or _in_address(line, a, b):
                continue
            if spec.not_in and _inside_phrase(line.lower(), a, b, spec.not_in):
                continue
            if _NEGATED.search(line, max(0, a - 10), a):  # "No Jira; we run on Linear", "Python, not Java"
                continue
            if text.lower() in _DISCIPLINES and _in_degree(line, a):  # "BS or MS in computer science, statistics"
                continue
            if text in persons and not _in_forms(form, spec.strong):  # "a conversation with Ray"
                continue
            hit = Hit(term, a, b, text)
            if spec.ambiguous and not _in_forms(form, spec.strong):
                pending.append(hit)
            else:
                sure.append(hit)
        for _ in range(2):  # an ambiguous term vouched for may vouch for its neighbour ("Go and Rust")
            still = []
            for hit in pending:
                # written in another case than its name ("rust", "airflow", "confluence"): only a
                # technical word right beside it counts, not a known term somewhere in the line
                written = _as_written(hit, specs, sentence_case=True)
                if _cued(line, hit, reach=4 if written else 1, before=written) or (
                        written and any(_near(o, hit) for o in sure)):
                    sure.append(hit)
                else:
                    still.append(hit)
            if len(still) == len(pending):
                break
            pending = still
        for one, other in zip(pending, pending[1:], strict=False):  # "Rust or Go", "Spark and Kafka"
            if (specs[one.term].category == specs[other.term].category and _PAIR.fullmatch(line, one.end, other.start)
                    and _as_written(one, specs) and _as_written(other, specs)):
                sure += [h for h in (one, other) if h not in sure]
        return tuple(sorted(sure, key=lambda h: h.start))


#: a capitalised first name and surname (overlapping matches: "Meet Julia Chen"), and the words that
#: introduce a person before one ("report to Ray Okafor")
_PERSON = re.compile(r"(?=\b([A-Z][a-z]+) ([A-Z][a-z]{2,})\b(,?))")
_INTRO = frozenset("to with meet ask contact by from".split())
#: a first name introduced by what the person is to the reader ("Gemma, our recruiting partner")
_NAMED = re.compile(r"\b([A-Z][a-z]+), (?:our|your) (?:[\w-]+ ){0,2}(?:partner|lead|manager|recruiter|coordinator|"
                    r"director|head|founder|colleague|teammate|engineer|scientist|analyst|designer|dog|cat)\b")
_PAIR = re.compile(r"\s*\)?\s*(?:,|/|or|and|,\s*or|,\s*and)\s*\(?\s*", re.I)  # "(RAG), fine-tuning" too


def _as_written(hit: Hit, specs: dict[str, _Spec], *, sentence_case: bool = False) -> bool:
    """Capitalised as the name is written ("Rust", "Go", "Kafka"; not "rust"); with `sentence_case`
    also a lower-case spelling capitalised at the start of a sentence ("Fine-tuned")."""
    form = tuple(_CASED_TOKEN.findall(hit.text))
    written = specs[hit.term].written
    if _in_forms(form, written):
        return True
    return sentence_case and bool(form) and _in_forms((form[0][:1].lower() + form[0][1:], *form[1:]), written)


def _in_forms(form: tuple[str, ...], forms: frozenset[tuple[str, ...]]) -> bool:
    if form in forms or not form:
        return bool(form)
    if form[-1].endswith("s"):  # "RAG pipelines" for "RAG pipeline"
        return (*form[:-1], form[-1][:-1]) in forms
    return (*form[:-1], form[-1] + "s") in forms  # and the other way round


#: a degree requirement: the fields of study named in it are not skills asked for ("Master's in Statistics")
_DEGREE = re.compile(r"(?:\b(?:degree|bachelor'?s|master'?s|doctorate)\b|(?<![\w.])(?:ph\.?d|b\.?s\.?c?|m\.?s\.?c?|b\.?a)"
                     r"\.?(?!\w))(?:\s+or\s+\S+)*\s+(?:\w+\s+)?in\b", re.I)
_DISCIPLINES = frozenset({"statistics", "biostatistics", "econometrics", "operations research", "epidemiology",
                          "applied mathematics"})
#: a word right before a term that says the posting does NOT use it
_NEGATED = re.compile(r"(?<![A-Za-z])(?:no|not|without)\s+$", re.I)
_NEGATION = re.compile(r"\b(?:no|not|without)\s", re.I)
#: compounds that still name the term: "transformer-based models", "Spark-powered", "Kubernetes-native"
_COMPOUND_OK = re.compile(r"-(?:based|powered|backed|native|driven|enabled|compatible|specific|family)\b", re.I)


def _in_degree(line: str, at: int) -> bool:
    """The word at `at` is among the fields of a degree requirement: after "MS in" / "degree in", in the
    same clause and close to it ("BS or MS in computer science, statistics or a related field")."""
    for m in _DEGREE.finditer(line, 0, at):
        between = line[m.end():at]
        if len(between) <= 80 and not any(stop in between for stop in (";", ":", ". ")):
            return True
    return False


def _glued(line: str, a: int, b: int) -> bool:
    """The word is part of a compound: 'TF-IDF', 'NP-hard', 'go-to', 'R&D', 'Excel-style' (but not
    'transformer-based')."""
    after = b + 1 < len(line) and line[b] in "-&" and line[b + 1].isalnum() and not _COMPOUND_OK.match(line, b)
    before = a >= 2 and line[a - 1] in "-&" and line[a - 2].isalnum()
    return after or before or _in_address(line, a, b)


def _in_address(line: str, a: int, b: int) -> bool:
    """Part of a web or mail address: 'github.com/dokafor', 'me@docker.io'."""
    after = b + 1 < len(line) and line[b] == "." and line[b + 1].isalpha()
    # after "@", or after a "/" that ends a host or path ("github.com/x"; not "PyTorch/TensorFlow")
    token = line[:a].rsplit(None, 1)[-1] if line[:a].strip() else ""
    before = token.endswith("@") or (token.endswith("/") and ("." in token or token.startswith("/")))
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


def _cued(line: str, hit: Hit, reach: int = 4, before: bool = True) -> bool:
    """A technical word among the `reach` words before the term or the (up to two) after it; with
    `before`, also "with", "in", "using" right before it ("experience with Airflow", not "with parquet floors")."""
    words_before = [w.lower() for w in _WORD.findall(line[max(0, hit.start - 50):hit.start])][-reach:]
    after = [w.lower() for w in _WORD.findall(line[hit.end:hit.end + 40])][:min(2, reach)]
    inside = [w.lower() for w in _WORD.findall(hit.text)][1:]  # "airflow dags": the spelling's own cue
    return bool(before and words_before and words_before[-1] in _CUES_BEFORE) or any(
        w in _CUES_NEAR for w in (*words_before, *inside, *after))
